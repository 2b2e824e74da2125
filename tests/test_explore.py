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
