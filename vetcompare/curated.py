"""Checks of one curated target file (data/targets/<doc_id>.csv).

Beyond types and allowed values (see :mod:`vetcompare.validate`) a curated row
must name a known metric in the metric's unit, keep low <= high, give a year
in range, and point at the exact words it was read from: the cleaned text
between its offsets must equal its quote, and the quote must state its value.
Repairs and clean-ups inside a row's span are added to its note, so that every
repaired value says so.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pandas as pd

from . import schema
from .rules import normalise_tier, to_year
from .text import CleanText
from .validate import Problem, Table, check_table, check_unique, read_csv

ALL_WORDS = ("全部", "所有")
"""Words that state a share of 100% (区直属公办中职学校办学条件全部达到...)."""

_UNIT_MATCH = {  # curated unit -> units the number parser may report for it
    "count": {"count", ""},
    "times_per_year": {"times", "count", ""},
    "rank": {"rank", "count", ""},
}


def _states_value(quote: str, low: float, high: float, unit: str) -> bool:
    """True if the quote states the value low..high (after units and multipliers)."""
    from .numbers import find_quantities

    if unit == "percent" and low == high == 100 and any(w in quote for w in ALL_WORDS):
        return True
    allowed = _UNIT_MATCH.get(unit, {unit})
    for q in find_quantities(quote):
        if q.unit in allowed and q.value_low == low and q.value_high == high:
            return True
    return False


def _cleanup_notes(clean: CleanText, start: int, end: int) -> list[str]:
    """Notes for what cleaning changed inside raw span start:end."""
    notes = [r.note for r in clean.repairs_in(start, end)]
    raw = clean.raw[start:end]
    wrapped = "\n" in raw
    spaced = raw.replace("\n", "").count(" ") > clean.from_raw(start, end).count(" ")
    if wrapped or spaced:
        notes.append({(True, False): "PDF line wrap joined", (False, True): "PDF spaces around numbers removed",
                      (True, True): "PDF line wrap joined and spaces around numbers removed"}[wrapped, spaced])
    return notes


def check_curated(
    path: Path,
    *,
    documents: pd.DataFrame,
    codebook: pd.DataFrame,
    clean_source: Callable[[str], CleanText],
) -> tuple[list[dict], list[Problem]]:
    """Typed rows of a curated CSV file (named after its doc_id) and every problem found in it."""
    table, problems = read_csv(path)
    rows, more = check_curated_table(table, path.stem, documents=documents, codebook=codebook,
                                     clean_source=clean_source)
    return rows, problems + more


def check_curated_table(
    table: Table,
    doc_id: str,
    *,
    documents: pd.DataFrame,
    codebook: pd.DataFrame,
    clean_source: Callable[[str], CleanText],
    extra: str = "refuse",
) -> tuple[list[dict], list[Problem]]:
    """Typed rows of curated statements of ``doc_id`` (from a CSV file or a sheet) and their problems."""
    if not table.rows:
        return [], []
    rows, problems = check_table(table, schema.CURATED_FIELDS, extra=extra)
    problems += check_unique(table, rows, "target_id")
    name = table.file
    docs = documents.set_index("doc_id")
    if doc_id not in docs.index:
        problems.append(Problem(name, None, None, f"{doc_id!r} is not a registered document",
                                f"name the file after a doc_id in documents.csv ({', '.join(docs.index)})"))
        return rows, problems
    doc = docs.loc[doc_id]
    units = dict(zip(codebook["metric_id"], codebook["unit"]))
    clean = clean_source(doc_id)
    ids = {r["target_id"] for r in rows if r["target_id"]}
    for row, line in zip(rows, table.lines):
        def bad(column: str, message: str, fix: str) -> None:
            problems.append(Problem(name, line, column, message, fix))

        tid = row["target_id"]
        if tid and not tid.startswith(doc["id_prefix"] + "-"):
            bad("target_id", f"{tid!r} does not start with {doc['id_prefix']}-",
                f"ids of {doc_id} are {doc['id_prefix']}-NN")
        metric = row["metric_id"]
        if metric is not None and metric not in units:
            bad("metric_id", f"unknown metric {metric!r}", "use a metric_id from codebook.csv or add it there")
        elif metric is not None and row["unit"] is not None and row["unit"] != units[metric]:
            bad("unit", f"{row['unit']!r} but {metric} is measured in {units[metric]!r}",
                f"convert the value to {units[metric]} or choose another metric")
        try:
            normalise_tier(row["tier_word"], doc["city_tier"])
        except ValueError as exc:
            bad("tier_word", str(exc), "write the document's tier word, e.g. 国家级 or 市级及以上")
        low, high, note = row["value_low"], row["value_high"], row["note"] or ""
        if (low is None) != (high is None):
            bad("value_high" if high is None else "value_low", "only one end of the value is given",
                "give both ends (equal for a single value) or neither for a qualitative statement")
        elif low is None and not note and not any(p.row == line and p.column in ("value_low", "value_high")
                                                  for p in problems):
            bad("note", "a row without a value needs a note saying why", "explain the qualitative statement")
        elif low is not None and low > high:
            bad("value_low", f"low {low:g} is greater than high {high:g}", "swap the two ends")
        elif low is not None and row["unit"] == "percent" and high > 100 and not note:
            bad("value_high", f"{high:g}% is over 100", "check the value, or explain it in note")
        try:
            year = to_year(row["year"])
        except ValueError as exc:
            bad("year", str(exc), "write a year such as 2025 or a period such as 十四五")
            year = None
        if year is not None and not schema.YEAR_RANGE[0] <= year <= schema.YEAR_RANGE[1]:
            bad("year", f"{year} is outside {schema.YEAR_RANGE[0]}–{schema.YEAR_RANGE[1]}", "check the year")
        if year is None and row["kind"] in ("target", "baseline") and not note and row["year"] is None:
            bad("year", f"a {row['kind']} needs a year", "give the year, or explain in note why there is none")
        row["year"] = year
        rep = row["repeats"]
        if rep is not None and (rep == tid or rep not in ids):
            bad("repeats", f"{rep!r} is not another row of this file", "name the target_id this row repeats")
        start, end = row["source_start"], row["source_end"]
        if start is None or end is None:
            continue
        if not 0 <= start < end <= len(clean.raw):
            bad("source_start", f"offsets {start}:{end} are outside the text (0:{len(clean.raw)})",
                "recompute the offsets from the quote (python -m vetcompare locate)")
            continue
        found = clean.from_raw(start, end)
        if row["quote"] is not None and found != row["quote"]:
            where = clean.find(row["quote"]) if row["quote"] else -1
            if where >= 0:
                raw_at = clean.to_raw(where, where + len(row["quote"]))
                bad("quote", f"the text at {start}:{end} reads {found!r}, not the quote",
                    f"the quote stands at {raw_at[0]}:{raw_at[1]}: correct the offsets, or clear them (a sheet's "
                    "import finds them again; for a CSV file run python -m vetcompare locate)")
            else:
                bad("quote", f"the quote is not in the source (the text at {start}:{end} reads {found!r})",
                    "copy the words exactly from the source; line wraps and page furniture are left out")
            continue
        if low is not None and high is not None and low <= high and row["unit"] is not None \
                and not _states_value(found, low, high, row["unit"]):
            bad("value_low", f"the quote does not state {low:g}–{high:g} {row['unit']}",
                "correct the value, or widen the quote (and its offsets) so that it contains the number; "
                "a percentage is written as 70, not 0.7")
        extra = [n for n in _cleanup_notes(clean, start, end) if n not in note]
        row["note"] = "; ".join([note] + extra if note else extra) or None
    return rows, problems


def fill_offsets_in(table: Table, clean: CleanText) -> list[Problem]:
    """Fill empty source_start/source_end of ``table``'s rows from their quotes; return the problems.

    Rows are taken in order and each quote is looked for from the previous
    row's position on, so a statement repeated later in a document (a task
    list) resolves to the later occurrence when its row comes later; a quote
    found only earlier is accepted when it occurs once.
    """
    problems = []
    cursor = 0
    for row, line in zip(table.rows, table.lines):
        quote = row.get("quote", "").strip()
        if row.get("source_start", "").strip() and row.get("source_end", "").strip():
            found = clean.find(quote, 0) if quote else -1
            cursor = found if found >= 0 else cursor
            continue
        at = clean.find(quote, cursor) if quote else -1
        if at < 0 and quote:
            at = clean.find(quote, 0)
            if at >= 0 and clean.find(quote, at + 1) >= 0:
                problems.append(Problem(table.file, line, "quote", f"{quote!r} occurs more than once",
                                        "put the rows in document order or give the offsets"))
                continue
        if at < 0:
            problems.append(Problem(table.file, line, "quote", "the quote is not in the source" if quote
                                    else "is empty", "copy the statement's words exactly from the source"))
            continue
        row["source_start"], row["source_end"] = map(str, clean.to_raw(at, at + len(quote)))
        cursor = at
    return problems


def fill_offsets(path: Path, clean: CleanText) -> int:
    """Fill empty offsets of a curated CSV file from its quotes (rewritten atomically); return how many."""
    from .atomic import atomic_write_csv
    from .validate import DataError

    table, problems = read_csv(path)
    empty = sum(1 for r in table.rows if not (r.get("source_start", "").strip() and r.get("source_end", "").strip()))
    problems += fill_offsets_in(table, clean)
    if problems:
        raise DataError(problems)
    atomic_write_csv(path, table.columns, table.rows)
    return empty
