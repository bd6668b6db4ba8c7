"""Participants come from the parse: who acts, not when or where."""


def test_a_city_inside_a_date_is_no_participant(events_of):
    events = events_of("Le président chinois et le Premier ministre indien s'étaient rencontrés "
                       "le 3 mars 2019 à Singapour, avant de signer un communiqué.", "2024-05-02")
    meetings = [e for e in events if e.type == "CONSULT"]
    assert meetings
    countries = {p.country for e in meetings for p in e.actors + e.recipients}
    assert "SGP" not in countries
    assert {"CHN", "IND"} <= countries
