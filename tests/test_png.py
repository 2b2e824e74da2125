"""The PNG writer of charts: the same pixels as matplotlib's own PNG, a valid file, the resolution kept."""

from __future__ import annotations

import io
import re

import matplotlib as mpl
import numpy as np
import pytest
from PIL import Image

import vetcompare as vc
from vetcompare.analysis.fonts import rc_params
from vetcompare.analysis.png import encode, figure_png


@pytest.mark.parametrize("dpi", [300, 200, 72])
def test_a_chart_has_the_pixels_of_matplotlibs_own_png(dpi):
    fig = vc.tier_chart(lang="en")
    with mpl.rc_context(rc_params()):
        theirs = io.BytesIO()
        fig.savefig(theirs, format="png", dpi=dpi)
        ours = figure_png(fig, dpi)
    Image.open(io.BytesIO(ours)).verify()  # signature, chunk lengths and every CRC
    image = Image.open(io.BytesIO(ours))
    assert np.array_equal(np.asarray(image), np.asarray(Image.open(theirs)))
    assert image.mode == "RGBA"
    assert image.info["dpi"] == pytest.approx((dpi, dpi), abs=0.01)  # placed at its printed size
    assert image.info["Software"].startswith(f"vetcompare {vc.__version__}")


def test_a_matplotlibrc_that_crops_figures_changes_nothing(tmp_path):
    """savefig.bbox: tight in a user's settings neither breaks the PNG nor crops a chart off its page size."""
    fig = vc.timeline_chart()
    with mpl.rc_context({"savefig.bbox": "tight"}):
        image = Image.open(io.BytesIO(figure_png(fig, 100)))
        paths = vc.save_figure(fig, tmp_path / "t", formats=["png", "pdf"])
    width, height = fig.get_size_inches()
    assert image.size == (int(width * 100), int(height * 100))
    assert Image.open(paths[0]).size == (int(width * 300), int(height * 300))
    box = re.search(rb"/MediaBox \[ *0 0 ([0-9.]+) ([0-9.]+) *\]", paths[1].read_bytes())
    assert (float(box[1]), float(box[2])) == pytest.approx((width * 72, height * 72))


def test_rows_are_written_top_first():
    pixels = np.zeros((2, 3, 4), dtype=np.uint8)
    pixels[0, :, 0] = 255  # top row red
    pixels[..., 3] = 255
    image = np.asarray(Image.open(io.BytesIO(encode(pixels.tobytes(), 3, 2, 96))))
    assert image[0, 0].tolist() == [255, 0, 0, 255] and image[1, 0].tolist() == [0, 0, 0, 255]


@pytest.mark.parametrize("width, height", [(3, 3), (0, 2), (2, 0)])
def test_pixels_that_do_not_fill_the_size_are_refused(width, height):
    with pytest.raises(ValueError, match="are not"):
        encode(bytes(4 * 2 * 3), width, height, 300)
