"""Benchmark: the full report, its parts (per chart, per format, workbooks), the first chart on a
fresh install, and the notebooks. Prints figures; asserts nothing.

    .venv/bin/python bench/bench_report.py              # everything
    .venv/bin/python bench/bench_report.py --quick      # without the notebooks

The parts are measured in this process one after another (CPU time that the report spreads over
its workers); the whole report is timed as the command a user runs, in a fresh process, in the
same run, so the two can be read side by side.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(label: str, fn) -> float:
    started = time.perf_counter()
    fn()
    seconds = time.perf_counter() - started
    print(f"{label:<52} {seconds:8.2f} s", flush=True)
    return seconds


def first_chart() -> None:
    """A fresh process with empty caches (HOME, XDG cache, matplotlib config) draws and shows one chart."""
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, HOME=home, XDG_CACHE_HOME=f"{home}/cache", MPLCONFIGDIR=f"{home}/mpl")
        code = "import vetcompare as vc; vc.metric_chart('teachers.dual_qualified_share')._repr_png_()"
        timed("first chart, empty caches (fresh process)", lambda: subprocess.run(
            [sys.executable, "-c", code], env=env, check=True, capture_output=True))


def parts() -> None:
    """Each chart built, then saved in each format as the report saves it, and each workbook, in
    this process; beside the PNG, the Pillow PNG it replaces (savefig, zlib level 1)."""
    import matplotlib as mpl

    import vetcompare as vc
    from vetcompare.analysis import report
    from vetcompare.analysis.charts import REPORT_CHARTS
    from vetcompare.analysis.saving import svg_bytes
    from vetcompare.analysis.fonts import rc_params
    from vetcompare.analysis.png import figure_png

    vc.load_targets()
    saves = {"png": lambda fig: figure_png(fig, 300),
             "svg": lambda fig: svg_bytes(fig),
             "pdf": lambda fig: fig.savefig(io.BytesIO(), format="pdf", dpi=300)}
    totals = dict.fromkeys(["build", *saves, "png (Pillow)"], 0.0)
    for stem, chart in ((c.stem, c.chart) for c in REPORT_CHARTS):
        for lang in report.LANGS:
            started = time.perf_counter()
            fig = chart(lang)
            cells = {"build": time.perf_counter() - started}
            with mpl.rc_context(rc_params()):
                for fmt, save in saves.items():
                    started = time.perf_counter()
                    save(fig)
                    cells[fmt] = time.perf_counter() - started
                other = chart(lang)  # a figure of its own: the first save of a figure also warms its renderer
                started = time.perf_counter()
                other.savefig(io.BytesIO(), format="png", dpi=300, pil_kwargs={"compress_level": 1})
                cells["png (Pillow)"] = time.perf_counter() - started
            for key, seconds in cells.items():
                totals[key] += seconds
            print(f"  {stem + '_' + lang:<34} " + "  ".join(f"{k} {v:.2f}" for k, v in cells.items()) + " s")
    print("  totals (CPU s): " + ", ".join(f"{k} {v:.2f}" for k, v in totals.items())
          + f"; all as the report saves {sum(v for k, v in totals.items() if k != 'png (Pillow)'):.2f}")
    with tempfile.TemporaryDirectory() as out:
        for lang in report.LANGS:
            timed(f"  workbook {lang}", lambda: vc.write_workbook(Path(out) / f"t_{lang}.xlsx", lang=lang))


def whole_report(runs: int) -> None:
    """The command a user runs, ``runs`` times (the machine's timings vary by a few tenths): each run and the median."""
    import statistics

    with tempfile.TemporaryDirectory() as out:
        timed("import vetcompare (fresh process)",
              lambda: subprocess.run([sys.executable, "-c", "import vetcompare"], check=True))
        for label, extra in (("report, both languages, all formats (CLI)", []),
                             ("report, Chinese only (CLI)", ["--lang", "zh"])):
            seconds = [timed(f"{label} run {i + 1}", lambda: subprocess.run(
                [sys.executable, "-m", "vetcompare", "report", "--out", out, *extra], check=True,
                capture_output=True)) for i in range(runs)]
            print(f"{label + ', median':<52} {statistics.median(seconds):8.2f} s")


def notebooks() -> None:
    import nbformat
    from nbclient import NotebookClient

    total = 0.0
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        with tempfile.TemporaryDirectory() as tmp:
            client = NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": tmp}})
            total += timed(f"notebook {path.name}", client.execute)
    print(f"{'notebook suite':<52} {total:8.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="leave out the notebooks")
    parser.add_argument("--runs", type=int, default=5, help="runs of the whole report (default 5)")
    args = parser.parse_args()
    print(f"python {platform.python_version()}, {os.cpu_count()} CPU(s), {platform.machine()}")
    first_chart()
    whole_report(args.runs)
    print("parts, one after another in this process:")
    parts()
    if not args.quick:
        notebooks()


if __name__ == "__main__":
    main()
