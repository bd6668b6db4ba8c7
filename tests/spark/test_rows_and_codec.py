"""What the Spark executors run, without Spark: record checks, partitions, the extraction codec."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.model import Article, Extraction, Rejection
from dateline.spark.codec import extraction_from_json, extraction_to_json
from dateline.spark.rows import event_month, parse_record, process

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.mark.parametrize("value, month", [
    ("2019-02-27", "2019-02"), ("2019-02", "2019-02"), ("2019-02-27T10:00", "2019-02"),
    ("2019", "2019"), ("2012-SU", "2012"), ("2024-W49", "2024-12"), ("2025-W01", "2025-01"),
    (None, "unknown"), ("PRESENT_REF", "unknown"), ("P3Y", "unknown"), ("XXXX-XX", "unknown"),
])
def test_event_month(value, month):
    assert event_month(value) == month


def test_parse_record_applies_the_readers_checks():
    ok = parse_record(json.dumps({"id": "a", "date": "2024-05-01", "text": "Le président a parlé."}),
                      "f.jsonl#1", 0)
    assert isinstance(ok, Article) and ok.id == "a" and ok.source == "f.jsonl#1"
    assert parse_record(json.dumps({"date": "2024-05-01", "text": "x y"}), "dir/f.jsonl#7", 6).id == "f#7"
    for raw, reason in [("{not json", "malformed JSON"), ("[1, 2]", "not a JSON object"),
                        (json.dumps({"date": "2024-05-01"}), '"text"'),
                        (json.dumps({"date": "2024-13-01", "text": "x"}), "2024-13-01"),
                        (json.dumps({"date": "2024-05-01", "text": "  "}), "empty text")]:
        item = parse_record(raw, "f.jsonl#2", 1)
        assert isinstance(item, Rejection) and reason in item.reason, (raw, item)


def test_process_keeps_one_result_per_record_and_rejects_what_fails():
    def extract_many(articles):
        for a in articles:
            yield Rejection(a.source, "stage failed") if a.id == "boom" else Extraction(a, [], [])

    records = [(json.dumps({"id": i, "date": "2024-05-01", "text": "Le président a parlé."}), f"f#{n}", n)
               for n, i in enumerate(["a", "boom", "b"])] + [("nope", "f#3", 3)]
    rows = list(process(records, extract_many))
    tables = sorted((t, o) for t, _, o, _ in rows)
    assert tables == [("articles", 0), ("articles", 2), ("rejects", 1), ("rejects", 3)]
    reasons = {o: json.loads(p)["reason"] for t, _, o, p in rows if t == "rejects"}
    assert reasons[1] == "stage failed" and "malformed JSON" in reasons[3]


def test_codec_round_trips_the_sample_extractions(pipeline):
    from dateline.read import read_paths

    articles = [a for a in read_paths([str(SAMPLES)]) if isinstance(a, Article)]
    extractions = [x for x in pipeline.extract_many(articles) if isinstance(x, Extraction)]
    assert extractions
    for x in extractions:
        back = extraction_from_json(extraction_to_json(x))
        assert back == x
        assert back.event_records() == x.event_records()
        # One entity object per entity, shared by the events that name it (the store keys on it).
        pool = {id(e) for e in back.entities}
        assert all(id(p) in pool for ev in back.events for p in ev.actors + ev.recipients
                   if any(p == e for e in x.entities))
