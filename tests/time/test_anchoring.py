"""News mode (publication date + tense) and narrative mode (last date reached), in real parses."""
from __future__ import annotations


def test_tense_picks_past_or_future(values):
    dct = "2003-01-31"  # a Friday
    assert ("jeudi", "DATE", "2003-01-30") in values("Le ministre a démissionné jeudi.", dct)
    assert ("jeudi", "DATE", "2003-02-06") in values("Le ministre démissionnera jeudi.", dct)
    assert ("jeudi", "DATE", "2003-02-06") in values("Le ministre va démissionner jeudi.", dct)
    assert ("mars", "DATE", "2002-03") in values("Les élections avaient eu lieu en mars.", dct)
    assert ("mars", "DATE", "2003-03") in values("Les élections auront lieu en mars.", dct)


def test_present_passive_is_not_past(values):
    # "est prévue": present passive, so the nearest 16 July, not last year's
    assert ("le 16 juillet", "DATE", "1999-07-16") in values(
        "Une première réunion est prévue le 16 juillet en Belgique.", "1999-07-09")


def test_news_and_narrative_in_one_article(values):
    text = ("Le maire a inauguré hier la nouvelle école. "
            "La commune avait été fondée le 4 mars 1850. "
            "Trois ans plus tard, une église y avait été bâtie, puis en juin une halle. "
            "Le lendemain de l'inauguration, les travaux reprendront lundi.")
    found = values(text, "2012-09-14")  # a Friday
    assert ("hier", "DATE", "2012-09-13") in found           # news: the publication date
    assert ("le 4 mars 1850", "DATE", "1850-03-04") in found  # absolute
    assert ("Trois ans", "DURATION", "P3Y") in found          # FTiB: "plus tard" is a signal
    assert ("juin", "DATE", "1853-06") in found               # narrative: the year narrated
    assert ("lundi", "DATE", "2012-09-17") in found           # back to news: future tense


def test_offsets_point_to_their_dates(time_doc):
    doc = time_doc("La mine a fermé en 1984. Deux ans plus tard, la ville a perdu son lycée, "
                   "et il y a trois semaines la gare a fermé.", "2020-03-10")
    points = {t.text: t.points_to for t in doc._.timexes}
    assert points["Deux ans"] == "1986"
    assert points["trois semaines"] == "2020-W08"  # 2020-02-18


def test_clock_times_fall_on_the_day_named(values):
    found = values("Dimanche 5 janvier, à 9 h 15, messe ; vers 10 h 30, hier, un incendie.", "2003-01-04")
    assert ("9 h 15", "TIME", "2003-01-05T09:15") in found
    assert ("10 h 30", "TIME", "2003-01-03T10:30") in found  # the day right after it


def test_interval_contradiction_is_a_finding(time_doc):
    doc = time_doc("Le sommet s'est tenu en février 2019. Six mois plus tard, en juin, ils se sont revus.")
    kinds = [f.kind for f in doc._.findings]
    assert kinds == ["interval"]
    f = doc._.findings[0]
    assert doc.text[f.start:f.end] == "Six mois plus tard, en juin"
    assert "4 months" in f.message
    doc = time_doc("Le sommet s'est tenu en février 2019. Quatre mois plus tard, en juin, ils se sont revus.")
    assert doc._.findings == []


def test_day_interval_contradiction(time_doc):
    doc = time_doc("Le 1er mai 2010, il part. Trois jours plus tard, le 5 mai, il revient.")
    assert [f.kind for f in doc._.findings] == ["interval"]
    assert "4 days" in doc._.findings[0].message
    assert time_doc("Le 1er mai 2010, il part. Quatre jours plus tard, le 5 mai, il revient.")._.findings == []


def test_news_after_a_historical_mention_stays_news(values):
    found = values("Le traité signé en 2015 prévoit des sanctions. Le 3 mars, les ministres se sont réunis.",
                   "2018-03-05")
    assert ("Le 3 mars", "DATE", "2018-03-03") in found
    found = values("La commune avait été fondée en 1850. En juin, une halle y fut bâtie.", "2018-03-05")
    assert ("juin", "DATE", "1850-06") in found
