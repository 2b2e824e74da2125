"""The main job: python -m vetcompare report."""

import base64
import json
import os
import re
import signal
import subprocess
import sys
import time

import pandas as pd
import pytest

import vetcompare as vc
from vetcompare.analysis.charts import BY_STEM as CHARTS


def test_report_cli_writes_everything(tmp_path):
    out = tmp_path / "reports"
    run = subprocess.run([sys.executable, "-m", "vetcompare", "report", "--out", str(out)],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    assert "missing from " not in run.stderr
    names = {p.name for p in out.iterdir()}
    for stem in CHARTS:
        for lang in ("zh", "en"):
            for fmt in ("png", "svg", "pdf"):
                assert f"{stem}_{lang}.{fmt}" in names
                assert "wrote" in run.stdout and f"{stem}_{lang}.{fmt}" in run.stdout
    assert {"vetcompare_targets_zh.xlsx", "vetcompare_targets_en.xlsx"} <= names
    assert {"report_zh.html", "report_en.html", "manifest.json"} <= names
    assert len(names) == len(CHARTS) * 6 + 6  # and the data/ folder; nothing else, no temporary files left
    assert sorted(p.name for p in (out / "data").iterdir()) == sorted(
        ["datapackage.json"] + [f"{t}.{ext}" for t in ("targets", "documents", "codebook") for ext in ("csv", "dta")])
    back = vc.read_workbook(out / "vetcompare_targets_zh.xlsx")
    pd.testing.assert_frame_equal(back, vc.load_targets())
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    docs = vc.load_documents().set_index("doc_id")
    assert {d["doc_id"]: d["sha256"] for d in manifest["documents"]} == docs["sha256"].to_dict()
    assert manifest["package"] == f"vetcompare {vc.__version__}" and manifest["statements"] == len(vc.load_targets())
    for lang in ("zh", "en"):  # the page carries the very charts written beside it
        page = (out / f"report_{lang}.html").read_text(encoding="utf-8")
        inline = [base64.b64decode(b) for b in re.findall(r'src="data:image/svg\+xml;base64,([^"]+)"', page)]
        assert inline == [(out / f"{stem}_{lang}.svg").read_bytes() for stem in CHARTS]
        assert manifest["data_version"] in page


def test_rerun_replaces_files(tmp_path):
    first = vc.build_report(tmp_path, langs=("en",), formats=("png",), jobs=1, log=lambda s: None)
    stamps = {p: p.stat().st_mtime_ns for p in first}
    second = vc.build_report(tmp_path, langs=("en",), formats=("png",), jobs=1, log=lambda s: None)
    assert first == second
    assert all(p.stat().st_mtime_ns >= stamps[p] for p in second)
    assert not list(tmp_path.glob(".*"))


def _complete(path) -> bool:
    """A written file is whole: its format's ending is there."""
    data = path.read_bytes()
    ends = {".png": b"IEND\xaeB`\x82", ".pdf": b"%%EOF\n", ".svg": b"</svg>\n", ".html": b"</html>\n",
            ".json": b"}\n"}
    if path.suffix == ".xlsx":
        import zipfile

        return zipfile.ZipFile(path).testzip() is None
    return data.endswith(ends[path.suffix]) or data.rstrip().endswith(ends[path.suffix].rstrip())


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_report_stops_at_once_and_leaves_only_whole_files(tmp_path, sig):
    out = tmp_path / "reports"
    proc = subprocess.Popen([sys.executable, "-m", "vetcompare", "report", "--out", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.time() + 60
    while time.time() < deadline and not (out.exists() and any(out.glob("*.png"))):
        time.sleep(0.05)  # stop it in the middle, once some files are written
    workers = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True, text=True).stdout.split()
    assert workers, "the report draws in worker processes"
    started = time.time()
    proc.send_signal(sig)
    proc.wait(timeout=10)
    assert time.time() - started < 2
    time.sleep(0.2)
    assert not [w for w in workers if os.path.exists(f"/proc/{w}")], "no worker keeps running"
    assert proc.returncode == 130 and "Traceback" not in proc.stderr.read().decode()
    files = list(out.iterdir())
    assert not [f for f in files if f.name.startswith(".")], "no half-written temporary file is left"
    assert all(_complete(f) for f in files)
