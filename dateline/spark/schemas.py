"""Spark schemas of the tables the job writes (``docs/SPARK.md`` describes them).

``events`` and ``timex`` hold the EVENTS.md records with their nested fields as
Spark structs and arrays (queryable in Spark SQL, read back by pyarrow as the
same dicts and lists); ``articles`` carries each article with its whole
extraction as JSON (``codec``) for ``dateline load``; ``rejects`` the record as
read and the reason it was refused.
"""
from __future__ import annotations

from pyspark.sql.types import (ArrayType, DoubleType, LongType, StringType, StructField,
                               StructType)


def _s(*fields: tuple[str, object]) -> StructType:
    return StructType([StructField(name, kind, True) for name, kind in fields])


STR, LONG, DOUBLE = StringType(), LongType(), DoubleType()

ENTITY = _s(("id", STR), ("name", STR), ("country", STR), ("sector", STR))
DATE = _s(("value", STR), ("text", STR), ("basis", STR))
LOCATION = _s(("name", STR), ("country", STR), ("lat", DOUBLE), ("lon", DOUBLE))
EVIDENCE = _s(("start", LONG), ("end", LONG), ("trigger", STR), ("trigger_start", LONG),
              ("trigger_end", LONG))

# Model.Event.to_record(), field for field.
EVENT = _s(("id", STR), ("article_id", STR), ("type", STR), ("mode", STR),
           ("context", ArrayType(STR)), ("cameo", STR), ("actors", ArrayType(ENTITY)),
           ("recipients", ArrayType(ENTITY)), ("date", DATE), ("location", LOCATION),
           ("modality", STR), ("plover", STR), ("evidence", EVIDENCE),
           ("mentions", ArrayType(EVIDENCE)), ("confidence", DOUBLE))
# Model.Timex.to_record().
TIMEX = _s(("article_id", STR), ("start", LONG), ("end", LONG), ("text", STR), ("type", STR),
           ("value", STR))
ARTICLE = _s(("ordinal", LONG), ("id", STR), ("date", STR), ("title", STR), ("url", STR),
             ("source", STR), ("content_hash", STR), ("text", STR), ("extraction", STR))
REJECT = _s(("record", STR), ("reason", STR), ("source", STR))

TABLES = {"events": EVENT, "timex": TIMEX, "articles": ARTICLE, "rejects": REJECT}
PARTITIONED = ("events", "timex")  # by ``event_month``

# What the executors hand back: one row per output record, typed later by ``from_json``.
STAGED = _s(("table", STR), ("month", STR), ("ordinal", LONG), ("payload", STR))
# What the executors are given: the raw record (a JSON line) and where it came from.
RAW = _s(("raw", STR), ("source", STR), ("ordinal", LONG))
