"""Tests of vetcompare.extract (targets from policy text) and vetcompare.audit (curation audit).

The positive cases give a sentence and the one number expression in it that states a value,
with what extract_targets must read from it; the negative cases are numbers that state nothing,
each named after the exclusion that must explain it; three synthetic policy paragraphs (a
hard-wrapped PDF capture with page furniture, one in traditional characters, one with full-width
digits) exercise the hard cases together; property tests check robustness and offsets.
"""

from __future__ import annotations

import re
import time

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vetcompare as vc
from vetcompare.schema import KINDS, TIERS
from vetcompare.curation.audit import audit_all, explain
from vetcompare.curation.audit import audit_document as audit
from vetcompare.text.extract import (
    EXCLUSIONS,
    METRIC_KEYWORDS,
    TRADITIONAL,
    expressions,
    extract_targets,
    looks_hard_wrapped,
    normalise,
)

# --------------------------------------------------------------------------------------------
# Positive cases: (id, text, span, value_low, value_high, unit, comparator, other expected fields)
# --------------------------------------------------------------------------------------------

CASES = [
    # ranges
    ("range_emdash", "建成1—2所国家级优质中职学校", "1—2所", 1, 2, "count", "eq", {}),
    ("range_endash", "引进国外优质课程3–5门", "3–5门", 3, 5, "count", "eq", {}),
    ("range_fullwidth_hyphen", "引进国外优质课程3－5门", "3－5门", 3, 5, "count", "eq", {}),
    ("range_hyphen", "联合培养试点专业20-30个", "20-30个", 20, 30, "count", "eq", {}),
    ("range_tilde", "每年集中培训10~20天", "10~20天", 10, 20, "days", "eq", {}),
    ("range_fullwidth_tilde", "打造品牌专业5～8个", "5～8个", 5, 8, "count", "eq", {}),
    ("range_zhi", "每校开设2至3个专业群", "2至3个", 2, 3, "count", "eq", {}),
    ("range_dao", "每年举办1到2次技能大赛", "1到2次", 1, 2, "times_per_year", "eq", {}),
    ("range_chinese", "每县建设二至三个实训基地", "二至三个", 2, 3, "count", "eq", {}),
    ("range_shared_wan", "每年培训1-2万人次", "1-2万人次", 10000, 20000, "person_times", "eq", {}),
    # bound words
    ("ge_yishang", "校均规模达到3000人以上", "达到3000人以上", 3000, 3000, "persons", "ge", {}),
    ("le_yixia", "整合1200人以下的中职学校", "1200人以下", 1200, 1200, "persons", "le", {}),
    ("ge_budiyu", "毕业生就业率不低于90%", "不低于90%", 90, 90, "percent", "ge", {}),
    ("ge_bushaoyu", "教师每5年不少于6个月在企业实践", "不少于6个月", 6, 6, "months", "ge", {}),
    ("le_buchaoguo", "中职学校班额不超过45人", "不超过45人", 45, 45, "persons", "le", {}),
    ("gt_chaoguo", "累计输送毕业生超过110万人", "超过110万人", 1.1e6, 1.1e6, "persons", "gt", {}),
    ("eq_dadao", "技能人才占就业人员比例达到27%", "达到27%", 27, 27, "percent", "eq", {}),
    ("approx_zuoyou", "遴选建设50所左右市级优质中职学校", "50所左右", 50, 50, "count", "approx", {}),
    ("approx_yue", "每年约6万名学生参与改革试点", "约6万名", 60000, 60000, "persons", "approx", {}),
    ("approx_jin", "每年投入近16亿元财政资金", "近16亿元", 1.6e9, 1.6e9, "yuan", "approx", {}),
    ("gt_yu", "200余所职业院校与企业合作", "200余所", 200, 200, "count", "gt", {}),
    ("ge_suoyishang", "创建 1 所以上市级高水平中等职业学校", "1 所以上", 1, 1, "count", "ge", {"tier_word": "市级"}),
    # percentages, fractions, multiples
    ("pct_ascii", "专业匹配率达到95%", "达到95%", 95, 95, "percent", "eq", {}),
    ("pct_fullwidth", "专业匹配率达到９５％", "达到９５％", 95, 95, "percent", "eq", {}),
    ("pct_baifenzhi", "升学比例提高到百分之六十", "百分之六十", 60, 60, "percent", "eq", {}),
    ("pct_half", "实践性教学课时占总课时一半以上", "一半以上", 50, 50, "percent", "ge", {}),
    ("pct_third", "实践教学课时占比三分之一以上", "三分之一以上", 100 / 3, 100 / 3, "percent", "ge", {}),
    ("multiple_liang", "年培训人次达到在校生的两倍", "达到在校生的两倍", 2, 2, "multiple", "eq", {}),
    ("multiple_digit", "年培训人次不低于在校生的2倍", "不低于在校生的2倍", 2, 2, "multiple", "ge", {}),
    # Chinese numerals and mixed forms
    ("cn_shisi", "建成十四所示范学校", "十四所", 14, 14, "count", "eq", {}),
    ("cn_liangwan", "培训技能人才两万人", "两万人", 20000, 20000, "persons", "eq", {}),
    ("mixed_wan", "全区技能型人才达到14万人以上", "达到14万人以上", 140000, 140000, "persons", "ge", {}),
    ("mixed_yi_decimal", "区财政安排专项资金1.6亿元", "1.6亿元", 1.6e8, 1.6e8, "yuan", "eq", {}),
    ("mixed_yi", "每年投入16亿元资助学生", "16亿元", 1.6e9, 1.6e9, "yuan", "eq", {}),
    ("mixed_wan_decimal", "在校生人数增加17.8万人", "17.8万人", 178000, 178000, "persons", "eq", {}),
    # full-width digits and traditional characters
    ("fullwidth_count", "建成１２所示范学校", "１２所", 12, 12, "count", "eq", {}),
    ("fullwidth_decimal", "投入１．６亿元", "１．６亿元", 1.6e8, 1.6e8, "yuan", "eq", {}),
    ("trad_tier", "建成國家級優質中職學校3所", "3所", 3, 3, "count", "eq",
     {"tier_word": "国家级", "tier": "national"}),
    ("trad_dadao", "雙師型教師佔專業課教師比例達到60%以上", "達到60%以上", 60, 60, "percent", "ge",
     {"metric_id": "teachers.dual_qualified_share"}),
    ("trad_units", "新增產教融合型企業兩萬家", "兩萬家", 20000, 20000, "count", "eq", {"basis": "increment"}),
    # damaged text
    ("wrap_unit", "建成1\n所高职院校", "1\n所", 1, 1, "count", "eq", {}),
    ("wrap_bound", "毕业生升学比例达到\n\n45%以上。", "达到\n\n45%以上", 45, 45, "percent", "ge", {}),
    ("pdf_spaces", "建设 1-2 个区级高水平实训基地", "1-2 个", 1, 2, "count", "eq",
     {"tier_word": "区级", "tier": "district"}),
    ("pct_space", "初次就业率达到92 %以上", "达到92 %以上", 92, 92, "percent", "ge", {}),
    # governing years
    ("year_dao", "到2025年，建成3所示范学校", "3所", 3, 3, "count", "eq",
     {"year": 2025, "year_basis": "stated", "kind": "target"}),
    ("year_bare", "2027年，毕业生就业率不低于90%", "不低于90%", 90, 90, "percent", "ge",
     {"year": 2027, "kind": "target"}),
    ("year_period_end", "到“十四五”末，全区技能型人才达到14万人以上", "达到14万人以上", 140000, 140000, "persons", "ge",
     {"year": 2025, "year_basis": "period"}),
    ("year_period_during", "“十四五”期间，建成2个国家级高水平专业群", "2个", 2, 2, "count", "eq",
     {"year": 2025, "tier": "national"}),
    ("year_list_sentence", "力争2027年,建成应用型大学1所、职业大学2所", "2所", 2, 2, "count", "eq",
     {"year": 2027, "hedged": True, "metric_id": "schools.university.vocational"}),
    ("year_list_paragraph", "到2023年，办学条件明显改善。建成2所省级示范学校。", "2所", 2, 2, "count", "eq",
     {"year": 2023, "year_basis": "governing", "tier": "provincial"}),
    ("year_not_reference", "“十三五”末在校生人数较“十二五”末增加17.8万人", "17.8万人", 178000, 178000, "persons",
     "eq", {"year": 2020}),
    ("year_heading", "2021年工作要点\n1.评选市级示范项目150门左右。", "150门左右", 150, 150, "count", "approx",
     {"year": 2021, "kind": "target", "tier": "provincial"}),
    # kinds, hedges, tiers
    ("baseline_heading", "“十三五”时期主要成绩\n一是建成国家级“双师型”教师培养培训基地18个。", "18个", 18, 18, "count",
     "eq", {"kind": "baseline", "year": 2020, "tier": "national", "metric_id": "teachers.training_bases"}),
    ("baseline_yi", "截至目前，已建成产教融合型企业20个", "20个", 20, 20, "count", "eq",
     {"kind": "baseline", "metric_id": "industry.enterprises"}),
    ("standard_norm", "职业技能测试成绩占比不低于50%", "不低于50%", 50, 50, "percent", "ge",
     {"kind": "standard", "year": None, "metric_id": "students.skills_test_weight"}),
    ("standard_principle", "相关专业教师原则上从具有3年以上企业工作经历的人员中招聘", "3年以上", 3, 3, "years", "ge",
     {"kind": "standard", "metric_id": "teachers.recruit_industry_years"}),
    ("hedge_zhengchuang", "建成2个市级基地，争创1个国家级“双师型”教师培养培训基地", "1个", 1, 1, "count", "eq",
     {"hedged": True, "tier_word": "国家级"}),
    ("hedge_scope", "建成2个市级基地，争创1个国家级基地", "2个", 2, 2, "count", "eq",
     {"hedged": False, "tier_word": "市级"}),
    ("tier_before_noun", "校企共建市级公共实训基地10个", "10个", 10, 10, "count", "eq",
     {"tier": "provincial", "metric_id": "industry.training_bases.public"}),
    ("tier_after", "10所高职院校入选国家“双高计划”建设单位", "10所", 10, 10, "count", "eq",
     {"tier_word": "国家", "tier": "national"}),
    ("tier_or_above", "培育2家区级及以上产教融合型企业", "2家", 2, 2, "count", "eq",
     {"tier_word": "区级及以上", "tier": "district", "metric_id": "industry.enterprises"}),
    ("rank", "数量位居西部第一", "第一", 1, 1, "rank", "eq", {"metric_id": "schools.higher.high_level.rank_west"}),
    ("all_words_100", "到2025年，区直属公办中职学校办学条件全部达到国家设置标准", "全部", 100, 100, "percent", "eq",
     {"metric_id": "conditions.schools_meeting_standard", "year": 2025}),
]


def _row(df, text, span):
    start = text.index(span)
    hits = df[df["start"] == start]
    assert len(hits) == 1, f"no row starting at {start} ({span!r}); rows: {df['text'].tolist()}"
    return hits.iloc[0]


@pytest.mark.parametrize("text,span,low,high,unit,cmp,more", [pytest.param(*c[1:], id=c[0]) for c in CASES])
def test_extract_case(text, span, low, high, unit, cmp, more):
    df = extract_targets(text)
    r = _row(df, text, span)
    assert r["text"] == span == text[r["start"]:r["end"]]
    assert (r["end"] - r["start"]) == len(span)
    assert r["value_low"] == pytest.approx(low)
    assert r["value_high"] == pytest.approx(high)
    assert r["unit"] == unit
    assert r["comparator"] == cmp
    for key, want in more.items():
        got = r[key]
        if want is None:
            assert pd.isna(got), (key, got)
        else:
            assert got == want, (key, got, want)


def test_case_count():
    assert len(CASES) >= 40


def test_range_separators_all_covered():
    texts = " ".join(c[2] for c in CASES)
    for sep in "—–－-~～至到":
        assert re.search(rf"[0-9一二三四五六七八九]{re.escape(sep)}[0-9一二三四五六七八九]", texts), sep


# --------------------------------------------------------------------------------------------
# Negative cases: (exclusion, text, the number that must be excluded)
# --------------------------------------------------------------------------------------------

NEGATIVE = [
    ("document_number", "根据《实施方案》(渝府发〔2021〕35号)要求", "35"),
    ("document_number", "《国家职业教育改革实施方案》（国发〔2019〕4\n\n号）", "4"),
    ("document_number", "北碚府发〔2020〕44 号", "2020"),
    ("date", "重庆市九龙坡区人民政府\n2022年3月17日\n", "2022年3月17日"),
    ("date", "发布时间:2021-04-02", "2021-04-02"),
    ("date", "3月31日,市教委召开会议", "31"),
    ("date", "完成时间\n2025年12月\n", "2025年12月"),
    ("date", "巴中市人民政府\n20211231\n", "20211231"),
    ("clock_time", "2022-01-18 17:17 来源: 市人民政府网站", "17"),
    ("calendar_month", "积极参加每年5月的职业教育活动月活动", "5月"),
    ("calendar_year", "从2022年起,县域内原则上不新增专业", "2022年"),
    ("calendar_year", "发布2020年度重庆市职业教育质量年报", "2020年"),
    ("calendar_year", "行动计划(2024—2027", "2024—2027"),
    ("calendar_year", "到2027年,区域内职业院校数字化改造基本完成", "到2027年"),
    ("plan_period", "印发重庆市职业教育发展“十四五”规划", "十四五"),
    ("url", "详见http://www.gov.cn/zhengce/2021-10/12/content_5642120.htm", "5642120"),
    ("phone_number", "咨询电话:023-63851234", "023-63851234"),
    ("phone_number", "联系人手机13912345678", "13912345678"),
    ("identifier", "统一社会信用代码115000000087654321", "115000000087654321"),
    ("annex_label", "详见附件1:工作任务清单", "1"),
    ("plan_period", "纳入国民经济和社会发展第十四个五年规划", "五年"),
    ("site_footer", "ICP备案:渝ICP备07006009号-1 网站标识码:5001180002", "5001180002"),
    ("site_footer", "渝公网安备50011802010123号", "50011802010123"),
    ("page_number", "区规划自然\n\n—6—\n\n资源局、区农业农村委", "6"),
    ("page_number", "第 3 页 共 20 页", "3"),
    ("table_index", "序号\n\n工作任务\n\n1\n\n打造职业教育体系。\n\n持续推进\n\n2\n\n健全培训体系。", "2"),
    ("list_ordinal", "各街镇。\n2.提高中等职业教育发展水平。", "2"),
    ("list_ordinal", "各街镇。3、支持高等职业教育高质量发展。", "3"),
    ("list_ordinal", "责任单位如下。(1)加强组织领导", "1"),
    ("ordinal", "以国家第一批市域产教联合体建设为契机", "第一"),
    ("ordinal", "支持在永院校争创第二轮国家和市级双高院校", "第二"),
    ("ordinal", "经区政府第4次常务会议审议通过", "第4"),
    ("congress_session", "全面贯彻党的十九大和十九届历次全会精神", "十九"),
    ("congress_session", "为深入贯彻党的二十大精神", "二十"),
    ("anniversary", "开展庆祝中国共产党成立100周年系列活动", "100周年"),
    ("anniversary", "庆祝建党100年 赋能职教大发展", "100年"),
    ("school_system", "规范五年制、五年一贯制培养", "五年"),
    ("plus_formula", "推进“1+X”证书制度试点", "1"),
    ("plus_formula", "采取高职单招、“3+2”“3+4”等形式", "3"),
    ("plus_formula", "加快推进院校1+N(1所高职+N所中职)整合升级", "1所"),
    ("plus_formula", "构建“1+2+6N”组织架构", "6"),
    ("version_number", "实施职业教育信息化2.0建设行动", "2.0"),
    ("numbered_name", "全面实施1438发展思路", "1438"),
    ("text_structure", "从加强顶层设计等四个方面出发", "四个"),
    ("text_structure", "重点任务共有八项,分别为“高起点规划布局”", "八项"),
    ("indefinite_one", "培养一支规模宏大、结构合理的技能人才队伍", "一支"),
    ("indefinite_one", "以“四个一”为载体(一本书、一个活动、一项研究成果、一套标准)", "一项"),
    ("book_title", "贯彻落实《中国教育现代化2035》精神", "2035"),
    ("book_title", "对照《职业教育专业目录(2021年)》,立足全区规划", "2021年"),
    ("quoted_name", "发挥“三个作用”,推动成渝地区双城经济圈建设", "三个"),
    ("quoted_name", "与教育部签署“职教20条”备忘录", "20条"),
    ("duration_word", "过去五年,全区职业教育取得长足进步", "五年"),
    ("duration_word", "三年来,我们主要做了以下工作", "三年"),
    ("duration_word", "启动职业院校办学条件达标三年行动", "三年"),
    ("duration_word", "产业增速创7年来新高", "7年"),
    ("named_object", "细颗粒物(PM2.5)平均浓度持续下降", "2.5"),
    ("named_object", "推动5G技术在实训基地的应用", "5"),
    ("named_count", "认真落实中央八项规定精神", "八项"),
    ("named_count", "充分发挥政府和企业两个积极性", "两个"),
    ("ordinal", "推进第五代移动通信技术专业建设", "第五"),
    ("ordinal", "围绕第三产业发展需求设置专业", "第三"),
]


@pytest.mark.parametrize("name,text,number", [pytest.param(*c, id=f"{c[0]}-{i}") for i, c in enumerate(NEGATIVE)])
def test_exclusion(name, text, number):
    ex = expressions(text)
    start = text.index(number)
    hit = ex[(ex["start"] <= start) & (ex["end"] > start)]
    assert len(hit) == 1, ex
    # the first pattern that explains it (a year in a title is first of all a year)
    expected = "calendar_year" if (name, number) == ("book_title", "2021年") else name
    assert hit.iloc[0]["exclusion"] == expected, hit.iloc[0].to_dict()
    assert extract_targets(text).empty


def test_every_exclusion_has_a_negative_case():
    assert {n for n, _ in EXCLUSIONS} == {n for n, _, _ in NEGATIVE}
    assert len({n for n, _ in EXCLUSIONS}) == len(EXCLUSIONS)


NAMES_WITHOUT_VALUES = [
    ("one_plus_x", "推进“1+X”证书制度试点"),
    ("plan_name", "纳入区“十四五”教育事业发展重要任务"),
    ("sanquan", "推进职业教育领域“三全育人”综合改革"),
    ("three_plus_two", "扩大高职与本科3+2贯通培养规模"),
    ("info_2_0", "大力实施“教育信息化2.0”建设行动"),
    ("idea_1438", "全面实施1438发展思路紧扣中国职教名城一大定位"),
    ("belt_and_road", "服务“一带一路”倡议"),
    ("double_first_class", "将国内“双一流”高校资源优先布局"),
    ("bare_year", "2021年全市职业教育与继续教育工作视频会召开"),
    ("footer", "版权所有:重庆市永川区人民政府 ICP备案:渝ICP备07006009号-1"),
    ("sections", "一、总体要求\n(二)主要目标。\n1.优化学校布局。"),
    ("page", "资源局、区农业\n\n—8—\n\n农村委"),
    ("issue_date", "巴中市人民政府\n\n2021年12月31日\n"),
]


@pytest.mark.parametrize("text", [pytest.param(t, id=i) for i, t in NAMES_WITHOUT_VALUES])
def test_no_target_in_names(text):
    assert extract_targets(text).empty


# --------------------------------------------------------------------------------------------
# Three synthetic policy paragraphs
# --------------------------------------------------------------------------------------------

PDF_TEXT = """ＸＸ区人民政府
关于印发ＸＸ区职业教育提质培优实施方案的通知
ＸＸ府发〔2023〕12 号

各镇人民政府、街道办事处，区政府各部门，有关单位：

一、主要目标

到 2025 年，全区建成 3 所市级高水平中等职业学校和 5 个以

上市级骨干专业群，“双师型”教师占专业课教师比例达到 60%

以上，毕业生初次就业率保持在 95%以上。力争建设 1-2 个国

家级产教融合实训基地，新增产教融合型企业 120



ＸＸ区人民政府行政规范性文件

—3—

家左右，职业院校年培训人次不低于在校生的 2 倍。

二、保障措施

职业学校教师每 5 年不少于 6 个月在企业实践，落实“1+X”

证书制度试点。区财政每年安排专项资金 1.6 亿元，支持学校改

善办学条件。

ＸＸ区人民政府行政规范性文件

—4—

"""

TRADITIONAL_TEXT = ("到2025年，全市建成國家級優質中職學校3所、市級雙師型教師培養培訓基地十四個，雙師型教師佔專業課"
                    "教師比例達到60%以上，力爭新增產教融合型企業兩萬家以上。職業院校年培訓人次不低於在校生的兩倍。")

FULLWIDTH_TEXT = "到２０２７年，建成１２所市级示范学校，毕业生就业率不低于９５％，每年投入１．６亿元支持学生资助，培训１４万人次。"


def _values(df):
    return [(r.value_low, r.value_high, r.unit, r.comparator) for r in df.itertuples()]


def test_synthetic_pdf_paragraph():
    assert looks_hard_wrapped(PDF_TEXT)
    df = extract_targets(PDF_TEXT)
    assert _values(df) == [
        (3, 3, "count", "eq"), (5, 5, "count", "ge"), (60, 60, "percent", "ge"), (95, 95, "percent", "ge"),
        (1, 2, "count", "eq"), (120, 120, "count", "approx"), (2, 2, "multiple", "ge"), (6, 6, "months", "ge"),
        (1.6e8, 1.6e8, "yuan", "eq"),
    ]
    for r in df.itertuples():
        assert PDF_TEXT[r.start:r.end] == r.text
    # the unit after the page furniture: 120 … —3— … 家左右
    r = df.iloc[5]
    assert r["text"].startswith("120") and r["text"].endswith("家左右")
    assert "\n" not in r["sentence"] and "—3—" not in r["sentence"] and "规范性文件" not in r["sentence"]
    assert list(df["year"][:7]) == [2025] * 7
    assert list(df["tier_word"][:5]) == ["市级", "市级", "", "", "国家级"]
    assert bool(df.iloc[4]["hedged"]) and not bool(df.iloc[0]["hedged"])
    assert df.iloc[7]["kind"] == "standard"  # 每5年不少于6个月: a norm
    assert df.iloc[2]["metric_id"] == "teachers.dual_qualified_share"
    assert df.iloc[3]["metric_id"] == "employment.initial_rate"
    # the document number, the page numbers, 1+X and the 5 of 每5年 are not targets
    assert not any(t.strip() in ("12", "3", "4", "1", "5 年") for t in df["text"])


def test_synthetic_traditional_paragraph():
    assert normalise(TRADITIONAL_TEXT).startswith("到2025年,全市建成国家级优质中职学校3所、市级双师型教师")
    assert len(normalise(TRADITIONAL_TEXT)) == len(TRADITIONAL_TEXT)
    df = extract_targets(TRADITIONAL_TEXT)
    assert _values(df) == [(3, 3, "count", "eq"), (14, 14, "count", "eq"), (60, 60, "percent", "ge"),
                           (20000, 20000, "count", "ge"), (2, 2, "multiple", "ge")]
    assert list(df["tier"]) == ["national", "provincial", "none", "none", "none"]
    assert list(df["hedged"]) == [False, False, False, True, False]
    assert list(df["year"]) == [2025] * 5
    assert df.iloc[0]["metric_id"] == "schools.secondary.high_level"
    assert df.iloc[1]["metric_id"] == "teachers.training_bases"
    assert df.iloc[2]["metric_id"] == "teachers.dual_qualified_share"
    assert df.iloc[3]["metric_id"] == "industry.enterprises"
    assert df.iloc[1]["text"] == "十四個"


def test_synthetic_fullwidth_paragraph():
    df = extract_targets(FULLWIDTH_TEXT)
    assert _values(df) == [(12, 12, "count", "eq"), (95, 95, "percent", "ge"), (1.6e8, 1.6e8, "yuan", "eq"),
                           (140000, 140000, "person_times", "eq")]
    assert list(df["text"]) == ["１２所", "不低于９５％", "１．６亿元", "１４万人次"]
    assert list(df["year"]) == [2027] * 4
    assert list(df["metric_id"]) == ["schools.secondary.demonstration", "employment.rate", "conditions.student_aid",
                                     "training.volume"]


NATIONAL_STYLE_TEXT = """国务院关于印发国家职业教育改革实施方案的通知
国发〔2019〕4号
一、具体指标
到2022年，职业院校教学条件基本达标，建设50所高水平高等职业学校和150个骨干专业（群）。从2019年开始，启动“学历证书+若干职业技能等级证书”制度试点（即1+X证书制度试点）工作。到2035年，职业教育整体水平进入世界前列。
（二）主要指标。全省中等职业学校达标率达到100%；高职院校生均拨款水平不低于1.2万元；每年培训农民工50万人次以上。
截至2020年底，全省共有中等职业学校356所，已建成国家级示范校42所。
第三条 职业学校每年至少组织1次教学质量评估。本办法自2021年1月1日起施行。
附件1：指标表
序号
指标
2020年
2025年
1
中职学校数（所）
52
60
联系电话：023-63851234  第 2 页 共 5 页
"""


def test_national_style_text():
    """A text in another style than the shipped ones: a national plan, a statistics table, a footer."""
    df = extract_targets(NATIONAL_STYLE_TEXT)
    got = [(r.text, r.year if not pd.isna(r.year) else None, r.kind) for r in df.iloc[:8].itertuples()]
    assert got == [
        ("50所", 2022, "target"), ("150个", 2022, "target"),
        ("达到100%", None, "target"), ("不低于1.2万元", None, "standard"), ("50万人次以上", None, "target"),
        ("356所", 2020, "baseline"), ("42所", 2020, "baseline"),
        ("1次", None, "standard"),
    ]
    # table values (not a 1, 2, 3 序号 column) stay; a 2025年 column head is no section heading
    assert [(r.text, r.year if not pd.isna(r.year) else None) for r in df.iloc[8:].itertuples()] == [
        ("52", None), ("60", None)]
    assert df.iloc[0]["metric_id"] == "schools.higher.high_level"
    assert df.iloc[1]["metric_id"] == ""  # 骨干专业 is not in the codebook: blank, not a guess
    assert df.iloc[6]["tier"] == "national"
    ex = expressions(NATIONAL_STYLE_TEXT)
    reasons = dict(zip(ex["text"], ex["exclusion"]))
    assert reasons["1"] in ("plus_formula", "annex_label", "table_index")
    assert reasons["023-63851234"] == "phone_number"
    assert reasons["2021年1月1日"] == "date"
    assert reasons["第三"] == "ordinal"


def test_city_tier_decides_what_shiji_means():
    text = "建成2所市级示范学校"
    assert extract_targets(text).iloc[0]["tier"] == "provincial"
    assert extract_targets(text, city_tier="prefecture").iloc[0]["tier"] == "prefecture"


def test_plan_end_for_targets_without_a_year():
    text = "每县(区)重点办好2—3所中职学校"
    assert pd.isna(extract_targets(text).iloc[0]["year"])
    r = extract_targets(text, plan_end=2025).iloc[0]
    assert (r["year"], r["year_basis"], r["kind"]) == (2025, "plan_end", "target")


def test_qualifier_durations_are_not_values():
    df = extract_targets("财政性职业教育投入连续八年保持5%的增速")
    assert list(df["text"]) == ["5%"]
    assert df.iloc[0]["metric_id"] == "conditions.funding_growth"


def test_columns_and_types():
    df = extract_targets("到2025年建成3所学校")
    for col in ("start", "end", "text", "value_low", "value_high", "unit", "comparator", "year", "kind", "hedged",
                "tier", "tier_word", "sentence", "metric_id"):
        assert col in df.columns
    assert str(df["year"].dtype) == "Int64"
    assert set(df["kind"]) <= set(KINDS) and set(df["tier"]) <= set(TIERS)
    empty = extract_targets("")
    assert empty.empty and list(empty.columns) == list(df.columns)


# --------------------------------------------------------------------------------------------
# The shipped sources
# --------------------------------------------------------------------------------------------


def test_wrap_detection_on_sources(documents):
    for doc in documents.itertuples():
        assert looks_hard_wrapped(vc.source_text(doc.doc_id)) == (doc.text_form == "pdf"), doc.doc_id


def test_extract_on_sources_stays_inside_curated_spans(documents, all_targets):
    """Nearly every extracted expression lies inside a curated statement (see bench/ for figures)."""
    outside = []
    total = 0
    for doc in documents.itertuples():
        df = extract_targets(vc.source_text(doc.doc_id), city_tier=doc.city_tier, plan_end=int(doc.period_end))
        spans = all_targets[all_targets["doc_id"] == doc.doc_id][["source_start", "source_end"]].to_numpy()
        for r in df.itertuples():
            total += 1
            if not any(a <= r.start and r.end <= b for a, b in spans):
                outside.append((doc.doc_id, r.start, r.text))
    assert total > 100
    assert len(outside) <= 0.05 * total, outside


# --------------------------------------------------------------------------------------------
# Tables declared as data
# --------------------------------------------------------------------------------------------


def test_metric_table_matches_codebook(codebook):
    units = dict(zip(codebook["metric_id"], codebook["unit"]))
    for metric, rule_units, phrase, context, scope in METRIC_KEYWORDS:
        assert metric in units, metric
        assert units[metric] in rule_units.split(), (metric, units[metric], rule_units)
        re.compile(phrase)
        if context:
            re.compile(context)
            assert scope in ("clause", "sentence")


def test_traditional_table_is_one_to_one():
    for trad, simp in TRADITIONAL.items():
        assert len(trad) == len(simp) == 1 and trad != simp
    sample = "國家級雙師型教師達到６０％—以上～"
    assert len(normalise(sample)) == len(sample)


def test_exclusions_compile():
    for name, rx in EXCLUSIONS:
        assert re.fullmatch(r"[a-z_]+", name)
        re.compile(rx)


# --------------------------------------------------------------------------------------------
# The audit
# --------------------------------------------------------------------------------------------

def test_audit_all_is_empty():
    """Every number of the shipped documents is curated or explained: the curated data is complete."""
    found = {(r.doc_id, r.start, r.text) for r in audit_all().itertuples()}
    assert found == set(), "uncovered numbers: curate them or explain them"


def test_audit_columns():
    df = audit("bazhong-2021")
    assert list(df.columns) == ["start", "end", "text", "context"]
    assert df.empty
    assert list(audit_all().columns) == ["doc_id", "start", "end", "text", "context"]


def test_explain_statuses(all_targets):
    df = explain("chongqing-2021")
    assert set(df["status"]) <= {"covered", "excluded", "partial", "uncovered"}
    raw = vc.source_text("chongqing-2021")
    ids = set(all_targets["target_id"])
    for r in df.itertuples():
        assert raw[r.start:r.end] == r.text
        if r.status == "covered":
            assert set(r.detail.split(", ")) <= ids
        if r.status == "excluded":
            assert r.detail in {n for n, _ in EXCLUSIONS} or r.detail.startswith("repair:")
    covered = df[df["status"] == "covered"]
    assert "cq-28" in " ".join(covered["detail"])  # 近16亿元
    assert {"list_ordinal", "calendar_year", "plus_formula"} <= set(df["detail"])


def test_explain_reports_deleted_page_furniture():
    df = explain("beibei-2020")
    assert df["detail"].str.startswith("repair:").sum() == 2  # —6— and —8—


def test_explain_unknown_document():
    with pytest.raises(KeyError):
        explain("atlantis-2030")


# --------------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------------

_ALPHABET = st.sampled_from(list("0123456789０１２３４５６７８９一二两三四五六七八九十百千万亿零〇.．%％—–－-~～至到"
                                 "所个人名家门项次年月日倍元以上下不低于少超过达约近左右余多第期间末十四五“”《》〔〕()（）"
                                 "国家级市省区县级力争创取,，。;；、:：\n \t\u3000半分之的在校生培训双师型國級達") + ["\n\n"])


def _check(text, df):
    assert list(df.columns)[:3] == ["start", "end", "text"]
    for r in df.itertuples():
        assert 0 <= r.start < r.end <= len(text)
        assert text[r.start:r.end] == r.text
        assert r.value_low <= r.value_high


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_never_raises_on_arbitrary_unicode(text):
    _check(text, extract_targets(text))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ALPHABET, max_size=200).map("".join))
def test_never_raises_on_number_soup(text):
    _check(text, extract_targets(text))
    _check(text, extract_targets(text, text_form="pdf"))
    ex = expressions(text)
    for r in ex.itertuples():
        assert text[r.start:r.end] == r.text


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from([PDF_TEXT, TRADITIONAL_TEXT, FULLWIDTH_TEXT, "\n", "—5—\n", "第 2 页\n"]),
                max_size=6).map("".join))
def test_offsets_on_mixed_paragraphs(text):
    _check(text, extract_targets(text))


def test_ten_megabytes_finishes(documents):
    sources = "\n\n".join(vc.source_text(d) for d in documents["doc_id"])
    big = (sources * (10_000_000 // len(sources) + 1))[:10_000_000]
    started = time.perf_counter()
    df = extract_targets(big)
    elapsed = time.perf_counter() - started
    print(f"\nextract_targets: {len(big):,} characters, {len(df):,} rows in {elapsed:.1f} s "
          f"({len(big) / elapsed:,.0f} characters/s)")
    assert len(df) > 1000


ADVERSARIAL = ["1—", "60%", "12 ", "1-2、", "（1）", "1,", "1.", "1~", "第1", "一二三", "20%以上，", "约3万人 ",
               "2025年", "((((", "1\n", "—6—\n"]


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(2):
        started = time.perf_counter()
        extract_targets(text)
        best = min(best, time.perf_counter() - started)
    return best


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(ADVERSARIAL), min_size=1, max_size=3).map("".join))
def test_time_grows_linearly_on_adversarial_shapes(unit):
    """Four times the text never takes much more than four times as long (quadratic would be sixteen)."""
    small = unit * (6000 // len(unit) + 1)
    t_small, t_large = _seconds(small), _seconds(small * 4)
    assert t_large < 6.5 * t_small + 0.05, (unit, t_small, t_large)


def test_a_duration_that_is_the_promise_is_still_read():
    """延长三年 is the value itself, unlike 三年来 or 三年行动."""
    rows = extract_targets("将职业院校学生资助政策再延长三年。")
    assert rows["value_low"].tolist() == [3]


def test_a_run_of_numbers_is_set_aside_as_number_run():
    """A PDF table row or a dump of numbers ("1,2,3,…" with no Chinese between) states nothing."""
    text = "到2025年，建成10所示范学校。" + ",".join(str(i) for i in range(1, 40)) + "。"
    rows = extract_targets(text)
    assert list(rows["value_low"]) == [10]
    listed = vc.text.extract.expressions(text)
    assert set(listed.loc[listed["exclusion"] == "number_run", "value_low"]) == set(range(1, 40))


def test_eleven_numbers_in_a_row_are_still_read():
    text = "目标: " + "、".join(f"{i}所" for i in range(1, 12)) + "。"
    assert len(extract_targets(text)) == 11


def test_number_soup_without_a_sentence_end_is_set_aside():
    """A thousand characters with no sentence end and a number every few characters is not prose."""
    soup = "约3万人 " * 300
    assert extract_targets(soup).empty
    assert extract_targets("到2025年，建成10所示范学校。" + soup)["value_low"].tolist() == [10]


def test_a_long_sentence_with_sparse_numbers_is_still_read():
    """Over a thousand characters without a full stop, but with few numbers: still read."""
    text = "，".join(["加强职业院校教师队伍建设和内涵发展"] * 60 + ["到2025年建成10所示范学校"]) + "。"
    assert len(text) > 1000
    assert extract_targets(text)["value_low"].tolist() == [10]


def test_the_metric_guess_says_how_sure_it_is():
    rows = extract_targets("到2025年,“双师型”教师占专业课教师比例达到60%以上。建成3所学校。")
    assert rows[["metric_id", "metric_confidence"]].values.tolist() == [
        ["teachers.dual_qualified_share", "high"], ["", "none"]]


REVIEW_TEXT = (
    "一、过去五年工作回顾\n"
    "五年来，全市职业教育规模稳步扩大。中职在校生从8万人增加到10万人，建成示范学校12所。\n"
    "(一)办学条件明显改善\n"
    "生均经费年均增长6%。\n"
    "二、今后五年的主要目标\n"
    "到2027年，建成高水平学校5所。\n"
    "三、重点任务\n"
    "新建实训基地20个。\n"
)


def test_a_review_that_names_no_year_reports_baselines():
    """A heading over results with no year (过去五年工作回顾) opens a review: its values are baselines,
    a sub-heading (一) stays inside it, and the next numbered heading of its level closes it."""
    rows = extract_targets(REVIEW_TEXT)
    assert rows["kind"].tolist() == ["baseline", "baseline", "baseline", "baseline", "target", "target"]
    assert rows["year"].isna().tolist() == [True, True, True, True, False, True]
    assert rows["year"].iloc[4] == 2027
    short = extract_targets("一、过去五年工作回顾\n建成示范学校12所。\n二、目标\n到2027年建成高水平学校5所。\n")
    assert short["kind"].tolist() == ["baseline", "target"]  # a numbered heading may be short


def test_the_issue_date_dates_a_review_and_the_start_of_its_changes():
    """Told the document was issued in 2023, the review runs to 2022, and a value a change started
    from (五年来…从8万人增加到10万人) is dated the start of the five years."""
    rows = extract_targets(REVIEW_TEXT, issued="2023-03-05")
    assert rows["year"].fillna(0).tolist() == [2017, 2022, 2022, 2022, 2027, 0]
    assert rows["year_basis"].tolist()[:4] == ["report"] * 4
    assert extract_targets(REVIEW_TEXT, issued=2023).equals(rows)
    one_year = "一、2016年工作回顾\n工业企业利润由1000亿元提高到1200亿元。\n"
    assert extract_targets(one_year, issued=2017)["year"].tolist() == [2015, 2016]
    as_of = "截至2020年底，全市中职在校生由8万人增加到10万人。"  # no span said: the start is not guessed
    assert extract_targets(as_of, issued=2021)["year"].tolist() == [2020, 2020]


@pytest.mark.parametrize("bad", ["soon", "20230305", 1800])
def test_an_issue_date_that_is_not_one_is_refused(bad):
    with pytest.raises(ValueError, match="is not a year or date; give it as 2021"):
        extract_targets(REVIEW_TEXT, issued=bad)
