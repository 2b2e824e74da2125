"""CSV files of the data folder: read as text cells with the line each row starts on, and written
so that every text reads back exactly.

Reading splits rows the way the csv module does (quoted fields may hold line breaks, and U+2028 or
U+2029 never end a row). Writing quotes every field that holds a comma, a quote, a CR or LF or
surrounding spaces, and refuses what UTF-8 cannot store (a lone surrogate) with a problem naming
the row and column, before anything is written.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from .problems import DataError, Problem
from .safe import atomic_write_bytes

_NEEDS_QUOTES = re.compile(r'[,"\r\n]|^\s|\s$')
FIELD_LIMIT = 2**31 - 1
"""Characters one CSV field may hold when read: what was written is read back (the csv module's own
limit, 131,072, would make a folder unreadable after a long damage note was pasted into it)."""
LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")
BIDI_CONTROL = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Invisible controls of writing direction (U+202E and its kin): in a title or a region they reverse the
text after them in every heading and citation, so no table of vetcompare holds them."""


def direction_control(text: str) -> str | None:
    """What is wrong with ``text`` if it holds a direction control (:data:`BIDI_CONTROL`), else None."""
    found = BIDI_CONTROL.search(text)
    return None if found is None else (f"holds an invisible direction control (U+{ord(found.group()):04X}) that "
                                       "reverses the text after it")


@dataclass
class Table:
    """Rows of a CSV file (or a sheet) as strings, with the line number each row starts on."""

    file: str
    columns: list[str]
    rows: list[dict[str, str]]
    lines: list[int]


def read_csv(path: Path | str, label: str | None = None) -> tuple[Table, list[Problem]]:
    """Read a UTF-8 CSV file as strings; problems with its shape are returned, not raised."""
    path = Path(path)
    name = label or path.name
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Table(name, [], [], []), [Problem(name, None, None, f"not UTF-8 text ({exc.reason} at byte "
                                                 f"{exc.start})", "save the file as UTF-8 CSV")]
    except OSError as exc:
        return Table(name, [], [], []), [Problem(name, None, None, f"cannot be read ({exc.strerror})",
                                                 "check that the file exists and can be read")]
    csv.field_size_limit(max(csv.field_size_limit(), FIELD_LIMIT))
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None:
        return Table(name, [], [], []), [Problem(name, None, None, "the file is empty",
                                                 "restore the header line and the rows")]
    header = [h.strip() for h in header]
    problems = [Problem(name, 1, h, "column appears more than once", "keep one of them")
                for h in sorted({h for h in header if header.count(h) > 1})]
    rows, lines = [], []
    line = reader.line_num + 1
    for values in reader:
        if any(v.strip() for v in values):
            if len(values) != len(header):
                problems.append(Problem(name, line, None, f"{len(values)} fields where the header has "
                                        f"{len(header)}", "check for a stray or missing comma or quote"))
            rows.append(dict(zip(header, (values + [""] * len(header))[: len(header)])))
            lines.append(line)
        line = reader.line_num + 1
    if not rows:
        problems.append(Problem(name, None, None, "the file has a header but no rows", "add the rows"))
    return Table(name, header, rows, lines), problems


def _field(value) -> str:
    text = "" if value is None else str(value)
    return '"' + text.replace('"', '""') + '"' if _NEEDS_QUOTES.search(text) else text


def csv_text(columns: list[str], rows: list[dict], label: str = "CSV") -> str:
    """The CSV text of ``rows`` (other keys ignored); raise :class:`DataError` for what UTF-8 cannot hold."""
    problems = surrogate_problems(rows, columns, label)
    if problems:
        raise DataError(problems)
    lines = [",".join(_field(c) for c in columns)]
    lines += [",".join(_field(row.get(c)) for c in columns) for row in rows]
    return "\n".join(lines) + "\n"


def surrogate_problems(rows: list[dict], columns: list[str], label: str, *, name_statement: bool = False
                       ) -> list[Problem]:
    """Text cells of ``rows`` that no file can store (a lone surrogate), by row as a written file numbers it
    (the header is row 1) and column; with ``name_statement``, the row's target id is said too."""
    problems = []
    for line, row in enumerate(rows, start=2):
        who = f" (statement {row['target_id']})" if name_statement and "target_id" in row else ""
        problems += [Problem(label, line, column, f"holds a lone surrogate character{who}, which no file can store",
                             "retype the text; it was probably pasted from a damaged source")
                     for column in columns if isinstance(row.get(column), str) and LONE_SURROGATE.search(row[column])]
    return problems


def frame_text_problems(df, label: str) -> list[Problem]:
    """:func:`surrogate_problems` of a table of statements (each problem names its statement)."""
    return surrogate_problems(df.to_dict("records"), [str(c) for c in df.columns], label, name_statement=True)


def write_csv(path: Path | str, columns: list[str], rows: list[dict]) -> Path:
    """Write ``rows`` as a UTF-8 CSV file with ``columns``, atomically; every text reads back exactly."""
    return atomic_write_bytes(path, csv_text(columns, rows, Path(path).name).encode("utf-8"))
