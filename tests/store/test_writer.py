"""Storing in a writer thread while the caller extracts: all stored, in order, errors surfaced."""
from __future__ import annotations

import pytest

from dateline.store import Database
from dateline.store.sample import sample_extractions
from dateline.store.writer import BackgroundWriter


def test_everything_put_is_stored_on_leaving(tmp_path):
    xs = sample_extractions()
    outcomes: list[tuple[str, str]] = []
    with Database(tmp_path / "w.db") as db:
        with BackgroundWriter(db, lambda x, o: outcomes.append((x.article.id, o)), max_pending=1) as w:
            for x in xs + [sample_extractions()[0]]:
                w.put(x)
        assert db.stats()["articles"] == len(xs)
    assert [o for _, o in outcomes] == ["new"] * len(xs) + ["duplicate"]
    assert [i for i, _ in outcomes][: len(xs)] == [x.article.id for x in xs]


def test_a_failing_write_is_raised_in_the_callers_thread(tmp_path):
    xs = sample_extractions()
    with Database(tmp_path / "f.db") as db:
        def on_stored(x, outcome):
            raise OSError("disk full")

        with pytest.raises(OSError, match="disk full"):
            with BackgroundWriter(db, on_stored) as w:
                for x in xs:
                    w.put(x)
        # the first article was committed before its callback failed; nothing else is lost
        assert db.stats()["articles"] >= 1


def test_what_was_put_before_an_error_of_the_caller_is_kept(tmp_path):
    xs = sample_extractions()
    with Database(tmp_path / "k.db") as db:
        with pytest.raises(KeyboardInterrupt):
            with BackgroundWriter(db, lambda x, o: None) as w:
                w.put(xs[0])
                raise KeyboardInterrupt
        assert db.stats()["articles"] == 1
