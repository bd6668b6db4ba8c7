"""JSON Lines files: one article object per line, read as a stream."""
from __future__ import annotations

import codecs
import json
from typing import BinaryIO, Iterator

from ..errors import InputError
from ..model import Article, Rejection
from .article import ReadOptions, megabytes
from .decode import decode
from .records import guarded_record, record_to_article
from .source import Input


class _LongLine(int):
    """The byte size of a line too long to be read, standing in for its content."""


def _lines(stream: BinaryIO, limit: int) -> Iterator[bytes | _LongLine]:
    # readline(limit) keeps memory bounded even for a gigabyte-long line.
    while line := stream.readline(limit + 1):
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        size = len(line)
        while chunk := stream.readline(1 << 20):
            size += len(chunk)
            if chunk.endswith(b"\n"):
                break
        yield _LongLine(size)


def _parse(raw: bytes, lineno: int) -> object:
    if lineno == 1:
        raw = raw.removeprefix(codecs.BOM_UTF8)
    try:
        line = decode(raw).rstrip("\r\n")
    except InputError as e:
        raise InputError(f"line {lineno}: {e}") from None
    try:
        return json.loads(line)
    except json.JSONDecodeError as e:
        raise InputError(f"line {lineno}: malformed JSON: {e.msg} (column {e.colno})") from None
    except RecursionError:
        raise InputError(f"line {lineno}: malformed JSON: nested too deeply") from None


def read_jsonl(inp: Input, options: ReadOptions) -> Iterator[Article | Rejection]:
    """Each line's article; a bad line is one rejection (``name#k``) and the file goes on."""
    count = 0
    with inp.open() as stream:
        for lineno, raw in enumerate(_lines(stream, options.file_limit), 1):
            if lineno == 1 and not isinstance(raw, _LongLine) and b"\0" in raw[:8192]:
                raise InputError("binary file (NUL bytes), not text")
            if not isinstance(raw, _LongLine) and not raw.strip():
                continue
            count += 1  # every non-blank line is a record: ids stay stable
            source = f"{inp.name}#{count}"
            if isinstance(raw, _LongLine):
                yield Rejection(source, f"line {lineno}: article too large: {megabytes(raw)} "
                                        f"(limit {megabytes(options.max_bytes)})")
                continue
            try:
                obj = _parse(raw, lineno)
            except InputError as e:
                yield Rejection(source, str(e))
                continue
            yield guarded_record(lambda: record_to_article(
                obj, default_id=f"{inp.stem}#{count}", source=source, options=options,
                where=f"line {lineno}: "), source, f"line {lineno}: ")
    if count == 0:
        raise InputError("empty file (no JSON lines)")
