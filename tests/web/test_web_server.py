"""The app behind a real uvicorn server on 127.0.0.1 (random port), over real HTTP."""
from __future__ import annotations

import concurrent.futures

import httpx


def test_pages_and_api_over_http(server):
    with httpx.Client(base_url=server, timeout=10) as http:
        assert http.get("/").headers["location"] == "/timeline"
        page = http.get("/timeline")
        assert page.status_code == 200 and "Timeline" in page.text
        data = http.get("/api/timeline", params={"country": "PRK"}).json()
        assert data["total"] == 7
        r = http.post("/api/articles", json={"id": "srv-1", "date": "2025-06-01",
                                             "text": "Rien ne s'est passé."})
        assert r.json()["items"][0]["status"] == "new"
        assert http.post("/api/articles", content=b"[1,").status_code == 400


def test_concurrent_readers(server):
    def fetch(i: int) -> int:
        with httpx.Client(base_url=server, timeout=10) as http:
            return http.get("/api/events", params={"offset": i % 5}).status_code

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        assert set(pool.map(fetch, range(24))) == {200}


def test_the_serve_command(store, tmp_path):
    """``dateline serve`` as a user runs it: a subprocess on a free port."""
    import socket
    import subprocess
    import sys
    import time

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-c", "from dateline.cli import main; main()",
                             "serve", "--db", str(store), "--port", str(port)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read().decode()
                assert time.monotonic() < deadline, "dateline serve did not answer"
                time.sleep(0.2)
        assert r.json()["articles"] >= 7
    finally:
        proc.terminate()
        proc.wait(10)
