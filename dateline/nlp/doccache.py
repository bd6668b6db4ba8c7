"""Facts about a parsed Doc computed once and kept with it.

spaCy rebuilds ``Doc.text`` from the tokens on every access and finds a
token's sentence by scanning; the stages ask both many times per event, so
they are computed once per Doc and kept in ``doc.user_data`` (the Doc's text
and sentence boundaries never change after the parser has run).
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from typing import TypeVar

from spacy.tokens import Doc, Span, Token

T = TypeVar("T")

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


# --- the dependency tree as plain lists (the events stage walks it per event) ---------

_TREE = ("dateline", "tree")


def _tree(doc: Doc) -> tuple[list[int], list[str], list[tuple[int, ...]]]:
    """(head index, lower-cased dependency label, child indices) of every token, built once.

    Reading ``token.dep_`` or iterating ``token.children`` builds Python objects on
    every access; one numpy export of the parse gives the same facts (call only after
    the parser has run: the tree never changes afterwards).
    """
    tree = doc.user_data.get(_TREE)
    if tree is None:
        from spacy.attrs import DEP, HEAD

        arr = doc.to_array([HEAD, DEP]) if len(doc) else None
        heads: list[int] = []
        labels: list[str] = []
        if arr is not None:
            strings = doc.vocab.strings
            names: dict[int, str] = {}
            rel = arr[:, 0].astype("int64").tolist()
            heads = [i + r for i, r in enumerate(rel)]
            for key in arr[:, 1].tolist():
                name = names.get(key)
                if name is None:
                    name = names[key] = strings[key].lower()
                labels.append(name)
        kids: list[list[int]] = [[] for _ in heads]
        for i, h in enumerate(heads):
            if h != i:
                kids[h].append(i)
        tree = doc.user_data[_TREE] = (heads, labels, [tuple(k) for k in kids])
    return tree


def dep_labels(doc: Doc) -> list[str]:
    """``token.dep_.lower()`` of every token, by index."""
    return _tree(doc)[1]


def head_indices(doc: Doc) -> list[int]:
    """``token.head.i`` of every token, by index (a root is its own head)."""
    return _tree(doc)[0]


def child_indices(doc: Doc) -> list[tuple[int, ...]]:
    """Indices of ``token.children`` of every token, in text order, by index."""
    return _tree(doc)[2]


def _bottom_up(doc: Doc) -> list[int]:
    """Token indices with every child before its head."""
    heads, _, kids = _tree(doc)
    order: list[int] = []
    todo = [i for i, h in enumerate(heads) if h == i]
    while todo:
        i = todo.pop()
        order.append(i)
        todo.extend(kids[i])
    order.reverse()
    return order


def subtree_edges(doc: Doc) -> tuple[list[int], list[int]]:
    """(lowest, highest) token index in each token's subtree (``token.subtree``), by index."""
    edges = doc.user_data.get(("dateline", "subtree_edges"))
    if edges is None:
        heads = _tree(doc)[0]
        low = list(range(len(heads)))
        high = list(range(len(heads)))
        for i in _bottom_up(doc):
            h = heads[i]
            if h != i:
                low[h] = min(low[h], low[i])
                high[h] = max(high[h], high[i])
        edges = doc.user_data[("dateline", "subtree_edges")] = (low, high)
    return edges


def subtree_ends(doc: Doc) -> tuple[list[int], list[int]]:
    """Index of the first and of the last token ``token.subtree`` yields, by index.

    spaCy yields the left children's subtrees, the token, then the right ones', so
    in a non-projective tree these need not be the subtree's lowest and highest index.
    """
    ends = doc.user_data.get(("dateline", "subtree_ends"))
    if ends is None:
        kids = _tree(doc)[2]
        first = list(range(len(kids)))
        last = list(range(len(kids)))
        for i in _bottom_up(doc):
            k = kids[i]
            if k and k[0] < i:
                first[i] = first[k[0]]
            if k and k[-1] > i:
                last[i] = last[k[-1]]
        ends = doc.user_data[("dateline", "subtree_ends")] = (first, last)
    return ends


def _column(doc: Doc, name: str, attr: str) -> list[str]:
    """A string attribute of every token, by index, built once with one numpy export."""
    col = doc.user_data.get(("dateline", name))
    if col is None:
        strings = doc.vocab.strings
        names: dict[int, str] = {}
        col = []
        for key in (doc.to_array(attr).tolist() if len(doc) else []):
            value = names.get(key)
            if value is None:
                value = names[key] = strings[key]
            col.append(value)
        doc.user_data[("dateline", name)] = col
    return col


def lower_forms(doc: Doc) -> list[str]:
    """``token.lower_`` of every token, by index."""
    return _column(doc, "lower", "LOWER")


def lemma_lowers(doc: Doc) -> list[str]:
    """``token.lemma_.lower()`` of every token, by index."""
    col = doc.user_data.get(("dateline", "lemma_lower"))
    if col is None:
        col = doc.user_data[("dateline", "lemma_lower")] = [s.lower() for s in _column(doc, "lemma", "LEMMA")]
    return col


def lemmas(doc: Doc) -> list[str]:
    """``token.lemma_`` of every token, by index."""
    return _column(doc, "lemma", "LEMMA")


def pos_tags(doc: Doc) -> list[str]:
    """``token.pos_`` of every token, by index."""
    return _column(doc, "pos", "POS")


def _flags(doc: Doc, name: str, attr: str) -> list[bool]:
    """A boolean attribute of every token, by index, built once with one numpy export."""
    col = doc.user_data.get(("dateline", name))
    if col is None:
        col = doc.user_data[("dateline", name)] = [bool(x) for x in doc.to_array(attr).tolist()] if len(doc) else []
    return col


def punct_flags(doc: Doc) -> list[bool]:
    """``token.is_punct`` of every token, by index."""
    return _flags(doc, "is_punct", "IS_PUNCT")


def space_flags(doc: Doc) -> list[bool]:
    """``token.is_space`` of every token, by index."""
    return _flags(doc, "is_space", "IS_SPACE")


def dependency_tree(doc: Doc) -> tuple[list[int], list[str], list[tuple[int, ...]]]:
    """(head indices, lower-cased labels, child indices) at once, for loops that need all three."""
    return _tree(doc)


def sentence_words(sentence: Span) -> tuple[frozenset[str], str]:
    """A sentence's lower-cased lemmas and lower-cased text, computed once per sentence
    (several acts are often stated in one sentence)."""
    doc = sentence.doc
    memo = doc.user_data.setdefault(("dateline", "sentence_words"), {})
    key = (sentence.start, sentence.end)
    words = memo.get(key)
    if words is None:
        lemmas = frozenset(lemma_lowers(doc)[sentence.start:sentence.end])
        words = memo[key] = (lemmas, doc_text(doc)[sentence.start_char:sentence.end_char].lower())
    return words


def cached(doc: Doc, name: str, build: Callable[[Doc], T]) -> T:
    """``build(doc)``, computed once per Doc and kept under ``("dateline", name)``.

    For a stage's own per-Doc index (call only once what it is built from is final).
    """
    key = ("dateline", name)
    value = doc.user_data.get(key)
    if value is None:
        value = doc.user_data[key] = build(doc)
    return value


def token_offsets(doc: Doc) -> list[int]:
    """``token.idx`` of every token, by index (ascending)."""
    col = doc.user_data.get(("dateline", "idx"))
    if col is None:
        col = doc.user_data[("dateline", "idx")] = doc.to_array("IDX").tolist() if len(doc) else []
    return col


def raw_dep_labels(doc: Doc) -> list[str]:
    """``token.dep_`` of every token as the parser spells it, by index."""
    return _column(doc, "dep", "DEP")
