"""Extract the numeric targets, baselines and standards of a Chinese policy text.

:func:`extract_targets` reads a vocational-education (职业教育) policy text and returns one row
per number expression that states a target, a baseline or a standard, with its value, unit,
comparator, governing year, kind, hedge, recognition tier and a guess at the codebook metric.

The work is done in three modules, each driven by vocabulary declared as data (``vocabulary/``):

1. :mod:`~vetcompare.text.scanning` prepares the text (normalised one character for one character;
   a hard-wrapped PDF capture cleaned of page furniture and wraps, with a map back to the input's
   offsets) and finds every number expression with the exclusion that sets it aside, if any.
2. :mod:`~vetcompare.text.context` builds one :class:`~vetcompare.text.context.Context` per text:
   sentences, clauses, section headings and the years and periods that govern the values after them.
3. This module reads each remaining expression with one small reader per output column: unit and
   metric guess (:data:`METRIC_KEYWORDS`), governing year and kind (baseline in a report of results
   or said as reached, standard for a continuing norm, else target), due year, hedge
   (力争/争创/争取), tier word and basis. A share of 100% stated in words (全部/所有 … 达到 … 标准) is
   read by the same readers and gets a row of its own.

:func:`expressions` lists every number expression with the exclusion that applied, for checks
and for :mod:`vetcompare.curation.audit`. Everything runs in time linear in the length of the text.
"""

from __future__ import annotations

import bisect
import re

from . import lexicon
from .context import CLAUSE_END, Context
from .rules import normalise_tier
from .scanning import (EXCLUSIONS, TRADITIONAL, Expression, Prepared, expressions, looks_hard_wrapped, normalise,
                       prepare, scan, scan_prepared)

__all__ = [
    "EXCLUSIONS",
    "Expression",
    "scan",
    "METRIC_KEYWORDS",
    "TRADITIONAL",
    "expressions",
    "extract_targets",
    "looks_hard_wrapped",
    "normalise",
]

# --------------------------------------------------------------------------------------------
# Metrics: keyword -> metric. First match wins; order from specific to general.
# --------------------------------------------------------------------------------------------

METRIC_KEYWORDS: tuple[tuple[str, str, str, str, str], ...] = tuple(
    tuple(row + [""] * (5 - len(row))) for row in lexicon.rows("metric_rules.tsv"))
"""(metric_id, units it may have, phrase regex, context regex or "", context scope), from
``vocabulary/metric_rules.tsv``: the phrase is the words around the number (the clause piece between
neighbouring values, explanations in brackets left out, # standing for the number); the context is the
clause or the sentence the number sits in, again with # for the number. A rule applies when the unit is
one of its units (count also takes a number without a unit); the first that applies gives the metric."""

_METRIC_RULES = tuple((m, frozenset(u.split()), re.compile(p), re.compile(c) if c else None, scope)
                      for m, u, p, c, scope in METRIC_KEYWORDS)

# --------------------------------------------------------------------------------------------
# Words around a number
# --------------------------------------------------------------------------------------------

_TIER = lexicon.cue("tier")
_TIER_UNITS = frozenset({"count", "", "persons", "person_times"})
_HEDGE = lexicon.cue("hedge")
_STRONG_NORM = lexicon.cue("strong_norm")
_NORM = lexicon.cue("norm")
_TARGET_VERB = lexicon.cue("target_verb")
_BASELINE = lexicon.cue("baseline")
_INCREMENT = lexicon.cue("increment")
_QUALIFIER_BEFORE = lexicon.cue("qualifier_before")
_QUALIFIER_START = lexicon.cue("qualifier_start")
_REACH_START = lexicon.cue("reach_start")
_ALL_100 = lexicon.cue("all_meet_standard")
_ALL_METRIC, _ALL_METRIC_WORDS = "conditions.schools_meeting_standard", lexicon.cue("all_meet_metric")
_PER_YEAR = lexicon.cue("per_year")  # 次 said per year: times_per_year
_CONTEXT_UNITS = frozenset({"year", "date", "period", "month"})


# --------------------------------------------------------------------------------------------
# The extractor
# --------------------------------------------------------------------------------------------

_COLUMNS = ["start", "end", "text", "value_low", "value_high", "unit", "unit_word", "comparator", "year",
            "year_basis", "kind", "hedged", "basis", "tier", "tier_word", "metric_id", "metric_confidence",
            "sentence"]


def extract_targets(text: str, city_tier: str = "provincial", plan_end: int | None = None,
                    text_form: str | None = None, issued: int | None = None):
    """One row per number expression of ``text`` that states a target, baseline or standard.

    Columns: ``start``/``end`` (offsets of the number expression in ``text``; ``text`` is
    ``text[start:end]``), ``value_low``/``value_high``, ``unit`` (the schema's units where one
    applies: percent, count, persons, person_times, multiple, months, years, yuan,
    times_per_year, rank; else the scanner's), ``unit_word``, ``comparator``, ``year`` (the
    governing year: stated in the sentence, carried from an earlier sentence of the paragraph or
    from the section heading, 十四五末/期间 = 2025; ``plan_end`` for a target that names none),
    ``year_basis`` (stated, governing, period, plan_end, none), ``kind`` (target, baseline,
    standard), ``hedged`` (力争/争创/争取), ``basis`` (level or increment), ``tier`` and
    ``tier_word`` (国家级 ... normalised with ``city_tier``: what the text's 市级 means),
    ``metric_id`` (a guess from :data:`METRIC_KEYWORDS`, blank when unsure), ``metric_confidence``
    (high: the words naming the number match; medium: only its clause does; none) and ``sentence``
    (the cleaned sentence). 全部/所有 … 达到 … 标准 gives a row valued 100 percent whose text is the
    word 全部 or 所有.

    ``text_form`` is 'web' (a line is a paragraph), 'pdf' (hard-wrapped with page furniture) or
    None to decide from the text. ``issued`` is when the document was issued (a year, a date, or a
    registry's "2021-04-02"): the values of a review whose heading names no year (过去五年工作回顾)
    are then dated the year before it (year basis ``report``), and a value a change started from
    (五年来…从54万亿元增加到…) the start of its span. Never raises on a str.
    """
    import pandas as pd

    if not isinstance(text, str):
        raise TypeError(f"extract_targets needs a str, not {type(text).__name__}")
    rows = _extract_rows(prepare(text, text_form), city_tier, plan_end, _year_of(issued))
    df = pd.DataFrame(rows, columns=_COLUMNS)
    df["year"] = df["year"].astype("Int64")
    df["hedged"] = df["hedged"].astype(bool)
    for col in ("start", "end"):
        df[col] = df[col].astype("int64")
    for col in ("value_low", "value_high"):
        df[col] = df[col].astype("float64")
    return df


def _year_of(issued) -> int | None:
    """The year of ``issued``: None, a year, a date or datetime, or a string that starts with the year."""
    if issued is None or issued != issued:  # None, NaN or NaT: not known
        return None
    year = getattr(issued, "year", issued)
    text = str(year).strip()
    if not (text[:4].isdigit() and 1900 <= int(text[:4]) <= 2100 and (len(text) == 4 or not text[4].isdigit())):
        raise ValueError(f"issued={issued!r} is not a year or date; give it as 2021 or '2021-04-02'")
    return int(text[:4])


def _extract_rows(prep: Prepared, city_tier: str, plan_end: int | None, issued: int | None) -> list[dict]:
    exprs = scan_prepared(prep)
    ctx = Context(prep, exprs, issued)
    values = [e for e in exprs if e.exclusion is None and e.unit not in _CONTEXT_UNITS]
    kept = [e for i, e in enumerate(values)
            if not _is_qualifier(ctx.text, e, values[i + 1:i + 2], ctx.sentence(e.wstart)[1])]
    rows: list[dict] = []
    for i, e in enumerate(kept):
        prev_end = kept[i - 1].wend if i > 0 else 0
        next_start = kept[i + 1].wstart if i + 1 < len(kept) else len(ctx.text)
        rows.append(_row(ctx, e, prev_end, next_start, city_tier, plan_end))
    rows += _implicit_all(ctx, [e.wstart for e in values], plan_end)
    rows.sort(key=lambda r: r["start"])
    return rows


def _is_qualifier(w: str, e: Expression, following: list[Expression], sent_end: int) -> bool:
    """连续八年 / 近3年 / 每5年 before another value of the same clause: a qualifier, not a value."""
    if e.unit != "years" or not following:
        return False
    if not (_QUALIFIER_BEFORE.search(w[max(0, e.wstart - 3):e.wstart]) or _QUALIFIER_START.match(w, e.wstart)):
        return False
    m = CLAUSE_END.search(w, e.wend)
    clause_end = min(m.start() if m else len(w), sent_end)
    return following[0].wstart < clause_end


_CHANGE_FROM = lexicon.cue("change_from")
_CHANGE_TO = lexicon.cue("change_to")
_BRACKETED = re.compile(r"\([^()\n]{0,40}\)")
_LIST_JOIN = lexicon.cue("list_join")


def _row(ctx: Context, e: Expression, prev_end: int, next_start: int, city_tier: str,
         plan_end: int | None) -> dict:
    """One number's row: each column read by its own reader from the number's place in the document."""
    w = ctx.text
    sentence = ctx.sentence(e.wstart)
    clause = ctx.clause(e, *sentence)
    unit, metric, confidence = _unit_and_metric(w, e, sentence, clause, (prev_end, next_start))
    year, year_basis, reference = ctx.governing_year(e, sentence[0])
    reported = ctx.in_results_section(e.wstart) or reference
    kind = _kind(w, e, clause, sentence, year, reported)
    year, year_basis = _due(kind, year, year_basis, plan_end)
    if kind == "baseline" and year is not None and _starts_change(w, e):
        year -= _span(ctx, e.wstart)  # 五年来…从54万亿元增加到…: the value at the start of the span
    tier_word = _tier_word(w, e, unit, prev_end, clause[0], clause[1], next_start)
    return _record(ctx, e, sentence, unit=unit, year=year, year_basis=year_basis, kind=kind,
                   hedged=_hedged(w, e, sentence[0], clause[0]),
                   basis="increment" if _INCREMENT.search(w[clause[0]:e.wstart]) else "level",
                   tier=_tier(tier_word, city_tier), tier_word=tier_word, metric_id=metric,
                   metric_confidence=confidence)


def _span(ctx: Context, pos: int) -> int:
    """The years a reported change at ``pos`` spans: its look back (五年来), one year in a review
    that names none (2016年工作回顾), else none known (0)."""
    return ctx.look_back(pos) or (1 if ctx.in_results_section(pos) else 0)


def _starts_change(w: str, e: Expression) -> bool:
    """从/由 X 增加到/提高到 …: X is the value a change started from."""
    return bool(_CHANGE_FROM.search(w[max(0, e.wstart - 2):e.wstart]) and _CHANGE_TO.match(w, e.wend))


def _record(ctx: Context, e: Expression, sentence: tuple[int, int], **columns) -> dict:
    """A row: the number as found, the columns its readers gave, and the cleaned sentence."""
    sa, sb = sentence
    return {"start": e.start, "end": e.end, "text": ctx.prep.raw[e.start:e.end], "value_low": e.value_low,
            "value_high": e.value_high, "unit_word": e.unit_word, "comparator": e.comparator, **columns,
            "sentence": ctx.prep.orig[sa:sb].strip(" \n\t\u3000")}


def _unit_and_metric(w: str, e: Expression, sentence: tuple[int, int], clause: tuple[int, int],
                     neighbours: tuple[int, int]) -> tuple[str, str, str]:
    """The unit (times per year where the sentence says 每年; count for a bare number the metric counts),
    the metric guess and how sure it is."""
    (sa, sb), (clause_lo, clause_hi), (prev_end, next_start) = sentence, clause, neighbours
    phrases = _phrases(w, e, max(clause_lo, prev_end), min(clause_hi, next_start))
    clause_ctx = w[clause_lo:e.wstart] + "#" + w[e.wend:clause_hi]
    sentence_ctx = w[sa:e.wstart] + "#" + w[e.wend:sb]
    unit = e.unit
    if unit == "times":
        unit = "times_per_year" if _PER_YEAR.search(w[sa:e.wstart]) else "times"
    metric, metric_units, confidence = _metric_guess(unit, phrases, clause_ctx, sentence_ctx)
    if unit == "" and metric and "count" in metric_units:
        unit = "count"
    return unit, metric, confidence


def _due(kind: str, year: int | None, year_basis: str, plan_end: int | None) -> tuple[int | None, str]:
    """The year a statement is due: none for a standard, the plan's end for a target that names none."""
    if kind == "standard":
        return None, "none"
    if year is None and kind == "target" and plan_end is not None:
        return int(plan_end), "plan_end"
    return year, year_basis


def _tier(tier_word: str, city_tier: str) -> str:
    try:
        return normalise_tier(tier_word, city_tier)
    except ValueError:
        return "none"


def _phrases(w: str, e: Expression, lo: int, hi: int) -> tuple[str, str]:
    """The words the number counts or measures: back to the previous value or list separator, on to the next.

    The narrow phrase stops at 和/及/与; when the number ends its item (nothing after it) the wide
    one, which stops only at 、, catches words with 及/与 inside them (惠及学生超过60万人).
    """
    seg = _BRACKETED.sub("", w[lo:e.wstart])
    wide = seg[max((mm.end() for mm in re.finditer("、", seg)), default=0):]
    narrow = seg[max((mm.end() for mm in _LIST_JOIN.finditer(seg)), default=0):]
    after = w[e.wend:max(e.wend, hi)]
    if _LIST_JOIN.match(after):
        after = ""  # "…基地10个、…": the number closes its item
    after = _BRACKETED.sub("", after)[:30]
    return narrow[-30:] + "#" + after, wide[-30:] + "#" + after if not after else ""


_YEAR_WORD = lexicon.cue("year_word")
_DIGIT = re.compile(r"\d")
HEAD_CLAUSE = 16
"""A clause no longer than this that is only a hedge and a time (力争到2025年，) heads the clauses after it."""


def _hedged(w: str, e: Expression, sa: int, clause_lo: int) -> bool:
    """力争/争创/争取 softens the number's own clause, or every clause after a short clause that is
    only the hedge and a time (力争2027年，建成…1所、…2所); a hedge in an earlier clause that
    states a value of its own does not carry over."""
    if _HEDGE.search(w, clause_lo, e.wstart):
        return True
    hedges = list(_HEDGE.finditer(w, sa, clause_lo))
    if not hedges:
        return False
    m = hedges[-1]
    ends = [x.end() for x in CLAUSE_END.finditer(w, sa, m.start())]
    head_lo = ends[-1] if ends else sa
    head_end = CLAUSE_END.search(w, m.end(), clause_lo)
    head_hi = head_end.end() if head_end else clause_lo
    head = w[head_lo:head_hi]
    return len(head) <= HEAD_CLAUSE and not _DIGIT.search(_YEAR_WORD.sub("", head))


def _kind(w: str, e: Expression, clause: tuple[int, int], sentence: tuple[int, int], year, reported: bool) -> str:
    """baseline (in a report of results, or said as reached), standard (a norm) or target."""
    text = w[clause[0]:clause[1]]
    if reported or _BASELINE.search(w[clause[0]:e.wend]):
        return "baseline"
    if year is not None:
        return "standard" if _STRONG_NORM.search(text) else "target"
    if _NORM.search(text):
        return "standard"
    if _TARGET_VERB.search(w[sentence[0]:sentence[1]]) or _REACH_START.match(w, e.wstart):
        return "target"
    return "standard"


_HAN = re.compile("[\u4e00-\u9fff]")


def _metric_guess(unit: str, phrases: tuple[str, str], clause_ctx: str,
                  sentence_ctx: str) -> tuple[str, frozenset[str], str]:
    """The metric, its units, and how sure the guess is: 'high' when the words that name the number
    match a rule, 'medium' when only the wider phrase of its clause does, 'none' when no rule does."""
    metric, units = _metric(unit, phrases[0], clause_ctx, sentence_ctx)
    if metric:
        return metric, units, "high"
    if phrases[1] and phrases[1] != phrases[0]:
        metric, units = _metric(unit, phrases[1], clause_ctx, sentence_ctx)
        if metric:
            return metric, units, "medium"
    return "", frozenset(), "none"


def _metric(unit: str, phrase: str, clause_ctx: str, sentence_ctx: str) -> tuple[str, frozenset[str]]:
    if not _HAN.search(phrase):  # every metric keyword is Chinese: a bare run of numbers names none
        return "", frozenset()
    unit_key = unit or "count"
    for metric, units, rx, ctx, scope in _METRIC_RULES:
        if unit_key not in units or not rx.search(phrase):
            continue
        if ctx is None or ctx.search(sentence_ctx if scope == "sentence" else clause_ctx):
            return metric, units
    return "", frozenset()


def _tier_word(w: str, e: Expression, unit: str, prev_end: int, clause_lo: int, clause_hi: int,
               next_start: int) -> str:
    """The tier word of a count: one that heads the noun the number closes (校企共建市级公共实训基地
    10个, 国家双优计划2所), else the one right after the number (2所市级), else the last one
    before it in its clause, else the first one after it (10所高职院校入选国家“双高计划”)."""
    if unit not in _TIER_UNITS:
        return ""
    found = list(_TIER.finditer(w, max(prev_end, clause_lo, e.wstart - 30), e.wstart))
    if found:
        last = found[-1]
        between = w[last.end():e.wstart]
        if len(between) >= 2 and not _LIST_JOIN.search(between):
            return last.group(0)
    m = _TIER.match(w, e.wend)
    if m:
        return m.group(0)
    if found:
        return found[-1].group(0)
    m = _TIER.search(w, e.wend, max(e.wend, min(clause_hi, next_start, e.wend + 30)))
    return m.group(0) if m else ""


def _implicit_all(ctx: Context, value_starts: list[int], plan_end: int | None) -> list[dict]:
    """全部/所有 … 达到 … 标准: a share of 100% stated in words, where no number is written. Read by the
    same readers as a number (context, year, due date, record); only the kind is judged on the sentence."""
    w, rows = ctx.text, []
    for m in _ALL_100.finditer(w):
        k = bisect.bisect_left(value_starts, m.start())
        if k < len(value_starts) and value_starts[k] < m.end():
            continue  # the words state their number
        a, b = m.span(1)
        e = Expression(*ctx.prep.to_raw(a, b), a, b, 100.0, 100.0, "percent", "eq", m.group(1), None)
        sa, sb = ctx.sentence(a)
        year, year_basis, reference = ctx.governing_year(e, sa)
        if ctx.in_results_section(a) or reference or _BASELINE.search(w[sa:m.end()]):
            kind = "baseline"
        elif year is not None or plan_end is not None:
            kind = "target"
        else:
            kind = "standard"
        year, year_basis = _due(kind, year, year_basis, plan_end)
        metric = _ALL_METRIC if _ALL_METRIC_WORDS.search(w[sa:sb]) else ""
        rows.append(_record(ctx, e, (sa, sb), unit="percent", year=year, year_basis=year_basis, kind=kind,
                            hedged=bool(_HEDGE.search(w[sa:a])), basis="level", tier="none", tier_word="",
                            metric_id=metric, metric_confidence="medium" if metric else "none"))
    return rows
