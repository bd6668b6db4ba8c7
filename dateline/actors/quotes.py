"""Step 5 of linking: the first person of a quotation designates its speaker.

"La procureure ... a déclaré : « mes services sont autorisés à enquêter »":
"mes" is the procureure. The speaker is the subject (or "selon/pour X") of the
sentence that opens the quotation, else of the sentence that closes it
("« ... », a affirmé X").
"""
from __future__ import annotations

from bisect import bisect_left

from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc, Span

from dateline.nlp.doccache import actors_tokens_among, actors_tokens_containing, doc_text
from dateline.model import ActorMention, Entity

from .context import LinkContext
from .kb import SpeakerCues, load_kb

_QUOTE = '"'  # the parser's copy has every quotation mark normalised to this


def link_quotes(ctx: LinkContext, cues: SpeakerCues) -> None:
    """Mention the speaker on each first-person word of each quotation."""
    doc = ctx.doc
    if _QUOTE not in ctx.text or not ctx.mentions:
        return
    mentions = sorted(ctx.mentions, key=lambda m: m.start)
    quotes = quotations(doc)
    first_person = actors_tokens_among(doc, LOWER, cues.first_person)
    for qs, qe in quotes:
        inside = first_person[bisect_left(first_person, qs):bisect_left(first_person, qe)]
        words = [doc[i] for i in inside]
        if not words:
            continue
        speaker = _speaker(doc, mentions, quotes, qs, qe, cues)
        if speaker is None:
            continue
        for t in words:
            if not any(m.start <= t.idx < m.end for m in mentions):
                ctx.mention(speaker, t.idx, t.idx + len(t.text), "pronoun")


def quotation_speaker(doc: Doc, token_i: int, lang: str = "fr") -> Entity | None:
    """The speaker of the quotation holding the token at ``token_i`` (None outside one)."""
    if _QUOTE not in doc_text(doc):
        return None
    quotes = quotations(doc)
    cues = load_kb(lang).speakers
    mentions = sorted(doc._.actor_mentions or [], key=lambda m: m.start)
    for qs, qe in quotes:
        if qs <= token_i < qe:
            return _speaker(doc, mentions, quotes, qs, qe, cues)
    return None


def attribution_words(lang: str = "fr") -> frozenset[str]:
    """The prepositions that introduce a speaker ("selon X", "d'après X")."""
    return load_kb(lang).speakers.attribution


def quotations(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges inside paired quotation marks (pairs never cross a paragraph)."""
    out: list[tuple[int, int]] = []
    opened: int | None = None
    # a token's trailing whitespace is at most one space: "\n\n" can only be in its text
    marks = [(i, True) for i in actors_tokens_among(doc, ORTH, (_QUOTE,))]
    breaks = [(i, False) for i in actors_tokens_containing(doc, "\n\n")]
    for i, is_quote in sorted(marks + breaks):
        if not is_quote:
            opened = None  # an unclosed quotation ends with its paragraph
            continue
        if opened is None:
            opened = i + 1
        else:
            out.append((opened, i))
            opened = None
    return out


def _speaker(doc: Doc, mentions: list[ActorMention], quotes: list[tuple[int, int]],
             qs: int, qe: int, cues: SpeakerCues) -> Entity | None:
    """The entity speaking the quotation ``doc[qs:qe]``."""
    inside = [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1])) for s, e in quotes if e > s]
    if qs >= 2:  # "X a déclaré : « ... »" (the mark itself may open a new sentence)
        before = doc[qs - 2].sent
        ent = _subject_in(doc, mentions, inside, before.start_char, doc[qs - 1].idx, cues, last=True)
        if ent is not None:
            return ent
    if qe + 1 < len(doc) and doc[qe + 1].text == ",":  # "« ... », a affirmé X"
        after = doc[qe + 1].sent
        return _subject_in(doc, mentions, inside, doc[qe].idx, after.end_char, cues, last=False)
    return None


def _subject_in(doc: Doc, mentions: list[ActorMention], inside: list[tuple[int, int]],
                lo: int, hi: int, cues: SpeakerCues, last: bool) -> Entity | None:
    """The speaking mention between offsets lo and hi: a subject, its apposition, or
    "selon X"; a person is preferred to a group."""
    found = []
    for m in mentions:
        if not (lo <= m.start and m.end <= hi) or any(s <= m.start < e for s, e in inside):
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and _speaks(span, cues):
            found.append(m)
    if not found:
        return None
    people = [m for m in found if m.entity.kind == "person"] or found
    return (people[-1] if last else people[0]).entity


def _speaks(span: Span, cues: SpeakerCues) -> bool:
    """Whether a mention is a subject (or its apposition) or follows an attribution word."""
    root = span.root
    if root.dep_.startswith("nsubj"):
        return True
    if root.dep_ in ("appos", "flat:name") and root.head.dep_.startswith("nsubj"):
        return True
    return any(c.dep_ == "case" and c.lower_ in cues.attribution for c in root.children)
