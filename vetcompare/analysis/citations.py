"""References in the forms papers use: GB/T 7714-2015 for Chinese papers, APA 7 for English ones, and
BibTeX and RIS for reference managers, for one statement (its source document, with the quoted sentence)
and for the dataset.

A reference is built from a :class:`Reference` record, so every style says the same facts. Quotation
marks are never nested: a quote inside a quote takes the inner marks of its language (‘…’ inside “…”).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import labels

STYLES = ("plain", "gbt7714", "apa", "bibtex", "ris")
"""plain: the sentence vetcompare has always written; the others as named."""


@dataclass(frozen=True)
class Reference:
    """What every style of a reference says: who, what, when, where, and the words quoted."""

    key: str
    author: str
    title: str
    date: str  # YYYY-MM-DD, or a year
    kind: str  # "document" (a policy text) or "dataset"
    url: str = ""
    accessed: str = ""
    quote: str = ""
    note: str = ""  # statement id and offsets, versions
    language: str = "zh"  # of the cited work: a policy text is Chinese whatever the reference's language


def inner_quotes(text: str, lang: str) -> str:
    """``text`` with its own double quotes made single, to stand inside double quotes (no “…“…”…”)."""
    text = text.replace("“", "‘").replace("”", "’")
    return re.sub(r'"([^"]*)"', lambda m: labels.text("cite_inner_quote", lang, q=m.group(1)), text)


def quoted(text: str, lang: str) -> str:
    """``text`` in the double quotation marks of ``lang``, quotes inside it made single."""
    return f"“{inner_quotes(text, lang)}”"


def render(ref: Reference, style: str, lang: str) -> str:
    """``ref`` in ``style`` (one of :data:`STYLES` other than plain)."""
    if style not in STYLES or style == "plain":
        raise ValueError(f"style {style!r}: use one of {', '.join(STYLES)}")
    return {"gbt7714": _gbt7714, "apa": _apa, "bibtex": _bibtex, "ris": _ris}[style](ref, lang)


def _gbt7714(ref: Reference, lang: str) -> str:
    """GB/T 7714-2015: 主要责任者. 题名[文献类型标志]. 出版年[引用日期]. 获取和访问路径."""
    mark = {("dataset", False): "DS", ("dataset", True): "DS/OL", ("document", False): "Z",
            ("document", True): "EB/OL"}[ref.kind, bool(ref.url)]
    when = f"({ref.date})" if ref.url else ref.date[:4] if ref.kind == "dataset" else ref.date
    cited = f"[{ref.accessed}]" if ref.accessed else ""
    out = f"{ref.author}. {ref.title}[{mark}]. {when}{cited}."
    out += f" {ref.url}." if ref.url else ""
    out += labels.text("cite_quoted", lang, q=quoted(ref.quote, lang)) if ref.quote else ""
    return out + (labels.text("cite_bracket", lang, note=ref.note) if ref.note else "")


def _apa(ref: Reference, lang: str) -> str:
    """APA 7: Author. (Year, Month Day). Title [Description]. URL"""
    year, _, rest = ref.date.partition("-")
    when = year
    if rest:
        import datetime as dt

        day = dt.date.fromisoformat(ref.date)
        when = f"{year}, {day:%B} {day.day}"
    kind = "Data set" if ref.kind == "dataset" else "Policy document"
    out = f"{ref.author}. ({when}). {ref.title} [{kind}]."
    out += f" {ref.url}" if ref.url else ""
    out += f" Quoted: {quoted(ref.quote, 'en')}" if ref.quote else ""
    return out + (f" ({ref.note})" if ref.note else "")


_LATEX = str.maketrans({"\\": "\\textbackslash{}", "{": "\\{", "}": "\\}", "%": "\\%", "&": "\\&", "#": "\\#",
                        "$": "\\$", "_": "\\_", "~": "\\textasciitilde{}", "^": "\\textasciicircum{}"})


def _bib(text: str) -> str:
    """A BibTeX field value that LaTeX typesets as written: braces, backslashes and the characters LaTeX
    reads as commands (``%`` would start a comment and drop the rest of the line) escaped."""
    return text.translate(_LATEX)


def _bibtex(ref: Reference, lang: str) -> str:
    fields = [("author", "{" + _bib(ref.author) + "}"), ("title", _bib(ref.title)), ("year", ref.date[:4])]
    fields += [("date", ref.date)] if len(ref.date) == 10 else []
    fields += [("url", ref.url)] if ref.url else []
    fields += [("urldate", ref.accessed)] if ref.accessed else []
    fields += [("howpublished", "Data set" if ref.kind == "dataset" else "Policy document")]
    note = "; ".join(p for p in (quoted(ref.quote, lang) if ref.quote else "", ref.note) if p)
    fields += [("note", _bib(note))] if note else []
    fields += [("language", labels.text("cite_language", ref.language))]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{re.sub(r'[^A-Za-z0-9_:-]', '_', ref.key)},\n{body}\n}}"


def _ris(ref: Reference, lang: str) -> str:
    lines = [("TY", "DATA" if ref.kind == "dataset" else "GOVDOC"), ("AU", ref.author), ("TI", ref.title),
             ("PY", ref.date[:4])]
    lines += [("DA", ref.date.replace("-", "/"))] if len(ref.date) == 10 else []
    lines += [("UR", ref.url)] if ref.url else []
    lines += [("Y2", ref.accessed.replace("-", "/"))] if ref.accessed else []
    lines += [("N1", quoted(ref.quote, lang))] if ref.quote else []
    lines += [("N1", ref.note)] if ref.note else []
    lines += [("LA", ref.language), ("ID", ref.key), ("ER", "")]
    return "\n".join(f"{tag}  - {value}" for tag, value in lines)
