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
    assert ws.freeze_panes == "A2"
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
    assert words == kind + 1
    pairs = {(row[kind], row[words]) for row in ws.iter_rows(min_row=2, values_only=True)}
    assert ("target", "目标") in pairs and ("baseline", "基线") in pairs
    comparator = header.index("比较方式 comparator")
    assert {row[comparator + 1] for row in ws.iter_rows(min_row=2, values_only=True)} >= {"不低于 (≥)", "约 (≈)"}
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


def test_sheets_are_tables_that_print_landscape_one_page_wide(book):
    wb = load_workbook(book)
    for ws in wb.worksheets:
        assert len(ws.tables) == 1, ws.title
        assert ws.page_setup.orientation == "landscape"
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
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
