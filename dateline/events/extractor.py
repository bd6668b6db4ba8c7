"""The events stage: ``EventExtractor(lang)(doc)`` sets ``doc._.events``.

Like spaCy's span_ruler, a component that matches (``triggers``) and then sets
annotations: for each trigger it finds the participants (``arguments``), the
modality (``modality``), the date (the time stage's ``date_event``), the place,
the PLOVER coding (``coding``), then merges repeated mentions (``merge``) and
keeps the records whose confidence reaches ``min_confidence``.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from ..actors.kb import PLOVER_NONSTATE
from ..model import Entity, Event, EventDate, Evidence, Place
from ..nlp.doccache import (dependency_tree, extension, lemma_lowers, morph_values, pos_tags, sentence_index, sentence_of, sentences,
                            subtree_ends)
from . import bridge, requirements, speakers
from .arguments import ArgumentFinder, Participants
from .coding import code, contexts_for
from .lexicon import Lexicon, load_lexicon
from .merge import Candidate, merge
from .modality import ModalityCall, ModalityClassifier
from .syntax import CONTENT_DEPS, child_ids, children, dep, governors, morph
from .triggers import Trigger, TriggerMatcher

NOMINAL_POS = ("NOUN", "PROPN")
ISO_DAY = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
ISO_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


class EventExtractor:
    """PLOVER events with arguments, modality, date, place and evidence."""

    def __init__(self, lang: str = "fr", min_confidence: float = 0.3, vocab: Vocab | None = None):
        self.lexicon: Lexicon = load_lexicon(lang)
        self.min_confidence = min_confidence
        # Lemma patterns hash the same in every vocab, so the matcher is compiled once here.
        self.matcher = TriggerMatcher(vocab or Vocab(), self.lexicon.triggers)
        self.arguments = ArgumentFinder(self.lexicon.arguments)
        self.modality = ModalityClassifier(self.lexicon.modality)

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = [c.event for c in self.candidates(doc)
                        if c.event.confidence >= self.min_confidence]
        return doc

    # --- the steps -------------------------------------------------------------------

    def candidates(self, doc: Doc) -> list[Candidate]:
        """Every merged candidate, before the confidence threshold."""
        # The clause verb is found only for the entries whose requirement needs it.
        matched = self.matcher(doc, keep=lambda t: t.entry.requires is None or requirements.satisfied(
            doc, t, self.clause_verb(t.head), self.arguments))
        triggers, absorbed_by = self._resolve_complements(matched)
        home = home_country(doc)
        found: list[Candidate] = []
        for trig in triggers:
            idx = sentence_index(doc, trig.head.i)  # of ``trig.head.sent``
            for cand in self._candidates_for(doc, trig, idx, found):
                found.append(cand)
        self._content_recipients(doc, matched, absorbed_by, found)
        self._doer_recipients(doc, found)
        for cand in found:
            _localise(cand.event, home)
            self._home_side(doc, cand, home)
            self._domestic_side(cand.event)
            cand.event.confidence = self._confidence(cand)
        merged = merge(found)
        return [c for c in merged if self._keep(c)]

    def _resolve_complements(self, triggers: list[Trigger]) -> tuple[list[Trigger], dict[int, int]]:
        """A request absorbs what it asks for; a promise lends its modality to what it promises.

        Returns the triggers kept and, for each absorbed trigger, the head of the one
        that absorbed it (its participants may name the absorber's other side).
        """
        by_head = {t.head.i: t for t in triggers}
        dropped: set[int] = set()
        absorbed_by: dict[int, int] = {}
        for trig in triggers:
            first = True
            for gov in governors(trig.head, max_depth=4, deps=CONTENT_DEPS):
                outer = by_head.get(gov.i)
                if outer is None or outer is trig:
                    continue
                if outer.entry.complement == "absorb":
                    dropped.add(trig.head.i)
                    absorbed_by[trig.head.i] = outer.head.i
                    break
                if first and outer.entry.complement == "modal":
                    dropped.add(outer.head.i)
                first = False
        return [t for t in triggers if t.head.i not in dropped], absorbed_by

    def clause_verb(self, head: Token) -> Token:
        """The verb whose clause states a nominal trigger ("a effectué une visite", "le sommet a eu lieu")."""
        doc = head.doc
        if pos_tags(doc)[head.i] not in NOMINAL_POS:
            return head
        heads, labels, _ = dependency_tree(doc)
        # A root noun has the label "root", which none of those below is.
        gov_i, label = heads[head.i], labels[head.i]
        if label not in ("obj", "xcomp", "nsubj", "nsubj:pass", "obl:arg", "obl"):
            return head
        cues = self.lexicon.arguments
        lemma = lemma_lowers(doc)[gov_i]
        modal = self.lexicon.modality
        if (lemma in cues.light_verbs or lemma in cues.happen_verbs
                or _phrasal(doc[gov_i]) in cues.happen_verbs
                or (label in ("obj", "xcomp") and (lemma in modal.governors or lemma in modal.reflexive_governors))):
            return doc[gov_i]
        return head

    def _content_recipients(self, doc: Doc, matched: list[Trigger], absorbed_by: dict[int, int],
                            found: list[Candidate]) -> None:
        """"menace d'envahir l'ambassade équatorienne": whom the absorbed act targets is
        the recipient of the threat, request or refusal that names no one else."""
        by_trigger = {c.event.evidence[0].trigger_start: c for c in found}
        filled: set[int] = set()  # outer acts whose recipients come from what they are about
        for trig in matched:
            outer_i = absorbed_by.get(trig.head.i)
            if outer_i is None:
                continue
            outer = by_trigger.get(doc[outer_i].idx) or next(
                (c for c in found if c.event.evidence[0].trigger_start <= doc[outer_i].idx
                 < c.event.evidence[0].trigger_end), None)
            if outer is None or (outer.event.recipients and id(outer) not in filled):
                continue
            parts = self.arguments(doc, trig, self.clause_verb(trig.head))
            # "menacé d'envahir l'ambassade pour capturer Assange": every absorbed act adds its target.
            taken = {a.id for a in outer.event.actors + outer.event.recipients}
            outer.event.recipients += [e for e in parts.recipients if e.id not in taken]
            filled.add(id(outer))

    def _doer_recipients(self, doc: Doc, found: list[Candidate]) -> None:
        """An accusation or refusal naming no one is aimed at the doer of the act it is about."""
        at = {c.head_i: c for c in found}
        for cand in found:
            ev = cand.event
            if ev.recipients or ev.type not in self.lexicon.arguments.about_the_doer:
                continue
            for i in range(cand.clause_start, cand.clause_end):
                inner = at.get(i)
                if inner is None or inner is cand or i == cand.head_i:
                    continue
                if not any(g.i == cand.head_i for g in governors(doc[i], max_depth=4, deps=CONTENT_DEPS)):
                    continue
                mine = {a.id for a in ev.actors}
                ev.recipients = [e for e in inner.event.actors or inner.event.recipients if e.id not in mine]
                break

    def _candidates_for(self, doc: Doc, trig: Trigger, idx: int, earlier: list[Candidate]) -> list[Candidate]:
        verb = self.clause_verb(trig.head)
        call = self.modality.classify(trig.head, verb)
        type_, modality = trig.entry.type, call.modality
        if modality == "negated" and trig.entry.negated_type:
            type_, modality = trig.entry.negated_type, "asserted"
        parts = self.arguments(doc, trig, verb)
        cand = self._make(doc, trig, verb, idx, type_, modality, parts, call)
        if trig.entry.roles == "visit":
            return self._visits(doc, trig, verb, cand)
        if parts.is_empty() and cand.nominal:
            # "l'armée fut mise en état d'alerte": the act's noun names no one; the clause's subject does.
            # "la contestation", "les manifestants": or the noun itself names who acts (unless an
            # act of its type came before: the noun then most likely refers back to it).
            cand.event.actors = self._clause_subject(doc, trig.head) or (
                [] if any(c.event.type == type_ for c in earlier) else self._self_named(doc, trig.head))
            parts.actors = list(cand.event.actors)
        if not cand.event.actors and trig.entry.roles == "qualify":
            # "X a fait savoir qu'il pourrait s'agir de crimes de guerre": who calls it so accuses.
            cand.event.actors, said_with = speakers.speaker(doc, trig.head, self.arguments.entities_of)
            if said_with is not None and cand.event.actors and cand.event.modality != "negated":
                # The accusation is made as the reporting verb says ("a fait savoir qu'il
                # pourrait s'agir de crimes": asserted), whatever hedges the qualification.
                cand.event.modality = self.modality.classify(said_with, said_with).modality
            cand.event.recipients = [r for r in cand.event.recipients
                                     if all(r.id != a.id for a in cand.event.actors)]
            parts.actors = list(cand.event.actors)
        if parts.is_empty():
            self._inherit(cand, earlier, verb)
        self._fallback_country(doc, cand, parts)
        return [cand]

    def _make(self, doc: Doc, trig: Trigger, verb: Token, idx: int, type_: str, modality: str,
              parts: Participants, call: ModalityCall) -> Candidate:
        sent = sentence_of(trig.head)
        date = self._date(doc, trig, sent, modality)
        if modality == "asserted" and _after(date.value, doc):
            modality = "future"  # an act dated after publication is announced, not done
        mode, cameo = code(trig.entry, type_, parts.entities, parts.place)
        evidence = Evidence(start=sent.start_char, end=sent.end_char, trigger=trig.text,
                            trigger_start=trig.span.start_char, trigger_end=trig.span.end_char)
        event = Event(type=type_, modality=modality, actors=list(parts.actors),
                      recipients=list(parts.recipients), date=date, evidence=[evidence],
                      mode=mode, cameo=cameo,
                      context=contexts_for(sent, self.lexicon.contexts, trig.entry.context),
                      location=parts.place)
        nominal = pos_tags(doc)[trig.head.i] in NOMINAL_POS
        first, last = subtree_ends(doc, verb.i)  # of ``list(verb.subtree)``
        cand = Candidate(event=event, sent_index=idx, nominal=nominal,
                         head_i=trig.head.i, clause_start=first, clause_end=last + 1,
                         distinct=nominal and self._marked(trig.head, self.lexicon.modality.distinct),
                         anaphoric=nominal and _demonstrative(trig.head),
                         cues=[call.cue] if call.cue else [])
        cand.strength = trig.entry.strength * (0.7 if call.cue == "?" else 1.0)
        event.confidence = self._confidence(cand)
        return cand

    def _date(self, doc: Doc, trig: Trigger, sent: Span, modality: str) -> EventDate:
        try:
            return bridge.date_event(doc, trig.span, sent)
        except Exception:  # noqa: BLE001 - a dating failure must not lose the event
            return EventDate(value=None, text=None, basis="publication")

    def _visits(self, doc: Doc, trig: Trigger, verb: Token, cand: Candidate) -> list[Candidate]:
        """One visit per destination; the host is the destination's state; domestic trips are not events."""
        dests = self.arguments.destinations(doc, verb, trig.head)
        ev = cand.event
        if not ev.actors:
            return []  # a visit needs a visitor
        if not dests:
            return [cand] if ev.recipients else []
        out = []
        actor_countries = {a.country for a in ev.actors if a.country}
        for n, place in enumerate(dests):
            if place.country and place.country in actor_countries:
                continue  # a trip at home
            host = _host(doc, place)
            recips = [host] if host else list(ev.recipients)
            event = Event(type=ev.type, modality=ev.modality, actors=list(ev.actors), recipients=recips,
                          date=ev.date, evidence=list(ev.evidence), mode=ev.mode, cameo=ev.cameo,
                          context=list(ev.context), location=place, confidence=ev.confidence)
            out.append(Candidate(event=event, sent_index=cand.sent_index, nominal=cand.nominal,
                                 distinct=cand.distinct or n > 0, anaphoric=cand.anaphoric, cues=cand.cues,
                                 strength=cand.strength, head_i=cand.head_i,
                                 clause_start=cand.clause_start, clause_end=cand.clause_end))
        return out

    def _clause_subject(self, doc: Doc, noun: Token) -> list[Entity]:
        """The subject (active or passive) of the first verb above a nominal trigger."""
        cues = self.lexicon.arguments
        tok = noun
        for _ in range(4):
            if tok.head is tok:
                return []
            tok = tok.head
            if tok.pos_ in ("VERB", "AUX"):
                # Only a verb that carries the act ("mettre en état d'alerte"), not one that reports it.
                if tok.lemma_.lower() not in cues.light_verbs | cues.happen_verbs:
                    return []
                subj = children(tok, "nsubj")
                return [e for t in subj for e in self.arguments.entities_of(doc, t)]
        return []

    def _inherit(self, cand: Candidate, earlier: list[Candidate], verb: Token) -> None:
        """Participants the text leaves implicit.

        In the sentence of an earlier act ("un sommet ..., sans qu'aucun accord ne
        soit signé"), those of that act; for a nominal mention ("un second sommet
        s'est déroulé"), those of the last act of its type in the two sentences before;
        for a verb whose subject points back ("ces derniers ont été libérés", "il fut
        exclu"), those of the last act of the sentence before.
        """
        named = [c for c in earlier if c.event.actors or c.event.recipients]
        prev = None
        if not cand.nominal:
            prev = next((c for c in reversed(named) if c.sent_index == cand.sent_index
                         and c.clause_start <= cand.head_i < c.clause_end), None)
        if prev is None and not cand.nominal and self._anaphoric_subject(verb):
            prev = next((c for c in reversed(named) if c.sent_index == cand.sent_index - 1), None)
        if prev is None and cand.nominal:
            prev = next((c for c in reversed(named) if c.event.type == cand.event.type
                         and 0 < cand.sent_index - c.sent_index <= 2), None)
        if prev is None:
            return
        cand.event.actors = list(prev.event.actors)
        cand.event.recipients = list(prev.event.recipients)
        cand.inherited = True

    @staticmethod
    def _self_named(doc: Doc, noun: Token) -> list[Entity]:
        """The actor a trigger noun itself denotes ("la contestation" as the protest movement)."""
        m = bridge.mention_at(doc, noun)
        return [m.entity] if m is not None and m.entity.country else []

    def _anaphoric_subject(self, verb: Token) -> bool:
        """The clause's subject refers back: a personal pronoun ("il"), a demonstrative
        pronoun ("ceux-ci") or a demonstrative noun phrase with no name ("ces derniers")."""
        for subj in children(verb, "nsubj"):
            if subj.pos_ == "PRON" and (subj.lower_ in self.lexicon.arguments.personal_pronouns
                                        or "Dem" in morph(subj, "PronType")):
                return True
            if subj.pos_ != "PROPN" and any("Dem" in morph(d, "PronType") for d in children(subj, "det")):
                return True
        return False

    def _domestic_side(self, ev: Event) -> None:
        """One side named, of one state, the other unnamed: the act stays within that state."""
        cues = self.lexicon.arguments
        named = ev.actors or ev.recipients
        countries = {e.country for e in named if e.country}
        if len(countries) != 1 or (ev.actors and ev.recipients):
            return
        (country,) = countries
        if country in PLOVER_NONSTATE:
            return  # an organisation's act has no "home" (the UN accusing the UN)
        # The "default:" id keeps this inferred side out of the merge's identity test.
        state = Entity(id=f"default:{country}", name=country, kind="state", country=country)
        if not ev.recipients and ev.type in cues.domestic_recipient:
            ev.recipients = [state]
        elif not ev.actors and ev.type in cues.domestic_actor:
            ev.actors = [state]

    def _home_side(self, doc: Doc, cand: Candidate, home: str | None) -> None:
        """An act of force that names no one and no place ("arrestations arbitraires et tortures
        dans les prisons") befalls, by default, the state the article is about; not damage
        a storm, a fire or an accident does ("50 maisons furent détruites" by a hurricane)."""
        ev = cand.event
        if home is None or ev.actors or ev.recipients or ev.location is not None \
                or ev.type not in self.lexicon.arguments.place_stands_for \
                or self._natural_cause(doc, cand.head_i):
            return
        # The "default:" id keeps this inferred side out of the merge's identity test.
        ev.recipients = [Entity(id=f"default:{home}", name=home, kind="state", country=home)]
        cand.strength *= 0.8

    def _natural_cause(self, doc: Doc, head_i: int) -> bool:
        """Whether the act's sentence, or the one before, names a natural or accidental cause."""
        sents = sentences(doc)
        k = sentence_index(doc, head_i)
        start = sents[k - 1].start if k > 0 else sents[k].start
        causes = self.lexicon.arguments.natural_causes
        return not causes.isdisjoint(lemma_lowers(doc)[start: sents[k].end])

    def _fallback_country(self, doc: Doc, cand: Candidate, parts: Participants) -> None:
        """No participant has a country: the place's state stands for the side acted upon,
        unless a storm, a fire or an accident did it ("un incendie a détruit un marché de Bamako")."""
        ev = cand.event
        if ev.type not in self.lexicon.arguments.place_stands_for or any(e.country for e in ev.actors + ev.recipients) or ev.location is None or not ev.location.country:
            return
        if self._natural_cause(doc, cand.head_i):
            return
        ev.recipients.append(Entity(id=f"place:{ev.location.country}", name=ev.location.name,
                                    kind="state", country=ev.location.country))
        cand.strength *= 0.85

    @staticmethod
    def _confidence(cand: Candidate) -> float:
        """Trigger strength, scaled by how much of the act the text states (and how directly)."""
        ev = cand.event
        sides = bool(ev.actors) + bool(ev.recipients)
        score = cand.strength * (0.55, 0.85, 1.0)[sides]
        if cand.inherited:
            score *= 0.9
        if not any(e.country for e in ev.actors + ev.recipients):
            score *= 0.6  # a record no country anchors is of little use
        return round(min(score, 1.0), 3)

    @staticmethod
    def _marked(head: Token, lemmas: frozenset[str]) -> bool:
        lemma = lemma_lowers(head.doc)
        return any(lemma[c] in lemmas for c in child_ids(head, "amod", "det", "nummod"))

    @staticmethod
    def _keep(cand: Candidate) -> bool:
        """An act with no participant is not a usable record; nor is a meeting internal to
        one actor (several officials of one government, EVENTS.md section 3b)."""
        ev = cand.event
        if not (ev.actors or ev.recipients):
            return False
        sides = {(e.country, e.sector) for e in ev.actors + ev.recipients}
        return not (ev.type == "CONSULT" and ev.mode != "visit" and len(ev.actors) > 1 and len(sides) == 1)


def home_country(doc: Doc) -> str | None:
    """The state an article is mostly about: the most mentioned country among its actors."""
    counts: dict[str, int] = {}
    for m in doc._.actor_mentions or []:
        c = m.entity.country
        if c and len(c) == 3 and c not in PLOVER_NONSTATE:
            counts[c] = counts.get(c, 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    total = sum(1 for m in doc._.actor_mentions or [] if m.entity.country)
    if not ranked or ranked[0] < 3 or 2 * ranked[0] < total or (len(ranked) > 1 and ranked[0] < 2 * ranked[1]):
        return None  # no state clearly dominates: leave unknown countries unknown
    return max(counts, key=counts.get)


def _localise(event: Event, home: str | None) -> None:
    """A participant whose country the knowledge base does not know acts, by default, at home."""
    if home is None:
        return
    for side in (event.actors, event.recipients):
        for k, ent in enumerate(side):
            if ent.country is None and ent.kind in ("person", "org", "group"):
                side[k] = Entity(id=ent.id, name=ent.name, kind=ent.kind, country=home,
                                 sector=ent.sector, mentions=ent.mentions, aliases=ent.aliases)


def _phrasal(verb: Token) -> str:
    """"avoir lieu" style verb + object noun, as the lexicon spells it."""
    objs = [c.lemma_.lower() for c in children(verb, "obj")]
    return f"{verb.lemma_.lower()}_{objs[0]}" if objs else verb.lemma_.lower()


def _demonstrative(head: Token) -> bool:
    doc = head.doc
    return any("Dem" in morph_values(doc, c, "PronType") for c in child_ids(head, "det"))


def _after(value: str | None, doc: Doc) -> bool:
    """Whether the ISO prefix ``value`` lies after the publication date."""
    article = extension(doc, "article")
    if not value or article is None or not value[:4].isdigit():
        return False
    first = _first_day(value)
    return first is not None and first > article.date


def _first_day(value: str):
    """The first day an ISO 8601 prefix denotes (``2019``, ``2019-02``, ``2019-02-27``, ``2019-W07``)."""
    import datetime as dt

    m = ISO_DAY.match(value)
    if m:
        y, mo, d = m.group(1), m.group(2) or "01", m.group(3) or "01"
        return dt.date(int(y), int(mo), int(d))
    m = ISO_WEEK.match(value)
    if m:
        return dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
    return None


def _host(doc: Doc, place: Place) -> Entity | None:
    """The state that hosts a visit to ``place``."""
    if place.start is not None:
        tok = next((t for t in doc if t.idx >= place.start), None)
        if tok is not None:
            m = bridge.mention_at(doc, tok)
            if m is not None and m.entity.country == place.country:
                return m.entity
    if place.country:
        return Entity(id=f"place:{place.country}", name=place.name, kind="state",
                      country=place.country, sector="GOV")
    return None
