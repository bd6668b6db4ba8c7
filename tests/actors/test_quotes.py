"""The first person of a quotation is its speaker; "ce dernier" is the person just named."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

SPEAKERS = Path(__file__).resolve().parents[2] / "dateline" / "lang" / "fr" / "actors" / "speakers.toml"


def _first_person(doc):
    return [m for m in doc._.actor_mentions if m.how == "pronoun"]


@pytest.mark.parametrize("text,country", tomllib.loads(SPEAKERS.read_text("utf-8"))["examples"])
def test_speakers_data_examples(parse, text, country):
    doc = parse(text)
    spoken = _first_person(doc)
    assert spoken, [(m.text, m.how) for m in doc._.actor_mentions]
    assert spoken[0].entity.at("2025-10-27")[0] == country


def test_a_possessive_in_a_quotation_is_the_speaker(parse):
    doc = parse("La présidente de la Commission européenne, Ursula von der Leyen, a déclaré : "
                "« Nos sanctions resteront en place tant que la guerre durera. »")
    (nos,) = [m for m in doc._.actor_mentions if m.text == "Nos"]
    assert nos.entity.name == "Ursula von der Leyen"


def test_a_quotation_without_a_speaker_gets_none(parse):
    doc = parse("« Nous ne céderons pas. » Des affiches ont été collées dans la nuit.")
    assert not _first_person(doc)


def test_the_first_person_outside_quotations_is_left_alone(parse):
    doc = parse("Le ministre russe a parlé. Nous avons appris la nouvelle hier.")
    assert not [m for m in doc._.actor_mentions if m.text == "Nous"]


def test_ce_dernier_is_the_person_named_just_before(parse):
    doc = parse("Le Premier ministre a reçu Olaf Scholz. Ce dernier a dénoncé les frappes russes.",
                "2023-03-01")
    (latter,) = [m for m in doc._.actor_mentions if m.text == "Ce dernier"]
    assert latter.entity.name == "Olaf Scholz"


def test_ce_dernier_after_another_noun_is_not_a_person(parse):
    doc = parse("Emmanuel Macron a convoqué un sommet à Paris, ce dernier ayant duré deux jours.",
                "2023-03-01")
    assert not [m for m in doc._.actor_mentions if m.text == "ce dernier"]
