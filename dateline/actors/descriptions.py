"""Step 3b of linking: definite descriptions ("le chef de l'État", "la ministre").

A person title not attached to a name designates the nearest person before it
whose country, gender and office fit, else the holder of that office on the
article's date, else a local person of its own.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from dateline.model import Entity

from .candidates import Cand
from .context import LinkContext
from .kb import Title

HEAD_OFFICES = {"head_of_state", "head_of_government", "leader"}


@dataclass
class Desc:
    """A title mention waiting to be resolved."""

    cand: Cand
    title: Title
    country: str | None
    sector: str | None
    office: str | None
    start: int
    end: int
    gender: str | None
    definite: bool
    plural: bool
    person: Entity | None = None
    extra: list[Cand] = field(default_factory=list)


def resolve_descriptions(ctx: LinkContext, descs: list[Desc]) -> None:
    """Mention the person each description designates, in text order."""
    for d in sorted(descs, key=lambda d: d.start):
        ent = None
        if d.definite:
            ent = _nearest_compatible(ctx, d)
            country = d.country
            if country is None and d.office in HEAD_OFFICES | {"foreign_minister"}:
                country = ctx.focus  # "le Premier ministre" of the state the article is about
            if ent is None and country is not None:
                actor = ctx.kb.office_holder(country, d.office, ctx.when)
                if actor is not None:
                    ent = ctx.actor_entity(actor)
        if ent is None:
            ent = _local_person(ctx, d)
        ctx.mention(ent, d.start, d.end, "description")


def _local_person(ctx: LinkContext, d: Desc) -> Entity:
    """The local person a description introduces (one per title and country if definite)."""
    country = d.country
    name = ctx.text[d.start:d.end]
    ident = f"local:{d.title.form.lower()}|{country}" if d.definite else f"local:{name}@{d.start}"
    ent = ctx.entity(ident, name, "person", country, d.sector)
    ctx.local_titles[ent.id] = d.office
    if d.gender:
        ctx.genders.setdefault(ent.id, d.gender)
    return ent


def _nearest_compatible(ctx: LinkContext, d: Desc) -> Entity | None:
    """The person mentioned last before ``d`` who fits it."""
    before = sorted((m for m in ctx.mentions if m.start < d.start and m.entity.kind == "person"),
                    key=lambda m: -m.start)
    for m in before:
        if _compatible(ctx, m.entity, d):
            return m.entity
    return None


def _compatible(ctx: LinkContext, ent: Entity, d: Desc) -> bool:
    """Whether ``ent`` may be the person ``d`` describes (country, gender, office, sector)."""
    country, sector = ent.at(ctx.when)
    if d.country is not None and country is not None and country != d.country:
        return False
    if d.country is not None and country is None:
        return False
    if d.gender and ctx.genders.get(ent.id) and ctx.genders[ent.id] != d.gender:
        return False
    if d.office is not None:
        return _office_fits(ctx, ent, d.office)
    if d.sector is not None and sector is not None and sector != d.sector:
        return False
    return True


def _office_fits(ctx: LinkContext, ent: Entity, wanted_office: str) -> bool:
    """Whether ``ent`` holds (or, if local, was introduced with) ``wanted_office``."""
    if ent.id.startswith("local:"):
        office = ctx.local_titles.get(ent.id)
        return office == wanted_office or wanted_office == "leader" and office in HEAD_OFFICES
    actor = ctx.kb.actors.get(ent.id)
    if actor is None:
        return False
    wanted = {wanted_office}
    if wanted_office == "leader":
        wanted = {"head_of_state", "head_of_government", "leader"}
    return any(off in wanted for off in actor.offices)
