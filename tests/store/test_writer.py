"""Storing in a writer process while the caller extracts: all stored, in order, errors surfaced."""
from __future__ import annotations

import pytest

from dateline.store import Database
from dateline.store.sample import sample_extractions
from dateline.store.writer import BackgroundWriter


def test_everything_put_is_stored_on_leaving(tmp_path):
    xs = sample_extractions()
    outcomes: list[tuple[str, str]] = []
    path = tmp_path / "w.db"
    Database(path).close()
    with BackgroundWriter(path, lambda i, o: outcomes.append((i, o)), max_pending=1) as w:
        for x in xs + [sample_extractions()[0]]:
            w.put(x)
    with Database(path) as db:
        assert db.stats()["articles"] == len(xs)
    assert [o for _, o in outcomes] == ["new"] * len(xs) + ["duplicate"]
    assert [i for i, _ in outcomes][: len(xs)] == [x.article.id for x in xs]


def test_a_failing_write_is_raised_in_the_callers_process(tmp_path):
    path = tmp_path / "f.db"
    path.write_bytes(b"this is not a database, " * 100)
    with pytest.raises(Exception, match="f.db"):
        with BackgroundWriter(path, lambda i, o: None) as w:
            for x in sample_extractions():
                w.put(x)
    assert path.read_bytes().startswith(b"this is not a database")  # left as it was


def test_what_was_put_before_an_error_of_the_caller_is_kept(tmp_path):
    xs = sample_extractions()
    path = tmp_path / "k.db"
    Database(path).close()
    with pytest.raises(KeyboardInterrupt):
        with BackgroundWriter(path, lambda i, o: None) as w:
            w.put(xs[0])
            raise KeyboardInterrupt
    with Database(path) as db:
        assert db.stats()["articles"] == 1
