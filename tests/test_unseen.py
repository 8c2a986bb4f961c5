"""A report in a layout the seeds do not have (full report: review, plan, work, closing; full-width
punctuation; 1. sub-sections), outlined and annotated by hand."""

from __future__ import annotations

from pathlib import Path

from summarizer.api import summarize_file

REPORT = Path(__file__).resolve().parent / "data" / "unseen_city_2024.txt"


def test_outline_kinds_and_priorities() -> None:
    s = summarize_file(REPORT, engine="rules")
    outline = [(x.path, x.kind, x.marker, x.title) for x in s.sections]
    assert outline == [
        ("1", "preamble", "", "各位代表"),
        ("2", "review", "一、", "2023年工作回顾"),
        ("2.1", "review", "（一）", "经济运行稳中向好"),
        ("2.2", "review", "（二）", "改革开放纵深推进"),
        ("3", "plan", "二、", "2024年工作总体要求和主要目标"),
        ("3.1", "plan", "", "2024年政府工作的总体要求"),
        ("3.2", "plan", "", "全市经济社会发展的主要预期目标"),
        ("4", "plan", "三、", "2024年重点工作"),
        ("4.1", "work", "（一）", "聚焦产业强市，加快构建现代化产业体系"),
        ("4.1.1", "work", "1.", "壮大主导产业"),
        ("4.1.2", "work", "2.", "培育新兴产业"),
        ("4.2", "work", "（二）", "扩大有效需求，推动经济持续回升向好"),
        ("4.3", "work", "（三）", "全面推进乡村振兴"),
        ("5", "closing", "四、", "全面加强政府自身建设"),
    ]
    assert [(p.ordinal, p.section, p.title) for p in s.priorities] == [
        (1, "4.1", "聚焦产业强市，加快构建现代化产业体系"),
        (2, "4.2", "扩大有效需求，推动经济持续回升向好"),
        (3, "4.3", "全面推进乡村振兴"),
    ]
    assert s.meta.year == 2024


def test_headline_targets_and_no_review_numbers() -> None:
    s = summarize_file(REPORT, engine="rules")
    headline = [
        (t.indicator, t.key, t.value, t.unit, t.qualifier, t.direction)
        for t in s.targets
        if t.scope == "headline"
    ]
    assert headline == [
        ("地区生产总值", "gdp", 6, "%", "左右", "增长"),
        ("规模以上工业增加值", "industrial_value_added", 7, "%", "", "增长"),
        ("固定资产投资", "fixed_asset_investment", 5, "%", "以上", "增长"),
        ("社会消费品零售总额", "retail_sales", 6.5, "%", "", "增长"),
        ("一般公共预算收入", "public_budget_revenue", 4, "%", "", "增长"),
        ("居民消费价格涨幅", "cpi", 3, "%", "左右", ""),
        ("城镇调查失业率", "urban_unemployment", 5.5, "%", "以内", ""),
        ("城镇新增就业", "new_urban_jobs", 2.5, "万人", "以上", "新增"),
    ]
    qualitative = [(q.indicator, q.text) for q in s.qualitative_targets]
    assert ("城乡居民人均可支配收入", "城乡居民人均可支配收入增长与经济增长同步") in qualitative
    assert any(q.indicator.startswith("单位地区生产总值能耗") for q in s.qualitative_targets)
    text = REPORT.read_text(encoding="utf-8")
    review_end = text.index("二、2024年")
    assert all(t.start >= review_end for t in s.targets), "no target may come from the review"
    assert s.checks.violations == []


def test_section_targets() -> None:
    s = summarize_file(REPORT, engine="rules")
    section = {(t.value, t.unit, t.direction) for t in s.targets if t.scope == "section"}
    for expected in [
        (100, "家", "新增"),
        (500, "亿元", "突破"),
        (1000, "个", "新建"),
        (60, "个", ""),
        (300, "亿元", "完成"),
        (110, "万吨", "稳定在"),
        (8, "万亩", "新建"),
    ]:
        assert expected in section
    assert not any(t.unit == "G" or (t.value == 5 and t.unit == "") for t in s.targets)


COUNTY = Path(__file__).resolve().parent / "data" / "unseen_county_2023.txt"


def test_county_report_with_ranges_and_inline_enumerations() -> None:
    s = summarize_file(COUNTY, engine="rules")
    assert [(x.path, x.marker) for x in s.sections if "." not in x.path] == [
        ("1", ""),
        ("2", "(一)"),
        ("3", "(二)"),
        ("4", "(三)"),
        ("5", "(四)"),
    ], "一是…二是… inside a paragraph are not sections"
    assert [p.title for p in s.priorities] == [
        "坚定不移抓产业强县",
        "全力以赴抓项目建设",
        "持续用力抓乡村振兴",
        "用心用情抓民生保障",
    ]
    assert s.meta.year == 2023
    headline = [
        (t.indicator, t.value, t.value_max, t.unit, t.qualifier, t.direction)
        for t in s.targets
        if t.scope == "headline"
    ]
    assert headline == [
        ("地区生产总值", 6, 6.5, "%", "", "增长"),
        ("一般公共预算收入", 5.5, None, "%", "以上", "增长"),
        ("规模以上工业增加值", 7, None, "%", "以上", "增长"),
        ("固定资产投资", 8, None, "%", "以上", "增长"),
        ("固定资产投资", 10, None, "%", "力争", "达到"),
        ("单位地区生产总值能耗", 2.5, None, "%", "", "下降"),
        ("粮食产量", 45, None, "万吨", "以上", "稳定在"),
    ]
    assert [q.indicator for q in s.qualitative_targets] == ["居民人均可支配收入"]
    section = {(t.value, t.unit, t.direction) for t in s.targets if t.scope == "section"}
    assert {(20, "家", "新增"), (300, "个", "新建"), (80, "个", ""), (120, "亿元", "完成"),
            (3, "万亩", "新建"), (60, "公里", "改造"), (3000, "人", "新增"),
            (5.5, "%", "控制在")} <= section  # fmt: skip
    assert not any(t.value in (14, 5) and t.unit == "" for t in s.targets)
    project = next(p for p in s.projects if "污水处理厂" in p.name)
    assert (project.amount, project.amount_unit, project.amount_kind) == (3.2, "亿元", "总投资")
    assert not any(t.value == 3.2 for t in s.targets), "a project's own investment is not a target"
    assert s.checks.violations == []
