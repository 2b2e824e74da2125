"""Curation sheets: an Excel workbook a researcher fills in, written and read back (Excel only).

:func:`write_sheet` writes one row per statement (prefilled from the extractor's candidates or
from existing curated rows) with drop-down lists for metric (its Chinese label beside the id),
kind, tier word, comparator, unit, year basis and basis. :func:`read_sheet` reads it back as text
cells, refusing what Excel or WPS can silently break: formulas, merged cells, dates and error
values are reported by sheet, row and column instead of being turned into numbers. Importing the
statements is :mod:`vetcompare.curation.importing`.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .. import schema
from ..candidates import curated_from_candidates
from ..data.csvio import Table, read_csv
from ..data.excel import CellError, display_width, open_workbook, read_rows, set_text
from ..data.folder import DataFolder, folder
from ..data.problems import DataError, Problem
from ..data.safe import atomic_path
from ..text.rules import TIER_WORD_CHOICES

TARGETS = "targets"
LISTS = "lists"
ABOUT = "about"
HELPER_COLUMNS = ("metric_confidence", "sentence")
"""Columns shown to help the curator and ignored on import: how sure the metric guess is (high: the
words naming the number match a rule; medium: only its clause does; none: no guess), and the sentence."""
LABEL_SEP = " · "
"""Between a metric id and its Chinese label in the drop-down; the import keeps what comes before."""
_NUMERIC = {name for name in schema.CURATED_COLUMNS if schema.STATEMENT_COLUMNS[name].dtype in ("int", "float")}
HOW = ("One row per statement. Widen the quote to the whole statement and set source_start/source_end blank to "
       "have them found again; the columns in grey only help and are ignored. Then: python -m vetcompare "
       "import-sheet THIS_FILE")


def _choices(codebook: pd.DataFrame) -> dict[str, tuple[str, ...]]:
    return {
        "metric_id": tuple(f"{m}{LABEL_SEP}{label}" for m, label in zip(codebook["metric_id"], codebook["label_zh"])),
        "kind": schema.KINDS,
        "tier_word": TIER_WORD_CHOICES,
        "comparator": schema.COMPARATORS,
        "unit": schema.UNITS,
        "year_basis": schema.YEAR_BASES,
        "hedged": ("true", "false"),
        "basis": schema.BASES,
    }


def curated_rows(doc_id: str, data: DataFolder | str | Path | None = None) -> pd.DataFrame:
    """The curated file of ``doc_id`` exactly as written (text cells), to put into a sheet."""
    table, problems = read_csv(folder(data).curated_path(doc_id))
    if problems:
        raise DataError(problems)
    return pd.DataFrame(table.rows, columns=table.columns, dtype=object)


def write_sheet(path: str | Path, doc_id: str, rows: pd.DataFrame | None = None,
                candidates: pd.DataFrame | None = None, data: DataFolder | str | Path | None = None) -> Path:
    """Write a curation sheet for ``doc_id``: existing ``rows`` (curated columns) or extractor ``candidates``."""
    from openpyxl import Workbook

    data = folder(data)
    doc = data.document(doc_id)
    if rows is None:
        rows = (curated_from_candidates(candidates, doc["id_prefix"], data.clean_source(doc_id))
                if candidates is not None else pd.DataFrame(columns=list(schema.CURATED_COLUMNS)))
    columns = list(schema.CURATED_COLUMNS) + [c for c in HELPER_COLUMNS if c in rows.columns]
    wb = Workbook()
    ws = wb.active
    ws.title = TARGETS
    path = Path(path)
    problems = _write_rows(ws, columns, rows, f"{path.name}, sheet {TARGETS!r}")
    if problems:
        raise DataError(problems)
    _write_lists(wb, ws, columns, data.codebook(), max(len(rows) + 200, 500))
    about = wb.create_sheet(ABOUT)
    for i, (key, value) in enumerate([("doc_id", doc_id), ("region", doc["region"]), ("title", doc["title"]),
                                      ("how", HOW)], start=1):
        set_text(about.cell(row=i, column=1), key)
        set_text(about.cell(row=i, column=2), str(value))
    with atomic_path(path) as tmp:
        wb.save(tmp)
    return path


def _write_rows(ws, columns: list[str], rows: pd.DataFrame, label: str) -> list[Problem]:
    """Header and statements; numbers stay numbers; a text no cell can hold is a problem."""
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    for j, name in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=j)
        set_text(cell, name)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="EEEEEE" if name in HELPER_COLUMNS else "DDE6F0")
    widths = [display_width(c) for c in columns]
    problems = []
    for i, record in enumerate(rows.to_dict("records"), start=2):
        for j, name in enumerate(columns, start=1):
            value = record.get(name)
            if value is None or (not isinstance(value, str) and pd.isna(value)):
                continue
            try:
                _write_cell(ws.cell(row=i, column=j), name, value)
            except CellError as exc:
                problems.append(Problem(label, i, name, str(exc)))
            widths[j - 1] = max(widths[j - 1], display_width(str(value)))
    for j, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = min(50, width + 2)
    ws.freeze_panes = "B2"
    return problems


def _write_cell(cell, name: str, value) -> None:
    if isinstance(value, str) and name in _NUMERIC and _number(value) is not None:
        cell.value = _number(value)  # numbers stay numbers in Excel
    elif isinstance(value, str):
        set_text(cell, value)
    else:
        cell.value = value.item() if hasattr(value, "item") else value


def _write_lists(wb, ws, columns: list[str], codebook: pd.DataFrame, last_row: int) -> None:
    """The hidden sheet of allowed values, and a drop-down on each coded column."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    lists = wb.create_sheet(LISTS)
    for j, (name, values) in enumerate(_choices(codebook).items(), start=1):
        set_text(lists.cell(row=1, column=j), name)
        for i, value in enumerate(values, start=2):
            set_text(lists.cell(row=i, column=j), value)
        letter = get_column_letter(j)
        dv = DataValidation(type="list", formula1=f"={LISTS}!${letter}$2:${letter}${len(values) + 1}",
                            allow_blank=True, showErrorMessage=name not in ("tier_word", "metric_id"))
        dv.error = f"choose a value from the list ({LISTS} sheet, column {name})"
        col = get_column_letter(columns.index(name) + 1)
        dv.add(f"{col}2:{col}{last_row}")
        ws.add_data_validation(dv)
    lists.sheet_state = "hidden"


def _number(text: str) -> int | float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return int(value) if value.is_integer() else value


def _open(path: Path):
    """The workbook twice: in full (merged cells, the about sheet) and streamed (the rows, fast even
    when a stray cell sits a million rows down)."""
    return open_workbook(path), open_workbook(path, read_only=True)


def _sheet_doc_id(wb, path: Path) -> str:
    if ABOUT in wb.sheetnames and wb[ABOUT]["A1"].value == "doc_id" and wb[ABOUT]["B1"].value:
        return str(wb[ABOUT]["B1"].value).strip()
    return path.stem


def read_sheet(path: str | Path) -> tuple[str, Table, list[Problem]]:
    """The doc_id, the statements as text cells with their Excel row numbers, and the problems found."""
    path = Path(path)
    label = f"{path.name}, sheet {TARGETS!r}"
    wb, streamed = _open(path)
    if TARGETS not in wb.sheetnames:
        raise DataError([Problem(path.name, None, None, f"no sheet named {TARGETS!r} (sheets: "
                                 f"{', '.join(wb.sheetnames)})", f"rename the sheet of statements to {TARGETS!r}")])
    problems = [Problem(label, m.min_row, None, f"cells {m.coord} are merged", "unmerge them and fill in every cell")
                for m in wb[TARGETS].merged_cells.ranges]
    header, rows, lines, more = read_rows(streamed[TARGETS], label)
    streamed.close()
    problems += more
    if not header:
        return _sheet_doc_id(wb, path), Table(label, [], [], []), problems + [Problem(
            label, None, None, "the sheet is empty", "restore the header row and the statements")]
    for record in rows:
        if LABEL_SEP in record.get("metric_id", ""):
            record["metric_id"] = record["metric_id"].split(LABEL_SEP)[0]
        for helper in HELPER_COLUMNS:
            record.pop(helper, None)
    if not rows:
        problems.append(Problem(label, None, None, "the sheet has a header but no statements", "add the rows"))
    return _sheet_doc_id(wb, path), Table(label, [h for h in header if h not in HELPER_COLUMNS], rows, lines), problems
