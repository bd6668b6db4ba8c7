"""Server-rendered pages; each has a JSON twin (same URL + ``.json``, or ``?format=json``)."""
from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlsplit

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader
from markupsafe import Markup

from ..model import MODALITIES, PLOVER_TYPES
from .api import Filters, db_of, listing
from .highlight import Mark, highlight, marks_of, span_html
from .svg import QUAD_LABELS, dyad_svg, timeline_svg


class NotFound(Exception):
    """A page for something the store does not hold."""


def _path(prefix: str, ident: str) -> str:
    return f"{prefix}/{quote(ident, safe='')}"


def safe_href(url: str | None) -> str | None:
    """``url`` when it is an http(s) URL (article URLs are untrusted), else None."""
    if not url:
        return None
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in ("http", "https") else None


def environment() -> Environment:
    """The Jinja2 environment: autoescape on for every template."""
    env = Environment(loader=PackageLoader("dateline.web", "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(
        event_url=lambda i: _path("/events", i), actor_url=lambda i: _path("/actors", i),
        article_url=lambda i: _path("/articles", i), safe_href=safe_href,
        highlight=highlight, span_html=span_html, QUAD_LABELS=QUAD_LABELS,
        PLOVER_TYPES=PLOVER_TYPES, MODALITIES=MODALITIES)
    return env


def wants_json(request: Request) -> bool:
    return request.query_params.get("format") == "json" or request.url.path.endswith(".json")


def json_twin(request: Request) -> str:
    """The URL (path and query) of the current page's JSON twin."""
    return request.url.path + "?" + request.url.include_query_params(format="json").query


def render(request: Request, template: str, data: Any, status: int = 200,
           **context: Any) -> Response:
    """The page, or its data as JSON when the JSON twin is asked for."""
    if wants_json(request):
        return JSONResponse(data, status_code=status)
    env: Environment = request.app.state.templates
    html = env.get_template(template).render(request=request, data=data,
                                             json_url=json_twin(request), **context)
    return HTMLResponse(html, status_code=status)


def _strip_json(ident: str) -> str:
    return ident[: -len(".json")] if ident.endswith(".json") else ident


def article_text(article: dict[str, Any]) -> Markup:
    """The whole article text with every evidence sentence and its marks highlighted."""
    marks: list[Mark] = []
    for m in article["mentions"]:
        for span in m["evidence"]:
            marks.append(Mark(span["start"], span["end"], "evidence", m["type"]))
            marks.extend(marks_of(span))
    return highlight(article["text"], 0, len(article["text"]), marks)


def router() -> APIRouter:
    pages = APIRouter(include_in_schema=False)

    @pages.get("/")
    def home() -> Response:
        return RedirectResponse("/timeline")

    @pages.get("/favicon.ico")
    def favicon() -> Response:
        return RedirectResponse("/static/favicon.svg", status_code=301)

    @pages.get("/timeline")
    @pages.get("/timeline.json")
    def timeline(request: Request, f: Filters = Depends(), limit: int = Query(500, ge=1, le=5000),
                 offset: int = Query(0, ge=0)) -> Response:
        items, total = db_of(request).timeline(**f.values, limit=limit, offset=offset)
        data = dict(listing(request, items, total, limit, offset), filters=f.values)
        return render(request, "timeline.html", data, svg=timeline_svg(items))

    @pages.get("/events/{event_id}")
    def event(request: Request, event_id: str) -> Response:
        ev = db_of(request).event(_strip_json(event_id))
        if ev is None:
            raise NotFound(f"no event {_strip_json(event_id)!r}")
        return render(request, "event.html", ev)

    @pages.get("/actors")
    @pages.get("/actors.json")
    def actors(request: Request, q: str | None = None, limit: int = Query(100, ge=1, le=1000),
               offset: int = Query(0, ge=0)) -> Response:
        items, total = db_of(request).actors(q or None, limit=limit, offset=offset)
        return render(request, "actors.html", dict(listing(request, items, total, limit,
                                                           offset), q=q))

    @pages.get("/actors/{actor_id:path}")
    def actor(request: Request, actor_id: str, partner: str | None = None) -> Response:
        db = db_of(request)
        found = db.actor(_strip_json(actor_id))
        if found is None:
            raise NotFound(f"no actor {_strip_json(actor_id)!r}")
        partner = partner or (found["partners"][0]["id"] if found["partners"] else None)
        dyad = db.dyad(found["id"], partner) if partner else None
        if dyad:
            found["dyad"] = {k: v for k, v in dyad.items() if k != "events"}
        return render(request, "actor.html", found, partner=partner,
                      chart=dyad_svg(dyad) if dyad else None)

    @pages.get("/dyad")
    @pages.get("/dyad.json")
    def dyad(request: Request, a: str = "USA", b: str = "PRK",
             modality: str | None = None) -> Response:
        data = db_of(request).dyad(a, b, modality=modality or None)
        return render(request, "dyad.html", data, chart=dyad_svg(data))

    @pages.get("/search")
    @pages.get("/search.json")
    def search(request: Request, q: str | None = None, limit: int = Query(20, ge=1, le=200),
               offset: int = Query(0, ge=0)) -> Response:
        db = db_of(request)
        if not q:
            return render(request, "search.html", {"items": [], "total": 0, "next": None,
                                                    "q": q, "events": []})
        items, total = db.search(q, limit=limit, offset=offset)
        events, _ = db.events(q=q, limit=50)
        data = dict(listing(request, items, total, limit, offset), q=q, events=events)
        return render(request, "search.html", data)

    @pages.get("/articles/{article_id:path}")
    def article(request: Request, article_id: str) -> Response:
        found = db_of(request).article(_strip_json(article_id))
        if found is None:
            raise NotFound(f"no article {_strip_json(article_id)!r}")
        return render(request, "article.html", found, text=article_text(found))

    return pages
