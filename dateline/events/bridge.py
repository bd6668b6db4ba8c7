"""The events stage's view of the actors and time stages.

Calls ``dateline.actors.lookup`` and ``dateline.events.dating`` (written by the
actors and time engineers) when they are installed, and otherwise answers from
what the Doc holds (``doc._.actor_mentions``, ``doc._.places``), so the events
stage runs, less well, on a Doc parsed by spaCy alone.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Span, Token

from ..model import ActorMention, Entity, EventDate, Place
from ..nlp.doccache import cached, token_offsets

try:  # the actors stage's lookups
    from ..actors import lookup as _lookup
except ImportError:  # pragma: no cover - before the actors stage lands
    _lookup = None

try:  # who speaks a quotation
    from ..actors import quotes as _quotes
except ImportError:  # pragma: no cover - without the actors stage
    _quotes = None

try:  # the time stage's event dating
    from .dating import date_event as _date_event
except ImportError:  # pragma: no cover - before the time stage lands
    _date_event = None


def _mentions(doc: Doc) -> list[ActorMention]:
    return list(doc._.actor_mentions or [])


def _mention_index(doc: Doc) -> list[ActorMention | None]:
    """By token index, what ``lookup.mention_at`` answers: the longest mention whose span
    holds the token's first character (the first of equally long ones)."""
    offsets = token_offsets(doc)
    best: list[ActorMention | None] = [None] * len(offsets)
    for m in doc._.actor_mentions or []:
        for i in range(bisect_left(offsets, m.start), bisect_left(offsets, m.end)):
            b = best[i]
            if b is None or m.end - m.start > b.end - b.start:
                best[i] = m
    return best


def _place_index(doc: Doc) -> list[Place | None]:
    """By token index, what ``lookup.place_at`` answers: the first place whose span holds
    the token's first character."""
    offsets = token_offsets(doc)
    first: list[Place | None] = [None] * len(offsets)
    for p in doc._.places or []:
        if p.start is None:
            continue
        for i in range(bisect_left(offsets, p.start), bisect_left(offsets, p.end or p.start)):
            if first[i] is None:
                first[i] = p
    return first


def mention_at(doc: Doc, token: Token) -> ActorMention | None:
    """The actor mention covering ``token``, if any."""
    if _lookup is not None and hasattr(_lookup, "mention_at"):
        # Asked for thousands of tokens per article: indexed once rather than a scan of
        # every mention per question (the actors stage has run: its mentions are final).
        return cached(doc, "mention_at", _mention_index)[token.i]
    for m in _mentions(doc):
        if m.start <= token.idx < m.end:
            return m
    return None


def _mentions_by_start(doc: Doc) -> tuple[list[int], list[int], list[ActorMention]]:
    """The mentions' starts and positions sorted by (start, position), and the mentions."""
    mentions = list(doc._.actor_mentions or [])
    order = sorted(range(len(mentions)), key=lambda k: (mentions[k].start, k))
    return [mentions[k].start for k in order], order, mentions


def mentions_in(doc: Doc, start: int, end: int) -> list[ActorMention]:
    """Actor mentions inside the doc character range [start, end)."""
    if _lookup is not None and hasattr(_lookup, "mentions_in"):
        # What ``lookup.mentions_in`` answers (those within the range, in the list's
        # order), found by bisecting the mentions sorted by start.
        starts, order, mentions = cached(doc, "mentions_by_start", _mentions_by_start)
        inside = [order[k] for k in range(bisect_left(starts, start), bisect_right(starts, end))
                  if mentions[order[k]].end <= end]
        return [mentions[k] for k in sorted(inside)]
    return [m for m in _mentions(doc) if start <= m.start and m.end <= end]


def place_for(doc: Doc, trigger: Token) -> Place | None:
    """Where the act of ``trigger`` took place (its locative complements)."""
    if _lookup is not None and hasattr(_lookup, "place_for"):
        return _lookup.place_for(doc, trigger)
    return None


def place_at(doc: Doc, token: Token) -> Place | None:
    """The place ``token`` names, if any."""
    if _lookup is not None and hasattr(_lookup, "place_at"):
        return cached(doc, "place_at", _place_index)[token.i]
    for p in doc._.places or []:
        if p.start is not None and p.start <= token.idx < (p.end or p.start + 1):
            return p
    return None


def quotation_speaker(doc: Doc, token: Token) -> Entity | None:
    """The speaker of the quotation holding ``token`` (None outside a quotation)."""
    return _quotes.quotation_speaker(doc, token.i) if _quotes is not None else None


def attribution_words() -> frozenset[str]:
    """Prepositions introducing a speaker ("selon X"); none without the actors stage."""
    return _quotes.attribution_words() if _quotes is not None else frozenset()


def date_event(doc: Doc, trigger: Span, clause: Span | None = None) -> EventDate:
    """When the act happened (the time stage decides); publication basis without it."""
    if _date_event is not None:
        return _date_event(doc, trigger, clause)
    return EventDate(value=None, text=None, basis="publication")
