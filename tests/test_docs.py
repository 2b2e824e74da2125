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


def test_readme_images_are_drawn_by_the_current_code():
    """Each image the README shows is one that ``python -m vetcompare.docs`` writes, and it has the
    size the current chart has at the README's resolution (a stale image of an older design does not)."""
    import re

    from PIL import Image

    from vetcompare import docs
    from vetcompare.analysis import report

    text = README.read_text(encoding="utf-8")
    shown = set(re.findall(r"\(docs/img/([\w.-]+\.png)\)", text))
    assert shown and shown <= set(docs.README_IMAGES)
    for name in shown:
        stem, lang = docs.README_IMAGES[name]
        width, height = report.CHARTS[stem](lang).get_size_inches()
        size = Image.open(README.parent / "docs" / "img" / name).size
        assert abs(size[0] - round(width * docs.README_DPI)) <= 1 and abs(size[1] - round(height * docs.README_DPI)) <= 1, (
            f"docs/img/{name} is stale: run python -m vetcompare.docs")
