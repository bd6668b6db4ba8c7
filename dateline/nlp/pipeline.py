"""The one pipeline: fr_core_news_md, then dateline's time, actors and events stages.

``Pipeline.extract`` turns an ``Article`` into an ``Extraction`` whose offsets
all point into the article's original text.
"""
from __future__ import annotations

import collections
import functools
import gc
import multiprocessing
from collections.abc import Iterable, Iterator
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..model import Article, Extraction, Rejection
from . import factories  # noqa: F401 - registers the dateline_* factories
from .attribute_ruler import use_column_attribute_ruler
from .doccache import remember_text
from .lemmatizer import use_column_lemmatizer
from .extensions import register_extensions
from .offsets import OffsetMap, normalise
from .remap import remap_extraction

MODEL = "fr_core_news_md"
# Stages in order, after spaCy's own components.
STAGES = ("dateline_time", "dateline_actors", "dateline_events")
# Longest text handed to the parser; the readers reject longer articles first.
MAX_CHARS = 2_000_000
# Batches per task handed to a forked worker (results travel back a task at a time).
_TASK_BATCHES = 4


class Pipeline:
    """spaCy's French model with dateline's components, loaded once per process."""

    def __init__(self, nlp: Language):
        self.nlp = nlp

    @classmethod
    def load(cls, actors_file: str | None = None, stages: Iterable[str] = STAGES) -> "Pipeline":
        """Load ``fr_core_news_md`` and add dateline's components in order."""
        register_extensions()
        nlp = spacy.load(MODEL)
        nlp.max_length = MAX_CHARS + 1
        use_column_attribute_ruler(nlp)  # same rules, same result, a fraction of the cost
        use_column_lemmatizer(nlp)  # same lemmas, asked once per distinct word
        nlp.add_pipe("dateline_blocks", before="parser")
        for stage in stages:
            config: dict[str, Any] = {"lang": "fr"}
            if stage == "dateline_actors":
                config["actors_file"] = actors_file
            nlp.add_pipe(stage, config=config)
        return cls(nlp)

    def make_doc(self, article: Article) -> Doc:
        """The tokenised parser copy of the article, carrying the article and offset map."""
        text, offsets = normalise(article.text)
        doc = self.nlp.make_doc(text)
        remember_text(doc, text)
        doc._.article = article
        doc._.offsets = offsets
        return doc

    def parse(self, article: Article) -> Doc:
        """Run the whole pipeline on one article; the Doc has every dateline attribute."""
        doc = self.make_doc(article)
        for _, proc in self.nlp.pipeline:
            doc = proc(doc)
        return doc

    def parse_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Doc]:
        """Parse articles in batches (``nlp.pipe``), in order."""
        docs = (self.make_doc(a) for a in articles)
        yield from self.nlp.pipe(docs, batch_size=batch_size)

    def extract(self, article: Article) -> Extraction:
        """Events, TIMEX and findings of one article, offsets into its original text."""
        return to_extraction(self.parse(article))

    def extract_many(self, articles: Iterable[Article], workers: int = 1,
                     batch_size: int = 16) -> Iterator[Extraction | Rejection]:
        """Extract in order; ``workers`` > 1 uses that many processes, each with its own model.

        An article that makes a stage fail comes out as a ``Rejection`` naming it,
        and the batch goes on.
        """
        if workers <= 1:
            yield from self._extract_stream(iter(articles), batch_size)
            return
        # Forked workers use this very pipeline: the model's pages stay shared
        # with the parent instead of each worker loading (and holding) its own.
        _forked[0] = self
        ctx = multiprocessing.get_context("fork")
        gc.freeze()  # keep the collector of each child off the parent's objects (copy-on-write)
        try:
            pool = ctx.Pool(workers)
        finally:
            gc.unfreeze()
        with pool:
            # A task of a few batches: each task is one nlp.pipe call in the worker.
            tasks = ((batch, batch_size) for batch in _batches(articles, batch_size * _TASK_BATCHES))
            for results in pool.imap(_worker_extract, tasks):
                yield from results

    def _extract_stream(self, articles: Iterator[Article], batch_size: int) -> Iterator[Extraction | Rejection]:
        """One ``nlp.pipe`` over the whole stream (a call per small batch costs ~3% more);
        when a stage fails, the articles in flight are redone one by one and a new
        ``nlp.pipe`` takes the rest."""
        while True:
            in_flight: collections.deque[Article] = collections.deque()

            def feed() -> Iterator[Doc]:
                for article in articles:
                    in_flight.append(article)
                    yield self.make_doc(article)

            try:
                for doc in self.nlp.pipe(feed(), batch_size=batch_size):
                    article = in_flight.popleft()
                    try:
                        yield to_extraction(doc)
                    except Exception:  # noqa: BLE001 - this article alone, from the start
                        yield self._extract_one(article)
                return
            except Exception:  # noqa: BLE001 - a stage failed on a batch: isolate its article
                for article in in_flight:
                    yield self._extract_one(article)

    def _extract_one(self, article: Article) -> Extraction | Rejection:
        try:
            return self.extract(article)
        except Exception as err:  # noqa: BLE001 - reported to the user as a rejection
            return Rejection(article.source or article.id,
                             f"article {article.id!r} could not be processed ({type(err).__name__}: {err})")


def to_extraction(doc: Doc) -> Extraction:
    """The Extraction of a parsed Doc, with offsets mapped to the original text."""
    article: Article = doc._.article
    offsets: OffsetMap = doc._.offsets
    extraction = Extraction(
        article=article,
        timexes=list(doc._.timexes or []),
        events=list(doc._.events or []),
        entities=list(doc._.entities or []),
        findings=list(doc._.findings or []),
    )
    return remap_extraction(extraction, offsets)


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def cached_pipeline(actors_file: str | None = None) -> Pipeline:
    """One pipeline per process and actor file (model loading takes seconds)."""
    # One cache key however the caller spells it: lru_cache keys
    # ``cached_pipeline()`` and ``cached_pipeline(None)`` apart, which made
    # forked workers load a model of their own instead of sharing the parent's.
    return _load_cached(actors_file)


@functools.lru_cache(maxsize=4)
def _load_cached(actors_file: str | None) -> Pipeline:
    return Pipeline.load(actors_file=actors_file)


def default_pipeline() -> Pipeline:
    return cached_pipeline(None)


_forked: list[Pipeline | None] = [None]  # the pipeline forked workers inherit from the parent


def _worker_extract(task: tuple[list[Article], int]) -> list[Extraction | Rejection]:
    pipeline = _forked[0]
    assert pipeline is not None, "extract_many sets the pipeline before forking"
    batch, batch_size = task
    return list(pipeline._extract_stream(iter(batch), batch_size))


__all__ = ["Pipeline", "to_extraction", "default_pipeline", "cached_pipeline"]
