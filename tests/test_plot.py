"""Charts: the marks and labels drawn, Chinese glyphs, sources in the footnote, and the saved files."""

import time
import warnings

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

import vetcompare as vc


def render(fig):
    """Draw the figure and return the warnings raised while drawing."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        FigureCanvasAgg(fig).draw()
    return [str(w.message) for w in caught]


def texts(fig):
    out = [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text"))]
    return "\n".join(out)


def points(ax):
    """(x, y) of every single-point marker line in an axes."""
    pts = []
    for line in ax.get_lines():
        x, y = line.get_xdata(), line.get_ydata()
        if len(x) == 1 and line.get_marker() not in ("None", None, "", "_", "|"):
            pts.append((float(x[0]), float(y[0]), line.get_marker(), line.get_markerfacecolor()))
    return pts


def footnote_has_sources(fig, doc_ids):
    docs = vc.load_documents().set_index("doc_id")
    note = "\n".join(t.get_text() for t in fig.texts)
    return all(f"{docs.at[d, 'issued']:%Y-%m-%d}" in note for d in doc_ids)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_metric_chart_marks(lang):
    fig = vc.metric_chart("teachers.dual_qualified_share", lang=lang)
    assert not [w for w in render(fig) if "missing from " in w]
    ax = fig.axes[0]
    pts = points(ax)
    values = sorted(round(y) for _, y, _, _ in pts)
    assert values == [50, 55, 60, 60, 80]
    markers = {round(y): m for x, y, m, _ in pts if round(x) == 2020}
    assert markers == {60: "s"}  # the Chongqing baseline is a square
    assert {m for _, y, m, _ in pts if round(y) == 80} == {"^"}  # ≥80% is open-ended
    labels = texts(fig)
    assert "≥80%" in labels and ">50%" in labels
    assert ("永川区" if lang == "zh" else "Yongchuan District") in labels
    assert footnote_has_sources(fig, vc.load_documents()["doc_id"])


def test_range_is_a_segment_and_hedged_is_hollow():
    fig = vc.metric_chart("schools.higher.high_level")
    ax = fig.axes[0]
    segments = [line for line in ax.get_lines() if len(line.get_xdata()) == 2]
    spans = sorted((min(line.get_ydata()), max(line.get_ydata())) for line in segments)
    assert (2.0, 3.0) in spans and (4.0, 5.0) in spans  # 永川 2–3所 national, 4–5所 municipal
    hollow = [line for line in segments if line.get_color() == "white"]
    assert len(hollow) == 1, "the 力争 range (永川 2–3所) is hollow: a white core inside the coloured bar"


def test_tier_chart_panels_and_tiers():
    fig = vc.tier_chart(lang="en")
    assert not [w for w in render(fig) if "missing from " in w]
    titles = [ax.get_title(loc="left") for ax in fig.axes if ax.get_visible()]
    assert "High-level higher vocational colleges" in titles
    assert "Renowned schools (三名工程)" in titles
    legend = texts(fig)
    for tier in ("national", "provincial"):
        assert tier in legend
    ax = fig.axes[titles.index("High-level higher vocational colleges")]
    assert [t.get_text() for t in ax.get_yticklabels()][0] == "Chongqing Municipality"


def test_coverage_chart_counts():
    fig = vc.coverage_chart()
    ax = fig.axes[0]
    image = ax.get_images()[0].get_array()
    t = vc.load_targets()
    assert image.sum() == len(t)
    regions = [x.get_text() for x in ax.get_xticklabels()]
    assert regions[0] == "重庆市"
    teachers = [y.get_text() for y in ax.get_yticklabels()].index("教师")
    assert image[teachers, regions.index("巴中市")] == ((t["theme"] == "teachers") & (t["region"] == "巴中市")).sum()


def test_timeline_chart_periods():
    fig = vc.timeline_chart(lang="en")
    ax = fig.axes[0]
    bars = ax.patches
    docs = vc.load_documents()
    assert len(bars) == len(docs)
    spans = sorted((round(b.get_x()), round(b.get_x() + b.get_width())) for b in bars)
    assert spans == sorted((s, e + 1) for s, e in zip(docs["period_start"], docs["period_end"]))


def test_baseline_target_chart_links():
    fig = vc.baseline_target_chart()
    titles = [ax.get_title(loc="left") for ax in fig.axes if ax.get_visible()]
    ax = fig.axes[[i for i, t in enumerate(titles) if "双师型" in t][0]]
    dotted = [line for line in ax.get_lines() if line.get_linestyle() == ":"]
    # Chongqing's 2020 share is a level reference line, not joined to the district targets
    assert len(dotted) == 1 and list(dotted[0].get_ydata()) == [60, 60]
    assert round(dotted[0].get_xdata()[0]) == 2020
    solid = [line for line in ax.get_lines() if line.get_linestyle() == "-" and len(line.get_xdata()) == 2
             and line.get_linewidth() < 4]
    assert solid == []  # no district states its own baseline for this share
    match = fig.axes[[i for i, t in enumerate(titles) if "匹配率" in t][0]]
    links = [line for line in match.get_lines() if line.get_linestyle() == "-" and len(line.get_xdata()) == 2
             and line.get_linewidth() < 4]
    assert [(round(x[0]), round(x[1])) for x in (line.get_xdata() for line in links)] == [(2020, 2021)]
    # counts are not joined across regions
    assert not any("职业教育集团" in t for t in titles)


def test_save_figure_writes_three_formats(tmp_path):
    fig = vc.metric_chart("teachers.dual_qualified_share")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        paths = vc.save_figure(fig, tmp_path / "dual")
    assert not [w for w in caught if "missing from " in str(w.message)]
    assert [p.suffix for p in paths] == [".png", ".svg", ".pdf"]
    png = paths[0].read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"/FontFile2" in paths[2].read_bytes()  # TrueType font embedded in the PDF
    assert "<text" not in paths[1].read_text(encoding="utf-8")  # SVG text drawn as paths
    assert not list(tmp_path.glob(".*tmp"))


def test_a_chart_saved_twice_gives_the_same_bytes(tmp_path):
    """No random SVG ids and no time of saving: a report run again can be compared file by file."""
    first = [p.read_bytes() for p in vc.save_figure(vc.timeline_chart(), tmp_path / "a")]
    time.sleep(1.1)  # a time of saving would now differ by a second
    second = [p.read_bytes() for p in vc.save_figure(vc.timeline_chart(), tmp_path / "b")]
    assert first == second
    assert b"<dc:date>" not in first[1] and b"/CreationDate" not in first[2]


def test_chinese_glyphs_are_not_boxes():
    """Two different characters render to different pixels (missing glyphs all look alike)."""
    from matplotlib.figure import Figure

    vc.use_cjk_font()

    def pixels(text):
        fig = Figure(figsize=(1, 1), dpi=50)
        fig.text(0.1, 0.3, text, fontsize=30)
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        return np.asarray(canvas.buffer_rgba())

    assert not np.array_equal(pixels("碚"), pixels("渝"))


def test_unknown_metric_is_an_error():
    with pytest.raises(ValueError):
        vc.metric_chart("no.such.metric")


@pytest.mark.parametrize("fmt", ["png", "pdf"])
def test_interrupted_save_keeps_the_previous_file(tmp_path, monkeypatch, fmt):
    fig = vc.timeline_chart()
    (old,) = vc.save_figure(fig, tmp_path / "timeline", formats=[fmt])
    before = old.read_bytes()

    def interrupted(target):
        with open(target, "wb") as fh:
            fh.write(before[:10] + b" half")
        raise KeyboardInterrupt

    if fmt == "png":  # a PNG is encoded in memory and written in one go
        monkeypatch.setattr("pathlib.Path.write_bytes", lambda self, data: interrupted(self))
    else:
        monkeypatch.setattr("matplotlib.figure.Figure.savefig", lambda self, fname, **kwargs: interrupted(fname))
    with pytest.raises(KeyboardInterrupt):
        vc.save_figure(fig, tmp_path / "timeline", formats=[fmt])
    assert old.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [f"timeline.{fmt}"]
