"""Step 4 of linking: subject pronouns "il"/"elle" and "ce dernier"/"cette dernière"
to the nearest compatible person."""
from __future__ import annotations

from bisect import bisect_right

from spacy.attrs import LOWER
from spacy.tokens import Doc

from dateline.model import ActorMention
from dateline.nlp.doccache import actors_tokens_among, sentences

from .context import LinkContext

_PRONOUNS = ("il", "elle")
# Impersonal verbs ("il faut", "il s'agit", "il y a"): their "il" is nobody.
_IMPERSONAL = ("falloir", "agir", "sembler", "pleuvoir")
_WINDOW_SENTENCES = 2  # how many sentences back a pronoun looks, besides its own
# "ce dernier", "cette dernière": the latter, i.e. the person named last.
_LATTER = {("ce", "dernier"): "m", ("cette", "dernière"): "f"}
_LATTER_WORDS = frozenset(second for _, second in _LATTER)


def link_pronouns(ctx: LinkContext) -> None:
    """Mention, for each subject "il"/"elle", the last fitting person of the last sentences."""
    doc = ctx.doc
    sents = sentences(doc)
    persons = sorted((m for m in ctx.mentions if m.entity.kind == "person"), key=lambda m: m.start)
    if not persons:
        return
    starts = [s.start for s in sents]
    for i in actors_tokens_among(doc, LOWER, _PRONOUNS):
        tok = doc[i]
        if not tok.dep_.startswith("nsubj"):
            continue
        if tok.head.lemma_ in _IMPERSONAL or any(ch.lower_ == "y" for ch in tok.head.children):
            continue
        si = max(0, bisect_right(starts, tok.i) - 1)  # Token.sent walks the doc: avoid it
        lo = sents[max(0, si - _WINDOW_SENTENCES)].start_char
        window = [m for m in persons if lo <= m.start < tok.idx]
        gender = "f" if tok.lower_ == "elle" else "m"
        window = [m for m in window if ctx.genders.get(m.entity.id, gender) == gender]
        if not window:
            continue
        subjects = [m for m in window if _is_subject(doc, m)]
        pick = (subjects or window)[-1]
        ctx.mention(pick.entity, tok.idx, tok.idx + len(tok.text), "pronoun")
    _link_latter(ctx, persons, starts, sents)


def _link_latter(ctx: LinkContext, persons: list[ActorMention], starts: list[int], sents: list) -> None:
    """"Ce dernier imposa ...": the last person named before, of that gender."""
    doc = ctx.doc
    for i in actors_tokens_among(doc, LOWER, _LATTER_WORDS):
        tok = doc[i]
        if i == 0 or (doc[i - 1].lower_, tok.lower_) not in _LATTER:
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "NUM"):
            continue  # "ce dernier week-end": an adjective
        det = doc[tok.i - 1]
        gender = _LATTER[(det.lower_, tok.lower_)]
        si = max(0, bisect_right(starts, tok.i) - 1)
        lo = sents[max(0, si - _WINDOW_SENTENCES)].start_char
        window = [m for m in persons if lo <= m.start < det.idx
                  and ctx.genders.get(m.entity.id, gender) == gender]
        if window and _last_noun_phrase(doc, window, det.i):
            ctx.mention(window[-1].entity, det.idx, tok.idx + len(tok.text), "pronoun")


def _last_noun_phrase(doc: Doc, window: list[ActorMention], before: int) -> bool:
    """Whether no other noun stands between the last mention of ``window`` and token
    ``before``: "ce dernier" is the latter of what was just named ("un sommet ..., ce
    dernier" is the summit, not the person named before it)."""
    m = window[-1]
    same = [(w.start, w.end) for w in window if w.entity.id == m.entity.id]
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    for t in doc[span.end if span is not None else before:before]:
        if t.pos_ in ("NOUN", "PROPN") and not any(s <= t.idx < e for s, e in same):
            return False
    return True


def _is_subject(doc: Doc, m: ActorMention) -> bool:
    """Whether a mention is the subject of its clause."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and span.root.dep_.startswith("nsubj")
