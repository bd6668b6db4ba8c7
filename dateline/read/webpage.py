"""HTML pages: main text, title and date through trafilatura (offline, nothing fetched)."""
from __future__ import annotations

from typing import Iterator

from ..errors import InputError
from ..model import Article, Rejection
from .article import ReadOptions, build_article
from .dates import resolve_date
from .decode import decode
from .source import Input, read_bytes

# Metadata only: htmldate's extensive search would take a date quoted in the
# text ("le 14 mars 2021") for the publication date.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def page_text(text: str, title: str | None) -> str:
    """trafilatura's text with paragraphs separated by a blank line, as in the other formats.

    trafilatura repeats the ``<h1>`` as the first line; the title field holds it already.
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if title and len(lines) > 1 and lines[0] == title.strip():
        lines = lines[1:]
    return "\n\n".join(lines)


def read_html(inp: Input, options: ReadOptions) -> Iterator[Article | Rejection]:
    """The article of an HTML page; scripts, styles and boilerplate are left out."""
    import trafilatura  # imported here: 0.4 s, and only HTML needs it

    page = decode(read_bytes(inp, options))
    doc = trafilatura.bare_extraction(
        page, with_metadata=True, include_comments=False, include_images=False,
        include_links=False, date_extraction_params=_DATE_PARAMS)
    text = (doc.text or "") if doc is not None else ""
    if not text.strip():
        raise InputError("no article text found in the HTML page")
    title = doc.title or None
    date = resolve_date(doc.date, options.date)
    yield build_article(id=inp.stem, date=date, text=page_text(text, title),
                        source=inp.name, options=options, title=title, url=doc.url or None)
