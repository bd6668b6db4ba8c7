"""``dateline export``, ``plot`` and ``actors`` through the real click group."""
from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.store import Database
from dateline.store.sample import sample_extractions


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "cli.db"
    with Database(path) as db:
        for x in sample_extractions():
            db.add(x)
    return str(path)


def run(*args: str):
    result = CliRunner().invoke(main, list(args))
    return result


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "plover", "gdelt"])
def test_export_to_stdout(db_path, fmt):
    r = run("export", "--db", db_path, "--format", fmt)
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    if fmt == "csv":
        assert len(list(csv.DictReader(io.StringIO(r.stdout)))) == 7
    elif fmt == "gdelt":
        assert len(lines) == 7 and all(len(line.split("\t")) == 61 for line in lines)
    else:
        assert len([json.loads(line) for line in lines]) == 7


def test_export_parquet_file(db_path, tmp_path):
    out = tmp_path / "e.parquet"
    r = run("export", "--db", db_path, "--format", "parquet", "--out", str(out))
    assert r.exit_code == 0 and "7 events written" in r.stderr
    assert pq.read_table(out).num_rows == 7


def test_missing_db_is_a_one_line_error(tmp_path):
    r = run("export", "--db", str(tmp_path / "none.db"), "--format", "jsonl")
    assert r.exit_code == 2 and "no such database" in r.stderr
    assert "Traceback" not in r.output


def test_plot_timeline_and_dyad(db_path, tmp_path):
    png, svg = tmp_path / "t.png", tmp_path / "d.svg"
    r = run("plot", "timeline", "--db", db_path, "--country", "PRK", "--out", str(png))
    assert r.exit_code == 0, r.output
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    r = run("plot", "dyad", "USA", "PRK", "--db", db_path, "--out", str(svg))
    assert r.exit_code == 0, r.output
    assert ET.parse(svg).getroot().tag.endswith("svg")
    r = run("plot", "dyad", "USA", "PRK", "--db", db_path, "--out", str(tmp_path / "d.gif"))
    assert r.exit_code == 2 and ".png or .svg" in r.stderr


@pytest.mark.parametrize("fmt", ["table", "jsonl", "json", "csv"])
def test_actors_command(db_path, fmt):
    r = run("actors", "--db", db_path, "--format", fmt)
    assert r.exit_code == 0, r.output
    assert "Donald Trump" in r.stdout and "Q22686" in r.stdout
    if fmt == "json":
        rows = json.loads(r.stdout)
        assert rows[0]["num_events"] == 6 and rows[0]["aliases"] == ["Trump"]


def test_actors_query(db_path):
    r = run("actors", "kim", "--db", db_path, "--format", "jsonl")
    assert [json.loads(line)["id"] for line in r.stdout.splitlines()] == ["Q56226"]
