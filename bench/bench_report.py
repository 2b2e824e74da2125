"""Benchmark: time of the full report and of executing every notebook. Prints figures; asserts nothing.

Run: .venv/bin/python bench/bench_report.py
"""

from __future__ import annotations

import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent


def timed(label: str, fn) -> float:
    started = time.perf_counter()
    fn()
    seconds = time.perf_counter() - started
    print(f"{label:<44} {seconds:8.2f} s")
    return seconds


def main() -> None:
    import os

    print(f"python {platform.python_version()}, {os.cpu_count()} CPU(s), {platform.machine()}")
    timed("import vetcompare (fresh process)",
          lambda: subprocess.run([sys.executable, "-c", "import vetcompare"], check=True))
    with tempfile.TemporaryDirectory() as out:
        timed("report, both languages, 2 workers (CLI)", lambda: subprocess.run(
            [sys.executable, "-m", "vetcompare", "report", "--out", out], check=True, capture_output=True))
        timed("report, Chinese only (CLI)", lambda: subprocess.run(
            [sys.executable, "-m", "vetcompare", "report", "--out", out, "--lang", "zh"], check=True,
            capture_output=True))
    total = 0.0
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        with tempfile.TemporaryDirectory() as tmp:
            client = NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": tmp}})
            total += timed(f"notebook {path.name}", client.execute)
    print(f"{'notebook suite':<44} {total:8.2f} s")


if __name__ == "__main__":
    main()
