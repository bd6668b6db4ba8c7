"""Facts about a parsed Doc computed once and kept with it.

spaCy rebuilds ``Doc.text`` from the tokens on every access and finds a
token's sentence by scanning; the stages ask both many times per event, so
they are computed once per Doc and kept in ``doc.user_data`` (the Doc's text
and sentence boundaries never change after the parser has run).
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

import numpy as np
from spacy.attrs import IDX, LENGTH, LOWER, ORTH
from spacy.strings import get_string_id
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


_ARRAY_ATTRS = (LOWER, ORTH, IDX, LENGTH)  # read together: one pass over the tokens


def _attr_ids(doc: Doc, attr: int) -> np.ndarray:
    """The ids of attribute ``attr`` (one of _ARRAY_ATTRS) of every token, built once."""
    key = ("dateline", "actors_attrs")
    columns = doc.user_data.get(key)
    if columns is None:
        array = doc.to_array(list(_ARRAY_ATTRS)).reshape(len(doc), len(_ARRAY_ATTRS))
        columns = doc.user_data[key] = dict(zip(_ARRAY_ATTRS, array.T))
    return columns[attr]


def _token_starts(doc: Doc) -> list[int]:
    """The character offset of every token, as a list (for bisect), built once."""
    key = ("dateline", "actors_token_starts")
    starts = doc.user_data.get(key)
    if starts is None:
        starts = doc.user_data[key] = _attr_ids(doc, IDX).tolist()
    return starts


def actors_tokens_among(doc: Doc, attr: int, strings: Iterable[str]) -> list[int]:
    """Indices of the tokens whose string attribute ``attr`` (LOWER, ORTH) is one of
    ``strings``, read from the token array (scanning ``for t in doc`` makes a Token
    object per word for the few that matter)."""
    ids = _attr_ids(doc, attr)
    found = np.zeros(len(ids), dtype=bool)
    for s in strings:  # a few words: one comparison each beats np.isin's sorting
        found |= ids == get_string_id(s)
    return np.flatnonzero(found).tolist()


def actors_tokens_containing(doc: Doc, piece: str) -> list[int]:
    """Indices of the tokens whose text contains ``piece`` (found in the Doc's text)."""
    text = doc_text(doc)
    at = text.find(piece)
    if at < 0:
        return []
    starts = _token_starts(doc)
    lengths = _attr_ids(doc, LENGTH)
    found: set[int] = set()
    while at >= 0:
        i = bisect_right(starts, at) - 1
        if i >= 0 and at + len(piece) <= starts[i] + int(lengths[i]):
            found.add(i)
        at = text.find(piece, at + 1)
    return sorted(found)

