"""vetcompare: compare the numeric promises of Chinese vocational-education (职业教育) policy texts.

    >>> import vetcompare as vc
    >>> df = vc.load_targets()      # one row per quantitative statement
    >>> grid = vc.side_by_side(metric="teachers.dual_qualified_share", lang="en")
    >>> grid.iloc[0].tolist()        # regions as columns, one phrase per cell
    ['60% (2020, baseline)', '≥60% (2025)', '>50% (2022)', '≥80% (2027)', '55% (2025)']
    >>> fig = vc.metric_chart("teachers.dual_qualified_share")   # a Figure that Jupyter shows

The namespace holds what an analyst uses: loading, selecting and comparing, charts, export and
the report. Adding a region lives in :mod:`vetcompare.curation` (``vc.curation.register_document``),
the text engine in :mod:`vetcompare.text` (``vc.text.extract_targets``), the data folder in
:mod:`vetcompare.data`. Names are imported on first use, so ``import vetcompare`` stays fast
(pandas and matplotlib load only when a function needs them).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

__version__ = "0.3.0"
__released__ = "2026-12-04"  # the date of this version in CHANGELOG.md: the dataset is cited by it

_PUBLIC = {
    # data
    "load_targets": "data.folder",
    "load_documents": "data.folder",
    "load_codebook": "data.folder",
    "source_text": "data.folder",
    "DataFolder": "data.folder",
    "DataError": "data.problems",
    "schema_table": "schema",
    # comparing
    "select": "analysis.compare",
    "describe": "analysis.compare",
    "side_by_side": "analysis.compare",
    "comparison_long": "analysis.compare",
    "styled": "analysis.compare",
    # charts
    "metric_chart": "analysis.charts",
    "dot_chart": "analysis.charts",
    "tier_chart": "analysis.charts",
    "coverage_chart": "analysis.charts",
    "timeline_chart": "analysis.charts",
    "baseline_target_chart": "analysis.charts",
    "save_figure": "analysis.saving",
    "use_cjk_font": "analysis.fonts",
    # export and report
    "write_workbook": "analysis.export",
    "read_workbook": "analysis.export",
    "write_html": "analysis.page",
    "write_data_package": "analysis.data_package",
    "build_report": "analysis.report",
    "cite": "analysis.cite",
    "manifest": "analysis.cite",
    "explore": "analysis.explore",
}
if TYPE_CHECKING:  # what type checkers and editors see; at run time each name loads on first use
    from .analysis.cite import (
        cite as cite,
        manifest as manifest,
    )
    from .analysis.compare import (
        comparison_long as comparison_long,
        describe as describe,
        select as select,
        side_by_side as side_by_side,
        styled as styled,
    )
    from .analysis.data_package import write_data_package as write_data_package
    from .analysis.explore import explore as explore
    from .analysis.export import (
        read_workbook as read_workbook,
        write_workbook as write_workbook,
    )
    from .analysis.fonts import use_cjk_font as use_cjk_font
    from .analysis.page import write_html as write_html
    from .analysis.charts import (
        baseline_target_chart as baseline_target_chart,
        coverage_chart as coverage_chart,
        dot_chart as dot_chart,
        metric_chart as metric_chart,
        tier_chart as tier_chart,
        timeline_chart as timeline_chart,
    )
    from .analysis.report import build_report as build_report
    from .analysis.saving import save_figure as save_figure
    from .data.folder import (
        DataFolder as DataFolder,
        load_codebook as load_codebook,
        load_documents as load_documents,
        load_targets as load_targets,
        source_text as source_text,
    )
    from .data.problems import DataError as DataError
    from .schema import schema_table as schema_table

_WINGS = ("analysis", "curation", "data", "text")

__all__ = sorted(_PUBLIC)


def __getattr__(name: str):
    if name in _WINGS:
        return importlib.import_module(f".{name}", __name__)
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'vetcompare' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(__all__) | set(_WINGS) | {"__version__"})
