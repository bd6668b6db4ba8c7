"""Every ``examples`` entry of the French actor and place data, run through the full pipeline."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from dateline.actors.kb import inflect
from dateline.actors.text import key

DATA = Path(__file__).resolve().parents[3] / "dateline" / "lang" / "fr" / "actors"


def _load(name: str) -> dict:
    with (DATA / name).open("rb") as f:
        return tomllib.load(f)


def _cases(name: str, table: str, per_entry: bool = True):
    data = _load(name)
    for i, entry in enumerate(data.get(table, [])):
        for ex in entry.get("examples", []) if per_entry else [entry]:
            label = entry.get("name") or entry.get("forms", [""])[0]
            if isinstance(label, list):
                label = label[0]
            yield pytest.param(entry, ex, id=f"{table}{i}-{label}")


def _slug(name: str) -> str:
    return "-".join(key(name))


@pytest.mark.parametrize("entry,example", list(_cases("inflection.toml", "feminine")))
def test_feminine_rules(entry, example):
    rules = _load("inflection.toml")
    base, form = example
    assert form in inflect(base, rules)


def test_plural_rule():
    rules = _load("inflection.toml")
    for base, form in rules["plural"]["examples"]:
        assert form in inflect(base, rules)


@pytest.mark.parametrize("entry,example", list(_cases("countries.toml", "examples", per_entry=False)))
def test_country_examples(parse, entry, example):
    doc = parse(entry["text"])
    countries = {e.country for e in doc._.entities} | {p.country for p in doc._.places}
    assert entry["country"] in countries


@pytest.mark.parametrize("entry,example", list(_cases("countries.toml", "seat")))
def test_seat_examples(parse, entry, example):
    doc = parse(example)
    hits = [m for m in doc._.actor_mentions if m.how == "metonym"]
    assert any(m.entity.country == entry["country"] and m.entity.sector == entry["sector"] for m in hits), \
        [(m.text, m.entity.country, m.entity.sector) for m in doc._.actor_mentions]


@pytest.mark.parametrize("entry,example", list(_cases("organisations.toml", "org")))
def test_organisation_examples(parse, entry, example):
    doc = parse(example)
    ident = f"org:{_slug(entry['name'])}"
    assert any(m.entity.id == ident for m in doc._.actor_mentions), \
        [(m.text, m.entity.id) for m in doc._.actor_mentions]


@pytest.mark.parametrize("entry,example", list(_cases("groups.toml", "group")))
def test_group_examples(parse, entry, example):
    doc = parse(example)
    ident = f"group:{_slug(entry['name'])}"
    hits = [m for m in doc._.actor_mentions if m.entity.id == ident]
    assert hits and hits[0].entity.country == entry["country"]


def _check_title(parse, text, country, sector, date="2025-10-27"):
    doc = parse(text, date)
    assert doc._.actor_mentions, text
    first = min(doc._.actor_mentions, key=lambda m: m.start)
    got = first.entity.at(date)
    assert got == ((country or None), sector), (text, first.text, first.entity.id, got)


@pytest.mark.parametrize("entry,example", list(_cases("titles.toml", "title")))
def test_title_examples(parse, entry, example):
    _check_title(parse, *example)


@pytest.mark.parametrize("entry,example", list(_cases("titles.toml", "office_hint")))
def test_office_hint_examples(parse, entry, example):
    _check_title(parse, *example)


def test_former_examples(parse):
    for example in _load("titles.toml")["former"]["examples"]:
        _check_title(parse, *example)


def test_blocked_examples(parse):
    for text in _load("titles.toml")["blocked"]["examples"]:
        doc = parse(text)
        assert not any("État" in m.text for m in doc._.actor_mentions)


@pytest.mark.parametrize("entry,example", list(_cases("places.toml", "place")))
def test_place_examples(parse, entry, example):
    doc = parse(example)
    names = {key(n) for n in ([entry["name"]] if isinstance(entry["name"], str) else entry["name"])}
    hits = [p for p in doc._.places if key(p.name) in names]
    assert hits, [(p.name, p.country) for p in doc._.places]
    assert hits[0].country == entry.get("country")


@pytest.mark.parametrize("entry,example", list(_cases("people.toml", "examples", per_entry=False)))
def test_people_examples(parse, entry, example):
    doc = parse(entry["text"], entry["date"])
    ents = [m.entity for m in doc._.actor_mentions if m.entity.name == entry["name"]]
    assert ents, [(m.text, m.entity.id) for m in doc._.actor_mentions]
    assert ents[0].at(entry["date"]) == (entry["country"], entry["sector"])


def test_every_person_resolves_by_name(parse):
    """Each person's canonical name, in a sentence, links to that person (one parse for all)."""
    data = _load("people.toml")
    people = data["person"]
    text = " ".join(f"{p['name']} a parlé." for p in people)
    doc = parse(text)
    linked = {m.entity.name for m in doc._.actor_mentions if m.how == "name"}
    missing = [p["name"] for p in people if p["name"] not in linked]
    assert not missing, missing
