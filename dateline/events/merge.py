"""One event per act within an article.

Repeated mentions of the same act ("la dernière rencontre ... remonte au 12 juin
2018. Les deux hommes s'étaient rencontrés à Singapour") become one Event with
several Evidence spans. Two mentions are the same act when they have the same
type and modality, the same participants (or one of them states none), and
compatible dates. A nominal mention marked as new ("un second sommet") starts an
act of its own; one marked as anaphoric ("cette visite") never does.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Event


@dataclass
class Candidate:
    """An event as found in one sentence, with what merging needs to know."""

    event: Event
    sent_index: int
    nominal: bool = False
    distinct: bool = False  # "un second sommet", "une nouvelle attaque"
    anaphoric: bool = False  # "cette visite", "ce sommet"
    inherited: bool = False  # participants carried from an earlier mention
    head_i: int = -1  # the trigger's head token, and the token range of its clause
    clause_start: int = -1
    clause_end: int = -1
    cues: list[str] = field(default_factory=list)
    strength: float = 0.5  # the trigger's, before the participants are weighed

    def fullness(self) -> tuple[int, int, int]:
        """How fully this mention states its act: a date of its own, who took part, a verb."""
        ev = self.event
        dated = {"explicit": 2, "narrative": 1}.get(ev.date.basis, 0)
        return dated, len(_ids(ev)), int(not self.nominal)


def _ids(event: Event) -> frozenset[str]:
    """Who the text names as taking part (sides inferred by default do not count)."""
    return frozenset(e.id for e in event.actors + event.recipients if not e.id.startswith("default:"))


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Equal, one a prefix of the other (2019 / 2019-02), or one unknown."""
    if a is None or b is None:
        return True
    return a.startswith(b) or b.startswith(a)


def _stated_date(event: Event) -> str | None:
    """The date the text gives; the publication-day default says nothing about identity."""
    return None if event.date.basis == "publication" else event.date.value


def same_act(first: Candidate, later: Candidate) -> bool:
    a, b = first.event, later.event
    # A nominal mention with no modality cue of its own ("le sommet vise à ...")
    # takes the modality of the act it refers back to.
    bare = later.nominal and not later.cues and b.modality == "asserted" and _stated_date(b) is None
    if a.type != b.type or (a.modality != b.modality and not bare):
        return False
    if later.distinct:
        return False
    ia, ib = _ids(a), _ids(b)
    nested = ia <= ib or ib <= ia
    if first.sent_index == later.sent_index and a.modality == b.modality:
        return True  # "se sont rassemblés ... pour une manifestation": one act per sentence and type
    if not dates_compatible(_stated_date(a), _stated_date(b)):
        return False
    if not ib:  # "le sommet d'Hanoï de 2019": a mention naming no one adds evidence
        return True
    if later.anaphoric or later.inherited or bare:
        # A first mention that names no one only takes in a nearby restatement.
        return nested and (bool(ia) or later.sent_index - first.sent_index <= 2)
    if nested and ia and ib and 0 <= later.sent_index - first.sent_index <= 3 and (first.nominal or later.nominal):
        # Restated nearby with fewer (or more) of the same participants: a noun names the
        # act again ("l'attaque a fait 14 morts"); two verbs of their own are two acts
        # ("ont attaqué un hôtel ... ont pris en otage des invités").
        return True
    return ia == ib and bool(ia)


def _absorb(into: Event, other: Event) -> None:
    into.evidence.extend(other.evidence)
    mine, theirs = _stated_date(into), _stated_date(other)
    if theirs is not None and (mine is None or (len(theirs) > len(mine) and theirs.startswith(mine))):
        into.date = other.date  # the more precise stated date wins
    if into.location is None:
        into.location = other.location
    for side, theirs in ((into.actors, other.actors), (into.recipients, other.recipients)):
        for ent in theirs:
            if all(ent.id != e.id for e in into.actors + into.recipients):
                side.append(ent)
    for side in (into.actors, into.recipients):
        # A side named by the text replaces the one inferred by default.
        named = {e.country for e in side if not e.id.startswith("default:")}
        side[:] = [e for e in side if not (e.id.startswith("default:") and e.country in named)]
    into.context = list(dict.fromkeys(into.context + other.context))
    into.confidence = min(1.0, max(into.confidence, other.confidence) + 0.05)


def merge(candidates: list[Candidate]) -> list[Candidate]:
    """Fold each candidate into the latest earlier one stating the same act.

    The merged event's first evidence (its ``evidence``) is the mention that states the
    act most fully (its own date, then its participants): what a reader wants to see.
    """
    kept: list[Candidate] = []
    best: dict[int, tuple[int, int, int]] = {}
    for cand in candidates:
        target = next((k for k in reversed(kept) if same_act(k, cand)), None)
        if target is None:
            if cand.anaphoric:
                continue  # "cette proposition": a reference back, never a new act
            kept.append(cand)
            best[id(cand)] = cand.fullness()
        else:
            fuller = cand.fullness() > best[id(target)]
            own = list(cand.event.evidence)
            _absorb(target.event, cand.event)
            if fuller:
                best[id(target)] = cand.fullness()
                rest = [e for e in target.event.evidence if all(e is not o for o in own)]
                target.event.evidence[:] = own + rest
    return kept
