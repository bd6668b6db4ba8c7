"""Core commands: extract, timex, ingest, events, timeline, show, check, demo.

Each command is a few lines over the API: readers (``dateline.read``), the
pipeline (``dateline.nlp.pipeline``) and the store (``dateline.store``).
"""
from __future__ import annotations

import datetime as dt
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import click

from ..model import Article, Extraction, Rejection
from . import main
from .formats import emit

LISTING_FORMATS = click.Choice(["table", "jsonl", "json", "csv"])
DB_OPTION = click.option("--db", "db_path", default="dateline.db", show_default=True,
                         type=click.Path(dir_okay=False), help="SQLite store.")
DATE_OPTION = click.option("--date", "pub_date", default=None,
                           help="Publication date (YYYY-MM-DD) for plain .txt inputs without one.")
ACTORS_OPTION = click.option("--actors", "actors_file", default=None,
                             type=click.Path(exists=True, dir_okay=False),
                             help="Your own actor file (TOML), extending the knowledge base.")
SAMPLES = Path(__file__).resolve().parents[2] / "samples"
EVENT_COLUMNS = ["id", "date", "reported", "type", "modality", "actors", "recipients", "trigger"]


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date YYYY-MM-DD", param_hint="--date")


def _read(paths: Iterable[str], pub_date: str | None, rejected: list[Rejection]) -> Iterator[Article]:
    from ..read import read_paths

    for item in read_paths(list(paths), date=_parse_date(pub_date), stdin=sys.stdin):
        if isinstance(item, Rejection):
            rejected.append(item)
            click.echo(f"rejected: {item}", err=True)
        else:
            yield item


def _pipeline(actors_file: str | None):
    from ..nlp.pipeline import cached_pipeline

    return cached_pipeline(actors_file)


def _extractions(items: Iterable[Extraction | Rejection], rejected: list[Rejection]) -> Iterator[Extraction]:
    for item in items:
        if isinstance(item, Rejection):
            rejected.append(item)
            click.echo(f"rejected: {item}", err=True)
        else:
            yield item


def _names(entities: list[dict]) -> str:
    return ", ".join(f"{e['name']} ({e.get('country') or '?'})" for e in entities)


def _event_rows(records: list[dict]) -> list[dict]:
    rows = []
    for r in records:
        date = r.get("date") or {}
        reported = r.get("reported")
        if isinstance(reported, list):
            reported = ", ".join(sorted(set(reported)))
        rows.append({
            "id": r.get("id"), "date": date.get("value"), "reported": reported,
            "type": r.get("type"), "modality": r.get("modality"),
            "actors": _names(r.get("actors") or []), "recipients": _names(r.get("recipients") or []),
            "trigger": (r.get("evidence") or {}).get("trigger"),
        })
    return rows


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "table"]), default="jsonl",
              show_default=True)
@DATE_OPTION
@ACTORS_OPTION
@click.option("--workers", default=1, show_default=True, help="Processes to use.")
def extract(paths, fmt, pub_date, actors_file, workers):
    """Events of the given articles (no database), one EVENTS.md record per line."""
    rejected: list[Rejection] = []
    pipeline = _pipeline(actors_file)
    records: list[dict] = []
    for extraction in _extractions(pipeline.extract_many(_read(paths, pub_date, rejected),
                                                         workers=workers), rejected):
        batch = extraction.event_records()
        if fmt == "jsonl":
            emit(batch, "jsonl")
        else:
            records.extend(batch)
    if fmt == "json":
        emit(records, "json")
    elif fmt == "table":
        emit(_event_rows(records), "table", [c for c in EVENT_COLUMNS if c != "reported"])
    sys.exit(1 if rejected else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "table"]), default="jsonl",
              show_default=True)
@DATE_OPTION
def timex(paths, fmt, pub_date):
    """Temporal expressions (TIMEX3) of the given articles, as EVENTS.md section 4."""
    from ..nlp.pipeline import Pipeline

    rejected: list[Rejection] = []
    # Only the time stage is needed: skip actors and events.
    pipeline = Pipeline.load(stages=("dateline_time",))
    records: list[dict] = []
    for extraction in _extractions(pipeline.extract_many(_read(paths, pub_date, rejected)), rejected):
        batch = extraction.timex_records()
        if fmt == "jsonl":
            emit(batch, "jsonl")
        else:
            records.extend(batch)
    if fmt != "jsonl":
        emit(records, fmt, ["article_id", "start", "end", "text", "type", "value"])
    sys.exit(1 if rejected else 0)


def ingest_paths(paths, db_path: str, pub_date: str | None = None, workers: int = 1,
                 actors_file: str | None = None, progress: bool = True) -> dict:
    """Read, extract and store; returns counts. Each article is committed on its own."""
    from tqdm import tqdm

    from ..store.database import Database
    from ..store.writer import BackgroundWriter

    rejected: list[Rejection] = []
    counts = {"new": 0, "duplicate": 0, "rejected": 0}
    with Database(db_path) as db:
        def fresh() -> Iterator[Article]:
            for article in _read(paths, pub_date, rejected):
                if db.has_article(article.content_hash):  # already stored: resume cheaply
                    counts["duplicate"] += 1
                else:
                    yield article

        pipeline = _pipeline(actors_file)
        bar = tqdm(unit=" articles", disable=not progress, file=sys.stderr, desc="ingest")
        start = time.perf_counter()
        def stored(_: str, outcome: str) -> None:
            counts[outcome] += 1
            bar.update(1)

        try:
            with BackgroundWriter(db_path, stored) as writer:
                for extraction in _extractions(pipeline.extract_many(fresh(), workers=workers), rejected):
                    writer.put(extraction)
        finally:
            bar.close()
        counts["rejected"] = len(rejected)
        counts["seconds"] = round(time.perf_counter() - start, 2)
    return counts


@main.command()
@click.argument("paths", nargs=-1, required=True)
@DB_OPTION
@DATE_OPTION
@ACTORS_OPTION
@click.option("--workers", default=1, show_default=True, help="Processes to use.")
def ingest(paths, db_path, pub_date, actors_file, workers):
    """Read, extract and store articles; re-ingesting the same article stores nothing twice."""
    counts = ingest_paths(paths, db_path, pub_date, workers, actors_file)
    rate = counts["new"] / counts["seconds"] if counts["seconds"] else 0.0
    click.echo(f"articles: {counts['new']} new, {counts['duplicate']} already stored, "
               f"{counts['rejected']} rejected ({rate:.1f} articles/s) -> {db_path}")
    sys.exit(1 if counts["rejected"] else 0)


def _filters(actor, country, type_, modality, date_from, date_to) -> dict:
    return {"actor": actor, "country": country, "type": type_, "modality": modality,
            "date_from": date_from, "date_to": date_to}


def event_filters(func):
    """The filters every event listing takes."""
    for opt in reversed([
        click.option("--actor", default=None, help="Actor name or id (substring)."),
        click.option("--country", default=None, help="Participant country (ISO3 or PLOVER code)."),
        click.option("--type", "type_", default=None, help="PLOVER type (CONSULT, ASSAULT...)."),
        click.option("--modality", default=None,
                     type=click.Choice(["asserted", "negated", "future", "intended",
                                        "hypothetical", "alleged"])),
        click.option("--from", "date_from", default=None, help="Happened on or after (ISO date)."),
        click.option("--to", "date_to", default=None, help="Happened on or before (ISO date)."),
        click.option("--limit", default=100, show_default=True),
        click.option("--format", "fmt", type=LISTING_FORMATS, default="table", show_default=True),
    ]):
        func = opt(func)
    return func


def _emit_events(items: list[dict], fmt: str) -> None:
    if fmt == "table":
        emit(_event_rows(items), "table", EVENT_COLUMNS)
    else:
        emit(items, fmt)


@main.command()
@DB_OPTION
@event_filters
def events(db_path, actor, country, type_, modality, date_from, date_to, limit, fmt):
    """Stored events, filtered."""
    from ..store.database import Database

    with Database(db_path) as db:
        items, total = db.events(**_filters(actor, country, type_, modality, date_from, date_to),
                                 limit=limit)
    _emit_events(items, fmt)
    if fmt == "table":
        click.echo(f"{len(items)} of {total} events", err=True)


@main.command()
@click.argument("query", required=False)
@DB_OPTION
@event_filters
def timeline(query, db_path, actor, country, type_, modality, date_from, date_to, limit, fmt):
    """Events ordered by the date they happened (with the date they were reported)."""
    from ..store.database import Database

    with Database(db_path) as db:
        items, total = db.timeline(q=query, **_filters(actor, country, type_, modality,
                                                       date_from, date_to), limit=limit)
    _emit_events(items, fmt)


def _marked(text: str, start: int, end: int, t_start: int, t_end: int) -> str:
    """The evidence sentence with its trigger between [[ ]]."""
    if not (start <= t_start <= t_end <= end):
        return text[start:end]
    return f"{text[start:t_start]}[[{text[t_start:t_end]}]]{text[t_end:end]}"


@main.command()
@click.argument("event_id")
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def show(event_id, db_path, fmt):
    """One event with its evidence sentences, trigger marked."""
    from ..errors import DatelineError
    from ..store.database import Database

    with Database(db_path) as db:
        event = db.event(event_id)
        if event is None:
            raise DatelineError(f"{db_path}: no event {event_id!r}")
        if fmt == "json":
            emit([event], "json")
            return
        _print_event(db, event)


def _print_event(db, event: dict) -> None:
    date = event.get("date") or {}
    click.echo(f"{event['id']}  {event['type']} ({event.get('modality')})  happened: "
               f"{date.get('value') or 'unknown'}  [{date.get('basis')}]")
    click.echo(f"  actors:     {_names(event.get('actors') or [])}")
    click.echo(f"  recipients: {_names(event.get('recipients') or [])}")
    if event.get("location"):
        click.echo(f"  location:   {event['location'].get('name')}")
    for m in event.get("mentions") or []:
        article = db.article(m["article_id"]) or {}
        text = article.get("text") or ""
        sentence = _marked(text, m["start"], m["end"], m["trigger_start"], m["trigger_end"])
        click.echo(f"  - {m['article_id']} (reported {m.get('published') or article.get('date')}):")
        click.echo("    " + " ".join(sentence.split()))


@main.command()
@click.argument("paths", nargs=-1)
@DB_OPTION
@DATE_OPTION
@click.option("--format", "fmt", type=LISTING_FORMATS, default="table", show_default=True)
def check(paths, db_path, pub_date, fmt):
    """Temporal consistency findings: of the given articles, or those stored."""
    rows: list[dict] = []
    if paths:
        rejected: list[Rejection] = []
        pipeline = _pipeline(None)
        for extraction in _extractions(pipeline.extract_many(_read(paths, pub_date, rejected)), rejected):
            text = extraction.article.text
            for f in extraction.findings:
                rec = f.to_record(extraction.article.id)
                rec["quote"] = text[f.start:f.end] if f.start is not None else None
                rows.append(rec)
    else:
        from ..store.database import Database

        with Database(db_path) as db:
            rows = db.findings()
    emit(rows, fmt, ["article_id", "kind", "message", "quote"] if fmt == "table" else None)


@main.command()
@DB_OPTION
@click.option("--corpus", default=str(SAMPLES), show_default=True, type=click.Path(exists=True),
              help="Folder of articles to ingest.")
def demo(db_path, corpus):
    """Ingest the bundled sample corpus and print its timeline."""
    from ..store.database import Database

    counts = ingest_paths([corpus], db_path)
    click.echo(f"articles: {counts['new']} new, {counts['duplicate']} already stored, "
               f"{counts['rejected']} rejected -> {db_path}", err=True)
    with Database(db_path) as db:
        items, total = db.timeline(limit=1000)
    _emit_events(items, "table")
    click.echo(f"{total} events in {db_path}; try: dateline show {items[0]['id'] if items else 'ID'}",
               err=True)
