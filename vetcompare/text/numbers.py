"""Numbers and quantities in Chinese policy text (standard library only).

Policy documents state their targets as "1—2所", "14万人以上", "达到27%", "不低于在校生的2倍",
"200余所", "近16亿元" or "三分之一", often in text extracted from PDFs with spaces and line
breaks dropped between a number and its unit. This module reads such expressions:

* :func:`parse_numeral` reads one numeral token (``"１４"``, ``"1.6亿"``, ``"一千二百万"``).
* :func:`find_quantities` finds every number expression in a text, with its unit, bounds and
  character offsets, as :class:`Quantity` records.
* :func:`period_years` / :func:`period_end` turn plan names such as 十四五 into years.
* :func:`to_chinese` writes an integer in Chinese numerals (used by round-trip tests).

The scanner finds numeral "anchors" with one regular expression and reads the words around
each anchor with anchored, possessive (non-backtracking) patterns and a bounded look-back,
so the running time is linear in the length of the text.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from . import lexicon

__all__ = [
    "Quantity",
    "UNIT_WORDS",
    "find_quantities",
    "parse_numeral",
    "period_end",
    "period_years",
    "to_chinese",
]

# --------------------------------------------------------------------------------------------
# Normalisation: a one-character-for-one-character translation, so offsets in the normalised
# text are offsets in the original text.
# --------------------------------------------------------------------------------------------

_CHAR_MAP: dict[str, str] = {}
_CHAR_MAP.update({chr(0xFF10 + i): str(i) for i in range(10)})  # full-width digits
_CHAR_MAP.update({"．": ".", "％": "%", "﹪": "%"})
_CHAR_MAP.update({c: "~" for c in "～〜∼"})
_CHAR_MAP.update({c: "-" for c in "—–－‐‑‒―−﹣﹘"})
_CHAR_MAP.update({c: " " for c in "\t\u3000\xa0\u2002\u2003\u2009\u200b"})
_CHAR_MAP.update({c: "\n" for c in "\r\f\v\x85\u2028\u2029"})
_FINANCIAL = {  # traditional / financial (大写) numerals -> simplified
    "壹": "一", "贰": "二", "貳": "二", "叁": "三", "參": "三", "叄": "三", "肆": "四",
    "伍": "五", "陆": "六", "陸": "六", "柒": "七", "捌": "八", "玖": "九",
    "拾": "十", "佰": "百", "仟": "千",
}
_CHAR_MAP.update(_FINANCIAL)
_CHAR_MAP.update({"萬": "万", "億": "亿", "兩": "两", "○": "〇", "個": "个"})
_TRANSLATE = str.maketrans(_CHAR_MAP)

# Financial forms that are also ordinary words (队伍, 陆海, 参加): alone they are not numerals.
_AMBIGUOUS_FINANCIAL = frozenset("伍陆陸參叄肆拾柒捌玖壹贰貳叁佰仟")


def _normalise(text: str) -> str:
    """Text with digit, dash, percent, space and numeral variants mapped to one form each."""
    return text.translate(_TRANSLATE)


# --------------------------------------------------------------------------------------------
# Numerals
# --------------------------------------------------------------------------------------------

_CN_DIGITS = "〇零一二两三四五六七八九"
_CN_UNITS = "十百千万亿"
_CN = _CN_DIGITS + _CN_UNITS
_LEAD = "〇零一二两三四五六七八九十"  # a numeral in running text starts with one of these
_DIGIT_VALUE = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
                "六": 6, "七": 7, "八": 8, "九": 9}
_UNIT_VALUE = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8}
_MAX_TOKEN = 64  # longer "numerals" are not numbers (IDs, noise); refusing them keeps work linear

_ASCII_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_THOUSANDS = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")
_TOKEN_PIECE = re.compile(r"[0-9]+(?:\.[0-9]+)?|.", re.S)
_FRACTION_TOKEN = re.compile(r"([^分]+)分之([^分]+)")


def parse_numeral(token: str) -> float | None:
    """The value of one numeral token, or None if it is not a numeral.

    Reads ASCII and full-width digits (``"２０２５"``), decimals (``"1.6"``), Chinese numerals
    including 两, 〇/零 and the financial forms (``"一千二百万"``, ``"壹佰"``), positional year
    digits (``"二〇二五"``), mixed forms (``"14万"``, ``"1.6亿"``) and the fraction words
    ``"一半"`` (0.5) and ``"三分之一"`` (1/3). ``"百分之六十"`` gives 60.0 (the percentage, the
    way :func:`find_quantities` reports percentages), not 0.6. Never raises.
    """
    if not isinstance(token, str):
        return None
    t = _normalise(token).strip(" \n")
    if not t or len(t) > _MAX_TOKEN:
        return None
    t = t.replace("廿", "二十").replace("卅", "三十")
    try:
        value = _parse_fraction_or_plain(t)
    except (ArithmeticError, ValueError, InvalidOperation):  # pragma: no cover - defensive
        return None
    return None if value is None else float(value)


def _parse_fraction_or_plain(t: str) -> Decimal | None:
    """Decimal value of a normalised token: 一半, N分之M, or a plain numeral."""
    if t in ("半", "一半"):
        return Decimal("0.5")
    m = _FRACTION_TOKEN.fullmatch(t)
    if m:
        den_text, num_text = m.groups()
        num = _parse_plain(num_text)
        if num is None:
            return None
        if den_text == "百":
            return num
        den = _parse_plain(den_text)
        if den is None or den == 0:
            return None
        return num / den
    return _parse_plain(t)


def _parse_plain(t: str) -> Decimal | None:
    """Decimal value of a normalised numeral without fraction words."""
    if not t or len(t) > _MAX_TOKEN:
        return None
    if _ASCII_NUMBER.fullmatch(t):
        return Decimal(t)
    if _THOUSANDS.fullmatch(t):
        return Decimal(t.replace(",", ""))
    if "点" in t:
        return _parse_point(t)
    if all(c in _DIGIT_VALUE for c in t):
        return _parse_positional(t)
    tokens = []
    for piece in _TOKEN_PIECE.findall(t):
        if piece[0].isascii() and piece[0].isdigit():
            tokens.append(("d", Decimal(piece)))
        elif piece in ("零", "〇"):
            tokens.append(("z", Decimal(0)))
        elif piece in _DIGIT_VALUE:
            tokens.append(("d", Decimal(_DIGIT_VALUE[piece])))
        elif piece in _UNIT_VALUE:
            tokens.append(("u", _UNIT_VALUE[piece]))
        else:
            return None
    return _combine(tokens)


def _parse_positional(t: str) -> Decimal | None:
    """Digit-by-digit Chinese numerals: 二〇二五 -> 2025; 三四 (3 or 4?) is ambiguous -> None."""
    if len(t) == 1:
        return Decimal(_DIGIT_VALUE[t])
    if "两" in t:
        return None
    if len(t) == 2 and not any(c in "〇零" for c in t):
        return None
    return Decimal("".join(str(_DIGIT_VALUE[c]) for c in t))


def _parse_point(t: str) -> Decimal | None:
    """Chinese decimals: 三点五 -> 3.5, 十二点五万 -> 125000."""
    whole, _, frac = t.partition("点")
    tail = len(frac) - len(frac.rstrip("万亿"))
    frac, mult_text = frac[: len(frac) - tail], frac[len(frac) - tail:]
    if not whole or not frac or mult_text not in ("", "万", "亿", "万亿"):
        return None
    w = _parse_plain(whole)
    if w is None:
        return None
    if frac.isascii() and frac.isdigit():
        digits = frac
    elif all(c in _DIGIT_VALUE and c != "两" for c in frac):
        digits = "".join(str(_DIGIT_VALUE[c]) for c in frac)
    else:
        return None
    mult = Decimal(1)
    for c in mult_text:
        mult *= _UNIT_VALUE[c]
    return (w + Decimal("0." + digits)) * mult


class _Numeral:
    """The running value of a Chinese numeral read token by token (一千二百万, 两万五, 一亿零五百万).

    Each method takes one token and returns False when the numeral cannot go on that way.
    """

    def __init__(self):
        self.total = Decimal(0)  # finished part at the 亿 level
        self.sec = Decimal(0)  # finished part at the 万 level
        self.cur = Decimal(0)  # part below 万
        self.digit = None
        self.last_small = 10**4  # units inside a section must decrease: 千 > 百 > 十
        self.last_unit = 0
        self.seen_wan = self.seen_yi = self.zero_since_unit = self.anything = False

    def take_digit(self, v) -> bool:
        if self.digit is not None:
            return False
        self.digit = v
        return True

    def take_zero(self) -> bool:
        if self.digit is not None:
            return False
        self.zero_since_unit = True
        return True

    def take_small(self, v) -> bool:  # 十 百 千
        if v >= self.last_small:
            return False
        self.cur += (self.digit if self.digit is not None else 1) * v
        self.digit, self.last_small, self.last_unit, self.zero_since_unit = None, v, v, False
        return True

    def _section(self, x: Decimal) -> Decimal | None:
        """What a 万 or 亿 multiplies: the part before it (a bare 万 at the start is 一万)."""
        if x == 0:
            return None if self.anything else Decimal(1)
        return x

    def take_wan(self) -> bool:
        x = None if self.seen_wan else self._section(self.cur + (self.digit or 0))
        if x is None:
            return False
        self.sec, self.cur, self.digit = x * 10**4, Decimal(0), None
        self.last_small, self.last_unit, self.zero_since_unit, self.seen_wan = 10**4, 10**4, False, True
        return True

    def take_yi(self) -> bool:
        x = None if self.seen_yi else self._section(self.sec + self.cur + (self.digit or 0))
        if x is None:
            return False
        self.total, self.sec, self.cur, self.digit = x * 10**8, Decimal(0), Decimal(0), None
        self.last_small, self.last_unit, self.zero_since_unit = 10**4, 10**8, False
        self.seen_yi, self.seen_wan = True, False
        return True

    def take(self, kind: str, v) -> bool:
        if kind == "d":
            ok = self.take_digit(v)
        elif kind == "z":
            ok = self.take_zero()
        else:
            ok = self.take_small(v) if v < 10**4 else self.take_wan() if v == 10**4 else self.take_yi()
        self.anything = True
        return ok

    def value(self) -> Decimal | None:
        if not self.anything:
            return None
        tail = Decimal(0)
        if self.digit is not None:
            # 一百五 = 150, 两万五 = 25000: a bare last digit counts in the unit below the last one.
            use_unit = self.last_unit >= 100 and not self.zero_since_unit
            tail = self.digit * (self.last_unit // 10) if use_unit else self.digit
        return self.total + self.sec + self.cur + tail


def _combine(tokens: list[tuple[str, object]]) -> Decimal | None:
    """Value of digit / unit / zero tokens: 一千二百万 -> 12000000, 14万 -> 140000, 两万五 -> 25000."""
    numeral = _Numeral()
    if not all(numeral.take(kind, v) for kind, v in tokens):
        return None
    return numeral.value()


_CHINESE_DIGITS = "零一二三四五六七八九"


def to_chinese(n: int) -> str:
    """Standard simplified Chinese numerals for 0..99,999,999 (10 -> 十, 1010 -> 一千零一十).

    Used to test :func:`parse_numeral` by round trip.
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"to_chinese needs an int, not {type(n).__name__}")
    if not 0 <= n <= 99_999_999:
        raise ValueError(f"to_chinese handles 0..99,999,999, not {n}")
    if n == 0:
        return "零"
    high, low = divmod(n, 10_000)
    parts = []
    if high:
        parts.append(_section(high) + "万")
    if low:
        if high and low < 1000:
            parts.append("零")
        parts.append(_section(low))
    s = "".join(parts)
    return s[1:] if s.startswith("一十") else s


def _section(v: int) -> str:
    """Chinese numerals for 1..9999, with 零 for inner gaps."""
    out: list[str] = []
    gap = False
    for place, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = v // place % 10
        if d == 0:
            gap = bool(out)
            continue
        if gap:
            out.append("零")
            gap = False
        out.append(_CHINESE_DIGITS[d] + unit)
    return "".join(out)


# --------------------------------------------------------------------------------------------
# Five-year plans
# --------------------------------------------------------------------------------------------

_PERIOD_NAME = re.compile(r"(.+?)五(?:规划|计划|时期)?")


def period_years(name: str) -> tuple[int, int]:
    """First and last year of a five-year plan named like 十四五: 十三五 -> (2016, 2020).

    The 1st plan ran 1953-1957 and the 2nd 1958-1962; after the 1963-1965 readjustment the
    3rd began in 1966, so from the 3rd plan on the start is 1953 + 5*(N-1) + 3. Quotes and a
    trailing 规划/计划/时期 are allowed; anything else raises ValueError.
    """
    if not isinstance(name, str):
        raise ValueError(f"a five-year-plan name must be a string such as '十四五', not {name!r}")
    core = re.sub(r"[“”\"'「」『』\s]", "", name)
    m = _PERIOD_NAME.fullmatch(core)
    n = parse_numeral(m.group(1)) if m else None
    if n is None or n != int(n) or not 1 <= n <= 50:
        raise ValueError(
            f"{name!r} is not a five-year-plan name such as '十三五' or '十四五'"
        )
    n = int(n)
    start = 1953 + 5 * (n - 1) + (3 if n >= 3 else 0)
    return start, start + 4


def period_end(name: str) -> int:
    """Last year of a five-year plan: 十四五 -> 2025."""
    return period_years(name)[1]


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
    parts = []
    for word in sorted(UNIT_WORDS, key=len, reverse=True):
        blocked = _UNIT_BLOCKERS.get(word)
        parts.append(re.escape(word) + (f"(?![{blocked}])" if blocked else ""))
    return "(?:" + "|".join(parts) + ")"


_UNIT_ALT = _unit_alternation()
_SP = " *+"  # spaces only (inside a number or range)
_WS = "[ \n]*+"  # spaces and line breaks (between a number and its unit or bound word)
_DEC = r"[0-9]++(?:\.[0-9]++)?+"


def _item(i: int) -> str:
    """One number of a possible range: digits with an optional 万/亿, or a Chinese run."""
    return (
        rf"(?:(?P<d{i}>{_DEC})(?:{_SP}(?P<m{i}>[百千]?[万亿]{{1,2}}+|[百千](?!分之)))?"
        rf"|(?P<c{i}>[{_LEAD}][{_CN}]*+))"
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
    rf"|(?<![{_CN}几数])[{_LEAD}]"
    rf"|第(?= *+[0-9{_LEAD}])"
    rf"|(?<![{_CN}])[百千万](?=分之)"
    rf"|半数"
)
_RANK = re.compile(rf"第{_SP}(?P<n>[0-9]++|[{_LEAD}][{_CN}]*+)")
_HALF = re.compile(r"一半|半数")
_FRACTION = re.compile(
    rf"(?P<den>{_DEC}|[{_LEAD}百千万][{_CN}]*+){_SP}分之{_SP}(?P<num>{_DEC}|[{_LEAD}][{_CN}]*+)"
)
_PERIOD = re.compile(rf"十(?P<n>[一二三四五六七八九])五(?![{_CN}0-9])")
_DATE_SEP = re.compile(
    r"(?P<y>[0-9]{4})(?P<s>[-./])(?P<mo>[0-9]{1,2})(?P=s)(?P<d>[0-9]{1,2})(?![0-9])(?!\.[0-9])"
)
_EIGHT = re.compile(r"(?P<a>[0-9]{4})(?P<b>[0-9]{4})(?![0-9.])")
_YEAR_WORD = re.compile(rf"{_WS}年")
_DATE_YMD = re.compile(
    rf"(?P<y>[0-9]{{4}}(?![0-9])|[〇零一二三四五六七八九]{{4}}(?![{_CN}])){_WS}年{_WS}"
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


def find_quantities(text: str) -> list[Quantity]:
    """Every number expression in ``text`` with its unit and bounds, in order, non-overlapping.

    Handles ranges (1—2所, 2至3个), bound words (不低于, 以上, 余, 多, 左右, 约, 近, 超过),
    percentages (27%, 百分之六十, 一半, 三分之一), multiples (2倍), 万/亿 multipliers,
    calendar years and dates, plan periods (十四五), ranks (第六), and PDF spaces or line breaks
    between a number and its unit. Runs in linear time and never raises on a str.
    """
    if not isinstance(text, str):
        raise TypeError(f"find_quantities needs a str, not {type(text).__name__}")
    s = _normalise(text)
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
    if c == "半":
        return _half(s, orig, p, prev_end)
    if c in "百千万":
        return _fraction(s, orig, p, prev_end)
    if c == "十":
        q = _period(s, orig, p, prev_end)
        if q:
            return q
    if c.isascii():
        q = _date_digits(s, orig, p, prev_end)
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
    v = 10 + _DIGIT_VALUE[m.group("n")]
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
        v *= _UNIT_VALUE[ch]
    return v


def _read_item(m: re.Match, i: int, orig: str) -> _Item | None:
    d, c = m.group(f"d{i}"), m.group(f"c{i}")
    if d is not None:
        if len(d.partition(".")[0]) > 18:
            return None
        mw = m.group(f"m{i}") or ""
        base, mult, token, chinese = Decimal(d), _mult_value(mw), d, False
        mult_word = orig[m.start(f"m{i}"):m.end(f"m{i}")] if mw else ""
        stem_has_mult = False
    else:
        if len(c) > _MAX_TOKEN:
            return None
        stem = c.rstrip("万亿")
        if not stem:
            return None
        whole = _parse_plain(c)
        if whole is None:
            return None
        mult = _mult_value(c[len(stem):])
        base, token, chinese = whole / mult, c, True
        end = m.end(f"c{i}")
        mult_word = orig[end - (len(c) - len(stem)):end]
        stem_has_mult = any(ch in "万亿" for ch in stem)
    approx = m.group(f"a{i}") is not None
    xw = m.group(f"x{i}")
    if xw:
        mult *= _mult_value(xw)
        mult_word += orig[m.start(f"x{i}"):m.end(f"x{i}")]
    return _Item(base * mult, base, mult, token, chinese, approx, mult_word, stem_has_mult)


def _is_year_token(it: _Item) -> bool:
    """A 4-digit integer 1900..2100 written without multiplier or 多/余 (2025, 二〇二五)."""
    return (len(it.token) == 4 and it.mult == 1 and not it.approx
            and all(ch.isdigit() or ch in _DIGIT_VALUE for ch in it.token)
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
    unit_norm = m.group("unit")
    unit_word_raw = orig[m.start("unit"):m.end("unit")] if unit_norm else ""
    c1 = m.group("c1")
    if c1 is not None and not ranged:
        pair = _CONSECUTIVE.get(c1)
        if pair and unit_norm and not m.group("a1") and not m.group("x1"):
            unit = "years" if unit_norm == "年" else UNIT_WORDS[unit_norm]
            return _finish(s, orig, p, m.end(), prev_end, pair[0], pair[1], unit, unit_word_raw, "approx")
    it1 = _read_item(m, 1, orig)
    if it1 is None or not _acceptable(it1, orig, m, 1, unit_norm):
        return None
    low = high = it1.value
    it2 = None
    if ranged:
        it2 = _read_item(m, 2, orig)
        if it2 is None or not _acceptable(it2, orig, m, 2, unit_norm):
            return None
        if (m.group("sep") in ("到", "至") and unit_norm == "年"
                and _is_year_token(it2) and not _is_year_token(it1)):
            return None  # 3到2025年: 到 belongs to the year
        if it1.mult == 1 and it2.mult != 1 and not it2.stem_has_mult and it1.value <= it2.base:
            low = it1.value * it2.mult  # 1-2万 = 10000..20000
        else:
            low = it1.value
        high = it2.value
        if low > high:
            return None
    if c1 is not None and _is_vague(s, p, c1):
        return None
    last = it2 or it1
    unit_word = last.mult_word + unit_word_raw
    # calendar years
    if unit_norm == "年" and _is_year_token(it1) and (it2 is None or _is_year_token(it2)):
        return _make(orig, _year_start(s, p, prev_end), m.end(), low, high, "year", "eq", unit_word)
    if unit_norm is None and it2 is not None and _is_year_token(it1) and _is_year_token(it2):
        return _make(orig, _year_start(s, p, prev_end), m.end(), low, high, "year", "eq", "")
    unit = UNIT_WORDS.get(unit_norm, "") if unit_norm else ""
    cmp = "gt" if (it1.approx or (it2 is not None and it2.approx)) else None
    return _finish(s, orig, p, m.end(), prev_end, low, high, unit, unit_word, cmp)


def _is_vague(s: str, p: int, run: str) -> bool:
    """True if the Chinese run at p is part of a word in _VAGUE."""
    for word in _VAGUE:
        i = word.find(run)
        if i >= 0 and p - i >= 0 and s.startswith(word, p - i):
            return True
    return False


def _acceptable(it: _Item, orig: str, m: re.Match, i: int, unit_norm: str | None) -> bool:
    """False for Chinese runs that are words rather than numbers (统一, 一带一路, 队伍, 五一)."""
    if not it.chinese:
        return True
    if m.end(f"c{i}") - m.start(f"c{i}") == 1 and orig[m.start(f"c{i}")] in _AMBIGUOUS_FINANCIAL:
        return False
    if _followed_by_ji(m, i):
        return False
    if unit_norm or it.approx:
        return True
    # without a unit: only runs such as 三十五 or 两万 (a unit character and 2+ characters)
    return len(it.token) >= 2 and any(ch in _CN_UNITS for ch in it.token)


def _followed_by_ji(m: re.Match, i: int) -> bool:
    """True if a Chinese run is followed by 几 (十几个: an unknown number)."""
    end = m.end(f"c{i}")
    return m.string[end:end + 1] == "几"
