"""JSON article objects (``{"id", "date", "title", "url", "text"}``) to articles."""
from __future__ import annotations

from typing import Any, Callable

from ..errors import InputError
from ..model import Article, Rejection
from .article import ReadOptions, build_article
from .dates import resolve_date


def json_kind(value: Any) -> str:
    """How a user would name a JSON value's type: ``a list``, ``a string``..."""
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean",
            int: "a number", float: "a number", type(None): "null"}.get(type(value), "a value")


def _optional_str(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def guarded_record(build: Callable[[], Article | Rejection], source: str,
                   where: str) -> Article | Rejection:
    """``build()``, or a rejection of this one record if it fails: the file goes on."""
    try:
        return build()
    except Exception as e:  # noqa: BLE001 - one odd record must not end its file
        return Rejection(source, f"{where}unreadable record ({type(e).__name__}: {e})")


def record_to_article(obj: Any, *, default_id: str, source: str, options: ReadOptions,
                      where: str = "") -> Article | Rejection:
    """The article a JSON value describes, or a rejection whose reason starts with ``where``."""
    if not isinstance(obj, dict):
        return Rejection(source, f"{where}not a JSON object but {json_kind(obj)}")
    if "text" not in obj:
        return Rejection(source, f"{where}no \"text\" field")
    raw_id = obj.get("id")
    if isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool) and str(raw_id).strip():
        article_id = str(raw_id)
    else:
        article_id = default_id
    try:
        date = resolve_date(obj.get("date"), options.date)
    except InputError as e:
        return Rejection(source, f"{where}{e}")
    result = build_article(id=article_id, date=date, text=obj["text"], source=source,
                           options=options, title=_optional_str(obj.get("title")),
                           url=_optional_str(obj.get("url")))
    if isinstance(result, Rejection) and where:
        result.reason = where + result.reason
    return result
