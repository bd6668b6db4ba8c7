"""Step 1 of linking: the candidate mentions of a Doc, and the article's focus state.

Candidates are the dictionary matches (matcher.py), each given one reading
(``kind``), and the spaCy PER/LOC/ORG entities the dictionary does not cover.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Span, Token

from .context import LinkContext
from .kb import PLOVER_NONSTATE
from .matcher import DictMatcher, Match
from .text import key

# Readings of a dictionary match, in order of preference.
_KINDS = ("actor", "seat", "country", "place", "metonym", "short", "title", "demonym", "hint", "former")
_LABELS = {"PER": "per", "LOC": "loc", "ORG": "org", "MISC": "misc"}


@dataclass
class Cand:
    """A candidate mention: a dictionary match or an entity, with its tokens."""

    start: int
    end: int
    text: str
    span: Span
    kind: str  # kb kind of the chosen entry, or "per", "org", "loc" for spaCy entities
    match: Match | None = None
    used: bool = False  # consumed as an attribute of another mention

    @property
    def root(self) -> Token:
        return self.span.root


def find_candidates(ctx: LinkContext, matcher: DictMatcher) -> list[Cand]:
    """Dictionary matches and uncovered spaCy entities, by start (longest first)."""
    doc = ctx.doc
    out: list[Cand] = []
    ents = [e for e in doc.ents if e.label_ in _LABELS]
    # (label, start, end) read once: Span attributes are computed on every access
    bounds = [(e.label_, e.start_char, e.end_char) for e in ents]
    persons = [(s, e) for label, s, e in bounds if label == "PER"]
    locations = [(s, e) for label, s, e in bounds if label == "LOC"]
    for m in matcher(ctx.text):
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        kind = _kind_of(ctx, m, span, persons, locations)
        if kind:
            out.append(Cand(m.start, m.end, m.text, span, kind, m))
    out.extend(_entity_candidates(ctx.text, out, ents, bounds))
    out.sort(key=lambda c: (c.start, -c.end))
    return out


def _entity_candidates(text: str, matched: list[Cand], ents: list[Span],
                       bounds: list[tuple[str, int, int]]) -> list[Cand]:
    """spaCy's entities that no dictionary name or title overlaps (``bounds``: their
    labels and offsets into ``text``)."""
    # dictionary matches never overlap and come in text order
    covered = _Spans([c for c in matched if c.kind not in ("title", "demonym", "hint", "former")])
    titles = _Spans([c for c in matched if c.kind in ("title", "demonym")])
    out: list[Cand] = []
    for ent, (label, s, e) in zip(ents, bounds):
        if label != "ORG" and titles.overlap(s, e):
            continue  # "le chef de l'État" is a title, "les Américains" a people: no places
        surface = text[s:e]  # ent.text
        stripped = surface.strip(" -'")
        if not stripped or not stripped[0].isupper():
            continue
        if covered.overlap(s, e):
            continue  # a knowledge-base name wins over spaCy's reading
        kind = _LABELS[label]
        if kind == "misc":
            continue
        name = surface.rstrip(" -'")
        out.append(Cand(s, s + len(name), name, ent, kind))
    return out


class _Spans:
    """Disjoint candidates in text order, asked whether a span overlaps one of them."""

    def __init__(self, cands: list[Cand]) -> None:
        self.starts = [c.start for c in cands]
        self.ends = [c.end for c in cands]  # disjoint: the ends rise with the starts

    def overlap(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps a candidate: the last one starting before
        ``end`` is the one ending last among those that could."""
        i = bisect_left(self.starts, end)
        return i > 0 and self.ends[i - 1] > start


def _kind_of(ctx: LinkContext, m: Match, span: Span, persons: list[tuple[int, int]],
             locations: list[tuple[int, int]]) -> str | None:
    """The reading of a dictionary match, or None to drop it (``persons``, ``locations``:
    the offsets of spaCy's PER and LOC entities)."""
    kb = ctx.kb
    kinds = m.kinds
    if "block" in kinds:
        return None
    inside_per = any(s <= m.start and m.end <= e and (e - s) > (m.end - m.start) for s, e in persons)
    for kind in _KINDS:
        if kind not in kinds:
            continue
        if kind == "title" and len(span) == 1 and span[0].pos_ in ("ADJ", "VERB", "AUX", "ADV"):
            continue  # "l'opération militaire", "la direction générale": adjectives, not actors
        if kind == "actor" and inside_per and not any(
                kb.actors[e.target].kind == "person" for e in m.of("actor")):
            continue
        if kind in ("country", "place", "metonym", "seat") and inside_per:
            continue
        if kind == "country" and " ".join(key(m.text)) in kb.needs_place and not any(
                s <= m.start and m.end <= e for s, e in locations):
            continue
        return kind
    return None


def focus_country(ctx: LinkContext, cands: list[Cand]) -> str | None:
    """The state the article is mostly about (for group nouns that name none)."""
    counts: Counter[str] = Counter()
    for c in cands:
        for code in _countries_of(ctx, c):
            if code not in PLOVER_NONSTATE:
                counts[code] += 1
    return counts.most_common(1)[0][0] if counts else None


def _countries_of(ctx: LinkContext, c: Cand) -> list[str]:
    """The states a candidate names or belongs to."""
    if c.match is None:
        if c.kind == "loc":
            info = ctx.gaz.lookup(key(c.text))
            return [info.country] if info and info.country else []
        return []
    if c.kind in ("country", "demonym", "metonym"):
        return [c.match.of(c.kind)[0].target]
    if c.kind == "place":
        info = ctx.gaz.places.get(tuple(c.match.of("place")[0].target.split()))
        return [info.country] if info and info.country else []
    if c.kind == "actor":
        a = ctx.kb.actors[c.match.of("actor")[0].target]
        return [a.country] if a.country else []
    return []


def target_of(c: Cand) -> str:
    """The knowledge-base id of a dictionary candidate's chosen reading."""
    return c.match.of(c.kind)[0].target


def names_person(ctx: LinkContext, c: Cand | None) -> bool:
    """Whether a candidate names a person (a PER entity or a known person's name)."""
    return c is not None and (c.kind == "per" or c.kind in ("actor", "short") and
                              ctx.kb.actors[target_of(c)].kind == "person")
