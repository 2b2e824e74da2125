"""Look at what a researcher sees: executed notebooks and report charts in a real browser.

    .venv/bin/python scripts/look.py --out look/            # all notebooks and a few charts
    .venv/bin/python scripts/look.py --out look/ 01_teachers

Executes each notebook headless (nbclient), exports it to HTML as JupyterLab shows it (nbconvert),
writes a page of report charts, then opens every page in headless Chromium (Debian's ``chromium``,
no network) twice: once to read the DOM after the page has loaded, where an inline script has
counted, in every cell that draws a chart, the images the browser actually decoded
(``naturalWidth > 0``); once for a screenshot a person can look at. Exits 1 if any chart cell
shows no image. The explorer's widgets need a live kernel and are not drawn in static HTML; its
chart is checked in the notebook's widget state instead (as ``tests/test_notebooks.py`` does).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHART_CALL = re.compile(r"^vc\.(\w+_chart)\(", re.M)
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars", "--virtual-time-budget=5000"]
CHECK = """<script>
window.addEventListener("load", () => {
  const cells = [...document.querySelectorAll(".celltag_chart")];
  const counts = cells.map(c => [...c.querySelectorAll("img")].filter(i => i.complete && i.naturalWidth > 0).length);
  const out = document.createElement("pre");
  out.id = "vc-check";
  out.textContent = JSON.stringify(counts);
  document.body.appendChild(out);
});
</script>"""
FONT_CSS = """<style>@font-face {{ font-family: "vetcompare CJK"; src: url("{url}"); }}
@font-face {{ font-family: "vetcompare CJK Ext"; src: url("{ext}"); }}
body, body * {{ font-family: system-ui, sans-serif, "vetcompare CJK", "vetcompare CJK Ext" !important; }}
pre, code, .CodeMirror, .highlight * {{ font-family: monospace, "vetcompare CJK", "vetcompare CJK Ext" !important; }}
</style>"""
CHARTS = [("01_dual_qualified_teachers", "en"), ("03_quality_schools_by_tier", "zh"),
          ("06_baseline_to_target", "zh"), ("04_coverage", "en")]


BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def browser() -> str:
    """The headless browser to use, or a clear error saying how to install one."""
    for name in BROWSERS:
        if shutil.which(name):
            return name
    raise SystemExit("look.py needs Chromium: `apt-get install chromium` (Debian/Ubuntu) or install Google Chrome")


def chromium(*args: str, user_dir: str) -> subprocess.CompletedProcess:
    return subprocess.run([browser(), *CHROMIUM_FLAGS, f"--user-data-dir={user_dir}", *args],
                          capture_output=True, text=True, timeout=120)


def font_css() -> str:
    """CSS that lets the browser draw the page's Chinese text with the font vetcompare ships (this
    machine has no CJK system font; a researcher's has, so this only makes the screenshot faithful)."""
    from vetcompare.analysis.fonts import font_paths

    main, ext = (Path(p).as_uri() for p in font_paths())
    return FONT_CSS.format(url=main, ext=ext)


def notebook_page(path: Path, out: Path) -> tuple[Path, int]:
    """Execute a notebook, tag its chart cells, export it to HTML with the check script; return
    the page and the number of chart cells."""
    import nbformat
    from nbclient import NotebookClient
    from nbconvert import HTMLExporter

    nb = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory() as tmp:
        NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": tmp}}).execute()
    charts = 0
    for cell in nb.cells:
        if cell.cell_type == "code" and CHART_CALL.search(cell.source.strip().split("\n\n")[-1]):
            cell.metadata.setdefault("tags", []).append("chart")
            charts += 1
    html, _ = HTMLExporter(template_name="lab").from_notebook_node(nb)
    page = out / f"{path.stem}.html"
    page.write_text(html.replace("</head>", font_css() + "</head>").replace("</body>", CHECK + "</body>"),
                    encoding="utf-8")
    return page, charts


def chart_page(out: Path) -> tuple[Path, int]:
    """A page showing a few report charts as PNG files, each in a tagged cell."""
    from vetcompare.analysis.charts import BY_STEM
    from vetcompare.analysis.saving import save_figure

    cells = []
    for stem, lang in CHARTS:
        (png,) = save_figure(BY_STEM[stem].chart(lang), out / f"{stem}_{lang}", formats=["png"], dpi=150)
        cells.append(f'<div class="celltag_chart"><h3>{png.name}</h3><img src="{png.name}" style="width:16cm"></div>')
    page = out / "charts.html"
    page.write_text(f"<!doctype html><meta charset='utf-8'><body>{''.join(cells)}{CHECK}</body>", encoding="utf-8")
    return page, len(cells)


def check(page: Path, expected: int, user_dir: str) -> list[int]:
    """Open the page, read the counts the check script wrote, and take a screenshot beside it."""
    dom = chromium("--dump-dom", page.as_uri(), user_dir=user_dir).stdout
    found = re.search(r'<pre id="vc-check">(.*?)</pre>', dom)
    counts = json.loads(found.group(1)) if found else []
    chromium(f"--screenshot={page.with_suffix('.png')}", "--window-size=1280,4000", page.as_uri(), user_dir=user_dir)
    if len(counts) != expected:
        counts = counts + [0] * (expected - len(counts))
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="look", help="folder for the pages and screenshots (default: look)")
    parser.add_argument("notebooks", nargs="*", help="notebook names to look at (default: all)")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    paths = sorted((ROOT / "notebooks").glob("*.ipynb"))
    if args.notebooks:
        paths = [p for p in paths if any(name in p.stem for name in args.notebooks)]
    pages = [notebook_page(p, out) for p in paths] + [chart_page(out)]
    failed = 0
    with tempfile.TemporaryDirectory() as user_dir:
        for page, expected in pages:
            counts = check(page, expected, user_dir)
            blank = [i for i, n in enumerate(counts) if n == 0]
            failed += bool(blank)
            status = "ok" if not blank else f"NO IMAGE in chart cell(s) {blank}"
            print(f"{page.name:<40} chart cells {expected}, images {counts}: {status}; screenshot {page.stem}.png")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
