"""RSS and Atom feeds through feedparser."""
from __future__ import annotations

import datetime as dt

from dateline.model import Article, Rejection

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Le Journal</title><link>https://example.org</link>
<item><title>Premier</title><link>https://example.org/1</link><guid>urn:journal:1</guid>
<pubDate>Mon, 27 Oct 2025 00:30:00 +0100</pubDate>
<description><![CDATA[<p>{text}</p><script>alert('script-marker')</script><p>Suite &amp; fin.</p>]]></description></item>
<item><title>Second</title><pubDate>Tue, 28 Oct 2025 10:00:00 GMT</pubDate>
<description>{text}</description></item>
<item><title>Sans date</title><description>{text}</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Flux</title><id>urn:flux</id>
<updated>2025-06-02T08:00:00Z</updated>
<entry><title>Entrée</title><id>urn:flux:a</id><updated>2025-06-02T08:00:00Z</updated>
<published>2025-06-01T22:30:00-04:00</published>
<link href="https://example.org/a"/>
<content type="html">&lt;p&gt;{text}&lt;/p&gt;&lt;p&gt;Deuxième paragraphe de l'entrée.&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_entries(write, read, french):
    path = write("journal.rss", RSS.format(text=french))
    first, second, undated = read(path)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.id, first.title, first.url, first.source) == (
        "urn:journal:1", "Premier", "https://example.org/1", f"{path}#1")
    # the date as written (+01:00), not feedparser's UTC day before
    assert first.date == dt.date(2025, 10, 27)
    assert first.text == f"{french}\n\nSuite & fin."
    assert (second.id, second.date, second.source) == ("journal#2", dt.date(2025, 10, 28), f"{path}#2")
    assert undated == Rejection(f"{path}#3", "entry 3: no publication date: give --date YYYY-MM-DD")


def test_undated_entries_take_the_given_date(write, read, french):
    *_, undated = read(write("journal.xml", RSS.format(text=french)), date=dt.date(2025, 1, 1))
    assert undated.date == dt.date(2025, 1, 1) and undated.id == "journal#3"


def test_atom_entry(write, read, french):
    (entry,) = read(write("flux.atom", ATOM.format(text=french)))
    assert (entry.id, entry.date, entry.url) == ("urn:flux:a", dt.date(2025, 6, 1), "https://example.org/a")
    assert entry.text == f"{french}\n\nDeuxième paragraphe de l'entrée."


def test_not_a_feed(write, read):
    (rejection,) = read(write("faux.rss", "ceci n'est pas un flux <rss"))
    assert rejection.reason.startswith("not a readable RSS/Atom feed") or \
        rejection.reason == "feed has no entries"


def test_feed_without_entries(write, read):
    (rejection,) = read(write("vide.rss", "<rss version='2.0'><channel><title>T</title></channel></rss>"))
    assert rejection.reason == "feed has no entries"


def test_impossible_entry_date(write, read, french):
    feed = ATOM.format(text=french).replace("2025-06-01T22:30:00-04:00", "2025-02-30T10:00:00Z")
    (rejection,) = read(write("flux.atom", feed))
    assert rejection.reason == "entry 1: impossible date 2025-02-30"
