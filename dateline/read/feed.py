"""RSS and Atom files through feedparser: each entry is an article (``name#k``)."""
from __future__ import annotations

import datetime as dt
import email.utils
from typing import Any, Iterator

from ..errors import InputError
from ..model import Article, Rejection
from .article import ReadOptions, build_article
from .dates import looks_iso, parse_date, resolve_date
from .markup import html_to_text
from .records import guarded_record
from .source import Input, read_bytes

_DATE_KEYS = ("published", "updated", "created")


def _as_written(raw: str) -> dt.date | None:
    # The date as the feed writes it: feedparser's *_parsed is in UTC and would
    # move an article published at 00:30 +01:00 to the day before.
    if looks_iso(raw):
        return parse_date(raw)
    try:
        return email.utils.parsedate_to_datetime(raw).date()
    except (TypeError, ValueError, IndexError):
        return None


def entry_date(entry: Any) -> dt.date | None:
    """An entry's publication date: published, else updated, else created; None if absent."""
    for key in _DATE_KEYS:
        raw = entry.get(key)
        if isinstance(raw, str) and raw.strip():
            written = _as_written(raw.strip())
            if written is not None:
                return written
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return dt.date(*parsed[:3])
    return None


def entry_text(entry: Any) -> str:
    """An entry's text: its full content if any, else its summary, without markup."""
    details = [c for c in entry.get("content", []) if c.get("value")]
    if not details and entry.get("summary"):
        details = [entry.get("summary_detail") or {"value": entry["summary"]}]
    parts = []
    for detail in details:
        value = detail.get("value", "")
        is_plain = detail.get("type") == "text/plain"
        parts.append(value.strip() if is_plain else html_to_text(value))
    return "\n\n".join(p for p in parts if p)


def _entry_article(entry: Any, k: int, inp: Input, options: ReadOptions) -> Article | Rejection:
    source = f"{inp.name}#{k}"
    try:
        date = resolve_date(entry_date(entry), options.date)
    except InputError as e:
        return Rejection(source, f"entry {k}: {e}")
    result = build_article(id=entry.get("id") or f"{inp.stem}#{k}", date=date,
                           text=entry_text(entry), source=source, options=options,
                           title=entry.get("title"), url=entry.get("link"))
    if isinstance(result, Rejection):
        result.reason = f"entry {k}: {result.reason}"
    return result


def read_feed(inp: Input, options: ReadOptions) -> Iterator[Article | Rejection]:
    """The articles of an RSS or Atom feed."""
    import feedparser  # imported here: only feeds need it

    # Bytes, never a string: feedparser would take a string for a URL to fetch.
    parsed = feedparser.parse(read_bytes(inp, options), sanitize_html=True,
                              resolve_relative_uris=False)
    if not parsed.entries:
        if parsed.get("bozo"):
            raise InputError(f"not a readable RSS/Atom feed: {parsed.get('bozo_exception')}")
        raise InputError("feed has no entries")
    for k, entry in enumerate(parsed.entries, 1):
        yield guarded_record(lambda: _entry_article(entry, k, inp, options),
                             f"{inp.name}#{k}", f"entry {k}: ")
