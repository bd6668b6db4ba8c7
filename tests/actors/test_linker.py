"""Actors and places of real French sentences, through the full pipeline."""
from __future__ import annotations

import pytest

from dateline.actors.lookup import mention_at, mentions_in, place_for


def mention(doc, text):
    """The mention whose span starts at the first occurrence of ``text``."""
    i = doc.text.index(text)
    tok = next(t for t in doc if t.idx >= i)
    m = mention_at(doc, tok)
    assert m is not None, (text, [(x.text, x.entity.id) for x in doc._.actor_mentions])
    return m


def who(doc, text, date=None):
    m = mention(doc, text)
    return m.entity.at(date)


# ---- demonyms, in every form ----------------------------------------------

@pytest.mark.parametrize("text,target,country,sector", [
    ("Le président nord-coréen a supervisé un essai.", "Le président", "PRK", "GOV"),
    ("La diplomate nord-coréenne a quitté la salle.", "La diplomate", "PRK", "GOV"),
    ("Les soldats nord-coréens ont franchi la ligne.", "Les soldats", "PRK", "MIL"),
    ("Les forces nord-coréennes sont en alerte.", "Les forces", "PRK", "MIL"),
    ("La police américaine a arrêté le suspect.", "La police", "USA", "COP"),
    ("Les manifestantes américaines réclament l'égalité.", "Les manifestantes", "USA", "CVL"),
    ("Les gendarmes français ont évacué le camp.", "Les gendarmes", "FRA", "COP"),
    ("L'armée malienne a repris la ville.", "L'armée", "MLI", "MIL"),
])
def test_demonyms_give_the_country(parse, text, target, country, sector):
    assert who(parse(text), target) == (country, sector)


def test_plural_demonym_noun_is_a_people(parse):
    doc = parse("Les Sud-Coréens ont manifesté devant l'ambassade.")
    m = mention(doc, "Sud-Coréens")
    assert m.how == "demonym" and m.entity.country == "KOR"


def test_language_is_not_a_people(parse):
    doc = parse("Le discours a été prononcé en français.")
    assert not any(m.how == "demonym" for m in doc._.actor_mentions)


# ---- metonyms ---------------------------------------------------------------

@pytest.mark.parametrize("text,target,country,sector", [
    ("Washington a imposé de nouvelles sanctions.", "Washington", "USA", "GOV"),
    ("Pyongyang a rejeté la proposition.", "Pyongyang", "PRK", "GOV"),
    ("La Corée du Nord a re-affiché son soutien à Moscou.", "Moscou", "RUS", "GOV"),
    ("Le Kremlin a démenti toute implication.", "Kremlin", "RUS", "GOV"),
    ("La Maison Blanche a salué l'accord.", "Maison Blanche", "USA", "GOV"),
    ("L'Élysée a confirmé la visite du président.", "Élysée", "FRA", "GOV"),
    ("Matignon a reçu les syndicats.", "Matignon", "FRA", "GOV"),
    ("Le Quai d'Orsay a convoqué l'ambassadeur.", "Quai d'Orsay", "FRA", "GOV"),
    ("Downing Street a refusé de commenter.", "Downing Street", "GBR", "GOV"),
    ("Pékin a protesté auprès de Tokyo.", "Pékin", "CHN", "GOV"),
    ("Pékin a protesté auprès de Tokyo.", "Tokyo", "JPN", "GOV"),
    ("Séoul a proposé des pourparlers.", "Séoul", "KOR", "GOV"),
    ("Le Pentagone a annoncé le déploiement.", "Pentagone", "USA", "MIL"),
])
def test_metonyms_stand_for_the_government(parse, text, target, country, sector):
    assert who(parse(text), target) == (country, sector)


def test_a_state_acting_is_its_government(parse):
    doc = parse("La Corée du Nord a re-affiché son soutien à Moscou.")
    m = mention(doc, "Corée du Nord")
    assert m.entity.kind == "state" and m.entity.id == "state:PRK"
    assert m.entity.at(None) == ("PRK", "GOV")


# ---- appositions, titles, local people --------------------------------------

def test_title_before_an_unknown_name(parse):
    doc = parse("La ministre nord-coréenne des Affaires étrangères, Pak Mi-ran, s'est rendue en Russie.",
                "2018-03-01")
    m = mention(doc, "Pak Mi-ran")
    assert m.entity.id.startswith("local:")
    assert m.entity.at("2018-03-01") == ("PRK", "GOV")
    assert mention(doc, "La ministre").entity is m.entity


def test_title_after_a_name(parse):
    doc = parse("Jean Dupuis, porte-parole du gouvernement français, a démenti.")
    assert who(doc, "Jean Dupuis") == ("FRA", "GOV")


def test_nationality_before_a_name(parse):
    doc = parse("L'Australien Tom Hardwick a été arrêté à Londres.")
    assert mention(doc, "Tom Hardwick").entity.country == "AUS"


def test_title_complement_gives_the_country(parse):
    doc = parse("Le président du Mali a reçu le Premier ministre de France.", "2025-10-27")
    assert mention(doc, "Le président").entity.country == "MLI"
    assert mention(doc, "le Premier ministre").entity.country == "FRA"


def test_title_complement_gives_the_sector(parse):
    doc = parse("Le porte-parole des talibans a revendiqué l'attaque.")
    assert who(doc, "Le porte-parole") == ("AFG", "REB")


def test_organisation_in_apposition(parse):
    doc = parse("L'ONG Human Rights Watch dénonce des exécutions.")
    assert mention(doc, "L'ONG").entity.id == "org:human-rights-watch"


def test_short_name_after_full_name_and_surname_of_unknown(parse):
    doc = parse("Choe Son Hui est arrivée à Moscou. Choe a rencontré Sergueï Lavrov. Lavrov a salué la visite.",
                "2025-10-27")
    lavrov = {m.entity.id for m in doc._.actor_mentions if "Lavrov" in m.text}
    assert lavrov == {"person:serguei-lavrov"}


def test_definite_description_resolves_to_nearest_compatible(parse):
    text = ("Le président américain Donald Trump est arrivé à Séoul. "
            "Le chef de l'État a ensuite rencontré le président sud-coréen.")
    doc = parse(text, "2025-10-27")
    assert mention(doc, "Le chef de l'État").entity.id == "person:donald-trump"
    assert mention(doc, "le président sud-coréen").entity.country == "KOR"


def test_description_of_an_office_holder_not_named(parse):
    doc = parse("Le Premier ministre britannique a rencontré la chancelière allemande.", "2012-08-17")
    assert mention(doc, "Le Premier ministre").entity.name == "David Cameron"
    assert mention(doc, "la chancelière").entity.name == "Angela Merkel"


def test_pronoun_goes_to_the_subject(parse):
    doc = parse("Le président Barack Obama a reçu Mitt Romney. Il a salué son courage.", "2012-11-29")
    m = mention(doc, "Il")
    assert m.how == "pronoun" and m.entity.id == "person:barack-obama"


def test_impersonal_il_is_no_mention(parse):
    doc = parse("Barack Obama est à Chicago. Il faut attendre les résultats.", "2012-11-06")
    assert not any(m.how == "pronoun" for m in doc._.actor_mentions)


def test_organisations_groups_and_companies(parse):
    doc = parse("Moody's a dégradé l'Espagne tandis que l'ONU, l'OTAN, Amnesty International, "
                "la Commission européenne et AQMI réagissaient.")
    got = {m.text: m.entity.country for m in doc._.actor_mentions}
    assert got["Moody's"] == "USA" and got["ONU"] == "UNO" and got["OTAN"] == "IGO"
    assert got["Amnesty International"] == "NGO" and got["Commission européenne"] == "EUR"
    assert got["AQMI"] == "IMG"
    assert who(doc, "Moody's") == ("USA", "BUS")


def test_boko_haram_and_talibans(parse):
    doc = parse("Boko Haram et les talibans ont revendiqué les attaques.")
    assert who(doc, "Boko Haram") == ("NGA", "REB")
    assert who(doc, "talibans") == ("AFG", "REB")


def test_subnational_entity_is_its_state(parse):
    doc = parse("Le Québec a signé un accord avec la France.")
    assert who(doc, "Québec") == ("CAN", "GOV")


# ---- dated roles ------------------------------------------------------------

def test_dated_role_across_a_change_of_office(parse):
    before = parse("Le dirigeant nord-coréen a reçu une délégation chinoise.", "2010-05-05")
    after = parse("Le dirigeant nord-coréen a reçu une délégation chinoise.", "2015-05-05")
    assert mention(before, "Le dirigeant").entity.name == "Kim Jong-il"
    assert mention(after, "Le dirigeant").entity.name == "Kim Jong-un"


def test_role_is_resolved_at_the_event_date(parse):
    doc = parse("Donald Trump a rencontré Kim Jong-un.", "2025-10-27")
    trump = mention(doc, "Donald Trump").entity
    assert trump.at("2018-06-12") == ("USA", "GOV")
    assert trump.at("2022-06-01") != trump.at("2019-06-30") or trump.at("2022-06-01")[0] == "USA"
    sarkozy = parse("Nicolas Sarkozy a rencontré Angela Merkel.", "2012-08-01")
    nico = mention(sarkozy, "Nicolas Sarkozy").entity
    assert nico.at("2010-01-01") == ("FRA", "GOV")


def test_surname_picks_the_person_in_office(parse):
    doc = parse("Bush a reçu le Premier ministre japonais.", "2005-06-01")
    assert mention(doc, "Bush").entity.name == "George W. Bush"


# ---- places -----------------------------------------------------------------

def test_places_with_coordinates(parse):
    doc = parse("Les deux hommes se sont rencontrés à Singapour puis à Hanoï, au Vietnam.")
    places = {p.name: p for p in doc._.places}
    assert places["Singapour"].country == "SGP" and places["Singapour"].lat == pytest.approx(1.29, abs=0.1)
    assert places["Hanoï"].country == "VNM" and places["Hanoï"].lat == pytest.approx(21.0, abs=0.2)
    assert places["Hanoï"].lon == pytest.approx(105.8, abs=0.2)
    assert places["Vietnam"].country == "VNM"


def test_place_for_a_trigger(parse):
    doc = parse("Trump avait rencontré le dirigeant nord-coréen, Kim Jong-un sur la zone démilitarisée.")
    trigger = next(t for t in doc if t.text == "rencontré")
    place = place_for(doc, trigger)
    assert place is not None and place.name == "zone démilitarisée"


def test_place_for_with_en_and_au(parse):
    doc = parse("La ministre s'est rendue en Russie. Le président passera au Japon.")
    rendue = next(t for t in doc if t.text == "rendue")
    passera = next(t for t in doc if t.text == "passera")
    assert place_for(doc, rendue).country == "RUS"
    assert place_for(doc, passera).country == "JPN"


def test_city_from_geonames_with_french_name(parse):
    doc = parse("Un attentat a frappé Tombouctou, puis des tirs ont eu lieu à Kaboul.")
    places = {p.name: p.country for p in doc._.places}
    assert places["Tombouctou"] == "MLI" and places["Kaboul"] == "AFG"


def test_mentions_in_a_range(parse):
    doc = parse("Donald Trump a rencontré Kim Jong-un. Moscou a protesté.")
    first = next(iter(doc.sents))
    got = [m.text for m in mentions_in(doc, first.start_char, first.end_char)]
    assert got == ["Donald Trump", "Kim Jong-un"]


def test_mentions_do_not_overlap(parse):
    doc = parse("La procureure de la Cour pénale internationale, Fatou Bensouda, a ouvert une enquête.",
                "2012-07-01")
    spans = [(m.start, m.end) for m in doc._.actor_mentions]
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    assert mention(doc, "Fatou Bensouda").entity.at("2012-07-01") == ("IGO", "JUD")


# ---- where a title's noun phrase ends -----------------------------------------

def test_a_title_after_a_preposition_is_another_actor(parse):
    doc = parse("Le président français téléphonera au président ukrainien mardi.", "2024-01-16")
    texts = {m.text: m.entity.country for m in doc._.actor_mentions}
    assert texts.get("Le président français") == "FRA", texts
    assert any(c == "UKR" for c in texts.values()), texts


def test_an_anti_demonym_names_the_state_it_is_aimed_at(parse):
    doc = parse("Des milliers de personnes ont défilé lors d'une manifestation anti-américaine à Téhéran.")
    m = mention(doc, "anti-américaine")
    assert m.entity.kind == "state" and m.entity.country == "USA"


def test_a_title_of_another_state_after_a_comma_is_no_apposition(parse):
    # "par Donald Trump, le dirigeant sud-coréen a proposé": the title names Seoul's leader
    doc = parse("Reçu le 2 février à la Maison Blanche par Donald Trump, le dirigeant sud-coréen "
                "a proposé d'accueillir un sommet.", "2026-02-10")
    assert mention(doc, "le dirigeant sud-coréen").entity.country == "KOR"
    assert mention(doc, "Donald Trump").entity.country == "USA"


def test_a_title_of_the_same_state_after_a_comma_is_an_apposition(parse):
    doc = parse("Le sommet a été ouvert par Emmanuel Macron, le président français.", "2024-03-12")
    assert mention(doc, "le président français").entity.id == mention(doc, "Emmanuel Macron").entity.id
