"""Sentence starts at line breaks: the first word of the Doc and the first word after each break."""
from __future__ import annotations

import pytest
import spacy

from dateline.nlp.blocks import BlockSplitter

TEXTS = [
    "Titre sans point\n\nPremier paragraphe. Deuxième phrase.",
    "\n\n  Titre précédé de blancs\r\n\r\nCorps du texte.\n",
    "Une ligne\nune autre ligne\n\n\n\nune dernière",
    "Pas de saut de ligne du tout.",
    "  \n \n  ",
    "",
    "Texte\u2028avec un séparateur de ligne\n\t\nsuivi d'une tabulation.",
]


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("fr")


def _scan(doc):
    """A token-by-token reading: the first word after a whitespace token holding a newline."""
    after_break = True
    for token in doc:
        if token.is_space:
            after_break = after_break or "\n" in token.text
            continue
        if after_break:
            token.is_sent_start = True
            after_break = False
    return doc


@pytest.mark.parametrize("text", TEXTS)
def test_starts_are_those_of_a_token_by_token_reading(nlp, text):
    ours = BlockSplitter()(nlp.make_doc(text))
    scanned = _scan(nlp.make_doc(text))
    assert ours.to_array("SENT_START").tolist() == scanned.to_array("SENT_START").tolist()


def test_a_headline_starts_the_sentence_after_it():
    nlp = spacy.blank("fr")
    doc = BlockSplitter()(nlp.make_doc("Kim et Trump à Hanoï\n\nLe sommet a échoué."))
    assert [t.text for t in doc if t.is_sent_start] == ["Kim", "Le"]
