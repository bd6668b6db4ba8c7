"""Dictionary matching of knowledge-base forms over a text, word by word.

Independent of spaCy's tokenisation (which splits "Kim Jong-un" differently
from one sentence to the next): the text is cut into folded words and the
longest known word sequence wins at each position, left to right.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .kb import KnowledgeBase, LexEntry
from .text import WORD, case_ok, fold, key


@lru_cache(maxsize=65536)
def _plain(text: str) -> str:
    """Lower case with accents kept: common words must match exactly ("jugé" is no "juge")."""
    # Capitals often lose their accents in print ("Etat"), lower-case letters never do.
    text = "".join(fold(c) if c.isupper() else c for c in text.replace("’", "'"))
    return " ".join(_SEP.split(text.lower())).strip()


_SEP = re.compile(r"[\s'\-]+")


@dataclass
class Match:
    """A span of text whose words are a known form."""

    start: int
    end: int
    text: str
    entries: list[LexEntry]

    def of(self, *kinds: str) -> list[LexEntry]:
        """The entries of the given kinds."""
        return [e for e in self.entries if e.kind in kinds]

    @property
    def kinds(self) -> set[str]:
        return {e.kind for e in self.entries}


class DictMatcher:
    """Longest-match lookup of every form of a knowledge base (plus extra place names)."""

    def __init__(self, kb: KnowledgeBase, place_names: list[str] = ()) -> None:
        self.index: dict[tuple[str, ...], list[LexEntry]] = {k: list(v) for k, v in kb.lexicon.items()}
        for name in place_names:
            k = key(name)
            if k:
                entry = LexEntry("place", " ".join(k), name, "any" if name[:1].islower() else "cap")
                bucket = self.index.setdefault(k, [])
                if entry not in bucket:
                    bucket.append(entry)
        self.first = {k[0] for k in self.index}
        self.max_len = max((len(k) for k in self.index), default=1)
        # every beginning of a known form: past the longest one at a position, no form fits
        self.prefixes = {k[:n] for k in self.index for n in range(1, len(k) + 1)}

    def __call__(self, text: str) -> list[Match]:
        """Non-overlapping matches, left to right, longest first at each position."""
        ws = list(WORD.finditer(text))  # the words of text.words(), spans read when needed
        keys = list(map(fold, map(re.Match.group, ws)))
        out: list[Match] = []
        i, n = 0, len(ws)
        while i < n:
            if keys[i] not in self.first:
                i += 1
                continue
            found = None
            for length in range(self._reach(keys, i), 0, -1):
                entries = self.index.get(tuple(keys[i:i + length]))
                if not entries:
                    continue
                start, end = ws[i].start(), ws[i + length - 1].end()
                surface = text[start:end]
                ok = [e for e in entries if case_ok(e.case, surface, e.form)
                      and (e.case != "any" or _plain(surface) == _plain(e.form))]
                if ok:
                    found = (length, Match(start, end, surface, ok))
                    break
            if found:
                out.append(found[1])
                i += found[0]
            else:
                i += 1
        return out

    def _reach(self, keys: list[str], i: int) -> int:
        """How many words from ``i`` on still begin a known form (at least 1)."""
        reach = 1
        limit = min(self.max_len, len(keys) - i)
        while reach < limit and tuple(keys[i:i + reach + 1]) in self.prefixes:
            reach += 1
        return reach
