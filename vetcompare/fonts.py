"""Chinese-capable fonts for vetcompare's matplotlib charts.

What: :func:`use_cjk_font` registers Noto Sans SC (Regular and Bold) with
matplotlib and sets rcParams so that Chinese and Latin labels render, and so
that PDF/PS/SVG output carries the glyphs itself.

Why: the machines this runs on have no CJK system fonts, so without this
Chinese text comes out as empty boxes ("Glyph ... missing from font(s)").
Nothing may be downloaded at run time, so the font comes from a PyPI
package, ``justmytype-intl-cjk`` (fonts under SIL OFL 1.1). It ships Noto Sans
SC only as a *variable* TrueType font whose default instance is Thin, and
matplotlib cannot pick a weight on a variable font. So the first call on a
machine cuts static Regular (wght 400) and Bold (wght 700) instances out of it
with fontTools (about 20 s per weight) and keeps them in a user cache
directory; every later call, in any process, only registers the cached files.
The files keep TrueType (glyf) outlines, which embed cleanly in PDF as
Type 42 fonts, unlike CFF-flavoured .otf files.

matplotlib and fontTools are imported only inside the functions, so importing
this module stays cheap.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:  # pathlib alone costs ~15 ms to import; only needed in calls
    from pathlib import Path

__all__ = ["CJKFontNotInstalled", "FONT_PACKAGE", "use_cjk_font", "font_files"]

#: pip name of the package that carries the font, and the range we rely on.
FONT_PACKAGE = "justmytype-intl-cjk"
FONT_REQUIREMENT = "justmytype-intl-cjk>=0.1.0,<0.2"

_FONT_MODULE = "justmytype_intl_cjk"
# Folder of the Simplified Chinese family inside that package, and the file
# name prefix of its variable font ("NotoSansSC[wght].ttf" in 0.1.0).
_FONT_SUBDIR = ("fonts", "ofl", "notosanssc")
_FONT_PREFIX = "NotoSansSC"
# Static instances to cut: style name -> value on the wght axis.
_WEIGHTS = {"Regular": 400, "Bold": 700}
# Bump when the way instances are made changes, so old cache files are ignored.
_RECIPE = 1
# Environment variable that overrides where the static instances are kept.
CACHE_ENV = "VETCOMPARE_FONT_CACHE"

# Per-process memo: the static font files once they are known to exist.
_files: list[Path] | None = None


class CJKFontNotInstalled(ImportError):
    """Raised when the PyPI package that carries the Chinese font is missing."""


def _variable_font():
    """Return the packaged Noto Sans SC variable font (a Traversable) and the
    package version; raise :class:`CJKFontNotInstalled` if it is absent."""
    from importlib import metadata, resources

    try:
        root = resources.files(_FONT_MODULE)
        version = metadata.version(FONT_PACKAGE)
    except (ModuleNotFoundError, metadata.PackageNotFoundError) as exc:
        raise CJKFontNotInstalled(
            "vetcompare needs a Chinese font for its charts, shipped by the PyPI "
            f"package {FONT_PACKAGE!r} (Noto Sans SC, SIL OFL 1.1). "
            f"Install it with: pip install '{FONT_REQUIREMENT}'"
        ) from exc

    folder = root.joinpath(*_FONT_SUBDIR)
    found = []
    if folder.is_dir():
        found = sorted(
            (f for f in folder.iterdir()
             if f.name.startswith(_FONT_PREFIX) and f.name.lower().endswith(".ttf")),
            key=lambda f: f.name,
        )
    if not found:
        raise CJKFontNotInstalled(
            f"{FONT_PACKAGE} {version} is installed but has no "
            f"{'/'.join(_FONT_SUBDIR)}/{_FONT_PREFIX}*.ttf; "
            f"install a supported version: pip install '{FONT_REQUIREMENT}'"
        )
    return found[0], version


def _cache_dir() -> Path:
    """Per-user cache folder for the static font instances.

    ``$VETCOMPARE_FONT_CACHE`` wins; otherwise the platform's usual user cache
    location (XDG on Linux) under ``vetcompare/fonts``.
    """
    from pathlib import Path

    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "vetcompare" / "fonts"


def _cut_instance(source, weight: int, target: Path) -> None:
    """Write the static instance of variable font *source* at *weight* to
    *target*, atomically, so concurrent processes never see a half file."""
    import tempfile

    from fontTools.ttLib import TTFont
    from fontTools.varLib import instancer

    with source.open("rb") as fh:
        font = TTFont(fh)
        # updateFontNames renames the instance "Noto Sans SC" Regular/Bold
        # (from the STAT table) and sets OS/2 usWeightClass to the weight.
        static = instancer.instantiateVariableFont(
            font, {"wght": weight}, updateFontNames=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=target.stem, suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            static.save(out)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a font need not be
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def font_files() -> list[Path]:
    """Paths of the static Regular and Bold Noto Sans SC files, cutting them
    into the user cache on first use (one-off, about 20 s per weight)."""
    global _files
    if _files is not None and all(p.is_file() for p in _files):
        return list(_files)
    source, version = _variable_font()
    cache = _cache_dir()
    paths = []
    for style, weight in _WEIGHTS.items():
        target = cache / f"{_FONT_PREFIX}-{style}-{FONT_PACKAGE}-{version}-r{_RECIPE}.ttf"
        if not target.is_file():
            print(f"vetcompare: preparing the Chinese font ({style}) for charts in {cache}; "
                  "this happens once per machine and takes about a minute", file=sys.stderr, flush=True)
            _cut_instance(source, weight, target)
        paths.append(target)
    _files = paths
    return list(paths)


def use_cjk_font() -> str:
    """Make matplotlib draw Chinese (and Latin) text with Noto Sans SC.

    Registers the Regular and Bold files with ``fontManager.addfont`` (never
    relying on system fonts or matplotlib's font cache) and sets rcParams:
    sans-serif family with Noto Sans SC first and the previous sans-serif
    list kept as fallback for any glyph it lacks; the real minus sign (the
    font has U+2212); Type 42 (TrueType) embedding in PDF and PS; SVG text
    as paths. Safe to call repeatedly: later calls only re-apply rcParams.
    Returns the font family name.
    """
    import matplotlib as mpl
    from matplotlib import font_manager

    manager = font_manager.fontManager
    family = None
    for path in font_files():
        fname = os.fspath(path)
        entries = [e for e in manager.ttflist if e.fname == fname]
        if not entries:
            manager.addfont(fname)
            entries = [e for e in manager.ttflist if e.fname == fname]
        family = family or entries[0].name

    rc = mpl.rcParams
    rc["font.family"] = ["sans-serif"]
    rc["font.sans-serif"] = [family] + [n for n in rc["font.sans-serif"] if n != family]
    rc["axes.unicode_minus"] = True
    rc["pdf.fonttype"] = 42
    rc["ps.fonttype"] = 42
    rc["svg.fonttype"] = "path"
    return family


if __name__ == "__main__":
    # `python -m vetcompare.fonts` prepares the cache ahead of time (e.g. in CI).
    print(use_cjk_font())
    for p in font_files():
        print(p)
