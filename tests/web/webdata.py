"""Data the web tests share: a hostile article, a no-event extractor, the summit id."""
from __future__ import annotations

from pathlib import Path

from dateline.model import Entity, Extraction
from dateline.store import Database
from dateline.store.sample import build, sample_extractions

XSS_TITLE = '<script>window.__xss = "title"</script><img src=x onerror="window.__xss=1">'
XSS_TEXT = ('Le 3 mars 2025, <b>Trump</b> a <script>window.__xss = "text"</script> menacé '
            'Kim Jong-un. <img src=x onerror="window.__xss=2"> Fin.')


def xss_extraction() -> Extraction:
    """An article whose title, text, URL and actor name are hostile HTML."""
    x = build("xss-1", "2025-03-04", XSS_TEXT, [dict(
        type="THREATEN", trigger="menacé", actors=["trump"], recipients=["kim"],
        date="2025-03-03", date_text="3 mars 2025", **{"in": "Le 3 mars"})],
        title=XSS_TITLE, url="javascript:window.__xss=3")
    evil = Entity(id="local:<svg onload=alert(1)>", name='<svg onload="window.__xss=4">',
                  kind="person", country="USA", sector="GOV")
    x.events[0].recipients.append(evil)
    x.entities.append(evil)
    return x


def no_events(article):
    """An extractor that finds no event (POST tests that need no NLP)."""
    return Extraction(article, [], [])


def summit_id(db_path: Path) -> str:
    with Database(db_path) as db:
        items, _ = db.events(type="CONSULT", date_from="2018", date_to="2018")
    return items[0]["id"]
