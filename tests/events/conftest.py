"""Fixtures of the events tests: spaCy's French parse alone, for the mechanisms
that need no other dateline stage (triggers, modality)."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp_fr():
    import spacy

    return spacy.load("fr_core_news_md")


@pytest.fixture(scope="session")
def extractor():
    from dateline.events.extractor import EventExtractor

    return EventExtractor("fr")


@pytest.fixture(scope="session")
def events_of(parse):
    """``events_of(text, date)`` -> the Events of a text run through the full pipeline."""

    def _events(text: str, date: str = "2025-10-27"):
        return list(parse(text, date)._.events or [])

    return _events
