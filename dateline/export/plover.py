"""Events as PLOVER event-data JSON lines (PLOVER manual, chapter "Data Fields").

* ``date`` / ``enddate``: the event's own date as a day range: "2019-06" gives
  ``date`` 2019-06-01 and ``enddate`` 2019-06-30; an undated event gets its first
  publication day as ``date`` and ``"date_basis": "publication"``.
* ``event``: ``[plover]`` (the category after PLOVER's modality rules); the act
  itself stays in the extension field ``type``, with ``modality``.
* ``quad_code`` 1-4, ``event_scale`` the Goldstein value of the CAMEO root.
* ``actor`` / ``recipient``: entity objects (``code`` country, ``sector``,
  ``entity_text``, ``identifier_id`` for knowledge-base ids).
"""
from __future__ import annotations

import datetime as dt
import json
from typing import Any, Iterable, TextIO

from .. import __version__
from ..fuse.dates import interval
from .cameo import event_code, goldstein, plover_quad_code
from .records import evidence_text


def _entity(person: dict[str, Any]) -> dict[str, Any]:
    out = {"code": person.get("country"), "sector": person.get("sector"),
           "entity_text": person["name"]}
    if not person["id"].startswith("local:"):
        out["identifier_id"] = person["id"]
        out["identifier_text"] = person["name"]
    return out


def _location(loc: dict[str, Any] | None) -> dict[str, Any] | None:
    if not loc:
        return None
    return {"extracted_place": loc.get("name"), "resolved_place": loc.get("name"),
            "lat": loc.get("lat"), "lon": loc.get("lon"), "country_code": loc.get("country")}


def plover_record(event: dict[str, Any], coded: str) -> dict[str, Any]:
    """One event as a PLOVER JSON object (``coded``: the ISO coding date)."""
    span = interval(event["date"]["value"])
    start, end = span if span else (event["reported"]["min"], None)
    code = event_code(event)
    first = next((m for m in event.get("mentions", [])
                  if m["article_id"] == event["article_id"]), None)
    ev = event.get("evidence") or {}
    return {
        "id": event["id"], "date": start, "enddate": end if end != start else None,
        "actor": [_entity(p) for p in event["actors"]],
        "recipient": [_entity(p) for p in event["recipients"]],
        "event": [event["plover"]], "event_loc": _location(event.get("location")),
        "event_text": [evidence_text(event)] if evidence_text(event) else [],
        "quad_code": plover_quad_code(event["quad"]), "event_scale": goldstein(code),
        "mode": [event["mode"]] if event["mode"] else [], "context": event["context"],
        "text_info": {"start": ev.get("start"), "end": ev.get("end")},
        "cite_info": {"corpus": "dateline", "url": first and first["article_url"],
                      "title": first and first["article_title"],
                      "publication": first and first["origin"], "language": "fr",
                      "coder": f"dateline {__version__}", "codebook": "plover-0.8"},
        "coder": f"dateline {__version__}", "coded_date": coded,
        # dateline's extensions: the act, how sure the text is, how the date was found
        "type": event["type"], "modality": event["modality"], "cameo": code,
        "date_value": event["date"]["value"], "date_text": event["date"]["text"],
        "date_basis": event["date"]["basis"], "date_disagree": event["dates"]["disagree"],
        "num_mentions": event["num_mentions"], "num_articles": event["num_articles"],
        "num_sources": event["num_sources"], "reported": event["reported"],
    }


def write_plover(events: Iterable[dict[str, Any]], out: TextIO) -> int:
    coded = dt.date.today().isoformat()
    n = 0
    for ev in events:
        out.write(json.dumps(plover_record(ev, coded), ensure_ascii=False) + "\n")
        n += 1
    return n
