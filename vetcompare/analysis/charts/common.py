"""What the report charts share: region and tier colours, the source note, panel titles, value labels, and
the value and year axes that follow the rules of :mod:`vetcompare.analysis.charts`."""

from __future__ import annotations

from typing import Iterable

import pandas as pd
from matplotlib.ticker import FixedLocator, FuncFormatter, MaxNLocator

from ... import labels, schema
from ...data.folder import DataFolder, folder
from .. import layout
from ..compare import scaled


REGION_COLOURS = ["#1f4e79", "#c0504d", "#2e8b57", "#e69f00", "#7b3f98", "#56b4e9", "#8c564b"]


TIER_COLOURS = {"national": "#b2182b", "provincial": "#ef8a62", "prefecture": "#67a9cf",
                "district": "#2166ac", "none": "#999999"}


LOG_SPREAD = 20


DODGE = 0.22  # years between marks that share a year


ROW_DODGE = 0.2  # rows between marks that share a row


def region_colours(lang: str = "zh", data: DataFolder | None = None) -> dict[str, str]:
    """Each region's colour, fixed by the order of ``data``'s registry (default: the default folder) so that
    it is the same in every chart."""
    names = folder(data).documents()[labels.region_column(lang)]
    return {name: REGION_COLOURS[i % len(REGION_COLOURS)] for i, name in enumerate(dict.fromkeys(names))}


def note_parts(doc_ids: Iterable[str], lang: str, data: DataFolder | None = None) -> list[str]:
    """The parts of the source note: each document drawn, by region and date, in registry order."""
    docs = folder(data).documents().set_index("doc_id")
    order = list(docs.index)
    used = sorted(set(doc_ids), key=order.index)
    region = labels.region_column(lang)
    parts = [f"{docs.at[d, region]} {docs.at[d, 'issued']:%Y-%m-%d}" for d in used]
    parts[0] = f"{labels.text('source_head', lang)}: {parts[0]}"
    return parts + [labels.text("source_tail", lang)]


def source_note(doc_ids: Iterable[str], lang: str = "zh", data: DataFolder | None = None) -> str:
    """The note naming each document drawn: region and date of issue."""
    return "; ".join(note_parts(doc_ids, lang, data))


def metric_label(metric_id: str, lang: str, data: DataFolder | None = None) -> str:
    """The label of a metric in ``lang``, from ``data``'s codebook."""
    return folder(data).codebook().set_index("metric_id").at[metric_id, labels.metric_column(lang)]


def panel_title(metric_id: str, unit: str, lang: str, data: DataFolder | None = None) -> str:
    """A panel's title: the metric's label and, for a unit with a word, the word."""
    unit_word = labels.pick(labels.UNITS[unit], lang)
    return metric_label(metric_id, lang, data) + (f" ({unit_word})" if unit_word and not schema.unit(unit).bare else "")


def value_label(row, lang: str, *, with_year: bool = False) -> str:
    text = schema.COMPARATOR_SYMBOLS[row["comparator"]] + scaled(row["value_low"], row["unit"], lang)
    if row["value_high"] != row["value_low"]:
        text += "–" + scaled(row["value_high"], row["unit"], lang)
    text += "%" if schema.unit(row["unit"]).share else ""
    return text + (f" ({int(row['year'])})" if with_year and pd.notna(row["year"]) else "")


def value_axis(ax, axis, unit: str, values: pd.Series, lang: str, *, log: bool = False) -> None:
    """Limits, ticks and plain tick labels for a value axis, by the rules in the module docstring."""
    top = float(values.max())
    set_lim = ax.set_xlim if axis is ax.xaxis else ax.set_ylim
    if log:
        (ax.set_xscale if axis is ax.xaxis else ax.set_yscale)("log")
        ticks = [t for t in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000) if t <= top * 3]
        axis.set_major_locator(FixedLocator(ticks))
        axis.set_minor_locator(FixedLocator([]))
        set_lim(0.7, top * 1.8)
    elif schema.unit(unit).share:
        set_lim(0, 100 if top <= 100 else top * 1.1)  # beyond 100 only for a value over 100
        axis.set_major_locator(FixedLocator(range(0, int(max(100, top)) + 1, 20)))
    else:
        set_lim(0, top * 1.25 if top > 0 else 1)
        axis.set_major_locator(MaxNLocator(nbins=5, integer=schema.unit(unit).whole))
    axis.set_major_formatter(FuncFormatter(lambda v, _: scaled(v, unit, lang) if v >= 0 else f"{v:g}"))
    axis.set_tick_params(labelsize=layout.SIZES["tick"])


def dated(rows: pd.DataFrame) -> pd.DataFrame:
    return rows[rows["value_low"].notna() & rows["year"].notna()]


def dodged(rows: pd.DataFrame, key: str, step: float, region_order: list[str], region: str) -> pd.Series:
    """Positions that spread the rows sharing a ``key`` value side by side, in region order."""
    order = rows.assign(_r=rows[region].map({r: i for i, r in enumerate(region_order)}))
    order = order.sort_values([key, "_r", "value_low"])
    position = pd.Series(0.0, index=rows.index)
    for _, group in order.groupby(key, sort=False, observed=True):
        n = len(group)
        for i, idx in enumerate(group.index):
            position[idx] = (i - (n - 1) / 2) * step
    return position


def year_axis(ax, years: pd.Series, lang: str, *, show: bool) -> None:
    lo, hi = int(years.min()), int(years.max())
    ax.set_xlim(lo - 0.75, hi + 0.75)
    ax.xaxis.set_major_locator(FixedLocator(range(lo, hi + 1, 1 if hi - lo <= 9 else 2)))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:.0f}"))
    ax.tick_params(labelsize=layout.SIZES["tick"], labelbottom=show)
    if show:
        ax.set_xlabel(labels.text("year", lang), fontsize=layout.SIZES["tick"])


def style_panel(ax, title: str, value_axis: str) -> None:
    ax.set_title(title, fontsize=layout.SIZES["panel"], loc="left")
    ax.grid(axis=value_axis, color="#e8e8e8", linewidth=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
