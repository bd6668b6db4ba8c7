"""The events stage on whole texts: participants left implicit, senses, one record per act."""
from __future__ import annotations


def _countries(event) -> set[str]:
    return {p.country for p in event.actors + event.recipients if p.country}


def test_a_subject_pointing_back_takes_the_participants_of_the_act_before(events_of):
    events = events_of("Le 4 mai 1990, des rebelles libériens ont enlevé trois diplomates nigérians. "
                       "Ces derniers n'ont été libérés qu'en janvier 1991.", "2012-03-10")
    (released,) = [e for e in events if e.type == "RETREAT"]
    assert _countries(released) == {"LBR", "NGA"}
    assert (released.modality, released.date.value) == ("asserted", "1991-01")


def test_a_named_subject_does_not_borrow_participants(events_of):
    events = events_of("Le 4 mai 1990, des rebelles libériens ont enlevé trois diplomates nigérians. "
                       "Des inconnus ont été libérés en janvier 1991.", "2012-03-10")
    assert not [e for e in events if e.type == "RETREAT" and _countries(e) == {"LBR", "NGA"}]


def test_a_dismissal_is_not_thanks(events_of):
    fired = events_of("La présentatrice de la télévision publique espagnole a été remerciée vendredi "
                      "par le gouvernement espagnol.", "2012-08-07")
    assert [e.type for e in fired if e.type in ("COERCE", "SUPPORT")] == ["COERCE"]
    thanks = events_of("Le président haïtien a remercié le gouvernement canadien pour son aide.", "2012-08-07")
    assert [e.type for e in thanks if e.type in ("COERCE", "SUPPORT")] == ["SUPPORT"]


def test_acts_of_different_subjects_in_two_sentences_stay_apart(events_of):
    events = events_of("Les talibans ont attaqué un hôtel à Kaboul. "
                       "Les talibans ont aussi enlevé deux journalistes afghans.", "2012-06-22")
    assert len([e for e in events if e.type == "ASSAULT"]) == 2


def test_a_threat_is_aimed_at_every_target_of_what_it_threatens(events_of):
    events = events_of("La Russie a menacé d'envahir l'ambassade géorgienne pour capturer "
                       "le journaliste ukrainien.", "2012-08-17")
    (threat,) = [e for e in events if e.type == "THREATEN"]
    assert {p.country for p in threat.recipients} == {"GEO", "UKR"}


def test_an_act_of_force_naming_no_one_befalls_the_article_state(events_of):
    text = ("Le président syrien a reçu le ministre syrien de l'Intérieur. Le gouvernement syrien dément. "
            "L'armée syrienne reste déployée. Le rapport décrit des tortures systématiques depuis mars 2011.")
    events = events_of(text, "2012-07-03")
    torture = [e for e in events if e.type == "ASSAULT"]
    assert torture and _countries(torture[0]) == {"SYR"}
    assert torture[0].date.value == "2011-03"
