"""Which reader an input needs: by file extension, or by content for stdin."""
from __future__ import annotations

import codecs
import json
import os
import re
from typing import Callable, Iterator

from ..model import Article, Rejection
from .article import ReadOptions
from .feed import read_feed
from .jsonfile import read_json
from .jsonl import read_jsonl
from .source import Input
from .text import read_text
from .webpage import read_html

Reader = Callable[[Input, ReadOptions], Iterator[Article | Rejection]]

READERS: dict[str, Reader] = {
    "text": read_text, "jsonl": read_jsonl, "json": read_json,
    "html": read_html, "feed": read_feed,
}
EXTENSIONS = {
    ".txt": "text", ".text": "text",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".json": "json",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
}
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:rdf)[\s>]", re.I)


def format_of_path(path: str) -> str | None:
    """The format a file's extension names, or None for an unknown extension."""
    return EXTENSIONS.get(os.path.splitext(path)[1].lower())


def unknown_extension_reason(path: str) -> str:
    """Why a file with an extension dateline does not read is refused."""
    ext = os.path.splitext(path)[1]
    known = ", ".join(sorted(EXTENSIONS))
    what = f"unknown extension '{ext}'" if ext else "no file extension"
    return f"{what}: dateline reads {known}"


def sniff_format(head: bytes) -> str:
    """The format of content starting with ``head`` (used for stdin)."""
    start = head.removeprefix(codecs.BOM_UTF8).lstrip()
    if start.startswith(b"["):
        return "json"
    if start.startswith(b"{"):
        first, newline, _ = start.partition(b"\n")
        if not newline:
            return "jsonl"  # one (possibly long) line
        try:
            json.loads(first)
            return "jsonl"
        except ValueError:
            return "json"  # a pretty-printed object spans lines
    if start.startswith(b"<"):
        return "feed" if _FEED_ROOT.search(start[:4096]) else "html"
    return "text"  # seed format or plain text; read_text tells them apart

