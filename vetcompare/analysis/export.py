"""Excel workbooks for colleagues: the tidy targets, the side-by-side grid, the codebook and the sources.

Written cell by cell with openpyxl so that types survive (numbers stay numbers,
dates stay dates, blanks stay blank) and no text is ever read as a formula: a
text cell that starts with =, +, -, @, a tab or a carriage return is stored as
text with Excel's quote prefix. Headers are frozen and filtered, and column
widths follow East-Asian display width (a Chinese character counts double).
:func:`read_workbook` reads the targets sheet back to the same frame.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from .. import __version__, schema
from ..data.excel import CellError, display_width, open_workbook, set_text, unescape
from ..data.problems import DataError, Problem
from ..data.folder import load_codebook, load_documents, load_targets, reads_its_table
from ..data.safe import atomic_path
from .compare import side_by_side

SHEETS = {  # sheet name -> what it holds
    "targets": "One row per quantitative statement (load_targets()).",
    "comparison": "Regions side by side, one row per metric (side_by_side()).",
    "codebook": "What each metric_id means, its theme and unit.",
    "sources": "The source documents: issuer, date, period, sha256, known damage.",
    "about": "How the workbook was made and how to cite it.",
}
MAX_WIDTH = 60
WRAP_COLUMNS = {"quote", "note", "definition", "damage", "title", "responsible", "doc_type"}


def _cell_value(value):
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime().date()
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        return value.item()  # numpy scalar -> Python
    return value


def _write_sheet(ws, frame: pd.DataFrame, *, index: bool = False, freeze: str = "A2") -> list[Problem]:
    """Write ``frame`` into ``ws``; return a problem for every text no Excel cell can hold."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    if index:
        frame = frame.reset_index()
    header_font = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="DDE6F0")
    columns = [str(c) for c in frame.columns]
    for j, name in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=j)
        set_text(cell, name)
        cell.font, cell.fill = header_font, header_fill
    widths = [display_width(c) for c in columns]
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    problems = []
    for i, record in enumerate(frame.itertuples(index=False), start=2):
        for j, value in enumerate(record, start=1):
            value = _cell_value(value)
            cell = ws.cell(row=i, column=j)
            if isinstance(value, str):
                try:
                    set_text(cell, value)
                except CellError as exc:
                    problems.append(Problem(f"sheet {ws.title!r}", i, columns[j - 1], str(exc)))
                widths[j - 1] = max(widths[j - 1], max(display_width(line) for line in value.split("\n")))
            elif value is not None:
                cell.value = value
                if isinstance(value, dt.date):
                    cell.number_format = "yyyy-mm-dd"
                widths[j - 1] = max(widths[j - 1], len(str(value)))
            cell.alignment = wrap if columns[j - 1] in WRAP_COLUMNS or ws.title == "comparison" else top
    for j, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = min(MAX_WIDTH, w + 2)
    ws.freeze_panes = freeze
    if len(frame):
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(frame) + 1}"
    return problems


def _about(lang: str, df: pd.DataFrame) -> pd.DataFrame:
    docs = load_documents()
    rows = [
        ("title", "vetcompare: numeric targets of vocational-education policy texts"),
        ("made", f"vetcompare {__version__}, {dt.date.today():%Y-%m-%d}"),
        ("rows", f"{len(df)} statements from {df['doc_id'].nunique()} documents"),
        ("cite", "Cite each number by its document (sheet sources) and its quote with source_start/source_end "
                 "(character offsets into the decoded text of data/sources in a checkout, vetcompare/data/sources when "
                 "installed)."),
        ("language", lang),
    ]
    rows += [(f"sheet {name}", text) for name, text in SHEETS.items()]
    rows += [(f"document {d.doc_id}", f"{d.region} {d.title} ({d.issued:%Y-%m-%d})") for d in docs.itertuples()]
    return pd.DataFrame(rows, columns=["item", "value"])


@reads_its_table
def write_workbook(path: str | Path, df: pd.DataFrame | None = None, *, lang: str = "zh") -> Path:
    """Write the workbook to ``path`` (atomically) and return the path."""
    from openpyxl import Workbook

    df = load_targets() if df is None else df
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ValueError(f"{path.name}: the workbook must be an .xlsx file")
    grid = side_by_side(df, lang=lang)
    wb = Workbook()
    wb.remove(wb.active)
    problems = _write_sheet(wb.create_sheet("targets"), df)
    problems += _write_sheet(wb.create_sheet("comparison"), grid, index=True, freeze="C2")
    problems += _write_sheet(wb.create_sheet("codebook"), load_codebook())
    problems += _write_sheet(wb.create_sheet("sources"), load_documents())
    problems += _write_sheet(wb.create_sheet("about"), _about(lang, df))
    if problems:
        raise DataError([Problem(f"{path.name}, {p.file}", p.row, p.column, p.message) for p in problems])
    with atomic_path(path) as tmp:
        wb.save(tmp)
    return path


def read_workbook(path: str | Path, sheet: str = "targets") -> pd.DataFrame:
    """Read the targets sheet of a workbook written by :func:`write_workbook` back to the schema's dtypes."""
    wb = open_workbook(path, read_only=True)
    if sheet not in wb.sheetnames:
        raise ValueError(f"{Path(path).name}: no sheet {sheet!r} (sheets: {', '.join(wb.sheetnames)})")
    rows = [[unescape(v) if isinstance(v, str) else v for v in row] for row in wb[sheet].iter_rows(values_only=True)]
    wb.close()
    header, body = [str(h) for h in rows[0]], rows[1:]
    frame = pd.DataFrame(body, columns=header)
    return schema.to_frame(frame, schema.TARGET_FIELDS) if sheet == "targets" else frame
