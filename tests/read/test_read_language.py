"""Language detection: French is read, other languages are rejected (offline, lingua)."""
from __future__ import annotations

import datetime as dt

from dateline.model import Article, Rejection
from dateline.read import language

SPANISH = ("El ministro francés de Asuntos Exteriores se reunió el martes con su homólogo "
           "alemán en Berlín. Los dos responsables hablaron de la guerra en Ucrania, de las "
           "sanciones contra Rusia y de la ayuda militar prometida a Kiev para el invierno.")


def test_english_article_is_rejected(write, read, english):
    path = write("english.txt", f"date 2025-10-27 {english}")
    assert read(path) == [Rejection(str(path), "not French (detected: English)")]


def test_spanish_record_is_rejected_in_a_jsonl(write, read, french):
    path = write("mix.jsonl", f'{{"date": "2025-01-01", "text": "{SPANISH}"}}\n'
                              f'{{"date": "2025-01-01", "text": "{french}"}}\n')
    rejected, kept = read(path)
    assert rejected.reason == "line 1: not French (detected: Spanish)"
    assert isinstance(kept, Article)


def test_short_texts_are_accepted_as_is(write, read):
    (article,) = read(write("bref.txt", "Breaking news: summit in Berlin."), date=dt.date(2025, 1, 1))
    assert isinstance(article, Article)


def test_french_with_english_quotes_stays_french(french):
    text = f"{french} « We will not back down », a-t-il lancé en anglais devant la presse."
    assert language.detect_language(text) == "French"
    assert language.not_french_reason(text) is None


def test_only_the_start_is_examined(english, french):
    # A long French article followed by an English appendix is still French.
    text = (french + " ") * 40 + (english + " ") * 200
    assert language.detect_language(text) == "French"


def test_the_detector_is_built_once():
    assert language._detector() is language._detector()
