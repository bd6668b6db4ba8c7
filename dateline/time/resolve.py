"""Turn one rule match into a TIMEX3 value: normalise the captures, anchor,
pick, shift and fill the rule's value template."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from . import value as V
from .anchor import PRESENT, Reference, direction
from .numbers import parse_number, parse_roman
from .rules import Rule, RuleSet

_SPACES = re.compile(r"\s+")
_SHIFT = re.compile(r"^\s*([+-]?)\s*(\S*)\s+(\S+)\s*$")
_UNIT = re.compile(r"^(\d*)([A-Z]+)$")
_FULL_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # the month a season starts


@dataclass
class Resolution:
    """A match's value, and what it rests on (for findings and event dating)."""

    value: str
    anchor: str | None = None  # "dct", "narrative" or None (absolute)
    point: V.Point | None = None  # the date it denotes, when it denotes one
    base: V.Point | None = None  # what a relative expression was resolved from
    shift: tuple[int, str] | None = None  # the offset applied to ``base``
    points_to: str | None = None  # for an offset duration, the date it points to


def _clean(raw: str) -> str:
    return _SPACES.sub(" ", raw.strip().lower()).replace("’", "'")


def normalise(name: str, raw: str | None, rules: RuleSet, dct: dt.date) -> str | float | int | None:
    """The value piece of capture ``name`` ("juin" -> "06", "vingt-deux" -> 22)."""
    if raw is None:
        return None
    kind = name.rstrip("0123456789")
    text = _clean(raw)
    table = rules.normalisation.get(kind, {})
    if kind in ("num", "amount"):
        if text in rules.numbers.fuzzy:
            return "X"  # "plusieurs", "quelques": an unknown amount
        return parse_number(text, rules.numbers)
    if kind == "fraction":
        return float(table.get(text, "nan"))
    if kind in ("day", "hour", "minute") or (kind == "month" and text.isdigit()):
        n = parse_number(text, rules.numbers)
        return f"{int(n):02d}" if n is not None else None
    if kind == "year":
        return _year(text.lstrip("'"), dct)
    if kind == "decade":
        digits = text
        if len(digits) == 2:
            digits = ("19" if int(digits) >= 10 else "20") + digits
        return digits[:3]
    if kind == "century":
        n = parse_roman(text.upper()) if not text.isdigit() else int(text)
        return f"{n - 1:02d}" if n else None
    if table:
        return table.get(text, table.get(text.rstrip("."), None))
    return text


def _year(text: str, dct: dt.date) -> str | None:
    if len(text) == 4 and text.isdigit():
        return text
    if len(text) == 2 and text.isdigit():
        yy = int(text)
        century = dct.year // 100 * 100
        year = century + yy if yy <= dct.year % 100 + 10 else century - 100 + yy
        return f"{year:04d}"
    return None


def _unit(code: str) -> tuple[int, str] | None:
    """ "6M" (semestre) -> (6, "M")."""
    m = _UNIT.match(code or "")
    if not m:
        return None
    return int(m.group(1) or 1), m.group(2)


def _fill(template: str, pieces: dict[str, object]) -> str | None:
    try:
        return template.format_map({k: ("" if v is None else v) for k, v in pieces.items()})
    except (KeyError, ValueError, IndexError):
        return None


def duration_value(pieces: dict[str, object]) -> str | None:
    """TIMEX3 duration from the captures num / fraction and unit."""
    unit = _unit(str(pieces.get("unit") or ""))
    if unit is None:
        return None
    factor, code = unit
    amount = pieces.get("fraction") if pieces.get("fraction") is not None else pieces.get("num", 1)
    if pieces.get("approx"):
        amount = float(pieces["approx"])  # "une quinzaine de jours"
    if isinstance(amount, str):  # "X" for "plusieurs jours": PXD
        amount = float(amount) if amount.replace(".", "", 1).isdigit() else None
    if amount is not None:
        amount = (amount + (0.5 if pieces.get("half") else 0)) * factor  # "deux ans et demi"
        if code == "H" and isinstance(amount, float) and not amount.is_integer():
            return V.iso_duration(round(amount * 60), "MIN")
    return V.iso_duration(amount, code)


def _shifted(rule: Rule, pieces: dict[str, object], base: V.Point) -> tuple[dt.date | None, tuple[int, str] | None, bool]:
    """Apply the rule's shift; returns (date, (amount, unit), fuzzy?)."""
    if not rule.shift:
        return base.date, None, False
    spec = _fill(rule.shift, pieces)
    m = _SHIFT.match(spec or "")
    if not m:
        return base.date, None, False
    sign, amount, unit_code = m.groups()
    unit = _unit(unit_code)
    if unit is None:
        return None, None, False
    if amount in ("", "+", "-"):
        n = 1 if sign else 0
    elif re.fullmatch(r"[+-]?\d+(?:\.\d+)?", amount):
        n = float(amount)
    else:
        return None, None, True  # "il y a quelques jours"
    if amount.startswith("-"):
        sign, n = "-", abs(n)
    if n != int(n):
        return None, None, False
    steps = int(n) * unit[0] * (-1 if sign == "-" else 1)
    return V.shift(base.date, steps, unit[1]), (steps, unit[1]), False


def _picked(rule: Rule, pieces: dict[str, object], base: V.Point, way: str | None, narrative: bool) -> dt.date | None:
    """The date matching the captures (weekday, month, day/month, season) nearest ``base``."""
    ref = base.date
    if narrative and way != "same":
        way = None  # while narrating, the nearest one to the narrated time
    if rule.pick == "weekday":
        wd = pieces.get("weekday")
        if not wd:
            return None
        # a bare "vendredi" may be the reference day itself; "vendredi dernier" never is
        same_ok = way == "same" or not (rule.dir and pieces.get("dir"))
        return V.weekday_near(ref, int(wd), None if way == "same" else way, same_ok=same_ok)
    if rule.pick == "night":
        return ref - dt.timedelta(days=1) if way == "past" else ref
    if rule.pick == "month":
        return V.month_near(ref, int(pieces["month"]), way if way != "same" else None) if pieces.get("month") else None
    if rule.pick == "day_month":
        if not pieces.get("month") or not pieces.get("day"):
            return None
        month, day = int(pieces["month"]), int(pieces["day"])
        if pieces.get("weekday"):  # "mardi 8 juillet": the nearest year where it is a Tuesday
            fitting = V.day_month_on_weekday(ref, month, day, int(pieces["weekday"]))
            if fitting is not None:
                return fitting
        return V.day_month_near(ref, month, day, way if way != "same" else None)
    if rule.pick == "season":
        month = _SEASON_MONTH.get(str(pieces.get("season")))
        return V.month_near(ref, month, way) if month else None
    if rule.pick == "weekend":
        if way == "past" and ref.isoweekday() < 6:
            return ref - dt.timedelta(days=7)
        return ref
    return ref


def resolve(rule: Rule, pieces: dict[str, object], ref: Reference, pos: int, tense: str | None,
            far: bool = False) -> Resolution | None:
    """The value of a match of ``rule`` with normalised captures ``pieces``; None
    when it does not denote anything (an impossible date). ``far``: the governing
    verb narrates the past (see ``Reference.narrating_past``)."""
    for key, default in rule.defaults.items():
        if pieces.get(key) in (None, ""):
            pieces[key] = default
    _evening(pieces)
    if rule.present and tense == PRESENT:
        value = _fill(rule.present, pieces)
        return Resolution(value) if value else None
    if "{last}" in rule.value:  # "à ce moment-là": the time the text last named
        return Resolution(ref.last_value, "narrative", V.parse_point(ref.last_value)) if ref.last_value else None
    anchored = None
    if "{ref}" in rule.value or rule.points_to:
        anchored = _anchored(rule, pieces, ref, pos, tense, far)
        if anchored is None:
            return None
    if "{duration}" in rule.value:
        value = duration_value(pieces)
        if not value:
            return None
        if anchored is None:
            return Resolution(value)
        point, how, base, offset, fuzzy = anchored
        points_to = (_fuzzy_points_to(rule, pieces, point) if fuzzy
                     else _fill(rule.points_to, {**pieces, "ref": point.iso()}))
        return Resolution(value, how, None if fuzzy else point, base, offset, points_to)
    if anchored is None:
        value = _fill(rule.value, pieces)
        if not value or not _possible(value):
            return None
        return Resolution(value, None, V.parse_point(value))
    point, how, base, offset, fuzzy = anchored
    if fuzzy:
        return Resolution(rule.fuzzy, how) if rule.fuzzy else None
    value = _fill(rule.value, {**pieces, "ref": point.iso()})
    if not value:
        return None
    return Resolution(value, how, point, base, offset)


def _anchored(rule: Rule, pieces: dict[str, object], ref: Reference, pos: int, tense: str | None,
              far: bool = False):
    """(point, how, base, offset, fuzzy) of a relative expression, None if it names no date."""
    base, how = ref.base(rule.anchor, pos, tense, far)
    way = direction(_fill(rule.dir, pieces) if rule.dir else None, tense)
    date = _picked(rule, pieces, base, way, how == "narrative") if rule.pick else base.date
    if date is None:
        return None
    shifted, offset, fuzzy = _shifted(rule, pieces, V.Point(date, base.gran))
    if fuzzy:
        return base, how, base, None, True
    if shifted is None:
        return None
    gran = rule.gran
    if gran == "unit":
        unit = _unit(str(pieces.get("unit") or "D"))
        gran = V.UNIT_GRANULARITY.get(unit[1], "D") if unit else "D"
    point = V.Point(shifted, gran)
    if how == "narrative" and not rule.pick:
        point = point.coarsen(base.gran)  # "trois ans plus tard" after "1990" is a year
    return point, how, base, offset, False


# "quelques jours après": a vague number of units from a point lands in the unit above.
_UNIT_ABOVE = {"D": "M", "W": "M", "M": "Y", "Q": "Y", "Y": "Y"}


def _fuzzy_points_to(rule: Rule, pieces: dict[str, object], base: V.Point) -> str | None:
    """Where an offset of a vague amount points: the rule's ``fuzzy`` value, or, when
    that is "{near}", the reference seen at the unit above the offset's ("quelques jours
    après" the 4 November 1979 is November 1979)."""
    if rule.fuzzy != "{near}":
        return rule.fuzzy
    unit = _unit(str(pieces.get("unit") or "D"))
    gran = _UNIT_ABOVE.get(V.UNIT_GRANULARITY.get(unit[1], "D") if unit else "D", "Y")
    return base.coarsen(gran).iso()


def _evening(pieces: dict[str, object]) -> None:
    """ "8 h du soir" is 20:00."""
    hour = pieces.get("hour")
    if hour and pieces.get("pod") in ("EV", "NI", "AF") and str(hour).isdigit() and int(hour) < 12:
        pieces["hour"] = f"{int(hour) + 12:02d}"


def _possible(value: str) -> bool:
    """False for values naming a day that does not exist (2019-02-31)."""
    m = _FULL_DATE.match(value)
    if m:
        return V.make_date(*map(int, m.groups())) is not None
    m = re.match(r"^(\d{4})-(\d{2})(?!\d)", value)
    if m and not value[5:6] == "W" and not value[5:6] == "Q":
        return 1 <= int(m.group(2)) <= 12
    return True
