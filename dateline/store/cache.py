"""What fusion re-reads most, kept decoded by the one writer: a bounded, write-through cache.

Fusing a mention compares it with stored candidates (their ``MentionKey``) and then
summarises every record of the event it joins; every entity merges into its stored
actor row. All of it was read back from SQLite (and JSON-decoded) for every new
mention; ``FusionCache`` keeps it for recently touched events and actors instead.
It holds only what SQLite returned or was just given (values stored as they are),
is updated by ``fuse_mention`` and ``upsert_actor`` in step with their own writes,
emptied when a transaction rolls back, and emptied when another connection committed
since (``PRAGMA data_version``), so it never serves a row that differs from the
stored one. Every map is LRU-bounded.
"""
from __future__ import annotations

import sqlite3
from collections import OrderedDict
from typing import Any

from ..fuse import MentionKey

MAX_EVENT_ROWS = 20_000  # summary rows kept, over all cached events
MAX_KEYS = 50_000  # mention keys kept
MAX_ACTORS = 50_000  # actor rows kept

# an actor row as ``actors`` stores it: (name, kind, country, sector, aliases JSON)
ActorRow = tuple[str, str | None, str | None, str | None, str]
# the row, and its aliases decoded when the JSON is the canonical (sorted) form, else None
ActorEntry = tuple[ActorRow, frozenset[str] | None]


class FusionCache:
    """Decoded summary rows per event id, ``MentionKey`` per mention key, actor rows (LRU)."""

    def __init__(self, max_event_rows: int = MAX_EVENT_ROWS, max_keys: int = MAX_KEYS,
                 max_actors: int = MAX_ACTORS) -> None:
        self.max_event_rows = max_event_rows
        self.max_keys = max_keys
        self.max_actors = max_actors
        self._events: OrderedDict[str, list[dict[str, Any]]] = OrderedDict()
        self._rows = 0
        self._keys: OrderedDict[str, MentionKey] = OrderedDict()
        self._actors: OrderedDict[str, ActorEntry] = OrderedDict()
        self._data_version: int | None = None

    def clear(self) -> None:
        """Forget everything (after a rollback, or another connection's commit)."""
        self._events.clear()
        self._keys.clear()
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

    # -- mention keys -------------------------------------------------------------------

    def mention_key(self, key: str) -> MentionKey | None:
        """The cached ``MentionKey`` of the mention with content key ``key``, if any."""
        found = self._keys.get(key)
        if found is not None:
            self._keys.move_to_end(key)
        return found

    def put_mention_key(self, mk: MentionKey) -> None:
        """Remember a mention's ``MentionKey`` (immutable once the mention is stored)."""
        self._keys[mk.key] = mk
        self._keys.move_to_end(mk.key)
        while len(self._keys) > self.max_keys:
            self._keys.popitem(last=False)

    # -- event rows ---------------------------------------------------------------------

    def event_rows(self, event_id: str) -> list[dict[str, Any]] | None:
        """The cached summary rows of event ``event_id`` (do not mutate them), if any."""
        rows = self._events.get(event_id)
        if rows is not None:
            self._events.move_to_end(event_id)
        return rows

    def put_event(self, event_id: str, rows: list[dict[str, Any]]) -> None:
        """Remember the complete summary rows of one event (dropping the oldest past the cap)."""
        self.drop_event(event_id)
        if len(rows) > self.max_event_rows:
            return
        self._events[event_id] = rows
        self._rows += len(rows)
        while self._rows > self.max_event_rows:
            _, old = self._events.popitem(last=False)
            self._rows -= len(old)

    def drop_event(self, event_id: str) -> None:
        """Forget one event (it was merged into another, or rewritten)."""
        rows = self._events.pop(event_id, None)
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
