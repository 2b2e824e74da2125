"""The documentation is current: its generated sections match the schema and the codebook, the counts it
quotes match the data, its images are drawn by the current code, and every relative link leads somewhere."""

import re
from pathlib import Path

import pytest

from vetcompare import docs

ROOT = Path(__file__).parent.parent
README = ROOT / "README.md"
PAGES = [README, *sorted((ROOT / "docs").glob("*.md"))]
IMG = ROOT / "docs" / "img"


def _name(page: Path) -> str:
    return str(page.relative_to(ROOT))


def _pages_text() -> dict[str, str]:
    return {_name(p): p.read_text(encoding="utf-8") for p in PAGES}


@pytest.mark.parametrize("name", sorted(docs.GENERATED))
def test_generated_sections_are_current(name):
    text = (ROOT / name).read_text(encoding="utf-8")
    assert docs.render(text, docs.GENERATED[name]) == text, f"{name} is out of date: run python -m vetcompare.docs"


def test_render_names_a_missing_section():
    with pytest.raises(ValueError, match="'codebook'"):
        docs.render("<!-- generated:schema -->\n<!-- /generated:schema -->\n", ("schema", "codebook"))


def test_the_counts_the_pages_quote_match_the_data():
    """The sentences "**N statements** (M with the rows that only repeat another)", "N statements, one row
    each" and "K metrics", wherever they are written."""
    import vetcompare as vc

    primary, everything = len(vc.load_targets()), len(vc.load_targets(include_repeats=True))
    metrics = len(vc.load_codebook())
    pages = _pages_text()
    found = {name: re.findall(r"\*\*(\d+) statements\*\* \((\d+) with the rows", text) for name, text in pages.items()}
    assert any(found.values()), "no page says how many statements there are"
    for name, counts in found.items():
        assert all(c == (str(primary), str(everything)) for c in counts), f"{name}: {counts}, data: {primary}/{everything}"
    for name, text in pages.items():
        assert all(int(n) == primary for n in re.findall(r"(\d+) statements, one row each", text)), name
    said = {name: re.findall(r"(\d+) metrics", text) for name, text in pages.items()}
    assert any(said.values()), "no page says how many metrics there are"
    for name, counts in said.items():
        assert all(int(n) == metrics for n in counts), f"{name}: {counts} metrics, the codebook has {metrics}"


def _images_shown() -> dict[str, Path]:
    """Every PNG the README and docs/ show, by page and link: the image file it resolves to."""
    shown = {}
    for page in PAGES:
        for link in re.findall(r"!\[[^\]]*\]\(([^)\s]+\.png)\)", page.read_text(encoding="utf-8")):
            shown[f"{_name(page)}: {link}"] = (page.parent / link).resolve()
    return shown


def test_the_images_are_drawn_by_the_current_code():
    """Each image a page shows is one that ``python -m vetcompare.docs`` writes, each one it writes is shown,
    and it has the size the current chart has at the pages' resolution (a stale image of an older design
    does not)."""
    from PIL import Image

    shown = _images_shown()
    assert all(path.parent == IMG for path in shown.values()), shown
    assert {path.name for path in shown.values()} == set(docs.doc_images())
    for name, (chart, lang) in docs.doc_images().items():
        width, height = chart.chart(lang).get_size_inches()
        size = Image.open(IMG / name).size
        assert abs(size[0] - round(width * docs.DOC_DPI)) <= 1 and abs(size[1] - round(height * docs.DOC_DPI)) <= 1, (
            f"docs/img/{name} is stale: run python -m vetcompare.docs")


def _anchors(page: Path) -> set[str]:
    """The anchors GitHub gives the headings of a Markdown page."""
    text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.S)
    headings = re.findall(r"^#{1,6} +(.+?) *$", text, flags=re.M)
    return {re.sub(r"[^\w\- ]", "", h.lower()).replace(" ", "-") for h in headings}


def broken_links(page: Path) -> list[str]:
    """The relative links and images of a Markdown page whose file (or heading) does not exist."""
    text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.S)
    text = re.sub(r"`[^`\n]*`", "code", text)
    broken = []
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if re.match(r"[a-z]+:", target):  # https:, mailto:
            continue
        file, _, anchor = target.partition("#")
        path = (page.parent / file).resolve() if file else page
        if not path.exists():
            broken.append(f"{target}: no such file")
        elif anchor and path.suffix == ".md" and anchor not in _anchors(path):
            broken.append(f"{target}: no such heading in {path.name}")
    return broken


@pytest.mark.parametrize("page", PAGES, ids=[_name(p) for p in PAGES])
def test_every_relative_link_points_at_a_file_that_exists(page):
    assert not broken_links(page)


def test_a_broken_link_is_caught(tmp_path):
    """The check above is not vacuous: a missing file and a missing heading are named, a good link is not."""
    (tmp_path / "other.md").write_text("# A heading\n", encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text("[ok](other.md#a-heading) [gone](missing.md) [no](other.md#nowhere) "
                    "[web](https://example.org/x) `[code](not-a-link)`\n", encoding="utf-8")
    assert broken_links(page) == ["missing.md: no such file", "other.md#nowhere: no such heading in other.md"]


def test_the_readme_is_a_first_screen():
    """The README stays short: the reference lives in docs/, and the README links every page there."""
    text = README.read_text(encoding="utf-8")
    assert len(text.encode("utf-8")) < 8000
    linked = set(re.findall(r"\]\(docs/([\w.-]+\.md)[#)]", text))
    assert linked == {p.name for p in PAGES[1:]}
