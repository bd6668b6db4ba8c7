"""French numbers: compounds computed from the atoms of numbers.toml."""
from __future__ import annotations

import pytest

from dateline.time.numbers import parse_number, parse_roman, to_roman
from dateline.time.rules import load_rules

LEX = load_rules("fr").numbers


@pytest.mark.parametrize("text, value", [
    ("un", 1), ("une", 1), ("seize", 16), ("dix-sept", 17), ("vingt", 20), ("vingt et un", 21),
    ("vingt-deux", 22), ("trente-trois", 33), ("soixante et onze", 71), ("soixante-dix", 70),
    ("soixante-dix-neuf", 79), ("quatre-vingts", 80), ("quatre-vingt-un", 81),
    ("quatre-vingt-dix-sept", 97), ("cent", 100), ("deux cents", 200), ("cent vingt-cinq", 125),
    ("mille", 1000), ("deux mille", 2000), ("deux mille dix-neuf", 2019),
    ("mille neuf cent quatre-vingt-dix-neuf", 1999), ("trois millions", 3_000_000),
    ("Vingt-Deux", 22), ("septante-cinq", 75),
])
def test_number_words(text, value):
    assert parse_number(text, LEX) == value


@pytest.mark.parametrize("text, value", [("12", 12), ("1er", 1), ("30,4", 30.4), ("2 000", 2000), ("XXI", 21)])
def test_digits_ordinals_roman(text, value):
    assert parse_number(text, LEX) == value


@pytest.mark.parametrize("text", ["deux trois", "trente vingt", "bonjour", "", "IIII", "vingt-machin"])
def test_not_numbers(text):
    assert parse_number(text, LEX) is None


def test_roman_round_trip():
    for n in range(1, 200):
        assert parse_roman(to_roman(n)) == n
    assert parse_roman("XIXe") is None
