"""Within one article: who each name, title, demonym, metonym, description or pronoun designates.

Mechanism only; the knowledge is in the knowledge base (kb.py) and gazetteer
(places.py). ``ArticleLinker`` runs once per document:

1. candidates: dictionary matches (matcher.py) and spaCy's entities;
2. names: known people, organisations, states, seats of power, places; unknown
   PER entities become local people ("local:<name>"), unknown ORG entities
   local organisations;
3. titles and group nouns take a country from an adjacent demonym or a
   "de/du <state>" complement, attach to a name in apposition, or else become
   definite descriptions ("le chef de l'État") resolved to the nearest
   compatible person, or group actors ("la police afghane");
4. subject pronouns "il"/"elle" go to the nearest compatible person.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from dateline.model import ActorMention, Entity, Place

from .kb import PLOVER_NONSTATE, Actor, KnowledgeBase, Title
from .matcher import DictMatcher, Match
from .places import Gazetteer
from .text import key

_STOP_POS = {"VERB", "AUX", "PUNCT", "SCONJ", "CCONJ", "PRON"}
_DEFINITE = {"le", "la", "l'", "les", "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "l’"}
_DE = {"de", "du", "des", "d'", "d’"}
_HEAD_OFFICES = {"head_of_state", "head_of_government", "leader"}


@dataclass
class Cand:
    """A candidate mention: a dictionary match or an entity, with its tokens."""

    start: int
    end: int
    text: str
    span: Span
    kind: str  # kb kind of the chosen entry, or "per", "org", "loc" for spaCy entities
    match: Match | None = None
    used: bool = False  # consumed as an attribute of another mention

    @property
    def root(self) -> Token:
        return self.span.root


@dataclass
class _Desc:
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


class ArticleLinker:
    """Links the actors and places of one Doc (built per call; holds no state between docs)."""

    def __init__(self, kb: KnowledgeBase, gaz: Gazetteer, matcher: DictMatcher,
                 doc: Doc, when: str | None) -> None:
        self.kb, self.gaz, self.matcher, self.doc, self.when = kb, gaz, matcher, doc, when
        self.text = doc.text  # Doc.text rebuilds the string on every access
        self.entities: dict[str, Entity] = {}
        self.mentions: list[ActorMention] = []
        self.places: list[Place] = []
        self.genders: dict[str, str] = {}
        self.local_titles: dict[str, str | None] = {}  # local person id -> office

    # ---- entry point ---------------------------------------------------
    def run(self) -> tuple[list[Entity], list[ActorMention], list[Place]]:
        """Entities, mentions (sorted, non-overlapping) and places of the doc."""
        cands = self._candidates()
        self.focus = self._focus_country(cands)
        self._names(cands)
        descs = self._titles(cands)
        self._rest(cands)
        self._resolve_descriptions(descs)
        self._pronouns()
        self.mentions = _without_overlaps(self.mentions)
        self.places.sort(key=lambda p: p.start or 0)
        ents = list(self.entities.values())
        for e in ents:
            e.mentions.sort()
        return ents, self.mentions, self.places

    # ---- candidates ----------------------------------------------------
    def _candidates(self) -> list[Cand]:
        doc = self.doc
        out: list[Cand] = []
        ents = [e for e in doc.ents if e.label_ in ("PER", "LOC", "ORG", "MISC")]
        for m in self.matcher(self.text):
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            kind = self._kind_of(m, span, ents)
            if kind:
                out.append(Cand(m.start, m.end, m.text, span, kind, m))
        covered = [(c.start, c.end) for c in out if c.kind not in ("title", "demonym", "hint", "former")]
        titles = [(c.start, c.end) for c in out if c.kind in ("title", "demonym")]
        for ent in ents:
            s, e = ent.start_char, ent.end_char
            if ent.label_ != "ORG" and any(cs < e and s < ce for cs, ce in titles):
                continue  # "le chef de l'État" is a title, "les Américains" a people: no places
            text = ent.text.strip(" -'")
            if not text or not text[0].isupper():
                continue
            if any(cs < e and s < ce for cs, ce in covered):
                continue  # a knowledge-base name wins over spaCy's reading
            label = {"PER": "per", "LOC": "loc", "ORG": "org", "MISC": "misc"}[ent.label_]
            if label == "misc":
                continue
            out.append(Cand(s, s + len(ent.text.rstrip(" -'")), ent.text.rstrip(" -'"), ent, label))
        out.sort(key=lambda c: (c.start, -c.end))
        return out

    def _kind_of(self, m: Match, span: Span, ents: list[Span]) -> str | None:
        """The reading of a dictionary match, or None to drop it."""
        kinds = m.kinds
        if "block" in kinds:
            return None
        inside_per = any(e.label_ == "PER" and e.start_char <= m.start and m.end <= e.end_char
                         and (e.end_char - e.start_char) > (m.end - m.start) for e in ents)
        for kind in ("actor", "seat", "country", "place", "metonym", "short", "title",
                     "demonym", "hint", "former"):
            if kind not in kinds:
                continue
            if kind == "title" and len(span) == 1 and span[0].pos_ in ("ADJ", "VERB", "AUX", "ADV"):
                continue  # "l'opération militaire", "la direction générale": adjectives, not actors
            if kind == "actor" and inside_per and not any(
                    self.kb.actors[e.target].kind == "person" for e in m.of("actor")):
                continue
            if kind in ("country", "place", "metonym", "seat") and inside_per:
                continue
            if kind == "country" and " ".join(key(m.text)) in self.kb.needs_place and not any(
                    e.label_ == "LOC" and e.start_char <= m.start and m.end <= e.end_char for e in ents):
                continue
            return kind
        return None

    def _focus_country(self, cands: list[Cand]) -> str | None:
        """The state the article is mostly about (for group nouns that name none)."""
        counts: Counter[str] = Counter()
        for c in cands:
            for code in self._countries_of(c):
                if code not in PLOVER_NONSTATE:
                    counts[code] += 1
        return counts.most_common(1)[0][0] if counts else None

    def _countries_of(self, c: Cand) -> list[str]:
        if c.match is None:
            if c.kind == "loc":
                info = self.gaz.lookup(key(c.text))
                return [info.country] if info and info.country else []
            return []
        if c.kind in ("country", "demonym", "metonym"):
            return [c.match.of(c.kind)[0].target]
        if c.kind == "place":
            info = self.gaz.places.get(tuple(c.match.of("place")[0].target.split()))
            return [info.country] if info and info.country else []
        if c.kind == "actor":
            a = self.kb.actors[c.match.of("actor")[0].target]
            return [a.country] if a.country else []
        return []

    # ---- entities and mentions -----------------------------------------
    def _entity(self, ident: str, name: str, kind: str, country: str | None,
                sector: str | None, actor: Actor | None = None) -> Entity:
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

    def _mention(self, ent: Entity, start: int, end: int, how: str) -> ActorMention:
        text = self.text[start:end]
        m = ActorMention(start, end, text, ent, how)
        self.mentions.append(m)
        ent.mentions.append((start, end))
        if text not in ent.aliases and how == "name" and text != ent.name:
            ent.aliases.append(text)
        return m

    def _state(self, code: str) -> Entity:
        return self._entity(f"state:{code}", self.kb.country_name(code), "state", code, "GOV")

    def _place(self, name: str, country: str | None, lat: float | None, lon: float | None,
               start: int, end: int) -> None:
        if any(p.start == start for p in self.places):
            return
        self.places.append(Place(name, country, lat, lon, start, end))

    def _actor_entity(self, actor: Actor) -> Entity:
        return self._entity(actor.id, actor.name, actor.kind, actor.country, actor.sector, actor)

    # ---- step 2: names -------------------------------------------------
    def _names(self, cands: list[Cand]) -> None:
        full_ids = {e.target for c in cands if c.kind == "actor" for e in c.match.of("actor")}
        for c in cands:
            if c.kind == "actor":
                actor = self.kb.actors[c.match.of("actor")[0].target]
                self._mention(self._actor_entity(actor), c.start, c.end, "name")
            elif c.kind == "short":
                actor = self._pick_short([self.kb.actors[e.target] for e in c.match.of("short")], full_ids)
                if actor is not None:
                    self._mention(self._actor_entity(actor), c.start, c.end, "name")
            elif c.kind == "per":
                self._local_person(c)

    def _pick_short(self, actors: list[Actor], full_ids: set[str]) -> Actor | None:
        """Which of the people sharing a surname the text means."""
        named = [a for a in actors if a.id in full_ids or a.id in self.entities]
        if named:
            return named[0]
        serving = [a for a in actors if any(r.holds_on(self.when) for r in a.roles)]
        if serving:
            return serving[0]
        # Out of office and not named in full: only former leaders are known by surname alone
        # ("Pinochet", "Chirac"); "Colonna" alone is not the former minister.
        actors = [a for a in actors if {"head_of_state", "head_of_government"} & set(a.offices)]
        if not actors:
            return None
        if self.when is None:
            return actors[0] if len(actors) == 1 else None

        def distance(a: Actor) -> int:
            best = 10 ** 6
            for r in a.roles:
                for bound in (r.start, r.end):
                    if bound:
                        best = min(best, abs(int(bound[:4]) - int(self.when[:4])))
            return best

        return min(actors, key=distance)

    def _local_person(self, c: Cand) -> None:
        words = set(key(c.text))
        if not words:
            return
        for ent in self.entities.values():  # "Choe" after "Choe Son Hui"
            if ent.kind == "person" and ent.id.startswith("local:") and words <= set(key(ent.name)):
                self._mention(ent, c.start, c.end, "name")
                return
        for ent in list(self.entities.values()):  # a surname of a known person already named
            if ent.kind == "person" and not ent.id.startswith("local:") and words <= set(key(ent.name)):
                self._mention(ent, c.start, c.end, "name")
                return
        ent = self._entity(f"local:{c.text}", c.text, "person", None, None)
        self._mention(ent, c.start, c.end, "name")

    # ---- step 3: titles and group nouns --------------------------------
    def _titles(self, cands: list[Cand]) -> list[_Desc]:
        descs: list[_Desc] = []
        by_start = {c.span.start: c for c in cands}
        for idx, c in enumerate(cands):
            if c.kind != "title" or c.used:
                continue
            title = self.kb.titles[c.match.of("title")[0].target]
            d = self._describe(c, title, cands, idx, by_start)
            if d is not None:
                descs.append(d)
        return descs

    def _describe(self, c: Cand, title: Title, cands: list[Cand], idx: int,
                  by_start: dict[int, Cand]) -> _Desc | None:
        doc = self.doc
        head = c.root
        country, sector, office = title.country, title.sector, title.office
        start, end = c.start, c.end
        # Determiner and "ancien" before the title belong to the mention.
        i = c.span.start - 1
        former = False
        while i >= 0 and i >= c.span.start - 3:
            t = doc[i]
            prev = by_start.get(i)
            if prev is not None and prev.kind == "former" or t.lower_ in ("ancien", "ancienne", "ex", "anciens"):
                former = True
            elif not t.text[:1].isalnum() or t.pos_ not in ("DET", "ADJ", "NUM") and t.lower_ not in _DEFINITE:
                break
            if t.pos_ == "DET" or t.lower_ in _DEFINITE:
                start = t.idx  # the noun phrase starts at its determiner
                break
            i -= 1
        det = doc[c.span.start - 1].lower_ if c.span.start > 0 else ""
        definite = det in _DEFINITE or doc[max(0, c.span.start - 2)].lower_ in _DEFINITE
        plural = "Plur" in head.morph.get("Number")
        gender = "f" if "Fem" in head.morph.get("Gender") or det == "la" else (
            "m" if "Masc" in head.morph.get("Gender") else None)
        # The noun phrase after the title: demonyms, "de <state>", office hints.
        j = c.span.end
        extra: list[Cand] = []
        person_after: Cand | None = None
        inner_person: Title | None = None
        while j < len(doc) and j < c.span.end + 9:
            t = doc[j]
            nxt = by_start.get(j)
            if nxt is not None and nxt.kind in ("per",) or (
                    nxt is not None and nxt.kind in ("actor", "short") and
                    self.kb.actors[nxt.match.of(nxt.kind)[0].target].kind == "person"):
                if doc[j - 1].lower_ not in _DE:
                    person_after = nxt
                elif country is None:  # "premier ministre d'Hosni Moubarak": his country, no apposition
                    owner = self._entity_at(nxt.start)
                    country = owner.at(self.when)[0] if owner else None
                break
            if t.pos_ in _STOP_POS and t.lower_ not in ("d'", "de"):
                break
            if nxt is not None and nxt is not c:
                if nxt.kind in ("actor", "seat", "org") and not plural and j == c.span.end:
                    person_after = nxt  # apposition: "l'ONG Human Rights Watch", "la secte Boko Haram"
                    break
                if nxt.kind in ("demonym", "country", "metonym", "actor", "place", "hint", "seat", "loc", "org"):
                    if not _in_phrase(nxt.root, head):
                        break
                    info = self._attribute(nxt)
                    if nxt.kind == "hint":
                        office = self.kb.hints[nxt.match.of("hint")[0].target]
                    elif info is not None and country is None:
                        country = info[0]
                        if title.inherit and info[1] and nxt.kind in ("actor", "seat", "org"):
                            sector = info[1]
                    extra.append(nxt)
                    if nxt.kind not in ("actor", "seat", "org"):  # named complements keep their own mention
                        end = max(end, nxt.end)
                    j = nxt.span.end
                    continue
                if nxt.kind == "title":
                    sub = self.kb.titles[nxt.match.of("title")[0].target]
                    if _in_phrase(nxt.root, head) and title.inherit and sub.sector and sub.sector != sector \
                            and doc[j - 1].lower_ in ("de", "du", "des", "d'", "la", "l'", "le", "les"):
                        sector = sub.sector  # "président de la Cour", "porte-parole de l'armée"

                    elif not _in_phrase(nxt.root, head):
                        break
                    if sub.kind == "person":
                        inner_person = sub  # "l'avocat de l'assassin du préfet, X": X is the préfet
                    nxt.used = True  # part of this noun phrase: "l'Association des leaders religieux"
                    end = max(end, nxt.end)
                    j = nxt.span.end
                    continue
            j += 1
        if person_after is None and j < len(doc) and doc[j].text == "," and definite:
            # "La ministre ... des Affaires étrangères, Choe Son Hui" (not "un laboratoire, X")
            while j < len(doc) and doc[j].text == ",":
                j += 1
            nxt = by_start.get(j)
            if nxt is not None and (nxt.kind == "per" or nxt.kind in ("actor", "short") and
                                    self.kb.actors[nxt.match.of(nxt.kind)[0].target].kind == "person"):
                person_after = nxt
        # A name before the title, in apposition: "Choe Son Hui, ministre des ..."
        person_before = None
        k = c.span.start - 1
        while k >= 0 and doc[k].lower_ in _DEFINITE | {"la", "le"}:
            k -= 1
        if k >= 0 and doc[k].text == ",":
            for other in cands:
                if other.span.end == k and (other.kind == "per" or other.kind in ("actor", "short") and
                                            self.kb.actors[other.match.of(other.kind)[0].target].kind == "person"):
                    person_before = other
        for x in extra:
            if x.kind not in ("actor",):  # a named organisation stays an actor of its own
                x.used = True
        if former and title.kind == "person":
            sector = "ELI"
        if title.needs_country and country is None:
            return None
        d = _Desc(c, title, country, sector, office, start, end, gender, definite, plural, None, extra)
        if inner_person is not None and person_after is not None:
            ent = self._entity_at(person_after.start)
            if ent is not None and ent.id.startswith("local:"):
                ent.country = ent.country or country
                ent.sector = ent.sector or inner_person.sector
            person_after = None
        target = person_after or person_before
        if target is not None and not plural:
            ent = self._entity_at(target.start)
            if ent is not None:
                if ent.id.startswith("local:"):
                    if country is None and sector == "GOV" and title.kind == "person":
                        country = self.focus  # "le ministre X" in an article about one state
                    ent.country = ent.country or country
                    ent.sector = ent.sector or sector
                    self.local_titles[ent.id] = office
                if gender:
                    self.genders.setdefault(ent.id, gender)
                self._mention(ent, start, end, "title")
                return None
        if title.kind == "person" and not plural:
            return d
        # A group actor: "la police afghane", "les ministres", "des manifestants".
        if country is None and title.country is None:
            country = self.focus
        self._group(d, country, sector)
        return None

    def _group(self, d: _Desc, country: str | None, sector: str | None) -> None:
        name = d.title.form.lower()
        ident = f"local:{name}|{country}|{sector}"
        ent = self._entity(ident, name, "group", country, sector)
        self._mention(ent, d.start, d.end, "group")

    def _attribute(self, c: Cand) -> tuple[str | None, str | None] | None:
        """(country, sector) a candidate gives the title it qualifies."""
        if c.kind in ("demonym", "country", "metonym"):
            return c.match.of(c.kind)[0].target, None
        if c.kind == "actor":
            a = self.kb.actors[c.match.of("actor")[0].target]
            return (a.country, a.sector) if a.kind != "person" else None
        if c.kind == "seat":
            s = self.kb.seats[c.match.of("seat")[0].target]
            return s.country, s.sector
        if c.kind == "place":
            info = self.gaz.places.get(tuple(c.match.of("place")[0].target.split()))
            return (info.country, None) if info and info.country else None
        if c.kind == "loc":
            info = self.gaz.lookup(key(c.text))
            return (info.country, None) if info and info.country else None
        if c.kind == "org":
            ent = self._entity_at(c.start)
            return (ent.country, ent.sector) if ent else None
        return None

    def _entity_at(self, start: int) -> Entity | None:
        for m in self.mentions:
            if m.start == start:
                return m.entity
        return None

    # ---- step 2b: states, seats, organisations, places, demonyms ------
    def _rest(self, cands: list[Cand]) -> None:
        for c in cands:
            if c.kind == "country":
                code = c.match.of("country")[0].target
                city = self.gaz.cities.get(key(c.text))  # city-states: "Singapour", "Koweït"
                lat, lon = (city.lat, city.lon) if city and self.kb.state(city.country) == code else (None, None)
                self._place(c.text, self.kb.state(code), lat, lon, c.start, c.end)
                if not c.used:
                    self._mention(self._state(self.kb.state(code)), c.start, c.end, "name")
            elif c.kind == "metonym":
                code = c.match.of("metonym")[0].target
                info = self.gaz.cities.get(key(c.text))
                lat, lon = (info.lat, info.lon) if info else (None, None)
                self._place(c.text, code, lat, lon, c.start, c.end)
                if not c.used and " ".join(key(c.text)) not in self.kb.not_metonyms:
                    self._mention(self._state(code), c.start, c.end, "metonym")
            elif c.kind == "seat":
                s = self.kb.seats[c.match.of("seat")[0].target]
                if c.used:
                    continue
                if s.sector == "GOV" and s.country not in PLOVER_NONSTATE:
                    ent = self._state(s.country)
                else:
                    ent = self._entity(f"seat:{s.name}", s.name, "org", s.country, s.sector)
                self._mention(ent, c.start, c.end, "metonym")
            elif c.kind == "place":
                info = self.gaz.places.get(tuple(c.match.of("place")[0].target.split()))
                if info is None:
                    continue
                self._place(c.text, info.country, info.lat, info.lon, c.start, c.end)
                if info.actor and not c.used:
                    ent = self._entity(f"place:{info.name}", info.name, "state", info.country, "GOV")
                    self._mention(ent, c.start, c.end, "name")
            elif c.kind == "loc":
                info = self._lookup_loc(c.text)
                if info is not None:
                    self._place(c.text, info.country, info.lat, info.lon, c.start, c.end)
                elif len(c.text) >= 3 and not c.text.isupper() and c.root.pos_ == "PROPN":
                    self._place(c.text, None, None, None, c.start, c.end)  # a place we cannot locate
            elif c.kind == "org" and not c.used:
                self._local_org(c, cands)
            elif c.kind == "demonym" and not c.used:
                self._demonym(c, cands)

    def _lookup_loc(self, text: str):
        k = key(text)
        while k and k[0] in ("la", "le", "l", "les"):
            k = k[1:]
        return self.gaz.lookup(k) if k else None

    def _local_org(self, c: Cand, cands: list[Cand]) -> None:
        if self._entity_at(c.start) is not None:
            return
        country = sector = None
        for other in cands:
            if other is c or not (c.start <= other.start and other.end <= c.end):
                continue
            if other.kind in ("demonym", "country", "metonym") and country is None:
                country = self.kb.state(other.match.of(other.kind)[0].target)
            elif other.kind == "title" and sector is None:
                sector = self.kb.titles[other.match.of("title")[0].target].sector
            other.used = True
        if country is None and sector is not None:
            country = self.focus  # "Assemblée nationale" in an article about France
        ent = self._entity(f"local:{c.text}", c.text, "org", country, sector)
        self._mention(ent, c.start, c.end, "name")

    def _demonym(self, c: Cand, cands: list[Cand]) -> None:
        """A demonym not qualifying a title: a nationality before a name, or a people."""
        doc = self.doc
        code = c.match.of("demonym")[0].target
        nxt = doc[c.span.end] if c.span.end < len(doc) else None
        for other in cands:
            if other.span.start == c.span.end and other.kind == "per":
                ent = self._entity_at(other.start)
                if ent is not None and ent.country is None:
                    ent.country = code  # "l'Australien Julian Assange"
                return
        prev = doc[c.span.start - 1].lower_ if c.span.start > 0 else ""
        people = c.text[:1].isupper() or (
            c.root.pos_ == "NOUN" and "Plur" in c.root.morph.get("Number") and prev in ("les", "des", "aux"))
        if people and (nxt is None or nxt.pos_ != "NOUN"):  # "les Américains", not "en français"
            ent = self._entity(f"local:{code}|people", c.text, "group", code, None)
            self._mention(ent, c.start, c.end, "demonym")

    # ---- step 3b: definite descriptions --------------------------------
    def _resolve_descriptions(self, descs: list[_Desc]) -> None:
        for d in sorted(descs, key=lambda d: d.start):
            ent = None
            if d.definite:
                ent = self._nearest_compatible(d)
                country = d.country
                if country is None and d.office in _HEAD_OFFICES | {"foreign_minister"}:
                    country = self.focus  # "le Premier ministre" of the state the article is about
                if ent is None and country is not None:
                    actor = self.kb.office_holder(country, d.office, self.when)
                    if actor is not None:
                        ent = self._actor_entity(actor)
            if ent is None:
                country = d.country
                name = self.text[d.start:d.end]
                ident = f"local:{d.title.form.lower()}|{country}" if d.definite else f"local:{name}@{d.start}"
                ent = self._entity(ident, name, "person", country, d.sector)
                self.local_titles[ent.id] = d.office
                if d.gender:
                    self.genders.setdefault(ent.id, d.gender)
            self._mention(ent, d.start, d.end, "description")

    def _nearest_compatible(self, d: _Desc) -> Entity | None:
        before = sorted((m for m in self.mentions if m.start < d.start and m.entity.kind == "person"),
                        key=lambda m: -m.start)
        for m in before:
            if self._compatible(m.entity, d):
                return m.entity
        return None

    def _compatible(self, ent: Entity, d: _Desc) -> bool:
        country, sector = ent.at(self.when)
        if d.country is not None and country is not None and country != d.country:
            return False
        if d.country is not None and country is None:
            return False
        if d.gender and self.genders.get(ent.id) and self.genders[ent.id] != d.gender:
            return False
        if d.office is not None:
            if ent.id.startswith("local:"):
                office = self.local_titles.get(ent.id)
                return office == d.office or d.office == "leader" and office in _HEAD_OFFICES
            actor = self.kb.actors.get(ent.id)
            if actor is None:
                return False
            wanted = {d.office}
            if d.office == "leader":
                wanted = {"head_of_state", "head_of_government", "leader"}
            return any(off in wanted for off in actor.offices)
        if d.sector is not None and sector is not None and sector != d.sector:
            return False
        return True

    # ---- step 4: pronouns ----------------------------------------------
    def _pronouns(self) -> None:
        doc = self.doc
        sents = list(doc.sents)
        persons = sorted((m for m in self.mentions if m.entity.kind == "person"), key=lambda m: m.start)
        if not persons:
            return
        starts = [s.start for s in sents]
        for tok in doc:
            if tok.lower_ not in ("il", "elle") or not tok.dep_.startswith("nsubj"):
                continue
            if tok.head.lemma_ in ("falloir", "agir", "sembler", "pleuvoir") or any(
                    ch.lower_ == "y" for ch in tok.head.children):
                continue
            si = max(0, bisect_right(starts, tok.i) - 1)  # Token.sent walks the doc: avoid it
            lo = sents[max(0, si - 2)].start_char
            window = [m for m in persons if lo <= m.start < tok.idx]
            gender = "f" if tok.lower_ == "elle" else "m"
            window = [m for m in window if self.genders.get(m.entity.id, gender) == gender]
            if not window:
                continue
            subjects = [m for m in window if _is_subject(doc, m)]
            pick = (subjects or window)[-1]
            self._mention(pick.entity, tok.idx, tok.idx + len(tok.text), "pronoun")


_HOW_RANK = {"name": 0, "metonym": 1, "title": 2, "description": 2, "group": 3, "demonym": 4, "pronoun": 5}


def _without_overlaps(mentions: list[ActorMention]) -> list[ActorMention]:
    """Mentions sorted by offset, none overlapping: a name beats a title or group noun."""
    ranked = sorted(mentions, key=lambda m: (_HOW_RANK.get(m.how, 9), -(m.end - m.start), m.start))
    kept: list[ActorMention] = []
    for m in ranked:
        if all(m.end <= k.start or k.end <= m.start for k in kept):
            kept.append(m)
        else:
            span = (m.start, m.end)
            if span in m.entity.mentions:
                m.entity.mentions.remove(span)
    return sorted(kept, key=lambda m: m.start)


def _is_subject(doc: Doc, m: ActorMention) -> bool:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and span.root.dep_.startswith("nsubj")


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

