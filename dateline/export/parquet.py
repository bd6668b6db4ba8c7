"""Events as an Apache Parquet file (pyarrow), one row an event, typed columns."""
from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO, Iterable

import pyarrow as pa
import pyarrow.parquet as pq

from .records import evidence_text

_PERSON = pa.struct([("id", pa.string()), ("name", pa.string()), ("country", pa.string()),
                     ("sector", pa.string())])
SCHEMA = pa.schema([
    ("id", pa.string()), ("date", pa.string()), ("date_text", pa.string()),
    ("date_basis", pa.string()), ("date_disagree", pa.bool_()), ("type", pa.string()),
    ("plover", pa.string()), ("quad", pa.string()), ("modality", pa.string()),
    ("mode", pa.string()), ("context", pa.list_(pa.string())), ("cameo", pa.string()),
    ("actors", pa.list_(_PERSON)), ("recipients", pa.list_(_PERSON)),
    ("location_name", pa.string()), ("location_country", pa.string()),
    ("lat", pa.float64()), ("lon", pa.float64()), ("confidence", pa.float64()),
    ("num_mentions", pa.int32()), ("num_articles", pa.int32()), ("num_sources", pa.int32()),
    ("first_reported", pa.string()), ("last_reported", pa.string()),
    ("article_id", pa.string()), ("evidence", pa.string()),
    ("mention_ids", pa.list_(pa.string())),
])


def _row(ev: dict[str, Any]) -> dict[str, Any]:
    loc = ev.get("location") or {}
    people = lambda ps: [{k: p.get(k) for k in ("id", "name", "country", "sector")}  # noqa
                         for p in ps]
    return {
        "id": ev["id"], "date": ev["date"]["value"], "date_text": ev["date"]["text"],
        "date_basis": ev["date"]["basis"], "date_disagree": ev["dates"]["disagree"],
        "type": ev["type"], "plover": ev["plover"], "quad": ev["quad"],
        "modality": ev["modality"], "mode": ev["mode"], "context": ev["context"],
        "cameo": ev["cameo"], "actors": people(ev["actors"]),
        "recipients": people(ev["recipients"]), "location_name": loc.get("name"),
        "location_country": loc.get("country"), "lat": loc.get("lat"), "lon": loc.get("lon"),
        "confidence": ev["confidence"], "num_mentions": ev["num_mentions"],
        "num_articles": ev["num_articles"], "num_sources": ev["num_sources"],
        "first_reported": ev["reported"]["min"], "last_reported": ev["reported"]["max"],
        "article_id": ev["article_id"], "evidence": evidence_text(ev),
        "mention_ids": [m["id"] for m in ev.get("mentions", [])],
    }


def write_parquet(events: Iterable[dict[str, Any]], out: str | Path | BinaryIO) -> int:
    table = pa.Table.from_pylist([_row(ev) for ev in events], schema=SCHEMA)
    pq.write_table(table, out)
    return table.num_rows
