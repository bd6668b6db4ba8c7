"""Numbers written in digits, words or Roman numerals.

The word lexicon (units, tens, multipliers) is language data
(``lang/<lang>/time/numbers.toml``); compounds are computed here, never
listed: "vingt-deux", "quatre-vingt-dix-sept", "deux mille dix-neuf".
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .trie import trie_regex

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_SPLIT = re.compile(r"[\s\-\u2011]+")


@dataclass(frozen=True)
class NumberLexicon:
    """The atoms of a language's number words."""

    units: dict[str, int]
    tens: dict[str, int]
    multipliers: dict[str, int]
    vigesimal: str = ""
    joiners: tuple[str, ...] = ()
    ordinal_suffixes: tuple[str, ...] = ()
    fuzzy: tuple[str, ...] = field(default=())

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> "NumberLexicon":
        """Build from the ``[numbers]`` table of numbers.toml."""
        return cls(
            units={k.lower(): int(v) for k, v in data.get("units", {}).items()},
            tens={k.lower(): int(v) for k, v in data.get("tens", {}).items()},
            multipliers={k.lower(): int(v) for k, v in data.get("multipliers", {}).items()},
            vigesimal=str(data.get("vigesimal", "")).lower(),
            joiners=tuple(w.lower() for w in data.get("joiners", ())),
            ordinal_suffixes=tuple(data.get("ordinal_suffixes", ())),
            fuzzy=tuple(w.lower() for w in data.get("fuzzy", ())),
        )

    def words(self) -> list[str]:
        """Every atom, longest first (for building a regex alternation)."""
        return sorted({*self.units, *self.tens, *self.multipliers}, key=len, reverse=True)

    def word_pattern(self) -> str:
        """A regex (no groups) matching one number written in words."""
        atom = trie_regex(self.words())
        join = "".join(f"|\\s+{re.escape(j)}\\s+|-{re.escape(j)}-" for j in self.joiners)
        return rf"(?:{atom})(?:(?:[\-\s]{join})(?:{atom}))*"


def parse_words(text: str, lex: NumberLexicon) -> int | None:
    """The value of a number in words ("quatre-vingt-dix-sept" -> 97), None if it is not one."""
    words = [w for w in _SPLIT.split(text.strip().lower()) if w and w not in lex.joiners]
    if not words:
        return None
    total, current, last_small = 0, 0, None
    for word in words:
        if word in lex.units or word in lex.tens:
            value = lex.units.get(word, lex.tens.get(word))
            if value == 20 and lex.vigesimal and current % 100 == lex.units.get(lex.vigesimal, -1):
                current += 80 - current % 100  # quatre-vingt = 4 x 20
            elif last_small is not None and last_small < 10 and value < 100:
                return None  # "deux trois" is not a number
            elif last_small is not None and last_small >= 10 and value >= 10 and last_small % 10 == 0 and last_small not in (20, 60, 80):
                return None  # "trente vingt"
            else:
                current += value
            last_small = value
        elif word in lex.multipliers:
            factor = lex.multipliers[word]
            if factor == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * factor
                current = 0
            last_small = None
        else:
            return None
    return total + current


def parse_roman(text: str) -> int | None:
    """The value of a Roman numeral ("XXI" -> 21), None when it is not a well-formed one."""
    s = text.strip().upper()
    if not s or any(c not in _ROMAN for c in s):
        return None
    total = 0
    for i, c in enumerate(s):
        v = _ROMAN[c]
        total += -v if i + 1 < len(s) and _ROMAN[s[i + 1]] > v else v
    return total if to_roman(total) == s else None


def to_roman(n: int) -> str:
    """Canonical Roman numeral of ``n`` (1..3999)."""
    out = []
    for v, s in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                 (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out.append(s)
            n -= v
    return "".join(out)


def parse_number(text: str, lex: NumberLexicon) -> float | int | None:
    """Digits ("12", "30,4", "1er"), words ("vingt-deux") or Roman numerals ("XX") -> value."""
    s = text.strip()
    for suffix in sorted(lex.ordinal_suffixes, key=len, reverse=True):
        if s.lower().endswith(suffix) and s[: -len(suffix)].strip():
            head = s[: -len(suffix)].strip()
            if head.isdigit() or parse_roman(head) is not None:
                s = head
                break
    digits = s.replace("\u202f", "").replace("\xa0", "").replace(" ", "").replace(".", "")
    if re.fullmatch(r"\d+", digits):
        return int(digits)
    if re.fullmatch(r"\d+,\d+", s):
        return float(s.replace(",", "."))
    if re.fullmatch(r"[IVXLCDM]+", s):
        return parse_roman(s)
    return parse_words(s, lex)
