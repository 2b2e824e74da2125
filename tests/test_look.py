"""scripts/look.py, what a person runs to look: a notebook and report charts opened in headless Chromium,
every chart cell showing a decoded image, and screenshots that are not blank."""

import subprocess
import sys
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).parent.parent


def test_look_opens_a_notebook_and_the_charts_in_a_browser(tmp_path):
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "look.py"), "--out", str(tmp_path), "01_teachers"],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "01_teachers.html" in run.stdout and "charts.html" in run.stdout and "NO IMAGE" not in run.stdout
    for name in ("01_teachers.png", "charts.png"):
        pixels = np.asarray(Image.open(tmp_path / name).convert("L"))
        assert pixels.shape[1] == 1280 and (pixels < 128).mean() > 0.002, f"{name} looks blank"
