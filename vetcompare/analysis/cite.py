"""How to cite the data and one statement, and the run manifest written beside every report.

The data version is a short hash of everything curated (registry, codebook, repairs, every curated
target file), so two reports made from the same data name the same version, and any edit changes it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pandas as pd

from .. import __released__, __version__, labels
from ..data.folder import DataFolder, folder_of, load_targets
from ..data.safe import atomic_path
from .citations import STYLES, Reference, quoted, render
from .evidence import evidence

def _digest(paths: list[Path], root: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(paths):
        h.update(str(path.relative_to(root)).encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def data_version(data: DataFolder) -> str:
    """The first twelve hex digits of a hash over the curated files of ``data``."""
    files = [data.root / n for n in ("documents.csv", "codebook.csv", "repairs.csv") if (data.root / n).is_file()]
    return _digest(files + list(data.curated_files()), data.root)[:12]


def manifest(df: pd.DataFrame | None = None) -> dict:
    """What a report was made from, as written to the ``manifest.json`` beside every report.

    Package and data versions, each document's sha256, the codebook's hash, the statements
    counted, and when: enough to tell whether two reports were made from the same data.

    Parameters
    ----------
    df : DataFrame, optional
        The statements the report shows (default: every statement of the default folder); the
        documents and codebook are those of its folder.

    Returns
    -------
    dict
        ``package``, ``data_version`` (12 hex digits), ``made`` (UTC, ISO 8601), ``statements`` (the
        number of rows), ``codebook_sha256`` and ``documents`` (doc_id, region, title, issuer, issued
        and sha256 of each).

    Raises
    ------
    DataError
        A data file of the folder is wrong.

    Examples
    --------
    >>> info = manifest()
    >>> sorted(info)
    ['codebook_sha256', 'data_version', 'documents', 'made', 'package', 'statements']
    >>> info["statements"] == len(load_targets())
    True
    """
    df = load_targets() if df is None else df
    data = folder_of(df)
    docs = data.documents()
    return {
        "package": f"vetcompare {__version__}",
        "data_version": data_version(data),
        "made": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
        "statements": int(len(df)),
        "codebook_sha256": _digest([data.root / "codebook.csv"], data.root),
        "documents": [{"doc_id": d.doc_id, "region": d.region, "title": d.title, "issuer": d.issuer,
                       "issued": f"{d.issued:%Y-%m-%d}", "sha256": d.sha256} for d in docs.itertuples()],
    }


def write_manifest(path: str | Path, df: pd.DataFrame | None = None) -> Path:
    """Write :func:`manifest` as JSON to ``path`` (atomically) and return the path."""
    path = Path(path)
    with atomic_path(path) as tmp:
        Path(tmp).write_text(json.dumps(manifest(df), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def _id_order(target_id: str) -> tuple[str, int]:
    """jlp-7 before jlp-18: the prefix, then the number."""
    prefix, _, number = target_id.rpartition("-")
    return (prefix, int(number)) if number.isdigit() else (target_id, 0)


def cite(target_id: str | list[str] | tuple[str, ...] | None = None, *, lang: str = "en", style: str = "plain",
         df: pd.DataFrame | None = None) -> str:
    """How to cite the dataset (no ``target_id``) or one statement (its source document and quoted sentence).

    Parameters
    ----------
    target_id : str, list of str or None
        A statement id such as ``"bz-05"``, several ids (their references one after another, separated
        by a blank line), or None for the dataset.
    lang : {"en", "zh"}
        Language of the words and punctuation (Chinese: full-width punctuation, ‘…’ inside “…”).
    style : {"plain", "gbt7714", "apa", "bibtex", "ris"}
        ``plain`` is one sentence with the data version; ``gbt7714`` is GB/T 7714-2015 for Chinese papers,
        ``apa`` APA 7 for English ones, ``bibtex`` and ``ris`` entries for reference managers.
    df : DataFrame, optional
        The table of statements to cite from (default: every statement of the default folder).

    Returns
    -------
    str
        The reference.

    Examples
    --------
    >>> print(cite("bz-05", style="ris").splitlines()[0])
    TY  - GOVDOC
    """
    labels.check(lang)
    if style not in STYLES:
        raise ValueError(f"style {style!r}: use one of {', '.join(STYLES)}")
    if df is None and target_id is not None:
        df = load_targets(include_repeats=True)  # a repeat (a task-list row) can be cited by its own id
    df = load_targets() if df is None else df
    if isinstance(target_id, (list, tuple)):
        return "\n\n".join(cite(t, lang=lang, style=style, df=df) for t in target_id)
    if target_id is not None and not isinstance(target_id, str):
        raise TypeError(f"cite: give a target id such as 'bz-05' or a list of them, not {type(target_id).__name__}")
    info = manifest(df)
    if target_id is None:
        return _cite_data(info, lang, style)
    return _cite_one(df, target_id, info, lang, style)


def _cite_data(info: dict, lang: str, style: str) -> str:
    if style != "plain":
        note = labels.text("cite_data_note", lang, data=info["data_version"], n=info["statements"],
                           docs=len(info["documents"]))
        return render(Reference("vetcompare", labels.text("cite_authors", lang), labels.text(
            "cite_title", lang, version=__version__), __released__, "dataset", accessed=info["made"][:10],
            note=note, language=lang), style, lang)
    docs = labels.text("cite_docs_sep", lang).join(
        labels.text("cite_doc", lang, region=d["region"], issuer=d["issuer"], title=labels.book_title(d["title"]),
                    issued=d["issued"]) for d in info["documents"])
    return labels.text("cite_data", lang, version=__version__, data=info["data_version"],
                       n=info["statements"], docs=docs, year=info["made"][:4])


def _cite_one(df: pd.DataFrame, target_id: str, info: dict, lang: str, style: str) -> str:
    rows = df[df["target_id"] == target_id]
    if rows.empty:
        from ..data.problems import UnknownName

        import difflib

        known = sorted(df["target_id"], key=_id_order)
        same = [k for k in known if _id_order(k) == _id_order(str(target_id))]  # jlp-7 is jlp-07
        close = (same + [c for c in difflib.get_close_matches(str(target_id), known, n=3) if c not in same])[:3]
        raise UnknownName("target", target_id, known, f"did you mean {', '.join(close)}?" if close else "")
    row = rows.iloc[0]
    doc = folder_of(df).document(row["doc_id"])
    ev = evidence(rows)[target_id]
    sentence = _cleaned_sentence(df, row, ev)
    versions = dict(start=ev["start"], end=ev["end"], target=target_id, version=__version__, data=info["data_version"])
    if style != "plain":
        accessed = f"{doc['accessed']:%Y-%m-%d}" if doc.get("accessed") else ""
        return render(Reference(target_id, doc["issuer"], doc["title"], f"{doc['issued']:%Y-%m-%d}", "document",
                                url=doc.get("url") or "", accessed=accessed, quote=sentence,
                                note=labels.text("cite_note", lang, **versions), language="zh"), style, lang)
    return labels.text("cite_one", lang, region=row[labels.region_column(lang)], issuer=doc["issuer"],
                       title=labels.book_title(doc["title"]), issued=f"{doc['issued']:%Y-%m-%d}",
                       sentence=quoted(sentence, lang), **versions)


def _cleaned_sentence(df: pd.DataFrame, row, ev: dict) -> str:
    """The sentence around a statement as the cleaned text reads it: line wraps, page furniture and
    declared repairs of damaged text applied (the offsets still point at the source as received)."""
    if ev["start"] is None:
        return ev["span"].strip()
    clean = folder_of(df).clean_source(row["doc_id"])
    return clean.from_raw(ev["sentence_start"], ev["end"] + len(ev["after"])).strip()
