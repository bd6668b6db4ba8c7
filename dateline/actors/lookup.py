"""Queries the events stage asks of the actors stage (offsets: ``doc.text`` characters)."""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Token

from dateline.model import ActorMention, Place
from dateline.nlp.doccache import cached, token_offsets

# Prepositions that introduce where an act took place: "à Singapour", "au Vietnam",
# "en Russie", "dans la péninsule", "sur la zone démilitarisée".
LOCATIVE_CASES = {"à", "a", "en", "au", "aux", "dans", "sur"}
_OBLIQUE = ("obl", "nmod")


def mention_at(doc: Doc, token: Token) -> ActorMention | None:
    """The actor mention whose span holds ``token`` (the longest if several do; the first of
    equally long ones). Call once the actors stage has run: the answers are indexed once per Doc."""
    return cached(doc, "mention_at", _mention_index)[token.i]


def _mention_index(doc: Doc) -> list[ActorMention | None]:
    offsets = token_offsets(doc)
    best: list[ActorMention | None] = [None] * len(offsets)
    for m in doc._.actor_mentions or []:
        for i in range(bisect_left(offsets, m.start), bisect_left(offsets, m.end)):
            b = best[i]
            if b is None or m.end - m.start > b.end - b.start:
                best[i] = m
    return best


def mentions_in(doc: Doc, start: int, end: int) -> list[ActorMention]:
    """Actor mentions lying within the character range [start, end), in the order the actors
    stage lists them (text order), found by bisecting the mentions sorted by start."""
    starts, order, mentions = cached(doc, "mentions_by_start", _mentions_by_start)
    inside = [order[k] for k in range(bisect_left(starts, start), bisect_right(starts, end))
              if mentions[order[k]].end <= end]
    return [mentions[k] for k in sorted(inside)]


def _mentions_by_start(doc: Doc) -> tuple[list[int], list[int], list[ActorMention]]:
    """The mentions' starts and positions sorted by (start, position), and the mentions."""
    mentions = list(doc._.actor_mentions or [])
    order = sorted(range(len(mentions)), key=lambda k: (mentions[k].start, k))
    return [mentions[k].start for k in order], order, mentions


def place_at(doc: Doc, token: Token) -> Place | None:
    """The first place whose span holds ``token`` (indexed once per Doc, like ``mention_at``)."""
    return cached(doc, "place_at", _place_index)[token.i]


def _place_index(doc: Doc) -> list[Place | None]:
    offsets = token_offsets(doc)
    first: list[Place | None] = [None] * len(offsets)
    for p in doc._.places or []:
        if p.start is None:
            continue
        for i in range(bisect_left(offsets, p.start), bisect_left(offsets, p.end or p.start)):
            if first[i] is None:
                first[i] = p
    return first


def place_for(doc: Doc, token: Token) -> Place | None:
    """The place attached to a trigger: an obl/nmod dependent introduced by à/en/au/aux/dans/sur.

    Looks at the trigger's own dependents first, then at those of its arguments
    ("a rencontré le dirigeant, Kim Jong-un sur la zone démilitarisée").
    """
    def locative(tok: Token, nouns_with_de: bool) -> Place | None:
        for child in tok.children:
            if not child.dep_.startswith(_OBLIQUE):
                continue
            cases = {c.lower_ for c in child.children if c.dep_ in ("case", "fixed")}
            ok = cases & LOCATIVE_CASES or (nouns_with_de and cases & {"de", "d'"})
            if ok:
                place = place_at(doc, child)
                if place is not None:
                    return place
        return None

    found = locative(token, token.pos_ == "NOUN")
    if found is not None:
        return found
    for child in token.children:
        if child.dep_ in ("obj", "nsubj", "nsubj:pass", "obl", "obl:arg", "xcomp", "appos", "conj"):
            found = locative(child, False)
            if found is not None:
                return found
            for grand in child.children:
                if grand.dep_ in ("appos", "flat:name", "conj"):
                    found = locative(grand, False)
                    if found is not None:
                        return found
    return None
