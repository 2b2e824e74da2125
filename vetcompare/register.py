"""Adding a region: register a new policy text and write its curation sheet.

The text is stored byte-for-byte as received (any usual encoding: offsets
refer to the decoded text, the registry's sha256 to the bytes); the registry
gains one row; the curation sheet is prefilled with the extractor's
candidates, for a researcher to judge.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from datetime import date
from pathlib import Path

from . import schema
from .atomic import atomic_write_bytes
from .extract import looks_hard_wrapped
from .text import decode

MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
"""Provincial-level municipalities: their 市级 ranks with a province's 省级."""

_DOC_ID = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


def register_document(file: str | Path, *, doc_id: str, region: str, region_en: str, province: str,
                      province_en: str, admin_level: str, issuer: str, title: str, issued: str,
                      period_start: int, period_end: int, doc_type: str = "policy text",
                      id_prefix: str | None = None, text_form: str | None = None, damage: str = "") -> dict:
    """Copy ``file`` into data/sources and add its registry row; return the row."""
    from .load import data_dir, load_documents, reload

    file = Path(file)
    data = file.read_bytes()
    text, encoding = decode(data, file.name)
    problems = []
    docs = load_documents()
    if not _DOC_ID.match(doc_id):
        problems.append("doc_id must be lower-case letters, digits and dashes, e.g. chengdu-2023")
    if doc_id in set(docs["doc_id"]):
        problems.append(f"doc_id {doc_id!r} is already registered")
    if admin_level not in schema.ADMIN_LEVELS:
        problems.append(f"admin_level must be one of {', '.join(schema.ADMIN_LEVELS)}")
    try:
        date.fromisoformat(issued)
    except ValueError:
        problems.append(f"issued {issued!r} must be a date written YYYY-MM-DD")
    if not (schema.YEAR_RANGE[0] <= int(period_start) <= int(period_end) <= schema.YEAR_RANGE[1]):
        problems.append("the period must run forwards within 1990–2050")
    prefix = id_prefix or "".join(part[0] for part in doc_id.split("-")[0:1]) + doc_id.split("-")[0][1:3]
    if prefix in set(docs["id_prefix"]):
        problems.append(f"id prefix {prefix!r} is taken; give another with --prefix")
    if problems:
        raise ValueError("cannot register the document: " + "; ".join(problems))
    row = {
        "doc_id": doc_id, "file": f"{doc_id}{file.suffix or '.txt'}", "id_prefix": prefix, "region": region,
        "region_en": region_en, "province": province, "province_en": province_en, "admin_level": admin_level,
        "city_tier": "provincial" if province in MUNICIPALITIES or admin_level == "municipality" else "prefecture",
        "issuer": issuer, "title": title, "doc_type": doc_type, "issued": issued,
        "period_start": str(period_start), "period_end": str(period_end),
        "text_form": text_form or ("pdf" if looks_hard_wrapped(text) else "web"),
        "sha256": hashlib.sha256(data).hexdigest(),
        "damage": damage or f"registered from {file.name} ({encoding}); damage not yet assessed",
    }
    root = data_dir()
    atomic_write_bytes(root / "sources" / row["file"], data)
    registry = root / "documents.csv"
    out = io.StringIO()
    out.write(registry.read_text(encoding="utf-8"))
    if not out.getvalue().endswith("\n"):
        out.write("\n")
    csv.DictWriter(out, fieldnames=schema.names(schema.DOCUMENT_FIELDS), lineterminator="\n").writerow(row)
    atomic_write_bytes(registry, out.getvalue().encode("utf-8"))
    reload()
    return row


def curation_sheet(doc_id: str, path: str | Path) -> Path:
    """Write the curation sheet of a registered document, prefilled with the extractor's candidates."""
    from .load import load_documents, source_text
    from .sheet import write_sheet

    from .extract import extract_targets

    doc = load_documents().set_index("doc_id").loc[doc_id]
    candidates = extract_targets(source_text(doc_id), city_tier=doc["city_tier"], plan_end=int(doc["period_end"]),
                                 text_form=doc["text_form"])
    return write_sheet(path, doc_id, candidates=candidates)
