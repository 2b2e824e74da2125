"""The full comparison report: every chart (PNG, SVG, PDF) and a workbook per language, from the embedded data."""

from __future__ import annotations

import os
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Callable

from . import plot
from .export import write_workbook
from ..data.folder import load_targets

CHARTS: dict[str, Callable] = {  # file stem -> chart for a language, in the report's order
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
# The slowest charts first, so that two workers finish together.
_COST_ORDER = ("03_quality_schools_by_tier", "06_baseline_to_target", "07_industry_education",
               "02_students_and_employment", "01_dual_qualified_teachers", "05_timeline", "04_coverage")


def render_chart(stem: str, lang: str, out: Path, formats: tuple[str, ...]) -> tuple[list[Path], float]:
    """Draw one chart in one language and save it in every format; return the paths and seconds."""
    started = time.perf_counter()
    paths = plot.save_figure(CHARTS[stem](lang), out / f"{stem}_{lang}", formats=formats)
    return paths, time.perf_counter() - started


def build_report(out: str | Path, *, langs=LANGS, formats=plot.FORMATS, jobs: int | None = None,
                 log: Callable[[str], None] = print) -> list[Path]:
    """Write every chart in every language and format, and one workbook per language, into ``out``.

    Charts are drawn in ``jobs`` worker processes (default: one per CPU) while this process
    writes the workbooks; each file replaces its predecessor atomically, so an interrupted run
    leaves every file either old or new.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    df = load_targets()  # validates the data before anything is drawn; forked workers inherit it
    order = [s for s in _COST_ORDER if s in CHARTS] + [s for s in CHARTS if s not in _COST_ORDER]
    tasks = [(stem, lang) for stem in order for lang in langs]
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(tasks)))
    written: list[Path] = []
    if jobs == 1:
        for stem, lang in tasks:
            written += _logged(render_chart(stem, lang, out, tuple(formats)), log)
        written += _workbooks(out, df, langs, log)
        return written
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(render_chart, stem, lang, out, tuple(formats)) for stem, lang in tasks]
        try:
            books = _workbooks(out, df, langs, log)
            for future in futures:
                written += _logged(future.result(), log)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
    return written + books


def _logged(result: tuple[list[Path], float], log) -> list[Path]:
    paths, seconds = result
    log(f"wrote {', '.join(p.name for p in paths)} ({seconds:.1f} s)")
    return paths


def _workbooks(out: Path, df, langs, log) -> list[Path]:
    books = []
    for lang in langs:
        books.append(write_workbook(out / f"vetcompare_targets_{lang}.xlsx", df, lang=lang))
        log(f"wrote {books[-1].name}")
    return books
