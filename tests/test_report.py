"""The main job: python -m vetcompare report."""

import subprocess
import sys

import pandas as pd

import vetcompare as vc
from vetcompare.analysis.report import CHARTS


def test_report_cli_writes_everything(tmp_path):
    out = tmp_path / "reports"
    run = subprocess.run([sys.executable, "-m", "vetcompare", "report", "--out", str(out)],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    assert "missing from font" not in run.stderr
    names = {p.name for p in out.iterdir()}
    for stem in CHARTS:
        for lang in ("zh", "en"):
            for fmt in ("png", "svg", "pdf"):
                assert f"{stem}_{lang}.{fmt}" in names
                assert "wrote" in run.stdout and f"{stem}_{lang}.{fmt}" in run.stdout
    assert {"vetcompare_targets_zh.xlsx", "vetcompare_targets_en.xlsx"} <= names
    assert len(names) == len(CHARTS) * 6 + 2  # nothing else, no temporary files left
    back = vc.read_workbook(out / "vetcompare_targets_zh.xlsx")
    pd.testing.assert_frame_equal(back, vc.load_targets())


def test_rerun_replaces_files(tmp_path):
    first = vc.build_report(tmp_path, langs=("en",), formats=("png",), jobs=1, log=lambda s: None)
    stamps = {p: p.stat().st_mtime_ns for p in first}
    second = vc.build_report(tmp_path, langs=("en",), formats=("png",), jobs=1, log=lambda s: None)
    assert first == second
    assert all(p.stat().st_mtime_ns >= stamps[p] for p in second)
    assert not list(tmp_path.glob(".*"))
