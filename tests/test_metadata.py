"""Region and plan year from the structure of a report: title, session line, byline, headings.

The lines below are as they occur in real reports (../shared/corpus), layout included: literal
``\\r\\n`` escapes, ``&nbsp;``, ideographic and em spaces, spaced titles.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from requirements import unavailable

from summarizer.ingest import load_report
from summarizer.metadata import detect_region, detect_year

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"

SHANGHAI = (
    "2026年上海市政府工作报告\n"
    "——2026年2月3日在上海市第十六届人民代表大会第四次会议上\n"
    "来源：解放日报\n时间：2026-02-09\n上海市市长 龚 正\n各位代表：\n"
    "现在，我代表上海市人民政府，向大会报告工作，请予审议，并请市政协委员和其他列席人员提出意见。\n"
    "一、2025年工作回顾\n2025年，我们配合市有关部门推进城市更新。"
)
NEI_MONGOL = (
    "2026年内蒙古自治区政府工作报告\n"
    "——2026年2月4日在内蒙古自治区第十四届人民代表大会第五次会议上\n"
    "来源：内蒙古日报\n自治区人民政府主席 包钢\n各位代表：\n"
    "现在，我代表自治区人民政府，向大会报告工作。在自治区党委的坚强领导下，全区上下……"
)
HAILAR_2014 = (
    "政 府 工 作 报 告\n\n\u3000\u3000--2014年2月19日在海拉尔区第十四届人民代表大会第三次会议上\n\n"
    "\u3000\u3000海拉尔区人民政府区长\u3000\u3000杜联合\n各位代表：\n"
    "\u3000\u3000现在，我代表海拉尔区人民政府向大会作工作报告，请予审议。"
)
HAILAR_2019 = (
    "政 府 工 作 报 告\n\n |——2019年3月4日在呼伦贝尔市海拉尔区第十五届人民代表大会第三次会议上\n\n"
    "呼伦贝尔市海拉尔区人民政府代区长  萨国文\n\n各位代表：\n现在，我代表区人民政府向大会报告工作。"
)
XUSHUI_2013 = (
    "2013年3月10日在徐水县十五届人民代表大会第二次会议上\\r\\n徐水县人民政府代县长 \\r\\n王保辉"
    "\\r\\n各位代表：\\r\\n现在，我代表徐水县人民政府向大会报告工作，请审议。\\r\\n"
    "一、2012年工作回顾\\r\\n2012年，在市委、市政府和县委的坚强领导下……"
)
FUPING_2017 = (
    "政府工作报告 \\r\\n——在阜平县第十七届人民代表大会第一次会议上 \\r\\n（ 2017年2月26日） "
    "\\r\\n阜平县人民政府县长\\r\\n刘靖 \\r\\n各位代表： \\r\\n"
    "现在，我代表阜平县人民政府向大会作工作报告，请予审议。"
)
HEBEI_2019 = (
    "二〇一九年一月十四日在河北省第十三届人民代表大会第二次会议上\n河北省人民政府省长许勤\n"
    "许勤作政府工作报告。记者孟宇光摄\n各位代表：\n"
    "现在，我代表河北省人民政府向大会作政府工作报告，请予审议。"
)
YIXIAN_2022 = (
    "政府工作报告\n易县人民政府县长\u2003杨大伟\n各位代表：\n"
    "现在，我代表易县人民政府向大会报告工作，请予审议，并请各位政协委员和列席人员提出意见。\n"
    "一、2021年工作回顾\n刚刚过去的2021年，是易县发展史上极不平凡的一年。"
)
XUSHUI_2018 = (
    "在保定市徐水区第二届人民代表大会第二次会议上\\r\\n保定市徐水区人民政府区长李志永\\r\\n"
    "各位代表：\\r\\n现在，我代表徐水区人民政府向大会报告工作，请予审议。\\r\\n"
    "一、2017年工作回顾\\r\\n2017年，在上级党委、政府和区委的正确领导下……\\r\\n"
    "二、2018年目标任务和重点工作\\r\\n"
)
SHUNPING_2024 = (
    "各位代表：\\r\\n现在，我代表顺平县人民政府向大会作工作报告，请予审议，"
    "并请县政协委员和列席会议的同志提出意见。\\r\\n&nbsp;\\r\\n一、2023年工作回顾\\r\\n&nbsp;\\r\\n"
    "2023年是全面贯彻党的二十大精神的开局之年。2023年，全县地区生产总值增长6%。"
    "2023年，在市委、市政府和县委的坚强领导下，一定坚决落实县委决策部署。\\r\\n"
    "二、2024年工作安排\\r\\n今年是新中国成立75周年。"
)


@pytest.mark.parametrize(
    ("text", "region", "year"),
    [
        (SHANGHAI, "上海市", 2026),
        (NEI_MONGOL, "内蒙古自治区", 2026),
        (HAILAR_2014, "海拉尔区", 2014),
        (HAILAR_2019, "海拉尔区", 2019),
        (XUSHUI_2013, "徐水县", 2013),
        (FUPING_2017, "阜平县", 2017),
        (HEBEI_2019, "河北省", 2019),
        (YIXIAN_2022, "易县", 2022),
        (XUSHUI_2018, "徐水区", 2018),
        (SHUNPING_2024, "顺平县", 2024),
        ("易县2018年政府工作报告\n各位代表：", "易县", 2018),
        ("分享:\n陕西省2026年政府工作报告\n2026年1月27日在陕西省第十四届人民代表大会第四次会议上 陕西省省长 赵刚", "陕西省", 2026),
        ("2026年四川省人民政府工作报告\n2026年02月10日 07时41分\n来源:\n四川日报", "四川省", 2026),
        ("2026年宁夏回族自治区政府工作报告\n发表时间：\n2026-02-09 09:45:30", "宁夏回族自治区", 2026),
        ("2026年广西壮族自治区政府工作报告\n自治区主席 韦 韬", "广西壮族自治区", 2026),
        ("阜平县十七届人大\n五次会议文件(1)\n政府工作报告\n2021年2月5日在阜平县第十七届人民代表大会第五次会议上", "阜平县", 2021),
        ("政 府 工 作 报 告\n—2022年1月27日在蠡县第十八届人民代表大会第二次会议上\n蠡县人民政府县长?? 高?? 波", "蠡县", 2022),
        ("2019年1月29日保定市徐水区第二届人民代表大会第三次会议\\r\\n保定市徐水区人民政府区长&nbsp; 李志永", "徐水区", 2019),
        ("2024年喀什地区行政公署工作报告\n——2024年1月在喀什地区第三届人民代表大会第四次会议上", "喀什地区", 2024),
        ("2024年政府工作报告（全文）\n——2024年1月9日在海淀区第十七届人民代表大会第四次会议上", "海淀区", 2024),
    ],
)  # fmt: skip
def test_region_and_year_from_the_head(text: str, region: str, year: int) -> None:
    assert (detect_region(text), detect_year(text)) == (region, year)


@pytest.mark.parametrize(
    "text",
    [
        "各位代表：\n我代表区人民政府向大会报告工作，请予以审议，并请区政协委员提出意见。",
        "各位代表：\\r\\n&nbsp; 现在，我代表县人民政府，向大会报告工作，请予审议。",
        "按照县委部署，按照县委部署，按照县委部署，全县上下团结一心。",
        "感谢市委、市政府的坚强领导。感谢市委。感谢市委。全市人民。",
        "在市委、市政府和县委的坚强领导下，全县上下。政府和县委。政府和县委。",
        "离不开县委的坚强领导。离不开县委。离不开县委。全县。",
        "一定坚决落实县委决策部署。坚决落实县委。坚决落实县委。全县。",
        "聚焦市委“建强副中心、形成增长极”。聚焦市委。聚焦市委。全市。",
        "做法得到市委、市政府的充分肯定。得到市委。得到市委。全市。",
        "在自治区党委的坚强领导下，全区上下。在自治区。在自治区。",
        "配合市有关部门推进城市更新，打造全域旅游示范区，辐射北方地区。",
        "超额完成区十三届人大五次会议确定的目标任务。全区。",
        "依法接受县人大及其常委会的监督，自觉接受县政协的民主监督。全县。",
        "自觉接受人大工作监督和县政协民主监督。工作监督和县政协。全县。",
        "认真办理市人大代表建议和市政协委员提案。办理市政协。办理市政协。全市。",
    ],
)
def test_fragments_are_not_place_names(text: str) -> None:
    assert detect_region(text) is None


def test_a_body_name_must_be_at_the_reports_own_level() -> None:
    # a county report naming its province's party committee is not the province's report
    text = "“三二一”：河北省委八届十二次全会提出。河北省委。河北省人民政府。河北。全县上下，全县。"
    assert detect_region(text) is None
    county = (
        "中共容城县委、县政府高度重视。容城发展，容城力量，容城速度。全县，全县。河北省人民政府。"
    )
    assert detect_region(county) == "容城县"


def test_a_name_in_a_list_of_levels_before_an_organ() -> None:
    text = (
        "按照省、赣州市、瑞金市党代会部署要求，坚持稳字当头。建成瑞金干部学院，讲好瑞金故事，"
        "提升瑞金红培研学影响力。全市上下，全市。"
    )
    assert detect_region(text) == "瑞金市"


def test_a_name_only_in_prose_is_not_enough() -> None:
    text = "易县被国家体育总局授予称号。易县博物馆建成开馆。进入新时代，易县站在了新的历史起点。"
    assert detect_region(text) is None


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("一、2017年工作回顾\n2017年，在市委、市政府和县委的坚强领导下，2017年全县……", 2018),
        ("一、 2014年工作回顾 \\r\\n2014年，……\\r\\n二、 2015年工作总体要求 \\r\\n三、 2015年主要任务", 2015),
        ("一、关于2014年政府工作\\r\\n2014年……\\r\\n二、 2015年经济社会发展的任务目标和重点工作", 2015),
        ("一、过去五年工作回顾 \\r\\n2012 年以来……\\r\\n三、 2017年工作任务 \\r\\n", 2017),
        ("2024年是中华人民共和国成立75周年。\n2024年政府工作的总体要求是：坚持……", 2024),
        ("全县经济社会发展的主要预期目标是：2024年经济社会发展的主要预期目标", 2024),
        ("微信扫一扫\n今年是党的二十大召开之年\n今年政府工作的总体要求是：", 2022),
        ("今年是“十四五”规划开局之年，做好今年工作意义重大。", 2021),
        ("今年是“十五五”开局之年。", 2026),
        ("今年（2024年）是关键之年。", 2024),
        ("政府工作报告\n——2020年12月29日在安国市第七届人民代表大会第六次会议上", 2021),
        # a title a web page suffixes (（全文）), a 行政公署's report, a township's title
        ("2024年政府工作报告（全文）\n海淀区区长 张宇蕾", 2024),
        ("2024年喀什地区行政公署工作报告", 2024),
        ("2024年柳林镇人民政府工作报告", 2024),
        # the session named by its level alone (州, 县) and 人大 for 人民代表大会
        ("延边朝鲜族自治州人民政府工作报告\n——2024年1月10日在州十六届人大三次会议上", 2024),
        ("政府工作报告\n（2019年12月28日在县十七届人大四次会议上）", 2020),
    ],
)  # fmt: skip
def test_plan_year_from_headings_and_plan_statements(text: str, year: int) -> None:
    assert detect_year(text) == year


@pytest.mark.parametrize(
    "text",
    [
        "2023年，全县地区生产总值增长6%。2023年，全县一般公共预算收入增长5%。2023年是开局之年。",
        "“十四五”时期，到2025年主要目标是建成……",
        "全区经济社会发展的主要预期目标是：地区生产总值增长7.5%左右。",
        "超额完成区十三届人大五次会议确定的2013年各项目标任务。",
        # 福建 2026 without its title: a plan said to be done is the review's year (2025)
        "各位代表！2025年主要目标任务如期完成，标志着“十四五”顺利收官。",
    ],
)
def test_prose_years_are_not_the_plan_year(text: str) -> None:
    assert detect_year(text) is None


def _core(name: str) -> str:
    core = re.sub(r"(维吾尔自治区|壮族自治区|回族自治区|自治区|自治县|省|市|县|区|旗)$", "", name)
    return core if len(core) >= 2 else name


def test_real_reports() -> None:
    if not (CORPUS / "manifest.json").exists():
        unavailable(f"{CORPUS}: the shared corpus is not beside the checkout")
    manifest = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
    wrong_region, named, years_right = [], 0, 0
    for item in manifest:
        text = (CORPUS / item["file"]).read_text(encoding="utf-8")
        region, year = detect_region(text), detect_year(text)
        place = item["place"]
        if region is not None:
            named += 1
            if _core(place) not in region and _core(region) not in place:
                wrong_region.append((item["file"], region))
        years_right += year == item["year"]
    assert wrong_region == [], "a region must be the place itself, never a fragment"
    assert named >= 0.9 * len(manifest)
    assert years_right >= 0.95 * len(manifest)


@pytest.mark.parametrize(
    ("date", "year"),
    [("2025年1月14日", 2025), ("（2025年1月）", 2025), ("二〇二四年十二月二十日", 2025)],
)
def test_a_date_line_under_the_title_dates_the_plan(date: str, year: int) -> None:
    # no session line, no year in the headings (一、过去一年工作回顾 / 二、今年重点工作): the date
    # the report was given, alone on its line in the head, is the session's (a December session
    # plans the next year); a date in the body is never read so
    text = (
        f"上海市浦东新区政府工作报告\n{date}\n各位代表：\n现在，我代表区人民政府作工作报告。\n"
        "一、过去一年工作回顾\n2023年1月，全区……\n二、今年重点工作\n"
    )
    assert (detect_region(text), detect_year(text)) == ("浦东新区", year)
    body_only = "政府工作报告\n各位代表：\n2023年1月\n全区……\n"
    assert detect_year(body_only) is None


def test_a_head_of_blanked_copied_lines_is_read_at_once() -> None:
    # an English text of one line copied 50 times: the layout view blanks the copies, and over
    # the long run of blanks the title pattern (\s* after \s*) backtracked for minutes; the
    # metadata reader now collapses blanks first (found feeding the CLI odd inputs)
    data = ("Annual report: GDP grew 6% and investment 8%.\n" * 50).encode("latin-1")
    report = load_report(data)
    assert (report.region, report.year) == (None, None)
    assert detect_region("2024年安新县政府工作报告\n" + "-\n" * 1000) == "安新县"
