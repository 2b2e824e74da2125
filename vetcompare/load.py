"""Load the embedded data: the document registry, the codebook, the sources and the targets.

Every loader validates what it reads and raises :class:`~vetcompare.validate.DataError`
listing every problem with file, row and column.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import schema
from .curated import check_curated
from .rules import normalise_tier
from .text import CleanText, Repair, clean, decode
from .validate import DataError, Problem, check_table, check_unique, read_csv

_PACKAGE = Path(__file__).resolve().parent


DATA_ENV = "VETCOMPARE_DATA"


def data_dir() -> Path:
    """The data folder: ``$VETCOMPARE_DATA`` if set, else ``vetcompare/data`` in an installed wheel,
    else ``data/`` in a source checkout."""
    override = os.environ.get(DATA_ENV)
    if override:
        path = Path(override).expanduser()
        if not (path / "documents.csv").is_file():
            raise FileNotFoundError(f"{DATA_ENV}={override}: no documents.csv there; point it at a data folder")
        return path
    for candidate in (_PACKAGE / "data", _PACKAGE.parent / "data"):
        if (candidate / "documents.csv").is_file():
            return candidate
    raise FileNotFoundError(
        f"vetcompare's data folder is missing (looked in {_PACKAGE / 'data'} and {_PACKAGE.parent / 'data'}); "
        "reinstall the package with `pip install .` from a full checkout"
    )


def reload() -> None:
    """Forget cached tables, e.g. after a document or curated file was added in this process."""
    for cached in (_documents_in, _codebook_in, _repairs_in, _clean_source_in, _all_targets_in):
        cached.cache_clear()


def _documents() -> tuple[dict, ...]:
    return _documents_in(str(data_dir()))


@lru_cache(maxsize=4)
def _documents_in(root: str) -> tuple[dict, ...]:
    table, problems = read_csv(Path(root) / "documents.csv", "documents.csv")
    rows, more = check_table(table, schema.DOCUMENT_FIELDS)
    problems += more + check_unique(table, rows, "doc_id") + check_unique(table, rows, "id_prefix")
    for row, line in zip(rows, table.lines):
        path = Path(root) / "sources" / (row["file"] or "")
        if not path.is_file():
            problems.append(Problem("documents.csv", line, "file", f"no source file {path.name!r} in data/sources",
                                    "copy the text into data/sources or correct the name"))
            continue
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if row["sha256"] and digest != row["sha256"]:
            problems.append(Problem("documents.csv", line, "sha256", f"{path.name} has sha256 {digest}, "
                                    f"the registry says {row['sha256']}",
                                    "restore the source as received (sources are never edited)"))
    if problems:
        raise DataError(problems)
    return tuple(rows)


def load_documents() -> pd.DataFrame:
    """The document registry: one row per source document (doc_id, file, region, ..., sha256)."""
    return schema.to_frame(list(_documents()), schema.DOCUMENT_FIELDS)


def _document(doc_id: str) -> dict:
    for row in _documents():
        if row["doc_id"] == doc_id:
            return row
    known = ", ".join(r["doc_id"] for r in _documents())
    raise KeyError(f"unknown document {doc_id!r}; known documents: {known}")


def _codebook() -> tuple[dict, ...]:
    return _codebook_in(str(data_dir()))


@lru_cache(maxsize=4)
def _codebook_in(root: str) -> tuple[dict, ...]:
    table, problems = read_csv(Path(root) / "codebook.csv", "codebook.csv")
    rows, more = check_table(table, schema.CODEBOOK_FIELDS)
    problems += more + check_unique(table, rows, "metric_id")
    if problems:
        raise DataError(problems)
    return tuple(rows)


def load_codebook() -> pd.DataFrame:
    """The codebook: one row per metric (metric_id, theme, label_zh, label_en, unit, definition)."""
    return schema.to_frame(list(_codebook()), schema.CODEBOOK_FIELDS)


def source_text(doc_id: str) -> str:
    """The text of a source document, decoded from its bytes as received; offsets refer to this string."""
    path = data_dir() / "sources" / _document(doc_id)["file"]
    return decode(path.read_bytes(), path.name)[0]


def _repairs() -> dict[str, tuple[Repair, ...]]:
    return _repairs_in(str(data_dir()))


@lru_cache(maxsize=4)
def _repairs_in(root: str) -> dict[str, tuple[Repair, ...]]:
    table, problems = read_csv(Path(root) / "repairs.csv", "repairs.csv")
    rows, more = check_table(table, schema.REPAIR_FIELDS)
    problems += more
    out: dict[str, list[Repair]] = {}
    known = {r["doc_id"] for r in _documents()}
    for row, cells, line in zip(rows, table.rows, table.lines):
        if row["doc_id"] not in known:
            problems.append(Problem("repairs.csv", line, "doc_id", f"unknown document {row['doc_id']!r}",
                                    f"use one of: {', '.join(sorted(known))}"))
            continue
        if row["start"] is None:
            continue
        raw, repl = cells["raw"], cells["replacement"]  # untrimmed: spaces can be damage too
        text = source_text(row["doc_id"])
        if text[row["start"]:row["start"] + len(raw)] != raw:
            problems.append(Problem("repairs.csv", line, "raw", f"the source has "
                                    f"{text[row['start']:row['start'] + len(raw)]!r} at {row['start']}, not {raw!r}",
                                    "correct start or raw so that they point at the damaged text"))
            continue
        out.setdefault(row["doc_id"], []).append(Repair(row["start"], raw, repl, row["note"] or ""))
    if problems:
        raise DataError(problems)
    return {k: tuple(v) for k, v in out.items()}


def clean_source(doc_id: str) -> CleanText:
    """The cleaned text of a document with its map back to raw offsets (see :mod:`vetcompare.text`)."""
    return _clean_source_in(str(data_dir()), doc_id)


@lru_cache(maxsize=64)
def _clean_source_in(root: str, doc_id: str) -> CleanText:
    doc = _document(doc_id)
    return clean(source_text(doc_id), doc["text_form"], _repairs().get(doc_id, ()))


def curated_files() -> list[Path]:
    """The curated target files, one per document."""
    return sorted((data_dir() / "targets").glob("*.csv"))


def load_curated(path: Path | str) -> pd.DataFrame:
    """One curated file, validated: the curated columns plus ``doc_id`` (the file's name)."""
    rows, problems = check_curated(Path(path), documents=load_documents(), codebook=load_codebook(),
                                   clean_source=clean_source)
    if problems:
        raise DataError(problems)
    df = schema.to_frame(rows, schema.CURATED_FIELDS, year="int")  # years are resolved from period names
    df.insert(1, "doc_id", Path(path).stem)
    return df


def _all_targets() -> pd.DataFrame:
    return _all_targets_in(str(data_dir()))


@lru_cache(maxsize=4)
def _all_targets_in(root: str) -> pd.DataFrame:
    docs = load_documents().set_index("doc_id")
    codebook = load_codebook().set_index("metric_id")
    frames, problems = [], []
    for path in curated_files():
        try:
            frames.append(load_curated(path))
        except DataError as err:
            problems += err.problems
    if problems:
        raise DataError(problems)
    df = pd.concat(frames, ignore_index=True)
    for col in ("region", "region_en", "province"):
        df[col] = df["doc_id"].map(docs[col])
    df["theme"] = df["metric_id"].map(codebook["theme"])
    df["tier"] = [normalise_tier(w, docs.at[d, "city_tier"]) for w, d in zip(df["tier_word"], df["doc_id"])]
    df["year"] = df["year"].astype("Int64")
    df = _propagate_repeats(df)
    return schema.to_frame(df.to_dict("records"), schema.TARGET_FIELDS)


def _propagate_repeats(df: pd.DataFrame) -> pd.DataFrame:
    """A primary row takes 责任单位 and 完成时间 from the task-list row that repeats it."""
    df = df.copy()
    index = {t: i for i, t in enumerate(df["target_id"])}
    for i, primary in enumerate(df["repeats"]):
        if not isinstance(primary, str) or not primary:
            continue
        j = index[primary]
        for col in ("responsible", "deadline"):
            if not isinstance(df.at[j, col], str) or not df.at[j, col]:
                df.at[j, col] = df.at[i, col]
    return df


def load_targets(include_repeats: bool = False) -> pd.DataFrame:
    """Every quantitative statement of every document, one row each, validated.

    Rows that only repeat another (the 九龙坡 task list, a goal restated later in a
    text) are linked to it through ``repeats`` and left out unless
    ``include_repeats`` is true, so nothing is counted twice; the primary row
    carries their 责任单位 and 完成时间.
    """
    df = _all_targets()
    if not include_repeats:
        df = df[df["repeats"].isna()].reset_index(drop=True)
    return df.copy()
