"""The store, fusion and web API over real extractions of the sample corpus (samples/).

These tests assert what the store guarantees whatever the pipeline finds: ingesting
twice or in another order gives the same events, offsets slice the text, every page
renders. Where the pipeline dates the Singapore summit in several articles, those
records must be one event.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest

from dateline.model import Article
from dateline.store import Database

SAMPLES = Path(__file__).resolve().parent.parent.parent / "samples"


@pytest.fixture(scope="module")
def extractions(pipeline):
    from dateline.read import read_paths

    articles = [a for a in read_paths([str(SAMPLES)]) if isinstance(a, Article)]
    if not articles:
        pytest.skip("no sample articles")
    return [pipeline.extract(a) for a in articles]


def snapshot(db: Database) -> list[tuple]:
    out = []
    for ev in db.iter_events():
        keys = sorted(r[0] for r in db._conn.execute(
            "SELECT key FROM mentions WHERE event_id = ?", (ev["id"],)))
        ev = {k: v for k, v in ev.items() if k != "mentions"}
        out.append((ev["id"], keys, repr(sorted(ev.items()))))
    return out


@pytest.fixture(scope="module")
def store(extractions, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("real") / "real.db"
    with Database(path) as db:
        for x in extractions:
            db.add(x)
    return path


def test_ingest_twice_and_in_reverse_gives_the_same_events(extractions, store, tmp_path):
    with Database(store) as db:
        first = snapshot(db)
        assert {db.add(x) for x in extractions} == {"duplicate"}
        assert snapshot(db) == first
    with Database(tmp_path / "reversed.db") as other:
        for x in reversed(extractions):
            other.add(x)
        assert snapshot(other) == first
    assert first, "the sample corpus gives events"


def test_counts_add_up(extractions, store):
    records = sum(len(x.events) for x in extractions)
    unique = {x.article.content_hash: len(x.events) for x in extractions}
    with Database(store) as db:
        stats = db.stats()
        assert stats["mentions"] == sum(unique.values()) <= records
        assert stats["articles"] == len(unique)
        items, total = db.events(limit=10_000)
        assert total == stats["events"]
        assert sum(e["num_mentions"] for e in items) == stats["mentions"]


def test_evidence_offsets_slice_the_stored_text(store):
    with Database(store) as db:
        for ev in db.iter_events():
            for m in ev["mentions"]:
                text = db.article(m["article_id"])["text"]
                for span in m["evidence"]:
                    assert text[span["start"]:span["end"]] == span["text"]
                    for mark in span["marks"]:
                        assert span["start"] <= mark["start"] < mark["end"] <= span["end"]


def test_dated_summit_records_fuse_into_one_event(extractions, store):
    articles = set()
    for x in extractions:
        for r in x.event_records():
            countries = {p["country"] for p in r["actors"] + r["recipients"]}
            if r["type"] == "CONSULT" and r["date"]["value"] == "2018-06-12" and \
                    {"USA", "PRK"} <= countries:
                articles.add(x.article.content_hash)
    assert len(articles) >= 2, "the Singapore summit of 2018-06-12 is recalled by two sample articles"
    with Database(store) as db:
        summits = db.events(type="CONSULT", country="USA,PRK", date_from="2018-06-12",
                            date_to="2018-06-12")[0]
    assert len(summits) == 1 and summits[0]["num_articles"] >= 2


def test_every_page_renders_over_real_extractions(store):
    from fastapi.testclient import TestClient

    from dateline.web import create_app

    with TestClient(create_app(str(store))) as client:
        assert client.get("/timeline").status_code == 200
        events = client.get("/api/events", params={"limit": 1000}).json()["items"]
        for ev in events:
            assert client.get(f"/events/{ev['id']}").status_code == 200
        for actor in client.get("/api/actors", params={"limit": 50}).json()["items"]:
            assert client.get(f"/actors/{quote(actor['id'], safe='')}").status_code == 200
        for art in client.get("/api/search", params={"q": "le"}).json()["items"]:
            assert client.get(f"/articles/{quote(art['id'], safe='')}").status_code == 200


def test_post_articles_with_the_real_pipeline(request, store, tmp_path):
    from fastapi.testclient import TestClient

    from dateline.web import create_app

    pipeline = request.getfixturevalue("pipeline")
    text = ("Le président américain Donald Trump a rencontré le dirigeant nord-coréen "
            "Kim Jong-un à Singapour le 12 juin 2018. Pyongyang a accusé Washington "
            "de provocations mardi.")
    article = {"id": "post-real", "date": "2025-10-28", "title": "<i>Rappel</i>", "text": text}
    with TestClient(create_app(str(tmp_path / "post.db"), extractor=pipeline.extract)) as c:
        r = c.post("/api/articles", json=[article])
        assert r.status_code == 200, r.text
        item = r.json()["items"][0]
        assert item["status"] == "new" and item["id"] == "post-real"
        stored = c.get("/api/articles/post-real").json()
        assert {m["event_id"] for m in stored["mentions"]} == set(item["events"])
        for event_id in item["events"]:
            assert c.get(f"/events/{event_id}").status_code == 200
        assert c.post("/api/articles", json=article).json()["items"][0]["status"] == "duplicate"
