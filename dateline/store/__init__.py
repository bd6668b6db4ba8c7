"""The SQLite store: articles, what was found in them, fused actors and events.

>>> from dateline.store import Database
>>> with Database("dateline.db") as db:
...     db.add(extraction)          # "new" or "duplicate"
...     items, total = db.events(country="PRK")
"""
from .database import SCHEMA_VERSION, Database, QueryError, StoreError

__all__ = ["SCHEMA_VERSION", "Database", "QueryError", "StoreError"]
