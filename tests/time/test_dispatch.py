"""The per-position rule dispatch tries fewer rules but finds exactly what the full alternation finds."""
from __future__ import annotations

import re

from dateline.time.firsts import beginnings
from dateline.time.rules import load_rules


def test_beginnings_of_simple_patterns():
    assert beginnings(r"(?:le\s+)?(?P<d>[12]\d)", re.IGNORECASE, 2) == (
        {"le"} | {a + b for a in "12" for b in "0123456789"})
    assert beginnings(r"hier", re.IGNORECASE, 3) == {"hie", "hıe"}  # IGNORECASE: i ~ ı
    assert beginnings(r"a\w+", re.IGNORECASE, 3) == {"a"}  # \w: anything after "a"
    assert beginnings(r"(?:x)?", re.IGNORECASE, 2) is None  # may match the empty string
    assert "ſ" in beginnings(r"s", re.IGNORECASE, 1)  # IGNORECASE takes the long s for "s"


def test_dispatch_matches_like_the_full_alternation():
    rules = load_rules("fr")
    text = ("Le 3 mars 2019, il y a quelques mois, DÉCEMBRE 98, l'an 2000 ; vers 15 h 30 hier "
            "soir, d'ici à 2030, ſeptembre, İl, ١٢ mars, deux semaines plus tard, le lendemain.")
    for pos in range(len(text)):
        full = rules.regex.match(text, pos)
        fast = rules.regex_at(text, pos).match(text, pos)
        assert (full and (full.span(), full.lastgroup)) == (fast and (fast.span(), fast.lastgroup)), pos
