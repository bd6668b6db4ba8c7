"""Every spaCy component of dateline, registered here with ``dateline_`` names.

Factories are thin: each builds its stage's object, which holds the mechanism
and loads its language data once. Imports are local so that loading one stage
does not import the others.
"""
from __future__ import annotations

from spacy.language import Language


@Language.factory("dateline_blocks")
def make_blocks(nlp: Language, name: str):
    """Sentence starts at line breaks (before the parser)."""
    from .blocks import BlockSplitter

    return BlockSplitter()


@Language.factory("dateline_attribute_ruler", default_config={"validate": False})
def make_attribute_ruler(nlp: Language, name: str, validate: bool):
    """spaCy's attribute ruler, its rules applied a column at a time (same result, cheaper)."""
    from .attribute_ruler import ColumnAttributeRuler

    return ColumnAttributeRuler(nlp.vocab, name, validate=validate)


@Language.factory("dateline_lemmatizer", default_config={"overwrite": False})
def make_lemmatizer(nlp: Language, name: str, overwrite: bool):
    """spaCy's French rule lemmatizer, asked once per distinct word (same lemmas, cheaper)."""
    from .lemmatizer import ColumnLemmatizer

    return ColumnLemmatizer(nlp.vocab, None, name, mode="rule", overwrite=overwrite)


@Language.factory("dateline_time", default_config={"lang": "fr"})
def make_time(nlp: Language, name: str, lang: str):
    """TIMEX3 tagging and normalisation, narrative anchoring, consistency findings."""
    from ..time.tagger import TimeTagger

    return TimeTagger(lang=lang)


@Language.factory("dateline_actors", default_config={"lang": "fr", "actors_file": None})
def make_actors(nlp: Language, name: str, lang: str, actors_file: str | None):
    """Actors (people, states, organisations, groups) and places."""
    from ..actors.linker import ActorLinker

    return ActorLinker(lang=lang, actors_file=actors_file)


@Language.factory("dateline_events", default_config={"lang": "fr"})
def make_events(nlp: Language, name: str, lang: str):
    """PLOVER events with arguments, modality, date, place and evidence."""
    from ..events.extractor import EventExtractor

    return EventExtractor(lang=lang)
