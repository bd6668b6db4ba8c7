"""Commands over the store: ``serve``, ``export``, ``plot timeline|dyad``, ``actors``."""
from __future__ import annotations

from pathlib import Path

import click

from ..errors import DatelineError
from . import main
from .formats import FORMATS, emit

DB_HELP = "the dateline store (SQLite file)"


def db_option(f):
    return click.option("--db", "db_path", default="dateline.db", show_default=True,
                        type=click.Path(dir_okay=False), help=DB_HELP)(f)


def open_existing(db_path: str):
    """The store at ``db_path``, which must exist (reading commands)."""
    from ..store import Database

    if not Path(db_path).exists():
        raise DatelineError(f"{db_path}: no such database (run `dateline ingest` first)")
    return Database(db_path)


def filter_options(f):
    """The event filters of ``Database.events`` as options."""
    for name, help_ in reversed([
            ("actor", "actor id or part of a name"),
            ("country", "participant country code(s), comma-separated"),
            ("type", "PLOVER type(s), comma-separated"),
            ("modality", "modality, comma-separated"),
            ("date-from", "events on or after YYYY[-MM[-DD]]"),
            ("date-to", "events on or before YYYY[-MM[-DD]]"),
            ("q", "words the articles contain")]):
        f = click.option(f"--{name}", default=None, help=help_)(f)
    return f


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
def serve(db_path: str, host: str, port: int) -> None:
    """Serve the web pages and the JSON API (OpenAPI at /docs) over the store."""
    import uvicorn

    from ..web import create_app

    app = create_app(db_path)  # the pipeline loads on the first POST /api/articles
    click.echo(f"dateline: http://{host}:{port}/timeline  (API docs: /docs)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="info")


@main.command("export")
@db_option
@click.option("--format", "fmt", required=True,
              type=click.Choice(["jsonl", "csv", "parquet", "plover", "gdelt"]),
              help="jsonl: our records with mentions; csv: flat; parquet; plover: PLOVER "
                   "JSON lines; gdelt: GDELT 2.0 event rows (61 tab-separated columns, "
                   "SQLDATE = the event's own date, partial dates at their first day)")
@click.option("--out", type=click.Path(dir_okay=False), default=None,
              help="output file (default: standard output)")
def export_command(db_path: str, fmt: str, out: str | None) -> None:
    """Export every fused event."""
    from ..export import export

    with open_existing(db_path) as db:
        n = export(db, fmt, out)
    if out:
        click.echo(f"{n} events written to {out}", err=True)


@main.group()
def plot() -> None:
    """Charts of the store as PNG or SVG."""


@plot.command("timeline")
@db_option
@filter_options
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="FILE.png or .svg")
def plot_timeline_command(db_path: str, out: str, **filters: str | None) -> None:
    """Events by the month they happened, by PLOVER quad class."""
    from ..plot import plot_timeline

    with open_existing(db_path) as db:
        path = plot_timeline(db, out, **filters)
    click.echo(f"written {path}", err=True)


@plot.command("dyad")
@db_option
@click.argument("a")
@click.argument("b")
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="FILE.png or .svg")
def plot_dyad_command(db_path: str, a: str, b: str, out: str) -> None:
    """Cooperation vs conflict per month between A and B (country codes or actor ids)."""
    from ..plot import plot_dyad

    with open_existing(db_path) as db:
        path = plot_dyad(db, a, b, out)
    click.echo(f"written {path}", err=True)


@main.command()
@db_option
@click.argument("query", required=False)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--limit", default=100, show_default=True, type=int)
def actors(db_path: str, query: str | None, fmt: str, limit: int) -> None:
    """Actors (with ids, country, sector, aliases and event counts), most events first."""
    with open_existing(db_path) as db:
        items, total = db.actors(query, limit=limit)
    emit(items, fmt, columns=["id", "name", "country", "sector", "aliases", "num_events",
                              "num_mentions"] if fmt in ("table", "csv") else None)
    if fmt == "table" and total > len(items):
        click.echo(f"({len(items)} of {total}; use --limit)", err=True)
