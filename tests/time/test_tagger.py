"""The tagger's contract: sorted, non-overlapping Timexes in doc.text offsets; odd input never raises."""
from __future__ import annotations

import datetime as dt

import pytest

from dateline.time.tagger import TimeTagger


@pytest.fixture(scope="module")
def tagger():
    return TimeTagger("fr")


def test_sorted_without_overlaps_and_sliceable(time_doc):
    text = ("Le 12 juin 2018, à 14 h 30, puis hier soir et depuis trois ans, chaque année, "
            "mardi dernier, les années 1990 et le XXe siècle.")
    doc = time_doc(text, "2020-01-15")
    tx = doc._.timexes
    assert tx == sorted(tx, key=lambda t: t.start)
    assert all(a.end <= b.start for a, b in zip(tx, tx[1:]))
    assert all(doc.text[t.start:t.end] == t.text for t in tx)
    assert [t.value for t in tx] == ["2018-06-12", "2018-06-12T14:30", "2020-01-14TEV", "P3Y", "P1Y",
                                     "2020-01-14", "199", "19"]


def test_typographic_apostrophes(tagger):
    found = tagger.find("Il est arrivé aujourd’hui, et l’an dernier aussi.", dt.date(2020, 5, 5))
    assert [(t.text, t.value) for t in found] == [("aujourd’hui", "2020-05-05"), ("l’an dernier", "2019")]


@pytest.mark.parametrize("text", [
    "", " ", "le 31 février 2019", "le 99 juin 99999", "à 25 h 99", "il y a 10000000000000 ans",
    "dans 99999999999999999999 ans", "les années 0", "le MMMMMMMMMe siècle", "\x00\ufeff\u202f",
    "1er 1er 1er", "mi-" * 50, "le lendemain", "six mois plus tard",
])
def test_odd_input_never_raises(tagger, text):
    for t in tagger.find(text, dt.date(2020, 1, 1)):
        assert "02-31" not in t.value


def test_without_a_parse_it_still_tags(tagger):
    found = tagger.find("Le 3 mars 2010, puis hier.", dt.date(2010, 3, 9))
    assert [t.value for t in found] == ["2010-03-03", "2010-03-08"]


def test_findings_list_is_created(time_doc):
    assert time_doc("Rien de daté ici.")._.findings == []
