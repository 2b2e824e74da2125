"""The text engine's vocabulary as data, read once: the files in ``vocabulary/`` beside this module.

``traditional.tsv`` maps traditional characters to simplified ones (generated from OpenCC by
``scripts/make_traditional.py``; see its header line). Code holds the logic that reads the words.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

FOLDER = Path(__file__).resolve().parent / "vocabulary"


def rows(name: str) -> list[list[str]]:
    """The tab-separated rows of ``vocabulary/<name>``, without its comment lines and header."""
    lines = (FOLDER / name).read_text(encoding="utf-8").splitlines()
    body = [line for line in lines if line and not line.startswith("#")]
    return [line.split("\t") for line in body[1:]]


@lru_cache(maxsize=None)
def traditional() -> dict[str, str]:
    """Traditional → simplified, one character for one character."""
    return {trad: simp for trad, simp in rows("traditional.tsv")}


# Pattern templates of the vocabulary files. They spell numeral characters here rather than import
# numerals.py, which reads this module (through characters.py) and would make an import cycle.
_NUMERALS = "〇零一二两三四五六七八九十百千"
TEMPLATES = {
    "{D}": "0-9" + _NUMERALS,  # the characters a number starts with (a regex class body)
    "{NUM}": rf"(?:[0-9]+(?:\.[0-9]+)?|[{_NUMERALS}]+)",
    "{YEAR4}": r"(?:19|20)[0-9]{2}",
}


def expand(pattern: str) -> str:
    """``pattern`` with its templates ({D}, {NUM}, {YEAR4}) written out."""
    for key, value in TEMPLATES.items():
        pattern = pattern.replace(key, value)
    return pattern


@lru_cache(maxsize=None)
def exclusions() -> tuple[tuple[str, str, frozenset[str]], ...]:
    """(name, regex, flags) of every exclusion in ``exclusions.tsv``, in order; a guard becomes a
    look-ahead for the characters a match can start with."""
    out = []
    for name, guard, flags, pattern, _example in rows("exclusions.tsv"):
        rx = expand(pattern)
        if guard:
            rx = f"(?=[{expand(guard)}])(?:{rx})"
        out.append((name, rx, frozenset(f for f in flags.split(",") if f)))
    return tuple(out)


@lru_cache(maxsize=None)
def units() -> tuple[dict[str, str], dict[str, str]]:
    """(unit word → canonical unit, unit word → characters that block it), from ``units.tsv``."""
    table = rows("units.tsv")
    return {w: u for w, u, _ in table}, {w: b for w, _, b in table if b}


@lru_cache(maxsize=None)
def bounds() -> dict[str, dict[str, str]]:
    """Bound words by place (prefix, suffix, vague, vague_rank) → {word: comparator}, from ``bounds.tsv``."""
    out: dict[str, dict[str, str]] = {}
    for word, place, comparator in rows("bounds.tsv"):
        out.setdefault(place, {})[word] = comparator
    return out


@lru_cache(maxsize=None)
def cues() -> dict[str, str]:
    """The extractor's cue patterns by name (hedge, norm, target_verb, baseline …), from ``cues.tsv``."""
    return {name: pattern for name, pattern, _what in rows("cues.tsv")}


@lru_cache(maxsize=None)
def tiers() -> tuple[dict[str, str], tuple[str, ...]]:
    """(tier word → tier or "city", the words a curation sheet offers), from ``tiers.tsv``; a word
    offered "or above" is offered with 及以上 too, after the plain words."""
    table = rows("tiers.tsv")
    words = {w: t for w, t, *_ in table}
    offered = [w for w, _t, offer, *_ in table if offer == "yes"]
    above = [w + suffix for w, _t, _o, *rest in table if rest and rest[0] == "yes"
             for suffix in list(bounds()["tier_suffix"])[:1]]
    return words, tuple(offered + above)


@lru_cache(maxsize=None)
def cue(name: str, flags: int = 0) -> re.Pattern[str]:
    """The cue pattern ``name`` of ``cues.tsv``, compiled once."""
    return re.compile(cues()[name], flags)
