"""Chinese and English words of the charts, in one table, and the one place that picks a language."""

from __future__ import annotations

import re

from . import schema

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
COMPARATORS = {"eq": ("等于", "equal to"), "ge": ("不低于 (≥)", "at least (≥)"), "gt": ("超过 (>)", "more than (>)"),
               "le": ("不高于 (≤)", "at most (≤)"), "lt": ("低于 (<)", "less than (<)"),
               "approx": ("约 (≈)", "about (≈)")}
YEAR_BASES = {  # how the year of a statement was found
    "stated": ("句中写明", "stated in the sentence"),
    "governing": ("管辖该句的年份 (如“到2025年”)", "a year governing the sentence (到2025年)"),
    "period": ("规划期末年", "last year of the period named"),
    "deadline": ("任务表的完成时间", "deadline in the task list"),
    "plan_end": ("文件规划期末年", "end of the document's plan period"),
    "report": ("报告年份 (基线)", "year reported (baseline)"),
    "none": ("无年份 (标准)", "no year (a standard)"),
}
BASES = {"level": ("达到的水平", "level reached"), "increment": ("新增量", "increment")}
YES_NO = {True: ("是", "yes"), False: ("否", "no")}
COLUMNS = {  # column -> (Chinese, English) header of workbooks and the HTML report
    "target_id": ("编号", "Target id"), "doc_id": ("文件编号", "Document id"), "region": ("地区", "Region"),
    "region_en": ("地区 (英文)", "Region (English)"), "province": ("省级单位", "Province"),
    "province_en": ("省级单位 (英文)", "Province (English)"), "metric_id": ("指标编号", "Metric id"),
    "theme": ("主题", "Theme"), "kind": ("类型", "Kind"), "tier": ("级别", "Tier"),
    "tier_word": ("原文级别用词", "Tier word"), "comparator": ("比较方式", "Comparator"),
    "value_low": ("下限值", "Value (low)"), "value_high": ("上限值", "Value (high)"), "unit": ("单位", "Unit"),
    "year": ("年份", "Year"), "year_basis": ("年份依据", "Year found by"), "hedged": ("力争", "Aspirational"),
    "basis": ("口径", "Basis"), "responsible": ("责任单位", "Responsible"), "deadline": ("完成时间", "Deadline"),
    "repeats": ("重复自", "Repeats"), "source_start": ("起始字符", "Start offset"),
    "source_end": ("结束字符", "End offset"), "quote": ("原文", "Quote"), "note": ("说明", "Note"),
    "file": ("文件名", "File"), "id_prefix": ("编号前缀", "Id prefix"), "admin_level": ("行政级别", "Admin level"),
    "city_tier": ("“市级”含义", "Meaning of 市级"), "issuer": ("发文机关", "Issuer"), "title": ("标题", "Title"),
    "doc_type": ("文件类型", "Document type"), "issued": ("发布日期", "Issued"),
    "period_start": ("规划期起", "Period start"), "period_end": ("规划期止", "Period end"),
    "text_form": ("文本形式", "Text form"), "sha256": ("SHA-256 校验值", "SHA-256"), "damage": ("已知损坏", "Known damage"),
    "url": ("网址", "URL"), "accessed": ("访问日期", "Accessed"), "licence": ("版权与使用", "Licence"),
    "label_zh": ("中文名称", "Chinese label"), "label_en": ("英文名称", "English label"),
    "definition": ("定义", "Definition"), "item": ("项目", "Item"), "value": ("内容", "Value"),
    "period": ("规划期", "Plan period"), "sentence": ("原文句子", "Sentence"),
}
ADMIN_LEVELS = {"municipality": ("直辖市", "municipality"), "province": ("省", "province"),
                "prefecture_city": ("地级市", "prefecture-level city"), "district": ("区", "district"),
                "county": ("县", "county")}
CITY_TIERS = {"provincial": ("省级 (直辖市的“市级”)", "provincial (市级 of a municipality)"),
              "prefecture": ("地市级", "prefecture")}
TEXT_FORMS = {"web": ("网页文本", "web text"), "pdf": ("PDF 提取文本 (硬换行)", "PDF text (hard-wrapped)")}
CODED = {"admin_level": ADMIN_LEVELS, "city_tier": CITY_TIERS, "text_form": TEXT_FORMS, "kind": KINDS, "tier": TIERS, "comparator": COMPARATORS, "year_basis": YEAR_BASES, "basis": BASES,
         "hedged": YES_NO, "theme": THEMES, "unit": UNITS}
"""Columns holding codes, and the words each code is shown as."""

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
    "reference": ("{line}: {region}{year}年基线 (参照)", "{line}: {region} {year} baseline (reference)"),
    "line_:": ("虚线", "dotted"),
    "line_--": ("短划线", "dashed"),
    "line_-.": ("点划线", "dash-dot"),
    "doc_row": ("{region} ({year})", "{region} ({year})"),
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
    "cite_data": ("vetcompare 数据集 {version}（数据版本 {data}，{year}）：{n} 条量化表述，来源：{docs}。",
                  "vetcompare dataset {version} (data version {data}, {year}): {n} quantitative statements from "
                  "{docs}."),
    "cite_doc": ("{region}：{issuer}{title}（{issued}）", "{region}: {issuer}{title} ({issued})"),
    "cite_docs_sep": ("；", "; "),
    "cite_one": ("{region}，{issuer}{title}（{issued}），原文：{sentence}（字符 {start}–{end}；编号 {target}；"
                 "vetcompare {version}，数据版本 {data}）",
                 "{region}: {issuer}, {title} ({issued}), quoted: {sentence} (characters {start}–{end}; "
                 "statement {target}; vetcompare {version}, data version {data})"),
    "cite_note": ("编号 {target}，字符 {start}–{end}；vetcompare {version}，数据版本 {data}",
                  "statement {target}, characters {start}–{end}; vetcompare {version}, data version {data}"),
    "cite_inner_quote": ("‘{q}’", "'{q}'"),
    "cite_quoted": (" 原文：{q}", " Quoted: {q}"),
    "cite_bracket": ("（{note}）", " ({note})"),
    "cite_language": ("chinese", "english"),
    "cite_authors": ("vetcompare 开发者", "The vetcompare developers"),
    "cite_title": ("vetcompare：中国职业教育政策文本的数值目标：{version}",
                   "vetcompare: Numeric targets of Chinese vocational-education policy texts (Version {version})"),
    "cite_data_note": ("数据版本 {data}，{n} 条量化表述，来自 {docs} 份文件",
                       "data version {data}; {n} quantitative statements from {docs} documents"),
    "label_suffix": ("(中文)", "(label)"),
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


def column(name: str, lang: str) -> str:
    """The header of column ``name`` in ``lang`` (the name itself when it has none)."""
    pair = COLUMNS.get(name)
    return pick(pair, lang) if pair else name


def bilingual(code: str, chinese: str, lang: str) -> str:
    """A name a program reads back, said in the reader's language: "目标表 targets" in Chinese (the code
    last, after a space), the code alone in English."""
    return pick((f"{chinese} {code}", code), lang)


def coded(name: str, code, lang: str) -> str:
    """The word for ``code`` of column ``name`` (a kind, tier, comparator …) in ``lang``; '' if none."""
    pair = CODED[name].get(code)
    if name == "tier" and code == "none":
        return text("none", lang)
    return pick(pair, lang) if pair else ""


def region_column(lang: str) -> str:
    """The targets column that names regions in ``lang``."""
    return pick(("region", "region_en"), lang)


def metric_column(lang: str) -> str:
    """The codebook column that labels metrics in ``lang``."""
    return pick(("label_zh", "label_en"), lang)


def unit_suffix(unit: str, lang: str) -> str:
    """What follows a value in a phrase: "%" for percent; 人 or " persons"; nothing for a count."""
    if schema.unit(unit).bare:
        return ""
    word = pick(UNITS[unit], lang)
    return word if (lang == "zh" or schema.unit(unit).share or not word) else " " + word


def large_number(value: float, lang: str) -> str | None:
    """``value`` in 万/亿 (zh) or thousand/million/billion (en), or None when it is small."""
    for size, word in LARGE_NUMBERS[lang]:
        if value >= size:
            return f"{value / size:g}{word}"
    return None


PAGE = {  # words of the HTML report, key -> (Chinese, English)
    "html_lang": ("zh-CN", "en"),
    "title": ("职业教育政策量化目标比较", "Quantitative targets of vocational-education policy, compared"),
    "made": ("由 {package} 生成, 数据版本 {data}, {made}", "made with {package}, data version {data}, {made}"),
    "intro": ("每个单元格汇总一个地区对一项指标的全部表述。点击单元格, 右侧显示原文句子 (高亮处为引用的原文, "
              "按字符位置取自源文件)、编号、类型、年份及其依据、级别、说明和对损坏文本的修复。",
              "Each cell gathers every statement of one region on one metric. Click a cell: the panel shows the "
              "sentence with the quoted words highlighted at their exact character offsets in the source text, "
              "the statement id, kind, year and how it was found, tier, notes and every repair of damaged text."),
    "notes_language": ("“已知损坏”、说明和修复记录是整理者用英文写的原注, 未译成中文, 以免改变所引内容。",
                       ""),  # an English page needs no word on it
    "documents": ("比较的文件", "Documents compared"),
    "comparison": ("分主题对比", "Side by side, by theme"),
    "charts": ("图表", "Charts"),
    "rules": ("可比性规则与图例", "What makes regions comparable, and how to read the charts"),
    "cite": ("如何引用", "How to cite"),
    "manifest": ("运行记录", "Run manifest"),
    "panel_empty": ("点击对比表中的单元格, 在此查看其原文。", "Click a cell of a comparison table to see its sources here."),
    "statements": ("{n} 条表述", "{n} statement(s)"),
    "repairs": ("修复的损坏文本", "Repairs of damaged text"),
    "repair": ("原为 “{raw}”, 读作 “{replacement}”: {note}", "“{raw}” read as “{replacement}”: {note}"),
    "offsets": ("源文件 {file} 的字符 {start}–{end}", "characters {start}–{end} of {file}"),
    "caption_sources": ("数据来源: 见“比较的文件”; 每个数值可在上表中点开原文。",
                        "Sources: see “Documents compared”; every value opens its sentence in the table above."),
    "cite_data": ("引用数据集", "Citing the dataset"),
    "cite_one": ("引用单条表述: 在 Python 中运行 vc.cite(\"编号\"), 例如:",
                 "Citing one statement: run vc.cite(\"id\") in Python, for example:"),
    "none": ("无", "none"),
    "rule_tiers": ("级别: 各地“市级”含义不同。重庆是直辖市, 其“市级”等同于省级; 地级市 (如巴中) 的“市级”是地市级。"
                   "表格与图表按统一的级别 (国家级、省级、地市级、区县级) 比较, 原文用词保留在“原文级别用词”中。",
                   "Tiers: 市级 means different things. Chongqing is a province-level municipality, so its 市级 is "
                   "provincial; in a prefecture-level city such as Bazhong it is prefecture. Tables and charts compare "
                   "the normalised tier (national, provincial, prefecture, district); the document's own word is kept."),
    "rule_periods": ("规划期与年份: 目标年份按原文写明、管辖该句的年份 (如“到2025年”)、规划期末年或任务表完成时间依次确定, "
                     "每条表述注明依据。基线是已达到的数值, 目标是计划达到的数值。",
                     "Periods and years: a target's year is the year stated, else the year governing the sentence "
                     "(到2025年), else the end of the period named or the task list's deadline; each statement says "
                     "which. A baseline is a value already reached; a target is one promised."),
    "rule_comparators": ("比较方式: “以上”“不低于”为 ≥, “超过”为 >, “约”“左右”为 ≈; 区间 (如 2–3 所) 保留上下限, "
                         "不取中值, 不四舍五入。",
                         "Comparators: 以上 and 不低于 are ≥, 超过 is >, 约 and 左右 are ≈; a range (2–3 schools) keeps "
                         "both ends, never a midpoint, and no value is rounded."),
    "rule_hedging": ("力争: 带“力争”“争创”的表述是争取性目标, 在表格中标出, 在图中以空心标记显示。",
                     "Hedging: statements softened by 力争 or 争创 are aspirational; tables flag them and charts draw "
                     "them hollow."),
    "rule_grammar": ("图例: 实心圆为确定值; 横条为区间; 三角加箭头为下限 (上不封顶); 菱形为约数; 空心为力争; "
                     "方块为基线。百分比轴从 0 到 100, 不放大小差异; 数量轴从 0 开始, 数值相差二十倍以上时用对数轴。"
                     "实线只连接同一地区的基线与目标; 虚线是上级基线的参照, 不表示变化。",
                     "Chart grammar: a filled dot is an exact value; a bar is a range; a triangle with an arrow is a "
                     "floor (open-ended); a diamond is approximate; hollow marks are aspirational; squares are "
                     "baselines. Percent axes run from 0 to 100 so small differences are not magnified; count axes "
                     "start at zero and turn logarithmic when values differ more than twentyfold. A solid line joins "
                     "a region's own baseline to its own target; a dotted line is a reference baseline of the "
                     "higher level and states no change."),
    "sheet_targets": ("每条量化表述一行 (load_targets())。带 (中文) 的列是前一列代码的文字说明。",
                      "One row per quantitative statement (load_targets()). A column marked (label) says in "
                      "words what the code before it means."),
    "sheet_comparison": ("各地区并列, 每项指标一行 (side_by_side())。单元格批注给出其表述的编号与原文。",
                         "Regions side by side, one row per metric (side_by_side()); each cell's comment quotes "
                         "its statements with their ids."),
    "sheet_codebook": ("每个指标编号的含义、主题与单位。", "What each metric_id means, its theme and unit."),
    "sheet_sources": ("来源文件: 发文机关、日期、规划期、SHA-256、已知损坏。",
                      "The source documents: issuer, date, period, sha256, known damage."),
    "sheet_about": ("本工作簿的生成方式与引用方式。", "How the workbook was made and how to cite it."),
    "rows": ("{n} 条表述, 来自 {docs} 份文件", "{n} statements from {docs} documents"),
    "offsets_rule": ("每个数值按文件 (来源文件表) 及原文引用; 起始/结束字符是源文件解码文本中的字符位置。",
                     "Cite each number by its document (sheet sources) and its quote; start and end offsets are "
                     "character positions in the decoded source text."),
    "licence": ("数据说明: 政府机关的政策文件不受著作权保护 (《著作权法》第五条); 新闻报道仅作短篇引用。"
                "整理数据 (位置、编号、说明) 采用 CC BY 4.0, 代码采用 MIT 许可。",
                "Data statement: policy documents of government bodies are not subject to copyright (Copyright Law "
                "of the PRC, art. 5); a news report is quoted in short passages only. The curated data (offsets, "
                "ids, notes) are CC BY 4.0; the code is MIT-licensed."),
}


MANIFEST = {  # run manifest key -> (Chinese, English)
    "package": ("软件版本", "Package"), "data_version": ("数据版本", "Data version"), "made": ("生成时间", "Made"),
    "statements": ("表述数", "Statements"), "codebook_sha256": ("指标表 SHA-256", "Codebook SHA-256"),
}


def book_title(title: str) -> str:
    """A title in 《》, a title inside it in 〈〉 (《〈行动计划〉政策解读》)."""
    return "《" + title.replace("《", "〈").replace("》", "〉") + "》"


def page(key: str, lang: str, **fields) -> str:
    """A word or sentence of the HTML report in ``lang``, with ``fields`` filled in; a Chinese sentence
    in Chinese punctuation (the words of the table are written once, with the plain marks of the code)."""
    template = pick(PAGE[key], lang)
    return (chinese_punctuation(template) if lang == "zh" else template).format(**fields)


_CODE = re.compile(r"\w+(?:\.\w+)*\([^()]*\)")  # vc.cite("编号"), load_targets(): code keeps its marks
_MARKS = ((re.compile(r",\s*"), "，"), (re.compile(r";\s*"), "；"), (re.compile(r":\s*"), "："))
_BRACKETS = re.compile(r"\s?\(([^()]*[\u4e00-\u9fff][^()]*)\)\s?")


def chinese_punctuation(text: str) -> str:
    """``text`` with the comma, semicolon, colon and brackets of Chinese prose made full-width (，；：（）),
    code such as ``vc.cite("编号")`` and placeholders left as they are."""
    kept: list[str] = []

    def keep(m):
        kept.append(m.group())
        return f"\x00{len(kept) - 1}\x00"

    text = _CODE.sub(keep, text)
    text = _BRACKETS.sub(lambda m: f"（{m.group(1)}）", text)
    for pattern, mark in _MARKS:
        text = pattern.sub(mark, text)
    return re.sub("\x00(\\d+)\x00", lambda m: kept[int(m.group(1))], text)
