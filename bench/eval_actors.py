"""Actors stage on the Wikinews dev set: participant-country coverage and cost.

Prints, over ../shared/data/wikinews-fr/dev, the share of gold participant
countries (per article, the union of the countries of gold actors and
recipients) found among the countries of the entities the linker finds in
that article: an upper bound for the events stage's "participant countries
found". Then the time of actor resolution against the parse time (spaCy's
own components), which must stay at or under 10%.

    .venv/bin/python bench/eval_actors.py [--shared ../shared | --data DIR] [-v]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "data" / "wikinews-fr"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=None,
                    help="the ../shared folder (its data/wikinews-fr is read)")
    ap.add_argument("--data", type=Path, default=DEFAULT, help="folder holding dev.jsonl and dev.gold.jsonl")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the missed countries per article")
    args = ap.parse_args(argv)
    if args.shared is not None:
        args.data = args.shared / "data" / "wikinews-fr"
    if not (args.data / "dev.jsonl").exists():
        print(f"{args.data}: no dev.jsonl (the shared data is not here)", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    from dateline.model import Article
    from dateline.nlp.pipeline import Pipeline

    pipe = Pipeline.load(stages=("dateline_actors",))  # the actors stage alone after spaCy
    gold = {g["article_id"]: g for g in map(json.loads, (args.data / "dev.gold.jsonl").open())}
    articles = [json.loads(line) for line in (args.data / "dev.jsonl").open()]
    # Warm-up: the first document pays for lazy model loading.
    pipe.parse(Article("warmup", dt.date(2012, 1, 1), articles[0]["text"]))
    found_total = gold_total = 0
    parse_time = actor_time = 0.0
    for rec in articles:
        article = Article(rec["id"], dt.date.fromisoformat(rec["date"]), rec["text"])
        doc = pipe.make_doc(article)
        for name, proc in pipe.nlp.pipeline:
            t0 = time.perf_counter()
            doc = proc(doc)
            elapsed = time.perf_counter() - t0
            if name == "dateline_actors":
                actor_time += elapsed
            else:
                parse_time += elapsed
        wanted = {p["country"] for e in gold[rec["id"]]["events"]
                  for p in e["actors"] + e["recipients"] if p.get("country")}
        have = {e.country for e in doc._.entities if e.country}
        for e in doc._.entities:
            have.update(r.country for r in e.roles if r.country and r.holds_on(rec["date"]))
        found_total += len(wanted & have)
        gold_total += len(wanted)
        if args.verbose and wanted - have:
            print(f"  {rec['id']}: missed {sorted(wanted - have)}; found {sorted(have)}")
    share = found_total / gold_total if gold_total else 0.0
    print(f"participant countries found: {found_total}/{gold_total} = {share:.3f} "
          f"({len(articles)} dev articles)")
    ratio = actor_time / parse_time if parse_time else 0.0
    print(f"actor resolution {actor_time * 1000:.0f} ms vs parse {parse_time * 1000:.0f} ms: "
          f"ratio {ratio:.3f} (budget 0.10)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
