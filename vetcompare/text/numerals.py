"""Chinese numerals and plan periods (standard library only).

* :func:`parse_numeral` reads one numeral token (``"１４"``, ``"1.6亿"``, ``"一千二百万"``, ``"三分之一"``).
* :func:`period_years` / :func:`period_end` turn plan names such as 十四五 into years.
* :func:`translate` maps the engine's character variants (:mod:`~vetcompare.text.characters`) and
  the financial numerals 壹贰叁 to one form each, one character for one character.

The public constants (digit and unit values, the characters a numeral is made of) are what
:mod:`~vetcompare.text.quantities` reads numbers in running text with.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from .characters import VARIANTS

__all__ = ["AMBIGUOUS_FINANCIAL", "CHINESE_NUMERAL", "CHINESE_UNITS", "DIGIT_VALUE", "MAX_TOKEN", "NUMERAL_START",
           "UNIT_VALUE", "parse_numeral", "parse_plain", "period_end", "period_years", "translate"]

# --------------------------------------------------------------------------------------------
# Normalisation: a one-character-for-one-character translation, so offsets in the normalised
# text are offsets in the original text.
# --------------------------------------------------------------------------------------------

_FINANCIAL = {  # financial (大写) numerals -> simplified, on top of the engine's one character table
    "壹": "一", "贰": "二", "貳": "二", "叁": "三", "參": "三", "叄": "三", "肆": "四",
    "伍": "五", "陆": "六", "陸": "六", "柒": "七", "捌": "八", "玖": "九",
    "拾": "十", "佰": "百", "仟": "千",
}
_TRANSLATE = str.maketrans({**VARIANTS, **_FINANCIAL})

# Financial forms that are also ordinary words (队伍, 陆海, 参加): alone they are not numerals.
AMBIGUOUS_FINANCIAL = frozenset("伍陆陸參叄肆拾柒捌玖壹贰貳叁佰仟")


_HAS_FINANCIAL = re.compile("[" + "".join(_FINANCIAL) + "]")


def translate(text: str, normalised: bool = False) -> str:
    """Text with digit, dash, percent, space and numeral variants mapped to one form each.
    ``normalised``: the text went through :func:`vetcompare.text.characters.normalise` already,
    so only financial numerals are left to map (a quick search finds whether there are any)."""
    if not normalised:
        return text.translate(_TRANSLATE)
    return _HAS_FINANCIAL.sub(lambda m: _FINANCIAL[m.group()], text)  # few: no full copy through a table


# --------------------------------------------------------------------------------------------
# Numerals
# --------------------------------------------------------------------------------------------

CHINESE_DIGITS = "〇零一二两三四五六七八九"
CHINESE_UNITS = "十百千万亿"
CHINESE_NUMERAL = CHINESE_DIGITS + CHINESE_UNITS
NUMERAL_START = "〇零一二两三四五六七八九十"  # a numeral in running text starts with one of these
DIGIT_VALUE = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
                "六": 6, "七": 7, "八": 8, "九": 9}
UNIT_VALUE = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8}
MAX_TOKEN = 64  # longer "numerals" are not numbers (IDs, noise); refusing them keeps work linear

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
    t = translate(token).strip(" \n")
    if not t or len(t) > MAX_TOKEN:
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
        num = parse_plain(num_text)
        if num is None:
            return None
        if den_text == "百":
            return num
        den = parse_plain(den_text)
        if den is None or den == 0:
            return None
        return num / den
    return parse_plain(t)


def parse_plain(t: str) -> Decimal | None:
    """Decimal value of a normalised numeral without fraction words."""
    if not t or len(t) > MAX_TOKEN:
        return None
    if _ASCII_NUMBER.fullmatch(t):
        return Decimal(t)
    if _THOUSANDS.fullmatch(t):
        return Decimal(t.replace(",", ""))
    if "点" in t:
        return _parse_point(t)
    if all(c in DIGIT_VALUE for c in t):
        return _parse_positional(t)
    tokens = []
    for piece in _TOKEN_PIECE.findall(t):
        if piece[0].isascii() and piece[0].isdigit():
            tokens.append(("d", Decimal(piece)))
        elif piece in ("零", "〇"):
            tokens.append(("z", Decimal(0)))
        elif piece in DIGIT_VALUE:
            tokens.append(("d", Decimal(DIGIT_VALUE[piece])))
        elif piece in UNIT_VALUE:
            tokens.append(("u", UNIT_VALUE[piece]))
        else:
            return None
    return _combine(tokens)


def _parse_positional(t: str) -> Decimal | None:
    """Digit-by-digit Chinese numerals: 二〇二五 -> 2025; 三四 (3 or 4?) is ambiguous -> None."""
    if len(t) == 1:
        return Decimal(DIGIT_VALUE[t])
    if "两" in t:
        return None
    if len(t) == 2 and not any(c in "〇零" for c in t):
        return None
    return Decimal("".join(str(DIGIT_VALUE[c]) for c in t))


def _parse_point(t: str) -> Decimal | None:
    """Chinese decimals: 三点五 -> 3.5, 十二点五万 -> 125000."""
    whole, _, frac = t.partition("点")
    tail = len(frac) - len(frac.rstrip("万亿"))
    frac, mult_text = frac[: len(frac) - tail], frac[len(frac) - tail:]
    if not whole or not frac or mult_text not in ("", "万", "亿", "万亿"):
        return None
    w = parse_plain(whole)
    if w is None:
        return None
    if frac.isascii() and frac.isdigit():
        digits = frac
    elif all(c in DIGIT_VALUE and c != "两" for c in frac):
        digits = "".join(str(DIGIT_VALUE[c]) for c in frac)
    else:
        return None
    mult = Decimal(1)
    for c in mult_text:
        mult *= UNIT_VALUE[c]
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
