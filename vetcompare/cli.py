"""Command line: ``python -m vetcompare report|validate|locate|audit|new-document|sheet|import-sheet``."""

from __future__ import annotations

import argparse
import re
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


def _new_document(args) -> int:
    from .register import curation_sheet, register_document

    sheet_path = Path(args.sheet or f"{args.doc_id}.xlsx")
    if sheet_path.exists():
        print(f"{sheet_path} exists: give another --sheet", file=sys.stderr)
        return 2
    m = re.fullmatch(r"\s*(\d{4})\s*[-–—~至]\s*(\d{4})\s*", args.period)
    if not m:
        print(f"--period {args.period!r}: write the first and last year, e.g. 2021-2025", file=sys.stderr)
        return 2
    start, end = int(m.group(1)), int(m.group(2))
    try:
        row = register_document(args.file, doc_id=args.doc_id, region=args.region, region_en=args.region_en,
                            province=args.province, province_en=args.province_en, admin_level=args.level,
                            issuer=args.issuer, title=args.title, issued=args.issued, period_start=start,
                            period_end=end, id_prefix=args.prefix)
    except (ValueError, OSError) as exc:  # EncodingError is a ValueError
        print(f"{args.file}: {exc}", file=sys.stderr)
        return 2
    print(f"registered {row['doc_id']} ({row['file']}, sha256 {row['sha256'][:12]}…, text_form {row['text_form']})")
    sheet = curation_sheet(row["doc_id"], sheet_path)
    print(f"wrote the curation sheet {sheet}: edit it, then run python -m vetcompare import-sheet {sheet}")
    return 0


def _sheet(args) -> int:
    from .load import data_dir
    from .register import curation_sheet
    from .sheet import curated_rows, write_sheet

    out = Path(args.out or f"{args.doc_id}.xlsx")
    if out.exists() and not args.force:
        print(f"{out} exists: give another --out, or --force to replace it", file=sys.stderr)
        return 2
    if (data_dir() / "targets" / f"{args.doc_id}.csv").is_file():
        path = write_sheet(out, args.doc_id, rows=curated_rows(args.doc_id))
    else:
        path = curation_sheet(args.doc_id, out)
    print(f"wrote {path}")
    return 0


def _import_sheet(args) -> int:
    from .sheet import import_sheet
    from .validate import DataError

    try:
        df = import_sheet(args.file)
    except DataError as err:
        for p in err.problems:
            print(f"- {p}", file=sys.stderr)
        print(f"{len(err.problems)} problem(s): nothing was imported", file=sys.stderr)
        return 1
    print(f"imported {len(df)} statement(s) of {df['doc_id'].iloc[0] if len(df) else '?'}")
    return 0


def _audit(args) -> int:
    import pandas as pd

    from .audit import audit, audit_all, explain

    df = explain(args.doc) if args.explain else (audit(args.doc) if args.doc else audit_all())
    with pd.option_context("display.width", 200, "display.max_rows", None, "display.max_colwidth", 60):
        print(df.to_string(index=False) if len(df) else "ok: every number is curated or explained")
    return 1 if (len(df) and not args.explain) else 0


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
    p = sub.add_parser("new-document", help="register a policy text and write its curation sheet")
    p.add_argument("file", help="the text (UTF-8, UTF-16 or GB18030/GBK)")
    p.add_argument("--doc-id", required=True, help="lower-case id, e.g. chengdu-2023")
    p.add_argument("--region", required=True, help="region in Chinese, e.g. 成都市")
    p.add_argument("--region-en", required=True)
    p.add_argument("--province", required=True, help="province-level unit in Chinese, e.g. 四川省")
    p.add_argument("--province-en", required=True)
    p.add_argument("--level", required=True, choices=("municipality", "prefecture_city", "district"))
    p.add_argument("--issuer", required=True)
    p.add_argument("--title", required=True)
    p.add_argument("--issued", required=True, help="YYYY-MM-DD")
    p.add_argument("--period", required=True, help="first-last year, e.g. 2021-2025")
    p.add_argument("--prefix", help="prefix of the target ids (default: from doc_id)")
    p.add_argument("--sheet", help="where to write the curation sheet (default: DOC_ID.xlsx)")
    p.set_defaults(func=_new_document)
    p = sub.add_parser("sheet", help="write a curation sheet of a registered document")
    p.add_argument("doc_id")
    p.add_argument("--out", help="the .xlsx to write (default: DOC_ID.xlsx)")
    p.add_argument("--force", action="store_true", help="replace an existing sheet")
    p.set_defaults(func=_sheet)
    p = sub.add_parser("import-sheet", help="validate a curation sheet and bring it into the dataset")
    p.add_argument("file")
    p.set_defaults(func=_import_sheet)
    p = sub.add_parser("audit", help="numbers of a document that no curated row covers and no exclusion explains")
    p.add_argument("doc", nargs="?", help="a doc_id (default: every registered document)")
    p.add_argument("--explain", action="store_true", help="list every number of DOC with its status")
    p.set_defaults(func=_audit)
    args = parser.parse_args(argv)
    return args.func(args)
