"""Chinese labels render with real glyphs from the font shipped in the package, and the font
travels inside PDF (embedded TrueType) and SVG (glyphs as paths) output."""

import os
import subprocess
import sys
import warnings
import xml.etree.ElementTree as ET

import matplotlib
from fontTools.ttLib import TTFont
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

import vetcompare as vc
from vetcompare.analysis import fonts

TITLE = "重庆市与巴中市“双师型”教师占比（目标 ≥60%）"
MISSING = "missing from "
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(fonts.__file__))))


def _missing_glyph_warnings(caught):
    return [str(w.message) for w in caught if MISSING in str(w.message)]


def test_shipped_fonts_are_static_regular_truetype_with_their_licence():
    for path, family in zip(fonts.font_paths(), (fonts.FAMILY, fonts.EXT_FAMILY)):
        font = TTFont(path)
        assert "glyf" in font and "CFF " not in font  # TrueType outlines embed cleanly in PDF
        assert "fvar" not in font  # static: no variable weight axis left
        assert font["OS/2"].usWeightClass == 400
        assert font["name"].getDebugName(1) == family
    assert os.path.isfile(os.path.join(os.path.dirname(fonts.font_path()), "OFL.txt"))


def _cmap(path):
    return TTFont(path).getBestCmap()


def test_the_two_files_split_gbk_without_overlap_or_gap():
    main, ext = (set(_cmap(p)) for p in fonts.font_paths())
    assert not (main & ext)
    gbk = set()
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            try:
                gbk.add(ord(bytes([lead, trail]).decode("gbk")))
            except UnicodeDecodeError:
                pass
    missing = gbk - (main | ext)  # Noto Sans SC itself lacks a symbol or two of GBK (e.g. U+2252)
    assert len(missing) < 5 and not any(0x3400 <= c <= 0x9FFF for c in missing)
    assert {ord(c) for c in "重庆巴中碚渝璧"} <= main and {ord("埇"), ord("硚")} <= ext  # GBK, not GB 2312


def test_font_covers_every_character_of_data_and_labels():
    cmap = {**_cmap(fonts.font_paths()[0]), **_cmap(fonts.font_paths()[1])}
    words = set()
    for frame in (vc.load_documents(), vc.load_codebook(), vc.load_targets()):
        for column in frame.columns:
            if frame[column].dtype.kind in "OU" or str(frame[column].dtype) == "str":
                words.update("".join(frame[column].dropna().astype(str)))
    from vetcompare import labels

    words.update("".join(w for pair in labels.TEXT.values() for w in pair))
    missing = sorted(c for c in words if c.isprintable() and not c.isspace() and ord(c) not in cmap)
    assert missing == []


def test_rc_params_name_the_font_and_embed_it():
    rc = fonts.rc_params()
    assert rc["font.family"][0] == fonts.FAMILY
    assert rc["pdf.fonttype"] == 42 and rc["ps.fonttype"] == 42 and rc["svg.fonttype"] == "path"
    path = str(font_manager.findfont(font_manager.FontProperties(family=fonts.FAMILY), fallback_to_default=False))
    assert os.path.samefile(path, fonts.font_path())


def test_chart_renders_and_embeds(tmp_path):
    files = {ext: tmp_path / f"chart.{ext}" for ext in ("png", "svg", "pdf")}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with matplotlib.rc_context(fonts.rc_params()):
            fig = Figure(figsize=(5, 2))
            FigureCanvasAgg(fig)
            ax = fig.add_subplot()
            ax.set_title(TITLE)
            ax.set_yticks([-5, 0, 60])  # "−5" uses U+2212
            for path in files.values():
                fig.savefig(path)
    assert _missing_glyph_warnings(caught) == []
    pdf = files["pdf"].read_bytes()
    assert b"/FontFile2" in pdf and b"/FontFile3" not in pdf  # TrueType, not CFF
    assert b"NotoSansSCGBK-Regular" in pdf
    assert b"NotoSansSCGBKExt" not in pdf  # the title holds no rare character: only the small file is embedded
    root = ET.parse(files["svg"]).getroot()
    assert list(root.iter("{http://www.w3.org/2000/svg}text")) == []  # nothing needs a font to view


def _ink(char, rc):
    with matplotlib.rc_context(rc):
        fig = Figure(figsize=(1, 1), dpi=60)
        canvas = FigureCanvasAgg(fig)
        fig.text(0.5, 0.5, char, fontsize=36, ha="center", va="center")
        canvas.draw()
        return bytes(canvas.buffer_rgba())


def test_distinct_characters_look_distinct():
    # A missing glyph is the same empty box for every character.
    blank = _ink(" ", fonts.rc_params())
    images = [_ink(c, fonts.rc_params()) for c in "碚渝璧硚埇"]
    assert all(img != blank for img in images)
    assert len(set(images)) == 5


def test_a_rare_character_comes_from_the_second_file_and_is_embedded(tmp_path):
    path = tmp_path / "rare.pdf"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with matplotlib.rc_context(fonts.rc_params()):
            fig = Figure(figsize=(3, 1))
            fig.text(0.1, 0.5, "埇桥区 60%")
            fig.savefig(path)
    assert _missing_glyph_warnings(caught) == []
    pdf = path.read_bytes()
    assert b"NotoSansSCGBKExt-Regular" in pdf and b"NotoSansSCGBK-Regular" in pdf


def test_detector_sees_missing_glyphs_without_the_font():
    # Control: with only DejaVu Sans the same check does fire, so the assertions above are not vacuous.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        _ink("碚", {"font.family": ["DejaVu Sans"]})
    assert _missing_glyph_warnings(caught)


def test_use_cjk_font_is_the_explicit_global_opt_in():
    with matplotlib.rc_context():
        assert fonts.use_cjk_font() == fonts.FAMILY
        assert matplotlib.rcParams["font.family"][0] == fonts.FAMILY
        n = len(font_manager.fontManager.ttflist)
        fonts.use_cjk_font()
        assert len(font_manager.fontManager.ttflist) == n


def test_first_chart_in_a_fresh_process_is_quick_and_writes_no_cache(tmp_path):
    code = ("import time; t = time.perf_counter(); import vetcompare as vc; "
            "vc.metric_chart('teachers.dual_qualified_share')._repr_png_(); print(time.perf_counter() - t)")
    env = dict(os.environ, HOME=str(tmp_path), XDG_CACHE_HOME=str(tmp_path / "cache"), MPLCONFIGDIR=str(tmp_path / "mpl"))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert float(out.stdout) < 10
    assert not (tmp_path / "cache").exists()  # no font cache to write
    assert MISSING not in out.stderr


def test_cut_script_reproduces_the_shipped_font():
    out = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "cut_font.py"), "--check"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_import_does_not_load_matplotlib():
    code = "import sys, vetcompare.analysis.fonts; sys.exit('matplotlib' in sys.modules)"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [ROOT, os.environ.get("PYTHONPATH")])))
    assert subprocess.run([sys.executable, "-c", code], env=env).returncode == 0
