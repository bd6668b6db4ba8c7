"""The records dateline passes between its stages.

Offsets are character offsets. Inside the spaCy pipeline they point into
``doc.text`` (the parser's normalised copy); ``dateline.nlp.pipeline`` maps them
back to the article's original text before any record leaves the pipeline, so
every offset a user sees slices ``Article.text`` exactly.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

MODALITIES = ("asserted", "negated", "future", "intended", "hypothetical", "alleged")
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
# PLOVER quad classes (EVENTS.md section 3).
QUAD = {
    "AGREE": "verbal-coop", "CONSULT": "verbal-coop", "SUPPORT": "verbal-coop",
    "CONCEDE": "verbal-coop", "COOPERATE": "material-coop", "AID": "material-coop",
    "RETREAT": "material-coop", "REQUEST": "verbal-conflict", "ACCUSE": "verbal-conflict",
    "REJECT": "verbal-conflict", "THREATEN": "verbal-conflict", "PROTEST": "material-conflict",
    "SANCTION": "material-conflict", "MOBILIZE": "material-conflict",
    "COERCE": "material-conflict", "ASSAULT": "material-conflict",
}
_TO_AGREE = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}


def plover_category(type_: str, modality: str) -> str:
    """The PLOVER category PLOVER's own rules give an act of ``type_`` (EVENTS.md section 2)."""
    if type_ in _TO_AGREE and modality in ("future", "intended", "hypothetical"):
        return "AGREE"
    if type_ == "RETREAT" and modality in ("future", "intended"):
        return "CONCEDE"
    return type_


@dataclass
class Article:
    """One dated news article. ``date`` is the publication date (DCT)."""

    id: str
    date: dt.date
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None  # the file (and record) it was read from

    @property
    def content_hash(self) -> str:
        """Identity of the content: same date and text means the same article."""
        h = hashlib.sha256()
        h.update(self.date.isoformat().encode())
        h.update(b"\0")
        h.update(self.text.encode("utf-8"))
        return h.hexdigest()

    def to_record(self) -> dict[str, Any]:
        return {"id": self.id, "date": self.date.isoformat(), "title": self.title,
                "url": self.url, "text": self.text}


@dataclass
class Rejection:
    """An input that could not be used, with a reason a user can act on."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass
class Timex:
    """A TIMEX3 temporal expression (EVENTS.md section 4)."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str
    anchor: str | None = None  # "dct", "narrative" or None (absolute)
    rule: str | None = None  # name of the rule that found it
    # the date an offset duration points to ("il y a <deux ans>" -> "2023"), else None
    points_to: str | None = None

    def to_record(self, article_id: str) -> dict[str, Any]:
        return {"article_id": article_id, "start": self.start, "end": self.end,
                "text": self.text, "type": self.type, "value": self.value}


@dataclass
class Role:
    """An office held over a period (ISO prefixes; ``end`` None = still held)."""

    title: str
    country: str | None
    sector: str | None
    start: str | None = None
    end: str | None = None

    def holds_on(self, when: str | None) -> bool:
        """Whether the role is held on the ISO date prefix ``when`` (None: now)."""
        if when is None:
            return self.end is None
        return (self.start is None or self.start[: len(when)] <= when) and (
            self.end is None or when[: len(self.end)] <= self.end)


@dataclass
class Entity:
    """An actor of one article: a person, a state (or its organs), an organisation, a group."""

    id: str  # knowledge-base id, or "local:<name>" for one the text introduces
    name: str
    kind: str  # "person", "state", "org", "group"
    country: str | None = None
    sector: str | None = None
    roles: list[Role] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)  # doc char offsets
    aliases: list[str] = field(default_factory=list)

    def at(self, when: str | None) -> tuple[str | None, str | None]:
        """(country, sector) for an act on ``when``, from the role held then if any."""
        for role in self.roles:
            if role.holds_on(when):
                return role.country, role.sector
        return self.country, self.sector

    def to_record(self, when: str | None = None) -> dict[str, Any]:
        country, sector = self.at(when)
        return {"id": self.id, "name": self.name, "country": country, "sector": sector}


@dataclass
class ActorMention:
    """A span of text that names or designates an ``Entity``."""

    start: int
    end: int
    text: str
    entity: Entity
    how: str  # "name", "title", "demonym", "metonym", "description", "pronoun", "group"


@dataclass
class Place:
    """A location named in the text."""

    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None
    start: int | None = None
    end: int | None = None

    def to_record(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon}


@dataclass
class EventDate:
    value: str | None
    text: str | None
    basis: str  # "explicit", "narrative", "publication"
    start: int | None = None  # offsets of ``text`` when it comes from the article
    end: int | None = None

    def to_record(self) -> dict[str, Any]:
        return {"value": self.value, "text": self.text, "basis": self.basis}


@dataclass
class Evidence:
    start: int  # the sentence or clause
    end: int
    trigger: str
    trigger_start: int
    trigger_end: int

    def to_record(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "trigger": self.trigger,
                "trigger_start": self.trigger_start, "trigger_end": self.trigger_end}


@dataclass
class Event:
    """One act, as EVENTS.md section 2 records it."""

    type: str
    modality: str
    actors: list[Entity]
    recipients: list[Entity]
    date: EventDate
    evidence: list[Evidence]
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    cameo: str | None = None
    location: Place | None = None
    confidence: float = 0.5

    @property
    def plover(self) -> str:
        return plover_category(self.type, self.modality)

    def to_record(self, article_id: str, index: int | None = None) -> dict[str, Any]:
        """The EVENTS.md section 2 record; ``mentions`` holds every evidence span."""
        when = self.date.value
        rec: dict[str, Any] = {
            "article_id": article_id,
            "type": self.type, "mode": self.mode, "context": list(self.context),
            "cameo": self.cameo,
            "actors": [a.to_record(when) for a in self.actors],
            "recipients": [r.to_record(when) for r in self.recipients],
            "date": self.date.to_record(),
            "location": self.location.to_record() if self.location else None,
            "modality": self.modality, "plover": self.plover,
            "evidence": self.evidence[0].to_record() if self.evidence else None,
            "mentions": [e.to_record() for e in self.evidence],
            "confidence": round(self.confidence, 3),
        }
        if index is not None:
            rec["id"] = f"{article_id}:{index}"
        return rec


@dataclass
class Finding:
    """Something an article's own text contradicts (e.g. an interval its dates deny)."""

    kind: str
    message: str
    start: int | None = None
    end: int | None = None

    def to_record(self, article_id: str) -> dict[str, Any]:
        return {"article_id": article_id, "kind": self.kind, "message": self.message,
                "start": self.start, "end": self.end}


@dataclass
class Extraction:
    """What the pipeline gives for one article; offsets point into ``article.text``."""

    article: Article
    timexes: list[Timex]
    events: list[Event]
    entities: list[Entity] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def event_records(self) -> list[dict[str, Any]]:
        return [e.to_record(self.article.id, i) for i, e in enumerate(self.events)]

    def timex_records(self) -> list[dict[str, Any]]:
        return [t.to_record(self.article.id) for t in self.timexes]
