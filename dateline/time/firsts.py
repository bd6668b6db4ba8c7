"""The characters a regex's match can begin with, read from its parse tree.

The tagger tries its one big alternation at every candidate position; most
rules cannot even start with the character there, yet Python's engine tries
each of them. Knowing each rule's possible first characters lets the tagger
try, at a position, only the alternation of the rules that may start there
(same order, so the same rule wins). The answer is a superset: anything the
walker does not understand counts as "any character".
"""
from __future__ import annotations

try:  # Python >= 3.11
    import re._constants as _c
    import re._parser as _parser
    from re._casefix import _EXTRA_CASES
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]
    from sre_compile import _ignorecase_fixes as _EXTRA_CASES  # type: ignore[no-redef]

ANY = None  # "may begin with any character"
_MAX_RANGE = 512  # wider character ranges count as ANY
_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT} | ({_c.POSSESSIVE_REPEAT} if hasattr(_c, "POSSESSIVE_REPEAT") else set())
_DIGITS = frozenset("0123456789")


def first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Lower-cased characters a match of ``pattern`` may begin with (None: any,
    or the pattern may match the empty string)."""
    chars, nullable = _sequence(_parser.parse(pattern, flags))
    return None if nullable else chars


def _fold(code: int) -> frozenset[str]:
    """The lower-cased character and those IGNORECASE also takes for it ("s", "ſ")."""
    low = chr(code).lower()
    extra = _EXTRA_CASES.get(ord(low), ()) if len(low) == 1 else ()
    return frozenset({low, *map(chr, extra)})


def _union(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    return None if a is None or b is None else a | b


def _sequence(items) -> tuple[frozenset[str] | None, bool]:
    """First characters of a sequence of items, and whether it may match empty."""
    chars: frozenset[str] | None = frozenset()
    for op, av in items:
        first, nullable = _item(op, av)
        chars = _union(chars, first)
        if chars is None:
            return ANY, False
        if not nullable:
            return chars, False
    return chars, True


def _item(op, av) -> tuple[frozenset[str] | None, bool]:
    if op in _ZERO_WIDTH:
        return frozenset(), True  # lookarounds and \b: the next item begins the match
    if op == _c.LITERAL:
        return _fold(av), False
    if op == _c.IN:
        return _charset(av), False
    if op == _c.SUBPATTERN:
        return _sequence(av[-1])
    if hasattr(_c, "ATOMIC_GROUP") and op == _c.ATOMIC_GROUP:
        return _sequence(av)
    if op == _c.BRANCH:
        chars: frozenset[str] | None = frozenset()
        nullable = False
        for branch in av[1]:
            first, empty = _sequence(branch)
            chars, nullable = _union(chars, first), nullable or empty
        return chars, nullable
    if op in _REPEATS:
        low, _, body = av
        first, nullable = _sequence(body)
        return first, nullable or low == 0
    return ANY, False  # ANY, NOT_LITERAL, GROUPREF...: anything


def _charset(items) -> frozenset[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op == _c.LITERAL:
            chars |= _fold(av)
        elif op == _c.RANGE:
            low, high = av
            if high - low > _MAX_RANGE:
                return ANY
            for code in range(low, high + 1):
                chars |= _fold(code)
        elif op == _c.CATEGORY and av in (_c.CATEGORY_DIGIT, getattr(_c, "CATEGORY_UNI_DIGIT", None)):
            chars |= _DIGITS  # other scripts' digits fall back to the full regex (see tagger)
        else:
            return ANY  # NEGATE, \w, \s...
    return frozenset(chars)
