"""How sure the text is that an act happened (EVENTS.md section 2, ``modality``).

Mechanisms, in order of precedence:

1. negation of the trigger's clause ("ne ... pas", "aucun accord", "sans que",
   a governing "échouer"/"renoncer") -> ``negated``;
2. a condition or open question ("si ...", "reste à savoir si", "?") -> ``hypothetical``;
3. a governing word from the cues ("veut", "prévoit de", "pourrait", "projet de",
   "se verrait bien") -> its modality, unless in a past tense that realises it;
4. the verb's morphology: the conditional on a compound past ("aurait été
   arrêté") or hearsay ("dit-on") -> ``alleged``; Tense=Fut -> ``future``;
5. otherwise ``asserted``.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .lexicon import ModalityCues
from ..nlp.doccache import (child_indices, dependency_tree, lemma_lowers, lemmas, lower_forms, morph_values, sentence_of, space_flags,
                            token_table)
from .syntax import child_ids, children, dep, governors, subtree_ids


@dataclass(frozen=True)
class ModalityCall:
    modality: str
    cue: str | None = None  # the word that decided, for confidence and debugging


def _auxes(verb: Token) -> list[Token]:
    return children(verb, "aux", "cop")


def _morph(tok: Token, feat: str) -> list[str]:
    return morph_values(tok.doc, tok.i, feat)


class ModalityClassifier:
    """``classify(trigger_head, verb) -> ModalityCall`` with one language's cues."""

    def __init__(self, cues: ModalityCues):
        self.cues = cues

    def classify(self, head: Token, verb: Token) -> ModalityCall:
        chain = [head] + ([verb] if verb is not head else [])
        chain += [g for g in governors(verb) if g not in chain]
        neg = self._negation(head, verb, _own_clause(chain))
        if neg:
            return ModalityCall("negated", neg)
        hyp = self._hypothetical(chain)
        if hyp:
            return ModalityCall("hypothetical", hyp)
        gov = self._governor(chain[1:] if verb is head else chain[2:], head, verb)
        if gov:
            return gov
        return self._morphology(verb)

    # --- 1. negation -----------------------------------------------------------------

    def _negated_clause(self, tok: Token) -> str | None:
        # Token indices and the per-Doc columns: this runs on up to three words per act.
        doc = tok.doc
        _, labels, kids_of = dependency_tree(doc)
        lowers = lower_forms(doc)
        kids = kids_of[tok.i]
        negation_words = self.cues.negation_words
        has_ne = any(lowers[k] in ("ne", "n'") for k in kids) or any(
            lowers[k] in ("ne", "n'") for a in child_ids(tok, "aux", "cop") for k in kids_of[a])
        words = [k for k in kids if lowers[k] in negation_words and labels[k] in ("advmod", "det", "nsubj", "obj", "nsubj:pass")]
        # "aucun accord ne soit signé": the negative determiner sits on an argument.
        words += [d for k in child_ids(tok, "nsubj", "obj") for d in kids_of[k]
                  if lowers[d] in negation_words and labels[d] == "det"]
        if words and (has_ne or any(lowers[w] in ("aucun", "aucune", "nul", "nulle") for w in words)):
            return lowers[words[0]]
        if has_ne and any(lowers[k] in ("jamais", "plus", "pas", "rien", "personne", "ni")
                          for k in subtree_ids(tok) if k > tok.i - 4):
            return "ne"
        marks = [k for k in kids if labels[k] in ("mark", "case") and lowers[k] in self.cues.negation_marks]
        return lowers[marks[0]] if marks else None

    def _negation(self, head: Token, verb: Token, chain: list[Token]) -> str | None:
        lowers = lower_forms(head.doc)
        for det in child_ids(head, "det"):  # "aucun accord"
            low = lowers[det]
            if low in self.cues.negation_words and low.startswith(("aucun", "nul")):
                return low
        for tok in chain[:3]:
            cue = self._negated_clause(tok)
            if cue:
                return cue
        lemma_lower = lemma_lowers(head.doc)
        for gov in chain[1:]:
            if lemma_lower[gov.i] in self.cues.negating_governors:
                return lemmas(head.doc)[gov.i]
        return None

    # --- 2. conditions and questions -------------------------------------------------

    def _hypothetical(self, chain: list[Token]) -> str | None:
        doc = chain[0].doc
        lowers = lower_forms(doc)
        for tok in chain:
            for k in child_ids(tok, "mark"):
                if lowers[k] in self.cues.hypothetical_marks:
                    return lowers[k]
        sent = sentence_of(chain[0])
        spaces = space_flags(doc)
        # The sentence's last word that is not white space ("?" is its own lower-case form).
        last = next((i for i in range(sent.end - 1, sent.start - 1, -1) if not spaces[i]), None)
        if last is not None and lowers[last] == "?":
            return "?"
        return None

    # --- 3. governing words ----------------------------------------------------------

    def _governor(self, govs: list[Token], head: Token, verb: Token) -> ModalityCall | None:
        for tok in [verb] + govs if verb is not head else govs:
            lemmas = lemma_lowers(tok.doc)
            lemma = lemmas[tok.i]
            refl = any(lemmas[c] == "se" for c in child_indices(tok.doc)[tok.i])
            mod = self.cues.reflexive_governors.get(lemma) if refl else None
            mod = mod or self.cues.governors.get(lemma)
            if mod is None:
                continue
            if lemma in self.cues.realized_in_past and self._past(tok):
                return None
            return ModalityCall(mod, lemma)
        return None

    @staticmethod
    def _past(tok: Token) -> bool:
        """Passé composé, passé simple or plus-que-parfait ("a dû", "dut", "avait pu")."""
        if "Past" in _morph(tok, "Tense") and "Fin" in _morph(tok, "VerbForm"):
            return True
        if "Part" in _morph(tok, "VerbForm"):
            return any("Ind" in _morph(a, "Mood") for a in _auxes(tok))
        return False

    # --- 4. morphology ---------------------------------------------------------------

    def _morphology(self, verb: Token) -> ModalityCall:
        doc = verb.doc
        forms = [verb.i] + child_ids(verb, "aux", "cop")  # the verb and its auxiliaries
        sent, lowers = sentence_of(verb), lower_forms(doc)
        if not self.cues.hearsay.isdisjoint(lowers[max(sent.start, verb.i - 7): min(sent.end, verb.i + 8)]):
            return ModalityCall("alleged", "hearsay")
        if any("Cnd" in morph_values(doc, t, "Mood") or self._tense_by_ending(doc, t) == "cnd" for t in forms):
            # The journalistic conditional states a reported act under reserve.
            return ModalityCall("alleged", "conditionnel")
        if any("Fut" in morph_values(doc, t, "Tense") or self._tense_by_ending(doc, t) == "fut" for t in forms):
            return ModalityCall("future", "futur")
        return ModalityCall("asserted")

    def _tense_by_ending(self, doc: Doc, i: int) -> str | None:
        """"fut" or "cnd" when the form of token ``i`` is the verb's future stem plus an ending of that tense."""
        table = token_table(doc)
        if table.pos[i] not in ("VERB", "AUX") or "Part" in morph_values(doc, i, "VerbForm") \
                or "Inf" in morph_values(doc, i, "VerbForm"):
            return None
        lemma, form = table.lemma_lowers[i], table.lowers[i]
        stem = self.cues.irregular_stems.get(lemma) or (lemma[:-1] if lemma.endswith("re") else lemma)
        stem = stem[:-1] if stem.endswith("r") else stem  # endings below start with the r
        if not form.startswith(stem):
            return None
        rest = form[len(stem):]
        if rest in self.cues.conditional_endings:
            return "cnd"
        if rest in self.cues.future_endings:
            return "fut"
        return None


def _own_clause(chain: list[Token]) -> list[Token]:
    """The chain up to a coordinated clause with its own subject: "le Japon n'a pas réagi,
    mais la Chine a condamné le tir" does not negate the condemnation."""
    out = chain[:1]
    for prev, tok in zip(chain, chain[1:]):
        if dep(prev) == "conj" and prev.head.i == tok.i and children(prev, "nsubj", "nsubj:pass"):
            break
        out.append(tok)
    return out
