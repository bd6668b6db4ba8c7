"""``.json`` files: one article object, or a list of them."""
from __future__ import annotations

import json
from typing import Iterator

from ..errors import InputError
from ..model import Article, Rejection
from .article import ReadOptions
from .decode import decode
from .records import guarded_record, json_kind, record_to_article
from .source import Input, read_bytes


def read_json(inp: Input, options: ReadOptions) -> Iterator[Article | Rejection]:
    """The article(s) of a JSON document; list items are ``name#k``."""
    text = decode(read_bytes(inp, options))
    if not text.strip():
        raise InputError("empty file")
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(f"malformed JSON at line {e.lineno}, column {e.colno}: {e.msg}") from None
    except RecursionError:
        raise InputError("malformed JSON: nested too deeply") from None
    if isinstance(doc, dict):
        yield record_to_article(doc, default_id=inp.stem, source=inp.name, options=options)
    elif isinstance(doc, list):
        if not doc:
            raise InputError("no articles (an empty list)")
        for k, item in enumerate(doc, 1):
            yield guarded_record(lambda: record_to_article(
                item, default_id=f"{inp.stem}#{k}", source=f"{inp.name}#{k}", options=options,
                where=f"item {k}: "), f"{inp.name}#{k}", f"item {k}: ")
    else:
        raise InputError(f"expected an article object or a list of them, not {json_kind(doc)}")
