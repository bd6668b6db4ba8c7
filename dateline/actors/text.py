"""Word keys for dictionary matching: case- and accent-insensitive, offset-keeping.

Names are compared word by word on a folded form (lower case, no accents,
ligatures spelled out), so "Etats-Unis", "États Unis" and "ÉTATS-UNIS" meet;
hyphens and apostrophes separate words ("l'Iran" -> "l", "iran").
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

WORD = re.compile(r"[^\W_]+|&")  # a word of a name (the matcher scans with it too)
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """The comparison key of one word: lower case, without diacritics."""
    if word.isascii():
        return word.lower()
    word = word.translate(_LIGATURES).casefold()
    return "".join(c for c in unicodedata.normalize("NFD", word)
                   if not unicodedata.combining(c))


def words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, folded key) of every word of ``text``."""
    return [(m.start(), m.end(), fold(m.group())) for m in WORD.finditer(text)]


def key(text: str) -> tuple[str, ...]:
    """The folded word sequence of a name, as the matcher looks it up."""
    return tuple(map(fold, WORD.findall(text)))


def case_of(form: str) -> str:
    """How a data form constrains the text: "upper" (acronym), "cap" or "any"."""
    letters = [c for c in form if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return "upper"
    if letters and letters[0].isupper():
        return "cap"
    return "any"


def case_ok(case: str, surface: str, form: str | None = None) -> bool:
    """Whether the text's ``surface`` honours the data form's ``case``.

    A form opening with an article ("La Réunion", "Le Caire") is a name by its
    second word: "la Réunion" is the island, "La réunion" (a sentence start) a meeting.
    """
    if case == "any":
        return True
    letters = [c for c in surface if c.isalpha()]
    if not letters:
        return False
    if case == "upper":
        return all(c.isupper() for c in letters)
    if form is not None and _article_name(form):
        words = surface.split()
        return len(words) >= 2 and words[1][:1].isupper()
    return letters[0].isupper()


_ARTICLES = ("le", "la", "les")


def _article_name(form: str) -> bool:
    """A form made of an article and a capitalised name ("La Réunion", "Le Caire")."""
    words = form.split()
    return len(words) >= 2 and words[0].lower() in _ARTICLES and words[1][:1].isupper()
