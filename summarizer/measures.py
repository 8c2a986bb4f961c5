"""What a number of a target or outcome measures: ``growth``, ``level``, ``change`` or ``count``.

``(key, measure)`` names one panel variable, so the measure is read the same way by every
producer (rules engine, LLM engines, gold without one) from what the item already says: its
indicator, unit and direction, and the words of its clause before the number. It is a pure
function of those strings (no model is asked):

- ``change``: an absolute or percentage-point change. The unit is ``个百分点`` (提高2个百分点),
  or a non-% number follows a change verb (新增就业2万人, 增加X万吨, 减少10万吨, 增长2000万元)
  or the indicator names one (新增城镇就业2万人) — unless the number follows 到/至 (提高到2000元
  is the value reached: ``level``).
- ``growth``: a percent change. The unit is % (or ‰, 成, 倍 after a change verb) and the words
  name a rate of change (增速, 增幅, 涨幅, 增长率, 降幅: 经济增速保持在6%), or they name no rate
  or share at all: a % of a quantity that is not itself a ratio can only be its change
  (地区生产总值增长6%, 能耗下降3%, 居民消费价格涨幅控制在3%).
- ``level``: a value to reach or keep, rates and shares included: a % of a ratio (a word of
  :data:`LEVEL_WORDS`: 城镇调查失业率控制在5.5%, 占比60%, 研发投入强度2.5%) or a % after 到/至
  (提高到60%); a non-% number after a level verb (达到200亿元, 突破, 稳定在, 保持在, 控制在) or
  after 到/至; and any other amount that is not a count (完成投资50亿元, 粮食产量20万吨).
- ``count``: things to build or do, counted with a classifier (:data:`COUNT_UNITS`: 新建学校3所,
  实施重点项目60个, 改造老旧小区20个), with a build/do verb or none.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal, get_args

from .units import normalize_unit, to_base

Measure = Literal["growth", "level", "change", "count"]
MEASURES: tuple[str, ...] = get_args(Measure)

# Classifiers that count things (个, 家, 所 …): a count, not an amount of a physical unit.
COUNT_UNITS = frozenset(
    [
        "个",
        "家",
        "所",
        "项",
        "条",
        "座",
        "处",
        "批",
        "栋",
        "幢",
        "台",
        "辆",
        "艘",
        "架",
        "套",
        "间",
        "件",
        "宗",
        "场",
        "场次",
        "起",
        "部",
        "只",
        "盏",
        "块",
        "支",
        "张",
        "户",
        "类",
        "种",
        "片",
        "根",
        "眼",
    ]
)
# Words that make a % a ratio (a level): rates, shares, intensities, coverage; labour
# productivity (劳动生产率, output per worker: 北京, 浙江, 贵州) is a quantity, not a rate.
LEVEL_WORDS = re.compile(
    r"(?<!劳动生产)率|比重|占比|比例|占[^，,。；;]{0,16}(?:的|比)|强度|系数|份额|覆盖|普及|贡献|满意度|达标|合格|优良"
)
# Words that name a rate of change: a % after them is a growth whatever the verb.
_RATE_OF_CHANGE = re.compile(r"增速|增幅|涨幅|增长率|降幅|增长|上涨")
_RATE_WORD = re.compile(r"增速|增幅|涨幅|增长率|降幅")
_CHANGE_VERB = re.compile(r"(?:新增|净增|增加|增长|减少|提高|降低|下降|扩大|缩小|压减|削减|净减)$")
_CHANGE_IN_NAME = re.compile(r"新增|净增|增加(?!值)|减少|压减|削减")
_LEVEL_VERB = re.compile(r"(?:达到|达|突破|稳定在|保持在|控制在|超过|为|是)$")
_TO = re.compile(r"[到至](?:了)?(?:(?:19|20)\d\d年(?:底|末)?的?)?$")  # 增加到2015年的287.9亿元
_PERCENT = frozenset({"%", "‰", "成"})
_POINTS = frozenset({"个百分点", "百分点"})
_CHANGE_DIRECTIONS = frozenset({"增长", "增加", "提高", "下降", "降低", "减少", "新增"})
_LEVEL_DIRECTIONS = frozenset({"达到", "达", "突破", "控制在", "稳定在", "保持在"})
_CLAUSE_END = re.compile(r"[，,；;。：:！!？?\n]")
_QUALIFIER_TAIL = re.compile(r"(?:不低于|不超过|不少于|不高于|不小于|不大于|不多于|至少|约|近|超)$")


# Read twice for every target (its measure, and its key's name as written): memoised.
@lru_cache(maxsize=512)
def clause_tail(before: str) -> str:
    """The words of the number's own clause before it, without a bound word (不低于, 约)."""
    parts = _CLAUSE_END.split(before)
    tail = parts[-1].strip() if parts else ""
    return _QUALIFIER_TAIL.sub("", tail).strip()


def measure_of(indicator: str, unit: str, direction: str = "", before: str = "") -> Measure:
    """The measure of a number with ``unit`` said of ``indicator`` after the verb ``direction``
    (the closed list of docs/output-format.md, "" for none); ``before`` is the quote up to the
    number (only its last clause is read). See the module docstring for the rules."""
    u = normalize_unit(unit)
    tail = clause_tail(before)
    words = indicator + tail
    if u in _POINTS:
        return "change"
    if u in _PERCENT:
        if _RATE_OF_CHANGE.search(indicator) or _RATE_WORD.search(tail):
            return "growth"
        if LEVEL_WORDS.search(words) or _TO.search(tail):
            return "level"
        return "growth"
    if u == "倍":
        verb = direction or tail[-2:]
        return "growth" if verb in ("增长", "增加", "提高") else "level"
    if _TO.search(tail):
        return "level"
    if direction in _LEVEL_DIRECTIONS or (not direction and _LEVEL_VERB.search(tail)):
        return "level"
    if (
        direction in _CHANGE_DIRECTIONS
        or _CHANGE_VERB.search(tail)
        or _CHANGE_IN_NAME.search(indicator)
    ):
        return "change"
    if u and to_base(1, u)[1] in COUNT_UNITS:
        return "count"
    return "level"


_DIMENSIONS = {
    **dict.fromkeys(("元", "美元", "欧元", "港元"), "money"),
    **dict.fromkeys(("吨", "斤", "公斤", "千克", "克"), "weight"),
    **dict.fromkeys(("亩", "公顷", "平方米", "平米", "平方公里", "平方千米"), "area"),
    **dict.fromkeys(("公里", "千米", "米"), "length"),
    **dict.fromkeys(("人", "名", "人次", "位", "万人"), "people"),
}


def unit_dimension(unit: str) -> str:
    """What a unit measures, for telling mixed units apart: ``%`` (%, ‰, 成, and 倍, a ratio
    like them), ``个百分点``, ``count`` (the classifiers of :data:`COUNT_UNITS`, 万个 included),
    ``money`` (元, 美元 … at any scale; a bare scale such as 3800亿 is money, as reports write
    it), ``weight`` (吨, 斤 …), ``area`` (亩, 平方米 …), ``length`` (公里, 米), ``people`` (人,
    名, 人次), else the base unit without its scale (万千瓦 is ``千瓦``)."""
    u = normalize_unit(unit)
    if u in _PERCENT or u == "倍":
        return "%"
    if u in _POINTS:
        return "个百分点"
    base = to_base(1, u)[1] if u else ""
    if base in COUNT_UNITS:
        return "count"
    if not base and u:
        return "money"  # 3800亿: a bare scale
    return _DIMENSIONS.get(base, base)


__all__ = [
    "COUNT_UNITS",
    "LEVEL_WORDS",
    "MEASURES",
    "Measure",
    "clause_tail",
    "measure_of",
    "unit_dimension",
]
