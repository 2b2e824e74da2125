"""Preparing a text and finding its number expressions, each with the exclusion that explains it.

**Preparation.** A copy of the text is normalised one character for one character (:data:`TRADITIONAL`
traditional -> simplified characters, full-width digits and punctuation, dash and tilde variants), so
every offset in the copy is an offset in the input. When the text looks hard-wrapped (a PDF capture:
short lines of even length that end mid-sentence) page furniture (page numbers such as —6— and the
running header and footer lines around them), line wraps and the spaces a PDF puts around numbers are
dropped, with a map back to the input's offsets.

**Finding and excluding.** :func:`vetcompare.text.numbers.find_quantities` finds every number
expression; the named patterns of :data:`EXCLUSIONS` (``vocabulary/exclusions.tsv``) set aside those
that state nothing (document numbers, dates, list ordinals, page numbers, names with numbers, looks
back), and runs of numbers or number soup are set aside before the scanner reads them.
:func:`expressions` lists every expression with its exclusion, for checks and for the audit.

Everything runs in time linear in the length of the text.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from dataclasses import dataclass
from typing import Callable

from . import lexicon
from .characters import TRADITIONAL, normalise
from .cleaning import ZERO_WIDTH, Repair, clean
from .numerals import CHINESE_NUMERAL
from .numbers import find_quantities

__all__ = ["CJK", "EXCLUSIONS", "Expression", "NOT_GOVERNING", "Prepared", "TRADITIONAL", "expressions",
           "looks_hard_wrapped", "normalise", "prepare", "prepare_clean", "scan", "scan_prepared"]

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
_NUMBER_RUN = re.compile(r"(?<![0-9])(?:[0-9]++%?+[^0-9\u3400-\u9fff]{0,4}+){12,}")  # starts at a digit run: linear
_SOUP_BREAK = re.compile(r"[。！？!?;；\n]")  # what ends a stretch of soup
_ANY_NUMBER = re.compile(rf"[0-9]+|[{CHINESE_NUMERAL}]+")
SOUP_LENGTH, SOUP_SPACING = 1000, 12
_RUN_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_COUNTING = frozenset(n for n, _, flags in lexicon.exclusions() if "counting" in flags)  # must count 1, 2, 3 …
NOT_GOVERNING = frozenset(n for n, _, flags in lexicon.exclusions() if "context" in flags)  # years that govern nothing

_SHIFTED_UNIT = lexicon.cue("shifted_unit")  # 1所以上: 所 read as 所以 by the scanner
_SUFFIX_CMP = lexicon.bounds()["suffix"]


# --------------------------------------------------------------------------------------------
# Hard-wrapped (PDF) text
# --------------------------------------------------------------------------------------------

_FINAL = re.compile(r"(?:[。!?;:…]|[。!?][”’」』)]|[〕】\]])[ ]*$")
_PAGE_NUMBER_LINE = lexicon.cue("page_number_line")
_PAGE_LINE = re.compile(_PAGE_NUMBER_LINE.pattern + r"|[0-9]{1,4}\s*/\s*[0-9]{1,4}")  # also "3 / 12"
_PUNCT = re.compile(r"[,。;:、!?]")
CJK = re.compile(r"[\u4e00-\u9fff]")  # a Chinese character


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
    repeated = Counter(s for _, _, s in lines if _furniture_like(s))
    marked = [bool(s) and repeated[s] >= 2 for _, _, s in lines]
    for i, (_, _, s) in enumerate(lines):
        if s and _PAGE_LINE.fullmatch(s):
            marked[i] = True
            for step in (-1, 1):
                _mark_beside(lines, marked, i, step)
    return [(a, b) for (a, b, s), m in zip(lines, marked) if m and s]


def _furniture_like(s: str) -> bool:
    """A short line of Chinese without punctuation: a running header or footer."""
    return 4 <= len(s) <= 40 and not _PUNCT.search(s) and len(CJK.findall(s)) >= 4


def _mark_beside(lines: list[tuple[int, int, str]], marked: list[bool], i: int, step: int) -> None:
    """Mark up to three header (``step`` -1) or footer (+1) lines beside the page number on line ``i``."""
    j, seen = i + step, 0
    while 0 <= j < len(lines) and seen < 3:
        t = lines[j][2]
        if t:
            if not _furniture_like(t):
                return
            marked[j] = True
            seen += 1
        j += step


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
class Prepared:
    """The text the extractor reads and a map back to the input's offsets."""

    raw: str  # the input
    norm_raw: str  # normalise(raw)
    orig: str  # the prepared text in the input's characters
    work: str  # normalise(orig)
    form: str  # 'web' or 'pdf'
    to_raw: Callable[[int, int], tuple[int, int]]  # prepared span -> input span


def prepare(text: str, text_form: str | None = None) -> Prepared:
    norm_raw = normalise(text)
    form = text_form or ("pdf" if looks_hard_wrapped(text) else "web")
    if form == "web":
        if not ZERO_WIDTH.search(text):
            return Prepared(text, norm_raw, text, norm_raw, form, lambda a, b: (a, b))
        cleaned = clean(text, "web")  # "6\u200b0%" is one number
        return Prepared(text, norm_raw, cleaned.text, normalise(cleaned.text), form, cleaned.to_raw)
    if form != "pdf":
        raise ValueError(f"text_form must be 'web', 'pdf' or None, not {text_form!r}")
    # page furniture found by its look, removed like a declared repair; wraps and PDF spaces by text.clean
    furniture = [Repair(a, text[a:b], "", "page furniture") for a, b in _union(_furniture_spans(norm_raw))]
    cleaned = clean(text, "pdf", furniture)
    return Prepared(text, norm_raw, cleaned.text, normalise(cleaned.text), form, cleaned.to_raw)


def prepare_clean(clean, text_form: str = "web") -> Prepared:
    """A prepared text from a :class:`vetcompare.text.CleanText` (declared repairs applied)."""
    return Prepared(clean.raw, normalise(clean.raw), clean.text, normalise(clean.text), text_form, clean.to_raw)


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


def scan_prepared(prep: Prepared) -> list[Expression]:
    """Every number expression of a prepared text, with the exclusion that applies (if any)."""
    runs = _union([(m.start(), m.end()) for m in _NUMBER_RUN.finditer(prep.work)] + _soups(prep.work))
    exprs = _run_expressions(prep, runs)
    found = [_shifted(prep.work, q) for q in find_quantities(_blanked(prep.work, runs), normalised=True)]
    if not found:
        return exprs
    excluded = _Exclusions(prep)
    for ws, we, low, high, unit, cmp, unit_word in found:
        rs, re_ = prep.to_raw(ws, we)
        exprs.append(Expression(rs, re_, ws, we, low, high, unit, cmp, unit_word, excluded.reason(ws, we, rs, re_)))
    return sorted(exprs, key=lambda e: e.wstart) if runs else exprs


def _shifted(work: str, q) -> tuple:
    """A quantity as a tuple, with "1 所以上" read back (the scanner took 所以 for a word)."""
    end, unit, cmp, unit_word = q.end, q.unit, q.comparator, q.unit_word
    m = _SHIFTED_UNIT.match(work, end) if unit == "" else None
    if m:
        end, unit, unit_word = m.end(), "count", m.group("unit")
        cmp = _SUFFIX_CMP[m.group("suffix")] if cmp == "eq" else cmp
    return q.start, end, q.value_low, q.value_high, unit, cmp, unit_word


class _Exclusions:
    """The exclusion patterns' matches in the prepared text and in the normalised input (once when
    they are the same text), and the first pattern whose match holds a given expression."""

    def __init__(self, prep: Prepared):
        self.work = [(name, _Intervals(rx, prep.work, name in _COUNTING)) for name, rx in _EXCLUSION_RES]
        same = prep.work is prep.norm_raw or prep.work == prep.norm_raw
        self.raw = self.work if same else [(name, _Intervals(rx, prep.norm_raw, name in _COUNTING))
                                           for name, rx in _EXCLUSION_RES]
        self.reach_work, self.reach_raw = _Reach([iv for _, iv in self.work]), _Reach([iv for _, iv in self.raw])

    def reason(self, ws: int, we: int, rs: int, re_: int) -> str | None:
        if not (self.reach_work.may_contain(ws, we) or self.reach_raw.may_contain(rs, re_)):
            return None
        for (name, wiv), (_, riv) in zip(self.work, self.raw):
            if wiv.contains(ws, we) or riv.contains(rs, re_):
                return name
        return None


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


def _run_expressions(prep: Prepared, runs: list[tuple[int, int]]) -> list[Expression]:
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
    return scan_prepared(prepare_clean(clean, text_form))


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
            for e in scan_prepared(prepare(text, text_form))]
    return pd.DataFrame(rows, columns=["start", "end", "text", "value_low", "value_high", "unit", "comparator",
                                       "exclusion"])


# --------------------------------------------------------------------------------------------
# Structure: sentences, paragraphs, headings, governing years
# --------------------------------------------------------------------------------------------
