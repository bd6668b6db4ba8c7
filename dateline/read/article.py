"""Reading options and the checks every article passes, whatever its format."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model import Article, Rejection
from .language import not_french_reason

DEFAULT_MAX_BYTES = 2_000_000  # of UTF-8 text per article
# Whole-file formats (HTML, feeds, .json) carry markup and many records: allow more.
FILE_LIMIT_FACTOR = 16


@dataclass(frozen=True)
class ReadOptions:
    """What the caller fixes for a batch: the fallback date and the size limit."""

    date: dt.date | None = None
    max_bytes: int = DEFAULT_MAX_BYTES

    @property
    def file_limit(self) -> int:
        """The largest file (or JSONL line) read into memory at once."""
        return self.max_bytes * FILE_LIMIT_FACTOR


def megabytes(n: int) -> str:
    """A byte count for a message: ``5.2 MB``."""
    return f"{n / 1_000_000:.1f} MB"


def build_article(*, id: str, date: dt.date, text: object, source: str,
                  options: ReadOptions, title: str | None = None,
                  url: str | None = None) -> Article | Rejection:
    """An ``Article`` from already decoded fields, or why it cannot be one.

    The text is kept exactly as given: offsets downstream refer to it.
    """
    if not isinstance(text, str):
        return Rejection(source, f"\"text\" is not a string but {type(text).__name__}")
    if not text.strip():
        return Rejection(source, "empty text")
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError:  # a lone surrogate, e.g. from a JSON "\ud800" escape
        return Rejection(source, "text holds invalid Unicode (a lone surrogate)")
    if size > options.max_bytes:
        return Rejection(source, f"article too large: {megabytes(size)} of text "
                                 f"(limit {megabytes(options.max_bytes)})")
    reason = not_french_reason(text)
    if reason:
        return Rejection(source, reason)
    return Article(id=id, date=date, text=text, title=title or None, url=url or None,
                   source=source)
