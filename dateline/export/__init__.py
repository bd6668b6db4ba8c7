"""Exports of the fused events: ``jsonl`` (our records with mentions), ``csv`` (flat),
``parquet`` (typed columns, pyarrow), ``plover`` (PLOVER JSON lines) and ``gdelt``
(GDELT 2.0 event rows, 61 tab-separated columns).

>>> from dateline.export import export
>>> export(db, "gdelt", "events.tsv")
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Callable, Iterable, TextIO

from ..errors import DatelineError
from .gdelt import write_gdelt
from .parquet import write_parquet
from .plover import write_plover
from .records import write_csv, write_jsonl

TEXT_WRITERS: dict[str, Callable[[Iterable[dict[str, Any]], TextIO], int]] = {
    "jsonl": write_jsonl, "csv": write_csv, "plover": write_plover, "gdelt": write_gdelt,
}
FORMATS = ("jsonl", "csv", "parquet", "plover", "gdelt")


def export(db: Any, fmt: str, out: str | Path | None = None) -> int:
    """Write every event of ``db`` (a ``Database``) as ``fmt`` to ``out`` (stdout: None).

    Returns the number of events written.
    """
    events = db.iter_events()
    if fmt == "parquet":
        if out is None:
            if sys.stdout.isatty():
                raise DatelineError("parquet is binary: give --out FILE.parquet")
            return write_parquet(events, sys.stdout.buffer)
        return write_parquet(events, str(out))
    if fmt not in TEXT_WRITERS:
        raise DatelineError(f"unknown export format {fmt!r} (choose {', '.join(FORMATS)})")
    if out is None:
        return TEXT_WRITERS[fmt](events, sys.stdout)
    with open(out, "w", encoding="utf-8", newline="") as fh:
        return TEXT_WRITERS[fmt](events, fh)
