"""The document context of a number: its sentence, its clause, the year that governs it, and whether
its section reports results. One object per prepared text, built once, asked by every reader of the
extractor (the main rows and the 全部…达标 rows alike), so they cannot diverge."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import NamedTuple

from . import lexicon
from .numbers import period_years
from .scanning import CJK, NOT_GOVERNING, Expression, Prepared

__all__ = ["CLAUSE_END", "Context", "SENTENCE_END", "SENTENCE_WINDOW"]

SENTENCE_END = re.compile(r"[。!?]+")
CLAUSE_END = re.compile(r"[。!?;,\n]")
_PARA_MARK = lexicon.cue("paragraph_mark", re.M)
_RESULTS_HEADING = lexicon.cue("results_heading")
_SECTION_MARK = lexicon.cue("section_mark")
_LOOK_BACK_BEFORE = lexicon.cue("look_back_before")
_LOOK_BACK_AFTER = lexicon.cue("look_back_after")
_COMPARISON_POINT = lexicon.cue("comparison_point")
_NOT_GOVERNING_AFTER = lexicon.cue("year_not_governing_after")
_FROM_BEFORE = lexicon.cue("year_from_before")
_REFERENCE = lexicon.cue("reference_date")
_PERIOD_GOVERNS = lexicon.cue("period_governs_after")

SENTENCE_WINDOW = 400


class _Structure:
    """Sentence and paragraph starts of the prepared text, and which paragraphs are headings."""

    def __init__(self, prep: Prepared):
        w = prep.work
        para = {0}
        for m in re.finditer(r"\n+", w):
            para.add(m.end())
        for m in _PARA_MARK.finditer(w):
            para.add(m.start())
        self.para_starts = sorted(p for p in para if p <= len(w))
        sent = set(self.para_starts)
        for m in SENTENCE_END.finditer(w):
            sent.add(m.end())
        self.sent_starts = sorted(s for s in sent if s <= len(w))
        self.clause_marks = [m.start() for m in CLAUSE_END.finditer(w)]
        self.clause_ends = [p + 1 for p in self.clause_marks]
        self.text = w
        self.heading = []
        if prep.form == "web":
            for i, p in enumerate(self.para_starts):
                line = w[p:self.para_end(i)].strip(" \n")
                self.heading.append(bool(line) and len(line) <= 60 and "。" not in line and "\n" not in line)
        else:
            self.heading = [False] * len(self.para_starts)

    def para_end(self, i: int) -> int:
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


def _governors(prep: Prepared, exprs: list[Expression]) -> list[_Governor]:
    """Years and periods that can govern the values after them."""
    w = prep.work
    out: list[_Governor] = []
    for e in exprs:
        if e.exclusion in NOT_GOVERNING:
            continue
        before = w[max(0, e.wstart - 3):e.wstart]
        if _COMPARISON_POINT.search(before):
            continue  # 较“十二五”末: a reference point
        after = w[e.wend:e.wend + 4]
        if e.unit == "year" and e.value_low == e.value_high and 1990 <= e.value_low <= 2060:
            if _NOT_GOVERNING_AFTER.match(after) or _FROM_BEFORE.search(before):
                continue
            reference = bool(_REFERENCE.match(w[e.wstart:e.wend]))
            out.append(_Governor(e.wstart, int(e.value_low), False, reference))
        elif e.unit == "period":
            if not _PERIOD_GOVERNS.match(after):
                continue
            try:
                year = period_years(w[e.wstart:e.wend])[1]
            except ValueError:
                continue
            out.append(_Governor(e.wstart, year, True))
    return out


def _look_backs(prep: Prepared, exprs: list[Expression]) -> list[tuple[int, int]]:
    """(prepared offset, years) of each span of years said as a look back (过去五年, 五年来)."""
    w = prep.work
    return [(e.wstart, int(e.value_low)) for e in exprs
            if e.unit == "years" and e.value_low == e.value_high and e.value_low == int(e.value_low)
            and (_LOOK_BACK_BEFORE.search(w[max(0, e.wstart - 4):e.wstart]) or _LOOK_BACK_AFTER.match(w, e.wend))]


class _Section(NamedTuple):
    """The section a paragraph lies in, as its last heading opened it."""
    para: int  # paragraph index of the heading (-1 before any)
    governor: _Governor | None  # the year the heading names
    results: bool  # the heading is over results (成绩, 回顾 …): its values are baselines
    level: int  # 1 for 一、, 2 for (一), 3 for 1. (0: unnumbered)


_NO_SECTION = _Section(-1, None, False, 0)


def _heading_level(line: str) -> int:
    m = _SECTION_MARK.match(line)
    return 0 if m is None else next(i for i, g in enumerate(m.groups(), start=1) if g)


def _sections(st: _Structure, govs: list[_Governor]) -> list[_Section]:
    """For each paragraph, the section it lies in."""
    by_para: dict[int, _Governor] = {}
    for g in govs:
        by_para[st.para_index(g.pos)] = g  # the last year of a paragraph
    out = []
    active = _NO_SECTION
    for i, is_heading in enumerate(st.heading):
        if is_heading:
            active = _next_section(active, i, st.text[st.para_starts[i]:st.para_end(i)].strip(" \n"),
                                   by_para.get(i))
        out.append(active)
    return out


def _next_section(active: _Section, i: int, line: str, governor: _Governor | None) -> _Section:
    """The section after heading ``line`` (paragraph ``i``): a heading that names a year opens one
    (a table's 2025年 cell is not a heading: four Chinese characters, two after a number), and so does a
    heading over results that names none (过去五年工作回顾); a numbered heading at the level of a
    results section, or above it, closes that section."""
    words, level = len(CJK.findall(line)), _heading_level(line)
    if words < 4 and not (level and words >= 2):  # a numbered heading may be short (二、目标)
        return active
    results = bool(_RESULTS_HEADING.search(line))
    if governor is not None or results:
        return _Section(i, governor, results, level)
    if active.results and 0 < level <= (active.level or level):
        return _Section(i, None, False, level)
    return active


class Context:
    """What a reader may ask about the place of a number in its document."""

    def __init__(self, prep: Prepared, exprs: list[Expression], issued: int | None = None):
        self.prep, self.text, self.issued = prep, prep.work, issued
        self.structure = _Structure(prep)
        self.governors = _governors(prep, exprs)
        self._gov_pos = [g.pos for g in self.governors]
        self._sections = _sections(self.structure, self.governors)
        self._look_backs = _look_backs(prep, exprs)
        self._look_back_pos = [p for p, _ in self._look_backs]

    def sentence(self, pos: int) -> tuple[int, int]:
        """The sentence around ``pos`` (bounded: see :meth:`_Structure.sentence`)."""
        return self.structure.sentence(pos)

    def para_index(self, pos: int) -> int:
        return self.structure.para_index(pos)

    def in_results_section(self, pos: int) -> bool:
        """Whether ``pos`` lies under a heading that reports results (成绩, 回顾 …)."""
        return self._under(self.para_index(pos)).results

    def look_back(self, pos: int) -> int | None:
        """How many years the look back over ``pos`` spans (五年来, 过去五年): the last one before it
        in its paragraph, else the one in its section's heading; None when there is none."""
        para = self.para_index(pos)
        k = bisect.bisect_left(self._look_back_pos, pos) - 1
        if k >= 0 and self.para_index(self._look_back_pos[k]) == para:
            return self._look_backs[k][1]
        heading = self._sections[para].para
        if heading < 0:
            return None
        k = bisect.bisect_left(self._look_back_pos, self.structure.para_end(heading)) - 1  # the heading's last
        return self._look_backs[k][1] if k >= 0 and self.para_index(self._look_back_pos[k]) == heading else None

    def clause(self, e: Expression, sa: int, sb: int) -> tuple[int, int]:
        """The clause the number sits in: back and on to a clause end, at most 60 characters each way."""
        lo, hi = max(sa, e.wstart - 60), min(sb, e.wend + 60)
        ends, marks = self.structure.clause_ends, self.structure.clause_marks  # ends: the position after a mark
        k = bisect.bisect_right(ends, e.wstart) - 1
        before = ends[k] if k >= 0 and ends[k] > lo else lo
        j = bisect.bisect_left(marks, e.wend)
        after = marks[j] if j < len(marks) and marks[j] < hi else hi
        return before, after

    def governing_year(self, e: Expression, sa: int) -> tuple[int | None, str, bool]:
        """The governing year of an expression, how it was found, and whether it is a reference date
        (截至…: the values under it are baselines)."""
        para = self.para_index(e.wstart)
        k = bisect.bisect_left(self._gov_pos, e.wstart) - 1
        if k >= 0 and self.para_index(self.governors[k].pos) == para:
            g = self.governors[k]
            if g.pos >= sa:
                return g.year, "period" if g.period else "stated", g.reference
            return g.year, "governing", g.reference
        section = self._under(para)
        if section.governor is not None:
            return section.governor.year, "governing", section.governor.reference
        if section.results and self.issued is not None:
            return self.issued - 1, "report", False  # a review naming no year: up to the year before the document
        return None, "none", False

    def _under(self, para: int) -> _Section:
        """The section paragraph ``para`` lies under; none for its own heading (a short line holding a
        value is a statement, not a heading)."""
        section = self._sections[para]  # one per paragraph: never empty
        return section if section.para < para else _NO_SECTION
