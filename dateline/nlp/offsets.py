"""The parser's copy of an article's text, and the map back to the original.

Typographic apostrophes, quotes and spaces confuse the French tokenizer and
lemmatizer ("l’Iran", "«Scuderia»"), so the parser reads a normalised copy.
Every offset that leaves the pipeline goes through ``OffsetMap`` so that it
slices the article's original text exactly.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# One original character -> its replacement for the parser (may be longer).
REPLACEMENTS: dict[str, str] = {
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'",
    "\u00ab": '"', "\u00bb": '"', "\u201c": '"', "\u201d": '"', "\u201e": '"',
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ",
    "\u2026": "...",
    "\u2013": "-", "\u2014": "-", "\u2011": "-",
}


@dataclass(frozen=True)
class OffsetMap:
    """Maps character offsets of the normalised text back to the original text."""

    starts: tuple[int, ...]  # original offset of each normalised character (+ final sentinel)
    ends: tuple[int, ...]  # original end offset of each normalised character
    identity: bool  # offsets are the same in both texts
    text_changed: bool = True  # the parser's text differs from the original (quotes to re-slice)

    def start(self, i: int) -> int:
        """Original offset where the normalised character ``i`` begins."""
        return i if self.identity else self.starts[min(max(i, 0), len(self.starts) - 1)]

    def end(self, i: int) -> int:
        """Original offset where a normalised span ending (exclusively) at ``i`` ends."""
        if self.identity:
            return i
        if i <= 0:
            return 0
        return self.ends[min(i, len(self.ends)) - 1]

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.start(start), self.end(end)


# Replacements of one character by one keep every offset: a text needing no other
# maps back by identity. ``str.replace`` per character present is some twenty times
# faster than ``str.translate`` with a table (a dict lookup per character).
_ONE_FOR_ONE = tuple((k, v) for k, v in REPLACEMENTS.items() if len(v) == 1)
_LONGER = re.compile("|".join(re.escape(k) for k, v in REPLACEMENTS.items() if len(v) != 1))


def _replace_one_for_one(text: str) -> str:
    for char, rep in _ONE_FOR_ONE:
        if char in text:
            text = text.replace(char, rep)
    return text


def normalise(text: str) -> tuple[str, OffsetMap]:
    """The parser's copy of ``text`` and the map from its offsets to ``text``'s."""
    longer = list(_LONGER.finditer(text))
    if not longer:
        copy = _replace_one_for_one(text)
        return copy, OffsetMap((), (), identity=True, text_changed=copy != text)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for m in longer:  # the text between two longer replacements maps one to one
        at = m.start()
        out.append(_replace_one_for_one(text[pos:at]))
        starts.extend(range(pos, at))
        ends.extend(range(pos + 1, at + 1))
        rep = REPLACEMENTS[m.group()]
        out.append(rep)
        starts.extend([at] * len(rep))
        ends.extend([at + 1] * len(rep))
        pos = m.end()
    out.append(_replace_one_for_one(text[pos:]))
    starts.extend(range(pos, len(text)))
    ends.extend(range(pos + 1, len(text) + 1))
    starts.append(len(text))
    return "".join(out), OffsetMap(tuple(starts), tuple(ends), identity=False)
