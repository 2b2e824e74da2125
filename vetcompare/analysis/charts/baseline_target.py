"""The baseline→target chart: a region's own baseline joined to its later target, and province-level
baselines as reference lines for the other regions' targets."""

from __future__ import annotations

from typing import Iterable

import numpy as np
import pandas as pd
from matplotlib.lines import Line2D

from ... import labels
from ...data.folder import table_and_folder
from .. import layout, marks
from ..compare import baseline_target_panels, select
from .common import (DODGE, dated, dodged, note_parts,
                     panel_title, region_colours, style_panel, value_axis, value_label, year_axis)
from .registry import ReportChart


REFERENCE_STYLES = (":", "--", "-.")
"""Line styles of reference baselines, in the order they are first drawn: each baseline its own."""


@layout.chart_function
def baseline_target_chart(metric: str | Iterable[str] | None = None, *, lang: str = "zh",
                          df: pd.DataFrame | None = None, ncols: int = 2, width: float = 16.0) -> layout.Chart:
    """Baselines and the targets that can be read against them.

    A solid line joins a region's own baseline to its own later target (same document, same
    tier): the change that document states. A province-level baseline (Chongqing's 2020 share)
    is drawn as a dotted reference line for the other regions' targets of the same province,
    never joined to them, since no document states that change.

    Parameters
    ----------
    metric : str or list of str, optional
        Metric ids or families to look at (default: every metric).
    lang : {"zh", "en"}, default "zh"
        Language of titles, labels, legend and source note.
    df : DataFrame, optional
        The statements to draw from (default: every statement of the default folder).
    ncols : int, default 2
        Panels per row (fewer if there are fewer panels).
    width : float, default 16
        Width of the figure in centimetres (14 to 30); the layout keeps its rules (no text under 7 pt, nothing
        overlapping) at any of them.

    Returns
    -------
    Chart
        A matplotlib Figure (:class:`~vetcompare.analysis.layout.Chart`) that Jupyter shows; save it
        with :func:`~vetcompare.analysis.saving.save_figure`.

    Raises
    ------
    UnknownName
        ``metric`` matches no statement.
    ValueError
        No metric has a baseline and a later target to read against it, or an unknown language.
    """
    labels.check(lang)
    df, data = table_and_folder(df)
    rows = select(df, metric=metric) if metric is not None else df
    panels = baseline_target_panels(dated(rows), data.documents())
    if not panels:
        raise ValueError("no metric has a baseline and a later target to read against it")
    ncols = max(1, min(ncols, len(panels)))
    nrows = int(np.ceil(len(panels) / ncols))
    fig = layout.new_chart(width=layout.inches(width), height=min(2.5 * nrows, layout.PAGE_HEIGHT - 1.6))
    axes = fig.subplots(nrows, ncols, squeeze=False).ravel()
    colours, region = region_colours(lang, data), labels.region_column(lang)
    drawn, lines = marks.Drawn(), {}
    for ax, (m, sub, links, refs) in zip(axes, panels):
        _b2t_panel(ax, sub, links, refs, colours, region, lang, drawn, lines)
        style_panel(ax, panel_title(m, sub["unit"].iloc[0], lang, data), "y")
    for ax in axes[len(panels):]:
        ax.set_visible(False)
    used = set(pd.concat([p[1] for p in panels])[region])
    handles = marks.colour_handles({r: c for r, c in colours.items() if r in used})
    handles += marks.legend_handles(drawn.keys, lang) + list(lines.values())
    layout.heading(fig, labels.text("b2t", lang))
    layout.finish(fig, handles=handles, note_parts=note_parts(pd.concat([p[1] for p in panels])["doc_id"], lang, data))
    layout.place_labels(fig, drawn.labels, drawn.artists)
    return fig


def _b2t_panel(ax, sub, links, refs, colours, region, lang, drawn, lines) -> None:
    """One metric: own links as solid lines, reference baselines as dotted lines, then the marks."""
    order = [r for r in colours if r in set(sub[region])]
    x = sub["year"].astype(float) + dodged(sub, "year", DODGE, order, region)
    year_axis(ax, sub["year"], lang, show=True)
    for i, j in links:
        drawn.artists += ax.plot([x[i], x[j]], [sub.at[i, "value_high"], sub.at[j, "value_low"]],
                                 color=colours[sub.at[i, region]], linewidth=1.2, zorder=1)
        lines["link"] = Line2D([], [], color=marks.GREY, linewidth=1.2, label=labels.text("link", lang))
    for i in refs:
        key = ("reference", sub.at[i, region], int(sub.at[i, "year"]))
        if key not in lines:  # one legend entry, and one line style, per baseline (a region's 2020 and 2025)
            style = REFERENCE_STYLES[sum(k != "link" for k in lines) % len(REFERENCE_STYLES)]
            lines[key] = Line2D([], [], color=marks.GREY, linestyle=style, linewidth=1.2, label=labels.text(
                "reference", lang, line=labels.text(f"line_{style}", lang), region=key[1], year=key[2]))
        drawn.artists += ax.plot([x[i], ax.get_xlim()[1]], [sub.at[i, "value_high"]] * 2, color=marks.GREY,
                                 linestyle=lines[key].get_linestyle(), linewidth=1.2, zorder=1)  # labels keep off it
    for idx, row in zip(sub.index, sub.to_dict("records")):
        marks.draw(ax, x[idx], row, colours[row[region]], drawn, label=value_label(row, lang))
    value_axis(ax, ax.yaxis, sub["unit"].iloc[0], sub["value_high"], lang)


REPORT = [ReportChart("06_baseline_to_target", ("基线与目标", "Baselines and targets"),
                     lambda lang, df, **options: baseline_target_chart(lang=lang, df=df, **options), cost=6)]
