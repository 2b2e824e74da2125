"""The side-by-side table, its filters and its phrases."""

import pandas as pd
import pytest

import vetcompare as vc


def row(**kw):
    base = dict(value_low=60.0, value_high=60.0, unit="percent", comparator="ge", tier="none", year=2025,
                kind="target", hedged=False)
    base.update(kw)
    return base


@pytest.mark.parametrize("kw, zh, en", [
    ({}, "≥60% (2025)", "≥60% (2025)"),
    (dict(value_low=1, value_high=2, unit="count", comparator="eq", tier="national", hedged=True),
     "1–2 国家级 (2025, 力争)", "1–2 national (2025, aspirational)"),
    (dict(value_low=140000, value_high=140000, unit="persons"), "≥14万人 (2025)", "≥140 thousand persons (2025)"),
    (dict(value_low=1.6e9, value_high=1.6e9, unit="yuan", comparator="approx", kind="baseline", year=2020),
     "≈16亿元 (2020, 基线)", "≈1.6 billion yuan (2020, baseline)"),
    (dict(value_low=None, value_high=None, unit="ratio", comparator="approx", kind="standard", year=None),
     "大体相当 (标准)", "roughly equal (standard)"),
    (dict(value_low=2, value_high=2, unit="multiple", comparator="ge", year=None, kind="standard"),
     "≥2倍 (标准)", "≥2 × (standard)"),
])
def test_describe(kw, zh, en):
    r = pd.Series(row(**kw))
    assert vc.describe(r, "zh") == zh
    assert vc.describe(r, "en") == en


def test_side_by_side_dual_qualified():
    grid = vc.side_by_side(metric="teachers.dual_qualified_share", lang="en")
    assert list(grid.columns) == ["Chongqing Municipality", "Jiulongpo District", "Beibei District",
                                  "Yongchuan District", "Bazhong City"]
    cells = grid.iloc[0].to_dict()
    assert cells == {
        "Chongqing Municipality": "60% (2020, baseline)",
        "Jiulongpo District": "≥60% (2025)",
        "Beibei District": ">50% (2022)",
        "Yongchuan District": "≥80% (2027)",
        "Bazhong City": "55% (2025)",
    }
    assert vc.side_by_side(metric="teachers.dual_qualified_share", by="region").shape == (5, 1)


def test_side_by_side_keeps_every_statement():
    long = vc.comparison_long()
    grid = vc.side_by_side()
    # each statement's phrase is in its region's cell
    joined = "\n".join(grid.to_numpy().ravel())
    for cell in long["cell"]:
        assert cell in joined
    assert len(long) == len(vc.load_targets())


def test_select_filters():
    t = vc.select(theme="teachers", kind="target", tier="provincial", years=(2021, 2025))
    assert len(t) > 0
    assert set(t["theme"]) == {"teachers"} and set(t["kind"]) == {"target"} and set(t["tier"]) == {"provincial"}
    assert t["year"].between(2021, 2025).all()
    assert set(vc.select(metric="schools.secondary")["metric_id"]) >= {"schools.secondary.high_level"}
    assert set(vc.select(region="巴中市")["doc_id"]) == {"bazhong-2021"}
    assert set(vc.select(region="Bazhong City")["doc_id"]) == {"bazhong-2021"}


@pytest.mark.parametrize("kw", [dict(theme="nope"), dict(kind="goal"), dict(tier="city"), dict(metric="no.such")])
def test_select_rejects_unknown(kw):
    with pytest.raises(ValueError):
        vc.select(**kw)


def test_styled_renders_html():
    html = vc.styled(vc.side_by_side(theme="employment")).to_html()
    assert "留渝" in html and "≥60%" in html


# -- pairing statements (compare.statement_pairs, baseline_target_panels) ----------------------------------


def test_a_baseline_pairs_with_its_own_later_target_and_a_municipal_one_is_a_reference():
    from vetcompare.analysis.compare import baseline_target_panels, statement_pairs

    df = vc.load_targets()
    sub = df[(df["metric_id"] == "teachers.dual_qualified_share") & (df["province"] == "重庆市")]
    links, refs = statement_pairs(sub, vc.load_documents())
    assert links == []  # no district states its own baseline of the share
    assert [sub.at[i, "target_id"] for i in refs] == ["cq-26"]  # 重庆市's 60% of 2020
    panels = baseline_target_panels(df[df["year"].notna() & df["value_low"].notna()], vc.load_documents())
    metrics = [m for m, *_ in panels]
    assert "teachers.dual_qualified_share" in metrics
    for m, rows, own, reference in panels:
        for i, j in own:  # an own pair: same document and tier, the target later
            assert rows.at[i, "doc_id"] == rows.at[j, "doc_id"] and rows.at[i, "year"] < rows.at[j, "year"]
        for i in reference:
            assert rows.at[i, "kind"] == "baseline" and rows.at[i, "unit"] in ("percent", "multiple")


def test_counts_are_never_a_reference_for_other_regions():
    from vetcompare.analysis.compare import statement_pairs

    df = vc.load_targets()
    docs = vc.load_documents()
    for (_, _), sub in df[df["year"].notna()].groupby(["metric_id", "province"], observed=True):
        _, refs = statement_pairs(sub, docs)
        assert all(sub.at[i, "unit"] not in ("count", "persons") for i in refs)
