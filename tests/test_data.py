"""The embedded data: registry, codebook and every curated row, checked against the sources."""

import hashlib

import pandas as pd
import pytest

import vetcompare as vc
from vetcompare import schema
from vetcompare.data.checks import states_value as _states_value

ALL = vc.load_targets(include_repeats=True)
DOC_IDS = list(vc.load_documents()["doc_id"])


def test_registry_columns_and_hashes(documents):
    assert list(documents.columns) == schema.names(schema.DOCUMENT_FIELDS)
    assert len(documents) == 5
    for row in documents.itertuples():
        data = (vc.data.folder.default_folder().root / "sources" / row.file).read_bytes()
        assert hashlib.sha256(data).hexdigest() == row.sha256
        assert row.period_start <= row.period_end


def test_codebook_is_complete(codebook):
    assert codebook["metric_id"].is_unique
    assert set(codebook["theme"]) <= set(schema.THEMES)
    assert set(codebook["unit"]) <= set(schema.UNITS)
    # the comparable metrics the researchers asked for
    for metric in ["teachers.dual_qualified_share", "schools.secondary.high_level", "schools.higher.high_level",
                   "programmes.higher.high_level_group", "industry.training_bases.integration",
                   "industry.enterprises", "industry.vocational_groups", "students.progression_rate.secondary",
                   "employment.rate", "employment.retention_chongqing", "training.multiple_of_enrolment",
                   "conditions.schools_meeting_standard", "programmes.industry_match_rate",
                   "schools.average_size", "students.parity", "skills.skilled_workers",
                   "programmes.online_courses", "programmes.bachelor_pilot",
                   "cooperation.international.joint_projects"]:
        assert metric in set(codebook["metric_id"]), metric


def test_targets_schema(targets):
    assert list(targets.columns) == schema.names(schema.TARGET_FIELDS)
    assert len(targets) > 100
    assert targets["target_id"].is_unique
    assert set(targets["doc_id"]) == set(DOC_IDS)
    for f in schema.TARGET_FIELDS:
        col = targets[f.name]
        if f.required:
            assert col.notna().all(), f.name
        if f.allowed:
            assert set(col.dropna()) <= set(f.allowed), f.name
    assert targets["value_low"].dtype == "float64"
    assert str(targets["year"].dtype) == "Int64"
    assert targets["hedged"].dtype == bool
    assert targets["quote"].dtype == schema.text_dtype()  # the same string dtype on pandas 2.3 and 3
    has = targets["value_low"].notna()
    assert (targets.loc[has, "value_low"] <= targets.loc[has, "value_high"]).all()
    assert (targets["value_low"].isna() == targets["value_high"].isna()).all()
    years = targets["year"].dropna()
    assert years.between(*schema.YEAR_RANGE).all()
    # units agree with the codebook
    units = vc.load_codebook().set_index("metric_id")["unit"]
    assert (targets["unit"] == targets["metric_id"].map(units)).all()


def test_each_document_has_targets(targets):
    counts = targets.groupby("doc_id").size()
    assert counts.min() >= 15, counts.to_dict()


@pytest.mark.parametrize("row", ALL.to_dict("records"), ids=list(ALL["target_id"]))
def test_row_points_at_its_words(row):
    """The raw span, cleaned, is the quote, and the quote states the row's value."""
    clean = vc.data.folder.clean_source(row["doc_id"])
    raw = vc.source_text(row["doc_id"])
    start, end = row["source_start"], row["source_end"]
    assert 0 <= start < end <= len(raw)
    assert clean.from_raw(start, end) == row["quote"]
    if pd.notna(row["value_low"]):
        assert _states_value(row["quote"], row["value_low"], row["value_high"], row["unit"])
        # every digit of the quote's number comes from the raw span itself (repairs add no digits)
        digits_raw = [c for c in raw[start:end] if c.isdigit()]
        digits_quote = [c for c in row["quote"] if c.isdigit()]
        assert digits_quote == digits_raw
    else:
        assert row["note"], "a row without a value must say why"


def test_repairs_are_said_in_notes(all_targets):
    """Every row whose span holds a repair says so in its note."""
    for row in all_targets.itertuples():
        clean = vc.data.folder.clean_source(row.doc_id)
        for repair in clean.repairs_in(row.source_start, row.source_end):
            assert repair.note in row.note, row.target_id


def test_lost_dash_is_a_range(targets):
    row = targets.set_index("target_id").loc["bz-11"]
    assert (row.value_low, row.value_high) == (2, 3)
    assert "dash lost" in row.note
    assert "23所" in vc.source_text("bazhong-2021")[row.source_start:row.source_end]


def test_pdf_furniture_and_wraps_are_cleaned():
    clean = vc.data.folder.clean_source("beibei-2020")
    assert "行政规范性文件" not in clean.text[200:]
    assert "—6—" not in clean.text and "\n" not in clean.text
    assert "到2022年，办好1所高等职业学校" in clean.text


def test_appendix_rows_are_linked_not_counted(targets, all_targets):
    repeats = all_targets[all_targets["repeats"].notna()]
    assert len(repeats) >= 15
    assert set(repeats["repeats"]) <= set(targets["target_id"])
    assert not set(repeats["target_id"]) & set(targets["target_id"])
    jlp = targets.set_index("target_id")
    # the task list's 完成时间 and 责任单位 reach the main-text row
    assert jlp.at["jlp-18", "deadline"] == "2023年12月"
    assert jlp.at["jlp-18", "year"] == 2023
    assert "区教委" in jlp.at["jlp-18", "responsible"]
    assert jlp.at["jlp-01", "responsible"] == "重庆电力高等专科学校、重庆工商职业学院"
    # a repeat has the same metric, value and tier as the row it repeats
    for row in repeats.itertuples():
        primary = jlp.loc[row.repeats] if row.repeats in jlp.index else None
        assert primary is not None
        assert primary.metric_id == row.metric_id
        assert primary.tier == row.tier or row.tier == "none"  # a task list may drop the tier word
        assert (primary.value_low, primary.value_high) == (row.value_low, row.value_high)


def test_dual_qualified_teacher_targets(targets):
    """The promises the researchers quote most, as the documents state them."""
    t = targets[targets["metric_id"] == "teachers.dual_qualified_share"].set_index("doc_id")
    expect = {
        "beibei-2020": ("gt", 50, 2022, "target"),
        "bazhong-2021": ("eq", 55, 2025, "target"),
        "jiulongpo-2022": ("ge", 60, 2025, "target"),
        "yongchuan-2025": ("ge", 80, 2027, "target"),
        "chongqing-2021": ("eq", 60, 2020, "baseline"),
    }
    for doc, (cmp, value, year, kind) in expect.items():
        row = t.loc[doc]
        assert (row.comparator, row.value_low, row.year, row.kind) == (cmp, value, year, kind), doc


def test_tiers_are_normalised(targets):
    t = targets.set_index("target_id")
    assert t.at["jlp-02", "tier"] == "provincial"  # 重庆 市级
    assert t.at["bz-03", "tier"] == "provincial"  # 四川 省级
    assert t.at["bb-07", "tier"] == "district"
    assert t.at["jlp-04", "tier"] == "national"
    assert t.at["cq-34", "tier"] == "provincial"
    assert t.at["bb-06", "tier_word"] == "市级及以上"


def test_every_metric_is_used(codebook, all_targets):
    """The codebook holds no metric that no statement uses."""
    assert set(codebook["metric_id"]) == set(all_targets["metric_id"])


def test_no_two_rows_share_a_span(all_targets):
    """A repeat points at its own words, not at the statement it repeats."""
    spans = all_targets.groupby(["doc_id", "source_start", "source_end", "metric_id"]).size()
    assert spans.max() == 1, spans[spans > 1]


def test_rows_are_in_document_order():
    for path in vc.data.folder.default_folder().curated_files():
        starts = list(vc.data.folder.load_curated(path)["source_start"])
        assert starts == sorted(starts), path.name
