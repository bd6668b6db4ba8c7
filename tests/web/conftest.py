"""A real store (sample articles and a hostile one), the app over it, a real server."""
from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from dateline.store import Database
from dateline.store.sample import sample_extractions
from webdata import no_events, xss_extraction


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
