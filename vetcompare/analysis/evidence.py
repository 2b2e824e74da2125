"""Where each statement stands in its source: the sentence around the quote, the quoted span at its
exact offsets, the repairs of damaged text near it. Shared by the HTML report, the workbook's cell
comments and :func:`vetcompare.cite`, so all three show the same words."""

from __future__ import annotations

import re

import pandas as pd

from ..data.folder import folder_of

SENTENCE_END = re.compile(r"[。！？!?；;\n]")
MAX_SIDE = 160  # characters of context kept on each side of the quote within its sentence


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding ``text[start:end]``: from after the previous sentence end to the next one
    (included), at most MAX_SIDE characters each side of the quote."""
    before = [m.end() for m in SENTENCE_END.finditer(text, max(0, start - MAX_SIDE), start)]
    lo = before[-1] if before else max(0, start - MAX_SIDE)
    after = SENTENCE_END.search(text, end, min(len(text), end + MAX_SIDE))
    hi = after.end() if after else min(len(text), end + MAX_SIDE)
    return lo, hi


def _repairs_near(repairs, lo: int, hi: int) -> list[dict]:
    return [{"start": r.start, "end": r.end, "raw": r.raw, "replacement": r.replacement, "note": r.note}
            for r in repairs if r.start < hi and r.end > lo]


def evidence(df: pd.DataFrame) -> dict[str, dict]:
    """For each target id of ``df``: the sentence split into ``before`` / ``span`` / ``after``
    (``span`` is exactly ``source[source_start:source_end]``), its offsets, and the repairs that
    touch the sentence. Rows without offsets (qualitative notes) get the quote alone."""
    data = folder_of(df)
    repairs = data.repairs()
    out = {}
    for row in df.to_dict("records"):
        start, end = row["source_start"], row["source_end"]
        if pd.isna(start) or pd.isna(end):
            out[row["target_id"]] = {"before": "", "span": row["quote"] or "", "after": "", "start": None,
                                     "end": None, "sentence_start": None, "repairs": []}
            continue
        text = data.source_text(row["doc_id"])
        start, end = int(start), int(end)
        lo, hi = _sentence(text, start, end)
        out[row["target_id"]] = {"before": text[lo:start], "span": text[start:end], "after": text[end:hi],
                                 "start": start, "end": end, "sentence_start": lo,
                                 "repairs": _repairs_near(repairs.get(row["doc_id"], ()), lo, hi)}
    return out
