"""Documentation generated from the schema and the codebook, so that the README never repeats them by hand."""

from __future__ import annotations

import re
from pathlib import Path

from . import schema
from .data.folder import load_codebook
from .data.safe import atomic_write_bytes
from .labels import THEMES


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c).replace("|", "/") for c in row) + " |" for row in rows]
    return "\n".join(lines)


def schema_markdown() -> str:
    """The columns of ``load_targets()`` as a Markdown table."""
    return _table(["column", "type", "allowed values", "meaning"],
                  [[f"`{f.name}`", f.dtype, ", ".join(f.allowed) if f.allowed else "", f.description]
                   for f in schema.TARGET_FIELDS])


def codebook_markdown() -> str:
    """The codebook as a Markdown table, grouped by theme."""
    cb = load_codebook()
    rows = []
    for theme, (zh, en) in THEMES.items():
        for r in cb[cb["theme"] == theme].itertuples():
            rows.append([f"`{r.metric_id}`", f"{en} ({zh})", r.label_zh, r.label_en, r.unit])
    return _table(["metric_id", "theme", "中文", "English", "unit"], rows)


def readme_sections() -> dict[str, str]:
    """Generated README sections, by the marker name that encloses each."""
    return {"schema": schema_markdown(), "codebook": codebook_markdown()}


def render_readme(text: str) -> str:
    """``text`` with every generated section (between its markers) brought up to date."""
    for name, body in readme_sections().items():
        pattern = re.compile(rf"(<!-- generated:{name} -->\n)(?:.*?\n)?(<!-- /generated:{name} -->)", re.S)
        if not pattern.search(text):
            raise ValueError(f"README has no markers for the generated section {name!r}")
        text = pattern.sub(lambda m: m.group(1) + body + "\n" + m.group(2), text)
    return text


def update_readme(path: str = "README.md") -> None:
    """Rewrite the generated sections of the README in place."""
    p = Path(path)
    atomic_write_bytes(p, render_readme(p.read_text(encoding="utf-8")).encode("utf-8"))


README_IMAGES = {  # file in docs/img -> (report chart, language)
    "dual_qualified_en.png": ("01_dual_qualified_teachers", "en"),
    "coverage_en.png": ("04_coverage", "en"),
    "tiers_zh.png": ("03_quality_schools_by_tier", "zh"),
}
README_DPI = 110


def write_readme_images(folder: str = "docs/img") -> list:
    """Draw the README's images from the current code (``make docs`` runs this); return the paths."""
    from .analysis.plot import save_figure  # matplotlib: only when images are drawn
    from .analysis.report import CHARTS

    written = []
    for name, (stem, lang) in README_IMAGES.items():
        written += save_figure(CHARTS[stem](lang), Path(folder) / name, formats=["png"], dpi=README_DPI)
    return written


if __name__ == "__main__":
    # python -m vetcompare.docs: bring the README's generated sections and images up to date.
    update_readme()
    for path in write_readme_images():
        print("wrote", path)
