"""Adding a region: register a new policy text in a data folder and write its curation sheet.

The text is stored byte-for-byte as received (any usual encoding: offsets refer to the decoded
text, the registry's sha256 to the bytes); the registry gains one row; the curation sheet is
prefilled with the extractor's candidates, for a researcher to judge. Nothing is written unless
every field is right.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from .. import schema
from ..data.csvio import LONE_SURROGATE, csv_text, direction_control, read_csv
from ..data.folder import DataFolder, folder
from ..data.problems import DataError
from ..data.safe import atomic_write_bytes
from ..text.encoding import decode
from ..text.extract import extract_targets, looks_hard_wrapped
from .sheet import write_sheet

MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
"""Provincial-level municipalities: their 市级 ranks with a province's 省级."""

_DOC_ID = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


@dataclass
class NewDocument:
    """What a researcher says about a text being added (the registry columns that are not derived)."""

    doc_id: str
    region: str
    region_en: str
    province: str
    province_en: str
    admin_level: str
    issuer: str
    title: str
    issued: str
    period_start: int
    period_end: int
    doc_type: str = "policy text"
    id_prefix: str = ""
    text_form: str = ""
    damage: str = ""
    url: str = ""
    accessed: str = ""
    licence: str = ""


def _field_problems(doc: NewDocument, registry: list[dict]) -> list[str]:
    problems = _text_problems(doc)
    if not _DOC_ID.match(doc.doc_id):
        problems.append("doc_id must be lower-case letters, digits and dashes, e.g. chengdu-2023")
    if doc.doc_id in {r["doc_id"] for r in registry}:
        problems.append(f"doc_id {doc.doc_id!r} is already registered")
    problems += _value_problems(doc)
    if _prefix(doc) in {r["id_prefix"] for r in registry}:
        problems.append(f"id prefix {_prefix(doc)!r} is taken; give another with --prefix")
    return problems


def _text_problems(doc: NewDocument) -> list[str]:
    """Characters no registry line can hold: lone surrogates, line breaks and control characters."""
    texts = [(name, value) for name, value in asdict(doc).items() if isinstance(value, str)]
    problems = [f"{name} holds a character that cannot be stored (a lone surrogate): retype it"
                for name, value in texts if LONE_SURROGATE.search(value)]
    problems += [f"{name} {direction_control(value)}: delete it" for name, value in texts if direction_control(value)]
    return problems + [f"{name} may not hold a line break or control character" for name, value in texts
                       if any(ord(c) < 32 or c in "\u2028\u2029\x7f" for c in value)]


def _value_problems(doc: NewDocument) -> list[str]:
    """The admin level, the dates and the plan period."""
    problems = []
    if doc.admin_level not in schema.ADMIN_LEVELS:
        problems.append(f"admin_level must be one of {', '.join(schema.ADMIN_LEVELS)}")
    for name in ("issued", "accessed"):
        try:
            if getattr(doc, name) or name == "issued":
                date.fromisoformat(getattr(doc, name))
        except ValueError:
            problems.append(f"{name} {getattr(doc, name)!r} must be a date written YYYY-MM-DD")
    if not schema.YEAR_RANGE[0] <= int(doc.period_start) <= int(doc.period_end) <= schema.YEAR_RANGE[1]:
        problems.append("the period must run forwards within 1990–2050")
    return problems


def _prefix(doc: NewDocument) -> str:
    head = doc.doc_id.split("-")[0]
    return doc.id_prefix or head[:3]


def _text(file: Path) -> tuple[bytes, str, str]:
    """The bytes, decoded text and encoding of ``file``; an empty or blank text is refused."""
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise ValueError(f"{file}: cannot be read ({exc.strerror})") from None
    if not data:
        raise ValueError(f"{file}: the file is empty (0 bytes); give the text of the document")
    text, encoding = decode(data, file.name)
    if not text.strip():
        raise ValueError(f"{file}: the text is blank (only spaces and line breaks); give the text of the document")
    return data, text, encoding


def register_document(file: str | Path, doc: NewDocument, data: DataFolder | str | Path | None = None) -> dict:
    """Copy ``file`` into the folder's sources and add its registry row; return the row."""
    data = folder(data)
    file = Path(file)
    raw, text, encoding = _text(file)
    registry_path = data.root / "documents.csv"
    table, _ = read_csv(registry_path)
    problems = _field_problems(doc, table.rows)
    if problems:
        raise ValueError("cannot register the document: " + "; ".join(problems))
    row = {k: str(v) for k, v in asdict(doc).items()}
    row.update({
        "file": f"{doc.doc_id}{file.suffix or '.txt'}", "id_prefix": _prefix(doc),
        "city_tier": "provincial" if doc.province in MUNICIPALITIES or doc.admin_level in ("municipality", "province")
        else "prefecture",
        "text_form": doc.text_form or ("pdf" if looks_hard_wrapped(text) else "web"),
        "sha256": hashlib.sha256(raw).hexdigest(),
        "damage": doc.damage or f"registered from {file.name} ({encoding}); damage not yet assessed",
    })
    columns = schema.names(schema.DOCUMENT_FIELDS)
    try:
        registry = csv_text(columns, table.rows + [row], "documents.csv")
    except DataError as err:
        raise ValueError(f"cannot register the document: {err.problems[0]}") from None
    atomic_write_bytes(data.root / "sources" / row["file"], raw)
    atomic_write_bytes(registry_path, registry.encode("utf-8"))
    data.forget()
    return row


def register_with_sheet(file: str | Path, doc: NewDocument, sheet: str | Path,
                        data: DataFolder | str | Path | None = None) -> tuple[dict, Path]:
    """Register ``file`` and write its curation sheet to ``sheet``, all or nothing: when the sheet cannot
    be written (or anything fails after the registry was written), the registry and the sources folder
    are put back as they were, so that the same command can simply be run again."""
    data = folder(data)
    registry_path = data.root / "documents.csv"
    source = data.root / "sources" / f"{doc.doc_id}{Path(file).suffix or '.txt'}"
    before = registry_path.read_bytes(), source.read_bytes() if source.is_file() else None
    row = register_document(file, doc, data)
    try:
        return row, curation_sheet(row["doc_id"], sheet, data)
    except BaseException:
        atomic_write_bytes(registry_path, before[0])
        if before[1] is None:
            source.unlink(missing_ok=True)
        else:
            atomic_write_bytes(source, before[1])
        data.forget()
        raise


def curation_sheet(doc_id: str, path: str | Path, data: DataFolder | str | Path | None = None) -> Path:
    """Write the curation sheet of a registered document, prefilled with the extractor's candidates."""
    data = folder(data)
    doc = data.document(doc_id)
    candidates = extract_targets(data.source_text(doc_id), city_tier=doc["city_tier"], plan_end=int(doc["period_end"]),
                                 text_form=doc["text_form"], issued=doc["issued"])
    return write_sheet(path, doc_id, candidates=candidates, data=data)
