"""The coverage chart: how many statements each region makes per theme (or metric), as a shaded table."""

from __future__ import annotations
from .registry import ReportChart


import numpy as np
import pandas as pd

from ... import labels, schema
from ...data.folder import table_and_folder
from .. import layout
from .common import (metric_label, note_parts,
                     region_colours)


def _wrapped(name: str) -> str:
    """A long English region name on two lines ("Chongqing\nMunicipality")."""
    head, _, tail = name.rpartition(" ")
    return f"{head}\n{tail}" if head and len(name) > 12 else name


@layout.chart_function
def coverage_chart(*, lang: str = "zh", df: pd.DataFrame | None = None, by: str = "theme", ax=None,
                   width: float = 16.0) -> layout.Chart:
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
        An unknown ``by`` or language.
    """
    labels.check(lang)
    if by not in ("theme", "metric_id"):
        raise ValueError("by must be 'theme' or 'metric_id'")
    rows, data = table_and_folder(df)
    region = labels.region_column(lang)
    regions = [r for r in region_colours(lang, data) if r in set(rows[region])]
    if by == "theme":
        keys = [t for t in schema.THEMES if t in set(rows["theme"])]
        names = [labels.pick(labels.THEMES[k], lang) for k in keys]
    else:
        keys = [k for k in dict.fromkeys(data.codebook()["metric_id"]) if k in set(rows["metric_id"])]
        names = [metric_label(k, lang, data) for k in keys]
    counts = rows.groupby([by, region], observed=True).size().unstack(region).reindex(index=keys, columns=regions)
    counts = counts.fillna(0).astype(int).to_numpy()
    own = ax
    fig, (ax,) = layout.panels(own, 1, 1, 1, height=min(0.9 + 0.26 * len(keys), layout.PAGE_HEIGHT - 1.2),
                               width=layout.inches(width))
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
    return layout.finish(fig, note_parts=note_parts(rows["doc_id"], lang, data), own_axes=own)


REPORT = [ReportChart("04_coverage", ("各地区各主题的量化表述数", "Quantitative statements per theme and region"),
                     lambda lang, df, **options: coverage_chart(lang=lang, df=df, **options), cost=1, doc_image=("coverage_en.png", "en"))]
