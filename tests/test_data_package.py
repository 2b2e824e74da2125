"""The data for every tool: CSV files that a generated Frictionless descriptor validates, Stata files with
labelled values that read back to the same table, one command that writes them, and the report too."""

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import vetcompare as vc
from vetcompare import schema
from vetcompare.analysis.data_package import TABLES, table_schema

FRICTIONLESS = Path(sys.executable).parent / "frictionless"


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    out = tmp_path_factory.mktemp("package")
    vc.write_data_package(out)
    return out


def test_the_package_holds_csv_stata_and_its_descriptor(package):
    names = sorted(p.name for p in package.iterdir())
    assert names == sorted([f"{t}.{ext}" for t in TABLES for ext in ("csv", "dta")] + ["datapackage.json"])


def test_frictionless_validates_the_package(package):
    run = subprocess.run([str(FRICTIONLESS), "validate", "--json", "datapackage.json"], cwd=package,
                         capture_output=True, text=True, timeout=120)
    report = json.loads(run.stdout)
    assert report["valid"], run.stdout[:2000]
    assert {task["name"]: task["stats"]["rows"] for task in report["tasks"]} == {
        "targets": len(vc.load_targets()), "documents": len(vc.load_documents()), "codebook": len(vc.load_codebook())}


def test_frictionless_finds_a_value_not_allowed(package, tmp_path):
    for p in package.iterdir():
        (tmp_path / p.name).write_bytes(p.read_bytes())
    csv = tmp_path / "targets.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace(",target,", ",goal,", 1), encoding="utf-8")
    run = subprocess.run([str(FRICTIONLESS), "validate", "--json", "datapackage.json"], cwd=tmp_path,
                         capture_output=True, text=True, timeout=120)
    report = json.loads(run.stdout)
    assert not report["valid"]
    errors = [e for task in report["tasks"] for e in task["errors"]]
    assert errors[0]["type"] == "constraint-error" and errors[0]["fieldName"] == "kind"


def test_the_descriptor_is_the_schema(package):
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    for resource in descriptor["resources"]:
        fields = TABLES[resource["name"]][0]
        assert [f["name"] for f in resource["schema"]["fields"]] == schema.names(fields)
        for declared, f in zip(resource["schema"]["fields"], fields):
            assert declared["description"] == f.description
            assert declared.get("constraints", {}).get("enum") == (list(f.allowed) if f.allowed else None)
            assert declared.get("constraints", {}).get("required", False) == f.required


def test_the_csv_reads_back_to_the_table(package):
    back = pd.read_csv(package / "targets.csv", dtype=str, keep_default_na=False)
    df = vc.load_targets()
    assert list(back.columns) == list(schema.TARGET_COLUMNS)
    assert back["target_id"].tolist() == df["target_id"].tolist()
    assert back["hedged"].tolist() == ["true" if h else "false" for h in df["hedged"]]
    assert [float(v) if v else None for v in back["value_low"]] == [None if pd.isna(v) else v for v in df["value_low"]]
    assert back["quote"].tolist() == df["quote"].tolist()
    assert all(v == "" or v.isdigit() for v in back["year"])  # a whole year, never 2025.0


def test_stata_reads_back_with_labelled_values(package):
    from pandas.io.stata import StataReader

    df = vc.load_targets()
    back = pd.read_stata(package / "targets.dta")
    assert len(back) == len(df)
    for f in schema.TARGET_FIELDS:
        if f.allowed is not None:
            assert isinstance(back[f.name].dtype, pd.CategoricalDtype), f.name
            assert back[f.name].astype(object).tolist() == df[f.name].astype(object).tolist(), f.name
    assert back["quote"].tolist() == df["quote"].tolist()
    assert back["repeats"].tolist() == df["repeats"].fillna("").tolist()  # the all-empty column stops to_stata no more
    assert back["hedged"].astype(str).tolist() == ["true" if h else "false" for h in df["hedged"]]  # labelled 0/1
    assert back["year"].tolist() == pytest.approx(df["year"].astype("float64").tolist(), nan_ok=True)
    with StataReader(package / "targets.dta") as reader:
        labels = reader.variable_labels()
        values = reader.value_labels()
    assert labels["hedged"] == schema.field(schema.TARGET_FIELDS, "hedged").description  # short enough
    assert labels["value_low"].endswith("qualitative…") and len(labels["value_low"]) <= 80  # cut at a word
    assert sorted(values["kind"].values()) == sorted(schema.KINDS)
    assert values["hedged"] == {0: "false", 1: "true"}


def test_documents_in_stata_keep_their_dates(package):
    back = pd.read_stata(package / "documents.dta")
    assert back["issued"].dt.strftime("%Y-%m-%d").tolist() == vc.load_documents()["issued"].dt.strftime(
        "%Y-%m-%d").tolist()


def test_a_table_schema_declares_types_and_its_key():
    declared = {f["name"]: f for f in table_schema(schema.DOCUMENT_FIELDS, key="doc_id")["fields"]}
    assert table_schema(schema.DOCUMENT_FIELDS, key="doc_id")["primaryKey"] == ["doc_id"]
    assert (declared["issued"]["type"], declared["period_end"]["type"], declared["url"]) == (
        "date", "integer", {"name": "url", "type": "string", "description": declared["url"]["description"]})
    assert declared["admin_level"]["constraints"] == {"required": True, "enum": list(schema.ADMIN_LEVELS)}


def test_export_data_command(tmp_path):
    run = subprocess.run([sys.executable, "-m", "vetcompare", "export-data", "--out", str(tmp_path / "d")],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "d" / "datapackage.json").is_file() and (tmp_path / "d" / "targets.dta").is_file()


def test_export_data_into_a_file_is_one_line(tmp_path):
    (tmp_path / "f").write_text("x")
    run = subprocess.run([sys.executable, "-m", "vetcompare", "export-data", "--out", str(tmp_path / "f")],
                         capture_output=True, text=True)
    assert run.returncode == 2 and run.stderr.count("\n") == 1 and "is a file" in run.stderr
