"""Bytes to text: UTF-8 (with or without BOM), then cp1252, and a clear refusal of binary data."""
from __future__ import annotations

import codecs

from ..errors import InputError

_SNIFF = 8192  # bytes inspected for binary content
_CONTROL = bytes(c for c in range(32) if c not in (9, 10, 12, 13))


def check_not_binary(data: bytes) -> None:
    """Refuse data that is not text: NUL bytes, or mostly control characters."""
    head = data[:_SNIFF]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return  # UTF-16 legitimately holds NUL bytes
    if b"\0" in head:
        raise InputError("binary file (NUL bytes), not text")
    controls = sum(head.count(c) for c in _CONTROL)
    if head and controls / len(head) > 0.1:
        raise InputError("binary file (control characters), not text")


def decode(data: bytes) -> str:
    """``data`` as text: a BOM decides, else UTF-8, else cp1252; an ``InputError`` otherwise."""
    check_not_binary(data)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise InputError(f"invalid UTF-16 at byte {e.start}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as utf8_error:
        try:
            # Older French sites and Word exports are often cp1252.
            return data.decode("cp1252")
        except UnicodeDecodeError:
            raise InputError(f"invalid UTF-8 at byte {utf8_error.start} "
                             "(and not cp1252 either)") from None
