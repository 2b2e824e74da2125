"""The Chinese font of vetcompare's charts, shipped inside the package.

What: a static Noto Sans SC Regular (SIL OFL 1.1, licence beside it), subset to GBK plus Latin
and punctuation, with TrueType outlines, cut once by ``scripts/cut_font.py``. :func:`register`
adds it to matplotlib's font manager by path; :func:`rc_params` says how charts use it.

Why shipped: machines here have no CJK system font and nothing may be downloaded at run time;
a file in the wheel gives the first chart in a second on a fresh install, with no cache folder
to write (an unwritable HOME cannot break charts). The family is named "Noto Sans SC GBK" so
that a system Noto Sans SC (often CFF, which PDF embeds badly) is never picked instead.
Charts set these parameters in a ``matplotlib.rc_context`` only, so drawing a chart never
changes a user's global settings; :func:`use_cjk_font` is the explicit opt-in for one's own charts.
"""

from __future__ import annotations

import os

__all__ = ["FAMILY", "font_path", "register", "rc_params", "use_cjk_font"]

FAMILY = "Noto Sans SC GBK"
_FILE = "NotoSansSC-GBK-Regular.ttf"
FALLBACK = "DejaVu Sans"  # matplotlib's own font, for any glyph outside the subset

_registered = False


def font_path() -> str:
    """Path of the shipped font file."""
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "assets", "fonts", _FILE)


def register() -> str:
    """Add the shipped font to matplotlib's font manager (once per process); return its family."""
    global _registered
    if not _registered:
        from matplotlib import font_manager

        path = font_path()
        if not any(entry.fname == path for entry in font_manager.fontManager.ttflist):
            font_manager.fontManager.addfont(path)
        _registered = True
    return FAMILY


def rc_params() -> dict:
    """The rcParams under which vetcompare draws and saves: the Chinese font first, by name
    (so a figure keeps it when displayed later), the real minus sign, TrueType (Type 42)
    embedding in PDF and PS, and SVG text as paths (no font needed to view it)."""
    register()
    return {
        "font.family": [FAMILY, FALLBACK],
        "axes.unicode_minus": True,
        "pdf.fonttype": 42,
        "ps.fonttype": 42,
        "svg.fonttype": "path",
    }


def use_cjk_font() -> str:
    """Make the Chinese font matplotlib's default for the rest of the session (for your own
    charts; vetcompare's charts do not need it). Returns the family name."""
    import matplotlib as mpl

    mpl.rcParams.update(rc_params())
    return FAMILY


if __name__ == "__main__":
    print(register(), font_path())
