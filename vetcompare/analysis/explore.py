"""An interactive explorer for Jupyter: pick theme, metrics and regions; the chart and table follow.

Uses ipywidgets when it is installed and a front end can show widgets; anywhere
else (headless runs, a plain console) it shows the same table and chart once,
statically, so a notebook that calls it always runs.
"""

from __future__ import annotations

from .. import schema
from .compare import select, side_by_side, styled
from ..data.folder import load_codebook, load_targets


def _show(theme: str, metrics: list[str], regions: list[str], lang: str):
    from IPython.display import display

    from .plot import metric_chart

    rows = select(load_targets(), theme=theme, metric=metrics or None, region=regions or None)
    if rows.empty:
        print("no statements for this choice" if lang == "en" else "所选条件下没有量化表述")
        return
    display(styled(side_by_side(rows, lang=lang)))
    dated = rows[rows["value_low"].notna() & rows["year"].notna() & (rows["kind"] != "standard")]
    if not dated.empty:
        display(metric_chart(list(dict.fromkeys(dated["metric_id"]))[:6], lang=lang, df=dated))


def explore(lang: str = "zh", theme: str = "teachers", *, static: bool | None = None):
    """Show the explorer: widgets if possible (``static=False`` insists, ``True`` refuses)."""
    if theme not in schema.THEMES:
        raise ValueError(f"unknown theme {theme!r}; use one of {', '.join(schema.THEMES)}")
    targets = load_targets()
    codebook = load_codebook()
    region_col = "region" if lang == "zh" else "region_en"
    regions = list(dict.fromkeys(targets[region_col]))
    widgets = None
    if static is not True:
        try:
            import ipywidgets as widgets
        except ImportError:
            if static is False:
                raise
    if widgets is None:
        _show(theme, [], [], lang)
        return None

    label = "label_zh" if lang == "zh" else "label_en"

    def metric_options(t):
        sub = codebook[codebook["theme"] == t]
        used = set(targets["metric_id"])
        return [(row[label], row["metric_id"]) for _, row in sub.iterrows() if row["metric_id"] in used]

    theme_box = widgets.Dropdown(options=[(v[0 if lang == "zh" else 1], k) for k, v in schema.THEMES.items()],
                                 value=theme, description="主题" if lang == "zh" else "Theme")
    metric_box = widgets.SelectMultiple(options=metric_options(theme), rows=6,
                                        description="指标" if lang == "zh" else "Metrics")
    region_box = widgets.SelectMultiple(options=regions, rows=5, description="地区" if lang == "zh" else "Regions")
    output = widgets.Output()

    def refresh(*_):
        output.clear_output(wait=True)
        with output:
            regions_chosen = [r for r in region_box.value]
            codes = [] if not regions_chosen else list(
                targets.loc[targets[region_col].isin(regions_chosen), "doc_id"].unique())
            _show(theme_box.value, list(metric_box.value), codes, lang)

    def on_theme(change):
        metric_box.options = metric_options(change["new"])
        refresh()

    theme_box.observe(on_theme, names="value")
    metric_box.observe(refresh, names="value")
    region_box.observe(refresh, names="value")
    refresh()
    ui = widgets.VBox([widgets.HBox([theme_box, metric_box, region_box]), output])
    return ui
