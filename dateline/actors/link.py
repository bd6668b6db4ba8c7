"""Within one article: who each name, title, demonym, metonym, description or pronoun designates.

Mechanism only; the knowledge is in the knowledge base (kb.py) and gazetteer
(places.py). ``ArticleLinker`` runs once per document, in steps, each in its
own module and all sharing one per-document ``LinkContext`` (context.py):

1. candidates.py: dictionary matches (matcher.py) and spaCy's entities;
2. names.py, short_names.py: known people, organisations; unknown PER entities
   become local people ("local:<name>");
3. titles.py, appositions.py: titles and group nouns take a country from an
   adjacent demonym or a "de/du <state>" complement, attach to a name in
   apposition, or else become definite descriptions or group actors
   ("la police afghane");
2b. states_places.py, orgs_peoples.py: states, seats of power, places, unknown
   ORG entities as local organisations, demonyms as peoples;
3b. descriptions.py: definite descriptions ("le chef de l'État") resolved to
   the nearest compatible person or the office holder;
4. pronouns.py: subject pronouns "il"/"elle" and "ce dernier" go to the nearest
   compatible person;
5. quotes.py: the first person of a quotation ("je", "mes services") is its speaker.

Finally overlapping mentions are dropped (a name beats a title or group noun).
"""
from __future__ import annotations

from bisect import bisect_left, insort

from spacy.tokens import Doc

from dateline.model import ActorMention, Entity, Place

from .candidates import Cand, find_candidates, focus_country
from .context import LinkContext
from .descriptions import resolve_descriptions
from .kb import KnowledgeBase
from .matcher import DictMatcher
from .names import link_names
from .orgs_peoples import link_demonym, link_local_org
from .places import Gazetteer
from .pronouns import link_pronouns
from .quotes import link_quotes
from .states_places import link_country, link_data_place, link_loc, link_metonym, link_seat
from .titles import link_titles

_HOW_RANK = {"name": 0, "metonym": 1, "title": 2, "description": 2, "group": 3, "demonym": 4, "pronoun": 5}


class ArticleLinker:
    """Links the actors and places of one Doc (built per call; holds no state between docs)."""

    def __init__(self, kb: KnowledgeBase, gaz: Gazetteer, matcher: DictMatcher,
                 doc: Doc, when: str | None) -> None:
        self.matcher = matcher
        self.ctx = LinkContext(kb, gaz, doc, when)

    def run(self) -> tuple[list[Entity], list[ActorMention], list[Place]]:
        """Entities, mentions (sorted, non-overlapping) and places of the doc."""
        ctx = self.ctx
        cands = find_candidates(ctx, self.matcher)
        ctx.focus = focus_country(ctx, cands)
        link_names(ctx, cands)
        descs = link_titles(ctx, cands)
        _link_rest(ctx, cands)
        resolve_descriptions(ctx, descs)
        link_pronouns(ctx)
        link_quotes(ctx, ctx.kb.speakers)
        ctx.mentions = without_overlaps(ctx.mentions)
        ctx.places.sort(key=lambda p: p.start or 0)
        ents = list(ctx.entities.values())
        for e in ents:
            e.mentions.sort()
        return ents, ctx.mentions, ctx.places


def _link_rest(ctx: LinkContext, cands: list[Cand]) -> None:
    """Step 2b: states, metonyms, seats, places, local organisations, demonyms, in text order."""
    for c in cands:
        if c.kind == "country":
            link_country(ctx, c)
        elif c.kind == "metonym":
            link_metonym(ctx, c)
        elif c.kind == "seat":
            link_seat(ctx, c)
        elif c.kind == "place":
            link_data_place(ctx, c)
        elif c.kind == "loc":
            link_loc(ctx, c)
        elif c.kind == "org" and not c.used:
            link_local_org(ctx, c, cands)
        elif c.kind == "demonym" and not c.used:
            link_demonym(ctx, c, cands)


def without_overlaps(mentions: list[ActorMention]) -> list[ActorMention]:
    """Mentions sorted by offset, none overlapping: a name beats a title or group noun."""
    ranked = sorted(mentions, key=lambda m: (_HOW_RANK.get(m.how, 9), -(m.end - m.start), m.start))
    kept: list[ActorMention] = []
    # the kept spans, sorted: being disjoint, their ends rise with their starts, so the
    # last one starting before m ends is the only one that can overlap it
    spans: list[tuple[int, int]] = []
    for m in ranked:
        i = bisect_left(spans, (m.end, -1))
        if i == 0 or spans[i - 1][1] <= m.start:
            kept.append(m)
            insort(spans, (m.start, m.end))
        else:
            span = (m.start, m.end)
            if span in m.entity.mentions:
                m.entity.mentions.remove(span)
    return sorted(kept, key=lambda m: m.start)
