"""Packaging: environment.yml agrees with pyproject.toml, the import is fast, a wheel ships the data."""

import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[ ;]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _requirements(requirements) -> dict[str, str]:
    return {_name(r): r.replace(" ", "") for r in requirements}


def _conda(path: Path) -> dict[str, str]:
    env = {}
    text = path.read_text()
    for line in text[text.index("dependencies:"):].splitlines():
        m = re.match(r"^\s+-\s+(?!pip:)(\S.*)$", line)
        if m and not m.group(1).startswith(("-e", "python", "pip")):
            env[_name(m.group(1))] = m.group(1).replace(" ", "")
    return env


def test_environment_for_users_agrees_with_pyproject():
    """environment.yml: what a user needs to run vetcompare and its notebooks, without the test tools."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = _requirements(project["dependencies"]) | _requirements(project["optional-dependencies"]["notebooks"])
    assert _conda(ROOT / "environment.yml") == wanted


def test_environment_for_development_agrees_with_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = _requirements(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        wanted.update(_requirements(extra))
    assert _conda(ROOT / "environment-dev.yml") == wanted


def test_import_is_fast_and_light():
    code = ("import sys, time; t = time.perf_counter(); import vetcompare; dt = time.perf_counter() - t; "
            "print(dt, 'pandas' in sys.modules, 'matplotlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    seconds, pandas_loaded, mpl_loaded = float(out[0]), out[1] == "True", out[2] == "True"
    assert seconds < 0.5
    assert not pandas_loaded and not mpl_loaded


def test_wheel_ships_the_data(tmp_path):
    pytest.importorskip("hatchling")
    run = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w",
                          str(tmp_path), str(ROOT)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    wheel = next(tmp_path.glob("vetcompare-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in ["vetcompare/data/shipped/documents.csv", "vetcompare/data/shipped/codebook.csv",
                     "vetcompare/data/shipped/repairs.csv", "vetcompare/data/shipped/sources/beibei-2020.txt",
                     "vetcompare/data/shipped/targets/bazhong-2021.csv",
                     "vetcompare/analysis/assets/fonts/NotoSansSC-GBK-Regular.ttf",
                     "vetcompare/analysis/assets/fonts/NotoSansSC-GBKExt-Regular.ttf",
                     "vetcompare/analysis/assets/fonts/OFL.txt", "vetcompare/data/shipped/DATA_LICENSE.md",
                     "vetcompare/py.typed"]:
        assert required in names
    # installed from the wheel, the package finds its data without the source tree
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(target),
                    str(wheel)], check=True)
    code = "import vetcompare as vc; print(vc.data.folder.default_folder().root); print(len(vc.load_targets()))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path,
                         env={"PYTHONPATH": str(target), "PATH": ""})
    assert out.returncode == 0, out.stderr
    where, rows = out.stdout.split()
    assert where.startswith(str(target)) and int(rows) > 100


def test_lowest_versions_tested_are_the_declared_floors():
    """CI runs the suite with .ci/lowest-versions.txt: each pin must be the floor pyproject.toml states."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    floors = {_name(r): r.split(">=")[1].split(",")[0] for r in project["dependencies"] if ">=" in r}
    pins = dict(line.split("==") for line in (ROOT / ".ci" / "lowest-versions.txt").read_text().splitlines()
                if line and not line.startswith("#"))
    assert pins == {k: v for k, v in floors.items() if k in pins} and set(pins) == set(floors)
