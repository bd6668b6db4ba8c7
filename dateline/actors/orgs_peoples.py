"""Step 2b of linking: unknown organisations, and demonyms naming a people.

An ORG entity the knowledge base does not know becomes a local organisation
whose country and sector come from the demonyms, states and titles inside it;
a free demonym is a nationality before a name, or a people ("les Américains").
"""
from __future__ import annotations

from .candidates import Cand
from .context import LinkContext


def link_local_org(ctx: LinkContext, c: Cand, cands: list[Cand]) -> None:
    """An unknown ORG entity ("Assemblée nationale"): a local organisation."""
    if ctx.entity_at(c.start) is not None:
        return
    country = sector = None
    for other in cands:
        if other is c or not (c.start <= other.start and other.end <= c.end):
            continue
        if other.kind in ("demonym", "country", "metonym") and country is None:
            country = ctx.kb.state(other.match.of(other.kind)[0].target)
        elif other.kind == "title" and sector is None:
            sector = ctx.kb.titles[other.match.of("title")[0].target].sector
        other.used = True
    if country is None and sector is not None:
        country = ctx.focus  # "Assemblée nationale" in an article about France
    ent = ctx.entity(f"local:{c.text}", c.text, "org", country, sector)
    ctx.mention(ent, c.start, c.end, "name")


def link_demonym(ctx: LinkContext, c: Cand, cands: list[Cand]) -> None:
    """A demonym not qualifying a title: a nationality before a name, or a people."""
    doc = ctx.doc
    code = c.match.of("demonym")[0].target
    nxt = doc[c.span.end] if c.span.end < len(doc) else None
    for other in cands:
        if other.span.start == c.span.end and other.kind == "per":
            ent = ctx.entity_at(other.start)
            if ent is not None and ent.country is None:
                ent.country = code  # "l'Australien Julian Assange"
            return
    if _against(ctx, c):  # "une manifestation anti-américaine": the state it is aimed at
        ctx.mention(ctx.state(code), c.span.start_char, c.span.end_char, "demonym")
        return
    prev = doc[c.span.start - 1].lower_ if c.span.start > 0 else ""
    people = c.text[:1].isupper() or (
        c.root.pos_ == "NOUN" and "Plur" in c.root.morph.get("Number") and prev in ("les", "des", "aux"))
    if people and (nxt is None or nxt.pos_ != "NOUN"):  # "les Américains", not "en français"
        ent = ctx.entity(f"local:{code}|people", c.text, "group", code, None)
        ctx.mention(ent, c.start, c.end, "demonym")


def _against(ctx: LinkContext, c: Cand) -> bool:
    """Whether the demonym is the end of an "anti-<demonym>" word."""
    word = ctx.text[c.span.start_char:c.end].lower()
    return word.startswith(("anti-", "anti")) and c.span.start_char < c.start
