"""Fixtures shared by the whole suite.

* ``shared``: the ../shared folder (gold data, scorers), or a clean skip where it is absent.
* ``pipeline``: the full dateline pipeline, loaded once per test session.
* ``parse``: parse a text with a publication date through the full pipeline, giving the Doc.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "spec" / "EVENTS.md").exists():
        pytest.skip("../shared is not here (gold data and scorers are not shipped)")
    return SHARED


@pytest.fixture(scope="session")
def pipeline():
    from dateline.nlp.pipeline import default_pipeline

    return default_pipeline()  # the same instance the in-process CLI uses


@pytest.fixture(scope="session")
def parse(pipeline):
    """``parse(text, "2025-10-27")`` -> spaCy Doc with every dateline attribute set."""
    from dateline.model import Article

    def _parse(text: str, date: str = "2025-10-27", article_id: str = "test"):
        article = Article(id=article_id, date=dt.date.fromisoformat(date), text=text)
        return pipeline.parse(article)

    return _parse
