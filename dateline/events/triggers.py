"""Find the words that state an act: lexicon lemma patterns run by a spaCy Matcher.

Each lexicon entry becomes one Matcher pattern over lemmas, with optional gaps so
that light-verb and multiword forms match ("a effectué une visite", "accorder
l'asile politique", "mettre fin à"). Overlapping matches keep the longest, so
"manifester son opposition" beats "manifester".
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from .lexicon import TriggerEntry


@dataclass
class Trigger:
    """A matched trigger: its tokens, the token that carries the syntax, the entry."""

    span: Span
    head: Token
    entry: TriggerEntry

    @property
    def text(self) -> str:
        return self.span.text


def _token_pattern(alts: tuple[str, ...], pos: tuple[str, ...], first: bool) -> dict:
    # A sentence-initial or capitalised noun ("Sommet") may keep its capital in the lemma.
    forms = list(dict.fromkeys(alts + tuple(a[:1].upper() + a[1:] for a in alts)))
    spec: dict = {"LEMMA": {"IN": forms}}
    if pos and first:
        spec["POS"] = {"IN": list(pos)}
    return spec


def entry_pattern(entry: TriggerEntry) -> list[dict]:
    """The Matcher pattern of an entry (POS applies to its head token)."""
    pattern: list[dict] = []
    for i, alts in enumerate(entry.pattern):
        if i:
            pattern.extend({"IS_PUNCT": False, "OP": "?"} for _ in range(entry.gap))
        pattern.append(_token_pattern(alts, entry.pos, i == entry.head))
    return pattern


class TriggerMatcher:
    """Compiled once per lexicon: ``matcher(doc) -> list[Trigger]``."""

    def __init__(self, vocab: Vocab, entries: tuple[TriggerEntry, ...]):
        self.matcher = Matcher(vocab)
        self.entries: dict[str, TriggerEntry] = {}
        for entry in entries:
            self.entries[entry.id] = entry
            self.matcher.add(entry.id, [entry_pattern(entry)])

    def __call__(self, doc: Doc) -> list[Trigger]:
        found = []
        for key, start, end, align in self.matcher(doc, with_alignments=True):
            entry = self.entries[self.matcher.vocab.strings[key]]
            # Alignments map each matched token to a pattern slot; gap slots are skipped.
            slots = _slots(entry)
            head_slot = slots[entry.head]
            head_i = next((start + k for k, a in enumerate(align) if a == head_slot), start)
            # Do not let an optional gap swallow the edges: trim to the lexical tokens.
            lex = [start + k for k, a in enumerate(align) if a in slots]
            found.append(Trigger(doc[lex[0]: lex[-1] + 1], doc[head_i], entry))
        return _longest(found)


def _slots(entry: TriggerEntry) -> list[int]:
    """Pattern positions of the lexical tokens (between them sit ``gap`` optional slots)."""
    return [i * (entry.gap + 1) for i in range(len(entry.pattern))]


def _longest(found: list[Trigger]) -> list[Trigger]:
    """Keep non-overlapping triggers, more lexical tokens first, then earlier ones."""
    found.sort(key=lambda t: (-len(t.entry.pattern), -len(t.span), t.span.start))
    taken: set[int] = set()
    kept = []
    for trig in found:
        # Overlap is judged on the lexical tokens so that a gap may hold another trigger.
        toks = {trig.head.i} | {trig.span.start, trig.span.end - 1}
        if toks & taken:
            continue
        taken |= toks
        kept.append(trig)
    kept.sort(key=lambda t: t.span.start)
    return kept
