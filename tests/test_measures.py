"""measure_of: growth, level, change or count from indicator, unit, direction and the words
before the number (summarizer/measures.py), on clauses of real reports."""

from __future__ import annotations

import pytest

from summarizer.measures import measure_of, unit_dimension
from summarizer.models import Outcome, ReportSummary, Target


@pytest.mark.parametrize(
    ("indicator", "unit", "direction", "before", "measure"),
    [
        # growth: a percent change, whatever the verb, unless the number is a ratio's level
        ("全县生产总值", "%", "增长", "增长", "growth"),
        ("单位GDP能耗", "%", "下降", "单位GDP能耗下降", "growth"),
        ("居民消费价格涨幅", "%", "控制在", "居民消费价格涨幅控制在", "growth"),
        ("地区生产总值", "%", "", "地区生产总值增速保持在", "growth"),
        ("技术合同成交额", "倍", "增长", "技术合同成交额增长", "growth"),
        # labour productivity is output per worker, not a rate: its % is its change
        ("全员劳动生产率", "%", "增长", "全员劳动生产率年均增长", "growth"),
        # level: a value to reach or keep, rates and shares included
        ("社会消费品零售总额", "亿元", "完成", "社会消费品零售总额完成", "level"),
        ("城镇调查失业率", "%", "控制在", "城镇调查失业率控制在", "level"),
        ("农业产业化经营率", "%", "达到", "农业产业化经营率达到", "level"),
        ("农业标准化生产率", "%", "达到", "全县农业标准化生产率达", "level"),
        ("外商直接投资", "%", "达到", "外商直接投资占全市比重达到", "level"),
        ("新型农业经营主体", "家", "达到", "新型农业经营主体达到", "level"),
        ("最低工资标准", "元", "提高", "最低工资标准提高到", "level"),
        ("贫困发生率", "%", "", "贫困发生率降到", "level"),
        # change: an absolute or percentage-point change
        ("城镇新增就业", "万人", "新增", "城镇新增就业", "change"),
        ("城镇化率", "个百分点", "提高", "城镇化率提高", "change"),
        ("粮食产量", "万吨", "增加", "粮食产量增加", "change"),
        ("规模以上工业企业", "家", "新增", "新增规模以上工业企业", "change"),
        ("空气质量二级以上天数", "天", "增加", "比2016年增加", "change"),
        # count: things built or done, counted with a classifier
        ("学校", "所", "新建", "新建学校", "count"),
        ("重点项目", "个", "", "实施重点项目", "count"),
        ("扶贫项目", "个", "", "实施扶贫项目", "count"),
        # 增加值 is a name, not a change verb
        ("规模以上工业增加值", "亿元", "完成", "规模以上工业增加值完成", "level"),
    ],
)
def test_measure_of(indicator: str, unit: str, direction: str, before: str, measure: str) -> None:
    assert measure_of(indicator, unit, direction, before) == measure


def test_only_the_numbers_own_clause_is_read() -> None:
    # 城镇化率 in an earlier clause does not make the GDP growth a level
    before = "城镇化率达到60%，地区生产总值增长"
    assert measure_of("地区生产总值", "%", "增长", before) == "growth"


@pytest.mark.parametrize(
    ("unit", "dimension"),
    [("亿元", "money"), ("万美元", "money"), ("亿", "money"), ("万吨", "weight"),
     ("亿斤", "weight"), ("万亩", "area"), ("公里", "length"), ("万人次", "people"),
     ("个", "count"), ("万户", "count"), ("％", "%"), ("倍", "%"), ("个百分点", "个百分点")],
)  # fmt: skip
def test_unit_dimension(unit: str, dimension: str) -> None:
    assert unit_dimension(unit) == dimension


def test_items_without_a_measure_get_the_derived_one() -> None:
    # gold and summaries written before measures existed still load, with the same reading
    quote = "城镇新增就业5160人"
    t = Target(indicator="城镇新增就业", value=5160, unit="人", direction="新增", quote=quote,
               start=100, end=100 + len(quote), value_start=106, value_end=111)  # fmt: skip
    assert t.measure == "change"
    o = Outcome.model_validate({**t.model_dump(exclude={"measure", "scope"}), "period": "2017"})
    assert o.measure == "change"
    assert Target.model_validate({**t.model_dump(), "measure": "level"}).measure == "level"


def test_a_version_1_summary_loads_as_version_2() -> None:
    data = {"schema_version": "1", "source": {"sha256": "0", "chars": 0, "encoding": "utf-8"},
            "meta": {"engine": "rules"}}  # fmt: skip
    summary = ReportSummary.model_validate(data)
    assert summary.schema_version == "2" and summary.outcomes == []
