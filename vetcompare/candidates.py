"""The extractor's candidates in the shape of curated rows: how a curation sheet is prefilled.

It sits beside the schema because it maps one table onto another: the columns of
:func:`vetcompare.text.extract_targets` onto :data:`vetcompare.schema.CURATED_COLUMNS`. The quote is the
number expression itself, for the curator to widen to the whole statement.
"""

from __future__ import annotations

import pandas as pd

from . import schema


def _year(value) -> str:
    return "" if value is None or pd.isna(value) else str(int(value))


def curated_from_candidates(candidates: pd.DataFrame, prefix: str, clean) -> pd.DataFrame:
    """Curated-shaped rows (text cells, plus the helper columns ``metric_confidence`` and ``sentence``)
    from extractor output."""
    rows = []
    for i, c in enumerate(candidates.to_dict("records"), start=1):
        start, end, year = int(c["start"]), int(c["end"]), _year(c.get("year"))
        rows.append({
            "target_id": f"{prefix}-{i:02d}",
            "metric_id": c.get("metric_id") or "",
            "kind": c.get("kind") or "target",
            "tier_word": c.get("tier_word") or "",
            "comparator": c.get("comparator") or "eq",
            "value_low": c.get("value_low"),
            "value_high": c.get("value_high"),
            "unit": c.get("unit") or "",
            "year": year,
            "year_basis": c.get("year_basis") or ("stated" if year else "none"),
            "hedged": "true" if c.get("hedged") else "false",
            "basis": c.get("basis") or "level",
            "source_start": start,
            "source_end": end,
            "quote": clean.from_raw(start, end),
            "metric_confidence": c.get("metric_confidence") or "none",
            "sentence": c.get("sentence") or "",
        })
    return pd.DataFrame(rows, columns=list(schema.CURATED_COLUMNS) + ["metric_confidence", "sentence"])
