"""Command line: ``python -m vetcompare report|export-data|validate|locate|audit|new-document|sheet|import-sheet``.

Every expected failure ends in one line on stderr and an exit code: 2 for bad input or usage,
1 when the data has problems (each listed by file, row and column), 130 when interrupted. A
traceback is shown only with ``--debug``.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path

from . import __version__

EXAMPLES = """examples:
  python -m vetcompare report --out reports/            every chart (PNG, SVG, PDF) and both workbooks
  python -m vetcompare export-data --out data-package/  CSV + datapackage.json + Stata files, for R and Stata
  python -m vetcompare validate                         check the curated files of the data folder
  python -m vetcompare audit jiulongpo-2022             numbers no curated row accounts for
  python -m vetcompare new-document xindu.txt --doc-id xindu-2023 --region 新都区 --region-en "Xindu District" \\
      --province 四川省 --province-en Sichuan --level district --issuer 成都市新都区人民政府 \\
      --title "成都市新都区推动职业教育发展实施方案" --issued 2023-05-01 --period 2023-2025 --data ~/my-data
  python -m vetcompare import-sheet xindu-2023.xlsx --data ~/my-data
"""


class UsageError(ValueError):
    """Bad input on the command line."""


def _data(args):
    from .data.folder import DataFolder, default_folder

    given = getattr(args, "data", None)
    if given is not None and not given.strip():
        raise UsageError("--data is empty (an unset shell variable?): give a data folder, or leave --data out "
                         "for the default folder")
    return DataFolder(given) if given else default_folder()


def _report(args) -> int:
    from .analysis.report import build_report

    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out}: is a file; give a folder to write the report into")
    started = time.perf_counter()
    langs = ("zh", "en") if args.lang == "both" else (args.lang,)
    written = build_report(out, langs=langs, log=lambda line: print(line, flush=True), data=_data(args))
    print(f"{len(written)} files in {out.resolve()} ({time.perf_counter() - started:.1f} s)")
    return 0


def _export_data(args) -> int:
    from .analysis.data_package import write_data_package

    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out}: is a file; give a folder to write the data into")
    written = write_data_package(out, _data(args).targets())
    print(f"{len(written)} files in {out.resolve()}: " + ", ".join(p.name for p in written))
    return 0


def _validate(args) -> int:
    from .data.problems import DataError

    data = _data(args)
    files = [Path(f) for f in args.files] or data.curated_files()
    problems = []
    for path in files:
        if not path.is_file():
            raise UsageError(f"{path}: no such file")
        try:
            data.curated(path)
        except DataError as err:
            problems += err.problems
    if not args.files and not problems:
        data.all_targets()  # checks across files (repeats, the whole table)
    if problems:
        raise DataError(problems)
    print(f"ok: {len(files)} file(s), no problems")
    return 0


def _locate(args) -> int:
    from .curation.locate import fill_offsets

    n = fill_offsets(args.file, _data(args))
    print(f"{args.file}: filled the offsets of {n} row(s)")
    return 0


def _period(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"\s*(\d{4})\s*[-–—~至]\s*(\d{4})\s*", text)
    if not m:
        raise UsageError(f"--period {text!r}: write the first and last year, e.g. 2021-2025")
    return int(m.group(1)), int(m.group(2))


def _new_document(args) -> int:
    from .curation.register import NewDocument, register_with_sheet

    data = _data(args)
    if args.doc_id in {r["doc_id"] for r in data.document_rows()}:
        raise UsageError(f"--doc-id {args.doc_id}: already registered in {data.root}; choose another id")
    sheet_path = Path(args.sheet or f"{args.doc_id}.xlsx")
    if sheet_path.exists():
        raise UsageError(f"{sheet_path} exists: give another --sheet")
    start, end = _period(args.period)
    doc = NewDocument(args.doc_id, args.region, args.region_en, args.province, args.province_en, args.level,
                      args.issuer, args.title, args.issued, start, end, id_prefix=args.prefix or "",
                      url=args.url or "", accessed=args.accessed or "", licence=args.licence or "")
    row, sheet = register_with_sheet(args.file, doc, sheet_path, data)
    print(f"registered {row['doc_id']} in {data.root} ({row['file']}, sha256 {row['sha256'][:12]}…, "
          f"text_form {row['text_form']})")
    print(f"wrote the curation sheet {sheet}: edit it, then run python -m vetcompare import-sheet {sheet}"
          + (f" --data {args.data}" if args.data else ""))
    return 0


def _sheet(args) -> int:
    from .curation.register import curation_sheet
    from .curation.sheet import curated_rows, write_sheet

    out = Path(args.out or f"{args.doc_id}.xlsx")
    if out.exists() and not args.force:
        raise UsageError(f"{out} exists: give another --out, or --force to replace it")
    data = _data(args)
    data.document(args.doc_id)
    if data.curated_path(args.doc_id).is_file():
        path = write_sheet(out, args.doc_id, rows=curated_rows(args.doc_id, data), data=data)
    else:
        path = curation_sheet(args.doc_id, out, data)
    print(f"wrote {path}")
    return 0


def _import_sheet(args) -> int:
    from .curation.importing import import_sheet

    if not Path(args.file).is_file():
        raise UsageError(f"{args.file}: no such file")
    df = import_sheet(args.file, _data(args))
    print(f"imported {len(df)} statement(s) of {df['doc_id'].iloc[0] if len(df) else '?'}")
    return 0


def _audit(args) -> int:
    import pandas as pd

    from .curation.audit import audit_all, audit_document, explain

    data = _data(args)
    if args.explain and not args.doc:
        raise UsageError("--explain needs a document: python -m vetcompare audit DOC --explain")
    df = explain(args.doc, data) if args.explain else (audit_document(args.doc, data) if args.doc else audit_all(data))
    with pd.option_context("display.width", 200, "display.max_rows", None, "display.max_colwidth", 60):
        print(df.to_string(index=False) if len(df) else "ok: every number is curated or explained")
    return 1 if (len(df) and not args.explain) else 0


def _add_data(p) -> None:
    p.add_argument("--data", metavar="FOLDER", help="data folder to work on (default: $VETCOMPARE_DATA, else the "
                   "data shipped with vetcompare)")


def _curation_parsers(sub) -> None:
    p = sub.add_parser("new-document", help="register a policy text and write its curation sheet")
    p.add_argument("file", help="the text (UTF-8, UTF-16, GB18030/GBK or Big5)")
    for flag, text in (("--doc-id", "lower-case id, e.g. chengdu-2023"), ("--region", "region in Chinese"),
                       ("--region-en", "region in English"), ("--province", "province-level unit in Chinese"),
                       ("--province-en", "province-level unit in English"), ("--issuer", "issuing body"),
                       ("--title", "title of the document"), ("--issued", "date issued, YYYY-MM-DD"),
                       ("--period", "first-last year, e.g. 2021-2025")):
        p.add_argument(flag, required=True, help=text)
    from .schema import ADMIN_LEVELS

    p.add_argument("--level", required=True, choices=ADMIN_LEVELS, help="administrative level of the issuer")
    p.add_argument("--prefix", help="prefix of the target ids (default: the first letters of doc_id)")
    p.add_argument("--url", help="where the text was published")
    p.add_argument("--accessed", help="when it was taken from there, YYYY-MM-DD")
    p.add_argument("--licence", help="what allows the text to be kept and quoted")
    p.add_argument("--sheet", help="where to write the curation sheet (default: DOC_ID.xlsx)")
    _add_data(p)
    p.set_defaults(func=_new_document)
    p = sub.add_parser("sheet", help="write a curation sheet of a registered document")
    p.add_argument("doc_id")
    p.add_argument("--out", help="the .xlsx to write (default: DOC_ID.xlsx)")
    p.add_argument("--force", action="store_true", help="replace an existing sheet")
    _add_data(p)
    p.set_defaults(func=_sheet)
    p = sub.add_parser("import-sheet", help="validate a curation sheet and bring it into the data folder")
    p.add_argument("file")
    _add_data(p)
    p.set_defaults(func=_import_sheet)


def parser() -> argparse.ArgumentParser:
    """The argument parser, with every command and its options."""
    top = argparse.ArgumentParser(prog="vetcompare", description="Compare the numeric targets of Chinese "
                                  "vocational-education policy texts.", epilog=EXAMPLES,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    top.add_argument("--version", action="version", version=f"vetcompare {__version__}")
    top.add_argument("--debug", action="store_true", help="show a traceback on errors")
    sub = top.add_subparsers(dest="command", required=True)
    p = sub.add_parser("report", help="write every chart and both workbooks from the embedded data")
    p.add_argument("--out", default="reports", help="folder to write into (default: reports)")
    p.add_argument("--lang", choices=("zh", "en", "both"), default="both", help="label language (default: both)")
    _add_data(p)
    p.set_defaults(func=_report)
    p = sub.add_parser("export-data", help="write the tables as CSV with a Frictionless datapackage.json, and as "
                       "Stata .dta files, for R, Stata and every other tool")
    p.add_argument("--out", default="vetcompare-data", help="folder to write into (default: vetcompare-data)")
    _add_data(p)
    p.set_defaults(func=_export_data)
    p = sub.add_parser("validate", help="check curated files; exit 1 on any problem")
    p.add_argument("files", nargs="*", help="curated CSV files (default: every file of the data folder)")
    _add_data(p)
    p.set_defaults(func=_validate)
    p = sub.add_parser("locate", help="fill empty source_start/source_end of a curated file from its quotes")
    p.add_argument("file", help="a curated CSV named after its doc_id")
    _add_data(p)
    p.set_defaults(func=_locate)
    p = sub.add_parser("audit", help="numbers of a document that no curated row covers and no exclusion explains")
    p.add_argument("doc", nargs="?", help="a doc_id (default: every registered document)")
    p.add_argument("--explain", action="store_true", help="list every number of DOC with its status")
    _add_data(p)
    p.set_defaults(func=_audit)
    _curation_parsers(sub)
    return top


def _fail(message: str, code: int) -> int:
    print(f"vetcompare: {message}", file=sys.stderr)
    return code


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    from .data.problems import DataError, UnknownName
    from .data.safe import WriteError

    try:
        return args.func(args)
    except DataError as err:
        if args.debug:
            raise
        for p in err.problems:
            print(f"- {p}", file=sys.stderr)
        return _fail(f"{len(err.problems)} problem(s); nothing was written", 1)
    except (UsageError, UnknownName, WriteError, ValueError, OSError) as exc:
        if args.debug:
            raise
        return _fail(str(exc).splitlines()[0] if str(exc) else type(exc).__name__, 2)
    except KeyboardInterrupt:
        return _fail("interrupted; every file is either the old or the new one", 130)
    except BrokenPipeError:  # `vetcompare audit | head`: the reader has gone, which is fine
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
