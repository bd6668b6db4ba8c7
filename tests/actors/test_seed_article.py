"""The seed article's actors (../shared/examples), as its gold events name them."""
from __future__ import annotations

import pytest

from dateline.actors.lookup import mention_at


@pytest.fixture(scope="module")
def seed(shared, parse):
    raw = (shared / "examples" / "seed-article.txt").read_text(encoding="utf-8")
    head, _, text = raw.lstrip().partition(" ")
    date, _, text = text.partition(" ")
    return parse(text, date)


def _at(doc, text, nth=0):
    i = -1
    for _ in range(nth + 1):
        i = doc.text.index(text, i + 1)
    tok = next(t for t in doc if t.idx >= i)
    m = mention_at(doc, tok)
    assert m is not None, text
    return m


def test_trump(seed):
    m = _at(seed, "Donald Trump")
    assert m.entity.id == "person:donald-trump" and m.entity.at("2025-10-27") == ("USA", "GOV")
    assert _at(seed, "le président américain").entity is m.entity


def test_chef_de_l_etat_is_trump(seed):
    assert _at(seed, "le chef de l").entity.id == "person:donald-trump"


def test_pronoun_il_is_trump(seed):
    m = _at(seed, "il a affirmé")
    assert m.how == "pronoun" and m.entity.id == "person:donald-trump"


def test_kim_jong_un(seed):
    m = _at(seed, "Kim Jong-un")
    assert m.entity.at("2019-06") == ("PRK", "GOV")
    assert _at(seed, "le dirigeant nord-coréen", 1).entity is m.entity


def test_choe_son_hui(seed):
    m = _at(seed, "Choe Son Hui")
    assert m.entity.at("2025-10-27") == ("PRK", "GOV")
    assert _at(seed, "La ministre nord-coréenne").entity is m.entity


def test_states_and_metonyms(seed):
    assert _at(seed, "Corée du Nord").entity.at(None) == ("PRK", "GOV")
    moscou = _at(seed, "Moscou")
    assert moscou.how == "metonym" and moscou.entity.at(None) == ("RUS", "GOV")
    assert _at(seed, "Pyongyang").entity.at(None) == ("PRK", "GOV")


def test_places(seed):
    places = {p.name: p for p in seed._.places}
    for name, country in [("Singapour", "SGP"), ("Hanoï", "VNM"), ("Japon", "JPN"), ("Russie", "RUS")]:
        assert places[name].country == country
    assert places["Hanoï"].lat is not None
    assert "zone démilitarisée" in places and "péninsule coréenne" in places and "mer du Japon" in places
