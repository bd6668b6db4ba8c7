"""Input reading: files, folders, globs and stdin to ``Article`` or ``Rejection``.

    for item in read_paths(["samples/"], date=None):
        print(item)  # an Article, or a Rejection: "path: reason"

One module per format (``text``: seed format and plain text, ``jsonl``,
``jsonfile``, ``webpage``: HTML, ``feed``: RSS/Atom); ``paths`` expands what the
user names; ``article`` holds the checks every article passes (size, emptiness,
language through ``language``). Nothing here raises on bad input: each problem is
one ``Rejection`` naming the file (and record), and the batch goes on.
"""
from __future__ import annotations

import datetime as dt
import os
from typing import BinaryIO, Iterable, Iterator, Sequence, TextIO

from ..errors import InputError
from ..model import Article, Rejection
from .article import DEFAULT_MAX_BYTES, ReadOptions
from .formats import READERS, format_of_path, unknown_extension_reason
from .paths import STDIN, expand_paths
from .source import file_input
from .stdin import STDIN_NAME, read_stdin

__all__ = ["read_paths", "read_file", "DEFAULT_MAX_BYTES", "ReadOptions"]


def _guarded(source: str, items: Iterable[Article | Rejection]) -> Iterator[Article | Rejection]:
    """``items``, with any error turned into a last rejection for ``source``."""
    try:
        yield from items
    except InputError as e:
        yield Rejection(source, str(e))
    except OSError as e:
        yield Rejection(source, f"cannot read: {e.strerror or e}")
    except Exception as e:  # noqa: BLE001 - a reader bug must not stop the batch
        yield Rejection(source, f"unreadable ({type(e).__name__}: {e})")


def read_file(path: str, options: ReadOptions | None = None) -> Iterator[Article | Rejection]:
    """The article(s) of one file, its format given by its extension."""
    options = options or ReadOptions()
    fmt = format_of_path(path)
    if fmt is None:
        yield Rejection(path, unknown_extension_reason(path))
        return
    yield from _guarded(path, READERS[fmt](file_input(path), options))


def read_paths(paths: Sequence[str], date: dt.date | None = None,
               stdin: TextIO | BinaryIO | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Rejection]:
    """Every article of ``paths`` (files, folders, globs, ``-`` for stdin), lazily, in order.

    ``date`` dates inputs that carry no date of their own (plain text, the CLI's
    ``--date``); ``max_bytes`` bounds one article's UTF-8 text. Bad inputs give a
    ``Rejection`` each; no exception escapes.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]  # one path, not a sequence of characters
    options = ReadOptions(date=date, max_bytes=max_bytes)
    for item in _guarded("<arguments>", expand_paths([os.fspath(p) for p in paths])):
        if isinstance(item, Rejection):
            yield item
        elif item == STDIN:
            yield from _guarded(STDIN_NAME, read_stdin(stdin, options))
        else:
            yield from read_file(item, options)
