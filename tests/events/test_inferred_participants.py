"""Participants the text gives indirectly: the speaker who calls an act a crime, a meeting's
host organisation, a rating agency, and sides that must *not* be inferred (a fire's damage,
a capital that only names a city)."""
from __future__ import annotations


def _names(entities) -> set[str]:
    return {e.name for e in entities}


def _countries(entities) -> set[str]:
    return {e.country for e in entities if e.country}


def test_calling_an_act_a_crime_is_an_accusation_by_the_reporting_subject(events_of):
    events = events_of("Le Conseil de sécurité des Nations unies a fait savoir mardi qu'il pourrait "
                       "s'agir de crimes contre l'humanité commis par l'armée birmane.", "2024-03-12")
    (accusation,) = [e for e in events if e.type == "ACCUSE"]
    assert _countries(accusation.actors) == {"UNO"}
    assert _countries(accusation.recipients) == {"MMR"}
    # the accusation is made as "a fait savoir" says: asserted, whatever "pourrait" hedges
    assert accusation.modality == "asserted"


def test_selon_names_the_accuser_and_keeps_the_hedge(events_of):
    events = events_of("Selon le Conseil de sécurité, il pourrait s'agir de crimes de guerre "
                       "commis par l'armée birmane.", "2024-03-12")
    (accusation,) = [e for e in events if e.type == "ACCUSE"]
    assert _countries(accusation.actors) == {"UNO"}
    assert accusation.modality == "hypothetical"


def test_the_speaker_of_a_quotation_calling_an_act_a_crime_accuses(events_of):
    events = events_of("« C'est un crime de guerre », a affirmé le président ukrainien après les frappes.",
                       "2024-03-12")
    (accusation,) = [e for e in events if e.type == "ACCUSE"]
    assert _countries(accusation.actors) == {"UKR"}


def test_a_downgrade_by_an_agency_sanctions_the_rated_state(events_of):
    events = events_of("La note du Portugal par Moody's est passée de Baa1 à Ba2.", "2011-07-06")
    (downgrade,) = [e for e in events if e.type == "SANCTION"]
    assert _names(downgrade.actors) == {"Moody's"}
    assert _countries(downgrade.recipients) == {"PRT"}


def test_a_rating_raised_is_no_sanction(events_of):
    events = events_of("La note du Portugal par Moody's est passée de Ba2 à Baa1.", "2011-07-06")
    assert not [e for e in events if e.type == "SANCTION"]


def test_a_meeting_noun_with_its_two_sides(events_of):
    events = events_of("La réunion entre le président français et le chancelier allemand a eu lieu "
                       "lundi à Berlin.", "2024-03-12")
    (meeting,) = [e for e in events if e.type == "CONSULT"]
    assert _countries(meeting.actors + meeting.recipients) == {"FRA", "DEU"}
    assert meeting.date.value == "2024-03-11"


def test_damage_done_by_a_fire_befalls_no_state(events_of):
    # neither the article's dominant state nor the capital's government is the victim
    events = events_of("Le gouvernement malien a décrété un deuil national. Le gouvernement malien "
                       "a remercié les secours. Un violent incendie a détruit samedi un marché de "
                       "Bamako, selon le gouvernement malien.", "2024-03-12")
    assert not [e for e in events if e.type == "ASSAULT"]


def test_damage_done_by_people_in_a_capital_stays_an_assault(events_of):
    events = events_of("Des hommes armés ont détruit samedi un marché de Bamako.", "2024-03-12")
    (attack,) = [e for e in events if e.type == "ASSAULT"]
    assert "MLI" in _countries(attack.actors + attack.recipients)


def test_a_capital_naming_a_place_is_the_city_not_the_government(parse):
    doc = parse("Le président libanais a inauguré dimanche l'université de Beyrouth.", "2024-03-12")
    beirut = [m for m in doc._.actor_mentions if m.text == "Beyrouth"]
    assert not any(m.entity.kind == "state" for m in beirut)


def test_a_capital_acting_is_its_government(parse):
    doc = parse("Moscou a condamné samedi les sanctions américaines.", "2024-03-12")
    (moscow,) = [m for m in doc._.actor_mentions if m.text == "Moscou"]
    assert moscow.entity.country == "RUS"


def test_la_reunion_the_island_needs_its_capital(parse):
    doc = parse("La réunion des ministres a eu lieu lundi à Paris.", "2024-03-12")
    assert not [m for m in doc._.actor_mentions if m.entity.country == "REU"]


def test_negation_stops_at_a_coordinated_clause_with_its_own_subject(events_of):
    events = events_of("Le Premier ministre japonais n'a pas démissionné, mais il a rencontré lundi "
                       "le président américain à Tokyo.", "2024-03-12")
    modality = {e.type: e.modality for e in events}
    assert modality.get("RETREAT") == "negated"
    assert modality.get("CONSULT") == "asserted"


def test_entre_x_et_y_whatever_the_parse_hangs_them_on(events_of):
    events = events_of("Les deux hommes se connaissent bien. Ils s'étaient vus pour la première fois le "
                       "12 juin 2018 à Singapour, lors d'un sommet historique, le premier entre un "
                       "président américain en exercice et un dirigeant nord-coréen.", "2026-02-10")
    (summit,) = [e for e in events if e.type == "CONSULT"]
    assert _countries(summit.actors + summit.recipients) == {"USA", "PRK"}
    assert summit.date.value == "2018-06-12"


def test_an_organisation_acting_on_an_unnamed_side_acts_on_no_one(events_of):
    (accusation,) = [e for e in events_of("L'Organisation des Nations unies a dénoncé mardi des "
                                          "violations graves.", "2024-03-12") if e.type == "ACCUSE"]
    assert _countries(accusation.actors) == {"UNO"} and accusation.recipients == []


def test_a_government_acting_on_an_unnamed_side_acts_at_home(events_of):
    (accusation,) = [e for e in events_of("Le gouvernement espagnol a dénoncé mardi des violations "
                                          "graves.", "2024-03-12") if e.type == "ACCUSE"]
    assert _countries(accusation.recipients) == {"ESP"}
