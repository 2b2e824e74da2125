"""Charts after a document is added through the curation workflow: a second document of the municipality
(its 2025 baseline beside the 2020 one) must not merge legend entries or rows."""

import pandas as pd
import pytest

import vetcompare as vc
from vetcompare import schema
from vetcompare.curation.importing import import_sheet
from vetcompare.curation.register import NewDocument, register_with_sheet
from vetcompare.curation.sheet import write_sheet

TEXT = "2025年，全市“双师型”教师占专业课教师比例达到70%。到2030年，职业教育整体水平进入全国前列。"


@pytest.fixture()
def added(data, tmp_path):
    """The shipped data and a 2026 report of 重庆市 that says what was reached by 2025, curated."""
    src = tmp_path / "cq2026.txt"
    src.write_text(TEXT, encoding="utf-8")
    doc = NewDocument("chongqing-2026", "重庆市", "Chongqing Municipality", "重庆市", "Chongqing", "municipality",
                      "重庆市人民政府", "2026年重庆市政府工作报告", "2026-01-25", 2026, 2030, id_prefix="cqg")
    register_with_sheet(src, doc, tmp_path / "cq2026.xlsx", data)
    row = {c: "" for c in schema.CURATED_COLUMNS}
    row.update(target_id="cqg-01", metric_id="teachers.dual_qualified_share", kind="baseline", comparator="eq",
               value_low="70", value_high="70", unit="percent", year="2025", year_basis="stated", hedged="false",
               basis="level", quote="2025年，全市“双师型”教师占专业课教师比例达到70%。")
    sheet = write_sheet(tmp_path / "curated.xlsx", "chongqing-2026", rows=pd.DataFrame([row]), data=data)
    import_sheet(sheet, data)
    return vc.load_targets(data=data)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_reference_baseline_has_its_own_legend_entry_and_line(added, lang):
    fig = vc.baseline_target_chart("teachers.dual_qualified_share", df=added, lang=lang)
    legend = [t.get_text() for lg in fig.findobj(lambda a: a.__class__.__name__ == "Legend") for t in lg.get_texts()]
    references = [t for t in legend if "2020" in t or "2025" in t]
    assert len(references) == 2, legend
    assert any("2020" in t for t in references) and any("2025" in t for t in references)
    dotted = {line.get_linestyle() for ax in fig.axes for line in ax.get_lines()
              if line.get_linestyle() not in ("-", "None") and len(line.get_xdata()) == 2}
    assert len(dotted) == 2  # the two baselines are drawn differently, as the legend says


def test_the_timeline_names_two_documents_of_one_region_apart(added):
    fig = vc.timeline_chart(df=added, lang="en")
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert "Chongqing Municipality (2021)" in ticks and "Chongqing Municipality (2026)" in ticks
    assert len(ticks) == len(set(ticks)) == 6


def test_the_shipped_five_keep_their_names_and_single_reference():
    fig = vc.timeline_chart(lang="en")
    assert "Chongqing Municipality" in [t.get_text() for t in fig.axes[0].get_yticklabels()]
    legend = [t.get_text() for lg in vc.baseline_target_chart(lang="en").findobj(
        lambda a: a.__class__.__name__ == "Legend") for t in lg.get_texts()]
    assert "dotted: Chongqing Municipality 2020 baseline (reference)" in legend
