"""An interactive explorer for Jupyter: pick theme, metrics and regions; the chart and table follow.

Uses ipywidgets when it is installed and a front end can show widgets; anywhere
else (headless runs, a plain console) it shows the same table and chart once,
statically, so a notebook that calls it always runs.
"""

from __future__ import annotations

from .. import labels, schema
from ..data.folder import load_codebook, load_targets
from .compare import select, side_by_side, styled
from .charts import metric_chart


def _display(obj) -> None:
    """Show ``obj`` in Jupyter; in a plain console print the table (a chart is saved with save_figure)."""
    try:
        from IPython.display import display
    except ImportError:
        print(obj.data.to_string() if hasattr(obj, "data") else repr(obj))
        return
    display(obj)


def _append(output, obj) -> None:
    """Put ``obj`` (a chart or a styled table) into an Output widget as a display, from the kernel."""
    import base64

    metadata = {}
    if hasattr(obj, "_repr_png_"):
        png, size = obj._repr_png_()
        data, metadata = {"image/png": base64.b64encode(png).decode("ascii"), "text/plain": repr(obj)}, {
            "image/png": size}
    else:
        data = {"text/html": obj._repr_html_(), "text/plain": repr(obj)}
    output.outputs = output.outputs + ({"output_type": "display_data", "data": data, "metadata": metadata},)


def _show(theme: str, metrics: list[str], regions: list[str], lang: str, show=_display, say=print):
    """The table and chart of a choice, each given to ``show`` (a message to ``say``)."""
    rows = select(load_targets(), theme=theme, metric=metrics or None, region=regions or None)
    if rows.empty:
        say(labels.text("nothing", lang))
        return
    show(styled(side_by_side(rows, lang=lang)))
    dated = rows[rows["value_low"].notna() & rows["year"].notna() & (rows["kind"] != "standard")]
    if not dated.empty:
        show(metric_chart(list(dict.fromkeys(dated["metric_id"]))[:6], lang=lang, df=dated))


def explore(lang: str = "zh", theme: str = "teachers", *, static: bool | None = None):
    """Show the explorer for Jupyter: pick theme, metrics and regions, and the table and chart follow.

    With ipywidgets it returns the widget box; without it (or with ``static=True``) it shows the
    table and chart of ``theme`` once, statically, so a notebook that calls it always runs.

    Parameters
    ----------
    lang : {"zh", "en"}, default "zh"
        Language of the widgets, table and chart.
    theme : str, default "teachers"
        The theme shown first (one of ``vetcompare.schema.THEMES``).
    static : bool or None, default None
        None: widgets if ipywidgets is installed; False: widgets or an ImportError; True: never widgets.

    Returns
    -------
    ipywidgets.VBox or None
        The widget box (Jupyter shows it), or None when the table and chart were shown statically.

    Raises
    ------
    ValueError
        An unknown language or theme.
    ImportError
        ``static=False`` and ipywidgets is not installed.
    """
    labels.check(lang)
    if theme not in schema.THEMES:
        raise ValueError(f"unknown theme {theme!r}; use one of {', '.join(schema.THEMES)}")
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
    return _explorer(widgets, lang, theme)


def _explorer(widgets, lang: str, theme: str):
    """The widget box: theme, metrics and regions chosen, the table and chart below them."""
    targets, codebook = load_targets(), load_codebook()
    region_col = labels.region_column(lang)
    used = set(targets["metric_id"])

    def metric_options(t):
        sub = codebook[(codebook["theme"] == t) & codebook["metric_id"].isin(used)]
        return list(zip(sub[labels.metric_column(lang)], sub["metric_id"]))

    theme_box = widgets.Dropdown(options=[(labels.pick(v, lang), k) for k, v in labels.THEMES.items()], value=theme,
                                 description=labels.text("theme", lang))
    metric_box = widgets.SelectMultiple(options=metric_options(theme), rows=6, description=labels.text("metrics", lang))
    region_box = widgets.SelectMultiple(options=list(dict.fromkeys(targets[region_col])), rows=5,
                                        description=labels.text("regions", lang))
    output = widgets.Output()

    def refresh(*_):
        output.clear_output(wait=True)
        with output:
            chosen = targets.loc[targets[region_col].isin(region_box.value), "doc_id"].unique()
            _show(theme_box.value, list(metric_box.value), list(chosen), lang)

    def on_theme(change):
        metric_box.options = metric_options(change["new"])
        refresh()

    theme_box.observe(on_theme, names="value")
    metric_box.observe(refresh, names="value")
    region_box.observe(refresh, names="value")
    # The first view is put into the Output widget from the kernel, not captured: a captured display in
    # the cell that creates the widget makes a headless runner (nbclient, nbconvert --execute) echo every
    # output back to the kernel while the cell runs, and about one run in four never ended.
    _show(theme, [], [], lang, show=lambda obj: _append(output, obj), say=lambda text: output.append_stdout(text + "\n"))
    return widgets.VBox([widgets.HBox([theme_box, metric_box, region_box]), output])
