"""What a reader of a report sees, measured from the drawn text extents of every report chart in
both languages: page size, type size, no text over another text or a mark, nothing off the canvas
or across a panel's frame; and figures that Jupyter displays without pyplot."""

import io
import itertools

import pytest
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.lines import Line2D

from vetcompare.analysis import report
from vetcompare.analysis.charts import BY_STEM

CM = 1 / 2.54
CASES = [(stem, lang) for stem in BY_STEM for lang in report.LANGS]


def drawn_texts(fig):
    """Every text the renderer actually draws, with its extent in pixels."""
    seen = []
    original = RendererAgg.draw_text

    def spy(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):
        if s.strip() and mtext is not None:
            seen.append(mtext)
        return original(self, gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)

    RendererAgg.draw_text = spy
    try:
        fig.canvas.draw()
    finally:
        RendererAgg.draw_text = original
    renderer = fig.canvas.get_renderer()
    return [(t, t.get_window_extent(renderer).padded(-0.5)) for t in seen]


def mark_boxes(fig):
    """Extents of every single-point marker and every range bar drawn in the panels."""
    renderer = fig.canvas.get_renderer()
    out = []
    for ax in fig.axes:
        for line in ax.get_lines():
            single = len(line.get_xdata()) == 1 and line.get_marker() not in ("None", "", None)
            bar = len(line.get_xdata()) == 2 and line.get_linewidth() >= 4
            if single or bar:
                out.append(line.get_window_extent(renderer).padded(-0.5))
    return out


@pytest.fixture(scope="module")
def charts():
    cache = {}

    def get(stem, lang):
        if (stem, lang) not in cache:
            cache[stem, lang] = BY_STEM[stem].chart(lang)
        return cache[stem, lang]

    return get


@pytest.mark.parametrize("stem,lang", CASES)
def test_fits_a_report_page(charts, stem, lang):
    width, height = charts(stem, lang).get_size_inches()
    assert width <= 16 * CM + 1e-6, f"{stem}: {width / CM:.1f} cm wide"
    assert height <= 22 * CM + 1e-6, f"{stem}: {height / CM:.1f} cm tall"


@pytest.mark.parametrize("stem,lang", CASES)
def test_no_text_smaller_than_7pt(charts, stem, lang):
    small = [(t.get_text(), t.get_fontsize()) for t, _ in drawn_texts(charts(stem, lang)) if t.get_fontsize() < 7]
    assert not small


@pytest.mark.parametrize("stem,lang", CASES)
def test_texts_stay_on_the_canvas_and_off_each_other(charts, stem, lang):
    fig = charts(stem, lang)
    texts = drawn_texts(fig)
    canvas = fig.bbox
    off = [t.get_text() for t, box in texts
           if box.x0 < canvas.x0 or box.y0 < canvas.y0 or box.x1 > canvas.x1 or box.y1 > canvas.y1]
    assert not off, f"{stem}/{lang}: off the canvas: {off}"
    clashes = [(a.get_text(), b.get_text()) for (a, abox), (b, bbox) in itertools.combinations(texts, 2)
               if abox.overlaps(bbox)]
    assert not clashes, f"{stem}/{lang}: overlapping texts: {clashes[:5]}"


@pytest.mark.parametrize("stem,lang", CASES)
def test_no_text_crosses_a_panel_frame(charts, stem, lang):
    fig = charts(stem, lang)
    texts = drawn_texts(fig)
    for ax in (a for a in fig.axes if a.get_visible()):
        frame = ax.bbox
        for t, box in texts:
            inside = box.x0 >= frame.x0 and box.x1 <= frame.x1 and box.y0 >= frame.y0 and box.y1 <= frame.y1
            assert inside or not box.overlaps(frame), f"{stem}/{lang}: {t.get_text()!r} crosses a panel frame"


@pytest.mark.parametrize("stem,lang", CASES)
def test_labels_do_not_cover_marks(charts, stem, lang):
    fig = charts(stem, lang)
    boxes = mark_boxes(fig)
    texts = [(t, box) for t, box in drawn_texts(fig) if t.axes is not None and t.axes.get_visible()]
    covered = [t.get_text() for t, box in texts for m in boxes if box.overlaps(m)]
    assert not covered, f"{stem}/{lang}: labels over marks: {covered}"


@pytest.mark.parametrize("stem,lang", CASES)
def test_marks_do_not_pile_up(charts, stem, lang):
    fig = charts(stem, lang)
    renderer = fig.canvas.get_renderer()
    for ax in fig.axes:
        points = [line.get_window_extent(renderer).padded(-1) for line in ax.get_lines()
                  if len(line.get_xdata()) == 1 and line.get_marker() not in ("None", "", None, "|")]
        piled = [(a, b) for a, b in itertools.combinations(points, 2) if a.overlaps(b)]
        assert not piled, f"{stem}/{lang}: {len(piled)} pairs of marks overlap"


@pytest.mark.parametrize("stem,lang", CASES)
def test_legend_shows_only_marks_drawn(charts, stem, lang):
    fig = charts(stem, lang)
    entries = [t.get_text() for legend in fig.legends for t in legend.get_texts()]
    markers = {line.get_marker() for ax in fig.axes for line in ax.get_lines() if len(line.get_xdata()) == 1}
    has_range = any(len(line.get_xdata()) == 2 and line.get_linewidth() >= 4 for ax in fig.axes for line in ax.get_lines())
    said = {"exact value": "o", "确定值": "o", "≈ about": "D", "≈ 约、左右": "D"}
    for text, marker in said.items():
        if text in entries:
            assert marker in markers, f"{stem}/{lang}: legend explains {text!r} that is not drawn"
    assert has_range == any(e.startswith(("range", "区间")) for e in entries)


def test_axes_rules_percent_and_counts(charts):
    fig = charts("01_dual_qualified_teachers", "en")
    assert fig.axes[0].get_ylim() == (0, 100)  # percent axes span 0–100
    fig = charts("02_students_and_employment", "zh")
    for ax in fig.axes:
        assert ax.get_xlim()[0] >= 0  # no axis below zero
    tiers = charts("03_quality_schools_by_tier", "en")
    assert {ax.get_xscale() for ax in tiers.axes} == {"log"}  # 1–3 beside 130: a log axis, said on the axis
    assert any("log scale" in ax.get_xlabel() for ax in tiers.axes)


def test_baseline_is_joined_only_to_its_own_target(charts):
    fig = charts("06_baseline_to_target", "en")
    for ax in fig.axes:
        for line in ax.get_lines():
            if len(line.get_xdata()) != 2 or line.get_linewidth() >= 4:
                continue
            y0, y1 = line.get_ydata()
            if line.get_linestyle() == ":":
                assert y0 == y1, "a reference line is level: it never suggests a change"
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert any("reference" in t for t in legend) and any("baseline → target" in t for t in legend)


@pytest.mark.parametrize("stem", list(BY_STEM))
def test_jupyter_shows_the_chart_without_pyplot(charts, stem):
    data, meta = charts(stem, "zh")._repr_png_()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and meta["width"] > 300
    from PIL import Image

    assert Image.open(io.BytesIO(data)).size[0] > 600


def test_drawing_a_chart_leaves_global_settings_alone():
    import matplotlib as mpl

    before = dict(mpl.rcParams)
    BY_STEM["01_dual_qualified_teachers"].chart("zh")
    assert dict(mpl.rcParams) == before


def test_legend_line_entries_are_lines():
    fig = BY_STEM["06_baseline_to_target"].chart("zh")
    styles = {h.get_linestyle() for legend in fig.legends for h in legend.legend_handles if isinstance(h, Line2D)
              and h.get_marker() in ("None", "", None) and h.get_linewidth() < 4}
    assert ":" in styles and "-" in styles


WIDTH_CASES = [(stem, lang, width) for stem in BY_STEM for lang in report.LANGS for width in (14, 24)]


@pytest.mark.parametrize("stem,lang,width", WIDTH_CASES)
def test_the_rules_hold_at_another_width(stem, lang, width):
    """A chart asked for at 14 or 24 cm is that wide, and keeps its rules: nothing under 7 pt, no text off the
    canvas or over another, none across a panel frame, at most a page tall."""
    fig = BY_STEM[stem].chart(lang, width=width)
    assert abs(fig.get_figwidth() - width * CM) < 1e-6 and fig.get_figheight() <= 22 * CM + 1e-6
    texts = drawn_texts(fig)
    assert not [t.get_text() for t, _ in texts if t.get_fontsize() < 7]
    canvas = fig.bbox
    assert not [t.get_text() for t, b in texts if b.x0 < canvas.x0 or b.y0 < canvas.y0 or b.x1 > canvas.x1
                or b.y1 > canvas.y1]
    assert not [(a.get_text(), b.get_text()) for (a, ab), (b, bb) in itertools.combinations(texts, 2) if ab.overlaps(bb)]
    for ax in (a for a in fig.axes if a.get_visible()):
        frame = ax.bbox
        assert not [t.get_text() for t, b in texts if b.overlaps(frame) and not (
            b.x0 >= frame.x0 and b.x1 <= frame.x1 and b.y0 >= frame.y0 and b.y1 <= frame.y1)]


@pytest.mark.parametrize("width", [13.9, 31, "wide"])
def test_a_width_outside_14_to_30_cm_is_refused(width):
    import vetcompare as vc

    with pytest.raises((ValueError, TypeError)):
        vc.metric_chart("teachers.dual_qualified_share", width=width)


def test_drawn_into_your_axes_the_source_note_is_kept_to_place():
    import matplotlib.figure
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    import vetcompare as vc

    fig = matplotlib.figure.Figure(figsize=(6, 4))
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    vc.metric_chart("teachers.dual_qualified_share", ax=ax, lang="en")
    assert ax.source_note.startswith("Source") and "Jiulongpo District 2022-03-17" in ax.source_note
    vc.timeline_chart(ax=fig.add_subplot(2, 1, 2))
    assert "九龙坡区" in fig.axes[-1].source_note


def test_the_label_index_counts_overlaps_as_matplotlib_does():
    """place_labels counts a candidate's overlaps with every box taken in one vectorised step; the count is
    matplotlib's Bbox.overlaps, edges touching and boxes given corner to corner included."""
    import random

    from matplotlib.transforms import Bbox

    from vetcompare.analysis.layout import _Boxes  # noqa: the index is layout's own; tested here

    rng = random.Random(7)

    def box():
        x, y = rng.choice([0, 1, 2, 3, 4.5]), rng.choice([0, 1, 2, 3, 4.5])
        w, h = rng.choice([-2, -1, 0, 1, 2]), rng.choice([-2, -1, 0, 1, 2])
        return Bbox([[x, y], [x + w, y + h]])

    taken = [box() for _ in range(200)]
    index = _Boxes(taken[:50])
    for b in taken[50:]:
        index.add(b)
    for _ in range(500):
        candidate = box()
        assert index.overlapping(candidate) == sum(candidate.overlaps(t) for t in taken)
