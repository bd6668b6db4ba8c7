"""dateline on Apache Spark: the CLI's extraction on the executors, Parquet tables out.

* ``job``: the Spark job (``spark-submit dateline/spark/job.py INPUT OUTPUT``, ``dateline spark``).
* ``rows``: what the executors run (no Spark imports: testable on its own).
* ``schemas``: the output tables' Spark schemas.
* ``codec``: an ``Extraction`` as JSON and back, losslessly (the ``articles`` table).
* ``load``: the job's output into the SQLite store (``dateline load``), without Spark.

See ``docs/SPARK.md``.
"""
