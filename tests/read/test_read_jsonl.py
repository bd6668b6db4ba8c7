"""JSON Lines and .json files."""
from __future__ import annotations

import datetime as dt
import json

from dateline.model import Article, Rejection


def _line(**fields) -> str:
    return json.dumps(fields, ensure_ascii=False)


def test_jsonl_articles_with_and_without_ids(write, read, french):
    path = write("lot.jsonl", "\n".join([
        _line(id="frwikinews-1", date="2012-08-17", title="Titre", url="http://x/1", text=french),
        _line(date="2012-08-18", text=french),
        "",  # blank lines are not records
        _line(id=42, date="2012-08-19", text=french),
    ]) + "\n")
    a, b, c = read(path)
    assert (a.id, a.date, a.title, a.url, a.source) == (
        "frwikinews-1", dt.date(2012, 8, 17), "Titre", "http://x/1", f"{path}#1")
    assert (b.id, b.source, b.title) == ("lot#2", f"{path}#2", None)
    assert (c.id, c.source) == ("42", f"{path}#3")
    assert a.text == french


def test_bad_lines_are_rejected_and_the_file_goes_on(write, read, french):
    path = write("mix.jsonl", "\n".join([
        _line(date="2025-01-01", text=french),
        '{"date": "2025-01-01", "text": "oups',
        "[1, 2, 3]",
        _line(date="2025-01-01", title="sans texte"),
        _line(date="2025-01-01", text="   "),
        _line(date="2025-02-30", text=french),
        _line(text=french),
        _line(date="2025-01-03", text=french),
    ]))
    items = read(path)
    assert [type(i).__name__ for i in items] == [
        "Article", "Rejection", "Rejection", "Rejection", "Rejection", "Rejection",
        "Rejection", "Article"]
    reasons = {i.source: i.reason for i in items if isinstance(i, Rejection)}
    assert reasons[f"{path}#2"].startswith("line 2: malformed JSON: Unterminated string")
    assert reasons[f"{path}#3"] == "line 3: not a JSON object but a list"
    assert reasons[f"{path}#4"] == 'line 4: no "text" field'
    assert reasons[f"{path}#5"] == "line 5: empty text"
    assert reasons[f"{path}#6"] == "line 6: impossible date 2025-02-30"
    assert reasons[f"{path}#7"] == "line 7: no publication date: give --date YYYY-MM-DD"
    assert items[-1].id == "mix#8"  # numbering counts the rejected records too


def test_missing_dates_take_the_given_date(write, read, french):
    (article,) = read(write("a.jsonl", _line(text=french)), date=dt.date(2020, 1, 2))
    assert article.date == dt.date(2020, 1, 2)


def test_datetime_strings_give_their_date(write, read, french):
    (article,) = read(write("a.jsonl", _line(date="2025-10-27T23:30:00+01:00", text=french)))
    assert article.date == dt.date(2025, 10, 27)


def test_text_is_not_a_string(write, read):
    (rejection,) = read(write("a.jsonl", _line(date="2025-01-01", text=["liste"])))
    assert rejection.reason == 'line 1: "text" is not a string but list'


def test_utf8_bom_and_crlf(write, read, french):
    data = b"\xef\xbb\xbf" + (_line(date="2025-01-01", text=french) + "\r\n").encode() * 2
    items = read(write("bom.jsonl", data))
    assert [type(i) for i in items] == [Article, Article]


def test_empty_and_binary_jsonl(write, read):
    assert read(write("vide.jsonl", b"")) == [
        Rejection(str(write("vide.jsonl", b"")), "empty file (no JSON lines)")]
    (rejection,) = read(write("bin.jsonl", b"\x00\x01\x02\x03" * 100))
    assert rejection.reason == "binary file (NUL bytes), not text"


def test_huge_article_in_jsonl(write, read, french):
    big = "x" * 5_000_000
    path = write("gros.jsonl", _line(date="2025-01-01", text=big) + "\n"
                 + _line(date="2025-01-01", text=french) + "\n")
    big_item, small = read(path)
    assert big_item.reason == "line 1: article too large: 5.0 MB of text (limit 2.0 MB)"
    assert isinstance(small, Article)


def test_line_too_long_to_load_is_skipped(write, read, french):
    path = write("geant.jsonl", _line(date="2025-01-01", text="y" * 300_000) + "\n"
                 + _line(date="2025-01-01", text=french) + "\n")
    # 16 x 10 kB = 160 kB per line at most: the first line is refused unread.
    too_long, small = read(path, max_bytes=10_000)
    assert too_long.source == f"{path}#1"
    assert too_long.reason.startswith("line 1: article too large: 0.3 MB")
    assert small.id == "geant#2"


def test_json_file_with_one_object(write, read, french):
    path = write("une.json", json.dumps({"date": "2025-03-04", "text": french}, indent=2))
    (article,) = read(path)
    assert (article.id, article.date, article.source) == ("une", dt.date(2025, 3, 4), str(path))


def test_json_file_with_a_list(write, read, french):
    path = write("liste.json", json.dumps([
        {"id": "x", "date": "2025-03-04", "text": french},
        "pas un objet",
        {"date": "2025-03-05", "text": french},
    ]))
    a, bad, c = read(path)
    assert a.id == "x" and c.id == "liste#3" and c.source == f"{path}#3"
    assert bad == Rejection(f"{path}#2", "item 2: not a JSON object but a string")


def test_malformed_json_file_names_the_line(write, read):
    (rejection,) = read(write("casse.json", '{\n  "date": "2025-01-01",\n  "text": \n}'))
    assert rejection.reason.startswith("malformed JSON at line 4, column 1:")


def test_json_file_of_the_wrong_shape(write, read):
    assert read(write("n.json", "3"))[0].reason.endswith("not a number")
    assert read(write("l.json", "[]"))[0].reason == "no articles (an empty list)"


def test_lone_surrogate_is_one_rejection(write, read, french):
    path = write("sur.jsonl", '{"date": "2025-01-01", "text": "abc \\ud800 def"}\n'
                              + _line(date="2025-01-01", text=french) + "\n")
    bad, good = read(path)
    assert bad == Rejection(f"{path}#1", "line 1: text holds invalid Unicode (a lone surrogate)")
    assert isinstance(good, Article)
