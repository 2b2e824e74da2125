"""Hostile input, one named test each: a correct result, or one line that names the file (and sheet, row,
column) and says how to fix it, with a non-zero exit and nothing changed on disk."""

import subprocess
import sys
import time
import zipfile

import pandas as pd
import pytest
from openpyxl import load_workbook

import vetcompare as vc
from cli_run import cli, one_line_error
from vetcompare.curation.importing import import_sheet
from vetcompare.curation.register import NewDocument, register_document
from vetcompare.curation.sheet import curated_rows, read_sheet, write_sheet
from vetcompare.data.csvio import read_csv, write_csv
from vetcompare.data.problems import BadInput, DataError, UnknownName
from vetcompare.data.safe import WriteError, atomic_write_bytes
from vetcompare.text import EncodingError, decode, extract_targets

HOSTILE = {"line separator": "a\u2028b", "paragraph separator": "a\u2029b", "lone CR": "a\rb", "CRLF": "a\r\nb",
           "NUL": "a\x00b", "form feed": "a\x0cb", "zero-width space": "6\u200b0%", "emoji": "目标😀",
           "quote and comma": '"a", b', "escape-like": "_x000D_ stays", "formula": "=1+1", "tab first": "\tx"}
LONE_SURROGATE = "a\ud800b"
DOC = "bazhong-2021"




# -- every writer reads back what it wrote ------------------------------------------------------


@pytest.mark.parametrize("name", list(HOSTILE))
def test_csv_round_trips_hostile_text(tmp_path, name):
    path = write_csv(tmp_path / "t.csv", ["id", "note"], [{"id": "1", "note": HOSTILE[name]}, {"id": "2", "note": "x"}])
    table, problems = read_csv(path)
    assert problems == [] and [r["note"] for r in table.rows] == [HOSTILE[name], "x"]


def test_csv_refuses_a_lone_surrogate_naming_row_and_column(tmp_path):
    with pytest.raises(DataError) as err:
        write_csv(tmp_path / "t.csv", ["id", "note"], [{"id": "1", "note": LONE_SURROGATE}])
    (problem,) = err.value.problems
    assert (problem.row, problem.column) == (2, "note") and not (tmp_path / "t.csv").exists()


def test_workbook_round_trips_hostile_text_in_every_text_column(tmp_path):
    from vetcompare import schema

    columns = [f.name for f in schema.TARGET_FIELDS if f.dtype == "str" and not f.allowed]
    values = list(HOSTILE.values())
    df = vc.load_targets().head(len(values)).copy()
    for column in columns:
        df[column] = [values[(i + columns.index(column)) % len(values)] for i in range(len(df))]
    back = vc.read_workbook(vc.write_workbook(tmp_path / "t.xlsx", df))
    for column in columns:
        assert list(back[column]) == list(df[column]), column


def test_workbook_refuses_a_lone_surrogate(tmp_path):
    df = vc.load_targets().head(3).copy()
    df.loc[df.index[1], "note"] = LONE_SURROGATE
    with pytest.raises(DataError) as err:
        vc.write_workbook(tmp_path / "t.xlsx", df)
    assert [(p.row, p.column) for p in err.value.problems] == [(3, "note")]
    assert not list(tmp_path.iterdir())


def test_curation_sheet_round_trips_hostile_text_in_every_text_column(tmp_path, data):
    from vetcompare import schema

    columns = [c for c in schema.CURATED_COLUMNS if schema.STATEMENT_COLUMNS[c].dtype == "str"]
    values = list(HOSTILE.values())
    rows = curated_rows(DOC, data)
    for column in columns:
        rows[column] = [values[(i + columns.index(column)) % len(values)] for i in range(len(rows))]
    _, table, problems = read_sheet(write_sheet(tmp_path / "s.xlsx", DOC, rows=rows, data=data))
    assert problems == []
    for column in columns:
        assert [r[column] for r in table.rows] == list(rows[column]), column


@pytest.mark.parametrize("name", ["line separator", "lone CR", "NUL", "form feed", "emoji", "zero-width space"])
def test_imported_notes_load_back(tmp_path, data, name):
    """import-sheet writes a curated file that the package reads back, whatever the note holds."""
    rows = curated_rows(DOC, data)
    rows.loc[rows.index[0], "note"] = HOSTILE[name]
    import_sheet(write_sheet(tmp_path / "s.xlsx", DOC, rows=rows, data=data), data)
    data.forget()
    notes = data.targets(include_repeats=True).set_index("target_id")["note"]
    assert notes[rows.at[rows.index[0], "target_id"]].startswith(HOSTILE[name])


@pytest.mark.parametrize("field,value", [("title", "方案\u2028第二行"), ("title", "方案\r"), ("issuer", "政府\x00"),
                                         ("region", LONE_SURROGATE)])
def test_registry_refuses_breaks_and_control_characters(tmp_path, data, field, value):
    src = tmp_path / "t.txt"
    src.write_text("到2025年，建成2所市级优质中职学校。", encoding="utf-8")
    doc = NewDocument("demo-2024", "某区", "Some District", "重庆市", "Chongqing", "district", "某区政府", "某区方案",
                      "2024-01-01", 2024, 2025)
    setattr(doc, field, value)
    before = (data.root / "documents.csv").read_bytes()
    with pytest.raises(ValueError, match=field):
        register_document(src, doc, data)
    assert (data.root / "documents.csv").read_bytes() == before
    assert not (data.root / "sources" / "demo-2024.txt").exists()
    assert len(data.documents()) == 5


# -- nothing silently wrong -----------------------------------------------------------------------


def test_shift_jis_is_refused_not_read_as_mojibake():
    text = "職業教育の質を高め、2025年までに教員の60％以上を実務家教員とする。" * 3
    with pytest.raises(EncodingError, match="save it as UTF-8"):
        decode(text.encode("shift_jis"), "jp.txt")


def test_big5_is_read():
    text = "到2025年，「雙師型」教師佔專業課教師比例達到60%以上，建成國家級示範學校2所。" * 2
    assert decode(text.encode("big5"), "tw.txt") == (text, "big5")


@pytest.mark.parametrize("content", [b"", b"   \r\n\n  ", "\u3000\n".encode("utf-8")], ids=["empty", "blank", "ideographic"])
def test_empty_or_blank_text_is_not_registered(tmp_path, data, content):
    src = tmp_path / "t.txt"
    src.write_bytes(content)
    doc = NewDocument("demo-2024", "某区", "Some District", "重庆市", "Chongqing", "district", "某区政府", "某区方案",
                      "2024-01-01", 2024, 2025)
    with pytest.raises(ValueError, match="empty|blank"):
        register_document(src, doc, data)
    assert len(data.documents()) == 5


def test_zero_width_space_inside_a_number_is_one_statement():
    text = "到2025年，“双师型”教师占比达到6\u200b0%。"
    df = extract_targets(text)
    assert list(df["value_low"]) == [60.0] and text[df.at[0, "start"]:df.at[0, "end"]].endswith("0%")


def test_moved_repeat_row_citing_the_main_rows_words_is_named(tmp_path, data):
    doc = "jiulongpo-2022"
    rows = curated_rows(doc, data)
    repeat = rows[rows["repeats"].fillna("") != ""].index[0]
    main = rows.index[rows["target_id"] == rows.at[repeat, "repeats"]][0]
    rows.loc[repeat, ["source_start", "source_end"]] = rows.loc[main, ["source_start", "source_end"]].to_numpy()
    rows.loc[repeat, "quote"] = rows.at[main, "quote"]
    with pytest.raises(DataError) as err:
        import_sheet(write_sheet(tmp_path / "s.xlsx", doc, rows=rows, data=data), data, write=False)
    assert any("cites the same words" in p.message for p in err.value.problems)


# -- nothing hangs --------------------------------------------------------------------------------


def test_stray_cell_far_down_the_sheet(tmp_path, data):
    path = write_sheet(tmp_path / "s.xlsx", DOC, rows=curated_rows(DOC, data), data=data)
    wb = load_workbook(path)
    wb["targets"].cell(row=1_000_000, column=3).value = " "
    wb.save(path)
    started = time.perf_counter()
    assert len(import_sheet(path, data, write=False)) == 20
    assert time.perf_counter() - started < 10


# -- one line instead of a traceback ---------------------------------------------------------------


def _sheet_variant(tmp_path, data, name):
    path = tmp_path / f"{name}.xlsx"
    good = write_sheet(tmp_path / "good.xlsx", DOC, rows=curated_rows(DOC, data), data=data).read_bytes()
    if name == "zero bytes":
        path.write_bytes(b"")
    elif name == "truncated":
        path.write_bytes(good[: len(good) // 2])
    elif name == "password-protected":
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)  # an encrypted workbook is an OLE file
    elif name == "renamed CSV":
        path.write_bytes(b"target_id,metric_id\nbz-01,x\n")
    elif name == "entity expansion":
        bomb = ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;">]>'
                '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                '<row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>')
        with zipfile.ZipFile(tmp_path / "good.xlsx") as src, zipfile.ZipFile(path, "w") as dst:
            for item in src.infolist():
                dst.writestr(item, bomb if item.filename == "xl/worksheets/sheet1.xml" else src.read(item.filename))
    return path


@pytest.mark.parametrize("name", ["zero bytes", "truncated", "password-protected", "renamed CSV",
                                  "entity expansion"])
def test_unreadable_workbook_is_one_line(tmp_path, data, name):
    path = _sheet_variant(tmp_path, data, name)
    before = (data.root / "targets" / f"{DOC}.csv").read_bytes()
    with pytest.raises(BadInput, match=f"{path.name}.*save it again as .xlsx"):
        import_sheet(path, data)
    line = one_line_error(cli("import-sheet", str(path), data=data))
    assert path.name in line
    assert (data.root / "targets" / f"{DOC}.csv").read_bytes() == before


@pytest.mark.parametrize("command", [["sheet", "nowhere-2030"], ["audit", "nowhere-2030"],
                                     ["audit", "nowhere-2030", "--explain"]])
def test_unknown_document_lists_the_known_ones(tmp_path, data, command):
    line = one_line_error(cli(*command, data=data, cwd=tmp_path))
    assert "nowhere-2030" in line and "jiulongpo-2022" in line


def test_unknown_region_lists_the_regions():
    with pytest.raises(UnknownName, match="九龙坡区 .Jiulongpo District."):
        vc.select(region="成都")


def test_report_out_naming_a_file(tmp_path):
    target = tmp_path / "report.txt"
    target.write_text("keep me")
    line = one_line_error(cli("report", "--out", str(target)))
    assert "is a file" in line and target.read_text() == "keep me"


def test_report_into_a_folder_that_cannot_be_made():
    line = one_line_error(cli("report", "--out", "/proc/vetcompare-report"))
    assert "/proc" in line


def test_full_disk_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "t.csv"
    path.write_text("old")

    def full(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", full)
    with pytest.raises(WriteError, match="No space left on device.*previous file is unchanged"):
        atomic_write_bytes(path, b"new")
    assert path.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["t.csv"]


def test_missing_data_folder_is_one_line(tmp_path):
    run = subprocess.run([sys.executable, "-m", "vetcompare", "validate"], capture_output=True, text=True,
                         env={**__import__("os").environ, "VETCOMPARE_DATA": str(tmp_path / "nowhere")})
    assert run.returncode in (1, 2) and "Traceback" not in run.stderr and "nowhere" in run.stderr


def test_data_folder_without_curated_files(data):
    for path in data.curated_files():
        path.unlink()
    data.forget()
    df = data.targets()
    assert df.empty and list(df.columns) == list(vc.schema_table()["column"])


def test_unwritable_home_still_draws(tmp_path):
    code = "import vetcompare as vc; vc.metric_chart('teachers.dual_qualified_share')._repr_png_(); print('ok')"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**__import__("os").environ, "HOME": "/proc/nowhere", "XDG_CACHE_HOME": "/proc/nowhere"})
    assert run.stdout.strip() == "ok" and "missing from " not in run.stderr


def test_audit_into_a_closed_pipe():
    run = subprocess.run(f"{sys.executable} -m vetcompare audit jiulongpo-2022 --explain | head -1", shell=True,
                         capture_output=True, text=True)
    assert "Traceback" not in run.stderr and "BrokenPipe" not in run.stderr and run.stdout.strip()


def test_control_character_in_a_source_still_exports(tmp_path):
    df = vc.load_targets().head(2).copy()
    df["quote"] = "第一页\x0c第二页"
    back = vc.read_workbook(vc.write_workbook(tmp_path / "t.xlsx", df))
    assert list(back["quote"]) == ["第一页\x0c第二页"] * 2


# -- conventions -----------------------------------------------------------------------------------


def test_version_and_help_with_examples():
    assert cli("--version").stdout.strip() == f"vetcompare {vc.__version__}"
    help_text = cli("--help").stdout
    assert "examples:" in help_text and "python -m vetcompare report" in help_text


def test_debug_shows_the_traceback(tmp_path):
    run = cli("--debug", "sheet", "nowhere-2030", cwd=tmp_path)
    assert run.returncode != 0 and "Traceback" in run.stderr


@pytest.mark.parametrize("name", ["九龙坡", "九龙坡区", "Jiulongpo", "jiulongpo district", "jiulongpo-2022"])
def test_select_takes_the_names_people_type(name):
    assert len(vc.select(region=name)) == len(vc.select(region="jiulongpo-2022")) > 0


def test_select_takes_a_single_year():
    pd.testing.assert_frame_equal(vc.select(years=2025), vc.select(years=(2025, 2025)))


def test_single_panel_charts_take_ax():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (a, b, c) = plt.subplots(1, 3, figsize=(15, 4))
    assert vc.metric_chart("teachers.dual_qualified_share", ax=a) is fig
    vc.coverage_chart(ax=b)
    vc.timeline_chart(ax=c)
    assert len(a.get_lines()) >= 5 and b.get_images() and c.patches
    with pytest.raises(ValueError, match="one panel"):
        vc.metric_chart("employment", ax=a)
    plt.close(fig)


def test_explore_without_ipython(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "IPython", None)
    monkeypatch.setitem(sys.modules, "IPython.display", None)
    monkeypatch.setitem(sys.modules, "ipywidgets", None)
    assert vc.explore(lang="en", theme="teachers") is None
    assert "Chongqing" in capsys.readouterr().out


def test_hedge_does_not_leak_from_the_previous_clause():
    df = extract_targets("力争建成国家级示范学校1所，“双师型”教师占比达到60%。")
    assert list(df["hedged"]) == [True, False]
    assert list(extract_targets("力争2027年，建成应用型大学1所、职业大学2所")["hedged"]) == [True, True]


def test_a_hedge_heading_clauses_mid_sentence_still_governs_them():
    assert list(extract_targets("推进建设,力争2027年,建成应用型大学1所、职业大学2所")["hedged"]) == [True, True]


def test_hedges_agree_with_the_curated_rows(all_targets, documents):
    agree = total = 0
    for d in documents.itertuples():
        found = extract_targets(vc.source_text(d.doc_id), city_tier=d.city_tier, plan_end=int(d.period_end),
                                text_form=d.text_form)
        rows = all_targets[(all_targets["doc_id"] == d.doc_id) & all_targets["value_low"].notna()]
        for r in rows.itertuples():
            hit = found[(found["start"] >= r.source_start) & (found["end"] <= r.source_end)
                        & (found["value_low"] == r.value_low) & (found["value_high"] == r.value_high)]
            if len(hit):
                total += 1
                agree += bool(hit.iloc[0]["hedged"]) == bool(r.hedged)
    assert total > 130 and agree / total >= 0.99, (agree, total)


def test_reversed_years_are_refused():
    with pytest.raises(ValueError, match="first year comes after the last"):
        vc.select(years=(2025, 2021))


def test_misspelled_region_suggests_one():
    with pytest.raises(UnknownName, match="did you mean 'jiulongpo'"):
        vc.select(region="Jiulongpu")


def test_not_a_data_folder_is_bad_input(tmp_path):
    line = one_line_error(cli("validate", "--data", str(tmp_path / "nowhere")))
    assert "not a vetcompare data folder" in line


def test_report_out_below_a_file(tmp_path):
    (tmp_path / "afile.txt").write_text("x")
    line = one_line_error(cli("report", "--out", str(tmp_path / "afile.txt" / "sub")))
    assert "is a file" in line


def test_registering_a_taken_doc_id_says_so_first(tmp_path, data):
    src = tmp_path / "t.txt"
    src.write_text("到2025年，建成2所市级优质中职学校。", encoding="utf-8")
    (tmp_path / "beibei-2020.xlsx").write_bytes(b"an old sheet")
    line = one_line_error(cli("new-document", str(src), "--doc-id", "beibei-2020", "--region", "某区", "--region-en",
                              "Some District", "--province", "重庆市", "--province-en", "Chongqing", "--level",
                              "district", "--issuer", "某区政府", "--title", "某区方案", "--issued", "2024-01-01",
                              "--period", "2024-2025", data=data, cwd=tmp_path))
    assert "already registered" in line
