"""Load a language's temporal rule data (TOML) and compile it into one regex.

``lang/<lang>/time/`` holds ``patterns.toml`` (named sub-patterns),
``normalisation.toml`` (word -> value piece per group name), ``numbers.toml``
(number-word atoms) and rule files (every other ``*.toml``: ``[[rule]]``
tables). All rules become alternatives of a single compiled pattern, so the
tagger scans the text once; each alternative is a named group ``R<i>`` whose
captures are renamed ``R<i>_<group>``.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..datafiles import read_toml
from ..errors import DataError
from .anchor import TenseLexicon
from .firsts import Dispatch, beginnings
from .numbers import NumberLexicon
from .trie import trie_regex

LANG_ROOT = Path(__file__).resolve().parent.parent / "lang"
_DATA_FILES = ("patterns.toml", "normalisation.toml", "numbers.toml", "tense.toml")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_GROUP = re.compile(r"\(\?P<([A-Za-z_][A-Za-z0-9_]*)>")
TYPES = ("DATE", "TIME", "DURATION", "SET")
_NONE = re.compile("(?!)")
_DISPATCH_CHARS = 3  # how many characters of a position choose the rules tried there


@dataclass(frozen=True)
class Rule:
    """One rule: what it matches and how its value is built."""

    name: str
    index: int
    pattern: str
    type: str
    value: str
    source: str
    groups: tuple[str, ...] = ()
    anchor: str | None = None
    pick: str | None = None
    dir: str | None = None
    shift: str | None = None
    gran: str = "D"
    present: str | None = None
    points_to: str | None = None
    fuzzy: str | None = None
    priority: int = 0
    defaults: dict[str, str] = field(default_factory=dict)
    not_before: re.Pattern | None = None
    not_after: re.Pattern | None = None
    examples: tuple[dict[str, str], ...] = ()

    def group_name(self) -> str:
        """The group that wraps this rule's alternative in the combined pattern."""
        return f"R{self.index}"

    def group(self, local: str) -> str:
        """The name of the capture ``local`` in the combined pattern."""
        return f"R{self.index}_{local}"


@dataclass(frozen=True)
class RuleSet:
    """A language's compiled rules and the data they are interpreted with."""

    lang: str
    rules: tuple[Rule, ...]
    regex: re.Pattern
    normalisation: dict[str, dict[str, str]]
    numbers: NumberLexicon
    tense: TenseLexicon
    by_group: dict[str, Rule]
    singles: dict[str, re.Pattern]  # rule name -> its own pattern, for second chances
    keywords: frozenset[str] = frozenset()  # every match holds one of these words (or a digit)
    dispatch: Dispatch | None = None  # the rules that may begin at a position

    def regex_at(self, text: str, pos: int) -> re.Pattern:
        """The alternation to try at ``pos``: the rules that may begin with its characters
        (in the same order as in ``regex``, so the same rule wins)."""
        return self.dispatch.at(text, pos) if self.dispatch is not None else self.regex

    @functools.cached_property
    def by_name(self) -> dict[str, Rule]:
        """Rules by name."""
        return {r.name: r for r in self.rules}

    def rule_of(self, match: re.Match) -> Rule:
        """The rule whose alternative produced ``match``."""
        return self.by_group[match.lastgroup]


def _alternation(words: list[str]) -> str:
    """Words as a prefix-factored regex alternation (greedy: the longest wins)."""
    return trie_regex([w.lower() for w in words])


def _expand(pattern: str, patterns: dict[str, str], where: str, depth: int = 0) -> str:
    """Replace every {name} by its sub-pattern (recursively)."""
    if depth > 5:
        raise DataError(f"{where}: patterns refer to each other in a loop")

    def sub(m: re.Match) -> str:
        name = m.group(1)
        if name not in patterns:
            raise DataError(f"{where}: unknown pattern {{{name}}}")
        return _expand(patterns[name], patterns, where, depth + 1)

    # only {name} with lower-case letters is a placeholder; regex counts like {1,5} stay
    return _PLACEHOLDER.sub(sub, pattern)


def _sub_patterns(data: dict[str, Any], lex: NumberLexicon) -> dict[str, str]:
    out = {"number_words": lex.word_pattern(), "fuzzy": _alternation(list(lex.fuzzy))}
    for name, spec in data.get("patterns", {}).items():
        out[name] = _alternation(spec) if isinstance(spec, list) else str(spec)
    return out


def _compile_one(pattern: str, where: str) -> re.Pattern:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as err:
        raise DataError(f"{where}: bad regex: {err}") from err


def _make_rule(spec: dict[str, Any], index: int, source: str, patterns: dict[str, str]) -> Rule:
    where = f"{source}: rule {spec.get('name', index)!r}"
    for key in ("name", "pattern", "type", "value"):
        if key not in spec:
            raise DataError(f"{where}: missing '{key}'")
    if spec["type"] not in TYPES:
        raise DataError(f"{where}: type must be one of {', '.join(TYPES)}")
    body = _expand(spec["pattern"], patterns, where)
    _compile_one(body, where)  # report a bad regex with its rule's name
    groups = tuple(dict.fromkeys(_GROUP.findall(body)))
    renamed = _GROUP.sub(lambda m: f"(?P<R{index}_{m.group(1)}>", body)
    not_before = spec.get("not_before")
    not_after = spec.get("not_after")
    return Rule(
        name=spec["name"], index=index, pattern=renamed, type=spec["type"],
        value=spec["value"], source=source, groups=groups,
        anchor=spec.get("anchor"), pick=spec.get("pick"), dir=spec.get("dir"),
        shift=spec.get("shift"), gran=spec.get("gran", "D"), present=spec.get("present"),
        points_to=spec.get("points_to"),
        fuzzy=spec.get("fuzzy"), priority=int(spec.get("priority", 0)),
        defaults={k: str(v) for k, v in spec.get("defaults", {}).items()},
        not_before=_compile_one(_expand(not_before, patterns, where), where) if not_before else None,
        not_after=_compile_one(_expand(not_after, patterns, where), where) if not_after else None,
        examples=tuple(spec.get("examples", ())),
    )


_WORD = re.compile(r"[^\W\d_]+")
_REGEX_NAME = re.compile(r"\(\?P<[^>]*>|\\[a-zA-Z]|\{[a-z_]+\}")


def _keywords(data: dict[str, Any], specs: list[tuple[dict[str, Any], str]]) -> frozenset[str]:
    """Head words at least one of which every match contains (besides digits and
    Roman numerals): the words of the head pattern lists and the literal words of
    rule patterns but the modifiers patterns.toml's [prefilter] ignores."""
    prefilter = data.get("prefilter", {})
    ignore = {w.lower() for w in prefilter.get("ignore", ())}
    words: set[str] = set()
    for name in prefilter.get("head_patterns", ()):
        for item in data.get("patterns", {}).get(name, ()):
            words.update(w.lower() for w in _WORD.findall(item))
    for spec, _ in specs:
        literal = _REGEX_NAME.sub(" ", spec["pattern"])
        words.update(w.lower() for w in _WORD.findall(literal) if len(w) >= 4)
    return frozenset(words - ignore)


def rule_files(lang: str) -> list[Path]:
    """The rule files of ``lang`` (every TOML of its time/ folder but the data files)."""
    folder = LANG_ROOT / lang / "time"
    if not folder.is_dir():
        raise DataError(f"{folder}: no temporal rules for language {lang!r}")
    return sorted(p for p in folder.glob("*.toml") if p.name not in _DATA_FILES)


@functools.lru_cache(maxsize=4)
def load_rules(lang: str = "fr") -> RuleSet:
    """Read and compile the temporal rules of ``lang`` (cached: the data is read-only)."""
    folder = LANG_ROOT / lang / "time"
    data = {name: read_toml(folder / name) for name in _DATA_FILES}
    lex = NumberLexicon.from_data(data["numbers.toml"].get("numbers", {}))
    patterns = _sub_patterns(data["patterns.toml"], lex)
    specs: list[tuple[dict[str, Any], str]] = []
    for path in rule_files(lang):
        specs.extend((spec, path.name) for spec in read_toml(path).get("rule", []))
    rules = [_make_rule(spec, i, src, patterns) for i, (spec, src) in enumerate(specs)]
    names = [r.name for r in rules]
    if len(set(names)) != len(names):
        dup = sorted({n for n in names if names.count(n) > 1})
        raise DataError(f"{folder}: rule names used twice: {', '.join(dup)}")
    # at one position the first alternative that matches wins: most specific first
    ordered = sorted(rules, key=lambda r: -r.priority)
    regex = _combine(ordered, str(folder))
    norm = {k.lower(): {w.lower(): str(v) for w, v in table.items()}
            for k, table in data["normalisation.toml"].get("normalisation", {}).items()}
    singles = {r.name: _compile_one(rf"(?P<R{r.index}>{r.pattern})(?![\w’])", r.source) for r in ordered}
    return RuleSet(lang=lang, rules=tuple(ordered), regex=regex, normalisation=norm,
                   numbers=lex, tense=TenseLexicon.from_data(data["tense.toml"].get("tense", {})),
                   by_group={f"R{r.index}": r for r in rules}, singles=singles,
                   keywords=_keywords(data["patterns.toml"], specs),
                   dispatch=_dispatch(ordered, regex, str(folder)))


def _combine(rules: list[Rule], where: str) -> re.Pattern:
    """The rules as one alternation, in order (at one position the first that matches wins)."""
    combined = "|".join(f"(?P<R{r.index}>{r.pattern})" for r in rules)
    # no match inside a word, after an apostrophe, or after "mi-"-like prefixes ("2016-2017" is fine)
    return _compile_one(rf"(?<![\w'’])(?<![^\W\d_]-)(?:{combined})(?![\w’])", where)


def _dispatch(rules: list[Rule], full: re.Pattern, where: str) -> Dispatch:
    """The rules a match may begin with at a position: most rules cannot begin with
    a given position's characters, yet the full alternation would try each there."""
    starts = [beginnings(r.pattern, re.IGNORECASE, _DISPATCH_CHARS) for r in rules]

    def build(subset: tuple[int, ...]) -> re.Pattern:
        return _combine([rules[i] for i in subset], where) if subset else _NONE

    return Dispatch(starts, _DISPATCH_CHARS, build, full)
