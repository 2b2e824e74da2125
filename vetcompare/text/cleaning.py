"""Cleaned source text with a map back to the raw offsets.

The sources stay byte-for-byte as received. Quotes are compared against a
*cleaned* text: declared repairs applied (page furniture removed, lost dashes
and characters restored, see data/repairs.csv) and, for PDF captures, line
wraps and the spaces a PDF puts around numbers removed. Every cleaned
character remembers the raw offset it came from, so a quote found in the
cleaned text gives exact offsets into the raw text, and back.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# Characters that take no width (zero-width space and joiners, word joiner, BOM): a web page or a
# copy-paste puts them inside numbers ("6\u200b0%"), and a reader never sees them.
ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
# A PDF hard wrap: the line break with any blank lines and indentation around it.
_PDF_WRAP = re.compile(r"[ \t\u3000]*\n\s*")
# A space a PDF puts between a number and the text around it ("到 2022 年", "92 %").
_PDF_NUMBER_SPACE = re.compile(r"(?<=[0-9]) +(?=[^0-9A-Za-z ])|(?<=[^0-9A-Za-z ]) +(?=[0-9])")


@dataclass(frozen=True)
class Repair:
    """Replace ``raw`` at ``start`` by ``replacement`` (an insertion when raw is empty)."""

    start: int
    raw: str
    replacement: str
    note: str

    @property
    def end(self) -> int:
        return self.start + len(self.raw)


@dataclass(frozen=True)
class CleanText:
    """The cleaned text and, for each of its characters, the raw offset it stands for."""

    raw: str
    text: str
    origin: tuple[int, ...]
    repairs: tuple[Repair, ...] = ()

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw offsets covering cleaned characters ``start:end``."""
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"cleaned span {start}:{end} outside 0:{len(self.text)}")
        return self.origin[start], self.origin[end - 1] + 1

    def from_raw(self, start: int, end: int) -> str:
        """The cleaned text of the raw span ``start:end``."""
        lo = bisect.bisect_left(self.origin, start)
        hi = bisect.bisect_left(self.origin, end)
        return self.text[lo:hi]

    def repairs_in(self, start: int, end: int) -> list[Repair]:
        """Repairs that touch the raw span ``start:end``."""
        out = []
        for r in self.repairs:
            anchor_lo = r.start - 1 if not r.raw else r.start  # insertions hang on the char before
            anchor_hi = r.end if r.raw else r.start
            if anchor_lo < end and anchor_hi > start:
                out.append(r)
        return out

    def find(self, quote: str, after: int = 0) -> int:
        """Cleaned offset of ``quote`` at or after cleaned offset ``after``, or -1."""
        return self.text.find(quote, after)


def _apply_repairs(raw: str, repairs: list[Repair]) -> tuple[list[str], list[int]]:
    chars: list[str] = []
    origin: list[int] = []
    pos = 0
    for r in sorted(repairs, key=lambda r: r.start):
        if r.start < pos:
            raise ValueError(f"repair at {r.start} overlaps the one before it")
        if raw[r.start:r.end] != r.raw:
            raise ValueError(
                f"repair at {r.start} expects {r.raw!r} but the text has {raw[r.start:r.end]!r}"
            )
        chars.extend(raw[pos:r.start])
        origin.extend(range(pos, r.start))
        for i, ch in enumerate(r.replacement):
            chars.append(ch)
            # replaced text maps onto the damaged span; an insertion onto the char before it
            origin.append(min(r.start + i, r.end - 1) if r.raw else max(r.start - 1, 0))
        pos = r.end
    chars.extend(raw[pos:])
    origin.extend(range(pos, len(raw)))
    return chars, origin


def _drop(chars: list[str], origin: list[int], pattern: re.Pattern[str]) -> tuple[list[str], list[int]]:
    """The characters (and their raw offsets) outside every match of ``pattern``, copied slice by slice."""
    text = "".join(chars)
    spans = [m.span() for m in pattern.finditer(text)]
    if not spans:
        return chars, origin
    kept_text: list[str] = []
    kept_origin: list[int] = []
    last = 0
    for start, end in spans:
        kept_text.append(text[last:start])
        kept_origin.extend(origin[last:start])
        last = end
    kept_text.append(text[last:])
    kept_origin.extend(origin[last:])
    return list("".join(kept_text)), kept_origin


def clean(raw: str, text_form: str = "web", repairs: list[Repair] | tuple[Repair, ...] = ()) -> CleanText:
    """Clean ``raw``: apply ``repairs`` and drop zero-width characters; for ``text_form='pdf'`` also
    undo wraps and number spaces."""
    chars, origin = _apply_repairs(raw, list(repairs))
    if ZERO_WIDTH.search(raw):
        chars, origin = _drop(chars, origin, ZERO_WIDTH)
    if text_form == "pdf":
        chars, origin = _drop(chars, origin, _PDF_WRAP)
        chars, origin = _drop(chars, origin, _PDF_NUMBER_SPACE)
    elif text_form != "web":
        raise ValueError(f"unknown text_form {text_form!r}: use 'web' or 'pdf'")
    return CleanText(raw, "".join(chars), tuple(origin), tuple(sorted(repairs, key=lambda r: r.start)))
