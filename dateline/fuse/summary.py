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


def choose_date(values: list[str]) -> tuple[str | None, bool]:
    """(the chosen value, whether the values disagree) for non-null date values."""
    return _choose_counted(dict(Counter(values)))


def summarise(rows: list[dict]) -> dict[str, Any]:
    """The event row (columns and ``record``) for the records ``rows`` of one act.

    Each row has ``key``, ``article_id``, ``type``, ``modality``, ``date_value``,
    ``date_text``, ``date_basis``, ``published``, ``origin``, ``location`` (dict or None),
    ``actors`` ({"actors": [...], "recipients": [...]}, canonical actor ids), ``mode``,
    ``context``, ``cameo``, ``confidence`` and ``evidence`` (EVENTS.md evidence or None).
    The store keeps the same tallies per event and updates them record by record.
    """
    return summarise_tallies(tallies_of(rows))


# the event record's fields in their order (around the PLOVER category and quad class)
_RECORD_HEAD = ("article_id", "type", "mode", "context", "cameo", "actors", "recipients", "date",
                "location", "modality")
_RECORD_TAIL = ("evidence", "confidence", "num_mentions", "num_articles", "num_sources")


def _event_row(record: dict[str, Any], first_key: str) -> dict[str, Any]:
    """The event row of ``record`` (its votes and counts; "reported": the sorted distinct
    publication days), completed with the PLOVER category, quad class and id."""
    type_, modality, date = record["type"], record["modality"], record["date"]
    plover = plover_category(type_, modality)
    reported = record["reported"]
    record = {**{k: record[k] for k in _RECORD_HEAD}, "plover": plover, "quad": QUAD[plover],
              **{k: record[k] for k in _RECORD_TAIL},
              "reported": {"dates": reported, "min": reported[0], "max": reported[-1]},
              "dates": record["dates"], "id": event_id_for([first_key])}
    span = interval(date["value"])
    return {
        "id": record["id"], "type": type_, "plover": plover, "quad": record["quad"],
        "mode": record["mode"], "modality": modality, "cameo": record["cameo"],
        "context": json.dumps(record["context"]), "date_value": date["value"],
        "date_text": date["text"], "date_basis": date["basis"], "date_start": span[0] if span else None,
        "date_end": span[1] if span else None, "date_disagree": int(record["dates"]["disagree"]),
        "first_reported": reported[0], "last_reported": reported[-1],
        "place_date": span[0] if span else reported[0],
        "location": _PLACE_JSON.encode(record["location"])
        if record["location"] else None, "confidence": record["confidence"],
        "num_mentions": record["num_mentions"], "num_articles": record["num_articles"],
        "num_sources": record["num_sources"], "record": record,
    }


def _majority_of(counts: dict[Any, int], order: Iterable[Any] = ()) -> Any:
    """``_majority`` of the values counted in ``counts`` (value -> number of records)."""
    counts = {v: n for v, n in counts.items() if v is not None}
    if len(counts) < 2:
        return next(iter(counts), None)
    rank = {v: i for i, v in enumerate(order)}
    return min(counts, key=lambda v: (-counts[v], rank.get(v, len(rank)), str(v)))


def _count(counts: dict[Any, int], value: Any) -> None:
    counts[value] = counts.get(value, 0) + 1


def _keep_min(best: dict[Any, tuple], value: Any, rank: tuple, row: dict) -> None:
    """Keep in ``best[value]`` the (rank, row) of the smallest rank (ranks end in the key)."""
    old = best.get(value)
    if old is None or rank < old[0]:
        best[value] = (rank, row)


class EventTallies:
    """What ``summarise`` votes and counts on over one event's records, kept up to date
    record by record: an event of n records then costs one record per insert, not n.
    ``summarise_tallies`` gives exactly ``summarise`` of the records counted.

    The records' content keys must be distinct (they are in the store: ``mentions.key``
    is UNIQUE). Every "first record" choice of
    ``summarise`` is a minimum over the records (ranks end in the key), kept here per
    value it depends on.
    """

    def __init__(self) -> None:
        self.n = 0  # records counted
        self.first: dict | None = None  # the record with the smallest key
        self.dates: dict[str, int] = {}  # non-empty date value -> records
        self.date_best: dict[str, tuple] = {}  # date value -> (rank, record) giving its text
        self.rep_best: dict[Any, tuple] = {}  # date value (any) -> (rank, record)
        self.bases: dict[Any, int] = {}
        self.modalities: dict[Any, int] = {}
        self.modes: dict[Any, int] = {}
        self.cameos: dict[Any, int] = {}
        self.context: set[str] = set()
        self.published: set[str] = set()
        self.articles: set[str] = set()
        self.origins: set[str] = set()
        self.confidence: float | None = None
        self.place_names: set[Any] = set()  # location names as given
        self.places: dict[str, tuple] = {}  # folded name -> (records, (key, location))
        self.first_place: tuple | None = None  # (key, location) of the smallest key
        # actor id -> [as actor, as recipient, {facts: records}, first (key, role, position)]
        self.actors: dict[str, list] = {}

    def add(self, row: dict) -> None:
        """Count one more record (its key not counted yet)."""
        key = row["key"]
        self.n += 1
        if self.first is None or key < self.first["key"]:
            self.first = row
        value, basis = row["date_value"], row["date_basis"]
        if value:
            _count(self.dates, value)
            _keep_min(self.date_best, value, (basis != "explicit", key), row)
        confidence = float(row["confidence"] or 0)
        _keep_min(self.rep_best, value, (-confidence, key), row)
        if self.confidence is None or confidence > self.confidence:
            self.confidence = confidence
        _count(self.bases, basis)
        _count(self.modalities, row["modality"])
        _count(self.modes, row["mode"])
        _count(self.cameos, row["cameo"])
        self.context.update(row["context"] or [])
        self.published.add(row["published"])
        self.articles.add(row["article_id"])
        self.origins.add(row["origin"])
        self._add_place(key, row["location"])
        self._add_actors(key, row["actors"])

    def _add_place(self, key: str, place: dict | None) -> None:
        if not place:
            return
        self.place_names.add(place.get("name"))
        if self.first_place is None or key < self.first_place[0]:
            self.first_place = (key, place)
        name = fold(place.get("name"))
        n, first = self.places.get(name, (0, (key, place)))
        self.places[name] = (n + 1, min(first, (key, place), key=itemgetter(0)))

    def _add_actors(self, key: str, parts: dict) -> None:
        for slot, role in ((0, "actors"), (1, "recipients")):
            for pos, actor in enumerate(parts[role]):
                entry = self.actors.get(actor["id"])
                where = (key, slot, pos)
                if entry is None:
                    entry = self.actors[actor["id"]] = [0, 0, {}, where]
                elif where < entry[3]:
                    entry[3] = where
                entry[slot] += 1
                _count(entry[2], (actor["name"], actor.get("country"), actor.get("sector")))

    def participants(self) -> tuple[list[dict], list[dict]]:
        """(actors, recipients) as ``_participants`` gives them for the records."""
        out: dict[str, list[dict]] = {"actors": [], "recipients": []}
        for aid, (as_actor, as_recipient, facts, _) in sorted(self.actors.items(),
                                                             key=lambda item: item[1][3]):
            role = "actors" if as_actor >= as_recipient else "recipients"
            if len(facts) == 1:  # every record agrees (the usual case): no vote
                name, country, sector = next(iter(facts))
            else:
                name, country, sector = (_majority_of(_field_counts(facts, i))
                                         for i in range(3))
            out[role].append({"id": aid, "name": name, "country": country, "sector": sector})
        return out["actors"], out["recipients"]

    def date(self) -> tuple[dict, dict]:
        """(the event's date, the date summary) as ``_date`` gives them for the records."""
        chosen, disagree = _choose_counted(self.dates)
        info = {"value": chosen, "disagree": disagree,
                "values": [{"value": v, "n": self.dates[v]} for v in sorted(self.dates)],
                "undated": self.n - sum(self.dates.values())}
        if chosen is None:
            basis = _majority_of(self.bases, ("publication", "narrative"))
            return {"value": None, "text": None, "basis": basis or "publication"}, info
        best = self.date_best[chosen][1]
        return {"value": chosen, "text": best["date_text"], "basis": best["date_basis"]}, info

    def location(self) -> dict | None:
        """The event's location as ``_location`` gives it for the records."""
        if len(self.place_names) < 2:
            return self.first_place[1] if self.first_place else None
        name = _majority_of({n: c for n, (c, _) in self.places.items()})
        return self.places[name][1][1]

    def representative(self, date_value: str | None) -> dict:
        """The most confident record giving ``date_value`` (any record if none does)."""
        best = self.rep_best.get(date_value)
        return (best or min(self.rep_best.values(), key=itemgetter(0)))[1]


def _field_counts(facts: dict[tuple, int], i: int) -> dict[Any, int]:
    counts: dict[Any, int] = {}
    for fact, n in facts.items():
        counts[fact[i]] = counts.get(fact[i], 0) + n
    return counts


def _choose_counted(counts: dict[str, int]) -> tuple[str | None, bool]:
    """``choose_date`` of the date values counted in ``counts`` (value -> records)."""
    if not counts:
        return None, False
    distinct = sorted(counts)
    if len(distinct) == 1:
        return distinct[0], False
    support = {v: sum(n for w, n in counts.items() if dates_compatible(v, w))
               for v in distinct}
    best = min(distinct, key=lambda v: (-support[v], -len(v), v))
    disagree = any(not dates_compatible(a, b) for a in distinct for b in distinct)
    return best, disagree


def tallies_of(rows: list[dict]) -> EventTallies:
    """The ``EventTallies`` of ``rows`` (distinct content keys)."""
    tallies = EventTallies()
    for row in rows:
        tallies.add(row)
    return tallies


def summarise_tallies(t: EventTallies) -> dict[str, Any]:
    """``summarise`` of the records counted in ``t`` (at least one), from the tallies."""
    first = t.first
    assert first is not None
    date, date_info = t.date()
    actors, recipients = t.participants()
    rep = t.representative(date["value"])
    return _event_row({
        "article_id": rep["article_id"], "type": first["type"],
        "mode": _majority_of(t.modes), "context": sorted(t.context),
        "cameo": _majority_of(t.cameos),
        "actors": actors, "recipients": recipients, "date": date,
        "location": t.location(), "modality": _majority_of(t.modalities, MODALITIES),
        "evidence": rep["evidence"], "confidence": t.confidence,
        "num_mentions": t.n, "num_articles": len(t.articles),
        "num_sources": len(t.origins), "reported": sorted(t.published), "dates": date_info,
    }, first["key"])
