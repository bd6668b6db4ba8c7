"""The column lemmatizer gives exactly the lemmas of spaCy's French rule lemmatizer."""
from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from dateline.nlp import factories  # noqa: F401 - registers dateline_lemmatizer
from dateline.nlp.lemmatizer import ColumnLemmatizer, use_column_lemmatizer
from dateline.nlp.pipeline import MODEL

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
ODD_TEXTS = ["", " ", "\n\n", "Ils l'ont dit : « non ».", "  Paris  \n\n\n", "ÉTATS-UNIS 2025 n°3 ...",
             "Les négociations avaient échoué ; elles reprendraient, espéraient-ils, dès lundi."]


@pytest.fixture(scope="module")
def models():
    spacy_own = spacy.load(MODEL)
    ours = spacy.load(MODEL)
    use_column_lemmatizer(ours)
    return spacy_own, ours


def _texts() -> list[str]:
    return ODD_TEXTS + [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]


def test_the_model_s_lemmatizer_is_replaced_with_its_settings(models):
    spacy_own, ours = models
    new, old = ours.get_pipe("lemmatizer"), spacy_own.get_pipe("lemmatizer")
    assert isinstance(new, ColumnLemmatizer)
    assert ours.pipe_names == spacy_own.pipe_names
    assert (new.mode, new.overwrite) == (old.mode, old.overwrite)


def test_every_lemma_is_spacy_s(models):
    spacy_own, ours = models
    texts = _texts()
    for text, a, b in zip(texts, spacy_own.pipe(texts), ours.pipe(texts)):
        assert [t.lemma_ for t in b] == [t.lemma_ for t in a], text[:60]


def test_a_word_seen_twice_is_lemmatised_alike_and_set_lemmas_are_kept(models):
    def run(nlp):
        doc = nlp.make_doc("Ils parlaient. Elles parlaient.")
        doc[1].lemma_ = "déjà-là"  # set before the lemmatizer: kept (overwrite=False)
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        return [t.lemma_ for t in doc]

    spacy_own, ours = models
    lemmas = run(ours)
    assert lemmas == run(spacy_own)
    assert lemmas[1] == "déjà-là" and lemmas[4] == "parler"
