"""Workbooks: exact round trip, text never read as a formula, readable layout, atomic writes."""

import re

import pandas as pd
import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

import vetcompare as vc
from vetcompare.data.excel import display_width


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    return vc.write_workbook(tmp_path_factory.mktemp("book") / "targets.xlsx")


def test_round_trip_is_exact(book):
    back = vc.read_workbook(book)
    expected = vc.load_targets()
    pd.testing.assert_frame_equal(back, expected)


def test_sheets_and_layout(book):
    wb = load_workbook(book)
    assert wb.sheetnames == ["目标表 targets", "对比 comparison", "指标说明 codebook", "来源文件 sources", "说明 about"]
    ws = wb["目标表 targets"]
    assert ws.freeze_panes == "C2"  # the id and the region stay in view, and stand on every printed page
    header = [c.value for c in ws[1]]
    quote_col = ws.column_dimensions[get_column_letter(header.index("原文 quote") + 1)].width
    assert quote_col == 60  # long Chinese quotes hit the cap
    comparison = wb["对比 comparison"]
    assert comparison.freeze_panes == "C2"
    assert comparison["C1"].value == "重庆市"
    assert "≥60% (2025)" in [c.value for c in comparison["D"]]
    sources = wb["来源文件 sources"]
    issued = [c.value for c in sources[1]].index("发布日期 issued") + 1
    assert sources.cell(row=2, column=issued).number_format == "yyyy-mm-dd"


def test_chinese_workbook_speaks_chinese_and_keeps_the_codes(book):
    wb = load_workbook(book)
    for ws in wb.worksheets:  # every header says what it is in Chinese
        assert all(re.search(r"[\u4e00-\u9fff]", str(c.value)) for c in ws[1] if c.value), ws.title
    ws = wb["目标表 targets"]
    header = [c.value for c in ws[1]]
    kind, words = header.index("类型 kind"), header.index("类型(中文)")
    assert words < kind  # the words are printed, the codes follow for the machines
    pairs = {(row[kind], row[words]) for row in ws.iter_rows(min_row=2, values_only=True)}
    assert ("target", "目标") in pairs and ("baseline", "基线") in pairs
    comparator = header.index("比较方式(中文)")
    assert {row[comparator] for row in ws.iter_rows(min_row=2, values_only=True)} >= {"不低于 (≥)", "约 (≈)"}
    about = [c.value for c in wb["说明 about"]["B"]]
    assert any("数据版本" in str(v) for v in about) and any("著作权法" in str(v) for v in about)


def test_comparison_cells_quote_their_statements(book):
    ws = load_workbook(book)["对比 comparison"]
    df = vc.load_targets().set_index("target_id")
    commented = [c for row in ws.iter_rows(min_row=2, min_col=3) for c in row if c.value]
    assert commented and all(c.comment is not None for c in commented)
    for cell in commented:
        for line in cell.comment.text.split("\n"):
            target, quote = line.split(": ", 1)
            assert quote == f"“{df.loc[target, 'quote']}”"
            assert df.loc[target, "region"] == ws.cell(row=1, column=cell.column).value


def test_sheets_are_tables_that_print_landscape_as_wide_as_legible(book):
    wb = load_workbook(book)
    for ws in wb.worksheets:
        assert len(ws.tables) == 1, ws.title
        assert ws.page_setup.orientation == "landscape"
        assert 1 <= ws.page_setup.fitToWidth <= 8 and ws.page_setup.fitToHeight == 0
        assert ws.print_area.endswith(f"{ws.max_row}")
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows == "$1:$1"
    assert wb.properties.creator == f"vetcompare {vc.__version__}"
    assert wb.properties.keywords.startswith("vetcompare; data version ")


def test_english_workbook_round_trips_too(tmp_path):
    path = vc.write_workbook(tmp_path / "en.xlsx", lang="en")
    assert load_workbook(path).sheetnames[0] == "targets"
    pd.testing.assert_frame_equal(vc.read_workbook(path), vc.load_targets())
    codebook = vc.read_workbook(path, "codebook")
    assert list(codebook.columns) == list(vc.load_codebook().columns)


def test_display_width():
    assert display_width("abc") == 3
    assert display_width("双师型") == 6
    assert display_width("ＡＢ") == 4


def test_no_formulas_even_from_hostile_text(tmp_path):
    df = vc.load_targets().head(6).copy()
    hostile = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\t=x", "\r=y"]
    df["note"] = hostile
    path = vc.write_workbook(tmp_path / "hostile.xlsx", df)
    wb = load_workbook(path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
    ws = wb["目标表 targets"]
    column = get_column_letter([c.value for c in ws[1]].index("说明 note") + 1)
    notes = [c.value for c in ws[column][1:]]
    # a carriage return is stored with Excel's own escape (XML would turn it into a line feed)
    assert notes == hostile[:5] + ["_x000D_=y"]
    assert all(c.quotePrefix for c in ws[column][1:])
    back = vc.read_workbook(path)
    assert list(back["note"]) == hostile


def test_failed_write_keeps_the_previous_file(tmp_path, monkeypatch):
    path = vc.write_workbook(tmp_path / "book.xlsx")
    before = path.read_bytes()

    def boom(self, filename):
        with open(filename, "wb") as fh:
            fh.write(b"half a workbook")
        raise KeyboardInterrupt

    monkeypatch.setattr("openpyxl.workbook.workbook.Workbook.save", boom)
    with pytest.raises(KeyboardInterrupt):
        vc.write_workbook(path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["book.xlsx"]


def test_rejects_other_suffix(tmp_path):
    with pytest.raises(ValueError):
        vc.write_workbook(tmp_path / "book.csv")


# -- workbooks that print --------------------------------------------------------------------------------


def _code(header) -> str:
    return str(header).split(" ")[-1]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_targets_sheet_prints_the_columns_a_reader_needs(tmp_path, lang):
    from openpyxl import load_workbook
    from openpyxl.utils import column_index_from_string

    from vetcompare.analysis.export import PRINTED

    ws = load_workbook(vc.write_workbook(tmp_path / "t.xlsx", lang=lang)).worksheets[0]
    last = column_index_from_string(str(ws.print_area).split(":")[-1].replace("$", "").rstrip("0123456789"))
    printed = [c.value for c in ws[1][:last]]
    assert len(printed) == len(PRINTED) and _code(printed[0]) == "target_id" and _code(printed[-1]) == "quote"
    assert ws.print_title_rows == "$1:$1" or ws.print_title_rows == "1:1"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToHeight == 0
    if ws.page_setup.fitToWidth > 1:  # every page names its rows, and a band of rows is printed page after page
        assert ws.print_title_cols == "$A:$B" and ws.page_setup.pageOrder == "overThenDown"


def test_a_printed_sheet_is_never_shrunk_below_7_pt():
    from vetcompare.analysis.export import FONT_PT, PAGE_PX, column_px, pages_wide

    def fits(widths, pages, scale):  # whole columns, page by page
        used, count = 0.0, 1
        for px in column_px(widths):
            if used and used + px * scale > PAGE_PX:
                used, count = 0.0, count + 1
            used += px * scale
        return count <= pages

    for widths in ([10] * 5, [60] * 12, [60] * 33, [200] * 3, [8, 60, 12, 60, 9, 30] * 4):
        pages = pages_wide(widths)
        assert fits(widths, pages, 7 / FONT_PT)  # at 7 pt the columns fit the pages asked for
        assert pages == 1 or not fits(widths, pages - 1, 7.7 / FONT_PT)  # and one page fewer would not do


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_libreoffice_prints_every_sheet_at_7_pt_or_more(tmp_path, lang):
    import shutil
    import subprocess

    import pdfplumber

    assert shutil.which("soffice"), "needs `make office` (LibreOffice Calc and a Chinese font)"
    book = vc.write_workbook(tmp_path / "t.xlsx", lang=lang)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(book)], check=True, capture_output=True, timeout=180)
    with pdfplumber.open(tmp_path / "t.pdf") as pdf:
        sizes = [min(c["size"] for c in page.chars) for page in pdf.pages]
        text = "".join(page.extract_text() for page in pdf.pages)
        fonts = {c["fontname"].split("+")[-1] for page in pdf.pages for c in page.chars}
    assert min(sizes) >= 7, sizes  # every character of every page printed at 7 pt or more
    assert "bz-01" in text and "职普在校生大体相当" in text  # the ids and the quotes are on the pages
    assert any("WenQuanYi" in f or "Noto" in f for f in fonts), fonts  # Chinese in a Chinese font, not boxes


def test_values_carry_the_number_format_of_their_unit(tmp_path):
    from openpyxl import load_workbook

    ws = load_workbook(vc.write_workbook(tmp_path / "t.xlsx", lang="en")).worksheets[0]
    codes = {_code(c.value): c.column for c in ws[1]}
    seen = {}
    for i in range(2, ws.max_row + 1):
        cell = ws.cell(row=i, column=codes["value_low"])
        if cell.value is not None:
            seen.setdefault((ws.cell(row=i, column=codes["unit"]).value, float(cell.value).is_integer()),
                            cell.number_format)
    assert seen[("percent", True)] == '0"%"'
    assert seen[("count", True)] == "#,##0"
    assert all("0.0#" in fmt for (unit, whole), fmt in seen.items() if not whole and unit in ("percent", "count"))
    assert vc.read_workbook(tmp_path / "t.xlsx")["value_low"].equals(vc.load_targets()["value_low"])
