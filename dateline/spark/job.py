"""The dateline Spark job: articles (JSONL or Parquet) in, Parquet tables out.

    spark-submit dateline/spark/job.py INPUT OUTPUT [--format auto|jsonl|parquet]
    dateline spark INPUT OUTPUT                      # the same, on a local Spark

OUTPUT gets four tables: ``events`` and ``timex`` (partitioned by
``event_month``), ``articles`` (each with its full extraction, for ``dateline
load``) and ``rejects`` (record, reason, source). The executors run the CLI's
own extraction (``rows.make_partition_function``), one model per Python worker.
"""
from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from pyspark import StorageLevel
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

# Absolute imports: spark-submit runs this file as a script, not as a package module.
from dateline.spark import schemas
from dateline.spark.rows import make_partition_function

FORMATS = ("auto", "jsonl", "parquet")


def input_format(path: str, fmt: str = "auto") -> str:
    """``jsonl`` or ``parquet``: as given, else from the path (Parquet ends in ``.parquet``
    or is a folder of ``.parquet`` files), else JSONL."""
    if fmt != "auto":
        return fmt
    if path.rstrip("/").endswith(".parquet"):
        return "parquet"
    from pathlib import Path

    local = Path(path.removeprefix("file://"))
    if local.is_dir() and any(local.rglob("*.parquet")) and not any(local.rglob("*.jsonl")):
        return "parquet"
    return "jsonl"


def read_raw(spark: SparkSession, path: str, fmt: str = "auto") -> DataFrame:
    """The input as ``(raw JSON record, source, ordinal)`` rows, in input order.

    JSONL is read as text, so that a line that is not JSON reaches the executors
    and becomes a reject rather than failing the read; Parquet rows are turned
    into the same JSON records (dates as ISO strings).
    """
    if input_format(path, fmt) == "parquet":
        df = spark.read.parquet(path)
        df = df.select(F.to_json(F.struct(*df.columns)).alias("raw"),
                       F.col("_metadata.file_path").alias("path"))
    else:
        df = spark.read.text(path).select(F.col("value").alias("raw"),
                                          F.col("_metadata.file_path").alias("path"))
        df = df.where(F.trim(F.col("raw")) != "")  # the CLI skips blank lines too
    # Increasing in input order; consecutive within a split, so a one-split file's
    # records are numbered from 1 as the CLI numbers them (``file.jsonl#3``).
    df = df.withColumn("ordinal", F.monotonically_increasing_id())
    path = F.regexp_replace("path", "^file:(//)?", "")
    number = (F.col("ordinal") + 1).cast("string")
    return df.select("raw", F.concat_ws("#", path, number).alias("source"), "ordinal")


def extract(raw: DataFrame, actors_file: str | None = None, partitions: int | None = None) -> DataFrame:
    """Staged output rows ``(table, month, ordinal, payload)``, computed once and kept."""
    spark = raw.sparkSession
    n = partitions or 2 * spark.sparkContext.defaultParallelism
    # A small corpus is one input split: spread it so that every core parses.
    spread = raw.repartition(n) if raw.rdd.getNumPartitions() < n else raw
    staged = spread.mapInPandas(make_partition_function(actors_file), schemas.STAGED)
    return staged.persist(StorageLevel.MEMORY_AND_DISK)  # four tables, one extraction


def table(staged: DataFrame, name: str) -> DataFrame:
    """One output table, its JSON payloads typed by its schema."""
    rows = staged.where(F.col("table") == name)
    typed = rows.select(F.from_json("payload", schemas.TABLES[name]).alias("r"), "month", "ordinal")
    if name in schemas.PARTITIONED:
        return typed.select("r.*", F.col("month").alias("event_month"))
    if name == "articles":
        return typed.select("r.*").orderBy("ordinal")  # files in input order: load streams them
    return typed.orderBy("ordinal").select("r.*")


def write_tables(staged: DataFrame, output: str, mode: str = "overwrite") -> None:
    """``OUTPUT/{events,timex,articles,rejects}`` as Parquet."""
    for name in schemas.TABLES:
        writer = table(staged, name).write.mode(mode)
        if name in schemas.PARTITIONED:
            writer = writer.partitionBy("event_month")
        writer.parquet(f"{output.rstrip('/')}/{name}")


def run_job(spark: SparkSession, input_path: str, output: str, fmt: str = "auto",
            actors_file: str | None = None, partitions: int | None = None,
            mode: str = "overwrite") -> dict[str, int]:
    """Read, extract on the executors, write the four tables; returns rows per table."""
    staged = extract(read_raw(spark, input_path, fmt), actors_file, partitions)
    try:
        write_tables(staged, output, mode)
        counts = {r["table"]: r["count"] for r in staged.groupBy("table").count().collect()}
    finally:
        staged.unpersist()
    return {name: counts.get(name, 0) for name in schemas.TABLES}


def session(master: str | None = None, app: str = "dateline") -> SparkSession:
    """A SparkSession; ``master`` for runs outside spark-submit (which sets its own)."""
    builder = SparkSession.builder.appName(app)
    if master:
        builder = builder.master(master).config("spark.ui.showConsoleProgress", "false")
        if master.startswith("local") and not os.environ.get("PYSPARK_PYTHON"):
            # Local workers must run this Python (with dateline and the model), not
            # whatever ``python3`` is first on PATH; outside spark-submit, pyspark
            # reads only the environment variable (not spark.pyspark.python).
            os.environ["PYSPARK_PYTHON"] = sys.executable
    return builder.getOrCreate()


def summary(counts: dict[str, Any], output: str) -> str:
    """One line a user reads after a run."""
    return (f"articles: {counts['articles']}, events: {counts['events']}, "
            f"timex: {counts['timex']}, rejects: {counts['rejects']} -> {output}")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="dateline.spark", description=__doc__.split("\n\n")[0])
    ap.add_argument("input", help="JSONL or Parquet articles: a file, folder, glob or URI")
    ap.add_argument("output", help="folder (or URI) for the Parquet tables")
    ap.add_argument("--format", dest="fmt", choices=FORMATS, default="auto")
    ap.add_argument("--actors", dest="actors_file", default=None,
                    help="actor file (TOML) readable at this path on every executor")
    ap.add_argument("--partitions", type=int, default=None,
                    help="tasks to spread the articles over (default: 2 x cores)")
    ap.add_argument("--mode", choices=("overwrite", "errorifexists"), default="overwrite")
    ap.add_argument("--master", default=None, help="Spark master when not run by spark-submit")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """``spark-submit dateline/spark/job.py INPUT OUTPUT``; exit 1 when records were rejected."""
    args = parse_args(argv)
    spark = session(args.master)
    try:
        counts = run_job(spark, args.input, args.output, args.fmt, args.actors_file,
                         args.partitions, args.mode)
    finally:
        spark.stop()
    print(summary(counts, args.output))
    return 1 if counts["rejects"] else 0


if __name__ == "__main__":
    sys.exit(main())
