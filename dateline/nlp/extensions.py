"""Every custom ``Doc``/``Span``/``Token`` attribute dateline sets, declared in one place.

Values live in ``doc.user_data``; they hold dateline's own dataclasses
(``dateline.model``) with offsets into ``doc.text``.
"""
from __future__ import annotations

from spacy.tokens import Doc

# name -> default for the attributes each component fills; lists get a fresh
# default through a getter-less ``default=None`` and are set by the components.
DOC_ATTRIBUTES = {
    "article": None,         # dateline.model.Article being parsed (set before the pipeline runs)
    "offsets": None,         # dateline.nlp.offsets.OffsetMap: doc.text offsets -> article.text
    "timexes": None,         # list[Timex]            <- dateline_time
    "findings": None,        # list[Finding]          <- dateline_time (consistency), others
    "entities": None,        # list[Entity]           <- dateline_actors
    "actor_mentions": None,  # list[ActorMention]     <- dateline_actors
    "places": None,          # list[Place]            <- dateline_actors
    "events": None,          # list[Event]            <- dateline_events
}


def register_extensions() -> None:
    """Declare the attributes (idempotent: safe to call in every process)."""
    for name, default in DOC_ATTRIBUTES.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
