"""Names in apposition to a title: "Choe Son Hui, ministre des ...", "la ministre, Choe Son Hui".

A title attached to a named person gives that person, when local, the title's
country, sector and office, and becomes a "title" mention of them.
"""
from __future__ import annotations

from .candidates import Cand, names_person
from .context import LinkContext
from dateline.model import Entity

from .kb import Title

DEFINITE = {"le", "la", "l'", "les", "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "l’"}
_BEFORE_TITLE = frozenset(DEFINITE | {"la", "le"})  # the words person_before skips


def person_after_comma(ctx: LinkContext, j: int, by_start: dict[int, Cand]) -> Cand | None:
    """The person named after the comma(s) at token ``j`` ("La ministre ..., Choe Son Hui")."""
    doc = ctx.doc
    while j < len(doc) and doc[j].text == ",":
        j += 1
    nxt = by_start.get(j)
    return nxt if names_person(ctx, nxt) else None


def person_before(ctx: LinkContext, c: Cand, cands: list[Cand]) -> Cand | None:
    """The person named just before the title and a comma ("Choe Son Hui, ministre des ...")."""
    doc = ctx.doc
    found = None
    k = c.span.start - 1
    while k >= 0 and doc[k].lower_ in _BEFORE_TITLE:
        k -= 1
    if k >= 0 and doc[k].text == ",":
        for other in cands:
            if other.span.end == k and names_person(ctx, other):
                found = other  # the last candidate ending there
    return found


def attach_title(ctx: LinkContext, target: Cand, title: Title, country: str | None,
                 sector: str | None, office: str | None, gender: str | None,
                 start: int, end: int) -> bool:
    """Make ``text[start:end]`` a title mention of the person ``target`` names; False if none."""
    ent = ctx.entity_at(target.start)
    if ent is None or not _may_hold(ent, country):
        return False
    if ent.id.startswith("local:"):
        if country is None and sector == "GOV" and title.kind == "person":
            country = ctx.focus  # "le ministre X" in an article about one state
        ent.country = ent.country or country
        ent.sector = ent.sector or sector
        ctx.local_titles[ent.id] = office
    if gender:
        ctx.genders.setdefault(ent.id, gender)
    ctx.mention(ent, start, end, "title")
    return True


def _may_hold(ent: Entity, country: str | None) -> bool:
    """Whether a title of ``country`` can describe ``ent``: "reçu par Donald Trump, le dirigeant
    sud-coréen a proposé" is no apposition, a known person of another state is not described."""
    if country is None or ent.id.startswith("local:") or ent.country is None:
        return True
    return country == ent.country or any(r.country == country for r in ent.roles)
