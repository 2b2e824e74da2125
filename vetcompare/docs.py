"""Documentation generated from the schema and the codebook, so that no page repeats them by hand.

The generated tables live in ``docs/reference.md`` (:data:`GENERATED`), each between the markers
``<!-- generated:NAME -->`` and ``<!-- /generated:NAME -->``; the images that the README and the pages in
``docs/`` show are drawn by the report's chart functions (:func:`doc_images`). ``python -m vetcompare.docs``
(what ``make docs`` runs) brings both up to date.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import schema
from .data.folder import load_codebook
from .data.safe import atomic_write_bytes
from .labels import THEMES

GENERATED = {"docs/reference.md": ("schema", "codebook")}
"""Every file with generated sections (a path in the repository) -> the names of the sections it holds."""


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c).replace("|", "/") for c in row) + " |" for row in rows]
    return "\n".join(lines)


def schema_markdown() -> str:
    """The columns of ``load_targets()`` as a Markdown table."""
    return _table(["column", "type", "allowed values", "meaning"],
                  [[f"`{f.name}`", "category" if f.allowed else f.dtype, ", ".join(f.allowed) if f.allowed else "",
                    f.description]
                   for f in schema.TARGET_FIELDS])


def codebook_markdown() -> str:
    """The codebook as a Markdown table, grouped by theme."""
    cb = load_codebook()
    rows = []
    for theme, (zh, en) in THEMES.items():
        for r in cb[cb["theme"] == theme].itertuples():
            rows.append([f"`{r.metric_id}`", f"{en} ({zh})", r.label_zh, r.label_en, r.unit])
    return _table(["metric_id", "theme", "中文", "English", "unit"], rows)


def generated_sections() -> dict[str, str]:
    """The body of every generated section, by the marker name that encloses it."""
    return {"schema": schema_markdown(), "codebook": codebook_markdown()}


def render(text: str, names: tuple[str, ...] | None = None) -> str:
    """``text`` with its generated sections ``names`` (default: every one) brought up to date.

    A ValueError names a section of ``names`` whose markers ``text`` lacks."""
    sections = generated_sections()
    for name in sections if names is None else names:
        pattern = re.compile(rf"(<!-- generated:{name} -->\n)(?:.*?\n)?(<!-- /generated:{name} -->)", re.S)
        if not pattern.search(text):
            raise ValueError(f"no markers for the generated section {name!r}")
        text = pattern.sub(lambda m: m.group(1) + sections[name] + "\n" + m.group(2), text)
    return text


def update_docs(root: str | Path = ".") -> list[Path]:
    """Rewrite the generated sections of every file in :data:`GENERATED` (under ``root``, the repository)
    in place; return the files that changed (a file already current is not touched)."""
    changed = []
    for name, names in GENERATED.items():
        path = Path(root) / name
        text = path.read_text(encoding="utf-8")
        try:
            new = render(text, names)
        except ValueError as exc:
            raise ValueError(f"{path}: {exc}") from None
        if new != text:
            changed.append(atomic_write_bytes(path, new.encode("utf-8")))
    return changed


DOC_DPI = 110


def write_doc_images(folder: str | Path = "docs/img") -> list[Path]:
    """Draw the images of the README and ``docs/`` from the current code (``make docs`` runs this); return
    the paths."""
    from .analysis.saving import save_figure  # matplotlib: only when images are drawn

    written = []
    for name, (chart, lang) in doc_images().items():
        written += save_figure(chart.chart(lang), Path(folder) / name, formats=["png"], dpi=DOC_DPI)
    return written


def doc_images() -> dict:
    """Each image of the README and ``docs/`` (a file in docs/img) with the report chart and language it shows,
    as the chart modules declare them."""
    from .analysis.charts import REPORT_CHARTS

    return {c.doc_image[0]: (c, c.doc_image[1]) for c in REPORT_CHARTS if c.doc_image}


if __name__ == "__main__":
    # python -m vetcompare.docs: bring the generated sections of docs/ and the images up to date.
    for path in update_docs():
        print("wrote", path)
    for path in write_doc_images():
        print("wrote", path)
