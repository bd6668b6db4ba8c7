"""The knowledge base of actors: states, organisations, armed groups, people, titles.

Everything comes from data: states and their French names from CLDR (babel)
and their codes from pycountry, computed at load time; the rest from the TOML
files of ``dateline/lang/<lang>/actors/`` (see the README there), plus an
optional user file with the same schema as ``people.toml``.

``load_kb(lang)`` is cached per process; ``KnowledgeBase.extended(path)`` gives
a copy with a user's own actors added (the cached base is never mutated).
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from dateline.datafiles import read_toml
from dateline.errors import DataError
from dateline.model import Role

from .text import case_of, key

DATA_ROOT = Path(__file__).resolve().parent.parent / "lang"
PLOVER_NONSTATE = ("IGO", "UNO", "EUR", "NGO", "MNC", "IMG", "ISM")
SECTORS = ("GOV", "MIL", "COP", "JUD", "LEG", "PTY", "OPP", "REB", "PRM", "SPY", "UAF",
           "CVL", "JRN", "BUS", "LAB", "EDU", "REL", "MED", "REF", "ELI", "CRM", "SOC",
           "AGR", "PRE", "UNK")
OFFICES = ("head_of_state", "head_of_government", "foreign_minister", "leader")
_ISO_PREFIX = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass
class Country:
    """A state, or a PLOVER non-state code (IGO, UNO...): its French names and forms."""

    iso3: str
    name: str
    names: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    capitals: list[str] = field(default_factory=list)
    leads: str = "head_of_state"  # the office that leads the executive


@dataclass
class Actor:
    """A knowledge-base actor: organisation, group or person (states are ``Country``)."""

    id: str
    name: str
    kind: str  # "org", "group", "person"
    country: str | None = None
    sector: str | None = None
    aliases: list[str] = field(default_factory=list)
    short: list[str] = field(default_factory=list)  # surnames: need context to count
    roles: list[Role] = field(default_factory=list)
    offices: list[str | None] = field(default_factory=list)  # parallel to ``roles``
    gender: str | None = None  # "m", "f" or None


@dataclass(frozen=True)
class Title:
    """A title or group noun with its sector (titles.toml)."""

    id: str
    form: str
    kind: str  # "person" or "group"
    sector: str | None
    office: str | None = None
    inherit: bool = False
    needs_country: bool = False
    country: str | None = None


@dataclass(frozen=True)
class Seat:
    """A seat of power standing for a state's organ ("le Kremlin")."""

    id: str
    name: str
    country: str
    sector: str
    place_country: str | None = None


@dataclass(frozen=True)
class SpeakerCues:
    """Words that tie a quotation to its speaker (speakers.toml)."""

    first_person: frozenset[str] = frozenset()
    attribution: frozenset[str] = frozenset()


@dataclass(frozen=True)
class LexEntry:
    """One form the matcher knows: what it designates and how its case must look."""

    kind: str  # country, demonym, metonym, seat, actor, short, title, hint, former, block, place
    target: str
    form: str
    case: str


class KnowledgeBase:
    """States, organisations, groups, people and titles of one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.countries: dict[str, Country] = {}
        self.folded: dict[str, str] = {}
        self.needs_place: set[str] = set()
        self.not_metonyms: set[str] = set()
        self.place_nouns: frozenset[str] = frozenset()  # "l'université de Pékin": the city
        self.actors: dict[str, Actor] = {}
        self.titles: dict[str, Title] = {}
        self.seats: dict[str, Seat] = {}
        self.hints: dict[str, str] = {}  # hint id -> office
        self.lexicon: dict[tuple[str, ...], list[LexEntry]] = {}
        self.demonym_rules: dict[str, Any] = {}
        self.speakers = SpeakerCues()
        # (office, country) -> (actor, role) in actor then role order; built on first
        # use from the actors (no document's data), dropped whenever an actor is added
        self._holders: dict[tuple[str | None, str | None], list[tuple[Actor, Role]]] | None = None

    # ---- queries -------------------------------------------------------
    def state(self, code: str | None) -> str | None:
        """The state a code stands for (dependencies folded into their state)."""
        if code is None:
            return None
        return self.folded.get(code, code)

    def country_name(self, code: str) -> str:
        """The French name of a state or PLOVER code."""
        c = self.countries.get(code)
        return c.name if c else code

    def office_holder(self, country: str, office: str | None, when: str | None) -> Actor | None:
        """The person holding ``office`` for ``country`` on ``when`` ("leader": whoever leads)."""
        if office is None:
            return None
        if office == "leader":
            c = self.countries.get(country)
            office = c.leads if c else "head_of_state"
        for actor, role in self._office_index().get((office, country), ()):
            if role.holds_on(when):
                return actor
        return None

    def _office_index(self) -> dict[tuple[str | None, str | None], list[tuple[Actor, Role]]]:
        """Who held which office for which state (office_holder scanned every actor per call)."""
        if self._holders is None:
            holders: dict[tuple[str | None, str | None], list[tuple[Actor, Role]]] = {}
            for actor in self.actors.values():
                for role, off in zip(actor.roles, actor.offices):
                    holders.setdefault((off, role.country), []).append((actor, role))
            self._holders = holders
        return self._holders

    def lookup(self, words: tuple[str, ...]) -> list[LexEntry]:
        """Lexicon entries for a folded word sequence."""
        return self.lexicon.get(words, [])

    # ---- building ------------------------------------------------------
    def add_form(self, form: str, kind: str, target: str) -> None:
        """Index ``form`` (as written in data) under its folded key."""
        k = key(form)
        if not k:
            return
        entry = LexEntry(kind, target, form, case_of(form))
        bucket = self.lexicon.setdefault(k, [])
        if entry not in bucket:
            bucket.append(entry)

    def add_actor(self, actor: Actor) -> None:
        """Add (or replace) an actor and index its names."""
        self.actors[actor.id] = actor
        self._holders = None
        for form in [actor.name, *actor.aliases]:
            self.add_form(form, "actor", actor.id)
        for form in actor.short:
            self.add_form(form, "short", actor.id)

    def extended(self, path: str | Path) -> "KnowledgeBase":
        """A copy of this base with the actors of a user's file added."""
        kb = copy.copy(self)
        kb.actors = dict(self.actors)
        kb._holders = None
        kb.lexicon = {k: list(v) for k, v in self.lexicon.items()}
        for actor in load_people_file(Path(path), self):
            kb.add_actor(actor)
        return kb


# ---- loading ---------------------------------------------------------------

def _strings(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise DataError(f"{where}: expected a string or a list of strings, got {value!r}")


def inflect(base: str, rules: dict[str, Any]) -> list[str]:
    """Masculine, feminine and plural forms of a demonym base (inflection.toml)."""
    fem = base
    for rule in rules.get("feminine", []):
        if base.endswith(rule["suffix"]):
            stem = base[: len(base) - len(rule["suffix"])] if rule["suffix"] else base
            fem = stem + rule["feminine"]
            break
    plural = rules.get("plural", {})
    add, inv = plural.get("add", "s"), tuple(plural.get("invariable_endings", ["s", "x"]))

    def plur(w: str) -> str:
        return w if w.endswith(inv) else w + add

    return list(dict.fromkeys([base, fem, plur(base), plur(fem)]))


def _load_countries(kb: KnowledgeBase, folder: Path) -> None:
    import pycountry
    from babel import Locale

    path = folder / "countries.toml"
    data = read_toml(path)
    territories = Locale(kb.lang).territories
    kb.folded = dict(data.get("folded", {}))
    for c in pycountry.countries:
        name = territories.get(c.alpha_2, c.name)
        names = [name]
        m = re.match(r"^(.*?) \((.*)\)$", name)  # "Myanmar (Birmanie)"
        if m:
            name, names = m.group(1), [m.group(1), m.group(2)]
        kb.countries[c.alpha_3] = Country(c.alpha_3, name, names)
    for code, region in data.get("extra_states", {}).items():
        name = territories.get(region, code)
        kb.countries[code] = Country(code, name, [name])
    for code in PLOVER_NONSTATE:
        kb.countries.setdefault(code, Country(code, code, []))
    rules = read_toml(folder / "inflection.toml")
    kb.demonym_rules = rules
    for section in ("names", "demonyms", "capitals", "demonym_forms"):
        for code, value in data.get(section, {}).items():
            if code not in kb.countries:
                raise DataError(f"{path}: [{section}] {code}: unknown country code")
            forms = _strings(value, f"{path}: [{section}] {code}")
            c = kb.countries[code]
            if section == "names":
                c.names.extend(f for f in forms if f not in c.names)
            elif section == "demonyms":
                for base in forms:
                    c.demonyms.extend(inflect(base, rules))
            elif section == "demonym_forms":
                c.demonyms.extend(f for f in forms if f not in c.demonyms)
            else:
                c.capitals.extend(forms)
    for code in data.get("head_of_government_leads", []):
        kb.countries[code].leads = "head_of_government"
    kb.needs_place = {" ".join(key(n)) for n in data.get("needs_place", [])}
    kb.not_metonyms = {" ".join(key(n)) for n in data.get("not_metonyms", [])}
    kb.place_nouns = frozenset(n.lower() for n in data.get("place_nouns", []))
    for c in kb.countries.values():
        target = kb.state(c.iso3) or c.iso3
        for form in c.names:
            kb.add_form(form, "country", target)
        for form in c.demonyms:
            kb.add_form(form, "demonym", target)
        for form in c.capitals:
            kb.add_form(form, "metonym", target)
    for i, seat in enumerate(data.get("seat", [])):
        names = _strings(seat.get("name"), f"{path}: seat #{i + 1}")
        s = Seat(f"seat:{key(names[0])[-1]}:{i}", names[0], seat["country"], seat["sector"],
                 seat.get("place_country"))
        kb.seats[s.id] = s
        for form in names:
            kb.add_form(form, "seat", s.id)


def _load_titles(kb: KnowledgeBase, folder: Path) -> None:
    path = folder / "titles.toml"
    data = read_toml(path)
    for i, entry in enumerate(data.get("title", [])):
        for form in _strings(entry.get("forms"), f"{path}: title #{i + 1}"):
            t = Title(f"title:{i}:{form}", form, entry.get("kind", "group"), entry.get("sector"),
                      entry.get("office"), bool(entry.get("inherit", False)),
                      bool(entry.get("needs_country", False)), entry.get("country"))
            kb.titles[t.id] = t
            kb.add_form(form, "title", t.id)
    for i, entry in enumerate(data.get("office_hint", [])):
        for form in _strings(entry.get("phrases"), f"{path}: office_hint #{i + 1}"):
            kb.hints[f"hint:{i}:{form}"] = entry["office"]
            kb.add_form(form, "hint", f"hint:{i}:{form}")
    for form in data.get("former", {}).get("words", []):
        kb.add_form(form, "former", form)
    for form in data.get("blocked", {}).get("phrases", []):
        kb.add_form(form, "block", form)


def _slug(name: str) -> str:
    return "-".join(key(name))


def _load_orgs(kb: KnowledgeBase, path: Path, table: str, kind: str) -> None:
    data = read_toml(path)
    for i, entry in enumerate(data.get(table, [])):
        where = f"{path}: {table} #{i + 1}"
        name = entry.get("name")
        if not isinstance(name, str) or not name:
            raise DataError(f"{where}: missing 'name'")
        _check_codes(entry.get("country"), entry.get("sector"), where, kb)
        kb.add_actor(Actor(f"{kind}:{_slug(name)}", name, kind, entry.get("country"),
                           entry.get("sector"), _strings(entry.get("aliases"), where)))


def _check_codes(country: Any, sector: Any, where: str, kb: KnowledgeBase) -> None:
    if country is not None and country not in kb.countries:
        raise DataError(f"{where}: unknown country code {country!r}")
    if sector is not None and sector not in SECTORS:
        raise DataError(f"{where}: unknown sector code {sector!r} (PLOVER sectors: {', '.join(SECTORS)})")


_PERSON_KEYS = {"name", "aliases", "short", "country", "sector", "gender", "roles", "kind", "examples", "id"}
_ROLE_KEYS = {"title", "office", "country", "sector", "start", "end"}


def load_people_file(path: Path, kb: KnowledgeBase) -> list[Actor]:
    """Actors of a people file (``people.toml`` or a user's file, same schema)."""
    data = read_toml(path)
    unknown = set(data) - {"version", "person", "org", "examples", "description"}
    if unknown:
        raise DataError(f"{path}: unknown table(s) {sorted(unknown)}; expected [[person]] or [[org]]")
    actors: list[Actor] = []
    for table in ("person", "org"):
        entries = data.get(table, [])
        if not isinstance(entries, list):
            raise DataError(f"{path}: '{table}' must be an array of tables ([[{table}]])")
        for i, entry in enumerate(entries):
            actors.append(_person(entry, f"{path}: {table} #{i + 1}", table, kb))
    return actors


def _person(entry: Any, where: str, table: str, kb: KnowledgeBase) -> Actor:
    if not isinstance(entry, dict):
        raise DataError(f"{where}: expected a table")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise DataError(f"{where}: missing 'name'")
    where = f"{where} ({name})"
    extra = set(entry) - _PERSON_KEYS
    if extra:
        raise DataError(f"{where}: unknown key(s) {sorted(extra)}")
    country, sector = entry.get("country"), entry.get("sector")
    _check_codes(country, sector, where, kb)
    roles, offices = [], []
    for j, r in enumerate(entry.get("roles", [])):
        rw = f"{where}: role #{j + 1}"
        if not isinstance(r, dict) or not isinstance(r.get("title"), str):
            raise DataError(f"{rw}: each role needs a 'title'")
        if set(r) - _ROLE_KEYS:
            raise DataError(f"{rw}: unknown key(s) {sorted(set(r) - _ROLE_KEYS)}")
        for k in ("start", "end"):
            v = r.get(k)
            if v is not None and (not isinstance(v, str) or not _ISO_PREFIX.match(v)):
                raise DataError(f"{rw}: '{k}' must be an ISO date prefix like 2017-01-20, got {v!r}")
        office = r.get("office") or _office_of(r["title"], kb)
        if office is not None and office not in OFFICES:
            raise DataError(f"{rw}: unknown office {office!r} (one of {', '.join(OFFICES)})")
        r_country = r.get("country", country)
        r_sector = r.get("sector") or _sector_of(r["title"], kb) or "GOV"
        _check_codes(r_country, r_sector, rw, kb)
        roles.append(Role(r["title"], r_country, r_sector, r.get("start"), r.get("end")))
        offices.append(office)
    kind = entry.get("kind", "person" if table == "person" else "org")
    ident = entry.get("id") or f"{kind}:{_slug(name)}"
    gender = entry.get("gender")
    if gender not in (None, "m", "f"):
        raise DataError(f"{where}: 'gender' must be \"m\" or \"f\"")
    return Actor(ident, name, kind, country, sector, _strings(entry.get("aliases"), where),
                 _strings(entry.get("short"), where), roles, offices, gender)


def _title_of(form: str, kb: KnowledgeBase) -> Title | None:
    for e in kb.lookup(key(form)):
        if e.kind == "title":
            return kb.titles[e.target]
    return None


def _office_of(title: str, kb: KnowledgeBase) -> str | None:
    t = _title_of(title, kb)
    return t.office if t else None


def _sector_of(title: str, kb: KnowledgeBase) -> str | None:
    t = _title_of(title, kb)
    return t.sector if t else None


@lru_cache(maxsize=4)
def load_kb(lang: str = "fr") -> KnowledgeBase:
    """The knowledge base of ``lang`` (cached: built once per process, never mutated)."""
    folder = DATA_ROOT / lang / "actors"
    if not folder.is_dir():
        raise DataError(f"{folder}: no actor data for language {lang!r}")
    kb = KnowledgeBase(lang)
    _load_countries(kb, folder)
    _load_titles(kb, folder)
    _load_orgs(kb, folder / "organisations.toml", "org", "org")
    _load_orgs(kb, folder / "groups.toml", "group", "group")
    for actor in load_people_file(folder / "people.toml", kb):
        kb.add_actor(actor)
    kb.speakers = _load_speakers(folder / "speakers.toml")
    return kb


def _load_speakers(path: Path) -> SpeakerCues:
    """The quotation cues of ``speakers.toml`` (none if the language has no such file)."""
    if not path.is_file():
        return SpeakerCues()
    data = read_toml(path)
    return SpeakerCues(frozenset(w.lower() for w in data.get("first_person", ())),
                       frozenset(w.lower() for w in data.get("attribution", ())))
