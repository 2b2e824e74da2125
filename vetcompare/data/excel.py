"""Excel cells that keep their text: shared by the workbook export and the curation sheets.

A text cell is always stored as a string (never as a formula, whatever it starts with) and
reads back exactly. Excel's XML cannot hold control characters, and it turns a carriage return
into a line feed; both are written with the escape Excel itself uses in its files (``_x000D_``
for CR; a literal ``_x`` sequence is protected as ``_x005F_``), which Excel shows as the character
and :func:`cell_text` turns back. A lone surrogate cannot be stored anywhere and is refused.
"""

from __future__ import annotations

import re
import unicodedata

from .csvio import LONE_SURROGATE
from .problems import BadInput

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_ESCAPE = re.compile(r"[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")
_UNESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


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
