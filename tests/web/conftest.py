"""A real store (sample articles and a hostile one), the app over it, a real server."""
from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from dateline.model import Entity, Extraction
from dateline.store import Database
from dateline.store.sample import build, sample_extractions

XSS_TITLE = '<script>window.__xss = "title"</script><img src=x onerror="window.__xss=1">'
XSS_TEXT = ('Le 3 mars 2025, <b>Trump</b> a <script>window.__xss = "text"</script> menacé '
            'Kim Jong-un. <img src=x onerror="window.__xss=2"> Fin.')


def xss_extraction() -> Extraction:
    """An article whose title, text, URL and actor name are hostile HTML."""
    x = build("xss-1", "2025-03-04", XSS_TEXT, [dict(
        type="THREATEN", trigger="menacé", actors=["trump"], recipients=["kim"],
        date="2025-03-03", date_text="3 mars 2025", **{"in": "Le 3 mars"})],
        title=XSS_TITLE, url="javascript:window.__xss=3")
    evil = Entity(id="local:<svg onload=alert(1)>", name='<svg onload="window.__xss=4">',
                  kind="person", country="USA", sector="GOV")
    x.events[0].recipients.append(evil)
    x.entities.append(evil)
    return x


def no_events(article):
    """An extractor that finds no event (POST tests that need no NLP)."""
    return Extraction(article, [], [])


def summit_id(db_path: Path) -> str:
    with Database(db_path) as db:
        items, _ = db.events(type="CONSULT", date_from="2018", date_to="2018")
    return items[0]["id"]


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("web") / "web.db"
    with Database(path) as db:
        for x in [*sample_extractions(), xss_extraction()]:
            db.add(x)
    return path


@pytest.fixture(scope="module")
def client(store):
    from fastapi.testclient import TestClient

    from dateline.web import create_app

    with TestClient(create_app(str(store), extractor=no_events)) as c:
        yield c


@pytest.fixture(scope="module")
def server(store):
    """``create_app`` served by a real uvicorn on 127.0.0.1, a free port; yields its URL."""
    import uvicorn

    from dateline.web import create_app

    config = uvicorn.Config(create_app(str(store), extractor=no_events), host="127.0.0.1",
                            port=0, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    port = srv.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)
