"""Facts about a parsed Doc computed once and kept with it.

spaCy rebuilds ``Doc.text`` from the tokens on every access and finds a
token's sentence by scanning; the stages ask both many times per event, so
they are computed once per Doc and kept in ``doc.user_data`` (the Doc's text
and sentence boundaries never change after the parser has run).
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

import numpy as np
from spacy.attrs import IDX, LENGTH, LOWER, ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

T = TypeVar("T")

_TEXT = ("dateline", "text")
_SENTS = ("dateline", "sents")


def remember_text(doc: Doc, text: str) -> None:
    """Keep ``text``, which ``doc`` was tokenised from, as its ``doc_text``.

    spaCy's tokenizer loses no character, so ``doc.text == text``; keeping it
    spares rebuilding it from the tokens (a Token object each).
    """
    doc.user_data[_TEXT] = text


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

# --- the tokens as plain lists (the events stage walks the parse per event) -------------

_TABLE = ("dateline", "tokens")
_COLUMNS = ("HEAD", "DEP", "LOWER", "LEMMA", "POS", "IDX", "IS_PUNCT", "IS_SPACE", "MORPH")


class Children:
    """``children[i]``: the indices of token ``i``'s children, in text order.

    Kept as two flat lists (the children grouped by head, and where each head's
    group starts) rather than a list per token: fewer objects for the collector.
    """

    __slots__ = ("flat", "starts")

    def __init__(self, flat: list[int], starts: list[int]):
        self.flat, self.starts = flat, starts

    def __getitem__(self, i: int) -> list[int]:
        return self.flat[self.starts[i]:self.starts[i + 1]]

    def __len__(self) -> int:
        return len(self.starts) - 1


@dataclass
class TokenTable:
    """Token attributes by token index, exported from the Doc once.

    Reading ``token.dep_`` or iterating ``token.children`` builds Python objects
    on every access; the stages that ask them thousands of times per article read
    these lists instead (built after the parser: the tokens never change afterwards).
    """

    heads: list[int]  # token.head.i (a root is its own head)
    labels: list[str]  # token.dep_.lower()
    deps: list[str]  # token.dep_
    dep_prefixes: list[frozenset[str]]  # the label and its parents ("obl:arg" -> obl:arg, obl)
    kids: Children  # kids[i]: indices of token.children, in text order
    lowers: list[str]  # token.lower_
    lemmas: list[str]  # token.lemma_
    lemma_lowers: list[str]  # token.lemma_.lower()
    pos: list[str]  # token.pos_
    offsets: list[int]  # token.idx
    punct: list[int]  # token.is_punct (1 or 0)
    space: list[int]  # token.is_space (1 or 0)
    morph_keys: list[int]  # hash of str(token.morph)


class _Spellings:
    """The strings of hashes, and their lower-cased forms, kept across Docs.

    A hash is the string's own (``StringStore`` hashes the text), so the string
    of a hash is the same in every vocab and an answer never goes stale. A
    ``StringStore`` lookup costs about half a microsecond; an article asks some
    four hundred distinct ones, mostly the same words as the article before.
    """

    def __init__(self, max_size: int = 200_000) -> None:
        self.max_size = max_size
        self._strings: dict[int, str] = {}
        self._lowers: dict[str, str] = {}

    def strings(self, store, keys: set[int]) -> dict[int, str]:
        """A dict holding the string of every hash in ``keys`` (a ``KeyError`` if ``store`` lacks one)."""
        return self._fill(self._strings, keys, store.__getitem__)

    def lowers(self, words: set[str]) -> dict[str, str]:
        """A dict holding ``w.lower()`` of every ``w`` in ``words``."""
        return self._fill(self._lowers, words, str.lower)

    def _fill(self, known: dict, keys: set, compute) -> dict:
        missing = keys.difference(known)
        if missing:
            if len(known) + len(missing) > self.max_size:
                known.clear()
                missing = keys
            for k in missing:
                known[k] = compute(k)
        return known


_SPELLINGS = _Spellings()


@lru_cache(maxsize=512)  # a pure function of the parser's few labels
def _prefixes(label: str) -> frozenset[str]:
    """Every ``d`` with ``label == d`` or ``label.startswith(d + ":")``."""
    return frozenset([label] + [label[:i] for i, ch in enumerate(label) if ch == ":"])


def token_table(doc: Doc) -> TokenTable:
    """The Doc's :class:`TokenTable`, built once."""
    table = doc.user_data.get(_TABLE)
    if table is None:
        table = doc.user_data[_TABLE] = _build_table(doc)
    return table


def _build_table(doc: Doc) -> TokenTable:
    n = len(doc)
    if not n:
        return TokenTable([], [], [], [], Children([], [0]), [], [], [], [], [], [], [], [])
    arr = doc.to_array(list(_COLUMNS))
    index = np.arange(n, dtype=np.int64)
    heads_arr = index + arr[:, 0].view(np.int64)  # HEAD is an offset, stored unsigned
    dep, lower, lemma, pos, idx, punct, space, morph = arr[:, 1:].T.tolist()
    heads = heads_arr.tolist()
    name = _SPELLINGS.strings(doc.vocab.strings, set(dep).union(lower, lemma, pos)).__getitem__
    deps = list(map(name, dep))
    lemmas = list(map(name, lemma))
    lower_of = _SPELLINGS.lowers(set(deps).union(lemmas)).__getitem__
    labels = list(map(lower_of, deps))
    prefix_of = {d: _prefixes(d) for d in set(labels)}
    # Children grouped by head, in text order within a group (a stable sort).
    not_root = heads_arr != index
    order = np.argsort(heads_arr[not_root], kind="stable")
    flat = index[not_root][order].tolist()
    starts = np.concatenate(([0], np.cumsum(np.bincount(heads_arr[not_root], minlength=n)))).tolist()
    return TokenTable(heads=heads, labels=labels, deps=deps, dep_prefixes=list(map(prefix_of.__getitem__, labels)),
                      kids=Children(flat, starts), lowers=list(map(name, lower)), lemmas=lemmas,
                      lemma_lowers=list(map(lower_of, lemmas)), pos=list(map(name, pos)),
                      offsets=idx, punct=punct, space=space, morph_keys=morph)


def dep_labels(doc: Doc) -> list[str]:
    """``token.dep_.lower()`` of every token, by index."""
    return token_table(doc).labels


def raw_dep_labels(doc: Doc) -> list[str]:
    """``token.dep_`` of every token as the parser spells it, by index."""
    return token_table(doc).deps


def head_indices(doc: Doc) -> list[int]:
    """``token.head.i`` of every token, by index (a root is its own head)."""
    return token_table(doc).heads


def child_indices(doc: Doc) -> Children:
    """Indices of ``token.children`` of every token, in text order, by index."""
    return token_table(doc).kids


def dependency_tree(doc: Doc) -> tuple[list[int], list[str], Children]:
    """(head indices, lower-cased labels, child indices) at once, for loops that need all three."""
    table = token_table(doc)
    return table.heads, table.labels, table.kids


def lower_forms(doc: Doc) -> list[str]:
    """``token.lower_`` of every token, by index."""
    return token_table(doc).lowers


def lemmas(doc: Doc) -> list[str]:
    """``token.lemma_`` of every token, by index."""
    return token_table(doc).lemmas


def lemma_lowers(doc: Doc) -> list[str]:
    """``token.lemma_.lower()`` of every token, by index."""
    return token_table(doc).lemma_lowers


def pos_tags(doc: Doc) -> list[str]:
    """``token.pos_`` of every token, by index."""
    return token_table(doc).pos


def token_offsets(doc: Doc) -> list[int]:
    """``token.idx`` of every token, by index (ascending)."""
    return token_table(doc).offsets


def space_flags(doc: Doc) -> list[int]:
    """``token.is_space`` of every token, by index."""
    return token_table(doc).space


def morph_values(doc: Doc, i: int, field: str) -> list[str]:
    """``doc[i].morph.get(field)``: the values of ``field`` in the token's analysis
    ("Mood=Cnd|Person=3|..."), without building a MorphAnalysis (the list is shared:
    do not modify it).

    Each distinct analysis of the Doc is split into its fields once: a few hundred
    analyses serve thousands of questions per article.
    """
    key = token_table(doc).morph_keys[i]
    analyses = memo(doc, "morph_fields")
    fields = analyses.get(key)
    if fields is None:
        fields = analyses[key] = _fields(doc.vocab.strings[key])
    return fields.get(field) or []


def _fields(analysis: str) -> dict[str, list[str]]:
    """{field: values} of an analysis string; the first occurrence of a field wins."""
    out: dict[str, list[str]] = {}
    for feat in analysis.split("|"):
        name, eq, values = feat.partition("=")
        if eq and name not in out:
            out[name] = values.split(",")
    return out


def subtree_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """(lowest, highest) token index in the subtree of token ``i`` (``token.subtree``).

    Found by walking that subtree once; every token walked keeps its bounds, so no
    subtree is walked twice per Doc.
    """
    bounds = doc.user_data.get(("dateline", "subtree_bounds"))
    if bounds is None:
        # Two lists of ints (-1: not walked yet), not a tuple per token: fewer objects to collect.
        bounds = doc.user_data[("dateline", "subtree_bounds")] = ([-1] * len(doc), [-1] * len(doc))
    lows, highs = bounds
    if lows[i] < 0:
        kids = token_table(doc).kids
        # Post-order over the part of the subtree not yet known.
        order, todo = [], [i]
        while todo:
            j = todo.pop()
            order.append(j)
            todo.extend(k for k in kids[j] if lows[k] < 0)
        for j in reversed(order):
            low = high = j
            for k in kids[j]:
                if lows[k] < low:
                    low = lows[k]
                if highs[k] > high:
                    high = highs[k]
            lows[j], highs[j] = low, high
    return lows[i], highs[i]


def subtree_ends(doc: Doc, i: int) -> tuple[int, int]:
    """Index of the first and of the last token ``doc[i].subtree`` yields.

    spaCy yields the left children's subtrees, the token, then the right ones', so
    the first is down the chain of first left children (in a non-projective tree it
    need not be the subtree's lowest index), the last down the chain of last right ones.
    """
    kids = token_table(doc).kids
    first, below = i, kids[i]
    while below and below[0] < first:
        first = below[0]
        below = kids[first]
    last, below = i, kids[i]
    while below and below[-1] > last:
        last = below[-1]
        below = kids[last]
    return first, last


def sentence_words(sentence: Span) -> tuple[frozenset[str], str]:
    """A sentence's lower-cased lemmas and lower-cased text, computed once per sentence
    (several acts are often stated in one sentence)."""
    doc = sentence.doc
    memo = doc.user_data.setdefault(("dateline", "sentence_words"), {})
    key = (sentence.start, sentence.end)
    words = memo.get(key)
    if words is None:
        lemmas = frozenset(token_table(doc).lemma_lowers[sentence.start:sentence.end])
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


def memo(doc: Doc, name: str) -> dict:
    """A dict kept with the Doc under ``("dateline", name)``, for a stage's per-Doc memo."""
    return cached(doc, name, _new_dict)


def _new_dict(doc: Doc) -> dict:
    return {}


def extension(doc: Doc, name: str):
    """``doc._.<name>``, read once per Doc (each read of ``doc._`` builds an object);
    for values set before the stage asking and not changed afterwards."""
    key = ("dateline", "ext:" + name)
    if key not in doc.user_data:
        doc.user_data[key] = getattr(doc._, name)
    return doc.user_data[key]
