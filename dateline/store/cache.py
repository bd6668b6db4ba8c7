"""What fusion re-reads most, kept decoded by the one writer: a bounded, write-through cache.

Fusing a mention summarises every record of the event it joins; every entity merges
into its stored actor row. All of it was read back from SQLite (and JSON-decoded) for
every new mention; ``FusionCache`` keeps it for recently touched events and actors
instead, with each cached event's ``EventTallies`` tallies (updated per new record).
It holds only what SQLite returned or was just given (values stored as they are),
is updated by ``fuse_mention`` and ``upsert_actor`` in step with their own writes,
emptied when a transaction rolls back, and emptied when another connection committed
since (``PRAGMA data_version``), so it never serves a row that differs from the
stored one. Every map is LRU-bounded (tallies live and go with their event's rows).
"""
from __future__ import annotations

import sqlite3
from collections import OrderedDict
from typing import Any

from ..fuse.summary import EventTallies

MAX_EVENT_ROWS = 20_000  # summary rows kept, over all cached events
MAX_ACTORS = 50_000  # actor rows kept

# an actor row as ``actors`` stores it: (name, kind, country, sector, aliases JSON)
ActorRow = tuple[str, str | None, str | None, str | None, str]
# the row, and its aliases decoded when the JSON is the canonical (sorted) form, else None
ActorEntry = tuple[ActorRow, frozenset[str] | None]


class FusionCache:
    """Decoded summary rows (and tallies) per event id, actor rows (LRU)."""

    def __init__(self, max_event_rows: int = MAX_EVENT_ROWS,
                 max_actors: int = MAX_ACTORS) -> None:
        self.max_event_rows = max_event_rows
        self.max_actors = max_actors
        self._events: OrderedDict[str, list[dict[str, Any]]] = OrderedDict()
        self._rows = 0
        # event id -> the ``EventTallies`` tallies of its cached rows (where kept)
        self._tallies: dict[str, EventTallies] = {}
        self._actors: OrderedDict[str, ActorEntry] = OrderedDict()
        self._data_version: int | None = None

    def clear(self) -> None:
        """Forget everything (after a rollback, or another connection's commit)."""
        self._events.clear()
        self._tallies.clear()
        self._actors.clear()
        self._rows = 0

    def sync(self, conn: sqlite3.Connection) -> None:
        """Empty the cache if another connection committed since the last call.

        Call it inside the write transaction, where no one else can commit.
        """
        version = conn.execute("PRAGMA data_version").fetchone()[0]
        if version != self._data_version:
            self.clear()
            self._data_version = version

    # -- event rows ---------------------------------------------------------------------

    def event_rows(self, event_id: str) -> list[dict[str, Any]] | None:
        """The cached summary rows of event ``event_id`` (do not mutate them), if any."""
        rows = self._events.get(event_id)
        if rows is not None:
            self._events.move_to_end(event_id)
        return rows

    def put_event(self, event_id: str, rows: list[dict[str, Any]],
                  tallies: EventTallies | None = None) -> None:
        """Remember the complete summary rows of one event (dropping the oldest past the cap),
        and ``tallies``, the ``EventTallies`` of exactly these rows, if given."""
        self.drop_event(event_id)
        if len(rows) > self.max_event_rows:
            return
        self._events[event_id] = rows
        if tallies is not None:
            self._tallies[event_id] = tallies
        self._rows += len(rows)
        while self._rows > self.max_event_rows:
            old_id, old = self._events.popitem(last=False)
            self._tallies.pop(old_id, None)
            self._rows -= len(old)

    def tallies(self, event_id: str) -> EventTallies | None:
        """The ``EventTallies`` of the cached rows of ``event_id`` (do not mutate), if kept."""
        return self._tallies.get(event_id) if event_id in self._events else None

    def drop_event(self, event_id: str) -> None:
        """Forget one event (it was merged into another, or rewritten)."""
        rows = self._events.pop(event_id, None)
        self._tallies.pop(event_id, None)
        if rows is not None:
            self._rows -= len(rows)

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
