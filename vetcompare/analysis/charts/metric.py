"""The metric chart: one metric (or a family) across regions on a shared year axis."""

from __future__ import annotations

from typing import Iterable

import numpy as np
import pandas as pd

from ... import labels
from ...data.folder import table_and_folder
from .. import layout, marks
from ..compare import select
from .common import (DODGE, dated, dodged, note_parts,
                     panel_title, region_colours, style_panel, value_axis, value_label, year_axis)
from .registry import ReportChart


@layout.chart_function
def metric_chart(metric: str | Iterable[str], *, lang: str = "zh", df: pd.DataFrame | None = None,
                 kinds: Iterable[str] = ("target", "baseline"), ncols: int = 2, ax=None,
                 width: float = 16.0) -> layout.Chart:
    """A metric (or a family such as ``employment``) across regions on a shared year axis.

    One panel per metric that has dated values, one mark per statement at its year; marks of
    one year stand side by side. Standards (no year) and qualitative statements are left out.

    Parameters
    ----------
    metric : str or list of str
        A metric id, a family (every metric below it) or several of them.
    lang : {"zh", "en"}, default "zh"
        Language of titles, labels, legend and source note.
    df : DataFrame, optional
        The statements to draw from (default: every statement of the default folder).
    kinds : iterable of str, default ("target", "baseline")
        The kinds of statement drawn (``target``, ``baseline``, ``standard``).
    ncols : int, default 2
        Panels per row (fewer if there are fewer metrics).
    ax : matplotlib Axes, optional
        Draw a single metric into this axes of your own figure (its legend inside the axes).
    width : float, default 16
        Width of the figure in centimetres (14 to 30); the layout keeps its rules (no text under 7 pt, nothing
        overlapping) at any of them.

    Returns
    -------
    Chart
        A matplotlib Figure (:class:`~vetcompare.analysis.layout.Chart`) that Jupyter shows; save it
        with :func:`~vetcompare.analysis.saving.save_figure`. With ``ax``, the figure that holds ``ax``.

    Raises
    ------
    UnknownName
        ``metric`` matches no statement.
    ValueError
        No dated value to draw, an unknown kind or language, or ``ax`` with more than one metric.
    """
    labels.check(lang)
    df, data = table_and_folder(df)
    rows = dated(select(df, metric=metric, kind=list(kinds)))
    if rows.empty:
        raise ValueError(f"no dated values for {metric!r}: nothing to draw")
    metrics = list(dict.fromkeys(rows["metric_id"]))
    ncols = max(1, min(ncols, len(metrics)))
    nrows = int(np.ceil(len(metrics) / ncols))
    fig, axes = layout.panels(ax, len(metrics), nrows, ncols, height=min(2.5 * nrows, layout.PAGE_HEIGHT - 1.6),
                              width=layout.inches(width))
    colours, region = region_colours(lang, data), labels.region_column(lang)
    order = [r for r in colours if r in set(rows[region])]
    drawn = marks.Drawn()
    for i, (panel, m) in enumerate(zip(axes, metrics)):
        sub = rows[rows["metric_id"] == m]
        x = sub["year"].astype(float) + dodged(sub, "year", DODGE, order, region)
        for idx, row in zip(sub.index, sub.to_dict("records")):
            marks.draw(panel, x[idx], row, colours[row[region]], drawn, label=value_label(row, lang))
        value_axis(panel, panel.yaxis, sub["unit"].iloc[0], sub["value_high"], lang)
        style_panel(panel, panel_title(m, sub["unit"].iloc[0], lang, data), "y")
        year_axis(panel, rows["year"], lang, show=i >= len(metrics) - ncols)
    for panel in axes[len(metrics):]:
        panel.set_visible(False)
    handles = marks.colour_handles({r: colours[r] for r in order}) + marks.legend_handles(drawn.keys, lang)
    layout.finish(fig, handles=handles, note_parts=note_parts(rows["doc_id"], lang, data), own_axes=ax)
    layout.place_labels(fig, drawn.labels, drawn.artists)
    return fig


REPORT = [ReportChart("01_dual_qualified_teachers", ("“双师型”教师占比", "Share of dual-qualified (双师型) teachers"),
                     lambda lang, df, **options: metric_chart("teachers.dual_qualified_share", lang=lang, df=df, **options), cost=3,
                     doc_image=("dual_qualified_en.png", "en"))]
