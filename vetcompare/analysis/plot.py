"""Charts for reports: each function returns a figure that Jupyter shows and a report page holds.

Every chart is at most 16 cm wide (a full page at most 16 × 22 cm) with no text under 7 pt, uses
the mark grammar of :mod:`vetcompare.analysis.marks`, names its documents and dates in a note, and shows
in its legend only the marks it drew. Value axes follow stated rules, so that no chart magnifies a
small difference:

- percent axes always span 0–100% (further only if a value exceeds 100);
- counts and amounts start at zero; in a dot chart whose largest count is more than
  :data:`LOG_SPREAD` times its smallest (a municipality's 130 beside a district's 1–3) the count
  axis is logarithmic, says so, and every mark carries its value.

Marks that share a year or a row are spread side by side, and value labels are placed where they
touch no mark and no other label (:func:`vetcompare.analysis.layout.place_labels`).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Iterable

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.ticker import FixedLocator, FuncFormatter, MaxNLocator

from .. import labels, schema
from ..data.folder import load_codebook, load_documents, load_targets
from ..data.safe import atomic_path
from . import layout, marks
from .compare import scaled, select
from .fonts import rc_params
from .png import figure_png

REGION_COLOURS = ["#1f4e79", "#c0504d", "#2e8b57", "#e69f00", "#7b3f98", "#56b4e9", "#8c564b"]
TIER_COLOURS = {"national": "#b2182b", "provincial": "#ef8a62", "prefecture": "#67a9cf",
                "district": "#2166ac", "none": "#999999"}
LOG_SPREAD = 20
DODGE = 0.22  # years between marks that share a year
ROW_DODGE = 0.2  # rows between marks that share a row
QUALITY_METRICS = (
    "schools.secondary.high_level", "schools.secondary.demonstration", "schools.secondary.renowned",
    "schools.higher.high_level", "programmes.secondary.high_level", "programmes.secondary.high_level_group",
    "programmes.secondary.demonstration", "programmes.secondary.renowned", "programmes.higher.high_level_group",
)
FORMATS = ("png", "svg", "pdf")


def region_colours(lang: str = "zh") -> dict[str, str]:
    """Each region's colour, fixed by the registry order so that it is the same in every chart."""
    names = load_documents()[labels.region_column(lang)]
    return {name: REGION_COLOURS[i % len(REGION_COLOURS)] for i, name in enumerate(dict.fromkeys(names))}


def _note_parts(doc_ids: Iterable[str], lang: str) -> list[str]:
    docs = load_documents().set_index("doc_id")
    order = list(docs.index)
    used = sorted(set(doc_ids), key=order.index)
    region = labels.region_column(lang)
    parts = [f"{docs.at[d, region]} {docs.at[d, 'issued']:%Y-%m-%d}" for d in used]
    parts[0] = f"{labels.text('source_head', lang)}: {parts[0]}"
    return parts + [labels.text("source_tail", lang)]


def source_note(doc_ids: Iterable[str], lang: str = "zh") -> str:
    """The note naming each document drawn: region and date of issue."""
    return "; ".join(_note_parts(doc_ids, lang))


def _metric_label(metric_id: str, lang: str) -> str:
    return load_codebook().set_index("metric_id").at[metric_id, labels.metric_column(lang)]


def _panel_title(metric_id: str, unit: str, lang: str) -> str:
    unit_word = labels.pick(labels.UNITS[unit], lang)
    return _metric_label(metric_id, lang) + (f" ({unit_word})" if unit_word and unit != "count" else "")


def _value_label(row, lang: str, *, with_year: bool = False) -> str:
    text = schema.COMPARATOR_SYMBOLS[row["comparator"]] + scaled(row["value_low"], row["unit"], lang)
    if row["value_high"] != row["value_low"]:
        text += "–" + scaled(row["value_high"], row["unit"], lang)
    text += "%" if row["unit"] == "percent" else ""
    return text + (f" ({int(row['year'])})" if with_year and pd.notna(row["year"]) else "")


def _value_axis(ax, axis, unit: str, values: pd.Series, lang: str, *, log: bool = False) -> None:
    """Limits, ticks and plain tick labels for a value axis, by the rules in the module docstring."""
    top = float(values.max())
    set_lim = ax.set_xlim if axis is ax.xaxis else ax.set_ylim
    if log:
        (ax.set_xscale if axis is ax.xaxis else ax.set_yscale)("log")
        ticks = [t for t in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000) if t <= top * 3]
        axis.set_major_locator(FixedLocator(ticks))
        axis.set_minor_locator(FixedLocator([]))
        set_lim(0.7, top * 1.8)
    elif unit == "percent":
        set_lim(0, 100 if top <= 100 else top * 1.1)  # beyond 100 only for a value over 100
        axis.set_major_locator(FixedLocator(range(0, int(max(100, top)) + 1, 20)))
    else:
        set_lim(0, top * 1.25 if top > 0 else 1)
        axis.set_major_locator(MaxNLocator(nbins=5, integer=unit in ("count", "rank")))
    axis.set_major_formatter(FuncFormatter(lambda v, _: scaled(v, unit, lang) if v >= 0 else f"{v:g}"))
    axis.set_tick_params(labelsize=layout.SIZES["tick"])


def _dated(rows: pd.DataFrame) -> pd.DataFrame:
    return rows[rows["value_low"].notna() & rows["year"].notna()]


def _dodged(rows: pd.DataFrame, key: str, step: float, region_order: list[str], region: str) -> pd.Series:
    """Positions that spread the rows sharing a ``key`` value side by side, in region order."""
    order = rows.assign(_r=rows[region].map({r: i for i, r in enumerate(region_order)}))
    order = order.sort_values([key, "_r", "value_low"])
    position = pd.Series(0.0, index=rows.index)
    for _, group in order.groupby(key, sort=False, observed=True):
        n = len(group)
        for i, idx in enumerate(group.index):
            position[idx] = (i - (n - 1) / 2) * step
    return position


def _year_axis(ax, years: pd.Series, lang: str, *, show: bool) -> None:
    lo, hi = int(years.min()), int(years.max())
    ax.set_xlim(lo - 0.75, hi + 0.75)
    ax.xaxis.set_major_locator(FixedLocator(range(lo, hi + 1, 1 if hi - lo <= 9 else 2)))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:.0f}"))
    ax.tick_params(labelsize=layout.SIZES["tick"], labelbottom=show)
    if show:
        ax.set_xlabel(labels.text("year", lang), fontsize=layout.SIZES["tick"])


def _style_panel(ax, title: str, value_axis: str) -> None:
    ax.set_title(title, fontsize=layout.SIZES["panel"], loc="left")
    ax.grid(axis=value_axis, color="#e8e8e8", linewidth=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


@layout.chart_function
def metric_chart(metric: str | Iterable[str], *, lang: str = "zh", df: pd.DataFrame | None = None,
                 kinds: Iterable[str] = ("target", "baseline"), ncols: int = 2, ax=None) -> layout.Chart:
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

    Returns
    -------
    Chart
        A matplotlib Figure (:class:`~vetcompare.analysis.layout.Chart`) that Jupyter shows; save it
        with :func:`~vetcompare.analysis.plot.save_figure`. With ``ax``, the figure that holds ``ax``.

    Raises
    ------
    UnknownName
        ``metric`` matches no statement.
    ValueError
        No dated value to draw, an unknown kind or language, or ``ax`` with more than one metric.
    """
    labels.check(lang)
    rows = _dated(select(df, metric=metric, kind=list(kinds)))
    if rows.empty:
        raise ValueError(f"no dated values for {metric!r}: nothing to draw")
    metrics = list(dict.fromkeys(rows["metric_id"]))
    ncols = max(1, min(ncols, len(metrics)))
    nrows = int(np.ceil(len(metrics) / ncols))
    fig, axes = layout.panels(ax, len(metrics), nrows, ncols, height=min(2.5 * nrows, layout.PAGE_HEIGHT - 1.6))
    colours, region = region_colours(lang), labels.region_column(lang)
    order = [r for r in colours if r in set(rows[region])]
    drawn = marks.Drawn()
    for i, (panel, m) in enumerate(zip(axes, metrics)):
        sub = rows[rows["metric_id"] == m]
        x = sub["year"].astype(float) + _dodged(sub, "year", DODGE, order, region)
        for idx, row in zip(sub.index, sub.to_dict("records")):
            marks.draw(panel, x[idx], row, colours[row[region]], drawn, label=_value_label(row, lang))
        _value_axis(panel, panel.yaxis, sub["unit"].iloc[0], sub["value_high"], lang)
        _style_panel(panel, _panel_title(m, sub["unit"].iloc[0], lang), "y")
        _year_axis(panel, rows["year"], lang, show=i >= len(metrics) - ncols)
    for panel in axes[len(metrics):]:
        panel.set_visible(False)
    handles = marks.colour_handles({r: colours[r] for r in order}) + marks.legend_handles(drawn.keys, lang)
    layout.finish(fig, handles=handles, note_parts=_note_parts(rows["doc_id"], lang), own_axes=ax)
    layout.place_labels(fig, drawn.labels, drawn.artists)
    return fig


def _dot_panel(ax, sub: pd.DataFrame, rows_order: list[str], colour_of, lang: str, drawn: marks.Drawn,
               region: str) -> None:
    """One metric of a dot chart: a line per statement, grouped by region, the region named once."""
    rank = {r: i for i, r in enumerate(rows_order)}
    sub = sub.assign(_r=sub[region].map(rank)).sort_values(["_r", "tier", "year", "value_low"])
    centres = []
    for slot, (idx, row) in enumerate(zip(sub.index, sub.to_dict("records"))):
        marks.draw(ax, slot, row, colour_of(row), drawn, horizontal=True,
                   label=_value_label(row, lang, with_year=True))
    for r in rows_order:
        slots = np.flatnonzero(sub[region].to_numpy() == r)
        centres.append(slots.mean())
        if slots[0] > 0:
            ax.axhline(slots[0] - 0.5, color="#dddddd", linewidth=0.6)
    ax.set_yticks(centres, rows_order, fontsize=layout.SIZES["tick"])
    ax.set_ylim(len(sub) - 0.5, -0.5)
    ax.tick_params(axis="y", length=0)


def _dot_layout(rows: pd.DataFrame, region: str, colours: dict) -> list[tuple[str, list[str], bool]]:
    """(metric, its regions, last panel of its unit?) in unit groups, codebook order within a group."""
    codebook = [m for m in load_codebook()["metric_id"] if m in set(rows["metric_id"])]
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
    log = unit == "count" and sub_unit["value_high"].max() > LOG_SPREAD * max(low, 1)
    _value_axis(ax, ax.xaxis, unit, sub_unit["value_high"], lang, log=log)
    ax.tick_params(axis="x", labelbottom=show)
    if show and log:
        ax.set_xlabel(labels.text("log_axis", lang), fontsize=layout.SIZES["tick"])


@layout.chart_function
def dot_chart(metric: str | Iterable[str], *, lang: str = "zh", df: pd.DataFrame | None = None,
              kinds: Iterable[str] = ("target", "baseline"), colour_by: str = "region",
              title: str | None = None, exact: bool = False) -> layout.Chart:
    """Several metrics with few statements each, as dots: a row per region, the value along the row.

    One panel per metric that has values, the year in each value label; the panels of one unit
    share their value axis, which is logarithmic for counts that spread widely (see the rules of
    :mod:`vetcompare.analysis.plot`).

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

    Returns
    -------
    Chart
        A matplotlib Figure (:class:`~vetcompare.analysis.layout.Chart`) that Jupyter shows; save it
        with :func:`~vetcompare.analysis.plot.save_figure`.

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
    rows = select(df, metric=metric, kind=list(kinds))
    rows = rows[rows["value_low"].notna()]
    if exact:
        rows = rows[rows["metric_id"].isin([metric] if isinstance(metric, str) else list(metric))]
    if rows.empty:
        raise ValueError(f"no values for {metric!r}: nothing to draw")
    region, colours = labels.region_column(lang), region_colours(lang)
    panels = _dot_layout(rows, region, colours)
    lines = rows.groupby("metric_id", observed=True).size()
    heights = [0.19 * lines[m] + 0.12 * len(regions) + 0.3 + 0.3 * last for m, regions, last in panels]
    fig = layout.new_chart(height=min(sum(heights) + 0.35 * bool(title), layout.PAGE_HEIGHT - 1.0))
    axes = fig.subplots(len(panels), 1, squeeze=False, gridspec_kw={"height_ratios": heights}).ravel()
    tier = colour_by == "tier"
    drawn = marks.Drawn()
    for ax, (m, regions, last) in zip(axes, panels):
        sub = rows[rows["metric_id"] == m]
        _dot_panel(ax, sub, regions, lambda r: TIER_COLOURS[r["tier"]] if tier else colours[r[region]], lang,
                   drawn, region)
        _dot_axis(ax, rows[rows["unit"] == sub["unit"].iloc[0]], lang, last)
        _style_panel(ax, _panel_title(m, sub["unit"].iloc[0], lang), "x")
    if tier:
        legend = {labels.pick(labels.TIERS[t], lang) or labels.text("none", lang): TIER_COLOURS[t]
                  for t in schema.TIERS if t in set(rows["tier"])}
    else:
        legend = {r: colours[r] for r in colours if r in set(rows[region])}
    if title:
        layout.heading(fig, title)
    handles = marks.colour_handles(legend) + marks.legend_handles(drawn.keys, lang)
    layout.finish(fig, handles=handles, note_parts=_note_parts(rows["doc_id"], lang))
    layout.place_labels(fig, drawn.labels, drawn.artists)
    return fig


@layout.chart_function
def tier_chart(*, lang: str = "zh", df: pd.DataFrame | None = None, metrics: Iterable[str] = QUALITY_METRICS,
               kinds: Iterable[str] = ("target", "baseline")) -> layout.Chart:
    """Counts of quality schools and programmes per region, coloured by recognition tier.

    One panel per metric that has values (never summed across different programmes), a row per
    region; the label gives the year. Counts from 1 to 130 share a log axis (see the rules of
    :mod:`vetcompare.analysis.plot`).

    Parameters
    ----------
    lang : {"zh", "en"}, default "zh"
        Language of titles, labels, legend and source note.
    df : DataFrame, optional
        The statements to draw from (default: every statement of the default folder).
    metrics : iterable of str, default QUALITY_METRICS
        The metric ids drawn, exactly (no family below them); by default the nine counts of
        recognised quality schools and programmes (high-level, demonstration, renowned).
    kinds : iterable of str, default ("target", "baseline")
        The kinds of statement drawn (``target``, ``baseline``, ``standard``).

    Returns
    -------
    Chart
        A matplotlib Figure (:class:`~vetcompare.analysis.layout.Chart`) that Jupyter shows; save it
        with :func:`~vetcompare.analysis.plot.save_figure`.

    Raises
    ------
    UnknownName
        None of ``metrics`` has a statement.
    ValueError
        No value to draw, or an unknown kind or language.
    """
    return dot_chart(list(metrics), lang=lang, df=df, kinds=kinds, colour_by="tier", title=labels.text("tiers", lang),
                     exact=True)


def _wrapped(name: str) -> str:
    """A long English region name on two lines ("Chongqing\nMunicipality")."""
    head, _, tail = name.rpartition(" ")
    return f"{head}\n{tail}" if head and len(name) > 12 else name


@layout.chart_function
def coverage_chart(*, lang: str = "zh", df: pd.DataFrame | None = None, by: str = "theme", ax=None) -> layout.Chart:
    """How many statements each region makes per theme (or per metric), as a shaded table.

    Parameters
    ----------
    lang : {"zh", "en"}, default "zh"
        Language of titles, labels, legend and source note.
    df : DataFrame, optional
        The statements to draw from (default: every statement of the default folder).
    by : {"theme", "metric_id"}, default "theme"
        Count per theme, or per metric (in codebook order).
    ax : matplotlib Axes, optional
        Draw into this axes of your own figure (its legend inside the axes) instead of a new chart.

    Returns
    -------
    Chart
        A matplotlib Figure (:class:`~vetcompare.analysis.layout.Chart`) that Jupyter shows; save it
        with :func:`~vetcompare.analysis.plot.save_figure`. With ``ax``, the figure that holds ``ax``.

    Raises
    ------
    ValueError
        An unknown ``by`` or language.
    """
    labels.check(lang)
    if by not in ("theme", "metric_id"):
        raise ValueError("by must be 'theme' or 'metric_id'")
    rows = load_targets() if df is None else df
    region = labels.region_column(lang)
    regions = [r for r in region_colours(lang) if r in set(rows[region])]
    if by == "theme":
        keys = [t for t in schema.THEMES if t in set(rows["theme"])]
        names = [labels.pick(labels.THEMES[k], lang) for k in keys]
    else:
        keys = [k for k in dict.fromkeys(load_codebook()["metric_id"]) if k in set(rows["metric_id"])]
        names = [_metric_label(k, lang) for k in keys]
    counts = rows.groupby([by, region], observed=True).size().unstack(region).reindex(index=keys, columns=regions)
    counts = counts.fillna(0).astype(int).to_numpy()
    own = ax
    fig, (ax,) = layout.panels(own, 1, 1, 1, height=min(0.9 + 0.26 * len(keys), layout.PAGE_HEIGHT - 1.2))
    ax.imshow(counts, cmap="Blues", aspect="auto", vmin=0, vmax=max(1, counts.max()) * 1.15)
    ax.set_xticks(range(len(regions)), [_wrapped(r) for r in regions], fontsize=layout.SIZES["tick"])
    ax.set_yticks(range(len(keys)), names, fontsize=layout.SIZES["tick"])
    ax.xaxis.tick_top()
    ax.tick_params(length=0)
    peak = max(1, counts.max())
    for (i, j), n in np.ndenumerate(counts):
        ax.text(j, i, str(n) if n else "–", ha="center", va="center", fontsize=layout.SIZES["label"] + 0.5,
                color="white" if n > peak * 0.6 else "#222222")
    if own is None:
        layout.heading(fig, labels.text("coverage", lang))
    return layout.finish(fig, note_parts=_note_parts(rows["doc_id"], lang), own_axes=own)


@layout.chart_function
def timeline_chart(*, lang: str = "zh", df: pd.DataFrame | None = None, ax=None) -> layout.Chart:
    """Each document's plan period, date of issue, and how many targets and baselines fall in each year.

    Parameters
    ----------
    lang : {"zh", "en"}, default "zh"
        Language of titles, labels, legend and source note.
    df : DataFrame, optional
        The statements to draw from (default: every statement of the default folder).
    ax : matplotlib Axes, optional
        Draw into this axes of your own figure (its legend inside the axes) instead of a new chart.

    Returns
    -------
    Chart
        A matplotlib Figure (:class:`~vetcompare.analysis.layout.Chart`) that Jupyter shows; save it
        with :func:`~vetcompare.analysis.plot.save_figure`. With ``ax``, the figure that holds ``ax``.

    Raises
    ------
    ValueError
        An unknown language.
    """
    labels.check(lang)
    rows = load_targets() if df is None else df
    docs = load_documents()
    docs = docs[docs["doc_id"].isin(set(rows["doc_id"]))].reset_index(drop=True)
    colours, region = region_colours(lang), labels.region_column(lang)
    own = ax
    fig, (ax,) = layout.panels(own, 1, 1, 1, height=0.9 + 0.55 * len(docs))
    for i, doc in enumerate(docs.to_dict("records")):
        _timeline_row(ax, i, doc, rows[(rows["doc_id"] == doc["doc_id"]) & rows["year"].notna()],
                      colours[doc[region]])
    ax.set_yticks(range(len(docs)), document_names(docs, lang), fontsize=layout.SIZES["tick"])
    ax.set_ylim(len(docs) - 0.45, -0.7)
    lo, hi = int(docs["period_start"].min()), int(max(docs["period_end"].max(), rows["year"].max()))
    ax.set_xlim(lo - 0.2, hi + 1.2)
    ax.xaxis.set_major_locator(FixedLocator(range(lo, hi + 2)))
    ax.tick_params(labelsize=layout.SIZES["tick"])
    ax.grid(axis="x", color="#eeeeee", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.set_xlabel(labels.text("year", lang), fontsize=layout.SIZES["tick"])
    if own is None:
        layout.heading(fig, labels.text("timeline", lang))
    handles = [
        Line2D([], [], color="#999999", linewidth=6, alpha=0.4, label=labels.text("period", lang)),
        Line2D([], [], color="#333333", marker="|", markersize=10, linestyle="none", label=labels.text("issued", lang)),
        Line2D([], [], color=marks.GREY, marker="o", linestyle="none", label=labels.text("targets", lang)),
        Line2D([], [], color=marks.EDGE, marker="s", markerfacecolor="white", linestyle="none",
               label=labels.text("baselines", lang)),
    ]
    return layout.finish(fig, handles=handles, note_parts=_note_parts(docs["doc_id"], lang), own_axes=own)


def document_names(docs: pd.DataFrame, lang: str) -> list[str]:
    """A name per document: its region, with the year of issue where a region has several documents
    (重庆市 (2021), 重庆市 (2026)), and the doc_id where that is not enough."""
    region = docs[labels.region_column(lang)]
    named = [labels.text("doc_row", lang, region=r, year=d.year) if (region == r).sum() > 1 else r
             for r, d in zip(region, docs["issued"])]
    return [f"{n} · {doc_id}" if named.count(n) > 1 else n for n, doc_id in zip(named, docs["doc_id"])]


def _timeline_row(ax, i: int, doc: dict, rows: pd.DataFrame, colour: str) -> None:
    """One document: its period as a band, its issue date as a tick, its years as counted marks."""
    ax.barh(i, doc["period_end"] + 1 - doc["period_start"], left=doc["period_start"], height=0.5,
            color=colour, alpha=0.18, edgecolor=colour)
    issued = doc["issued"]
    ax.plot(issued.year + (issued.day_of_year - 1) / 365, i, marker="|", markersize=14, color="#333333")
    for kind, marker, shift in (("target", "o", 0.62), ("baseline", "s", 0.38)):
        years = rows[rows["kind"] == kind]["year"].astype(int).value_counts().sort_index()
        for year, n in years.items():
            ax.scatter(year + shift, i, s=22, marker=marker, zorder=3, linewidths=1,
                       color=colour if kind == "target" else "white", edgecolors=colour if kind == "target" else "#444444")
            ax.annotate(str(n), (year + shift, i), xytext=(0, -6), textcoords="offset points", ha="center",
                        va="top", fontsize=layout.SIZES["label"])


def _pairs(sub: pd.DataFrame, docs: pd.DataFrame) -> tuple[list[tuple[int, int]], list[int]]:
    """Within one metric and province: (baseline, target) index pairs of the same document and tier,
    and the baselines of a province-level document that other regions' shares can be read against."""
    links, refs = [], []
    top_level = set(docs.loc[docs["admin_level"].isin(["municipality", "province"]), "doc_id"])
    for i, b in sub[sub["kind"] == "baseline"].iterrows():
        later = sub[(sub["kind"] == "target") & (sub["year"] > b["year"])]
        own = later[(later["doc_id"] == b["doc_id"]) & (later["tier"] == b["tier"])]
        links += [(i, j) for j in own.index]
        others = later[later["doc_id"] != b["doc_id"]]
        if b["doc_id"] in top_level and b["unit"] in INTENSIVE_UNITS and not others.empty:
            refs.append(i)
    return links, refs


INTENSIVE_UNITS = ("percent", "multiple")
REFERENCE_STYLES = (":", "--", "-.")
"""Line styles of reference baselines, in the order they are first drawn: each baseline its own."""
"""Units whose values compare across regions of different size (shares, multiples), unlike counts."""


def _b2t_panels(rows: pd.DataFrame) -> list[tuple[str, pd.DataFrame, list, list]]:
    """(metric, rows to draw, own links, reference baselines) for every metric and province that has
    a region's own baseline → target, or a province-level baseline other regions' targets face."""
    docs = load_documents()
    panels = []
    for (m, _), sub in rows.groupby(["metric_id", "province"], sort=False, observed=True):
        if not {"baseline", "target"} <= set(sub["kind"]):
            continue
        links, refs = _pairs(sub, docs)
        if not links and not refs:
            continue
        keep = {i for link in links for i in link} | set(refs)
        for i in refs:
            keep |= set(sub[(sub["kind"] == "target") & (sub["year"] > sub.at[i, "year"])].index)
        panels.append((m, sub.loc[sorted(keep)], links, refs))
    return panels


@layout.chart_function
def baseline_target_chart(metric: str | Iterable[str] | None = None, *, lang: str = "zh",
                          df: pd.DataFrame | None = None, ncols: int = 2) -> layout.Chart:
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

    Returns
    -------
    Chart
        A matplotlib Figure (:class:`~vetcompare.analysis.layout.Chart`) that Jupyter shows; save it
        with :func:`~vetcompare.analysis.plot.save_figure`.

    Raises
    ------
    UnknownName
        ``metric`` matches no statement.
    ValueError
        No metric has a baseline and a later target to read against it, or an unknown language.
    """
    labels.check(lang)
    rows = select(df, metric=metric) if metric is not None else (load_targets() if df is None else df)
    panels = _b2t_panels(_dated(rows))
    if not panels:
        raise ValueError("no metric has a baseline and a later target to read against it")
    ncols = max(1, min(ncols, len(panels)))
    nrows = int(np.ceil(len(panels) / ncols))
    fig = layout.new_chart(height=min(2.5 * nrows, layout.PAGE_HEIGHT - 1.6))
    axes = fig.subplots(nrows, ncols, squeeze=False).ravel()
    colours, region = region_colours(lang), labels.region_column(lang)
    drawn, lines = marks.Drawn(), {}
    for ax, (m, sub, links, refs) in zip(axes, panels):
        _b2t_panel(ax, sub, links, refs, colours, region, lang, drawn, lines)
        _style_panel(ax, _panel_title(m, sub["unit"].iloc[0], lang), "y")
    for ax in axes[len(panels):]:
        ax.set_visible(False)
    used = set(pd.concat([p[1] for p in panels])[region])
    handles = marks.colour_handles({r: c for r, c in colours.items() if r in used})
    handles += marks.legend_handles(drawn.keys, lang) + list(lines.values())
    layout.heading(fig, labels.text("b2t", lang))
    layout.finish(fig, handles=handles, note_parts=_note_parts(pd.concat([p[1] for p in panels])["doc_id"], lang))
    layout.place_labels(fig, drawn.labels, drawn.artists)
    return fig


def _b2t_panel(ax, sub, links, refs, colours, region, lang, drawn, lines) -> None:
    """One metric: own links as solid lines, reference baselines as dotted lines, then the marks."""
    order = [r for r in colours if r in set(sub[region])]
    x = sub["year"].astype(float) + _dodged(sub, "year", DODGE, order, region)
    _year_axis(ax, sub["year"], lang, show=True)
    for i, j in links:
        drawn.artists += ax.plot([x[i], x[j]], [sub.at[i, "value_high"], sub.at[j, "value_low"]],
                                 color=colours[sub.at[i, region]], linewidth=1.2, zorder=1)
        lines["link"] = Line2D([], [], color=marks.GREY, linewidth=1.2, label=labels.text("link", lang))
    for i in refs:
        key = ("reference", sub.at[i, region], int(sub.at[i, "year"]))
        if key not in lines:  # one legend entry, and one line style, per baseline (a region's 2020 and 2025)
            style = REFERENCE_STYLES[sum(k[0] == "reference" for k in lines) % len(REFERENCE_STYLES)]
            lines[key] = Line2D([], [], color=marks.GREY, linestyle=style, linewidth=1.2, label=labels.text(
                "reference", lang, line=labels.text(f"line_{style}", lang), region=key[1], year=key[2]))
        drawn.artists += ax.plot([x[i], ax.get_xlim()[1]], [sub.at[i, "value_high"]] * 2, color=marks.GREY,
                                 linestyle=lines[key].get_linestyle(), linewidth=1.2, zorder=1)  # labels keep off it
    for idx, row in zip(sub.index, sub.to_dict("records")):
        marks.draw(ax, x[idx], row, colours[row[region]], drawn, label=_value_label(row, lang))
    _value_axis(ax, ax.yaxis, sub["unit"].iloc[0], sub["value_high"], lang)


# The same chart gives the same file on every run and machine (a report can be compared with the
# last one): its own size whatever a matplotlibrc says of cropping, SVG ids from a fixed salt
# instead of a random one, and no time of saving in SVG or PDF.
_SAME_BYTES = {"svg.hashsalt": "vetcompare", "savefig.bbox": "standard"}
_SAVE_OPTIONS = {"svg": {"metadata": {"Creator": "vetcompare", "Date": None}},
                 "pdf": {"metadata": {"Creator": "vetcompare", "CreationDate": None}}}


def svg_bytes(fig) -> bytes:
    """``fig`` as SVG (text drawn as paths), in memory."""
    buffer = io.BytesIO()
    with mpl.rc_context({**rc_params(), **_SAME_BYTES}):
        fig.savefig(buffer, format="svg", **_SAVE_OPTIONS["svg"])
    return buffer.getvalue()


def save_figure(fig, path: str | Path, formats: Iterable[str] = FORMATS, dpi: int = 300) -> list[Path]:
    """Write ``fig`` as PNG (300 dpi), SVG and PDF beside ``path`` (its suffix is replaced); return the paths.

    The font is embedded in the PDF and drawn as paths in the SVG, so both show Chinese on a machine with no
    CJK font. Each file is written atomically; the figure keeps its size: what you see is what the page gets.

    Parameters
    ----------
    fig : matplotlib Figure
        The figure to save: a chart of :mod:`vetcompare.analysis.plot`, or one of your own.
    path : str or Path
        Where to write: ``out/chart`` writes ``out/chart.png``, ``.svg`` and ``.pdf`` (the folder is made if needed).
    formats : iterable of {"png", "svg", "pdf"}, default ("png", "svg", "pdf")
        The formats to write.
    dpi : int, default 300
        Resolution of the PNG.

    Returns
    -------
    list of Path
        The files written, in the order of ``formats``.

    Raises
    ------
    ValueError
        A format other than png, svg or pdf.
    WriteError
        A file could not be written (the message names it; a previous file is left as it was).
    """
    path = Path(path)
    formats = list(formats)
    for fmt in formats:
        if fmt not in FORMATS:
            raise ValueError(f"format {fmt!r} not supported; use {', '.join(FORMATS)}")
    written = []
    with mpl.rc_context({**rc_params(), **_SAME_BYTES}):
        for fmt in formats:
            target = path.with_suffix("." + fmt)
            with atomic_path(target) as tmp:
                if fmt == "png":
                    tmp.write_bytes(figure_png(fig, dpi))
                else:
                    fig.savefig(tmp, format=fmt, dpi=dpi, **_SAVE_OPTIONS[fmt])
            written.append(target)
    return written
