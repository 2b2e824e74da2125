"""Audit the curation: which numbers of a source did no curated row take up?

Every number expression of a registered document is found with
:func:`vetcompare.text.extract.scan` over its cleaned text (declared repairs applied, PDF
wraps joined; see :meth:`vetcompare.data.folder.DataFolder.clean_source`) and mapped back to raw
offsets. An expression is

* **covered** when a curated row's ``[source_start, source_end)`` contains it (repeat rows
  count);
* **excluded** when one of the named patterns of :data:`vetcompare.text.extract.EXCLUSIONS` explains
  it (a document number, a date, a list ordinal, a name such as “1+X” ...), or when a declared
  repair deleted it from the text (page furniture);
* **partial** when a curated span overlaps it without containing it (an offset slip);
* **uncovered** otherwise: a number nobody has looked at.

:func:`audit_document` lists the partial and uncovered expressions of one document,
:func:`audit_all` those of every registered document (empty when the curation is complete), and
:func:`explain` every expression with its status.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..data.folder import DataFolder, folder
from ..text.extract import scan
from ..text.numbers import find_quantities

__all__ = ["audit_all", "audit_document", "explain"]

CONTEXT_CHARS = 20
_SPACES = re.compile(r"\s+")
_EXPLAIN_COLUMNS = ["start", "end", "text", "status", "detail", "context"]
_AUDIT_COLUMNS = ["start", "end", "text", "context"]


def _context(raw: str, start: int, end: int) -> str:
    """The expression with CONTEXT_CHARS characters either side, line breaks folded to spaces."""
    return _SPACES.sub(" ", raw[max(0, start - CONTEXT_CHARS):end + CONTEXT_CHARS]).strip()


def _status(e, spans) -> tuple[str, str]:
    covering = [t for a, b, t in spans if a <= e.start and e.end <= b]
    overlapping = [t for a, b, t in spans if a < e.end and e.start < b]
    if covering:
        return "covered", ", ".join(covering)
    if e.exclusion:
        return "excluded", e.exclusion
    if overlapping:
        return "partial", ", ".join(overlapping)
    return "uncovered", ""


def _deleted_numbers(data: DataFolder, doc_id: str, raw: str) -> list[tuple]:
    """Numbers inside text that a declared repair deleted (running headers, page numbers)."""
    deleted = [(r.start, r.end, r.note) for r in data.repairs().get(doc_id, ()) if r.raw and not r.replacement]
    rows = []
    for q in find_quantities(raw) if deleted else ():
        note = next((n for a, b, n in deleted if a <= q.start and q.end <= b), None)
        if note is not None:
            rows.append((q.start, q.end, q.text, "excluded", f"repair: {note}", _context(raw, q.start, q.end)))
    return rows


def explain(doc_id: str, data: DataFolder | str | Path | None = None) -> pd.DataFrame:
    """Every number expression of a document with its status.

    Columns: start, end (raw offsets), text (the raw span), status (covered, excluded, partial,
    uncovered), detail (the covering target_id(s), the exclusion's name, or the overlapping
    target_id(s)), context (±20 characters).
    """
    data = folder(data)
    doc = data.document(doc_id)
    clean = data.clean_source(doc_id)
    targets = data.targets(include_repeats=True)
    targets = targets[targets["doc_id"] == doc_id]
    spans = list(zip(targets["source_start"].astype(int), targets["source_end"].astype(int), targets["target_id"]))
    rows = [(e.start, e.end, clean.raw[e.start:e.end], *_status(e, spans), _context(clean.raw, e.start, e.end))
            for e in scan(clean, doc["text_form"])]
    df = pd.DataFrame(rows + _deleted_numbers(data, doc_id, clean.raw), columns=_EXPLAIN_COLUMNS)
    return df.sort_values(["start", "end"], kind="stable").reset_index(drop=True)


def audit_document(doc_id: str, data: DataFolder | str | Path | None = None) -> pd.DataFrame:
    """Number expressions of a document that no curated row covers and no exclusion explains.

    Columns: start, end (raw offsets), text, context (±20 characters). Empty when every number
    of the document is either curated or explained.
    """
    df = explain(doc_id, data)
    df = df[df["status"].isin(["uncovered", "partial"])]
    return df[_AUDIT_COLUMNS].reset_index(drop=True)


def audit_all(data: DataFolder | str | Path | None = None) -> pd.DataFrame:
    """:func:`audit_document` over every registered document, with a ``doc_id`` column first."""
    data = folder(data)
    frames = []
    for doc_id in data.documents()["doc_id"]:
        df = audit_document(doc_id, data)
        df.insert(0, "doc_id", doc_id)
        frames.append(df)
    if not frames:
        return pd.DataFrame(columns=["doc_id"] + _AUDIT_COLUMNS)
    return pd.concat(frames, ignore_index=True)
