"""The notebook explorer: widgets where possible, the same view statically otherwise."""

import pytest

import vetcompare as vc


def test_widgets_follow_the_choice():
    pytest.importorskip("ipywidgets")
    ui = vc.explore(lang="en", theme="teachers", static=False)
    theme, metrics, regions = ui.children[0].children
    assert theme.value == "teachers"
    assert ("Share of dual-qualified (双师型) teachers", "teachers.dual_qualified_share") in metrics.options
    theme.value = "employment"  # the metric list follows the theme
    assert all(m.startswith("employment.") for _, m in metrics.options)
    assert "Bazhong City" in regions.options


def test_static_fallback_shows_table(capsys):
    assert vc.explore(lang="en", theme="employment", static=True) is None
    out = capsys.readouterr().out
    assert "Styler" in out or "Figure" in out


def test_unknown_theme():
    with pytest.raises(ValueError):
        vc.explore(theme="weather")


def test_the_first_view_is_in_the_output_widget_without_capturing(capsys):
    """The first table and chart are put into the Output widget from the kernel: a display captured by the
    widget in the cell that creates it made headless runs (nbconvert --execute, nbclient) hang now and then,
    because the runner echoes each captured output back to the kernel while the cell runs."""
    pytest.importorskip("ipywidgets")
    import base64

    ui = vc.explore(lang="en", theme="teachers", static=False)
    output = ui.children[1]
    kinds = [sorted(o["data"]) for o in output.outputs]
    assert kinds == [["text/html", "text/plain"], ["image/png", "text/plain"]]
    assert base64.b64decode(output.outputs[1]["data"]["image/png"]).startswith(b"\x89PNG")
    assert output.outputs[1]["metadata"]["image/png"]["width"] > 300
    assert "dual-qualified" in output.outputs[0]["data"]["text/html"]
    assert capsys.readouterr().out == ""  # nothing went around the widget
