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

from ..nlp.doccache import lemmas, lower_forms, pos_tags, sentence_index, sentences, token_table
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
        for start, form, guessed in anchors:
            for entry in self.by_anchor.get(form, ()):
                idx = _rest(doc, start, entry, self.later_forms[entry.pattern])
                if idx is None:
                    continue
                head = doc[idx[entry.head]]
                if entry.pos and head.pos_ not in entry.pos and not (
                        "VERB" in entry.pos and (guessed or _participle(head))):
                    continue
                trig = Trigger(doc[idx[0]: idx[-1] + 1], head, entry, tuple(idx))
                if keep is None or keep(trig):
                    found.append(trig)
        return _longest(found)


    def _participles(self, doc: Doc) -> list[tuple[int, str, bool]]:
        """Past participles the lemmatiser left as such ("empoisonné" -> "empoisonné"):
        their -er infinitive, when the lexicon knows it."""
        out = []
        for i, (low, lemma, pos) in enumerate(zip(lower_forms(doc), lemmas(doc), pos_tags(doc))):
            # The cheap tests first: most words are no participle.
            if pos not in ("ADJ", "NOUN", "VERB") or not low.endswith(PARTICIPLE_ENDINGS) or lemma in self.by_anchor:
                continue
            for suffix in PARTICIPLE_ENDINGS:
                if low.endswith(suffix) and len(low) > len(suffix) + 2:
                    guess = low[: -len(suffix)] + "er"
                    if guess in self.by_anchor:
                        out.append((i, guess, True))
                    break
        return out


def _participle(tok: Token) -> bool:
    """A verb the tagger took for an adjective ("aurait été empoisonné")."""
    return tok.pos_ == "ADJ" and tok.lemma_.endswith(("er", "ir", "re"))


# Longest first: "-ées" before "-é".
PARTICIPLE_ENDINGS = ("ées", "és", "ée", "é")


def _rest(doc: Doc, start: int, entry: TriggerEntry, later: tuple[frozenset[str], ...]) -> list[int] | None:
    """Token indices of the entry's words from ``start``, each within ``gap`` tokens of the
    last; ``later`` holds the forms of the entry's words after the first."""
    idx = [start]
    if not later:
        return idx
    sent_end = sentences(doc)[sentence_index(doc, start)].end
    table = token_table(doc)
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
