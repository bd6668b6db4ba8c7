"""Language check: dateline reads French; other languages are rejected up front.

lingua ships its models inside the wheel, so detection works offline.
"""
from __future__ import annotations

import re
from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

# The languages a French news corpus is most likely to be mixed with.
CANDIDATES = (
    Language.FRENCH, Language.ENGLISH, Language.SPANISH, Language.GERMAN,
    Language.ITALIAN, Language.PORTUGUESE, Language.DUTCH, Language.ARABIC,
    Language.RUSSIAN,
)
MIN_WORDS = 20  # below this, detection is unreliable: accept the text as is
SAMPLE_CHARS = 1000  # the start of an article (about 150 words) says its language well enough

_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    # Low accuracy mode (trigrams only) is fast and reliable on paragraph-long text.
    return (LanguageDetectorBuilder.from_languages(*CANDIDATES)
            .with_low_accuracy_mode().build())


def _sample(text: str) -> str:
    if len(text) <= SAMPLE_CHARS:
        return text
    cut = text.rfind(" ", 0, SAMPLE_CHARS)
    return text[: cut if cut > 0 else SAMPLE_CHARS]


def detect_language(text: str) -> str | None:
    """The English name of ``text``'s language (``"French"``), or None when too short or unclear."""
    sample = _sample(text)
    if len(_WORD.findall(sample)) < MIN_WORDS:
        return None
    language = _detector().detect_language_of(sample)
    return language.name.title() if language else None


def not_french_reason(text: str) -> str | None:
    """``"not French (detected: English)"`` for a text in another language, else None."""
    language = detect_language(text)
    if language is None or language == "French":
        return None
    return f"not French (detected: {language})"
