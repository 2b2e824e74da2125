"""Side-by-side comparison: regions as columns, metrics as rows, each cell readable at a glance.

:func:`select` filters the common table; :func:`describe` turns one row into a
short phrase such as "≥60% (2025)" or "1–2所 国家级 (2025, 力争)";
:func:`side_by_side` lays the phrases out as a region × metric grid and
:func:`comparison_long` gives the same content tidy, for further pandas work.
"""

from __future__ import annotations

import difflib
from typing import Iterable

import pandas as pd

from .. import labels, schema
from ..data.folder import load_targets, table_and_folder
from ..data.problems import UnknownName



def _as_list(value) -> list | None:
    if value is None:
        return None
    if isinstance(value, str):
        return [value]
    return list(value)


REGION_SUFFIXES = "区县市省"
"""Endings people leave out when they type a region (九龙坡 for 九龙坡区)."""


def _names(region: str, region_en: str, doc_id: str) -> set[str]:
    """Every way a researcher may name a region: 九龙坡区, 九龙坡, Jiulongpo District, jiulongpo, the doc_id."""
    out = {region, region.rstrip(REGION_SUFFIXES), region_en, region_en.split()[0], doc_id, doc_id.split("-")[0]}
    return {n.strip().lower() for n in out if n and n.strip()}


def region_mask(df: pd.DataFrame, regions: Iterable[str]) -> pd.Series:
    """Rows whose region any of ``regions`` names; a name that matches nothing lists the regions there are."""
    names = [_names(r, e, d) for r, e, d in zip(df["region"], df["region_en"], df["doc_id"])]
    keep = pd.Series(False, index=df.index)
    for wanted in regions:
        hit = pd.Series([str(wanted).strip().lower() in n for n in names], index=df.index)
        if not hit.any():
            known = sorted(set(zip(df["region"], df["region_en"])), key=str)
            close = difflib.get_close_matches(str(wanted).strip().lower(), sorted(set().union(*names)), n=1, cutoff=0.6)
            hint = f"did you mean {close[0]!r}?" if close else ""
            raise UnknownName("region", str(wanted), [f"{zh} ({en})" for zh, en in known], hint)
        keep |= hit
    return keep


def _checked(column: str, wanted: list) -> list:
    allowed = {"theme": schema.THEMES, "tier": schema.TIERS, "kind": schema.KINDS}[column]
    unknown = set(wanted) - set(allowed)
    if unknown:
        raise ValueError(f"unknown {column} {sorted(unknown)}; use any of {', '.join(allowed)}")
    return wanted


def _metric_mask(df: pd.DataFrame, metrics: list[str]) -> pd.Series:
    hit = pd.Series(False, index=df.index)
    for m in metrics:
        hit |= (df["metric_id"] == m) | df["metric_id"].str.startswith(m + ".")
    if not hit.any():
        known = sorted(set(df["metric_id"]))
        close = difflib.get_close_matches(metrics[0], known, n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise UnknownName("metric", ", ".join(metrics), [f"{len(known)} ids with statements{hint} (all: vc.load_codebook())"])
    return hit


def select(
    df: pd.DataFrame | None = None,
    *,
    theme: str | Iterable[str] | None = None,
    metric: str | Iterable[str] | None = None,
    tier: str | Iterable[str] | None = None,
    kind: str | Iterable[str] | None = None,
    region: str | Iterable[str] | None = None,
    years: int | tuple[int, int] | None = None,
) -> pd.DataFrame:
    """Rows of ``df`` (default: all targets) that match every filter given.

    ``metric`` entries match a metric id or any id below it (``schools`` or ``schools.secondary``
    select the whole family); ``region`` takes the names people type (九龙坡区, 九龙坡, Jiulongpo,
    the doc_id) and lists the regions there are when one matches nothing; ``years`` is one year or
    an inclusive (first, last) pair and drops rows without a year.

    Parameters
    ----------
    df : DataFrame, optional
        The statements to filter (default: every statement of the default folder).
    theme : str or list of str, optional
        Themes of the codebook: ``schools``, ``programmes``, ``teachers``, ``students``, ``training``,
        ``skills``, ``industry``, ``employment``, ``cooperation``, ``conditions``, ``governance``.
    metric : str or list of str, optional
        Metric ids, or families of them (``employment``).
    tier : str or list of str, optional
        Recognition tiers: ``national``, ``provincial``, ``prefecture``, ``district``, ``none``.
    kind : str or list of str, optional
        ``target``, ``baseline`` or ``standard``.
    region : str or list of str, optional
        Regions, by any of the names above.
    years : int or (int, int), optional
        One year, or the first and last year.

    Returns
    -------
    DataFrame
        The rows of ``df`` that match, with their index (all rows if no filter is given).

    Raises
    ------
    UnknownName
        A region that names no region, or metrics that match no statement; the message lists what there is.
    ValueError
        An unknown theme, tier or kind, or ``years`` whose first year comes after the last.

    Examples
    --------
    >>> select(region="九龙坡")["region"].unique().tolist()
    ['九龙坡区']
    >>> sorted(select(metric="teachers.dual_qualified_share", kind="target")["year"].unique().tolist())
    [2022, 2025, 2027]
    """
    df = load_targets() if df is None else df
    keep = pd.Series(True, index=df.index)
    for column, wanted in (("theme", theme), ("tier", tier), ("kind", kind)):
        if wanted is not None:
            keep &= df[column].isin(_checked(column, _as_list(wanted)))
    if metric is not None:
        keep &= _metric_mask(df, _as_list(metric))
    if region is not None:
        keep &= region_mask(df, _as_list(region))
    if years is not None:
        first, last = (years, years) if isinstance(years, int) else years
        if first > last:
            raise ValueError(f"years={years!r}: the first year comes after the last; write ({last}, {first})")
        keep &= df["year"].between(first, last).fillna(False).astype(bool)
    return df[keep]


def _number(x: float) -> str:
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.4g}"


def scaled(value: float, unit: str, lang: str) -> str:
    """Large person and yuan counts in 万/亿 (Chinese) or thousand/million/billion (English)."""
    if schema.unit(unit).large and value >= 10_000:
        return labels.large_number(value, lang) or _number(value)
    return _number(value)


def _value_phrase(row, lang: str) -> str:
    if pd.isna(row["value_low"]):
        return labels.pick(labels.QUALITATIVE.get(row["unit"], labels.QUALITATIVE[""]), lang)
    value = scaled(row["value_low"], row["unit"], lang)
    if row["value_high"] != row["value_low"]:
        value += "–" + scaled(row["value_high"], row["unit"], lang)
    return schema.COMPARATOR_SYMBOLS[row["comparator"]] + value + labels.unit_suffix(row["unit"], lang)


def describe(row, lang: str = "zh", *, with_year: bool = True, with_tier: bool = True) -> str:
    """One statement as a short phrase: "≥60% (2025)", "1–2 国家级 (2025, 力争)".

    The phrase is what a cell of :func:`~vetcompare.analysis.compare.side_by_side` shows: the comparator and
    value in the metric's unit, the tier, then the year, the kind (if not a target) and 力争 (if hedged).

    Parameters
    ----------
    row : Series or dict
        One statement: a row of :func:`~vetcompare.data.folder.load_targets`.
    lang : {"zh", "en"}, default "zh"
        Language of the words (tier, kind, hedge, 万/亿 or million/billion).
    with_year : bool, default True
        Give the year.
    with_tier : bool, default True
        Give the recognition tier (there is none to give for tier ``none``).

    Returns
    -------
    str
        The phrase.

    Raises
    ------
    ValueError
        ``lang`` is neither "zh" nor "en".

    Examples
    --------
    >>> rows = select(metric="teachers.dual_qualified_share").set_index("target_id")
    >>> [describe(rows.loc[t], "en") for t in ("jlp-23", "cq-26")]
    ['≥60% (2025)', '60% (2020, baseline)']
    """
    labels.check(lang)
    text = _value_phrase(row, lang)
    if with_tier and row["tier"] != "none":
        text += " " + labels.pick(labels.TIERS[row["tier"]], lang)
    extras = []
    if with_year and pd.notna(row["year"]):
        extras.append(str(int(row["year"])))
    if row["kind"] != "target":
        extras.append(labels.pick(labels.KINDS[row["kind"]], lang))
    if row["hedged"]:
        extras.append(labels.pick(labels.HEDGE, lang))
    return text + (f" ({', '.join(extras)})" if extras else "")


def _region_order(lang: str, data) -> list[str]:
    """The regions in the order of ``data``'s registry."""
    return list(dict.fromkeys(data.documents()[labels.region_column(lang)]))


def comparison_long(df: pd.DataFrame | None = None, *, lang: str = "zh", **filters) -> pd.DataFrame:
    """The selected rows with metric labels and a ``cell`` phrase each: tidy, one row per statement.

    The content of :func:`~vetcompare.analysis.compare.side_by_side`, long instead of wide, for further
    pandas work; the rows are in codebook order (theme, metric), then by year and id.

    Parameters
    ----------
    df : DataFrame, optional
        The statements (default: every statement of the default folder).
    lang : {"zh", "en"}, default "zh"
        Language of the metric labels and phrases.
    **filters
        Any filter of :func:`~vetcompare.analysis.compare.select`: ``theme``, ``metric``, ``tier``, ``kind``,
        ``region``, ``years``.

    Returns
    -------
    DataFrame
        The selected rows on a fresh index, with ``metric`` (the metric's label) after ``metric_id`` and
        ``cell`` (the phrase of :func:`~vetcompare.analysis.compare.describe`) at the end.

    Raises
    ------
    UnknownName
        A region or metric filter matches nothing (as in :func:`~vetcompare.analysis.compare.select`).
    ValueError
        An unknown theme, tier, kind or language, or reversed ``years``.

    Examples
    --------
    >>> comparison_long(metric="teachers.dual_qualified_share", lang="en")["cell"].tolist()
    ['60% (2020, baseline)', '>50% (2022)', '55% (2025)', '≥60% (2025)', '≥80% (2027)']
    """
    df, data = table_and_folder(df)
    df = select(df, **filters).copy()
    codebook = data.codebook().set_index("metric_id")
    label = labels.metric_column(lang)
    df.insert(df.columns.get_loc("metric_id") + 1, "metric", df["metric_id"].map(codebook[label]))
    df["cell"] = [describe(r, lang) for r in df.to_dict("records")]
    theme_order = {t: i for i, t in enumerate(schema.THEMES)}
    metric_order = {m: i for i, m in enumerate(codebook.index)}
    return df.sort_values(
        ["theme", "metric_id", "year", "target_id"],
        key=lambda s: s.map(theme_order) if s.name == "theme" else s.map(metric_order) if s.name == "metric_id" else s,
    ).reset_index(drop=True)


def side_by_side(df: pd.DataFrame | None = None, *, by: str = "metric", lang: str = "zh", **filters) -> pd.DataFrame:
    """A grid of phrases: metrics as rows and regions as columns (``by='region'`` swaps them).

    A cell lists every statement of that region on that metric, separated by
    "; ", so nothing is hidden; an empty cell means the document says nothing.

    Parameters
    ----------
    df : DataFrame, optional
        The statements (default: every statement of the default folder).
    by : {"metric", "region"}, default "metric"
        What the rows are: metrics (regions as columns), or regions (metrics as columns).
    lang : {"zh", "en"}, default "zh"
        Language of the labels, regions and phrases.
    **filters
        Any filter of :func:`~vetcompare.analysis.compare.select`: ``theme``, ``metric``, ``tier``, ``kind``,
        ``region``, ``years``.

    Returns
    -------
    DataFrame
        The grid of text: a (theme, metric) index of labels in codebook order and the regions in registry
        order (swapped with ``by="region"``); show it with :func:`~vetcompare.analysis.compare.styled`.

    Raises
    ------
    UnknownName
        A region or metric filter matches nothing (as in :func:`~vetcompare.analysis.compare.select`).
    ValueError
        ``by`` is neither "metric" nor "region", or a filter or ``lang`` is unknown.

    Examples
    --------
    >>> grid = side_by_side(metric="teachers.dual_qualified_share", lang="en")
    >>> grid.shape
    (1, 5)
    >>> grid["Jiulongpo District"].iloc[0]
    '≥60% (2025)'
    """
    if by not in ("metric", "region"):
        raise ValueError("by must be 'metric' or 'region'")
    df, data = table_and_folder(df)
    long = comparison_long(df, lang=lang, **filters)
    region_col = labels.region_column(lang)
    theme_col = long["theme"].map({k: labels.pick(v, lang) for k, v in labels.THEMES.items()})
    long = long.assign(theme_label=theme_col)
    grid = (
        long.groupby(["theme_label", "metric", region_col], sort=False, observed=True)["cell"]
        .agg("; ".join)
        .unstack(region_col)
    )
    columns = [r for r in _region_order(lang, data) if r in grid.columns]
    grid = grid.reindex(columns=columns).fillna("")
    grid.index.names = [labels.text("theme_header", lang), labels.text("metric_header", lang)]
    grid.columns.name = labels.text("region_header", lang)
    return grid.T if by == "region" else grid


def styled(grid: pd.DataFrame):
    """A pandas Styler of a side-by-side grid for Jupyter: wrapped text, aligned top, light grid lines.

    Parameters
    ----------
    grid : DataFrame
        A grid made by :func:`~vetcompare.analysis.compare.side_by_side` (any table of text will do).

    Returns
    -------
    pandas.io.formats.style.Styler
        The grid, styled; Jupyter shows it as an HTML table (``.to_html()`` gives the HTML).

    Examples
    --------
    >>> type(styled(side_by_side(metric="teachers.dual_qualified_share"))).__name__
    'Styler'
    """
    return (
        grid.style.set_properties(**{"white-space": "pre-wrap", "text-align": "left", "vertical-align": "top",
                                     "min-width": "9em"})
        .set_table_styles([{"selector": "th", "props": [("text-align", "left"), ("vertical-align", "top")]},
                           {"selector": "th.row_heading", "props": [("white-space", "nowrap")]},
                           {"selector": "td, th", "props": [("border", "1px solid #ddd"), ("padding", "4px")]}])
    )


# -- pairing statements: a baseline and the targets that can be read against it --------------------------

def statement_pairs(sub: pd.DataFrame, docs: pd.DataFrame) -> tuple[list[tuple[int, int]], list[int]]:
    """Within one metric and province (``sub``): (baseline, target) index pairs of the same document and
    tier, the change that document states; and the baselines of a province-level document that the other
    regions' later shares can be read against (never paired with them: no document states that change)."""
    links, refs = [], []
    top_level = set(docs.loc[docs["admin_level"].isin(["municipality", "province"]), "doc_id"])
    for i, b in sub[sub["kind"] == "baseline"].iterrows():
        later = sub[(sub["kind"] == "target") & (sub["year"] > b["year"])]
        own = later[(later["doc_id"] == b["doc_id"]) & (later["tier"] == b["tier"])]
        links += [(i, j) for j in own.index]
        others = later[later["doc_id"] != b["doc_id"]]
        if b["doc_id"] in top_level and schema.unit(b["unit"]).intensive and not others.empty:
            refs.append(i)
    return links, refs


def baseline_target_panels(rows: pd.DataFrame, docs: pd.DataFrame) -> list[tuple[str, pd.DataFrame, list, list]]:
    """(metric, rows to draw, own links, reference baselines) for every metric and province of the dated
    ``rows`` that has a region's own baseline → target, or a province-level baseline other regions' targets
    face; ``docs`` is the registry the rows come from."""
    panels = []
    for (m, _), sub in rows.groupby(["metric_id", "province"], sort=False, observed=True):
        if not {"baseline", "target"} <= set(sub["kind"]):
            continue
        links, refs = statement_pairs(sub, docs)
        if not links and not refs:
            continue
        keep = {i for link in links for i in link} | set(refs)
        for i in refs:
            keep |= set(sub[(sub["kind"] == "target") & (sub["year"] > sub.at[i, "year"])].index)
        panels.append((m, sub.loc[sorted(keep)], links, refs))
    return panels
