"""Charts for reports, one module per chart, and the registry of the report's charts.

Each chart function returns a figure that Jupyter shows and a report page holds; each chart module
declares the report charts it draws (:class:`~vetcompare.analysis.charts.registry.ReportChart`: file
stem, caption, drawing, cost, documentation image), and :data:`REPORT_CHARTS` lists them all, in file
order, for the report, the HTML page, the documentation images and the tests. Adding a chart is adding
a module and naming it in :data:`MODULES`.

Every chart is at most 16 cm wide (a full page at most 16 × 22 cm) with no text under 7 pt, uses
the mark grammar of :mod:`vetcompare.analysis.marks`, names its documents and dates in a note, and shows
in its legend only the marks it drew. Value axes follow stated rules, so that no chart magnifies a
small difference:

- percent axes always span 0–100% (further only if a value exceeds 100);
- counts and amounts start at zero; in a dot chart whose largest count is more than
  :data:`LOG_SPREAD` times its smallest (a municipality's 130 beside a district's 1–3) the count
  axis is logarithmic, says so, and every mark carries its value.

Marks that share a year or a row are spread side by side, and value labels are placed where they
touch no mark and no other label (:func:`vetcompare.analysis.layout.place_labels`).
"""

from __future__ import annotations

from . import baseline_target, coverage, dots, metric, tiers, timeline
from .baseline_target import baseline_target_chart
from .common import region_colours, source_note
from .coverage import coverage_chart
from .dots import dot_chart
from .metric import metric_chart
from .registry import ReportChart
from .tiers import QUALITY_METRICS, tier_chart
from .timeline import document_names, timeline_chart

MODULES = (metric, dots, tiers, coverage, timeline, baseline_target)
"""The chart modules, each with its ``REPORT`` list."""
REPORT_CHARTS: tuple[ReportChart, ...] = tuple(sorted((c for m in MODULES for c in m.REPORT), key=lambda c: c.stem))
"""Every chart of the report, in the order of its files."""
BY_STEM = {c.stem: c for c in REPORT_CHARTS}

__all__ = ["BY_STEM", "MODULES", "QUALITY_METRICS", "REPORT_CHARTS", "ReportChart", "baseline_target_chart",
           "coverage_chart", "document_names", "dot_chart", "metric_chart", "region_colours", "source_note",
           "tier_chart", "timeline_chart"]
