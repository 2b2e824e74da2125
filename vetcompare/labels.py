"""Chinese and English words of the charts, in one table, and the one place that picks a language."""

from __future__ import annotations

LANGS = ("zh", "en")

THEMES = {  # theme id -> (Chinese, English), in display order
    "schools": ("学校", "Schools"),
    "programmes": ("专业与课程", "Programmes and courses"),
    "teachers": ("教师", "Teachers"),
    "students": ("学生与升学", "Students and pathways"),
    "training": ("职业培训", "Training"),
    "skills": ("技能人才", "Skilled workforce"),
    "industry": ("产教融合", "Industry–education integration"),
    "employment": ("就业", "Employment"),
    "cooperation": ("对外与区域合作", "International and regional cooperation"),
    "conditions": ("办学条件与经费", "Conditions and funding"),
    "governance": ("治理与规划", "Governance and planning"),
}

UNITS = {  # unit -> (Chinese, English) as shown in tables and charts
    "percent": ("%", "%"),
    "count": ("个/所", ""),
    "persons": ("人", "persons"),
    "person_times": ("人次", "person-times"),
    "multiple": ("倍", "×"),
    "months": ("个月", "months"),
    "years": ("年", "years"),
    "yuan": ("元", "yuan"),
    "times_per_year": ("次/年", "per year"),
    "rank": ("名", "rank"),
    "ratio": ("", ""),
}

TIERS = {  # tier -> (Chinese, English)
    "national": ("国家级", "national"),
    "provincial": ("省级", "provincial"),
    "prefecture": ("地市级", "prefecture"),
    "district": ("区县级", "district"),
    "none": ("", ""),
}
KINDS = {"target": ("目标", "target"), "baseline": ("基线", "baseline"), "standard": ("标准", "standard")}
HEDGE = ("力争", "aspirational")
LARGE_NUMBERS = {  # what large person and yuan counts are written in
    "zh": ((1e8, "亿"), (1e4, "万")),
    "en": ((1e9, " billion"), (1e6, " million"), (1e3, " thousand")),
}
QUALITATIVE = {"ratio": ("大体相当", "roughly equal"), "": ("达标", "meets standard")}

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
    "theme": ("主题", "Theme"),
    "metrics": ("指标", "Metrics"),
    "regions": ("地区", "Regions"),
    "theme_header": ("主题", "theme"),
    "metric_header": ("指标", "metric"),
    "region_header": ("地区", "region"),
    "nothing": ("所选条件下没有量化表述", "no statements for this choice"),
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


def unit_suffix(unit: str, lang: str) -> str:
    """What follows a value in a phrase: "%" for percent; 人 or " persons"; nothing for a count."""
    if unit in ("count", "ratio"):
        return ""
    word = pick(UNITS[unit], lang)
    return word if (lang == "zh" or unit == "percent" or not word) else " " + word


def large_number(value: float, lang: str) -> str | None:
    """``value`` in 万/亿 (zh) or thousand/million/billion (en), or None when it is small."""
    for size, word in LARGE_NUMBERS[lang]:
        if value >= size:
            return f"{value / size:g}{word}"
    return None
