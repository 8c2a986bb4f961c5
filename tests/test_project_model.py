"""The learned filter over project candidates (summarizer/engines/project_model.py).

Sentences come from tuning-half reports (evals/corpus/fixtures): fuping_2020 (阜平县 2020),
fuping_2013 (阜平县 2013), dingxing_2020 (定兴县 2020), beijing_2026 (北京市 2026), anguo_2022 and
mancheng_2023; the expected names were checked by hand against evals/README.md ("Projects")
and the tuning gold. The model is statistical: these tests pin behaviour that the training
(``evals/tools/project_model.py``) must keep, not every weight."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from summarizer import summarize
from summarizer.engines import project_filters, project_model

GOLD = Path(__file__).resolve().parent.parent / "evals" / "corpus" / "gold"


def projects(sentence: str) -> list[tuple[str, str | None]]:
    s = summarize("二、2023年工作安排\n（一）抓项目。" + sentence + "\n")
    return sorted((p.name, p.status) for p in s.projects)


def test_items_named_as_subjects_of_a_milestone_are_read() -> None:
    # fuping_2020: the hand rules read no name here (no head noun, no 等, no construction
    # word after the list); both are tuning-gold projects
    got = projects("大正果品、河北醇油坊8月份达到投产条件。")
    assert got == [("大正果品", "投产"), ("河北醇油坊", "投产")]


def test_a_facility_built_at_the_clause_end_is_read() -> None:
    # beijing_2026: 公园 and 博物馆群 are no strong heads of the hand rules
    got = projects("推进南中轴大红门博物馆群建设，建设六环高线公园。")
    assert [n for n, _ in got] == ["六环高线公园", "南中轴大红门博物馆群"]


def test_a_phase_of_works_with_its_milestone() -> None:
    # fuping_2020
    assert projects("全力实施棚户区改造，年内完成照旺台棚改一期回迁楼主体施工。") == [
        ("照旺台棚改一期回迁楼", "建成")
    ]


def test_a_count_of_works_is_a_target_not_a_project() -> None:
    # dingxing_2020: 14个路段 is a count (a section target), never a name
    s = summarize("二、2023年工作安排\n（一）抓项目。同步实施14个路段、9.8公里供水管网建设。\n")
    assert not [p for p in s.projects if p.name.startswith("14")]
    assert any(t.value == 14 for t in s.targets)


def test_campaigns_and_kinds_of_work_stay_out() -> None:
    # a 工程 with no concrete object is a campaign; 光伏发电 a kind many places write
    assert projects("加快城市更新工程，实施企业梯度培育工程。") == []
    assert projects("加快光伏发电、金杨新材料等重点项目建设。") == [("金杨新材料", None)]


def test_the_model_is_trained_on_the_tuning_half_only() -> None:
    raw = resources.files("summarizer").joinpath("project_model.json").read_text("utf-8")
    data = json.loads(raw)
    assert 0 < data["threshold"] < 1 and data["weights"]
    for case in data["trained_on"]:
        gold = json.loads((GOLD / f"{case}.json").read_text(encoding="utf-8"))
        assert gold["split"] == "tune" and "projects" in gold["annotated"], case


def test_a_word_of_the_names_is_weighed_only_when_several_tuning_places_write_it() -> None:
    # the vocabulary rule for the learned words (bg=XY): the trainer keeps a bigram only when
    # the candidates of WORD_PLACES tuning places hold it; recounted from the trainer's own rows
    sys.path.insert(0, str(GOLD.parents[1] / "tools"))
    try:
        import project_model as trainer  # evals/tools/project_model.py (no scikit-learn needed)
    finally:
        sys.path.pop(0)
    writers: dict[str, set[str]] = {}
    for row in trainer.tune_rows():
        for cand in row["cands"]:
            name = cand.name
            for i in range(len(name) - 1):
                writers.setdefault(name[i : i + 2], set()).add(row["place"])
    weights = project_model._model()["weights"]
    bigrams = {k.split("bg=", 1)[1] for k in weights if k.removeprefix("prov:")[:3] == "bg="}
    assert len(bigrams) > 100  # the names' words are features
    assert trainer.WORD_PLACES >= 2
    assert not [bg for bg in bigrams if len(writers.get(bg, ())) < trainer.WORD_PLACES]


def test_a_name_is_read_by_its_words() -> None:
    # every two characters in a row of the name are its features (dingxing_2020, a tuning
    # report: 张北至雄安特高压通道, read as bg=张北, bg=北至, … bg=通道)
    from summarizer.chunking import chunk_report
    from summarizer.engines.plan_sections import own_spans as _own_spans
    from summarizer.ingest import load_report

    doc = chunk_report(load_report(GOLD.parent / "fixtures" / "dingxing_2020.txt"))
    own = _own_spans(doc)
    rules = project_model.projects.find_projects(doc, own)
    cands = project_model.candidates(doc, own, rules)
    for cand in cands:
        name = cand.project.name
        got = {k for k in project_model.features(doc, cand, rules) if k.startswith("bg=")}
        assert got == {"bg=" + name[i : i + 2] for i in range(len(name) - 1)}, name
    assert any(c.project.name == "张北至雄安特高压通道" for c in cands)


def test_the_score_is_pure_python() -> None:
    # scikit-learn and numpy train the model (evals/tools); the package never imports them
    code = (
        "import sys, summarizer\n"
        "summarizer.summarize('二、2023年工作安排\\n（一）抓项目。加快金杨新材料等项目建设。\\n')\n"
        "print(sorted(m for m in ('sklearn', 'numpy', 'scipy') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_probability_is_the_logistic_of_the_weighted_sum() -> None:
    model = {"intercept": -1.0, "weights": {"a": 2.0, "b=x": 0.5}}
    got = project_model.probability({"a": 1.0, "b=x": 1.0, "c": 3.0}, model)
    assert got == pytest.approx(1 / (1 + math.exp(-1.5)))


def test_a_count_inside_a_candidate_name_belongs_to_the_list_not_the_name() -> None:
    # 顺平县 2021: 推进京环循环、深核盛基2个塑料园区建设 (the count is a target; no project is
    # named "深核盛基2个塑料园区")
    from summarizer import summarize

    s = summarize(
        "今年重点工作：\n一、抓项目。推进京环循环、深核盛基2个塑料园区建设。", engine="rules"
    )
    assert all("2个" not in p.name for p in s.projects)
    assert [(t.indicator, t.value, t.unit) for t in s.targets] == [("塑料园区", 2, "个")]


def test_a_broken_model_file_is_one_clean_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # a damaged install says which file and what to do, in the SummarizerError tree
    from summarizer.engines import project_model
    from summarizer.errors import SummarizerError

    bad = tmp_path / "project_model.json"
    bad.write_text("{not json", encoding="utf-8")

    class _Files:
        def joinpath(self, name: str) -> Path:
            return bad

    monkeypatch.setattr(project_model.resources, "files", lambda pkg: _Files())
    project_model._model.cache_clear()
    try:
        with pytest.raises(SummarizerError, match=r"project_model\.json"):
            project_model._model()
    finally:
        project_model._model.cache_clear()


@pytest.mark.parametrize(
    ("region", "provincial"),
    [("河北省", True), ("内蒙古自治区", True), ("北京市", True), ("保定市", False),
     ("易县", False), ("海拉尔区", False), ("", False)],
)  # fmt: skip
def test_province_level_reports_are_told_apart(region: str, provincial: bool) -> None:
    assert project_model._provincial(region) is provincial


def test_a_provincial_reports_features_are_weighed_apart_as_well_as_together() -> None:
    # 10 provincial tuning reports name projects on another scale (P 0.65 out of fold, against
    # 0.82 for counties): each feature also enters conjoined with the level
    from summarizer.chunking import chunk_report
    from summarizer.engines.plan_sections import own_spans as _own_spans
    from summarizer.ingest import load_report

    fixtures = GOLD.parent / "fixtures"
    for name, provincial in (("hebei_2023", True), ("dingxing_2020", False)):
        doc = chunk_report(load_report(fixtures / f"{name}.txt"))
        own = _own_spans(doc)
        rules = project_model.projects.find_projects(doc, own)
        cand = project_model.candidates(doc, own, rules)[0]
        feats = project_model.features(doc, cand, rules)
        conjoined = {k[5:] for k in feats if k.startswith("prov:")}
        assert conjoined == (
            {k for k in feats if not k.startswith("prov:")} if provincial else set()
        )
    weights = project_model._model()["weights"]
    assert any(k.startswith("prov:") for k in weights)


def test_place_names_are_a_closed_class_shipped_full_and_short() -> None:
    places = project_filters.place_names()
    assert len(places) > 6000
    # qinghai_2026: 海东、海西等地零碳园区 (short forms of 海东市, 海西蒙古族藏族自治州)
    assert {"海东", "海东市", "海西", "海西蒙古族藏族自治州", "唐山", "易县", "内蒙古"} <= places
    assert not {"易", "零碳园区", "高速公路"} & places


def test_a_place_leading_a_name_is_told_to_the_model() -> None:
    from summarizer.engines.project_filters import place_lead

    assert place_lead("西宁国家物流枢纽") == 2
    assert place_lead("格尔木国家物流枢纽") == 3
    assert place_lead("国家物流枢纽") == 0
    assert place_lead("西宁") == 0  # a division's name alone opens nothing


def test_the_runtime_weighs_the_conjunctions_as_the_training_dict_has_them() -> None:
    # find_projects weighs prov: terms without building the conjoined dict; the training tool
    # builds it: both must give the same probability
    from summarizer.chunking import chunk_report
    from summarizer.engines.plan_sections import own_spans as _own_spans
    from summarizer.ingest import load_report

    doc = chunk_report(load_report(GOLD.parent / "fixtures" / "hebei_2023.txt"))
    own = _own_spans(doc)
    rules = project_model.projects.find_projects(doc, own)
    m = project_model._model()
    for cand in project_model.candidates(doc, own, rules)[:40]:
        spec = project_model.specificity(cand.project.name, m["places"], m["n_places"] - 1)
        built = project_model.features(doc, cand, rules) | spec
        bare = project_model.features(doc, cand, rules, conjoin=False)
        fast = project_model.probability(bare, m, provincial=True, more=spec)
        assert math.isclose(project_model.probability(built, m), fast, rel_tol=1e-12)


def _candidate_names(text: str) -> set[str]:
    from summarizer.chunking import chunk_report
    from summarizer.engines import projects as hand_rules
    from summarizer.engines.plan_sections import own_spans as _own_spans
    from summarizer.ingest import load_report

    doc = chunk_report(load_report(text.encode("utf-8"), name="<text>"))
    own = _own_spans(doc)
    rules = hand_rules.find_projects(doc, own)
    return {c.project.name for c in project_model.candidates(doc, own, rules)}


def test_a_name_before_its_own_milestone_is_a_candidate() -> None:
    # fuping_2022 (tuning gold: 一臣饲料, 中尚药业): the verb before the name (确保) and the
    # milestone after it (建成投产, 年内投产) are both in the verb list the start is trimmed
    # to, so the trim ran past the name and no candidate was read
    names = _candidate_names(
        "二、2022年工作安排\n（一）抓产业。确保一臣饲料建成投产。新增中药材种植1万亩，"
        "中尚药业年内投产。\n"
    )
    assert {"一臣饲料", "中尚药业"} <= names


def test_the_object_of_a_verb_after_a_manner_adverbial_is_a_candidate() -> None:
    # hunan_2026, zhejiang_2026, neimenggu_2026 (tuning gold: 中欧班列长沙集结中心, 金华（义乌）
    # 中欧班列集结中心, 蒙东作物种质资源库): the words before the verb (高标准, 高质量, 赤峰)
    # were read as a name before its own milestone, and the headed object after it was lost
    names = _candidate_names(
        "二、2026年工作安排\n（一）扩开放。高标准建设中欧班列长沙集结中心，提升港口功能。"
        "高质量建设金华（义乌）中欧班列集结中心。支持赤峰建设蒙东作物种质资源库。\n"
    )
    assert {"中欧班列长沙集结中心", "金华（义乌）中欧班列集结中心", "蒙东作物种质资源库"} <= names
    assert not {"高标准", "高质量"} & names


def test_divisions_listed_before_a_name_that_opens_with_one_share_its_rest() -> None:
    # guangxi_2026 (tuning gold: 南宁/百色/来宾/梧州泛铝件先进制造基地): the bare divisions
    # were candidates of their own (南宁, 百色, 来宾), which no gold name agrees with
    names = _candidate_names(
        "二、2026年工作安排\n（一）强产业。推进南宁、百色、来宾、梧州泛铝件先进制造基地建设。"
        "加快建设南宁、百色、来宾、梧州泛铝件先进制造基地。\n"
    )
    assert {
        "南宁泛铝件先进制造基地",
        "百色泛铝件先进制造基地",
        "来宾泛铝件先进制造基地",
        "梧州泛铝件先进制造基地",
    } <= names
    # 加快建设南宁: the verbs before the first item were the name (加快), the item lost
    assert not names & {"南宁", "百色", "来宾", "加快"}


def test_a_name_after_jian_hao_is_a_candidate_and_gao_deng_is_no_list_mark() -> None:
    # qinghai_2026, shandong_2026 (tuning gold: 青海高等研究院, 山东文化数据中心, 济南/青岛/
    # 枣庄算力枢纽): 建好 (30 places) was neither a verb a name starts after nor a hint of
    # works, so no candidate was read; and 等 of 高等 cut the name as 等 ends a list (青海高)
    names = _candidate_names(
        "二、2026年工作安排\n（一）强创新。建好青海高等研究院，推动国家大学科技园优化重塑。"
        "建好齐鲁文化大模型、山东文化数据中心。建好济南、青岛、枣庄算力枢纽。"
        "加快建设青海高等研究院。\n"
    )
    assert {"青海高等研究院", "山东文化数据中心", "济南算力枢纽", "枣庄算力枢纽"} <= names
    assert "青海高" not in names


def test_a_milestone_before_a_name_is_its_verb_and_no_candidate_holds_deng() -> None:
    # shandong_2026 (tuning gold: 枣庄机场): 投用 stayed in the name (投用枣庄机场);
    # shandong_2026 too: 大唐郓城、华能四期等大型清洁高效煤电项目 gave 华能四期等大型清洁高效
    # 煤电项目, a list read wrong (no gold name holds the list mark 等)
    names = _candidate_names(
        "二、2026年工作安排\n（一）强基础。加快建设济南机场二期，投用枣庄机场，提速聊城机场前期"
        "工作。建成投产大唐郓城、华能四期等大型清洁高效煤电项目。\n"
    )
    assert "枣庄机场" in names and "投用枣庄机场" not in names
    assert "华能四期" in names and not [n for n in names if "等" in n]


def test_two_names_joined_by_he_are_candidates_each() -> None:
    # yixian_2021 and yunnan_2026 (tuning gold: 西南联合研究生院): 和 between two names
    # that each end on a head noun gave only the joined name, which no gold name is
    names = _candidate_names(
        "二、2026年工作安排\n（一）强基础。启动固废垃圾消纳场和餐厨垃圾处理厂建设。"
        "建好办好西南联合研究生院和教育部云南高等研究院。\n"
    )
    assert {"固废垃圾消纳场", "餐厨垃圾处理厂", "西南联合研究生院", "教育部云南高等研究院"} <= names
    # anguo_2020: a half that ends on no head noun (区域绿化) is no name: no halves
    names = _candidate_names(
        "二、2020年工作安排\n（一）强城建。启动药王庙南侧区域绿化和西广场建设。\n"
    )
    assert "药王庙南侧区域绿化" not in names


def test_a_piece_too_long_for_one_name_gives_the_two_names_he_joins() -> None:
    # anguo_2020 (tuning gold: 安国中医药高等职业学院, 中国医学科学院药植所安国研发中心): the
    # 、-piece joining them by 和 is 28 characters, too long for a name, so neither was read
    names = _candidate_names(
        "二、2020年工作安排\n（一）育人才。加快推进总投资11亿元、占地600亩的河北大学安国校区、"
        "安国中医药高等职业学院和中国医学科学院药植所安国研发中心建设。\n"
    )
    assert {"安国中医药高等职业学院", "中国医学科学院药植所安国研发中心"} <= names


def test_a_bare_phase_names_the_works_of_the_phase_before_it() -> None:
    # laishui_2020 and hailaer_2015: 二期 alone is no name (DESIGN: a distinguishing name); it
    # is the second phase of the works whose first phase the clause just named, quoted from there
    got = summarize(
        "二、2020年工作安排\n（一）抓项目。完成房涞扶贫产业园一期工程建设，适时启动二期建设。\n"
    )
    names = {p.name: p.quote for p in got.projects}
    assert names.get("房涞扶贫产业园二期") == "完成房涞扶贫产业园一期工程建设，适时启动二期"
    got = projects("确保亘富200万吨褐煤提质一期投产，二期开工。")
    assert ("亘富200万吨褐煤提质二期", "开工") in got
    assert ("二期", "开工") not in got


@pytest.mark.parametrize("name", ["工程", "项目", "二期", "二期工程", "续建工程"])
def test_a_head_noun_or_a_phase_alone_is_no_project(name: str) -> None:
    # fuping_2022 (完成照旺台回迁安置区续建工程 read as 工程), shunping_2022, mancheng_2023
    assert project_model.bare(name)
    assert not project_model.bare("照旺台回迁安置区续建工程")
    got = projects("完成照旺台回迁安置区续建工程，启动二期工程。")
    assert all(not project_model.bare(n) for n, _ in got)


def test_a_facility_opening_is_its_milestone_not_part_of_its_name() -> None:
    # fuping_2022 (中医院康复托老中心开业运营) and hailaer_2015 (…主力店正式运营): 开业运营,
    # 正式运营, 建成运营 and 开业 are milestones (3 to 8 corpus places each)
    assert projects("中医院康复托老中心开业运营。") == [("中医院康复托老中心", "运营")]
    got = projects("红星美凯龙5.7万平方米主力店正式运营。")
    assert got == [("红星美凯龙5.7万平方米主力店", "运营")]


def test_the_verb_cujin_opens_no_name() -> None:
    # yixian_2020 (促进中医院迁建项目加快进度): 促进 is a verb of the genre (40 corpus places)
    got = [n for n, _ in projects("促进中医院迁建项目加快进度、县医院综合楼建成。")]
    assert "中医院迁建项目" in got and not any(n.startswith("促进") for n in got)
