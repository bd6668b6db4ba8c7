"""dateline's TempEval-3 scorer gives exactly the shared scorer's figures; TimeML is
read with the offsets of the French TimeBank conversion."""
from __future__ import annotations

import importlib.util
import json
import random

import pytest

from dateline.time.evaluate import read_articles, read_jsonl, read_timeml, score, timeml_files
from dateline.time.tagger import TimeTagger


def _shared_scorer(shared):
    spec = importlib.util.spec_from_file_location("score_timex", shared / "eval" / "score_timex.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _write(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def _variants(pred):
    rng = random.Random(7)
    yield pred
    yield []
    yield pred[::2]
    noisy = []
    for r in pred:
        r = dict(r)
        roll = rng.random()
        if roll < 0.2:
            r["start"] += 1
        elif roll < 0.4:
            r["value"] = "XXXX"
        elif roll < 0.5:
            r["type"] = "SET"
        noisy.append(r)
        if roll > 0.9:
            noisy.append(dict(r, start=r["start"] + 2, end=r["end"] + 5))
    noisy.append({"article_id": "not-in-gold", "start": 0, "end": 4, "type": "DATE", "value": "2001"})
    yield noisy


def test_same_figures_as_the_shared_scorer(shared, tmp_path):
    ftib = shared / "data" / "ftib"
    tagger = TimeTagger("fr")
    pred = [t.to_record(a.id) for a in read_articles(ftib / "articles.dev.jsonl")
            for t in tagger.find(a.text, a.date)]
    gold_path = ftib / "timex.dev.jsonl"
    gold = read_jsonl(gold_path)
    reference = _shared_scorer(shared)
    for i, variant in enumerate(_variants(pred)):
        pred_path = _write(tmp_path / f"pred{i}.jsonl", variant)
        assert score(gold, variant) == reference.score(str(gold_path), str(pred_path))


def test_timeml_reading_matches_the_conversion(shared):
    ftib = shared / "data" / "ftib"
    files = timeml_files(ftib / "tml")[::2]  # the dev split: even positions
    articles = {a.id: a for a in read_articles(ftib / "articles.dev.jsonl")}
    gold = read_jsonl(ftib / "timex.dev.jsonl")
    read = [read_timeml(f) for f in files]
    assert [a.id for a, _ in read] == list(articles)
    for article, _ in read:
        assert article.text == articles[article.id].text
        assert article.date == articles[article.id].date
    assert [t for _, ts in read for t in ts] == gold


def test_bad_timeml_is_an_input_error(tmp_path):
    from dateline.errors import InputError

    bad = tmp_path / "bad.tml"
    bad.write_text("<TimeML><TEXT>pas de DCT</TEXT></TimeML>", encoding="utf-8")
    with pytest.raises(InputError, match="DCT"):
        read_timeml(bad)
