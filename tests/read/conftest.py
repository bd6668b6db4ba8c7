"""Helpers for the input-reading tests: real files in ``tmp_path``, no mocks."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest

from dateline.model import Article, Rejection
from dateline.read import read_paths

# Long enough (over 20 words) for language detection to run on it.
FRENCH_TEXT = (
    "Le ministre français des Affaires étrangères a rencontré mardi son homologue "
    "allemand à Berlin. Les deux responsables ont évoqué la guerre en Ukraine, les "
    "sanctions contre la Russie et l'aide militaire promise à Kiev pour l'hiver."
)
ENGLISH_TEXT = (
    "The French foreign minister met his German counterpart in Berlin on Tuesday. "
    "The two officials discussed the war in Ukraine, the sanctions against Russia "
    "and the military aid promised to Kyiv for the coming winter months."
)


@pytest.fixture
def french() -> str:
    """A short French news text that passes every check."""
    return FRENCH_TEXT


@pytest.fixture
def english() -> str:
    return ENGLISH_TEXT


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """``write("a.txt", "text" or b"bytes")`` -> the file's path, folders created."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


@pytest.fixture
def read() -> Callable[..., list[Article | Rejection]]:
    """``read(path_or_paths, **kwargs)`` -> every item ``read_paths`` yields, as a list."""

    def _read(paths, **kwargs) -> list[Article | Rejection]:
        if isinstance(paths, (str, Path)):
            paths = [paths]
        return list(read_paths([str(p) for p in paths], **kwargs))

    return _read


@pytest.fixture
def read_one(read) -> Callable[..., Article | Rejection]:
    """The single item one input gives."""

    def _read_one(path, **kwargs) -> Article | Rejection:
        items = read(path, **kwargs)
        assert len(items) == 1, items
        return items[0]

    return _read_one
