"""The one table of character variants of the text engine, and :func:`normalise`.

What: full-width digits and punctuation made ASCII, dash and tilde variants unified, odd spaces and
line breaks made plain, ○ made 〇, and traditional characters simplified (OpenCC's table,
``vocabulary/traditional.tsv``). Every mapping is one character for one character, so an offset in a
normalised copy is an offset in the input. Scanning and the numeral reader both use this table (the
numeral reader adds the financial numerals 壹贰叁 on top, which are words elsewhere: 队伍).
"""

from __future__ import annotations

from . import lexicon

__all__ = ["TRADITIONAL", "VARIANTS", "normalise"]

TRADITIONAL: dict[str, str] = lexicon.traditional()
"""Traditional -> simplified characters, one character each, so that 達到, 國家級, 個, 萬 and 力爭 read
as their simplified forms."""

VARIANTS: dict[str, str] = {chr(0xFF10 + i): str(i) for i in range(10)}  # full-width digits
VARIANTS.update({"．": ".", "％": "%", "﹪": "%", "＋": "+", "（": "(", "）": ")", "，": ",",
                 "；": ";", "：": ":", "！": "!", "？": "?", "﹐": ",", "﹔": ";"})
VARIANTS.update({c: "~" for c in "～〜∼"})
VARIANTS.update({c: "-" for c in "—–－‐‑‒―−﹣﹘"})
VARIANTS.update({c: " " for c in "\t\u3000\xa0\u2002\u2003\u2009\u200b"})
VARIANTS.update({c: "\n" for c in "\r\f\v\x85\u2028\u2029"})
VARIANTS.update({"○": "〇"})
VARIANTS.update(TRADITIONAL)
_TRANSLATE = str.maketrans(VARIANTS)


def normalise(text: str) -> str:
    """A copy of ``text`` with the same length: traditional characters simplified, full-width
    digits and punctuation made ASCII, dash and tilde variants unified."""
    return text.translate(_TRANSLATE)
