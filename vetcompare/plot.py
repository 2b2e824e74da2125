"""Charts for reports: each function returns a matplotlib Figure with Chinese or English labels.

Marks follow one grammar in every chart, so a reader learns it once:

- a single value is a dot; a range (1–2所) is a segment between its ends;
- "≥"/">" is an upward triangle with an arrow (open-ended), "≤"/"<" a downward one, "≈" a diamond;
- a hedged target (力争) is hollow; a baseline (already reached) is a grey-edged square;
- each region keeps its colour across charts; every figure names its sources in a footnote.

Figures are built with :class:`matplotlib.figure.Figure` (no pyplot state), and the
Chinese font is registered on first use (:func:`vetcompare.fonts.use_cjk_font`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from . import schema
from .atomic import atomic_path
from .compare import TIER_LABELS, _scaled, select
from .fonts import use_cjk_font
from .load import load_codebook, load_documents, load_targets

REGION_COLOURS = ["#1f4e79", "#c0504d", "#2e8b57", "#e69f00", "#7b3f98", "#56b4e9", "#8c564b"]
TIER_COLOURS = {"national": "#b2182b", "provincial": "#ef8a62", "prefecture": "#67a9cf",
                "district": "#2166ac", "none": "#999999"}
MARKERS = {"eq": "o", "ge": "^", "gt": "^", "le": "v", "lt": "v", "approx": "D"}
TEXT = {  # label id -> (Chinese, English)
    "year": ("年份", "Year"),
    "source": ("来源", "Source"),
    "range": ("区间 (如1–2所)", "range (e.g. 1–2)"),
    "ge": ("≥ / > 下限 (开放)", "≥ / > floor (open-ended)"),
    "le": ("≤ / < 上限", "≤ / < ceiling"),
    "approx": ("≈ 约/左右", "≈ about"),
    "eq": ("= 确定值", "= exact value"),
    "hedged": ("空心/虚线: 力争", "hollow/dashed: aspirational (力争)"),
    "baseline": ("方块: 基线(已达到)", "square: baseline (reached)"),
    "coverage": ("各地区各主题的量化表述数", "Quantitative statements per theme and region"),
    "timeline": ("规划期与目标年份", "Plan periods and target years"),
    "issued": ("发布", "issued"),
    "period": ("规划期", "plan period"),
    "targets": ("目标年份(点大小=目标数)", "target years (dot size = number of targets)"),
    "baselines": ("基线年份", "baseline years"),
    "tiers": ("按认定级别的优质学校与专业数", "Quality schools and programmes by recognition tier"),
    "b2t": ("基线→目标", "Baseline → target"),
    "count": ("数量", "count"),
    "none": ("未标级别", "no tier"),
}


def _t(key: str, lang: str) -> str:
    return TEXT[key][0 if lang == "zh" else 1]


def _check_lang(lang: str) -> None:
    if lang not in ("zh", "en"):
        raise ValueError("lang must be 'zh' or 'en'")


def region_colours(lang: str = "zh") -> dict[str, str]:
    """Each region's colour, fixed by the registry order so that it is the same in every chart."""
    docs = load_documents()
    names = docs["region" if lang == "zh" else "region_en"]
    return {name: REGION_COLOURS[i % len(REGION_COLOURS)] for i, name in enumerate(dict.fromkeys(names))}


def _new_figure(width: float, height: float) -> Figure:
    use_cjk_font()
    fig = Figure(figsize=(width, height), layout="constrained")
    return fig


def source_note(doc_ids: Iterable[str], lang: str = "zh") -> str:
    """The footnote naming each document drawn: region, issuer and date."""
    docs = load_documents().set_index("doc_id")
    parts = []
    for doc in dict.fromkeys(doc_ids):
        row = docs.loc[doc]
        region = row["region"] if lang == "zh" else row["region_en"]
        parts.append(f"{region} {row['issued']:%Y-%m-%d}")
    head = "来源: 各地政策文本" if lang == "zh" else "Source: policy texts"
    tail = "。整理: vetcompare" if lang == "zh" else "; compiled with vetcompare"
    return f"{head} ({'; '.join(parts)}){tail}"


def _footnote(fig: Figure, doc_ids: Iterable[str], lang: str) -> None:
    """The source note under the figure, wrapped to the figure's width."""
    order = list(load_documents()["doc_id"])
    note = source_note(sorted(set(doc_ids), key=order.index), lang)
    width = max(40, int(fig.get_figwidth() * (14 if lang == "zh" else 20)))
    lines, line = [], ""
    for part in note.split("; "):
        if line and len(line) + len(part) + 2 > width:
            lines.append(line + ";")
            line = part
        else:
            line = f"{line}; {part}" if line else part
    lines.append(line)
    fig.supxlabel("\n".join(lines), fontsize=7, color="#555555", x=0.0, ha="left")


def _metric_label(metric_id: str, lang: str) -> str:
    codebook = load_codebook().set_index("metric_id")
    return codebook.at[metric_id, "label_zh" if lang == "zh" else "label_en"]


def _unit_suffix(unit: str, lang: str) -> str:
    label = schema.UNIT_LABELS[unit][0 if lang == "zh" else 1]
    return f" ({label})" if label else ""


def _draw_mark(ax, x: float, row, colour: str, *, horizontal: bool = False, label: str | None = None) -> None:
    """One statement: dot, range segment, open-ended arrow or diamond; hollow if hedged; square if baseline."""
    low, high = row["value_low"], row["value_high"]
    baseline = row["kind"] == "baseline"
    marker = "s" if baseline else MARKERS[row["comparator"]]
    face = "white" if row["hedged"] else colour
    edge = "#444444" if baseline else colour
    style = "--" if row["hedged"] else "-"

    def xy(a, b):
        return (b, a) if horizontal else (a, b)

    if high != low:
        (x0, y0), (x1, y1) = xy(x, low), xy(x, high)
        ax.plot([x0, x1], [y0, y1], color=colour, linewidth=3, linestyle=style, solid_capstyle="butt", zorder=2)
        for v in (low, high):
            ax.plot(*xy(x, v), marker="_" if not horizontal else "|", markersize=10, color=colour, zorder=3)
        mid = (low + high) / 2
        ax.plot(*xy(x, mid), marker=marker if marker != "o" else "o", markersize=6, markerfacecolor=face,
                markeredgecolor=edge, linestyle="none", zorder=4)
    else:
        ax.plot(*xy(x, low), marker=marker, markersize=8, markerfacecolor=face, markeredgecolor=edge,
                markeredgewidth=1.5, linestyle="none", zorder=4)
    if row["comparator"] in ("ge", "gt", "le", "lt"):
        up = row["comparator"] in ("ge", "gt")
        reach = 16 if up else -16  # points: an open end, not a value
        ax.annotate("", xy=xy(x, high if up else low), xytext=xy(0, reach), textcoords="offset points",
                    arrowprops=dict(arrowstyle="<|-", color=colour, lw=1.2, linestyle=style,
                                    shrinkA=0, shrinkB=4), zorder=3)
    if label:
        ax.annotate(label, xy=xy(x, high), xytext=(6, 4), textcoords="offset points", fontsize=7, color=colour)


def _value_axis(axis, unit: str, lang: str) -> None:
    """Plain tick labels: whole numbers for counts, 万/亿 or thousand/million for large values."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    if unit in ("count", "rank"):
        axis.set_major_locator(MaxNLocator(integer=True))
    axis.set_major_formatter(FuncFormatter(lambda v, _: _scaled(v, unit, lang) if v >= 0 else f"{v:g}"))


def _legend_handles(lang: str, colours: dict[str, str]) -> list[Line2D]:
    handles = [Line2D([], [], color=c, marker="o", linestyle="none", label=r) for r, c in colours.items()]
    grey = "#555555"
    handles += [
        Line2D([], [], color=grey, linewidth=3, label=_t("range", lang)),
        Line2D([], [], color=grey, marker="^", linestyle="none", label=_t("ge", lang)),
        Line2D([], [], color=grey, marker="D", linestyle="none", label=_t("approx", lang)),
        Line2D([], [], color=grey, marker="o", markerfacecolor="white", linestyle="none", label=_t("hedged", lang)),
        Line2D([], [], color=grey, marker="s", markeredgecolor="#444444", linestyle="none",
               label=_t("baseline", lang)),
    ]
    return handles


def _value_label(row, lang: str) -> str:
    sym = schema.COMPARATOR_SYMBOLS[row["comparator"]]
    text = _scaled(row["value_low"], row["unit"], lang)
    if row["value_high"] != row["value_low"]:
        text += "–" + _scaled(row["value_high"], row["unit"], lang)
    return sym + text + ("%" if row["unit"] == "percent" else "")


def metric_chart(metric: str | Iterable[str], *, lang: str = "zh", df: pd.DataFrame | None = None,
                 kinds: Iterable[str] = ("target", "baseline"), ncols: int = 2) -> Figure:
    """A metric (or a family such as ``employment``) across regions on a shared year axis.

    One small panel per metric, one mark per statement placed at its year,
    regions side by side within a year; standards (no year) and qualitative
    statements are left out.
    """
    _check_lang(lang)
    rows = select(df, metric=metric, kind=list(kinds))
    rows = rows[rows["value_low"].notna() & rows["year"].notna()]
    if rows.empty:
        raise ValueError(f"no dated values for {metric!r}: nothing to draw")
    metrics = list(dict.fromkeys(rows["metric_id"]))
    ncols = max(1, min(ncols, len(metrics)))
    nrows = int(np.ceil(len(metrics) / ncols))
    fig = _new_figure(5.2 * ncols, 3.4 * nrows + 1.2)
    axes = np.atleast_1d(fig.subplots(nrows, ncols, sharex=True, squeeze=False)).ravel()
    colours = region_colours(lang)
    region_col = "region" if lang == "zh" else "region_en"
    regions = [r for r in colours if r in set(rows[region_col])]
    offsets = {r: (i - (len(regions) - 1) / 2) * 0.12 for i, r in enumerate(regions)}
    years = rows["year"].astype(int)
    for ax, m in zip(axes, metrics):
        sub = rows[rows["metric_id"] == m]
        for row in sub.to_dict("records"):
            r = row[region_col]
            _draw_mark(ax, int(row["year"]) + offsets[r], row, colours[r], label=_value_label(row, lang))
        unit = sub["unit"].iloc[0]
        _value_axis(ax.yaxis, unit, lang)
        ax.set_title(_metric_label(m, lang) + _unit_suffix(unit, lang), fontsize=10, loc="left")
        ax.grid(axis="y", color="#e5e5e5")
        ax.set_xlim(years.min() - 0.8, years.max() + 1.3)  # room for the labels right of the marks
        ax.set_xticks(range(years.min(), years.max() + 1))
        ax.margins(y=0.25)
        if unit == "percent":
            ax.set_ylim(bottom=max(0, ax.get_ylim()[0]))
    for ax in axes[len(metrics):]:
        ax.set_visible(False)
    for ax in axes[-ncols:]:
        ax.set_xlabel(_t("year", lang))
    fig.legend(handles=_legend_handles(lang, {r: colours[r] for r in regions}), loc="outside right upper",
               fontsize=8, frameon=False)
    _footnote(fig, rows["doc_id"], lang)
    return fig


QUALITY_METRICS = (
    "schools.secondary.high_level", "schools.secondary.demonstration", "schools.secondary.renowned",
    "schools.higher.high_level", "programmes.secondary.high_level", "programmes.secondary.high_level_group",
    "programmes.secondary.demonstration", "programmes.secondary.renowned", "programmes.higher.high_level_group",
)


def tier_chart(*, lang: str = "zh", df: pd.DataFrame | None = None,
               metrics: Iterable[str] = QUALITY_METRICS, kinds: Iterable[str] = ("target", "baseline")) -> Figure:
    """Counts of quality schools and programmes per region, grouped by recognition tier.

    One panel per metric (never summed across different programmes), regions
    down the side, one row of marks per tier; the label gives the year.
    """
    _check_lang(lang)
    rows = select(df, metric=list(metrics), kind=list(kinds))
    rows = rows[rows["value_low"].notna()]
    present = [m for m in metrics if m in set(rows["metric_id"])]
    ncols = 3
    nrows = int(np.ceil(len(present) / ncols))
    fig = _new_figure(15, 2.9 * nrows + 1.0)
    axes = np.atleast_1d(fig.subplots(nrows, ncols, squeeze=False)).ravel()
    region_col = "region" if lang == "zh" else "region_en"
    regions = [r for r in region_colours(lang) if r in set(rows[region_col])]
    tiers = [t for t in schema.TIERS if t in set(rows["tier"])]
    dodge = {t: (i - (len(tiers) - 1) / 2) * 0.18 for i, t in enumerate(tiers)}
    for ax, m in zip(axes, present):
        sub = rows[rows["metric_id"] == m]
        for row in sub.to_dict("records"):
            y = regions.index(row[region_col]) + dodge[row["tier"]]
            label = _value_label(row, lang) + (f" ({int(row['year'])})" if pd.notna(row["year"]) else "")
            _draw_mark(ax, y, row, TIER_COLOURS[row["tier"]], horizontal=True, label=label)
        ax.set_yticks(range(len(regions)), regions, fontsize=8)
        ax.set_ylim(len(regions) - 0.5, -0.5)
        ax.set_title(_metric_label(m, lang), fontsize=10, loc="left")
        ax.set_xlim(left=0)
        ax.margins(x=0.3)
        _value_axis(ax.xaxis, "count", lang)
        ax.grid(axis="x", color="#e5e5e5")
    for ax in axes[len(present):]:
        ax.set_visible(False)
    handles = [Line2D([], [], color=TIER_COLOURS[t], marker="o", linestyle="none",
                      label=(TIER_LABELS[t][0 if lang == "zh" else 1] or _t("none", lang))) for t in tiers]
    handles += _legend_handles(lang, {})
    fig.legend(handles=handles, loc="outside right upper", fontsize=8, frameon=False)
    fig.suptitle(_t("tiers", lang), x=0.0, ha="left", fontsize=12)
    _footnote(fig, rows["doc_id"], lang)
    return fig


def coverage_chart(*, lang: str = "zh", df: pd.DataFrame | None = None, by: str = "theme") -> Figure:
    """Heat map of how many statements each region makes per theme (or per metric)."""
    _check_lang(lang)
    if by not in ("theme", "metric_id"):
        raise ValueError("by must be 'theme' or 'metric_id'")
    rows = load_targets() if df is None else df
    region_col = "region" if lang == "zh" else "region_en"
    regions = [r for r in region_colours(lang) if r in set(rows[region_col])]
    if by == "theme":
        keys = [t for t in schema.THEMES if t in set(rows["theme"])]
        labels = [schema.THEMES[k][0 if lang == "zh" else 1] for k in keys]
    else:
        keys = list(dict.fromkeys(load_codebook()["metric_id"]))
        keys = [k for k in keys if k in set(rows["metric_id"])]
        labels = [_metric_label(k, lang) for k in keys]
    counts = rows.groupby([by, region_col]).size().unstack(region_col).reindex(index=keys, columns=regions)
    counts = counts.fillna(0).astype(int)
    fig = _new_figure(2.0 + 1.3 * len(regions), 1.2 + 0.38 * len(keys))
    ax = fig.subplots()
    image = ax.imshow(counts.to_numpy(), cmap="Blues", aspect="auto", vmin=0)
    ax.set_xticks(range(len(regions)), regions)
    ax.set_yticks(range(len(keys)), labels, fontsize=8 if by == "metric_id" else 10)
    ax.xaxis.tick_top()
    peak = max(1, counts.to_numpy().max())
    for (i, j), n in np.ndenumerate(counts.to_numpy()):
        ax.text(j, i, str(n) if n else "–", ha="center", va="center", fontsize=9,
                color="white" if n > peak * 0.6 else "#222222")
    fig.colorbar(image, ax=ax, shrink=0.6)
    ax.set_title(_t("coverage", lang), fontsize=12, loc="left", pad=24)
    _footnote(fig, rows["doc_id"], lang)
    return fig


def timeline_chart(*, lang: str = "zh", df: pd.DataFrame | None = None) -> Figure:
    """Each document's plan period, issue date and the years its targets and baselines fall in."""
    _check_lang(lang)
    rows = load_targets() if df is None else df
    docs = load_documents()
    docs = docs[docs["doc_id"].isin(set(rows["doc_id"]))].reset_index(drop=True)
    colours = region_colours(lang)
    region_col = "region" if lang == "zh" else "region_en"
    fig = _new_figure(10, 1.2 + 0.7 * len(docs))
    ax = fig.subplots()
    for i, doc in enumerate(docs.to_dict("records")):
        colour = colours[doc[region_col]]
        ax.barh(i, doc["period_end"] + 1 - doc["period_start"], left=doc["period_start"], height=0.5,
                color=colour, alpha=0.18, edgecolor=colour)
        issued = doc["issued"]
        ax.plot(issued.year + (issued.day_of_year - 1) / 365, i, marker="|", markersize=18, color="#333333")
        sub = rows[(rows["doc_id"] == doc["doc_id"]) & rows["year"].notna()]
        for kind, marker in (("target", "o"), ("baseline", "s")):
            years = sub[sub["kind"] == kind]["year"].astype(int).value_counts().sort_index()
            for year, n in years.items():
                ax.scatter(year + 0.5, i, s=30 + 14 * n, marker=marker, color=colour if kind == "target" else "white",
                           edgecolors=colour if kind == "target" else "#444444", zorder=3)
                ax.annotate(str(n), (year + 0.5, i), xytext=(0, 9), textcoords="offset points", ha="center",
                            fontsize=7)
    ax.set_yticks(range(len(docs)), docs[region_col])
    ax.set_ylim(len(docs) - 0.4, -0.6)
    lo, hi = int(docs["period_start"].min()), int(max(docs["period_end"].max(), rows["year"].max()))
    ax.set_xticks(range(lo, hi + 2))
    ax.set_xlim(lo - 0.2, hi + 1.2)
    ax.grid(axis="x", color="#eeeeee")
    ax.set_xlabel(_t("year", lang))
    handles = [
        Line2D([], [], color="#999999", linewidth=8, alpha=0.4, label=_t("period", lang)),
        Line2D([], [], color="#333333", marker="|", markersize=12, linestyle="none", label=_t("issued", lang)),
        Line2D([], [], color="#555555", marker="o", linestyle="none", label=_t("targets", lang)),
        Line2D([], [], color="#444444", marker="s", markerfacecolor="white", linestyle="none",
               label=_t("baselines", lang)),
    ]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    ax.set_title(_t("timeline", lang), fontsize=12, loc="left")
    _footnote(fig, docs["doc_id"], lang)
    return fig


INTENSIVE_UNITS = ("percent", "multiple")
"""Units whose values compare across regions of different size (shares, multiples), unlike counts."""


def _links(sub: pd.DataFrame) -> list[tuple[int, int]]:
    """(baseline index, target index) pairs that may be compared.

    A count compares only within one region and one tier (a municipality's
    total is no baseline for a district's count); a share or multiple compares
    across the regions of one province (the municipal 60% against a
    district's 80%). The target must come after the baseline.
    """
    links = []
    for i, b in sub[sub["kind"] == "baseline"].iterrows():
        for j, g in sub[sub["kind"] == "target"].iterrows():
            if g["year"] <= b["year"]:
                continue
            same_place = g["doc_id"] == b["doc_id"] and g["tier"] == b["tier"]
            if same_place or g["unit"] in INTENSIVE_UNITS:
                links.append((i, j))
    return links


def baseline_target_chart(metric: str | Iterable[str] | None = None, *, lang: str = "zh",
                          df: pd.DataFrame | None = None, ncols: int = 2) -> Figure:
    """Baseline → target where both exist for a metric within one province.

    A dashed line joins each baseline (e.g. Chongqing's 2020 achievement) to each
    dated target of the same province (the municipality's 2021 goal, a
    district's 2025 goal), so a reader sees how far each promise reaches.
    """
    _check_lang(lang)
    rows = select(df, metric=metric) if metric is not None else (load_targets() if df is None else df)
    rows = rows[rows["value_low"].notna() & rows["year"].notna()]
    pairs = []
    for (m, prov), sub in rows.groupby(["metric_id", "province"], sort=False):
        links = _links(sub)
        if links:
            keep = {i for link in links for i in link}
            pairs.append((m, prov, sub.loc[sorted(keep)], links))
    if not pairs:
        raise ValueError("no metric has both a baseline and a dated target in one province")
    ncols = max(1, min(ncols, len(pairs)))
    nrows = int(np.ceil(len(pairs) / ncols))
    fig = _new_figure(5.4 * ncols, 3.3 * nrows + 1.0)
    axes = np.atleast_1d(fig.subplots(nrows, ncols, squeeze=False)).ravel()
    colours = region_colours(lang)
    region_col = "region" if lang == "zh" else "region_en"
    used = set()
    for ax, (m, prov, sub, links) in zip(axes, pairs):
        for i, j in links:
            b, g = sub.loc[i], sub.loc[j]
            ax.plot([b["year"], g["year"]], [(b["value_low"] + b["value_high"]) / 2, (g["value_low"] + g["value_high"]) / 2],
                    linestyle=":", color=colours[g[region_col]], linewidth=1.2, zorder=1)
        for row in sub.to_dict("records"):
            _draw_mark(ax, int(row["year"]), row, colours[row[region_col]], label=_value_label(row, lang))
            used.add(row[region_col])
        ax.set_title(_metric_label(m, lang) + _unit_suffix(sub["unit"].iloc[0], lang), fontsize=10, loc="left")
        _value_axis(ax.yaxis, sub["unit"].iloc[0], lang)
        ax.margins(x=0.15, y=0.25)
        ax.grid(axis="y", color="#e5e5e5")
        ax.set_xlabel(_t("year", lang))
        lo, hi = int(sub["year"].min()), int(sub["year"].max())
        ax.set_xticks(range(lo, hi + 1))
    for ax in axes[len(pairs):]:
        ax.set_visible(False)
    fig.legend(handles=_legend_handles(lang, {r: c for r, c in colours.items() if r in used}),
               loc="outside right upper", fontsize=8, frameon=False)
    fig.suptitle(_t("b2t", lang), x=0.0, ha="left", fontsize=12)
    _footnote(fig, pd.concat([p[2] for p in pairs])["doc_id"], lang)
    return fig


FORMATS = ("png", "svg", "pdf")


def save_figure(fig: Figure, path: str | Path, formats: Iterable[str] = FORMATS, dpi: int = 300) -> list[Path]:
    """Write ``fig`` as PNG (300 dpi), SVG and PDF beside ``path`` (its suffix is replaced); return the paths.

    Fonts are embedded in the PDF (TrueType) and drawn as paths in the SVG, so
    both show Chinese on a machine with no CJK font. Each file is written to a
    temporary file first and moved into place.
    """
    use_cjk_font()
    path = Path(path)
    written = []
    for fmt in formats:
        if fmt not in FORMATS:
            raise ValueError(f"format {fmt!r} not supported; use {', '.join(FORMATS)}")
        target = path.with_suffix("." + fmt)
        with atomic_path(target) as tmp:
            fig.savefig(tmp, format=fmt, dpi=dpi, metadata={"Creator": "vetcompare"} if fmt != "png" else None)
        written.append(target)
    return written
