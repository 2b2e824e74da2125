"""Curation sheets and adding a region: round trips, and a researcher's mistakes named by sheet, row, column."""

import datetime as dt
import shutil
import subprocess
import sys

import pandas as pd
import pytest
from openpyxl import load_workbook

import vetcompare as vc
from vetcompare.curation.importing import import_sheet
from vetcompare.curation.sheet import curated_rows, write_sheet
from vetcompare.data.problems import DataError

DOC = "bazhong-2021"


@pytest.fixture()
def data(tmp_path):
    """A private copy of the data folder, so that tests can add to it (the environment is left alone)."""
    root = tmp_path / "data"
    shutil.copytree(vc.data.folder.default_folder().root, root, ignore=shutil.ignore_patterns("__pycache__"))
    return vc.DataFolder(root)


@pytest.fixture()
def sheet(tmp_path, data):
    return write_sheet(tmp_path / "bz.xlsx", DOC, rows=curated_rows(DOC, data), data=data)


def test_round_trip_sheet_to_csv(sheet, data):
    before = (data.root / "targets" / f"{DOC}.csv").read_bytes()
    (data.root / "targets" / f"{DOC}.csv").unlink()
    df = import_sheet(sheet, data)
    assert (data.root / "targets" / f"{DOC}.csv").read_bytes() == before
    assert len(df) == 20
    pd.testing.assert_frame_equal(vc.load_targets(), vc.load_targets())


def test_sheet_has_drop_down_lists(sheet):
    wb = load_workbook(sheet)
    ws = wb["targets"]
    validated = {str(dv.sqref).split(":")[0][0] for dv in ws.data_validations.dataValidation}
    header = [c.value for c in ws[1]]
    for column in ("metric_id", "kind", "unit", "comparator", "tier_word"):
        letter = chr(ord("A") + header.index(column))
        assert letter in validated, column
    assert wb["lists"].sheet_state == "hidden"


def damage(path, action):
    wb = load_workbook(path)
    action(wb["targets"])
    wb.save(path)
    return path


def col(ws, name):
    return [c.value for c in ws[1]].index(name) + 1


BAD = {
    "formula": (lambda ws: ws.cell(row=3, column=col(ws, "value_low")).__setattr__("value", "=1500*2"),
                (3, "value_low", "holds a formula")),
    "merged cells": (lambda ws: ws.merge_cells("B4:C4"), (4, None, "merged")),
    "excel date": (lambda ws: ws.cell(row=5, column=col(ws, "year")).__setattr__("value", dt.datetime(2025, 1, 1)),
                   (5, "year", "holds a date")),
    "renamed column": (lambda ws: ws.cell(row=1, column=col(ws, "unit")).__setattr__("value", "units"),
                       (1, "unit", "missing")),
    "unknown metric": (lambda ws: ws.cell(row=6, column=col(ws, "metric_id")).__setattr__("value", "x.y"),
                       (6, "metric_id", "unknown metric")),
    "not a number": (lambda ws: ws.cell(row=3, column=col(ws, "value_low")).__setattr__("value", "三千"),
                     (3, "value_low", "not a number")),
    "low > high": (lambda ws: ws.cell(row=3, column=col(ws, "value_low")).__setattr__("value", 9000),
                   (3, "value_low", "greater than")),
    "quote not in source": (lambda ws: ws.cell(row=2, column=col(ws, "quote")).__setattr__("value", "没有这句话"),
                            (2, "quote", "not in the source")),
}


@pytest.mark.parametrize("name", list(BAD))
def test_bad_sheet_is_named(sheet, name, data):
    action, (row, column, words) = BAD[name]
    damage(sheet, action)
    with pytest.raises(DataError) as err:
        import_sheet(sheet, data, write=False)
    hits = [p for p in err.value.problems if p.row == row and (column is None or p.column == column)
            and words in p.message]
    assert hits, [str(p) for p in err.value.problems]
    assert str(hits[0]).startswith("bz.xlsx, sheet 'targets', row")


def test_all_sheet_problems_at_once_and_nothing_written(sheet, data):
    before = (data.root / "targets" / f"{DOC}.csv").read_bytes()
    damage(sheet, lambda ws: (BAD["formula"][0](ws), BAD["excel date"][0](ws), BAD["unknown metric"][0](ws)))
    with pytest.raises(DataError) as err:
        import_sheet(sheet, data)
    assert {(p.row, p.column) for p in err.value.problems} >= {(3, "value_low"), (5, "year"), (6, "metric_id")}
    assert (data.root / "targets" / f"{DOC}.csv").read_bytes() == before


def test_extra_column_is_refused_and_helper_column_ignored(sheet, data):
    def add(ws):
        ws.cell(row=1, column=ws.max_column + 1, value="my remarks")
    damage(sheet, add)
    with pytest.raises(DataError) as err:
        import_sheet(sheet, data, write=False)
    assert any(p.column == "my remarks" and "unexpected column" in p.message for p in err.value.problems)


def test_empty_sheet(tmp_path, data):
    path = write_sheet(tmp_path / "empty.xlsx", DOC, data=data)
    with pytest.raises(DataError) as err:
        import_sheet(path, data, write=False)
    assert any("no statements" in p.message for p in err.value.problems)


def test_add_a_region_end_to_end(tmp_path, data):
    """Register a GBK text, get a prefilled sheet, curate one row, import it: the region is in the table."""
    text = ("成都市新都区推动职业教育发展实施方案\n到2025年，“双师型”教师占专业课教师比例达到65%以上，"
            "建成2所市级优质中职学校。")
    src = tmp_path / "xindu.txt"
    src.write_bytes(text.encode("gbk"))
    run = subprocess.run([sys.executable, "-m", "vetcompare", "new-document", str(src), "--doc-id", "xindu-2023",
                          "--region", "新都区", "--region-en", "Xindu District", "--province", "四川省",
                          "--province-en", "Sichuan", "--level", "district", "--issuer", "成都市新都区人民政府",
                          "--title", "成都市新都区推动职业教育发展实施方案", "--issued", "2023-05-01",
                          "--period", "2023-2025", "--sheet", str(tmp_path / "xindu.xlsx"), "--data", str(data.root)],
                         capture_output=True, text=True, env={**__import__("os").environ})
    assert run.returncode == 0, run.stderr
    assert (data.root / "sources" / "xindu-2023.txt").read_bytes() == text.encode("gbk")  # bytes as received
    data.forget()
    wb = load_workbook(tmp_path / "xindu.xlsx")
    ws = wb["targets"]
    header = [c.value for c in ws[1]]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    assert rows, "the sheet is prefilled with candidates"
    # the curator keeps the 65% row, widens its quote and fills in the judgement
    keep = next(r for r in rows if r[header.index("value_low")] == 65)
    # the metric guess says how sure it is, beside the drop-down's "id · 中文标签"
    assert keep[header.index("metric_confidence")] == "high"
    assert keep[header.index("metric_id")] == "teachers.dual_qualified_share"
    for r in range(ws.max_row, 1, -1):
        if [c.value for c in ws[r]] != keep:
            ws.delete_rows(r)
    set_ = {"metric_id": "teachers.dual_qualified_share", "kind": "target", "comparator": "ge", "year": 2025,
            "year_basis": "stated", "quote": "到2025年，“双师型”教师占专业课教师比例达到65%以上",
            "source_start": None, "source_end": None}
    for k, v in set_.items():
        ws.cell(row=2, column=header.index(k) + 1).value = v
    wb.save(tmp_path / "xindu.xlsx")
    run = subprocess.run([sys.executable, "-m", "vetcompare", "import-sheet", str(tmp_path / "xindu.xlsx"),
                          "--data", str(data.root)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    data.forget()
    t = data.targets().set_index("doc_id").loc["xindu-2023"]
    assert (t["value_low"], t["comparator"], t["year"], t["tier"]) == (65.0, "ge", 2025, "none")
    assert data.source_text("xindu-2023")[t["source_start"]:t["source_end"]] == set_["quote"]


def test_numbers_are_numbers_in_the_sheet(sheet):
    ws = load_workbook(sheet)["targets"]
    assert isinstance(ws.cell(row=3, column=col(ws, "value_low")).value, int)  # 3000人以上
    assert isinstance(ws.cell(row=3, column=col(ws, "source_start")).value, int)


def test_percent_formatted_cell_reads_as_shown(sheet, data):
    def as_percent(ws):
        cell = ws.cell(row=7, column=col(ws, "value_low"))  # bz-06: 55%
        cell.value, cell.number_format = 0.55, "0%"
        cell = ws.cell(row=7, column=col(ws, "value_high"))
        cell.value, cell.number_format = 0.55, "0%"
    damage(sheet, as_percent)
    df = import_sheet(sheet, data, write=False).set_index("target_id")
    assert df.at["bz-06", "value_low"] == 55


def test_one_mistake_one_problem(sheet, data):
    damage(sheet, BAD["formula"][0])
    with pytest.raises(DataError) as err:
        import_sheet(sheet, data, write=False)
    assert [(p.row, p.column) for p in err.value.problems] == [(3, "value_low")]


def test_unregistered_document_names_the_data_folder(sheet, data):
    wb = load_workbook(sheet)
    wb["about"]["B1"].value = "nowhere-2030"
    wb.save(sheet)
    with pytest.raises(DataError) as err:
        import_sheet(sheet, data, write=False)
    assert str(data.root) in str(err.value) and "VETCOMPARE_DATA" in str(err.value)


def test_cli_refuses_to_overwrite_and_reads_dashed_periods(tmp_path, data):
    out = tmp_path / "bz.xlsx"
    run = lambda *a: subprocess.run([sys.executable, "-m", "vetcompare", *a, "--data", str(data.root)],
                                    capture_output=True, text=True)
    assert run("sheet", DOC, "--out", str(out)).returncode == 0
    again = run("sheet", DOC, "--out", str(out))
    assert again.returncode == 2 and "--force" in again.stderr
    src = tmp_path / "t.txt"
    src.write_text("到2025年，建成2所市级优质中职学校。", encoding="utf-8")
    base = ["new-document", str(src), "--doc-id", "demo-2024", "--region", "某区", "--region-en", "Some District",
            "--province", "重庆市", "--province-en", "Chongqing", "--level", "district", "--issuer", "某区政府",
            "--title", "某区方案", "--issued", "2024-01-01", "--sheet", str(tmp_path / "demo.xlsx")]
    bad = run(*base, "--period", "2024 to 2025")
    assert bad.returncode == 2 and "e.g. 2021-2025" in bad.stderr and "Traceback" not in bad.stderr
    wrong_date = run(*base[:-4], "--issued", "2024/01/01", "--sheet", str(tmp_path / "demo.xlsx"), "--period", "2024–2025")
    assert wrong_date.returncode == 2 and "YYYY-MM-DD" in wrong_date.stderr and "Traceback" not in wrong_date.stderr
    ok = run(*base, "--period", "2024–2025")
    assert ok.returncode == 0, ok.stderr
