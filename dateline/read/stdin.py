"""Standard input (``-``): the format is sniffed from the content."""
from __future__ import annotations

import io
import sys
from typing import BinaryIO, Iterator, TextIO

from ..model import Article, Rejection
from .article import ReadOptions
from .formats import READERS, sniff_format
from .source import Input

STDIN_NAME = "<stdin>"
STDIN_ID = "stdin"
_HEAD = 64 * 1024


class _Prefixed(io.RawIOBase):
    """A binary stream that first replays the bytes already read for sniffing."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)
    # close() closes this wrapper only: the caller's stdin stays open.


def _binary(stream: TextIO | BinaryIO) -> BinaryIO:
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        return buffer  # sys.stdin: read the bytes, decode with our rules
    if isinstance(stream, io.TextIOBase) or isinstance(stream.read(0), str):
        return io.BytesIO(stream.read().encode("utf-8", "surrogatepass"))
    return stream  # type: ignore[return-value]


def read_stdin(stream: TextIO | BinaryIO | None,
               options: ReadOptions) -> Iterator[Article | Rejection]:
    """The article(s) on standard input (``stream``, else ``sys.stdin``)."""
    binary = _binary(stream if stream is not None else sys.stdin)
    head = binary.read(_HEAD)
    inp = Input(name=STDIN_NAME, stem=STDIN_ID,
                open=lambda: io.BufferedReader(_Prefixed(head, binary)))
    yield from READERS[sniff_format(head)](inp, options)
