"""The knowledge base: states from CLDR and pycountry, data extras, user files and their errors."""
from __future__ import annotations

import datetime as dt

import pytest

from dateline.actors.kb import inflect, load_kb
from dateline.actors.linker import ActorLinker
from dateline.errors import DataError
from dateline.model import Article


def test_every_iso_state_has_a_french_name():
    import pycountry

    kb = load_kb("fr")
    for c in pycountry.countries:
        assert kb.countries[c.alpha_3].name
    assert kb.countries["PRK"].name == "Corée du Nord"
    assert kb.countries["USA"].name == "États-Unis"
    assert "Birmanie" in kb.countries["MMR"].names


def test_territories_fold_into_their_state():
    kb = load_kb("fr")
    assert kb.state("GUF") == "FRA" and kb.state("PRI") == "USA" and kb.state("FRA") == "FRA"


def test_demonym_forms():
    kb = load_kb("fr")
    assert {"nord-coréen", "nord-coréenne", "nord-coréens", "nord-coréennes"} <= set(kb.countries["PRK"].demonyms)
    assert {"américain", "américaine", "américains", "américaines"} <= set(kb.countries["USA"].demonyms)
    assert {"grec", "grecque", "grecs", "grecques"} <= set(kb.countries["GRC"].demonyms)
    forms = inflect("français", {"feminine": [{"suffix": "", "feminine": "e"}]})
    assert forms == ["français", "française", "françaises"]  # the plural of "français" is itself


def test_office_holder_by_date():
    kb = load_kb("fr")
    assert kb.office_holder("PRK", "leader", "2010-05-05").name == "Kim Jong-il"
    assert kb.office_holder("PRK", "leader", "2015-05-05").name == "Kim Jong-un"
    assert kb.office_holder("USA", "head_of_state", "2019-06-30").name == "Donald Trump"
    assert kb.office_holder("USA", "head_of_state", "2022-06-30").name == "Joe Biden"
    assert kb.office_holder("FRA", "head_of_state", "2010-01-01").name == "Nicolas Sarkozy"
    assert kb.office_holder("RUS", "head_of_state", "2010-01-01").name == "Dmitri Medvedev"
    assert kb.office_holder("DEU", "leader", "2012-01-01").name == "Angela Merkel"


USER_FILE = """
[[person]]
name = "Jeanne Martin"
short = ["Martin"]
country = "FRA"
gender = "f"
roles = [{ title = "maire", start = "2014-03-30", end = "2020-07-03" },
         { title = "ministre des Affaires étrangères", office = "foreign_minister", start = "2024-01-11" }]

[[org]]
name = "Association des amis du port"
aliases = ["AAP"]
country = "FRA"
sector = "SOC"
"""


def _doc(pipeline, text, date):
    doc = pipeline.make_doc(Article("t", dt.date.fromisoformat(date), text))
    for name, proc in pipeline.nlp.pipeline:
        if name == "dateline_actors":
            break
        doc = proc(doc)
    return doc


def test_user_actor_file(tmp_path, pipeline):
    path = tmp_path / "mine.toml"
    path.write_text(USER_FILE, encoding="utf-8")
    linker = ActorLinker(actors_file=str(path))
    doc = linker(_doc(pipeline, "Jeanne Martin a rencontré l'AAP. Martin a salué l'accord.", "2024-06-01"))
    ents = {m.text: m.entity for m in doc._.actor_mentions}
    assert ents["Jeanne Martin"].at("2024-06-01") == ("FRA", "GOV")
    assert ents["Martin"] is ents["Jeanne Martin"]
    assert ents["AAP"].at(None) == ("FRA", "SOC")
    # The shared, cached knowledge base is untouched.
    assert not any(a.name == "Jeanne Martin" for a in load_kb("fr").actors.values())


@pytest.mark.parametrize("content,needle", [
    ("[[person]\nname = 'x'", "invalid TOML"),
    ("[[person]]\naliases = ['x']\n", "person #1: missing 'name'"),
    ("[[person]]\nname = 'X'\ncountry = 'ZZZ'\n", "unknown country code 'ZZZ'"),
    ("[[person]]\nname = 'X'\nroles = [{ title = 'maire', start = '12/03/2020' }]\n", "ISO date"),
    ("[[person]]\nname = 'X'\nnickname = 'y'\n", "unknown key(s) ['nickname']"),
    ("[[person]]\nname = 'X'\nroles = [{ title = 'maire', sector = 'XYZ' }]\n", "unknown sector code"),
    ("[[people]]\nname = 'X'\n", "unknown table"),
])
def test_malformed_user_file_names_file_and_problem(tmp_path, content, needle):
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError) as err:
        ActorLinker(actors_file=str(path))
    assert str(path) in str(err.value) and needle in str(err.value)


def test_missing_user_file(tmp_path):
    with pytest.raises(DataError, match="file not found"):
        ActorLinker(actors_file=str(tmp_path / "nope.toml"))
