"""Folders, globs, unknown extensions, unreadable files, many files."""
from __future__ import annotations

import datetime as dt
import os
import time

import pytest

from dateline.model import Article, Rejection
from dateline.read import read_paths


def _seed(french: str, date: str = "2025-01-02") -> str:
    return f"date {date} {french}"


def test_folder_is_read_recursively_in_name_order(tmp_path, write, read, french):
    write("b.txt", _seed(french))
    write("a/z.txt", _seed(french))
    write("a/sub/y.jsonl", f'{{"date": "2025-01-01", "text": "{french}"}}\n')
    write("c.json", f'{{"date": "2025-01-01", "text": "{french}"}}')
    write(".cache/hidden.txt", _seed(french))
    write(".hidden.txt", _seed(french))
    write("README.md", "# notes")
    write("notes.pdf", b"%PDF-1.4")
    write("expected.jsonl", '{"article_id": "b", "type": "CONSULT"}\n')
    write("b.gold.json", '{"article_id": "b", "events": []}')
    items = read(tmp_path)
    assert [i.source for i in items] == [
        str(tmp_path / "a/sub/y.jsonl#1"), str(tmp_path / "a/z.txt"),
        str(tmp_path / "b.txt"), str(tmp_path / "c.json")]
    assert all(isinstance(i, Article) for i in items)
    assert items == read(tmp_path)  # deterministic


def test_a_named_file_with_an_unknown_extension_is_rejected(write, read):
    path = write("rapport.pdf", b"%PDF-1.4")
    (rejection,) = read(path)
    assert rejection.source == str(path)
    assert rejection.reason.startswith("unknown extension '.pdf': dateline reads ")
    assert read(write("LISEZMOI", "x"))[0].reason.startswith("no file extension")


def test_a_named_annotation_file_is_read(write, read):
    (rejection,) = read(write("expected.jsonl", '{"article_id": "b", "type": "CONSULT"}\n'))
    assert rejection.reason == 'line 1: no "text" field'


def test_globs(tmp_path, write, read, french):
    write("2024/a.txt", _seed(french))
    write("2025/b.txt", _seed(french))
    write("2025/c.jsonl", f'{{"date": "2025-01-01", "text": "{french}"}}\n')
    items = read(str(tmp_path / "*" / "*.txt"))
    assert [i.id for i in items] == ["a", "b"]
    assert [i.id for i in read(str(tmp_path / "**" / "*.jsonl"))] == ["c#1"]
    (none,) = read(str(tmp_path / "*.rss"))
    assert none == Rejection(str(tmp_path / "*.rss"), "no article file matches this pattern")


def test_missing_path_and_duplicates(tmp_path, write, read, french):
    path = write("a.txt", _seed(french))
    items = read([tmp_path / "absent.txt", path, tmp_path, path])
    assert items[0] == Rejection(str(tmp_path / "absent.txt"), "no such file or folder")
    assert [i.source for i in items[1:]] == [str(path)]  # each file is read once


def test_broken_link_is_a_rejection(tmp_path, read):
    link = tmp_path / "parti.txt"
    link.symlink_to(tmp_path / "nulle-part.txt")
    (rejection,) = read(link)
    assert rejection == Rejection(str(link), "cannot read: No such file or directory")


def test_symlink_loop_is_walked_once(tmp_path, write, read, french):
    write("d/a.txt", _seed(french))
    (tmp_path / "d" / "boucle").symlink_to(tmp_path / "d")
    assert [i.id for i in read(tmp_path / "d")] == ["a"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file(write, read, french):
    path = write("secret.txt", _seed(french))
    path.chmod(0)
    try:
        assert read(path) == [Rejection(str(path), "cannot read: Permission denied")]
    finally:
        path.chmod(0o644)


def test_bad_files_do_not_stop_the_batch(tmp_path, write, read, french):
    write("1.txt", b"")
    write("2.txt", b"\x00\x01")
    write("3.txt", _seed(french, "2025-13-01"))
    write("4.json", "{")
    write("5.txt", _seed(french))
    items = read(tmp_path)
    assert [type(i) for i in items] == [Rejection] * 4 + [Article]


def test_thousands_of_files_are_streamed(tmp_path, write, french):
    folder = tmp_path / "lot"
    for i in range(2000):
        write(f"lot/{i:04d}.txt", _seed(f"{french} Dépêche numéro {i}."))
    start = time.perf_counter()
    items = read_paths([str(folder)])
    first = next(items)
    assert first.id == "0000"
    # Contents are read one file at a time: files removed now are missed, not already loaded.
    for name in ("1998.txt", "1999.txt"):
        (folder / name).unlink()
    rest = list(items)
    elapsed = time.perf_counter() - start
    assert len(rest) == 1999
    assert sum(isinstance(i, Article) for i in rest) == 1997
    assert [i.reason for i in rest[-2:]] == ["cannot read: No such file or directory"] * 2
    assert elapsed < 30, f"2,000 small files took {elapsed:.1f}s"


def test_read_paths_accepts_path_objects_and_dates(tmp_path, write, french):
    path = write("a.txt", french)
    (article,) = read_paths([path], date=dt.date(2025, 1, 1))
    assert article.id == "a"


def test_a_single_path_string_is_one_path(write, french):
    path = write("seul.txt", _seed(french))
    assert [a.id for a in read_paths(str(path))] == ["seul"]
