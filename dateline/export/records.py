"""Our own event records as JSON lines or flat CSV rows."""
from __future__ import annotations

import csv
import json
from typing import Any, Iterable, TextIO

CSV_COLUMNS = [
    "id", "date", "date_text", "date_basis", "date_disagree", "type", "plover", "quad",
    "modality", "mode", "context", "cameo", "actors", "actor_countries", "recipients",
    "recipient_countries", "location", "location_country", "confidence", "num_mentions",
    "num_articles", "num_sources", "first_reported", "last_reported", "article_id",
    "evidence",
]


def _names(people: list[dict]) -> str:
    return "; ".join(p["name"] for p in people)


def _countries(people: list[dict]) -> str:
    return ";".join(sorted({p["country"] for p in people if p.get("country")}))


def evidence_text(event: dict[str, Any]) -> str:
    """The representative evidence sentence of an event (from its mentions)."""
    for m in event.get("mentions", []):
        if m["article_id"] == event["article_id"] and m["evidence"]:
            return m["evidence"][0]["text"]
    return ""


def flat(event: dict[str, Any]) -> dict[str, Any]:
    """One event as a flat row (``CSV_COLUMNS``)."""
    loc = event.get("location") or {}
    return {
        "id": event["id"], "date": event["date"]["value"], "date_text": event["date"]["text"],
        "date_basis": event["date"]["basis"], "date_disagree": event["dates"]["disagree"],
        "type": event["type"], "plover": event["plover"], "quad": event["quad"],
        "modality": event["modality"], "mode": event["mode"],
        "context": ";".join(event["context"]), "cameo": event["cameo"],
        "actors": _names(event["actors"]), "actor_countries": _countries(event["actors"]),
        "recipients": _names(event["recipients"]),
        "recipient_countries": _countries(event["recipients"]),
        "location": loc.get("name"), "location_country": loc.get("country"),
        "confidence": event["confidence"], "num_mentions": event["num_mentions"],
        "num_articles": event["num_articles"], "num_sources": event["num_sources"],
        "first_reported": event["reported"]["min"], "last_reported": event["reported"]["max"],
        "article_id": event["article_id"], "evidence": evidence_text(event),
    }


def write_jsonl(events: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Every event record with its mentions, one JSON object a line."""
    n = 0
    for ev in events:
        out.write(json.dumps(ev, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(events: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Flat rows with a header line."""
    writer = csv.DictWriter(out, CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for ev in events:
        writer.writerow(flat(ev))
        n += 1
    return n
