"""Storing while the parser works: a writer process in front of ``Database.add``.

Fusing and writing an article costs a few milliseconds of Python, which a
thread could only interleave with the parser under the GIL; a process of its
own does it on another core. It opens the database by path and is the single
writer while it runs (the caller may keep reading: WAL lets readers in). The
queue is bounded, so a slow disk holds the parser back instead of filling memory.
"""
from __future__ import annotations

import multiprocessing
import queue
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from ..model import Extraction

_DONE = None  # sentinel, both ways
_POLL = 0.5  # seconds between checks that the writer is still alive

OnStored = Callable[[str, str], None]


def _write(db_path: str, todo: Any, done: Any) -> None:
    """The writer process: store each extraction, report ``(article id, outcome)``."""
    from .database import Database

    failed = False
    try:
        db = Database(db_path)
    except BaseException as err:  # noqa: BLE001 - handed to the caller
        done.put(("error", err))
        failed = True
    for item in iter(todo.get, _DONE):
        if failed:
            continue  # drain without storing once writing has failed
        try:
            done.put(("stored", item.article.id, db.add(item)))
        except BaseException as err:  # noqa: BLE001 - handed to the caller
            done.put(("error", err))
            failed = True
    if not failed:
        db.close()
    done.put(_DONE)


class BackgroundWriter:
    """``with BackgroundWriter(path, on_stored) as w: w.put(extraction)``.

    ``on_stored(article_id, outcome)`` runs in the caller's process for each
    ``Database.add`` done ("new" or "duplicate"), as results come back. Leaving
    the block waits until every extraction put is stored, also when the block
    ends on an error (what was extracted is complete); an error of the writer
    is raised in the caller, at a later ``put`` or on leaving the block.
    """

    def __init__(self, db_path: str | Path, on_stored: OnStored, max_pending: int = 64) -> None:
        # fork: the child needs no re-import, and touches nothing of the parent but the queues
        ctx = multiprocessing.get_context("fork")
        self._on_stored = on_stored
        self._todo = ctx.Queue(maxsize=max_pending)
        self._done = ctx.Queue()
        self._error: BaseException | None = None
        self._finished = False
        self._process = ctx.Process(target=_write, args=(str(db_path), self._todo, self._done),
                                    name="dateline-writer", daemon=True)

    def __enter__(self) -> "BackgroundWriter":
        self._process.start()
        return self

    def put(self, extraction: Extraction) -> None:
        """Queue one extraction for storing (blocks while the queue is full)."""
        self._collect(block=False)
        self._raise_error()
        while True:
            try:
                self._todo.put(extraction, timeout=_POLL)
                return
            except queue.Full:
                self._collect(block=False)
                self._raise_error()
                if not self._process.is_alive():
                    raise RuntimeError("the writer process stopped unexpectedly")

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        try:
            while self._process.is_alive():
                try:
                    self._todo.put(_DONE, timeout=_POLL)
                    break
                except queue.Full:
                    self._collect(block=False)
            while not self._finished and (self._process.is_alive() or not self._done.empty()):
                self._collect(block=True)
        finally:
            self._process.join(timeout=30)
            if self._process.is_alive():
                self._process.terminate()
        if exc is None:
            self._raise_error()

    def _collect(self, block: bool) -> None:
        """Hand the outcomes that came back to ``on_stored``."""
        while not self._finished:
            try:
                item = self._done.get(timeout=_POLL) if block else self._done.get_nowait()
            except queue.Empty:
                return
            if item is _DONE:
                self._finished = True
            elif item[0] == "error":
                self._error = self._error or item[1]
            else:
                self._on_stored(item[1], item[2])
            block = False

    def _raise_error(self) -> None:
        if self._error is not None:
            raise self._error
