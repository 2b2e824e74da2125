"""Curation sheets: an Excel workbook a researcher fills in, validated and brought into the dataset.

:func:`write_sheet` writes one row per statement (prefilled from the
extractor's candidates or from existing curated rows) with drop-down lists for
metric, kind, tier word, comparator, unit, year basis and basis.
:func:`read_sheet` reads it back as text cells, refusing what Excel or WPS can
silently break: formulas, merged cells, dates and error values are reported
by sheet, row and column instead of being turned into numbers.
:func:`import_sheet` validates the statements like a curated CSV file and
writes ``data/targets/<doc_id>.csv`` atomically only when there is no problem.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from . import schema
from .atomic import atomic_path, atomic_write_csv
from .export import _set_text, display_width
from .validate import DataError, Problem, Table

TARGETS = "targets"
LISTS = "lists"
ABOUT = "about"
HELPER_COLUMNS = ("sentence",)
"""Columns shown to help the curator and ignored on import."""
TIER_WORDS = ("国家级", "国家", "省级", "市级", "区级", "县级", "省级及以上", "市级及以上", "区级及以上")


def _choices(codebook: pd.DataFrame) -> dict[str, tuple[str, ...]]:
    return {
        "metric_id": tuple(codebook["metric_id"]),
        "kind": schema.KINDS,
        "tier_word": TIER_WORDS,
        "comparator": schema.COMPARATORS,
        "unit": schema.UNITS,
        "year_basis": schema.YEAR_BASES,
        "hedged": ("true", "false"),
        "basis": schema.BASES,
    }


def _curated_from_candidates(doc_id: str, candidates: pd.DataFrame, prefix: str, clean) -> pd.DataFrame:
    """Curated-shaped rows from extractor output: the number expression as the quote, to be widened."""
    rows = []
    for i, c in enumerate(candidates.to_dict("records"), start=1):
        start, end = int(c["start"]), int(c["end"])
        year = c.get("year")
        rows.append({
            "target_id": f"{prefix}-{i:02d}",
            "metric_id": c.get("metric_id") or "",
            "kind": c.get("kind") or "target",
            "tier_word": c.get("tier_word") or "",
            "comparator": c.get("comparator") or "eq",
            "value_low": c.get("value_low"),
            "value_high": c.get("value_high"),
            "unit": c.get("unit") or "",
            "year": "" if year is None or pd.isna(year) else str(int(year)),
            "year_basis": c.get("year_basis") or ("stated" if year is not None and not pd.isna(year) else "none"),
            "hedged": "true" if c.get("hedged") else "false",
            "basis": c.get("basis") or "level",
            "source_start": start,
            "source_end": end,
            "quote": clean.from_raw(start, end),
            "sentence": c.get("sentence") or "",
        })
    return pd.DataFrame(rows)


def curated_rows(doc_id: str) -> pd.DataFrame:
    """The curated file of ``doc_id`` exactly as written (text cells), to put into a sheet."""
    from .load import data_dir
    from .validate import read_csv

    table, problems = read_csv(data_dir() / "targets" / f"{doc_id}.csv")
    if problems:
        raise DataError(problems)
    return pd.DataFrame(table.rows, columns=table.columns, dtype=object)


def write_sheet(path: str | Path, doc_id: str, rows: pd.DataFrame | None = None,
                candidates: pd.DataFrame | None = None) -> Path:
    """Write a curation sheet for ``doc_id``: existing ``rows`` (curated columns) or extractor ``candidates``."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    from .load import clean_source, load_codebook, load_documents

    docs = load_documents().set_index("doc_id")
    if doc_id not in docs.index:
        raise KeyError(f"unknown document {doc_id!r}: register it first (python -m vetcompare new-document)")
    if rows is None:
        rows = (_curated_from_candidates(doc_id, candidates, docs.at[doc_id, "id_prefix"], clean_source(doc_id))
                if candidates is not None else pd.DataFrame(columns=schema.names(schema.CURATED_FIELDS)))
    columns = schema.names(schema.CURATED_FIELDS) + [c for c in HELPER_COLUMNS if c in rows.columns]
    wb = Workbook()
    ws = wb.active
    ws.title = TARGETS
    for j, name in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=j)
        _set_text(cell, name)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE6F0" if name not in HELPER_COLUMNS else "EEEEEE")
    widths = [display_width(c) for c in columns]
    for i, record in enumerate(rows.to_dict("records"), start=2):
        for j, name in enumerate(columns, start=1):
            value = record.get(name)
            if value is None or (not isinstance(value, str) and pd.isna(value)):
                continue
            cell = ws.cell(row=i, column=j)
            if isinstance(value, str) and name in _NUMERIC and _number(value) is not None:
                cell.value = _number(value)  # numbers stay numbers in Excel
            elif isinstance(value, str):
                _set_text(cell, value)
            else:
                cell.value = value.item() if hasattr(value, "item") else value
            widths[j - 1] = max(widths[j - 1], display_width(str(value)))
    for j, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = min(50, w + 2)
    ws.freeze_panes = "B2"
    lists = wb.create_sheet(LISTS)
    last_row = max(len(rows) + 200, 500)
    for j, (name, values) in enumerate(_choices(load_codebook()).items(), start=1):
        _set_text(lists.cell(row=1, column=j), name)
        for i, v in enumerate(values, start=2):
            _set_text(lists.cell(row=i, column=j), v)
        letter = get_column_letter(j)
        dv = DataValidation(type="list", formula1=f"={LISTS}!${letter}$2:${letter}${len(values) + 1}",
                            allow_blank=True, showErrorMessage=name != "tier_word")
        dv.error = f"choose a value from the list ({LISTS} sheet, column {name})"
        col = get_column_letter(columns.index(name) + 1)
        dv.add(f"{col}2:{col}{last_row}")
        ws.add_data_validation(dv)
    lists.sheet_state = "hidden"
    about = wb.create_sheet(ABOUT)
    for i, (k, v) in enumerate([("doc_id", doc_id), ("region", docs.at[doc_id, "region"]),
                                 ("title", docs.at[doc_id, "title"]),
                                 ("how", "One row per statement. Widen the quote to the whole statement and set "
                                         "source_start/source_end blank to have them found again; the columns in "
                                         "grey only help and are ignored. Then: python -m vetcompare import-sheet "
                                         "THIS_FILE")], start=1):
        _set_text(about.cell(row=i, column=1), k)
        _set_text(about.cell(row=i, column=2), str(v))
    path = Path(path)
    with atomic_path(path) as tmp:
        wb.save(tmp)
    return path


_NUMERIC = {f.name for f in schema.CURATED_FIELDS if f.dtype in ("int", "float")} | {"year"}


def _number(text: str) -> int | float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return int(value) if value.is_integer() else value


def _cell_text(cell) -> str:
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)) and "%" in (cell.number_format or ""):
        value = round(value * 100, 10)  # Excel keeps 70% as 0.7: read what the cell shows
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_sheet(path: str | Path) -> tuple[str, Table, list[Problem]]:
    """The doc_id, the statements as text cells with their Excel row numbers, and the problems found."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    path = Path(path)
    label = f"{path.name}, sheet {TARGETS!r}"
    try:
        wb = load_workbook(path, data_only=False)
    except (InvalidFileException, OSError, KeyError, ValueError) as exc:
        raise DataError([Problem(path.name, None, None, f"not a readable .xlsx workbook ({exc})",
                                 "save the sheet from Excel or WPS as .xlsx")]) from None
    problems: list[Problem] = []
    doc_id = path.stem
    if ABOUT in wb.sheetnames and wb[ABOUT]["A1"].value == "doc_id" and wb[ABOUT]["B1"].value:
        doc_id = str(wb[ABOUT]["B1"].value).strip()
    if TARGETS not in wb.sheetnames:
        raise DataError([Problem(path.name, None, None, f"no sheet named {TARGETS!r} (sheets: "
                                 f"{', '.join(wb.sheetnames)})", f"rename the sheet of statements to {TARGETS!r}")])
    ws = wb[TARGETS]
    for merged in ws.merged_cells.ranges:
        problems.append(Problem(label, merged.min_row, None, f"cells {merged.coord} are merged",
                                "unmerge them and fill in every cell"))
    grid = list(ws.iter_rows())
    if not grid:
        return doc_id, Table(label, [], [], []), [Problem(label, None, None, "the sheet is empty",
                                                          "restore the header row and the statements")]
    header = [_cell_text(c).strip() for c in grid[0]]
    while header and not header[-1]:
        header.pop()
    rows, lines = [], []
    for cells in grid[1:]:
        cells = cells[: len(header)]
        if all(c.value is None or str(c.value).strip() == "" for c in cells):
            continue
        record = {}
        for name, cell in zip(header, cells):
            column = name or cell.column_letter
            if cell.data_type == "f":
                problems.append(Problem(label, cell.row, column, f"cell {cell.coordinate} holds a formula "
                                        f"({cell.value})", "type the value itself; formulas are not read"))
                record[name] = ""
            elif cell.data_type == "e":
                problems.append(Problem(label, cell.row, column, f"cell {cell.coordinate} holds an error "
                                        f"({cell.value})", "type the value itself"))
                record[name] = ""
            elif isinstance(cell.value, (dt.datetime, dt.date, dt.time)):
                problems.append(Problem(label, cell.row, column, f"cell {cell.coordinate} holds a date "
                                        f"({cell.value})", "format the cell as text and type the value "
                                        "(a year as 2025)"))
                record[name] = ""
            else:
                record[name] = _cell_text(cell)
        rows.append(record)
        lines.append(cells[0].row)
    ignored = [h for h in header if h in HELPER_COLUMNS]
    header = [h for h in header if h not in HELPER_COLUMNS]
    for r in rows:
        for h in ignored:
            r.pop(h, None)
    if not rows:
        problems.append(Problem(label, None, None, "the sheet has a header but no statements", "add the rows"))
    return doc_id, Table(label, header, rows, lines), problems


def _without_consequences(problems: list[Problem]) -> list[Problem]:
    """Drop problems that only follow from another on the same row (an empty offset after a bad quote,
    one missing end after a formula or merged cell), so that each mistake is named once."""
    causes = {(p.row, p.column) for p in problems}
    merged_rows = {p.row for p in problems if p.column is None and "merged" in p.message}
    out = []
    for p in problems:
        if p.column in ("source_start", "source_end") and p.message == "is empty" and (p.row, "quote") in causes:
            continue
        if "only one end" in p.message and ({(p.row, "value_low"), (p.row, "value_high")} & causes
                                            or p.row in merged_rows):
            continue
        out.append(p)
    return out


def import_sheet(path: str | Path, *, write: bool = True) -> pd.DataFrame:
    """Validate a curation sheet; if it has no problem, write ``data/targets/<doc_id>.csv`` and return the rows."""
    from .curated import check_curated_table, fill_offsets_in
    from .load import clean_source, data_dir, load_codebook, load_documents, reload

    doc_id, table, problems = read_sheet(path)
    if doc_id not in set(load_documents()["doc_id"]):
        problems.append(Problem(Path(path).name, None, None, f"document {doc_id!r} is not registered in "
                                f"{data_dir()}", "if you registered it in another data folder, set "
                                "VETCOMPARE_DATA to that folder; otherwise register it with python -m vetcompare "
                                f"new-document, or correct doc_id in the {ABOUT!r} sheet"))
        raise DataError(problems)
    clean = clean_source(doc_id)
    problems += fill_offsets_in(table, clean)
    rows, more = check_curated_table(table, doc_id, documents=load_documents(), codebook=load_codebook(),
                                     clean_source=clean_source)
    problems += more
    if problems:
        raise DataError(_without_consequences(problems))
    if write:
        atomic_write_csv(data_dir() / "targets" / f"{doc_id}.csv", schema.names(schema.CURATED_FIELDS), table.rows)
        reload()
    df = schema.to_frame(rows, schema.CURATED_FIELDS, year="int")
    df.insert(1, "doc_id", doc_id)
    return df
