"""``dateline eval events GOLD --articles ARTICLES [--pred PRED] [--by-type] [--json]``.

Scores event records against gold annotations with dateline's own implementation
of EVENTS.md section 5 (``dateline.events.evaluate``). Without ``--pred`` the
articles are run through the pipeline first.
"""
from __future__ import annotations

import json

import click

from . import eval_group


def _predict(articles_path: str) -> list[dict]:
    from ..nlp.pipeline import default_pipeline
    from ..read import read_paths
    from ..model import Rejection

    records: list[dict] = []
    articles = [a for a in read_paths([articles_path]) if not isinstance(a, Rejection)]
    for ext in default_pipeline().extract_many(articles):
        if not isinstance(ext, Rejection):
            records.extend(ext.event_records())
    return records


@eval_group.command("events")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--articles", "articles_path", required=True, type=click.Path(exists=True, dir_okay=False),
              help="The articles (JSONL) the predictions are made on; also grounds level A.")
@click.option("--pred", "pred_path", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Predicted event records (JSONL); without it the pipeline runs on --articles.")
@click.option("--by-type", is_flag=True, help="Also print P/R/F1 per PLOVER category.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
def eval_events(gold: str, articles_path: str, pred_path: str | None, by_type: bool, as_json: bool) -> None:
    """Score event records against GOLD (EVENTS.md section 5)."""
    from ..events.evaluate import format_score, read_gold, read_jsonl, score

    gold_articles = read_gold(gold)
    texts = {a["id"]: a["text"] for a in read_jsonl(articles_path) if "id" in a}
    preds = read_jsonl(pred_path) if pred_path else _predict(articles_path)
    result = score(gold_articles, preds, texts)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False))
    else:
        click.echo(format_score(result, by_type=by_type))
