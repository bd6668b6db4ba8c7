"""Queries the events stage asks of the actors stage (offsets: ``doc.text`` characters)."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from dateline.model import ActorMention, Place

# Prepositions that introduce where an act took place: "à Singapour", "au Vietnam",
# "en Russie", "dans la péninsule", "sur la zone démilitarisée".
LOCATIVE_CASES = {"à", "a", "en", "au", "aux", "dans", "sur"}
_OBLIQUE = ("obl", "nmod")


def mention_at(doc: Doc, token: Token) -> ActorMention | None:
    """The actor mention whose span holds ``token`` (the longest if several do)."""
    best = None
    for m in doc._.actor_mentions or []:
        if m.start <= token.idx < m.end and (best is None or m.end - m.start > best.end - best.start):
            best = m
    return best


def mentions_in(doc: Doc, start: int, end: int) -> list[ActorMention]:
    """Actor mentions lying within the character range [start, end), in text order."""
    return [m for m in doc._.actor_mentions or [] if start <= m.start and m.end <= end]


def place_at(doc: Doc, token: Token) -> Place | None:
    """The place whose span holds ``token``."""
    for p in doc._.places or []:
        if p.start is not None and p.start <= token.idx < (p.end or p.start):
            return p
    return None


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
