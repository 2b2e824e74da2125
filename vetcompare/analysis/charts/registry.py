"""A chart of the report as one record: the file it is saved as, its caption, how it is drawn, and where the
documentation shows it. Each chart module declares its own; :mod:`vetcompare.analysis.charts` collects them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class ReportChart:
    """One chart of the report, declared beside the code that draws it.

    ``stem`` names its files (``01_dual_qualified_teachers_zh.png`` …) and orders the report; ``caption``
    is (Chinese, English); ``draw(lang, df, **options)`` makes the figure from a table of statements; ``cost`` orders
    the drawing (the slowest first, so that two workers finish together); ``doc_image`` is the file in
    ``docs/img`` and its language where the README or the documentation shows the chart.
    """

    stem: str
    caption: tuple[str, str]
    draw: Callable
    cost: int = 0
    doc_image: tuple[str, str] | None = None

    def chart(self, lang: str, df=None, **options):
        """The figure in ``lang`` from ``df`` (default: every statement of the default folder); ``options``
        go to the chart function (``width=`` in centimetres)."""
        return self.draw(lang, df, **options)
