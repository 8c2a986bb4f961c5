"""Quote grounding tolerates the punctuation small models change, never the words or numbers."""

from __future__ import annotations

import json

import pytest

from summarizer.engines.llm_schema import (
    ChunkAnswer,
    ProjectItem,
    TargetItem,
    find_quote,
    realign_target,
    salvage,
)

SOURCE = "以项目倍增筑牢支撑梁柱。持续开展“1346”项目倍增行动,安排第一批区级重点项目181个,其中“5020项目”10个。"


def test_verbatim_quote() -> None:
    start, quote = find_quote(SOURCE, 0, len(SOURCE), "安排第一批区级重点项目181个") or (-1, "")
    assert SOURCE[start : start + len(quote)] == quote == "安排第一批区级重点项目181个"


def test_quote_marks_and_commas_folded_but_source_text_returned() -> None:
    found = find_quote(SOURCE, 0, len(SOURCE), "其中‘5020项目’10个")
    assert found is not None
    start, quote = found
    assert quote == "其中“5020项目”10个"
    assert SOURCE[start : start + len(quote)] == quote
    found = find_quote(
        SOURCE, 0, len(SOURCE), "持续开展“1346”项目倍增行动，安排第一批区级重点项目181个"
    )
    assert found is not None and "," in found[1]


def test_changed_words_or_numbers_are_not_found() -> None:
    assert find_quote(SOURCE, 0, len(SOURCE), "其中‘5020项目’11个") is None
    assert find_quote(SOURCE, 0, len(SOURCE), "安排第一批市级重点项目181个") is None


# ---------------------------------------------------------------- realignment (salvage)

# yushui 2.3 and 2, verbatim from evals/fixtures/000_yushui.txt
STEEL = (
    "以产业升级组建上层架构。更加坚定地“服务新钢、对接新钢、融入新钢”,做优做强“1”号钢铁产业,"
    "主攻“优特钢带、金属制品、电工钢、中厚板材”四大产业集群,加快投资50亿元的新钢电弧炉升级改造、"
    "80亿元的130万吨高品质硅钢项目建设进度,实现钢铁产业营业收入达860亿元。抢跑锂电和电子信息赛道,"
    "做深做细“2”类主导产业,推动投资20亿元的智锂科技锂电池正极材料、20.6亿元的新锂源小型锂电池项目"
    "达产达效,力促锂电产业营业收入达20亿元;加快京为科技、超能通电芯等项目建设。"
)
PARK = (
    "推动新余经开区工业主营业务收入突破1000亿元,工业增加值达200亿元、增速10%,争创国家级经济开发区。"
)


def test_lead_in_quote_is_moved_to_the_clause_that_holds_the_number() -> None:
    # the Qwen2.5-Coder-1.5B answer, as it wrote it (‘’ and ， for “” and ,)
    item = {"quote": "更加坚定地‘服务新钢、对接新钢、融入新钢’，做优做强‘1’号钢铁产业",
            "indicator": "钢铁产业", "value": "860亿元"}  # fmt: skip
    assert realign_target(STEEL, item) == [
        {"quote": "实现钢铁产业营业收入达860亿元", "indicator": "钢铁产业", "value": "860亿元"}
    ]


def test_the_clause_must_name_the_indicator() -> None:
    # 20亿元 twice in the sentence: the investment of a project, and the industry's revenue
    item = {"quote": "抢跑锂电和电子信息赛道，做深做细‘2’类主导产业", "indicator": "锂电产业",
            "value": "20亿元"}  # fmt: skip
    fixed = realign_target(STEEL, item)
    assert [f["quote"] for f in fixed] == ["力促锂电产业营业收入达20亿元"]
    # 20.6亿元 is a project's investment; no clause with it says 电子信息产业
    item = {"quote": "加快京为科技、超能通电芯等项目建设，推动电子信息融入全省产业布局",
            "indicator": "电子信息产业", "value": "20.6亿元"}  # fmt: skip
    assert realign_target(STEEL, item) == []


def test_never_onto_another_number_or_from_words() -> None:
    base = {"quote": "做优做强“1”号钢铁产业", "indicator": "钢铁产业"}
    assert realign_target(STEEL, {**base, "value": "861亿元"}) == []
    assert realign_target(STEEL, {**base, "value": "8600亿元"}) == []
    assert realign_target(STEEL, {**base, "value": "打造赣西能源中心"}) == []
    assert realign_target(STEEL, {**base, "indicator": "", "value": "860亿元"}) == []
    assert realign_target(STEEL, "860亿元") == []


def test_two_numbers_in_one_value_become_two_targets() -> None:
    item = {"quote": "工业增加值达200亿元、增速10%", "indicator": "工业增加值",
            "value": "200亿元、10%"}  # fmt: skip
    assert realign_target(PARK, item) == [
        {"quote": "工业增加值达200亿元、增速10%", "indicator": "工业增加值", "value": "200亿元"},
        {"quote": "工业增加值达200亿元、增速10%", "indicator": "工业增加值", "value": "10%"},
    ]


def test_a_quote_not_in_the_chunk_realigns_only_when_one_clause_fits() -> None:
    item = {"quote": "钢铁产业营收860亿元", "indicator": "钢铁产业", "value": "860亿元"}
    assert [f["quote"] for f in realign_target(STEEL, item)] == ["实现钢铁产业营业收入达860亿元"]
    two = "甲乡粮食产量10万吨,乙乡粮食产量10万吨。"
    item = {"quote": "粮食产量达10万吨", "indicator": "粮食产量", "value": "10万吨"}
    assert realign_target(two, item) == []


def test_salvage_realigns_targets_and_keeps_projects_without_an_invented_amount() -> None:
    raw = json.dumps(
        {
            "targets": [
                {"quote": "做优做强‘1’号钢铁产业", "indicator": "钢铁产业", "value": "860亿元"},
                {"quote": "做深做细“2”类主导产业", "indicator": "主导产业", "value": "打造中心"},
            ],
            "projects": [
                {
                    "quote": "加快京为科技、超能通电芯等项目建设",
                    "name": "京为科技",
                    "amount": "50亿元",
                    "amount_kind": "总投资",
                    "status": "新开工",
                },
            ],
        },
        ensure_ascii=False,
    )
    answer, dropped = salvage(raw, ChunkAnswer, STEEL)
    assert [(t.quote, t.value) for t in answer.targets] == [
        ("实现钢铁产业营业收入达860亿元", "860亿元")
    ]
    assert STEEL[answer.targets[0]._at :].startswith("实现钢铁产业营业收入达860亿元")
    [project] = answer.projects
    assert (project.name, project.amount, project.amount_kind) == ("京为科技", "", "")
    assert dropped == 2  # the wordy target, and the project's invented amount


def test_none_words_in_optional_project_fields_mean_empty() -> None:
    item = {"quote": "加快京为科技、超能通电芯等项目建设", "name": "京为科技", "amount": "无",
            "amount_kind": "无", "status": "无"}  # fmt: skip
    project = ProjectItem.model_validate(item, context={"chunk": STEEL})
    assert (project.amount, project.amount_kind, project.status) == ("", "", "")


def test_a_value_with_two_numbers_is_refused_then_split_by_salvage() -> None:
    item = {"quote": "工业增加值达200亿元、增速10%", "indicator": "工业增加值",
            "value": "200亿元、10%"}  # fmt: skip
    with pytest.raises(ValueError, match="give one target per number"):
        TargetItem.model_validate(item, context={"chunk": PARK})
    answer, dropped = salvage(json.dumps({"targets": [item]}), ChunkAnswer, PARK)
    assert [t.value for t in answer.targets] == ["200亿元", "10%"] and dropped == 0
    # a range is one number
    one = {"quote": "工业增加值达200亿元、增速10%", "indicator": "工业增加值", "value": "10%"}
    assert TargetItem.model_validate(one, context={"chunk": PARK}).value == "10%"


def test_a_joint_subject_is_split_as_the_source_enumerates_it() -> None:
    from summarizer.engines.llm_map import joint_member
    from summarizer.numbers import find_mentions

    # yuehu and duchang headline clauses, verbatim
    for text, joint in (
        ("城乡居民人均可支配收入分别增长5.5%、7%左右,", "城乡居民人均可支配收入"),
        ("城镇和农村居民人均可支配收入分别增长5%和7%左右。", "城镇和农村居民人均可支配收入"),
    ):
        first, second = [m for m in find_mentions(text) if m.kind == "quantity"]
        assert joint_member(text, 0, joint, first) == "城镇居民人均可支配收入"
        assert joint_member(text, 0, joint, second) == "农村居民人均可支配收入"
        # an indicator that is already one member, or not the clause's subject, stays as written
        assert joint_member(text, 0, "农村居民人均可支配收入", second) == "农村居民人均可支配收入"
        assert joint_member(text, 0, "居民收入", first) == "居民收入"
    text = "一般公共预算收入、规上工业增加值分别增长5.5%、7%"
    first, second = [m for m in find_mentions(text) if m.kind == "quantity"]
    assert joint_member(text, 0, "一般公共预算收入、规上工业增加值", second) == "规上工业增加值"
    assert joint_member(text, 0, "规上工业增加值", second) == "规上工业增加值"
    no_split = "城乡居民人均可支配收入增长6%"
    (m,) = [m for m in find_mentions(no_split) if m.kind == "quantity"]
    assert joint_member(no_split, 0, "城乡居民人均可支配收入", m) == "城乡居民人均可支配收入"


def test_an_enumeration_the_model_started_is_completed_from_the_source() -> None:
    from pathlib import Path

    from summarizer.chunking import chunk_report
    from summarizer.chunks import make_chunks
    from summarizer.engines.llm_map import map_chunk
    from summarizer.engines.llm_schema import ChunkResult
    from summarizer.ingest import load_report

    root = Path(__file__).resolve().parent.parent

    def mapped(path: Path, items: list[dict[str, str]]) -> list[tuple[object, ...]]:
        doc = chunk_report(load_report(path))
        chunk = next(c for c in make_chunks(doc, 700) if items[0]["quote"] in c.text)
        result = ChunkResult({"targets": items, "qualitative_targets": [], "projects": []})
        got = map_chunk(doc, chunk, result).targets
        for t in got:
            assert doc.text[t.start : t.end] == t.quote
            assert doc.text[t.value_start : t.value_end] in t.quote
        return [(t.indicator, t.value, t.unit, t.qualifier, t.direction, t.scope) for t in got]

    # the hand-written county report: what the 1.5B model gave, and the pair it left out
    county = root / "tests" / "data" / "unseen_county_2023.txt"
    quote = "一般公共预算收入、规模以上工业增加值分别增长5.5%、7%以上"
    assert mapped(county, [{"quote": quote, "indicator": "一般公共预算收入", "value": "5.5%"}]) == [
        ("一般公共预算收入", 5.5, "%", "以上", "增长", "headline"),
        ("规模以上工业增加值", 7, "%", "以上", "增长", "headline"),
    ]
    # a member that is not the one at its number's place: nothing added
    assert (
        len(mapped(county, [{"quote": quote, "indicator": "公共预算收入", "value": "5.5%"}])) == 1
    )
    # yuehu: the joint subject for the first number only (as the model wrote it)
    yuehu = root / "evals" / "fixtures" / "001_yuehu.txt"
    quote = "城乡居民人均可支配收入分别增长5.5%、7%左右"
    assert mapped(
        yuehu, [{"quote": quote, "indicator": "城乡居民人均可支配收入", "value": "5.5%"}]
    ) == [
        ("城镇居民人均可支配收入", 5.5, "%", "左右", "增长", "headline"),
        ("农村居民人均可支配收入", 7, "%", "左右", "增长", "headline"),
    ]


def test_a_model_s_indicator_drops_decorative_quotes_as_the_rules_engine_does() -> None:
    from summarizer.chunking import chunk_report
    from summarizer.chunks import make_chunks
    from summarizer.engines.llm_map import map_chunk
    from summarizer.engines.llm_schema import ChunkResult
    from summarizer.ingest import load_report

    source = "二、2025年工作安排\n（一）抓企业\n新增国家级专精特新“小巨人”企业50家以上。\n"
    doc = chunk_report(load_report(source.encode("utf-8"), name="<text>"))
    chunk = next(c for c in make_chunks(doc, 700) if "小巨人" in c.text)
    quote = "新增国家级专精特新“小巨人”企业50家以上"
    item = {"indicator": "国家级专精特新“小巨人”企业", "value": "50家", "quote": quote}
    result = ChunkResult({"targets": [item], "qualitative_targets": [], "projects": []})
    (got,) = map_chunk(doc, chunk, result).targets
    assert (got.indicator, got.key, got.quote) == (
        "国家级专精特新小巨人企业",
        "specialised_smes",
        quote,  # the quote stays the source's own characters
    )
