"""Excel workbooks for colleagues: the tidy targets, the side-by-side grid, the codebook and the sources.

Written cell by cell with openpyxl so that types survive (numbers stay numbers,
dates stay dates, blanks stay blank) and no text is ever read as a formula: a
text cell that starts with =, +, -, @, a tab or a carriage return is stored as
text with Excel's quote prefix. Headers are frozen and filtered, and column
widths follow East-Asian display width (a Chinese character counts double).
:func:`read_workbook` reads the targets sheet back to the same frame.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd

from .. import labels, schema
from ..data.cells import check_table
from ..data.csvio import Table
from ..data.excel import CellError, display_width, escape, open_workbook, read_rows, set_text, unescape
from ..data.problems import DataError, Problem
from ..data.folder import folder_of, load_targets
from ..data.safe import atomic_path
from .cite import cite, manifest
from .compare import comparison_long, side_by_side

SHEETS = {  # sheet code -> (Chinese name, what it holds)
    "targets": ("目标表", "One row per quantitative statement (load_targets())."),
    "comparison": ("对比", "Regions side by side, one row per metric (side_by_side()); each cell's comment "
                           "quotes its statements with their ids."),
    "codebook": ("指标说明", "What each metric_id means, its theme and unit."),
    "sources": ("来源文件", "The source documents: issuer, date, period, sha256, known damage."),
    "about": ("说明", "How the workbook was made and how to cite it."),
}
MAX_WIDTH = 60
ROW_PT = 15  # the height of one line of the 11 pt cells
PRINTED = ("target_id", "region", "metric_id", "kind", "tier", "comparator", "value_low", "value_high", "unit", "year",
           "hedged", "quote")
"""The columns of the targets sheet a reader of a printed page needs (coded ones by their words), put first
and made the print area; the other columns follow them on screen."""
PAGE_PX = 1075  # printable width of A4 landscape with narrow margins (0.25 in), at 96 px an inch
CHAR_PX, PAD_PX = 9.6, 5  # a width unit (one digit of the 11 pt font) and a column's padding, in px: Calibri's
# digit is 7 px, but LibreOffice on a machine without Calibri or Carlito measures with DejaVu Sans (9.6 px),
# and a printed page must stay legible there too (in Excel it then prints larger, on as many pages)
FONT_PT, LEGIBLE_PT = 11, 7  # the cells' font, and the smallest size a printed page may shrink it to
MARGIN = 1.05  # aim a little above 7 pt

WRAP_COLUMNS = {"quote", "note", "definition", "damage", "title", "responsible", "doc_type", "licence", "value"}


def sheet_title(code: str, lang: str) -> str:
    """The name of sheet ``code`` in a workbook of ``lang`` ("目标表 targets" in Chinese, "targets" in English)."""
    return labels.bilingual(code, SHEETS[code][0], lang)


def header(column: str, lang: str) -> str:
    """A column's header: "编号 target_id" in Chinese (the code stays, so the file reads back), the code in English."""
    return labels.bilingual(column, labels.column(column, lang), lang) if column in labels.COLUMNS else column


def with_labels(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``frame`` with a column of words after each coded column (kind → 类型(中文) holding 目标)."""
    out = frame.copy()
    for name in [c for c in frame.columns if c in labels.CODED]:
        words = frame[name].map(lambda code, n=name: labels.coded(n, code, lang) if not _missing(code) else None)
        out.insert(out.columns.get_loc(name) + 1, f"{labels.column(name, lang)}{labels.text('label_suffix', lang)}",
                   words.astype(object))
    return out


def _missing(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value))


def _cell_value(value):
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime().date()
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        return value.item()  # numpy scalar -> Python
    return value


def printed_first(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The targets with the :data:`PRINTED` columns first (a coded column by its words, the region in the
    reader's language), then every other column in its order."""
    suffix = labels.text("label_suffix", lang)
    region = labels.region_column(lang)
    first = [f"{labels.column(c, lang)}{suffix}" if c in labels.CODED else region if c == "region"
             else c for c in PRINTED]
    first = [c for c in first if c in frame.columns]
    return frame[first + [c for c in frame.columns if c not in first]]


def _write_sheet(ws, frame: pd.DataFrame, lang: str, *, index: bool = False, freeze: str = "A2",
                 printed: int | None = None) -> list[Problem]:
    """Write ``frame`` into ``ws`` as an Excel table; return a problem for every text no Excel cell can hold.
    ``printed``: how many of the first columns make the print area (default: all)."""
    from openpyxl.styles import Alignment

    if index:
        frame = frame.reset_index()
    columns = [str(c) for c in frame.columns]
    _write_header(ws, [header(c, lang) for c in columns])
    widths = [display_width(header(c, lang)) for c in columns]
    wrap, top = Alignment(wrap_text=True, vertical="top"), Alignment(vertical="top")
    problems, wrapped = [], {}
    for i, record in enumerate(frame.itertuples(index=False), start=2):
        for j, value in enumerate(record, start=1):
            cell, value = ws.cell(row=i, column=j), _cell_value(value)
            wraps = columns[j - 1] in WRAP_COLUMNS or ws.title.endswith("comparison")
            if isinstance(value, str) and wraps:
                wrapped.setdefault(i, []).append((j, value))
            if isinstance(value, str):
                try:
                    set_text(cell, value)
                except CellError as exc:
                    problems.append(Problem(f"sheet {ws.title!r}", i, columns[j - 1], str(exc)))
                widths[j - 1] = max(widths[j - 1], max(display_width(line) for line in value.split("\n")))
            elif value is not None:
                cell.value = value
                if isinstance(value, dt.date):
                    cell.number_format = "yyyy-mm-dd"
                elif columns[j - 1] in ("value_low", "value_high") and isinstance(value, (int, float)):
                    cell.number_format = number_format(getattr(record, "unit", None), value)
                widths[j - 1] = max(widths[j - 1], len(str(value)))
            cell.alignment = wrap if wraps else top
    _finish_sheet(ws, widths, len(frame), freeze, printed or len(widths))
    _row_heights(ws, wrapped, widths)
    return problems


def _row_heights(ws, wrapped: dict[int, list[tuple[int, str]]], widths: list[int]) -> None:
    """Rows tall enough for their wrapped text (a program that does not fit rows to their text when it
    opens or prints a file, LibreOffice among them, would otherwise print one line over the next)."""
    for i, cells in wrapped.items():
        lines = max(sum(-(-display_width(line) // min(MAX_WIDTH, widths[j - 1] + 2)) or 1 for line in text.split("\n"))
                    for j, text in cells)
        if lines > 1:
            ws.row_dimensions[i].height = ROW_PT * lines


def number_format(unit: str | None, value: float) -> str:
    """How Excel shows a value of ``unit``: 60%, 1,100,000 persons; fractions keep every digit."""
    whole, fraction = schema.unit(unit or "").excel or ("General", "General")
    return whole if float(value).is_integer() else fraction


def _write_header(ws, names: list[str]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    for j, name in enumerate(names, start=1):
        cell = ws.cell(row=1, column=j)
        set_text(cell, name)
        cell.font, cell.fill = Font(bold=True), PatternFill("solid", fgColor="DDE6F0")
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def pages_wide(widths: list[float], repeat: int = 0) -> int:
    """How many A4 landscape pages the columns of ``widths`` (Excel units) take side by side when their
    11 pt cells are shrunk to 7 pt (and :data:`MARGIN` more, to keep clear of the limit):
    columns are never cut, so a page holds whole columns, and the first ``repeat`` columns stand again
    at the left of every later page."""
    scale = LEGIBLE_PT * MARGIN / FONT_PT
    px = column_px(widths)
    again = sum(px[:repeat]) * scale
    pages, used = 1, 0.0
    for width in px:
        if used > again and used + width * scale > PAGE_PX:
            pages, used = pages + 1, again
        used += width * scale
    return pages


def column_px(widths: list[float]) -> list[float]:
    """The width in pixels of each column of ``widths`` (as :func:`_finish_sheet` sets them) at 100%."""
    return [min(MAX_WIDTH, w + 2) * CHAR_PX + PAD_PX for w in widths]


def _finish_sheet(ws, widths: list[int], rows: int, freeze: str, printed: int) -> None:
    """Column widths, frozen header, an Excel table over the data, and a landscape print of the first
    ``printed`` columns fitted to as few pages wide as keep the text legible (7 pt at least), with the
    header repeated on every page."""
    from openpyxl.utils import column_index_from_string, get_column_letter
    from openpyxl.worksheet.table import Table, TableStyleInfo

    for j, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = min(MAX_WIDTH, w + 2)
    ws.freeze_panes = freeze
    if rows:
        table = Table(displayName=ws.title.split()[-1], ref=f"A1:{get_column_letter(len(widths))}{rows + 1}")
        table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
        ws.add_table(table)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    repeat = max(1, column_index_from_string(re.sub(r"\d", "", freeze)) - 1)  # the frozen columns, else the first
    pages = pages_wide(widths[:printed], repeat)
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = pages, 0
    if pages > 1:  # every page names its rows, and the pages of a band of rows follow each other
        ws.print_title_cols = f"A:{get_column_letter(repeat)}"
        ws.page_setup.pageOrder = "overThenDown"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.25
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    ws.print_area = f"A1:{get_column_letter(printed)}{rows + 1}"
    ws.print_title_rows = "1:1"


def _about(lang: str, df: pd.DataFrame, info: dict, citation: str) -> pd.DataFrame:
    docs = folder_of(df).documents()
    rows = [
        (labels.page("title", lang), labels.page("made", lang, package=info["package"], data=info["data_version"],
                                                 made=info["made"])),
        (labels.column("value", lang), labels.page("rows", lang, n=len(df), docs=df["doc_id"].nunique())),
        (labels.page("cite", lang), citation),
        (labels.column("source_start", lang), labels.page("offsets_rule", lang)),
        (labels.column("licence", lang), labels.page("licence", lang)),
    ]
    rows += [(sheet_title(code, lang), labels.page(f"sheet_{code}", lang)) for code in SHEETS]
    rows += [(d.doc_id, f"{d.region} {d.title} ({d.issued:%Y-%m-%d}) sha256 {d.sha256}") for d in docs.itertuples()]
    return pd.DataFrame(rows, columns=["item", "value"])


def _comments(ws, df: pd.DataFrame, lang: str) -> None:
    """A comment on each filled comparison cell: its statements' ids and quotes."""
    from openpyxl.comments import Comment

    long = comparison_long(df, lang=lang)
    region = labels.region_column(lang)
    quotes: dict[tuple[str, str], list[str]] = {}
    for row in long[["metric", region, "target_id", "quote"]].itertuples(index=False, name=None):
        quotes.setdefault((row[0], row[1]), []).append(f"{row[2]}: “{row[3]}”")
    quotes = {key: "\n".join(lines) for key, lines in quotes.items()}
    regions = {ws.cell(row=1, column=j).value: j for j in range(3, ws.max_column + 1)}
    for i in range(2, ws.max_row + 1):
        metric = unescape(str(ws.cell(row=i, column=2).value))
        for name, j in regions.items():
            text = quotes.get((metric, unescape(str(name))))
            if text:
                comment = Comment(escape(text), "vetcompare")
                comment.width, comment.height = 420, min(600, 40 + 18 * text.count("\n") + len(text) // 3)
                ws.cell(row=i, column=j).comment = comment


def _properties(wb, df: pd.DataFrame, lang: str, info: dict, citation: str) -> None:
    """Document properties a colleague's Excel shows under File > Info."""
    wb.properties.creator = info["package"]
    wb.properties.title = labels.page("title", lang)
    wb.properties.subject = labels.page("rows", lang, n=len(df), docs=df["doc_id"].nunique())
    wb.properties.keywords = f"vetcompare; data version {info['data_version']}"
    wb.properties.description = citation


def write_workbook(path: str | Path, df: pd.DataFrame | None = None, *, lang: str = "zh") -> Path:
    """Write the statements as an Excel workbook for colleagues, and return its path.

    Sheets: targets, comparison (side by side; each cell's comment quotes its statements),
    codebook, sources and about (how it was made, how to cite it). Headers and words are in
    ``lang``, the codes kept beside them so that :func:`~vetcompare.analysis.export.read_workbook`
    reads it back exactly. The file is written atomically.

    Parameters
    ----------
    path : str or Path
        The ``.xlsx`` file to write (its folder is made if needed).
    df : DataFrame, optional
        The statements (default: every statement of the default folder).
    lang : {"zh", "en"}, default "zh"
        Language of the sheet names, headers and words.

    Returns
    -------
    Path
        ``path``.

    Raises
    ------
    ValueError
        ``path`` does not end in ``.xlsx``, or an unknown language.
    DataError
        A text no Excel cell can hold (the problems name sheet, row and column).
    WriteError
        The file could not be written (the message names it; a previous file is left as it was).

    Examples
    --------
    >>> import pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     write_workbook(pathlib.Path(tmp) / "targets.xlsx", lang="en").name
    'targets.xlsx'
    """
    from openpyxl import Workbook

    labels.check(lang)
    df = load_targets() if df is None else df
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ValueError(f"{path.name}: the workbook must be an .xlsx file")
    wb = Workbook()
    wb.remove(wb.active)
    sheets = {code: wb.create_sheet(sheet_title(code, lang)) for code in SHEETS}
    problems = _write_sheet(sheets["targets"], printed_first(with_labels(df, lang), lang), lang, freeze="C2",
                            printed=len(PRINTED))
    problems += _write_sheet(sheets["comparison"], side_by_side(df, lang=lang), lang, index=True, freeze="C2")
    problems += _write_sheet(sheets["codebook"], with_labels(folder_of(df).codebook(), lang), lang)
    problems += _write_sheet(sheets["sources"], with_labels(folder_of(df).documents(), lang), lang)
    info, citation = manifest(df), cite(lang=lang, df=df)  # once for the about sheet and the properties
    problems += _write_sheet(sheets["about"], _about(lang, df, info, citation), lang)
    if problems:
        raise DataError([Problem(f"{path.name}, {p.file}", p.row, p.column, p.message) for p in problems])
    _comments(sheets["comparison"], df, lang)
    _properties(wb, df, lang, info, citation)
    with atomic_path(path) as tmp:
        wb.save(tmp)
    return path


def read_workbook(path: str | Path, sheet: str = "targets") -> pd.DataFrame:
    """Read a sheet of a workbook written by :func:`~vetcompare.analysis.export.write_workbook` back into a table.

    The targets come back in the schema's dtypes. Headers give back their codes and the columns of
    words beside coded columns are left out, so a Chinese workbook reads back like an English one.
    Every row the sheet holds is read (whatever used range it declares), blank rows are skipped, and
    LibreOffice's =TRUE()/=FALSE() read as booleans. A targets sheet is checked like a curated file.

    Parameters
    ----------
    path : str or Path
        The ``.xlsx`` workbook (also after a colleague edited and saved it in Excel, WPS or LibreOffice).
    sheet : {"targets", "comparison", "codebook", "sources", "about"}, default "targets"
        The sheet, by its code (in a Chinese workbook its name ends with the code: "目标表 targets").

    Returns
    -------
    DataFrame
        The sheet's rows; for ``targets``, one row per statement with the columns of
        :func:`~vetcompare.schema.schema_table`.

    Raises
    ------
    ValueError
        The workbook has no such sheet, or the file is not a readable ``.xlsx`` workbook.
    DataError
        A targets sheet with a missing column, a word in a number cell, a date, ``maybe`` for a
        boolean ...; every problem names the sheet, the row and the column.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = write_workbook(pathlib.Path(tmp) / "targets.xlsx", lang="zh")
    ...     read_workbook(path).equals(load_targets())
    True
    """
    wb = open_workbook(path, read_only=True)
    name = next((n for n in wb.sheetnames if n == sheet or n.endswith(f" {sheet}")), None)
    if name is None:
        raise ValueError(f"{Path(path).name}: no sheet {sheet!r} (sheets: {', '.join(wb.sheetnames)})")
    label = f"{Path(path).name}, sheet {name!r}"
    if sheet != "targets":
        frame = _values(wb[name])
        wb.close()
        return frame
    header, rows, lines, problems = read_rows(wb[name], label)
    wb.close()
    codes = _codes(header)
    columns = [codes[h] for h in header if h in codes]
    records = [{codes[h]: v for h, v in row.items() if h in codes} for row in rows]
    table = Table(label, columns, records, lines)
    typed, more = check_table(table, schema.TARGET_FIELDS, extra="ignore")
    if problems + more:
        raise DataError(problems + more)
    texts = [f.name for f in schema.TARGET_FIELDS if f.dtype == "str"]
    for row, record in zip(typed, records):  # text exactly as written: the checks trim what they read
        row.update({name: record[name] for name in texts if row[name] is not None})
    return schema.to_frame(typed, schema.TARGET_FIELDS)


def _codes(header: list[str]) -> dict[str, str]:
    """Each header of a sheet that is not a column of words, with the code it stands for."""
    suffixes = tuple(labels.text("label_suffix", lang) for lang in labels.LANGS)
    return {h: h.split(" ")[-1] if h.split(" ")[-1] in labels.COLUMNS else h
            for h in header if h and not h.endswith(suffixes)}


def _values(ws) -> pd.DataFrame:
    """A sheet other than the targets as cell values (dates stay dates), every row it holds, blank rows
    left out, under the codes of its headers."""
    ws.reset_dimensions()
    rows = [[unescape(v) if isinstance(v, str) else v for v in row] for row in ws.iter_rows(values_only=True)]
    if not rows:
        return pd.DataFrame()
    header = [str(h) if h is not None else "" for h in rows[0]]
    codes = _codes(header)
    keep = [j for j, h in enumerate(header) if h in codes]
    body = [row for row in rows[1:] if any(v is not None and str(v).strip() for v in row)]
    width = len(header)
    return pd.DataFrame([[(list(row) + [None] * width)[j] for j in keep] for row in body],
                        columns=[codes[header[j]] for j in keep])
