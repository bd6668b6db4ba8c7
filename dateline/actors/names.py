"""Step 2 of linking: names of people and organisations.

Known actors named in full or by an alias, surnames of known people
(short_names.py), and unknown PER entities as local people ("local:<name>").
"""
from __future__ import annotations

from .candidates import Cand
from .context import LinkContext
from .short_names import pick_short
from .text import key


def link_names(ctx: LinkContext, cands: list[Cand]) -> None:
    """Mention the people and organisations the candidates name."""
    kb = ctx.kb
    full_ids = {e.target for c in cands if c.kind == "actor" for e in c.match.of("actor")}
    for c in cands:
        if c.kind == "actor":
            actor = kb.actors[c.match.of("actor")[0].target]
            ctx.mention(ctx.actor_entity(actor), c.start, c.end, "name")
        elif c.kind == "short":
            actor = pick_short([kb.actors[e.target] for e in c.match.of("short")], full_ids,
                               ctx.entities, ctx.when)
            if actor is not None:
                ctx.mention(ctx.actor_entity(actor), c.start, c.end, "name")
        elif c.kind == "per":
            _local_person(ctx, c)


def _local_person(ctx: LinkContext, c: Cand) -> None:
    """A PER entity: a part of a name already met, or a new local person."""
    words = set(key(c.text))
    if not words:
        return
    for ent in ctx.entities.values():  # "Choe" after "Choe Son Hui"
        if ent.kind == "person" and ent.id.startswith("local:") and words <= set(key(ent.name)):
            ctx.mention(ent, c.start, c.end, "name")
            return
    for ent in list(ctx.entities.values()):  # a surname of a known person already named
        if ent.kind == "person" and not ent.id.startswith("local:") and words <= set(key(ent.name)):
            ctx.mention(ent, c.start, c.end, "name")
            return
    ent = ctx.entity(f"local:{c.text}", c.text, "person", None, None)
    ctx.mention(ent, c.start, c.end, "name")
