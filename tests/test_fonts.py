"""Chinese labels render with real glyphs, in regular and bold, and the font
travels inside PDF (embedded TrueType) and SVG (glyphs as paths) output."""

import logging
import os
import subprocess
import sys
import time
import warnings
import xml.etree.ElementTree as ET

import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

from matplotlib import font_manager  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from vetcompare import fonts  # noqa: E402

PLACES = ["九龙坡区", "北碚区", "永川区", "巴中市", "重庆市"]
TITLE = "重庆市与巴中市“双师型”教师占比（目标 ≥60%）"
YLABEL = "“双师型”教师占比变化（%，最低 −5）"
XLABEL = "区县：九龙坡区 北碚区 永川区 巴中市 重庆市"
VALUES = [12.5, -5.0, 8.0, 3.5, 60.0]
MISSING = "missing from font"


@pytest.fixture(scope="module")
def family():
    # First call on a machine cuts the static instances (~40 s, once).
    return fonts.use_cjk_font()


def _chart(weight):
    fig = Figure(figsize=(7, 4), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    ax.bar(PLACES, VALUES, color="#4c72b0")  # negative bar -> "−5" tick label
    ax.axhline(60, color="grey", linestyle="--")
    ax.set_yticks([-5, 0, 20, 40, 60])  # tick label "−5" uses U+2212
    ax.set_title(TITLE, fontweight=weight)
    ax.set_ylabel(YLABEL, fontweight=weight)
    ax.set_xlabel(XLABEL, fontweight=weight)
    for label in ax.get_xticklabels():
        label.set_fontweight(weight)
    fig.tight_layout()
    return fig


def _missing_glyph_warnings(caught):
    return [str(w.message) for w in caught if MISSING in str(w.message)]


def test_family_is_noto_sans_sc(family):
    assert family == "Noto Sans SC"
    rc = matplotlib.rcParams
    assert rc["font.sans-serif"][0] == family
    assert "sans-serif" in rc["font.family"]
    assert rc["pdf.fonttype"] == 42 and rc["ps.fonttype"] == 42
    assert rc["svg.fonttype"] == "path"
    assert rc["axes.unicode_minus"] is True


@pytest.mark.parametrize("weight, style", [("normal", "Regular"), ("bold", "Bold")])
def test_weight_resolves_to_static_file(family, weight, style):
    # Bold must come from the real Bold instance, not a fallback or a Thin
    # variable default.
    path = str(font_manager.findfont(  # a str-based FontPath on matplotlib >= 3.11
        font_manager.FontProperties(family="sans-serif", weight=weight),
        fallback_to_default=False))
    assert os.path.basename(path).startswith(f"NotoSansSC-{style}-")
    assert path in {os.fspath(p) for p in fonts.font_files()}


@pytest.mark.parametrize("weight", ["normal", "bold"])
def test_chart_renders_and_embeds(family, weight, tmp_path, caplog):
    files = {ext: tmp_path / f"chart-{weight}.{ext}" for ext in ("png", "svg", "pdf")}
    with caplog.at_level(logging.WARNING, logger="matplotlib"), \
            warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig = _chart(weight)
        for path in files.values():
            fig.savefig(path)
    assert _missing_glyph_warnings(caught) == []
    assert not [r for r in caplog.records if "findfont" in r.getMessage()]

    assert files["png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    style = "Bold" if weight == "bold" else "Regular"
    pdf = files["pdf"].read_bytes()
    assert b"/FontFile2" in pdf  # embedded TrueType (glyf) program
    assert b"/FontFile3" not in pdf  # no CFF program (viewer warnings)
    assert f"NotoSansSC-{style}".encode() in pdf

    root = ET.parse(files["svg"]).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    assert list(root.iter(f"{ns}text")) == []  # nothing needs a font to view
    glyph_ids = [p.get("id", "") for p in root.iter(f"{ns}path")]
    assert any(i.startswith(f"NotoSansSC-{style}") for i in glyph_ids)


def _ink(char, **rc):
    """Render one character alone; return its RGBA pixels."""
    with matplotlib.rc_context(rc):
        fig = Figure(figsize=(1, 1), dpi=60)
        canvas = FigureCanvasAgg(fig)
        fig.text(0.5, 0.5, char, fontsize=36, ha="center", va="center")
        canvas.draw()
        return bytes(canvas.buffer_rgba())


def test_distinct_characters_look_distinct(family):
    # A missing glyph is drawn as the same empty box for every character, so
    # distinct rare place-name characters must give distinct images.
    blank = _ink(" ")
    images = [_ink(c) for c in "碚渝璧"]
    assert all(img != blank for img in images)
    assert len(set(images)) == 3


def test_detector_sees_missing_glyphs_without_cjk_font(family):
    # Control: with only DejaVu Sans the same check does fire, so the
    # warning-based assertions above are not vacuous.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        _ink("碚", **{"font.family": ["sans-serif"], "font.sans-serif": ["DejaVu Sans"]})
    assert _missing_glyph_warnings(caught)


def test_repeat_calls_are_idempotent_and_cheap(family):
    n_fonts = len(font_manager.fontManager.ttflist)
    start = time.perf_counter()
    for _ in range(20):
        assert fonts.use_cjk_font() == family
    elapsed = time.perf_counter() - start
    assert len(font_manager.fontManager.ttflist) == n_fonts
    assert matplotlib.rcParams["font.sans-serif"].count(family) == 1
    assert elapsed < 1.0  # ~50 microseconds each in practice


def test_missing_package_names_pip_package(monkeypatch):
    monkeypatch.setattr(fonts, "_FONT_MODULE", "no_such_font_module_for_test")
    monkeypatch.setattr(fonts, "_files", None)
    with pytest.raises(fonts.CJKFontNotInstalled, match="pip install") as info:
        fonts.use_cjk_font()
    assert fonts.FONT_PACKAGE in str(info.value)


def test_import_does_not_load_matplotlib():
    code = "import sys, vetcompare.fonts; sys.exit('matplotlib' in sys.modules)"
    env = dict(os.environ)
    root = os.path.dirname(os.path.dirname(os.path.abspath(fonts.__file__)))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [root, env.get("PYTHONPATH")]))
    assert subprocess.run([sys.executable, "-c", code], env=env).returncode == 0
