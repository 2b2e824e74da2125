"""Numbers in Chinese policy text: numerals (:mod:`~vetcompare.text.numerals`) and quantities
(:mod:`~vetcompare.text.quantities`), under one name for the code that reads both."""

from __future__ import annotations

from .numerals import parse_numeral, period_end, period_years
from .quantities import UNIT_WORDS, Quantity, find_quantities

__all__ = ["Quantity", "UNIT_WORDS", "find_quantities", "parse_numeral", "period_end", "period_years"]
