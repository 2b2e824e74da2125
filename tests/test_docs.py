"""The README's generated sections match the schema and the codebook."""

from pathlib import Path

from vetcompare.docs import render_readme

README = Path(__file__).parent.parent / "README.md"


def test_readme_generated_sections_are_current():
    text = README.read_text(encoding="utf-8")
    assert render_readme(text) == text, (
        "README is out of date: run python -c 'from vetcompare.docs import update_readme; update_readme()'")


def test_readme_counts_match_the_data():
    import vetcompare as vc

    text = README.read_text(encoding="utf-8")
    primary, everything = len(vc.load_targets()), len(vc.load_targets(include_repeats=True))
    assert f"**{primary} statements** ({everything} with the rows" in text
    assert f"{len(vc.load_codebook())} metrics" in text
