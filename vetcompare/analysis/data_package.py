"""The data for every tool: flat CSV files with a Frictionless ``datapackage.json``, and Stata files.

Everything here is generated from :mod:`vetcompare.schema` (types, allowed values, descriptions), so
the descriptor cannot drift from the tables. R reads the package with the ``frictionless`` package or
the CSV files with ``read.csv(..., encoding = "UTF-8")``; Stata opens the ``.dta`` files (format 118,
UTF-8) with every coded column as labelled values. Parquet is not written: every tool named here reads
the CSV files, and writing parquet would add pyarrow (about 100 MB) for no reader that needs it.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd

from .. import __version__, schema
from ..data.csvio import csv_text
from ..data.folder import folder_of, load_targets
from ..data.safe import atomic_path, atomic_write_bytes, make_folder
from .cite import data_version

TABLES = {  # file stem -> (fields, title)
    "targets": (schema.TARGET_FIELDS, "Quantitative statements of vocational-education policy texts"),
    "documents": (schema.DOCUMENT_FIELDS, "The source documents"),
    "codebook": (schema.CODEBOOK_FIELDS, "The metrics"),
}
_FRICTIONLESS_TYPES = {"str": "string", "int": "integer", "float": "number", "bool": "boolean", "date": "date"}
LICENCE = {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
           "title": "Creative Commons Attribution 4.0"}
"""The curated data's licence (DATA_LICENSE.md); the sources' own standing is in documents.csv ``licence``."""
STATA_LABEL = 80  # characters Stata keeps of a variable label


def table_schema(fields: tuple[schema.Field, ...], *, key: str | None = None) -> dict:
    """A Frictionless Table Schema of ``fields``: types, required cells, allowed values, descriptions."""
    out = []
    for f in fields:
        field = {"name": f.name, "type": _FRICTIONLESS_TYPES[f.dtype], "description": f.description}
        constraints = {}
        if f.required:
            constraints["required"] = True
        if f.allowed is not None:
            constraints["enum"] = list(f.allowed)
        if constraints:
            field["constraints"] = constraints
        if f.dtype == "bool":
            field.update(trueValues=["true"], falseValues=["false"])
        out.append(field)
    descriptor = {"fields": out, "missingValues": [""]}
    if key:
        descriptor["primaryKey"] = [key]
    return descriptor


def descriptor(data_version: str) -> dict:
    """The ``datapackage.json`` of the three tables."""
    keys = {"targets": "target_id", "documents": "doc_id", "codebook": "metric_id"}
    return {
        "profile": "tabular-data-package",
        "name": "vetcompare",
        "title": "vetcompare: numeric targets of Chinese vocational-education policy texts",
        "version": __version__,
        "description": f"Curated statements with the exact span of the source each cites (data version "
                       f"{data_version}). Sources are official documents (Copyright Law of the PRC, art. 5) or "
                       "quoted in short passages (art. 24); see each document's licence.",
        "licenses": [LICENCE],
        "resources": [{"name": stem, "path": f"{stem}.csv", "profile": "tabular-data-resource", "title": title,
                       "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
                       "schema": table_schema(fields, key=keys[stem])}
                      for stem, (fields, title) in TABLES.items()],
    }


def flat_text(df: pd.DataFrame, fields: tuple[schema.Field, ...], label: str) -> str:
    """The CSV text of a table as the descriptor declares it: booleans as true/false, dates as
    YYYY-MM-DD, whole numbers without ``.0``, missing cells empty."""
    rows = []
    for record in df[schema.names(fields)].to_dict("records"):
        rows.append({f.name: _flat(record[f.name], f.dtype) for f in fields})
    return csv_text(schema.names(fields), rows, label)


def _flat(value, dtype: str) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if dtype == "bool":
        return "true" if value else "false"
    if dtype == "date":
        return f"{pd.Timestamp(value):%Y-%m-%d}"
    if dtype == "int":
        return str(int(value))
    if dtype == "float":
        return repr(float(value)).removesuffix(".0") if float(value).is_integer() else repr(float(value))
    return str(value)


def stata_frame(df: pd.DataFrame, fields: tuple[schema.Field, ...]) -> pd.DataFrame:
    """A table ready for Stata: coded columns as categoricals (labelled values), text as text (an empty
    column is an empty string, which Stata can store), booleans as 0/1, whole numbers as doubles with
    Stata's missing value."""
    out = pd.DataFrame(index=df.index)
    for f in fields:
        col = df[f.name]
        if f.allowed is not None:
            out[f.name] = pd.Categorical(col.astype(object).where(col.notna(), None), categories=list(f.allowed))
        elif f.dtype == "str":
            out[f.name] = col.astype(object).where(col.notna(), "").astype(str)
        elif f.dtype == "bool":
            out[f.name] = col.astype("int8")
        elif f.dtype == "int":
            out[f.name] = col.astype("float64")
        else:
            out[f.name] = col
    return out.reset_index(drop=True)


def stata_label(text: str) -> str:
    """``text`` as a Stata label (80 characters at most): cut at a word's end, with … where it was cut."""
    if len(text) <= STATA_LABEL:
        return text
    cut = text[: STATA_LABEL - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > STATA_LABEL // 2 else cut).rstrip(" ,;:(") + "…"


def write_stata(path: str | Path, df: pd.DataFrame, fields: tuple[schema.Field, ...], title: str) -> Path:
    """Write ``df`` as a Stata 14+ file (UTF-8) with variable labels and labelled coded values."""
    frame = stata_frame(df, fields)
    dates = {f.name: "td" for f in fields if f.dtype == "date"}
    long_text = [f.name for f in fields if f.dtype == "str" and f.allowed is None
                 and frame[f.name].str.len().max() > 2000]
    buffer = io.BytesIO()
    booleans = {f.name: {0: "false", 1: "true"} for f in fields if f.dtype == "bool"}
    frame.to_stata(buffer, write_index=False, version=118, convert_dates=dates, convert_strl=long_text,
                   data_label=stata_label(title), value_labels=booleans or None,
                   variable_labels={f.name: stata_label(f.description) for f in fields})
    return atomic_write_bytes(path, buffer.getvalue())


def write_data_package(out: str | Path, df: pd.DataFrame | None = None) -> list[Path]:
    """Write the tables as CSV and Stata files for other tools (R, Stata, Frictionless), and return the paths.

    ``targets``, ``documents`` and ``codebook`` each become a ``.csv`` (UTF-8) and a ``.dta`` (Stata 14+,
    labelled values), beside the ``datapackage.json`` that describes the CSV files; each is written atomically.

    Parameters
    ----------
    out : str or Path
        The folder to write into (made if needed).
    df : DataFrame, optional
        The statements (default: every statement of the default folder); documents and codebook from its folder.

    Returns
    -------
    list of Path
        The seven files written into ``out``: a ``.csv`` and a ``.dta`` per table, then ``datapackage.json``.

    Raises
    ------
    DataError
        A text that UTF-8 cannot hold.
    WriteError
        ``out`` or a file in it could not be written (the message names it).

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     [path.name for path in write_data_package(tmp)][-3:]
    ['codebook.csv', 'codebook.dta', 'datapackage.json']
    """
    df = load_targets() if df is None else df
    out = make_folder(out)
    source = folder_of(df)
    frames = {"targets": df, "documents": source.documents(), "codebook": source.codebook()}
    written = []
    for stem, (fields, title) in TABLES.items():
        written.append(atomic_write_bytes(out / f"{stem}.csv",
                                          flat_text(frames[stem], fields, f"{stem}.csv").encode("utf-8")))
        written.append(write_stata(out / f"{stem}.dta", frames[stem], fields, title))
    text = json.dumps(descriptor(data_version(source)), ensure_ascii=False, indent=2) + "\n"
    with atomic_path(out / "datapackage.json") as tmp:
        tmp.write_text(text, encoding="utf-8")
    return written + [out / "datapackage.json"]
