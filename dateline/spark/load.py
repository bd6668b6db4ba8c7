"""The Spark job's output into the SQLite store, through ``Database.add`` (and so fusion).

Reads only the ``articles`` table, with pyarrow (no Spark needed): each row
carries its article's whole extraction (``codec``). Articles go in input order
(``ordinal``), as ``dateline ingest`` would have added them.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Extraction
from .codec import extraction_from_json


def iter_extractions(output: str) -> Iterator[Extraction]:
    """Every extraction of ``OUTPUT/articles``, in input order, a batch at a time."""
    import pyarrow.dataset as ds

    path = f"{output.rstrip('/')}/articles"
    if "://" not in path and not Path(path).is_dir():
        raise InputError(f"{output}: no articles table (is this the output of `dateline spark`?)")
    dataset = ds.dataset(path, format="parquet")
    # The job writes the table sorted by ordinal: part files in name order are in input order.
    fragments = sorted(dataset.get_fragments(), key=lambda f: f.path)
    for fragment in fragments:
        for batch in fragment.to_batches(columns=["ordinal", "extraction"]):
            for text in batch.column("extraction").to_pylist():
                yield extraction_from_json(text)


def load_output(output: str, db_path: str, progress: bool = False) -> dict[str, int]:
    """Add every article of a Spark output to the store; counts of "new" and "duplicate"."""
    from tqdm import tqdm

    from ..store.database import Database

    counts = {"new": 0, "duplicate": 0}
    with Database(db_path) as db:
        for x in tqdm(iter_extractions(output), unit=" articles", disable=not progress, desc="load"):
            counts[db.add(x)] += 1
    return counts
