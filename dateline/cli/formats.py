"""Print records as a table, JSON lines, a JSON array or CSV (shared by every command).

>>> emit([{"id": "a", "n": 1}], "jsonl")
{"id": "a", "n": 1}
"""
from __future__ import annotations

import csv
import json
import sys
from typing import Any, TextIO

import click

FORMATS = ("table", "jsonl", "json", "csv")
_MAX_CELL = 48


def _cell(value: Any) -> str:
    """One value as flat text: lists joined with commas, dicts as their name or JSON."""
    if value is None:
        return ""
    if isinstance(value, dict):
        if "min" in value and "max" in value:  # a range, e.g. an event's reported dates
            lo, hi = value["min"], value["max"]
            return str(lo) if lo == hi else f"{lo}..{hi}"
        return str(value.get("name") or value.get("value") or json.dumps(value, ensure_ascii=False))
    if isinstance(value, (list, tuple)):
        return ", ".join(_cell(v) for v in value)
    return str(value)


def _columns(records: list[dict], columns: list[str] | None) -> list[str]:
    if columns:
        return list(columns)
    seen: dict[str, None] = {}
    for rec in records:
        for key in rec:
            seen.setdefault(key, None)
    return list(seen)


def _table(records: list[dict], columns: list[str], out: TextIO) -> None:
    rows = [[_cell(r.get(c)).replace("\n", " ") for c in columns] for r in records]
    rows = [[v if len(v) <= _MAX_CELL else v[: _MAX_CELL - 1] + "…" for v in row] for row in rows]
    widths = [max([len(c)] + [len(row[i]) for row in rows]) for i, c in enumerate(columns)]
    line = "  ".join(c.ljust(w) for c, w in zip(columns, widths))
    out.write(line.rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for row in rows:
        out.write("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() + "\n")


def emit(records: list[dict], fmt: str, columns: list[str] | None = None,
         out: TextIO | None = None) -> None:
    """Print ``records`` as ``fmt`` (table, jsonl, json or csv) on ``out`` (stdout).

    ``columns`` picks and orders the fields for table and csv (default: every key, in
    order of first appearance); jsonl and json print the records whole, or only the
    ``columns`` when given.
    """
    if out is None:
        out = sys.stdout
    if fmt not in FORMATS:
        raise click.BadParameter(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt in ("jsonl", "json"):
        recs = [{c: r.get(c) for c in columns} for r in records] if columns else records
        if fmt == "json":
            out.write(json.dumps(recs, ensure_ascii=False, indent=2) + "\n")
        else:
            for rec in recs:
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        return
    cols = _columns(records, columns)
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(cols)
        for rec in records:
            writer.writerow([_cell(rec.get(c)) for c in cols])
        return
    if not records:
        out.write("(none)\n")
        return
    _table(records, cols, out)

