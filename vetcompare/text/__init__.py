"""The text engine: decode a policy text, clean it with a map back to raw offsets, read Chinese
numbers and quantities, tier words and period names, and find the numeric targets, baselines and
standards of a text.

It reads no data folder and writes nothing; the data and curation wings build on it. Its public
names load on first use, so importing one module of the engine does not import the others.
"""

from __future__ import annotations

from ..lazy import lazy

_PUBLIC = {
    "CleanText": "cleaning", "Repair": "cleaning", "clean": "cleaning",
    "EncodingError": "encoding", "decode": "encoding",
    "expressions": "scanning", "extract_targets": "extract", "looks_hard_wrapped": "scanning",
    "find_quantities": "quantities", "parse_numeral": "numerals", "period_years": "numerals",
    "normalise_tier": "rules", "to_year": "rules",
}
__all__ = sorted(_PUBLIC)


__getattr__, __dir__ = lazy(__name__, _PUBLIC)
