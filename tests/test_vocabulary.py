"""The text engine's vocabulary is data: the traditional table is OpenCC's (regenerated and compared), and
the extractor reads traditional versions of the five documents as well as the simplified ones."""

import subprocess
import sys
from pathlib import Path

import opencc

import vetcompare as vc
from vetcompare.text import lexicon
from vetcompare.text.extract import extract_targets

ROOT = Path(__file__).parent.parent


def test_traditional_table_is_what_the_script_makes_from_opencc():
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_traditional.py"), "--check"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_table_is_one_character_for_one_and_leaves_everyday_characters():
    table = lexicon.traditional()
    assert len(table) > 4000
    assert all(len(t) == 1 and len(s) == 1 for t, s in table.items())
    assert table["國"] == "国" and table["萬"] == "万" and table["爭"] == "争"
    assert "著" not in table and "乾" not in table  # 显著, 乾坤 stay as they are


def _values(df):
    return sorted((round(lo, 6), round(hi, 6)) for lo, hi in zip(df["value_low"], df["value_high"]))


def test_traditional_versions_of_the_sources_read_like_the_originals(documents):
    to_traditional = opencc.OpenCC("s2t").convert
    for d in documents.itertuples():
        text = vc.source_text(d.doc_id)
        simplified = extract_targets(text, city_tier=d.city_tier, plan_end=int(d.period_end), text_form=d.text_form)
        traditional = extract_targets(to_traditional(text), city_tier=d.city_tier, plan_end=int(d.period_end),
                                      text_form=d.text_form)
        assert _values(traditional) == _values(simplified), d.doc_id
        assert list(traditional["metric_id"]) == list(simplified["metric_id"]), d.doc_id


def test_metric_rules_are_data_and_name_codebook_metrics(codebook):
    from vetcompare.text.extract import METRIC_KEYWORDS

    rows = lexicon.rows("metric_rules.tsv")
    assert len(rows) == len(METRIC_KEYWORDS) > 80
    known = set(codebook["metric_id"])
    assert {row[0] for row in rows} <= known
    assert all(len(row) == 5 and row[4] in ("", "clause", "sentence") for row in rows)


def test_every_vocabulary_file_is_read_by_the_lexicon_and_well_formed():
    """Each file has the columns of its header on every row, and the lexicon reads it."""
    import re

    from vetcompare.text import lexicon

    readers = {"traditional.tsv": lexicon.traditional, "metric_rules.tsv": lambda: lexicon.rows("metric_rules.tsv"),
               "exclusions.tsv": lexicon.exclusions, "units.tsv": lexicon.units, "bounds.tsv": lexicon.bounds,
               "cues.tsv": lexicon.cues, "tiers.tsv": lexicon.tiers}
    assert {p.name for p in lexicon.FOLDER.glob("*.tsv")} == set(readers)
    for name, read in readers.items():
        lines = [ln for ln in (lexicon.FOLDER / name).read_text(encoding="utf-8").splitlines()
                 if ln and not ln.startswith("#")]
        width = len(lines[0].split("\t"))
        assert all(len(ln.split("\t")) <= width for ln in lines), name
        assert read()
    for _name, rx, _flags in lexicon.exclusions():
        re.compile(rx)
    for pattern in lexicon.cues().values():
        re.compile(pattern)
    units, _blockers = lexicon.units()
    assert units["公里"] == "length" and units["%"] == "percent"
    assert lexicon.bounds()["prefix"]["不低于"] == "ge" and lexicon.bounds()["suffix"]["以上"] == "ge"
    words, offered = lexicon.tiers()
    assert words["市级"] == "city" and "市级及以上" in offered and set(offered) - {w + "及以上" for w in words} <= set(words)


def test_no_chinese_policy_word_is_spelled_in_the_engine_code():
    """Words live in vocabulary/*.tsv. Only the number grammar (numerals.py, quantities.py: numeral
    characters, 分之, 年月日), the character table (characters.py) and the loader (lexicon.py) spell
    Chinese characters in code; docstrings and comments may quote examples."""
    import io
    import re
    import tokenize
    from pathlib import Path

    from vetcompare.text import lexicon

    engine = Path(lexicon.__file__).parent
    exempt = {"numerals.py", "quantities.py", "characters.py", "lexicon.py"}
    found = []
    for path in sorted(engine.glob("*.py")):
        if path.name in exempt:
            continue
        for tok in tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline):
            if tok.type == tokenize.STRING and not tok.string.lstrip("rbfu").startswith(('"""', "'''")) \
                    and re.search(r"[\u3400-\u9fff]", tok.string):
                found.append(f"{path.name}:{tok.start[0]}")
    assert found == []
