"""Decoding a policy text saved in any usual Chinese encoding, refusing mojibake.

UTF-8 (with or without BOM), UTF-16/32 with a BOM, UTF-16 without one (by its zero bytes),
GB18030 (which covers GBK and GB2312) and Big5 are tried in that order. A decoding counts only if
it reads like prose: printable characters, and Chinese characters that are mostly common ones. The
common characters are not a list in this file but the first level of the national standards
themselves: GB 2312 level 1 (3,755 characters in everyday use) for simplified text and Big5's
常用字 block (5,401 characters) for traditional text. Shift-JIS or Latin-1 read as GB18030 gives
mostly rare characters and is refused instead of being stored as mojibake.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


class EncodingError(ValueError):
    """A text file's encoding could not be told with confidence."""


_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
COMMON_SHARE = 0.8
"""Share of a text's Chinese characters that must be common ones (its own script's standard)."""
MIN_HANZI = 20
"""Below this many Chinese characters the common-share test is not applied (too few to judge)."""


@lru_cache(maxsize=None)
def everyday_simplified() -> frozenset[str]:
    """GB 2312 level 1 (rows B0–D7): the 3,755 characters of everyday simplified text."""
    out = set()
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            try:
                out.add(bytes([lead, trail]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return frozenset(out)


@lru_cache(maxsize=None)
def common_hanzi() -> frozenset[str]:
    """GB 2312 level 1 and Big5 常用字 (A440–C67E): the characters of everyday use."""
    out = set(everyday_simplified())
    for code in range(0xA440, 0xC67F):
        try:
            out.add(code.to_bytes(2, "big").decode("big5"))
        except UnicodeDecodeError:
            pass
    return frozenset(out)


def _is_hanzi(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def plausible(text: str) -> bool:
    """True if a decoded text reads like Chinese or Latin prose, not mojibake."""
    if not text:
        return True
    broken = sum(unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn") and ch not in "\r\n\t\f" for ch in text)
    if broken / len(text) > 0.02:  # control, private-use or unassigned characters: bytes read wrongly
        return False
    hanzi = [ch for ch in text if _is_hanzi(ch)]
    other = sum(not (ch.isascii() or _is_hanzi(ch) or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"
                     or "\u2000" <= ch <= "\u206f" or ch == "\xa0") for ch in text)
    if other / len(text) > 0.05:  # kana, Hangul, accented letters: not a text in this encoding
        return False
    if len(hanzi) < MIN_HANZI:
        return True
    common = common_hanzi()
    return sum(ch in common for ch in hanzi) / len(hanzi) >= COMMON_SHARE


def _candidates(data: bytes) -> list[str]:
    out = ["utf-8"]
    if len(data) >= 4 and data[1::2].count(0) > len(data) // 4:
        out.insert(0, "utf-16-le")
    elif len(data) >= 4 and data[0::2].count(0) > len(data) // 4:
        out.insert(0, "utf-16-be")
    out += ["gb18030", "big5"]
    if len(data) % 2 == 0:  # UTF-16 without a BOM and with few ASCII characters: judged by plausibility
        out += [c for c in ("utf-16-le", "utf-16-be") if c not in out]
    return out


def decode(data: bytes, name: str = "the file") -> tuple[str, str]:
    """Decode a policy text; return (text, encoding). Line ends and spaces are kept as they are, so
    offsets refer to exactly this text. Raise :class:`EncodingError` rather than return mojibake."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding), encoding
    for encoding in _candidates(data):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if plausible(text):
            return text, encoding
    raise EncodingError(
        f"{name}: cannot tell the text's encoding (tried UTF-8, UTF-16, GB18030/GBK and Big5; what they give is "
        "not readable Chinese). Open it in an editor and save it as UTF-8, then try again."
    )
