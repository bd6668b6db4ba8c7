"""The events stage's view of the actors and time stages.

Calls ``dateline.actors.lookup`` (indexed once per Doc) and
``dateline.events.dating``; without the actors stage's modules it answers that
no actor or place is there, so the events stage still runs on a Doc parsed by
spaCy alone.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..model import ActorMention, Entity, EventDate, Place

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


def mention_at(doc: Doc, token: Token) -> ActorMention | None:
    """The actor mention covering ``token``, if any."""
    return _lookup.mention_at(doc, token) if _lookup is not None else None


def mentions_in(doc: Doc, start: int, end: int) -> list[ActorMention]:
    """Actor mentions inside the doc character range [start, end)."""
    return _lookup.mentions_in(doc, start, end) if _lookup is not None else []


def place_for(doc: Doc, trigger: Token) -> Place | None:
    """Where the act of ``trigger`` took place (its locative complements)."""
    if _lookup is not None and hasattr(_lookup, "place_for"):
        return _lookup.place_for(doc, trigger)
    return None


def place_at(doc: Doc, token: Token) -> Place | None:
    """The place ``token`` names, if any."""
    return _lookup.place_at(doc, token) if _lookup is not None else None


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
