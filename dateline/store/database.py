"""``Database``: the one class that owns dateline's SQLite store.

One writer, many readers: WAL journal, a busy timeout, and each article stored in its
own transaction (``add``), so an interrupted ingest keeps every article committed and
the next run skips them as duplicates. Every query is parameterised.
"""
from __future__ import annotations

import functools
import json
import sqlite3
import threading
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar

from ..errors import DatelineError
from ..fuse import fold
from ..fuse.dates import month
from ..model import Extraction
from .cache import FusionCache
from .ingest import add_extraction, load_mention
from .queries import EventFilter, QueryError, fts_query, page

SCHEMA_VERSION = 3
QUADS = ("verbal-coop", "material-coop", "verbal-conflict", "material-conflict")

__all__ = ["SCHEMA_VERSION", "Database", "QueryError", "StoreError"]

F = TypeVar("F", bound=Callable[..., Any])


class StoreError(DatelineError):
    """A database file dateline cannot use (not SQLite, another schema, newer version)."""


def _locked(method: F) -> F:
    @functools.wraps(method)
    def wrapper(self: "Database", *args: Any, **kwargs: Any) -> Any:
        with self._lock:
            return method(self, *args, **kwargs)
    return wrapper  # type: ignore[return-value]


def _statements(script: str) -> Iterator[str]:
    """The complete SQL statements of ``script`` (triggers included), one at a time."""
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                yield buf
            buf = ""


class Database:
    """dateline's store at ``path`` (created on first use).

    >>> with Database(tmp / "x.db") as db:
    ...     db.add(extraction)
    'new'
    """

    def __init__(self, path: str | Path, readonly: bool = False) -> None:
        self.path = str(path)
        self._lock = threading.RLock()
        self._fusion = FusionCache()  # this writer's decoded fusion reads (see store/cache.py)
        if readonly and not Path(self.path).exists():
            raise StoreError(f"{self.path}: no such database")
        target = f"file:{Path(self.path).as_posix()}?mode=ro" if readonly else self.path
        try:
            self._conn = sqlite3.connect(target, uri=readonly, isolation_level=None,
                                         check_same_thread=False, timeout=30)
        except sqlite3.Error as err:
            raise StoreError(f"{self.path}: cannot open the database ({err})") from err
        self._conn.row_factory = sqlite3.Row
        self._conn.create_function("dl_fold", 1, fold, deterministic=True)
        try:
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._conn.execute("PRAGMA busy_timeout = 30000")
            if not readonly:
                self._conn.execute("PRAGMA journal_mode = WAL")
                self._conn.execute("PRAGMA synchronous = NORMAL")  # WAL: safe on app crash
            self._check_schema(readonly)
        except sqlite3.DatabaseError as err:
            self._conn.close()
            raise StoreError(f"{self.path}: not a dateline database ({err})") from err
        except StoreError:
            self._conn.close()
            raise

    # -- life cycle -------------------------------------------------------------------

    def _check_schema(self, readonly: bool) -> None:
        version = self._conn.execute("PRAGMA user_version").fetchone()[0]
        if version == 0 and not readonly:
            self._create()
            version = self._conn.execute("PRAGMA user_version").fetchone()[0]
        if version == 0:
            raise StoreError(f"{self.path}: not a dateline database (no schema version)")
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: schema version {version} was written by a newer "
                             f"dateline (this one reads version {SCHEMA_VERSION}); upgrade "
                             "dateline or use another --db")
        if version < SCHEMA_VERSION:
            raise StoreError(f"{self.path}: unknown schema version {version} (this dateline "
                             f"reads version {SCHEMA_VERSION}); re-ingest into a new --db")

    def _create(self) -> None:
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            if conn.execute("PRAGMA user_version").fetchone()[0] == 0:  # no one beat us
                if conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                    raise StoreError(f"{self.path}: an SQLite database that is not "
                                     "dateline's (tables but no dateline schema version)")
                script = resources.files(__package__).joinpath("schema.sql").read_text("utf-8")
                for statement in _statements(script):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def close(self) -> None:
        """Close the connection (further calls fail)."""
        with self._lock:
            self._conn.close()

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _all(self, sql: str, params: list | tuple = ()) -> list[sqlite3.Row]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as err:
            if "fts5" in str(err).lower() or "match" in str(err).lower():
                raise QueryError(f"search query not understood ({err})") from err
            raise

    # -- writing ----------------------------------------------------------------------

    @_locked
    def add(self, extraction: Extraction) -> str:
        """Store one article's extraction and fuse its events; "new" or "duplicate".

        The article, its timexes, findings, actors, mentions and the events they
        update are written in one transaction: all or nothing.
        """
        conn = self._conn
        content_hash = extraction.article.content_hash
        conn.execute("BEGIN IMMEDIATE")
        try:
            if self._has(content_hash):
                conn.execute("ROLLBACK")
                return "duplicate"
            self._fusion.sync(conn)
            add_extraction(conn, extraction, self._fusion, content_hash)
            conn.execute("COMMIT")
        except BaseException:
            self._fusion.clear()  # it may hold rows of the rolled-back writes
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        return "new"

    def _has(self, content_hash: str) -> bool:
        return self._conn.execute("SELECT 1 FROM articles WHERE content_hash = ?",
                                  (content_hash,)).fetchone() is not None

    @_locked
    def has_article(self, content_hash: str) -> bool:
        """Whether an article with this content hash is stored."""
        return self._has(content_hash)

    @_locked
    def article_id_for(self, content_hash: str) -> str | None:
        """The stored id of the article with this content hash, if any."""
        row = self._conn.execute("SELECT id FROM articles WHERE content_hash = ?",
                                 (content_hash,)).fetchone()
        return row[0] if row else None

    # -- events -----------------------------------------------------------------------

    @staticmethod
    def _event_dict(row: sqlite3.Row) -> dict[str, Any]:
        rec = json.loads(row["record"])
        rec["placed_by"] = "date" if rec["date"]["value"] else "reported"
        return rec

    def _event_list(self, f: EventFilter, order: str, limit: int,
                    offset: int) -> tuple[list[dict], int]:
        limit, offset = page(limit, offset)
        where, params = f.where()
        total = self._all(f"SELECT count(*) FROM events e WHERE {where}", params)[0][0]
        rows = self._all(f"SELECT e.record FROM events e WHERE {where} ORDER BY {order} "
                         "LIMIT ? OFFSET ?", [*params, limit, offset])
        return [self._event_dict(r) for r in rows], total

    @_locked
    def events(self, actor: str | None = None, country: str | None = None,
               type: str | None = None, modality: str | None = None,
               date_from: str | None = None, date_to: str | None = None,
               q: str | None = None, limit: int = 100,
               offset: int = 0) -> tuple[list[dict], int]:
        """Fused events matching the filters (``EventFilter``), most recent first; (items, total)."""
        f = EventFilter(actor, country, type, modality, date_from, date_to, q)
        return self._event_list(f, "e.place_date DESC, e.first_reported DESC, e.id",
                                limit, offset)

    @_locked
    def timeline(self, actor: str | None = None, country: str | None = None,
                 type: str | None = None, modality: str | None = None,
                 date_from: str | None = None, date_to: str | None = None,
                 q: str | None = None, limit: int = 1000,
                 offset: int = 0) -> tuple[list[dict], int]:
        """Events in the order they happened (undated ones at their first report); (items, total)."""
        f = EventFilter(actor, country, type, modality, date_from, date_to, q)
        return self._event_list(f, "e.place_date, e.first_reported, e.id", limit, offset)

    def _mention(self, row: sqlite3.Row) -> dict[str, Any]:
        m = load_mention(row)
        text = row["text"]
        return {
            "id": m["id"], "event_id": m["event_id"], "article_id": m["article_id"],
            "article_title": row["title"], "article_url": row["url"],
            "published": m["published"], "article_date": m["published"], "origin": m["origin"],
            "date": {"value": m["date_value"], "text": m["date_text"],
                     "basis": m["date_basis"]},
            "modality": m["modality"], "type": m["type"],
            "actors": m["actors"]["actors"], "recipients": m["actors"]["recipients"],
            "location": m["location"],
            "evidence": [dict(s, text=text[s["start"]:s["end"]]) for s in m["spans"]],
            "trigger": {"text": m["trigger"], "start": m["trigger_start"],
                        "end": m["trigger_end"]},
            # the first evidence span, flat (article text offsets)
            "start": m["evidence_start"], "end": m["evidence_end"],
            "trigger_start": m["trigger_start"], "trigger_end": m["trigger_end"],
            "confidence": m["confidence"],
        }

    @_locked
    def event(self, id: str) -> dict[str, Any] | None:
        """One event with its mentions (article, evidence sentences, the article's date)."""
        row = self._conn.execute("SELECT record FROM events WHERE id = ?", (id,)).fetchone()
        if row is None:
            return None
        ev = self._event_dict(row)
        rows = self._all("SELECT m.*, a.title, a.url, a.text FROM mentions m JOIN articles a "
                         "ON a.id = m.article_id WHERE m.event_id = ? "
                         "ORDER BY m.published, m.article_id, m.idx", (id,))
        ev["mentions"] = [self._mention(r) for r in rows]
        return ev

    def iter_events(self) -> Iterator[dict[str, Any]]:
        """Every event with its mentions, in timeline order (for exports)."""
        with self._lock:
            ids = [r[0] for r in self._all("SELECT id FROM events ORDER BY place_date, "
                                           "first_reported, id")]
        for event_id in ids:
            ev = self.event(event_id)
            if ev is not None:
                yield ev

    # -- actors -----------------------------------------------------------------------

    _ACTOR_SELECT = ("SELECT a.*, (SELECT count(DISTINCT m.event_id) FROM mention_actors ma "
                     "JOIN mentions m ON m.id = ma.mention_id WHERE ma.actor_id = a.id) "
                     "AS num_events, (SELECT count(*) FROM mention_actors ma "
                     "WHERE ma.actor_id = a.id) AS num_mentions FROM actors a")

    @staticmethod
    def _actor_dict(row: sqlite3.Row) -> dict[str, Any]:
        d = dict(row)
        d["aliases"] = json.loads(d["aliases"])
        return d

    @_locked
    def actors(self, query: str | None = None, limit: int = 100,
               offset: int = 0) -> tuple[list[dict], int]:
        """Actors (id, name, country, sector, aliases, event counts); most events first."""
        limit, offset = page(limit, offset)
        where, params = "1", []
        if query:
            like = "%" + fold(query).replace("%", "").replace("_", "") + "%"
            where = ("(a.id = ? OR upper(a.country) = upper(?) OR dl_fold(a.name) LIKE ? "
                     "OR dl_fold(a.aliases) LIKE ?)")
            params = [query, query, like, like]
        total = self._all(f"SELECT count(*) FROM actors a WHERE {where}", params)[0][0]
        rows = self._all(f"SELECT * FROM ({self._ACTOR_SELECT} WHERE {where}) "
                         "ORDER BY num_events DESC, name, id LIMIT ? OFFSET ?",
                         [*params, limit, offset])
        return [self._actor_dict(r) for r in rows], total

    @_locked
    def actor(self, id: str, limit: int = 500) -> dict[str, Any] | None:
        """One actor with its events (timeline order) and partners (most shared events first)."""
        row = self._conn.execute(f"{self._ACTOR_SELECT} WHERE a.id = ?", (id,)).fetchone()
        if row is None:
            return None
        actor = self._actor_dict(row)
        actor["events"], actor["num_events"] = self._event_list(
            EventFilter(actor_id=id), "e.place_date, e.first_reported, e.id", limit, 0)
        partners = self._all(
            "SELECT a.id, a.name, a.country, a.sector, count(DISTINCT m2.event_id) AS "
            "num_events FROM mention_actors ma JOIN mentions m ON m.id = ma.mention_id "
            "JOIN mentions m2 ON m2.event_id = m.event_id JOIN mention_actors ma2 "
            "ON ma2.mention_id = m2.id JOIN actors a ON a.id = ma2.actor_id "
            "WHERE ma.actor_id = ? AND ma2.actor_id != ? GROUP BY a.id "
            "ORDER BY num_events DESC, a.name, a.id", (id, id))
        actor["partners"] = [dict(p) for p in partners]
        return actor

    def _side(self, side: str) -> tuple[str, str]:
        """("actor_id", id) when ``side`` is a stored actor id, else ("country", CODE)."""
        known = self._conn.execute("SELECT 1 FROM actors WHERE id = ?", (side,)).fetchone()
        return ("actor_id", side) if known else ("country", side.upper())

    @_locked
    def dyad(self, a: str, b: str, modality: str | None = None,
             limit: int = 500) -> dict[str, Any]:
        """Events between ``a`` and ``b`` (actor ids or country codes) by month and quad class.

        Months come from the date each event happened; events dated only to the year
        (or undated) are counted apart in ``coarse``. ``events`` lists them (timeline
        order, at most ``limit``).
        """
        conds, params = [], []
        for side in (a, b):
            column, value = self._side(side)
            conds.append(_EVENT_SIDE.format(column=column))
            params.append(value)
        if modality:
            conds.append("e.modality = ?")
            params.append(modality)
        rows = self._all(f"SELECT e.date_value, e.quad, e.record FROM events e WHERE "
                         f"{' AND '.join(conds)} ORDER BY e.place_date, e.first_reported, "
                         "e.id", params)
        months: dict[str, dict[str, int]] = {}
        coarse = dict.fromkeys(QUADS, 0)
        for row in rows:
            key = month(row["date_value"])
            bucket = months.setdefault(key, dict.fromkeys(QUADS, 0)) if key else coarse
            bucket[row["quad"]] += 1
        return {"a": a, "b": b, "total": len(rows), "coarse": coarse,
                "months": [{"month": k, **months[k]} for k in sorted(months)],
                "events": [self._event_dict(r) for r in rows[:limit]]}

    # -- articles ---------------------------------------------------------------------

    @_locked
    def search(self, q: str, limit: int = 20, offset: int = 0) -> tuple[list[dict], int]:
        """Articles whose title or text hold every word of ``q`` (FTS5), best first.

        Each item has a ``snippet``: a list of ``{"text", "match"}`` pieces.
        """
        limit, offset = page(limit, offset)
        match = fts_query(q)
        total = self._all("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?",
                          (match,))[0][0]
        rows = self._all(
            "SELECT a.id, a.title, a.date, a.url, a.origin, snippet(articles_fts, 1, "
            "char(57344), char(57345), '…', 16) AS snippet, (SELECT count(*) FROM mentions m "
            "WHERE m.article_id = a.id) AS num_events FROM articles_fts JOIN articles a "
            "ON a.pk = articles_fts.rowid WHERE articles_fts MATCH ? ORDER BY rank, a.id "
            "LIMIT ? OFFSET ?", (match, limit, offset))
        return [dict(dict(r), snippet=_pieces(r["snippet"] or "")) for r in rows], total

    @_locked
    def findings(self, article_id: str | None = None) -> list[dict]:
        """Consistency findings, of one article or of all."""
        where, params = ("WHERE article_id = ?", [article_id]) if article_id else ("", [])
        return [dict(r) for r in self._all(
            f'SELECT article_id, kind, message, start, "end" FROM findings {where} '
            "ORDER BY article_id, start", params)]

    @_locked
    def article(self, id: str) -> dict[str, Any] | None:
        """One article with its timexes, findings and event records (mentions)."""
        row = self._conn.execute("SELECT * FROM articles WHERE id = ?", (id,)).fetchone()
        if row is None:
            return None
        art = {k: row[k] for k in row.keys() if k != "pk"}
        art["timexes"] = [dict(r) for r in self._all(
            'SELECT start, "end", text, type, value, anchor FROM timexes WHERE article_id = ? '
            "ORDER BY start", (id,))]
        art["findings"] = self.findings(id)
        rows = self._all("SELECT m.*, a.title, a.url, a.text FROM mentions m JOIN articles a "
                         "ON a.id = m.article_id WHERE m.article_id = ? ORDER BY m.idx", (id,))
        art["mentions"] = [self._mention(r) for r in rows]
        return art

    @_locked
    def stats(self) -> dict[str, Any]:
        """Counts of what is stored, and the span of publication and event dates."""
        one = lambda sql: self._conn.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "articles": one("SELECT count(*) FROM articles"),
            "events": one("SELECT count(*) FROM events"),
            "mentions": one("SELECT count(*) FROM mentions"),
            "actors": one("SELECT count(*) FROM actors"),
            "timexes": one("SELECT count(*) FROM timexes"),
            "findings": one("SELECT count(*) FROM findings"),
            "multi_article_events": one("SELECT count(*) FROM events WHERE num_articles > 1"),
            "date_disagreements": one("SELECT count(*) FROM events WHERE date_disagree"),
            "published": {"min": one("SELECT min(date) FROM articles"),
                          "max": one("SELECT max(date) FROM articles")},
            "happened": {"min": one("SELECT min(date_start) FROM events"),
                         "max": one("SELECT max(date_end) FROM events")},
            "schema_version": SCHEMA_VERSION,
        }


_EVENT_SIDE = ("e.id IN (SELECT m.event_id FROM mentions m JOIN mention_actors ma "
               "ON ma.mention_id = m.id WHERE ma.{column} = ?)")


def _pieces(snippet: str) -> list[dict[str, Any]]:
    """An FTS5 snippet with private-use match markers as plain ``{"text", "match"}`` pieces."""
    out = []
    for i, part in enumerate(snippet.replace("\ue001", "\ue000").split("\ue000")):
        if part:
            out.append({"text": part, "match": i % 2 == 1})
    return out
