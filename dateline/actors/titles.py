"""Step 3 of linking: titles and group nouns ("le ministre russe", "la police afghane").

A title's noun phrase takes a country from an adjacent demonym or a "de/du
<state>" complement, a sector from an organisation or a title it governs, an
office from a hint ("chargé des Affaires étrangères"). The title then attaches
to a name in apposition (appositions.py), or stays a definite description of a
person (descriptions.py), or becomes a group actor.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .appositions import DEFINITE, attach_title, person_after_comma, person_before
from .candidates import Cand, names_person, target_of
from .context import LinkContext
from .descriptions import Desc
from .kb import Title
from .text import key

_STOP_POS = {"VERB", "AUX", "PUNCT", "SCONJ", "CCONJ", "PRON"}
_DE = {"de", "du", "des", "d'", "d’"}
_FORMER = ("ancien", "ancienne", "ex", "anciens")
_FUSED_ARTICLES = ("au", "aux", "du")
_ATTRIBUTE_KINDS = ("demonym", "country", "metonym", "actor", "place", "hint", "seat", "loc", "org")
_NAMED_KINDS = ("actor", "seat", "org")  # named complements keep their own mention
_REACH = 9  # tokens after the title its complements may span


@dataclass
class _Phrase:
    """What a title's noun phrase says so far, while its complements are read."""

    country: str | None
    sector: str | None
    office: str | None
    start: int
    end: int
    extra: list[Cand] = field(default_factory=list)
    person_after: Cand | None = None
    inner_person: Title | None = None
    next: int = 0  # the token after the last complement read


def link_titles(ctx: LinkContext, cands: list[Cand]) -> list[Desc]:
    """Attach or group every free title; return the descriptions left to resolve."""
    descs: list[Desc] = []
    by_start = {c.span.start: c for c in cands}
    for c in cands:
        if c.kind != "title" or c.used:
            continue
        title = ctx.kb.titles[c.match.of("title")[0].target]
        d = _describe(ctx, c, title, cands, by_start)
        if d is not None:
            descs.append(d)
    return descs


def _describe(ctx: LinkContext, c: Cand, title: Title, cands: list[Cand],
              by_start: dict[int, Cand]) -> Desc | None:
    """Read one title's noun phrase; attach it, make it a group, or return it as a description."""
    doc = ctx.doc
    head = c.root
    np = _Phrase(title.country, title.sector, title.office, c.start, c.end)
    former = _extend_left(ctx, c, by_start, np)
    det = doc[c.span.start - 1].lower_ if c.span.start > 0 else ""
    # "au président ukrainien", "du chef de l'État": the article is fused with the preposition.
    definite = det in DEFINITE or det in _FUSED_ARTICLES or doc[max(0, c.span.start - 2)].lower_ in DEFINITE
    morph = head.morph  # a new MorphAnalysis on every access
    plural = "Plur" in morph.get("Number")
    genders = morph.get("Gender")
    gender = "f" if "Fem" in genders or det == "la" else ("m" if "Masc" in genders else None)
    _read_complements(ctx, c, title, by_start, np, plural)
    if np.person_after is None and np.next < len(doc) and doc[np.next].text == "," and definite:
        # "La ministre ... des Affaires étrangères, Choe Son Hui" (not "un laboratoire, X")
        np.person_after = person_after_comma(ctx, np.next, by_start)
    before = person_before(ctx, c, cands)
    for x in np.extra:
        if x.kind not in ("actor",):  # a named organisation stays an actor of its own
            x.used = True
    if former and title.kind == "person":
        np.sector = "ELI"
    if title.needs_country and np.country is None:
        return None
    d = Desc(c, title, np.country, np.sector, np.office, np.start, np.end, gender, definite, plural,
             None, np.extra)
    after = np.person_after
    if np.inner_person is not None and after is not None:
        ent = ctx.entity_at(after.start)
        if ent is not None and ent.id.startswith("local:"):
            ent.country = ent.country or np.country
            ent.sector = ent.sector or np.inner_person.sector
        after = None
    target = after or before
    if target is not None and not plural and attach_title(
            ctx, target, title, np.country, np.sector, np.office, gender, np.start, np.end):
        return None
    if title.kind == "person" and not plural:
        return d
    # A group actor: "la police afghane", "les ministres", "des manifestants".
    country = np.country
    if country is None and title.country is None:
        country = ctx.focus
    _group(ctx, d, country, np.sector)
    return None


def _extend_left(ctx: LinkContext, c: Cand, by_start: dict[int, Cand], np: _Phrase) -> bool:
    """Take the determiner and "ancien" before the title into the mention; whether it is former."""
    doc = ctx.doc
    i = c.span.start - 1
    former = False
    while i >= 0 and i >= c.span.start - 3:
        t = doc[i]
        prev = by_start.get(i)
        if prev is not None and prev.kind == "former" or t.lower_ in _FORMER:
            former = True
        elif not t.text[:1].isalnum() or t.pos_ not in ("DET", "ADJ", "NUM") and t.lower_ not in DEFINITE:
            break
        if t.pos_ == "DET" or t.lower_ in DEFINITE:
            np.start = t.idx  # the noun phrase starts at its determiner
            break
        i -= 1
    return former


def _read_complements(ctx: LinkContext, c: Cand, title: Title, by_start: dict[int, Cand],
                      np: _Phrase, plural: bool) -> None:
    """The noun phrase after the title: demonyms, "de <state>", office hints, a name."""
    doc = ctx.doc
    head = c.root
    j = c.span.end
    while j < len(doc) and j < c.span.end + _REACH:
        t = doc[j]
        nxt = by_start.get(j)
        if names_person(ctx, nxt):
            if doc[j - 1].lower_ not in _DE:
                np.person_after = nxt
            elif np.country is None:  # "premier ministre d'Hosni Moubarak": his country, no apposition
                owner = ctx.entity_at(nxt.start)
                np.country = owner.at(ctx.when)[0] if owner else None
            break
        if t.pos_ in _STOP_POS and t.lower_ not in ("d'", "de"):
            break
        if nxt is not None and nxt is not c:
            if nxt.kind in _NAMED_KINDS and not plural and j == c.span.end:
                np.person_after = nxt  # apposition: "l'ONG Human Rights Watch", "la secte Boko Haram"
                break
            if nxt.kind in _ATTRIBUTE_KINDS:
                if not _in_phrase(nxt.root, head):
                    break
                _take_attribute(ctx, title, nxt, np)
                j = nxt.span.end
                continue
            if nxt.kind == "title":
                if not _take_title(ctx, title, head, nxt, j, np):
                    break
                j = nxt.span.end
                continue
        j += 1
    np.next = j


def _take_attribute(ctx: LinkContext, title: Title, nxt: Cand, np: _Phrase) -> None:
    """A demonym, state, place, organisation or office hint qualifying the title."""
    info = _attribute(ctx, nxt)
    if nxt.kind == "hint":
        np.office = ctx.kb.hints[nxt.match.of("hint")[0].target]
    elif info is not None and np.country is None:
        np.country = info[0]
        if title.inherit and info[1] and nxt.kind in _NAMED_KINDS:
            np.sector = info[1]
    np.extra.append(nxt)
    if nxt.kind not in _NAMED_KINDS:
        np.end = max(np.end, nxt.end)


def _take_title(ctx: LinkContext, title: Title, head: Token, nxt: Cand, j: int, np: _Phrase) -> bool:
    """A title the title governs ("président de la Cour"); False if outside its phrase."""
    doc = ctx.doc
    sub = ctx.kb.titles[nxt.match.of("title")[0].target]
    if not _genitive(doc, j):
        return False  # "le président français téléphonera au président ukrainien": another actor
    if _in_phrase(nxt.root, head) and title.inherit and sub.sector and sub.sector != np.sector \
            and doc[j - 1].lower_ in ("de", "du", "des", "d'", "la", "l'", "le", "les"):
        np.sector = sub.sector  # "président de la Cour", "porte-parole de l'armée"
    elif not _in_phrase(nxt.root, head):
        return False
    if sub.kind == "person":
        np.inner_person = sub  # "l'avocat de l'assassin du préfet, X": X is the préfet
    nxt.used = True  # part of this noun phrase: "l'Association des leaders religieux"
    np.end = max(np.end, nxt.end)
    return True


def _genitive(doc: Doc, j: int) -> bool:
    """Whether the word at ``j`` is not introduced by a preposition other than "de/du/des"
    (determiners and adjectives skipped): "au président", "avec le ministre" start
    another actor, "le chef de l'armée" does not."""
    i = j - 1
    while i >= 0 and doc[i].pos_ in ("DET", "ADJ", "NUM") and doc[i].lower_ not in _DE:
        i -= 1
    return i < 0 or doc[i].lower_ in _DE or doc[i].pos_ not in ("ADP", "VERB", "AUX")


def _group(ctx: LinkContext, d: Desc, country: str | None, sector: str | None) -> None:
    """A group actor of this title, country and sector."""
    name = d.title.form.lower()
    ident = f"local:{name}|{country}|{sector}"
    ent = ctx.entity(ident, name, "group", country, sector)
    ctx.mention(ent, d.start, d.end, "group")


def _attribute(ctx: LinkContext, c: Cand) -> tuple[str | None, str | None] | None:
    """(country, sector) a candidate gives the title it qualifies."""
    kb, gaz = ctx.kb, ctx.gaz
    if c.kind in ("demonym", "country", "metonym"):
        return target_of(c), None
    if c.kind == "actor":
        a = kb.actors[target_of(c)]
        return (a.country, a.sector) if a.kind != "person" else None
    if c.kind == "seat":
        s = kb.seats[target_of(c)]
        return s.country, s.sector
    if c.kind == "place":
        info = gaz.places.get(tuple(target_of(c).split()))
        return (info.country, None) if info and info.country else None
    if c.kind == "loc":
        info = gaz.lookup(key(c.text))
        return (info.country, None) if info and info.country else None
    if c.kind == "org":
        ent = ctx.entity_at(c.start)
        return (ent.country, ent.sector) if ent else None
    return None


def _in_phrase(tok: Token, head: Token) -> bool:
    """Whether ``tok`` depends (directly or through a few links) on ``head``."""
    t = tok
    for _ in range(4):
        if t.i == head.i:
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return t.i == head.i
