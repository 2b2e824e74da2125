"""Checks of curated statements: one small function per rule, registered in :data:`RULES`.

Each rule declares the columns it reads. A rule is not run on a row where one of those columns
already has a problem (from the cell types or an earlier rule), nor on a row with a problem of the
whole row (merged cells), so every mistake is named once: a formula in ``value_low`` is not also
"only one end of the value is given". Checks report and never change the rows; years, repair notes
and links are added afterwards by :mod:`vetcompare.data.enrich`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterator, NamedTuple

from .. import schema
from ..text.cleaning import CleanText
from ..text.numbers import find_quantities
from .cells import check_table, check_unique
from .csvio import Table
from .problems import Problem
from ..text.rules import normalise_tier, to_year

ALL_WORDS = ("全部", "所有")
"""Words that state a share of 100% (区直属公办中职学校办学条件全部达到...)."""

_UNIT_MATCH = {  # curated unit -> units the number parser may report for it
    "count": {"count", ""},
    "times_per_year": {"times", "count", ""},
    "rank": {"rank", "count", ""},
}
LOCATED = ("source_start", "source_end")
"""Required cells that a rule checks (after the offsets were looked for), not the cell check."""


@dataclass
class Document:
    """What the checks know of the document a curated file belongs to."""

    doc_id: str
    id_prefix: str
    city_tier: str
    units: dict[str, str]  # metric_id -> unit, from the codebook
    clean: CleanText


Finding = tuple[str, str, str]  # column, message, fix


class Rule(NamedTuple):
    name: str
    needs: tuple[str, ...]
    check: Callable[[dict, Document, set[str]], Iterator[Finding]]


RULES: list[Rule] = []


def rule(*needs: str):
    """Register a row rule that reads the columns ``needs``."""

    def register(fn):
        RULES.append(Rule(fn.__name__, needs, fn))
        return fn

    return register


def states_value(quote: str, low: float, high: float, unit: str) -> bool:
    """True if the quote states the value low..high (after units and multipliers)."""
    if schema.unit(unit).share and low == high == 100 and any(w in quote for w in ALL_WORDS):
        return True
    allowed = _UNIT_MATCH.get(unit, {unit})
    return any(q.unit in allowed and q.value_low == low and q.value_high == high for q in find_quantities(quote))


@rule("target_id")
def id_has_prefix(row, doc, ids):
    if row["target_id"] and not row["target_id"].startswith(doc.id_prefix + "-"):
        yield ("target_id", f"{row['target_id']!r} does not start with {doc.id_prefix}-",
               f"ids of {doc.doc_id} are {doc.id_prefix}-NN")


@rule("metric_id")
def metric_is_known(row, doc, ids):
    if row["metric_id"] is not None and row["metric_id"] not in doc.units:
        yield "metric_id", f"unknown metric {row['metric_id']!r}", "use a metric_id from codebook.csv or add it there"


@rule("metric_id", "unit")
def unit_is_the_metrics(row, doc, ids):
    metric, unit = row["metric_id"], row["unit"]
    if metric is not None and unit is not None and unit != doc.units[metric]:
        yield ("unit", f"{unit!r} but {metric} is measured in {doc.units[metric]!r}",
               f"convert the value to {doc.units[metric]} or choose another metric")


@rule("tier_word")
def tier_word_is_known(row, doc, ids):
    try:
        normalise_tier(row["tier_word"], doc.city_tier)
    except ValueError as exc:
        yield "tier_word", str(exc), "write the document's tier word, e.g. 国家级 or 市级及以上"


@rule("value_low", "value_high")
def both_ends_or_neither(row, doc, ids):
    low, high = row["value_low"], row["value_high"]
    if (low is None) != (high is None):
        yield ("value_high" if high is None else "value_low", "only one end of the value is given",
               "give both ends (equal for a single value) or neither for a qualitative statement")


@rule("value_low", "value_high", "note")
def qualitative_has_note(row, doc, ids):
    if row["value_low"] is None and row["value_high"] is None and not row["note"]:
        yield "note", "a row without a value needs a note saying why", "explain the qualitative statement"


@rule("value_low", "value_high")
def low_not_above_high(row, doc, ids):
    low, high = row["value_low"], row["value_high"]
    if low is not None and high is not None and low > high:
        yield "value_low", f"low {low:g} is greater than high {high:g}", "swap the two ends"


@rule("value_high", "unit", "note")
def percent_at_most_100(row, doc, ids):
    if schema.unit(row["unit"]).share and row["value_high"] is not None and row["value_high"] > 100 and not row["note"]:
        yield "value_high", f"{row['value_high']:g}% is over 100", "check the value, or explain it in note"


@rule("year")
def year_is_a_year(row, doc, ids):
    try:
        year = to_year(row["year"])
    except ValueError as exc:
        yield "year", str(exc), "write a year such as 2025 or a period such as 十四五"
        return
    low, high = schema.YEAR_RANGE
    if year is not None and not low <= year <= high:
        yield "year", f"{year} is outside {low}–{high}", "check the year"


@rule("year", "kind", "note")
def dated_kind_has_year(row, doc, ids):
    if row["year"] is None and row["kind"] in ("target", "baseline") and not row["note"]:
        yield "year", f"a {row['kind']} needs a year", "give the year, or explain in note why there is none"


@rule("repeats", "target_id")
def repeats_another_row(row, doc, ids):
    rep = row["repeats"]
    if rep is not None and (rep == row["target_id"] or rep not in ids):
        yield "repeats", f"{rep!r} is not another row of this file", "name the target_id this row repeats"


@rule("quote", *LOCATED)
def offsets_given(row, doc, ids):
    for column in LOCATED:
        if row[column] is None:
            yield column, "is empty", f"fill in {column}, or clear both offsets and let them be found from the quote"


@rule(*LOCATED)
def offsets_in_text(row, doc, ids):
    start, end, size = row["source_start"], row["source_end"], len(doc.clean.raw)
    if start is not None and end is not None and not 0 <= start < end <= size:
        yield ("source_start", f"offsets {start}:{end} are outside the text (0:{size})",
               "recompute the offsets from the quote (python -m vetcompare locate)")


@rule("quote", *LOCATED)
def quote_at_offsets(row, doc, ids):
    start, end, quote = row["source_start"], row["source_end"], row["quote"]
    if start is None or end is None or quote is None:
        return
    found = doc.clean.from_raw(start, end)
    if found == quote:
        return
    where = doc.clean.find(quote) if quote else -1
    if where >= 0:
        raw_at = doc.clean.to_raw(where, where + len(quote))
        yield ("quote", f"the text at {start}:{end} reads {found!r}, not the quote",
               f"the quote stands at {raw_at[0]}:{raw_at[1]}: correct the offsets, or clear them (a sheet's import "
               "finds them again; for a CSV file run python -m vetcompare locate)")
    else:
        yield ("quote", f"the quote is not in the source (the text at {start}:{end} reads {found!r})",
               "copy the words exactly from the source; line wraps and page furniture are left out")


@rule("value_low", "value_high", "unit", "quote", *LOCATED)
def quote_states_value(row, doc, ids):
    low, high, unit = row["value_low"], row["value_high"], row["unit"]
    if low is None or high is None or unit is None or row["quote"] is None:
        return
    if not states_value(row["quote"], low, high, unit):
        yield ("value_low", f"the quote does not state {low:g}–{high:g} {unit}",
               "correct the value, or widen the quote (and its offsets) so that it contains the number; "
               "a percentage is written as 70, not 0.7")


def spans_are_distinct(table: Table, rows: list[dict]) -> list[Problem]:
    """No two rows cite the same words: a repeat cites its own occurrence, never its main row's."""
    spans = Counter((r["source_start"], r["source_end"]) for r in rows if r["source_start"] is not None)
    first: dict = {}
    problems = []
    for row, line in zip(rows, table.lines):
        span = (row["source_start"], row["source_end"])
        if row["source_start"] is None or spans[span] < 2:
            continue
        if span in first:
            problems.append(Problem(table.file, line, "source_start", f"cites the same words {span[0]}:{span[1]} "
                                    f"as row {first[span]}", "point each row at its own occurrence (a task-list "
                                    "repeat at the task list): give the offsets, or keep rows in document order"))
        else:
            first[span] = line
    return problems


def repeats_name_main_rows(table: Table, rows: list[dict]) -> list[Problem]:
    """A repeat names a main row, one that repeats nothing: two rows that repeat each other (or a chain
    of repeats) would leave the statement out of every table, which counts main rows only."""
    repeats = {r["target_id"]: r["repeats"] for r in rows if r["target_id"]}
    problems = []
    for row, line in zip(rows, table.lines):
        main = row["repeats"]
        if main is None or main == row["target_id"] or repeats.get(main) is None:
            continue
        problems.append(Problem(table.file, line, "repeats", f"names {main!r}, which itself repeats "
                                f"{repeats[main]!r}: the statement would appear in no table",
                                f"name the main row (the one whose repeats is empty), e.g. {_main_of(main, repeats)!r}"
                                ", and keep repeats empty on it"))
    return problems


def _main_of(target: str, repeats: dict[str, str | None]) -> str:
    """The row a chain of repeats starting at ``target`` ends on (the first one seen again in a cycle)."""
    seen = []
    while repeats.get(target) is not None and target not in seen:
        seen.append(target)
        target = repeats[target]
    return target


def check_statements(table: Table, doc: Document | None, *, extra: str = "refuse",
                     known: list[Problem] = ()) -> tuple[list[dict], list[Problem]]:
    """Typed rows of a table of curated statements and every problem in them (``known``: problems found
    before, e.g. while looking for the offsets, whose consequences are not reported again)."""
    rows, problems = check_table(table, schema.CURATED_FIELDS, extra=extra, deferred=LOCATED)
    problems = list(known) + problems + check_unique(table, rows, "target_id")
    if doc is None:
        return rows, problems
    bad = {(p.row, p.column) for p in problems}
    whole = {p.row for p in problems if p.column is None and p.row is not None}
    ids = {r["target_id"] for r in rows if r["target_id"]}
    for row, line in zip(rows, table.lines):
        if line in whole:
            continue
        for r in RULES:
            if any((line, column) in bad for column in r.needs):
                continue
            for column, message, fix in r.check(row, doc, ids):
                problems.append(Problem(table.file, line, column, message, fix))
                bad.add((line, column))
    return rows, problems + spans_are_distinct(table, rows) + repeats_name_main_rows(table, rows)
