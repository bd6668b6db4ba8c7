"""The parser's copy of an article's text, and the map back to the original.

Typographic apostrophes, quotes and spaces confuse the French tokenizer and
lemmatizer ("l’Iran", "«Scuderia»"), so the parser reads a normalised copy.
Every offset that leaves the pipeline goes through ``OffsetMap`` so that it
slices the article's original text exactly.
"""
from __future__ import annotations

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
# is translated in one pass and maps back by identity.
_ONE_FOR_ONE = str.maketrans({k: v for k, v in REPLACEMENTS.items() if len(v) == 1})
_LONGER = tuple(k for k, v in REPLACEMENTS.items() if len(v) != 1)


def normalise(text: str) -> tuple[str, OffsetMap]:
    """The parser's copy of ``text`` and the map from its offsets to ``text``'s."""
    if not any(ch in text for ch in _LONGER):
        copy = text.translate(_ONE_FOR_ONE)
        return copy, OffsetMap((), (), identity=True, text_changed=copy != text)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for i, ch in enumerate(text):
        rep = REPLACEMENTS.get(ch, ch)
        out.append(rep)
        starts.extend([i] * len(rep))
        ends.extend([i + 1] * len(rep))
    starts.append(len(text))
    return "".join(out), OffsetMap(tuple(starts), tuple(ends), identity=False)
