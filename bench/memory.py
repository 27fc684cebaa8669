"""Where the memory of a large office goes: tracemalloc per stage, per position.

Generates the synthetic office of `bench/run.py` (N positions, Y years of monthly
values) and, in this one process, loads the definitions, runs the checks, reads
the values and computes the last year, printing for each stage what it keeps
(traced memory alive after it) and its peak, then the lines of code that hold
most of what loading keeps.

    python bench/memory.py [--positions N] [--years Y] [--top K]

N is at most about 4,400: above that the generated `variabel.yaml` is larger
than the 1 MiB a definitions file may be. Traced memory is Python objects only;
the process's RSS is larger (the interpreter, libraries, tracemalloc itself).
"""

from __future__ import annotations

import argparse
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from run import generate


def _mb(size: float) -> str:
    return f"{size / 1e6:7.1f} MB"


def _stage(name: str, fn: Callable[[], Any]) -> Any:
    tracemalloc.reset_peak()
    before = tracemalloc.get_traced_memory()[0]
    start = time.perf_counter()
    result = fn()
    current, peak = tracemalloc.get_traced_memory()
    print(f"{name:10s} keeps {_mb(current - before)}   peak {_mb(peak - before)}   "
          f"{time.perf_counter() - start:5.2f} s (traced)")
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--positions", "-n", type=int, default=2000)
    parser.add_argument("--years", "-y", type=int, default=1)
    parser.add_argument("--top", type=int, default=10, help="allocation sites to list")
    args = parser.parse_args()

    from iki_cli.checks import run_checks
    from iki_cli.definitions.loading import load_definitions
    from iki_cli.evaluation.compute import compute
    from iki_cli.periods import Period
    from iki_cli.values.reading import read_values

    with tempfile.TemporaryDirectory(prefix="iki-memory-") as tmp:
        root, values, year = generate(Path(tmp), args.positions, args.years)
        tracemalloc.start()
        start = tracemalloc.take_snapshot()
        defs, _ = _stage("load", lambda: load_definitions(root))
        loaded = tracemalloc.take_snapshot()
        problems = _stage("checks", lambda: run_checks(defs))
        data = _stage("values", lambda: read_values([values], defs.variables))
        _stage("compute", lambda: compute(defs, data, Period.of(year)))
        total = tracemalloc.get_traced_memory()[0]
        n = len(defs.jabatan)
        print(f"{n} positions, {len(problems)} problems: {_mb(total)} kept, "
              f"{total / n / 1e3:.1f} kB per position")
        print("what loading keeps, by line:")
        for stat in loaded.compare_to(start, "lineno")[:args.top]:
            frame = stat.traceback[0]
            where = frame.filename.split("site-packages/")[-1].split("iki_cli/")[-1]
            print(f"  {_mb(stat.size_diff)} {stat.count_diff:9,d} objects  {where}:{frame.lineno}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
