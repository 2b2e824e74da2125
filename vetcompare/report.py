"""The full comparison report: every chart (PNG, SVG, PDF) and the workbook, from the embedded data."""

from __future__ import annotations

import os
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Callable

from matplotlib.figure import Figure

from . import plot
from .export import write_workbook
from .load import load_targets

CHARTS: dict[str, Callable[[str], Figure]] = {  # file stem -> chart for a language
    "01_dual_qualified_teachers": lambda lang: plot.metric_chart("teachers.dual_qualified_share", lang=lang),
    "02_students_and_employment": lambda lang: plot.dot_chart(
        ["students.progression_rate", "employment"], lang=lang, kinds=("target", "baseline")),
    "03_quality_schools_by_tier": lambda lang: plot.tier_chart(lang=lang),
    "04_coverage": lambda lang: plot.coverage_chart(lang=lang),
    "05_timeline": lambda lang: plot.timeline_chart(lang=lang),
    "06_baseline_to_target": lambda lang: plot.baseline_target_chart(lang=lang),
    "07_industry_education": lambda lang: plot.dot_chart(
        ["industry.training_bases.integration", "industry.enterprises", "industry.vocational_groups",
         "programmes.industry_match_rate"], lang=lang),
}
LANGS = ("zh", "en")


def _render(stem: str, lang: str, out: Path, formats: tuple[str, ...]) -> tuple[list[Path], float]:
    """Draw one chart in one language and save it in every format (runs in a worker process)."""
    started = time.perf_counter()
    paths = plot.save_figure(CHARTS[stem](lang), out / f"{stem}_{lang}", formats=formats)
    return paths, time.perf_counter() - started


def build_report(out: str | Path, *, langs=LANGS, formats=plot.FORMATS, jobs: int | None = None,
                 log: Callable[[str], None] = print) -> list[Path]:
    """Write every chart in every language and format, and one workbook per language, into ``out``.

    Charts are drawn in ``jobs`` worker processes (default: one per CPU); each
    file replaces its predecessor atomically, so an interrupted run leaves the
    previous report readable.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    df = load_targets()  # validates the data before anything is drawn
    written: list[Path] = []
    tasks = [(stem, lang) for lang in langs for stem in CHARTS]
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(tasks)))
    if jobs == 1:
        results = (_render(stem, lang, out, tuple(formats)) for stem, lang in tasks)
        for paths, seconds in results:
            written += paths
            log(f"wrote {', '.join(p.name for p in paths)} ({seconds:.1f} s)")
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(_render, stem, lang, out, tuple(formats)) for stem, lang in tasks]
            for future in futures:
                paths, seconds = future.result()
                written += paths
                log(f"wrote {', '.join(p.name for p in paths)} ({seconds:.1f} s)")
    for lang in langs:
        book = write_workbook(out / f"vetcompare_targets_{lang}.xlsx", df, lang=lang)
        written.append(book)
        log(f"wrote {book.name}")
    return written
