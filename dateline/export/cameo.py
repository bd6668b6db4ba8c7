"""CAMEO codes, Goldstein values and quad classes for an event (data in ``cameo.toml``)."""
from __future__ import annotations

import functools
import tomllib
from importlib import resources
from typing import Any

from ..errors import DataError


@functools.cache
def tables() -> dict[str, dict[str, Any]]:
    """The tables of ``cameo.toml`` (read once)."""
    path = resources.files(__package__).joinpath("cameo.toml")
    try:
        return tomllib.loads(path.read_text("utf-8"))
    except tomllib.TOMLDecodeError as err:
        raise DataError(f"{path}: {err}") from err


def event_code(event: dict[str, Any]) -> str:
    """The event's CAMEO code: its own, else the root (``xx0``) of its PLOVER category.

    An intended or planned CONSULT is PLOVER AGREE, so it gets CAMEO 030 (intent to
    cooperate) when no code was given.
    """
    code = (event.get("cameo") or "").strip()
    if code[:2] in tables()["goldstein"]:
        return code
    return tables()["plover_root"][event["plover"]] + "0"


def root(code: str) -> str:
    return code[:2]


def goldstein(code: str) -> float:
    """The Goldstein value of the code's CAMEO root."""
    return float(tables()["goldstein"][root(code)])


def quad_class(code: str) -> int:
    """GDELT QuadClass (1-4) of the code's CAMEO root."""
    return int(tables()["quad_class"][root(code)])


def plover_quad_code(quad: str) -> int:
    """PLOVER ``quad_code`` (1-4) of a quad class name ("verbal-coop" ...)."""
    return int(tables()["plover_quad_code"][quad])
