"""Writing integers in Chinese numerals, to test the numeral reader by round trip (test code only)."""

_CHINESE_DIGITS = "零一二三四五六七八九"


def to_chinese(n: int) -> str:
    """Standard simplified Chinese numerals for 0..99,999,999 (10 -> 十, 1010 -> 一千零一十).

    The reader must read back what this writes.
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
