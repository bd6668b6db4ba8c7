"""The actors stage: ``ActorLinker(lang, actors_file)(doc)`` sets entities, mentions and places.

The knowledge base and gazetteer are loaded once per process (cached loaders);
the matcher is built once per linker, never per document.
"""
from __future__ import annotations

from pathlib import Path

from spacy.tokens import Doc

from dateline.nlp.extensions import register_extensions

from .kb import KnowledgeBase, load_kb
from .link import ArticleLinker
from .matcher import DictMatcher
from .places import Gazetteer, load_gazetteer


class ActorLinker:
    """spaCy component: people, states, organisations, groups and places of a Doc.

    ``actors_file`` is a user's TOML file of extra people and organisations, with
    the schema of ``lang/<lang>/actors/people.toml`` (see the README there); a
    malformed file raises ``dateline.errors.DataError`` naming it and the problem.
    """

    def __init__(self, lang: str = "fr", actors_file: str | Path | None = None) -> None:
        register_extensions()
        self.lang = lang
        kb: KnowledgeBase = load_kb(lang)
        self.kb = kb.extended(actors_file) if actors_file else kb
        self.gazetteer: Gazetteer = load_gazetteer(lang)
        self.matcher = DictMatcher(self.kb, self.gazetteer.data_names())

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc._.entities``, ``doc._.actor_mentions`` and ``doc._.places``."""
        article = doc._.article
        when = article.date.isoformat() if article is not None and article.date else None
        entities, mentions, places = ArticleLinker(
            self.kb, self.gazetteer, self.matcher, doc, when).run()
        doc._.entities = entities
        doc._.actor_mentions = mentions
        doc._.places = places
        return doc
