"""Cross-article fusion: compatibility rules, order independence, the Singapore summit."""
from __future__ import annotations

import datetime as dt
import random

import pytest

from dateline.fuse import MentionKey, compatible, dates_compatible
from dateline.fuse.dates import interval, month
from dateline.fuse.summary import choose_date
from dateline.store import Database
from dateline.store.sample import build, sample_extractions


def key(article="a", type_="CONSULT", date=None, published="2025-10-27",
        countries=("USA", "PRK"), actors=("Q1", "Q2"), place=None, **kw) -> MentionKey:
    return MentionKey(f"{article}:0", article, type_, date, dt.date.fromisoformat(published),
                      frozenset(countries), frozenset(actors), place, **kw)


@pytest.mark.parametrize("a, b, ok", [
    ("2019-06", "2019-06-30", True), ("2019-06-30", "2019-06", True),
    ("2019", "2019-06-30", True), ("2019-06", "2019-07", False),
    ("2019-06-30", "2019-06-03", False), (None, "2019", False)])
def test_dates_compatible(a, b, ok):
    assert dates_compatible(a, b) is ok


def test_participants_must_nest():
    assert compatible(key("a", date="2018-06-12"), key("b", date="2018-06", countries=["USA"]))
    assert not compatible(key("a", date="2018-06-12"),
                          key("b", date="2018-06-12", countries=["USA", "CHN"]))
    assert not compatible(key("a", date="2018"), key("b", date="2018", type_="ACCUSE"))
    assert not compatible(key("a", date="2018"), key("a", date="2018"))  # same article


def test_places_must_agree():
    sg = dict(place="singapour", lat=1.29, lon=103.85)
    assert compatible(key("a", date="2018", **sg), key("b", date="2018"))
    assert not compatible(key("a", date="2018", **sg),
                          key("b", date="2018", place="hanoi", lat=21.0, lon=105.8))
    assert compatible(key("a", date="2018", **sg),
                      key("b", date="2018", place="sentosa", lat=1.25, lon=103.83))


def test_undated_records_stay_in_their_publication_week():
    undated = key("a", date=None, published="2025-10-27")  # a Monday
    assert compatible(undated, key("b", date=None, published="2025-11-02"))  # its Sunday
    assert not compatible(undated, key("b", date=None, published="2025-11-03"))
    assert not compatible(undated, key("b", date=None, published="2025-12-30"))
    assert compatible(undated, key("b", date="2025-10", published="2025-10-28"))
    assert compatible(undated, key("b", date="2025-10-29", published="2025-10-29"))
    assert not compatible(undated, key("b", date="2025-10-26", published="2025-10-29"))
    # a recalled 2018 act reported the same week is another act
    assert not compatible(undated, key("b", date="2018-06-12", published="2025-10-28"))
    assert not compatible(undated, key("b", date=None, countries=["USA"]))


def test_weekly_undated_reports_do_not_chain(tmp_path):
    xs = [build(f"w{i}", f"2025-{1 + i // 4:02d}-{1 + 7 * (i % 4):02d}", "Trump a menacé Kim.",
                [dict(type="THREATEN", trigger="menacé", actors=["trump"], recipients=["kim"],
                      **{"in": "Trump"})]) for i in range(12)]
    with Database(tmp_path / "w.db") as db:
        for x in xs:
            db.add(x)
        assert db.events()[1] == 12


def test_choose_date_keeps_the_most_precise_and_flags_disagreement():
    assert choose_date(["2018-06-12", "2018-06", "2018-06-12"]) == ("2018-06-12", False)
    assert choose_date(["2019-06", "2019-06", "2019-07"]) == ("2019-06", True)
    assert choose_date(["2019-06-30", "2019-07", "2019"]) == ("2019", True)
    assert choose_date([]) == (None, False)


def test_intervals():
    assert interval("2019-02") == ("2019-02-01", "2019-02-28")
    assert interval("2020-02-29") == ("2020-02-29", "2020-02-29")
    assert interval("PRESENT_REF") is None and interval("2019-13") is None
    assert month("2019-02-03") == "2019-02" and month("2019") is None


def snapshot(db: Database) -> list[tuple]:
    """Events as comparable data: id, record and the content keys of its mentions."""
    out = []
    for ev in db.iter_events():
        keys = sorted(r[0] for r in db._conn.execute(
            "SELECT key FROM mentions WHERE event_id = ?", (ev["id"],)))
        ev = {k: v for k, v in ev.items() if k != "mentions"}
        out.append((ev["id"], keys, repr(sorted(ev.items()))))
    return out


def ingest(path, extractions) -> list[tuple]:
    with Database(path) as db:
        for x in extractions:
            db.add(x)
        return snapshot(db)


def test_the_singapore_summit_is_one_event(tmp_path):
    with Database(tmp_path / "s.db") as db:
        for x in sample_extractions():
            db.add(x)
        summits = [e for e in db.events(type="CONSULT")[0]
                   if e["date"]["value"] and e["date"]["value"].startswith("2018")]
    assert len(summits) == 1
    ev = summits[0]
    assert ev["date"]["value"] == "2018-06-12" and not ev["dates"]["disagree"]
    assert ev["num_mentions"] == ev["num_articles"] == ev["num_sources"] == 3
    assert ev["reported"]["min"].startswith("2025")
    assert {a["country"] for a in ev["actors"]} == {"USA", "PRK"}
    assert ev["location"]["name"] == "Singapour"


def test_disagreeing_dates_are_kept_and_shown(tmp_path):
    with Database(tmp_path / "d.db") as db:
        for x in sample_extractions():
            db.add(x)
        ev = next(e for e in db.events(type="CONSULT")[0] if e["location"]
                  and e["location"]["name"] == "Panmunjom")
    assert ev["dates"]["disagree"] is True
    assert [v["value"] for v in ev["dates"]["values"]] == ["2019", "2019-06-30", "2019-07"]
    assert ev["num_articles"] == 3 and ev["num_sources"] == 2  # afp.com, rfi.fr


def test_any_order_gives_the_same_events(tmp_path):
    base = ingest(tmp_path / "0.db", sample_extractions())
    assert ingest(tmp_path / "r.db", list(reversed(sample_extractions()))) == base
    for seed in range(3):
        xs = sample_extractions()
        random.Random(seed).shuffle(xs)
        assert ingest(tmp_path / f"{seed}.db", xs) == base


def test_ingesting_twice_changes_nothing(tmp_path):
    path = tmp_path / "twice.db"
    first = ingest(path, sample_extractions())
    assert ingest(path, sample_extractions()) == first


def test_a_bridging_record_merges_events_incrementally(tmp_path):
    xs = {x.article.id: x for x in sample_extractions()}
    with Database(tmp_path / "b.db") as db:
        db.add(xs["afp-4"])
        db.add(xs["rfi-5"])
        assert db.events(type="CONSULT")[1] == 2  # 2019-06-30 vs 2019-07: not the same
        db.add(xs["rfi-6"])  # "2019": compatible with both
        items, total = db.events(type="CONSULT")
        assert total == 1 and items[0]["num_mentions"] == 3


def test_same_type_other_dyad_is_another_event(tmp_path):
    text = "Le 12 juin 2018, Emmanuel Macron a rencontré Moon Jae-in à Paris."
    other = build("x", "2025-10-27", text, [dict(
        type="CONSULT", trigger="rencontré", actors=["macron", "moon"], place="Paris",
        date="2018-06-12", date_text="12 juin 2018", **{"in": "Le 12"})])
    with Database(tmp_path / "o.db") as db:
        for x in [*sample_extractions(), other]:
            db.add(x)
        assert db.events(date_from="2018-06-12", date_to="2018-06-12")[1] == 2
