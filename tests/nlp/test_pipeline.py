"""The pipeline as a whole: components in order, blocks, offsets, batch and workers."""
from __future__ import annotations

import datetime as dt

import pytest

from dateline.model import Article


def test_components_run_in_order_after_spacy(pipeline):
    names = pipeline.nlp.pipe_names
    assert names.index("dateline_blocks") < names.index("parser")
    assert names[-3:] == ["dateline_time", "dateline_actors", "dateline_events"]


def test_a_headline_stays_its_own_sentence(parse):
    doc = parse("Trump rappelle sa bonne entente avec Kim Jong-un\n\n"
                "Pour rappel, la dernière rencontre remonte au 12 juin 2018.")
    sentences = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert sentences[0] == "Trump rappelle sa bonne entente avec Kim Jong-un"


@pytest.mark.parametrize("ellipsis", ["…", ""])  # with and without a replacement longer than one character
def test_every_offset_slices_the_original_text(pipeline, ellipsis):
    text = (f"Le président américain s’est rendu à Séoul{ellipsis} « C’est un succès », a-t-il dit.\n\n"
            "L’armée a arrêté mardi trois opposants à Pyongyang. Selon l’ONU, il s’agit d’un crime "
            "contre l’humanité.")
    article = Article(id="o", date=dt.date(2025, 5, 8), text=text)
    extraction = pipeline.extract(article)
    for tx in extraction.timexes:
        assert text[tx.start:tx.end] == tx.text
    records = extraction.event_records()
    assert records
    for rec in records:
        for m in rec["mentions"]:
            assert 0 <= m["start"] <= m["trigger_start"] < m["trigger_end"] <= m["end"] <= len(text)
            assert text[m["trigger_start"]:m["trigger_end"]] == m["trigger"] or " ... " in m["trigger"]


def test_batch_and_workers_give_the_same_records(pipeline):
    articles = [Article(id=f"w{i}", date=dt.date(2024, 6, 1 + i),
                        text=f"Le ministre russe des Affaires étrangères a rencontré hier son homologue chinois à Pékin. ({i})")
                for i in range(6)]
    one = [x.event_records() for x in pipeline.extract_many(articles, workers=1, batch_size=4)]
    two = [x.event_records() for x in pipeline.extract_many(articles, workers=2, batch_size=2)]
    assert one == two
    assert [pipeline.extract(a).event_records() for a in articles] == one


@pytest.mark.parametrize("workers", [1, 2])
def test_an_article_that_breaks_a_stage_is_rejected_and_the_others_go_on(pipeline, monkeypatch, workers):
    from dateline.events.extractor import EventExtractor
    from dateline.model import Extraction, Rejection

    original = EventExtractor.__call__

    def flaky(self, doc):
        if "PANNE" in doc.text:
            raise RuntimeError("stage broke")
        return original(self, doc)

    monkeypatch.setattr(EventExtractor, "__call__", flaky)
    articles = [Article(id=f"a{i}", date=dt.date(2024, 6, 1),
                        text=f"Le président français a rencontré hier le chancelier allemand. "
                             f"{'PANNE' if i == 3 else ''} ({i})") for i in range(7)]
    out = list(pipeline.extract_many(articles, workers=workers, batch_size=2))
    assert [isinstance(x, Rejection) for x in out] == [False, False, False, True, False, False, False]
    assert "'a3'" in str(out[3]) and "stage broke" in str(out[3])
    kept = [x for x in out if isinstance(x, Extraction)]
    assert [x.article.id for x in kept] == ["a0", "a1", "a2", "a4", "a5", "a6"]
    assert all(x.events for x in kept)
