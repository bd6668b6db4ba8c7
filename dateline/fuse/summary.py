"""One fused event from the whole set of its article-level records.

Every choice depends on the set only (records are sorted by their content key first),
so the same records give the same event whatever order they were ingested in.

* date: among the records' date values, the one compatible with the most records;
  ties go to the more precise value, then the smaller one. When some values are not
  compatible with each other (one source "2019-06", another "2019-07") the event keeps
  ``dates.disagree = true`` and every value with its count.
* modality, mode, cameo, location: the most frequent (ties: the first in a fixed order).
* actors / recipients: the union over records by actor id; each actor in the role most
  records give it.
* evidence and ``article_id``: of the most confident record that has the chosen date.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from operator import itemgetter
from typing import Any, Iterable

from ..model import MODALITIES, QUAD, plover_category
from .compat import dates_compatible, fold
from .dates import interval


# the events.location column's JSON (one encoder: json.dumps with options builds one per call)
_PLACE_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True)


def event_id_for(keys: Iterable[str]) -> str:
    """The id of the event holding records with these content keys (order-free)."""
    first = min(keys)
    return "ev-" + hashlib.sha1(first.encode()).hexdigest()[:12]


def _majority(values: list[Any], order: Iterable[Any] = ()) -> Any:
    if len(values) > 8:  # Counter counts in C, but its set-up dominates on a few values
        counts: dict[Any, int] = Counter(values)
        counts.pop(None, None)
    else:
        counts = {}
        for v in values:
            if v is not None:
                counts[v] = counts.get(v, 0) + 1
    if len(counts) < 2:  # no vote to break (the usual case): skip the ranking
        return next(iter(counts), None)
    rank = {v: i for i, v in enumerate(order)}
    return min(counts, key=lambda v: (-counts[v], rank.get(v, len(rank)), str(v)))


def choose_date(values: list[str]) -> tuple[str | None, bool]:
    """(the chosen value, whether the values disagree) for non-null date values."""
    if not values:
        return None, False
    distinct = sorted(set(values))
    if len(distinct) == 1:  # one value (the usual case) agrees with itself
        return distinct[0], False
    support = {v: sum(1 for w in values if dates_compatible(v, w)) for v in distinct}
    best = min(distinct, key=lambda v: (-support[v], -len(v), v))
    disagree = any(not dates_compatible(a, b) for a in distinct for b in distinct)
    return best, disagree


def _date(rows: list[dict]) -> tuple[dict, dict]:
    values = [r["date_value"] for r in rows if r["date_value"]]
    chosen, disagree = choose_date(values)
    counts = Counter(values)
    info = {"value": chosen, "disagree": disagree,
            "values": [{"value": v, "n": counts[v]} for v in sorted(counts)],
            "undated": len(rows) - len(values)}
    if chosen is None:
        basis = _majority([r["date_basis"] for r in rows], ("publication", "narrative"))
        return {"value": None, "text": None, "basis": basis or "publication"}, info
    with_it = [r for r in rows if r["date_value"] == chosen]
    best = with_it[_first_min([(r["date_basis"] != "explicit", r["key"]) for r in with_it])]
    return {"value": chosen, "text": best["date_text"], "basis": best["date_basis"]}, info


def _first_min(keys: list[tuple]) -> int:
    """The index of the first smallest of ``keys`` (as ``min(..., key=...)`` picks it)."""
    return min([(k, i) for i, k in enumerate(keys)])[1]


def _participants(rows: list[dict]) -> tuple[list[dict], list[dict]]:
    # actor id -> [records as actor, as recipient, (name, country, sector) of each record],
    # in order of first appearance
    seen: dict[str, list] = {}
    for row in rows:
        parts = row["actors"]
        for slot, role in ((0, "actors"), (1, "recipients")):
            for actor in parts[role]:
                entry = seen.get(actor["id"])
                if entry is None:
                    entry = seen[actor["id"]] = [0, 0, []]
                entry[slot] += 1
                entry[2].append((actor["name"], actor.get("country"), actor.get("sector")))
    out: dict[str, list[dict]] = {"actors": [], "recipients": []}
    for aid, (as_actor, as_recipient, facts) in seen.items():
        role = "actors" if as_actor >= as_recipient else "recipients"
        if len(set(facts)) == 1:  # every record agrees (the usual case): no vote
            name, country, sector = facts[0]
        else:
            name, country, sector = (_majority([f[i] for f in facts]) for i in range(3))
        out[role].append({"id": aid, "name": name, "country": country, "sector": sector})
    return out["actors"], out["recipients"]


def _location(rows: list[dict]) -> dict | None:
    places = [r["location"] for r in rows if r["location"]]
    if len({p.get("name") for p in places}) < 2:  # one name (the usual case): no vote
        return places[0] if places else None
    names = [fold(p.get("name")) for p in places]  # folded once: fold is not cheap
    name = _majority(names)
    return next((p for p, n in zip(places, names) if n == name), None)


def summarise(rows: list[dict]) -> dict[str, Any]:
    """The event row (columns and ``record``) for the records ``rows`` of one act.

    Each row has ``key``, ``article_id``, ``type``, ``modality``, ``date_value``,
    ``date_text``, ``date_basis``, ``published``, ``origin``, ``location`` (dict or None),
    ``actors`` ({"actors": [...], "recipients": [...]}, canonical actor ids), ``mode``,
    ``context``, ``cameo``, ``confidence`` and ``evidence`` (EVENTS.md evidence or None).
    """
    rows = sorted(rows, key=itemgetter("key"))
    type_ = rows[0]["type"]
    date, date_info = _date(rows)
    modality = _majority([r["modality"] for r in rows], MODALITIES)
    plover = plover_category(type_, modality)
    actors, recipients = _participants(rows)
    rep = rows[_first_min([(r["date_value"] != date["value"], -float(r["confidence"] or 0),
                             r["key"]) for r in rows])]
    reported = sorted({r["published"] for r in rows})
    span = interval(date["value"])
    record = {
        "article_id": rep["article_id"], "type": type_,
        "mode": _majority([r["mode"] for r in rows]),
        "context": sorted({c for r in rows for c in r["context"] or []}),
        "cameo": _majority([r["cameo"] for r in rows]),
        "actors": actors, "recipients": recipients, "date": date,
        "location": _location(rows), "modality": modality, "plover": plover,
        "quad": QUAD[plover], "evidence": rep["evidence"],
        "confidence": max([float(r["confidence"] or 0) for r in rows]),
        "num_mentions": len(rows),
        "num_articles": len({r["article_id"] for r in rows}),
        "num_sources": len({r["origin"] for r in rows}),
        "reported": {"dates": reported, "min": reported[0], "max": reported[-1]},
        "dates": date_info,
    }
    record["id"] = event_id_for([r["key"] for r in rows])
    return {
        "id": record["id"], "type": type_, "plover": plover, "quad": record["quad"],
        "mode": record["mode"], "modality": modality, "cameo": record["cameo"],
        "context": json.dumps(record["context"]), "date_value": date["value"],
        "date_text": date["text"], "date_basis": date["basis"], "date_start": span[0] if span else None,
        "date_end": span[1] if span else None, "date_disagree": int(date_info["disagree"]),
        "first_reported": reported[0], "last_reported": reported[-1],
        "place_date": span[0] if span else reported[0],
        "location": _PLACE_JSON.encode(record["location"])
        if record["location"] else None, "confidence": record["confidence"],
        "num_mentions": record["num_mentions"], "num_articles": record["num_articles"],
        "num_sources": record["num_sources"], "record": record,
    }
