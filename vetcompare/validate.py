"""Checks of the data files, reporting every problem with file, row and column.

A curated file is checked as a whole and all its problems are reported at
once, each saying where it is (file, row as the line number a spreadsheet or
text editor shows, column) and how to fix it.
"""

from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from . import schema


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a data file."""

    file: str
    row: int | None  # line number (the header is line 1); None for the whole file
    column: str | None
    message: str
    fix: str = ""

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column:
            where += f", column {self.column!r}"
        text = f"{where}: {self.message}"
        return f"{text} (fix: {self.fix})" if self.fix else text


class DataError(ValueError):
    """A data file is wrong; ``problems`` lists every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        head = f"{len(self.problems)} problem(s) in the data:"
        super().__init__("\n".join([head] + [f"- {p}" for p in self.problems]))


@dataclass
class Table:
    """Rows of a CSV file as strings, with the line number each row starts on."""

    file: str
    columns: list[str]
    rows: list[dict[str, str]]
    lines: list[int]


def read_csv(path: Path | str, label: str | None = None) -> tuple[Table, list[Problem]]:
    """Read a UTF-8 CSV file as strings; problems with its shape are returned, not raised."""
    path = Path(path)
    name = label or path.name
    problems: list[Problem] = []
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Table(name, [], [], []), [Problem(name, None, None, f"not UTF-8 text ({exc.reason} at byte "
                                                 f"{exc.start})", "save the file as UTF-8 CSV")]
    reader = csv.reader(text.splitlines(keepends=True))
    try:
        header = next(reader)
    except StopIteration:
        return Table(name, [], [], []), [Problem(name, None, None, "the file is empty",
                                                 "restore the header line and the rows")]
    header = [h.strip() for h in header]
    dupes = sorted({h for h in header if header.count(h) > 1})
    for h in dupes:
        problems.append(Problem(name, 1, h, "column appears more than once", "keep one of them"))
    rows, lines = [], []
    line = reader.line_num + 1
    for values in reader:
        if not any(v.strip() for v in values):
            line = reader.line_num + 1
            continue
        if len(values) != len(header):
            problems.append(Problem(name, line, None, f"{len(values)} fields where the header has "
                                    f"{len(header)}", "check for a stray or missing comma or quote"))
        values = (values + [""] * len(header))[: len(header)]
        rows.append(dict(zip(header, values)))
        lines.append(line)
        line = reader.line_num + 1
    if not rows:
        problems.append(Problem(name, None, None, "the file has a header but no rows", "add the rows"))
    return Table(name, header, rows, lines), problems


_INT = re.compile(r"[+-]?\d+")
_FLOAT = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_BOOL = {"true": True, "false": False}


def convert(value: str, dtype: str):
    """Parse one cell; raise ValueError with a reason when it does not fit ``dtype``."""
    v = value.strip()
    if dtype == "str":
        return v
    if dtype == "int":
        if not _INT.fullmatch(v):
            raise ValueError(f"{value!r} is not a whole number")
        return int(v)
    if dtype == "float":
        if not _FLOAT.fullmatch(v):
            raise ValueError(f"{value!r} is not a number (write digits such as 140000 or 1.5, no units)")
        out = float(v)
        if math.isinf(out):
            raise ValueError(f"{value!r} is too large")
        return out
    if dtype == "bool":
        if v.lower() not in _BOOL:
            raise ValueError(f"{value!r} is not true or false")
        return _BOOL[v.lower()]
    if dtype == "date":
        try:
            return date.fromisoformat(v)
        except ValueError:
            raise ValueError(f"{value!r} is not a date written YYYY-MM-DD") from None
    raise KeyError(dtype)


def check_table(table: Table, fields: tuple[schema.Field, ...], *, extra: str = "refuse") -> tuple[list[dict], list[Problem]]:
    """Check columns, required cells, types and allowed values; return typed rows and problems."""
    problems: list[Problem] = []
    wanted = schema.names(fields)
    for name in wanted:
        if name not in table.columns:
            problems.append(Problem(table.file, 1, name, "column is missing",
                                    f"add a column named {name!r} (columns: {', '.join(wanted)})"))
    for name in table.columns:
        if name not in wanted and extra == "refuse":
            problems.append(Problem(table.file, 1, name, "unexpected column",
                                    f"remove it or rename it to one of: {', '.join(wanted)}"))
    typed: list[dict] = []
    for row, line in zip(table.rows, table.lines):
        out: dict = {}
        for f in fields:
            if f.name not in table.columns:
                out[f.name] = None
                continue
            cell = row.get(f.name, "").strip()
            if not cell:
                if f.required:
                    problems.append(Problem(table.file, line, f.name, "is empty", f"fill in {f.name}: {f.description}"))
                out[f.name] = None
                continue
            try:
                out[f.name] = convert(cell, f.dtype)
            except ValueError as exc:
                problems.append(Problem(table.file, line, f.name, str(exc), f"{f.name} takes: {f.description}"))
                out[f.name] = None
                continue
            if f.allowed is not None and out[f.name] not in f.allowed:
                problems.append(Problem(table.file, line, f.name, f"{cell!r} is not allowed",
                                        f"use one of: {', '.join(f.allowed)}"))
                out[f.name] = None
        typed.append(out)
    return typed, problems


def check_unique(table: Table, rows: list[dict], column: str) -> list[Problem]:
    """Every value of ``column`` appears once."""
    seen: dict[object, int] = {}
    problems = []
    for row, line in zip(rows, table.lines):
        key = row.get(column)
        if key is None:
            continue
        if key in seen:
            problems.append(Problem(table.file, line, column, f"{key!r} already used on row {seen[key]}",
                                    "give each row its own id"))
        else:
            seen[key] = line
    return problems
