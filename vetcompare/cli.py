"""Command line: ``python -m vetcompare report|validate|locate``."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


def _report(args) -> int:
    from .report import build_report

    started = time.perf_counter()
    langs = ("zh", "en") if args.lang == "both" else (args.lang,)
    written = build_report(args.out, langs=langs)
    print(f"{len(written)} files in {Path(args.out).resolve()} ({time.perf_counter() - started:.1f} s)")
    return 0


def _validate(args) -> int:
    from .load import _all_targets, curated_files, load_curated
    from .validate import DataError

    files = [Path(f) for f in args.files] or curated_files()
    problems = []
    for path in files:
        try:
            load_curated(path)
        except DataError as err:
            problems += err.problems
        except FileNotFoundError:
            print(f"{path}: no such file", file=sys.stderr)
            return 2
    if not args.files:
        try:
            _all_targets()
        except DataError as err:
            problems += [p for p in err.problems if p not in problems]
    for p in problems:
        print(f"- {p}", file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) in {len(files)} file(s)", file=sys.stderr)
        return 1
    print(f"ok: {len(files)} file(s), no problems")
    return 0


def _locate(args) -> int:
    from .curated import fill_offsets
    from .load import clean_source

    path = Path(args.file)
    n = fill_offsets(path, clean_source(path.stem))
    print(f"{path}: filled the offsets of {n} row(s)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="vetcompare", description="Compare vocational-education policy targets.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("report", help="write every chart and the workbook from the embedded data")
    p.add_argument("--out", default="reports", help="folder to write into (default: reports)")
    p.add_argument("--lang", choices=("zh", "en", "both"), default="both", help="label language (default: both)")
    p.set_defaults(func=_report)
    p = sub.add_parser("validate", help="check curated files; exit 1 on any problem")
    p.add_argument("files", nargs="*", help="curated CSV files (default: the embedded ones)")
    p.set_defaults(func=_validate)
    p = sub.add_parser("locate", help="fill empty source_start/source_end of a curated file from its quotes")
    p.add_argument("file", help="a curated CSV named after its doc_id")
    p.set_defaults(func=_locate)
    args = parser.parse_args(argv)
    return args.func(args)
