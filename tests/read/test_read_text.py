"""Seed-format and plain text files."""
from __future__ import annotations

import datetime as dt
import re

from dateline.model import Article, Rejection

D = dt.date


def test_seed_format_text_on_the_same_line(write, read_one, french):
    path = write("seed-article.txt", f" date 2025-10-27 {french}\n")
    article = read_one(path)
    assert isinstance(article, Article)
    assert article.id == "seed-article"
    assert article.date == D(2025, 10, 27)
    assert article.text == f"{french}\n"  # only the separator after the date is dropped
    assert article.source == str(path)


def test_seed_format_text_on_the_next_lines(write, read_one, french):
    article = read_one(write("a.txt", f"date 2024-02-29\n\n{french}"))
    assert article.date == D(2024, 2, 29)
    assert article.text == french


def test_seed_header_with_bom_and_colon(write, read_one, french):
    article = read_one(write("a.txt", b"\xef\xbb\xbf" + f"Date: 2025-01-05\n{french}".encode()))
    assert article.date == D(2025, 1, 5)
    assert article.text == french


def test_text_is_kept_exactly(write, read_one, french):
    body = f"« Citation »\u00a0: l’État   a dit…\r\n\r\n{french}  \r\n"
    article = read_one(write("a.txt", f"date 2025-10-27 {body}"))
    assert article.text == body


def test_the_seed_file_of_the_spec(read_one, shared):
    article = read_one(shared / "examples" / "seed-article.txt")
    assert (article.id, article.date) == ("seed-article", D(2025, 10, 27))
    assert article.text.startswith("Actuellement en Asie")


def test_plain_text_takes_the_given_date(write, read_one, french):
    article = read_one(write("note.txt", french), date=D(2024, 5, 6))
    assert (article.id, article.date, article.text) == ("note", D(2024, 5, 6), french)


def test_plain_text_without_a_date_is_rejected(write, read_one, french):
    path = write("note.txt", french)
    rejection = read_one(path)
    assert rejection == Rejection(str(path), "no publication date: give --date YYYY-MM-DD")


def test_the_file_date_wins_over_the_given_one(write, read_one, french):
    article = read_one(write("a.txt", f"date 2025-10-27 {french}"), date=D(2000, 1, 1))
    assert article.date == D(2025, 10, 27)


def test_impossible_date(write, read_one, french):
    rejection = read_one(write("a.txt", f"date 2025-02-30 {french}"))
    assert isinstance(rejection, Rejection)
    assert rejection.reason == "impossible date 2025-02-30"


def test_badly_written_date(write, read_one, french):
    rejection = read_one(write("a.txt", f"date 27/10/2025 {french}"))
    assert rejection.reason == "bad date '27/10/2025': expected YYYY-MM-DD"


def test_date_line_without_text(write, read_one):
    assert "no text after" in read_one(write("a.txt", "date 2025-10-27\n\n")).reason


def test_empty_and_blank_files(write, read_one):
    assert read_one(write("empty.txt", b"")).reason == "empty file"
    assert read_one(write("blank.txt", " \n\t\n"), date=D(2025, 1, 1)).reason == "empty text"


def test_binary_file(write, read_one):
    rejection = read_one(write("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50))
    assert rejection.reason == "binary file (NUL bytes), not text"


def test_cp1252_is_decoded(write, read_one, french):
    data = f"date 2025-10-27 {french} Il a évoqué « l’été » – déjà.".encode("cp1252")
    article = read_one(write("ancien.txt", data))
    assert isinstance(article, Article)
    assert article.text.endswith("« l’été » – déjà.")


def test_invalid_utf8_that_is_not_cp1252_either(write, read_one, french):
    data = f"date 2025-10-27 {french}".encode() + b" \x81\x8d\x90"
    rejection = read_one(write("casse.txt", data))
    assert isinstance(rejection, Rejection)
    assert rejection.reason.startswith("invalid UTF-8 at byte ")
    assert "cp1252" in rejection.reason


def test_utf16_with_bom(write, read_one, french):
    article = read_one(write("u16.txt", f"date 2025-10-27 {french}".encode("utf-16")))
    assert article.text == french


def test_huge_article_is_rejected_with_its_size(write, read_one, french):
    text = (french + "\n") * (5_000_000 // len(french))
    rejection = read_one(write("huge.txt", f"date 2025-10-27 {text}"))
    assert isinstance(rejection, Rejection)
    assert re.fullmatch(r"article too large: 5\.\d MB of text \(limit 2\.0 MB\)", rejection.reason)


def test_size_limit_can_be_raised(write, read_one, french):
    text = french * 20
    path = write("long.txt", f"date 2025-10-27 {text}")
    assert isinstance(read_one(path, max_bytes=1000), Rejection)
    assert isinstance(read_one(path, max_bytes=100_000), Article)


def test_file_far_too_large_is_refused_before_reading(write, read_one):
    path = write("giant.txt", b"date 2025-10-27 " + b"a" * 2_000)
    rejection = read_one(path, max_bytes=100)
    assert rejection.reason.startswith("file too large: 0.0 MB")
