"""Step 2b of linking: states, capitals as metonyms, seats of power, places.

Places are recorded for every state, capital, data place and located LOC
entity; those also standing for a government get a mention too, unless they
qualify a title ("le ministre russe", "le président de la Russie").
"""
from __future__ import annotations

from .candidates import Cand
from .context import LinkContext
from .kb import PLOVER_NONSTATE
from .places import PlaceInfo
from .text import key

_ARTICLES = ("la", "le", "l", "les")


def link_country(ctx: LinkContext, c: Cand) -> None:
    """A state's name: its place (city-states located) and, if free, the state."""
    kb = ctx.kb
    code = c.match.of("country")[0].target
    city = ctx.gaz.cities.get(key(c.text))  # city-states: "Singapour", "Koweït"
    lat, lon = (city.lat, city.lon) if city and kb.state(city.country) == code else (None, None)
    ctx.place(c.text, kb.state(code), lat, lon, c.start, c.end)
    if not c.used:
        ctx.mention(ctx.state(kb.state(code)), c.start, c.end, "name")


def link_metonym(ctx: LinkContext, c: Cand) -> None:
    """A capital: its place and, if free and not a plain place name, its state."""
    code = c.match.of("metonym")[0].target
    info = ctx.gaz.cities.get(key(c.text))
    lat, lon = (info.lat, info.lon) if info else (None, None)
    ctx.place(c.text, code, lat, lon, c.start, c.end)
    if not c.used and " ".join(key(c.text)) not in ctx.kb.not_metonyms \
            and not _of_a_place(c, ctx.kb.place_nouns):
        ctx.mention(ctx.state(code), c.start, c.end, "metonym")


def _of_a_place(c: Cand, place_nouns: frozenset[str]) -> bool:
    """"l'université de Pékin", "les jeux de Beyrouth", "les habitants de Kiev": a capital
    completing a noun of a place, an event or residents is the city, not the government
    ("la décision de Washington", "la réponse de Moscou" stay the government)."""
    root = c.root
    if root.head is root or root.dep_ not in ("nmod", "obl", "obl:mod"):
        return False
    cases = [t.lower_ for t in root.children if t.dep_ == "case"]
    return bool(cases) and cases[0] in ("de", "d'", "du", "des") and root.head.lemma_.lower() in place_nouns


def link_seat(ctx: LinkContext, c: Cand) -> None:
    """A seat of power ("le Kremlin"): its state's government, or an organ of its own."""
    s = ctx.kb.seats[c.match.of("seat")[0].target]
    if c.used:
        return
    if s.sector == "GOV" and s.country not in PLOVER_NONSTATE:
        ent = ctx.state(s.country)
    else:
        ent = ctx.entity(f"seat:{s.name}", s.name, "org", s.country, s.sector)
    ctx.mention(ent, c.start, c.end, "metonym")


def link_data_place(ctx: LinkContext, c: Cand) -> None:
    """A place of the data (places.toml, US states): its place, and its government if it acts."""
    info = ctx.gaz.places.get(tuple(c.match.of("place")[0].target.split()))
    if info is None:
        return
    ctx.place(c.text, info.country, info.lat, info.lon, c.start, c.end)
    if info.actor and not c.used:
        ent = ctx.entity(f"place:{info.name}", info.name, "state", info.country, "GOV")
        ctx.mention(ent, c.start, c.end, "name")


def link_loc(ctx: LinkContext, c: Cand) -> None:
    """A LOC entity: a located place, or a proper name we cannot locate."""
    info = lookup_loc(ctx, c.text)
    if info is not None:
        ctx.place(c.text, info.country, info.lat, info.lon, c.start, c.end)
    elif len(c.text) >= 3 and not c.text.isupper() and c.root.pos_ == "PROPN":
        ctx.place(c.text, None, None, None, c.start, c.end)  # a place we cannot locate


def lookup_loc(ctx: LinkContext, text: str) -> PlaceInfo | None:
    """The gazetteer's reading of a LOC entity's text, leading articles dropped."""
    k = key(text)
    while k and k[0] in _ARTICLES:
        k = k[1:]
    return ctx.gaz.lookup(k) if k else None
