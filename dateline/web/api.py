"""The JSON API under ``/api``: lists answer ``{"items", "total", "next"}``."""
from __future__ import annotations

import json
from typing import Any, Callable

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import TypeAdapter, ValidationError

from ..errors import DatelineError
from ..store import Database
from .models import ArticleIn

_ONE = TypeAdapter(ArticleIn)
_MANY = TypeAdapter(list[ArticleIn])
MAX_ARTICLES = 200


def listing(request: Request, items: list, total: int, limit: int, offset: int) -> dict:
    """A page of a list with the URL of the next page (or null)."""
    nxt = None
    if offset + len(items) < total and items:
        nxt = str(request.url.include_query_params(offset=offset + limit, limit=limit))
    return {"items": items, "total": total, "next": nxt}


def db_of(request: Request) -> Database:
    return request.app.state.db


class Filters:
    """The event filters as query parameters (shared by events and timeline)."""

    def __init__(self,
                 actor: str | None = Query(None, description="actor id, or part of a name"),
                 country: str | None = Query(None, description="country code(s), comma-separated"),
                 type: str | None = Query(None, description="PLOVER type(s), comma-separated"),
                 modality: str | None = Query(None, description="modality, comma-separated"),
                 date_from: str | None = Query(None, description="YYYY[-MM[-DD]]"),
                 date_to: str | None = Query(None, description="YYYY[-MM[-DD]]"),
                 q: str | None = Query(None, description="words in the articles")):
        self.values = {k: v or None for k, v in dict(
            actor=actor, country=country, type=type, modality=modality,
            date_from=date_from, date_to=date_to, q=q).items()}


def _parse_articles(body: bytes) -> list[ArticleIn]:
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as err:
        raise HTTPException(400, f"the body is not JSON ({err})") from None
    if not isinstance(data, (dict, list)):
        raise HTTPException(422, "expected an article object or a list of article objects")
    try:
        parsed = _MANY.validate_python(data) if isinstance(data, list) else \
            _ONE.validate_python(data)
    except ValidationError as err:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc']) or 'article'}: "
                             f"{e['msg'].removeprefix('Value error, ')}"
                             for e in err.errors()[:10])
        raise HTTPException(422, f"not a valid article: {problems}") from None
    articles = parsed if isinstance(parsed, list) else [parsed]
    if not articles:
        raise HTTPException(422, "the list holds no article")
    if len(articles) > MAX_ARTICLES:
        raise HTTPException(413, f"at most {MAX_ARTICLES} articles per request")
    return articles


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"the body is larger than {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"the body is larger than {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _ingest(request: Request, articles: list[ArticleIn]) -> list[dict[str, Any]]:
    extract: Callable = request.app.state.get_extractor()
    db = db_of(request)
    out = []
    for item in articles:
        article = item.to_article()
        if db.has_article(article.content_hash):
            status = "duplicate"
        else:
            try:
                with request.app.state.extract_lock:  # one pipeline, one article at a time
                    extraction = extract(article)
            except DatelineError as err:
                raise HTTPException(422, f"article {article.id}: {err}") from err
            status = db.add(extraction)
        stored = db.article(db.article_id_for(article.content_hash) or "") or {}
        out.append({"id": stored.get("id", article.id), "status": status,
                    "events": sorted({m["event_id"] for m in stored.get("mentions", [])})})
    return out


def _article_body_schema() -> dict:
    one = _ONE.json_schema()
    schema = {"anyOf": [one, {"type": "array", "items": one, "maxItems": MAX_ARTICLES}]}
    return {"requestBody": {"required": True, "content": {"application/json": {
        "schema": schema}}}}


def router() -> APIRouter:
    """The ``/api`` routes (the app holds the database in ``app.state.db``)."""
    api = APIRouter(prefix="/api", tags=["api"])

    @api.get("/events", summary="Fused events matching the filters, most recent first")
    def events(request: Request, limit: int = Query(50, ge=1, le=1000),
               offset: int = Query(0, ge=0), f: Filters = Depends()) -> dict:
        items, total = db_of(request).events(**f.values, limit=limit, offset=offset)
        return listing(request, items, total, limit, offset)

    @api.get("/timeline", summary="Events in the order they happened")
    def timeline(request: Request, limit: int = Query(200, ge=1, le=5000),
                 offset: int = Query(0, ge=0), f: Filters = Depends()) -> dict:
        items, total = db_of(request).timeline(**f.values, limit=limit, offset=offset)
        return listing(request, items, total, limit, offset)

    @api.get("/events/{event_id}", summary="One event with its mentions")
    def event(request: Request, event_id: str) -> dict:
        return _found(db_of(request).event(event_id), "event", event_id)

    @api.get("/actors", summary="Actors with their event counts")
    def actors(request: Request, q: str | None = None, limit: int = Query(50, ge=1, le=1000),
               offset: int = Query(0, ge=0)) -> dict:
        items, total = db_of(request).actors(q, limit=limit, offset=offset)
        return listing(request, items, total, limit, offset)

    @api.get("/actors/{actor_id:path}", summary="One actor, its events and partners")
    def actor(request: Request, actor_id: str) -> dict:
        return _found(db_of(request).actor(actor_id), "actor", actor_id)

    @api.get("/dyad", summary="Cooperation and conflict per month between two sides")
    def dyad(request: Request, a: str, b: str, modality: str | None = None) -> dict:
        return db_of(request).dyad(a, b, modality=modality)

    @api.get("/search", summary="Articles holding every word of q (full text)")
    def search(request: Request, q: str, limit: int = Query(20, ge=1, le=200),
               offset: int = Query(0, ge=0)) -> dict:
        items, total = db_of(request).search(q, limit=limit, offset=offset)
        return listing(request, items, total, limit, offset)

    @api.get("/articles/{article_id:path}", summary="One stored article")
    def article(request: Request, article_id: str) -> dict:
        return _found(db_of(request).article(article_id), "article", article_id)

    @api.get("/stats", summary="What the store holds")
    def stats(request: Request) -> dict:
        return db_of(request).stats()

    @api.post("/articles", summary="Extract and store one article or a list of articles",
              openapi_extra=_article_body_schema())
    async def post_articles(request: Request) -> dict:
        body = await _read_body(request, request.app.state.max_body)
        articles = _parse_articles(body)
        items = await run_in_threadpool(_ingest, request, articles)
        return {"items": items, "total": len(items), "next": None}

    return api


def _found(item: dict | None, what: str, key: str) -> dict:
    """``item``, or a 404 naming what was asked for."""
    if item is None:
        raise HTTPException(404, f"no {what} {key!r}")
    return item
