"""What a temporal expression is resolved against, and in which direction.

News mode: the publication date (DCT), the direction (past or future) read
from the tense and mood of the governing verb (``token.morph``). Narrative
mode: relative expressions ("six mois plus tard", "le lendemain", "en juin"
while the text narrates 2019) resolve against the last date the text reached.
"""
from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass, field
from spacy.tokens import Doc, Token

from ..nlp.doccache import morph_values, raw_dep_labels, sentences
from .value import Point

PAST, FUTURE, PRESENT = "past", "future", "present"
_APPOSED = 20  # characters between a narrative offset and a date apposed to it
_VERBAL = ("VERB", "AUX")


@dataclass(frozen=True)
class TenseLexicon:
    """Verbs whose infinitive complement looks forward or back, and auxiliary labels."""

    future_heads: frozenset[str] = frozenset()
    past_heads: frozenset[str] = frozenset()
    aux_deps: frozenset[str] = frozenset({"aux", "aux:tense", "aux:pass", "cop"})
    deadline_words: tuple[str, ...] = ()  # "avant le 30 juin": the date bounds the act
    restrictive_words: frozenset[str] = frozenset()  # "ne ... qu'en 1981": only then

    @classmethod
    def from_data(cls, data: dict) -> "TenseLexicon":
        """Build from the ``[tense]`` table of tense.toml."""
        return cls(frozenset(data.get("future_heads", ())), frozenset(data.get("past_heads", ())),
                   frozenset(data.get("aux_deps", ("aux", "aux:tense", "aux:pass", "cop"))),
                   tuple(data.get("deadline_words", ())),
                   frozenset(data.get("restrictive_words", ())))


def _has(token: Token, feature: str, value: str) -> bool:
    # ``token.morph.get`` builds a MorphAnalysis per call; the Doc's analyses are split once.
    return value in morph_values(token.doc, token.i, feature)


def _auxiliaries(pred: Token, lex: TenseLexicon) -> list[Token]:
    # auxiliaries precede their verb: only the left children (no Token built for the right ones)
    deps = raw_dep_labels(pred.doc)  # ``token.dep_`` of every token
    return [c for c in pred.lefts if deps[c.i] in lex.aux_deps]


def predicate_of(token: Token, lex: TenseLexicon, hops: int = 4) -> Token | None:
    """The verb (or copular predicate) that governs ``token``: the nearest ancestor
    that is a verb or carries an auxiliary."""
    current = token
    for _ in range(hops):
        if current.pos_ in _VERBAL or _auxiliaries(current, lex):
            return current
        if current.head is current:
            return None
        current = current.head
    return current if current.pos_ in _VERBAL else None


def tense_of(pred: Token, lex: TenseLexicon, depth: int = 0) -> str | None:
    """past / future / present (None when unknown) of a verb with its auxiliaries:
    "a annoncé", "avait rencontré", "vint" -> past; "viendra", "aura lieu",
    "va venir", "devrait venir" -> future; "se rend" -> present."""
    if _has(pred, "VerbForm", "Inf"):
        head = pred.head
        if head is pred or head.pos_ not in _VERBAL or depth > 2:
            return None
        if head.lemma_ in lex.future_heads:
            return FUTURE
        if head.lemma_ in lex.past_heads:
            return PAST
        return None  # "avant de quitter": the infinitive's own time is unknown
    auxes = _auxiliaries(pred, lex)
    tense_aux = [a for a in auxes if a.dep_ == "aux:tense"]
    if tense_aux or auxes:
        aux = (tense_aux or auxes)[0]
        if _has(aux, "Tense", "Fut"):
            return FUTURE
        if _has(aux, "Tense", "Imp") or _has(aux, "Tense", "Past"):
            return PAST  # plus-que-parfait, passé antérieur, passive imparfait
        if _has(aux, "Mood", "Cnd"):
            return PAST if tense_aux else None  # conditionnel passé / "serait mort"
        if tense_aux:
            return PAST  # passé composé: "a annoncé", "s'est rendu"
        return PRESENT  # present passive or copula: "est prévue", "est malade"
    if _has(pred, "Mood", "Cnd") or _has(pred, "Tense", "Fut"):
        return FUTURE
    if _has(pred, "Tense", "Imp"):
        return PAST
    if _has(pred, "Tense", "Past"):
        return PAST if _has(pred, "VerbForm", "Fin") else None  # a lone participle says little
    if _has(pred, "Tense", "Pres"):
        for child in pred.children:  # "va signer": aller + infinitive
            if child.dep_ == "xcomp" and _has(child, "VerbForm", "Inf"):
                if pred.lemma_ in lex.future_heads:
                    return FUTURE
                if pred.lemma_ in lex.past_heads:
                    return PAST
        return PRESENT
    return None


def predicate_at(doc: Doc | None, start: int, end: int, lex: TenseLexicon) -> Token | None:
    """The verb governing the expression at doc.text[start:end] (None without a parse)."""
    if doc is None or not doc.has_annotation("DEP"):
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return predicate_of(span.root, lex)


def tense_at(doc: Doc | None, start: int, end: int, lex: TenseLexicon) -> str | None:
    """The tense governing the expression at doc.text[start:end] (None without a parse)."""
    pred = predicate_at(doc, start, end, lex)
    return tense_of(pred, lex) if pred is not None else None


def far_past(pred: Token, lex: TenseLexicon) -> bool:
    """Tenses that narrate: plus-que-parfait ("avait rencontré"), passé simple
    ("vint"), imparfait ("venait") - not the passé composé of news."""
    auxes = _auxiliaries(pred, lex)
    if auxes:
        return any(_has(a, "Tense", "Imp") or _has(a, "Tense", "Past") for a in auxes)
    return _has(pred, "VerbForm", "Fin") and (_has(pred, "Tense", "Past") or _has(pred, "Tense", "Imp"))


def far_past_at(doc: Doc | None, start: int, end: int, lex: TenseLexicon) -> bool:
    """Whether the verb governing doc.text[start:end] is in a narrating past tense."""
    pred = predicate_at(doc, start, end, lex)
    return pred is not None and far_past(pred, lex)


def direction(spec: str | None, tense: str | None) -> str | None:
    """The search direction from a rule's ``dir`` ("-1" / "+1" from "dernier" /
    "prochain", "past", "future", "same") or, when it says nothing, the tense."""
    spec = (spec or "").strip()
    if spec.startswith("-") or spec == PAST:
        return PAST
    if spec.startswith("+") or spec == FUTURE:
        return FUTURE
    if spec == "same":
        return "same"
    return tense if tense in (PAST, FUTURE) else None


@dataclass
class Reference:
    """The reference times of one document, updated as the tagger walks it:
    the DCT, the last date the text mentioned, the last day it mentioned."""

    dct: dt.date
    sentence_starts: list[int] = field(default_factory=list)
    last: Point | None = None
    last_pos: int = -1
    last_day: Point | None = None
    last_value: str | None = None  # the last date or time value, as written ("...T15:30")
    offset_end: int = -10_000  # where the last narrative offset ("six mois plus tard") ended

    @classmethod
    def for_doc(cls, dct: dt.date, doc: Doc | None) -> "Reference":
        """A fresh reference for ``doc`` (its sentence starts speed up sentence look-ups)."""
        starts: list[int] = []
        if doc is not None and (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
            starts = [s.start_char for s in sentences(doc)]
        return cls(dct=dct, sentence_starts=starts)

    def sentence_index(self, pos: int) -> int:
        """Index of the sentence holding character ``pos`` (0 without sentences)."""
        return max(bisect_right(self.sentence_starts, pos) - 1, 0)

    def narrating_past(self, pos: int, tense: str | None, far: bool = False) -> bool:
        """Whether an underspecified date at ``pos`` belongs to the narration of a
        period away from the DCT: a date of another year in this sentence, or in the
        previous one when the verb narrates (``far``: plus-que-parfait, passé simple,
        imparfait; a passé composé there is news again)."""
        if self.last is None:
            return False
        if 0 <= pos - self.offset_end <= _APPOSED:
            return True  # "six mois plus tard, en juin": the month of the narrated time
        if tense in (FUTURE, PRESENT):
            return False
        if self.last.date.year == self.dct.year:
            return False
        if self.sentence_starts:
            gap = self.sentence_index(pos) - self.sentence_index(self.last_pos)
        else:
            gap = 0 if pos - self.last_pos < 150 else 1 if pos - self.last_pos < 300 else 2
        return gap == 0 or (gap == 1 and far)

    def base(self, anchor: str | None, pos: int, tense: str | None, far: bool = False) -> tuple[Point, str]:
        """The point to resolve against, and how it was chosen ("dct" or "narrative")."""
        dct = Point(self.dct, "D")
        if anchor == "narrative":
            return (self.last, "narrative") if self.last else (dct, "dct")
        if anchor == "time":
            return (self.last_day, "narrative") if self.last_day else (dct, "dct")
        if anchor == "auto" and self.narrating_past(pos, tense, far):
            return self.last, "narrative"
        return dct, "dct"

    def update(self, point: Point | None, pos: int, offset_end: int | None = None) -> None:
        """Record a date the text has just reached (``offset_end``: the end of the
        narrative offset that reached it)."""
        if offset_end is not None:
            self.offset_end = offset_end
        if point is None:
            return
        self.last, self.last_pos = point, pos
        if point.gran == "D":
            self.last_day = point
