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

from ..fuse.summary import EventTallies

MAX_EVENTS = 20_000  # events whose tallies are kept (each one is small: votes and counts)
MAX_ACTORS = 50_000  # actor rows kept

# an actor row as ``actors`` stores it: (name, kind, country, sector, aliases JSON)
ActorRow = tuple[str, str | None, str | None, str | None, str]
# the row, and its aliases decoded when the JSON is the canonical (sorted) form, else None
ActorEntry = tuple[ActorRow, frozenset[str] | None]


class FusionCache:
    """``EventTallies`` per event id, actor rows (LRU)."""

    def __init__(self, max_events: int = MAX_EVENTS, max_actors: int = MAX_ACTORS) -> None:
        self.max_events = max_events
        self.max_actors = max_actors
        self._events: OrderedDict[str, EventTallies] = OrderedDict()
        self._actors: OrderedDict[str, ActorEntry] = OrderedDict()
        self._data_version: int | None = None

    def clear(self) -> None:
        """Forget everything (after a rollback, or another connection's commit)."""
        self._events.clear()
        self._actors.clear()

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
        """The cached ``EventTallies`` of every record of ``event_id`` (do not mutate), if any."""
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
