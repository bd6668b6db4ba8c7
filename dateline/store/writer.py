"""Storing while the parser works: a writer process in front of ``Database.add``.

Fusing and writing an article costs a few milliseconds of Python, which a
thread could only interleave with the parser under the GIL; a process of its
own does it on another core. It opens the database by path and is the single
writer while it runs (the caller may keep reading: WAL lets readers in). At most
``max_pending`` extractions are in flight, so a slow disk holds the parser back
instead of filling memory.

The writer is a fresh interpreter (``python -m dateline.store.writer DB``), not
a fork: a forked child shares the parent's pages copy-on-write, and the parent,
which holds the loaded model, then pays a page fault on every page it writes to
while the child lives (measured: 35 → 213 minor faults per article, about 4 ms of
the parser's CPU per article). Extractions go to it pickled on its stdin; each
outcome comes back pickled on its stdout.
"""
from __future__ import annotations

import os
import pickle
import queue
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from ..model import Extraction

_DONE = None  # end of the writer's outcomes
_POLL = 0.5  # seconds between checks that the writer is still alive
_PROTOCOL = pickle.HIGHEST_PROTOCOL

OnStored = Callable[[str, str], None]


# --------------------------------------------------------------------------- the writer process

def _portable(err: BaseException) -> BaseException:
    """``err`` if it survives pickling, else a ``RuntimeError`` that says the same."""
    try:
        pickle.loads(pickle.dumps(err, _PROTOCOL))
        return err
    except Exception:  # noqa: BLE001 - any unpicklable error
        return RuntimeError(f"{type(err).__name__}: {err}")


def _serve(db_path: str, todo: IO[bytes], done: IO[bytes]) -> None:
    """Store each extraction read from ``todo``; write ``("stored", id, outcome)`` or ``("error", err)``.

    After an error nothing more is stored, but ``todo`` is read to its end so that
    the caller never blocks writing to it.
    """
    from .database import Database

    def report(item: Any) -> None:
        pickle.dump(item, done, _PROTOCOL)
        done.flush()

    db = None
    try:
        db = Database(db_path)
    except BaseException as err:  # noqa: BLE001 - handed to the caller
        report(("error", _portable(err)))
    while True:
        try:
            item = pickle.load(todo)
        except EOFError:
            break
        if db is None:
            continue  # drain without storing once writing has failed
        try:
            report(("stored", item.article.id, db.add(item)))
        except BaseException as err:  # noqa: BLE001 - handed to the caller
            report(("error", _portable(err)))
            db.close()
            db = None
    if db is not None:
        db.close()


def _main(argv: list[str]) -> None:
    # Ctrl-C reaches the whole process group: the caller decides when to stop
    # (closing our stdin); what it has sent is stored.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    done = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # anything printed goes to stderr, never into the outcomes
    _serve(argv[0], sys.stdin.buffer, done)
    done.close()


# --------------------------------------------------------------------------- the caller's side

class BackgroundWriter:
    """``with BackgroundWriter(path, on_stored) as w: w.put(extraction)``.

    ``on_stored(article_id, outcome)`` runs in the caller's thread for each
    ``Database.add`` done ("new" or "duplicate"), as results come back. Leaving
    the block waits until every extraction put is stored, also when the block
    ends on an error (what was extracted is complete); an error of the writer
    is raised in the caller, at a later ``put`` or on leaving the block.
    """

    def __init__(self, db_path: str | Path, on_stored: OnStored, max_pending: int = 64) -> None:
        self._db_path = str(db_path)
        self._on_stored = on_stored
        self._max_pending = max(1, max_pending)
        self._pending = 0  # put, outcome not back yet
        self._outcomes: queue.Queue = queue.Queue()
        self._error: BaseException | None = None
        self._finished = False
        self._process: subprocess.Popen | None = None
        self._reader: threading.Thread | None = None

    def __enter__(self) -> "BackgroundWriter":
        env = dict(os.environ)
        home = str(Path(__file__).resolve().parents[2])  # the directory that holds dateline/
        env["PYTHONPATH"] = os.pathsep.join(p for p in (home, env.get("PYTHONPATH")) if p)
        self._process = subprocess.Popen(
            [sys.executable, "-m", "dateline.store.writer", self._db_path],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
        self._reader = threading.Thread(target=self._read_outcomes, name="dateline-writer-outcomes",
                                        daemon=True)
        self._reader.start()
        return self

    def put(self, extraction: Extraction) -> None:
        """Send one extraction for storing (blocks while ``max_pending`` are in flight)."""
        self._collect(block=False)
        while self._pending >= self._max_pending and not self._finished:
            self._raise_error()
            self._collect(block=True)
        self._raise_error()
        if self._finished:
            raise RuntimeError("the writer process stopped unexpectedly")
        assert self._process is not None and self._process.stdin is not None
        try:
            pickle.dump(extraction, self._process.stdin, _PROTOCOL)
            self._process.stdin.flush()
        except (BrokenPipeError, OSError):
            self._wait_finished()
            self._raise_error()
            raise RuntimeError("the writer process stopped unexpectedly") from None
        self._pending += 1

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        assert self._process is not None
        try:
            try:
                if self._process.stdin is not None:
                    self._process.stdin.close()  # end of work: the writer stores what it has and stops
            except (BrokenPipeError, OSError):
                pass
            self._wait_finished()
        finally:
            try:
                self._process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        if exc is None:
            self._raise_error()

    def _read_outcomes(self) -> None:
        """Reader thread: move the writer's outcomes to a queue the caller's thread drains."""
        assert self._process is not None and self._process.stdout is not None
        stream = self._process.stdout
        try:
            while True:
                self._outcomes.put(pickle.load(stream))
        except (EOFError, OSError, pickle.UnpicklingError):
            pass
        finally:
            self._outcomes.put(_DONE)

    def _wait_finished(self) -> None:
        while not self._finished:
            self._collect(block=True)

    def _collect(self, block: bool) -> None:
        """Hand the outcomes that came back to ``on_stored``."""
        while not self._finished:
            try:
                item = self._outcomes.get(timeout=_POLL) if block else self._outcomes.get_nowait()
            except queue.Empty:
                return
            if item is _DONE:
                self._finished = True
            elif item[0] == "error":
                self._error = self._error or item[1]
            else:
                self._pending -= 1
                self._on_stored(item[1], item[2])
            block = False

    def _raise_error(self) -> None:
        if self._error is not None:
            raise self._error


if __name__ == "__main__":
    _main(sys.argv[1:])
