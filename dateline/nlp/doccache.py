"""Facts about a parsed Doc computed once and kept with it.

spaCy rebuilds ``Doc.text`` from the tokens on every access and finds a
token's sentence by scanning; the stages ask both many times per event, so
they are computed once per Doc and kept in ``doc.user_data`` (the Doc's text
and sentence boundaries never change after the parser has run).
"""
from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span, Token

_TEXT = ("dateline", "text")
_SENTS = ("dateline", "sents")


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def sentences(doc: Doc) -> list[Span]:
    """``list(doc.sents)``, built once (call only after sentence boundaries are set)."""
    sents = doc.user_data.get(_SENTS)
    if sents is None:
        sents = doc.user_data[_SENTS] = list(doc.sents)
    return sents


def sentence_index(doc: Doc, i: int) -> int:
    """Index in ``sentences(doc)`` of the sentence holding token ``i``."""
    sents = sentences(doc)
    starts = doc.user_data.get(("dateline", "sent_starts"))
    if starts is None:
        starts = doc.user_data[("dateline", "sent_starts")] = [s.start for s in sents]
    return max(0, bisect_right(starts, i) - 1)


def sentence_of(token: Token) -> Span:
    """``token.sent``, from the cached sentence list."""
    doc = token.doc
    return sentences(doc)[sentence_index(doc, token.i)]
