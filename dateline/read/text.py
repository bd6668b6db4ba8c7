"""Plain text files: the seed format (first line ``date YYYY-MM-DD``) or text dated by ``--date``."""
from __future__ import annotations

import re
from typing import Iterator

from ..errors import InputError
from ..model import Article, Rejection
from .article import ReadOptions, build_article
from .dates import NO_DATE, parse_date
from .decode import decode
from .source import Input, read_bytes

# "date 2025-10-27" at the very start (after whitespace), maybe "date: ...";
# the text may follow on the same line. The date token is anything date-shaped,
# so that "date 2025-02-30" is refused as impossible rather than read as text.
SEED_HEADER = re.compile(r"\A\s*date[ \t]*:?[ \t]*(?P<date>\d[\d/.\-]*)(?=\s|\Z)\s*", re.I)


def split_seed(text: str) -> tuple[str | None, str]:
    """(date token, body) of a seed-format text; (None, text) when there is no header.

    Only the whitespace separating the date from the text is dropped.
    """
    match = SEED_HEADER.match(text)
    if not match:
        return None, text
    return match.group("date"), text[match.end():]


def read_text(inp: Input, options: ReadOptions) -> Iterator[Article | Rejection]:
    """The one article of a ``.txt`` file (or of plain text on stdin)."""
    text = decode(read_bytes(inp, options))
    token, body = split_seed(text)
    if token is not None:
        date = parse_date(token)
        if not body.strip():
            raise InputError(f"no text after the line 'date {token}'")
    elif options.date is not None:
        date = options.date
    else:
        raise InputError(NO_DATE)
    yield build_article(id=inp.stem, date=date, text=body, source=inp.name, options=options)
