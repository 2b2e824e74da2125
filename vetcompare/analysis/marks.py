"""The mark grammar shared by every chart, and a legend of only the marks a chart drew.

- an exact value is a dot; a range (1–2所) a bar between its ends;
- "≥"/">" is an upward triangle with an arrow (open-ended), "≤"/"<" a downward one, "≈" a diamond;
- a hedged target (力争) is hollow (white inside, coloured edge), its bar too;
- a baseline (already reached) is a square with a dark edge.

:func:`draw` returns what it drew (artists to keep labels away from) and the legend keys it used;
:func:`legend_handles` turns those keys into legend entries, so a chart never explains a mark it
does not show.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from matplotlib.lines import Line2D

from .. import labels
from .layout import SIZES

MARKERS = {"eq": "o", "ge": "^", "gt": "^", "le": "v", "lt": "v", "approx": "D"}
MARK_SIZE = 6.5  # points
BAR_WIDTH = 5.0  # points: the thickness of a range bar
ARROW = 14  # points: the length of an open end
GREY = "#555555"
EDGE = "#333333"


@dataclass
class Drawn:
    """What the marks of a chart put on its axes."""

    artists: list = field(default_factory=list)
    keys: set = field(default_factory=set)
    labels: list = field(default_factory=list)


def draw(ax, pos: float, row, colour: str, drawn: Drawn, *, horizontal: bool = False,
         label: str | None = None) -> None:
    """One statement at ``pos`` on the category axis (a year or a row), its value on the other."""
    low, high = row["value_low"], row["value_high"]

    def xy(value):
        return (value, pos) if horizontal else (pos, value)

    if high != low:
        drawn.artists += _bar(ax, xy(low), xy(high), colour, bool(row["hedged"]))
        drawn.keys.add("range")
    _point(ax, xy, row, colour, drawn)
    if row["comparator"] in _UP + _DOWN:
        up = row["comparator"] in _UP
        drawn.keys.add("ge" if up else "le")
        drawn.artists.append(_open_end(ax, xy(high if up else low), colour, up=up, horizontal=horizontal))
    if row["hedged"]:
        drawn.keys.add("hedged")
    if label:
        drawn.labels.append(ax.annotate(label, xy=xy(high), xytext=(5, 0), textcoords="offset points",
                                        fontsize=SIZES["label"], color=colour, va="center", zorder=5))


_UP, _DOWN = ("ge", "gt"), ("le", "lt")  # comparators of a floor and of a ceiling


def _point(ax, xy, row, colour: str, drawn: Drawn) -> None:
    """The mark of a value: at the bound of an open range, the middle of an approximate one; none
    on a plain range (its bar says it all)."""
    low, high, comparator = row["value_low"], row["value_high"], row["comparator"]
    baseline, hedged = row["kind"] == "baseline", bool(row["hedged"])
    marker = "s" if baseline else MARKERS[comparator]
    if high != low and marker == "o":
        return
    at = high if comparator in _UP else low if comparator in _DOWN else (low + high) / 2
    (line,) = ax.plot(*xy(at), marker=marker, markersize=MARK_SIZE, markerfacecolor="white" if hedged else colour,
                      markeredgecolor=EDGE if baseline else colour, markeredgewidth=1.3, linestyle="none", zorder=4)
    drawn.artists.append(line)
    drawn.keys.add("baseline" if baseline else comparator.replace("gt", "ge").replace("lt", "le"))


def _bar(ax, start, end, colour: str, hedged: bool) -> list:
    """A range as a thick bar; hollow (a white core inside a coloured outline) when hedged."""
    xs, ys = (start[0], end[0]), (start[1], end[1])
    (outer,) = ax.plot(xs, ys, color=colour, linewidth=BAR_WIDTH, solid_capstyle="butt", zorder=2)
    out = [outer]
    if hedged:
        (inner,) = ax.plot(xs, ys, color="white", linewidth=BAR_WIDTH - 2.6, solid_capstyle="butt", zorder=3)
        out.append(inner)
    return out


def _open_end(ax, at, colour: str, *, up: bool, horizontal: bool):
    """An arrow from the mark towards larger (``up``) or smaller values: the promise has no end there."""
    reach = ARROW if up else -ARROW
    offset = (reach, 0) if horizontal else (0, reach)
    return ax.annotate("", xy=at, xytext=offset, textcoords="offset points", zorder=3,
                       arrowprops=dict(arrowstyle="<|-", color=colour, lw=1.1, shrinkA=0,
                                       shrinkB=MARK_SIZE / 2 + 1, mutation_scale=7))


_KEY_MARKS = {  # legend key -> (marker, filled, label key)
    "eq": ("o", True, "mark_eq"),
    "ge": ("^", True, "mark_ge"),
    "le": ("v", True, "mark_le"),
    "approx": ("D", True, "mark_approx"),
    "hedged": ("o", False, "mark_hedged"),
    "baseline": ("s", True, "mark_baseline"),
}
KEY_ORDER = ("eq", "range", "ge", "le", "approx", "hedged", "baseline")


def legend_handles(keys: set, lang: str) -> list[Line2D]:
    """Legend entries, in grey, for the mark kinds in ``keys`` only."""
    handles = []
    for key in KEY_ORDER:
        if key not in keys:
            continue
        if key == "range":
            handles.append(Line2D([], [], color=GREY, linewidth=BAR_WIDTH, solid_capstyle="butt",
                                  label=labels.text("mark_range", lang)))
            continue
        marker, filled, text_key = _KEY_MARKS[key]
        handles.append(Line2D([], [], color=GREY, marker=marker, markersize=MARK_SIZE, linestyle="none",
                              markerfacecolor=GREY if filled else "white",
                              markeredgecolor=EDGE if key == "baseline" else GREY, label=labels.text(text_key, lang)))
    return handles


def colour_handles(colours: dict[str, str]) -> list[Line2D]:
    """One legend entry per region (or tier): a coloured patch-like line."""
    return [Line2D([], [], color=c, linewidth=6, solid_capstyle="butt", label=name) for name, c in colours.items()]
