"""dateline's own event scoring agrees with the shared scorer (where ../shared exists)."""
from __future__ import annotations

import copy
import json
import random
import subprocess
import sys

import pytest

from dateline.events.evaluate import pairs, score, sentence_around


def test_maximum_matching_beats_greedy():
    ok = lambda g, p: (g, p) in {(0, 0), (0, 1), (1, 0)}  # noqa: E731
    assert pairs([0, 1], [0, 1], ok) == 2


def test_sentence_around():
    text = "Première phrase. Le président a parlé. Fin."
    start, end = sentence_around(text, "a parlé")
    assert text[start:end].strip() == "Le président a parlé."


def _perturbed(gold_articles, seed=7):
    """Predictions made from the gold: some dropped, some retyped, redated, duplicated."""
    rng = random.Random(seed)
    out = []
    for art in gold_articles:
        for g in art["events"]:
            r = rng.random()
            if r < 0.15:
                continue
            p = copy.deepcopy(g)
            p["article_id"] = art["article_id"]
            if r < 0.3:
                p["type"] = "ACCUSE"
            elif r < 0.4:
                p["date"] = {"value": art["date"]}
            elif r < 0.5:
                p["modality"] = "future"
            p["evidence"] = {"start": 0, "end": 10 if r < 0.6 else 10**6}
            out.append(p)
            if r > 0.9:
                out.append(copy.deepcopy(p))
    return out


@pytest.mark.shared
def test_agrees_with_shared_scorer(shared, tmp_path):
    data = shared / "data" / "wikinews-fr"
    gold = [json.loads(l) for l in open(data / "dev.gold.jsonl", encoding="utf-8") if l.strip()]
    preds = _perturbed(gold)
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds), encoding="utf-8")
    out = subprocess.run([sys.executable, str(shared / "eval" / "score_events.py"), str(data / "dev.gold.jsonl"),
                          str(pred_path), "--articles", str(data / "dev.jsonl"), "--json", "--by-type"],
                         capture_output=True, text=True, check=True).stdout
    theirs = json.loads(out)
    texts = {a["id"]: a["text"] for a in map(json.loads, open(data / "dev.jsonl", encoding="utf-8"))}
    ours = score(gold, preds, texts)
    for key in ("A", "B", "C", "A_grounded"):
        assert ours[key] == theirs[key], key
    for key in ("date_accuracy", "modality_accuracy", "nonasserted_modality_recall",
                "offdate_recall", "country_recall", "by_type"):
        assert ours[key] == theirs[key], key


@pytest.mark.shared
def test_cli(shared, tmp_path):
    from click.testing import CliRunner

    from dateline.cli import main

    data = shared / "data" / "wikinews-fr"
    gold = [json.loads(l) for l in open(data / "dev.gold.jsonl", encoding="utf-8") if l.strip()]
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text("".join(json.dumps(p) + "\n" for p in _perturbed(gold)), encoding="utf-8")
    res = CliRunner().invoke(main, ["eval", "events", str(data / "dev.gold.jsonl"), "--articles",
                                    str(data / "dev.jsonl"), "--pred", str(pred_path), "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["A"]["F1"] > 0
