"""What people do to files between two commands: a workbook saved by another program, a long pasted note,
two runs at once, a half-failed registration, rows that repeat each other, invisible controls. Each ends in
a correct result or a named error, and nothing is lost."""

import csv
import io
import re
import shutil
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

import vetcompare as vc
from cli_run import cli, one_line_error
from vetcompare.curation.importing import import_sheet
from vetcompare.curation.register import NewDocument, register_with_sheet
from vetcompare.curation.sheet import curated_rows, read_sheet, write_sheet
from vetcompare.data.csvio import read_csv
from vetcompare.data.problems import DataError
from vetcompare.data.safe import WriteError, folder_lock
from vetcompare.text import extract_targets

DOC = "bazhong-2021"




def _rewrite_sheet_xml(path: Path, sheet_file: str, change) -> None:
    """Rewrite one worksheet's XML inside an .xlsx, the way another program might have written it."""
    tmp = path.with_suffix(".tmp.xlsx")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            dst.writestr(item, change(body.decode("utf-8")).encode("utf-8") if item.filename == sheet_file else body)
    tmp.replace(path)


def _stale_dimension(xml: str) -> str:
    new, n = re.subn(r'<dimension ref="A1:([A-Z]+)\d+"', r'<dimension ref="A1:\g<1>11"', xml)
    assert n == 1, "the sheet states its used range"
    return new


def _sheet_file(path: Path, title_end: str) -> str:
    """The worksheet part of the sheet whose name ends with ``title_end``."""
    wb = load_workbook(path, read_only=True)
    index = next(i for i, name in enumerate(wb.sheetnames, start=1) if name.endswith(title_end))
    wb.close()
    return f"xl/worksheets/sheet{index}.xml"


# -- a sheet whose stored size is stale -------------------------------------------------------------


def test_workbook_with_a_stale_used_range_reads_every_row(tmp_path):
    path = vc.write_workbook(tmp_path / "t.xlsx", lang="zh")
    _rewrite_sheet_xml(path, _sheet_file(path, "targets"), _stale_dimension)
    assert load_workbook(path, read_only=True)[load_workbook(path).sheetnames[0]].max_row == 11  # what it declares
    pd.testing.assert_frame_equal(vc.read_workbook(path), vc.load_targets())
    assert len(vc.read_workbook(path, "codebook")) == len(vc.load_codebook())


def test_curation_sheet_with_a_stale_used_range_imports_every_row(tmp_path, data):
    path = write_sheet(tmp_path / "s.xlsx", DOC, rows=curated_rows(DOC, data), data=data)
    _rewrite_sheet_xml(path, "xl/worksheets/sheet1.xml", _stale_dimension)
    before = (data.root / "targets" / f"{DOC}.csv").read_bytes()
    _, table, problems = read_sheet(path)
    assert not problems and len(table.rows) == 20
    assert len(import_sheet(path, data)) == 20
    assert (data.root / "targets" / f"{DOC}.csv").read_bytes() == before  # the same 20 rows, none deleted


# -- a workbook saved by LibreOffice, booleans typed as text, a deleted column -------------------------


def test_booleans_that_libreoffice_stores_as_formulas_read_as_booleans(tmp_path):
    path = vc.write_workbook(tmp_path / "t.xlsx", lang="en")
    hedged = vc.load_targets()["hedged"]

    def as_libreoffice(xml: str) -> str:  # LibreOffice Calc writes <c t="b"><f>FALSE()</f><v>0</v></c>
        def formula(m):
            word = "TRUE()" if m.group(3) == "1" else "FALSE()"
            return f'<c r="{m.group(1)}"{m.group(2)} t="b"><f>{word}</f><v>{m.group(3)}</v></c>'

        return re.sub(r'<c r="([A-Z]+\d+)"([^>]*) t="b"><v>([01])</v></c>', formula, xml)

    _rewrite_sheet_xml(path, _sheet_file(path, "targets"), as_libreoffice)
    ws = load_workbook(path)["targets"]
    cells = [ws.cell(row=i, column=_column(ws, "hedged")).value for i in range(2, ws.max_row + 1)]
    assert set(cells) == {"=TRUE()", "=FALSE()"}  # as openpyxl sees such a file
    back = vc.read_workbook(path)
    assert back["hedged"].tolist() == hedged.tolist()
    assert (~back["hedged"]).sum() == (~hedged).sum() > 100


def test_a_workbook_opened_and_saved_in_libreoffice_reads_back(tmp_path):
    assert shutil.which("soffice"), "needs LibreOffice: `make office` (apt-get install libreoffice-calc-nogui)"
    path = vc.write_workbook(tmp_path / "t.xlsx", lang="zh")
    out = tmp_path / "lo"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to",
                    "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(path)], check=True,
                   capture_output=True, timeout=180)
    saved = out / "t.xlsx"
    ws = load_workbook(saved).worksheets[0]
    cells = {ws.cell(row=i, column=_column(ws, "hedged")).value for i in range(2, ws.max_row + 1)}
    assert cells == {"=FALSE()", "=TRUE()"}  # what LibreOffice makes of a boolean cell
    pd.testing.assert_frame_equal(vc.read_workbook(saved), vc.load_targets())


def _edited(path: Path, edit) -> Path:
    wb = load_workbook(path)
    edit(wb.worksheets[0])  # the targets sheet, in either language
    wb.save(path)
    return path


def _column(ws, code: str) -> int:
    return next(c.column for c in ws[1] if str(c.value).split(" ")[-1] == code)


@pytest.mark.parametrize("typed,expected", [("false", False), ("FALSE", False), ("true", True), (" true ", True)])
def test_a_boolean_typed_as_text_reads_as_what_it_says(tmp_path, typed, expected):
    path = vc.write_workbook(tmp_path / "t.xlsx", lang="en")
    df = vc.load_targets()
    row = int(df.index[df["hedged"] != expected][0])
    _edited(path, lambda ws: setattr(ws.cell(row=row + 2, column=_column(ws, "hedged")), "value", typed))
    back = vc.read_workbook(path)
    assert back.at[row, "hedged"] == expected
    assert back.drop(columns="hedged").equals(df.drop(columns="hedged"))


def test_a_word_for_a_boolean_is_named(tmp_path):
    path = _edited(vc.write_workbook(tmp_path / "t.xlsx", lang="en"),
                   lambda ws: setattr(ws.cell(row=5, column=_column(ws, "hedged")), "value", "maybe"))
    with pytest.raises(DataError) as err:
        vc.read_workbook(path)
    [p] = err.value.problems
    assert (p.row, p.column) == (5, "hedged") and "sheet 'targets'" in p.file and "true or false" in p.message


def test_a_deleted_column_is_an_error_not_empty_notes(tmp_path):
    def delete_note(ws):
        ws.delete_cols(_column(ws, "note"))

    path = _edited(vc.write_workbook(tmp_path / "t.xlsx", lang="en"), delete_note)
    with pytest.raises(DataError) as err:
        vc.read_workbook(path)
    assert [(p.column, p.message) for p in err.value.problems] == [("note", "column is missing")]


@pytest.mark.parametrize("column,value,says", [("value_low", "seventy", "not a number"),
                                               ("year", "二〇二五", "not a whole number"),
                                               ("year", "2025-06-30", "holds a date")])
def test_a_word_or_a_date_in_a_number_cell_is_named(tmp_path, column, value, says):
    import datetime as dt

    typed = dt.datetime(2025, 6, 30) if value == "2025-06-30" else value
    path = _edited(vc.write_workbook(tmp_path / "t.xlsx", lang="zh"),
                   lambda ws: setattr(ws.cell(row=7, column=_column(ws, column)), "value", typed))
    with pytest.raises(DataError) as err:
        vc.read_workbook(path)
    [p] = err.value.problems
    assert p.row == 7 and says in p.message and "目标表 targets" in p.file


def test_an_inserted_blank_row_is_skipped(tmp_path):
    path = _edited(vc.write_workbook(tmp_path / "t.xlsx", lang="en"), lambda ws: ws.insert_rows(10))
    pd.testing.assert_frame_equal(vc.read_workbook(path), vc.load_targets())


# -- a long field ----------------------------------------------------------------------------------------


def test_a_long_registry_field_is_read_back(data):
    path = data.root / "documents.csv"
    table, _ = read_csv(path)
    note = "损坏说明 " * 30_000  # 150,000 characters: past the csv module's own field limit
    text = path.read_text(encoding="utf-8").replace(table.rows[0]["damage"], note.strip(), 1)
    path.write_text(text, encoding="utf-8")
    data.forget()
    assert data.document(table.rows[0]["doc_id"])["damage"] == note.strip()
    assert len(data.targets()) == len(vc.load_targets())


def test_validate_takes_a_200_kb_note(data):
    path = data.curated_path(DOC)
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    rows[0]["note"] = "说明" * 100_000
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    run = cli("validate", data=data)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("ok:")


# -- two reports into one folder at once -------------------------------------------------------------------


def test_a_second_writer_of_a_report_folder_is_refused(tmp_path):
    with folder_lock(tmp_path / "out"):
        with pytest.raises(WriteError, match="being written into this folder by another run"):
            with folder_lock(tmp_path / "out"):
                pass
    with folder_lock(tmp_path / "out"):  # released when the first run ends
        pass
    assert list((tmp_path / "out").iterdir()) == []  # the lock leaves no file behind


def test_two_reports_at_once_one_is_refused_and_the_folder_is_one_runs(tmp_path):
    out = tmp_path / "out"
    first = subprocess.Popen([sys.executable, "-m", "vetcompare", "report", "--out", str(out), "--lang", "en"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not any(out.glob("*.png")) and time.monotonic() < deadline and first.poll() is None:
        time.sleep(0.05)  # the first run has its lock once it writes
    second = cli("report", "--out", str(out), "--lang", "zh")
    assert first.wait(timeout=300) == 0, first.stderr.read()
    line = one_line_error(second)
    assert "being written into this folder by another run" in line
    assert not list(out.glob("*_zh.*"))  # nothing of the refused run


def test_reports_one_after_the_other_both_succeed(tmp_path):
    for lang in ("en", "en"):
        vc.build_report(tmp_path / "out", langs=(lang,), formats=("svg",), jobs=1, log=lambda line: None)


def test_a_report_from_another_thread_waits_for_nobody_and_is_refused(tmp_path):
    out = tmp_path / "out"
    errors = []
    with folder_lock(out):
        t = threading.Thread(target=lambda: errors.append(_try_report(out)))
        t.start()
        t.join(timeout=120)
    assert errors and isinstance(errors[0], WriteError)


def _try_report(out):
    try:
        vc.build_report(out, langs=("en",), formats=("svg",), jobs=1, log=lambda line: None)
    except WriteError as exc:
        return exc
    return None


# -- a registration that fails half-way ----------------------------------------------------------------------


def _doc(doc_id="xindu-2023"):
    return NewDocument(doc_id, "新都区", "Xindu District", "四川省", "Sichuan", "district", "成都市新都区人民政府",
                       "成都市新都区职业教育方案", "2023-05-01", 2023, 2025)


def test_a_registration_whose_sheet_cannot_be_written_leaves_nothing(tmp_path, data):
    src = tmp_path / "xindu.txt"
    src.write_text("到2025年，建成2所市级优质中职学校，“双师型”教师占比达到60%。", encoding="utf-8")
    registry = (data.root / "documents.csv").read_bytes()
    sources = sorted(p.name for p in (data.root / "sources").iterdir())
    (tmp_path / "blocked").write_text("a file where the sheet's folder should be")
    with pytest.raises(WriteError):
        register_with_sheet(src, _doc(), tmp_path / "blocked" / "xindu.xlsx", data)
    assert (data.root / "documents.csv").read_bytes() == registry
    assert sorted(p.name for p in (data.root / "sources").iterdir()) == sources
    row, sheet = register_with_sheet(src, _doc(), tmp_path / "xindu.xlsx", data)  # the rerun goes through
    assert row["doc_id"] == "xindu-2023" and sheet.is_file()
    data.forget()
    assert data.document("xindu-2023")["region"] == "新都区"


def test_new_document_rerun_after_a_failed_sheet_goes_through(tmp_path, data):
    src = tmp_path / "xindu.txt"
    src.write_text("到2025年，建成2所市级优质中职学校。", encoding="utf-8")
    (tmp_path / "blocked").write_text("x")
    flags = ["--doc-id", "xindu-2023", "--region", "新都区", "--region-en", "Xindu District", "--province", "四川省",
             "--province-en", "Sichuan", "--level", "district", "--issuer", "成都市新都区人民政府", "--title",
             "方案", "--issued", "2023-05-01", "--period", "2023-2025"]
    one_line_error(cli("new-document", str(src), *flags, "--sheet", str(tmp_path / "blocked" / "x.xlsx"), data=data))
    run = cli("new-document", str(src), *flags, "--sheet", str(tmp_path / "x.xlsx"), data=data)
    assert run.returncode == 0, run.stderr


# -- two rows that repeat each other ---------------------------------------------------------------------------


def test_two_rows_that_repeat_each_other_are_named(tmp_path, data):
    rows = curated_rows(DOC, data)
    a, b = rows.at[0, "target_id"], rows.at[1, "target_id"]
    rows.loc[0, "repeats"], rows.loc[1, "repeats"] = b, a
    with pytest.raises(DataError) as err:
        import_sheet(write_sheet(tmp_path / "s.xlsx", DOC, rows=rows, data=data), data, write=False)
    found = [(p.row, p.column) for p in err.value.problems]
    assert found == [(2, "repeats"), (3, "repeats")]
    assert "would appear in no table" in err.value.problems[0].message


def test_a_chain_of_repeats_is_named_and_validate_fails(data):
    doc = "jiulongpo-2022"
    rows = curated_rows(doc, data)
    repeat = rows.index[rows["repeats"].fillna("") != ""][0]
    main = rows.at[repeat, "repeats"]
    other = rows.index[(rows["repeats"].fillna("") == "") & (rows["target_id"] != main)][0]
    rows.loc[rows["target_id"] == main, "repeats"] = rows.at[other, "target_id"]  # the main row now repeats too
    from vetcompare.data.csvio import write_csv

    write_csv(data.curated_path(doc), list(rows.columns), rows.fillna("").to_dict("records"))
    run = cli("validate", data=data)
    assert run.returncode == 1 and "itself repeats" in run.stderr


# -- bidi controls and an empty --data --------------------------------------------------------------------------


@pytest.mark.parametrize("control", ["\u202e", "\u2066", "\u200f"])
def test_a_direction_control_in_the_registry_is_named(data, control):
    path = data.root / "documents.csv"
    text = path.read_text(encoding="utf-8").replace("巴中市", f"巴中{control}市", 1)
    path.write_text(text, encoding="utf-8")
    data.forget()
    with pytest.raises(DataError) as err:
        data.documents()
    [p] = err.value.problems
    assert p.file == "documents.csv" and p.column == "region" and f"U+{ord(control):04X}" in p.message


def test_a_direction_control_is_not_registered(tmp_path, data):
    src = tmp_path / "t.txt"
    src.write_text("到2025年，建成2所市级优质中职学校。", encoding="utf-8")
    doc = _doc()
    doc.title = "方案\u202e2023"
    with pytest.raises(ValueError, match="direction control"):
        register_with_sheet(src, doc, tmp_path / "s.xlsx", data)
    assert "xindu-2023" not in (data.root / "documents.csv").read_text(encoding="utf-8")


def test_a_direction_control_in_a_sheet_is_named(tmp_path, data):
    rows = curated_rows(DOC, data)
    rows.loc[2, "note"] = "看\u202e这里"
    with pytest.raises(DataError) as err:
        import_sheet(write_sheet(tmp_path / "s.xlsx", DOC, rows=rows, data=data), data, write=False)
    assert [(p.row, p.column) for p in err.value.problems] == [(4, "note")]


@pytest.mark.parametrize("command", [["import-sheet", "x.xlsx"], ["validate"], ["report", "--out", "r"],
                                     ["audit", DOC]])
def test_an_empty_data_flag_is_refused(tmp_path, command):
    (tmp_path / "x.xlsx").write_bytes(b"")
    shipped = vc.DataFolder.shipped().root
    before = {p: p.stat().st_mtime_ns for p in shipped.rglob("*") if p.is_file()}
    line = one_line_error(cli(*command, "--data", "", cwd=tmp_path))
    assert "--data is empty" in line
    assert {p: p.stat().st_mtime_ns for p in shipped.rglob("*") if p.is_file()} == before


# -- named errors instead of tracebacks --------------------------------------------------------------------------


def test_cite_takes_a_list_of_ids():
    both = vc.cite(["bz-05", "jlp-07"])
    assert both == vc.cite("bz-05") + "\n\n" + vc.cite("jlp-07")


def test_cite_of_a_number_is_a_named_error():
    with pytest.raises(TypeError, match="give a target id"):
        vc.cite(5)


def test_write_html_with_a_lone_surrogate_names_the_cell(tmp_path):
    df = vc.load_targets()
    df.loc[3, "note"] = "bad \udc80 text"
    with pytest.raises(DataError) as err:
        vc.write_html(tmp_path / "r.html", df)
    [p] = err.value.problems
    assert (p.row, p.column) == (5, "note") and df.at[3, "target_id"] in p.message
    assert not list(tmp_path.iterdir())


# -- every shape stays linear ----------------------------------------------------------------------------------------


def test_a_hard_wrapped_column_of_numbers_stays_linear():
    def seconds(n):
        text = "\n".join(str(i) for i in range(n)) + "\n"
        started = time.perf_counter()
        extract_targets(text, text_form="pdf")
        return time.perf_counter() - started, len(text)

    seconds(2_000)  # warm the patterns
    small, large = seconds(20_000), seconds(200_000)
    assert large[1] > 1_000_000  # over a megabyte
    assert large[0] < 20, f"{large[0]:.1f} s for {large[1]:,} characters"
    assert large[0] < 30 * max(small[0], 0.02)  # ten times the text, not a hundred times the time
