"""The sample corpus: every sample reads to an Article with the expected id and date."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from dateline.model import MODALITIES, PLOVER_TYPES, Article
from dateline.read import read_paths

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

EXPECTED = {  # source (relative to samples/) -> (id, publication date)
    "peninsule-coreenne.txt": ("peninsule-coreenne", "2024-01-16"),
    "sanctions-russie-ue.txt": ("sanctions-russie-ue", "2024-06-25"),
    "niger-un-an-apres.txt": ("niger-un-an-apres", "2024-07-27"),
    "venezuela-gonzalez-espagne.txt": ("venezuela-gonzalez-espagne", "2024-09-09"),
    "georgie-manifestations.txt": ("georgie-manifestations", "2024-12-05"),
    "armenie-azerbaidjan-washington.txt": ("armenie-azerbaidjan-washington", "2025-08-09"),
    "kim-trump-retrouvailles.txt": ("kim-trump-retrouvailles", "2026-02-10"),
    "feed.jsonl#1": ("georgie-manifestations", "2024-12-05"),
    "feed.jsonl#2": ("soudan-conference-londres", "2025-04-16"),
    "feed.jsonl#3": ("mali-attentat-bamako", "2024-09-18"),
    "feed.rss#1": ("ukraine-russie-istanbul", "2025-05-17"),
    "feed.rss#2": ("serbie-manifestation-belgrade", "2025-03-16"),
    "page.html": ("page", "2026-03-12"),
}


@pytest.fixture(scope="module")
def articles() -> dict[str, Article]:
    items = list(read_paths([str(SAMPLES)]))
    assert all(isinstance(i, Article) for i in items), [i for i in items if not isinstance(i, Article)]
    return {str(Path(i.source).relative_to(SAMPLES)): i for i in items}


@pytest.fixture(scope="module")
def expected_events() -> list[dict]:
    with open(SAMPLES / "expected.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def test_every_sample_reads_with_its_id_and_date(articles):
    got = {source: (a.id, a.date.isoformat()) for source, a in articles.items()}
    assert got == EXPECTED


def test_each_format_has_a_sample(articles):
    suffixes = {Path(source.split("#")[0]).suffix for source in articles}
    assert suffixes == {".txt", ".jsonl", ".rss", ".html"}


def test_sample_lengths_and_dates(articles):
    unique = {a.id: a for a in articles.values()}
    assert 10 <= len(unique) <= 12
    for a in unique.values():
        words = len(re.findall(r"\w+", a.text))
        assert 150 <= words <= 400, (a.id, words)
    years = {a.date.year for a in unique.values()}
    assert years == {2024, 2025, 2026}


def test_the_repeated_article_is_the_same_content(articles):
    assert (articles["feed.jsonl#1"].content_hash
            == articles["georgie-manifestations.txt"].content_hash)


def test_every_file_is_named_explicitly_too():
    # Reading each file by name gives the same articles as the folder walk.
    for path in sorted(SAMPLES.iterdir()):
        if path.name in ("README.md", "expected.jsonl"):
            continue
        assert all(isinstance(i, Article) for i in read_paths([str(path)])), path


def test_expected_events_are_well_formed(articles, expected_events):
    texts = {a.id: a.text for a in articles.values()}
    for e in expected_events:
        assert set(e) == {"article_id", "type", "modality", "countries", "date", "trigger"}, e
        assert e["article_id"] in texts, e
        assert e["type"] in PLOVER_TYPES and e["modality"] in MODALITIES, e
        assert e["countries"] == sorted(e["countries"]) and e["countries"], e
        assert all(re.fullmatch(r"[A-Z]{3}", c) for c in e["countries"]), e
        assert e["date"] is None or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", e["date"]), e
        if e["date"] and len(e["date"]) == 10:
            dt.date.fromisoformat(e["date"])
        assert e["trigger"] in texts[e["article_id"]], e


def test_expected_events_cover_every_article_and_modality(articles, expected_events):
    per_article: dict[str, int] = {}
    for e in expected_events:
        per_article[e["article_id"]] = per_article.get(e["article_id"], 0) + 1
    assert set(per_article) == {a.id for a in articles.values()}
    assert min(per_article.values()) >= 3
    assert {e["modality"] for e in expected_events} == set(MODALITIES)


def test_singapore_summit_is_recalled_by_two_articles(expected_events):
    recalls = {e["article_id"] for e in expected_events
               if e["type"] == "CONSULT" and e["date"] == "2018-06-12"}
    assert recalls == {"peninsule-coreenne", "kim-trump-retrouvailles"}
