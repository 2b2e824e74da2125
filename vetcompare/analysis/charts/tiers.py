"""The tier chart: counts of quality schools and programmes per region, coloured by recognition tier."""

from __future__ import annotations

from typing import Iterable

import pandas as pd

from ... import labels
from .. import layout
from .dots import dot_chart
from .registry import ReportChart


QUALITY_METRICS = (
    "schools.secondary.high_level", "schools.secondary.demonstration", "schools.secondary.renowned",
    "schools.higher.high_level", "programmes.secondary.high_level", "programmes.secondary.high_level_group",
    "programmes.secondary.demonstration", "programmes.secondary.renowned", "programmes.higher.high_level_group",
)


@layout.chart_function
def tier_chart(*, lang: str = "zh", df: pd.DataFrame | None = None, metrics: Iterable[str] = QUALITY_METRICS,
               kinds: Iterable[str] = ("target", "baseline"), width: float = 16.0) -> layout.Chart:
    """Counts of quality schools and programmes per region, coloured by recognition tier.

    One panel per metric that has values (never summed across different programmes), a row per
    region; the label gives the year. Counts from 1 to 130 share a log axis (see the rules of
    :mod:`vetcompare.analysis.charts`).

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
        None of ``metrics`` has a statement.
    ValueError
        No value to draw, or an unknown kind or language.
    """
    return dot_chart(list(metrics), lang=lang, df=df, kinds=kinds, colour_by="tier", title=labels.text("tiers", lang), width=width,
                     exact=True)


REPORT = [ReportChart("03_quality_schools_by_tier", ("按认定级别的优质学校与专业数",
                                                      "Quality schools and programmes by recognition tier"),
                     lambda lang, df, **options: tier_chart(lang=lang, df=df, **options), cost=7, doc_image=("tiers_zh.png", "zh"))]
