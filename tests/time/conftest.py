"""Fixtures of the time tests: the parse and time stage alone (no actors, no events)."""
from __future__ import annotations

import datetime as dt

import pytest

from dateline.model import Article


@pytest.fixture(scope="session")
def time_doc(pipeline):
    """``time_doc(text, dct)`` -> the Doc after spaCy's parse and the time stage only."""
    skip = {"dateline_actors", "dateline_events"}

    def _doc(text: str, dct: str = "2025-10-27"):
        doc = pipeline.make_doc(Article(id="test", date=dt.date.fromisoformat(dct), text=text))
        for name, proc in pipeline.nlp.pipeline:
            if name not in skip:
                doc = proc(doc)
        return doc

    return _doc


@pytest.fixture(scope="session")
def values(time_doc):
    """``values(text, dct)`` -> [(text, type, value)] of the expressions found."""

    def _values(text: str, dct: str = "2025-10-27"):
        return [(t.text, t.type, t.value) for t in time_doc(text, dct)._.timexes]

    return _values
