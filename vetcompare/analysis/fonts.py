"""The Chinese font of vetcompare's charts, shipped inside the package.

What: a static Noto Sans SC Regular (SIL OFL 1.1, licence beside it), subset to GBK plus Latin
and punctuation, with TrueType outlines, cut once by ``scripts/cut_font.py`` into two files: the
common characters (GB 2312, Latin, symbols) and the rest of GBK, which matplotlib reaches glyph by
glyph as a fallback family (a PDF then parses only the smaller file for almost every chart).
:func:`register` adds both to matplotlib's font manager by path; :func:`rc_params` says how charts use them.

Why shipped: machines here have no CJK system font and nothing may be downloaded at run time;
a file in the wheel gives the first chart in a second on a fresh install, with no cache folder
to write (an unwritable HOME cannot break charts). The family is named "Noto Sans SC GBK" so
that a system Noto Sans SC (often CFF, which PDF embeds badly) is never picked instead.
Charts set these parameters in a ``matplotlib.rc_context`` only, so drawing a chart never
changes a user's global settings; :func:`use_cjk_font` is the explicit opt-in for one's own charts.
"""

from __future__ import annotations

import os

__all__ = ["FAMILY", "EXT_FAMILY", "font_path", "font_paths", "register", "rc_params", "use_cjk_font"]

FAMILY = "Noto Sans SC GBK"
EXT_FAMILY = "Noto Sans SC GBK Ext"  # the rarer half of GBK, reached only for characters FAMILY lacks
_FILES = ("NotoSansSC-GBK-Regular.ttf", "NotoSansSC-GBKExt-Regular.ttf")
FALLBACK = "DejaVu Sans"  # matplotlib's own font, for any glyph outside the subset

_registered = False


def font_paths() -> tuple[str, str]:
    """Paths of the two shipped font files: the common characters, then the rest of GBK."""
    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "assets", "fonts")
    return tuple(os.path.join(folder, name) for name in _FILES)


def font_path() -> str:
    """Path of the main font file (Latin, symbols and GB 2312)."""
    return font_paths()[0]


def register() -> str:
    """Add the shipped fonts to matplotlib's font manager (once per process); return the main family."""
    global _registered
    if not _registered:
        from matplotlib import font_manager

        known = {entry.fname for entry in font_manager.fontManager.ttflist}
        for path in font_paths():
            if path not in known:
                font_manager.fontManager.addfont(path)
        _registered = True
    return FAMILY


def rc_params() -> dict:
    """The rcParams under which vetcompare draws and saves: the Chinese font first, by name
    (so a figure keeps it when displayed later), the real minus sign, TrueType (Type 42)
    embedding in PDF and PS, and SVG text as paths (no font needed to view it)."""
    register()
    return {
        "font.family": [FAMILY, EXT_FAMILY, FALLBACK],
        "axes.unicode_minus": True,
        "pdf.fonttype": 42,
        "ps.fonttype": 42,
        "svg.fonttype": "path",
    }


def use_cjk_font() -> str:
    """Make the Chinese font matplotlib's default for the rest of the session, for your own charts.

    vetcompare's charts do not need it: they take the font inside a ``matplotlib.rc_context`` of
    their own. This sets ``matplotlib.rcParams`` for everything drawn afterwards: the shipped font
    first (with fallbacks), the real minus sign, TrueType fonts in PDF and SVG text as paths.

    Returns
    -------
    str
        The font family, "Noto Sans SC GBK".

    Examples
    --------
    >>> import matplotlib as mpl
    >>> with mpl.rc_context():  # here only for the block
    ...     use_cjk_font()
    'Noto Sans SC GBK'
    """
    import matplotlib as mpl

    mpl.rcParams.update(rc_params())
    return FAMILY


if __name__ == "__main__":
    print(register(), font_path())
