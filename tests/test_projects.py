"""Project extraction of the rules engine (summarizer/engines/projects.py), on real sentences.

Sentences come from tuning-half reports: hailaer_2014 (evals/corpus/fixtures/hailaer_2014.txt,
海拉尔区 2014), yixian_2018 (evals/corpus/fixtures/yixian_2018.txt, 易县 2018) and
rongcheng_2017 (evals/corpus/fixtures/rongcheng_2017.txt, 容城县 2017), anguo_2022 (安国市 2022),
xushui_2019 (徐水区 2019), yixian_2021 (易县 2021), hailaer_2017 (海拉尔区 2017), dingxing_2020
(定兴县 2020), tangxian_2020 (唐县 2020), xushuixian_2015 (徐水县 2015) and qinghai_2026 (青海省
2026), same folder. Expected names, amounts
and statuses were checked by hand against evals/README.md ("Projects")."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from summarizer import numbers, summarize
from summarizer.engines.project_filters import GENERIC_NAMES
from summarizer.engines.project_model import counted
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


def test_an_amount_opening_each_item_of_a_list_is_that_items():
    # xushuixian_2013 (tuning gold: 保定天冠电力设备 11.9, 万瑞医疗 10, 中小企业园 6.6): the later
    # items kept 投资10亿元的 in their names
    got = {
        p.name: p
        for p in projects_of(
            "加快投资11.9亿元的保定天冠电力设备、投资10亿元的万瑞医疗、投资6.6亿元的中小企业园等项目开工建设"
        )
    }
    assert set(got) == {"保定天冠电力设备", "万瑞医疗", "中小企业园"}
    assert [got[n].amount for n in ("保定天冠电力设备", "万瑞医疗", "中小企业园")] == [
        11.9,
        10,
        6.6,
    ]


def test_roads_named_before_a_construction_word():
    # yixian_2018
    got = projects_of("今年重点完成龙西路、狼牙山连接线、西南外环路、易水湖环湖路和黄武路建设")
    assert sorted((p.name, p.status) for p in got) == sorted(
        (n, "建成") for n in ("龙西路", "狼牙山连接线", "西南外环路", "易水湖环湖路", "黄武路")
    )
    # yixian_2018: 第三 distinguishes a school
    assert names("二是加快推进第三高中、易水初级中学建设") == ["易水初级中学", "第三高中"]


def test_the_work_between_a_facility_and_a_bare_xiangmu_is_part_of_the_name():
    # dingxing_2020, hailaer_2019, fuping_2013: 新建/建设 names the facility's project
    assert names("全力推进北河大桥新建项目，确保6月底顺利通车") == ["北河大桥新建项目"]
    assert names("全力推进殡仪馆新建项目建设进度") == ["殡仪馆新建项目"]
    assert names("积极争取阜平中学建设项目") == ["阜平中学建设项目"]
    assert names("加快实施新建项目") == []  # no facility: no name


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
        "坚持“一切围着项目转，一切盯着项目干”的原则",  # anguo_2022: a slogan
        "以特变电工、风帆动力产业园为主导的新能源产业集群",  # xushui_2019: context
        "依托阿里巴巴“农村淘宝”项目，建成覆盖全县的“村淘”服务站",  # rongcheng_2017: context
        "实施“农村公路建设三年会战”项目，进一步完善村村相通",  # rongcheng_2017: a campaign
        # xushui_2019: kinds of work
        "完成农村电力线路改造、土地整理、农业综合开发、地下水压采等项目的年度任务",
        # yixian_2021: descriptive facilities, not a list of named works
        "加快推进经济开发区给水厂、污水管线、变电站、中易水开发区段综合治理等基础建设",
        "纵深推进文化提升工程，新改建4座书院",  # anguo_2022: a campaign
        "推动高技术成果项目在徐水转化",  # xushui_2019: a category
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


def test_items_with_their_own_heads_before_a_generic_head():
    # yixian_2021, xushui_2019 (9条小街小巷 is a count), anguo_2022
    assert names("实施易兴路东延、迎晖街南延、滨河北路、纬一路西延等路网建设") == sorted(
        ["易兴路东延", "迎晖街南延", "滨河北路", "纬一路西延"]
    )
    assert names("扎实推进双丰北大街、恒源街及9条小街小巷等城区道路建设") == [
        "双丰北大街",
        "恒源街",
    ]
    assert names("打通药威路、药城大街、滨河大街、康平街等多条断头路，解决城区交通拥堵问题") == (
        sorted(["药威路", "药城大街", "滨河大街", "康平街"])
    )
    assert names("谋划启动大东环、大西环、大北环建设") == ["大东环", "大北环", "大西环"]


def test_a_work_noun_before_the_head_belongs_to_a_long_name():
    # anguo_2022
    assert names("启动实施现代中药工业园区配套设施提升工程，抓紧推进") == [
        "现代中药工业园区配套设施提升工程"
    ]
    got = names("完成新疾控中心、发热门诊、中医院卫生健康服务综合能力提升项目、安国第一中学建设")
    assert {"新疾控中心", "中医院卫生健康服务综合能力提升项目", "安国第一中学"} <= set(got)


def test_a_phase_makes_one_undertaking():
    # xushui_2019
    assert names("实施“雪亮工程”二期项目，提高社会治安技防水平") == ["雪亮工程二期项目"]


def test_appendix_table_rows_and_no_glossary_or_progress_report():
    # anguo_2022: 附件1 lists this year's ten projects; 附件2 reports on last year's
    text = load_report(FIXTURES / "anguo_2022.txt").text
    got = summarize(text, engine="rules").projects
    table = text.index("安国市2022年十大工程")
    progress = text.index("附件2")
    assert not [p for p in got if p.start >= progress]
    rows = {p.name: p for p in got if table <= p.start < progress}
    assert len(rows) == 13  # ten rows and the three ①②③ items of row 3
    row = rows["国家药用植物园-华北园项目"]
    assert (row.amount, row.amount_unit, row.amount_kind, row.status) == (
        5,
        "亿元",
        "总投资",
        "开工",
    )
    assert rows["安国市职业技术教育中心迁建项目（一期）"].status is None
    assert {"人才公寓及邻里中心项目", "仓储物流园项目", "健康食品产业园项目"} <= set(rows)
    for p in got:
        assert text[p.start : p.end] == p.quote
    # yixian_2021: the ※注释※ glossary names no project (交通、水利等重大工程)
    text = load_report(FIXTURES / "yixian_2021.txt").text
    glossary = text.index("※注释※")
    assert not [p for p in summarize(text, engine="rules").projects if p.start >= glossary]


@pytest.mark.parametrize(
    "sentence",
    [
        "实施城市更新工程，美其颜",  # anguo_2022: a 工程 that names no object is a campaign
        "实施企业梯度培育工程，新增规上工业企业80家以上",  # qinghai_2026
        "大力开展速滑、冰球、滑雪等冰雪运动项目",  # hailaer_2017: kinds within a domain
        # dingxing_2020: the items of a list of fields (等重点领域) are no works
        "深入实施违法违规圈占土地、违规违建项目、资源能源项目、房地产开发项目和地下水超采综合"
        "治理等重点领域清理规范",
        "积极对接长城国家文化公园建设",  # tangxian_2020: another level's project, context
        "推进唐县高速度高质量发展",  # tangxian_2020: 高速度 is no motorway
        "争取更多高科技、高附加值以及资源集约型、环境友好型项目在我县落地",  # xushuixian_2015
    ],
)
def test_no_project_in_campaigns_domains_and_fields(sentence: str):
    assert names(sentence) == []


def test_works_that_name_their_object_stay():
    # tangxian_2020: a river and a road; yixian_2018: rivers sharing the head
    assert names("加快推进迎宾大街南延和九龙河整修工程，继续推进") == [
        "九龙河整修工程",
        "迎宾大街南延",
    ]
    assert names("加快推进片区管网南水北调穿越工程") == ["片区管网南水北调穿越工程"]


def test_a_facility_domain_after_deng_completes_the_items():
    # qinghai_2026
    got = projects_of("开工同德至玛沁等公路项目")
    assert [(p.name, p.status) for p in got] == [("同德至玛沁公路", "开工")]


def test_short_road_names_and_roads_joined_by_he():
    # dingxing_2020, yixian_2021
    assert names("启动同兴街建设") == ["同兴街"]
    got = projects_of("全面完成环湖路和百兴路建设")
    assert sorted((p.name, p.status) for p in got) == [("环湖路", "建成"), ("百兴路", "建成")]


def test_a_counted_list_shares_the_head_after_the_count():
    # qinghai_2026, shunping_2021, lixian_2022: A、B、C + count + classifier + head
    assert names("加快建设南山口、哇让、同德、德令哈4个抽水蓄能电站") == [
        "南山口抽水蓄能电站",
        "同德抽水蓄能电站",
        "哇让抽水蓄能电站",
        "德令哈抽水蓄能电站",
    ]
    assert names("加快推进京环循环、深核盛基2个塑料园区建设") == [
        "京环循环塑料园区",
        "深核盛基塑料园区",
    ]
    # the head stops at 和; an item with a head of its own keeps it
    assert names("高标准打造留史、百尺、鲍墟3个文化站和3个综合文化服务中心") == [
        "留史文化站",
        "百尺文化站",
        "鲍墟文化站",
    ]
    assert "教委小区" in names("完成教委小区、长安小区、财政局家属院三个老旧小区改造任务")
    # no head after the count, a count inside an item, fewer items than counted
    assert names("全面打造伊敏河、六二六小河两条城市景观带") == []
    assert "恒源街及小街" not in names("扎实推进双丰北大街、恒源街及9条小街小巷等城区道路建设")


def test_the_count_says_when_he_joins_two_names_of_a_counted_list():
    # shunping_2022, hailaer_2013: four parks counted where 、 separates three pieces, two
    # squares joined by 和 alone; the count is the number of names, so 和 splits the last piece
    assert names("高标准完成顺平公园、太极公园、滨河公园和花木兰植物园4个公园提升改造") == [
        "太极公园",
        "滨河公园",
        "花木兰植物园",
        "顺平公园",
    ]
    assert names("建成哈萨尔和东升路两个市民广场") == ["东升路市民广场", "哈萨尔市民广场"]
    # hailaer_2012: a road before a count of facilities is where each one is
    assert names("完成哈萨尔大街和东升路两处市民公园") == ["东升路市民公园", "哈萨尔大街市民公园"]
    # a count inside a name marks a list's words, never a name; an ordinal is no count
    # (xushuixian_2013: 第二个50万辆整车项目)
    assert counted("哈萨尔大街和东升路两处市民公园") and counted("京环循环、深核盛基2个塑料园区")
    assert not counted("第二个50万辆整车项目")
    # three names where 、 gives two pieces: 和 is split only because the count says three
    assert names("完成教委小区、长安小区和财政局家属院三个老旧小区改造任务") == [
        "教委小区",
        "财政局家属院老旧小区",  # a name without a head of its own takes the count's
        "长安小区",
    ]


def test_two_character_abbreviations_listed_before_he_share_the_head():
    # hebei_2021 (tuning gold: 京雄高速, 荣乌高速新线一期): 京德和荣乌高速 was one name, and
    # 京雄 took 和荣乌高速 as its tail
    assert names("京雄、京德和荣乌高速新线一期建成通车") == ["京德高速", "京雄高速", "荣乌高速"]
    # 和 inside a name (隆基泰和) or after a name longer than an abbreviation is left alone
    assert "隆基泰和园区综合体" in names("启动阜平北京文创园、隆基泰和园区综合体")


def test_a_counted_list_with_deng_and_a_long_head():
    # shaanxi_2026, qinghai_2026: 等 + count, a head longer than eight characters; a voltage
    # is the works' grade and stays in the name, a plant's capacity is its size and does not
    assert names("加快宝鸡、延安等4个国家骨干冷链物流基地建设") == [
        "宝鸡国家骨干冷链物流基地",
        "延安国家骨干冷链物流基地",
    ]
    assert names("推进卡阳、松如沟等14个750千伏电网工程、青疆联网通道建设") == [
        "卡阳750千伏电网工程",
        "松如沟750千伏电网工程",
    ]
    assert names("加快格尔木、德令哈3座35万千瓦光热电站和光热产业科技创新中心建设") == [
        "光热产业科技创新中心",
        "德令哈光热电站",
        "格尔木光热电站",
    ]
    # a list whose short head step 1 reads is read once (seed 004_ruijin: 13所城乡学校项目)
    assert names("完成瑞金八中、红都小学、机关保育院等13所城乡学校项目建设") == [
        "机关保育院城乡学校",
        "瑞金八中城乡学校",
        "红都小学",
    ]


def test_items_of_deng_with_a_joint_capacity_or_led_by_a_grade():
    # shaanxi_2026: the joint capacity after 等 is no head; items named with their phase
    got = projects_of("推动商洛电厂二期、店头电厂二期等402万千瓦机组建成投运")
    assert sorted((p.name, p.status) for p in got) == [
        ("商洛电厂二期", "建成"), ("店头电厂二期", "建成"),
    ]  # fmt: skip
    # shaanxi_2026: an item led by a voltage takes the kind of works written after 等
    got = projects_of("开工750千伏定靖西、330千伏沣渭等输变电工程")
    assert sorted((p.name, p.status) for p in got) == [
        ("330千伏沣渭输变电工程", "开工"), ("750千伏定靖西输变电工程", "开工"),
    ]  # fmt: skip
    # dingxing_2020: a size may lead a name; yixian_2021: a size and a kind of facility name
    # nothing
    assert names("积极推进2000亩桑叶产业园、1000亩高端花卉园建设") == [
        "1000亩高端花卉园",
        "2000亩桑叶产业园",
    ]
    assert names("完成1600亩湿地修复任务") == []


def test_a_route_between_two_places_before_deng_is_one_work():
    # qinghai_2026: one route item before 等 and a facility head (省际 is no rank)
    assert names("推进扁都口至峨堡等省际大通道建设") == ["扁都口至峨堡省际大通道"]
    # qinghai_2026: 同德至玛沁等公路项目 (a facility domain completes the item)
    assert names("开工同德至玛沁等公路项目") == ["同德至玛沁公路"]
    # one item without a route or a head before 等 and a facility head names nothing
    assert names("推进东部等省际大通道建设") == []


def test_every_construction_word_closes_a_facility():
    # shunping_2021: 改扩建 is a construction word like 建设; 搬迁户 is a household, not a work
    assert names("举全县之力完成G234国道顺平段改扩建") == ["G234国道顺平段"]
    assert names("抓好大王店园区搬迁户的后续管理") == []
    # lixian_2022: a repair closes a road as a build does
    assert names("完成林曲路、周蠡路修复") == ["周蠡路", "林曲路"]


def test_a_context_verb_starts_no_name_and_one_place_gives_one_project():
    # anguo_2022: 配合 (like 对接, 融入) names another level's project
    assert names("全力配合雄安-郑州高速规划建设") == []
    # shunping_2021: read by two ways of naming, one project
    text = "二、2021年工作\n（一）提升开发区承载能级。启动双创孵化中心和地表水厂建设。\n"
    doc_projects = [p.name for p in summarize(text, engine="rules").projects]
    assert doc_projects.count("双创孵化中心") <= 1


def test_a_kind_of_work_many_places_write_is_no_project() -> None:
    # 阜平县 2013, 满城区 2023: 光伏发电 is written by 6 of the corpus's 40 places
    assert "光伏发电" in GENERIC_NAMES and "风力发电" not in GENERIC_NAMES
    s = summarize("二、2023年工作安排\n（一）抓项目。加快光伏发电、金杨新材料等重点项目建设。\n")
    assert [p.name for p in s.projects] == ["金杨新材料"]


def test_generic_names_are_in_step_with_the_corpus_and_the_engine(tmp_path: Path) -> None:
    # summarizer/generic_names.txt is generated (evals/tools/generic_names.py): a change to the
    # project rules that changes the names read over the corpus must regenerate it
    root = Path(__file__).resolve().parents[1]  # ../shared beside the checkout (or a worktree's)
    corpus = next(
        d
        for d in (root.parent / "shared" / "corpus", root.parents[1] / "shared" / "corpus")
        if (d / "manifest.json").exists()
    )
    tool = Path(__file__).resolve().parents[1] / "evals" / "tools" / "generic_names.py"
    out = tmp_path / "generic_names.txt"
    subprocess.run([sys.executable, str(tool), str(corpus), str(out)], check=True)
    shipped = resources.files("summarizer").joinpath("generic_names.txt").read_text("utf-8")
    assert out.read_text(encoding="utf-8") == shipped, "run: python evals/tools/generic_names.py"


def test_a_month_before_the_milestone_still_closes_the_work():
    # fuping_2020: the date a milestone is due (6月底前, 10月底) stands between name and milestone
    got = projects_of("食峰、久丰两个菌棒加工厂6月底前建成投产")
    assert sorted((p.name, p.status) for p in got) == [
        ("久丰菌棒加工厂", "投产"), ("食峰菌棒加工厂", "投产"),
    ]  # fmt: skip
    assert names("大岸底至马兰公路10月底完工") == ["大岸底至马兰公路"]
    # a month with no construction word names nothing
    assert names("城区主干道6月底前全面开放") == []


def test_a_length_after_a_category_of_works_is_a_target_not_a_project():
    # yunnan_2026 (and quyang_2020): 6000公里 of a kind of works is how much, not which work
    assert names("建成村道公路安全生命防护工程6000公里") == []
    # a named work keeps its name when no length follows it
    assert names("开工建设滇中引水二期骨干工程") == ["滇中引水二期骨干工程"]


def test_a_named_work_before_he_does_not_open_the_list_after_it():
    # yunnan_2026: 滇中引水二期骨干工程 is a name of its own; the list 景腊大型灌区、南瓜坪大型水库
    # starts after 和, and 景腊大型灌区 (灌区: a facility head) keeps its own head
    assert names("开工建设滇中引水二期骨干工程和景腊大型灌区、南瓜坪大型水库") == [
        "南瓜坪大型水库", "景腊大型灌区", "滇中引水二期骨干工程",
    ]  # fmt: skip


def test_an_administrative_noun_after_xiangmu_names_no_project():
    # ningxia_2026: a list of projects is no project
    assert names("制定全区统一的基本公共服务项目清单和实施标准") == []
    # a project followed by its construction word still is one
    assert names("加快永正空气源热泵项目建设") == ["永正空气源热泵项目"]


def test_items_before_deng_and_a_kind_of_work_are_the_works_at_each_site():
    # mancheng_2020: 土地整理 is a kind of work; 市头村 is where it is done
    assert names("实施市头村等3个土地整理项目") == ["市头村土地整理项目"]
    # ningxia_2026 (毛乌素沙化土地综合治理工程, gold too, is still lost: no object word in it)
    got = names("重点实施毛乌素沙化土地、宁夏南部生态保护修复与水土流失等综合治理工程")
    assert "宁夏南部生态保护修复与水土流失综合治理工程" in got
    # a bare kind of work (提升) with no object names no works at the items
    assert "游客中心提升工程" not in names("实施游客中心、停车场改扩建等提升工程")


def test_a_genre_verb_starts_the_name_and_a_type_of_park_is_no_project():
    # yunnan_2026: 建强 is a verb (not part of the name); 劳动密集型产业园 is a type of park
    assert names("建强劳动密集型产业园") == []
    # 培育 starts the name after it
    assert names("培育金杨新材料产业园二期") == ["金杨新材料产业园二期"]


def test_yiji_is_a_conjunction_in_a_list_before_deng():
    # guangxi_2026: 以及 joins the last named item to the list; it is no verb that restarts it
    got = names("推进白龙核电一期、红沙核电三期、钦州电厂三期以及在建抽水蓄能电站等项目")
    assert {"白龙核电一期", "红沙核电三期", "钦州电厂三期"} <= set(got)
    assert not any(n.startswith("以及") for n in got)


def test_a_count_of_ten_thousands_and_a_run_of_rank_words_before_the_head_after_deng():
    # hubei_2026: 1.22万个 counts the projects and 亿元以上新建续建 ranks them (size, stage)
    assert names("大力推进三峡水运新通道、沿江高铁宜涪段、长江存储三期等1.22万个亿元以上新建续建项目建设") == [
        "三峡水运新通道", "沿江高铁宜涪段", "长江存储三期",
    ]  # fmt: skip
    # 战略性 ranks the works; the items are named by their own words
    got = names(
        "努力推动江汉平原水资源配置、汉江流域水安全能力提升、世界级存算一体化产业基地等战略性工程纳入国家盘子"
    )
    assert got == sorted(
        ["江汉平原水资源配置", "汉江流域水安全能力提升", "世界级存算一体化产业基地"]
    )


def test_review_and_service_of_projects_name_no_project():
    # hubei_2026: reforms listed before 科技研发项目评审 are no works
    assert (
        names(
            "探索推进职务科技成果赋权改革、高校职称分类评聘改革、国有无形资产管理改革、"
            "国有企事业单位创新分配改革和科技研发项目评审、机构评估"
        )
        == []
    )
    # yixian_2025: a service for projects, and a review of a kind of projects
    assert names("实施“全周期”项目服务") == []
    assert names("推进工程建设、政府采购项目“双盲”评审全覆盖") == []


def test_a_route_code_leads_the_name_of_a_national_road():
    # yixian_2025: 112 is the road's number, not a count
    assert "112国道绕城" in names(
        "加快推进112国道绕城、易兴路东延、经二街北延、城东停车场等项目进展"
    )
    # mancheng_2023: 国道 is a road's head, so 和 joins two roads
    assert names("推进107国道和津保北线大修") == ["107国道", "津保北线"]


def test_an_item_ending_on_its_milestone_does_not_share_the_next_head():
    # yixian_2025: 京能绿电制氢建成投运 is a clause of its own, not an item of 抽水蓄能项目
    assert names("推动京能绿电制氢建成投运、抽水蓄能项目首台机组并网发电") == ["抽水蓄能项目"]


def test_projects_refused_are_kinds_not_works():
    # guangxi_2026: 高污染、高耗能、低效益 are the kinds of project refused
    assert names("突出新质生产力招商，杜绝新招高污染、高耗能、低效益项目") == []


def test_he_joins_the_last_two_of_a_list_of_short_names_sharing_the_head():
    # hebei_2021: 容东、容西和雄安站枢纽等重点片区; hebei_2022/2023: 京唐城际, 津兴城际 (城际 is a
    # head: 安国, 蠡县, 北京, 河北)
    got = summarize(
        "二、2023年工作安排\n（一）抓项目。统筹推进容东、容西和雄安站枢纽等重点片区建设。\n"
    )
    assert sorted(p.name for p in got.projects) == ["容东片区", "容西片区", "雄安站枢纽"]
    assert names("加快京唐、京滨城际建设") == ["京唐城际", "京滨城际"]


def test_the_extension_of_a_named_road_is_a_work_by_itself():
    # shunping_2023: 南延/北延/东延 (12 corpus places) make a work of a named road; the 等一批
    # that follows names a kind of road, not the works' head
    assert names(
        "谋划启动永平路南延，梯次打通顺兴路北延、木兰街东延、纬十四街东延等一批“断头路”“卡脖子路”"
    ) == ["木兰街东延", "永平路南延", "纬十四街东延", "顺兴路北延"]
    # lixian_2020: three extensions after a verb of planning; mancheng_2022: 再西延 (a further one)
    assert names("谋划启动紫薇路西延、维明路西延、范蠡路东延") == [
        "紫薇路西延",
        "维明路西延",
        "范蠡路东延",
    ]
    # fuping_2020: an extension that more of a name follows is the place of another work
    assert names("对天宇名园至北环、府前街南延胡同等一批小街小巷进行拓宽整修") == []


def test_a_bracket_noting_an_items_extent_is_not_shared_nor_left_open():
    # mancheng_2022: （致远路至复兴路西延） notes the stretch of 宏昌大街南延; it does not take the
    # tail of the next item, and a name never ends inside an open bracket
    got = names("推进宏昌大街南延（致远路至复兴路西延）、复兴路再西延、北三环西延工程")
    assert "复兴路再西延" in got and "宏昌大街南延" in got
    assert not any(n.endswith("再西延") and "宏昌" in n for n in got)
    assert all(n.count("（") == n.count("）") for n in got)


def test_rivers_of_a_list_share_the_works_after_the_last_rivers_own_word() -> None:
    # 瑞金 2022 (seed 004): 古城河、绵江河生态修复工程 gave 古城河河生态修复工程: the tail was cut
    # after the first river or lake character of 绵江河 (江); it is cut after the item's own
    # word (河), as the gold writes 古城河生态修复工程 and 绵江河生态修复工程
    seed = Path(__file__).resolve().parent.parent / "evals" / "fixtures" / "004_ruijin.txt"
    names = {p.name for p in summarize(load_report(seed).text).projects}
    assert {"古城河生态修复工程", "绵江河生态修复工程"} <= names
    assert "古城河河生态修复工程" not in names


def test_divisions_listed_before_a_name_that_opens_with_one_share_its_rest():
    # fujian_2026 (tuning gold: 福州/厦门/泉州省级人工智能产业园): the tail after 泉州 was too
    # long to share, so 福州 and 厦门 were names of their own; a division's name is a closed
    # class (place_names.txt), so the items are places and the rest is what each has
    assert names("加快建设福州、厦门、泉州省级人工智能产业园") == [
        "厦门省级人工智能产业园",
        "泉州省级人工智能产业园",
        "福州省级人工智能产业园",
    ]
    # an item that is no division keeps the long tail to itself (万广物流 is a company)
    assert "万广物流" in names("加快万广物流、鄱阳湖“前港后园”港口物流园项目建设")


def test_deng_after_a_place_ending_like_gao_deng_still_ends_the_list():
    # 高等 is one word (青海高等研究院), but 大同 and 汉中 end lists before 等 (a guard over
    # 中等/同等 read them as 大同等物流园, 汉中等产业园)
    assert names("推进太原、大同等物流园建设") == ["大同物流园", "太原物流园"]
    assert names("加快安康、汉中等产业园建设") == ["安康产业园", "汉中产业园"]


def test_the_head_after_deng_may_be_joined_by_he_to_another_work():
    # yunnan_2026 (tuning gold: 旭龙水电站 … 橄榄坝水电站): 和 after the head hid the
    # construction word, so the list was read as one run (旭龙坝等水电站, 橄榄坝等水电站)
    assert names("加快旭龙、奔子栏、古水、橄榄坝等水电站和抽水蓄能项目建设") == [
        "古水水电站",
        "奔子栏水电站",
        "抽水蓄能项目",
        "旭龙水电站",
        "橄榄坝水电站",
    ]


def test_road_codes_listed_before_a_name_that_opens_with_one_share_its_rest():
    # fuping_2021: S248 was a name of its own (the tail after G207 was too long to share); a
    # road's code is a closed class of forms, so S248 is a road and takes what G207 has
    assert names("启动S248、G207县城段改线工程") == ["G207县城段改线工程", "S248县城段改线工程"]


def test_a_weaker_head_right_after_a_strong_one_ends_the_name() -> None:
    # hebei_2021 (河北省 2021), hailaer_2014 and tangxian_2020: a rail line, a siding and a link
    # road named after the strong head they lead to (机场, 铁路, 高速); the tuning gold writes
    # 雄安至北京大兴国际机场快线 and 园区铁路专用线 so
    assert "雄安至北京大兴国际机场快线" in names(
        "加快推进雄安至北京大兴国际机场快线，开工建设雄商、雄忻高铁"
    )
    assert names("启动园区铁路专用线，谋划好空港物流") == ["园区铁路专用线"]
    assert "保阜高速引线" in names("完成保阜高速引线、保涞线沿途环境提升")
    # (not a locative, nor words after a particle: 以前进文旅小镇为中心 names the 小镇)
    assert "高速沿线" not in names("对高速沿线、国省干线、主要县乡道路全面整治")
    got = names("东部以前进文旅小镇为中心，辐射王快水库")
    assert "前进文旅小镇" in got and not any("为中心" in n for n in got)
