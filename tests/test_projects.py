"""Project extraction of the rules engine (summarizer/engines/projects.py), on real sentences.

Sentences come from tuning-half reports: hailaer_2014 (evals/corpus/fixtures/hailaer_2014.txt,
海拉尔区 2014), yixian_2018 (evals/corpus/fixtures/yixian_2018.txt, 易县 2018) and
rongcheng_2017 (evals/corpus/fixtures/rongcheng_2017.txt, 容城县 2017). Expected names, amounts
and statuses were checked by hand against evals/README.md ("Projects")."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer import numbers, summarize
from summarizer.engines.projects import _clause_projects
from summarizer.ingest import load_report
from summarizer.models import Project
from summarizer.wording import PROJECT_CLAUSE_RE, clauses

FIXTURES = Path(__file__).resolve().parent.parent / "evals" / "corpus" / "fixtures"


def projects_of(text: str) -> list[Project]:
    out: list[Project] = []
    for clause in clauses(text, 0, len(text), PROJECT_CLAUSE_RE):
        out.extend(_clause_projects(text, clause, "1"))
    for p in out:
        assert text[p.start : p.end] == p.quote
        if p.amount_start is not None and p.amount_end is not None:
            assert p.start <= p.amount_start < p.amount_end <= p.end
            parsed = numbers.parse_quantity(text[p.amount_start : p.amount_end])
            assert parsed is not None and (parsed[0], parsed[2]) == (p.amount, p.amount_unit)
    return out


def names(text: str) -> list[str]:
    return sorted(p.name for p in projects_of(text))


def test_items_before_deng_xiangmu_are_projects_with_the_milestone():
    # hailaer_2014
    got = projects_of("确保雪花、亘富、万家惠等在建项目尽早建成投产")
    assert sorted((p.name, p.status) for p in got) == [
        ("万家惠", "投产"), ("亘富", "投产"), ("雪花", "投产"),
    ]  # fmt: skip
    assert {p.quote for p in got} == {"雪花、亘富、万家惠等在建项目尽早建成投产"}


def test_items_before_deng_take_the_head_noun_written_once():
    # yixian_2018: 纬一路 already ends on a head noun (a road) and stays as written
    got = projects_of("启动纬一路、西庄道村、桂子渠村等安置区建设")
    assert sorted((p.name, p.status) for p in got) == [
        ("桂子渠村安置区", "开工"), ("纬一路", "开工"), ("西庄道村安置区", "开工"),
    ]  # fmt: skip


def test_deng_with_a_head_that_is_no_work_gives_nothing():
    # hailaer_2014: air routes opened, not works built
    assert names("争取开通伊尔库茨克、乌兰乌德等国际航线") == []


def test_list_sharing_the_tail_of_the_last_name():
    # hailaer_2014, yixian_2018
    assert names("谋划好空港物流、保税仓库项目") == ["保税仓库项目", "空港物流项目"]
    assert names("全力推进白沙河、北易水综合治理工程") == [
        "北易水综合治理工程",
        "白沙河综合治理工程",
    ]


def test_amount_in_front_of_a_list():
    # hailaer_2014
    got = {p.name: p for p in projects_of("启动投资1.3亿元的海拉尔河、伊敏河堤防工程")}
    assert set(got) == {"海拉尔河堤防工程", "伊敏河堤防工程"}
    assert (got["海拉尔河堤防工程"].amount, got["海拉尔河堤防工程"].amount_unit) == (1.3, "亿元")


def test_roads_named_before_a_construction_word():
    # yixian_2018
    got = projects_of("今年重点完成龙西路、狼牙山连接线、西南外环路、易水湖环湖路和黄武路建设")
    assert sorted((p.name, p.status) for p in got) == sorted(
        (n, "建成") for n in ("龙西路", "狼牙山连接线", "西南外环路", "易水湖环湖路", "黄武路")
    )
    # yixian_2018: 第三 distinguishes a school
    assert names("二是加快推进第三高中、易水初级中学建设") == ["易水初级中学", "第三高中"]


def test_two_works_joined_by_he():
    # rongcheng_2017
    assert names("积极推进残疾人托管中心和康复中心项目") == ["康复中心项目", "残疾人托管中心"]


@pytest.mark.parametrize(
    "sentence",
    [
        "我们必须在抓投资、调结构和项目建设上狠下功夫",  # hailaer_2014: 项目 as a modifier
        "争取更多更好的项目落户易县",  # yixian_2018: a class of projects
        "扎实开展特色小镇和美丽乡村建设",  # rongcheng_2017: categories
        "推进县城建设攻坚行动，以“七个一”工程为抓手",  # yixian_2018: a campaign
        "加快推进“百姓安居工程”",  # hailaer_2014: a campaign
        "加快燃气站、供水厂、变电站前期工作",  # yixian_2018: kinds of facility
        "加大旧城改造力度",  # yixian_2018: 改造力度 is no milestone
    ],
)
def test_no_project(sentence: str):
    assert names(sentence) == []


def test_past_years_are_not_read_in_a_full_report():
    # yixian_2018: "近年来，…军民融合雷达产业园、民爆产业园等一批…好项目即将投产见效" is review
    text = load_report(FIXTURES / "yixian_2018.txt").text
    got = summarize(text, engine="rules").projects
    start = text.index("近年来，我县项目建设")
    end = text.index("。", start)
    assert not [p for p in got if start <= p.start < end]
    found = {p.name for p in got}
    assert {"西庄道村安置区", "易水湖环湖路", "北易水综合治理工程"} <= found
    for p in got:
        assert text[p.start : p.end] == p.quote
        assert p.status in (None, "前期", "开工", "续建", "建成", "竣工", "投产", "达产", "通车",
                            "落地", "签约", "交付使用", "完成")  # fmt: skip
