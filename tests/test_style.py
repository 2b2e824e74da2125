"""The house rules that keep the code changeable, checked on every run: complexity and unused names
(ruff's F and C90 rules), short functions, no private names borrowed across modules, and one module
that branches on the language."""

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
PACKAGE = ROOT / "vetcompare"
MAX_LINES = 45
SOURCES = sorted(PACKAGE.rglob("*.py"))


def test_ruff_complexity_and_unused_names():
    run = subprocess.run([sys.executable, "-m", "ruff", "check", "vetcompare", "tests", "bench", "scripts"],
                         cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def code_lines(node: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    """Lines of a function without its docstring (a numpydoc docstring says what the code does; it is
    not code to split)."""
    lines = node.end_lineno - node.lineno + 1
    first = node.body[0]
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
        lines -= first.end_lineno - first.lineno + 1
    return lines


@pytest.mark.parametrize("path", SOURCES, ids=[str(p.relative_to(PACKAGE)) for p in SOURCES])
def test_functions_are_short(path):
    long = [f"{n.name} ({code_lines(n)} lines)" for n in ast.walk(ast.parse(path.read_text("utf-8")))
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and code_lines(n) > MAX_LINES]
    assert not long, f"split these: {long}"


@pytest.mark.parametrize("path", SOURCES, ids=[str(p.relative_to(PACKAGE)) for p in SOURCES])
def test_no_private_name_is_imported_from_another_module(path):
    borrowed = [f"{n.module}.{a.name}" for n in ast.walk(ast.parse(path.read_text("utf-8")))
                if isinstance(n, ast.ImportFrom) for a in n.names
                if a.name.startswith("_") and not a.name.startswith("__")]
    assert not borrowed


def test_only_labels_branches_on_the_language():
    branch = re.compile(r"""lang\s*[!=]=\s*["'](zh|en)["']|["']zh["']\s*[!=]=\s*lang""")
    found = [f"{p.relative_to(PACKAGE)}:{i}" for p in SOURCES if p.name != "labels.py"
             for i, line in enumerate(p.read_text("utf-8").splitlines(), 1) if branch.search(line)]
    assert not found


def test_a_negative_case_is_caught():
    """The checks above are not vacuous: a long function and a borrowed private name are seen."""
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_LINES + 1))
    tree = ast.parse(f"from .m import _hidden\ndef f():\n{body}\n")
    assert any(isinstance(n, ast.FunctionDef) and n.end_lineno - n.lineno + 1 > MAX_LINES for n in ast.walk(tree))
    assert any(isinstance(n, ast.ImportFrom) and n.names[0].name == "_hidden" for n in ast.walk(tree))
