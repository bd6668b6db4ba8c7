"""The Spark job on a local Spark (``local[2]``) gives what the single-machine CLI gives.

One SparkSession and one job run for the module: the sample corpus as JSONL,
plus three broken records, through ``dateline.spark.job.run_job``; then the
output is compared record for record with ``Pipeline.extract_many`` on the
same file read by the CLI's readers, and loaded into SQLite with ``dateline load``.
"""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.spark
pytest.importorskip("pyspark")
pytest.importorskip("pandas")
if shutil.which("java") is None:
    pytest.skip("no java on PATH (CI installs openjdk-17-jre-headless)", allow_module_level=True)

from dateline.model import Article, Extraction, Rejection  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
BROKEN = [
    "ceci n'est pas du JSON",
    json.dumps({"id": "sans-texte", "date": "2024-05-01", "title": "pas de texte"}),
    json.dumps({"id": "date-impossible", "date": "2024-02-31", "text": "Le président a reçu son homologue."}),
]


def _canonical(records: list[dict]) -> list[str]:
    return sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in records)


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    patch = pytest.MonkeyPatch()
    # The workers need this Python (dateline, the model); pyspark reads only the variable.
    patch.setenv("PYSPARK_PYTHON", sys.executable)
    session = (SparkSession.builder.master("local[2]").appName("dateline-tests")
               .config("spark.sql.shuffle.partitions", "2")
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
    patch.undo()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The sample corpus (as the CLI reads it) as one JSONL file, broken records at the end."""
    from dateline.read import read_paths

    articles = [a for a in read_paths([str(SAMPLES)]) if isinstance(a, Article)]
    assert len(articles) >= 5, "the sample corpus is missing"
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    lines = [json.dumps(a.to_record(), ensure_ascii=False) for a in articles] + BROKEN
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def single_machine(corpus) -> tuple[list[Extraction], list[Rejection]]:
    """What the CLI gets from the same file: readers, then ``cached_pipeline().extract_many``."""
    from dateline.nlp.pipeline import cached_pipeline
    from dateline.read import read_paths

    items = list(read_paths([str(corpus)]))
    articles = [i for i in items if isinstance(i, Article)]
    rejected = [i for i in items if isinstance(i, Rejection)]
    results = list(cached_pipeline().extract_many(articles))
    rejected += [r for r in results if isinstance(r, Rejection)]
    return [r for r in results if isinstance(r, Extraction)], rejected


@pytest.fixture(scope="module")
def output(spark, corpus, tmp_path_factory) -> tuple[Path, dict]:
    from dateline.spark.job import run_job

    out = tmp_path_factory.mktemp("spark") / "out"
    counts = run_job(spark, str(corpus), str(out))
    return out, counts


def _table(out: Path, name: str) -> list[dict]:
    import pyarrow.dataset as ds

    return ds.dataset(out / name, format="parquet", partitioning="hive").to_table().to_pylist()


def test_events_equal_single_machine(output, single_machine):
    out, counts = output
    extractions, _ = single_machine
    expected = [r for x in extractions for r in x.event_records()]
    got = [{k: v for k, v in r.items() if k != "event_month"} for r in _table(out, "events")]
    assert expected, "the sample corpus gives no event: nothing is compared"
    assert counts["events"] == len(expected)
    assert _canonical(got) == _canonical(expected)


def test_timex_equal_single_machine(output, single_machine):
    out, _ = output
    extractions, _ = single_machine
    expected = [r for x in extractions for r in x.timex_records()]
    got = [{k: v for k, v in r.items() if k != "event_month"} for r in _table(out, "timex")]
    assert _canonical(got) == _canonical(expected)


def test_partitioned_by_event_month(output):
    from dateline.spark.rows import event_month

    out, _ = output
    events = _table(out, "events")
    assert all(r["event_month"] == event_month((r["date"] or {}).get("value")) for r in events)
    assert any(p.name.startswith("event_month=") for p in (out / "events").iterdir())


def test_articles_carry_the_whole_extraction(output, single_machine):
    from dateline.spark.codec import extraction_from_json

    out, _ = output
    extractions, _ = single_machine
    rows = sorted(_table(out, "articles"), key=lambda r: r["ordinal"])
    assert [extraction_from_json(r["extraction"]) for r in rows] == extractions


def test_broken_records_go_to_rejects_with_their_reason(output, single_machine):
    out, counts = output
    _, rejected = single_machine
    rejects = _table(out, "rejects")
    assert counts["rejects"] == len(BROKEN) == len(rejects)
    assert sorted(r["record"] for r in rejects) == sorted(BROKEN)
    by_source = {r.source: r.reason for r in rejected}
    for r in rejects:  # same source and reason as the CLI (which prefixes the line number)
        assert by_source[r["source"]].endswith(r["reason"]), (r, by_source)
    reasons = " ".join(r["reason"] for r in rejects)
    assert "malformed JSON" in reasons and '"text"' in reasons and "2024-02-31" in reasons


def test_load_fills_the_store_as_ingest_does(output, corpus, tmp_path):
    from click.testing import CliRunner

    from dateline.cli import main
    from dateline.cli.core import ingest_paths
    from dateline.store.database import Database

    out, counts = output
    loaded, ingested = tmp_path / "loaded.db", tmp_path / "ingested.db"
    result = CliRunner().invoke(main, ["load", str(out), "--db", str(loaded)])
    assert result.exit_code == 0, result.output
    ingest_paths([str(corpus)], str(ingested), progress=False)
    with Database(loaded) as a, Database(ingested) as b:
        assert a.stats()["articles"] > 0
        assert {k: v for k, v in a.stats().items()} == b.stats()
        assert list(a.iter_events()) == list(b.iter_events())
    again = CliRunner().invoke(main, ["load", str(out), "--db", str(loaded)])
    assert again.exit_code == 0 and "0 new" in again.output


def test_parquet_input_gives_the_same_records(spark, corpus, single_machine, tmp_path):
    import datetime as dt

    import pyarrow as pa
    import pyarrow.parquet as pq

    from dateline.spark.job import run_job

    extractions, _ = single_machine
    some = extractions[:4]
    rows = [dict(x.article.to_record(), date=dt.date.fromisoformat(x.article.to_record()["date"]))
            for x in some]  # a real date column, as Parquet exports usually have
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "articles.parquet")
    counts = run_job(spark, str(tmp_path / "articles.parquet"), str(tmp_path / "out"))
    assert counts["rejects"] == 0 and counts["articles"] == len(some)
    got = [{k: v for k, v in r.items() if k != "event_month"} for r in _table(tmp_path / "out", "events")]
    assert _canonical(got) == _canonical([r for x in some for r in x.event_records()])
