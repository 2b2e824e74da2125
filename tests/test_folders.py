"""Data folders as objects: two open at once without touching the environment, a small public namespace,
and a curation sheet whose metric list speaks Chinese."""

import os
import shutil

import pytest
from openpyxl import load_workbook

import vetcompare as vc
from vetcompare.curation.sheet import LABEL_SEP, curated_rows, read_sheet, write_sheet


@pytest.fixture()
def copy(tmp_path):
    root = tmp_path / "data"
    shutil.copytree(vc.DataFolder.shipped().root, root, ignore=shutil.ignore_patterns("__pycache__"))
    return vc.DataFolder(root)


def test_two_folders_at_once_without_the_environment(copy):
    env_before = dict(os.environ)
    for path in copy.curated_files():
        if path.stem != "beibei-2020":
            path.unlink()
    copy.forget()
    assert set(copy.targets()["doc_id"]) == {"beibei-2020"}
    assert len(vc.load_targets()) == 130  # the default folder is untouched
    assert len(vc.DataFolder.shipped().targets()) == 130
    assert dict(os.environ) == env_before


def test_a_folder_owns_its_cache(copy):
    first = copy.targets()
    (copy.root / "targets" / "bazhong-2021.csv").unlink()
    assert len(copy.targets()) == len(first)  # cached until told
    copy.forget()
    assert len(copy.targets()) < len(first)


def test_not_a_data_folder(tmp_path):
    with pytest.raises(ValueError, match="no documents.csv"):
        vc.DataFolder(tmp_path)


def test_public_namespace_is_small_and_has_no_strays():
    names = dir(vc)
    assert len(names) == len(set(names))
    assert {"analysis", "curation", "data", "text"} <= set(names)
    assert not [n for n in names if n.startswith("_") and n != "__version__"]
    for moved in ("register_document", "extract_targets", "audit", "reload", "data_dir", "load_curated"):
        assert moved not in names
        with pytest.raises(AttributeError):
            getattr(vc, moved)
    assert callable(vc.curation.audit_document) and callable(vc.text.extract_targets)


def test_metric_drop_down_shows_chinese_labels(tmp_path, copy):
    path = write_sheet(tmp_path / "s.xlsx", "bazhong-2021", rows=curated_rows("bazhong-2021", copy), data=copy)
    lists = load_workbook(path)["lists"]
    first = lists.cell(row=2, column=1).value
    assert first.startswith("schools.secondary.total" + LABEL_SEP) and "中等职业学校" in first
    wb = load_workbook(path)
    ws = wb["targets"]
    ws.cell(row=2, column=2).value = first  # the curator picks from the list
    wb.save(path)
    _, table, problems = read_sheet(path)
    assert problems == [] and table.rows[0]["metric_id"] == "schools.secondary.total"


def test_unknown_metric_suggests_close_ids():
    with pytest.raises(KeyError, match="did you mean teachers.dual_qualified_share"):
        vc.select(metric="teachers.dual_share")


@pytest.fixture()
def renamed(copy):
    """The copy with Beibei renamed, as a region added to a copied folder would be named."""
    from vetcompare.data.csvio import read_csv, write_csv

    table, _ = read_csv(copy.root / "documents.csv")
    for row in table.rows:
        if row["doc_id"] == "beibei-2020":
            row["region"], row["region_en"] = "新北碚区", "New Beibei"
    write_csv(copy.root / "documents.csv", table.columns, table.rows)
    copy.forget()
    return copy


def _texts(fig):
    return "".join(t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text")))


@pytest.mark.parametrize("chart", ["metric_chart", "dot_chart", "tier_chart", "coverage_chart", "timeline_chart",
                                   "baseline_target_chart"])
def test_charts_of_a_table_from_another_folder_name_its_regions(renamed, chart):
    df = vc.load_targets(data=renamed)
    args = {"metric_chart": ("teachers.dual_qualified_share",), "dot_chart": (["employment", "students"],)}
    fig = getattr(vc, chart)(*args.get(chart, ()), df=df)
    assert "新北碚区" in _texts(fig)


def test_comparison_and_workbook_of_a_table_from_another_folder(renamed, tmp_path):
    df = vc.load_targets(data=renamed)
    assert "新北碚区" in vc.side_by_side(df, metric="teachers.dual_qualified_share").columns
    sources = vc.read_workbook(vc.write_workbook(tmp_path / "t.xlsx", df), "sources")
    assert "新北碚区" in list(sources["region"])


def test_report_from_another_folder(renamed, tmp_path):
    written = vc.build_report(tmp_path, langs=("zh",), formats=("png",), jobs=1, log=lambda s: None, data=renamed)
    assert len(written) == 17  # 7 charts, the workbook, 7 files of data/, the HTML report, the manifest
    assert "新北碚区" in (tmp_path / "data" / "targets.csv").read_text(encoding="utf-8")
    book = load_workbook(tmp_path / "vetcompare_targets_zh.xlsx")["对比 comparison"]
    assert "新北碚区" in [c.value for c in book[1]]
    assert "新北碚区" in (tmp_path / "report_zh.html").read_text(encoding="utf-8")
