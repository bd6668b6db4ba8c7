"""TIMEX3 value arithmetic on calendar dates.

A resolved date is a ``Point``: a ``datetime.date`` and the granularity the
text supports (``Y`` year, ``Q``... see ``GRANULARITIES``). ``Point.iso()``
writes the ISO 8601 prefix TIMEX3 uses: ``2019``, ``2019-02``, ``2019-02-27``,
``2012-W33``, ``199`` (decade), ``19`` (century). Impossible dates
("31 février") are never built: constructors return None.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

# coarsest to finest
GRANULARITIES = ("C", "E", "Y", "Q", "M", "W", "D")
UNIT_GRANULARITY = {"C": "C", "E": "E", "Y": "Y", "Q": "Q", "M": "M", "W": "W", "D": "D",
                    "H": "D", "MIN": "D", "S": "D", "WE": "W"}


@dataclass(frozen=True)
class Point:
    """A date known at some granularity (the rest of ``date`` is filler)."""

    date: dt.date
    gran: str = "D"

    def iso(self) -> str:
        """The TIMEX3 value prefix at this granularity."""
        d = self.date
        if self.gran == "C":
            return f"{d.year // 100:02d}"
        if self.gran == "E":
            return f"{d.year // 10:03d}"
        if self.gran == "Y":
            return f"{d.year:04d}"
        if self.gran == "Q":
            return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
        if self.gran == "M":
            return f"{d.year:04d}-{d.month:02d}"
        if self.gran == "W":
            year, week, _ = d.isocalendar()
            return f"{year:04d}-W{week:02d}"
        return d.isoformat()

    def coarsen(self, gran: str) -> "Point":
        """The same point at the coarser of its granularity and ``gran``."""
        return Point(self.date, coarser(self.gran, gran))


def coarser(a: str, b: str) -> str:
    """The coarser of two granularities."""
    return a if GRANULARITIES.index(a) <= GRANULARITIES.index(b) else b


def make_date(year: int, month: int = 1, day: int = 1) -> dt.date | None:
    """The date, or None when it does not exist (31 February, month 13)."""
    try:
        return dt.date(int(year), int(month), int(day))
    except (ValueError, TypeError, OverflowError):
        return None


def add_months(d: dt.date, months: int) -> dt.date | None:
    """``d`` moved by whole months, the day clamped to the month's end (31 jan + 1 month = 28/29 feb)."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    if not 1 <= year <= 9999:
        return None
    day = min(d.day, calendar.monthrange(year, month + 1)[1])
    return dt.date(year, month + 1, day)


def shift(d: dt.date, amount: int, unit: str) -> dt.date | None:
    """``d`` moved by ``amount`` units (D, W, WE, M, Q, Y, E, C); None out of the calendar."""
    try:
        if unit in ("D",):
            return d + dt.timedelta(days=amount)
        if unit in ("W", "WE"):
            return d + dt.timedelta(weeks=amount)
        months = {"M": 1, "Q": 3, "Y": 12, "E": 120, "C": 1200}.get(unit)
        if months is None:
            return d  # hours and below do not move the date
        return add_months(d, amount * months)
    except OverflowError:
        return None


def weekday_near(ref: dt.date, weekday: int, direction: str | None, same_ok: bool = False) -> dt.date:
    """The date of ``weekday`` (1 = Monday) nearest ``ref``: before it (past), after it
    (future) or the closest one (None). ``same_ok`` lets ``ref`` itself count."""
    delta = (weekday - ref.isoweekday()) % 7  # days forward to the next one (0 = today)
    if delta == 0 and same_ok:
        return ref
    forward = ref + dt.timedelta(days=delta or 7)
    backward = ref - dt.timedelta(days=(7 - delta) % 7 or 7)
    if direction == "past":
        return backward
    if direction == "future":
        return forward
    return forward if (forward - ref) < (ref - backward) else backward


def month_near(ref: dt.date, month: int, direction: str | None) -> dt.date | None:
    """The first day of ``month`` in the year that puts it nearest ``ref`` in ``direction``."""
    this = make_date(ref.year, month, 1)
    if this is None:
        return None
    if direction == "past":
        return this if month <= ref.month else make_date(ref.year - 1, month, 1)
    if direction == "future":
        return this if month >= ref.month else make_date(ref.year + 1, month, 1)
    diff = month - ref.month
    if diff > 6:
        return make_date(ref.year - 1, month, 1)
    if diff < -6:
        return make_date(ref.year + 1, month, 1)
    return this


def day_month_near(ref: dt.date, month: int, day: int, direction: str | None) -> dt.date | None:
    """The date day/month nearest ``ref`` in ``direction``; None if it never exists
    (31 February). 29 February looks at the nearest leap years."""
    candidates = [make_date(ref.year + k, month, day) for k in range(-8, 9)]
    candidates = [c for c in candidates if c is not None]
    if not candidates:
        return None
    if direction == "past":
        past = [c for c in candidates if c <= ref]
        return max(past) if past else None
    if direction == "future":
        future = [c for c in candidates if c >= ref]
        return min(future) if future else None
    return min(candidates, key=lambda c: (abs((c - ref).days), c < ref))


def day_month_on_weekday(ref: dt.date, month: int, day: int, weekday: int) -> dt.date | None:
    """The day/month nearest ``ref`` (within a year and a half) that falls on ``weekday``."""
    candidates = [make_date(ref.year + k, month, day) for k in (-1, 0, 1)]
    fitting = [c for c in candidates if c is not None and c.isoweekday() == weekday
               and abs((c - ref).days) <= 550]
    return min(fitting, key=lambda c: abs((c - ref).days)) if fitting else None


_VALUE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2}))?")


def parse_point(value: str | None) -> Point | None:
    """A TIMEX3 value read back as a Point ("2019-02" -> Feb 2019 at M); None if it holds no date."""
    if not value:
        return None
    m = _VALUE.match(value)
    if not m:
        return None
    year, month, day, week = m.groups()
    if week:
        try:
            return Point(dt.date.fromisocalendar(int(year), int(week), 1), "W")
        except ValueError:
            return None
    d = make_date(int(year), int(month or 1), int(day or 1))
    if d is None:
        return None
    return Point(d, "D" if day else "M" if month else "Y")


def months_between(a: dt.date, b: dt.date) -> int:
    """Whole calendar months from ``a`` to ``b`` (February to June: 4)."""
    return (b.year - a.year) * 12 + b.month - a.month


def iso_duration(amount: float | int | None, unit: str) -> str:
    """A TIMEX3 duration ("P3Y", "PT30.4S", "PXD" when the amount is unknown)."""
    if amount is None:
        number = "X"
    elif isinstance(amount, float) and not amount.is_integer():
        number = f"{amount:g}"
    else:
        number = str(int(amount))
    if unit in ("H", "MIN", "S"):
        return f"PT{number}{'M' if unit == 'MIN' else unit}"
    if unit in ("E", "C"):  # decades and centuries as years ("un quart de siècle" = P25Y)
        if amount is None:
            return f"PX{unit}"
        return f"P{round(amount * (10 if unit == 'E' else 100))}Y"
    return f"P{number}{unit}"
