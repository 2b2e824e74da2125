"""The tables' dtypes: ordered categoricals for every column with allowed values, nullable whole numbers,
one string dtype for text, the same on pandas 2.3 and 3 (``make test-lowest`` runs this file on 2.3)."""

import numpy as np
import pandas as pd
import pytest

import vetcompare as vc
from vetcompare import schema

TABLES = {"targets": (vc.load_targets, schema.TARGET_FIELDS), "documents": (vc.load_documents, schema.DOCUMENT_FIELDS),
          "codebook": (vc.load_codebook, schema.CODEBOOK_FIELDS)}
TEXT = pd.StringDtype("python", na_value=np.nan)


def expected(f: schema.Field):
    if f.allowed is not None:
        return pd.CategoricalDtype(list(f.allowed), ordered=True)
    return {"str": TEXT, "int": np.dtype("int64") if f.required else pd.Int64Dtype(), "float": np.dtype("float64"),
            "bool": np.dtype("bool"), "date": np.dtype("datetime64[ns]")}[f.dtype]


@pytest.mark.parametrize("table", list(TABLES))
def test_every_column_has_the_dtype_its_field_declares(table):
    load, fields = TABLES[table]
    df = load()
    for f in fields:
        assert df[f.name].dtype == expected(f), (table, f.name, df[f.name].dtype)


def test_groupby_theme_follows_the_codebook_order():
    counts = vc.load_targets().groupby("theme", observed=True).size()
    assert list(counts.index) == [t for t in schema.THEMES if t in set(counts.index)]
    assert list(counts.index) != sorted(counts.index)  # not the alphabet


def test_categoricals_compare_by_their_order():
    df = vc.load_targets()
    assert (df["kind"] < "standard").sum() == (df["kind"].isin(["target", "baseline"])).sum()
    assert df["tier"].cat.categories.tolist() == list(schema.TIERS)


def test_year_is_a_nullable_whole_number():
    years = vc.load_targets()["year"]
    assert years.dtype == pd.Int64Dtype() and years.isna().any() and (years.dropna() % 1 == 0).all()


def test_missing_text_is_missing_not_the_word_none():
    repeats = vc.load_targets()["repeats"]
    assert repeats.isna().all() and not (repeats.astype(object) == "None").any()


def test_a_workbook_and_a_curated_file_read_back_in_the_same_dtypes(tmp_path):
    back = vc.read_workbook(vc.write_workbook(tmp_path / "t.xlsx"))
    assert dict(back.dtypes) == dict(vc.load_targets().dtypes)


# -- the unit record -------------------------------------------------------------------------------------------


def test_every_unit_has_one_record_and_its_words():
    from vetcompare import labels

    assert set(schema.UNIT_RECORDS) == set(schema.UNITS) == set(labels.UNITS)
    assert schema.unit("percent").share and schema.unit("percent").intensive and not schema.unit("count").share
    assert schema.unit("nonsense") == schema.Unit("nonsense")  # a plain number


@pytest.mark.parametrize("name", schema.UNITS)
def test_what_each_unit_record_says_is_what_the_modules_do(name):
    from vetcompare import labels
    from vetcompare.analysis.compare import scaled
    from vetcompare.analysis.export import number_format

    record = schema.unit(name)
    assert (labels.unit_suffix(name, "en") == "") == (record.bare or not labels.pick(labels.UNITS[name], "en"))
    assert (scaled(1_100_000, name, "en") != "1,100,000") == record.large
    assert number_format(name, 60) == (record.excel[0] if record.excel else "General")
    assert number_format(name, 60.5) == (record.excel[1] if record.excel else "General")
