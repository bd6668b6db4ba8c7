"""When an event happened: the TIMEX that governs its clause, else the narrative
time, else the publication date (EVENTS.md section 2, "date").

* explicit: a temporal expression attached to the trigger (its verb, or the
  verb its noun depends on: "la rencontre ... remonte au 12 juin 2018"), else
  one in the same clause, else the nearest one in the sentence that does not
  contradict the verb's tense. "depuis X" dates an ongoing act by its start.
  Durations, sets and vague references (PRESENT_REF, "récemment") give no date.
  A participle on the trigger's noun dates it ("le conflit survenu au printemps
  2012"); the restrictive "ne ... que" dates by what follows "que" ("n'ont été
  libérés qu'en janvier 1981"); the act named after "N jours après" is what the
  offset counts from, not what it dates. A deadline ("avant le 30 juin") dates an
  act to come by what it shares with the publication date (month, else year).
* narrative: a sentence that goes on narrating the past (plus-que-parfait,
  passé simple, imparfait; passé composé only right after the dated sentence)
  inherits the last date of the sentences just before. A present or future
  statement never inherits.
* publication: the article's date, with no text.
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right

from spacy.tokens import Doc, Span, Token

from ..nlp.doccache import cached, child_indices, doc_text, extension, head_indices, lower_forms, memo, raw_dep_labels, sentence_index, sentences
from ..model import EventDate, Timex
from ..time import value as V
from ..time.anchor import FUTURE, PAST, PRESENT, TenseLexicon, predicate_of, tense_of
from ..time.rules import load_rules
from .lexicon import load_lexicon
from .syntax import morph

_DURATION = re.compile(r"^P(\d+)([DWMY])$")
_PART_OF_YEAR = re.compile(r"^\d{4}-(?:SP|SU|FA|WI|Q\d|H\d)")
_SINCE = re.compile(r"(?:depuis|dès|à\s+partir\s+d[eu']|à\s+compter\s+d[eu'])\s*(?:l[ae']\s*)?$", re.IGNORECASE)
_APPOSED = re.compile(r"^[\s,;:(]*(?:en|au|le|soit)?\s*$", re.IGNORECASE)
_LOOKBACK = 3  # sentences a narrative date is carried over
_RECENT_DAYS = 14  # how recent a day a passé composé may inherit


def date_event(doc: Doc, trigger: Span, clause: Span | None = None) -> EventDate:
    """The date of the act whose trigger is ``trigger`` (``clause``: its clause or sentence)."""
    lex = load_rules("fr").tense
    dct = _dct(doc)
    k = sentence_index(doc, trigger.start)  # the sentence ``trigger.sent`` is
    sentence = sentences(doc)[k]
    pred = predicate_of(trigger.root, lex)
    timexes = _timexes_by_sentence(doc).get(k, [])
    only = _restricted(doc, pred, lex, dct) if pred is not None else None
    if only is not None:
        return only
    explicit = _explicit(doc, trigger, clause, timexes, pred, dct, lex)
    if explicit is not None:
        return _within_deadline(doc, explicit, dct, lex)
    if any(_vague(t) and _attached(doc, t, trigger, pred, lex) for t in timexes):
        return _publication(dct)  # "récemment", "actuellement": not the narrated time
    narrative = _narrative(doc, sentence, pred, lex, dct)
    return narrative if narrative is not None else _publication(dct)


def _timexes_by_sentence(doc: Doc) -> dict[int, list[Timex]]:
    """The TIMEXes starting in each sentence's characters, by sentence index, in the
    time stage's order (each event asks for those of its sentence)."""
    return cached(doc, "timexes_by_sentence", _group_timexes)


def _group_timexes(doc: Doc) -> dict[int, list[Timex]]:
    sents = sentences(doc)
    starts = [s.start_char for s in sents]
    out: dict[int, list[Timex]] = {}
    for t in doc._.timexes or []:
        k = bisect_right(starts, t.start) - 1
        if k >= 0 and t.start < sents[k].end_char:
            out.setdefault(k, []).append(t)
    return out


def _dct(doc: Doc) -> dt.date:
    article = extension(doc, "article") if doc.has_extension("article") else None
    return getattr(article, "date", None) or dt.date.today()


def _publication(dct: dt.date) -> EventDate:
    return EventDate(value=dct.isoformat(), text=None, basis="publication")


def _vague(t: Timex) -> bool:
    return t.value.endswith("_REF")


def _date_of(doc: Doc, t: Timex, dct: dt.date) -> str | None:
    """The date a TIMEX gives an event: its value for dates and times, where an
    offset points to, the start of "depuis <duration>"; None otherwise."""
    # Asked for every act of the TIMEX's sentence: worked out once per TIMEX (and
    # publication date; the TIMEX is kept with its answer, so its id stays its own).
    answers = memo(doc, "timex_dates").setdefault(dct, {})
    known = answers.get(id(t))
    if known is not None and known[0] is t:
        return known[1]
    value = _date_of_timex(doc, t, dct)
    answers[id(t)] = (t, value)
    return value


def _date_of_timex(doc: Doc, t: Timex, dct: dt.date) -> str | None:
    if t.type == "SET" or _vague(t):
        return None
    if t.type == "DURATION":
        if t.points_to and V.parse_point(t.points_to):
            return t.points_to
        m = _DURATION.match(t.value)
        if m and _SINCE.search(doc_text(doc)[max(0, t.start - 25):t.start]):
            start = V.shift(dct, -int(m.group(1)), m.group(2))
            return V.Point(start, V.UNIT_GRANULARITY[m.group(2)]).iso() if start else None
        return None
    point = V.parse_point(t.value)
    if point is None:
        return None
    if point.gran == "W":  # an ISO prefix is wanted: a week is told by its month
        return point.coarsen("M").iso()
    if _PART_OF_YEAR.match(t.value):
        return t.value[:4]  # "printemps 2012", "2012-Q3": the year
    return t.value[:10] if "T" in t.value else t.value


def _root(doc: Doc, t: Timex) -> Token | None:
    """The head word of the TIMEX's tokens (None when it covers no token).

    Asked for every act of the TIMEX's sentence: ``char_span`` and ``Span.root``
    are worked out once per character range and Doc.
    """
    roots: dict[tuple[int, int], int] = memo(doc, "events_timex_roots")
    key = (t.start, t.end)
    root = roots.get(key)
    if root is None:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        root = roots[key] = span.root.i if span is not None and len(span) else -1
    return doc[root] if root >= 0 else None


def _chain(trigger: Span, pred: Token | None) -> set[int]:
    """Token indices of the trigger, its nominal head chain up to its verb, and that verb."""
    out = set(range(trigger.start, trigger.end))
    heads = head_indices(trigger.doc)
    i = trigger.root.i
    # Four words up (spaCy makes a new Token on each access, so an identity test
    # ``tok is pred`` or ``tok.head is tok`` never stopped the climb earlier).
    for _ in range(4):
        out.add(i)
        i = heads[i]
    if pred is not None:
        out.add(pred.i)
    return out


def _attached(doc: Doc, t: Timex, trigger: Span, pred: Token | None, lex: TenseLexicon) -> bool:
    """Whether the TIMEX depends on the trigger, its head chain or its verb."""
    root = _root(doc, t)
    if root is None:
        return False
    chain = _chain(trigger, pred)
    if root.i in chain or root.head.i in chain:
        return True
    t_pred = predicate_of(root, lex)
    if t_pred is not None and _participle_of(t_pred, trigger):
        return True  # "le conflit survenu au printemps 2012": the participle dates its noun
    return t_pred is not None and t_pred.i in chain


def _participle_of(verb: Token, trigger: Span) -> bool:
    """A participle clause on the trigger's noun ("l'attentat perpétré le 3 mai")."""
    return (verb.dep_ == "acl" and "Part" in morph(verb, "VerbForm")
            and trigger.start <= verb.head.i < trigger.end)


def _agrees(value: str, tense: str | None, dct: dt.date) -> bool:
    """A date after publication does not date a past act, nor one before it a future act."""
    point = V.parse_point(value)
    if point is None or tense not in (PAST, FUTURE):
        return True
    iso = dct.isoformat()[: len(value)]
    return not ((tense == PAST and value > iso) or (tense == FUTURE and value < iso))


_COUNTED_FROM = re.compile(r"^\s+(?:après|avant)\s+[^,;.]{0,40}$", re.IGNORECASE)


def _counted_from(doc: Doc, t: Timex, trigger: Span) -> bool:
    """ "quelques jours après la prise de l'ambassade": the act named after "après" is what
    the offset counts from, not an act the offset dates."""
    return t.type == "DURATION" and t.end <= trigger.start_char and bool(
        _COUNTED_FROM.match(doc_text(doc)[t.end:trigger.start_char]))


def _explicit(doc, trigger, clause, timexes, pred, dct, lex) -> EventDate | None:
    dated = [(t, d) for t in timexes if (d := _date_of(doc, t, dct)) is not None
             and not _counted_from(doc, t, trigger)]
    if not dated:
        return None
    attached = [(t, d) for t, d in dated if _attached(doc, t, trigger, pred, lex)]
    if attached:
        return _from(doc, attached, dated)
    sent = sentences(doc)[sentence_index(doc, trigger.start)]  # ``trigger.sent``
    if clause is not None and clause.end_char - clause.start_char < sent.end_char - sent.start_char:
        inside = [(t, d) for t, d in dated if clause.start_char <= t.start < clause.end_char]
        if inside:
            return _from(doc, inside, dated)
    # The verb's tense, worked out only for an act that needs it (most have no TIMEX).
    tense = tense_of(pred, lex) if pred is not None else None
    if tense == PRESENT:
        return None  # a present statement takes only a date attached to it
    agreeing = [(t, d) for t, d in dated if _agrees(d, tense, dct)
                and not _other_clause(doc, t, trigger, pred, lex)]
    if not agreeing:
        return None
    nearest = min(agreeing, key=lambda td: (_distance(doc, td[0], trigger), abs(td[0].start - trigger.start_char)))
    return _from(doc, [nearest], dated)


def _ancestors(tok: Token) -> list[Token]:
    """``tok`` and the words above it, up to the root."""
    out = [tok]
    while out[-1].head.i != out[-1].i:
        out.append(out[-1].head)
    return out


def _distance(doc: Doc, t: Timex, trigger: Span) -> int:
    """Dependency-tree path length between a TIMEX and the trigger (large across sentences)."""
    root = _root(doc, t)
    if root is None:
        return 10_000
    up_t, up_g = _ancestors(root), _ancestors(trigger.root)
    where = {tok.i: n for n, tok in enumerate(up_g)}
    for n, tok in enumerate(up_t):
        if tok.i in where:
            return n + where[tok.i]
    return 10_000


def _other_clause(doc: Doc, t: Timex, trigger: Span, pred: Token | None, lex: TenseLexicon) -> bool:
    """Whether the TIMEX sits in a relative or adnominal clause the trigger is not
    part of: that clause dates the noun it describes ("empoisonné au polonium, dont
    l'usage avait été soupçonné lors de l'assassinat ... en 2006")."""
    root = _root(doc, t)
    if root is None:
        return False
    above_trigger = {tok.i for tok in _ancestors(trigger.root)}
    for tok in _ancestors(root):
        if tok.i in above_trigger:
            return False
        if tok.dep_.startswith("acl") and tok.pos_ in ("VERB", "AUX") and not _participle_of(tok, trigger):
            return True
    return False


def _from(doc: Doc, chosen: list[tuple[Timex, str]], dated: list[tuple[Timex, str]]) -> EventDate:
    """The EventDate of the most specific chosen TIMEX; an offset followed by its
    apposed date ("six mois plus tard, en juin") takes the date, and both texts."""
    t, d = max(chosen, key=lambda td: (td[0].type != "DURATION", len(td[1])))
    start, end = t.start, t.end
    for other, other_date in dated:
        if other.type == "DURATION" and other.end <= t.start and _APPOSED.match(
                re.sub(r"^\s*(?:plus\s+tard|plus\s+tôt|après|auparavant)", "", doc_text(doc)[other.end:t.start])):
            start = other.start
    basis = "narrative" if t.anchor == "narrative" else "explicit"
    return EventDate(value=d, text=doc_text(doc)[start:end], basis=basis, start=start, end=end)


def _restricted(doc: Doc, pred: Token, lex: TenseLexicon, dct: dt.date) -> EventDate | None:
    """ "n'ont été libérés qu'en janvier 1981": the date after the restrictive "ne ... que"
    is the act's, even where the parser has cut the clause (and the sentence) at "qu'"."""
    if not lex.restrictive_words:
        return None
    # Token indices and the per-Doc columns: this runs for every act.
    child_of, labels, lowers = child_indices(doc), raw_dep_labels(doc), lower_forms(doc)
    own = child_of[pred.i]
    kids = list(own) + [k for a in own if labels[a] in lex.aux_deps for k in child_of[a]]
    negatives = load_lexicon("fr").modality.negation_words  # "ne ... pas", "ne ... jamais": a negation
    if not any(lowers[k] in ("ne", "n'") for k in kids) or any(lowers[k] in negatives for k in kids):
        return None
    doc_end = min(len(doc), pred.i + 6)
    que = next((doc[i] for i in range(pred.i + 1, doc_end) if lowers[i] in lex.restrictive_words), None)
    if que is None:
        return None
    after = que.idx + len(que.text)
    for t in doc._.timexes or []:
        if after <= t.start <= after + 12 and re.fullmatch(r"\s*(?:en|le|la|l'|au|à|dans|depuis)?\s*",
                                                        doc_text(doc)[after:t.start], re.IGNORECASE):
            value = _date_of(doc, t, dct)
            if value is not None:
                return EventDate(value=value, text=t.text, basis="explicit", start=t.start, end=t.end)
    return None


def _within_deadline(doc: Doc, date: EventDate, dct: dt.date, lex: TenseLexicon) -> EventDate:
    """ "avant le 30 juin", "d'ici mars": a deadline bounds the act, it does not date it.
    An act still to come falls between publication and the deadline: it is dated by
    what the two share (the month for "avant le 30 juin" written on 24 June, the year
    for "d'ici décembre" written in March). A past deadline keeps its own value."""
    if date.start is None or not lex.deadline_words or not date.value:
        return date
    before = doc_text(doc)[max(0, date.start - 25):date.start].lower().rstrip()
    if not any(before.endswith(w) and (len(before) == len(w) or not before[-len(w) - 1].isalpha())
               for w in lex.deadline_words):
        return date
    point = V.parse_point(date.value)
    if point is None or point.date < dct:
        return date
    shared = _shared_prefix(date.value, dct.isoformat())
    if shared is None or shared == date.value:
        return date
    return EventDate(value=shared, text=date.text, basis=date.basis, start=date.start, end=date.end)


def _shared_prefix(value: str, iso_day: str) -> str | None:
    """The longest ISO prefix (year, month or day) of ``value`` that ``iso_day`` shares."""
    for size in (10, 7, 4):
        if len(value) >= size and value[:size] == iso_day[:size]:
            return value[:size]
    return None


def _narrates_past(pred: Token | None, lex: TenseLexicon) -> str | None:
    """ "far" for tenses that carry a narration on (plus-que-parfait, passé simple,
    imparfait), "near" for the passé composé, None for anything else."""
    if pred is None:
        return None
    auxes = [c for c in pred.children if c.dep_ in lex.aux_deps and c.i < pred.i]
    if auxes:
        aux = auxes[0]
        if "Imp" in morph(aux, "Tense") or "Past" in morph(aux, "Tense"):
            return "far"  # "s'étaient rencontrés" (the parser may call it aux:pass)
        if aux.dep_ == "aux:tense" and "Pres" in morph(aux, "Tense") and "Ind" in morph(aux, "Mood"):
            return "near"
        return None
    if "Fin" in morph(pred, "VerbForm") and ({"Past", "Imp"} & set(morph(pred, "Tense"))):
        return "far"
    return None


def _recent_day(value: str, dct: dt.date) -> bool:
    """A day within two weeks before publication ("hier", "lundi")."""
    point = V.parse_point(value)
    return point is not None and point.gran == "D" and 0 <= (dct - point.date).days <= _RECENT_DAYS


def _narrative(doc: Doc, sentence: Span, pred: Token | None, lex: TenseLexicon, dct: dt.date) -> EventDate | None:
    how = _narrates_past(pred, lex)
    if how is None:
        return None
    reach = _LOOKBACK if how == "far" else 1
    sents = sentences(doc)
    index = sentence_index(doc, sentence.start)
    if sents[index].start != sentence.start:
        return None
    by_sentence = _timexes_by_sentence(doc)
    for back in range(1, reach + 1):
        if index - back < 0:
            break
        dated = [t for t in by_sentence.get(index - back, []) if _date_of(doc, t, dct)]
        if dated:
            t = dated[-1]
            value = _date_of(doc, t, dct)
            if value >= dct.isoformat()[: len(value)] and value != dct.isoformat()[: len(value)]:
                return None  # a future date is no narrated past
            if how == "near" and not _recent_day(value, dct):
                return None  # a passé composé after "en 2011" is a new, recent statement
            return EventDate(value=value, text=t.text, basis="narrative", start=t.start, end=t.end)
    return None
