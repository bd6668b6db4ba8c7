"""dateline: dated, sourced political events from French news.

>>> import dateline
>>> pipeline = dateline.load()
>>> extraction = pipeline.extract(article)   # dateline.model.Article
"""
from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .model import Article, Extraction
    from .nlp.pipeline import Pipeline


def load(actors_file: str | None = None) -> "Pipeline":
    """The full pipeline (spaCy fr_core_news_md and dateline's components), loaded once."""
    from .nlp.pipeline import Pipeline

    return Pipeline.load(actors_file=actors_file)


def extract(article: "Article") -> "Extraction":
    """Events, temporal expressions and findings of one article (loads the default pipeline)."""
    from .nlp.pipeline import default_pipeline

    return default_pipeline().extract(article)
