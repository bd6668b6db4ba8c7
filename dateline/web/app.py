"""``create_app``: the FastAPI application over one dateline store.

The JSON API lives under ``/api`` (OpenAPI at ``/docs``); the pages (timeline, event,
actor, dyad, search, article) are rendered on the server with Jinja2, autoescape on,
and served with a strict Content-Security-Policy: article text is untrusted.
"""
from __future__ import annotations

import threading
from contextlib import asynccontextmanager
from typing import Any, Callable

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..errors import DatelineError
from ..store import Database, QueryError
from . import api, pages

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
MAX_BODY = 5 * 1024 * 1024


def _lazy_extractor(given: Callable | None) -> Callable[[], Callable]:
    """A getter that loads the pipeline on first use (``dateline.load().extract``)."""
    lock = threading.Lock()
    loaded: list[Callable] = [given] if given else []

    def get() -> Callable:
        with lock:
            if not loaded:
                try:
                    import dateline

                    loaded.append(dateline.load().extract)
                except (ImportError, OSError, DatelineError) as err:
                    raise HTTPException(503, f"the extraction pipeline is not available: "
                                             f"{err}") from err
            return loaded[0]
    return get


def _error(request: Request, status: int, message: str) -> Response:
    if request.url.path.startswith("/api") or pages.wants_json(request):
        return JSONResponse({"error": message}, status_code=status)
    env = request.app.state.templates
    html = env.get_template("error.html").render(request=request, status=status,
                                                 message=message, json_url=None, data=None)
    return HTMLResponse(html, status_code=status)


def _validation_message(err: RequestValidationError) -> str:
    parts = []
    for e in err.errors()[:10]:
        where = ".".join(str(p) for p in e.get("loc", ()) if p not in ("query", "path"))
        parts.append(f"{where}: {e.get('msg')}")
    return "; ".join(parts) or "invalid request"


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return _error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(404)
    async def not_found(request: Request, exc: Exception) -> Response:
        return _error(request, 404, getattr(exc, "detail", None) or "no such page")

    @app.exception_handler(pages.NotFound)
    async def missing(request: Request, exc: pages.NotFound) -> Response:
        return _error(request, 404, str(exc))

    @app.exception_handler(QueryError)
    async def bad_query(request: Request, exc: QueryError) -> Response:
        return _error(request, 400, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        return _error(request, 422, _validation_message(exc))


def create_app(db_path: str, extractor: Callable | None = None,
               max_body: int = MAX_BODY) -> FastAPI:
    """The web application over the store at ``db_path``.

    ``extractor`` (an ``Article -> Extraction`` callable) serves ``POST /api/articles``;
    without one, ``dateline.load().extract`` is loaded on the first such request.
    """
    db = Database(db_path)

    @asynccontextmanager
    async def lifespan(_: FastAPI):
        yield
        db.close()

    app = FastAPI(title="dateline", version=__version__, lifespan=lifespan,
                  description="Dated, sourced political events from French news.")
    app.state.db = db
    app.state.templates = pages.environment()
    app.state.get_extractor = _lazy_extractor(extractor)
    app.state.extract_lock = threading.Lock()
    app.state.max_body = max_body

    @app.middleware("http")
    async def headers(request: Request, call_next: Any) -> Response:
        response = await call_next(request)
        response.headers["X-Content-Type-Options"] = "nosniff"
        if response.headers.get("content-type", "").startswith("text/html") and \
                request.url.path not in ("/docs", "/redoc"):
            response.headers["Content-Security-Policy"] = CSP
        return response

    _handlers(app)
    app.include_router(api.router())
    app.include_router(pages.router())
    from importlib import resources

    static = resources.files("dateline.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    return app
