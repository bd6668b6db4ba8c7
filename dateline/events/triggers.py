"""Find the words that state an act: lexicon lemma sequences, anchored by a spaCy PhraseMatcher.

Each lexicon entry is a sequence of lemmas, its words at most ``gap`` tokens
apart, so that light-verb and multiword forms match ("a effectué une visite", "accorder
l'asile politique", "mettre fin à"). Overlapping matches keep the longest, so
"manifester son opposition" beats "manifester".
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from ..nlp.doccache import TokenTable, lemmas, lower_forms, pos_tags, sentence_index, sentences, token_table
from .lexicon import TriggerEntry


@dataclass
class Trigger:
    """A matched trigger: its tokens, the token that carries the syntax, the entry."""

    span: Span
    head: Token
    entry: TriggerEntry
    words: tuple[int, ...] = ()  # the lexical tokens, without what the gaps hold

    @property
    def text(self) -> str:
        """The trigger words; "..." marks a gap ("accord ... signé")."""
        doc = self.span.doc
        gaps = [t for t in self.span if t.i not in self.words]
        if not self.words or all(t.pos_ in FUNCTION_POS for t in gaps):
            return self.span.text  # "accordé l'asile", "s'est entretenu"
        out: list[str] = []
        for k, i in enumerate(self.words):
            if k and i > self.words[k - 1] + 1:
                out.append("...")
            out.append(doc[i].text)
        return " ".join(out).replace("' ", "'")


FUNCTION_POS = ("DET", "ADP", "PRON", "AUX", "ADV", "CCONJ", "SCONJ")


def _forms(alts: tuple[str, ...]) -> list[str]:
    """A lemma and its capitalised form: a sentence-initial noun ("Sommet") may keep it."""
    return list(dict.fromkeys(alts + tuple(a[:1].upper() + a[1:] for a in alts)))


class TriggerMatcher:
    """Compiled once per lexicon: ``matcher(doc) -> list[Trigger]``.

    A PhraseMatcher on lemmas finds where an entry's first word occurs; the rest
    of the entry is then checked in a window of ``gap`` tokens per word. (A token
    Matcher with optional wildcards does the same, ten times slower.)
    """

    def __init__(self, vocab: Vocab, entries: tuple[TriggerEntry, ...]):
        self.vocab = vocab
        self.matcher = PhraseMatcher(vocab, attr="LEMMA")
        self.by_anchor: dict[str, list[TriggerEntry]] = {}
        for entry in entries:
            for form in _forms(entry.pattern[0]):
                self.by_anchor.setdefault(form, []).append(entry)
        # The forms each later word of a pattern may take, spelled out once.
        self.later_forms = {e.pattern: tuple(frozenset(_forms(alts)) for alts in e.pattern[1:]) for e in entries}
        for form in self.by_anchor:
            words = form.split()
            self.matcher.add(form, [Doc(vocab, words=words, lemmas=words)])

    def __call__(self, doc: Doc, keep: Callable[[Trigger], bool] | None = None) -> list[Trigger]:
        """Non-overlapping triggers; ``keep`` (e.g. the entries' syntactic requirements)
        is applied before overlaps are settled, so that a sense that fails leaves room
        for another ("se rendre" visit / surrender)."""
        found = []
        anchors = [(start, self.vocab.strings[key], False) for key, start, _ in self.matcher(doc)]
        anchors += self._participles(doc)
        table = token_table(doc)
        pos = table.pos
        for start, form, guessed in anchors:
            sent_end = None  # of the anchor's sentence, found when an entry has later words
            for entry in self.by_anchor.get(form, ()):
                later = self.later_forms[entry.pattern]
                if later and sent_end is None:
                    sent_end = sentences(doc)[sentence_index(doc, start)].end
                idx = _rest(table, start, entry, later, sent_end)
                if idx is None:
                    continue
                h = idx[entry.head]
                # The part of speech is read from the table: a Token is built only for a match.
                if entry.pos and pos[h] not in entry.pos and not (
                        "VERB" in entry.pos and (guessed or _participle(table, h))):
                    continue
                trig = Trigger(doc[idx[0]: idx[-1] + 1], doc[h], entry, tuple(idx))
                if keep is None or keep(trig):
                    found.append(trig)
        return _longest(found)


    def _participles(self, doc: Doc) -> list[tuple[int, str, bool]]:
        """Past participles the lemmatiser left as such ("empoisonné" -> "empoisonné"):
        their -er infinitive, when the lexicon knows it."""
        lowers = lower_forms(doc)
        # The guess depends on the form only: worked out once per distinct form of the Doc.
        guesses = {low: guess for low in set(lowers) if (guess := self._infinitive(low)) is not None}
        if not guesses:
            return []
        lemma, pos = lemmas(doc), pos_tags(doc)
        return [(i, guesses[low], True) for i, low in enumerate(lowers)
                if low in guesses and pos[i] in ("ADJ", "NOUN", "VERB") and lemma[i] not in self.by_anchor]

    def _infinitive(self, low: str) -> str | None:
        """The -er infinitive the lexicon knows whose past participle ``low`` is, if any."""
        if not low.endswith(PARTICIPLE_ENDINGS):
            return None
        for suffix in PARTICIPLE_ENDINGS:
            if low.endswith(suffix) and len(low) > len(suffix) + 2:
                guess = low[: -len(suffix)] + "er"
                return guess if guess in self.by_anchor else None
        return None


def _participle(table: TokenTable, i: int) -> bool:
    """Whether token ``i`` is a verb the tagger took for an adjective ("aurait été empoisonné")."""
    return table.pos[i] == "ADJ" and table.lemmas[i].endswith(("er", "ir", "re"))


# Longest first: "-ées" before "-é".
PARTICIPLE_ENDINGS = ("ées", "és", "ée", "é")


def _rest(table: TokenTable, start: int, entry: TriggerEntry, later: tuple[frozenset[str], ...],
          sent_end: int | None) -> list[int] | None:
    """Token indices of the entry's words from ``start``, each within ``gap`` tokens of the
    last and before ``sent_end`` (the end of ``start``'s sentence; unused without later
    words); ``later`` holds the forms of the entry's words after the first."""
    idx = [start]
    if not later:
        return idx
    lemma, lower, punct = table.lemmas, table.lowers, table.punct
    for forms in later:
        nxt = None
        for j in range(idx[-1] + 1, min(idx[-1] + 2 + entry.gap, sent_end)):
            if lemma[j] in forms or lower[j] in forms:
                nxt = j
                break
            if punct[j]:
                break
        if nxt is None:
            return None
        idx.append(nxt)
    return idx


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
