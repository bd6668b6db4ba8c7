"""Dictionary matching: folded proper names, exact common words, longest match first."""
from __future__ import annotations

from dateline.actors.kb import load_kb
from dateline.actors.matcher import DictMatcher
from dateline.actors.text import case_ok, case_of, key


def _matcher() -> DictMatcher:
    return DictMatcher(load_kb("fr"), ["zone démilitarisée", "mer du Japon"])


def test_keys_fold_case_accents_hyphens_and_elisions():
    assert key("États-Unis") == key("Etats Unis") == ("etats", "unis")
    assert key("l'Iran") == ("l", "iran")
    assert key("Kim Jong-un") == key("Kim Jong Un")


def test_case_constraints():
    assert case_of("ONU") == "upper" and case_of("Maison Blanche") == "cap" and case_of("police") == "any"
    assert case_ok("upper", "ONU") and not case_ok("upper", "Onu")
    assert case_ok("cap", "Chine") and not case_ok("cap", "chine")


def test_proper_names_match_without_accents():
    got = [(m.text, m.kinds) for m in _matcher()("Les Etats-Unis et la Coree du Nord.")]
    assert ("Etats-Unis", {"country"}) in got and ("Coree du Nord", {"country"}) in got


def test_common_words_keep_their_accents():
    texts = [m.text for m in _matcher()("Il a été jugé par le juge.")]
    assert texts == ["juge"]


def test_capitals_may_lose_their_accent():
    texts = [m.text for m in _matcher()("Le chef de l'Etat est arrivé.")]
    assert texts == ["chef de l'Etat"]


def test_longest_match_wins():
    texts = [m.text for m in _matcher()("Le Conseil de sécurité de l'ONU se réunit sur la zone démilitarisée.")]
    assert "Conseil de sécurité de l'ONU" in texts and "zone démilitarisée" in texts
    assert "ONU" not in texts
