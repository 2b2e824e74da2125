"""Audit the curation: which numbers of a source did no curated row take up?

Every number expression of a registered document is found with
:func:`vetcompare.numbers.find_quantities` over its cleaned text (declared repairs applied, PDF
wraps joined; see :func:`vetcompare.load.clean_source`) and mapped back to raw offsets. An
expression is

* **covered** when a curated row's ``[source_start, source_end)`` contains it (repeat rows
  count: ``load_targets(include_repeats=True)``);
* **excluded** when one of the named patterns of :data:`vetcompare.extract.EXCLUSIONS` explains
  it (a document number, a date, a list ordinal, a name such as “1+X” ...), or when a declared
  repair deleted it from the text (page furniture);
* **partial** when a curated span overlaps it without containing it (an offset slip);
* **uncovered** otherwise: a number nobody has looked at.

:func:`audit` lists the partial and uncovered expressions of one document, :func:`audit_all`
those of every registered document (empty when the curation is complete), and :func:`explain`
every expression with its status.
"""

from __future__ import annotations

import re
import sys
import types

import pandas as pd

from .extract import _prepare_clean, _scan
from .load import _repairs, clean_source, load_documents, load_targets
from .numbers import find_quantities

__all__ = ["audit", "audit_all", "audit_document", "explain"]

CONTEXT_CHARS = 20
_SPACES = re.compile(r"\s+")
_EXPLAIN_COLUMNS = ["start", "end", "text", "status", "detail", "context"]
_AUDIT_COLUMNS = ["start", "end", "text", "context"]


def _context(raw: str, start: int, end: int) -> str:
    """The expression with CONTEXT_CHARS characters either side, line breaks folded to spaces."""
    return _SPACES.sub(" ", raw[max(0, start - CONTEXT_CHARS):end + CONTEXT_CHARS]).strip()


def explain(doc_id: str) -> pd.DataFrame:
    """Every number expression of a document with its status.

    Columns: start, end (raw offsets), text (the raw span), status (covered, excluded, partial,
    uncovered), detail (the covering target_id(s), the exclusion's name, or the overlapping
    target_id(s)), context (±20 characters).
    """
    docs = load_documents().set_index("doc_id")
    if doc_id not in docs.index:
        raise KeyError(f"unknown document {doc_id!r}; known documents: {', '.join(docs.index)}")
    clean = clean_source(doc_id)
    raw = clean.raw
    targets = load_targets(include_repeats=True)
    targets = targets[targets["doc_id"] == doc_id]
    spans = list(zip(targets["source_start"].astype(int), targets["source_end"].astype(int), targets["target_id"]))

    rows = []
    prep = _prepare_clean(clean, docs.at[doc_id, "text_form"])
    for e in _scan(prep):
        covering = [t for a, b, t in spans if a <= e.start and e.end <= b]
        overlapping = [t for a, b, t in spans if a < e.end and e.start < b]
        if covering:
            status, detail = "covered", ", ".join(covering)
        elif e.exclusion:
            status, detail = "excluded", e.exclusion
        elif overlapping:
            status, detail = "partial", ", ".join(overlapping)
        else:
            status, detail = "uncovered", ""
        rows.append((e.start, e.end, raw[e.start:e.end], status, detail, _context(raw, e.start, e.end)))

    # numbers inside text that a declared repair deleted (running headers, page numbers)
    deleted = [(r.start, r.end, r.note) for r in _repairs().get(doc_id, ()) if r.raw and not r.replacement]
    if deleted:
        for q in find_quantities(raw):
            for a, b, note in deleted:
                if a <= q.start and q.end <= b:
                    rows.append((q.start, q.end, q.text, "excluded", f"repair: {note}", _context(raw, q.start, q.end)))
                    break
    df = pd.DataFrame(rows, columns=_EXPLAIN_COLUMNS)
    return df.sort_values(["start", "end"], kind="stable").reset_index(drop=True)


def audit(doc_id: str) -> pd.DataFrame:
    """Number expressions of a document that no curated row covers and no exclusion explains.

    Columns: start, end (raw offsets), text, context (±20 characters). Empty when every number
    of the document is either curated or explained.
    """
    df = explain(doc_id)
    df = df[df["status"].isin(["uncovered", "partial"])]
    return df[_AUDIT_COLUMNS].reset_index(drop=True)


audit_document = audit
"""Alias of :func:`audit` for the package namespace (``vc.audit_document``), where the name
``audit`` is also the module's."""


def audit_all() -> pd.DataFrame:
    """:func:`audit` over every registered document, with a ``doc_id`` column first."""
    frames = []
    for doc_id in load_documents()["doc_id"]:
        df = audit(doc_id)
        df.insert(0, "doc_id", doc_id)
        frames.append(df)
    if not frames:
        return pd.DataFrame(columns=["doc_id"] + _AUDIT_COLUMNS)
    return pd.concat(frames, ignore_index=True)


class _CallableModule(types.ModuleType):
    """``vetcompare.audit`` names both this module and its main function: once the module has been
    imported (``from vetcompare.audit import ...``) the package attribute ``vc.audit`` is the
    module, so the module answers a call as :func:`audit` does."""

    def __call__(self, doc_id: str) -> pd.DataFrame:
        return audit(doc_id)


sys.modules[__name__].__class__ = _CallableModule
