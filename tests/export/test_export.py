"""Every export format written from a real store and read back."""
from __future__ import annotations

import csv
import json
import re

import pyarrow.parquet as pq
import pytest

from dateline.export import export
from dateline.export.cameo import event_code, goldstein, quad_class
from dateline.export.gdelt import COLUMNS
from dateline.store import Database
from dateline.store.sample import sample_extractions


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "e.db"
    with Database(path) as database:
        for x in sample_extractions():
            database.add(x)
        yield database


def _summit(rows, key):
    return next(r for r in rows if key(r))


def test_jsonl_records_load_back_with_mentions(db, tmp_path):
    out = tmp_path / "e.jsonl"
    assert export(db, "jsonl", out) == 7
    recs = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(recs) == 7 and len({r["id"] for r in recs}) == 7
    summit = _summit(recs, lambda r: r["date"]["value"] == "2018-06-12")
    assert len(summit["mentions"]) == 3 and summit["plover"] == "CONSULT"


def test_csv_has_a_header_and_flat_rows(db, tmp_path):
    out = tmp_path / "e.csv"
    export(db, "csv", out)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == 7
    summit = _summit(rows, lambda r: r["date"] == "2018-06-12")
    assert summit["actor_countries"] == "PRK;USA" and summit["num_articles"] == "3"
    assert "Singapour" in summit["evidence"]


def test_parquet_reads_back_with_pyarrow(db, tmp_path):
    out = tmp_path / "e.parquet"
    assert export(db, "parquet", out) == 7
    table = pq.read_table(out)
    assert table.num_rows == 7
    rows = table.to_pylist()
    summit = _summit(rows, lambda r: r["date"] == "2018-06-12")
    assert {a["country"] for a in summit["actors"]} == {"USA", "PRK"}
    assert summit["num_mentions"] == 3 and len(summit["mention_ids"]) == 3


def test_plover_json_fields(db, tmp_path):
    out = tmp_path / "e.plover.jsonl"
    export(db, "plover", out)
    recs = [json.loads(line) for line in out.read_text().splitlines()]
    for r in recs:
        assert {"id", "date", "actor", "event"} <= set(r)
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"])
        assert r["quad_code"] in (1, 2, 3, 4) and isinstance(r["event_scale"], float)
    summit = _summit(recs, lambda r: r["date_value"] == "2018-06-12")
    assert summit["date"] == "2018-06-12" and summit["enddate"] is None
    assert summit["event"] == ["CONSULT"] and summit["actor"][0]["code"] == "USA"
    hanoi = _summit(recs, lambda r: r["date_value"] == "2019-02")
    assert (hanoi["date"], hanoi["enddate"]) == ("2019-02-01", "2019-02-28")
    intended = _summit(recs, lambda r: r["modality"] == "intended")
    assert intended["event"] == ["AGREE"] and intended["type"] == "CONSULT"
    assert intended["cameo"] == "030"


def test_gdelt_rows_have_61_columns_and_the_event_own_date(db, tmp_path):
    out = tmp_path / "e.tsv"
    export(db, "gdelt", out)
    rows = list(csv.reader(out.open(encoding="utf-8"), delimiter="\t",
                           quoting=csv.QUOTE_NONE))
    assert len(COLUMNS) == 61 and len(rows) == 7
    assert all(len(r) == 61 for r in rows)
    named = [dict(zip(COLUMNS, r)) for r in rows]
    summit = _summit(named, lambda r: r["SQLDATE"] == "20180612")
    assert summit["DATEADDED"].startswith("20251027")  # reported seven years later
    assert (summit["Actor1CountryCode"], summit["Actor2CountryCode"]) == ("USA", "PRK")
    assert (summit["EventCode"], summit["EventBaseCode"], summit["EventRootCode"]) == (
        "043", "043", "04")
    assert summit["QuadClass"] == "1" and float(summit["GoldsteinScale"]) == 1.0
    assert (summit["NumMentions"], summit["NumSources"], summit["NumArticles"]) == (
        "3", "3", "3")
    assert summit["ActionGeo_FullName"] == "Singapour"
    hanoi = _summit(named, lambda r: r["MonthYear"] == "201902")
    assert hanoi["SQLDATE"] == "20190201"  # partial dates: first day of the period
    threat = _summit(named, lambda r: r["EventRootCode"] == "13")
    assert threat["QuadClass"] == "3" and float(threat["GoldsteinScale"]) == -4.4
    for r in named:
        assert int(r["GLOBALEVENTID"]) > 0 and r["QuadClass"] in "1234"


def test_cameo_tables():
    assert event_code({"cameo": None, "plover": "ASSAULT"}) == "180"
    assert event_code({"cameo": "0234", "plover": "AID"}) == "0234"
    assert goldstein("190") == -10.0 and quad_class("0234") == 1 and quad_class("180") == 4
