"""``dateline eval timex GOLD [--articles ARTICLES.jsonl] [--pred PRED.jsonl] [--json]``.

GOLD is a folder or file of ISO-TimeML ``.tml`` documents (their text and DCT
are read from the TimeML itself and run through dateline), or a JSONL of
EVENTS.md section 4 TIMEX records, with ``--articles`` (the texts to run
dateline on) or ``--pred`` (predictions already made). Prints TempEval-3
strict/relaxed P/R/F1, type accuracy and value F1 (``dateline.time.evaluate``).
"""
from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import InputError
from . import eval_group


def _predict(articles) -> list[dict]:
    """TIMEX records of ``articles`` from a pipeline that stops after the time stage."""
    from ..model import Rejection
    from ..nlp.pipeline import Pipeline

    pipeline = Pipeline.load(stages=("dateline_time",))
    records: list[dict] = []
    for ext in pipeline.extract_many(articles):
        if isinstance(ext, Rejection):
            click.echo(f"skipped: {ext}", err=True)
        else:
            records.extend(ext.timex_records())
    return records


def _is_timeml(path: Path) -> bool:
    return path.is_dir() or path.suffix.lower() in (".tml", ".xml")


@eval_group.command("timex")
@click.argument("gold", type=click.Path(exists=True))
@click.option("--articles", "articles_path", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Articles (JSONL, EVENTS.md section 1) to run dateline on, for a JSONL GOLD.")
@click.option("--pred", "pred_path", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Predicted TIMEX records (JSONL); nothing is run.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
def eval_timex(gold: str, articles_path: str | None, pred_path: str | None, as_json: bool) -> None:
    """Score temporal expressions against GOLD (TimeML folder/file or TIMEX JSONL)."""
    from ..time.evaluate import format_score, read_articles, read_jsonl, read_timeml, score, timeml_files

    gold_path = Path(gold)
    if _is_timeml(gold_path):
        files = timeml_files(gold_path)
        if not files:
            raise InputError(f"{gold}: no .tml file here")
        read = [read_timeml(f) for f in files]
        gold_records = [rec for _, recs in read for rec in recs]
        articles = [article for article, _ in read]
    else:
        gold_records = read_jsonl(gold_path)
        articles = list(read_articles(articles_path)) if articles_path and not pred_path else []
        if not pred_path and not articles_path:
            raise InputError(f"{gold}: a JSONL gold needs --articles (texts to run) or --pred (predictions)")
    preds = read_jsonl(pred_path) if pred_path else _predict(articles)
    result = score(gold_records, preds)
    click.echo(json.dumps(result) if as_json else format_score(result))
