"""The TIMEX3 tagger: one regex pass over ``doc.text``, tokens only for anchoring.

>>> tagger = TimeTagger("fr")
>>> doc = tagger(doc)          # doc._.article.date is the DCT
>>> doc._.timexes              # list[dateline.model.Timex], sorted, no overlaps
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from itertools import accumulate, compress
from operator import itemgetter

from spacy.tokens import Doc

from ..nlp.doccache import doc_text
from ..model import Timex
from .anchor import Reference, far_past, predicate_at, tense_of
from .consistency import check_intervals
from .resolve import Resolution, normalise, resolve
from .rules import Rule, RuleSet, load_rules

_CONTEXT = 60  # characters of context the not_before / not_after tests see
_WORDS_BEFORE = 6  # how many words before its head word a match may start
_WORD_SPLIT = re.compile(r"(\w+)")  # words, kept by split with the text between
_SIGNAL = re.compile(r"\s*(?:plus\s+tard|plus\s+tôt|auparavant|après|avant)", re.IGNORECASE)
_CLOCK_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}T")
_JUST_BEFORE = re.compile(r"[\s,]{1,3}")
_ROMAN = re.compile(r"[IVX]{1,5}")


@dataclass
class Tagged:
    """A TIMEX with what it was resolved from (for findings and event dating)."""

    timex: Timex
    resolution: Resolution


class TimeTagger:
    """Finds and normalises the temporal expressions of a document."""

    def __init__(self, lang: str = "fr") -> None:
        self.lang = lang
        self.rules: RuleSet = load_rules(lang)

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc._.timexes`` and append consistency findings to ``doc._.findings``."""
        article = getattr(doc._, "article", None)
        dct = getattr(article, "date", None) or dt.date.today()
        tagged = self.tag(doc_text(doc), dct, doc)
        doc._.timexes = [t.timex for t in tagged]
        if doc._.findings is None:
            doc._.findings = []
        doc._.findings.extend(check_intervals(tagged, doc_text(doc)))
        return doc

    def tag(self, text: str, dct: dt.date, doc: Doc | None = None) -> list[Tagged]:
        """The TIMEXes of ``text`` (``doc`` its parse, for tense and sentences; may be None)."""
        ref = Reference.for_doc(dct, doc)
        out: list[Tagged] = []
        scanned = text.replace("\u2019", "'")  # same length: offsets stay those of ``text``
        for rule, _, start, end, raw in self._matches(scanned):
            try:
                tagged = self._resolve(rule, raw, text, start, end, ref, dct, doc)
            except (ValueError, TypeError, OverflowError, ZeroDivisionError):
                tagged = None  # odd input never raises: the expression is just not emitted
            if tagged is not None:
                out.append(tagged)
        self._clock_before_day(out, text)
        return out

    def _clock_before_day(self, tagged: list[Tagged], text: str) -> None:
        """ "vers 15 h 30, hier": a clock time put just before its day takes that day."""
        for clock, day in zip(tagged, tagged[1:]):
            rule = self.rules.by_name.get(clock.timex.rule or "")
            point = day.resolution.point
            if (rule is None or rule.anchor != "time" or point is None or point.gran != "D"
                    or not _CLOCK_VALUE.match(clock.timex.value)
                    or not _JUST_BEFORE.fullmatch(text[clock.timex.end:day.timex.start])):
                continue
            clock.timex.value = point.iso() + clock.timex.value[10:]

    def find(self, text: str, dct: dt.date, doc: Doc | None = None) -> list[Timex]:
        """Just the Timex records of :meth:`tag`."""
        return [t.timex for t in self.tag(text, dct, doc)]

    # -- matching -------------------------------------------------------------

    def _matches(self, text: str):
        """(rule, match start, extent start, extent end, raw captures), in text order."""
        pos = 0
        for at in self._starts(text):
            if at < pos:
                continue
            m = self.rules.regex_at(text, at).match(text, at)
            if m is None:
                continue
            rule = self.rules.rule_of(m)
            found = self._accept(rule, m, text) or self._second_chance(rule, at, text)
            if found is None:
                continue
            rule, start, end, raw, match_end = found
            yield rule, at, start, end, raw
            pos = match_end

    def _starts(self, text: str) -> list[int]:
        """Word starts where a match may begin: a head word (digits, month names,
        "hier"...) or one of the few words before it ("il y a quelques <mois>"),
        so the full rule set is tried at a small share of the text."""
        # The words and their offsets from one split (no Match object per word), the head
        # words picked out by C-level maps: a Python step only per head word.
        parts = _WORD_SPLIT.split(text)  # gap, word, gap, word, ..., gap
        words = parts[1::2]
        offsets = list(accumulate(map(len, parts), initial=0))[1::2]  # word k starts there
        heads = set(compress(range(len(words)), map(self.rules.keywords.__contains__, map(str.lower, words))))
        heads.update(compress(range(len(words)), map(str.isdigit, map(itemgetter(0), words))))
        heads.update(compress(range(len(words)), map(_ROMAN.fullmatch, words)))
        starts: set[int] = set()
        for i in heads:
            starts.update(offsets[max(0, i - _WORDS_BEFORE):i + 1])
        return sorted(starts)

    def _accept(self, rule: Rule, m: re.Match, text: str):
        raw = {g: m.group(rule.group(g)) for g in rule.groups}
        if "span" in raw and raw["span"] is not None:
            start, end = m.start(rule.group("span")), m.end(rule.group("span"))
        else:
            start, end = m.start(rule.group_name()), m.end(rule.group_name())
        start, end = _trim(text, start, end)
        if end <= start:
            return None
        if rule.not_before and rule.not_before.search(text[max(0, start - _CONTEXT):start]):
            return None
        if rule.not_after and rule.not_after.search(text[end:end + _CONTEXT]):
            return None
        return rule, start, end, raw, m.end()

    def _second_chance(self, rejected: Rule, pos: int, text: str):
        """At a position where the winning rule was vetoed, the next rule that fits."""
        seen = False
        for rule in self.rules.rules:
            if not seen:
                seen = rule is rejected
                continue
            m = self.rules.singles[rule.name].match(text, pos)
            if m is None:
                continue
            found = self._accept(rule, m, text)
            if found is not None:
                return found
        return None

    # -- values ---------------------------------------------------------------

    def _resolve(self, rule: Rule, raw: dict, text: str, start: int, end: int,
                 ref: Reference, dct: dt.date, doc: Doc | None) -> Tagged | None:
        pieces = {name: normalise(name, value, self.rules, dct) for name, value in raw.items()}
        lex = self.rules.tense
        pred = predicate_at(doc, start, end, lex)  # found once for both questions
        tense = tense_of(pred, lex) if pred is not None else None
        far = rule.anchor == "auto" and pred is not None and far_past(pred, lex)
        res = resolve(rule, pieces, ref, start, tense, far)
        if res is None or not res.value:
            return None
        if res.point is not None and rule.type in ("DATE", "TIME"):
            ref.last_value = res.value
        narrative_offset = res.anchor == "narrative" and res.shift is not None
        ref.update(res.point, start, _offset_end(text, end) if narrative_offset else None)
        timex = Timex(start=start, end=end, text=text[start:end], type=rule.type,
                      value=res.value, anchor=res.anchor, rule=rule.name, points_to=res.points_to)
        return Tagged(timex, res)


def _offset_end(text: str, end: int) -> int:
    """Where an offset's signal ends ("six mois| plus tard|")."""
    m = _SIGNAL.match(text, end)
    return m.end() if m else end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop spaces and a trailing comma the pattern took in."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return start, end
