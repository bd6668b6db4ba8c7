"""``bench/throughput.py --quick`` runs end to end and prints its comparable lines.

No timing is asserted: performance is measured by the benchmark, not by tests.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "throughput.py"
LINES = [
    r"^extract/parse ratio: \d+\.\d\d$",
    r"^ingest/parse ratio: \d+\.\d\d$",
    r"^workers2/workers1 ratio: \d+\.\d\d$",
    r"^peak memory per process: \d+ MB$",
]


def test_quick_benchmark_runs():
    proc = subprocess.run([sys.executable, str(BENCH), "--quick"], capture_output=True, text=True,
                          timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    tail = proc.stdout.strip().splitlines()[-4:]
    for pattern, line in zip(LINES, tail):
        assert re.match(pattern, line), (pattern, proc.stdout[-2000:])
