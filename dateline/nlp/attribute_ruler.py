"""spaCy's attribute ruler, its rules evaluated a column at a time.

``fr_core_news_md``'s attribute ruler copies every token's POS into its TAG
(20 of its 23 rules) and fixes whitespace tokens. spaCy runs a ``Matcher`` over
every token for every rule, then applies each match through a ``Span`` and a
``Token`` (some 330 per article): about 5% of the parse. Each of these rules is
one token tested on a few attributes, so :class:`ColumnAttributeRuler` tests
them on the Doc's attribute columns (numpy) instead, applies them in the same
order (a later rule wins), writes TAG as one column, and sets any other
attribute token by token as spaCy does. The Doc comes out identical (tested
against spaCy's own component). A rule of any other shape (several tokens,
operators, other predicates) sends the whole Doc through spaCy's own path.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.attrs import IDS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# Token attributes a rule may test here: what ``Doc.to_array`` reads as the Matcher does.
_COLUMNS = ("ORTH", "LOWER", "NORM", "POS", "TAG", "DEP", "LEMMA", "MORPH", "ENT_TYPE",
            "IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "LIKE_NUM")
_SET_OPS = ("IN", "NOT_IN")


@dataclass(frozen=True)
class _Test:
    """One attribute of one token: equal to one of ``values`` (or to none, if ``negated``)."""

    column: str
    values: tuple[int, ...]
    negated: bool = False


class ColumnAttributeRuler(AttributeRuler):
    """An ``AttributeRuler`` that evaluates one-token rules on attribute columns."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The rules' tests, compiled again whenever rules are added or loaded.
        self._tests: list[list[_Test]] | None = None
        self._tests_key: tuple[int, int] | None = None

    def __call__(self, doc: Doc) -> Doc:
        """Set the rules' attributes on ``doc``, as ``AttributeRuler.__call__`` does."""
        tests = self._rule_tests()
        if tests is None:
            return super().__call__(doc)
        error_handler = self.get_error_handler()
        try:
            self._apply(doc, tests)
            return doc
        except Exception as err:  # noqa: BLE001 - spaCy's own error-handler convention
            return error_handler(self.name, self, [doc], err)

    def _rule_tests(self) -> list[list[_Test]] | None:
        """Each rule's tests, in rule order; None when a rule has another shape."""
        key = (len(self.attrs), id(self.matcher))
        if self._tests_key != key:
            self._tests = _compile(self.patterns)
            self._tests_key = key
        return self._tests

    def _apply(self, doc: Doc, rules: list[list[_Test]]) -> None:
        if not len(doc):
            return
        columns = sorted({t.column for tests in rules for t in tests})
        table = doc.to_array(columns).reshape(len(doc), len(columns))
        column_of = {name: table[:, n] for n, name in enumerate(columns)}
        tags = doc.to_array([TAG])
        for attr_id, tests in enumerate(rules):
            positions = np.flatnonzero(_matching(tests, column_of, len(doc)))
            if not positions.size:
                continue
            attrs = self.attrs[attr_id]
            if attrs.keys() == {TAG}:
                tags[positions] = attrs[TAG]
                continue
            for i in positions.tolist():
                set_token_attrs(doc[i], attrs)
                if TAG in attrs:
                    tags[i] = attrs[TAG]
        doc.from_array([TAG], tags.astype(np.uint64, copy=False))


def _matching(tests: list[_Test], column_of: dict[str, np.ndarray], n: int) -> np.ndarray:
    """Which tokens pass every test (all of them, for a rule without tests)."""
    mask = np.ones(n, dtype=bool)
    for test in tests:
        column = column_of[test.column]
        hit = column == test.values[0] if len(test.values) == 1 else np.isin(column, test.values)
        mask &= ~hit if test.negated else hit
    return mask


def _compile(patterns: Iterable[dict[str, Any]]) -> list[list[_Test]] | None:
    """The tests of each rule (as ``AttributeRuler.patterns`` lists them, in order), or
    None if one rule is not a single token tested on plain values."""
    compiled = []
    for rule in patterns:
        shapes = rule["patterns"]
        if len(shapes) != 1 or len(shapes[0]) != 1 or rule.get("index", 0) not in (0, -1):
            return None
        tests = _token_tests(shapes[0][0])
        if tests is None:
            return None
        compiled.append(tests)
    return compiled


def _token_tests(spec: dict[str, Any]) -> list[_Test] | None:
    tests = []
    for name, value in spec.items():
        column = name.upper()
        if column not in _COLUMNS or column not in IDS:
            return None
        if isinstance(value, dict):
            if len(value) != 1 or next(iter(value)) not in _SET_OPS:
                return None
            op, values = next(iter(value.items()))
            ids = [_value_id(v) for v in values]
            if None in ids:
                return None
            tests.append(_Test(column, tuple(ids), negated=op == "NOT_IN"))
            continue
        value_id = _value_id(value)
        if value_id is None:
            return None
        tests.append(_Test(column, (value_id,)))
    return tests


def _value_id(value: Any) -> int | None:
    """The number ``Doc.to_array`` gives for ``value``: a flag's 0 or 1, a symbol's id
    ("ADJ" as a POS), a string's hash ("" is 0), as the Matcher compares them."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, str):
        return get_string_id(value)
    return None


def use_column_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> None:
    """Replace ``nlp``'s attribute ruler ``name`` by a :class:`ColumnAttributeRuler`
    holding the same rules in the same order (no-op if there is none)."""
    if name not in nlp.pipe_names:
        return
    old = nlp.get_pipe(name)
    if not isinstance(old, AttributeRuler) or isinstance(old, ColumnAttributeRuler):
        return
    new = nlp.replace_pipe(name, "dateline_attribute_ruler")
    new.add_patterns(old.patterns)
