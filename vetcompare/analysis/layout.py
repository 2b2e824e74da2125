"""Page geometry for charts: a figure that shows itself in Jupyter, a legend and source note
measured into the space below the panels, and value labels placed where nothing else is drawn.

Why measured: a report chart must go into a page as it is, so nothing may overlap or leave the
canvas. Every step below asks the renderer for real text extents instead of guessing from
character counts: the legend takes as many columns as fit the width, the source note wraps at
the width, the figure grows by exactly what they need, and each value label tries a short list
of positions around its mark and takes the first that is inside its panel and clear of marks and
other labels. The panels are laid out once (:func:`arrange`, one measuring pass instead of the two of
matplotlib's constrained layout) and never moved again, so labels placed in display coordinates
stay where they were checked.
"""

from __future__ import annotations

import functools
from typing import Callable, ParamSpec, TypeVar

import matplotlib as mpl
import numpy as np

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from . import fonts
from .png import figure_png

P = ParamSpec("P")
R = TypeVar("R")

PAGE_WIDTH = 16 / 2.54  # inches: one column of a report page (16 cm)
PAGE_HEIGHT = 22 / 2.54  # inches: a full page of text (22 cm)
WIDTHS_CM = (14.0, 30.0)  # the widths in centimetres a chart may be asked for (narrower: titles and year
# ticks would need wrapping and thinning that the layout does not do yet)
SIZES = {"title": 9.5, "panel": 8.5, "tick": 7.5, "label": 7.0, "legend": 7.5, "note": 7.0}
GAP = 4  # points between blocks (panels, legend, note)

# Where a value label may go, in points from its anchor: (dx, dy, ha, va), tried in order.
_SPOTS = [(5, 0, "left", "center"), (16, 0, "left", "center"), (-5, 0, "right", "center"),
          (0, 7, "center", "bottom"), (0, -7, "center", "top")]
_SPOTS += [(dx, k * sign * 8, ha, "center") for k in (1, 2, 3, 4) for sign in (1, -1)
           for dx, ha in ((5, "left"), (-5, "right"))]


class Chart(Figure):
    """A matplotlib Figure that Jupyter displays as a PNG without pyplot or ``%matplotlib``.

    ``heading`` is the chart's title (see :func:`heading`), kept above the panels by the layout.
    IPython asks an object for ``_repr_png_``; a plain Figure built without pyplot has none
    (the inline backend registers its formatter only when pyplot is imported), so the cell
    would show ``<Figure size ...>``. Where the inline backend is active its formatter wins and
    shows the same figure.
    """

    heading = None

    def _repr_png_(self):
        with _rc():
            data = figure_png(self, 200)
        width, height = self.get_size_inches()
        return data, {"width": round(width * 96), "height": round(height * 96)}


def _rc():
    return mpl.rc_context(fonts.rc_params())


def chart_function(build: Callable[P, R]) -> Callable[P, R]:
    """Decorate a chart function so that everything it creates takes the chart font by name,
    inside an rc context (the user's global matplotlib settings never change)."""

    @functools.wraps(build)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with _rc():
            return build(*args, **kwargs)

    return wrapper


def new_chart(width: float = PAGE_WIDTH, height: float = 3.0) -> Chart:
    """An empty chart with the Chinese font and an Agg canvas (to measure text); :func:`finish` lays it out."""
    with _rc():
        fig = Chart(figsize=(width, height), dpi=100)
    FigureCanvasAgg(fig)
    return fig


def heading(fig: Chart, text: str):
    """The chart's title, top left above the panels."""
    fig.heading = fig.text(0.01, 1, text, fontsize=SIZES["title"], ha="left", va="top")
    return fig.heading


def inches(width_cm: float) -> float:
    """A chart's width in inches from centimetres; a width outside :data:`WIDTHS_CM` is refused."""
    low, high = WIDTHS_CM
    if not isinstance(width_cm, (int, float)) or not low <= float(width_cm) <= high:
        raise ValueError(f"width={width_cm!r}: give the figure's width in centimetres, {low:g} to {high:g}")
    return float(width_cm) / 2.54


def panels(ax, n: int, nrows: int, ncols: int, height: float, width: float = PAGE_WIDTH, **kwargs):
    """(figure, flat list of axes): a new chart's grid of panels ``width`` inches wide, or the caller's own
    ``ax`` for one panel."""
    if ax is None:
        fig = new_chart(width=width, height=height)
        return fig, list(fig.subplots(nrows, ncols, squeeze=False, sharex=True, **kwargs).ravel())
    if n != 1:
        raise ValueError(f"ax= takes a chart of one panel; this one has {n}: leave ax out")
    _adopt(ax)
    return ax.figure, [ax]


def _adopt(ax) -> None:
    """Give a caller's axes the chart font: its titles, labels and tick labels were made before."""
    family = fonts.rc_params()["font.family"]
    ax.tick_params(labelfontfamily=family)
    for loc in ("left", "center", "right"):
        ax.set_title(ax.get_title(loc), loc=loc, fontfamily=family)
    for label in (ax.xaxis.label, ax.yaxis.label):
        label.set_fontfamily(family)


def text_box(fig: Figure, artist):
    """The display-space extent of a drawn artist."""
    return artist.get_window_extent(fig.canvas.get_renderer())


def wrap(fig: Figure, parts: list[str], sep: str, width_px: float, size: float) -> str:
    """Join ``parts`` with ``sep``, breaking lines so that no line is wider than ``width_px``."""
    probe = fig.text(0, 0, "", fontsize=size)
    lines, line = [], ""
    for part in parts:
        trial = f"{line}{sep}{part}" if line else part
        probe.set_text(trial)
        if line and text_box(fig, probe).width > width_px:
            lines.append(line + sep.rstrip())
            line = part
        else:
            line = trial
    probe.remove()
    return "\n".join(lines + [line])


def finish(fig: Figure, *, handles=(), note_parts: list[str] | None = None, own_axes=None) -> Chart:
    """Add the legend (``handles``) and the source note below the panels, grow the figure by
    the space they take, run the layout once and freeze it. Returns ``fig``. Drawn into a
    caller's ``own_axes``, the legend goes inside that axes, the source note is kept as
    ``own_axes.source_note`` (a caption to place where the caller's figure has room), and the figure is
    left as it is."""
    if own_axes is not None:
        own_axes.legend(handles=list(handles), fontsize=SIZES["legend"], frameon=False, loc="best")
        own_axes.source_note = "; ".join(note_parts or [])  # a caption for the caller to place (fig.text …)
        fig.canvas.draw()
        return fig
    with _rc():
        dpi = fig.dpi
        width_px = fig.get_figwidth() * dpi - 2 * GAP / 72 * dpi
        legend = _legend(fig, list(handles), width_px) if handles else None
        foot = None
        if note_parts:
            foot = fig.text(0, 0, wrap(fig, note_parts, "; ", width_px, SIZES["note"]), fontsize=SIZES["note"],
                            color="#555555", ha="left", va="bottom")
        below = sum(text_box(fig, a).height + GAP / 72 * dpi for a in (legend, foot) if a is not None)
        lowest = _grow_and_arrange(fig, below / dpi)
        _stack_below(fig, [a for a in (legend, foot) if a is not None], lowest)
    return fig


def _legend(fig: Figure, handles: list, width_px: float):
    """A legend with as many columns as fit ``width_px`` (at least one): the widest possible
    count is guessed from the width of one row, then lowered until the legend fits."""
    wide = _make_legend(fig, handles, len(handles))
    per_column = text_box(fig, wide).width / len(handles)
    if text_box(fig, wide).width <= width_px and len(handles) <= 6:
        return wide
    wide.remove()
    for ncols in range(max(1, min(6, len(handles), int(width_px // per_column) + 1)), 0, -1):
        legend = _make_legend(fig, handles, ncols)
        if text_box(fig, legend).width <= width_px or ncols == 1:
            return legend
        legend.remove()
    return None


def _make_legend(fig: Figure, handles: list, ncols: int):
    return fig.legend(handles=handles, ncols=ncols, fontsize=SIZES["legend"], frameon=False, loc="lower left",
                      bbox_to_anchor=(0, 0), borderaxespad=0, handlelength=1.6, columnspacing=1.2, borderpad=0.2)


def _grow_and_arrange(fig: Figure, extra_in: float) -> float:
    """Make the figure taller by ``extra_in`` and lay the panels out above that band; return the
    lowest edge of the panels' decorations (pixels)."""
    width, height = fig.get_size_inches()
    fig.set_size_inches(width, height + extra_in)
    return arrange(fig, bottom=extra_in * fig.dpi)


def arrange(fig: Chart, bottom: float = 0.0) -> float:
    """Place the visible panels of ``fig``'s grid above ``bottom`` (pixels) so that each panel's
    ticks, labels and title fit beside it with a gap of GAP points, panels of a column aligned.

    One measuring pass: a panel's decorations are measured at its first size, and measured again
    only if resizing changed its ticks (the tick texts, hence their extents, are otherwise the same).
    Returns the lowest edge of the decorations (pixels).
    """
    axes = [ax for ax in fig.axes if ax.get_visible() and ax.get_subplotspec() is not None]
    if not axes:
        return bottom
    renderer = fig.canvas.get_renderer()
    if fig.heading is not None:
        fig.heading.set_y(1 - GAP / 72 * fig.dpi / fig.bbox.height)
    for _ in range(2):
        before = [_ticks(ax) for ax in axes]
        grid = _Grid(fig, axes, renderer, bottom)
        for ax in axes:
            ax.set_position(grid.cell(ax), which="both")
        if [_ticks(ax) for ax in axes] == before:
            break
    return grid.lowest


def _ticks(ax) -> tuple:
    return tuple(ax.xaxis.get_majorticklocs()), tuple(ax.yaxis.get_majorticklocs())


class _Grid:
    """Column widths and row heights of a figure's grid of panels, from their measured decorations."""

    def __init__(self, fig: Chart, axes: list, renderer, bottom: float):
        spec = axes[0].get_subplotspec().get_gridspec()
        self.nrows, self.ncols = spec.get_geometry()
        self.pad = GAP / 72 * fig.dpi
        width, height = fig.bbox.width, fig.bbox.height
        left, right = [0.0] * self.ncols, [0.0] * self.ncols
        top, below = [0.0] * self.nrows, [0.0] * self.nrows
        for ax in axes:
            pos, tight = ax.get_window_extent(renderer), ax.get_tightbbox(renderer, for_layout_only=True)
            r, c = ax.get_subplotspec().rowspan.start, ax.get_subplotspec().colspan.start
            left[c], right[c] = max(left[c], pos.x0 - tight.x0), max(right[c], tight.x1 - pos.x1)
            top[r], below[r] = max(top[r], tight.y1 - pos.y1), max(below[r], pos.y0 - tight.y0)
        title = fig.heading.get_window_extent(renderer).height + self.pad if fig.heading is not None else 0.0
        free_w = width - self.pad * (self.ncols + 1) - sum(left) - sum(right)
        free_h = height - bottom - title - self.pad * (self.nrows + 1) - sum(top) - sum(below)
        self.widths = _shares(max(free_w, 10.0), spec.get_width_ratios() or [1] * self.ncols)
        self.heights = _shares(max(free_h, 10.0), spec.get_height_ratios() or [1] * self.nrows)
        self.x0 = [self.pad + sum(left[:c + 1]) + sum(right[:c]) + sum(self.widths[:c]) + self.pad * c
                   for c in range(self.ncols)]
        y_top = height - title - self.pad
        self.y1 = [y_top - sum(top[:r + 1]) - sum(below[:r]) - sum(self.heights[:r]) - self.pad * r
                   for r in range(self.nrows)]
        self.size = (width, height)
        last = max(ax.get_subplotspec().rowspan.start for ax in axes)
        self.lowest = self.y1[last] - self.heights[last] - below[last]

    def cell(self, ax) -> tuple[float, float, float, float]:
        """(left, bottom, width, height) of ``ax`` in figure fractions."""
        r, c = ax.get_subplotspec().rowspan.start, ax.get_subplotspec().colspan.start
        width, height = self.size
        y0 = self.y1[r] - self.heights[r]
        return self.x0[c] / width, y0 / height, self.widths[c] / width, self.heights[r] / height


def _shares(total: float, ratios) -> list[float]:
    return [total * r / sum(ratios) for r in ratios]


def _stack_below(fig: Figure, artists: list, lowest: float) -> None:
    """Put the legend and note one under the other, from ``lowest`` (the panels' decorations) down."""
    pad = GAP / 72 * fig.dpi
    y = lowest - pad
    to_fig = fig.transFigure.inverted()
    for artist in artists:
        height = text_box(fig, artist).height
        x0, y0 = to_fig.transform((pad, y - height))
        if hasattr(artist, "set_bbox_to_anchor"):
            artist.set_bbox_to_anchor((x0, y0), transform=fig.transFigure)
        else:
            artist.set_position((x0, y0))
        y -= height + pad


def place_labels(fig: Figure, labels: list, obstacles: list) -> None:
    """Move each annotation in ``labels`` to the first spot around its anchor that lies inside its
    axes and overlaps no obstacle artist (marks, arrows) and no label placed before it."""
    taken = _Boxes([text_box(fig, a) for a in obstacles])
    for label in labels:
        frame = text_box(fig, label.axes).padded(-1)
        best = None
        for dx, dy, ha, va in _SPOTS:
            label.set_position((dx, dy))
            label.set_ha(ha)
            label.set_va(va)
            box = text_box(fig, label)
            clashes = taken.overlapping(box) + (0 if _inside(box, frame) else 100)
            if best is None or clashes < best[0]:
                best = (clashes, dx, dy, ha, va, box)
            if clashes == 0:
                break
        _, dx, dy, ha, va, box = best
        label.set_position((dx, dy))
        label.set_ha(ha)
        label.set_va(va)
        taken.add(box)


class _Boxes:
    """Boxes already taken, as arrays: how many a box overlaps is one vectorised count (the rule of
    matplotlib's ``Bbox.overlaps``, edges touching included), not a Python loop over every label placed."""

    def __init__(self, boxes: list):
        self.n, self.rows = 0, np.empty((max(64, 2 * len(boxes)), 4))
        for box in boxes:
            self.add(box)

    def add(self, box) -> None:
        if self.n == len(self.rows):
            self.rows = np.concatenate([self.rows, np.empty_like(self.rows)])
        x0, y0, x1, y1 = box.extents
        self.rows[self.n] = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
        self.n += 1

    def overlapping(self, box) -> int:
        x0, y0, x1, y1 = box.extents
        bx1, by1, bx2, by2 = min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)
        r = self.rows[: self.n]
        return int(np.count_nonzero((r[:, 0] <= bx2) & (bx1 <= r[:, 2]) & (r[:, 1] <= by2) & (by1 <= r[:, 3])))


def _inside(box, frame) -> bool:
    return box.x0 >= frame.x0 and box.x1 <= frame.x1 and box.y0 >= frame.y0 and box.y1 <= frame.y1
