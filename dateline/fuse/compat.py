"""When two article-level event records describe the same act.

Two records from different articles are compatible when they have

* the same ``type``;
* compatible participants: both give participant countries and one set contains the
  other ({USA, PRK} and {USA}), or, where a side gives no country, their actor ids
  overlap;
* compatible dates: equal values or one a prefix of the other ("2019-06" and
  "2019-06-30"). A record without a date (``null``) is compatible only with a record
  of exactly the same participants published in the same publication window (the same
  ISO week, Monday to Sunday), whose own date (if any) covers the undated record's
  publication day or is a day of that week: an undated act is taken to be about its
  publication, never a recalled past act. Fixed windows (not a sliding distance) keep
  weekly undated reports of the same dyad from chaining into one event;
* compatible places: either unknown, the same name (case and accents aside), or both
  coordinates within ``PLACE_KM`` kilometres.
"""
from __future__ import annotations

import datetime as dt
import math
import unicodedata
from dataclasses import dataclass

WINDOW_DAYS = 7  # the width of a publication window (an ISO week)
PLACE_KM = 50.0


def fold(text: str | None) -> str:
    """Lower case without accents or surrounding spaces (for comparing names)."""
    if not text:
        return ""
    if text.isascii():  # NFKD leaves ASCII as it is, and it has no combining marks
        return text.casefold().strip()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join([c for c in decomposed if not unicodedata.combining(c)]).casefold().strip()


@dataclass(frozen=True)
class MentionKey:
    """What fusion compares of one article-level record."""

    key: str  # "<content hash>:<index>"
    article_id: str
    type: str
    date: str | None
    published: dt.date
    countries: frozenset[str]
    actor_ids: frozenset[str]
    place: str | None = None  # folded place name
    lat: float | None = None
    lon: float | None = None


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Equal ISO prefixes or one a prefix of the other; False if either is missing."""
    if not a or not b:
        return False
    return a.startswith(b) or b.startswith(a)


def _same_participants(a: MentionKey, b: MentionKey) -> bool:
    if a.countries or b.countries:
        return a.countries == b.countries
    return bool(a.actor_ids) and a.actor_ids == b.actor_ids


def _participants_compatible(a: MentionKey, b: MentionKey) -> bool:
    if a.countries and b.countries:
        return a.countries <= b.countries or b.countries <= a.countries
    return bool(a.actor_ids & b.actor_ids)


def window(day: dt.date) -> tuple[int, int]:
    """The publication window of a day: its ISO (year, week)."""
    iso = day.isocalendar()
    return iso[0], iso[1]


def _near_publication(value: str, published: dt.date) -> bool:
    """Whether an event date ``value`` is about the day ``published``."""
    if published.isoformat().startswith(value):
        return True
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return False
    return window(day) == window(published)


def _undated_compatible(a: MentionKey, b: MentionKey) -> bool:
    if not _same_participants(a, b) or window(a.published) != window(b.published):
        return False
    if a.date is None and b.date is None:
        return True
    dated, undated = (a, b) if a.date else (b, a)
    return _near_publication(dated.date or "", undated.published)


def _km(a: MentionKey, b: MentionKey) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))  # type: ignore[arg-type]
    h = (math.sin((la2 - la1) / 2) ** 2
         + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def places_compatible(a: MentionKey, b: MentionKey) -> bool:
    """Unknown on either side, the same folded name, or coordinates close together."""
    if not a.place or not b.place or a.place == b.place:
        return True
    if None not in (a.lat, a.lon, b.lat, b.lon):
        return _km(a, b) <= PLACE_KM
    return False


def compatible(a: MentionKey, b: MentionKey) -> bool:
    """Whether records ``a`` and ``b`` (from different articles) are the same act."""
    if a.article_id == b.article_id or a.type != b.type:
        return False
    if not _participants_compatible(a, b) or not places_compatible(a, b):
        return False
    if a.date and b.date:
        return dates_compatible(a.date, b.date)
    return _undated_compatible(a, b)
