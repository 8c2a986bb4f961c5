"""Outcomes: the results a report's review part states, read by the rules engine with the target
machinery, dated by period, checked like targets, scored in evals and written to the CSV.

The review paragraphs are from tuning-half corpus reports (易县 2018, 海拉尔区 2016, 定兴县 2021);
the outcomes asserted were checked by hand against them."""

from __future__ import annotations

import csv
import io

import pytest

from summarizer import check, summarize
from summarizer.eval_metrics import GoldItems, score_case
from summarizer.models import Outcome, ReportSummary
from summarizer.render import render

YIXIAN_2018 = (
    "2018年易县政府工作报告\n"
    "各位代表：\n"
    "一、2017年工作回顾\n"
    "全县生产总值完成126.9亿元，增长8%；社会消费品零售总额完成52.77亿元，增长11%；"
    "城乡居民人均可支配收入分别达到22480元和8298元，分别增长10%、11%。\n"
    "（一）调整产业结构，做强产业支撑\n"
    "全年接待游客764万人次，实现综合效益38亿元，分别增长64.2%、63.4%。"
    "新型农业经营主体达到920家，农业产业化经营率达到63.5%。新增规模以上工业企业5家。\n"
    "二、2018年工作安排\n"
    "2018年经济社会发展的主要预期目标是：全县生产总值增长7%左右。\n"
    "（一）抓项目\n"
    "实施重点项目60个，新建学校3所。\n"
)


def _outcomes(summary: ReportSummary) -> list[tuple[str, str | None, str, float, str, str]]:
    return [(o.indicator, o.key, o.measure, o.value, o.unit, o.period) for o in summary.outcomes]


def test_review_results_are_outcomes_of_the_year_under_review() -> None:
    s = summarize(YIXIAN_2018, engine="rules")
    assert s.schema_version == "2" and s.meta.year == 2018
    assert _outcomes(s) == [
        ("全县生产总值", "gdp", "level", 126.9, "亿元", "2017"),
        ("全县生产总值", "gdp", "growth", 8, "%", "2017"),  # a number and its growth: two
        ("社会消费品零售总额", "retail_sales", "level", 52.77, "亿元", "2017"),
        ("社会消费品零售总额", "retail_sales", "growth", 11, "%", "2017"),
        # items sharing a quote are sorted by indicator
        ("农村居民人均可支配收入", "rural_disposable_income", "level", 8298, "元", "2017"),
        ("城镇居民人均可支配收入", "urban_disposable_income", "level", 22480, "元", "2017"),
        # a subjectless 分别 continues the members before it
        ("农村居民人均可支配收入", "rural_disposable_income", "growth", 11, "%", "2017"),
        ("城镇居民人均可支配收入", "urban_disposable_income", "growth", 10, "%", "2017"),
        ("接待游客", "tourist_arrivals", "level", 764, "万人次", "2017"),
        ("综合效益", None, "level", 38, "亿元", "2017"),
        ("接待游客", "tourist_arrivals", "growth", 64.2, "%", "2017"),
        ("综合效益", None, "growth", 63.4, "%", "2017"),
        ("新型农业经营主体", "new_agri_business_entities", "level", 920, "家", "2017"),
        ("农业产业化经营率", "agri_industrialisation_rate", "level", 63.5, "%", "2017"),
        ("规模以上工业企业", "new_industrial_enterprises", "change", 5, "家", "2017"),
    ]
    # the plan year's targets are targets, never outcomes
    assert {(t.indicator, t.value, t.measure) for t in s.targets} >= {
        ("全县生产总值", 7, "growth"), ("重点项目", 60, "count"), ("学校", 3, "count"),
    }  # fmt: skip
    assert s.checks.violations == []
    assert [o.start for o in s.outcomes] == sorted(o.start for o in s.outcomes)


HAILAER_2016 = (
    "2016年海拉尔区政府工作报告\n"
    "一、“十二五”时期和2015年工作回顾\n"
    "——综合实力显著增强。五年来，我们不断优化经济结构。"
    "地区生产总值由2010年的162.4亿元增加到2015年的287.9亿元，年均增长12.1%；"
    "“十二五”期间，累积完成全社会固定资产投资615亿元。\n"
    "2015年城镇常住居民人均可支配收入完成30788元，比2010年增加13480元。\n"
    "二、2016年工作安排\n"
    "主要预期目标是：地区生产总值增长7.5%。\n"
)


def test_plan_period_results_and_baselines() -> None:
    s = summarize(HAILAER_2016, engine="rules")
    got = {(o.value, o.unit): (o.period, o.measure) for o in s.outcomes}
    assert (162.4, "亿元") not in got  # the level started from (由…到) is not a result
    assert got[(287.9, "亿元")] == ("2011-2015", "level")  # a paragraph of 五年来; 增加到: level
    assert got[(12.1, "%")] == ("2011-2015", "growth")
    assert got[(615, "亿元")] == ("2011-2015", "level")
    # a sentence that opens with its year is that year's
    assert got[(30788, "元")] == ("2015", "level")
    assert got[(13480, "元")] == ("2015", "change")
    names = {(o.value, o.indicator) for o in s.outcomes}
    assert (287.9, "地区生产总值") in names and (13480, "城镇常住居民人均可支配收入") in names
    assert s.checks.violations == []


DINGXING_2021 = (
    "2021年定兴县政府工作报告\n"
    "一、2020年和“十三五”工作回顾\n"
    "“十三五”时期，是定兴砥砺前行的五年。新增17家高新技术企业，科技型中小企业达到285家。\n"
    "二、2021年工作安排\n"
    "主要预期目标是：地区生产总值增长6%。\n"
)


def test_a_named_plan_period_dates_its_paragraph() -> None:
    s = summarize(DINGXING_2021, engine="rules")
    assert [(o.indicator, o.value, o.period, o.measure) for o in s.outcomes] == [
        ("高新技术企业", 17, "2016-2020", "change"),
        ("科技型中小企业", 285, "2016-2020", "level"),
    ]


# 福建 2026 and 湖南 2026 (tuning): the five years under review, a plan named as the period or
# level compared with (较“十三五”时期) or as history before them (“十二五” in a 2021 report)
FUJIAN_2026 = (
    "2026年福建省政府工作报告\n"
    "一、“十四五”时期和2025年工作回顾\n"
    "五年来，我们坚持创新驱动发展。全社会研发经费投入年均增长10.5%，"
    "高价值发明专利较“十三五”时期增长148%。\n"
    "二、2026年工作安排\n"
    "主要预期目标是：地区生产总值增长5%左右。\n"
)
COUNTY_2021 = (
    "2021年某县政府工作报告\n"
    "一、“十三五”时期工作回顾\n"
    "——这五年，民生投入只增不减，财政民生支出累计107亿元，是“十二五”时期的1.9倍。\n"
    "二、2021年工作安排\n"
    "主要预期目标是：地区生产总值增长6%。\n"
)


# 阜平 2022 (tuning gold: 受理群众诉求 7600件 is 2021's): a plan not over by the year under
# review dates results up to that year only
FUPING_2022 = (
    "2022年阜平县政府工作报告\n"
    "一、2021年工作回顾\n"
    "各位代表!回首这一年，意义非凡。全县上下团结奋进，实现了“十四五”的高点起步、强势开局。"
    "这一年，我们以一条热线开创“治理革命”，受理群众诉求7600余件，办结率100%。\n"
    "二、2022年工作安排\n"
    "主要预期目标是：地区生产总值增长6.5%。\n"
)


@pytest.mark.parametrize(
    ("text", "period"),
    [(FUJIAN_2026, "2021-2025"), (COUNTY_2021, "2016-2020"), (FUPING_2022, "2021")],
)
def test_a_plan_compared_with_or_before_the_five_years_does_not_date_them(
    text: str, period: str
) -> None:
    s = summarize(text, engine="rules")
    assert s.outcomes and {o.period for o in s.outcomes} == {period}


# 阜平 2017 and 容城 2017 (tuning): a year opening a sentence dates the clauses its semicolons
# join, except one that opens on a time of its own
FUPING_2017 = (
    "2017年阜平县政府工作报告\n"
    "一、过去五年工作回顾\n"
    "——过去五年，是我们脱贫攻坚取得决定性进展的五年。五年来劳务输出7.76万人次。"
    "2016年，全县农村居民人均可支配收入完成6542元；全县居民储蓄存款余额70.79亿元；"
    "五年来，谋划实施重点项目217个。\n"
    "二、2017年工作安排\n"
    "主要预期目标是：地区生产总值增长7%。\n"
)


def test_a_year_opening_a_sentence_dates_the_clauses_its_semicolons_join() -> None:
    s = summarize(FUPING_2017, engine="rules")
    got = {o.value: o.period for o in s.outcomes}
    assert got[6542] == "2016" and got[70.79] == "2016"
    assert got[7.76] == "2012-2016" and got[217] == "2012-2016"


# 陕西 2026 and 福建 2026 (tuning): a paragraph that opens on the year under review and then
# turns to the five years (五年来，…) dates what follows that turn as the five years
SHAANXI_2026 = (
    "2026年陕西省政府工作报告\n"
    "一、2025年和“十四五”时期工作回顾\n"
    "刚刚过去的一年，是“十四五”收官之年。全省生产总值增长5.4%。\n"
    "各位代表！2025年目标任务顺利完成，标志着“十四五”圆满收官。五年来，我们牢记嘱托、感恩奋进。"
    "一是综合实力再上台阶。地区生产总值跨过3万亿元、年均增长5.2％。\n"
    "二、2026年工作安排\n"
    "主要预期目标是：地区生产总值增长5%左右。\n"
)


def test_a_turn_to_the_five_years_inside_a_paragraph_of_the_year_dates_what_follows() -> None:
    s = summarize(SHAANXI_2026, engine="rules")
    got = {o.value: o.period for o in s.outcomes}
    assert got[5.4] == "2025"
    assert got[5.2] == "2021-2025"


# 山东 2026 (tuning): a lead paragraph that opens on the year and turns to the five years leads
# the paragraphs after it with the five years
SHANDONG_2026 = (
    "2026年山东省政府工作报告\n"
    "一、2025年及“十四五”时期工作回顾\n"
    "各位代表！2025年是“十四五”收官之年。五年来，我们牢记嘱托、感恩奋进。\n"
    "——经济综合实力实现新跃升。全省地区生产总值年均增长5.9%、高于全国0.5个百分点。\n"
    "二、2026年工作安排\n"
    "主要预期目标是：地区生产总值增长5%左右。\n"
)


def test_a_lead_paragraph_turning_to_the_five_years_leads_the_paragraphs_after_it() -> None:
    s = summarize(SHANDONG_2026, engine="rules")
    assert {o.value: o.period for o in s.outcomes}[5.9] == "2021-2025"


@pytest.mark.parametrize(
    ("written", "indicator"),
    [
        # the years a change took, between the indicator and its verb (江苏, 湖南, 山东, 云南…)
        ("高新技术企业5年增加2万多家", "高新技术企业"),
        ("常住人口城镇化率五年提高3.89个百分点", "常住人口城镇化率"),
        ("粮食总产量连续18年保持在100万吨以上", "粮食总产量"),
        # 目前 beside 今年; 把 beside 将 (closed classes)
        ("目前10人以上加工点发展到251个", "10人以上加工点"),
        ("把低保标准提高到3500元", "低保标准"),
    ],
)
def test_time_words_and_the_disposal_marker_are_no_part_of_an_outcome_s_indicator(
    written: str, indicator: str
) -> None:
    text = (
        "2017年某县政府工作报告\n一、2016年工作回顾\n"
        f"{written}。\n二、2017年工作安排\n主要预期目标是：地区生产总值增长7%。\n"
    )
    assert [o.indicator for o in summarize(text, engine="rules").outcomes] == [indicator]


def test_check_verifies_outcomes_like_targets() -> None:
    s = summarize(YIXIAN_2018, engine="rules")
    data = s.model_dump(mode="json")
    data["outcomes"][1]["value"] = 9  # 增长8% written as 9
    data["outcomes"][2]["direction"] = "增长"
    result = check(data, YIXIAN_2018)
    kinds = {(v.item, v.kind) for v in result.violations}
    assert kinds == {
        ("outcomes[1]", "number_not_in_quote"), ("outcomes[2]", "direction_mismatch"),
    }  # fmt: skip
    # a minimal outcome without measure, spans or section is accepted
    minimal = {"outcomes": [{"indicator": "全县生产总值", "value": 126.9, "unit": "亿元",
                             "quote": "全县生产总值完成126.9亿元"}]}  # fmt: skip
    assert check(minimal, YIXIAN_2018).violations == []


def test_eval_scores_outcomes_when_annotated() -> None:
    s = summarize(YIXIAN_2018, engine="rules")
    gold = [Outcome.model_validate(o.model_dump()) for o in s.outcomes[:-1]]
    scored = score_case(s, GoldItems(outcomes=gold, annotated=frozenset({"outcomes"})), YIXIAN_2018)
    assert scored.counts["outcomes.tp"] == len(gold) and scored.counts["outcomes.fp"] == 1
    assert scored.metrics["outcomes.recall"].value == 1.0
    not_annotated = score_case(s, GoldItems(outcomes=gold), YIXIAN_2018)
    assert not_annotated.counts["outcomes.fp"] == 0  # gold without 'outcomes' is not charged


def test_csv_rows_of_targets_then_outcomes() -> None:
    s = summarize(YIXIAN_2018, engine="rules")
    rows = list(csv.DictReader(io.StringIO(render([s], "csv", many=False), newline="")))
    assert list(rows[0])[-3:] == ["kind", "measure", "period"]
    kinds = [r["kind"] for r in rows]
    assert kinds == ["target"] * len(s.targets) + ["outcome"] * len(s.outcomes)
    first = rows[len(s.targets)]
    assert (first["indicator"], first["measure"], first["period"], first["scope"]) == (
        "全县生产总值", "level", "2017", "",
    )  # fmt: skip


def test_a_listed_subject_is_not_expanded_when_the_verb_has_its_own_object() -> None:
    # 曲阳县 2020: the places where the land was reserved, one total; members keep their own
    # values when the list itself is measured (工业投资、民间投资均增长6%)
    text = (
        "一、2019年工作回顾\n"
        "循环经济产业园区、骊山工业园区、羊平雕刻小镇完成土地储备2839亩。"
        "工业投资、民间投资均增长6%。\n"
        "二、2020年工作安排\n实施重点项目60个。\n"
    )
    got = [(o.indicator, o.value, o.unit) for o in summarize(text, engine="rules").outcomes]
    assert got == [("土地储备", 2839, "亩"), ("工业投资", 6, "%"), ("民间投资", 6, "%")]


def test_a_change_from_a_level_and_adverbs_of_sum_are_not_the_indicator() -> None:
    # 宁夏 2026, 云南 2026: 从5.6万元增至7.8万元, 累计超过, 近1万亿元
    text = (
        "一、2025年工作回顾\n人均地区生产总值从5.6万元增至7.8万元，年均增长5.4%。"
        "城镇新增就业累计超过41万人。完成投资近1万亿元。\n二、2026年工作安排\n实施重点项目60个。\n"
    )
    got = [(o.indicator, o.value, o.unit) for o in summarize(text, engine="rules").outcomes]
    assert got == [
        ("人均地区生产总值", 7.8, "万元"),
        ("人均地区生产总值", 5.4, "%"),
        ("城镇新增就业", 41, "万人"),
        ("投资", 1, "万亿元"),
    ]


def test_the_noun_after_a_count_ends_before_the_next_amount() -> None:
    # 定兴县 2020, 阜平县 2013/2020: 63人获得保险赔付资金8.1万元 (two results, two nouns)
    text = "一、2019年工作回顾\n63人获得保险赔付资金8.1万元。\n二、2020年工作安排\n实施重点项目60个。\n"
    got = [(o.indicator, o.value, o.unit) for o in summarize(text, engine="rules").outcomes]
    assert got[0] == ("获得保险赔付资金", 63, "人")


def test_a_count_of_the_plans_indicators_with_a_predicate_is_no_result() -> None:
    # 宁夏 2026, 易县 2018: 9项约束性指标全部完成, 5项指标居全国第一 (the plan's own indicators)
    text = (
        "一、2025年工作回顾\n生态环境9项约束性指标全部完成，5项指标居全国第一，新建学校3所。\n"
        "二、2026年工作安排\n实施重点项目60个。\n"
    )
    got = [(o.indicator, o.value, o.unit) for o in summarize(text, engine="rules").outcomes]
    assert got == [("学校", 3, "所")]


def test_a_look_back_paragraph_under_a_plan_heading_states_outcomes() -> None:
    # 广西 2026: 二、“十四五”时期发展成就和“十五五”时期主要目标任务 / 过去五年，… (a period review
    # inside the plan part); 超500亿元的县域 is a class of places (the bound stays in its name), its count the result
    text = (
        "2026年政府工作报告\n一、2025年工作回顾\n地区生产总值增长5%。\n"
        "二、“十四五”时期发展成就和“十五五”时期主要目标任务\n"
        "过去五年，地区生产总值年均增长4.8%，经济总量超500亿元的县域增至12个。\n"
        "三、2026年重点工作\n实施重点项目60个。\n"
    )
    got = [(o.indicator, o.value, o.unit, o.period) for o in summarize(text).outcomes]
    assert got == [
        ("地区生产总值", 5, "%", "2025"),
        ("地区生产总值", 4.8, "%", "2021-2025"),
        ("经济总量超500亿元的县域", 12, "个", "2021-2025"),
    ]


def test_a_unified_town_and_country_scheme_is_one_statistic() -> None:
    # 易县 2025, 定兴县 2020: 城乡居民养老保险参保率 is one scheme's rate; income stays two
    text = (
        "一、2024年工作回顾\n城乡居民养老保险参保率达到98.85%，城乡居民人均可支配收入增长6%。\n"
        "二、2025年工作安排\n实施重点项目60个。\n"
    )
    got = sorted((o.indicator, o.value) for o in summarize(text, engine="rules").outcomes)
    assert got == [
        ("农村居民人均可支配收入", 6),
        ("城乡居民养老保险参保率", 98.85),
        ("城镇居民人均可支配收入", 6),
    ]


def test_a_comparable_basis_adverb_is_not_the_indicator() -> None:
    # 满城区 2023, 广西 2026: 可比增长, 同口径增长 (the growth of the amount just named)
    text = (
        "一、2022年工作回顾\n一般公共预算收入完成7.8亿元、可比增长2.3%。\n"
        "二、2023年工作安排\n实施重点项目60个。\n"
    )
    got = [(o.indicator, o.value, o.unit) for o in summarize(text, engine="rules").outcomes]
    assert got == [("一般公共预算收入", 7.8, "亿元"), ("一般公共预算收入", 2.3, "%")]


def test_a_sentence_opening_with_its_year_inside_a_paragraph_is_that_years() -> None:
    # 海拉尔区 2016: the year opens the second sentence of a 五年来 paragraph (the pattern was
    # anchored with ^, which a match at a position never satisfies)
    text = (
        "2016年海拉尔区政府工作报告\n"
        "一、“十二五”工作回顾\n"
        "五年来，我区旅游产业取得长足发展。2015年旅游收入达到69亿元，是2010年的2.6倍。\n"
        "二、2016年工作安排\n"
        "主要预期目标是：地区生产总值增长7%。\n"
    )
    s = summarize(text, engine="rules")
    assert [(o.value, o.period) for o in s.outcomes if o.unit == "亿元"] == [(69, "2015")]


def test_a_lead_paragraph_dates_the_paragraphs_after_it() -> None:
    # 云南 2026, 湖北 2026: under 一、“十四五”时期和2025年工作回顾 a lead paragraph (这五年，…)
    # dates the paragraphs after it, until one opens on the year (刚刚过去的2025年，…); 定兴县
    # 2020: a paragraph opening on the year is that year's though it names the plan; 宁夏 2026:
    # 比“十三五”末 is a level compared with, not the period
    text = (
        "2026年云南省政府工作报告\n"
        "一、“十四五”时期和2025年工作回顾\n"
        "这五年，我们全力推动高质量发展，经济实力迈上新台阶。\n"
        "地区生产总值年均增长4.7%。新能源装机规模比“十三五”末翻了一番，达到6000万千瓦。\n"
        "各位代表！刚刚过去的2025年，是“十四五”收官之年。\n"
        "居民人均可支配收入增长4.6%。\n"
        "二、2026年重点工作\n"
        "主要预期目标是：地区生产总值增长5%左右。\n"
    )
    s = summarize(text, engine="rules")
    got = {(o.value, o.unit): o.period for o in s.outcomes}
    assert got[(4.7, "%")] == "2021-2025"
    assert got[(6000, "万千瓦")] == "2021-2025"
    assert got[(4.6, "%")] == "2025"
    dingxing = (
        "2020年定兴县政府工作报告\n"
        "一、2019年工作回顾\n"
        "2019年，是“十三五”规划冲刺之年。一年来，县域生产总值完成145.2亿元，增长5.7%。\n"
        "二、2020年工作安排\n"
        "主要预期目标是：地区生产总值增长6%。\n"
    )
    s = summarize(dingxing, engine="rules")
    assert {o.period for o in s.outcomes} == {"2019"}


def test_a_year_lead_under_a_five_year_heading_dates_the_sections_after_it() -> None:
    # 河北 2023: 一、过去五年工作回顾 names only the five years; 这五年 paragraphs are the plan's,
    # the （一）… sections after 刚刚过去的2022年…一年来 are the year's
    text = (
        "2023年河北省政府工作报告\n"
        "一、过去五年工作回顾\n"
        "这五年，全省生产总值年均增长5.6%。\n"
        "刚刚过去的2022年，极不平凡。一年来，我们主要做了以下工作：\n"
        "（一）稳住经济大盘。全省生产总值增长3.8%。\n"
        "（二）推进协同发展。新建5G基站3.5万个。\n"
        "二、2023年目标任务\n"
        "主要预期目标是：地区生产总值增长6%左右。\n"
    )
    got = {(o.value, o.unit): o.period for o in summarize(text, engine="rules").outcomes}
    assert got[(5.6, "%")] == "2018-2022"
    assert got[(3.8, "%")] == "2022"
    assert got[(3.5, "万个")] == "2022"


def _review(body: str) -> list[tuple[str, float, str]]:
    text = (
        "2020年定兴县政府工作报告\n一、2019年工作回顾\n" + body + "\n二、2020年工作安排\n"
        "（一）抓项目\n实施重点项目60个。\n（二）抓民生\n新建学校3所。\n（三）抓生态\n植树1万亩。\n"
    )
    return [(o.indicator, o.value, o.unit) for o in summarize(text, engine="rules").outcomes]


def test_a_change_after_a_value_without_a_unit_is_said_of_its_subject() -> None:
    # 定兴县 2020, 易县 2020 (tuning gold: 空气质量综合指数 6.87% and 10.62%): the index has no
    # unit, so its clause gave no subject and the change took one read clauses before
    got = _review(
        "扶贫督导考核增加3项。生态环境持续改善，全年空气质量综合指数6.06，同比下降6.87%。"
    )
    assert ("空气质量综合指数", 6.87, "%") in got
    # a subject read before a clause without a quantity is not the one a later clause continues
    # (海拉尔区 2017: …发放城乡特困群体大病医疗救助金X万元，…，96户、183人实现全部脱贫)
    got = _review(
        "发放城乡特困群体大病医疗救助金120万元，精准扶贫成效明显，96户、183人实现全部脱贫。"
    )
    assert ("发放城乡特困群体大病医疗救助金", 96, "户") not in got


def test_a_targets_sentence_in_a_part_read_later_as_the_review_is_a_result_read_once() -> None:
    # 福建 2026: 一、一年接着一年干… names no review word, so the part is known to be the review
    # only once the targets are found in part 二; its paragraph 各位代表！2025年主要目标任务如期
    # 完成 (主要目标: a plan paragraph when first read) stayed plan, so its look back was read
    # twice (each of its results a duplicate outcome)
    text = (
        "2026年某某县政府工作报告\n一、一年接着一年干，发展取得新成效\n"
        "（一）产业发展加快。规上工业增加值增长6%。\n（二）民生持续改善。城镇新增就业2000人。\n"
        "各位代表！2025年主要目标任务如期完成，“十四五”顺利收官。\n"
        "五年来，经济总量跨上300亿元台阶，新建学校12所。\n"
        "二、2026年主要预期目标和重点工作\n"
        "今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，一般公共预算收入增长4%。\n"
        "（一）做强产业。新建标准化厂房10万平方米。\n（二）改善民生。新增城镇就业2500人。\n"
        "三、加强政府自身建设\n"
    )
    s = summarize(text, engine="rules")
    lead = next(x for x in s.sections if x.title.startswith("各位代表"))
    assert (lead.kind, lead.level) == ("review", 3)
    assert [(o.indicator, o.value, o.period) for o in s.outcomes] == [
        ("规上工业增加值", 6, "2025"),
        ("城镇新增就业", 2000, "2025"),
        ("经济总量", 300, "2021-2025"),
        ("学校", 12, "2021-2025"),
    ]
    assert [(t.indicator, t.value) for t in s.targets if t.scope == "section"] == [
        ("标准化厂房", 10),
        ("城镇就业", 2500),
    ]


def test_a_plan_period_section_inside_the_review_states_its_results_once() -> None:
    # （二）“十四五”时期发展成就 under 一、2025年工作回顾 is a plan-period section inside the
    # review: read as review text and, its paragraph opening on 过去五年, as a look back; each
    # result was an outcome twice
    text = (
        "2026年某某县政府工作报告\n一、2025年工作回顾\n（一）经济平稳。地区生产总值增长5%。\n"
        "（二）“十四五”时期发展成就\n过去五年，地区生产总值年均增长4.8%，新建学校12所。\n"
        "二、2026年重点工作\n（一）做强产业。新建标准化厂房10万平方米。\n"
        "（二）改善民生。新增城镇就业2500人。\n"
    )
    got = [(o.indicator, o.value, o.period) for o in summarize(text, engine="rules").outcomes]
    assert got == [
        ("地区生产总值", 5, "2025"),
        ("地区生产总值", 4.8, "2021-2025"),
        ("学校", 12, "2021-2025"),
    ]
