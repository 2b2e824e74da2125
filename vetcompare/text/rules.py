"""Normalisation rules that make regions comparable: recognition tiers and periods.

Tiers (认定级别): a 国家级 recognition is national everywhere; 省级 is provincial;
市级 depends on who says it: Chongqing is a provincial-level municipality, so
its 市级 ranks with Sichuan's 省级 (provincial), while Bazhong's 市级 is
prefecture level; 区级/县级 is district. "X及以上" (X or above) keeps tier X
as the floor; the document's own word stays beside the tier.

Periods: the Nth five-year plan (N五) covers 1953+5(N-1) .. +4, so 十三五 is
2016–2020 and 十四五 2021–2025; "到十四五末" and "十四五期间" targets fall due in
the last year.
"""

from __future__ import annotations

import re

from . import lexicon
from .numerals import period_years

_TIER_WORDS, TIER_WORD_CHOICES = lexicon.tiers()  # vocabulary/tiers.tsv
"""The tier words a curation sheet offers (any word :func:`normalise_tier` reads is accepted)."""
_TIER_RE = re.compile("^(" + "|".join(sorted(_TIER_WORDS, key=len, reverse=True)) + ")("
                      + "|".join(lexicon.bounds()["tier_suffix"]) + ")?$")


def normalise_tier(tier_word: str | None, city_tier: str) -> str:
    """The comparable tier of a document's tier word; ``city_tier`` says what its 市级 means.

    >>> normalise_tier("市级", "provincial"), normalise_tier("市级", "prefecture")
    ('provincial', 'prefecture')
    """
    if not isinstance(tier_word, str) or not tier_word.strip():
        return "none"  # blank, None or NaN: the document names no tier
    m = _TIER_RE.match(tier_word.strip())
    if not m:
        raise ValueError(f"unknown tier word {tier_word!r}: use one of {', '.join(TIER_WORD_CHOICES)}")
    tier = _TIER_WORDS[m.group(1)]
    if tier == "city":
        if city_tier not in ("provincial", "prefecture"):
            raise ValueError(f"city_tier must be provincial or prefecture, not {city_tier!r}")
        return city_tier
    return tier


_YEAR = re.compile(r"^\d{4}$")
_PERIOD = lexicon.cue("period_name")  # 十四五, 到十四五末, 十三五时期


def to_year(text: str | int | None) -> int | None:
    """A target year from a year or a period name: 2025, "十四五", "十四五末", "十三五时期".

    A period stands for its last year: a target "到十四五末" or "十四五期间" is due by
    then, and a 十三五 achievement is the state at the end of 2020.
    """
    if text is None:
        return None
    if isinstance(text, int):
        return text
    s = str(text).strip()
    if not s:
        return None
    if _YEAR.match(s):
        return int(s)
    m = _PERIOD.match(s)
    if m:
        return period_years(m.group(1))[1]
    raise ValueError(f"{text!r} is not a year (2025) or the name of a five-year plan period")
