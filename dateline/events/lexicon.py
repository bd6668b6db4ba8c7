"""Read the events stage's language data (``dateline/lang/<lang>/events/*.toml``).

The TOML files hold every word the stage knows; this module only turns them into
frozen dataclasses the mechanisms share. A broken file raises ``LexiconError``
naming the file and the entry.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from ..datafiles import read_toml
from ..errors import DataError
from ..model import MODALITIES, PLOVER_TYPES

LANG_ROOT = Path(__file__).resolve().parent.parent / "lang"
ROLE_SCHEMES = ("agent", "meet", "visit", "host", "patient", "self", "qualify")
REQUIREMENTS = ("object", "destination", "no_destination", "actor_object", "country_object", "partner", "appeal",
                "dismissal", "no_dismissal", "qualification", "downgrade")


class LexiconError(DataError):
    """A trigger lexicon or cue file that cannot be used."""


@dataclass(frozen=True)
class Example:
    text: str
    modality: str | None = None
    type: str | None = None  # when an entry's example expects another type (e.g. negated_type)


@dataclass(frozen=True)
class TriggerEntry:
    """One lexicon entry: a lemma pattern that states an act of ``type``.

    ``pattern`` holds lemmas (``a|b`` for alternatives); the tokens may be apart
    by up to ``gap`` tokens. ``head`` is the index of the pattern token whose
    syntax gives the arguments (the verb of "accorder l'asile").
    """

    id: str
    type: str
    pattern: tuple[tuple[str, ...], ...]
    pos: tuple[str, ...] = ()
    head: int = 0
    gap: int = 2
    cameo: str | None = None
    mode: str | None = None
    roles: str = "agent"
    strength: float = 0.7
    complement: str | None = None  # "absorb": keeps itself, swallows a trigger it governs
    modality: str | None = None  # with complement = "modal": the modality it lends
    negated_type: str | None = None  # the act a negated mention states ("n'accepte pas" -> REJECT)
    requires: str | None = None  # a syntactic condition (see arguments.REQUIREMENTS)
    context: tuple[str, ...] = ()
    examples: tuple[Example, ...] = ()
    source: str = ""


@dataclass(frozen=True)
class ModalityCues:
    negation_words: frozenset[str]
    negation_marks: frozenset[str]
    negating_governors: frozenset[str]
    governors: dict[str, str]  # lemma -> modality lent to the act it governs
    reflexive_governors: dict[str, str]  # "se voir" -> intended
    hypothetical_marks: frozenset[str]
    hearsay: frozenset[str]  # "dit-on"
    realized_in_past: frozenset[str]  # "a dû démissionner": the act happened
    distinct: frozenset[str]  # "un second sommet": a new act
    examples: tuple[Example, ...]
    future_endings: tuple[str, ...] = ()
    conditional_endings: tuple[str, ...] = ()
    irregular_stems: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ArgumentCues:
    group_nouns: dict[str, str]  # "homme" -> "person": "les deux hommes"
    group_numbers: dict[str, int]
    recipient_preps: frozenset[str]
    meet_preps: frozenset[str]
    destination_preps: frozenset[str]
    light_verbs: frozenset[str]
    happen_verbs: frozenset[str]
    person_nouns: frozenset[str] = frozenset()
    place_stands_for: frozenset[str] = frozenset()
    domestic_recipient: frozenset[str] = frozenset()
    domestic_actor: frozenset[str] = frozenset()
    list_words: frozenset[str] = frozenset()
    about_the_doer: frozenset[str] = frozenset()
    personal_pronouns: frozenset[str] = frozenset()
    qualifying_verbs: frozenset[str] = frozenset()
    meeting_nouns: frozenset[str] = frozenset()
    rating_scales: tuple[tuple[str, ...], ...] = ()  # best grade first
    natural_causes: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Context:
    name: str
    keywords: tuple[str, ...]

    @cached_property
    def words(self) -> frozenset[str]:
        """The one-word keywords (matched against lemmas)."""
        return frozenset(kw for kw in self.keywords if " " not in kw)

    @cached_property
    def phrases(self) -> tuple[str, ...]:
        """The multiword keywords (matched in the lower-cased text)."""
        return tuple(kw for kw in self.keywords if " " in kw)


@dataclass(frozen=True)
class Lexicon:
    lang: str
    triggers: tuple[TriggerEntry, ...]
    modality: ModalityCues
    arguments: ArgumentCues
    contexts: tuple[Context, ...] = field(default_factory=tuple)


def _load(path: Path) -> dict[str, Any]:
    try:
        return read_toml(path)
    except DataError as err:  # keep the lexicon's own error type for its callers
        raise LexiconError(str(err)) from err


def _examples(raw: Any, where: str) -> tuple[Example, ...]:
    out = []
    for ex in raw or ():
        if isinstance(ex, str):
            out.append(Example(ex))
        elif isinstance(ex, dict) and "text" in ex:
            mod = ex.get("modality")
            if mod is not None and mod not in MODALITIES:
                raise LexiconError(f"{where}: unknown modality {mod!r}")
            out.append(Example(ex["text"], mod, ex.get("type")))
        else:
            raise LexiconError(f"{where}: an example is a string or a table with 'text'")
    return tuple(out)


def _entry(raw: dict[str, Any], type_: str, path: Path, n: int) -> TriggerEntry:
    where = f"{path.name} entry {n} ({raw.get('pattern')!r})"
    pattern = raw.get("pattern")
    if not isinstance(pattern, str) or not pattern.strip():
        raise LexiconError(f"{where}: 'pattern' must be a non-empty string of lemmas")
    toks = tuple(tuple(alt for alt in tok.split("|")) for tok in pattern.split())
    roles = raw.get("roles", "agent")
    if roles not in ROLE_SCHEMES:
        raise LexiconError(f"{where}: roles must be one of {ROLE_SCHEMES}")
    head = int(raw.get("head", 0))
    if not 0 <= head < len(toks):
        raise LexiconError(f"{where}: head {head} outside the pattern")
    if raw.get("requires") not in (None,) + REQUIREMENTS:
        raise LexiconError(f"{where}: requires must be one of {REQUIREMENTS}")
    neg_type = raw.get("negated_type")
    if neg_type is not None and neg_type not in PLOVER_TYPES:
        raise LexiconError(f"{where}: unknown negated_type {neg_type!r}")
    pos = raw.get("pos", ())
    return TriggerEntry(
        id=f"{path.stem}:{n}:{pattern}", type=raw.get("type", type_), pattern=toks,
        pos=tuple([pos] if isinstance(pos, str) else pos), head=head,
        gap=int(raw.get("gap", 2)), cameo=raw.get("cameo"), mode=raw.get("mode"),
        roles=roles, strength=float(raw.get("strength", 0.7)),
        complement=raw.get("complement"), modality=raw.get("modality"),
        negated_type=neg_type, requires=raw.get("requires"), context=tuple(raw.get("context", ())),
        examples=_examples(raw.get("examples"), where), source=str(path))


def _triggers(folder: Path) -> tuple[TriggerEntry, ...]:
    entries = []
    for path in sorted(folder.glob("*.toml")):
        data = _load(path)
        type_ = data.get("type")
        if type_ not in PLOVER_TYPES:
            raise LexiconError(f"{path}: top-level 'type' must be a PLOVER type, not {type_!r}")
        # Top-level keys other than the type are defaults for every entry of the file.
        defaults = {k: v for k, v in data.items() if k not in ("type", "entry")}
        for n, raw in enumerate(data.get("entry", [])):
            entries.append(_entry(defaults | raw, type_, path, n))
    return tuple(entries)


def _modality(path: Path) -> ModalityCues:
    d = _load(path)
    governors: dict[str, str] = {}
    for modality, lemmas in d.get("governors", {}).items():
        if modality not in MODALITIES:
            raise LexiconError(f"{path}: [governors] key {modality!r} is not a modality")
        governors.update({lemma: modality for lemma in lemmas})
    reflexive = {lemma: mod for mod, lemmas in d.get("reflexive_governors", {}).items()
                 for lemma in lemmas}
    neg = d.get("negation", {})
    return ModalityCues(
        negation_words=frozenset(neg.get("words", ())),
        negation_marks=frozenset(neg.get("marks", ())),
        negating_governors=frozenset(neg.get("governors", ())),
        governors=governors, reflexive_governors=reflexive,
        hypothetical_marks=frozenset(d.get("hypothetical", {}).get("marks", ())),
        hearsay=frozenset(d.get("alleged", {}).get("hearsay", ())),
        realized_in_past=frozenset(d.get("realized_in_past", {}).get("lemmas", ())),
        distinct=frozenset(d.get("distinct", {}).get("lemmas", ())),
        future_endings=tuple(d.get("tense", {}).get("future_endings", ())),
        conditional_endings=tuple(d.get("tense", {}).get("conditional_endings", ())),
        irregular_stems=dict(d.get("tense", {}).get("irregular_stems", {})),
        examples=_examples(d.get("examples"), str(path)))


def _arguments(path: Path) -> ArgumentCues:
    d = _load(path)
    clauses = d.get("clauses", {})
    return ArgumentCues(
        group_nouns=dict(d.get("group_nouns", {})),
        group_numbers={k: int(v) for k, v in d.get("group_numbers", {}).items()},
        recipient_preps=frozenset(clauses.get("recipient_preps", ())),
        meet_preps=frozenset(clauses.get("meet_preps", ())),
        destination_preps=frozenset(clauses.get("destination_preps", ())),
        light_verbs=frozenset(clauses.get("light_verbs", ())),
        happen_verbs=frozenset(clauses.get("happen_verbs", ())),
        person_nouns=frozenset(clauses.get("patient_nouns", ())),
        place_stands_for=frozenset(clauses.get("place_stands_for", ())),
        domestic_recipient=frozenset(clauses.get("domestic_recipient", ())),
        domestic_actor=frozenset(clauses.get("domestic_actor", ())),
        list_words=frozenset(clauses.get("list_words", ())),
        about_the_doer=frozenset(clauses.get("about_the_doer", ())),
        personal_pronouns=frozenset(clauses.get("personal_pronouns", ())),
        qualifying_verbs=frozenset(clauses.get("qualifying_verbs", ())),
        meeting_nouns=frozenset(clauses.get("meeting_nouns", ())),
        natural_causes=frozenset(clauses.get("natural_causes", ())),
        rating_scales=tuple(tuple(scale) for scale in d.get("ratings", {}).values()))


def _contexts(path: Path) -> tuple[Context, ...]:
    if not path.exists():
        return ()
    d = _load(path)
    return tuple(Context(name, tuple(kw)) for name, kw in d.get("contexts", {}).items())


@lru_cache(maxsize=4)
def load_lexicon(lang: str = "fr") -> Lexicon:
    """The events lexicon of ``lang`` (cached: the data are immutable)."""
    root = LANG_ROOT / lang / "events"
    if not root.is_dir():
        raise LexiconError(f"{root}: no events data for language {lang!r}")
    return Lexicon(lang=lang, triggers=_triggers(root / "triggers"),
                   modality=_modality(root / "modality.toml"),
                   arguments=_arguments(root / "arguments.toml"),
                   contexts=_contexts(root / "contexts.toml"))
