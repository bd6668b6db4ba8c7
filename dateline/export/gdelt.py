"""Events as GDELT 2.0 event table rows: 61 tab-separated columns, no header.

Column order is GDELT 2.0's (``COLUMNS``). Choices where dateline's records and
GDELT's differ:

* ``SQLDATE`` is the date the event HAPPENED (not its publication): a partial date is
  padded to the first day of its period ("2019-06" -> 20190601, "2019" -> 20190101);
  an undated event gets the day it was first reported (GDELT's own convention).
  ``MonthYear``, ``Year`` and ``FractionDate`` follow ``SQLDATE``; ``DATEADDED`` is the
  first publication day at 000000.
* ``EventCode`` is the event's CAMEO code, else the root code (xx0) of its PLOVER
  category; ``EventBaseCode`` its first three digits, ``EventRootCode`` its first two;
  ``QuadClass`` and ``GoldsteinScale`` come from the CAMEO root (``cameo.toml``).
* Actor1 is the first actor, Actor2 the first recipient (or, in a meeting of equals,
  the second actor). ``ActorNCode`` = country + sector; non-state codes (IGO, UNO,
  EUR, NGO, MNC, IMG, ISM) go to ``KnownGroupCode``/``Type1Code`` instead of the
  country. Geographic country codes are ISO 3166-1 alpha-3 (GDELT uses FIPS 10-4).
* ``AvgTone`` and the actor geographies are left empty; ``ActionGeo`` is the event's
  place (type 4, world city, with coordinates; 1, country, without).
"""
from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any, Iterable, TextIO

from ..actors.kb import PLOVER_NONSTATE
from ..fuse.dates import interval
from .cameo import event_code, goldstein, quad_class

_ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code"]
_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long",
        "FeatureID"]
COLUMNS = (["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
           + [f"Actor1{c}" for c in _ACTOR] + [f"Actor2{c}" for c in _ACTOR]
           + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
              "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"]
           + [f"Actor1Geo_{c}" for c in _GEO] + [f"Actor2Geo_{c}" for c in _GEO]
           + [f"ActionGeo_{c}" for c in _GEO] + ["DATEADDED", "SOURCEURL"])
assert len(COLUMNS) == 61
NONSTATE = frozenset(PLOVER_NONSTATE)
_KNOWN_GROUP = {"UNO": "UNO", "EUR": "EEC"}


def sql_date(event: dict[str, Any]) -> dt.date:
    """The event's own date (partial dates padded to their first day; undated: first report)."""
    span = interval(event["date"]["value"])
    return dt.date.fromisoformat(span[0] if span else event["reported"]["min"])


def _actor(person: dict[str, Any] | None) -> list[str]:
    if person is None:
        return [""] * len(_ACTOR)
    country, sector = person.get("country") or "", person.get("sector") or ""
    if country in NONSTATE:
        state, types = "", [country, sector, ""]
    else:
        state, types = country, [sector, "", ""]
    return [country + sector, person["name"].upper(), state, _KNOWN_GROUP.get(country, ""),
            "", "", "", *types]


def _geo(loc: dict[str, Any] | None) -> list[str]:
    if not loc:
        return [""] * len(_GEO)
    has_point = loc.get("lat") is not None and loc.get("lon") is not None
    return ["4" if has_point else "1", loc.get("name") or "", loc.get("country") or "", "",
            "", _num(loc.get("lat")), _num(loc.get("lon")), ""]


def _num(value: Any) -> str:
    return "" if value is None else f"{float(value):g}"


def global_id(event_id: str) -> int:
    """A stable integer id for an event id."""
    return int(hashlib.sha1(event_id.encode()).hexdigest()[:13], 16)


def _source_url(event: dict[str, Any]) -> str:
    mentions = sorted(event.get("mentions", []), key=lambda m: m["published"])
    for m in mentions:
        if m.get("article_url"):
            return m["article_url"]
    return mentions[0]["origin"] if mentions else ""


def gdelt_row(event: dict[str, Any]) -> list[str]:
    """The 61 GDELT 2.0 fields of one event, as strings."""
    day = sql_date(event)
    code = event_code(event)
    first = (event["actors"] or [None])[0]
    second = (event["recipients"] or event["actors"][1:] or [None])[0]
    added = event["reported"]["min"].replace("-", "") + "000000"
    is_root = any(s["start"] == 0 for m in event.get("mentions", []) for s in m["evidence"])
    fraction = day.year + (day.timetuple().tm_yday - 1) / 365
    row = ([str(global_id(event["id"])), day.strftime("%Y%m%d"), day.strftime("%Y%m"),
            str(day.year), f"{fraction:.4f}"] + _actor(first) + _actor(second)
           + [str(int(is_root)), code, code[:3], code[:2], str(quad_class(code)),
              f"{goldstein(code):g}", str(event["num_mentions"]), str(event["num_sources"]),
              str(event["num_articles"]), ""]
           + _geo(None) + _geo(None) + _geo(event.get("location"))
           + [added, _source_url(event)])
    return [v.replace("\t", " ").replace("\n", " ") for v in row]


def write_gdelt(events: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for ev in events:
        out.write("\t".join(gdelt_row(ev)) + "\n")
        n += 1
    return n
