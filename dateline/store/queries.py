"""Filters over fused events as parameterised SQL, and full-text query sanitising."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import DatelineError
from ..fuse import fold
from ..fuse.dates import interval


class QueryError(DatelineError):
    """A query a user gave that cannot be run (bad date, empty search...)."""


_WORD = re.compile(r"\w+\*?", re.UNICODE)


def fts_query(q: str | None) -> str:
    """A user's search words as a safe FTS5 query: every word quoted, all required.

    A trailing ``*`` keeps its meaning (prefix search); every other FTS5 operator or
    quote in ``q`` is dropped, so no user input can be an FTS5 syntax error.

    >>> fts_query('Kim "Jong-un" OR (Trump')
    '"kim" "jong" "un" "or" "trump"'
    """
    words = _WORD.findall(q or "")
    if not words:
        raise QueryError("empty search: give at least one word to look for")
    parts = []
    for word in words[:32]:
        star = word.endswith("*")
        parts.append(f'"{word.rstrip("*").lower()}"' + ("*" if star else ""))
    return " ".join(parts)


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def _day(value: str, which: int, name: str) -> str:
    span = interval(value.strip())
    if span is None:
        raise QueryError(f"{name}: {value!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return span[which]


def _like(text: str) -> str:
    escaped = fold(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


_EVENT_ACTORS = ("e.id IN (SELECT m.event_id FROM mentions m JOIN mention_actors ma "
                 "ON ma.mention_id = m.id WHERE {cond})")


@dataclass
class EventFilter:
    """The filters every event listing takes (all optional, all combined with AND).

    * ``actor``: an actor id, or part of an actor's name or alias (case and accents aside)
    * ``country``: participant country code; several, comma-separated, must all take part
    * ``type`` / ``modality``: one value or several, comma-separated (any of them)
    * ``date_from`` / ``date_to``: ISO prefixes; events whose date overlaps the range
      (undated events are left out when a range is given)
    * ``q``: words that the text or title of one of the event's articles contains
    """

    actor: str | None = None
    country: str | None = None
    type: str | None = None
    modality: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    q: str | None = None
    actor_id: str | None = None  # an exact actor id (actor pages)

    def where(self) -> tuple[str, list]:
        """The SQL condition (over ``events e``) and its parameters."""
        conds: list[str] = []
        params: list = []
        if self.actor:
            conds.append(_EVENT_ACTORS.format(cond=(
                "ma.actor_id = ? OR ma.actor_id IN (SELECT id FROM actors WHERE "
                "dl_fold(name) LIKE ? ESCAPE '\\' OR dl_fold(aliases) LIKE ? ESCAPE '\\')")))
            params += [self.actor, _like(self.actor), _like(self.actor)]
        if self.actor_id:
            conds.append(_EVENT_ACTORS.format(cond="ma.actor_id = ?"))
            params.append(self.actor_id)
        for code in _split(self.country):
            conds.append(_EVENT_ACTORS.format(cond="ma.country = ?"))
            params.append(code.upper())
        for column, value in (("type", self.type), ("modality", self.modality)):
            values = _split(value)
            if values:
                conds.append(f"e.{column} IN ({','.join('?' * len(values))})")
                params += [v.upper() if column == "type" else v.lower() for v in values]
        if self.date_from:
            conds.append("e.date_end >= ?")
            params.append(_day(self.date_from, 0, "date_from"))
        if self.date_to:
            conds.append("e.date_start <= ?")
            params.append(_day(self.date_to, 1, "date_to"))
        if self.q:
            conds.append("e.id IN (SELECT m.event_id FROM mentions m JOIN articles a "
                         "ON a.id = m.article_id WHERE a.pk IN (SELECT rowid FROM "
                         "articles_fts WHERE articles_fts MATCH ?))")
            params.append(fts_query(self.q))
        return (" AND ".join(conds) or "1"), params


def page(limit: int, offset: int) -> tuple[int, int]:
    """Checked pagination values."""
    if limit < 0 or offset < 0:
        raise QueryError("limit and offset must be zero or more")
    return int(limit), int(offset)
