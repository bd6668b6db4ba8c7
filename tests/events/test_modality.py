"""Modality from the parse alone: negation, future, intention, condition, hearsay."""
from __future__ import annotations

import pytest


def _modalities(extractor, nlp_fr, text):
    doc = nlp_fr(text)
    out = []
    for trig in extractor.matcher(doc):
        verb = extractor.clause_verb(trig.head)
        out.append((trig.entry.type, extractor.modality.classify(trig.head, verb).modality))
    return out


@pytest.mark.parametrize("text, expected", [
    ("Le président a rencontré son homologue.", "asserted"),
    ("Le président n'a jamais rencontré son homologue.", "negated"),
    ("Le président ne rencontrera pas son homologue.", "negated"),
    ("La journée a pris fin sans qu'aucun accord ne soit signé.", "negated"),
    ("Le président rencontrera son homologue en mai.", "future"),
    ("Le président prévoit de rencontrer son homologue.", "future"),
    ("Le président veut rencontrer son homologue.", "intended"),
    ("Le président souhaite rencontrer son homologue.", "intended"),
    ("Le président se verrait bien rencontrer son homologue.", "intended"),
    ("Le président envisage de rencontrer son homologue.", "intended"),
    ("Le président pourrait rencontrer son homologue.", "hypothetical"),
    ("Reste à savoir si le président rencontrera son homologue.", "hypothetical"),
    ("Le chef rebelle aurait été arrêté par la police.", "alleged"),
    ("Le président a dû démissionner.", "asserted"),
    ("Les otages n'ont été libérés qu'en mars.", "asserted"),  # restrictive, not negative
])
def test_modality(extractor, nlp_fr, text, expected):
    found = _modalities(extractor, nlp_fr, text)
    assert found, text
    assert found[0][1] == expected, found


def test_ni_ni_negates_the_second_act_too(extractor, nlp_fr):
    found = _modalities(extractor, nlp_fr, "Le ministre russe n'a ni téléphoné ni rencontré son homologue.")
    assert ("CONSULT", "negated") in found and ("CONSULT", "asserted") not in found, found
