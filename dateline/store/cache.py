"""What fusion re-reads most, kept decoded by the one writer: a bounded, write-through cache.

Fusing a mention summarises every record of the event it joins; every entity merges
into its stored actor row. All of it was read back from SQLite (and JSON-decoded) for
every new mention; ``FusionCache`` keeps, for recently touched events, the
``EventTallies`` that summary is made from (updated record by record, so a big event
costs no more than a small one), and recently touched actor rows.
It holds only what SQLite returned or was just given (values stored as they are),
is updated by ``fuse_mention`` and ``upsert_actor`` in step with their own writes,
emptied when a transaction rolls back, and emptied when another connection committed
since (``PRAGMA data_version``), so it never serves a row that differs from the
stored one. Every map is LRU-bounded.
"""
from __future__ import annotations

import sqlite3
from collections import OrderedDict

from ..fuse import MentionKey
from ..fuse.summary import EventTallies

MAX_EVENTS = 20_000  # events whose tallies are kept (each one is small: votes and counts)
MAX_ACTORS = 50_000  # actor rows kept
MAX_RECORDS = 200_000  # stored records whose compared values are kept (by rowid)

# an actor row as ``actors`` stores it: (name, kind, country, sector, aliases JSON)
ActorRow = tuple[str, str | None, str | None, str | None, str]
# the row, and its aliases decoded when the JSON is the canonical (sorted) form, else None
ActorEntry = tuple[ActorRow, frozenset[str] | None]


class RecordGroup:
    """The cached records of one event (its id when read: see ``event_of``) with the same
    compared values (``key``: their ``MentionKey`` without key and article). Hashed by
    identity: one object per group, so a set of them is cheap."""

    __slots__ = ("event_id", "key")

    def __init__(self, event_id: str, key: MentionKey) -> None:
        self.event_id = event_id
        self.key = key


# a stored record as fusion compares it: its group and its article id
RecordEntry = tuple[RecordGroup, str]


class FusionCache:
    """``EventTallies`` per event id, actor rows (LRU), stored records by rowid."""

    def __init__(self, max_events: int = MAX_EVENTS, max_actors: int = MAX_ACTORS,
                 max_records: int = MAX_RECORDS) -> None:
        self.max_events = max_events
        self.max_actors = max_actors
        self.max_records = max_records
        self._events: OrderedDict[str, EventTallies] = OrderedDict()
        self._actors: OrderedDict[str, ActorEntry] = OrderedDict()
        self._records: dict[int, RecordEntry] = {}
        self._renamed: dict[str, str] = {}  # merged event id -> the id it was merged into
        self._compared: dict[tuple, MentionKey] = {}  # compared column values -> their key
        self._groups: dict[tuple[str, int], RecordGroup] = {}  # (event id, id of key)
        self._data_version: int | None = None

    def clear(self) -> None:
        """Forget everything (after a rollback, or another connection's commit)."""
        self._events.clear()
        self._actors.clear()
        self._forget_records()

    def _forget_records(self) -> None:
        self._records.clear()
        self._renamed.clear()  # it only serves the entries of ``_records``
        self._compared.clear()
        self._groups.clear()

    def sync(self, conn: sqlite3.Connection) -> None:
        """Empty the cache if another connection committed since the last call.

        Call it inside the write transaction, where no one else can commit.
        """
        version = conn.execute("PRAGMA data_version").fetchone()[0]
        if version != self._data_version:
            self.clear()
            self._data_version = version

    # -- event tallies ------------------------------------------------------------------

    def tallies(self, event_id: str) -> EventTallies | None:
        """The cached ``EventTallies`` of every record of ``event_id``, if any (``fuse_mention``
        updates them in place, inside the transaction whose failure empties the cache)."""
        found = self._events.get(event_id)
        if found is not None:
            self._events.move_to_end(event_id)
        return found

    def put_tallies(self, event_id: str, tallies: EventTallies) -> None:
        """Remember the tallies of every record of one event (dropping the oldest past the cap)."""
        self._events[event_id] = tallies
        self._events.move_to_end(event_id)
        while len(self._events) > self.max_events:
            self._events.popitem(last=False)

    def drop_event(self, event_id: str) -> None:
        """Forget one event (it was merged into another, or rewritten)."""
        self._events.pop(event_id, None)

    # -- stored records (fusion candidates) ---------------------------------------------

    def records(self) -> dict[int, RecordEntry]:
        """The cached records by rowid (read only; ``put_record`` adds to them)."""
        return self._records

    def trim_records(self) -> None:
        """Past the cap, forget every cached record (they are read back, one query per
        fusion, when candidates again). Call it before reading any entry: the entries
        read since hold event ids that only the renames forgotten with them resolve."""
        if len(self._records) > self.max_records:
            self._forget_records()

    def put_record(self, rowid: int, event_id: str, article_id: str,
                   mk: MentionKey) -> RecordEntry:
        """Remember one stored record (``mk``: from ``compared_key``); its entry."""
        group = self._groups.get((event_id, id(mk)))
        if group is None:
            group = self._groups[(event_id, id(mk))] = RecordGroup(event_id, mk)
        entry = self._records[rowid] = (group, article_id)
        return entry

    def compared_key(self, values: tuple, mk: MentionKey) -> MentionKey:
        """The one ``MentionKey`` kept for these compared column values (``mk`` if new)."""
        return self._compared.setdefault(values, mk)

    def known_key(self, values: tuple) -> MentionKey | None:
        """The ``MentionKey`` kept for these compared column values, if any."""
        return self._compared.get(values)

    def rename_event(self, old: str, new: str) -> None:
        """Event ``old`` was merged into ``new``: cached records of ``old`` are in ``new``."""
        self._renamed[old] = new

    def event_of(self, event_id: str) -> str:
        """The current id of the event a cached record was in when read (after merges)."""
        renamed = self._renamed
        while event_id in renamed:
            event_id = renamed[event_id]
        return event_id

    # -- actors -------------------------------------------------------------------------

    def actor(self, actor_id: str) -> ActorEntry | None:
        """The cached ``actors`` row of ``actor_id`` and its decoded aliases, if any."""
        entry = self._actors.get(actor_id)
        if entry is not None:
            self._actors.move_to_end(actor_id)
        return entry

    def put_actor(self, actor_id: str, row: ActorRow, aliases: frozenset[str] | None) -> None:
        """Remember an actor row read or written (text or None values only: stored as is)
        with its aliases (None unless ``row``'s JSON is exactly their sorted list)."""
        if not all(v is None or type(v) is str for v in row):
            self._actors.pop(actor_id, None)  # SQLite would store another value: re-read it
            return
        self._actors[actor_id] = (row, aliases)
        self._actors.move_to_end(actor_id)
        while len(self._actors) > self.max_actors:
            self._actors.popitem(last=False)
