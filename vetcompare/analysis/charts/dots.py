"""The dot chart: several metrics with few statements each, a row per region, the value along the row."""

from __future__ import annotations

from typing import Iterable

import numpy as np
import pandas as pd

from ... import labels, schema
from ...data.folder import table_and_folder
from .. import layout, marks
from ..compare import select
from .common import (LOG_SPREAD, TIER_COLOURS, note_parts,
                     panel_title, region_colours, style_panel, value_axis, value_label)
from .registry import ReportChart


def _dot_panel(ax, sub: pd.DataFrame, rows_order: list[str], colour_of, lang: str, drawn: marks.Drawn,
               region: str) -> None:
    """One metric of a dot chart: a line per statement, grouped by region, the region named once."""
    rank = {r: i for i, r in enumerate(rows_order)}
    sub = sub.assign(_r=sub[region].map(rank)).sort_values(["_r", "tier", "year", "value_low"])
    centres = []
    for slot, (idx, row) in enumerate(zip(sub.index, sub.to_dict("records"))):
        marks.draw(ax, slot, row, colour_of(row), drawn, horizontal=True,
                   label=value_label(row, lang, with_year=True))
    for r in rows_order:
        slots = np.flatnonzero(sub[region].to_numpy() == r)
        centres.append(slots.mean())
        if slots[0] > 0:
            ax.axhline(slots[0] - 0.5, color="#dddddd", linewidth=0.6)
    ax.set_yticks(centres, rows_order, fontsize=layout.SIZES["tick"])
    ax.set_ylim(len(sub) - 0.5, -0.5)
    ax.tick_params(axis="y", length=0)


def _dot_layout(rows: pd.DataFrame, region: str, colours: dict, data) -> list[tuple[str, list[str], bool]]:
    """(metric, its regions, last panel of its unit?) in unit groups, codebook order within a group."""
    codebook = [m for m in data.codebook()["metric_id"] if m in set(rows["metric_id"])]
    unit_of = rows.groupby("metric_id", observed=True)["unit"].first()
    units = list(dict.fromkeys(unit_of[m] for m in codebook))
    ordered = [m for u in units for m in codebook if unit_of[m] == u]
    out = []
    for i, m in enumerate(ordered):
        present = set(rows.loc[rows["metric_id"] == m, region])
        last = i + 1 == len(ordered) or unit_of[ordered[i + 1]] != unit_of[m]
        out.append((m, [r for r in colours if r in present], last))
    return out


def _dot_axis(ax, sub_unit: pd.DataFrame, lang: str, show: bool) -> None:
    """The value axis of a dot panel: shared by the panels of one unit, labelled on the last."""
    unit = sub_unit["unit"].iloc[0]
    low = sub_unit["value_low"].min()
    log = schema.unit(unit).spread_log and sub_unit["value_high"].max() > LOG_SPREAD * max(low, 1)
    value_axis(ax, ax.xaxis, unit, sub_unit["value_high"], lang, log=log)
    ax.tick_params(axis="x", labelbottom=show)
    if show and log:
        ax.set_xlabel(labels.text("log_axis", lang), fontsize=layout.SIZES["tick"])


@layout.chart_function
def dot_chart(metric: str | Iterable[str], *, lang: str = "zh", df: pd.DataFrame | None = None,
              kinds: Iterable[str] = ("target", "baseline"), colour_by: str = "region",
              title: str | None = None, exact: bool = False, width: float = 16.0) -> layout.Chart:
    """Several metrics with few statements each, as dots: a row per region, the value along the row.

    One panel per metric that has values, the year in each value label; the panels of one unit
    share their value axis, which is logarithmic for counts that spread widely (see the rules of
    :mod:`vetcompare.analysis.charts`).

    Parameters
    ----------
    metric : str or list of str
        Metric ids or families (every metric below them, unless ``exact``).
    lang : {"zh", "en"}, default "zh"
        Language of titles, labels, legend and source note.
    df : DataFrame, optional
        The statements to draw from (default: every statement of the default folder).
    kinds : iterable of str, default ("target", "baseline")
        The kinds of statement drawn (``target``, ``baseline``, ``standard``).
    colour_by : {"region", "tier"}, default "region"
        Colour the marks by region or by recognition tier.
    title : str, optional
        A heading above the panels (default: none).
    exact : bool, default False
        Take the metric ids as given (no family below them).
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
        No value to draw, or an unknown ``colour_by``, kind or language.
    """
    labels.check(lang)
    if colour_by not in ("region", "tier"):
        raise ValueError("colour_by must be 'region' or 'tier'")
    df, data = table_and_folder(df)
    rows = select(df, metric=metric, kind=list(kinds))
    rows = rows[rows["value_low"].notna()]
    if exact:
        rows = rows[rows["metric_id"].isin([metric] if isinstance(metric, str) else list(metric))]
    if rows.empty:
        raise ValueError(f"no values for {metric!r}: nothing to draw")
    region, colours = labels.region_column(lang), region_colours(lang, data)
    panels = _dot_layout(rows, region, colours, data)
    lines = rows.groupby("metric_id", observed=True).size()
    heights = [0.19 * lines[m] + 0.12 * len(regions) + 0.3 + 0.3 * last for m, regions, last in panels]
    fig = layout.new_chart(width=layout.inches(width),
                           height=min(sum(heights) + 0.35 * bool(title), layout.PAGE_HEIGHT - 1.0))
    axes = fig.subplots(len(panels), 1, squeeze=False, gridspec_kw={"height_ratios": heights}).ravel()
    tier = colour_by == "tier"
    drawn = marks.Drawn()
    for ax, (m, regions, last) in zip(axes, panels):
        sub = rows[rows["metric_id"] == m]
        _dot_panel(ax, sub, regions, lambda r: TIER_COLOURS[r["tier"]] if tier else colours[r[region]], lang,
                   drawn, region)
        _dot_axis(ax, rows[rows["unit"] == sub["unit"].iloc[0]], lang, last)
        style_panel(ax, panel_title(m, sub["unit"].iloc[0], lang, data), "x")
    if tier:
        legend = {labels.pick(labels.TIERS[t], lang) or labels.text("none", lang): TIER_COLOURS[t]
                  for t in schema.TIERS if t in set(rows["tier"])}
    else:
        legend = {r: colours[r] for r in colours if r in set(rows[region])}
    if title:
        layout.heading(fig, title)
    handles = marks.colour_handles(legend) + marks.legend_handles(drawn.keys, lang)
    layout.finish(fig, handles=handles, note_parts=note_parts(rows["doc_id"], lang, data))
    layout.place_labels(fig, drawn.labels, drawn.artists)
    return fig


REPORT = [
    ReportChart("02_students_and_employment", ("升学与就业", "Progression and employment"),
                lambda lang, df, **options: dot_chart(["students.progression_rate", "employment"], lang=lang,
                                           kinds=("target", "baseline"), df=df, **options), cost=4),
    ReportChart("07_industry_education", ("产教融合", "Industry–education integration"),
                lambda lang, df, **options: dot_chart(["industry.training_bases.integration", "industry.enterprises",
                                            "industry.vocational_groups", "programmes.industry_match_rate"],
                                           lang=lang, df=df, **options), cost=5),
]
