"""Extract the numeric targets, baselines and standards of a Chinese policy text.

:func:`extract_targets` reads a vocational-education (职业教育) policy text and returns one row
per number expression that states a target, a baseline or a standard, with its value, unit,
comparator, governing year, kind, hedge, recognition tier and a guess at the codebook metric.

The work is done in four steps, each driven by tables declared as data in this module:

1. **Preparation.** A copy of the text is normalised one character for one character
   (:data:`TRADITIONAL` traditional -> simplified characters, full-width digits and punctuation,
   dash and tilde variants), so every offset in the copy is an offset in the input. When the
   text looks hard-wrapped (a PDF capture: short lines of even length that end mid-sentence)
   page furniture (page numbers such as —6— and the running header and footer lines around
   them), line wraps and the spaces a PDF puts around numbers are dropped, with a map back to
   the input's offsets.
2. **Finding.** :func:`vetcompare.numbers.find_quantities` finds every number expression.
3. **Excluding.** Expressions that are not statements are set aside by the named patterns of
   :data:`EXCLUSIONS`: document numbers, dates, section numbers and list ordinals, page
   numbers, names that contain numbers (“1+X”, 十四五, 十九大, 1438发展思路), bare years that are
   only context, website footers. :mod:`vetcompare.audit` reports which pattern applied.
4. **Reading.** Each remaining expression gets its governing year (the last year or period
   before it in its sentence or paragraph, or in the heading of its section), its kind
   (baseline in a report of results, standard for a continuing norm, else target), whether
   力争/争创/争取 hedges it, the tier word next to it and a metric from :data:`METRIC_KEYWORDS`.
   A share of 100% stated in words (全部/所有 … 达到 … 标准) gets a row of its own.

:func:`expressions` lists every number expression with the exclusion that applied, for checks
and for :mod:`vetcompare.audit`.

Everything runs in time linear in the length of the text.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from dataclasses import dataclass
from typing import Callable

from .numbers import find_quantities, period_years
from .rules import normalise_tier
from . import lexicon
from .cleaning import ZERO_WIDTH
from .cleaning import Repair, clean

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
# Normalisation: one character for one character, so offsets survive.
# --------------------------------------------------------------------------------------------

TRADITIONAL: dict[str, str] = lexicon.traditional()
"""Traditional -> simplified characters, one character each (OpenCC's table, read from
``vocabulary/traditional.tsv``), so that 達到, 國家級, 個, 萬 and 力爭 read as their simplified forms."""

_CHAR_TABLE: dict[str, str] = {}
_CHAR_TABLE.update({chr(0xFF10 + i): str(i) for i in range(10)})  # full-width digits
_CHAR_TABLE.update({"．": ".", "％": "%", "﹪": "%", "＋": "+", "（": "(", "）": ")", "，": ",",
                    "；": ";", "：": ":", "！": "!", "？": "?", "﹐": ",", "﹔": ";"})
_CHAR_TABLE.update({c: "~" for c in "～〜∼"})
_CHAR_TABLE.update({c: "-" for c in "—–－‐‑‒―−﹣﹘"})
_CHAR_TABLE.update({c: " " for c in "\t\u3000\xa0\u2002\u2003\u2009\u200b"})
_CHAR_TABLE.update({c: "\n" for c in "\r\f\v\x85\u2028\u2029"})
_CHAR_TABLE.update({"○": "〇"})
_CHAR_TABLE.update(TRADITIONAL)
_TRANSLATE = str.maketrans(_CHAR_TABLE)


def normalise(text: str) -> str:
    """A copy of ``text`` with the same length: traditional characters simplified, full-width
    digits and punctuation made ASCII, dash and tilde variants unified."""
    return text.translate(_TRANSLATE)


# --------------------------------------------------------------------------------------------
# Exclusions: number expressions that state nothing. Applied to the normalised text (，-> ,
# （ -> (, — -> -, ～ -> ~, full-width digits -> ASCII). An expression is excluded when a match
# contains it, in the prepared text or in the input text.
# --------------------------------------------------------------------------------------------

EXCLUSIONS: tuple[tuple[str, str], ...] = tuple((name, rx) for name, rx, _ in lexicon.exclusions())
"""(name, regex) pairs of number expressions that state nothing, in the order they are tried, read
from ``vocabulary/exclusions.tsv`` (each row with an example of what it is for)."""

_EXCLUSION_RES = tuple((name, re.compile(rx)) for name, rx in EXCLUSIONS)
# Number soup is data, not prose, and the quantity scanner would read every number of it:
# - a run of twelve or more numbers with no Chinese character between them and at most four other
#   characters between two numbers ("1,1,1,…", a PDF table row, a list of codes), found by one
#   possessive (never backtracking) pattern;
# - a stretch of a thousand characters or more with no sentence end in it (no prose sentence is
#   that long) holding a number every twelve characters or more densely ("约3万人 约3万人 …").
# Both are set aside (exclusion ``number_run``) before the scanner reads.
_NUMBER_RUN = re.compile(r"(?:[0-9]++%?+[^0-9\u3400-\u9fff]{0,4}+){12,}")
_SOUP_BREAK = re.compile(r"[。！？!?;；\n]")  # what ends a stretch of soup
_ANY_NUMBER = re.compile(r"[0-9]+|[〇零一二两三四五六七八九十百千万亿]+")
SOUP_LENGTH, SOUP_SPACING = 1000, 12
_RUN_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_COUNTING = frozenset(n for n, _, flags in lexicon.exclusions() if "counting" in flags)  # must count 1, 2, 3 …
_NOT_GOVERNING = frozenset(n for n, _, flags in lexicon.exclusions() if "context" in flags)  # years that govern nothing

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

_CUES = lexicon.cues()  # vocabulary/cues.tsv: every cue word of this module, by name
_TIER = re.compile(_CUES["tier"])
_TIER_UNITS = frozenset({"count", "", "persons", "person_times"})
_HEDGE = re.compile(_CUES["hedge"])
_STRONG_NORM = re.compile(_CUES["strong_norm"])
_NORM = re.compile(_CUES["norm"])
_TARGET_VERB = re.compile(_CUES["target_verb"])
_BASELINE = re.compile(_CUES["baseline"])
_RESULTS_HEADING = re.compile(_CUES["results_heading"])
_INCREMENT = re.compile(_CUES["increment"])
_QUALIFIER_BEFORE = re.compile(_CUES["qualifier_before"])
_ALL_100 = re.compile(_CUES["all_meet_standard"])
_SHIFTED_UNIT = re.compile(r"[ \n]*所(以上|以下|以内)")  # 1所以上: 所 read as 所以 by the scanner
_SUFFIX_CMP = {"以上": "ge", "以下": "le", "以内": "le"}
_CONTEXT_UNITS = frozenset({"year", "date", "period", "month"})
_SENTENCE_END = re.compile(r"[。!?]+")
_CLAUSE_END = re.compile(r"[。!?;,\n]")
_PARA_MARK = re.compile(
    r"(?:^|(?<=[。;!?]))[ ]*(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十0-9]{1,3}\)|[0-9]{1,3}[.、](?![0-9]))",
    re.M,
)

# --------------------------------------------------------------------------------------------
# Hard-wrapped (PDF) text
# --------------------------------------------------------------------------------------------

_FINAL = re.compile(r"(?:[。!?;:…]|[。!?][”’」』)]|[〕】\]])[ ]*$")
_PAGE_NUMBER_LINE = re.compile(r"-+\s*[0-9]{1,4}\s*-+|第\s*[0-9]{1,4}\s*页(?:\s*,?\s*共\s*[0-9]{1,4}\s*页)?")
_PAGE_LINE = re.compile(_PAGE_NUMBER_LINE.pattern + r"|[0-9]{1,4}\s*/\s*[0-9]{1,4}")  # also "3 / 12"
_PUNCT = re.compile(r"[,。;:、!?]")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def looks_hard_wrapped(text: str) -> bool:
    """True if ``text`` reads like a PDF capture: most longer lines end mid-sentence and have
    about the same length, or page numbers such as —6— stand on lines of their own (web
    captures keep one paragraph per line)."""
    lines = [ln.strip(" ") for ln in normalise(text).split("\n")]
    long_lines = [ln for ln in lines if len(ln) >= 12]
    if len(long_lines) < 2:
        return False
    open_ended = sum(1 for ln in long_lines if not _FINAL.search(ln))
    if open_ended < 0.5 * len(long_lines):
        return False
    if any(_PAGE_NUMBER_LINE.fullmatch(ln) for ln in lines if ln):
        return True
    if len(long_lines) < 4:
        return False
    lengths = sorted(len(ln) for ln in long_lines)
    median = lengths[len(lengths) // 2]
    even = sum(1 for n in lengths if abs(n - median) <= 0.25 * median)
    return even >= 0.5 * len(long_lines)


def _furniture_spans(norm: str) -> list[tuple[int, int]]:
    """Spans of page-furniture lines: page numbers, the header and footer lines next to them
    (short lines without punctuation) and short unpunctuated lines repeated on several pages."""
    lines: list[tuple[int, int, str]] = []
    pos = 0
    for raw_line in norm.split("\n"):
        lines.append((pos, pos + len(raw_line), raw_line.strip(" ")))
        pos += len(raw_line) + 1

    def furniture_like(s: str) -> bool:
        return 4 <= len(s) <= 40 and not _PUNCT.search(s) and len(_CJK.findall(s)) >= 4

    repeated = Counter(s for _, _, s in lines if furniture_like(s))
    marked = [False] * len(lines)
    for i, (_, _, s) in enumerate(lines):
        if not s:
            continue
        if repeated[s] >= 2:
            marked[i] = True
        if _PAGE_LINE.fullmatch(s):
            marked[i] = True
            for step in (-1, 1):  # header and footer lines around the page number
                j, seen = i + step, 0
                while 0 <= j < len(lines) and seen < 3:
                    t = lines[j][2]
                    if t:
                        if not furniture_like(t):
                            break
                        marked[j] = True
                        seen += 1
                    j += step
    return [(a, b) for (a, b, s), m in zip(lines, marked) if m and s]


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for a, b in sorted(spans):
        if a >= b:
            continue
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


# --------------------------------------------------------------------------------------------
# The prepared text
# --------------------------------------------------------------------------------------------


@dataclass
class _Prepared:
    """The text the extractor reads and a map back to the input's offsets."""

    raw: str  # the input
    norm_raw: str  # normalise(raw)
    orig: str  # the prepared text in the input's characters
    work: str  # normalise(orig)
    form: str  # 'web' or 'pdf'
    to_raw: Callable[[int, int], tuple[int, int]]  # prepared span -> input span


def _prepare(text: str, text_form: str | None = None) -> _Prepared:
    norm_raw = normalise(text)
    form = text_form or ("pdf" if looks_hard_wrapped(text) else "web")
    if form == "web":
        if not ZERO_WIDTH.search(text):
            return _Prepared(text, norm_raw, text, norm_raw, form, lambda a, b: (a, b))
        cleaned = clean(text, "web")  # "6\u200b0%" is one number
        return _Prepared(text, norm_raw, cleaned.text, normalise(cleaned.text), form, cleaned.to_raw)
    if form != "pdf":
        raise ValueError(f"text_form must be 'web', 'pdf' or None, not {text_form!r}")
    # page furniture found by its look, removed like a declared repair; wraps and PDF spaces by text.clean
    furniture = [Repair(a, text[a:b], "", "page furniture") for a, b in _union(_furniture_spans(norm_raw))]
    cleaned = clean(text, "pdf", furniture)
    return _Prepared(text, norm_raw, cleaned.text, normalise(cleaned.text), form, cleaned.to_raw)


def _prepare_clean(clean, text_form: str = "web") -> _Prepared:
    """A prepared text from a :class:`vetcompare.text.CleanText` (declared repairs applied)."""
    return _Prepared(clean.raw, normalise(clean.raw), clean.text, normalise(clean.text), text_form, clean.to_raw)


# --------------------------------------------------------------------------------------------
# Scanning: every expression, with the exclusion that explains it
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Expression:
    """One number expression: input span, prepared span, reading and exclusion (or None)."""

    start: int
    end: int
    wstart: int
    wend: int
    value_low: float
    value_high: float
    unit: str
    comparator: str
    unit_word: str
    exclusion: str | None


class _Intervals:
    """Non-overlapping sorted match spans of one pattern, for containment look-ups."""

    def __init__(self, pattern: re.Pattern[str], text: str, counting: bool = False):
        self.starts: list[int] = []
        self.ends: list[int] = []
        last = 0
        for m in pattern.finditer(text):
            if m.end() <= m.start():
                continue
            if counting:  # keep only the matches that count 1, 2, 3 …
                n = int(m.group().strip(" \t"))
                if n != last + 1:
                    continue
                last = n
            self.starts.append(m.start())
            self.ends.append(m.end())

    def contains(self, a: int, b: int) -> bool:
        k = bisect.bisect_right(self.starts, a) - 1
        return k >= 0 and self.ends[k] >= b


class _Reach:
    """Whether any of several interval sets can contain a span: the furthest end reached by an
    interval starting at or before each start, so most numbers need one look-up, not one per set."""

    def __init__(self, sets: list[_Intervals]):
        spans = sorted((a, b) for iv in sets for a, b in zip(iv.starts, iv.ends))
        self.starts = [a for a, _ in spans]
        self.reach = list(itertools.accumulate((b for _, b in spans), max))

    def may_contain(self, a: int, b: int) -> bool:
        k = bisect.bisect_right(self.starts, a) - 1
        return k >= 0 and self.reach[k] >= b


def _scan(prep: _Prepared) -> list[Expression]:
    """Every number expression of a prepared text, with the exclusion that applies (if any)."""
    runs = _union([(m.start(), m.end()) for m in _NUMBER_RUN.finditer(prep.work)] + _soups(prep.work))
    exprs = _run_expressions(prep, runs)
    qs = find_quantities(_blanked(prep.work, runs))
    found = []
    for q in qs:
        end, unit, cmp, unit_word = q.end, q.unit, q.comparator, q.unit_word
        if unit == "":
            m = _SHIFTED_UNIT.match(prep.work, end)
            if m:  # "1 所以上": the scanner read 所以 as a word
                end, unit, unit_word = m.end(), "count", "所"
                cmp = _SUFFIX_CMP[m.group(1)] if cmp == "eq" else cmp
        found.append((q.start, end, q.value_low, q.value_high, unit, cmp, unit_word))
    if not found:
        return exprs
    work_iv = [(name, _Intervals(rx, prep.work, name in _COUNTING)) for name, rx in _EXCLUSION_RES]
    same = prep.work is prep.norm_raw or prep.work == prep.norm_raw
    raw_iv = work_iv if same else [(name, _Intervals(rx, prep.norm_raw, name in _COUNTING))
                                   for name, rx in _EXCLUSION_RES]
    reach_work, reach_raw = _Reach([iv for _, iv in work_iv]), _Reach([iv for _, iv in raw_iv])
    for ws, we, low, high, unit, cmp, unit_word in found:
        rs, re_ = prep.to_raw(ws, we)
        reason = None
        if reach_work.may_contain(ws, we) or reach_raw.may_contain(rs, re_):
            for (name, wiv), (_, riv) in zip(work_iv, raw_iv):
                if wiv.contains(ws, we) or riv.contains(rs, re_):
                    reason = name
                    break
        exprs.append(Expression(rs, re_, ws, we, low, high, unit, cmp, unit_word, reason))
    return sorted(exprs, key=lambda e: e.wstart) if runs else exprs


def _soups(text: str) -> list[tuple[int, int]]:
    """Stretches of SOUP_LENGTH characters or more without a sentence end, with a number at least
    every SOUP_SPACING characters."""
    out, last = [], 0
    for end in itertools.chain((m.start() for m in _SOUP_BREAK.finditer(text)), [len(text)]):
        if end - last >= SOUP_LENGTH:
            numbers = sum(1 for _ in _ANY_NUMBER.finditer(text, last, end))
            if numbers * SOUP_SPACING >= end - last:
                out.append((last, end))
        last = end + 1
    return out


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each span replaced by as many spaces (offsets unchanged)."""
    if not spans:
        return text
    parts, last = [], 0
    for a, b in spans:
        parts += [text[last:a], " " * (b - a)]
        last = b
    return "".join(parts + [text[last:]])


def _run_expressions(prep: _Prepared, runs: list[tuple[int, int]]) -> list[Expression]:
    """The numbers of runs of numbers, each set aside as ``number_run`` (read plainly, never a value)."""
    out = []
    for a, b in runs:
        for m in _RUN_NUMBER.finditer(prep.work, a, b):
            value = float(m.group())
            rs, re_ = prep.to_raw(m.start(), m.end())
            out.append(Expression(rs, re_, m.start(), m.end(), value, value, "", "eq", "", "number_run"))
    return out


def scan(clean, text_form: str = "web") -> list[Expression]:
    """Every number expression of a :class:`~vetcompare.text.cleaning.CleanText` (declared repairs
    applied), with raw offsets and the exclusion that applies (if any)."""
    return _scan(_prepare_clean(clean, text_form))


def expressions(text: str, text_form: str | None = None):
    """Every number expression of ``text`` with the exclusion that sets it aside (blank if none).

    Columns: start, end (offsets in ``text``), text, value_low, value_high, unit, comparator,
    exclusion (a name from :data:`EXCLUSIONS`). Years, dates and periods that are not excluded
    are context for :func:`extract_targets` (its ``year`` column), not rows of it.
    """
    import pandas as pd

    if not isinstance(text, str):
        raise TypeError(f"expressions needs a str, not {type(text).__name__}")
    rows = [(e.start, e.end, text[e.start:e.end], e.value_low, e.value_high, e.unit, e.comparator, e.exclusion or "")
            for e in _scan(_prepare(text, text_form))]
    return pd.DataFrame(rows, columns=["start", "end", "text", "value_low", "value_high", "unit", "comparator",
                                       "exclusion"])


# --------------------------------------------------------------------------------------------
# Structure: sentences, paragraphs, headings, governing years
# --------------------------------------------------------------------------------------------


SENTENCE_WINDOW = 400


class _Structure:
    """Sentence and paragraph starts of the prepared text, and which paragraphs are headings."""

    def __init__(self, prep: _Prepared):
        w = prep.work
        para = {0}
        for m in re.finditer(r"\n+", w):
            para.add(m.end())
        for m in _PARA_MARK.finditer(w):
            para.add(m.start())
        self.para_starts = sorted(p for p in para if p <= len(w))
        sent = set(self.para_starts)
        for m in _SENTENCE_END.finditer(w):
            sent.add(m.end())
        self.sent_starts = sorted(s for s in sent if s <= len(w))
        self.clause_marks = [m.start() for m in _CLAUSE_END.finditer(w)]
        self.clause_ends = [p + 1 for p in self.clause_marks]
        self.text = w
        self.heading = []
        if prep.form == "web":
            for i, p in enumerate(self.para_starts):
                line = w[p:self._para_end(i)].strip(" \n")
                self.heading.append(bool(line) and len(line) <= 60 and "。" not in line and "\n" not in line)
        else:
            self.heading = [False] * len(self.para_starts)

    def _para_end(self, i: int) -> int:
        return self.para_starts[i + 1] if i + 1 < len(self.para_starts) else len(self.text)

    def para_index(self, pos: int) -> int:
        return bisect.bisect_right(self.para_starts, pos) - 1

    def sentence(self, pos: int) -> tuple[int, int]:
        """The sentence around ``pos``, at most :data:`SENTENCE_WINDOW` characters either side of it:
        a run of numbers with no sentence end (a PDF table row) costs each number a bounded look,
        so reading stays linear in the length of the text."""
        k = bisect.bisect_right(self.sent_starts, pos) - 1
        a = self.sent_starts[k]
        b = self.sent_starts[k + 1] if k + 1 < len(self.sent_starts) else len(self.text)
        return max(a, pos - SENTENCE_WINDOW), min(b, pos + SENTENCE_WINDOW)


@dataclass(frozen=True)
class _Governor:
    pos: int  # prepared offset of the year expression
    year: int
    period: bool
    reference: bool = False  # 截至2020年底: the state at a past date, so the values are baselines


def _governors(prep: _Prepared, exprs: list[Expression]) -> list[_Governor]:
    """Years and periods that can govern the values after them."""
    w = prep.work
    out: list[_Governor] = []
    for e in exprs:
        if e.exclusion in _NOT_GOVERNING:
            continue
        before = w[max(0, e.wstart - 3):e.wstart]
        if re.search(r"(?:较|比|相比|同比)[“\"]?$", before):
            continue  # 较“十二五”末: a reference point
        after = w[e.wend:e.wend + 4]
        if e.unit == "year" and e.value_low == e.value_high and 1990 <= e.value_low <= 2060:
            if re.match(r"(?:度|起|以来)", after) or re.search(r"(?:从|自)\s*$", before):
                continue
            reference = bool(re.match(r"截[至止]", w[e.wstart:e.wend]))
            out.append(_Governor(e.wstart, int(e.value_low), False, reference))
        elif e.unit == "period":
            if not re.match(r"[”\"」]?\s*(?:末|期末|期间|时期)", after):
                continue
            try:
                year = period_years(w[e.wstart:e.wend])[1]
            except ValueError:
                continue
            out.append(_Governor(e.wstart, year, True))
    return out


# --------------------------------------------------------------------------------------------
# The extractor
# --------------------------------------------------------------------------------------------

_COLUMNS = ["start", "end", "text", "value_low", "value_high", "unit", "unit_word", "comparator", "year",
            "year_basis", "kind", "hedged", "basis", "tier", "tier_word", "metric_id", "metric_confidence",
            "sentence"]


def extract_targets(text: str, city_tier: str = "provincial", plan_end: int | None = None,
                    text_form: str | None = None):
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
    None to decide from the text. Never raises on a str.
    """
    import pandas as pd

    if not isinstance(text, str):
        raise TypeError(f"extract_targets needs a str, not {type(text).__name__}")
    rows = _extract_rows(_prepare(text, text_form), city_tier, plan_end)
    df = pd.DataFrame(rows, columns=_COLUMNS)
    df["year"] = df["year"].astype("Int64")
    df["hedged"] = df["hedged"].astype(bool)
    for col in ("start", "end"):
        df[col] = df[col].astype("int64")
    for col in ("value_low", "value_high"):
        df[col] = df[col].astype("float64")
    return df


def _extract_rows(prep: _Prepared, city_tier: str, plan_end: int | None) -> list[dict]:
    exprs = _scan(prep)
    w = prep.work
    st = _Structure(prep)
    govs = _governors(prep, exprs)
    gov_pos = [g.pos for g in govs]
    heading_year = _heading_years(st, govs)
    values = [e for e in exprs if e.exclusion is None and e.unit not in _CONTEXT_UNITS]
    value_starts = [e.wstart for e in values]
    kept = []
    for i, e in enumerate(values):
        sa, sb = st.sentence(e.wstart)
        if not _is_qualifier(w, e, values[i + 1:i + 2], sb):
            kept.append(e)
    rows: list[dict] = []
    for i, e in enumerate(kept):
        prev_end = kept[i - 1].wend if i > 0 else 0
        next_start = kept[i + 1].wstart if i + 1 < len(kept) else len(w)
        rows.append(_row(prep, st, e, prev_end, next_start, govs, gov_pos, heading_year, city_tier, plan_end))
    rows += _implicit_all(prep, st, value_starts, govs, gov_pos, heading_year, plan_end)
    rows.sort(key=lambda r: r["start"])
    return rows


def _heading_years(st: _Structure, govs: list[_Governor]) -> list[tuple[int, _Governor | None, bool]]:
    """For each paragraph: (heading paragraph index, its governing year, results heading?)."""
    by_para: dict[int, _Governor] = {}
    for g in govs:
        by_para[st.para_index(g.pos)] = g  # the last year of a paragraph
    out = []
    active: tuple[int, _Governor | None, bool] = (-1, None, False)
    for i, is_heading in enumerate(st.heading):
        line = st.text[st.para_starts[i]:st._para_end(i)] if is_heading else ""
        # a heading names its section: a table's 2025年 cell is not one
        if is_heading and i in by_para and len(_CJK.findall(line)) >= 4:
            active = (i, by_para[i], bool(_RESULTS_HEADING.search(line)))
        out.append(active)
    return out


def _is_qualifier(w: str, e: Expression, following: list[Expression], sent_end: int) -> bool:
    """连续八年 / 近3年 / 每5年 before another value of the same clause: a qualifier, not a value."""
    if e.unit != "years" or not following:
        return False
    if not (_QUALIFIER_BEFORE.search(w[max(0, e.wstart - 3):e.wstart]) or w.startswith("近", e.wstart)):
        return False
    m = _CLAUSE_END.search(w, e.wend)
    clause_end = min(m.start() if m else len(w), sent_end)
    return following[0].wstart < clause_end


_BRACKETED = re.compile(r"\([^()\n]{0,40}\)")
_LIST_JOIN = re.compile(r"[、和及与]")


def _row(prep: _Prepared, st: _Structure, e: Expression, prev_end: int, next_start: int, govs, gov_pos,
         heading_year, city_tier: str, plan_end: int | None) -> dict:
    w = prep.work
    sa, sb = st.sentence(e.wstart)
    clause_lo, clause_hi = _clause(st, e, sa, sb)
    phrases = _phrases(w, e, max(clause_lo, prev_end), min(clause_hi, next_start))
    clause_ctx = w[clause_lo:e.wstart] + "#" + w[e.wend:clause_hi]
    sentence_ctx = w[sa:e.wstart] + "#" + w[e.wend:sb]

    unit = e.unit
    if unit == "times":
        unit = "times_per_year" if re.search(r"每年|每学年|年均|一年", w[sa:e.wstart]) else "times"
    metric, metric_units, confidence = _metric_guess(unit, phrases, clause_ctx, sentence_ctx)
    if unit == "" and metric and "count" in metric_units:
        unit = "count"

    year, year_basis, reference = _year(st, e, govs, gov_pos, heading_year, sa)
    results = heading_year[st.para_index(e.wstart)][2] if heading_year else False
    kind = _kind(w, e, (clause_lo, clause_hi), (sa, sb), year, results or reference)
    if kind == "standard":
        year, year_basis = None, "none"
    elif year is None and kind == "target" and plan_end is not None:
        year, year_basis = int(plan_end), "plan_end"

    tier_word = _tier_word(w, e, unit, prev_end, clause_lo, clause_hi, next_start)
    try:
        tier = normalise_tier(tier_word, city_tier)
    except ValueError:
        tier = "none"
    return {
        "start": e.start, "end": e.end, "text": prep.raw[e.start:e.end],
        "value_low": e.value_low, "value_high": e.value_high, "unit": unit, "unit_word": e.unit_word,
        "comparator": e.comparator, "year": year, "year_basis": year_basis, "kind": kind,
        "hedged": _hedged(w, e, sa, clause_lo),
        "basis": "increment" if _INCREMENT.search(w[clause_lo:e.wstart]) else "level",
        "tier": tier, "tier_word": tier_word, "metric_id": metric, "metric_confidence": confidence,
        "sentence": prep.orig[sa:sb].strip(" \n\t\u3000"),
    }


def _clause(st: "_Structure", e: Expression, sa: int, sb: int) -> tuple[int, int]:
    """The clause the number sits in: back and on to a clause end, at most 60 characters each way."""
    lo, hi = max(sa, e.wstart - 60), min(sb, e.wend + 60)
    k = bisect.bisect_right(st.clause_ends, e.wstart) - 1  # clause_ends hold the position after each mark
    before = st.clause_ends[k] if k >= 0 and st.clause_ends[k] > lo else lo
    j = bisect.bisect_left(st.clause_marks, e.wend)
    after = st.clause_marks[j] if j < len(st.clause_marks) and st.clause_marks[j] < hi else hi
    return before, after


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


_YEAR_WORD = re.compile(r"(?:19|20)\d\d年?")
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
    ends = [x.end() for x in _CLAUSE_END.finditer(w, sa, m.start())]
    head_lo = ends[-1] if ends else sa
    head_end = _CLAUSE_END.search(w, m.end(), clause_lo)
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
    if _TARGET_VERB.search(w[sentence[0]:sentence[1]]) or w.startswith("达", e.wstart):
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


def _year(st: _Structure, e: Expression, govs, gov_pos, heading_year, sa: int) -> tuple[int | None, str, bool]:
    """The governing year of an expression, how it was found, and whether it is a reference date
    (截至…: the values under it are baselines)."""
    para = st.para_index(e.wstart)
    k = bisect.bisect_left(gov_pos, e.wstart) - 1
    if k >= 0 and st.para_index(govs[k].pos) == para:
        g = govs[k]
        if g.pos >= sa:
            return g.year, "period" if g.period else "stated", g.reference
        return g.year, "governing", g.reference
    if heading_year:
        h_para, g, _ = heading_year[para]
        if g is not None and h_para < para:
            return g.year, "governing", g.reference
    return None, "none", False


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


def _implicit_all(prep: _Prepared, st: _Structure, value_starts: list[int], govs, gov_pos, heading_year,
                  plan_end: int | None) -> list[dict]:
    """全部/所有 … 达到 … 标准: a share of 100% stated in words, where no number is written."""
    w = prep.work
    rows = []
    for m in _ALL_100.finditer(w):
        k = bisect.bisect_left(value_starts, m.start())
        if k < len(value_starts) and value_starts[k] < m.end():
            continue  # the words state their number
        a, b = m.span(1)
        e = Expression(*prep.to_raw(a, b), a, b, 100.0, 100.0, "percent", "eq", m.group(1), None)
        sa, sb = st.sentence(a)
        year, year_basis, reference = _year(st, e, govs, gov_pos, heading_year, sa)
        para = st.para_index(a)
        if (heading_year[para][2] if heading_year else False) or reference or _BASELINE.search(w[sa:m.end()]):
            kind = "baseline"
        elif year is not None or plan_end is not None:
            kind = "target"
        else:
            kind, year_basis = "standard", "none"
        if kind == "target" and year is None:
            year, year_basis = int(plan_end), "plan_end"
        rows.append({
            "start": e.start, "end": e.end, "text": prep.raw[e.start:e.end], "value_low": 100.0,
            "value_high": 100.0, "unit": "percent", "unit_word": m.group(1), "comparator": "eq", "year": year,
            "year_basis": year_basis, "kind": kind, "hedged": bool(_HEDGE.search(w[sa:a])), "basis": "level",
            "tier": "none", "tier_word": "",
            "metric_id": "conditions.schools_meeting_standard" if re.search("办学条件|达标", w[sa:sb]) else "",
            "sentence": prep.orig[sa:sb].strip(" \n\t\u3000"),
        })
        rows[-1]["metric_confidence"] = "medium" if rows[-1]["metric_id"] else "none"  # from the sentence
    return rows
