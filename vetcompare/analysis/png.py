"""PNG files of charts, written straight from the RGBA pixels matplotlib's Agg renderer draws.

What: :func:`figure_png` draws a figure at a resolution (matplotlib's ``savefig(format="raw")``,
the very pixels its own PNG holds) and :func:`encode` writes them as a standard PNG: 8-bit RGBA,
the resolution in a pHYs chunk (a word processor places the chart at its printed size), the
software in a tEXt chunk, the rows unfiltered and deflated at zlib level 1.

Why not Pillow, which savefig uses: it tries five row filters on every row before it deflates
(80 ms of a 300 dpi chart's encoding, against 45 ms here). Charts are flat colours, which deflate
as well unfiltered (files within a few per cent of Pillow's), so a report's 14 PNGs take about
0.2 CPU-seconds less (``bench/bench_report.py`` prints both side by side).
"""

from __future__ import annotations

import io
import struct
import zlib

import matplotlib as mpl

from .. import __version__

__all__ = ["encode", "figure_png"]

SIGNATURE = b"\x89PNG\r\n\x1a\n"
_INCH = 0.0254  # metres


def figure_png(fig, dpi: float) -> bytes:
    """``fig`` drawn at ``dpi`` as the bytes of a PNG file (pixel for pixel what savefig's PNG holds)."""
    buffer = io.BytesIO()
    with mpl.rc_context({"savefig.bbox": "standard"}):  # the figure's own size, whatever a matplotlibrc says
        fig.savefig(buffer, format="raw", dpi=dpi)
    width, height = int(fig.get_figwidth() * dpi), int(fig.get_figheight() * dpi)  # as Agg sizes its canvas
    return encode(buffer.getvalue(), width, height, dpi)


def encode(rgba: bytes, width: int, height: int, dpi: float) -> bytes:
    """A PNG file of ``height`` rows of ``width`` RGBA pixels (4 bytes each, top row first)."""
    stride = width * 4
    if width <= 0 or height <= 0 or len(rgba) != stride * height:
        raise ValueError(f"{len(rgba)} bytes are not {height} rows of {width} RGBA pixels")
    rows = b"".join(b"\x00" + rgba[start:start + stride] for start in range(0, len(rgba), stride))  # filter: none
    per_metre = round(dpi / _INCH)
    software = f"vetcompare {__version__} with Matplotlib {mpl.__version__}".encode("latin-1")
    return b"".join([
        SIGNATURE,
        _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)),  # 8-bit RGBA, not interlaced
        _chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1)),
        _chunk(b"tEXt", b"Software\x00" + software),
        _chunk(b"IDAT", zlib.compress(rows, 1)),
        _chunk(b"IEND", b""),
    ])


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
