"""Syntactic conditions a lexicon entry may set (``requires = ...``).

They tell apart the senses of one lemma: "se rendre en Russie" (a visit) from
"se rendre" (to surrender), "arrêter un suspect" from "arrêter la destruction",
"appeler à la grève" from "appeler quelqu'un".
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from . import bridge
from .arguments import ArgumentFinder
from .syntax import case_of, children, dep, is_passive
from .triggers import Trigger


def _patients(verb: Token) -> list[Token]:
    toks = children(verb, "obj")
    if is_passive(verb):
        toks += [t for t in children(verb, "nsubj") if dep(t).endswith("pass") or True]
    return toks


def actor_object(doc: Doc, trig: Trigger, verb: Token, finder: ArgumentFinder) -> bool:
    """The act has a patient that is an actor, a person or a target."""
    if trig.head.pos_ != "VERB":
        # "la prise de Saraqeb", not "la prise de position": the complement itself names the patient.
        for tok in children(trig.head, "nmod", "obj"):
            if tok.pos_ == "PROPN" or bridge.mention_at(doc, tok) is not None \
                    or tok.lemma_.lower() in finder.cues.person_nouns:
                return True
        return False
    for tok in _patients(verb):
        if tok.pos_ in ("PRON", "PROPN") or bridge.mention_at(doc, tok) is not None:
            return True
        if tok.lemma_.lower() in finder.cues.person_nouns:
            return True
    return False


def country_object(doc: Doc, trig: Trigger, verb: Token, finder: ArgumentFinder) -> bool:
    """The object is a state or a place in one ("quitter l'Afghanistan")."""
    for tok in children(verb, "obj"):
        place = bridge.place_at(doc, tok)
        ments = finder.entities_of(doc, tok)
        if (place is not None and place.country) or any(e.kind == "state" for e in ments):
            return True
    return False


def partner(doc: Doc, trig: Trigger, verb: Token, finder: ArgumentFinder) -> bool:
    """Someone to talk with: "avec X", "entre X et Y", or an object."""
    for tok in children(verb, "obl", "obj", "nmod") + children(trig.head, "nmod"):
        if (case_of(tok) or "").split()[:1] in (["avec"], ["entre"]) or dep(tok) == "obj":
            if finder.entities_of(doc, tok):
                return True
    return False


def appeal(doc: Doc, trig: Trigger, verb: Token, finder: ArgumentFinder) -> bool:
    """"appeler à X", "appeler X à faire", "un appel à": a complement introduced by à."""
    for tok in children(trig.head, "obl", "xcomp", "nmod", "ccomp", "obj", "iobj"):
        marks = (case_of(tok) or "").split()
        if marks[:1] in (["à"], ["au"], ["aux"], ["à_le"]) or (dep(tok) == "ccomp" and marks[:1] == ["que"]):
            return True
    if trig.head.pos_ == "NOUN":  # "l'appel de la Tunisie à la libération": the parse may attach it lower
        window = doc[trig.head.i + 1: min(trig.head.i + 7, trig.head.sent.end)]
        return any(t.lower_ in ("à", "au", "aux") for t in window)
    return False


def destination(doc: Doc, trig: Trigger, verb: Token, finder: ArgumentFinder) -> bool:
    return bool(finder.destinations(doc, verb, trig.head))


def no_destination(doc: Doc, trig: Trigger, verb: Token, finder: ArgumentFinder) -> bool:
    """No place to go: "se rendre" alone, or "se rendre aux autorités" (an actor, not a place)."""
    nxt = doc[verb.i + 1: min(verb.i + 4, verb.sent.end)]
    if any(t.lower_ in ("à", "au", "aux", "en") for t in nxt[:1]) and any(t.pos_ == "PROPN" for t in nxt):
        return False  # "se rendra à Charlotte": a trip, even to a place the gazetteer lacks
    for tok in children(verb, "obl", "nmod"):
        prep = (case_of(tok) or "").split()[:1]
        if prep and prep[0] in finder.cues.destination_preps:
            m = bridge.mention_at(doc, tok)
            if m is None or m.entity.kind == "state" or bridge.place_at(doc, tok) is not None:
                return False
    return True


def has_object(doc: Doc, trig: Trigger, verb: Token, finder: ArgumentFinder) -> bool:
    """A direct object or a passive subject: "appuyer la candidature", not "appuie-t-il"."""
    return bool(_patients(verb) or children(verb, "obl:arg"))


def dismissal(doc: Doc, trig: Trigger, verb: Token, finder: ArgumentFinder) -> bool:
    """A person "remercié" or "viré" in the passive, for no stated reason, is dismissed:
    "la directrice fut remerciée vendredi", not "remercié pour son aide"."""
    if not is_passive(verb):
        return False
    return not any((case_of(tok) or "").split()[:1] == ["pour"] for tok in children(verb, "obl", "advcl"))


def no_dismissal(doc: Doc, trig: Trigger, verb: Token, finder: ArgumentFinder) -> bool:
    """Thanks, not a dismissal ("a remercié les pays donateurs")."""
    return not dismissal(doc, trig, verb, finder)


def qualification(doc: Doc, trig: Trigger, verb: Token, finder: ArgumentFinder) -> bool:
    """The noun qualifies an act: "il s'agit d'un génocide", "c'est un génocide",
    "qualifié de génocide", "constitue un génocide" (not "le génocide de 1994")."""
    head = trig.head
    if children(head, "cop"):
        return True
    return head.head is not head and head.head.lemma_.lower() in finder.cues.qualifying_verbs


def downgrade(doc: Doc, trig: Trigger, verb: Token, finder: ArgumentFinder) -> bool:
    """"la note est passée de A3 à Baa2": the first two grades after the trigger, read on
    one rating scale, go down."""
    grades = [t.text for t in doc[trig.span.end: trig.head.sent.end]
              if any(t.text in scale for scale in finder.cues.rating_scales)][:2]
    if len(grades) < 2:
        return False
    before, after = grades
    return any(before in scale and after in scale and scale.index(after) > scale.index(before)
               for scale in finder.cues.rating_scales)


CHECKS = {
    "object": has_object,
    "actor_object": actor_object, "country_object": country_object, "partner": partner,
    "appeal": appeal, "destination": destination, "no_destination": no_destination,
    "dismissal": dismissal, "no_dismissal": no_dismissal, "qualification": qualification,
    "downgrade": downgrade,
}


def satisfied(doc: Doc, trig: Trigger, verb: Token, finder: ArgumentFinder) -> bool:
    """Whether ``trig`` meets its entry's ``requires`` (always, when it sets none)."""
    req = trig.entry.requires
    return req is None or CHECKS[req](doc, trig, verb, finder)
