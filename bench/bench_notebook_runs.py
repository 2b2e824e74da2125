"""Benchmark: run a notebook headless with ``jupyter nbconvert --execute`` many times and count the runs
that did not end within a limit (a hang), with the seconds of the others. Prints figures; asserts nothing.

    .venv/bin/python bench/bench_notebook_runs.py                       # 00_overview, 20 runs, 60 s each
    .venv/bin/python bench/bench_notebook_runs.py --runs 40 --limit 90 notebooks/01_teachers.ipynb

Before the explorer put its first view into its Output widget from the kernel, 8 of 28 runs of
00_overview did not end (two cores, other work running); after, 0 of 32.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def one_run(notebook: Path, limit: float, out: Path) -> float | None:
    """Seconds one headless run took, or None when it had not ended after ``limit`` seconds."""
    jupyter = Path(sys.executable).parent / "jupyter"
    started = time.perf_counter()
    try:
        subprocess.run([str(jupyter), "nbconvert", "--to", "notebook", "--execute", str(notebook), "--output",
                        str(out)], capture_output=True, timeout=limit, check=True, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return None
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebook", nargs="?", default=str(ROOT / "notebooks" / "00_overview.ipynb"))
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--limit", type=float, default=60.0, help="seconds after which a run counts as hung")
    args = parser.parse_args()
    times, hung = [], 0
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.runs):
            seconds = one_run(Path(args.notebook), args.limit, Path(tmp) / f"run{i}.ipynb")
            hung += seconds is None
            times += [] if seconds is None else [seconds]
            print(f"run {i + 1:>3}: {'HUNG' if seconds is None else f'{seconds:.1f} s'}", flush=True)
    median = f"{statistics.median(times):.1f} s" if times else "-"
    print(f"{Path(args.notebook).name}: {hung} of {args.runs} runs did not end within {args.limit:g} s; "
          f"median of the others {median}")


if __name__ == "__main__":
    main()
