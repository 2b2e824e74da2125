"""Chinese and English words of the charts, in one table, and the one place that picks a language."""

from __future__ import annotations

LANGS = ("zh", "en")

TEXT = {  # key -> (Chinese, English)
    "year": ("年份", "Year"),
    "mark_eq": ("确定值", "exact value"),
    "mark_range": ("区间 (如1–2所)", "range (e.g. 1–2)"),
    "mark_ge": ("≥ / > 下限, 上不封顶", "≥ / > floor, open-ended"),
    "mark_le": ("≤ / < 上限", "≤ / < ceiling"),
    "mark_approx": ("≈ 约、左右", "≈ about"),
    "mark_hedged": ("空心: 力争", "hollow: aspirational (力争)"),
    "mark_baseline": ("方块: 基线 (已达到)", "square: baseline (reached)"),
    "link": ("实线: 同一地区 基线→目标", "line: same region, baseline → target"),
    "reference": ("虚线: {region}{year}年基线 (参照)", "dotted: {region} {year} baseline (reference)"),
    "coverage": ("各地区各主题的量化表述数", "Quantitative statements per theme and region"),
    "timeline": ("规划期与目标年份", "Plan periods and target years"),
    "issued": ("发布日期", "issued"),
    "period": ("规划期", "plan period"),
    "targets": ("目标 (数字=表述数)", "targets (number = statements)"),
    "baselines": ("基线 (数字=表述数)", "baselines (number = statements)"),
    "tiers": ("按认定级别的优质学校与专业数", "Quality schools and programmes by recognition tier"),
    "b2t": ("基线与目标", "Baselines and targets"),
    "count": ("数量", "Count"),
    "log_axis": ("数量 (对数刻度)", "Count (log scale)"),
    "none": ("未标级别", "no tier"),
    "source_head": ("来源: 各地政策文本", "Source: policy texts"),
    "source_tail": ("整理: vetcompare", "compiled with vetcompare"),
    "percent_axis": ("百分比轴一律为0–100%", "percent axes always span 0–100%"),
}


def check(lang: str) -> None:
    """Refuse a language other than zh or en, with the fix."""
    if lang not in LANGS:
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")


def pick(pair, lang: str) -> str:
    """The Chinese or English member of a (zh, en) pair."""
    check(lang)
    return pair[0] if lang == "zh" else pair[1]


def text(key: str, lang: str, **fields) -> str:
    """The chart word ``key`` in ``lang``, with ``fields`` filled in."""
    return pick(TEXT[key], lang).format(**fields)


def region_column(lang: str) -> str:
    """The targets column that names regions in ``lang``."""
    return pick(("region", "region_en"), lang)


def metric_column(lang: str) -> str:
    """The codebook column that labels metrics in ``lang``."""
    return pick(("label_zh", "label_en"), lang)
