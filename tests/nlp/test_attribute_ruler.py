"""The column-wise attribute ruler gives exactly what spaCy's own gives."""
from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from dateline.nlp import factories  # noqa: F401 - registers dateline_attribute_ruler
from dateline.nlp.attribute_ruler import ColumnAttributeRuler, use_column_attribute_ruler
from dateline.nlp.pipeline import MODEL

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
# Whitespace tokens are what the model's non-TAG rules are about.
ODD_TEXTS = ["", " ", "\n", "Bonjour   \n\n  le monde .  ", "a\tb", "  \n  Paris  \n\n\n", "\u00a0 \u2003 ok"]


@pytest.fixture(scope="module")
def models():
    spacy_own = spacy.load(MODEL)
    ours = spacy.load(MODEL)
    use_column_attribute_ruler(ours)
    return spacy_own, ours


def _sample_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))][:6]


def test_the_model_s_rules_are_evaluated_column_wise(models):
    spacy_own, ours = models
    ruler = ours.get_pipe("attribute_ruler")
    assert isinstance(ruler, ColumnAttributeRuler)
    assert ruler.patterns == spacy_own.get_pipe("attribute_ruler").patterns
    assert ruler._rule_tests() is not None  # every rule of the model has the one-token shape


@pytest.mark.parametrize("text", ODD_TEXTS)
def test_whitespace_and_empty_docs_come_out_identical(models, text):
    spacy_own, ours = models
    assert ours(text).to_bytes() == spacy_own(text).to_bytes()


def test_news_articles_come_out_identical(models):
    spacy_own, ours = models
    texts = _sample_texts()
    assert texts, "samples/ holds the project's articles"
    for text in texts:
        a, b = spacy_own(text), ours(text)
        assert [t.tag_ for t in b] == [t.tag_ for t in a]
        assert b.to_bytes() == a.to_bytes()


def _with_rules(nlp, rules):
    ruler = nlp.get_pipe("attribute_ruler")
    ruler.add_patterns(rules)
    return nlp


def test_a_later_rule_wins_and_other_attributes_are_set(models):
    # Fresh models: rules added here must not leak into the other tests.
    rules = [{"patterns": [[{"LOWER": {"IN": ["paris", "lyon"]}}]], "attrs": {"TAG": "VILLE", "MORPH": "Ville=Oui"}},
             {"patterns": [[{"ORTH": "Lyon"}]], "attrs": {"TAG": "LYON"}}]
    spacy_own = _with_rules(spacy.load(MODEL), rules)
    ours = spacy.load(MODEL)
    use_column_attribute_ruler(ours)
    _with_rules(ours, rules)
    text = "Le train relie Paris à Lyon en deux heures."
    a, b = spacy_own(text), ours(text)
    assert [t.tag_ for t in b] == [t.tag_ for t in a]
    assert b[5].tag_ == "LYON" and str(b[3].morph) == "Ville=Oui"
    assert b.to_bytes() == a.to_bytes()


def test_a_rule_of_another_shape_goes_through_spacy_s_own_path():
    rules = [{"patterns": [[{"LOWER": "deux"}, {"LOWER": "heures"}]], "attrs": {"TAG": "DUREE"}, "index": 1}]
    spacy_own = _with_rules(spacy.load(MODEL), rules)
    ours = spacy.load(MODEL)
    use_column_attribute_ruler(ours)
    _with_rules(ours, rules)
    assert ours.get_pipe("attribute_ruler")._rule_tests() is None
    text = "Le train relie Paris à Lyon en deux heures."
    a, b = spacy_own(text), ours(text)
    assert b[8].tag_ == "DUREE"
    assert b.to_bytes() == a.to_bytes()


def test_the_pipeline_uses_it(pipeline):
    assert isinstance(pipeline.nlp.get_pipe("attribute_ruler"), ColumnAttributeRuler)
