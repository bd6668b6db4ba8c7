"""What runs on the executors: raw records in, output rows out (no Spark imports here).

Each raw record goes through the readers' own checks (``record_to_article``: the
date, the text, its size, its language), then through the CLI's extraction
(``cached_pipeline().extract_many``). A record that fails anywhere becomes a
``rejects`` row with its reason; nothing raises, so one broken record among
thousands does not fail the job.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import PurePosixPath
from typing import Any

from ..model import Article, Extraction, Rejection
from .codec import extraction_to_json

UNKNOWN_MONTH = "unknown"
_MONTH = re.compile(r"(\d{4}-\d{2})(?:\Z|[-T])")
_WEEK = re.compile(r"(\d{4})-W(\d{2})")
_YEAR = re.compile(r"(\d{4})(?:\Z|-)")

# One output row: (table, month, ordinal, payload JSON).
Row = tuple[str, str | None, int, str]


def event_month(value: str | None) -> str:
    """The ``event_month`` partition of a date value.

    ``2019-02-27`` and ``2019-02`` give ``2019-02`` (the first 7 characters); an ISO
    week gives the month of its Thursday (``2024-W49`` -> ``2024-12``); a year, or a
    season, quarter or half of one (``2019``, ``2012-SU``), gives the year; anything
    else (``null``, ``PRESENT_REF``, ``P3Y``, ``XXXX-XX``) gives ``unknown``.
    """
    if not value:
        return UNKNOWN_MONTH
    if m := _MONTH.match(value):
        return m.group(1)
    if m := _WEEK.match(value):
        try:
            thursday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 4)
        except ValueError:
            return m.group(1)
        return thursday.isoformat()[:7]
    if m := _YEAR.match(value):
        return m.group(1)
    return UNKNOWN_MONTH


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def parse_record(raw: str, source: str, ordinal: int) -> Article | Rejection:
    """The article a raw JSON record describes, with the checks the CLI's readers apply."""
    from ..read.article import ReadOptions
    from ..read.records import record_to_article

    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as e:
        return Rejection(source, f"malformed JSON: {e.msg} (column {e.colno})")
    except RecursionError:
        return Rejection(source, "malformed JSON: nested too deeply")
    # A record without an id is named as the CLI names it: ``<file stem>#<n>``, n as in its source.
    path, _, number = source.rpartition("#") if "#" in source else (source, "", "")
    stem = PurePosixPath(path).stem or "record"
    return record_to_article(obj, default_id=f"{stem}#{number or ordinal + 1}", source=source,
                             options=ReadOptions())


def reject_row(record: str, reason: str, source: str, ordinal: int) -> Row:
    """A ``rejects`` row: the record as read, why it was refused, where it came from."""
    return ("rejects", None, ordinal, _dumps({"record": record, "reason": reason, "source": source}))


def extraction_rows(x: Extraction, ordinal: int) -> list[Row]:
    """The ``events``, ``timex`` and ``articles`` rows of one extraction."""
    a = x.article
    rows: list[Row] = [("events", event_month((r.get("date") or {}).get("value")), ordinal, _dumps(r))
                       for r in x.event_records()]
    rows += [("timex", event_month(r.get("value")), ordinal, _dumps(r)) for r in x.timex_records()]
    rows.append(("articles", None, ordinal, _dumps({
        "ordinal": ordinal, "id": a.id, "date": a.date.isoformat(), "title": a.title, "url": a.url,
        "source": a.source, "content_hash": a.content_hash, "text": a.text,
        "extraction": extraction_to_json(x)})))
    return rows


def process(records: Iterable[tuple[str, str, int]], extract_many: Callable) -> Iterator[Row]:
    """Rows for ``(raw, source, ordinal)`` records; ``extract_many`` is the pipeline's."""
    raw_of: dict[int, tuple[str, str, int]] = {}
    articles: list[Article] = []
    for raw, source, ordinal in records:
        item = parse_record(raw, source, ordinal)
        if isinstance(item, Rejection):
            yield reject_row(raw, item.reason, source, ordinal)
            continue
        raw_of[id(item)] = (raw, source, ordinal)
        articles.append(item)
    # extract_many keeps order and gives one result per article: zip them back.
    for article, result in zip(articles, extract_many(articles)):
        raw, source, ordinal = raw_of[id(article)]
        if isinstance(result, Rejection):
            yield reject_row(raw, result.reason, source, ordinal)
        else:
            yield from extraction_rows(result, ordinal)


def make_partition_function(actors_file: str | None = None) -> Callable:
    """The ``mapInPandas`` function: one model per executor process (``cached_pipeline``)."""

    def extract_batches(batches: Iterator[Any]) -> Iterator[Any]:
        import pandas as pd

        from ..nlp.pipeline import cached_pipeline

        pipeline = cached_pipeline(actors_file)  # loaded once, reused by every task of the worker
        columns = ["table", "month", "ordinal", "payload"]
        for pdf in batches:
            records = zip(pdf["raw"], pdf["source"], (int(o) for o in pdf["ordinal"]))
            rows = list(process(records, pipeline.extract_many))
            yield pd.DataFrame(rows, columns=columns)

    return extract_batches
