"""Who says it: the speaker of the clause an act is stated in.

Calling an act a crime is an accusation by whoever calls it so ("le Conseil a
fait savoir qu'il pourrait s'agir de crimes contre l'humanité": the Conseil
accuses). When the clause itself names no one, the speaker is, in order: the
subject of the reporting verb whose complement clause holds the act ("X a
déclaré que ...", "X estime qu'il s'agit ..."), the one introduced by "selon X"
along the way, or the speaker of the quotation holding it ("« c'est un crime de
guerre », a affirmé X").
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from ..model import Entity
from . import bridge
from .syntax import case_of, children, dep

# The dependency of a clause that a verb reports ("a déclaré que ...").
_REPORTED = ("ccomp", "csubj", "parataxis")
_MAX_UP = 6

EntitiesOf = Callable[[Doc, Token], list[Entity]]


def speaker(doc: Doc, token: Token, entities_of: EntitiesOf) -> tuple[list[Entity], Token | None]:
    """The entities that say the clause holding ``token``, and the verb they say it with
    (None for "selon X" and quotations); ``([], None)`` when no speaker is found."""
    attribution = bridge.attribution_words()
    cur = token
    for _ in range(_MAX_UP):
        said = _attributed(doc, cur, attribution, entities_of)
        if said:
            return said, None
        if cur.head is cur:
            break
        reported = dep(cur).split(":")[0] in _REPORTED
        cur = cur.head
        if reported:  # "X a fait savoir [qu'il pourrait s'agir de crimes]": X says it
            verb = _subject_bearer(cur)
            subj = [e for t in children(verb, "nsubj") for e in entities_of(doc, t)]
            if subj:
                return subj, verb
    quoted = bridge.quotation_speaker(doc, token)
    return ([quoted] if quoted is not None else []), None


def _subject_bearer(verb: Token) -> Token:
    """"a fait savoir que": the subject of a reporting verb complex sits on its first verb,
    which the parse makes either the head of "savoir" or a dependent before it."""
    near = [verb] + ([verb.head] if dep(verb).startswith("xcomp") and verb.head is not verb else [])
    near += [c for c in verb.children if c.i < verb.i and c.pos_ in ("VERB", "AUX")
             and dep(c).split(":")[0] not in ("ccomp", "xcomp", "advcl", "acl", "csubj")]
    return next((v for v in near if children(v, "nsubj")), verb)


def _attributed(doc: Doc, tok: Token, words: frozenset[str], entities_of: EntitiesOf) -> list[Entity]:
    """"selon l'ONU, il s'agit de crimes de guerre": the speaker introduced by an attribution word."""
    if not words:
        return []
    for c in children(tok, "obl", "nmod", "advmod"):
        marks = (case_of(c) or "").split()
        if marks and (marks[0] in words or " ".join(marks) in words):
            ents = entities_of(doc, c)
            if ents:
                return ents
    return []
