"""The store on real SQLite files: schema, transactions, queries."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap

import pytest

from dateline.errors import DatelineError
from dateline.model import Extraction
from dateline.store import SCHEMA_VERSION, Database, QueryError, StoreError
from dateline.store.sample import build, sample_extractions


@pytest.fixture()
def db(tmp_path):
    with Database(tmp_path / "t.db") as database:
        for x in sample_extractions():
            assert database.add(x) == "new"
        yield database


def test_new_then_duplicate(tmp_path):
    xs = sample_extractions()
    with Database(tmp_path / "d.db") as db:
        assert db.add(xs[0]) == "new"
        assert db.has_article(xs[0].article.content_hash)
        assert db.add(sample_extractions()[0]) == "duplicate"
        assert not db.has_article(xs[1].article.content_hash)
        assert db.stats()["articles"] == 1


def test_schema_version_wal_and_foreign_keys(tmp_path):
    path = tmp_path / "s.db"
    Database(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    with Database(path) as db:
        assert db._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_newer_schema_is_refused_clearly(tmp_path):
    path = tmp_path / "new.db"
    Database(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(StoreError, match=r"new\.db: schema version 99 .*newer"):
        Database(path)


def test_older_schema_is_refused_clearly(tmp_path):
    path = tmp_path / "old.db"
    Database(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    conn.close()
    with pytest.raises(StoreError, match=r"old\.db: unknown schema version .*new --db"):
        Database(path)


def test_foreign_sqlite_and_non_sqlite_files_are_refused(tmp_path):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(StoreError, match="not dateline's"):
        Database(other)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError, match="junk.db: not a dateline database"):
        Database(junk)


def test_readonly_reader_sees_committed_articles(tmp_path):
    path = tmp_path / "r.db"
    with pytest.raises(StoreError, match="no such database"):
        Database(path, readonly=True)
    writer = Database(path)
    reader = Database(path, readonly=True)
    writer.add(sample_extractions()[0])
    assert reader.stats()["articles"] == 1
    writer.close()
    reader.close()


def test_a_failing_article_leaves_nothing_behind(tmp_path):
    good, bad = sample_extractions()[:2]
    bad.events[1].type = "NOT-A-PLOVER-TYPE"
    with Database(tmp_path / "f.db") as db:
        db.add(good)
        with pytest.raises(DatelineError, match="ftv-2: event 1 has type 'NOT-A-PLOVER-TYPE'"):
            db.add(bad)
        assert db.stats()["articles"] == 1
        assert not db.has_article(bad.article.content_hash)
        assert db._conn.execute("SELECT count(*) FROM mentions WHERE article_id = 'ftv-2'"
                                ).fetchone()[0] == 0
        fixed = sample_extractions()[1]
        assert db.add(fixed) == "new"


def test_a_crash_inside_the_transaction_rolls_back(tmp_path):
    """A failure after the article and mention rows were written keeps none of them."""
    x = sample_extractions()[1]
    with Database(tmp_path / "c.db") as db:
        db._conn.execute("CREATE TEMP TRIGGER boom BEFORE INSERT ON events "
                         "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END")
        with pytest.raises(sqlite3.IntegrityError, match="disk on fire"):
            db.add(x)
        db._conn.execute("DROP TRIGGER boom")
        assert db.stats()["articles"] == 0 and db.stats()["mentions"] == 0
        assert not db._conn.in_transaction
        assert db.add(x) == "new"


def test_killed_ingest_keeps_committed_articles_and_resumes(tmp_path):
    path = tmp_path / "k.db"
    script = textwrap.dedent(f"""
        import os, signal
        from dateline.store import Database
        from dateline.store.sample import sample_extractions
        db = Database({str(path)!r})
        for i, x in enumerate(sample_extractions()):
            if i == 3:
                os.kill(os.getpid(), signal.SIGKILL)
            db.add(x)
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True)
    assert proc.returncode != 0
    with Database(path) as db:
        assert db.stats()["articles"] == 3
        statuses = [db.add(x) for x in sample_extractions()]
        assert statuses == ["duplicate"] * 3 + ["new"] * 3


def test_event_filters(db):
    _, total = db.events()
    assert total == 7
    assert db.events(country="PRK")[1] == 6
    assert db.events(country="usa,prk")[1] == 6
    assert db.events(country="KOR")[1] == 1
    assert db.events(actor="kim jong")[1] == 4
    assert db.events(actor="Q56226")[1] == 4
    assert db.events(actor="Trump", type="threaten")[1] == 1
    assert db.events(type="CONSULT,SUPPORT")[1] == 5
    assert db.events(modality="intended")[1] == 1
    assert db.events(date_from="2018", date_to="2018-12")[1] == 1
    assert db.events(date_from="2019-06-15")[1] == 1  # the 2019 meeting(s) at Panmunjom
    assert db.events(q="Hanoï")[1] == 1 + 1  # the Hanoi summit and the Singapore recall
    items, total = db.events(limit=2, offset=6)
    assert total == 7 and len(items) == 1


def test_bad_filters_give_clear_errors(db):
    with pytest.raises(QueryError, match="date_from: 'juin' is not a date"):
        db.events(date_from="juin")
    with pytest.raises(QueryError, match="limit"):
        db.events(limit=-1)


def test_event_records_have_the_spec_shape(db):
    items, _ = db.events()
    for ev in items:
        for key in ("id", "article_id", "type", "mode", "context", "cameo", "actors",
                    "recipients", "date", "location", "modality", "plover", "evidence",
                    "confidence", "num_mentions", "num_articles", "num_sources",
                    "reported", "dates"):
            assert key in ev
        assert set(ev["date"]) == {"value", "text", "basis"}


def test_event_mentions_slice_the_article_text(db):
    summit = db.timeline(type="CONSULT", date_from="2018", date_to="2018")[0][0]
    ev = db.event(summit["id"])
    assert len(ev["mentions"]) == 3
    for m in ev["mentions"]:
        text = db.article(m["article_id"])["text"]
        span = m["evidence"][0]
        assert text[span["start"]:span["end"]] == span["text"]
        assert text[m["trigger"]["start"]:m["trigger"]["end"]] == m["trigger"]["text"]
        kinds = {mark["kind"] for mark in span["marks"]}
        assert {"trigger", "actor", "date"} <= kinds
    assert [m["date"]["value"] for m in ev["mentions"]] == ["2018-06-12", "2018-06",
                                                            "2018-06-12"]
    assert db.event("ev-nope") is None


def test_timeline_orders_by_the_date_events_happened(db):
    items, _ = db.timeline()
    dated = [e["date"]["value"] for e in items if e["placed_by"] == "date"]
    assert dated == ["2017-08", "2018-06-12", "2019", "2019-02"]
    assert items[1]["reported"]["min"] == "2025-10-27"


def test_actors_and_partners(db):
    items, total = db.actors()
    assert total == 5
    assert items[0]["name"] == "Donald Trump" and items[0]["num_events"] == 6
    assert db.actors("jong")[0][0]["id"] == "Q56226"
    assert db.actors("PRK")[1] == 2
    trump = db.actor("Q22686")
    assert trump["num_events"] == 6
    assert trump["partners"][0]["name"] == "Kim Jong-un"
    assert {p["id"] for p in trump["partners"]} == {"Q56226", "Q423", "Q21001"}
    assert db.actor("nobody") is None


def test_search_is_safe_against_fts_syntax(db):
    items, total = db.search("singapour")
    assert total == 3 and all(any(p["match"] for p in i["snippet"]) for i in items)
    assert db.search('Singapour" OR (NEAR')[1] == 0
    assert db.search("sing*")[1] == 3
    with pytest.raises(QueryError, match="empty search"):
        db.search('"()"')


def test_article_findings_and_stats(tmp_path):
    from dateline.model import Finding

    x = sample_extractions()[0]
    x.findings.append(Finding("interval", "dates deny the interval", 0, 10))
    with Database(tmp_path / "a.db") as db:
        db.add(x)
        art = db.article("lemonde-1")
        assert art["title"].startswith("Trump") and len(art["mentions"]) == 3
        assert art["timexes"][0]["text"] == "12 juin 2018"
        assert db.findings()[0]["kind"] == "interval"
        assert db.findings("other") == []
        assert db.stats()["findings"] == 1


def test_same_article_id_other_content_gets_its_own_id(tmp_path):
    one = build("same", "2025-01-01", "Trump a menacé Kim.", [
        dict(type="THREATEN", trigger="menacé", actors=["trump"], recipients=["kim"],
             **{"in": "Trump"})])
    two = build("same", "2025-01-02", "Kim a menacé Trump.", [
        dict(type="THREATEN", trigger="menacé", actors=["kim"], recipients=["trump"],
             **{"in": "Kim"})])
    with Database(tmp_path / "i.db") as db:
        assert db.add(one) == db.add(two) == "new"
        assert db.article("same") and db.article("same~" + two.article.content_hash[:8])


def test_extraction_without_events(tmp_path):
    x = build("empty", "2025-01-01", "Il pleut.", [])
    with Database(tmp_path / "e.db") as db:
        assert db.add(Extraction(x.article, [], [])) == "new"
        assert db.events() == ([], 0)
