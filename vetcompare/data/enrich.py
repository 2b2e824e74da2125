"""Enrichment, after the checks: what a curated row means beyond what it says.

- a year written as a period name (十四五) becomes its last year;
- every repair or PDF clean-up inside a row's span is added to its note, so a repaired value says so;
- the common table gains region names, theme and the comparable tier, and a main row takes 责任单位
  and 完成时间 from the task-list row that repeats it.

Each step takes checked rows and returns new ones; nothing here reports problems.
"""

from __future__ import annotations

import pandas as pd

from .. import schema
from ..text.cleaning import CleanText
from ..text.rules import normalise_tier, to_year

_CLEANUP = {(True, False): "PDF line wrap joined", (False, True): "PDF spaces around numbers removed",
            (True, True): "PDF line wrap joined and spaces around numbers removed"}


def cleanup_notes(clean: CleanText, start: int, end: int) -> list[str]:
    """Notes for what cleaning changed inside raw span ``start:end``."""
    notes = [r.note for r in clean.repairs_in(start, end)]
    raw = clean.raw[start:end]
    wrapped = "\n" in raw
    spaced = raw.replace("\n", "").count(" ") > clean.from_raw(start, end).count(" ")
    if wrapped or spaced:
        notes.append(_CLEANUP[wrapped, spaced])
    return notes


def enrich_rows(rows: list[dict], clean: CleanText) -> list[dict]:
    """Checked curated rows with their years resolved and their clean-up notes added."""
    out = []
    for row in rows:
        row = dict(row, year=to_year(row["year"]))
        if row["source_start"] is not None and row["source_end"] is not None:
            note = row["note"] or ""
            extra = [n for n in cleanup_notes(clean, row["source_start"], row["source_end"]) if n not in note]
            row["note"] = "; ".join([note] + extra if note else extra) or None
        out.append(row)
    return out


def curated_frame(rows: list[dict], doc_id: str | list[str]) -> pd.DataFrame:
    """Enriched rows as a frame of the curated columns plus ``doc_id`` (one for all rows, or one per row)."""
    df = schema.to_frame(rows, schema.CURATED_FIELDS, year="int")
    df.insert(1, "doc_id", doc_id)
    return df


def targets_frame(curated: list[pd.DataFrame], documents: pd.DataFrame, codebook: pd.DataFrame) -> pd.DataFrame:
    """The common table: every document's statements with region, theme and tier, repeats linked."""
    docs = documents.set_index("doc_id")
    themes = codebook.set_index("metric_id")["theme"]
    if not curated:
        return schema.to_frame([], schema.TARGET_FIELDS)
    df = pd.concat(curated, ignore_index=True)
    for col in ("region", "region_en", "province"):
        df[col] = df["doc_id"].map(docs[col])
    df["theme"] = df["metric_id"].map(themes)
    df["tier"] = [normalise_tier(w, docs.at[d, "city_tier"]) for w, d in zip(df["tier_word"], df["doc_id"])]
    df["year"] = df["year"].astype("Int64")
    return schema.to_frame(_propagate_repeats(df).to_dict("records"), schema.TARGET_FIELDS)


def _propagate_repeats(df: pd.DataFrame) -> pd.DataFrame:
    """A main row takes 责任单位 and 完成时间 from the task-list row that repeats it."""
    df = df.copy()
    index = {t: i for i, t in enumerate(df["target_id"])}
    for i, main in enumerate(df["repeats"]):
        if not isinstance(main, str) or not main:
            continue
        j = index[main]
        for col in ("responsible", "deadline"):
            if not isinstance(df.at[j, col], str) or not df.at[j, col]:
                df.at[j, col] = df.at[i, col]
    return df
