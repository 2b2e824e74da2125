"""Citing: the dataset, one statement, and the run manifest beside every report."""

import json
import shutil

import pytest

import vetcompare as vc
from vetcompare import labels
from vetcompare.analysis.cite import data_version, write_manifest


def test_citing_the_dataset_names_versions_and_every_document():
    docs = vc.load_documents()
    for lang in ("zh", "en"):
        text = vc.cite(lang=lang)
        assert vc.__version__ in text and vc.manifest()["data_version"] in text
        assert all(labels.book_title(title) in text for title in docs["title"])
        assert str(len(vc.load_targets())) in text


def test_citing_one_statement_quotes_its_sentence():
    row = vc.load_targets().set_index("target_id").loc["jlp-07"]
    doc = vc.load_documents().set_index("doc_id").loc[row.doc_id]
    text = vc.cite("jlp-07")
    assert row.region_en in text and doc.issuer in text and labels.book_title(doc.title) in text
    assert f"{doc.issued:%Y-%m-%d}" in text and vc.source_text(row.doc_id)[row.source_start:row.source_end] in text
    assert f"{row.source_start}–{row.source_end}" in text
    assert "九龙坡区" in vc.cite("jlp-07", lang="zh")


def test_an_unknown_statement_lists_the_known_ones():
    with pytest.raises(KeyError, match="unknown target 'xx-99'.*jlp-07"):
        vc.cite("xx-99")


def test_manifest_names_every_source_by_its_hash(tmp_path):
    path = write_manifest(tmp_path / "manifest.json")
    info = json.loads(path.read_text(encoding="utf-8"))
    assert {d["doc_id"]: d["sha256"] for d in info["documents"]} == vc.load_documents().set_index("doc_id")[
        "sha256"].to_dict()
    assert len(info["codebook_sha256"]) == 64 and info["package"] == f"vetcompare {vc.__version__}"


def test_data_version_changes_with_any_curated_file(tmp_path):
    root = tmp_path / "data"
    shutil.copytree(vc.DataFolder.shipped().root, root, ignore=shutil.ignore_patterns("__pycache__"))
    copy = vc.DataFolder(root)
    before = data_version(copy)
    assert before == data_version(vc.DataFolder.shipped())
    path = copy.curated_files()[0]
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert data_version(copy) != before


def test_citation_file_agrees_with_the_package():
    from pathlib import Path

    cff = (Path(__file__).resolve().parents[1] / "CITATION.cff").read_text(encoding="utf-8")
    assert f"version: {vc.__version__}" in cff and "cff-version: 1.2.0" in cff


def test_a_title_inside_a_title_takes_the_inner_marks():
    assert labels.book_title("《行动计划(2024—2027)》政策解读") == "《〈行动计划(2024—2027)〉政策解读》"


def test_an_unknown_statement_suggests_close_ids_in_order():
    with pytest.raises(KeyError, match=r"did you mean .*jlp-07.*known: bb-01, bb-02"):
        vc.cite("jlp-7")
