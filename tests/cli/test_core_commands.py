"""The core commands as a user runs them: extract, timex, ingest, events, timeline, show, check."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import main

SAMPLES = Path(__file__).resolve().parents[2] / "samples"

ARTICLE = """date 2025-03-14
Le président français Emmanuel Macron s’est rendu jeudi à Berlin, où il a rencontré le chancelier allemand.

Les deux dirigeants s’étaient déjà rencontrés le 12 juin 2018 à Paris, sans parvenir à un accord.
"""


@pytest.fixture()
def runner():
    return CliRunner()


@pytest.fixture()
def article(tmp_path) -> Path:
    path = tmp_path / "visite-berlin.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _records(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip().startswith("{")]


def test_extract_prints_event_records_whose_offsets_slice_the_original_text(runner, article):
    result = runner.invoke(main, ["extract", str(article)])
    assert result.exit_code == 0, result.output
    records = _records(result.stdout)
    assert records, "no event extracted"
    text = ARTICLE.split("\n", 1)[1]
    for rec in records:
        assert rec["article_id"] == "visite-berlin"
        assert {"type", "mode", "context", "cameo", "actors", "recipients", "date", "location",
                "modality", "plover", "evidence", "confidence"} <= rec.keys()
        ev = rec["evidence"]
        # the trigger sits inside the evidence sentence, and both slice the text as given (’ kept)
        assert ev["start"] <= ev["trigger_start"] < ev["trigger_end"] <= ev["end"]
        assert text[ev["trigger_start"]:ev["trigger_end"]] == ev["trigger"]
    triggers = " ".join(r["evidence"]["trigger"] for r in records)
    assert "’" in text and ("rendu" in triggers or "rencontr" in triggers)


def test_extract_table_and_json_formats(runner, article):
    table = runner.invoke(main, ["extract", str(article), "--format", "table"])
    assert table.exit_code == 0 and "CONSULT" in table.stdout
    as_json = runner.invoke(main, ["extract", str(article), "--format", "json"])
    assert as_json.exit_code == 0
    assert isinstance(json.loads(as_json.stdout), list)


def test_timex_finds_dates_normalised_against_the_publication_date(runner, article):
    result = runner.invoke(main, ["timex", str(article)])
    assert result.exit_code == 0, result.output
    values = {r["text"]: r["value"] for r in _records(result.stdout)}
    assert values.get("jeudi") == "2025-03-13"
    assert any(v == "2018-06-12" for v in values.values())


def test_bad_inputs_are_rejected_one_line_each_and_the_rest_goes_on(runner, tmp_path, article):
    (tmp_path / "vide.txt").write_text("")
    (tmp_path / "binaire.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "date.txt").write_text("date 2025-02-30\nLe ministre a démissionné hier.")
    result = runner.invoke(main, ["extract", str(tmp_path)])
    assert result.exit_code == 1
    err = result.stderr
    for name in ("vide.txt", "binaire.txt", "date.txt"):
        assert name in err
    assert "Traceback" not in result.output + err
    assert any(r["article_id"] == "visite-berlin" for r in _records(result.stdout))


def test_stdin_is_read_with_dash(runner):
    result = runner.invoke(main, ["extract", "-"], input=ARTICLE)
    assert result.exit_code == 0, result.output
    assert _records(result.stdout)


def test_ingest_twice_stores_each_article_once(runner, tmp_path, article):
    db = tmp_path / "t.db"
    first = runner.invoke(main, ["ingest", str(article), "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert "1 new" in first.stdout
    events_first = runner.invoke(main, ["events", "--db", str(db), "--format", "jsonl"]).stdout
    second = runner.invoke(main, ["ingest", str(article), "--db", str(db)])
    assert "0 new, 1 already stored" in second.stdout
    events_second = runner.invoke(main, ["events", "--db", str(db), "--format", "jsonl"]).stdout
    assert _records(events_first) and len(_records(events_first)) == len(_records(events_second))


def test_events_timeline_and_show_read_the_store(runner, tmp_path, article):
    db = str(tmp_path / "t.db")
    assert runner.invoke(main, ["ingest", str(article), "--db", db]).exit_code == 0
    listed = _records(runner.invoke(main, ["events", "--db", db, "--type", "CONSULT",
                                           "--format", "jsonl"]).stdout)
    assert listed and all(r["type"] == "CONSULT" for r in listed)
    timeline = _records(runner.invoke(main, ["timeline", "--db", db, "--format", "jsonl"]).stdout)
    dates = [(r.get("date") or {}).get("value") or "9999" for r in timeline]
    assert dates == sorted(dates)
    shown = runner.invoke(main, ["show", listed[0]["id"], "--db", db])
    assert shown.exit_code == 0 and "[[" in shown.stdout
    missing = runner.invoke(main, ["show", "nope:0", "--db", db])
    assert missing.exit_code == 2 and "Traceback" not in missing.output


def test_interrupted_ingest_resumes_where_it_stopped(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(40):
        (corpus / f"a{i:02d}.txt").write_text(
            f"date 2025-01-{1 + i % 28:02d}\nLe ministre {i} a rencontré son homologue allemand à Berlin.\n",
            encoding="utf-8")
    db = tmp_path / "r.db"
    cmd = [sys.executable, "-m", "dateline", "ingest", str(corpus), "--db", str(db)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            with sqlite3.connect(db, timeout=5) as con:
                stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        except sqlite3.OperationalError:
            continue
        if stored >= 1:
            break
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
    proc.communicate(timeout=60)
    with sqlite3.connect(db) as con:
        kept = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert kept >= 1
    again = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert f"{40 - kept} new, {kept} already stored" in again.stdout
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 40


def test_check_reports_an_interval_the_dates_contradict(runner, tmp_path):
    path = tmp_path / "sommets.txt"
    path.write_text("date 2025-10-27\nUn sommet s'est tenu à Hanoï en février 2019. "
                    "Quasiment six mois plus tard, en juin, les deux dirigeants se sont revus.\n",
                    encoding="utf-8")
    result = runner.invoke(main, ["check", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert any(r["kind"] == "interval" for r in _records(result.stdout))


@pytest.mark.skipif(not SAMPLES.exists(), reason="sample corpus not present")
def test_demo_ingests_the_sample_corpus_and_prints_the_timeline(runner, tmp_path):
    db = str(tmp_path / "demo.db")
    result = runner.invoke(main, ["demo", "--db", db])
    assert result.exit_code == 0, result.output
    assert "CONSULT" in result.stdout
