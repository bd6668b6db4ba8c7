"""Scoring of event records against gold articles (EVENTS.md section 5).

An independent implementation of the contract's measures, so that the project
can score itself where the shared scorer is not shipped: one-to-one pairing of
gold and predicted events within each article (maximum bipartite matching), at
levels A (PLOVER category + participant countries), B (A + date) and C (B +
type, modality, actor/recipient split), level A grounded in the gold quote's
sentence, and the date, modality, non-asserted, off-publication-day and
country measures.
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import plover_category

Record = dict[str, Any]
LEVELS = ("A", "B", "C", "A_grounded")


def category(rec: Record) -> str | None:
    return rec.get("plover") or plover_category(rec.get("type") or "", rec.get("modality") or "asserted")


def _countries(side: Iterable[Record] | None) -> frozenset[str]:
    return frozenset(e["country"] for e in side or () if e.get("country"))


def participants(rec: Record) -> frozenset[str]:
    return _countries(rec.get("actors")) | _countries(rec.get("recipients"))


def date_of(rec: Record) -> str | None:
    d = rec.get("date")
    return d.get("value") if isinstance(d, dict) else d


def modality_of(rec: Record) -> str:
    return rec.get("modality") or "asserted"


def same_a(g: Record, p: Record) -> bool:
    return category(g) == category(p) and participants(g) == participants(p)


def same_b(g: Record, p: Record, dct: str) -> bool:
    if not same_a(g, p):
        return False
    gold_date, pred_date = date_of(g), date_of(p)
    if gold_date:
        return pred_date == gold_date
    return pred_date is None or pred_date == dct


def same_c(g: Record, p: Record, dct: str) -> bool:
    return (same_b(g, p, dct) and g.get("type") == p.get("type")
            and modality_of(g) == modality_of(p)
            and _countries(g.get("actors")) == _countries(p.get("actors"))
            and _countries(g.get("recipients")) == _countries(p.get("recipients")))


def sentence_around(text: str, quote: str) -> tuple[int, int] | None:
    """The sentence holding ``quote``: from after the previous ". " or line break to the next."""
    at = text.find(quote)
    if at < 0:
        return None
    starts = [text.rfind(". ", 0, at) + 1, text.rfind("\n", 0, at) + 1]
    start = max(starts + [0])
    after = at + len(quote)
    stops = [i for i in (text.find(". ", after), text.find("\n", after)) if i != -1]
    return start, (min(stops) + 1) if stops else len(text)


def grounded(g: Record, p: Record, text: str | None) -> bool:
    if not text:
        return False
    span = sentence_around(text, g.get("quote") or "")
    ev = p.get("evidence") or {}
    if span is None or "start" not in ev:
        return False
    end = ev.get("end", ev["start"] + 1)
    return ev["start"] < span[1] and end > span[0]


def pairs(gold: list[Record], pred: list[Record], ok: Callable[[Record, Record], bool]) -> int:
    """Size of a maximum one-to-one pairing (Kuhn's augmenting paths, iterative over gold)."""
    options = [[j for j, p in enumerate(pred) if ok(g, p)] for g in gold]
    match_of_pred: dict[int, int] = {}

    def try_assign(gi: int, visited: set[int]) -> bool:
        for pj in options[gi]:
            if pj in visited:
                continue
            visited.add(pj)
            holder = match_of_pred.get(pj)
            if holder is None or try_assign(holder, visited):
                match_of_pred[pj] = gi
                return True
        return False

    return sum(try_assign(gi, set()) for gi in range(len(gold)))


@dataclass
class Tally:
    gold: int = 0
    pred: int = 0
    tp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    by_type: dict[str, dict[str, int]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(int)))


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": round(p, 4), "R": round(r, 4), "F1": round(f, 4)}


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def score(gold_articles: list[Record], predictions: list[Record],
          texts: dict[str, str] | None = None) -> dict[str, Any]:
    """Every measure of EVENTS.md section 5 over ``gold_articles``."""
    by_article: dict[str, list[Record]] = defaultdict(list)
    for rec in predictions:
        by_article[rec["article_id"]].append(rec)
    t = Tally()
    for art in gold_articles:
        gs, ps, dct = art["events"], by_article.get(art["article_id"], []), art["date"]
        _tally_article(t, gs, ps, dct, (texts or {}).get(art["article_id"], "") if texts else None)
    result: dict[str, Any] = {"articles": len(gold_articles), "gold": t.gold, "pred": t.pred}
    for level in LEVELS:
        if level == "A_grounded" and not texts:
            continue
        result[level] = _prf(t.tp[level], t.pred, t.gold)
    result["date_accuracy"] = _ratio(t.tp["B"], t.tp["A"])
    result["modality_accuracy"] = _ratio(t.tp["mod"], t.tp["A"])
    result["nonasserted_modality_recall"] = _ratio(t.tp["na"], t.tp["na_gold"])
    result["offdate_recall"] = _ratio(t.tp["off"], t.tp["off_gold"])
    result["country_recall"] = _ratio(t.tp["cty"], t.tp["cty_gold"])
    result["by_type"] = {k: _prf(c["tp"], c["pred"], c["gold"]) | {"gold": c["gold"], "pred": c["pred"]}
                         for k, c in sorted(t.by_type.items())}
    return result


def _tally_article(t: Tally, gs: list[Record], ps: list[Record], dct: str, text: str | None) -> None:
    t.gold += len(gs)
    t.pred += len(ps)
    for g in gs:
        t.by_type[category(g)]["gold"] += 1
    for p in ps:
        t.by_type[category(p)]["pred"] += 1
    gold_c = frozenset().union(*(participants(g) for g in gs)) if gs else frozenset()
    pred_c = frozenset().union(*(participants(p) for p in ps)) if ps else frozenset()
    t.tp["cty_gold"] += len(gold_c)
    t.tp["cty"] += len(gold_c & pred_c)
    t.tp["A"] += _pairs_by_type(t, gs, ps)
    with_mod = lambda g, p: same_a(g, p) and modality_of(g) == modality_of(p)  # noqa: E731
    t.tp["mod"] += pairs(gs, ps, with_mod)
    non_asserted = [g for g in gs if modality_of(g) != "asserted"]
    t.tp["na_gold"] += len(non_asserted)
    t.tp["na"] += pairs(non_asserted, ps, with_mod)
    off = [g for g in gs if date_of(g) and date_of(g) != dct]
    t.tp["off_gold"] += len(off)
    t.tp["off"] += pairs(off, ps, lambda g, p: same_b(g, p, dct))
    if text is not None:
        t.tp["A_grounded"] += pairs(gs, ps, lambda g, p: same_a(g, p) and grounded(g, p, text))
    t.tp["B"] += pairs(gs, ps, lambda g, p: same_b(g, p, dct))
    t.tp["C"] += pairs(gs, ps, lambda g, p: same_c(g, p, dct))


def _pairs_by_type(t: Tally, gs: list[Record], ps: list[Record]) -> int:
    """Level-A pairs, also counted per gold category (pairs never cross categories)."""
    total = 0
    for cat in {category(g) for g in gs}:
        sub = [g for g in gs if category(g) == cat]
        n = pairs(sub, [p for p in ps if category(p) == cat], same_a)
        t.by_type[cat]["tp"] += n
        total += n
    return total


# --- files -----------------------------------------------------------------------------

def read_jsonl(path: str | Path) -> list[Record]:
    try:
        with open(path, encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]
    except (OSError, json.JSONDecodeError) as err:
        raise InputError(f"{path}: {err}") from err


def read_gold(path: str | Path) -> list[Record]:
    """Gold articles: JSONL, or a .json file with one article or a list of them."""
    if str(path).endswith(".json"):
        try:
            with open(path, encoding="utf-8") as fh:
                loaded = json.load(fh)
        except (OSError, json.JSONDecodeError) as err:
            raise InputError(f"{path}: {err}") from err
        return loaded if isinstance(loaded, list) else [loaded]
    return read_jsonl(path)


def format_score(r: dict[str, Any], by_type: bool = False) -> str:
    lines = [f"articles {r['articles']}  gold events {r['gold']}  predicted {r['pred']}"]
    names = {"A": "type + participants", "B": "A + date", "C": "B + modality, roles",
             "A_grounded": "A + same sentence"}
    for level in LEVELS:
        if level in r:
            s = r[level]
            lines.append(f"level {level} ({names[level]:20s}) P {s['P']:.3f}  R {s['R']:.3f}  F1 {s['F1']:.3f}")
    lines.append(f"over level-A pairs: date accuracy {r['date_accuracy']:.3f}  "
                 f"modality accuracy {r['modality_accuracy']:.3f}")
    lines.append(f"non-asserted gold events found with their modality: {r['nonasserted_modality_recall']:.3f}")
    lines.append(f"gold events dated away from the publication day, found with that date: {r['offdate_recall']:.3f}")
    lines.append(f"participant countries of gold events found: {r['country_recall']:.3f}")
    if by_type:
        for k, c in r["by_type"].items():
            lines.append(f"  {k:10s} gold {c['gold']:3d} pred {c['pred']:3d}  P {c['P']:.2f} R {c['R']:.2f} F1 {c['F1']:.2f}")
    return "\n".join(lines)
