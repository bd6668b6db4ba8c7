"""Who acts on whom: the participants of a trigger, from the dependency parse.

The roles follow the lexicon entry's scheme:

* ``agent``: the subject (or ``par X`` of a passive) acts, the object or a
  prepositional complement ("contre X", "à X") receives;
* ``meet``: every participant is an actor ("X a rencontré Y", "entre X et Y");
* ``visit``: the subject visits, the destination ("en Russie") is the recipient;
* ``host``: the subject receives the object, who is the visitor (actor);
* ``patient`` / ``self``: only one side is stated;
* ``qualify``: as ``agent``, for calling an act a crime; with no subject, whoever
  says so accuses (``speakers.py``).

Nominal triggers take their arguments from the light verb that carries them
("a effectué une visite") or from their own complements ("la visite de X au
Japon", "l'arrestation de X par la police").
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..model import ActorMention, Entity, Place
from ..nlp.doccache import cached, sentence_of, token_offsets, token_table
from . import bridge
from .lexicon import ArgumentCues
from .syntax import case_of, child_ids, children, conjunct_ids, conjuncts, dep, is_passive, morph, own_span
from .triggers import Trigger

SUBJECT_DEPS = ("nsubj", "csubj")
_MAX_NESTING = 3  # complement links from an argument's head down to a mention speaking for it
# Material conflict acts: "l'arrestation de X", "l'assassinat de X" name the one who suffers it.
_DONE_TO = ("ASSAULT", "COERCE")
OBJECT_DEPS = ("obj", "iobj")


@dataclass
class Participants:
    """The sides of one act, and where it happened."""

    actors: list[Entity] = field(default_factory=list)
    recipients: list[Entity] = field(default_factory=list)
    place: Place | None = None
    inherited: bool = False

    @property
    def entities(self) -> list[Entity]:
        return self.actors + self.recipients

    def is_empty(self) -> bool:
        return not self.actors and not self.recipients


class ArgumentFinder:
    """``finder(doc, trigger, verb) -> Participants`` with the cues of one language."""

    def __init__(self, cues: ArgumentCues):
        self.cues = cues

    # --- entities of a nominal argument -------------------------------------------

    def entities_of(self, doc: Doc, token: Token) -> list[Entity]:
        """The entities a nominal argument names, coordination included."""
        out: list[Entity] = []
        for head in _name_conjuncts(token):
            for ent in self._entities_of_one(doc, head):
                if all(ent.id != e.id for e in out):
                    out.append(ent)
        if out:
            for ent in self._listed_after(doc, token):
                if all(ent.id != e.id for e in out):
                    out.append(ent)
        return out

    def _listed_after(self, doc: Doc, token: Token) -> list[Entity]:
        """"par X, ainsi que les États-Unis, le Japon et le Maroc": an enumeration the parse
        breaks up still continues the argument, while only mentions, commas,
        determiners and coordinators follow it."""
        start, end = own_span(token)
        found: list[Entity] = []
        i = end
        sent_end = sentence_of(token).end
        table = token_table(doc)
        offsets, lowers, pos = table.offsets, table.lowers, table.pos
        while i < sent_end:
            m = bridge.mention_at(doc, doc[i])
            if m is not None:
                found.append(m.entity)
                while i < sent_end and offsets[i] < m.end:
                    i += 1
                continue
            # (a token's lower-cased form is "," exactly when its text is)
            if lowers[i] in self.cues.list_words or pos[i] == "DET" or lowers[i] == ",":
                i += 1
                continue
            break
        # A lone following mention is not a list: "X, accusé par Y" must not annex Y.
        return found if len(found) >= 2 else []

    def _entities_of_one(self, doc: Doc, head: Token) -> list[Entity]:
        group = self._group(doc, head)
        if group:
            return group
        mention = bridge.mention_at(doc, head)
        if mention is not None:
            return [mention.entity]
        if _in_timex(doc, head):  # "le 12 juin 2018 à Singapour": when, not who
            return []
        start, end = own_span(head)
        last = doc[end - 1]
        found = bridge.mentions_in(doc, token_offsets(doc)[start], last.idx + len(last))
        if not found:
            return self._host(doc, head) if token_table(doc).lemma_lowers[head.i] in self.cues.meeting_nouns else []
        # The mention closest to the argument's head in the tree speaks for it; one buried
        # in a chain of complements ("la formation d'une commission sur le modèle de la
        # commission sur l'assassinat de X") is what the argument is about, not who.
        best = min(found, key=lambda m: _depth(doc, m, head))
        return [best.entity] if _depth(doc, best, head) <= _MAX_NESTING else []

    def _host(self, doc: Doc, noun: Token) -> list[Entity]:
        """"les réunions prévues aux Nations unies": an organisation named where a meeting
        is held hosts it (a city or a country there is only the place)."""
        for part in children(noun, "acl"):
            for tok in children(part, "obl"):
                m = bridge.mention_at(doc, tok) if _prep(tok) in self.cues.destination_preps else None
                if m is not None and m.entity.kind == "org":
                    return [m.entity]
        return []

    def _group(self, doc: Doc, head: Token) -> list[Entity]:
        """"les deux hommes" -> the last ``n`` distinct entities of that kind named before."""
        kind = self.cues.group_nouns.get(token_table(doc).lemma_lowers[head.i])
        if kind is None:
            return []
        nums = [self.cues.group_numbers.get(c.lower_) for c in children(head, "nummod")]
        n = next((x for x in nums if x), None)
        if n is None:
            return []
        seen: list[Entity] = []
        mentions = sorted((m for m in (doc._.actor_mentions or []) if m.end <= head.idx),
                          key=lambda m: m.start, reverse=True)
        for m in mentions:
            if m.how == "demonym" and m.entity.kind == "state":
                continue  # "anti-israélien" names a target, not one of "les deux pays"
            if (kind == "any" or m.entity.kind == kind) and all(m.entity.id != e.id for e in seen):
                seen.append(m.entity)
            if len(seen) == n:
                return list(reversed(seen))
        return []

    # --- the roles ------------------------------------------------------------------

    def __call__(self, doc: Doc, trigger: Trigger, verb: Token) -> Participants:
        """Participants of ``trigger``; ``verb`` is the clause's verb (the trigger or its light verb)."""
        head = trigger.head
        pos = token_table(doc).pos
        subj, objs, obls = self._slots(doc, verb) if pos[verb.i] in ("VERB", "AUX", "ADJ") else ([], [], [])
        if pos[head.i] in ("NOUN", "PROPN"):  # nominal trigger: its own complements count too
            n_subj, n_objs, n_obls = self._noun_slots(doc, head, trigger.entry.roles, trigger.entry.type)
            if trigger.entry.roles == "qualify":  # "les crimes commis par X": X is the accused
                n_subj, n_objs = [], n_subj + n_objs
            subj = subj or n_subj
            objs = objs + n_objs
            obls = obls + n_obls
        scheme = trigger.entry.roles
        parts = Participants()
        if scheme == "meet":
            # "téléphoner au président": a person addressed is a partner; "à Singapour" is a venue.
            parts.actors = _unique(subj + objs + [e for prep, e in obls if prep in self.cues.meet_preps or prep == ""
                                                  or (prep in self.cues.recipient_preps and e.kind != "state")])
        elif scheme == "host":
            parts.actors, parts.recipients = objs, subj
        elif scheme == "self":  # "l'armée a été mise en alerte": the one who mobilises
            parts.actors = subj or objs
        elif scheme == "visit":
            parts.actors = subj
            parts.recipients = objs
        else:
            mutual = [e for prep, e in obls if prep == "entre"]  # "la coopération entre X et Y"
            parts.actors = subj + mutual
            parts.recipients = objs + [e for prep, e in obls if prep in self.cues.recipient_preps]
            if scheme == "patient":
                parts.actors = []
        parts.actors = _unique(parts.actors)
        parts.recipients = [r for r in _unique(parts.recipients) if all(r.id != a.id for a in parts.actors)]
        parts.place = self.place(doc, verb, head)
        return parts

    def _slots(self, doc: Doc, verb: Token) -> tuple[list[Entity], list[Entity], list[tuple[str, Entity]]]:
        """(agents, patients, [(preposition, entity)]) of a verb, passives undone."""
        subj_toks = children(verb, *SUBJECT_DEPS)
        obj_toks = children(verb, *OBJECT_DEPS)
        agent_toks = [c for c in children(verb, "obl") if dep(c) == "obl:agent" or case_of(c) == "par"]
        if is_passive(verb) or agent_toks:
            patient_toks = [t for t in subj_toks if dep(t).endswith("pass") or not agent_toks] + obj_toks
            subj_toks = agent_toks
            obj_toks = patient_toks
        subj = [e for t in subj_toks for e in self.entities_of(doc, t)]
        if not subj and any(t.pos_ == "PRON" and t.lower_ in self.cues.personal_pronouns for t in subj_toks):
            subj = self._previous_subject(doc, verb)
        if not subj:
            subj = self._inherited_subject(doc, verb)
        objs = [e for t in obj_toks for e in self.entities_of(doc, t)]
        if not objs and _object_clitic(verb, obj_toks):
            objs = self._antecedent_objects(doc, verb)
        obls = [(_prep(t), e) for t in children(verb, "obl", "nmod")
                if t not in agent_toks and not self._locative(doc, t)
                for e in self.entities_of(doc, t)]
        if not subj and not is_passive(verb):
            subj = self._left_neighbour(doc, verb)
        return subj, objs, obls

    @staticmethod
    def _city(doc: Doc, tok: Token) -> bool:
        """A place that is not a state named as such ("Hanoï", "la zone démilitarisée")."""
        if bridge.place_at(doc, tok) is None:
            return False
        m = bridge.mention_at(doc, tok)
        return m is None or not (m.how == "name" and m.entity.kind == "state")

    def _locative(self, doc: Doc, tok: Token) -> bool:
        """"à Kaboul", "en Russie", "au Vietnam" after a clause: where, not who.

        A state named after "à" stays a recipient ("livrer des armes à la Syrie");
        a city after "à" is a place ("attaquer un hôtel à Kaboul").
        """
        prep = _prep(tok)
        if prep not in self.cues.destination_preps or bridge.place_at(doc, tok) is None:
            return False
        if prep in self.cues.recipient_preps:
            m = bridge.mention_at(doc, tok)
            return m is None or not (m.how == "name" and m.entity.kind == "state")
        return True

    def _previous_subject(self, doc: Doc, verb: Token) -> list[Entity]:
        """"Elle a promis ...": a pronoun the actors stage left unresolved stands for the
        subject of the sentence before."""
        sent = verb.sent
        if sent.start == 0:
            return []
        prev = doc[sent.start - 1].sent
        # The last subject that names someone: the actor the narration was following.
        for tok in reversed(list(prev)):
            if dep(tok) in ("nsubj", "nsubj:pass"):
                ents = self.entities_of(doc, tok)
                if ents:
                    return ents
        return []

    def _left_neighbour(self, doc: Doc, verb: Token) -> list[Entity]:
        """A subject the parse missed: the closest mention before the verb, in its clause."""
        sent = verb.sent
        for tok in reversed(doc[sent.start: verb.i]):
            if tok.pos_ in ("VERB",) and tok.i != verb.i and dep(tok) not in ("amod", "acl"):
                return []
            if tok.pos_ == "PUNCT" and tok.text in ";:":
                return []
            m = bridge.mention_at(doc, tok)
            if m is not None and m.end <= verb.idx:
                if bridge.place_at(doc, tok) is not None and tok.head is verb and dep(tok).startswith("obl"):
                    return []
                return [m.entity]
        return []

    def _antecedent_objects(self, doc: Doc, verb: Token) -> list[Entity]:
        """"a protégé le général Pinochet en refusant de l'extrader": an object clitic
        stands for the object of the verb its clause depends on."""
        tok = verb
        for _ in range(2):
            if tok.head is tok or not dep(tok).startswith(("advcl", "xcomp", "conj")):
                return []
            tok = tok.head
            ents = [e for t in children(tok, "obj") for e in self.entities_of(doc, t)]
            if ents:
                return ents
        return []

    def _noun_slots(self, doc: Doc, noun: Token, scheme: str, act: str | None = None):
        """A nominal trigger's own complements: "de X", "par X", "entre X et Y", "contre X"."""
        agents, patients, obls = [], [], []
        comps = children(noun, "nmod", "obl", "amod")
        # "un sommet historique, le premier entre X et Y": the parse may make "entre X" an apposition.
        comps += [c for c in children(noun, "appos") if _prep(c) in self.cues.meet_preps]
        # "la note de la Grèce par Fitch": the parse may hang the agent on the complement before it.
        comps += [g for c in comps if _prep(c) in ("de", "du", "des") for g in children(c, "nmod") if _prep(g) == "par"]
        # With a "par X" agent, "de Y" is the patient ("l'exécution par les rebelles de soldats").
        by_agent = any(_prep(c) == "par" for c in comps)
        done_to = act in _DONE_TO  # "l'assassinat de X": a person named is the victim
        for c in comps:
            prep = _prep(c)
            if scheme in ("meet", "visit") and prep not in self.cues.meet_preps and self._city(doc, c):
                continue  # "le sommet d'Hanoï", "la visite au Japon": where, not who
            ents = self.entities_of(doc, c)
            if prep == "entre":  # "entre X en exercice et Y": the parse may hang "et Y" deeper in X
                ents += [e for t in c.subtree if dep(t) == "conj" and t.head.i != c.i and t.i != c.i
                         for e in self.entities_of(doc, t) if all(e.id != x.id for x in ents)]
            if prep in ("de", "du", "des") and scheme == "agent" and (by_agent or done_to):
                patients.extend(e for e in ents if by_agent or e.kind == "person")
                agents.extend(e for e in ents if not by_agent and e.kind != "person")
            elif prep == "par" or (prep in ("de", "du", "des") and scheme in ("visit", "meet", "agent", "host")):
                agents.extend(ents)
            elif prep in ("de", "du", "des"):
                patients.extend(ents)
            elif prep == "" and dep(c) == "amod" and c.lower_.startswith("anti"):
                patients.extend(ents)  # "une manifestation anti-américaine": aimed at
            elif prep == "" and dep(c) == "amod":  # "la visite américaine": demonym adjective
                agents.extend(ents)
            else:
                obls.extend((prep, e) for e in ents)
        # A relative clause may hang on the noun's complement ("les négociations sur le
        # programme qui se déroulent entre ..."): the parse's attachment is often too low.
        clauses = children(noun, "acl") + [c for n in children(noun, "nmod") for c in children(n, "acl:relcl")]
        for part in clauses:
            if part.pos_ != "VERB":
                continue
            if "Part" in morph(part, "VerbForm"):
                # "la promesse faite par le Niger au Bénin": the participle carries the roles.
                a_, p_, o_ = self._slots(doc, part)
                agents.extend(a_)
                obls.extend(o_)
            else:
                # "les négociations qui se déroulent entre Washington et Téhéran".
                obls.extend((_prep(t), e) for t in children(part, "obl") if _prep(t) in self.cues.meet_preps
                            for e in self.entities_of(doc, t))
        for det in children(noun, "det"):
            if "Yes" in morph(det, "Poss"):
                # "la Corée du Nord a réaffiché son soutien": the possessor is the clause's subject.
                m = bridge.mention_at(doc, det)
                if m is not None:
                    agents.append(m.entity)
                elif noun.head is not noun and noun.head.pos_ in ("VERB", "AUX"):
                    agents.extend(e for t in children(noun.head, "nsubj") for e in self.entities_of(doc, t))
                    if not agents:
                        agents.extend(self._left_neighbour(doc, noun.head))
        return agents, patients, obls

    def _inherited_subject(self, doc: Doc, verb: Token) -> list[Entity]:
        """The subject a verb shares with the verb it depends on (xcomp, conj, advcl, relative)."""
        d = dep(verb)
        if verb.head is verb:
            return []
        if d.startswith("acl"):  # "la police, qui a arrêté X" / "X, accusé de"
            return self.entities_of(doc, verb.head)
        if d in ("xcomp", "conj", "advcl") or d.startswith("xcomp") or d.startswith("advcl"):
            head = verb.head
            subj_toks = children(head, *SUBJECT_DEPS)
            if is_passive(head):
                subj_toks = [c for c in children(head, "obl") if dep(c) == "obl:agent"] or subj_toks
            ents = [e for t in subj_toks for e in self.entities_of(doc, t)]
            if not ents and any(t.pos_ == "PRON" and t.lower_ in self.cues.personal_pronouns for t in subj_toks):
                ents = self._previous_subject(doc, head)
            return ents or self._inherited_subject(doc, head)
        return []

    # --- where -------------------------------------------------------------------

    def destinations(self, doc: Doc, verb: Token, head: Token) -> list[Place]:
        """Every coordinated destination ("au Japon ou en Corée du Sud")."""
        out = []
        for tok in children(head, "nmod", "obl") + children(verb, "obl"):
            prep = _prep(tok)
            if prep in self.cues.destination_preps:
                for t in conjuncts(tok):
                    place = bridge.place_at(doc, t) or _state_place(doc, t)
                    if place is not None and all(p.name != place.name for p in out):
                        out.append(place)
        return out

    def place(self, doc: Doc, verb: Token, head: Token) -> Place | None:
        """Where the act happened: the trigger's locative complements, then its clause verb's."""
        return bridge.place_for(doc, head) or (bridge.place_for(doc, verb) if verb is not head else None)


def _object_clitic(verb: Token, obj_toks: list[Token]) -> bool:
    """Whether the verb's object, or that of its infinitive ("refuser de l'extrader"), is
    a third-person clitic pronoun (a pronoun before its verb: "l'", "les")."""
    toks = obj_toks + [t for x in children(verb, "xcomp") for t in children(x, "obj")]
    return any(t.pos_ == "PRON" and "3" in morph(t, "Person") and t.i < t.head.i
               and "Yes" not in morph(t, "Reflex") for t in toks)


def _name_conjuncts(token: Token) -> list[Token]:
    """The token and the heads coordinated with it, also where the parse hangs "et Y" on
    the last word of a name ("Donald Trump et Kim Jong-un": "Kim" depends on "Trump")."""
    doc, i = token.doc, token.i
    out: list[int] = []
    for h in [i] + child_ids(token, "flat"):  # by index: Tokens only for the answer
        for t in conjunct_ids(doc, h):
            if (t != h or h == i) and t not in out:
                out.append(t)
    out.sort()
    return [doc[t] for t in out]


def _in_timex(doc: Doc, token: Token) -> bool:
    """Whether ``token`` lies inside a temporal expression the time stage found."""
    return cached(doc, "in_timex", _timex_tokens)[token.i]


def _timex_tokens(doc: Doc) -> list[bool]:
    """By token index, whether the token starts inside a temporal expression."""
    offsets = token_offsets(doc)
    inside = [False] * len(offsets)
    for tx in doc._.timexes or []:
        for i in range(bisect_left(offsets, tx.start), bisect_left(offsets, tx.end)):
            inside[i] = True
    return inside


def _prep(tok: Token) -> str:
    """The first word of the preposition marking ``tok`` ("" when none): that of
    ``case_of(tok)``, read from the per-Doc columns."""
    table = token_table(tok.doc)
    labels, lowers, i = table.labels, table.lowers, tok.i
    first = ""
    for j in table.kids[i]:
        if j < i and labels[j] in ("case", "mark"):
            words = lowers[j].split()
            if words:
                first = words[0]
                break
    return {"d'": "de", "qu'": "que"}.get(first, first)  # elided forms


def _state_place(doc: Doc, token: Token) -> Place | None:
    """A state named as a destination is a place too ("se rendre en Russie")."""
    m = bridge.mention_at(doc, token)
    if m is not None and m.entity.kind == "state" and m.entity.country:
        return Place(name=m.text, country=m.entity.country, start=m.start, end=m.end)
    return None


def _depth(doc: Doc, mention: ActorMention, head: Token) -> int:
    """Tree distance from ``head`` down to the mention's own head word (99: not below it)."""
    roots: dict[tuple[int, int], int] = cached(doc, "events_mention_roots", lambda _: {})
    root = roots.get((mention.start, mention.end))
    if root is None:  # the mention's head word, once per mention (char_span and Span.root cost)
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        root = roots[(mention.start, mention.end)] = span.root.i if span is not None and len(span) else -1
    i, target = (head.i if root < 0 else root), head.i
    heads = token_table(doc).heads
    depth = 0
    while i != target and heads[i] != i and depth < 50:
        i = heads[i]
        depth += 1
    return depth if i == target else 99


def _unique(ents: list[Entity]) -> list[Entity]:
    out: list[Entity] = []
    for e in ents:
        if all(e.id != o.id for o in out):
            out.append(e)
    return out
