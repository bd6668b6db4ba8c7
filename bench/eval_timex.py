#!/usr/bin/env python3
"""French TimeBank benchmark of the temporal stage: scores, and the cost of
tagging next to the spaCy parse of the same texts.

usage: python bench/eval_timex.py [--split dev] [--pred OUT.jsonl] [--errors] [--repeat N]
       python bench/eval_timex.py --dating [--errors]

--dating measures ``dateline.events.dating.date_event`` alone on the Wikinews dev
gold events (each gold event's trigger found in its quote): date accuracy (a
null gold date accepts the publication date) and the off-publication-day recall.

Tune on dev only; the test split is for reporting (its gold is only read
when --split test is asked for).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FTIB = ROOT.parent / "shared" / "data" / "ftib"
WIKINEWS = ROOT.parent / "shared" / "data" / "wikinews-fr"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=("dev", "test"))
    ap.add_argument("--shared", type=Path, default=None,
                    help="the ../shared folder (its data/ftib and data/wikinews-fr are read)")
    ap.add_argument("--data", default=str(FTIB), help="folder with articles.<split>.jsonl, timex.<split>.jsonl")
    ap.add_argument("--pred", help="also write the predictions (JSONL) here")
    ap.add_argument("--errors", action="store_true", help="print missed, spurious and wrong-value expressions")
    ap.add_argument("--repeat", type=int, default=3, help="tagging passes to time (best kept)")
    ap.add_argument("--dating", action="store_true", help="score event dating on the Wikinews dev gold instead")
    args = ap.parse_args()
    wikinews = WIKINEWS
    if args.shared is not None:
        args.data, wikinews = str(args.shared / "data" / "ftib"), args.shared / "data" / "wikinews-fr"
    if args.dating:
        return _dating(args.errors, wikinews)

    import spacy

    from dateline.nlp.extensions import register_extensions
    from dateline.time.evaluate import format_score, read_articles, read_jsonl, score
    from dateline.time.tagger import TimeTagger

    register_extensions()
    data = Path(args.data)
    articles = list(read_articles(data / f"articles.{args.split}.jsonl"))
    nlp = spacy.load("fr_core_news_md")
    tagger = TimeTagger("fr")

    t0 = time.perf_counter()
    docs = list(nlp.pipe(a.text for a in articles))
    parse_s = time.perf_counter() - t0
    for doc, article in zip(docs, articles):
        doc._.article = article

    tag_s = float("inf")
    for _ in range(max(args.repeat, 1)):
        t0 = time.perf_counter()
        for doc in docs:
            doc._.findings = None
            tagger(doc)
        tag_s = min(tag_s, time.perf_counter() - t0)

    pred = [t.to_record(a.id) for doc, a in zip(docs, articles) for t in doc._.timexes]
    if args.pred:
        with open(args.pred, "w", encoding="utf-8") as fh:
            for rec in pred:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    gold = read_jsonl(data / f"timex.{args.split}.jsonl")
    result = score(gold, pred)
    print(f"French TimeBank {args.split}: {len(articles)} articles")
    print(format_score(result))
    print(f"parse {parse_s:.3f} s   time tagging {tag_s:.4f} s   ratio {tag_s / parse_s:.1%}")
    if args.errors:
        _print_errors(gold, pred, {a.id: a.text for a in articles})
    return 0


def _trigger_span(doc, quote: str, trigger: str):
    """The trigger's first word(s) inside the gold quote, as a Span (None if not found)."""
    quote, trigger = quote.replace("\u2019", "'"), trigger.replace("\u2019", "'")
    at = doc.text.find(quote)
    if at < 0:
        return None
    words = trigger.split(" / ")[0].split(" ... ")[0]
    start = doc.text.find(words, at, at + len(quote))
    if start < 0:
        words = words.split()[0]
        start = doc.text.find(words, at, at + len(quote))
    if start < 0:
        return None
    return doc.char_span(start, start + len(words), alignment_mode="expand")


def _dating(show_errors: bool, wikinews: Path = WIKINEWS) -> int:
    import datetime as dt

    import dateline
    from dateline.events.dating import date_event
    from dateline.model import Article
    from dateline.time.evaluate import read_jsonl

    pipeline = dateline.load()
    skip = {"dateline_actors", "dateline_events"}
    articles = {a["id"]: a for a in read_jsonl(wikinews / "dev.jsonl")}
    right = total = off = off_right = 0
    for gold in read_jsonl(wikinews / "dev.gold.jsonl"):
        rec = articles[gold["article_id"]]
        doc = pipeline.make_doc(Article(id=rec["id"], date=dt.date.fromisoformat(rec["date"]), text=rec["text"]))
        for name, proc in pipeline.nlp.pipeline:
            if name not in skip:
                doc = proc(doc)
        for event in gold["events"]:
            span = _trigger_span(doc, event["quote"], event["trigger"])
            if span is None:
                continue
            got = date_event(doc, span, span.sent)
            want = event["date"]["value"]
            ok = got.value == want or (want is None and got.value in (None, rec["date"]))
            total += 1
            right += ok
            if want is not None and want != rec["date"]:
                off += 1
                off_right += got.value == want
            if show_errors and not ok:
                print(f"{rec['id']} gold {want} ({event['date']['text']!r}) got {got.value} "
                      f"{got.basis} {got.text!r} | {event['quote'][:80]}")
    print(f"event dating on Wikinews dev: {total} gold events located")
    print(f"date accuracy {right / total:.3f} ({right}/{total}); "
          f"off-publication-day recall {off_right / off:.3f} ({off_right}/{off})")
    return 0


def _print_errors(gold, pred, texts) -> None:
    from collections import defaultdict

    by_g, by_p = defaultdict(list), defaultdict(list)
    for g in gold:
        by_g[g["article_id"]].append(g)
    for p in pred:
        by_p[p["article_id"]].append(p)
    for doc in sorted(set(by_g) | set(by_p)):
        text = texts.get(doc, "")
        for g in by_g[doc]:
            hits = [p for p in by_p[doc] if p["start"] < g["end"] and g["start"] < p["end"]]
            ctx = text[max(0, g["start"] - 30):g["end"] + 20].replace("\n", " ")
            if not hits:
                print(f"MISS  {doc} {g['text']!r} {g['type']} {g['value']}   | {ctx}")
            else:
                p = hits[0]
                if (p["start"], p["end"]) != (g["start"], g["end"]):
                    print(f"SPAN  {doc} gold {g['text']!r} pred {p['text']!r}   | {ctx}")
                if p["value"] != g["value"] or p["type"] != g["type"]:
                    print(f"VALUE {doc} {g['text']!r} gold {g['type']} {g['value']} pred {p['type']} {p['value']}  [{p.get('rule', '')}]  | {ctx}")
        for p in by_p[doc]:
            if not any(p["start"] < g["end"] and g["start"] < p["end"] for g in by_g[doc]):
                ctx = text[max(0, p["start"] - 30):p["end"] + 20].replace("\n", " ")
                print(f"FALSE {doc} {p['text']!r} {p['type']} {p['value']}   | {ctx}")


if __name__ == "__main__":
    sys.exit(main())
