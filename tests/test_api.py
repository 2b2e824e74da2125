"""The API one can read: every public name is seen by type checkers as what it is (not Any), the package
says it is typed, and every public name has a numpydoc docstring."""

import inspect
import re
import subprocess
import sys
from pathlib import Path

import pytest

import vetcompare as vc

ROOT = Path(__file__).parent.parent


def test_the_package_is_marked_typed():
    assert (ROOT / "vetcompare" / "py.typed").is_file()


def test_a_type_checker_sees_every_public_name(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("import vetcompare as vc\n" + "".join(f"reveal_type(vc.{name})\n" for name in vc.__all__))
    run = subprocess.run([sys.executable, "-m", "mypy", "--follow-imports=silent", "--ignore-missing-imports",
                          "--no-incremental", "--cache-dir", str(tmp_path / "cache"), str(probe)],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    revealed = re.findall(r'probe\.py:(\d+): note: Revealed type is "(.*)"', run.stdout)
    assert len(revealed) == len(vc.__all__), run.stdout + run.stderr
    for line, kind in revealed:
        name = vc.__all__[int(line) - 2]
        assert kind != "Any", f"vc.{name} is Any to a type checker"
        assert kind.startswith(("def", "Overload", "type[")), (name, kind)


@pytest.mark.parametrize("name", vc.__all__)
def test_every_public_name_has_a_numpydoc_docstring(name):
    obj = getattr(vc, name)
    doc = inspect.getdoc(obj) or ""
    assert doc, f"vc.{name} has no docstring"
    params = [p for p in inspect.signature(obj).parameters if p not in ("self", "args", "kwargs")] \
        if callable(obj) and not inspect.isclass(obj) else []
    if params:
        assert "Parameters\n----------" in doc, f"vc.{name}: no Parameters section"
        for p in params:
            assert re.search(rf"^(\*\*)?{p}\b", doc, re.M), f"vc.{name}: parameter {p} is not described"
        assert "Returns\n-------" in doc, f"vc.{name}: no Returns section"


def test_the_api_reference_builds_without_a_warning(tmp_path):
    run = subprocess.run([sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html",
                          str(ROOT / "docs" / "api"), str(tmp_path)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    for name in vc.__all__:
        assert f'id="vetcompare.{name}"' in page, f"vc.{name} is not in the API reference"
    assert "Parameters" in page and "Returns" in page


def test_the_docstring_examples_run():
    """``make test`` runs every docstring example (pytest --doctest-modules over vetcompare/)."""
    import tomllib

    options = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"]["ini_options"]
    assert "vetcompare" in options["testpaths"] and "--doctest-modules" in options["addopts"]
    examples = [name for name in vc.__all__ if ">>> " in (inspect.getdoc(getattr(vc, name)) or "")]
    assert len(examples) >= 10
