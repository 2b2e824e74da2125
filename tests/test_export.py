"""Workbooks: exact round trip, text never read as a formula, readable layout, atomic writes."""

import pandas as pd
import pytest
from openpyxl import load_workbook

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
    assert wb.sheetnames == ["targets", "comparison", "codebook", "sources", "about"]
    ws = wb["targets"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref.startswith("A1:")
    header = [c.value for c in ws[1]]
    quote_col = ws.column_dimensions[chr(ord("A") + header.index("quote"))].width
    assert quote_col == 60  # long Chinese quotes hit the cap
    assert wb["comparison"].freeze_panes == "C2"
    assert wb["comparison"]["C1"].value == "重庆市"
    assert "≥60% (2025)" in [c.value for c in wb["comparison"]["D"]]
    sources = wb["sources"]
    assert sources["M2"].number_format == "yyyy-mm-dd"


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
    notes = [c.value for c in wb["targets"]["Y"][1:]]
    # a carriage return is stored with Excel's own escape (XML would turn it into a line feed)
    assert notes == hostile[:5] + ["_x000D_=y"]
    assert all(c.quotePrefix for c in wb["targets"]["Y"][1:])
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
