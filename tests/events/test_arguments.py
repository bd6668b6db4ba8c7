"""Participants come from the parse: who acts, not when or where."""


def test_a_city_inside_a_date_is_no_participant(events_of):
    events = events_of("Le président chinois et le Premier ministre indien s'étaient rencontrés "
                       "le 3 mars 2019 à Singapour, avant de signer un communiqué.", "2024-05-02")
    meetings = [e for e in events if e.type == "CONSULT"]
    assert meetings
    countries = {p.country for e in meetings for p in e.actors + e.recipients}
    assert "SGP" not in countries
    assert {"CHN", "IND"} <= countries


def _sides(events, type_):
    return [({p.country for p in e.actors}, {p.country for p in e.recipients})
            for e in events if e.type == type_]


def test_coordinated_subjects_of_a_reciprocal_verb_are_all_actors(events_of):
    # The parse hangs "et Kim Jong-un" on "Trump", the last word of the first name.
    events = events_of("Les relations restent tendues. Donald Trump et Kim Jong-un s'étaient "
                       "rencontrés le 30 juin 2019 à Panmunjom.", "2024-05-02")
    assert ({"USA", "PRK"}, set()) in _sides(events, "CONSULT")


def test_an_object_clitic_stands_for_the_object_named_before(events_of):
    events = events_of("Le Royaume-Uni a longtemps protégé le général Pinochet en refusant de "
                       "l'extrader vers l'Espagne.", "2012-08-17")
    assert any("CHL" in rec for _, rec in _sides(events, "REJECT")), _sides(events, "REJECT")


def test_the_person_after_de_in_an_arrest_is_its_victim(events_of):
    events = events_of("L'arrestation de Alexeï Navalny par la police russe a été condamnée.",
                       "2021-01-18")
    sides = _sides(events, "COERCE")
    assert sides and all("RUS" in rec for _, rec in sides), sides
    assert all(e.actors == [] or all(a.name != "Alexeï Navalny" for a in e.actors)
               for e in events if e.type == "COERCE")

