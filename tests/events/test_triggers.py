"""Trigger matching: lemma patterns, light verbs, multiword and nominal forms."""
from __future__ import annotations

import pytest

from dateline.events.lexicon import LexiconError, load_lexicon
from dateline.model import PLOVER_TYPES


def _triggers(extractor, nlp_fr, text):
    return [(t.text, t.entry.type) for t in extractor.matcher(nlp_fr(text))]


def test_lexicon_covers_every_plover_type():
    types = {e.type for e in load_lexicon("fr").triggers}
    assert types == set(PLOVER_TYPES)


def test_every_entry_has_an_example():
    missing = [e.id for e in load_lexicon("fr").triggers if not e.examples]
    assert not missing


@pytest.mark.parametrize("text, trigger, type_", [
    ("Le ministre a effectué une visite au Brésil.", "visite", "CONSULT"),
    ("Le Venezuela a accordé l'asile à l'opposant.", "accordé l'asile", "AID"),
    ("Des tirs de missiles ont été effectués hier.", "tirs de missiles", "MOBILIZE"),
    ("Le président s'est entretenu avec son homologue.", "s'est entretenu", "CONSULT"),
    ("Il faut mettre fin à la guerre.", "mettre fin à la guerre", "AGREE"),
    ("Un second sommet s'est déroulé à Lima.", "sommet", "CONSULT"),
    ("La police a placé le suspect en garde à vue.", "garde à vue", "COERCE"),
])
def test_forms(extractor, nlp_fr, text, trigger, type_):
    assert (trigger, type_) in _triggers(extractor, nlp_fr, text)


def test_longest_match_wins(extractor, nlp_fr):
    found = _triggers(extractor, nlp_fr, "Les syndicats ont manifesté leur opposition au projet.")
    assert ("manifesté leur opposition", "ACCUSE") in found
    assert all(t != "PROTEST" for _, t in found)


def test_bad_lexicon_names_the_file(tmp_path, monkeypatch):
    from dateline.events import lexicon

    root = tmp_path / "xx" / "events"
    (root / "triggers").mkdir(parents=True)
    (root / "triggers" / "bad.toml").write_text('type = "NOPE"\n', encoding="utf-8")
    monkeypatch.setattr(lexicon, "LANG_ROOT", tmp_path)
    lexicon.load_lexicon.cache_clear()
    try:
        with pytest.raises(LexiconError, match="bad.toml"):
            lexicon.load_lexicon("xx")
    finally:
        lexicon.load_lexicon.cache_clear()
