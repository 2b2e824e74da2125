"""A data folder and the tables in it: read → check → enrich → frame, in a straight line.

A :class:`DataFolder` owns its caches, so two folders can be open at once (the shipped data and a
copy being curated) without touching the environment. :func:`default_folder` is the packaged data,
or the folder named by ``$VETCOMPARE_DATA``; the module-level loaders (``load_targets()`` ...) use it.
Every loader validates what it reads and raises :class:`~vetcompare.data.problems.DataError`
listing every problem with file, row and column.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pandas as pd

from .. import schema
from ..text.cleaning import CleanText, Repair, clean
from ..text.encoding import decode
from .cells import check_table, check_unique
from .checks import Document, check_statements
from .csvio import read_csv
from .enrich import curated_frame, enrich_rows, targets_frame
from .problems import BadInput, DataError, Problem, UnknownName

DATA_ENV = "VETCOMPARE_DATA"
_PACKAGE = Path(__file__).resolve().parents[1]
SHIPPED = (_PACKAGE / "data" / "shipped", _PACKAGE.parent / "data")
"""Where the packaged data is: inside an installed wheel, then beside the package in a checkout."""


def _registry_error(root: Path) -> BadInput:
    return BadInput(f"{root}: not a vetcompare data folder (no documents.csv); point --data, {DATA_ENV} or "
                    "DataFolder at a folder made by copying the shipped data")


class DataFolder:
    """The files of one data folder, read once and kept until :meth:`~vetcompare.data.folder.DataFolder.forget`.

    A data folder holds ``documents.csv``, ``codebook.csv``, ``repairs.csv``, ``sources/`` and
    ``targets/``. Each folder owns its caches, so two folders can be open at once (the shipped data
    and a copy being curated).

    Parameters
    ----------
    root : str or Path
        The folder (``~`` is expanded); it must hold a ``documents.csv``. To curate, copy the
        shipped data (:meth:`~vetcompare.data.folder.DataFolder.shipped`) and point at the copy.

    Attributes
    ----------
    root : Path
        The folder.

    Raises
    ------
    ValueError
        ``root`` holds no ``documents.csv`` (a :class:`~vetcompare.data.problems.BadInput`).

    Examples
    --------
    >>> DataFolder.shipped().document("jiulongpo-2022")["region"]
    '九龙坡区'
    """

    def __init__(self, root: str | Path):
        self.root = Path(root).expanduser()
        if not (self.root / "documents.csv").is_file():
            raise _registry_error(self.root)
        self._cache: dict = {}

    @classmethod
    def shipped(cls) -> "DataFolder":
        """The data that comes with vetcompare (read only in an installed package: copy it to curate)."""
        return cls(shipped_root())

    def __repr__(self) -> str:
        return f"DataFolder({str(self.root)!r})"

    def forget(self) -> None:
        """Drop what was read, e.g. after a document or a curated file was written."""
        self._cache.clear()

    def _cached(self, key, make):
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]

    # -- the registry, the codebook, sources and repairs -----------------------------------------

    def document_rows(self) -> tuple[dict, ...]:
        """The registry rows, checked (types, unique ids, source files present and unchanged)."""
        return self._cached("documents", self._read_documents)

    def _read_documents(self) -> tuple[dict, ...]:
        table, problems = read_csv(self.root / "documents.csv", "documents.csv")
        rows, more = check_table(table, schema.DOCUMENT_FIELDS)
        problems += more + check_unique(table, rows, "doc_id") + check_unique(table, rows, "id_prefix")
        for row, line in zip(rows, table.lines):
            problems += self._source_problems(row, line)
        if problems:
            raise DataError(problems)
        return tuple(rows)

    def _source_problems(self, row: dict, line: int) -> list[Problem]:
        path = self.root / "sources" / (row["file"] or "")
        if not path.is_file():
            return [Problem("documents.csv", line, "file", f"no source file {path.name!r} in {path.parent}",
                            "copy the text into the sources folder or correct the name")]
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if row["sha256"] and digest != row["sha256"]:
            return [Problem("documents.csv", line, "sha256", f"{path.name} has sha256 {digest}, the registry says "
                            f"{row['sha256']}", "restore the source as received (sources are never edited)")]
        return []

    def documents(self) -> pd.DataFrame:
        """The document registry: one row per source document (doc_id, file, region, ..., sha256)."""
        frame = self._cached("documents_frame", lambda: schema.to_frame(list(self.document_rows()),
                                                                          schema.DOCUMENT_FIELDS))
        return frame.copy()  # a caller may change its copy; the cache stays as read

    def document(self, doc_id: str) -> dict:
        """The registry row of ``doc_id``; an unknown id lists the known ones."""
        for row in self.document_rows():
            if row["doc_id"] == doc_id:
                return row
        raise UnknownName("document", doc_id, [r["doc_id"] for r in self.document_rows()])

    def codebook(self) -> pd.DataFrame:
        """The codebook: one row per metric (metric_id, theme, label_zh, label_en, unit, definition)."""
        frame = self._cached("codebook_frame", lambda: schema.to_frame(
            list(self._cached("codebook", self._read_codebook)), schema.CODEBOOK_FIELDS))
        return frame.copy()  # a caller may change its copy; the cache stays as read

    def _read_codebook(self) -> tuple[dict, ...]:
        table, problems = read_csv(self.root / "codebook.csv", "codebook.csv")
        rows, more = check_table(table, schema.CODEBOOK_FIELDS)
        problems += more + check_unique(table, rows, "metric_id")
        if problems:
            raise DataError(problems)
        return tuple(rows)

    def source_path(self, doc_id: str) -> Path:
        return self.root / "sources" / self.document(doc_id)["file"]

    def source_text(self, doc_id: str) -> str:
        """The text of a source document, decoded from its bytes as received; offsets refer to this string."""
        path = self.source_path(doc_id)
        return self._cached(("text", doc_id), lambda: decode(path.read_bytes(), path.name)[0])

    def repairs(self) -> dict[str, tuple[Repair, ...]]:
        """The declared repairs of damaged text, by document, each checked against its source."""
        return self._cached("repairs", self._read_repairs)

    def _read_repairs(self) -> dict[str, tuple[Repair, ...]]:
        table, problems = read_csv(self.root / "repairs.csv", "repairs.csv")
        rows, more = check_table(table, schema.REPAIR_FIELDS)
        problems += more
        out: dict[str, list[Repair]] = {}
        known = {r["doc_id"] for r in self.document_rows()}
        for row, cells, line in zip(rows, table.rows, table.lines):
            if row["doc_id"] not in known:
                problems.append(Problem("repairs.csv", line, "doc_id", f"unknown document {row['doc_id']!r}",
                                        f"use one of: {', '.join(sorted(known))}"))
            elif row["start"] is not None:
                raw, repl = cells["raw"], cells["replacement"]  # untrimmed: spaces can be damage too
                found = self.source_text(row["doc_id"])[row["start"]:row["start"] + len(raw)]
                if found != raw:
                    problems.append(Problem("repairs.csv", line, "raw", f"the source has {found!r} at {row['start']}, "
                                            f"not {raw!r}", "correct start or raw so that they point at the damage"))
                else:
                    out.setdefault(row["doc_id"], []).append(Repair(row["start"], raw, repl, row["note"] or ""))
        if problems:
            raise DataError(problems)
        return {k: tuple(v) for k, v in out.items()}

    def clean_source(self, doc_id: str) -> CleanText:
        """The cleaned text of a document with its map back to raw offsets."""
        return self._cached(("clean", doc_id), lambda: clean(self.source_text(doc_id), self.document(doc_id)[
            "text_form"], self.repairs().get(doc_id, ())))

    # -- curated statements ------------------------------------------------------------------------

    def curated_path(self, doc_id: str) -> Path:
        return self.root / "targets" / f"{doc_id}.csv"

    def curated_files(self) -> list[Path]:
        """The curated target files, one per document."""
        return sorted((self.root / "targets").glob("*.csv"))

    def check_document(self, doc_id: str) -> Document | None:
        """What the checks need to know of ``doc_id`` (None if it is not registered)."""
        if doc_id not in {r["doc_id"] for r in self.document_rows()}:
            return None
        codebook = self.codebook()
        row = self.document(doc_id)
        return Document(doc_id, row["id_prefix"], row["city_tier"], dict(zip(codebook["metric_id"], codebook["unit"])),
                        self.clean_source(doc_id))

    def curated(self, path: str | Path) -> pd.DataFrame:
        """One curated file, checked and enriched: the curated columns plus ``doc_id`` (the file's name)."""
        return curated_frame(self._curated_rows(Path(path)), Path(path).stem)

    def _curated_rows(self, path: Path) -> list[dict]:
        """The checked and enriched rows of one curated file, or :class:`DataError` with every problem."""
        table, problems = read_csv(path)
        doc = self.check_document(path.stem)
        if doc is None:
            problems.append(Problem(path.name, None, None, f"{path.stem!r} is not a registered document",
                                    "name the file after a doc_id in documents.csv ("
                                    f"{', '.join(r['doc_id'] for r in self.document_rows())})"))
        rows, more = check_statements(table, doc, known=problems) if table.rows else ([], problems)
        if more:
            raise DataError(more)
        return enrich_rows(rows, doc.clean)

    def all_targets(self) -> pd.DataFrame:
        """Every curated statement, repeats included; every problem of every file raised together."""
        return self._cached("targets", self._read_targets)

    def _read_targets(self) -> pd.DataFrame:
        rows, doc_ids, problems = [], [], []
        for path in self.curated_files():
            try:
                found = self._curated_rows(path)
            except DataError as err:
                problems += err.problems
                continue
            rows += found
            doc_ids += [path.stem] * len(found)
        if problems:
            raise DataError(problems)
        frames = [curated_frame(rows, doc_ids)] if rows else []  # one frame for every file: typed once
        return targets_frame(frames, self.documents(), self.codebook())

    def targets(self, include_repeats: bool = False) -> pd.DataFrame:
        """Every quantitative statement, one row each (repeats only with ``include_repeats``).

        The frame remembers its folder (``df.attrs["vetcompare_data"]``), so that charts, comparisons
        and workbooks made from it name its regions and documents, not those of the default folder."""
        df = self.all_targets()
        if not include_repeats:
            df = df[df["repeats"].isna()].reset_index(drop=True)
        df = df.copy()
        df.attrs[ATTR] = str(self.root)
        return df


_folders: dict[Path, DataFolder] = {}
ATTR = "vetcompare_data"


def _cached_folder(root: Path) -> DataFolder:
    key = root.resolve()
    if key not in _folders:
        _folders[key] = DataFolder(root)
    return _folders[key]


def folder_of(df: pd.DataFrame | None) -> DataFolder:
    """The folder a table of statements was loaded from (the default folder if it does not say)."""
    root = None if df is None else df.attrs.get(ATTR)
    return _cached_folder(Path(root)) if root else default_folder()


def table_and_folder(df: pd.DataFrame | None) -> tuple[pd.DataFrame, "DataFolder"]:
    """``df`` (every statement of the default folder when None) and the folder it was loaded from, which a
    function passes on to whatever reads documents or the codebook."""
    df = load_targets() if df is None else df
    return df, folder_of(df)


def shipped_root() -> Path:
    """The packaged data folder."""
    for candidate in SHIPPED:
        if (candidate / "documents.csv").is_file():
            return candidate
    raise DataError([Problem("vetcompare", None, None, f"the packaged data is missing (looked in "
                             f"{', '.join(map(str, SHIPPED))})", "reinstall vetcompare from a full checkout")])


def default_folder() -> DataFolder:
    """The folder named by ``$VETCOMPARE_DATA``, else the packaged data. Functions that take a table of
    statements read the folder it came from (:func:`folder_of`), passed on explicitly, never this one."""
    override = os.environ.get(DATA_ENV)
    root = Path(override).expanduser() if override else shipped_root()
    if override and not (root / "documents.csv").is_file():
        raise BadInput(f"{DATA_ENV}={override}: no data folder there (no documents.csv); copy the shipped data "
                       f"there, or unset {DATA_ENV}")
    return _cached_folder(root)


def folder(data: DataFolder | str | Path | None = None) -> DataFolder:
    """``data`` as a DataFolder: a folder object, a path to one (one object per path, read once), or None
    for the default folder."""
    if data is None:
        return default_folder()
    return data if isinstance(data, DataFolder) else _cached_folder(Path(data).expanduser())


def load_documents(data=None) -> pd.DataFrame:
    """The document registry: one row per source document (see :meth:`~vetcompare.data.folder.DataFolder.documents`).

    Parameters
    ----------
    data : DataFolder, str, Path or None, default None
        The data folder, or its path; None for the default folder (``$VETCOMPARE_DATA``, else the
        shipped data).

    Returns
    -------
    DataFrame
        One row per document: doc_id, file, region, region_en, province, issuer, title, issued,
        plan period, sha256, url, licence and more (see ``vetcompare.schema.DOCUMENT_FIELDS``).

    Raises
    ------
    DataError
        The registry is wrong (a bad cell, a repeated id, a source file missing or changed); every
        problem is listed.

    Examples
    --------
    >>> load_documents().set_index("doc_id").at["jiulongpo-2022", "region_en"]
    'Jiulongpo District'
    """
    return folder(data).documents()


def load_codebook(data=None) -> pd.DataFrame:
    """The codebook: each metric's meaning, theme and unit (see :meth:`~vetcompare.data.folder.DataFolder.codebook`).

    Parameters
    ----------
    data : DataFolder, str, Path or None, default None
        The data folder, or its path; None for the default folder (``$VETCOMPARE_DATA``, else the
        shipped data).

    Returns
    -------
    DataFrame
        One row per metric: metric_id, theme, label_zh, label_en, unit, definition.

    Raises
    ------
    DataError
        The codebook is wrong (a bad cell, a repeated metric id); every problem is listed.

    Examples
    --------
    >>> load_codebook().set_index("metric_id").at["teachers.dual_qualified_share", "unit"]
    'percent'
    """
    return folder(data).codebook()


def load_targets(include_repeats: bool = False, data=None) -> pd.DataFrame:
    """Every quantitative statement of every document, one row each, validated.

    Rows that only repeat another (the 九龙坡 task list, a goal restated later in a text) are linked
    to it through ``repeats`` and left out unless ``include_repeats`` is true, so nothing is counted
    twice; the main row carries their 责任单位 and 完成时间.

    Parameters
    ----------
    include_repeats : bool, default False
        Keep the rows that repeat another (their ``repeats`` names it).
    data : DataFolder, str, Path or None, default None
        The data folder, or its path; None for the default folder (``$VETCOMPARE_DATA``, else the
        shipped data).

    Returns
    -------
    DataFrame
        One row per statement, with the columns of :func:`~vetcompare.schema.schema_table`. The frame
        remembers its folder, so charts, comparisons and workbooks made from it use that folder.

    Raises
    ------
    DataError
        A data file is wrong; every problem of every file is listed, with file, row and column.

    Examples
    --------
    >>> len(load_targets()) > 100
    True
    >>> len(load_targets(include_repeats=True)) > len(load_targets())
    True
    """
    return folder(data).targets(include_repeats)


def load_curated(path: str | Path, data=None) -> pd.DataFrame:
    """One curated file, validated (see :meth:`DataFolder.curated`)."""
    return folder(data).curated(path)


def source_text(doc_id: str, data=None) -> str:
    """The decoded text of a source document, to read a statement in its context.

    The text is decoded from the source file's bytes as received; a statement's ``source_start`` and
    ``source_end`` are offsets into it.

    Parameters
    ----------
    doc_id : str
        A registered document, such as ``"bazhong-2021"`` (see :func:`~vetcompare.data.folder.load_documents`).
    data : DataFolder, str, Path or None, default None
        The data folder, or its path; None for the default folder (``$VETCOMPARE_DATA``, else the
        shipped data).

    Returns
    -------
    str
        The whole text of the document.

    Raises
    ------
    UnknownName
        ``doc_id`` is not registered (the message lists the registered ones).
    DataError
        The registry is wrong.

    Examples
    --------
    >>> row = load_targets().set_index("target_id").loc["bz-05"]
    >>> source_text(row["doc_id"])[row["source_start"]:row["source_end"]]
    '到2025年,办学条件达到国家标准'
    """
    return folder(data).source_text(doc_id)


def clean_source(doc_id: str, data=None) -> CleanText:
    """The cleaned text of a document with its map back to raw offsets."""
    return folder(data).clean_source(doc_id)
