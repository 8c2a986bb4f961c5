"""Report metadata read from the text only: the region and the plan year.

Both are conservative: when the text does not say, the answer is ``None`` and the user can pass
``--region`` / ``--year``.
"""

from __future__ import annotations

import re
from collections import Counter

# Plan year stated next to the plan: "2024年政府工作的总体要求", "二、2024年主要任务",
# "2024年经济社会发展的主要预期目标", "今年(2024年)".
_YEAR_PATTERNS = [
    re.compile(
        r"(20\d\d)年(?:政府工作|经济社会发展|全[市县区省旗州]经济社会发展)?的?(?:总体要求|主要预期目标|主要任务|主要工作|工作安排|重点工作|预期目标)"
    ),
    re.compile(r"(20\d\d)年是"),
    re.compile(r"今年[（(](20\d\d)年?[)）]"),
]
# The year named by an event the text ties to "this year" (今年是党的二十大召开之年).
_EVENT_YEARS = {
    "党的十九大召开之年": 2017,
    "党的二十大召开之年": 2022,
    "党的二十一大召开之年": 2027,
    "建党100周年": 2021,
    "建党一百周年": 2021,
    "新中国成立70周年": 2019,
    "中华人民共和国成立70周年": 2019,
    "新中国成立75周年": 2024,
    "中华人民共和国成立75周年": 2024,
    "新中国成立80周年": 2029,
}


def detect_year(text: str) -> int | None:
    """The plan year the report states (``2024年政府工作的总体要求`` → 2024), else None."""
    for pattern in _YEAR_PATTERNS:
        years = Counter(int(m.group(1)) for m in pattern.finditer(text))
        if years:
            return years.most_common(1)[0][0]
    m = re.search(
        r"今年是(?:[^。，,；;]{0,6})?(" + "|".join(map(re.escape, _EVENT_YEARS)) + ")", text
    )
    if m:
        return _EVENT_YEARS[m.group(1)]
    return None


_GENERIC_ROOTS = {
    "全", "本", "我", "城", "市", "县", "区", "园", "社", "片", "景", "开发", "经开", "高新", "示范",
    "老城", "城区", "新城", "中心", "主城", "市区", "郊", "辖", "各", "该", "试验", "功能", "产业",
    "保税", "核心", "集聚", "风景", "商圈", "实验", "城乡", "地", "小", "街", "乡", "镇", "村", "校",
    "特", "自治", "直辖", "省", "地级", "县级", "次中心", "现代化", "中心城", "城市", "分", "农",
    "新", "山", "湖", "旧城", "海", "都市", "城镇", "大", "先行", "中", "东", "南", "西", "北",
    "全国文明", "国家卫生", "创新型", "文明", "卫生", "宜居", "智慧", "韧性", "海绵", "园林", "森林",
}  # fmt: skip
_PLACE = re.compile(
    r"([\u4e00-\u9fff]{2,3}?)(市|县|区)(?=委|人民政府|政府|党代会|人大|政协|经济|城区|党委|全域|$)"
)


def detect_region(text: str) -> str | None:
    """The reporting region when the text names it (``瑞金市``), else None.

    A candidate is a place name with 市/县/区 written next to an organ of government
    (``瑞金市党代会``, ``都昌县委``); the one whose name recurs most in the text wins, and it
    must recur at least three times.
    """
    candidates: Counter[str] = Counter()
    for m in _PLACE.finditer(text):
        root, suffix = m.group(1), m.group(2)
        if root in _GENERIC_ROOTS or root[-1] in "市县区省":
            continue
        candidates[root + suffix] += 1
    best: tuple[int, str] | None = None
    for name in candidates:
        count = text.count(name[:-1])
        if count >= 3 and (best is None or count > best[0]):
            best = (count, name)
    return best[1] if best else None
