"""Where an input's bytes come from: a file on disk or standard input."""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import BinaryIO, Callable

from ..errors import InputError
from .article import ReadOptions, megabytes
from .decode import check_not_binary


@dataclass(frozen=True)
class Input:
    """One input to read: its label (``Article.source``), default id and a way to open it."""

    name: str  # the path, or "<stdin>"
    stem: str  # the id of an article that has none
    open: Callable[[], BinaryIO]


def file_input(path: str) -> Input:
    """The ``Input`` of a file: its id is the file name without extension."""
    base = os.path.basename(path)
    stem = os.path.splitext(base)[0]
    return Input(name=path, stem=stem or base, open=lambda: open(path, "rb"))


def read_bytes(inp: Input, options: ReadOptions) -> bytes:
    """All of ``inp``'s bytes, refusing empty, binary or oversized inputs."""
    limit = options.file_limit
    with inp.open() as stream:
        size = _size_of(stream)
        if size is not None and size > limit:
            # Refuse before reading: a huge file must not be loaded to be refused.
            raise InputError(f"file too large: {megabytes(size)} (limit {megabytes(limit)})")
        data = stream.read(limit + 1)
    if not data:
        raise InputError("empty file")
    if len(data) > limit:
        raise InputError(f"file too large: more than {megabytes(limit)}")
    check_not_binary(data)
    return data


def _size_of(stream: BinaryIO) -> int | None:
    try:
        return os.fstat(stream.fileno()).st_size
    except (OSError, AttributeError, ValueError):
        return None  # a pipe or an in-memory stream
