#!/usr/bin/env python3
"""French TimeBank benchmark of the temporal stage: scores, and the cost of
tagging next to the spaCy parse of the same texts.

usage: python bench/eval_timex.py [--split dev] [--pred OUT.jsonl] [--errors] [--repeat N]

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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=("dev", "test"))
    ap.add_argument("--data", default=str(FTIB), help="folder with articles.<split>.jsonl, timex.<split>.jsonl")
    ap.add_argument("--pred", help="also write the predictions (JSONL) here")
    ap.add_argument("--errors", action="store_true", help="print missed, spurious and wrong-value expressions")
    ap.add_argument("--repeat", type=int, default=3, help="tagging passes to time (best kept)")
    args = ap.parse_args()

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
