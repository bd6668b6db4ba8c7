"""Every example of the French events data, run through the full pipeline.

Each trigger entry's examples must yield an event of the entry's type (or the
example's own ``type``), with the example's modality when it gives one; the
modality cue examples must yield an event with that modality.
"""
from __future__ import annotations

import pytest

from dateline.events.lexicon import load_lexicon

LEX = load_lexicon("fr")
TRIGGER_CASES = [pytest.param(e, ex, id=f"{e.type}:{'|'.join(e.pattern[e.head])}:{ex.text[:30]}")
                 for e in LEX.triggers for ex in e.examples]
MODALITY_CASES = [pytest.param(ex, id=ex.text[:40]) for ex in LEX.modality.examples]


def _found(events):
    return [(e.type, e.modality) for e in events]


@pytest.mark.parametrize("entry, example", TRIGGER_CASES)
def test_trigger_example(parse, entry, example):
    events = parse(example.text)._.events or []
    want = example.type or entry.type
    got = _found(events)
    assert any(t == want for t, _ in got), f"{example.text!r}: {got}"
    if example.modality:
        assert (want, example.modality) in got, f"{example.text!r}: {got}"


@pytest.mark.parametrize("example", MODALITY_CASES)
def test_modality_example(parse, example):
    got = _found(parse(example.text)._.events or [])
    assert any(m == example.modality for _, m in got), f"{example.text!r}: {got}"
