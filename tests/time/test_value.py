"""TIMEX3 value arithmetic: months, weeks, weekday search, ISO prefixes, impossible dates."""
from __future__ import annotations

import datetime as dt

from dateline.time.value import (Point, add_months, day_month_near, iso_duration, make_date,
                                 month_near, months_between, parse_point, shift, weekday_near)

D = dt.date


def test_months_clamp_to_the_month_end():
    assert add_months(D(2019, 1, 31), 1) == D(2019, 2, 28)
    assert add_months(D(2020, 1, 31), 1) == D(2020, 2, 29)
    assert add_months(D(2019, 11, 15), 3) == D(2020, 2, 15)
    assert add_months(D(2019, 3, 15), -15) == D(2017, 12, 15)


def test_shift_units():
    assert shift(D(2019, 12, 31), 1, "D") == D(2020, 1, 1)
    assert shift(D(2019, 12, 31), -2, "W") == D(2019, 12, 17)
    assert shift(D(2019, 2, 28), 1, "Y") == D(2020, 2, 28)
    assert shift(D(2020, 2, 29), 1, "Y") == D(2021, 2, 28)
    assert shift(D(2019, 5, 10), 2, "Q") == D(2019, 11, 10)
    assert shift(D(9999, 12, 1), 1, "M") is None


def test_weekday_search():
    thursday = D(2003, 1, 30)
    friday = D(2003, 1, 31)
    assert weekday_near(friday, 4, "past") == thursday
    assert weekday_near(friday, 4, "future") == D(2003, 2, 6)
    assert weekday_near(friday, 4, None) == thursday  # the nearest
    assert weekday_near(friday, 5, "past") == D(2003, 1, 24)  # never the reference day itself
    assert weekday_near(friday, 5, None, same_ok=True) == friday


def test_month_and_day_month_search():
    ref = D(2002, 2, 9)
    assert month_near(ref, 9, "past") == D(2001, 9, 1)
    assert month_near(ref, 6, "future") == D(2002, 6, 1)
    assert month_near(ref, 11, None) == D(2001, 11, 1)
    assert day_month_near(ref, 9, 11, "past") == D(2001, 9, 11)
    assert day_month_near(ref, 3, 1, None) == D(2002, 3, 1)
    assert day_month_near(D(2019, 6, 1), 2, 29, "past") == D(2016, 2, 29)


def test_impossible_dates_are_never_built():
    assert make_date(2019, 2, 31) is None
    assert make_date(2019, 13, 1) is None
    assert make_date(2019, 2, 29) is None
    assert day_month_near(D(2019, 6, 1), 2, 31, None) is None
    assert day_month_near(D(2019, 6, 1), 4, 31, "past") is None


def test_precision_preserving_prefixes():
    d = D(2012, 8, 17)
    assert [Point(d, g).iso() for g in ("C", "E", "Y", "Q", "M", "W", "D")] == \
        ["20", "201", "2012", "2012-Q3", "2012-08", "2012-W33", "2012-08-17"]
    assert Point(d, "D").coarsen("M").iso() == "2012-08"
    assert parse_point("2019-02").iso() == "2019-02"
    assert parse_point("1999-W27").gran == "W"
    assert parse_point("2002-02-08T20:30").iso() == "2002-02-08"
    assert parse_point("PRESENT_REF") is None and parse_point("XXXX-SU") is None
    assert parse_point("2019-02-31") is None


def test_durations_and_intervals():
    assert iso_duration(3, "Y") == "P3Y"
    assert iso_duration(30.4, "S") == "PT30.4S"
    assert iso_duration(15, "MIN") == "PT15M"
    assert iso_duration(None, "D") == "PXD"
    assert iso_duration(0.25, "C") == "P25Y"
    assert months_between(D(2019, 2, 1), D(2019, 6, 1)) == 4
