"""Page geometry for charts: a figure that shows itself in Jupyter, a legend and source note
measured into the space below the panels, and value labels placed where nothing else is drawn.

Why measured: a report chart must go into a page as it is, so nothing may overlap or leave the
canvas. Every step below asks the renderer for real text extents instead of guessing from
character counts: the legend takes as many columns as fit the width, the source note wraps at
the width, the figure grows by exactly what they need, and each value label tries a short list
of positions around its mark and takes the first that is inside its panel and clear of marks and
other labels. The panel layout is computed once and then frozen, so labels placed in display
coordinates stay where they were checked.
"""

from __future__ import annotations

import functools
import io

import matplotlib as mpl

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ..data.folder import reads_its_table
from . import fonts

PAGE_WIDTH = 16 / 2.54  # inches: one column of a report page (16 cm)
PAGE_HEIGHT = 22 / 2.54  # inches: a full page of text (22 cm)
SIZES = {"title": 9.5, "panel": 8.5, "tick": 7.5, "label": 7.0, "legend": 7.5, "note": 7.0}
GAP = 4  # points between blocks (panels, legend, note)

# Where a value label may go, in points from its anchor: (dx, dy, ha, va), tried in order.
_SPOTS = [(5, 0, "left", "center"), (16, 0, "left", "center"), (-5, 0, "right", "center"),
          (0, 7, "center", "bottom"), (0, -7, "center", "top")]
_SPOTS += [(dx, k * sign * 8, ha, "center") for k in (1, 2, 3, 4) for sign in (1, -1)
           for dx, ha in ((5, "left"), (-5, "right"))]


class Chart(Figure):
    """A matplotlib Figure that Jupyter displays as a PNG without pyplot or ``%matplotlib``.

    IPython asks an object for ``_repr_png_``; a plain Figure built without pyplot has none
    (the inline backend registers its formatter only when pyplot is imported), so the cell
    would show ``<Figure size ...>``. Where the inline backend is active its formatter wins and
    shows the same figure.
    """

    def _repr_png_(self):
        buffer = io.BytesIO()
        with _rc():
            self.savefig(buffer, format="png", dpi=200)
        width, height = self.get_size_inches()
        return buffer.getvalue(), {"width": round(width * 96), "height": round(height * 96)}


def _rc():
    return mpl.rc_context(fonts.rc_params())


def chart_function(build):
    """Decorate a chart function so that everything it creates takes the chart font by name,
    inside an rc context (the user's global matplotlib settings never change), and reads the
    documents and codebook of the folder its ``df`` came from."""

    @functools.wraps(build)
    @reads_its_table
    def wrapper(*args, **kwargs):
        with _rc():
            return build(*args, **kwargs)

    return wrapper


def new_chart(width: float = PAGE_WIDTH, height: float = 3.0) -> Chart:
    """An empty chart with the Chinese font, constrained layout and an Agg canvas (to measure text)."""
    with _rc():
        fig = Chart(figsize=(width, height), layout="constrained", dpi=100)
    FigureCanvasAgg(fig)
    fig.get_layout_engine().set(h_pad=GAP / 72, w_pad=GAP / 72)
    return fig


def panels(ax, n: int, nrows: int, ncols: int, height: float, **kwargs):
    """(figure, flat list of axes): a new chart's grid of panels, or the caller's own ``ax`` for one panel."""
    if ax is None:
        fig = new_chart(height=height)
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
    caller's ``own_axes``, the legend goes inside that axes and the figure is left as it is."""
    if own_axes is not None:
        own_axes.legend(handles=list(handles), fontsize=SIZES["legend"], frameon=False, loc="best")
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
        _grow_and_freeze(fig, below / dpi)
        _stack_below(fig, [a for a in (legend, foot) if a is not None])
    return fig


def _legend(fig: Figure, handles: list, width_px: float):
    """A legend with as many columns as fit ``width_px`` (at least one)."""
    for ncols in range(min(len(handles), 6), 0, -1):
        legend = fig.legend(handles=handles, ncols=ncols, fontsize=SIZES["legend"], frameon=False,
                            loc="lower left", bbox_to_anchor=(0, 0), borderaxespad=0, handlelength=1.6,
                            columnspacing=1.2, borderpad=0.2)
        if text_box(fig, legend).width <= width_px or ncols == 1:
            return legend
        legend.remove()
    return None


def _grow_and_freeze(fig: Figure, extra_in: float) -> None:
    """Make the figure taller by ``extra_in``, lay the panels out above that band, and freeze."""
    width, height = fig.get_size_inches()
    fig.set_size_inches(width, height + extra_in)
    band = extra_in / (height + extra_in)
    engine = fig.get_layout_engine()
    engine.set(rect=(0, band, 1, 1 - band))
    engine.execute(fig)
    fig.set_layout_engine("none")


def _stack_below(fig: Figure, artists: list) -> None:
    """Put the legend and note one under the other, from the bottom of the panels down."""
    pad = GAP / 72 * fig.dpi
    visible = [ax for ax in fig.axes if ax.get_visible()]
    lowest = min(ax.bbox.y0 for ax in visible)
    bottom_row = [ax for ax in visible if ax.bbox.y0 < lowest + 1]  # only these can reach lower
    y = min(ax.get_tightbbox(fig.canvas.get_renderer()).y0 for ax in bottom_row) - pad
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
    taken = [text_box(fig, a) for a in obstacles]
    for label in labels:
        frame = text_box(fig, label.axes).padded(-1)
        best = None
        for dx, dy, ha, va in _SPOTS:
            label.set_position((dx, dy))
            label.set_ha(ha)
            label.set_va(va)
            box = text_box(fig, label)
            clashes = sum(box.overlaps(t) for t in taken) + (0 if _inside(box, frame) else 100)
            if best is None or clashes < best[0]:
                best = (clashes, dx, dy, ha, va, box)
            if clashes == 0:
                break
        _, dx, dy, ha, va, box = best
        label.set_position((dx, dy))
        label.set_ha(ha)
        label.set_va(va)
        taken.append(box)


def _inside(box, frame) -> bool:
    return box.x0 >= frame.x0 and box.x1 <= frame.x1 and box.y0 >= frame.y0 and box.y1 <= frame.y1
