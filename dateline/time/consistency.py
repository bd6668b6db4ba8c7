"""Consistency checks between the temporal expressions of one article.

"Quasiment six mois plus tard, en juin" after "février 2019": the offset says
August, the month says June; the text contradicts itself, and the reader
should be told (``Finding(kind="interval")``).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import Finding
from .value import months_between

if TYPE_CHECKING:
    from .tagger import Tagged

# what may stand between an offset and the date it is apposed to ("six mois plus tard, en juin")
_APPOSITION = re.compile(r"^\s*(?:plus\s+tard|plus\s+tôt|après|auparavant|avant)?[\s,;:(\-–]*"
                         r"(?:soit|c'est-à-dire|en|au|le|à)?\s*$", re.IGNORECASE)
_MONTHS = {"M": 1, "Q": 3, "Y": 12}
_DAYS = {"D": 1, "W": 7}


def check_intervals(tagged: list["Tagged"], text: str) -> list[Finding]:
    """Findings for narrative offsets whose apposed date denies the interval they state."""
    findings = []
    for offset, follower in zip(tagged, tagged[1:]):
        res = offset.resolution
        if res.anchor != "narrative" or res.base is None or res.shift is None or res.point is None:
            continue
        between = text[offset.timex.end:follower.timex.start]
        point = follower.resolution.point
        if point is None or not _APPOSITION.match(between) or follower.timex.type != "DATE":
            continue
        steps, unit = res.shift
        if unit in _MONTHS:
            stated, actual, what = steps * _MONTHS[unit], months_between(res.base.date, point.date), "months"
        elif unit in _DAYS and res.base.gran == point.gran == "D":
            stated, actual, what = steps * _DAYS[unit], (point.date - res.base.date).days, "days"
        else:
            continue
        if actual != stated:
            said = text[offset.timex.start:follower.timex.end]
            findings.append(Finding(
                kind="interval",
                message=(f'"{said}": {abs(stated)} {what} from {res.base.iso()} is {res.point.iso()}, '
                         f"but {point.iso()} is {abs(actual)} {what} from it"),
                start=offset.timex.start, end=follower.timex.end))
    return findings
