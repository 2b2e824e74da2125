"""Saving a chart: PNG, SVG and PDF that show Chinese anywhere and give the same bytes on every run."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Iterable

import matplotlib as mpl

from ..data.safe import atomic_path
from .fonts import rc_params
from .png import figure_png


FORMATS = ("png", "svg", "pdf")


# The same chart gives the same file on every run and machine (a report can be compared with the
# last one): its own size whatever a matplotlibrc says of cropping, SVG ids from a fixed salt
# instead of a random one, and no time of saving in SVG or PDF.
_SAME_BYTES = {"svg.hashsalt": "vetcompare", "savefig.bbox": "standard"}


_SAVE_OPTIONS = {"svg": {"metadata": {"Creator": "vetcompare", "Date": None}},
                 "pdf": {"metadata": {"Creator": "vetcompare", "CreationDate": None}}}


def svg_bytes(fig) -> bytes:
    """``fig`` as SVG (text drawn as paths), in memory."""
    buffer = io.BytesIO()
    with mpl.rc_context({**rc_params(), **_SAME_BYTES}):
        fig.savefig(buffer, format="svg", **_SAVE_OPTIONS["svg"])
    return buffer.getvalue()


def save_figure(fig, path: str | Path, formats: Iterable[str] = FORMATS, dpi: int = 300) -> list[Path]:
    """Write ``fig`` as PNG (300 dpi), SVG and PDF beside ``path`` (its suffix is replaced); return the paths.

    The font is embedded in the PDF and drawn as paths in the SVG, so both show Chinese on a machine with no
    CJK font. Each file is written atomically; the figure keeps its size: what you see is what the page gets.

    Parameters
    ----------
    fig : matplotlib Figure
        The figure to save: a chart of :mod:`vetcompare.analysis.charts`, or one of your own.
    path : str or Path
        Where to write: ``out/chart`` writes ``out/chart.png``, ``.svg`` and ``.pdf`` (the folder is made if needed).
    formats : iterable of {"png", "svg", "pdf"}, default ("png", "svg", "pdf")
        The formats to write.
    dpi : int, default 300
        Resolution of the PNG.

    Returns
    -------
    list of Path
        The files written, in the order of ``formats``.

    Raises
    ------
    ValueError
        A format other than png, svg or pdf.
    WriteError
        A file could not be written (the message names it; a previous file is left as it was).
    """
    path = Path(path)
    formats = list(formats)
    for fmt in formats:
        if fmt not in FORMATS:
            raise ValueError(f"format {fmt!r} not supported; use {', '.join(FORMATS)}")
    written = []
    with mpl.rc_context({**rc_params(), **_SAME_BYTES}):
        for fmt in formats:
            target = path.with_suffix("." + fmt)
            with atomic_path(target) as tmp:
                if fmt == "png":
                    tmp.write_bytes(figure_png(fig, dpi))
                else:
                    fig.savefig(tmp, format=fmt, dpi=dpi, **_SAVE_OPTIONS[fmt])
            written.append(target)
    return written
