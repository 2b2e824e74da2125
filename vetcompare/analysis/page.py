"""The HTML report: one self-contained file per language for colleagues who never open Jupyter.

What it holds: the documents compared, the side-by-side comparison by theme (every cell a button
that opens its statements: the sentence with the quoted words highlighted at their exact offsets,
id, kind, year and how it was found, tier, notes, repairs), every report chart inline, the rules
that make regions comparable, how to cite, and the run manifest.

Why this way: it works offline and by e-mail (CSS, script, charts and a font subset of exactly the
characters on the page are inside the file; nothing is fetched), and every text from the data is
escaped (in HTML by :func:`html.escape`, in the statements' JSON by escaping ``<``, ``>`` and ``&``;
the script sets text with ``textContent`` only), so a quote holding ``<script>`` shows as text.
"""

from __future__ import annotations

import base64
import html
import io
import json
import string
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from .. import labels, schema
from ..data.folder import folder_of, load_targets
from ..data.csvio import frame_text_problems
from ..data.problems import DataError
from ..data.safe import atomic_path
from .charts import BY_STEM, REPORT_CHARTS
from .cite import cite, manifest
from .compare import comparison_long
from .evidence import evidence
from .fonts import font_paths

ASSETS = Path(__file__).parent / "assets" / "report"
FAMILIES = ("VC Sans", "VC Sans Ext")  # the page's font subset, one per shipped file


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    return (ASSETS / name).read_text(encoding="utf-8")


def _e(value) -> str:
    """Escape any value for HTML text or an attribute ('' for missing)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=True)


def _json(value) -> str:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' can end or open a tag."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def write_html(path: str | Path, df: pd.DataFrame | None = None, *, lang: str = "zh",
               charts: dict[str, bytes] | None = None) -> Path:
    """Write the HTML report of ``df`` (default: all statements) in ``lang`` to ``path`` atomically.

    One self-contained page (font, charts and script inside): the documents, the comparison, the
    charts, the rules followed, how to cite and the manifest.

    Parameters
    ----------
    path : str or Path
        The ``.html`` file to write (its folder is made if needed).
    df : DataFrame, optional
        The statements (default: every statement of the default folder).
    lang : {"zh", "en"}, default "zh"
        Language of the page.
    charts : dict of str to bytes, optional
        A chart's file stem (``01_dual_qualified_teachers`` ...) to its SVG bytes, as
        :func:`~vetcompare.analysis.report.build_report` wrote them; by default every report chart is
        drawn here.

    Returns
    -------
    Path
        ``path``.

    Raises
    ------
    ValueError
        An unknown language.
    DataError
        A text of ``df`` that no file can store.
    WriteError
        The file could not be written (the message names it; a previous file is left as it was).
    """
    df = load_targets() if df is None else df
    page = HtmlReport(df, lang)
    return page.write(path, _draw_charts(df, lang) if charts is None else charts)


class HtmlReport:
    """An HTML report made ready up to its charts, which are put in when they are drawn (the report
    prepares the page while its workers draw)."""

    def __init__(self, df: pd.DataFrame, lang: str, own_font: bool = True):
        labels.check(lang)
        problems = frame_text_problems(df, "table of statements")
        if problems:
            raise DataError(problems)
        self.lang, info = lang, manifest(df)
        long = comparison_long(df, lang=lang)  # one read of the rows for the table and the panel
        statements = _statements(df, long, lang)
        parts = {"documents": _documents(df, lang), "comparison": _comparison(df, long, lang), "charts": "",
                 "rules": _rules(lang), "cite": _cite(df, lang), "manifest": _manifest(info, lang)}
        words = {"repairs": labels.page("repairs", lang), "count": labels.page("statements", lang, n="{n}")}
        self.fields = {
            "lang": labels.page("html_lang", lang), "package": _e(info["package"]),
            "title": _e(labels.page("title", lang)),
            "made": _e(labels.page("made", lang, package=info["package"], data=info["data_version"],
                                   made=info["made"])),
            "nav": _nav(lang), "intro": _e(" ".join(filter(None, (labels.page(k, lang) for k in ("intro", "notes_language"))))),
            "body": "",
            "panel_empty": _e(labels.page("panel_empty", lang)), "statements": _json(statements),
            "words": _json(words), "css": _asset("page.css"), "js": _asset("page.js"),
        }
        self.sections = _sections(parts, lang)  # the charts section is filled by write()
        captions = "".join("".join(c.caption) for c in REPORT_CHARTS) + labels.page("caption_sources", lang)
        self.characters = set("".join(self.fields.values()) + "".join(self.sections) + captions
                              + json.dumps(statements, ensure_ascii=False))
        if own_font:
            self.use_font(font_face(self.characters))

    def use_font(self, face: str) -> None:
        """Embed ``face`` (from :func:`font_face`; one cut can serve the pages of several languages)."""
        self.fields["font_face"] = face

    def write(self, path: str | Path, charts: dict[str, bytes]) -> Path:
        """Put ``charts`` (stem -> SVG bytes) in and write the page atomically."""
        body = "\n".join(html.replace("</section>", _charts(charts, self.lang) + "</section>") if key == "charts"
                          else html for key, html in zip(SECTIONS, self.sections))  # its heading holds no data
        fields = dict(self.fields, body=body)
        page = string.Template(_asset("page.html")).substitute(fields)
        path = Path(path)
        with atomic_path(path) as tmp:
            Path(tmp).write_text(page, encoding="utf-8")
        return path


SECTIONS = ("documents", "comparison", "charts", "rules", "cite", "manifest")


def _nav(lang: str) -> str:
    return "".join(f'<a href="#{key}">{_e(labels.page(key, lang))}</a>' for key in SECTIONS)


def _sections(parts: dict[str, str], lang: str) -> list[str]:
    """One <section> per key of SECTIONS, with its heading."""
    return [f'<section id="{key}"><h2>{_e(labels.page(key, lang))}</h2>\n{parts[key]}</section>' for key in SECTIONS]


def _table(header: list[str], rows: list[list[str]], classes: dict[int, str] | None = None, kind: str = "") -> str:
    """A table of already escaped cells (``kind``: a CSS class of the table)."""
    classes = classes or {}
    head = "".join(f"<th>{h}</th>" for h in header)
    body = "".join("<tr>" + "".join(f'<td class="{classes[j]}">{c}</td>' if j in classes else f"<td>{c}</td>"
                                    for j, c in enumerate(row)) + "</tr>" for row in rows)
    return f'<table class="{kind}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _documents(df: pd.DataFrame, lang: str) -> str:
    docs = folder_of(df).documents()
    docs = docs[docs["doc_id"].isin(set(df["doc_id"]))]
    columns = [labels.region_column(lang), "issuer", "title", "issued", "period", "sha256", "damage"]
    rows = [[_e(d[labels.region_column(lang)]), _e(d["issuer"]), _e(d["title"]), _e(f"{d['issued']:%Y-%m-%d}"),
             _e(f"{d['period_start']}–{d['period_end']}"), _e(d["sha256"]), _e(d["damage"])]
            for d in docs.to_dict("records")]
    return _table([_e(labels.column(c.replace("_en", ""), lang)) for c in columns], rows, {5: "sha"})


def _comparison(df: pd.DataFrame, long: pd.DataFrame, lang: str) -> str:
    region = labels.region_column(lang)
    order = [r for r in dict.fromkeys(folder_of(df).documents()[region]) if r in set(long[region])]
    cells = {key: rows for key, rows in long.groupby(["theme", "metric", region], sort=False, observed=True)}
    out = []
    for theme in [t for t in schema.THEMES if t in set(long["theme"])]:
        metrics = dict.fromkeys(long.loc[long["theme"] == theme, "metric"])
        rows = [[_e(m)] + [_cell(cells[(theme, m, r)], f"{r} · {m}") if (theme, m, r) in cells else ""
                           for r in order] for m in metrics]
        out.append(f"<h3>{_e(labels.pick(labels.THEMES[theme], lang))}</h3>"
                   + _table([_e(labels.text("metrics", lang))] + [_e(r) for r in order], rows, kind="grid"))
    return "\n".join(out)


def _cell(rows: pd.DataFrame, head: str) -> str:
    ids = " ".join(rows["target_id"])
    return (f'<button type="button" class="cell" aria-pressed="false" data-ids="{_e(ids)}" data-head="{_e(head)}">'
            f'{_e("; ".join(rows["cell"]))}</button>')


def _statements(df: pd.DataFrame, long: pd.DataFrame, lang: str) -> dict[str, dict]:
    """What the panel shows for each statement (``long``: :func:`comparison_long` of ``df``), words in ``lang``."""
    ev = evidence(df)
    docs = {d["doc_id"]: d for d in folder_of(df).documents().to_dict("records")}
    out = {}
    for row in long.to_dict("records"):
        e, doc = ev[row["target_id"]], docs[row["doc_id"]]
        out[row["target_id"]] = {
            "phrase": f"{row['target_id']} · {row['metric']} · {row['cell']}",
            "before": e["before"], "span": e["span"], "after": e["after"], "start": e["start"], "end": e["end"],
            "fields": _fields(row, doc, e, lang),
            "repairs": [labels.page("repair", lang, **r) for r in e["repairs"]],
        }
    return out


def _fields(row: dict, doc: dict, e: dict, lang: str) -> list[list[str]]:
    """(label, value) pairs of the panel, coded values in words with the code beside them."""
    def coded(name):
        word = labels.coded(name, row[name], lang)
        if isinstance(row[name], (bool, np.bool_)):
            return word  # yes or no: the code says nothing more
        return f"{word} ({row[name]})" if word else str(row[name])

    year = "" if pd.isna(row["year"]) else str(int(row["year"]))
    offsets = (labels.page("offsets", lang, file=doc["file"], start=e["start"], end=e["end"])
               if e["start"] is not None else labels.page("none", lang))
    pairs = [("target_id", row["target_id"]), ("kind", coded("kind")), ("year", year),
             ("year_basis", coded("year_basis")), ("tier", coded("tier")), ("tier_word", row["tier_word"]),
             ("comparator", coded("comparator")), ("hedged", coded("hedged")), ("basis", coded("basis")),
             ("quote", row["quote"]), ("source_start", offsets), ("note", row["note"]), ("repeats", row["repeats"]),
             ("title", f"{doc['issuer']}{labels.book_title(doc['title'])} {doc['issued']:%Y-%m-%d}")]
    return [[labels.column(k, lang), "" if v is None or (not isinstance(v, str) and pd.isna(v)) else str(v)]
            for k, v in pairs if not (v is None or (not isinstance(v, str) and pd.isna(v)) or v == "")]


def _charts(charts: dict[str, bytes], lang: str) -> str:
    out = []
    for stem, svg in charts.items():
        data = base64.b64encode(svg).decode("ascii")
        caption = labels.pick(BY_STEM[stem].caption if stem in BY_STEM else (stem, stem), lang)
        out.append(f'<figure id="chart-{_e(stem)}"><img alt="{_e(caption)}" src="data:image/svg+xml;base64,{data}">'
                   f"<figcaption><b>{_e(caption)}</b>. {_e(labels.page('caption_sources', lang))}</figcaption></figure>")
    return "\n".join(out)


def _rules(lang: str) -> str:
    keys = ("rule_tiers", "rule_periods", "rule_comparators", "rule_hedging", "rule_grammar", "licence")
    return "\n".join(f"<p>{_e(labels.page(k, lang))}</p>" for k in keys)


def _cite(df: pd.DataFrame, lang: str) -> str:
    example = df["target_id"].iloc[0]
    return (f"<h3>{_e(labels.page('cite_data', lang))}</h3><pre>{_e(cite(lang=lang, df=df))}</pre>"
            f"<p>{_e(labels.page('cite_one', lang))}</p><pre>vc.cite(&quot;{_e(example)}&quot;)\n"
            f"{_e(cite(example, lang=lang, df=df))}</pre>")


def _manifest(info: dict, lang: str) -> str:
    rows = [[_e(labels.pick(labels.MANIFEST[k], lang)), _e(v)] for k, v in info.items() if k != "documents"]
    rows += [[_e(d["doc_id"]), f'<span class="sha">{_e(d["sha256"])}</span>'] for d in info["documents"]]
    return _table([_e(labels.column("item", lang)), _e(labels.column("value", lang))], rows)


@lru_cache(maxsize=None)
def _cmap(path: str) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    return frozenset(TTFont(path).getBestCmap())


def font_face(characters: set[str]) -> str:
    """@font-face rules holding the shipped fonts cut to ``characters`` (WOFF, inline); the second
    file is opened only for characters the first lacks."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    wanted = {ord(c) for c in characters if not c.isspace()}
    rules = []
    for family, path in zip(FAMILIES, font_paths()):
        if not wanted:
            break
        present = wanted & _cmap(path)
        wanted -= present
        if not present:
            continue
        font = TTFont(path, recalcTimestamp=False)  # the same page bytes on every run
        options = subset.Options(flavor="woff", layout_features=[], name_IDs=["*"], notdef_outline=True)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=present)
        subsetter.subset(font)
        buffer = io.BytesIO()
        font.flavor = "woff"
        font.save(buffer)
        data = base64.b64encode(buffer.getvalue()).decode("ascii")
        rules.append(f'@font-face {{ font-family: "{family}"; src: url(data:font/woff;base64,{data}) format("woff"); }}')
    return "\n".join(rules)


def _draw_charts(df: pd.DataFrame, lang: str) -> dict[str, bytes]:
    """Every report chart of ``df`` as SVG bytes."""
    from .saving import svg_bytes  # matplotlib: only when the page draws its own charts

    return {c.stem: svg_bytes(c.chart(lang, df)) for c in REPORT_CHARTS}
