"""Units of measure as the reports write them: the scale words (万, 亿), the base units a
number may carry (with the characters that may not follow a one-character one: 5020项目 has no
项), and magnitudes in a base unit for comparing amounts (2000万元 == 0.2亿元).

Pure, no I/O; the mention finder (:mod:`summarizer.numbers`) reads units with :data:`_UNIT_RE`.
"""

from __future__ import annotations

import functools
import math
import re

from .layout import WRAP_JOIN

_SCALES: dict[str, float] = {
    "万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "十亿": 1e9, "亿": 1e8,
    "千万": 1e7, "百万": 1e6, "十万": 1e5, "万": 1e4, "千": 1e3,
}  # fmt: skip
_SCALE_ORDER = sorted(_SCALES, key=len, reverse=True)

# Base units as written, with what may not follow them (so 5020项目 has no 项); longest first.
_GUARDED: dict[str, str] = {
    # 起 counts cases (破获刑事案件509起; 14 places), not 起步/起点/起来
    "起": "步飞点始草诉来源因见色居伏航",
    "亩": "产均", "元": "旦素宵老首件", "人": "民口才员大工群们类力事性格生均居文社家",
    "户": "籍口外型内主头", "家": "庭园居具电乡属长里人政风族门用畜禽装底", "项": "目下链",
    "个": "人体性案别税私", "套": "餐路牌用取", "台": "阶风湾账商企资胞", "头": "部条号脑牌",
    "只": "有是要能增减会需在为做用", "所": "有属以在得谓长需", "座": "谈位右", "条": "件例款理线幅",
    "处": "理置于罚长级室", "间": "隔接断歇距或", "部": "门署分长队位委省件落属",
    "场": "所景馆地站长面合主均化", "次": "序要生级数日年月", "种": "植养子类业苗粮质源群",
    "支": "持付出撑柱队部援行流线点架", "架": "构设空", "列": "入车为出席举", "根": "本据治基源植",
    "片": "区面长", "名": "单称义牌片录额城镇村校品人师医优列次著胜", "位": "于置居列次数",
    "宗": "教旨族", "批": "准复发次示而", "成": "为果立效本熟功员都就交型绩长品套片不了绿网像材年",
    "天": "然地空下气津堂府际价花", "年": "级代产均鉴薪龄轻检报", "米": "饭粮面字", "度": "假过量化身势",
    "篇": "章幅", "份": "额子儿", "组": "织建团合成长员件部别", "轮": "番换值胎船机廓", "届": "时满",
    "期": "间待望限货刊末初中内满权盼", "级": "别差数", "代": "表替办价码理际工销购管建付言",
    "类": "型似别比推", "方": "面案式向法针位便舱阵", "克": "服难隆",
    # 眼 counts wells (关停取水井550眼, 978眼机井; 6 places), not 眼光/眼前/一眼望去
    "眼": "光睛前界里中下镜神科望看",
}  # fmt: skip
_PLAIN: tuple[str, ...] = (
    "个百分点", "百分点", "%", "％", "‰", "平方公里", "平方千米", "平方米", "平米", "立方米", "千瓦时", "千瓦",
    "兆瓦", "千伏", "公里", "千米", "公顷", "千克", "公斤", "标准箱", "标箱", "人次", "个月", "小时",
    "分钟", "周年", "美元", "欧元", "港元", "吨标准煤", "吨标煤", "吨", "辆", "盏", "栋", "幢", "张",
    "件", "款", "艘", "块", "棵", "株", "倍", "岁", "斤", "册", "趟", "颗", "匹", "羽", "微克", "毫克",
    "毫米", "厘米", "毫升", "升", "立方", "标准煤", "批次",
    # compound measure words (7, 3, 3 and 2 places of the corpus): 25个工作日, 245场次, 10个位次,
    # 297架次 (flights: 河北, 海拉尔)
    "个工作日", "场次", "个位次", "架次",
)  # fmt: skip
_BASES = sorted((*_PLAIN, *_GUARDED), key=len, reverse=True)
_BASE_RE_SRC = "|".join(
    re.escape(b) + (f"(?![{re.escape(_GUARDED[b])}])" if b in _GUARDED else "") for b in _BASES
)
_SPACE = f"[ \u00a0\u3000{WRAP_JOIN}]"  # a wrap joined in the layout view too
# The scale of a rate's denominator (0.6人/百亿元, 元/万元): the scale words, longest first.
_PER_SCALE = "万亿|千亿|百亿|十亿|百万|十万|千万|万|亿"
_UNIT_RE = re.compile(
    rf"(?P<sp>{_SPACE}?)(?P<a1>[余多])?"
    r"(?P<scale>万亿|千万|千亿|百万|百亿|十万|十亿|万|亿|千(?![瓦米克伏]))?"
    rf"(?P<a2>[余多])?(?P<base>(?:{_BASE_RE_SRC})(?:/(?:{_PER_SCALE})?(?:{_BASE_RE_SRC}))?)?"
)
_BASE_CANON: dict[str, tuple[str, float]] = {
    "%": ("%", 1.0), "％": ("%", 1.0), "‰": ("%", 0.1), "成": ("%", 10.0),
    "百分点": ("个百分点", 1.0), "个百分点": ("个百分点", 1.0), "千米": ("公里", 1.0),
    "平方千米": ("平方公里", 1.0), "公斤": ("千克", 1.0), "方": ("立方米", 1.0),
    "平米": ("平方米", 1.0),
    "标箱": ("标准箱", 1.0), "吨标煤": ("吨标准煤", 1.0),
    # the Latin units (_LATIN_UNIT): petaflops (P), and power and energy as 千瓦 and 千瓦时
    "PF": ("P", 1.0), "PFLOPS": ("P", 1.0), "EFLOPS": ("P", 1000.0), "Eflops": ("P", 1000.0),
    "GW": ("千瓦", 1e6), "MW": ("千瓦", 1e3), "GWh": ("千瓦时", 1e6),
}  # fmt: skip
_KNOWN_BASES = frozenset(_BASES)
_ORDINAL_BASES = frozenset({"届", "期", "级", "代", "周年", "类"})
# Units a single Chinese numeral may carry and still be a quantity (两万元 is, 四个中心 is not).
_CN_SINGLE_OK = frozenset({
    "%", "％", "‰", "个百分点", "百分点", "成", "倍", "元", "美元", "欧元", "港元", "吨", "亩",
    "公里", "千米", "平方米", "平方公里", "平方千米", "立方米", "千瓦", "兆瓦", "千瓦时", "公顷",
    "千克", "公斤", "人", "人次", "岁",
})  # fmt: skip


# Classifiers that make a one-character numeral a count (两家在主板上市), unlike the slogan
# classifiers 个 大 项 类 年 次 (四个中心, 两个确保, 三大, 五年行动).
_CN_SINGLE_COUNT = frozenset(
    "家所座条户套辆台头只盏栋幢间件名位艘架棵株块处宗场部册篇份匹羽颗趟支起"
)
# A lone 一 is a word part (一批, 最后一公里) except before these (增长一倍, 百分之一 aside).
_ONE_OK = frozenset({"%", "％", "‰", "个百分点", "百分点", "倍", "成"})


def normalize_unit(unit: str) -> str:
    """``％`` -> ``%``, spaces removed; the scale stays (``万元`` stays ``万元``)."""
    return "".join(unit.split()).replace("％", "%")


@functools.lru_cache(maxsize=512)
def _unit_factor(unit: str) -> tuple[float, str]:
    """(factor to the base unit, base unit) of a unit as written: ``万元`` -> (1e4, ``元``)."""
    u = normalize_unit(unit)
    factor, base = _split_unit(u)
    canon = _BASE_CANON.get(base)
    return (factor * canon[1], canon[0]) if canon else (factor, base)


def _split_unit(unit: str) -> tuple[float, str]:
    """(scale factor, base as written) of a normalised unit: ``万千瓦`` -> (1e4, ``千瓦``)."""
    if unit in _KNOWN_BASES or not unit:
        return 1.0, unit
    for sc in _SCALE_ORDER:
        if unit.startswith(sc):
            return _SCALES[sc], unit[len(sc) :]
    return 1.0, unit


def to_base(value: float, unit: str) -> tuple[float, str]:
    """Magnitude in the base unit: (2000, ``万元``) -> (2e7, ``元``); (3, ``成``) -> (30, ``%``)."""
    factor, base = _unit_factor(unit)
    return value * factor, base


def same_amount(v1: float, u1: str, v2: float, u2: str) -> bool:
    """Same magnitude and base unit (relative tolerance 1e-9): 2000万元 == 0.2亿元."""
    m1, b1 = to_base(v1, u1)
    m2, b2 = to_base(v2, u2)
    return b1 == b2 and math.isclose(m1, m2, rel_tol=1e-9, abs_tol=1e-12)
