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


# -- the forms papers use -----------------------------------------------------------------------------


def _nested(text: str) -> bool:
    """Whether a double quotation opens inside another (“…“…”…”)."""
    depth = 0
    for ch in text:
        if ch == "“":
            depth += 1
            if depth > 1:
                return True
        elif ch == "”":
            depth -= 1
    return False


@pytest.mark.parametrize("style", ["plain", "gbt7714", "apa", "bibtex", "ris"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_quotation_opens_inside_another(style, lang):
    text = vc.cite("bz-05", lang=lang, style=style)  # its sentence holds “双师型”
    assert "双师型" in text and not _nested(text)
    assert "‘双师型’" in text


def test_the_chinese_citation_uses_chinese_punctuation():
    text = vc.cite("bz-05", lang="zh")
    assert "（2021-12-31）" in text and "原文：" in text and "；编号 bz-05；" in text
    assert "(" not in text.replace(text[text.index("原文"):text.index("（字符")], "")
    dataset = vc.cite(lang="zh")
    assert f"）：{len(vc.load_targets())} 条量化表述，来源：" in dataset
    assert "；九龙坡区：" in dataset


def test_gbt7714_of_a_statement_and_of_the_dataset():
    assert vc.cite("bz-05", style="gbt7714", lang="zh").startswith(
        "巴中市人民政府. 巴中市推动职业教育高质量发展实施方案[Z]. 2021-12-31. 原文：“到2025年")
    dataset = vc.cite(style="gbt7714", lang="zh")
    assert dataset.startswith(f"vetcompare 开发者. vetcompare：中国职业教育政策文本的数值目标：{vc.__version__}[DS]. ")
    assert "数据版本 " in dataset


def test_a_document_with_its_address_is_an_online_reference(tmp_path):
    import shutil

    root = tmp_path / "data"
    shutil.copytree(vc.DataFolder.shipped().root, root)
    path = root / "documents.csv"
    text = path.read_text(encoding="utf-8")
    header = text.splitlines()[0].split(",")
    lines = text.splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith("bazhong-2021,"))
    import csv
    import io

    cells = next(csv.reader(io.StringIO(lines[row])))
    cells[header.index("url")], cells[header.index("accessed")] = "http://www.bazhong.gov.cn/x.html", "2026-11-30"
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow(cells)
    lines[row] = out.getvalue()
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    df = vc.load_targets(data=root)
    text = vc.cite("bz-05", style="gbt7714", lang="zh", df=df)
    assert "[EB/OL]. (2021-12-31)[2026-11-30]. http://www.bazhong.gov.cn/x.html." in text
    assert "http://www.bazhong.gov.cn/x.html" in vc.cite("bz-05", style="apa", df=df)
    assert "UR  - http://www.bazhong.gov.cn/x.html" in vc.cite("bz-05", style="ris", df=df)


def test_apa_dates_and_describes():
    assert vc.cite("jlp-07", style="apa").startswith("重庆市九龙坡区人民政府. (2022, March 17). "
                                                     "重庆市九龙坡区推进职业教育高质量发展实施意见 [Policy document].")
    assert "[Data set]" in vc.cite(style="apa") and f"(Version {vc.__version__})" in vc.cite(style="apa")


def test_bibtex_entries_are_balanced_and_keyed():
    text = vc.cite(["bz-05", "jlp-07"], style="bibtex")
    entries = text.split("\n\n")
    assert [e.splitlines()[0] for e in entries] == ["@misc{bz-05,", "@misc{jlp-07,"]
    for entry in entries:
        depth = 0
        for ch in entry.replace("\\{", "").replace("\\}", ""):
            depth += {"{": 1, "}": -1}.get(ch, 0)
            assert depth >= 0
        assert depth == 0 and "  year = {20" in entry


def test_ris_has_its_tags_and_ends_each_record():
    text = vc.cite("bz-05", style="ris")
    lines = text.splitlines()
    assert lines[0] == "TY  - GOVDOC" and lines[-1] == "ER  - "
    assert all(len(line) >= 6 and line[2:6] == "  - " for line in lines)
    assert vc.cite(style="ris").splitlines()[0] == "TY  - DATA"


def test_an_unknown_style_is_named():
    with pytest.raises(ValueError, match="use one of plain, gbt7714, apa, bibtex, ris"):
        vc.cite("bz-05", style="chicago")


def test_the_dataset_is_cited_by_its_release_date_not_today():
    import re
    from pathlib import Path

    changelog = (Path(__file__).parent.parent / "CHANGELOG.md").read_text(encoding="utf-8")
    top = re.search(r"^## (\S+) \((\d{4}-\d{2}-\d{2})\)", changelog, re.M)
    assert top.groups() == (vc.__version__, vc.__released__)
    assert f"year = {{{vc.__released__[:4]}}}" in vc.cite(style="bibtex") and f"date = {{{vc.__released__}}}" in \
        vc.cite(style="bibtex")


def test_latex_specials_are_escaped_and_a_chinese_document_is_chinese():
    entry = vc.cite("bz-06", style="bibtex", lang="en")  # its sentence ends in 55%
    assert "55\\%" in entry and "55%" not in entry.replace("55\\%", "")
    assert "language = {chinese}" in entry and "LA  - zh" in vc.cite("bz-06", style="ris", lang="en")


def test_a_repeat_is_cited_by_its_own_id():
    repeat = vc.load_targets(include_repeats=True).query("repeats.notna()", engine="python").iloc[0]
    assert repeat["target_id"] in vc.cite(repeat["target_id"])


def test_a_cited_sentence_reads_the_repaired_text():
    # yc-06's source lost 所 after 2-3 (a declared repair): the citation reads it restored
    assert "2-3所" in vc.cite("yc-06", lang="zh")


@pytest.mark.parametrize("key", sorted(__import__("vetcompare.labels", fromlist=["PAGE"]).PAGE))
def test_the_chinese_report_words_use_chinese_punctuation(key):
    import re

    from vetcompare import labels

    fields = {name: "x" for name in re.findall(r"{(\w+)}", labels.PAGE[key][0])}
    text = re.sub(r"\w+(?:\.\w+)*\([^()]*\)", "", labels.page(key, "zh", **fields))  # code keeps its marks
    assert not re.search(r"[\u4e00-\u9fff“”][,;:]|[,;:] ?[\u4e00-\u9fff“]|\([^()]*[\u4e00-\u9fff]", text), text
    assert labels.page(key, "en", **fields) == labels.PAGE[key][1].format(**fields)  # English untouched
