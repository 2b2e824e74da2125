"""Excel cells that keep their text: shared by the workbook export and the curation sheets.

A text cell is always stored as a string (never as a formula, whatever it starts with) and
reads back exactly. Excel's XML cannot hold control characters, and it turns a carriage return
into a line feed; both are written with the escape Excel itself uses in its files (``_x000D_``
for CR; a literal ``_x`` sequence is protected as ``_x005F_``), which Excel shows as the character
and :func:`cell_text` turns back. A lone surrogate cannot be stored anywhere and is refused.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from .csvio import LONE_SURROGATE
from .problems import BadInput, Problem

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_ESCAPE = re.compile(r"[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")
_UNESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_BOOLEAN_FORMULA = re.compile(r"=\s*(TRUE|FALSE)\s*(\(\s*\))?\s*", re.IGNORECASE)
"""How LibreOffice Calc saves a boolean cell of an .xlsx: as the formula =TRUE() or =FALSE()."""


class CellError(ValueError):
    """A text that no Excel cell can hold."""


def escape(text: str) -> str:
    """``text`` with the characters Excel's XML cannot hold written as ``_xHHHH_``."""
    if LONE_SURROGATE.search(text):
        raise CellError("holds a lone surrogate character, which no file can store; retype the text")
    return _ESCAPE.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


def unescape(text: str) -> str:
    """The text an escaped cell stands for."""
    return _UNESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


def set_text(cell, text: str) -> None:
    """Store ``text`` as a string cell that reads back exactly and is never a formula."""
    cell.value = escape(text)
    cell.data_type = "s"
    if text.startswith(FORMULA_STARTS):
        cell.quotePrefix = True


def open_workbook(path, *, read_only: bool = False):
    """An .xlsx workbook, or :class:`BadInput` naming the file when it is not one (truncated, zero bytes,
    password-protected, a renamed CSV, or XML that declares entities)."""
    from openpyxl import load_workbook  # openpyxl costs 0.2 s to import: only when a workbook is opened

    try:
        return load_workbook(path, read_only=read_only, data_only=False)
    except Exception as exc:  # noqa: BLE001 - zip, XML and openpyxl errors all mean: not a workbook we can read
        first = str(exc).splitlines()[0][:80] if str(exc) else ""
        reason = f"{type(exc).__name__}: {first}" if first else type(exc).__name__
        raise BadInput(f"{path}: not a readable .xlsx workbook ({reason}); open it in Excel or WPS and save it "
                       "again as .xlsx (not password-protected)") from None


def display_width(text: str) -> int:
    """Columns a string takes on screen: wide and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _boolean_formula(cell) -> bool | None:
    """The value of a cell that LibreOffice saved as =TRUE() or =FALSE(); None for any other cell."""
    if cell.data_type != "f" or not isinstance(cell.value, str):
        return None
    m = _BOOLEAN_FORMULA.fullmatch(cell.value)
    return None if m is None else m.group(1).upper() == "TRUE"


def _scales_by_100(number_format: str) -> bool:
    """Whether a number format shows a percentage of the value (0%: 0.7 shows 70%); a quoted or escaped
    sign ("%" or \\%) is only a sign after the value as it is (60 shows 60%)."""
    return "%" in re.sub(r'"[^"]*"|\\.', "", number_format)


def cell_text(cell) -> str:
    """What a cell shows, as text: true/false for a boolean (LibreOffice's =TRUE() too), a whole number
    without ``.0``, a percentage-formatted 0.7 as 70, an escaped text as the text it stands for."""
    boolean = _boolean_formula(cell)
    value = cell.value if boolean is None else boolean
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)) and _scales_by_100(getattr(cell, "number_format", "") or ""):
        value = round(value * 100, 10)  # Excel keeps 70% as 0.7: read what the cell shows
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return unescape(str(value))


def cell_problem(cell, label: str, column: str, row: int) -> Problem | None:
    """Why a cell cannot be read as typed text (a formula, an error value, a date), or None."""
    where = f"{cell.column_letter}{row}" if hasattr(cell, "column_letter") else f"row {row}"
    if cell.data_type == "f" and _boolean_formula(cell) is None:
        return Problem(label, row, column, f"cell {where} holds a formula ({cell.value})",
                       "type the value itself; formulas are not read")
    if cell.data_type == "e":
        return Problem(label, row, column, f"cell {where} holds an error ({cell.value})", "type the value itself")
    if isinstance(cell.value, (dt.datetime, dt.date, dt.time)):
        return Problem(label, row, column, f"cell {where} holds a date ({cell.value})",
                       "format the cell as text and type the value (a year as 2025)")
    return None


def read_rows(stream, label: str) -> tuple[list[str], list[dict], list[int], list[Problem]]:
    """Header, non-empty rows as text with their Excel row numbers, and cell problems.

    Every row the sheet holds is read, whatever used range it declares: some writers leave the
    ``<dimension>`` of a sheet smaller than its rows, and Excel and WPS show them all."""
    stream.reset_dimensions()  # a read-only sheet, as open_workbook(path, read_only=True) gives
    rows, lines, problems, header = [], [], [], None
    for number, cells in enumerate(stream.iter_rows(), start=1):
        if header is None:
            header = [cell_text(c).strip() for c in cells]
            while header and not header[-1]:
                header.pop()
            continue
        cells = cells[: len(header)]
        if all(c.value is None or str(c.value).strip() == "" for c in cells):
            continue
        record = {}
        for name, cell in zip(header, cells):
            problem = cell_problem(cell, label, name or "?", number)
            problems += [problem] if problem else []
            record[name] = "" if problem else cell_text(cell)
        rows.append(record)
        lines.append(number)
    return header or [], rows, lines, problems
