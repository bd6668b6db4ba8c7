#!/usr/bin/env python3
"""Wikinews (French) dev benchmark of the events stage, and the seed article.

usage: python bench/eval_events.py [--shared DIR] [--pred OUT.jsonl] [--errors] [--min-confidence X]

Runs the full pipeline on ../shared/data/wikinews-fr/dev.jsonl, writes one
``Event.to_record`` per line, scores it with ../shared/eval/score_events.py
(--articles, --by-type), does the same for the seed article, and reports the
share of the pipeline's time spent in the events stage. Tune on dev only.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def _extract(pipeline, articles, min_conf: float | None):
    """Records, parse time and events-stage time over ``articles``."""
    records, t_events, t_total = [], 0.0, 0.0
    events = pipeline.nlp.get_pipe("dateline_events")
    if min_conf is not None:
        events.min_confidence = min_conf
    from dateline.nlp.pipeline import to_extraction

    for art in articles:
        doc = pipeline.make_doc(art)
        for name, proc in pipeline.nlp.pipeline:
            t0 = time.perf_counter()
            doc = proc(doc)
            dt_ = time.perf_counter() - t0
            t_total += dt_
            if name == "dateline_events":
                t_events += dt_
        records.extend(to_extraction(doc).event_records())
    return records, t_total, t_events


def _write(path: Path, records) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def _score(scorer: Path, gold: Path, pred: Path, articles: Path | None) -> None:
    cmd = [sys.executable, str(scorer), str(gold), str(pred), "--by-type"]
    if articles is not None:
        cmd += ["--articles", str(articles)]
    print("$", " ".join(cmd[1:]))
    sys.stdout.flush()
    subprocess.run(cmd, check=False)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=SHARED, help="the ../shared folder (data and scorer)")
    ap.add_argument("--pred", default="/tmp/dateline-dev-events.jsonl", help="where to write the dev predictions")
    ap.add_argument("--min-confidence", type=float, default=None)
    ap.add_argument("--errors", action="store_true", help="print gold events no prediction matches at level A")
    args = ap.parse_args()
    dev_dir, seed_dir = args.shared / "data" / "wikinews-fr", args.shared / "examples"
    scorer = args.shared / "eval" / "score_events.py"
    if not scorer.exists():
        print(f"{scorer} is not here: nothing to score against", file=sys.stderr)
        return 1

    import dateline
    from dateline.read import read_paths
    from dateline.model import Rejection

    pipeline = dateline.load()
    dev = [a for a in read_paths([str(dev_dir / "dev.jsonl")]) if not isinstance(a, Rejection)]
    records, t_total, t_events = _extract(pipeline, dev, args.min_confidence)
    pred = Path(args.pred)
    _write(pred, records)
    print(f"dev: {len(dev)} articles, {len(records)} events -> {pred}")
    _score(scorer, dev_dir / "dev.gold.jsonl", pred, dev_dir / "dev.jsonl")
    print(f"pipeline {t_total:.2f} s, events stage {t_events:.3f} s ({t_events / t_total:.1%})")

    seed = [a for a in read_paths([str(seed_dir / "seed-article.txt")]) if not isinstance(a, Rejection)]
    for a in seed:
        a.id = "seed-article"
    seed_records, _, _ = _extract(pipeline, seed, args.min_confidence)
    seed_pred = pred.with_name(pred.stem + ".seed.jsonl")
    _write(seed_pred, seed_records)
    print(f"\nseed article: {len(seed_records)} events -> {seed_pred}")
    _score(scorer, seed_dir / "seed-article.gold.json", seed_pred, None)
    if args.errors:
        _errors(dev_dir / "dev.gold.jsonl", records)
    return 0


def _errors(gold_path: Path, records) -> None:
    from dateline.events.evaluate import read_gold, same_a

    by = {}
    for r in records:
        by.setdefault(r["article_id"], []).append(r)
    for art in read_gold(gold_path):
        preds = by.get(art["article_id"], [])
        for g in art["events"]:
            if not any(same_a(g, p) for p in preds):
                print("MISS", art["article_id"], g["type"], g.get("modality"), g.get("quote", "")[:90])
        for p in preds:
            if not any(same_a(g, p) for g in art["events"]):
                print("EXTRA", art["article_id"], p["type"], p["modality"],
                      [a["country"] for a in p["actors"]], [r["country"] for r in p["recipients"]],
                      p["evidence"]["trigger"])


if __name__ == "__main__":
    sys.exit(main())
