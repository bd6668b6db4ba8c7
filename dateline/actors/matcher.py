"""Dictionary matching of knowledge-base forms over a text, word by word.

Independent of spaCy's tokenisation (which splits "Kim Jong-un" differently
from one sentence to the next): the text is cut into folded words and the
longest known word sequence wins at each position, left to right.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress

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
        # the forms as a word trie: word -> (entries of the form ending here, next words)
        self.trie: dict[str, tuple[list[LexEntry], dict]] = {}
        for k, entries in self.index.items():
            children = self.trie
            for n, word in enumerate(k):
                node = children.setdefault(word, ([], {}))
                if n == len(k) - 1:
                    node[0].extend(entries)
                children = node[1]

    def __call__(self, text: str) -> list[Match]:
        """Non-overlapping matches, left to right, longest first at each position."""
        ws = list(WORD.finditer(text))  # the words of text.words(), spans read when needed
        keys = list(map(fold, map(re.Match.group, ws)))
        out: list[Match] = []
        after = 0  # the word after the last match
        # only words that begin a known form can start a match (picked out in C, not word by word)
        for i in compress(range(len(keys)), map(self.trie.__contains__, keys)):
            if i < after:
                continue
            for length, entries in reversed(self._forms_at(keys, i)):
                start, end = ws[i].start(), ws[i + length - 1].end()
                surface = text[start:end]
                ok = [e for e in entries if case_ok(e.case, surface, e.form)
                      and (e.case != "any" or _plain(surface) == _plain(e.form))]
                if ok:
                    out.append(Match(start, end, surface, ok))
                    after = i + length
                    break
        return out

    def _forms_at(self, keys: list[str], i: int) -> list[tuple[int, list[LexEntry]]]:
        """(length, entries) of the known forms the words from ``i`` on begin with, shortest first."""
        found = []
        node = self.trie.get(keys[i])
        j = i + 1
        while node is not None:
            entries, children = node
            if entries:
                found.append((j - i, entries))
            if j >= len(keys):
                break
            node = children.get(keys[j])
            j += 1
        return found
