"""``dateline spark`` (the Spark job on a local Spark) and ``dateline load`` (its output into the store)."""
from __future__ import annotations

import sys

import click

from . import main
from .core import ACTORS_OPTION, DB_OPTION


@main.command("spark")
@click.argument("input_path", metavar="INPUT")
@click.argument("output", metavar="OUTPUT")
@click.option("--format", "fmt", type=click.Choice(["auto", "jsonl", "parquet"]), default="auto",
              show_default=True, help="Input format (auto: Parquet for *.parquet, else JSONL).")
@ACTORS_OPTION
@click.option("--master", default="local[*]", show_default=True, help="Spark master URL.")
@click.option("--partitions", type=int, default=None, help="Tasks to spread articles over (default: 2 x cores).")
def spark_command(input_path, output, fmt, actors_file, master, partitions):
    """Extract INPUT (JSONL or Parquet articles) with Spark into Parquet tables in OUTPUT."""
    try:
        from ..spark.job import run_job, session, summary
    except ImportError as err:
        from ..errors import DatelineError

        raise DatelineError(f"Spark is not installed ({err.name}): pip install 'dateline[spark]'")
    spark = session(master)
    spark.sparkContext.setLogLevel("ERROR")
    try:
        counts = run_job(spark, input_path, output, fmt, actors_file, partitions)
    finally:
        spark.stop()
    click.echo(summary(counts, output))
    sys.exit(1 if counts["rejects"] else 0)


@main.command("load")
@click.argument("output", metavar="PARQUET")
@DB_OPTION
def load_command(output, db_path):
    """Add the output of `dateline spark` (its articles table) to the store, with fusion."""
    from ..spark.load import load_output

    counts = load_output(output, db_path, progress=sys.stderr.isatty())
    click.echo(f"articles: {counts['new']} new, {counts['duplicate']} already stored -> {db_path}")
