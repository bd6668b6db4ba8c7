"""Standard input: ``-``, its format sniffed from the content."""
from __future__ import annotations

import datetime as dt
import io
import json

from dateline.model import Rejection


def test_seed_text_on_stdin(read, french):
    (article,) = read("-", stdin=io.StringIO(f"date 2025-10-27 {french}"))
    assert (article.id, article.date, article.text, article.source) == (
        "stdin", dt.date(2025, 10, 27), french, "<stdin>")


def test_plain_text_on_stdin_needs_a_date(read, french):
    assert read("-", stdin=io.StringIO(french)) == [
        Rejection("<stdin>", "no publication date: give --date YYYY-MM-DD")]
    (article,) = read("-", stdin=io.StringIO(french), date=dt.date(2024, 1, 1))
    assert article.date == dt.date(2024, 1, 1)


def test_jsonl_on_binary_stdin(read, french):
    lines = [json.dumps({"date": "2025-01-0%d" % k, "text": french}) for k in (1, 2)]
    data = ("\n".join(lines) + "\n").encode()
    items = read("-", stdin=io.BytesIO(data))
    assert [(i.id, i.source) for i in items] == [("stdin#1", "<stdin>#1"), ("stdin#2", "<stdin>#2")]


def test_long_jsonl_on_stdin_streams_past_the_sniffed_head(read, french):
    lines = [json.dumps({"id": f"n{k}", "date": "2025-01-01", "text": french}) for k in range(600)]
    items = read("-", stdin=io.BytesIO(("\n".join(lines)).encode()))  # > 64 kB
    assert len(items) == 600 and items[-1].id == "n599"


def test_pretty_json_and_list_on_stdin(read, french):
    obj = {"id": "x", "date": "2025-01-01", "text": french}
    (one,) = read("-", stdin=io.StringIO(json.dumps(obj, indent=2)))
    assert one.id == "x"
    items = read("-", stdin=io.StringIO(json.dumps([obj, obj])))
    assert [i.source for i in items] == ["<stdin>#1", "<stdin>#2"]


def test_html_and_feed_on_stdin(read, french):
    page = (f"<html><head><meta name='date' content='2025-05-05'></head>"
            f"<body><article><p>{french}</p></article></body></html>")
    (article,) = read("-", stdin=io.BytesIO(page.encode()))
    assert (article.date, article.text) == (dt.date(2025, 5, 5), french)
    feed = (f"<?xml version='1.0'?><rss version='2.0'><channel><title>T</title><item>"
            f"<pubDate>Mon, 27 Oct 2025 10:00:00 GMT</pubDate><description>{french}</description>"
            f"</item></channel></rss>")
    (entry,) = read("-", stdin=io.StringIO(feed))
    assert (entry.id, entry.source) == ("stdin#1", "<stdin>#1")


def test_binary_and_empty_stdin(read):
    assert read("-", stdin=io.BytesIO(b"\x00\x01\x02"))[0].reason == "binary file (NUL bytes), not text"
    assert read("-", stdin=io.BytesIO(b""))[0].reason == "empty file"


def test_stdin_among_files(write, read, french):
    path = write("a.txt", f"date 2025-01-01 {french}")
    items = read([path, "-"], stdin=io.StringIO(f"date 2025-01-02 {french}"))
    assert [i.id for i in items] == ["a", "stdin"]
