"""Tests of vetcompare.numbers: numerals, quantities, periods.

Each find_quantities case gives a sentence with exactly one number expression and the
expected span, values, unit, comparator and unit word; negative cases are words that look
like numbers; property tests check round trips, robustness and linear running time.
"""

from __future__ import annotations

import dataclasses
import math
import random
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chinese_numerals import to_chinese
from vetcompare.text.numbers import (
    UNIT_WORDS,
    Quantity,
    find_quantities,
    parse_numeral,
    period_end,
    period_years,
)

SOURCES = Path(__file__).resolve().parents[1] / "data" / "sources"
FULLWIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")

# (id, text, span, value_low, value_high, unit, comparator, unit_word)
CASES = [
    # ranges
    ("range_emdash", "建成1—2所国家级优质中职学校", "1—2所", 1, 2, "count", "eq", "所"),
    ("range_zhi", "每校开设2至3个专业", "2至3个", 2, 3, "count", "eq", "个"),
    ("range_hyphen", "联合培养试点专业20-30个", "20-30个", 20, 30, "count", "eq", "个"),
    ("range_no_unit", "建成市级双高计划4-5力争", "4-5", 4, 5, "", "eq", ""),
    ("range_en_dash", "引进优质课程3–5门", "3–5门", 3, 5, "count", "eq", "门"),
    ("range_fullwidth_hyphen", "引进优质课程3－5门", "3－5门", 3, 5, "count", "eq", "门"),
    ("range_tilde", "集中培训10~20天", "10~20天", 10, 20, "days", "eq", "天"),
    ("range_fullwidth_tilde", "每班10～20人", "10～20人", 10, 20, "persons", "eq", "人"),
    ("range_dao", "每年举办1到2次技能大赛", "1到2次", 1, 2, "times", "eq", "次"),
    ("range_chinese", "每校建设二至三个专业群", "二至三个", 2, 3, "count", "eq", "个"),
    ("range_space_unit", "建设 1-2 个具有辐射力的集团", "1-2 个", 1, 2, "count", "eq", "个"),
    ("range_double_dash", "打造1——2所示范校", "1——2所", 1, 2, "count", "eq", "所"),
    ("range_shared_multiplier", "每年培训1-2万人", "1-2万人", 10000, 20000, "persons", "eq", "万人"),
    ("range_years_approx", "经过 5-10 年左右时间", "5-10 年左右", 5, 10, "years", "approx", "年"),
    ("range_unit_both", "比例提高15%-20%", "15%-20%", 15, 20, "percent", "eq", "%"),
    ("range_colloquial", "每校打造两三个品牌", "两三个", 2, 3, "count", "approx", "个"),
    # bound words
    ("ge_yishang_wan", "区技能型人才达到14万人以上", "达到14万人以上", 140000, 140000, "persons", "ge", "万人"),
    ("le_yixia", "整合1200人以下的学校", "1200人以下", 1200, 1200, "persons", "le", "人"),
    ("ge_budiyu", "毕业生就业率不低于90%", "不低于90%", 90, 90, "percent", "ge", "%"),
    ("ge_bushaoyu_spaces", "教师不少于 6 个月在企业实践", "不少于 6 个月", 6, 6, "months", "ge", "个月"),
    ("le_buchaoguo", "班额不超过45人", "不超过45人", 45, 45, "persons", "le", "人"),
    ("le_bugaoyu", "比例不高于30%", "不高于30%", 30, 30, "percent", "le", "%"),
    ("gt_chaoguo", "输送毕业生超过110万人", "超过110万人", 1100000, 1100000, "persons", "gt", "万人"),
    ("gt_gaoyu", "增速高于8%", "高于8%", 8, 8, "percent", "gt", "%"),
    ("gt_yu", "200余所职业院校与企业合作", "200余所", 200, 200, "count", "gt", "所"),
    ("gt_duo", "与6000多家企业密切合作", "6000多家", 6000, 6000, "count", "gt", "家"),
    ("gt_yu_ge", "出台实施意见等20余个文件", "20余个", 20, 20, "count", "gt", "个"),
    ("approx_zuoyou", "遴选建设50所左右市级优质中职学校", "50所左右", 50, 50, "count", "approx", "所"),
    ("approx_yue", "每年约6万名学生参与", "约6万名", 60000, 60000, "persons", "approx", "万名"),
    ("approx_jin", "每年投入近16亿元财政资金", "近16亿元", 1.6e9, 1.6e9, "yuan", "approx", "亿元"),
    ("eq_dadao", "就业人员比例达到27%", "达到27%", 27, 27, "percent", "eq", "%"),
    ("eq_plain", "建成2所市级高水平高职院校", "2所", 2, 2, "count", "eq", "所"),
    ("gt_half", "占专业课教师总数超过一半以上", "超过一半以上", 50, 50, "percent", "gt", "一半"),
    ("ge_half", "实践性教学课时占总课时一半以上", "一半以上", 50, 50, "percent", "ge", "一半"),
    ("ge_gap_multiple", "年培训人次不低于在校生的2倍", "不低于在校生的2倍", 2, 2, "multiple", "ge", "倍"),
    ("lt_buzu", "流失率不足10%", "不足10%", 10, 10, "percent", "lt", "%"),
    ("le_yinei", "控制在5%以内", "5%以内", 5, 5, "percent", "le", "%"),
    ("ge_count_space", "职业学校和 4 个以上专业群", "4 个以上", 4, 4, "count", "ge", "个"),
    # percentages and multiples
    ("pct_space", "初次就业率达到92 %以上", "达到92 %以上", 92, 92, "percent", "ge", "%"),
    ("pct_fullwidth", "比例达到27％", "达到27％", 27, 27, "percent", "eq", "％"),
    ("pct_baifenzhi", "提高到百分之六十", "百分之六十", 60, 60, "percent", "eq", "百分之"),
    ("pct_baifenzhi_digits", "占比百分之5", "百分之5", 5, 5, "percent", "eq", "百分之"),
    ("pct_fraction_ge", "占比三分之一以上", "三分之一以上", 100 / 3, 100 / 3, "percent", "ge", "分之"),
    ("pct_fraction_half", "二分之一", "二分之一", 50, 50, "percent", "eq", "分之"),
    ("pct_decimal", "年均增长3.5%", "3.5%", 3.5, 3.5, "percent", "eq", "%"),
    ("multiple_liang", "规模扩大两倍", "两倍", 2, 2, "multiple", "eq", "倍"),
    ("multiple_gap_eq", "达到全市平均的1.5倍", "达到全市平均的1.5倍", 1.5, 1.5, "multiple", "eq", "倍"),
    ("pct_points", "提高5个百分点", "5个百分点", 5, 5, "percentage_points", "eq", "个百分点"),
    # multipliers and money
    ("yi_bare", "每年投入1.6亿", "1.6亿", 1.6e8, 1.6e8, "", "eq", "亿"),
    ("yi_yuan", "累计投入16亿元", "16亿元", 1.6e9, 1.6e9, "yuan", "eq", "亿元"),
    ("wan_decimal", "在校生增加17.8万人", "17.8万人", 178000, 178000, "persons", "eq", "万人"),
    ("person_times", "年均培训人数达245万人次", "达245万人次", 2450000, 2450000, "person_times", "eq", "万人次"),
    ("wan_chinese", "培训两万人", "两万人", 20000, 20000, "persons", "eq", "万人"),
    ("wan_chinese_big", "投入一千二百万元", "一千二百万元", 12000000, 12000000, "yuan", "eq", "万元"),
    ("duo_before_wan", "惠及200多万人", "200多万人", 2000000, 2000000, "persons", "gt", "万人"),
    ("yu_after_wan", "培训14万余人", "14万余人", 140000, 140000, "persons", "gt", "万人"),
    ("yuan_ge", "仪器设备价值不低于3000元", "不低于3000元", 3000, 3000, "yuan", "ge", "元"),
    ("financial", "投入壹佰万元", "壹佰万元", 1000000, 1000000, "yuan", "eq", "万元"),
    ("fullwidth_digits", "建成１４所学校", "１４所", 14, 14, "count", "eq", "所"),
    ("fullwidth_decimal", "投入１．６亿元", "１．６亿元", 1.6e8, 1.6e8, "yuan", "eq", "亿元"),
    # other units
    ("months_space", "顶岗实习时间 6 个月。", "6 个月", 6, 6, "months", "eq", "个月"),
    ("years_duration", "教师每 5 年轮训", "5 年", 5, 5, "years", "eq", "年"),
    ("years_ge", "具有 3 年以上企业工作经历", "3 年以上", 3, 3, "years", "ge", "年"),
    ("years_chinese", "连续八年保持增长", "八年", 8, 8, "years", "eq", "年"),
    ("times", "每年调整 1 次专业", "1 次", 1, 1, "times", "eq", "次"),
    ("count_xiang", "实施八项行动计划", "八项", 8, 8, "count", "eq", "项"),
    ("count_xiangmu", "完成12项目建设", "12项目", 12, 12, "count", "eq", "项目"),
    ("persons_ming", "引进10名博士", "10名", 10, 10, "persons", "eq", "名"),
    ("month", "积极参加每年5月的活动", "5月", 5, 5, "month", "eq", "月"),
    ("rank_first", "数量位居西部第一", "第一", 1, 1, "rank", "eq", "第"),
    ("rank_sixth", "位居全国第六。", "第六", 6, 6, "rank", "eq", "第"),
    ("rank_digits", "区政府第4次常务会议", "第4", 4, 4, "rank", "eq", "第"),
    ("no_unit", "全面实施1438发展思路", "1438", 1438, 1438, "", "eq", ""),
    ("chinese_no_unit", "共有三十五", "三十五", 35, 35, "", "eq", ""),
    ("lost_dash_kept", "每县(区)重点办好23所中职学校", "23所", 23, 23, "count", "eq", "所"),
    # PDF damage
    ("newline_unit", "建成1\n所高职院校", "1\n所", 1, 1, "count", "eq", "所"),
    ("blank_lines_bound", "比例达到\n\n45%以上。", "达到\n\n45%以上", 45, 45, "percent", "ge", "%"),
    ("blank_lines_unit", "培育 2\n\n家企业", "2\n\n家", 2, 2, "count", "eq", "家"),
    # years, dates, periods
    ("year_space", "到 2022 年，办好学校", "到 2022 年", 2022, 2022, "year", "eq", "年"),
    ("year_dao", "到2025年,办学条件达标", "到2025年", 2025, 2025, "year", "eq", "年"),
    ("year_plain", "力争2027年,建成大学", "2027年", 2027, 2027, "year", "eq", "年"),
    ("year_zhi", "展望至2035年", "至2035年", 2035, 2035, "year", "eq", "年"),
    ("year_newline", "到\n\n2022 年，力争", "到\n\n2022 年", 2022, 2022, "year", "eq", "年"),
    ("year_fullwidth", "到２０２５年", "到２０２５年", 2025, 2025, "year", "eq", "年"),
    ("year_chinese", "二〇二五年目标", "二〇二五年", 2025, 2025, "year", "eq", "年"),
    ("year_range", "行动计划(2021—2025年)", "2021—2025年", 2021, 2025, "year", "eq", "年"),
    ("year_range_both_units", "规划(2021年—2025年)", "2021年—2025年", 2021, 2025, "year", "eq", "年"),
    ("year_range_bare", "行动计划(2024—2027)", "2024—2027", 2024, 2027, "year", "eq", ""),
    ("year_range_lost_dash", "培优行动计划(20212025年)", "20212025年", 2021, 2025, "year", "eq", "年"),
    ("date_month", "责任单位 2025年12月", "2025年12月", 20251200, 20251200, "date", "eq", "年月"),
    ("date_day", "区人民政府2022年3月17日", "2022年3月17日", 20220317, 20220317, "date", "eq", "年月日"),
    ("date_spaces", "2020 年 9 月 4 日", "2020 年 9 月 4 日", 20200904, 20200904, "date", "eq", "年月日"),
    ("date_eight_digits", "人民政府\n20211231\n", "20211231", 20211231, 20211231, "date", "eq", ""),
    ("date_iso", "日期:2025-01-09", "2025-01-09", 20250109, 20250109, "date", "eq", ""),
    ("date_chinese", "二〇二一年十二月", "二〇二一年十二月", 20211200, 20211200, "date", "eq", "年月"),
    ("period_14", "“十四五”期间", "十四五", 14, 14, "period", "eq", "五"),
    ("period_13", "“十三五”末全市", "十三五", 13, 13, "period", "eq", "五"),
    ("period_12", "较“十二五”末增加", "十二五", 12, 12, "period", "eq", "五"),
    ("period_15", "十五五规划", "十五五", 15, 15, "period", "eq", "五"),
]


@pytest.mark.parametrize(
    "text,span,low,high,unit,comparator,unit_word",
    [pytest.param(*c[1:], id=c[0]) for c in CASES],
)
def test_find_quantities_case(text, span, low, high, unit, comparator, unit_word):
    qs = find_quantities(text)
    assert len(qs) == 1, [q.text for q in qs]
    q = qs[0]
    start = text.index(span)
    assert (q.start, q.end) == (start, start + len(span))
    assert q.text == span == text[q.start:q.end]
    assert q.value_low == pytest.approx(low)
    assert q.value_high == pytest.approx(high)
    assert q.unit == unit
    assert q.comparator == comparator
    assert q.unit_word == unit_word


NEGATIVE = [
    ("tongyi", "统一发布招生计划"),
    ("yidaiyilu", "服务一带一路建设"),
    ("jinyibu", "进一步完善制度"),
    ("qianfangbaiji", "千方百计促进就业"),
    ("shifen", "十分重要"),
    ("disanfang", "引入第三方评价"),
    ("diyishijian", "第一时间处置"),
    ("shushi", "数十所学校"),
    ("jishi", "几十个项目"),
    ("shiji", "十几个项目"),
    ("yipi", "建成一批示范校"),
    ("xinyilun", "启动新一轮建设"),
    ("luhai", "西部陆海新通道"),
    ("duiwu", "教师队伍人才"),
    ("chengqian", "成千上万人"),
    ("yitihua", "一体化发展"),
    ("shuangyiliu", "双一流高校"),
    ("sanquan", "三全育人"),
    ("liangzhongxin", "两中心两地"),
    ("sanming", "“三名工程”"),
    ("yida", "一大定位"),
    ("yiding", "按一定比例"),
    ("wuyi", "五一劳动节"),
    ("wanzhong", "万众一心"),
    ("empty", ""),
    ("latin", "no numbers here"),
]


@pytest.mark.parametrize("text", [pytest.param(t, id=i) for i, t in NEGATIVE])
def test_find_quantities_negative(text):
    assert find_quantities(text) == []


def test_several_in_order():
    text = "职业学校教师每 5 年不少于 6 个月在企业实践,到2025年建成1—2所学校和“十四五”规划"
    got = [(q.text, q.value_low, q.value_high, q.unit, q.comparator) for q in find_quantities(text)]
    assert got == [
        ("5 年", 5, 5, "years", "eq"),
        ("不少于 6 个月", 6, 6, "months", "ge"),
        ("到2025年", 2025, 2025, "year", "eq"),
        ("1—2所", 1, 2, "count", "eq"),
        ("十四五", 14, 14, "period", "eq"),
    ]


def test_ranks_in_sequence():
    qs = find_quantities("数量位居西部第一、全国第六。")
    assert [(q.text, q.value_low, q.unit) for q in qs] == [("第一", 1, "rank"), ("第六", 6, "rank")]


def test_to_year_is_not_a_range_end():
    qs = find_quantities("建成3到2025年")
    assert [(q.text, q.unit) for q in qs] == [("3", ""), ("到2025年", "year")]


def test_real_sources_contain_expected_targets():
    text = (SOURCES / "jiulongpo-2022.txt").read_text(encoding="utf-8")
    found = {(q.text, q.value_low, q.value_high, q.unit, q.comparator) for q in find_quantities(text)}
    assert ("1—2所", 1, 2, "count", "eq") in found
    assert ("达到14万人以上", 140000, 140000, "persons", "ge") in found
    assert ("不低于在校生的2倍", 2, 2, "multiple", "ge") in found
    text = (SOURCES / "beibei-2020.txt").read_text(encoding="utf-8")
    found = {(q.text, q.unit, q.comparator) for q in find_quantities(text)}
    assert ("超过\n\n一半以上", "percent", "gt") in found
    assert ("不少于 6 个月", "months", "ge") in found


def test_quantity_is_frozen():
    q = find_quantities("2所")[0]
    assert isinstance(q, Quantity)
    with pytest.raises(dataclasses.FrozenInstanceError):
        q.start = 5  # type: ignore[misc]


def test_unit_words_mapping():
    assert isinstance(UNIT_WORDS, dict)
    for word in "所 个 家 门 项 批 条 座 项目 专业 本".split():
        assert UNIT_WORDS[word] == "count"
    assert UNIT_WORDS["人"] == UNIT_WORDS["名"] == "persons"
    assert UNIT_WORDS["人次"] == "person_times"
    assert UNIT_WORDS["元"] == "yuan"
    assert UNIT_WORDS["倍"] == "multiple"
    assert UNIT_WORDS["个月"] == "months"
    assert UNIT_WORDS["年"] == "years"
    assert UNIT_WORDS["%"] == "percent"
    assert UNIT_WORDS["次"] == "times"


def test_find_quantities_rejects_non_str():
    with pytest.raises(TypeError):
        find_quantities(None)  # type: ignore[arg-type]


# ---- parse_numeral ---------------------------------------------------------------------------

NUMERALS = [
    ("ascii", "2025", 2025),
    ("fullwidth", "２０２５", 2025),
    ("fullwidth_14", "１４", 14),
    ("decimal", "1.6", 1.6),
    ("fullwidth_decimal", "１．６", 1.6),
    ("wan", "14万", 140000),
    ("yi_decimal", "1.6亿", 160000000),
    ("wan_decimal", "17.8万", 178000),
    ("liangwan", "两万", 20000),
    ("shisi", "十四", 14),
    ("shi", "十", 10),
    ("yishisi", "一十四", 14),
    ("sanshiwu", "三十五", 35),
    ("yiqianerbaiwan", "一千二百万", 12000000),
    ("yiyi_erqianwan", "一亿二千万", 120000000),
    ("wanyi", "一万亿", 1e12),
    ("ling", "零", 0),
    ("ling_circle", "〇", 0),
    ("yibailingwu", "一百零五", 105),
    ("shiwanlingyi", "十万零一", 100001),
    ("yibaiwu_colloquial", "一百五", 150),
    ("liangwanwu_colloquial", "两万五", 25000),
    ("positional_year", "二〇二五", 2025),
    ("positional_1999", "一九九九", 1999),
    ("financial", "壹佰贰拾叁", 123),
    ("financial_wan", "叁萬", 30000),
    ("traditional_liang", "兩億", 200000000),
    ("point", "三点五", 3.5),
    ("point_wan", "十二点五万", 125000),
    ("half", "一半", 0.5),
    ("third", "三分之一", 1 / 3),
    ("percent_word", "百分之六十", 60),
    ("mixed_qian", "3千", 3000),
    ("thousands_sep", "1,200", 1200),
    ("nian", "廿", 20),
    ("strip", "  12\u3000", 12),
]


@pytest.mark.parametrize("token,value", [pytest.param(*c[1:], id=c[0]) for c in NUMERALS])
def test_parse_numeral(token, value):
    assert parse_numeral(token) == pytest.approx(value)


NOT_NUMERALS = [
    ("empty", ""),
    ("space", "   "),
    ("latin", "abc"),
    ("yiyi", "一一"),
    ("shishi", "十十"),
    ("wanwan", "万万"),
    ("two_dots", "1.2.3"),
    ("percent_sign", "5%"),
    ("digit_then_digit", "3五"),
    ("ambiguous_pair", "三四"),
    ("liang_positional", "两三"),
    ("word", "统一"),
    ("zero_den", "零分之一"),
    ("math_digit", "\U0001d7d9"),
    ("arabic_indic", "\u0663"),
    ("too_long", "1" * 100),
    ("not_str", None),
]


@pytest.mark.parametrize("token", [pytest.param(c[1], id=c[0]) for c in NOT_NUMERALS])
def test_parse_numeral_rejects(token):
    assert parse_numeral(token) is None


# ---- to_chinese --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "n,text",
    [(0, "零"), (10, "十"), (15, "十五"), (20, "二十"), (110, "一百一十"), (1010, "一千零一十"),
     (10000, "一万"), (100000, "十万"), (100001, "十万零一"), (10010, "一万零一十"),
     (1000001, "一百万零一"), (12000000, "一千二百万"), (99999999, "九千九百九十九万九千九百九十九")],
)
def test_to_chinese(n, text):
    assert to_chinese(n) == text


@pytest.mark.parametrize("bad,exc", [(-1, ValueError), (100_000_000, ValueError), (1.5, TypeError), (True, TypeError)])
def test_to_chinese_rejects(bad, exc):
    with pytest.raises(exc):
        to_chinese(bad)


def test_round_trip_exhaustive_small():
    assert all(parse_numeral(to_chinese(n)) == n for n in range(0, 20001))


@given(st.integers(min_value=0, max_value=99_999_999))
def test_round_trip_property(n):
    assert parse_numeral(to_chinese(n)) == n


@given(st.integers(min_value=0, max_value=99_999_999))
def test_round_trip_in_text(n):
    qs = find_quantities(f"建设{to_chinese(n)}所学校")
    assert len(qs) == 1 and qs[0].value_low == n and qs[0].unit == "count"


@given(st.integers(min_value=0, max_value=10**15), st.integers(min_value=0, max_value=9999))
def test_fullwidth_equals_ascii(whole, frac):
    for ascii_text in (str(whole), f"{whole}.{frac}"):
        fw = ascii_text.translate(FULLWIDTH)
        assert parse_numeral(fw) == parse_numeral(ascii_text) is not None
        a, b = find_quantities(f"建成{ascii_text}所"), find_quantities(f"建成{fw}所")
        assert [(q.value_low, q.unit) for q in a] == [(q.value_low, q.unit) for q in b]


# ---- period_years ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name,years",
    [("十三五", (2016, 2020)), ("十四五", (2021, 2025)), ("十二五", (2011, 2015)),
     ("十五五", (2026, 2030)), ("十一五", (2006, 2010)), ("一五", (1953, 1957)),
     ("二五", (1958, 1962)), ("三五", (1966, 1970)), ("“十四五”", (2021, 2025)),
     ("十四五规划", (2021, 2025))],
)
def test_period_years(name, years):
    assert period_years(name) == years
    assert period_end(name) == years[1]


@pytest.mark.parametrize("bad", ["", "五", "十三", "2025", "abc", "十三五五", "十四五末", "零五", None])
def test_period_years_rejects(bad):
    with pytest.raises(ValueError, match="five-year-plan"):
        period_years(bad)


# ---- robustness and speed ------------------------------------------------------------------------

RELEVANT = list(
    "0123456789０１２３４５６７８９〇零一二两三四五六七八九十百千万亿壹贰叁拾佰仟萬億兩"
    "%％.．-—–－~～至到以上下左右余多约近不低于少超过高第分之半年月日号所个人次元倍名家门项"
    "“”()（）,，。;\n \u3000\t"
)
relevant_text = st.text(alphabet=st.sampled_from(RELEVANT), max_size=300)


def _check_invariants(text: str) -> None:
    qs = find_quantities(text)
    prev_end = 0
    for q in qs:
        assert 0 <= q.start < q.end <= len(text)
        assert q.start >= prev_end
        assert text[q.start:q.end] == q.text
        assert q.comparator in {"eq", "ge", "gt", "le", "lt", "approx"}
        assert isinstance(q.value_low, float) and isinstance(q.value_high, float)
        assert math.isfinite(q.value_low) and q.value_low <= q.value_high
        prev_end = q.end


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_arbitrary_unicode_never_raises(text):
    _check_invariants(text)
    parse_numeral(text)


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(relevant_text)
def test_number_like_text_never_raises(text):
    _check_invariants(text)
    parse_numeral(text)


def _random_text(size: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    snippets = [p.read_text(encoding="utf-8") for p in sorted(SOURCES.glob("*.txt"))] or ["建成1—2所"]
    parts, n = [], 0
    while n < size:
        if rng.random() < 0.5:
            src = rng.choice(snippets)
            i = rng.randrange(len(src))
            piece = src[i:i + rng.randint(1, 200)]
        else:
            piece = "".join(rng.choice(RELEVANT) for _ in range(rng.randint(1, 50)))
        parts.append(piece)
        n += len(piece)
    return "".join(parts)[:size]


def test_one_megabyte_runs_quickly():
    text = _random_text(1_000_000)
    t0 = time.perf_counter()
    qs = find_quantities(text)
    dt = time.perf_counter() - t0
    print(f"\nfind_quantities: {len(text):,} chars, {len(qs):,} quantities, {dt:.2f} s, "
          f"{len(text) / dt:,.0f} chars/s")
    _check_invariants(text[:50_000])
    assert dt < 60  # generous: the point is linear time, not a benchmark


@pytest.mark.parametrize(
    "text",
    [pytest.param("1" * 200_000, id="digits"), pytest.param("一" * 200_000, id="chinese"),
     pytest.param("1" + " " * 200_000 + "x", id="spaces"), pytest.param("不低于" * 70_000 + "1", id="bounds"),
     pytest.param("第" * 200_000, id="di"), pytest.param("1-" * 100_000, id="dashes"),
     pytest.param("百分之" * 70_000, id="percent_words"), pytest.param("1多" * 100_000, id="duo")],
)
def test_pathological_inputs_are_linear(text):
    t0 = time.perf_counter()
    _check_invariants(text)
    dt = time.perf_counter() - t0
    print(f"\n{len(text):,} chars in {dt:.3f} s")
    assert dt < 30


@pytest.mark.parametrize("text,span,low,high,unit,cmp", [
    ("日均新设企业增加到1万6千多户", "1万6千多户", 16000, 16000, "count", "gt"),
    ("运营里程增加到2万5千公里", "2万5千公里", 25000, 25000, "length", "eq"),
    ("出境旅游人次增加到1亿3千多万", "1亿3千多万", 130000000, 130000000, "", "gt"),
    ("上亿人喜迁新居", "上亿人", 1e8, 1e8, "persons", "ge"),
    ("还有几千万人居住在棚户区", "几千万人", 2e7, 9e7, "persons", "approx"),
    ("技术交易额翻了一番", "翻了一番", 2, 2, "multiple", "eq"),
    ("力争经济总量翻两番", "翻两番", 4, 4, "multiple", "eq"),
    ("享受减半征收所得税优惠", "减半", 50, 50, "percent", "eq"),
])
def test_numbers_written_without_digits_or_in_two_sections(text, span, low, high, unit, cmp):
    """Compound numbers, vague magnitudes, doublings and halving read as one quantity each."""
    (q,) = find_quantities(text)
    assert (q.text, q.value_low, q.value_high, q.unit, q.comparator) == (span, low, high, unit, cmp)


@pytest.mark.parametrize("text", ["十几个", "几个方面", "马上就办", "几十年来"])
def test_vague_words_that_are_not_quantities(text):
    assert [q for q in find_quantities(text) if q.text.startswith(("几", "上", "十几"))] == []
