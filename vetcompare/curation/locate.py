"""Finding a statement's offsets from its quote: ``python -m vetcompare locate FILE`` and the sheet import."""

from __future__ import annotations

from pathlib import Path

from ..data.csvio import Table, read_csv, write_csv
from ..data.folder import DataFolder, folder
from ..data.problems import DataError, Problem
from ..text.cleaning import CleanText


def _given(row: dict) -> bool:
    return bool(row.get("source_start", "").strip() and row.get("source_end", "").strip())


def fill_offsets_in(table: Table, clean: CleanText) -> list[Problem]:
    """Fill empty source_start/source_end of ``table``'s rows from their quotes; return the problems.

    Rows are taken in order and each quote is looked for from the previous row's position on, so
    a statement repeated later in a document (a task list) resolves to the later occurrence when
    its row comes later; a quote found only earlier is accepted when it occurs once.
    """
    problems = []
    cursor = 0
    for row, line in zip(table.rows, table.lines):
        quote = row.get("quote", "").strip()
        if _given(row):
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


def fill_offsets(path: str | Path, data: DataFolder | str | Path | None = None) -> int:
    """Fill empty offsets of a curated CSV file from its quotes (rewritten atomically); return how many."""
    path = Path(path)
    data = folder(data)
    table, problems = read_csv(path)
    data.document(path.stem)  # an unknown document is named with the known ones
    empty = sum(1 for r in table.rows if not _given(r))
    problems += fill_offsets_in(table, data.clean_source(path.stem))
    if problems:
        raise DataError(problems)
    write_csv(path, table.columns, table.rows)
    data.forget()
    return empty
