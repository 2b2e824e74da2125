"""The full comparison report: every chart (PNG, SVG, PDF) and a workbook per language, from the embedded data."""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Callable

from .charts import BY_STEM, REPORT_CHARTS
from .cite import write_manifest
from .export import write_workbook
from .page import HtmlReport, font_face
from .saving import FORMATS, save_figure, svg_bytes
from ..data.folder import folder
from .data_package import write_data_package
from ..data.safe import folder_lock, make_folder

LANGS = ("zh", "en")
DATA_FOLDER = "data"
"""Where a report puts the flat tables for R, Stata and other tools (CSV, datapackage.json, .dta)."""
_WORKER_GC_THRESHOLD = 20_000  # objects allocated between young collections in a worker (Python's default: 700)


def render_chart(stem: str, lang: str, out: Path, formats: tuple[str, ...], root: str) -> tuple[list[Path], float]:
    """Draw one chart in one language from the data folder at ``root`` and save it in every format;
    return the paths and seconds."""
    started = time.perf_counter()
    df = folder(root).targets()
    paths = save_figure(BY_STEM[stem].chart(lang, df), out / f"{stem}_{lang}", formats=formats)
    return paths, time.perf_counter() - started


class Stopped(KeyboardInterrupt):
    """The report was stopped by SIGTERM (Ctrl-C raises KeyboardInterrupt itself)."""


def _stop_on_sigterm(signum, frame):
    raise Stopped()


def _quiet_worker() -> None:
    """Workers leave Ctrl-C to the main process, which stops them all at once, and collect
    garbage less often (a chart makes many short-lived objects and few cycles)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    gc.set_threshold(_WORKER_GC_THRESHOLD, *gc.get_threshold()[1:])


def build_report(out: str | Path, *, langs=LANGS, formats=FORMATS, jobs: int | None = None,
                 log: Callable[[str], None] = print, data=None) -> list[Path]:
    """Write the whole comparison report into ``out``: every chart, workbook, HTML page, flat table and the manifest.

    That is every chart in every language and format, one workbook and one HTML report per language,
    the flat tables for other tools (``data/``: CSV with datapackage.json, Stata files) and the run
    manifest (manifest.json). Charts are drawn in ``jobs`` worker processes while this process writes
    the workbooks and prepares the HTML pages (their charts go in when drawn). Each file replaces its
    predecessor atomically; on Ctrl-C or SIGTERM the workers are stopped at once and their unfinished
    temporary files removed, so every file is either the old or the new one. A second report into the
    same folder while this one runs is refused, so a report folder always holds one run's files.

    Parameters
    ----------
    out : str or Path
        The report folder (made if needed).
    langs : iterable of {"zh", "en"}, default ("zh", "en")
        The languages to write.
    formats : iterable of {"png", "svg", "pdf"}, default ("png", "svg", "pdf")
        The chart formats to write.
    jobs : int, optional
        Worker processes that draw the charts (default: one per CPU; 1 draws them in this process).
    log : callable, default print
        Called with one line for each file written.
    data : DataFolder, str, Path or None, default None
        The data folder, or its path; None for the default folder.

    Returns
    -------
    list of Path
        Every file written.

    Raises
    ------
    WriteError
        Another report is being written into ``out``, or a file could not be written.
    DataError
        A data file of the folder is wrong (found before anything is drawn).
    ValueError
        An unknown language or format.
    """
    with folder_lock(out, "a report"):
        return _build(make_folder(out), folder(data), langs, formats, jobs, log)


def _build(out: Path, source, langs, formats, jobs, log) -> list[Path]:
    """:func:`build_report` in a folder this run holds."""
    df = source.targets()  # validates the data before anything is drawn; forked workers inherit it
    order = [c.stem for c in sorted(REPORT_CHARTS, key=lambda c: -c.cost)]  # the slowest first: workers end together
    tasks = [(stem, lang, out, tuple(formats), str(source.root)) for stem in order for lang in langs]
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(tasks)))

    def the_rest() -> tuple[list[Path], dict]:  # this process's share: workbooks and the pages up to their charts
        return _workbooks(out, df, langs, log), _prepare(df, langs)

    if jobs == 1:
        written = [p for task in tasks for p in _logged(render_chart(*task), log)]
        books, pages = the_rest()
    else:
        written, (books, pages) = _in_workers(tasks, jobs, out, log, the_rest)
    tables = write_data_package(out / DATA_FOLDER, df)
    log(f"wrote {DATA_FOLDER}/: {', '.join(p.name for p in tables)}")
    return written + books + tables + _pages(out, df, langs, pages, log, formats)


def _in_workers(tasks: list[tuple], jobs: int, out: Path, log, meanwhile: Callable):
    """Draw ``tasks`` in ``jobs`` forked workers while this process runs ``meanwhile()``; return the
    files written and what ``meanwhile`` returned. Ctrl-C or SIGTERM stops every worker at once and
    removes their unfinished temporary files."""
    previous = signal.signal(signal.SIGTERM, _stop_on_sigterm) if _main_thread() else None
    gc.freeze()  # what the workers inherit is never scanned by their collector, nor copied by it
    try:
        pool = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn").Pool(jobs, _quiet_worker)
    finally:
        gc.unfreeze()
    try:
        pending = [pool.apply_async(render_chart, task) for task in tasks]
        result = meanwhile()
        written = [p for job in pending for p in _logged(job.get(), log)]
        pool.close()
        return written, result
    except BaseException:
        pool.terminate()
        _remove_partial(out)
        raise
    finally:
        pool.join()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def _remove_partial(out: Path) -> None:
    """Temporary files a stopped worker left (the finished files were never touched)."""
    for tmp in out.glob(".*.tmp"):
        tmp.unlink(missing_ok=True)


def _logged(result: tuple[list[Path], float], log) -> list[Path]:
    paths, seconds = result
    log(f"wrote {', '.join(p.name for p in paths)} ({seconds:.1f} s)")
    return paths


def _prepare(df, langs) -> dict[str, HtmlReport]:
    """The HTML pages up to their charts, with one font cut for the characters of all of them."""
    pages = {lang: HtmlReport(df, lang, own_font=False) for lang in langs}
    face = font_face(set().union(*(p.characters for p in pages.values())))
    for p in pages.values():
        p.use_font(face)
    return pages


def _pages(out: Path, df, langs, pages: dict[str, HtmlReport], log, formats) -> list[Path]:
    """The HTML reports, with the SVG charts just written (drawn again only if SVG was not asked
    for), and the manifest."""
    written = []
    for lang in langs:
        charts = {}
        for c in REPORT_CHARTS:
            svg = out / f"{c.stem}_{lang}.svg"
            charts[c.stem] = svg.read_bytes() if "svg" in formats else svg_bytes(c.chart(lang, df))
        written.append(pages[lang].write(out / f"report_{lang}.html", charts))
        log(f"wrote {written[-1].name} ({written[-1].stat().st_size / 1e6:.1f} MB)")
    written.append(write_manifest(out / "manifest.json", df))
    log(f"wrote {written[-1].name}")
    return written


def _workbooks(out: Path, df, langs, log) -> list[Path]:
    books = []
    for lang in langs:
        books.append(write_workbook(out / f"vetcompare_targets_{lang}.xlsx", df, lang=lang))
        log(f"wrote {books[-1].name}")
    return books
