"""A whole ``Extraction`` as JSON and back, losslessly.

The ``events`` and ``timex`` tables hold the EVENTS.md records, which drop what
the store needs (entity kinds, roles, aliases, mention offsets, findings, the
offsets of an event's date). The ``articles`` table therefore carries each
article's full extraction in this form, so that ``dateline load`` gives
``Database.add`` the same ``Extraction`` the CLI would have.

Entities are written once per extraction and events refer to them by index,
which keeps the object identity the store relies on (one entity, one actor row).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

from ..model import (Article, Entity, Event, EventDate, Evidence, Extraction, Finding, Place,
                     Role, Timex)

FORMAT = 1  # bump when the layout below changes; load refuses what it does not know


def _plain(obj: Any) -> Any:
    """A dataclass (recursively) as a dict; dates as ISO strings, tuples as lists."""
    if isinstance(obj, dt.date):
        return obj.isoformat()
    if dataclasses.is_dataclass(obj):
        return {f.name: _plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [_plain(v) for v in obj]
    return obj


def _entity_pool(x: Extraction) -> list[Entity]:
    """``x.entities`` then any event participant not among them, each object once."""
    pool: list[Entity] = []
    seen: set[int] = set()
    for e in [*x.entities, *(p for ev in x.events for p in [*ev.actors, *ev.recipients])]:
        if id(e) not in seen:
            seen.add(id(e))
            pool.append(e)
    return pool


def extraction_to_dict(x: Extraction) -> dict[str, Any]:
    """The extraction as plain JSON-ready data (see the module docstring)."""
    pool = _entity_pool(x)
    index = {id(e): i for i, e in enumerate(pool)}
    events = []
    for ev in x.events:
        d = _plain(ev)
        d["actors"] = [index[id(e)] for e in ev.actors]
        d["recipients"] = [index[id(e)] for e in ev.recipients]
        events.append(d)
    return {"format": FORMAT, "article": _plain(x.article), "timexes": _plain(x.timexes),
            "entities": [_plain(e) for e in pool], "n_entities": len(x.entities),
            "events": events, "findings": _plain(x.findings)}


def extraction_to_json(x: Extraction) -> str:
    """``extraction_to_dict`` as compact JSON text."""
    return json.dumps(extraction_to_dict(x), ensure_ascii=False, separators=(",", ":"))


def _entity(d: dict[str, Any]) -> Entity:
    d = dict(d, roles=[Role(**r) for r in d.get("roles") or []],
             mentions=[tuple(m) for m in d.get("mentions") or []])
    return Entity(**d)


def _event(d: dict[str, Any], pool: list[Entity]) -> Event:
    d = dict(d)
    d["actors"] = [pool[i] for i in d["actors"]]
    d["recipients"] = [pool[i] for i in d["recipients"]]
    d["date"] = EventDate(**d["date"])
    d["evidence"] = [Evidence(**e) for e in d.get("evidence") or []]
    d["location"] = Place(**d["location"]) if d.get("location") else None
    return Event(**d)


def extraction_from_dict(d: dict[str, Any]) -> Extraction:
    """The ``Extraction`` that ``extraction_to_dict`` wrote."""
    if d.get("format") != FORMAT:
        raise ValueError(f"extraction format {d.get('format')!r}, this dateline reads {FORMAT}")
    article = Article(**dict(d["article"], date=dt.date.fromisoformat(d["article"]["date"])))
    pool = [_entity(e) for e in d["entities"]]
    return Extraction(article=article,
                      timexes=[Timex(**t) for t in d["timexes"]],
                      events=[_event(e, pool) for e in d["events"]],
                      entities=pool[: d["n_entities"]],
                      findings=[Finding(**f) for f in d["findings"]])


def extraction_from_json(text: str) -> Extraction:
    """The ``Extraction`` that ``extraction_to_json`` wrote."""
    return extraction_from_dict(json.loads(text))
