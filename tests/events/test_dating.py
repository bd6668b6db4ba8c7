"""Event dating on real parses: explicit TIMEX, narrative time, publication date."""
from __future__ import annotations

import pytest

from dateline.events.dating import date_event


def _span(doc, words: str, occurrence: int = 0):
    at = -1
    for _ in range(occurrence + 1):
        at = doc.text.index(words, at + 1)
    return doc.char_span(at, at + len(words), alignment_mode="expand")


@pytest.fixture(scope="module")
def seed(shared, parse):
    raw = (shared / "examples" / "seed-article.txt").read_text(encoding="utf-8").strip()
    assert raw.startswith("date 2025-10-27")
    return parse(raw[len("date 2025-10-27"):].strip(), "2025-10-27", "seed-article")


def test_seed_singapore_hanoi_and_june(seed):
    singapore = date_event(seed, _span(seed, "rencontre officielle"))
    assert (singapore.value, singapore.text, singapore.basis) == ("2018-06-12", "12 juin 2018", "explicit")
    again = date_event(seed, _span(seed, "rencontrés"))  # "s'étaient rencontrés à Singapour"
    assert (again.value, again.basis) == ("2018-06-12", "narrative")
    hanoi = date_event(seed, _span(seed, "sommet"))
    assert (hanoi.value, hanoi.text, hanoi.basis) == ("2019-02", "février 2019", "explicit")
    unsigned = date_event(seed, _span(seed, "signé"))
    assert unsigned.value == "2019-02"
    june = date_event(seed, _span(seed, "avait rencontré"))
    assert (june.value, june.text, june.basis) == ("2019-06", "Quasiment six mois plus tard, en juin", "narrative")
    assert seed.text[june.start:june.end] == june.text


def test_seed_interval_finding(seed):
    intervals = [f for f in seed._.findings if f.kind == "interval"]
    assert len(intervals) == 1
    assert seed.text[intervals[0].start:intervals[0].end] == "Quasiment six mois plus tard, en juin"


def test_undated_acts_get_the_publication_date(seed):
    for words in ("passera", "re-affiché", "s'est rendue", "effectués"):
        d = date_event(seed, _span(seed, words.replace("'", "’") if words not in seed.text else words))
        assert (d.value, d.text, d.basis) == ("2025-10-27", None, "publication"), words


def test_present_statement_does_not_inherit_a_past_date(parse):
    doc = parse("Les deux pays ont signé un traité le 3 mai 2018. Le président soutient ce traité.")
    d = date_event(doc, _span(doc, "soutient"))
    assert d.basis == "publication"
    past = date_event(doc, _span(doc, "signé"))
    assert (past.value, past.basis) == ("2018-05-03", "explicit")


def test_plus_que_parfait_inherits_the_narrated_date(parse):
    doc = parse("Le 3 mai 2018, les ministres se sont réunis à Paris. Ils avaient signé un accord.")
    d = date_event(doc, _span(doc, "signé"))
    assert (d.value, d.basis) == ("2018-05-03", "narrative")


def test_since_dates_by_the_start_and_offsets_by_their_point(parse):
    doc = parse("Les rebelles occupent la ville depuis 2019. Il y a trois ans, l'armée a attaqué le port.",
                "2025-10-27")
    assert date_event(doc, _span(doc, "occupent")).value == "2019"
    attack = date_event(doc, _span(doc, "attaqué"))
    assert (attack.value, attack.text) == ("2022", "trois ans")


def test_vague_references_and_sets_give_no_date(parse):
    doc = parse("Le ministre a récemment rencontré son homologue. Ils se parlent chaque semaine.")
    assert date_event(doc, _span(doc, "rencontré")).basis == "publication"
    assert date_event(doc, _span(doc, "parlent")).basis == "publication"


def test_a_relative_clause_dates_its_own_noun_not_the_act(parse):
    doc = parse("Le journaliste aurait été empoisonné avec un produit qui avait été utilisé contre un espion en 2006.",
                "2012-07-04")
    assert date_event(doc, _span(doc, "empoisonné")).value != "2006"
    assert date_event(doc, _span(doc, "utilisé")).value == "2006"


def test_a_nominal_trigger_is_dated_through_its_governing_verb(parse):
    doc = parse("Le gouvernement annonce la tenue d'un sommet sur l'enseignement en février 2013.", "2012-11-10")
    d = date_event(doc, _span(doc, "sommet"))
    assert (d.value, d.basis) == ("2013-02", "explicit")


def test_a_deadline_dates_a_coming_act_by_what_it_shares_with_publication(parse):
    text = "Le gouvernement tunisien a promis de libérer les prisonniers politiques avant le 30 juin."
    late_june = parse(text, "2013-06-20")
    assert date_event(late_june, _span(late_june, "libérer")).value == "2013-06"
    march = parse(text, "2013-03-05")
    assert date_event(march, _span(march, "libérer")).value == "2013"


def test_a_plain_day_is_no_deadline(parse):
    doc = parse("Le gouvernement tunisien libérera les prisonniers politiques le 30 juin.", "2013-06-20")
    assert date_event(doc, _span(doc, "libérera")).value == "2013-06-30"


def test_restrictive_ne_que_dates_the_act(parse):
    doc = parse("Des rebelles ont enlevé trois diplomates le 4 mai 1990. "
                "Les diplomates n'ont été libérés qu'en janvier 1991.", "2012-03-10")
    d = date_event(doc, _span(doc, "libérés"))
    assert (d.value, d.text, d.basis) == ("1991-01", "janvier 1991", "explicit")


def test_those_days_take_the_month_of_the_narration(parse):
    doc = parse("Le député a voté contre le budget le 19 juin 2012. Il fut exclu de son groupe ces jours-là.",
                "2012-08-22")
    d = date_event(doc, _span(doc, "exclu"))
    assert (d.value, d.text, d.basis) == ("2012-06", "ces jours-là", "narrative")


def test_a_vague_offset_after_a_narrated_day_gives_its_month(parse):
    doc = parse("Le coup d'État a eu lieu le 4 juin 1971. "
                "Quelques jours après le putsch, la junte a fermé la frontière.", "2020-03-10")
    assert date_event(doc, _span(doc, "fermé")).value == "1971-06"


def test_days_after_an_act_count_from_the_last_day_named(parse):
    doc = parse("Des étudiants ont pris l'ambassade le 4 novembre 1979. Les otages ont été libérés en janvier 1981. "
                "Quelques jours après la prise de l'ambassade, Washington a décrété des sanctions.", "2012-11-02")
    assert date_event(doc, _span(doc, "sanctions")).value == "1979-11"
    assert date_event(doc, _span(doc, "prise")).value != "1979-11"  # what the offset counts from


def test_a_participle_on_the_act_dates_it(parse):
    doc = parse("Les syndicats évoquent l'attentat perpétré le 3 mai 2011 contre la mairie.", "2012-11-10")
    assert date_event(doc, _span(doc, "attentat")).value == "2011-05-03"
