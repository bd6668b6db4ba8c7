"""PLOVER coding of an act: its mode, contexts and CAMEO code.

The type comes from the lexicon entry (or its ``negated_type``); the mode from
the entry, refined for meetings by who takes part and where; contexts from
keyword lemmas of the sentence (``contexts.toml``); the CAMEO code from the entry.
"""
from __future__ import annotations

from spacy.tokens import Span

from ..model import Entity, Place
from ..nlp.doccache import cached, sentence_words
from .lexicon import Context, TriggerEntry

MULTILATERAL = ("IGO", "UNO", "EUR")


def consult_mode(entry: TriggerEntry, participants: list[Entity], place: Place | None) -> str | None:
    """CONSULT modes (manual table "CONSULT modes"): phone, visit, multilateral, third-party."""
    if entry.mode in ("phone", "visit"):
        return entry.mode
    countries = {e.country for e in participants if e.country}
    if len(countries) > 2 or countries & set(MULTILATERAL):
        return "multilateral"
    if place is not None and place.country and countries and place.country not in countries:
        return "third-party"
    return entry.mode


def consult_cameo(mode: str | None, default: str | None) -> str | None:
    return {"visit": "042", "third-party": "044", "phone": "041"}.get(mode or "", default)


def contexts_for(sentence: Span, contexts: tuple[Context, ...], extra: tuple[str, ...] = ()) -> list[str]:
    """Contexts whose keywords (lemmas, or phrases in the lower-cased text) the sentence holds."""
    found = list(extra)
    # The sentence's own contexts, in order, do not depend on ``extra``: worked out once
    # per sentence (several acts are often stated in one).
    found += [name for name in _sentence_contexts(sentence, contexts) if name not in extra]
    return found


def _sentence_contexts(sentence: Span, contexts: tuple[Context, ...]) -> list[str]:
    """The names of ``contexts`` whose keywords ``sentence`` holds, each once, in order."""
    memo = cached(sentence.doc, "sentence_contexts", lambda doc: {})
    key = (sentence.start, sentence.end)
    known = memo.get(key)
    if known is not None and known[0] is contexts:
        return known[1]
    lemmas, text = sentence_words(sentence)
    names: list[str] = []
    for ctx in contexts:
        if ctx.name in names:
            continue
        if not ctx.words.isdisjoint(lemmas) or _holds_any(text, ctx.phrases):
            names.append(ctx.name)
    memo[key] = (contexts, names)
    return names


def _holds_any(text: str, phrases) -> bool:
    """Whether ``text`` contains one of ``phrases`` (a loop: cheaper than ``any`` over a generator)."""
    for kw in phrases:
        if kw in text:
            return True
    return False


def code(entry: TriggerEntry, type_: str, participants: list[Entity], place: Place | None) -> tuple[str | None, str | None]:
    """(mode, cameo) for an act of ``type_`` stated by ``entry``."""
    if type_ != entry.type:  # a negated entry recoded ("n'accepte pas" -> REJECT)
        return None, None
    if type_ == "CONSULT":
        mode = consult_mode(entry, participants, place)
        return mode, consult_cameo(mode, entry.cameo)
    return entry.mode, entry.cameo
