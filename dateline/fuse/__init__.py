"""Cross-article fusion: the records several articles give of one act become one event.

* ``compat``: when two article-level records are the same act (type, participants,
  dates, places); the relation is symmetric and depends on the two records only.
* ``summary``: the fused event computed from the whole set of its records (most precise
  consistent date, disagreement, counts), independent of the order they came in.

Events are the connected components of the compatibility relation, so fusing is
incremental (a new record joins, and may bridge, the events it is compatible with)
and deterministic (the same set of records gives the same events in any order).
``dateline.store.Database.add`` runs it inside each article's transaction.
"""
from .compat import WINDOW_DAYS, MentionKey, compatible, dates_compatible, fold
from .summary import event_id_for, summarise

__all__ = ["WINDOW_DAYS", "MentionKey", "compatible", "dates_compatible", "fold",
           "event_id_for", "summarise"]
