"""ISO 8601 prefixes ("2019", "2019-06", "2019-06-30", "2012-W33") as day intervals."""
from __future__ import annotations

import calendar
import datetime as dt
import re

_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def interval(value: str | None) -> tuple[str, str] | None:
    """First and last day (ISO) a date value covers, from its year/month/day prefix.

    >>> interval("2019-06")
    ('2019-06-01', '2019-06-30')
    >>> interval("2012-W33")   # only the year is read: the whole year
    ('2012-01-01', '2012-12-31')
    """
    if not value:
        return None
    m = _PREFIX.match(value)
    if not m:
        return None
    year = int(m.group(1))
    if m.group(3):
        try:
            day = dt.date(year, int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
        return day.isoformat(), day.isoformat()
    if m.group(2):
        month = int(m.group(2))
        if not 1 <= month <= 12:
            return None
        last = calendar.monthrange(year, month)[1]
        return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"
    return f"{year:04d}-01-01", f"{year:04d}-12-31"


def month(value: str | None) -> str | None:
    """The YYYY-MM a date value names, or None when it is coarser than a month."""
    if not value:
        return None
    m = _PREFIX.match(value)
    return f"{m.group(1)}-{m.group(2)}" if m and m.group(2) else None
