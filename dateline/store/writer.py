"""Storing while the parser works: one writer thread in front of ``Database.add``.

Parsing spends most of its time in numerical code that releases the GIL, so a
thread that fuses and writes the previous articles meanwhile takes little from
it. ``Database`` stays the single writer (its lock serialises every call); the
queue is bounded, so a slow disk holds the parser back instead of filling memory.
"""
from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from types import TracebackType

from ..model import Extraction
from .database import Database

_DONE = object()


class BackgroundWriter:
    """``with BackgroundWriter(db, on_stored) as w: w.put(extraction)``.

    ``on_stored(extraction, outcome)`` runs in the writer thread after each
    ``Database.add`` ("new" or "duplicate"). Leaving the block waits until every
    extraction put is stored; an error of the writer is raised in the caller's
    thread, at the next ``put`` or on leaving the block.
    """

    def __init__(self, db: Database, on_stored: Callable[[Extraction, str], None],
                 max_pending: int = 64) -> None:
        self._db, self._on_stored = db, on_stored
        self._queue: queue.Queue = queue.Queue(maxsize=max_pending)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="dateline-writer", daemon=True)

    def __enter__(self) -> "BackgroundWriter":
        self._thread.start()
        return self

    def put(self, extraction: Extraction) -> None:
        """Queue one extraction for storing (blocks while the queue is full)."""
        self._raise_error()
        while True:
            try:
                self._queue.put(extraction, timeout=0.5)
                return
            except queue.Full:
                self._raise_error()  # a dead writer must not leave the caller blocked

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        # What was extracted is stored even when the caller stops on an error: it is complete.
        while self._thread.is_alive():
            try:
                self._queue.put(_DONE, timeout=0.5)
                break
            except queue.Full:
                continue
        self._thread.join()
        if exc is None:
            self._raise_error()

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is _DONE:
                return
            if self._error is not None:
                continue  # drain without storing once writing has failed
            try:
                self._on_stored(item, self._db.add(item))
            except BaseException as err:  # noqa: BLE001 - handed to the caller's thread
                self._error = err

    def _raise_error(self) -> None:
        if self._error is not None:
            raise self._error
