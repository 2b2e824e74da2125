"""vetcompare: compare the numeric promises of Chinese vocational-education (职业教育) policy texts.

    >>> import vetcompare as vc
    >>> df = vc.load_targets()      # one row per quantitative statement
    >>> docs = vc.load_documents()  # one row per source document

The public names below are imported on first use, so ``import vetcompare``
stays fast (pandas and matplotlib load only when a function needs them).
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

_PUBLIC = {
    # data
    "load_targets": "load",
    "load_documents": "load",
    "load_codebook": "load",
    "load_curated": "load",
    "source_text": "load",
    "clean_source": "load",
    "data_dir": "load",
    "DataError": "validate",
    "reload": "load",
    "decode": "text",
    # adding a region
    "register_document": "register",
    "curation_sheet": "register",
    "write_sheet": "sheet",
    "read_sheet": "sheet",
    "import_sheet": "sheet",
    "extract_targets": "extract",
    "audit": "audit",
    "audit_all": "audit",
    "explain": "audit",
    "expressions": "extract",
    # comparison, charts, export
    "select": "compare",
    "describe": "compare",
    "side_by_side": "compare",
    "comparison_long": "compare",
    "styled": "compare",
    "metric_chart": "plot",
    "tier_chart": "plot",
    "dot_chart": "plot",
    "coverage_chart": "plot",
    "timeline_chart": "plot",
    "baseline_target_chart": "plot",
    "save_figure": "plot",
    "use_cjk_font": "fonts",
    "write_workbook": "export",
    "read_workbook": "export",
    "build_report": "report",
    "explore": "explore",
    "schema_table": "schema",
    # rules and numbers
    "normalise_tier": "rules",
    "to_year": "rules",
    "parse_numeral": "numbers",
    "find_quantities": "numbers",
    "period_years": "numbers",
}

__all__ = sorted(_PUBLIC)


def __getattr__(name: str):
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'vetcompare' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(list(globals()) + __all__)
