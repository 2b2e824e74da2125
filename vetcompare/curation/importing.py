"""Bringing a curation sheet into the data folder: read → find offsets → check → write, or nothing.

The sheet's statements are checked exactly like a curated CSV file; ``targets/<doc_id>.csv`` is
written (atomically) only when there is no problem at all, and every problem is reported at once
by sheet, row and column.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .. import schema
from ..data.csvio import write_csv
from ..data.enrich import curated_frame, enrich_rows
from ..data.folder import DataFolder, folder
from ..data.checks import check_statements
from ..data.problems import DataError, Problem
from .locate import fill_offsets_in
from .sheet import ABOUT, read_sheet


def import_sheet(path: str | Path, data: DataFolder | str | Path | None = None, *, write: bool = True) -> pd.DataFrame:
    """Validate a curation sheet; if it has no problem, write ``targets/<doc_id>.csv`` and return the rows."""
    data = folder(data)
    doc_id, table, problems = read_sheet(path)
    doc = data.check_document(doc_id)
    if doc is None:
        raise DataError(problems + [Problem(Path(path).name, None, None, f"document {doc_id!r} is not registered in "
                                            f"{data.root}", "register it (python -m vetcompare new-document) in this "
                                            f"data folder, choose the folder it was registered in (--data or "
                                            f"VETCOMPARE_DATA), or correct doc_id in the {ABOUT!r} sheet")])
    problems += fill_offsets_in(table, doc.clean)
    rows, problems = check_statements(table, doc, known=problems)
    if problems:
        raise DataError(problems)
    if write:
        write_csv(data.curated_path(doc_id), list(schema.CURATED_COLUMNS), table.rows)
        data.forget()
    return curated_frame(enrich_rows(rows, doc.clean), doc_id)
