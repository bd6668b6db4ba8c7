"""Every example of every French temporal rule file, through spaCy's parse and the time tagger.

An example says which expression the rule must find in its sentence, with which
type and value (and, for offsets, the date it points to); ``value = ""`` says
the sentence must yield no expression there (an impossible date, an age).
"""
from __future__ import annotations

import datetime as dt
import tomllib

import pytest

from dateline.model import Article
from dateline.time.rules import load_rules, rule_files

EXAMPLES = [
    pytest.param(rule["name"], example, id=f"{path.stem}:{rule['name']}:{i}")
    for path in rule_files("fr")
    for rule in tomllib.loads(path.read_text(encoding="utf-8")).get("rule", [])
    for i, example in enumerate(rule.get("examples", []))
]


@pytest.fixture(scope="module")
def time_doc(pipeline):
    """``time_doc(text, dct)`` -> the Doc after spaCy and the time stage only."""
    skip = {"dateline_actors", "dateline_events"}

    def _doc(text: str, dct: str):
        doc = pipeline.make_doc(Article(id="example", date=dt.date.fromisoformat(dct), text=text))
        for name, proc in pipeline.nlp.pipeline:
            if name not in skip:
                doc = proc(doc)
        return doc

    return _doc


def test_every_rule_has_examples():
    assert all(rule.examples for rule in load_rules("fr").rules), \
        [rule.name for rule in load_rules("fr").rules if not rule.examples]


@pytest.mark.parametrize("rule_name, example", EXAMPLES)
def test_rule_example(time_doc, rule_name, example):
    doc = time_doc(example["text"], example["dct"])
    found = doc._.timexes
    wanted = example.get("timex")
    if example["value"] == "":
        clash = [t for t in found if wanted is None or wanted in t.text or t.text in wanted]
        assert not clash, f"{rule_name}: nothing expected, got {clash}"
        return
    if wanted is not None:
        hits = [t for t in found if t.text == wanted]
        assert hits, f"{rule_name}: {wanted!r} not found in {found}"
    else:
        hits = found
    assert any(t.value == example["value"] and t.type == example["type"] for t in hits), \
        f"{rule_name}: wanted {example['type']} {example['value']}, got {hits}"
    if "points_to" in example:
        assert any(t.points_to == example["points_to"] for t in hits), hits
