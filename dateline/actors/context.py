"""The per-document state of linking: entities, mentions and places found so far.

One ``LinkContext`` is built for each Doc (nothing survives between documents);
the steps of ``link.ArticleLinker`` read and extend it through the methods here.
"""
from __future__ import annotations

from spacy.tokens import Doc

from dateline.nlp.doccache import doc_text
from dateline.model import ActorMention, Entity, Place

from .kb import Actor, KnowledgeBase
from .places import Gazetteer


class LinkContext:
    """What one document's linking knows: the resources, the doc, and the actors found."""

    def __init__(self, kb: KnowledgeBase, gaz: Gazetteer, doc: Doc, when: str | None) -> None:
        self.kb, self.gaz, self.doc, self.when = kb, gaz, doc, when
        self.text = doc_text(doc)
        self.entities: dict[str, Entity] = {}
        self.mentions: list[ActorMention] = []
        self.places: list[Place] = []
        self.genders: dict[str, str] = {}
        self.local_titles: dict[str, str | None] = {}  # local person id -> office
        self.focus: str | None = None  # the state the article is mostly about

    def entity(self, ident: str, name: str, kind: str, country: str | None,
               sector: str | None, actor: Actor | None = None) -> Entity:
        """The entity ``ident``, created on first use (from ``actor`` if given)."""
        ent = self.entities.get(ident)
        if ent is None:
            ent = Entity(ident, name, kind, country, sector)
            if actor is not None:
                ent.roles = list(actor.roles)
                ent.aliases = list(actor.aliases)
                for role in actor.roles:  # the role held on the article's date sets the default
                    if role.holds_on(self.when):
                        ent.country, ent.sector = role.country, role.sector
                        break
                if actor.kind == "person":  # the data marks women; "il" may take the others
                    self.genders[ident] = actor.gender or "m"
            self.entities[ident] = ent
        return ent

    def mention(self, ent: Entity, start: int, end: int, how: str) -> ActorMention:
        """Record that ``text[start:end]`` designates ``ent`` (``how``: name, title...)."""
        text = self.text[start:end]
        m = ActorMention(start, end, text, ent, how)
        self.mentions.append(m)
        ent.mentions.append((start, end))
        if text not in ent.aliases and how == "name" and text != ent.name:
            ent.aliases.append(text)
        return m

    def state(self, code: str) -> Entity:
        """The entity of a state (or PLOVER code)."""
        return self.entity(f"state:{code}", self.kb.country_name(code), "state", code, "GOV")

    def actor_entity(self, actor: Actor) -> Entity:
        """The entity of a knowledge-base actor."""
        return self.entity(actor.id, actor.name, actor.kind, actor.country, actor.sector, actor)

    def place(self, name: str, country: str | None, lat: float | None, lon: float | None,
              start: int, end: int) -> None:
        """Record a place named at ``start`` (the first one recorded there wins)."""
        if any(p.start == start for p in self.places):
            return
        self.places.append(Place(name, country, lat, lon, start, end))

    def entity_at(self, start: int) -> Entity | None:
        """The entity of the first mention starting at ``start``."""
        for m in self.mentions:
            if m.start == start:
                return m.entity
        return None
