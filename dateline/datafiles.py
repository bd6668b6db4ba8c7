"""Reading dateline's data files (TOML), with errors that name the file."""
from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from .errors import DataError


def read_toml(path: Path) -> dict[str, Any]:
    """Parse a TOML file, raising ``DataError`` naming the file and the problem."""
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except FileNotFoundError:
        raise DataError(f"{path}: file not found") from None
    except tomllib.TOMLDecodeError as e:
        raise DataError(f"{path}: invalid TOML: {e}") from None
    except (OSError, UnicodeDecodeError) as e:
        raise DataError(f"{path}: cannot read: {e}") from None
