"""Quantities in Chinese policy text: every number expression with its unit, bounds and offsets.

Policy documents state their targets as "1—2所", "14万人以上", "达到27%", "不低于在校生的2倍",
"200余所", "近16亿元" or "三分之一", often in text extracted from PDFs with spaces and line
breaks dropped between a number and its unit. :func:`find_quantities` finds such expressions as
:class:`Quantity` records. It finds numeral "anchors" with one regular expression and reads the
words around each anchor with anchored, possessive (non-backtracking) patterns and a bounded
look-back, so the running time is linear in the length of the text. Unit and bound words are
vocabulary (``vocabulary/units.tsv``, ``bounds.tsv``); a match is read through one small
:class:`_Written` record per number, the only code that knows the pattern's group names.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import NamedTuple
from decimal import Decimal

from . import lexicon
from .numerals import (AMBIGUOUS_FINANCIAL, CHINESE_NUMERAL, CHINESE_UNITS, DIGIT_VALUE, MAX_TOKEN, NUMERAL_START,
                       UNIT_VALUE, parse_numeral, parse_plain, translate)

__all__ = ["Quantity", "UNIT_WORDS", "find_quantities"]

# --------------------------------------------------------------------------------------------
# Quantities
# --------------------------------------------------------------------------------------------

UNIT_WORDS, _UNIT_BLOCKERS = lexicon.units()
"""Unit word as written (after normalisation: ％ -> %) -> canonical unit, from ``vocabulary/units.tsv``.

年 after a calendar year (2025年) gives unit 'year' instead of 'years'. ``_UNIT_BLOCKERS``: a unit word
followed by one of its characters is part of another word (本科, 条件, 年级)."""

_PREFIX_BOUNDS = lexicon.bounds()["prefix"]  # 不低于 → ge, 约 → approx … (vocabulary/bounds.tsv)
_SUFFIX_BOUNDS = lexicon.bounds()["suffix"]  # 以上 → ge, 左右 → approx …
_YEAR_PREFIXES = ("截止到", "截至", "截止", "到", "至")
_PREFIX_WORDS = tuple(sorted(_PREFIX_BOUNDS, key=len, reverse=True))
_LOOKBACK = 30  # characters searched for a bound word before a number

# Words that look like a number and a unit but state no number (建成一批…, 新一轮…).
_VAGUE = tuple(lexicon.bounds()["vague"])  # 一批, 新一轮: a number and a unit that state no number
_VAGUE_RANKS = tuple(lexicon.bounds()["vague_rank"])  # 第三方, 第一时间


def _unit_alternation() -> str:
    """The unit words, longest first, behind a look-ahead for their first characters (so the many
    alternatives are tried only where a unit can start)."""
    parts = []
    for word in sorted(UNIT_WORDS, key=len, reverse=True):
        blocked = _UNIT_BLOCKERS.get(word)
        parts.append(re.escape(word) + (f"(?![{blocked}])" if blocked else ""))
    firsts = "".join(sorted({re.escape(w[0]) for w in UNIT_WORDS}))
    return f"(?=[{firsts}])(?:" + "|".join(parts) + ")"


_UNIT_ALT = _unit_alternation()
_SP = " *+"  # spaces only (inside a number or range)
_WS = "[ \n]*+"  # spaces and line breaks (between a number and its unit or bound word)
_DEC = r"[0-9]++(?:\.[0-9]++)?+"


def _item(i: int) -> str:
    """One number of a possible range: digits with an optional 万/亿, or a Chinese run."""
    return (
        rf"(?:(?P<d{i}>{_DEC})(?:{_SP}(?P<m{i}>[百千]?[万亿]{{1,2}}+|[百千](?!分之)))?"
        rf"|(?P<c{i}>[{NUMERAL_START}][{CHINESE_NUMERAL}]*+))"
        rf"(?P<a{i}>余|多(?={_WS}(?:[万亿]|{_UNIT_ALT})))?"
        rf"(?P<x{i}>[万亿]{{1,2}}+)?"
    )


_RANGE_SEP = r"(?P<sep>-{1,2}+|~|至|到)"
_UNIT_TAIL = rf"(?:{_WS}(?P<unit>{_UNIT_ALT}))?"
_GENERAL = re.compile(_item(1) + rf"(?:{_SP}{_RANGE_SEP}{_SP}" + _item(2) + ")?" + _UNIT_TAIL)
_SINGLE = re.compile(_item(1) + _UNIT_TAIL)
_UNIT_BOTH = re.compile(  # 15%-20%, 2021年—2025年: the unit written after both numbers
    _item(1) + rf"{_WS}(?P<unit1>{_UNIT_ALT}){_SP}{_RANGE_SEP}{_SP}" + _item(2) + _UNIT_TAIL
)
_SUFFIX = re.compile(rf"{_WS}(?P<suf>以上|以下|左右|以内|之内)")

_ANCHOR = re.compile(
    rf"(?<![0-9])[0-9]"
    rf"|(?<![{CHINESE_NUMERAL}几数])[{NUMERAL_START}]"
    rf"|第(?= *+[0-9{NUMERAL_START}])"
    rf"|(?<![{CHINESE_NUMERAL}])[百千万](?=分之)"
    rf"|半数"
    rf"|[上几](?=[千万亿])"
    rf"|减(?=半)|翻(?=了?[一两二三四]番)"
)
_RANK = re.compile(rf"第{_SP}(?P<n>[0-9]++|[{NUMERAL_START}][{CHINESE_NUMERAL}]*+)")
_HALF = re.compile(r"一半|半数|减半")
# Words that state a number without digits: 上亿 (at least 10^8), 几千万 (2–9 × 10^7, about), 翻一番 (×2)
_MAGNITUDE = re.compile(rf"(?P<word>上|几)(?P<x>千万|百万|千|万|亿)(?P<a>多|余)?{_UNIT_TAIL}")
_DOUBLINGS = re.compile(r"翻了?(?P<n>[一两二三四])番")
_COMPOUND = re.compile(rf"(?P<num>[0-9]++[万亿][0-9]++[千百])(?P<a>余|多)?(?P<x>万)?{_UNIT_TAIL}")
_FRACTION = re.compile(
    rf"(?P<den>{_DEC}|[{NUMERAL_START}百千万][{CHINESE_NUMERAL}]*+){_SP}分之{_SP}(?P<num>{_DEC}|[{NUMERAL_START}][{CHINESE_NUMERAL}]*+)"
)
_PERIOD = re.compile(rf"十(?P<n>[一二三四五六七八九])五(?![{CHINESE_NUMERAL}0-9])")
_DATE_SEP = re.compile(
    r"(?P<y>[0-9]{4})(?P<s>[-./])(?P<mo>[0-9]{1,2})(?P=s)(?P<d>[0-9]{1,2})(?![0-9])(?!\.[0-9])"
)
_EIGHT = re.compile(r"(?P<a>[0-9]{4})(?P<b>[0-9]{4})(?![0-9.])")
_YEAR_WORD = re.compile(rf"{_WS}年")
_DATE_YMD = re.compile(
    rf"(?P<y>[0-9]{{4}}(?![0-9])|[〇零一二三四五六七八九]{{4}}(?![{CHINESE_NUMERAL}])){_WS}年{_WS}"
    rf"(?P<mo>[0-9]{{1,2}}|十[一二]?|[一二三四五六七八九]){_WS}(?P<moend>月)"
    rf"(?:{_WS}(?P<d>[0-9]{{1,2}}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九]){_WS}[日号])?"
)
_GAP = re.compile(
    "(" + "|".join(_PREFIX_WORDS) + r")[^\s0-9%.,;:!?，。；：、！？（）()“”\"'《》\-]{1,12}的\Z"
)


@dataclass(frozen=True)
class Quantity:
    """One number expression found in a text.

    ``start``/``end`` are offsets into the text given to :func:`find_quantities` and cover the
    whole expression (bound words, number, multiplier and unit); ``text == text[start:end]``.
    ``value_low == value_high`` for a single value. ``unit`` is canonical (see
    :data:`UNIT_WORDS`; also 'year', 'date', 'period', 'rank', or '' for a bare number) and
    ``unit_word`` is the unit as written ('所', '%', '万人'). ``comparator`` is one of 'eq',
    'ge', 'gt', 'le', 'lt', 'approx'. Dates have the value YYYYMMDD (DD = 00 for a month).
    """

    start: int
    end: int
    text: str
    value_low: float
    value_high: float
    unit: str
    comparator: str
    unit_word: str


def find_quantities(text: str, normalised: bool = False) -> list[Quantity]:
    """Every number expression in ``text`` with its unit and bounds, in order, non-overlapping.

    Handles ranges (1—2所, 2至3个), bound words (不低于, 以上, 余, 多, 左右, 约, 近, 超过),
    percentages (27%, 百分之六十, 一半, 三分之一), multiples (2倍), 万/亿 multipliers,
    calendar years and dates, plan periods (十四五), ranks (第六), and PDF spaces or line breaks
    between a number and its unit. Runs in linear time and never raises on a str. ``normalised``
    says the text is already :func:`vetcompare.text.characters.normalise`-d (it is not done twice).
    """
    if not isinstance(text, str):
        raise TypeError(f"find_quantities needs a str, not {type(text).__name__}")
    s = translate(text, normalised)
    out: list[Quantity] = []
    pos = prev_end = 0
    n = len(s)
    while pos < n:
        m = _ANCHOR.search(s, pos)
        if m is None:
            break
        p = m.start()
        q = _parse_at(s, text, p, prev_end)
        if q is None or q.end <= p:
            pos = p + 1
            continue
        out.append(q)
        pos = prev_end = q.end
    return out


# ---- the expression at one anchor ---------------------------------------------------------


def _parse_at(s: str, orig: str, p: int, prev_end: int) -> Quantity | None:
    """The quantity whose number starts at p (normalised text s, original orig), or None."""
    c = s[p]
    if c == "第":
        return _rank(s, orig, p)
    if c in "半减":
        return _half(s, orig, p, prev_end)
    if c in "上几翻":
        return _magnitude(s, orig, p, prev_end)
    if c in "百千万":
        return _fraction(s, orig, p, prev_end)
    if c == "十":
        q = _period(s, orig, p, prev_end)
        if q:
            return q
    if c.isascii():
        q = _date_digits(s, orig, p, prev_end) or _compound(s, orig, p, prev_end)
        if q:
            return q
    q = _date_ymd(s, orig, p, prev_end)
    if q:
        return q
    if s.startswith("一半", p):
        return _half(s, orig, p, prev_end)
    q = _fraction(s, orig, p, prev_end)
    if q:
        return q
    return _general(s, orig, p, prev_end)


def _make(orig: str, start: int, end: int, low, high, unit: str, cmp: str, unit_word: str) -> Quantity:
    return Quantity(start, end, orig[start:end], float(low), float(high), unit, cmp, unit_word)


def _combine_cmp(a: str | None, b: str | None) -> str | None:
    """Comparator of a prefix bound a and a core/suffix bound b (超过…以上 -> gt)."""
    if a is None or a == "eq":
        return b if b is not None else a
    if b is None or b == "eq" or a == b:
        return a
    pair = {a, b}
    if pair == {"gt", "ge"}:
        return "gt"
    if pair == {"lt", "le"}:
        return "lt"
    if "approx" in pair:
        return "approx"
    return a


def _prefix(s: str, core_start: int, prev_end: int, words, gap: bool = False):
    """(start, comparator word) of a bound word just before core_start, else (core_start, None)."""
    lo = max(prev_end, core_start - _LOOKBACK)
    w = s[lo:core_start].rstrip(" \n")
    for word in words:
        if w.endswith(word):
            return lo + len(w) - len(word), word
    if gap and w.endswith("的"):
        m = _GAP.search(w)
        if m:
            return lo + m.start(), m.group(1)
    return core_start, None


def _finish(s, orig, p, core_end, prev_end, low, high, unit, unit_word, cmp):
    """Add a following bound word (以上) and a preceding one (不低于) and build the Quantity."""
    end = core_end
    m = _SUFFIX.match(s, core_end)
    if m:
        cmp = _combine_cmp(cmp, _SUFFIX_BOUNDS[m.group("suf")])
        end = m.end()
    start, word = _prefix(s, p, prev_end, _PREFIX_WORDS, gap=unit in ("multiple", "percent"))
    if word:
        cmp = _combine_cmp(_PREFIX_BOUNDS[word], cmp)
    return _make(orig, start, end, low, high, unit, cmp or "eq", unit_word)


def _year_start(s: str, p: int, prev_end: int) -> int:
    """Start of a year or date including a preceding 到/至 (到2025年)."""
    return _prefix(s, p, prev_end, _YEAR_PREFIXES)[0]


def _rank(s, orig, p):
    m = _RANK.match(s, p)
    if not m or any(s.startswith(v, p) for v in _VAGUE_RANKS):
        return None
    v = parse_numeral(m.group("n"))
    if v is None or v != int(v) or v < 1:
        return None
    return _make(orig, p, m.end(), v, v, "rank", "eq", "第")


def _magnitude(s, orig, p, prev_end):
    """上亿人 (at least 10^8 persons), 几千万人 (2 to 9 × 10^7, about), 翻一番 (a multiple of 2; 翻两番 4)."""
    m = _DOUBLINGS.match(s, p)
    if m:
        v = 2 ** int(parse_numeral(m.group("n")))
        return _make(orig, p, m.end(), v, v, "multiple", "eq", "番")
    m = _MAGNITUDE.match(s, p)
    if not m or (p and s[p - 1] in CHINESE_NUMERAL):
        return None  # 十几万 is 11 to 19 万, not 几万
    size = float(parse_numeral("一" + m.group("x")))
    unit = UNIT_WORDS.get(m.group("unit"), "") if m.group("unit") else ""
    word = orig[m.start("x"):m.end()] if m.group("unit") else orig[m.start("x"):m.end("x")]
    if m.group("word") == "上":
        return _finish(s, orig, p, m.end(), prev_end, size, size, unit, word, "ge")
    return _finish(s, orig, p, m.end(), prev_end, 2 * size, 9 * size, unit, word, "approx")


def _compound(s, orig, p, prev_end):
    """1万6千多户, 2万5千公里, 1亿3千多万: a number in two sections (10^4 or 10^8, then the rest)."""
    m = _COMPOUND.match(s, p)
    if not m or (m.group("x") and "亿" not in m.group("num")):
        return None
    value = parse_numeral(m.group("num") + (m.group("x") or ""))
    if value is None:
        return None
    unit = UNIT_WORDS.get(m.group("unit"), "") if m.group("unit") else ""
    unit_word = orig[m.start("x"):m.end()] if m.group("x") else (orig[m.start("unit"):m.end()] if unit else "")
    return _finish(s, orig, p, m.end(), prev_end, value, value, unit, unit_word, "gt" if m.group("a") else None)


def _half(s, orig, p, prev_end):
    m = _HALF.match(s, p)
    if not m:
        return None
    return _finish(s, orig, p, m.end(), prev_end, 50, 50, "percent", orig[p:m.end()], None)


def _fraction(s, orig, p, prev_end):
    m = _FRACTION.match(s, p)
    if not m:
        return None
    num = parse_numeral(m.group("num"))
    if m.group("den") == "百":
        if num is None:
            return None
        value, word = num, "百分之"
    else:
        den = parse_numeral(m.group("den"))
        if num is None or not den:
            return None
        value, word = 100 * num / den, "分之"
    return _finish(s, orig, p, m.end(), prev_end, value, value, "percent", word, None)


def _period(s, orig, p, prev_end):
    m = _PERIOD.match(s, p)
    if not m:
        return None
    v = 10 + DIGIT_VALUE[m.group("n")]
    return _make(orig, p, m.end(), v, v, "period", "eq", "五")


def _valid_date(y: int, mo: int, d: int) -> bool:
    if not 1900 <= y <= 2100:
        return False
    try:
        datetime.date(y, mo, d)
    except ValueError:
        return False
    return True


def _date_digits(s, orig, p, prev_end):
    """2025-01-09 / 2025.1.9 / 20211231 (dates) and 20212025年 (a year range with a lost dash)."""
    m = _DATE_SEP.match(s, p)
    if m:
        y, mo, d = int(m.group("y")), int(m.group("mo")), int(m.group("d"))
        if _valid_date(y, mo, d):
            v = y * 10000 + mo * 100 + d
            return _make(orig, p, m.end(), v, v, "date", "eq", "")
    m = _EIGHT.match(s, p)
    if m:
        a, b = m.group("a"), m.group("b")
        if _valid_date(int(a), int(b[:2]), int(b[2:])):
            v = int(a + b)
            return _make(orig, p, m.end(), v, v, "date", "eq", "")
        y1, y2 = int(a), int(b)
        w = _YEAR_WORD.match(s, m.end())
        if w and 1900 <= y1 < y2 <= 2100 and y2 - y1 <= 50:
            return _make(orig, _year_start(s, p, prev_end), w.end(), y1, y2, "year", "eq", "年")
    return None


def _date_ymd(s, orig, p, prev_end):
    """2022年3月17日, 2025年12月, 二〇二一年十二月 -> unit 'date', value YYYYMMDD (DD 00 if absent)."""
    m = _DATE_YMD.match(s, p)
    if not m:
        return None
    y, mo = parse_numeral(m.group("y")), parse_numeral(m.group("mo"))
    if y is None or mo is None or not _valid_date(int(y), int(mo), 1):
        return None
    y, mo = int(y), int(mo)
    d, end, word = 0, m.end("moend"), "年月"
    if m.group("d"):
        dv = parse_numeral(m.group("d"))
        if dv is not None and _valid_date(y, mo, int(dv)):
            d, end, word = int(dv), m.end(), "年月日"
    v = y * 10000 + mo * 100 + d
    return _make(orig, _year_start(s, p, prev_end), end, v, v, "date", "eq", word)


# ---- plain numbers, ranges, units -----------------------------------------------------------


class _Written(NamedTuple):
    """How one number of a match was written, in spans of the text: the only reader of the pattern's
    group names (d digits, m their 万/亿, c a Chinese run, a 余/多, x a trailing 万/亿), so no other
    function depends on them."""

    digits: str | None
    digits_mult: tuple[int, int] | None  # span of the 万/亿 after the digits
    chinese: tuple[int, int] | None  # span of the Chinese run
    approx: bool  # 余 or 多
    trailing: tuple[int, int] | None  # span of a 万/亿 after all that

    @classmethod
    def of(cls, m: re.Match, i: int) -> "_Written":
        d, mult, c, a, x = m.group(f"d{i}", f"m{i}", f"c{i}", f"a{i}", f"x{i}")
        return cls(d, m.span(f"m{i}") if mult else None, m.span(f"c{i}") if c is not None else None,
                   a is not None, m.span(f"x{i}") if x else None)


@dataclass
class _Item:
    """One number of a match: value, value before its trailing 万/亿, and how it was written."""

    value: Decimal
    base: Decimal
    mult: Decimal
    token: str  # the digits or Chinese run as normalised
    chinese: bool
    approx: bool
    mult_word: str  # 万/亿 as written in the original
    stem_has_mult: bool


def _mult_value(word: str | None) -> Decimal:
    v = Decimal(1)
    for ch in word or "":
        v *= UNIT_VALUE[ch]
    return v


def _read_item(w: _Written, s: str, orig: str) -> _Item | None:
    """The value of one written number (None when it is too long or not a number)."""
    if w.digits is not None:
        if len(w.digits.partition(".")[0]) > 18:
            return None
        mw = s[slice(*w.digits_mult)] if w.digits_mult else ""
        base, mult, token, chinese = Decimal(w.digits), _mult_value(mw), w.digits, False
        mult_word = orig[slice(*w.digits_mult)] if w.digits_mult else ""
        stem_has_mult = False
    else:
        c = s[slice(*w.chinese)]
        stem = c.rstrip("万亿")
        if len(c) > MAX_TOKEN or not stem:
            return None
        whole = parse_plain(c)
        if whole is None:
            return None
        mult = _mult_value(c[len(stem):])
        base, token, chinese = whole / mult, c, True
        mult_word = orig[w.chinese[1] - (len(c) - len(stem)):w.chinese[1]]
        stem_has_mult = any(ch in "万亿" for ch in stem)
    if w.trailing:
        mult *= _mult_value(s[slice(*w.trailing)])
        mult_word += orig[slice(*w.trailing)]
    return _Item(base * mult, base, mult, token, chinese, w.approx, mult_word, stem_has_mult)


def _is_year_token(it: _Item) -> bool:
    """A 4-digit integer 1900..2100 written without multiplier or 多/余 (2025, 二〇二五)."""
    return (len(it.token) == 4 and it.mult == 1 and not it.approx
            and all(ch.isdigit() or ch in DIGIT_VALUE for ch in it.token)
            and 1900 <= it.value <= 2100)


_CONSECUTIVE = {a + b: (i, i + 1) for i, (a, b) in enumerate(zip("一二三四五六七八", "二三四五六七八九"), 1)}
_CONSECUTIVE["两三"] = (2, 3)


def _general(s, orig, p, prev_end):
    m = _GENERAL.match(s, p)
    if m and not m.group("sep"):
        both = _UNIT_BOTH.match(s, p)
        if both and both.group("unit1") == both.group("unit"):
            m = both
    if m and m.group("sep"):
        q = _from_match(s, orig, p, prev_end, m, ranged=True)
        if q is not None:
            return q
        m = _SINGLE.match(s, p)
    if not m:
        return None
    return _from_match(s, orig, p, prev_end, m, ranged=False)


def _from_match(s, orig, p, prev_end, m, ranged):
    """The quantity of a plain match: a consecutive pair (两三所), one number or a range, then a calendar
    year or a value with its unit and bounds."""
    unit_norm = m.group("unit")
    unit_word_raw = orig[m.start("unit"):m.end("unit")] if unit_norm else ""
    pair = _consecutive_pair(m, ranged)
    if pair:
        unit = "years" if unit_norm == "年" else UNIT_WORDS[unit_norm]
        return _finish(s, orig, p, m.end(), prev_end, pair[0], pair[1], unit, unit_word_raw, "approx")
    items = _items(m, s, orig, ranged)
    if items is None or (m.group("c1") is not None and _is_vague(s, p, m.group("c1"))):
        return None
    it1, it2, low, high = items
    unit_word = (it2 or it1).mult_word + unit_word_raw
    if _calendar_years(unit_norm, it1, it2):
        return _make(orig, _year_start(s, p, prev_end), m.end(), low, high, "year", "eq",
                     unit_word if unit_norm else "")
    unit = UNIT_WORDS.get(unit_norm, "") if unit_norm else ""
    cmp = "gt" if (it1.approx or (it2 is not None and it2.approx)) else None
    return _finish(s, orig, p, m.end(), prev_end, low, high, unit, unit_word, cmp)


def _consecutive_pair(m: re.Match, ranged: bool) -> tuple[int, int] | None:
    """两三所, 四五个: two consecutive numerals with a unit, read as about that range."""
    c1 = m.group("c1")
    if c1 is None or ranged or not m.group("unit") or m.group("a1") or m.group("x1"):
        return None
    return _CONSECUTIVE.get(c1)


def _items(m: re.Match, s: str, orig: str, ranged: bool):
    """(first item, second item or None, low, high) of a match, or None when it is not a number or range."""
    unit_norm = m.group("unit")
    w1 = _Written.of(m, 1)
    it1 = _read_item(w1, s, orig)
    if it1 is None or not _acceptable(it1, w1, s, orig, unit_norm):
        return None
    if not ranged:
        return it1, None, it1.value, it1.value
    w2 = _Written.of(m, 2)
    it2 = _read_item(w2, s, orig)
    if it2 is None or not _acceptable(it2, w2, s, orig, unit_norm):
        return None
    if m.group("sep") in ("到", "至") and unit_norm == "年" and _is_year_token(it2) and not _is_year_token(it1):
        return None  # 3到2025年: 到 belongs to the year
    scaled = it1.mult == 1 and it2.mult != 1 and not it2.stem_has_mult and it1.value <= it2.base
    low = it1.value * it2.mult if scaled else it1.value  # 1-2万 = 10000..20000
    return (it1, it2, low, it2.value) if low <= it2.value else None


def _calendar_years(unit_norm: str | None, it1: _Item, it2: _Item | None) -> bool:
    """2025年, 2021—2025年, 2021-2025: calendar years rather than a count of years."""
    if unit_norm == "年":
        return _is_year_token(it1) and (it2 is None or _is_year_token(it2))
    return unit_norm is None and it2 is not None and _is_year_token(it1) and _is_year_token(it2)


def _is_vague(s: str, p: int, run: str) -> bool:
    """True if the Chinese run at p is part of a word in _VAGUE."""
    for word in _VAGUE:
        i = word.find(run)
        if i >= 0 and p - i >= 0 and s.startswith(word, p - i):
            return True
    return False


def _acceptable(it: _Item, w: _Written, s: str, orig: str, unit_norm: str | None) -> bool:
    """False for Chinese runs that are words rather than numbers (统一, 一带一路, 队伍, 五一)."""
    if not it.chinese:
        return True
    start, end = w.chinese
    if end - start == 1 and orig[start] in AMBIGUOUS_FINANCIAL:
        return False
    if s[end:end + 1] == "几":
        return False  # 十几个: an unknown number
    if unit_norm or it.approx:
        return True
    # without a unit: only runs such as 三十五 or 两万 (a unit character and 2+ characters)
    return len(it.token) >= 2 and any(ch in CHINESE_UNITS for ch in it.token)
