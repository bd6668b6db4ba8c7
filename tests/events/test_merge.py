"""In-article merging: one event per act, several evidence spans."""
from __future__ import annotations

from dateline.events.merge import Candidate, dates_compatible, merge
from dateline.model import Entity, Event, EventDate, Evidence

TRUMP = Entity(id="p:trump", name="Trump", kind="person", country="USA")
KIM = Entity(id="p:kim", name="Kim", kind="person", country="PRK")


def _cand(type_="CONSULT", modality="asserted", date=None, who=(TRUMP, KIM), sent=0, **kw):
    ev = Event(type=type_, modality=modality, actors=list(who), recipients=[],
               date=EventDate(date, date, "explicit" if date else "publication"),
               evidence=[Evidence(sent * 10, sent * 10 + 9, "t", sent * 10, sent * 10 + 1)])
    return Candidate(event=ev, sent_index=sent, **kw)


def test_dates_compatible():
    assert dates_compatible("2019", "2019-02")
    assert dates_compatible(None, "2019-02")
    assert not dates_compatible("2019-02", "2019-06")


def test_same_meeting_twice_is_one_event():
    kept = merge([_cand(date="2018-06-12", sent=0), _cand(date=None, sent=1)])
    assert len(kept) == 1
    assert len(kept[0].event.evidence) == 2
    assert kept[0].event.date.value == "2018-06-12"


def test_other_date_other_meeting():
    assert len(merge([_cand(date="2019-02"), _cand(date="2019-06", sent=1)])) == 2


def test_second_summit_is_distinct():
    assert len(merge([_cand(), _cand(sent=1, distinct=True, nominal=True)])) == 2


def test_modality_keeps_acts_apart():
    assert len(merge([_cand(modality="intended"), _cand(sent=1)])) == 2


def test_anaphor_never_stands_alone():
    assert merge([_cand(type_="AGREE", anaphoric=True, nominal=True)]) == []


def test_other_participants_other_act():
    other = Entity(id="s:rus", name="Russie", kind="state", country="RUS")
    assert len(merge([_cand(), _cand(who=(TRUMP, other), sent=1)])) == 2


def test_two_verbs_in_two_sentences_are_two_acts():
    other = Entity(id="s:kor", name="Corée du Sud", kind="state", country="KOR")
    first, later = _cand(who=(TRUMP, KIM)), _cand(who=(TRUMP, KIM, other), sent=1)
    assert len(merge([first, later])) == 2


def test_a_noun_restating_the_act_nearby_is_the_same_act():
    kept = merge([_cand(who=(TRUMP, KIM)), _cand(who=(TRUMP,), sent=1, nominal=True)])
    assert len(kept) == 1


def test_the_evidence_is_the_fullest_mention():
    vague = _cand(who=(TRUMP,), sent=0, nominal=True)
    full = _cand(who=(TRUMP, KIM), date="2018-06-12", sent=1)
    (kept,) = merge([vague, full])
    assert kept.event.evidence[0].start == 10  # the dated mention, with both participants
    assert len(kept.event.evidence) == 2


def test_a_mention_naming_no_one_does_not_take_in_a_far_one():
    nobody = _cand(who=(), sent=0)
    far = _cand(who=(TRUMP,), sent=5, nominal=True)
    assert len(merge([nobody, far])) == 2
