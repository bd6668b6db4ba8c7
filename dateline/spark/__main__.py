"""``python -m dateline.spark INPUT OUTPUT``: the Spark job (see ``dateline.spark.job``)."""
import sys

from dateline.spark.job import main

sys.exit(main())
