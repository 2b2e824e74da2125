"""The analysis wing is declarative: a chart per module, one registry that the report, the page, the
documentation images and the tests iterate, and no import cycle between the wing's modules."""

import ast
import importlib
from pathlib import Path

import pytest

from vetcompare.analysis import charts
from vetcompare.analysis.charts import REPORT_CHARTS

PACKAGE = Path(__file__).parent.parent / "vetcompare"
CHART_FOLDER = PACKAGE / "analysis" / "charts"
SHARED = {"__init__", "common", "registry"}


def test_every_chart_module_is_registered_and_declares_its_report_charts():
    modules = {p.stem for p in CHART_FOLDER.glob("*.py")} - SHARED
    assert {m.__name__.rsplit(".", 1)[-1] for m in charts.MODULES} == modules
    for name in modules:
        module = importlib.import_module(f"vetcompare.analysis.charts.{name}")
        assert module.REPORT, f"charts/{name}.py declares no report chart"


def test_report_charts_have_unique_stems_captions_in_both_languages_and_costs():
    stems = [c.stem for c in REPORT_CHARTS]
    assert stems == sorted(stems) and len(set(stems)) == len(stems) == 7
    for c in REPORT_CHARTS:
        zh, en = c.caption
        assert zh and en and zh != en, c.stem
    assert len({c.cost for c in REPORT_CHARTS}) == len(REPORT_CHARTS)  # one drawing order


@pytest.mark.parametrize("chart", REPORT_CHARTS, ids=[c.stem for c in REPORT_CHARTS])
def test_a_registered_chart_draws_in_both_languages(chart):
    for lang in ("zh", "en"):
        assert chart.chart(lang).axes


def test_the_documentation_images_come_from_the_registry():
    from vetcompare import docs

    assert set(docs.doc_images()) == {c.doc_image[0] for c in REPORT_CHARTS if c.doc_image}
    assert len(docs.doc_images()) == 3


def _imports(path: Path) -> set[str]:
    """The vetcompare modules ``path`` imports, at its top or inside a function."""
    module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package.split(".")
            base = base[: len(base) - node.level + 1]
            target = ".".join(base + ([node.module] if node.module else []))
            out.add(target)
            out |= {f"{target}.{a.name}" for a in node.names}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("vetcompare"):
            out.add(node.module)
    return out


def test_no_import_cycle_in_the_analysis_wing():
    files = {".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__"): p
             for p in (PACKAGE / "analysis").rglob("*.py")}
    graph = {m: {t for t in _imports(p) if t in files and t != m} for m, p in files.items()}

    def reaches(start, goal, seen=()):
        return any(n == goal or (n not in seen and reaches(n, goal, seen + (n,))) for n in graph[start])

    cycles = sorted(f"{a} ↔ {b}" for a in graph for b in graph[a] if reaches(b, a) and not b.startswith(a))
    assert not cycles


def test_the_data_folder_is_passed_not_found_in_ambient_state():
    """The analysis wing reads the documents and codebook of the folder a table came from, passed on
    explicitly (``table_and_folder``); only the explorer, which works on the default data, loads them."""
    import re

    calls = re.compile(r"(?<![\w.])load_(documents|codebook)\(")
    found = [f"{p.relative_to(PACKAGE)}:{i}" for p in (PACKAGE / "analysis").rglob("*.py") if p.name != "explore.py"
             for i, line in enumerate(p.read_text("utf-8").splitlines(), 1)
             if calls.search(line) and ">>>" not in line]
    assert not found
    folder = (PACKAGE / "data" / "folder.py").read_text("utf-8")
    assert "ContextVar" not in folder and "def using" not in folder
