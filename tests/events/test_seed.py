"""The seed article (../shared/examples): three Trump–Kim meetings, the failed
agreement, Trump's wish, and level B F1 >= 0.8 against its gold."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def seed(shared, pipeline):
    from dateline.read import read_paths
    from dateline.model import Rejection

    (article,) = [a for a in read_paths([str(shared / "examples" / "seed-article.txt")])
                  if not isinstance(a, Rejection)]
    article.id = "seed-article"
    return pipeline.extract(article)


def _countries(ev):
    return {e.country for e in ev.actors + ev.recipients}


def _find(extraction, type_, modality, date=None):
    return [e for e in extraction.events if e.type == type_ and e.modality == modality
            and (date is None or e.date.value == date) and {"USA", "PRK"} <= _countries(e)]


def test_three_meetings(seed):
    for date in ("2018-06-12", "2019-02", "2019-06"):
        assert _find(seed, "CONSULT", "asserted", date), date


def test_singapore_meeting_is_one_event(seed):
    (singapore,) = _find(seed, "CONSULT", "asserted", "2018-06-12")
    assert len(singapore.evidence) >= 2


def test_agreement_not_signed(seed):
    assert _find(seed, "SUPPORT", "negated")


def test_wish_to_meet(seed):
    (wish,) = _find(seed, "CONSULT", "intended")
    assert wish.plover == "AGREE"


def test_level_b(seed, shared):
    from dateline.events.evaluate import read_gold, score

    gold = read_gold(shared / "examples" / "seed-article.gold.json")
    result = score(gold, seed.event_records())
    assert result["B"]["F1"] >= 0.8, result["B"]


def test_evidence_slices_the_text(seed):
    for ev in seed.events:
        for span in ev.evidence:
            assert seed.article.text[span.trigger_start:span.trigger_end]
            assert span.start <= span.trigger_start < span.trigger_end <= span.end
