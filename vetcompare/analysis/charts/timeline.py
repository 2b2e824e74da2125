"""The timeline: each document's plan period, date of issue, and its targets and baselines per year."""

from __future__ import annotations
from .registry import ReportChart


import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.ticker import FixedLocator

from ... import labels
from ...data.folder import table_and_folder
from .. import layout, marks
from .common import (note_parts,
                     region_colours)


@layout.chart_function
def timeline_chart(*, lang: str = "zh", df: pd.DataFrame | None = None, ax=None,
                   width: float = 16.0) -> layout.Chart:
    """Each document's plan period, date of issue, and how many targets and baselines fall in each year.

    Parameters
    ----------
    lang : {"zh", "en"}, default "zh"
        Language of titles, labels, legend and source note.
    df : DataFrame, optional
        The statements to draw from (default: every statement of the default folder).
    ax : matplotlib Axes, optional
        Draw into this axes of your own figure (its legend inside the axes) instead of a new chart; the
        source note is then ``ax.source_note``, a caption to place.
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
    ValueError
        An unknown language.
    """
    labels.check(lang)
    rows, data = table_and_folder(df)
    docs = data.documents()
    docs = docs[docs["doc_id"].isin(set(rows["doc_id"]))].reset_index(drop=True)
    colours, region = region_colours(lang, data), labels.region_column(lang)
    own = ax
    fig, (ax,) = layout.panels(own, 1, 1, 1, height=0.9 + 0.55 * len(docs), width=layout.inches(width))
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
    return layout.finish(fig, handles=handles, note_parts=note_parts(docs["doc_id"], lang, data), own_axes=own)


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


REPORT = [ReportChart("05_timeline", ("规划期与目标年份", "Plan periods and target years"),
                     lambda lang, df, **options: timeline_chart(lang=lang, df=df, **options), cost=2)]
