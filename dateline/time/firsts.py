"""The first few characters a regex's match can begin with, read from its parse tree.

The tagger tries its one big alternation at every candidate position; at a
given position most rules cannot even start with the characters there, yet
Python's engine tries each of them. Knowing each rule's possible beginnings
lets the tagger try, at a position, only the alternation of the rules that may
start there (same order, so the same rule wins).

A rule's beginnings are lower-cased strings of at most ``size`` characters; a
shorter one means "then anything" (the walker stopped there: the match may end,
or it reached something it does not enumerate, such as ``\\w`` or ``.``). The
answer is thus a superset of what the rule can match.
"""
from __future__ import annotations

import re
import re._constants as _c
import re._parser as _parser
from re._casefix import _EXTRA_CASES
from typing import Callable

_MAX_RANGE = 512  # wider character ranges are not enumerated
_MAX_STRINGS = 20_000  # more beginnings than this: look at fewer characters
_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT}
_DIGITS = frozenset("0123456789")
# ``\s`` is str.isspace(); no space character lies beyond U+3000
_SPACES = frozenset(ch for ch in map(chr, range(0x3001)) if ch.isspace())
_OPEN: frozenset[str] = frozenset({""})  # "anything from here on"


class _TooMany(Exception):
    """The beginnings do not fit in _MAX_STRINGS."""


def beginnings(pattern: str, flags: int, size: int) -> frozenset[str] | None:
    """Lower-cased strings of at most ``size`` characters, one of which begins every
    match of ``pattern`` (a shorter string: any continuation); None when the
    pattern may begin with anything. IGNORECASE patterns only: a position's
    characters are compared lower-cased."""
    tree = _parser.parse(pattern, flags)
    for width in range(size, 0, -1):
        try:
            grow, done = _sequence(list(tree), width)
        except _TooMany:
            continue
        out = frozenset(grow | done)
        return None if "" in out else out
    return None


def _fold(code: int) -> frozenset[str]:
    """The lower-cased character and those IGNORECASE also takes for it ("s", "ſ")."""
    low = chr(code).lower()
    extra = _EXTRA_CASES.get(ord(low), ()) if len(low) == 1 else ()
    return frozenset({low, *map(chr, extra)})


def _check(strings: set[str]) -> set[str]:
    if len(strings) > _MAX_STRINGS:
        raise _TooMany
    return strings


def _sequence(items, room: int) -> tuple[set[str], set[str]]:
    """What a sequence of items can begin with in ``room`` characters: the strings it
    can consume entirely (shorter than ``room``) and the finished beginnings
    (``room`` long, or shorter when anything may follow)."""
    grow: set[str] = {""}
    done: set[str] = set()
    for op, av in items:
        next_grow: set[str] = set()
        for head in grow:
            item_grow, item_done = _item(op, av, room - len(head))
            next_grow.update(head + s for s in item_grow)
            done.update(head + s for s in item_done)
        grow = _check(next_grow)
        _check(done)
        if not grow:
            break
    return grow, done


def _chars(chars: frozenset[str] | None, room: int) -> tuple[set[str], set[str]]:
    if chars is None:
        return set(), set(_OPEN)
    return (set(), set(chars)) if room == 1 else (set(chars), set())


def _item(op, av, room: int) -> tuple[set[str], set[str]]:
    if op in _ZERO_WIDTH:
        return {""}, set()  # lookarounds and \b: the next item begins the match
    if op == _c.LITERAL:
        return _chars(_fold(av), room)
    if op == _c.IN:
        return _chars(_charset(av), room)
    if op == _c.SUBPATTERN:
        return _sequence(av[-1], room)
    if op == _c.ATOMIC_GROUP:
        return _sequence(av, room)
    if op == _c.BRANCH:
        grow: set[str] = set()
        done: set[str] = set()
        for branch in av[1]:
            g, d = _sequence(branch, room)
            grow |= g
            done |= d
        return grow, done
    if op in _REPEATS:
        return _repeat(av, room)
    return set(), set(_OPEN)  # ANY, NOT_LITERAL, GROUPREF...: anything


def _repeat(av, room: int) -> tuple[set[str], set[str]]:
    low, high, body = av
    current: set[str] = {""}
    grow: set[str] = {""} if low == 0 else set()
    done: set[str] = set()
    count = 0
    while count < high and current:
        count += 1
        following: set[str] = set()
        for head in current:
            g, d = _sequence(body, room - len(head))
            following.update(head + s for s in g)
            done.update(head + s for s in d)
        _check(done)
        if following == current:  # a nullable body adds nothing more
            grow |= following
            break
        current = _check(following)
        if count >= low:
            grow |= current
    return grow, done


def _charset(items) -> frozenset[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op == _c.LITERAL:
            chars |= _fold(av)
        elif op == _c.RANGE:
            low, high = av
            if high - low > _MAX_RANGE:
                return None
            for code in range(low, high + 1):
                chars |= _fold(code)
        elif op == _c.CATEGORY and av in (_c.CATEGORY_DIGIT, _c.CATEGORY_UNI_DIGIT):
            chars |= _DIGITS  # other scripts' digits: the tagger falls back to the full regex
        elif op == _c.CATEGORY and av in (_c.CATEGORY_SPACE, _c.CATEGORY_UNI_SPACE):
            chars |= _SPACES
        else:
            return None  # NEGATE, \w...
    return frozenset(chars)


class Dispatch:
    """For a position of a text, the alternation of just the rules that may begin there.

    ``starts[i]`` is rule ``i``'s :func:`beginnings` (rules in alternation order);
    ``build`` compiles the alternation of a tuple of rule indices, in that order,
    and ``full`` is the alternation of them all (used where characters are not
    plainly comparable lower-cased, such as digits of other scripts).
    """

    def __init__(self, starts: list[frozenset[str] | None], size: int,
                 build: Callable[[tuple[int, ...]], re.Pattern], full: re.Pattern) -> None:
        self.size = size
        self.full = full
        compiled: dict[tuple[int, ...], re.Pattern] = {tuple(range(len(starts))): full}
        anywhere = {i for i, b in enumerate(starts) if b is None}
        by_string: dict[str, set[int]] = {}
        for i, b in enumerate(starts):
            for s in b or ():
                by_string.setdefault(s, set()).add(i)
        # tables[j]: j-character beginnings -> alternation of the rules one of whose
        # beginnings (at most j long) they start with
        self.tables: list[dict[str, re.Pattern]] = []
        for width in range(size + 1):
            table = {}
            for key in sorted({s[:width] for s in by_string if len(s) >= width}):
                rules = anywhere.union(*(by_string.get(key[:n], ()) for n in range(width + 1)))
                subset = tuple(sorted(rules))
                if subset not in compiled:
                    compiled[subset] = build(subset)
                table[key] = compiled[subset]
            self.tables.append(table)

    def at(self, text: str, pos: int) -> re.Pattern:
        """The alternation to try at ``pos``."""
        raw = text[pos:pos + self.size]
        low = raw.lower()
        if len(low) != len(raw) or not (raw.isascii() or _plain(raw)):
            return self.full
        for width in range(len(low), -1, -1):
            found = self.tables[width].get(low[:width])
            if found is not None:
                return found
        return self.full  # pragma: no cover - tables[0] always holds ""


def _plain(chars: str) -> bool:
    """No digits of other scripts (``\\d`` takes them; beginnings list only 0-9)."""
    return not any(ch.isdecimal() and not ch.isascii() for ch in chars)
