"""Command-line paths to input files: files, folders (recursive, sorted) and globs, lazily."""
from __future__ import annotations

import fnmatch
import glob
import os
from typing import Iterator

from ..model import Rejection
from .formats import format_of_path

STDIN = "-"
# Gold annotations sit next to articles (seed-article.gold.json, samples/expected.jsonl):
# a folder walk skips them; naming one explicitly still reads it.
ANNOTATION_FILES = ("*.gold.json", "*.gold.jsonl", "expected.jsonl", "expected.json")


def _is_article_file(name: str) -> bool:
    if name.startswith(".") or format_of_path(name) is None:
        return False
    return not any(fnmatch.fnmatch(name, pattern) for pattern in ANNOTATION_FILES)


def walk_folder(top: str, seen: set[tuple[int, int]] | None = None) -> Iterator[str | Rejection]:
    """The article files under ``top``, in name order, depth first, one folder listed at a time.

    Hidden entries, unknown extensions and annotation files are skipped; symlink
    loops are walked once.
    """
    seen = set() if seen is None else seen
    try:
        info = os.stat(top)
        if (info.st_dev, info.st_ino) in seen:
            return
        seen.add((info.st_dev, info.st_ino))
        with os.scandir(top) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as e:
        yield Rejection(top, f"cannot read folder: {e.strerror or e}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from walk_folder(entry.path, seen)
        elif _is_article_file(entry.name):
            yield entry.path


def _expand_glob(pattern: str) -> Iterator[str | Rejection]:
    # Matches are filtered like a folder's entries: "samples/*" means its articles.
    found = False
    for match in sorted(glob.iglob(pattern, recursive=True)):
        if os.path.isdir(match):
            for item in walk_folder(match):
                found = True
                yield item
        elif _is_article_file(os.path.basename(match)):
            found = True
            yield match
    if not found:
        yield Rejection(pattern, "no article file matches this pattern")


def _expand_one(path: str) -> Iterator[str | Rejection]:
    if path == STDIN:
        yield STDIN
    elif os.path.isdir(path):
        yield from walk_folder(path)
    elif os.path.lexists(path):
        yield path  # a file (or broken link): its reader says what is wrong
    elif glob.has_magic(path):
        yield from _expand_glob(path)
    else:
        yield Rejection(path, "no such file or folder")


def expand_paths(paths: list[str] | tuple[str, ...]) -> Iterator[str | Rejection]:
    """Each input file once (``-`` for stdin), in the order given, or a rejection for a bad path."""
    seen: set[str] = set()
    for path in paths:
        for item in _expand_one(os.fspath(path)):
            if isinstance(item, Rejection) or item == STDIN:
                yield item
                continue
            key = os.path.realpath(item)
            if key not in seen:
                seen.add(key)
                yield item
