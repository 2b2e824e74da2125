"""The HTML report: self-contained, every cell opens its statements, data text escaped, and a real
click in headless Chromium (network cut) shows the exact source span."""

import json
import re
import shutil
from pathlib import Path

import pytest

import vetcompare as vc
from vetcompare.analysis import page as page_module
from vetcompare.analysis.charts import BY_STEM as CHARTS

from cdp import Page, browser

ROOT = Path(__file__).resolve().parents[1]
LOOK = ROOT / "look"  # screenshots for a person to look at (git-ignored)
HOSTILE = '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">'


def _svgs() -> dict[str, bytes]:
    """Small stand-ins for the chart files, so these tests do not draw (the report tests do)."""
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20"/></svg>'
    return {stem: svg for stem in CHARTS}


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    out = tmp_path_factory.mktemp("html")
    df = vc.load_targets().copy()
    df.loc[df["target_id"] == "jlp-07", "note"] = HOSTILE
    return {lang: vc.write_html(out / f"report_{lang}.html", df, lang=lang, charts=_svgs()) for lang in ("zh", "en")}


def _statements(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    raw = re.search(r'<script type="application/json" id="vc-statements">(.*?)</script>', text, re.S).group(1)
    return json.loads(raw)


def test_page_is_self_contained_and_small(pages):
    for path in pages.values():
        text = path.read_text(encoding="utf-8")
        links = re.findall(r'(?:src|href)\s*=\s*"([^"]*)"', text)
        assert links and all(link.startswith(("#", "data:")) for link in links), links
        assert "<link" not in text and "@import" not in text and "url(http" not in text
        assert "@font-face" in text  # the characters of the page travel with it
        assert path.stat().st_size < 3_000_000


def test_every_statement_is_one_click_away(pages):
    df = vc.load_targets()
    for path in pages.values():
        text = path.read_text(encoding="utf-8")
        ids = [i for group in re.findall(r'data-ids="([^"]*)"', text) for i in group.split()]
        assert sorted(ids) == sorted(df["target_id"])
        statements = _statements(path)
        assert set(statements) == set(df["target_id"])


def test_highlighted_words_are_the_source_at_the_offsets(pages):
    df = vc.load_targets()
    statements = _statements(pages["zh"])
    for row in df.itertuples():
        s = statements[row.target_id]
        text = vc.source_text(row.doc_id)
        assert s["span"] == text[row.source_start:row.source_end]
        assert text[s["start"] - len(s["before"]):s["end"] + len(s["after"])] == s["before"] + s["span"] + s["after"]


def test_repairs_of_damaged_text_are_shown_with_their_statement(pages):
    statements = _statements(pages["en"])
    repaired = [s for s in statements.values() if s["repairs"]]
    assert repaired and all("read as" in r for s in repaired for r in s["repairs"])


def test_text_from_the_data_is_escaped(pages):
    for path in pages.values():
        text = path.read_text(encoding="utf-8")
        assert "<script>window.pwned" not in text and "<img src=x" not in text
        note = dict(_statements(path)["jlp-07"]["fields"])
        assert HOSTILE in note.values()  # kept as text, shown as text


def test_words_follow_the_language(pages):
    zh, en = (pages[k].read_text(encoding="utf-8") for k in ("zh", "en"))
    assert "分主题对比" in zh and "Side by side, by theme" in en
    assert "九龙坡区" in zh and "Jiulongpo District" in en
    assert '<html lang="zh-CN">' in zh and '<html lang="en">' in en


def test_the_library_draws_the_charts_itself_when_none_are_given(tmp_path, monkeypatch):
    monkeypatch.setattr(page_module, "_draw_charts", lambda df, lang: {"01_dual_qualified_teachers": b"<svg/>"})
    path = vc.write_html(tmp_path / "r.html", lang="en")
    assert path.read_text(encoding="utf-8").count("<figure") == 1


def test_a_click_in_chromium_shows_the_exact_source_span(pages):
    """A real mouse click on a comparison cell, network off: the panel highlights the statement's words."""
    assert browser(), "needs Chromium: `make browser` (apt-get install chromium)"
    df = vc.load_targets().set_index("target_id")
    with Page(width=1500, height=1000) as browser_page:
        browser_page.open(pages["zh"].as_uri())
        for target in ("bz-05", "jlp-07"):
            x, y = browser_page.evaluate(
                "(() => { const b = [...document.querySelectorAll('button.cell')]"
                f".find(b => b.dataset.ids.split(' ').includes('{target}'));"
                " b.scrollIntoView({block: 'center'}); const r = b.getBoundingClientRect();"
                " return [r.x + r.width / 2, r.y + r.height / 2]; })()")
            browser_page.click(x, y)
            mark = browser_page.evaluate(f"(() => {{ const m = document.querySelector('#s-{target} mark');"
                                         " return m && [m.textContent, +m.dataset.start, +m.dataset.end]; })()")
            row = df.loc[target]
            assert mark == [vc.source_text(row.doc_id)[row.source_start:row.source_end], row.source_start,
                            row.source_end]
        # every text takes the page's own font first (a machine without a Chinese font shows boxes otherwise)
        fonts = browser_page.evaluate("[...new Set([...document.querySelectorAll('body, td, pre, dd, button')]"
                                      ".map(e => getComputedStyle(e).fontFamily))]")
        assert fonts and all(f.startswith('"VC Sans"') for f in fonts), fonts
        panel = browser_page.evaluate("document.getElementById('panel').innerText")
        assert HOSTILE in panel  # the hostile note is shown as text …
        assert browser_page.evaluate("window.pwned === undefined")  # … and never ran
        shot = browser_page.screenshot(LOOK / "report_click_zh.png")
        assert all(url.startswith(("file:", "data:")) for url in browser_page.requests), browser_page.requests
    assert shot.stat().st_size > 10_000
    shutil.copy(pages["zh"], LOOK / "report_click_zh.html")
