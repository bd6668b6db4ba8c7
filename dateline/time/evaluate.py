"""TempEval-3 scoring of TIMEX3 predictions, and TimeML reading.

Measures (EVENTS.md section 5): strict extraction (same offsets), relaxed
extraction (overlap, paired one to one), value F1 (relaxed pairs with the same
value) and type accuracy over the relaxed pairs. Pairing takes the gold
expressions in order, each with the first compatible unused prediction.
"""
from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..errors import InputError
from ..model import Article

Record = dict  # {"article_id", "start", "end", "type", "value", ...}


def read_jsonl(path: str | Path) -> list[Record]:
    """Records of a JSONL file (blank lines skipped)."""
    out = []
    try:
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if line.strip():
                    try:
                        out.append(json.loads(line))
                    except json.JSONDecodeError as err:
                        raise InputError(f"{path}:{n}: not JSON: {err}") from err
    except OSError as err:
        raise InputError(f"{path}: cannot read: {err.strerror}") from err
    return out


def _by_article(records: Iterable[Record]) -> dict[str, list[Record]]:
    grouped: dict[str, list[Record]] = defaultdict(list)
    for r in records:
        grouped[r["article_id"]].append(r)
    return grouped


def pair(gold: list[Record], pred: list[Record], ok: Callable[[Record, Record], bool]) -> list[tuple[Record, Record]]:
    """One-to-one pairs: each gold record, in order, takes the first unused prediction ``ok`` accepts."""
    taken: set[int] = set()
    pairs = []
    for g in gold:
        for j, p in enumerate(pred):
            if j not in taken and ok(g, p):
                taken.add(j)
                pairs.append((g, p))
                break
    return pairs


def _same_offsets(g: Record, p: Record) -> bool:
    return g["start"] == p["start"] and g["end"] == p["end"]


def _overlap(g: Record, p: Record) -> bool:
    return g["start"] < p["end"] and p["start"] < g["end"]


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"P": round(precision, 4), "R": round(recall, 4), "F1": round(f1, 4)}


def score(gold: Iterable[Record], pred: Iterable[Record]) -> dict:
    """The TempEval-3 figures of ``pred`` against ``gold`` (every prediction counts,
    also those of articles without gold expressions)."""
    gold_by, pred_by = _by_article(gold), _by_article(pred)
    n_gold = sum(map(len, gold_by.values()))
    n_pred = sum(map(len, pred_by.values()))
    strict = relaxed = typed = valued = 0
    for article_id, gs in gold_by.items():
        ps = pred_by.get(article_id, [])
        strict += len(pair(gs, ps, _same_offsets))
        pairs = pair(gs, ps, _overlap)
        relaxed += len(pairs)
        typed += sum(g["type"] == p.get("type") for g, p in pairs)
        valued += sum(g["value"] == p.get("value") for g, p in pairs)
    result: dict = {"gold": n_gold, "pred": n_pred}
    for name, tp in (("strict", strict), ("relaxed", relaxed), ("value", valued)):
        result[name] = _prf(tp, n_pred, n_gold)
    result["type_accuracy"] = round(typed / relaxed, 4) if relaxed else 0.0
    return result


def format_score(result: dict) -> str:
    """The figures as a short human-readable table."""
    lines = [f"gold {result['gold']}  predicted {result['pred']}"]
    for name in ("strict", "relaxed", "value"):
        r = result[name]
        lines.append(f"{name:8s} P {r['P']:.3f}  R {r['R']:.3f}  F1 {r['F1']:.3f}")
    lines.append(f"type accuracy over relaxed matches {result['type_accuracy']:.3f}")
    return "\n".join(lines)


# -- TimeML -------------------------------------------------------------------

def read_timeml(path: str | Path) -> tuple[Article, list[Record]]:
    """An article (text, DCT) and its gold TIMEX3 from an ISO-TimeML file. Text and
    offsets are those of the French TimeBank conversion: the TEXT element's
    character data, stripped."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as err:
        raise InputError(f"{path}: not a readable TimeML file: {err}") from err
    text_el = root.find("TEXT")
    if text_el is None:
        raise InputError(f"{path}: no TEXT element")
    doc_id = (root.findtext("DOCID") or Path(path).stem).strip()
    dct_el = root.find("DCT/TIMEX3")
    try:
        dct = dt.date.fromisoformat((dct_el.get("value") or "")[:10]) if dct_el is not None else None
    except ValueError:
        dct = None
    if dct is None:
        raise InputError(f"{path}: no usable DCT (DCT/TIMEX3 value)")
    pieces: list[str] = []
    spans: list[tuple[int, int, ET.Element]] = []
    _flatten(text_el, pieces, spans, [0])
    raw = "".join(pieces)
    lead = len(raw) - len(raw.lstrip())
    text = raw.strip()
    gold = [{"article_id": doc_id, "start": s - lead, "end": e - lead, "text": raw[s:e],
             "type": el.get("type"), "value": el.get("value")} for s, e, el in spans]
    return Article(id=doc_id, date=dct, text=text, source=str(path)), gold


def _flatten(el: ET.Element, pieces: list[str], spans: list, pos: list[int]) -> None:
    """Concatenate the character data under ``el``, noting where each TIMEX3 lies."""
    if el.text:
        pieces.append(el.text)
        pos[0] += len(el.text)
    for child in el:
        start = pos[0]
        _flatten(child, pieces, spans, pos)
        if child.tag == "TIMEX3":
            spans.append((start, pos[0], child))
        if child.tail:
            pieces.append(child.tail)
            pos[0] += len(child.tail)


def timeml_files(path: str | Path) -> list[Path]:
    """The .tml files of a folder (sorted), or the file itself."""
    p = Path(path)
    if p.is_dir():
        return sorted(p.glob("*.tml"))
    return [p]


def read_articles(path: str | Path) -> Iterator[Article]:
    """Articles of an EVENTS.md section 1 JSONL file."""
    for n, rec in enumerate(read_jsonl(path), 1):
        try:
            yield Article(id=rec["id"], date=dt.date.fromisoformat(rec["date"]), text=rec["text"],
                          title=rec.get("title"), url=rec.get("url"), source=f"{path}:{n}")
        except (KeyError, ValueError, TypeError) as err:
            raise InputError(f"{path}:{n}: not an article record ({err})") from err
