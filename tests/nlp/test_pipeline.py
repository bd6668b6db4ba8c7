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
