"""The writer's FusionCache: the store it gives is the one SQLite alone would give."""
from __future__ import annotations

import dataclasses
import json
import sqlite3

import pytest

from dateline.store import Database
from dateline.store.cache import FusionCache
from dateline.fuse.summary import summarise, summarise_tallies
from dateline.store.ingest import _event_rows, key_of, load_mention
from dateline.store.sample import sample_extractions

_TABLES = ("articles", "timexes", "findings", "actors", "events", "mentions", "mention_actors")


def dump(path) -> dict[str, list[tuple]]:
    """Every row of every table (but the ingest clock), in a fixed order."""
    conn = sqlite3.connect(path)
    out = {}
    for table in _TABLES:
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")
                if r[1] != "ingested_at"]
        sel = ", ".join(f'"{c}"' for c in cols)
        out[table] = conn.execute(f"SELECT {sel} FROM {table} ORDER BY {sel}").fetchall()
    conn.close()
    return out


def copies(n: int = 3) -> list:
    """The sample extractions ``n`` times over, each copy another article (events fuse)."""
    out = []
    for i in range(n):
        for x in sample_extractions():
            a = x.article
            out.append(dataclasses.replace(x, article=dataclasses.replace(
                a, id=f"{a.id}~{i}", text=f"{a.text}\n\nCopie {i}.")))
    return out


@pytest.fixture()
def reference(tmp_path):
    path = tmp_path / "ref.db"
    with Database(path) as db:
        for x in copies():
            db.add(x)
    return dump(path)


def test_cached_tallies_and_actors_are_the_stored_ones(tmp_path):
    with Database(tmp_path / "c.db") as db:
        for x in copies():
            db.add(x)
        cache = db._fusion
        assert cache._events
        for event_id, tallies in cache._events.items():
            stored = _event_rows(db._conn, event_id)
            assert summarise_tallies(tallies) == summarise(stored)
        assert cache._records
        for rowid, (group, article_id) in cache._records.items():
            event_id, mk = group.event_id, group.key
            row = db._conn.execute("SELECT event_id, article_id, key, type, date_value, "
                                   "published, location, actors FROM mentions WHERE rowid = ?",
                                   (rowid,)).fetchone()
            assert (cache.event_of(event_id), article_id) == (row[0], row[1])
            stored_key = key_of(load_mention(row))
            assert mk == dataclasses.replace(stored_key, key="", article_id=None)
        assert cache._actors
        for aid, (actor, aliases) in cache._actors.items():
            assert actor == tuple(db._conn.execute(
                "SELECT name, kind, country, sector, aliases FROM actors WHERE id = ?",
                (aid,)).fetchone())
            assert aliases is None or json.dumps(sorted(aliases), ensure_ascii=False) == actor[4]


def test_a_tiny_cache_gives_the_same_store(tmp_path, reference):
    path = tmp_path / "tiny.db"
    with Database(path) as db:
        db._fusion = FusionCache(max_events=2, max_actors=2, max_records=3)  # evicts all the time
        for x in copies():
            db.add(x)
        assert len(db._fusion._events) <= 2
    assert dump(path) == reference


def test_two_interleaved_writers_give_the_same_store(tmp_path, reference):
    """Another connection's commits empty the cache (PRAGMA data_version)."""
    path = tmp_path / "two.db"
    with Database(path) as one, Database(path) as two:
        for i, x in enumerate(copies()):
            (one if i % 2 else two).add(x)
    assert dump(path) == reference


def test_a_rolled_back_article_leaves_nothing_in_the_cache(tmp_path, reference):
    path = tmp_path / "rb.db"
    xs = copies()
    with Database(path) as db:
        for x in xs[:-1]:
            db.add(x)
        db._conn.execute("CREATE TEMP TRIGGER boom BEFORE INSERT ON events "
                         "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END")
        with pytest.raises(sqlite3.IntegrityError, match="disk on fire"):
            db.add(xs[-1])
        assert not db._fusion._events and not db._fusion._actors
        db._conn.execute("DROP TRIGGER boom")
        assert db.add(xs[-1]) == "new"
    assert dump(path) == reference


def test_as_stored_models_the_column_affinities_or_gives_up():
    from dateline.store.ingest import _SUMMARY_NAMES, _as_stored

    params = {c: "x" for c in _SUMMARY_NAMES}
    params.update(confidence=1, evidence_start=3, evidence_end=None, trigger_start=4,
                  trigger_end=5, mode=None)
    out = _as_stored(params)
    assert out["confidence"] == 1.0 and type(out["confidence"]) is float
    assert out["evidence_start"] == 3 and out["mode"] is None and out["key"] == "x"
    for col, odd in [("confidence", float("nan")), ("confidence", True), ("confidence", "1"),
                     ("evidence_start", 3.0), ("evidence_start", "3"),
                     ("trigger_end", False), ("cameo", 42)]:
        assert _as_stored(dict(params, **{col: odd})) is None, (col, odd)
