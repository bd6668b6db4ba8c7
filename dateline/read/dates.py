"""Publication dates: parse what an input gives, fall back to the caller's ``--date``."""
from __future__ import annotations

import datetime as dt
import re

from ..errors import InputError

NO_DATE = "no publication date: give --date YYYY-MM-DD"
# A date, optionally followed by a time ("2025-10-27T08:00:00+01:00").
_ISO = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*\Z")


def looks_iso(value: str) -> bool:
    """Whether ``value`` is shaped like an ISO date (valid or not)."""
    return _ISO.match(value) is not None


def parse_date(value: object) -> dt.date:
    """The date ``value`` holds (``YYYY-MM-DD``, maybe with a time), or an ``InputError`` saying why not."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise InputError(f"bad date {value!r}: expected a string YYYY-MM-DD")
    match = _ISO.match(value)
    if not match:
        raise InputError(f"bad date {value!r}: expected YYYY-MM-DD")
    year, month, day = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise InputError(f"impossible date {year:04d}-{month:02d}-{day:02d}") from None


def resolve_date(value: object, fallback: dt.date | None) -> dt.date:
    """``value`` parsed when present; else the caller's date; else ``NO_DATE``."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if fallback is None:
            raise InputError(NO_DATE)
        return fallback
    return parse_date(value)
