"""A small hand-built set of extractions: the 2018 Singapore summit recalled in 2025.

Real ``Extraction`` objects built from text with ``build``, offsets found in the text:
for store, fusion and web tests, and for trying the web UI without the NLP pipeline
(``sample_extractions()``).
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..model import (Article, Entity, Event, EventDate, Evidence, Extraction, Place,
                     Timex)

# key: (id, name, kind, country, sector, surface forms)
KNOWN: dict[str, tuple[str, str, str, str | None, str | None, tuple[str, ...]]] = {
    "trump": ("Q22686", "Donald Trump", "person", "USA", "GOV", ("Donald Trump", "Trump")),
    "kim": ("Q56226", "Kim Jong-un", "person", "PRK", "GOV", ("Kim Jong-un", "Kim")),
    "moon": ("Q21001", "Moon Jae-in", "person", "KOR", "GOV", ("Moon Jae-in", "Moon")),
    "usa": ("Q30", "États-Unis", "state", "USA", "GOV", ("États-Unis", "Washington")),
    "prk": ("Q423", "Corée du Nord", "state", "PRK", "GOV", ("Corée du Nord", "Pyongyang")),
    "macron": ("Q3052772", "Emmanuel Macron", "person", "FRA", "GOV",
               ("Emmanuel Macron", "Macron")),
}
PLACES = {
    "Singapour": ("SGP", 1.29, 103.85), "Hanoï": ("VNM", 21.03, 105.85),
    "Panmunjom": ("KOR", 37.96, 126.68), "Paris": ("FRA", 48.86, 2.35),
}


def _sentence(text: str, needle: str) -> tuple[int, int]:
    at = text.index(needle)
    start = max(text.rfind(". ", 0, at) + 2, 0) if text.rfind(". ", 0, at) >= 0 else 0
    end = text.find(". ", at)
    return start, (end + 1 if end >= 0 else len(text))


def entity(key: str, text: str) -> Entity:
    """The known actor ``key`` with its mentions (every surface form found in ``text``)."""
    id_, name, kind, country, sector, forms = KNOWN[key]
    taken: list[tuple[int, int]] = []
    for form in forms:  # longest first: "Donald Trump" before "Trump"
        for m in re.finditer(re.escape(form), text):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                taken.append((m.start(), m.end()))
    return Entity(id=id_, name=name, kind=kind, country=country, sector=sector,
                  mentions=sorted(taken), aliases=[f for f in forms if f != name])


def _event(spec: dict[str, Any], text: str, ents: dict[str, Entity]) -> Event:
    start, end = _sentence(text, spec["in"])
    t_at = text.index(spec["trigger"], start)
    date_text = spec.get("date_text")
    d_at = text.index(date_text, start) if date_text else None
    place = None
    if spec.get("place"):
        country, lat, lon = PLACES[spec["place"]]
        p_at = text.find(spec["place"], start)
        place = Place(spec["place"], country, lat, lon, p_at, p_at + len(spec["place"]))
    return Event(
        type=spec["type"], modality=spec.get("modality", "asserted"),
        actors=[ents[k] for k in spec.get("actors", [])],
        recipients=[ents[k] for k in spec.get("recipients", [])],
        date=EventDate(spec.get("date"), date_text,
                       spec.get("basis", "explicit" if date_text else "publication"),
                       d_at, d_at + len(date_text) if date_text else None),
        evidence=[Evidence(start, end, spec["trigger"], t_at, t_at + len(spec["trigger"]))],
        mode=spec.get("mode"), context=spec.get("context", []), cameo=spec.get("cameo"),
        location=place, confidence=spec.get("confidence", 0.8))


def build(article_id: str, date: str, text: str, events: list[dict[str, Any]],
          title: str | None = None, url: str | None = None,
          source: str | None = None) -> Extraction:
    """An ``Extraction`` of ``text`` whose events are given as specs.

    A spec: ``type``, ``trigger`` (a word of the sentence), ``in`` (text of the
    sentence), ``actors``/``recipients`` (keys of ``KNOWN``), ``date``, ``date_text``,
    ``modality``, ``place`` (a key of ``PLACES``), ``cameo``, ``mode``, ``confidence``.
    """
    article = Article(article_id, dt.date.fromisoformat(date), text, title, url, source)
    keys = sorted({k for s in events for k in (*s.get("actors", []), *s.get("recipients", []))})
    ents = {k: entity(k, text) for k in keys}
    evs = [_event(s, text, ents) for s in events]
    timexes = [Timex(e.date.start, e.date.end or 0, e.date.text or "", "DATE",
                     e.date.value or "") for e in evs if e.date.start is not None]
    return Extraction(article, timexes, evs, list(ents.values()))


def sample_extractions() -> list[Extraction]:
    """Five articles: a 2018 summit recalled in 2025, Hanoi 2019, Panmunjom dated apart."""
    summit = dict(type="CONSULT", trigger="rencontrés", actors=["trump", "kim"],
                  place="Singapour", cameo="043")
    a = ("Le 12 juin 2018, Donald Trump et Kim Jong-un se sont rencontrés à Singapour. "
         "Trump souhaite revoir Kim Jong-un. La Corée du Nord a accusé les États-Unis "
         "de provocations.")
    b = ("Donald Trump et Kim Jong-un s'étaient rencontrés à Singapour en juin 2018. "
         "Ils se sont revus à Hanoï en février 2019.")
    c = ("Lors du sommet de Singapour, le 12 juin 2018, Trump et Kim se sont rencontrés "
         "pour la première fois. En août 2017, Trump avait menacé la Corée du Nord.")
    d = "Le 30 juin 2019, Donald Trump et Kim Jong-un se sont rencontrés à Panmunjom."
    e = "En juillet 2019, Trump et Kim se sont rencontrés à Panmunjom. Moon a salué Trump."
    f = "Trump et Kim se sont rencontrés à Panmunjom en 2019."
    return [
        build("lemonde-1", "2025-10-27", a, [
            dict(summit, date="2018-06-12", date_text="12 juin 2018", **{"in": "Le 12 juin"}),
            dict(type="CONSULT", trigger="revoir", actors=["trump"], recipients=["kim"],
                 modality="intended", date=None, **{"in": "souhaite"}),
            dict(type="ACCUSE", trigger="accusé", actors=["prk"], recipients=["usa"],
                 date=None, **{"in": "accusé"})],
            title="Trump et Kim, sept ans après", url="https://www.lemonde.fr/a/1"),
        build("ftv-2", "2025-10-28", b, [
            dict(summit, date="2018-06", date_text="juin 2018", trigger="rencontrés",
                 **{"in": "s'étaient"}),
            dict(type="CONSULT", trigger="revus", actors=["trump", "kim"], place="Hanoï",
                 date="2019-02", date_text="février 2019", **{"in": "revus"})],
            title="Retour sur une diplomatie", url="https://www.francetvinfo.fr/b/2"),
        build("local-3", "2025-11-02", c, [
            dict(summit, date="2018-06-12", date_text="12 juin 2018", **{"in": "Lors du"}),
            dict(type="THREATEN", trigger="menacé", actors=["trump"], recipients=["prk"],
                 date="2017-08", date_text="août 2017", **{"in": "menacé"})],
            title="Singapour, le sommet", source="samples/recalls.jsonl"),
        build("afp-4", "2019-06-30", d, [
            dict(type="CONSULT", trigger="rencontrés", actors=["trump", "kim"],
                 place="Panmunjom", date="2019-06-30", date_text="30 juin 2019",
                 **{"in": "Le 30"})],
            title="Trump franchit la ligne", url="https://afp.com/d/4"),
        build("rfi-5", "2019-07-15", e, [
            dict(type="CONSULT", trigger="rencontrés", actors=["trump", "kim"],
                 place="Panmunjom", date="2019-07", date_text="juillet 2019",
                 **{"in": "En juillet"}),
            dict(type="SUPPORT", trigger="salué", actors=["moon"], recipients=["trump"],
                 date=None, **{"in": "salué"})],
            title="Panmunjom", url="https://www.rfi.fr/e/5"),
        build("rfi-6", "2019-12-20", f, [
            dict(type="CONSULT", trigger="rencontrés", actors=["trump", "kim"],
                 place="Panmunjom", date="2019", date_text="2019", **{"in": "Trump et"})],
            title="L'année 2019", url="https://www.rfi.fr/f/6"),
    ]
