"""Cells of a table against its schema: types, required cells, allowed values, unique ids.

Every problem is returned (not raised) with file, row and column, so that a file's mistakes are
reported all at once.
"""

from __future__ import annotations

import math
import re
from datetime import date

from .. import schema
from .csvio import Table, direction_control
from .problems import Problem


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


def check_table(table: Table, fields: tuple[schema.Field, ...], *, extra: str = "refuse",
                deferred: tuple[str, ...] = ()) -> tuple[list[dict], list[Problem]]:
    """Check columns, required cells, types and allowed values; return typed rows and problems.

    An empty required cell named in ``deferred`` is left for a later rule to report."""
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
            out[f.name], problem = _read_cell(row.get(f.name, "").strip(), f, table.file, line, deferred)
            problems += [problem] if problem else []
        typed.append(out)
    return typed, problems


def _read_cell(cell: str, f: schema.Field, file: str, line: int, deferred: tuple[str, ...]):
    """The typed value of one trimmed cell and its problem (or None): empty, a direction control, the
    wrong type, or a value not allowed."""
    if not cell:
        if f.required and f.name not in deferred:
            return None, Problem(file, line, f.name, "is empty", f"fill in {f.name}: {f.description}")
        return None, None
    control = direction_control(cell)
    if control:
        return None, Problem(file, line, f.name, control, "delete it (it was probably pasted with the text)")
    try:
        value = convert(cell, f.dtype)
    except ValueError as exc:
        return None, Problem(file, line, f.name, str(exc), f"{f.name} takes: {f.description}")
    if f.allowed is not None and value not in f.allowed:
        return None, Problem(file, line, f.name, f"{cell!r} is not allowed", f"use one of: {', '.join(f.allowed)}")
    return value, None


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
