"""The words before a number, cleaned into its indicator, for the rules engine.

:func:`_clean_indicator` strips what is not the measured thing off the words before a number:
lead adverbs and time words (``力争``, ``全年``, ``5年``), a verb that separates the indicator
from its number or opens a task (:data:`_ACTION`, :data:`_TASK_LEAD`), the statistical caliber
(``按可比价格计算``), the level or time a change starts from or is compared with (``由上年…``,
``较去年``, ``比“十三五”时期``), footnote markers, a list's item marker and decorative quotation
marks. Every word list here is a closed class of the genre, or is written by two places or more
of the development corpus outside the seeds.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import wording
from ..layout import WRAP_JOIN

# Verbs that separate an indicator from its number. The `direction` field takes only the
# closed list (numbers.DIRECTIONS); these others only mark where the indicator stops. Not
# inside the nouns 达标率 (水质达标率) and 登记失业率 (城镇登记失业率).
_ACTION = re.compile(
    r"分别|负增长|增长|增加(?!值)|提高|下降|降低|减少|控制在|达到|稳定在|保持在|保持|突破|新增|新建|建成|改造|"
    r"完成|实现|达(?!标)|为|是|实施|培育|引进|招引|打造|安装|开工|推进|创建|争创|发布|组织|"
    r"巩固在|维持在|登记(?!失业)|"
    r"转化|投入|储备|种植|盘活|消化|安排|争取|开通|建立|设立|新改建|帮助|推动|冲刺|超过|"
    r"策划|入统|新引进|引导|扩大|缩小|启动|建好|不低于|不超过|低于|高于|开展|"
    # 解决 (解决4.56万农村人口饮水安全问题: a verb of the genre, 40 places), not 解决率
    r"解决(?!率)|"
    # a price's rise (居民消费价格上涨2%左右: 上海, 河北, 安徽), not its measure (上涨幅度)
    r"上涨(?!幅|率)"
)
# A verb of the genre's tasks opening the words is the task, not the indicator: 建设 (建设高标准
# 农田1万亩, 建设保障性住房1128套; not the names 建设用地, 建设项目, 建设进度, 建设资金), and the
# verbs of building, granting and counting that the tuning gold drops as it drops 建设 (发放补偿款,
# 落实奖励资金, 筹集保障性租赁住房, 新改扩建学校, 认定高新技术企业, 更新住宅电梯, 打掉犯罪团伙:
# each written by 7 to 17 places of the corpus; not the nouns 发放率, 改扩建工程; 组建名师工作室
# 14个, 组建紧密型县域医共体82个: 顺平, 河北, 陕西, 浙江, 四川, 山西)
_TASK_LEAD = re.compile(
    r"建设(?!用地|项目$|进度|资金|单位|投资)|发放(?!率)|落实(?!率)|筹集|筹措|"
    r"(?:新改扩建|改扩建|改建)(?!工程|项目)|认定|更新|打掉|组建|"
    # 提升 (提升高标准农田5万亩, 提升农村公厕: the tuning gold drops it 10 times of 12)
    r"提升(?!率|幅度|工程|项目)"
)
_LEAD_WORDS = re.compile(
    r"^(?:[一二三四五六七八九十]+是|\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[）)]|其中|力争|力促|确保|全年|今年|年内|同时|推动|加快|实现|努力|争取|全力|持续|进一步|"
    r"积极|大力|着力|全面|年底|要|将|使(?!用)|并|以及|还|共(?!建|享|同|治|富)|累计|确保全年|力争全年|各类|各种|预计|"
    # the time the words open with (到年底省级示范社达到10家, 去年常住人口…净流入4.5万人)
    r"到年底|去年|"
    # 目前 beside 今年 and 年内 (目前10人以上加工点发展到251个: 5 places), and the disposal marker
    # 把 beside 将 (把低保标准提高到3500元: closed classes of the language)
    r"目前|把(?!关|握)|"
    # a plan's targets as proposed (规划纲要…提出地区生产总值年均增长5%左右: 广西, 湖南, 河北)
    r"提出)+"
)
# Words that may end the words before a number without being the indicator: comparison
# phrases and the bound words (计划总投资不少于200亿元): closed classes.
# The statistical calibers a change is reckoned at (按可比价格计算, 按可比口径, 按不变价): closed
# words of statistical reporting, read in the words before a number and as a clause of its own
_CALIBER = r"可比价格?|可比口径|现价|不变价格?|同口径"
_TRAILING = re.compile(
    r"(?:同比|可比|同口径|年均|分别|[-－−]|(?<![人平])均|各|超|的|比上年|较上年|不少于|不低于|不超过|不高于|超过|至少|"
    r"(?:控制|提高|降低|下降|增加|减少|提升|发展|压减|压缩|扩大|[增降升减])[到至]了?|"
    # 项目有66个: 有 (there are), not 所有, 拥有, 现有, 具有, 从无到有
    r"(?<![所拥现具占到])有|"
    # adverbs of sum, approximation, first time and continuation (累计超过41万人, 投资近1万亿元,
    # 总投资逾200亿元, 首次超过, 粮食产量继续保持)
    r"累计|首次|(?<![最附邻接])近|(?<![签合节契大])约|逾|合计|共计|(?<!公)共|继续|"
    # an estimate of the year under review (城乡居民人均可支配收入预计分别完成…)
    r"预计|"
    # the 不 of 不高于/不低于 when 高于 was read as the verb (降尘量不高于9吨)
    r"不|"
    # how the change is reckoned, between the indicator and its verb (地区生产总值按可比价格计算
    # 增长6%, 一般公共财政预算收入按可比口径增长7.5%, 社会消费品零售总额名义增长7%, 地区生产总值
    # 按增长5%安排): closed words of statistical reporting
    rf"按(?:{_CALIBER}|可比)?(?:计算)?|名义|实际|"
    # a level crossed, with how (a stepping verb with 上, or 跨越/跨过/连跨/迈入: 地区生产总值迈上6万亿元
    # 台阶, 粮食产量跃上500亿斤台阶, 历史性迈上4000亿元台阶, 连续跨越7万亿、
    # 8万亿, 跨越5000亿元大关, 一般公共预算收入…稳步达到3000亿元: 12 places of the corpus; 连跨两个
    # 万亿元台阶: the count of levels crossed goes with the verb)
    r"历史性|连续|稳步|"
    # adverbs of aim, aspect and time between the indicator and its verb, a closed class
    # (老年人健康管理率力争达到70%, 全区旅游人数力争突破370万人次, 粮食总产量稳定保持在76亿斤,
    # 民生支出占比持续保持在70%, 国家级实验室再增加2家, 人均预期寿命再提高1.5岁, 规模以上工业企业
    # 已达54个, 社区办公用房要达到300平方米, 技术合同成交额2030年达到600亿元; 争取 and 努力 beside
    # 力争: 进出口总额争取实现正增长)
    r"力争|争取|努力|确保|(?<![纲需重主提摘概])要|(?<!而)已|再|稳定|持续|年内|年底|年末|当年|"
    r"(?:19|20)\d\d年(?:底|末)?|"
    # the years a change took, between the indicator and its verb (高新技术企业5年增加2万多家,
    # 内河港口吞吐量5年增长1.6倍, 粮食总产量连续18年保持在…: as _TIME_IN_INDICATOR before it)
    r"(?<![\d０-９一二三四五六七八九十个])(?:近|过去)?(?:[1-9]\d?|[一二三四五六七八九十]{1,2})年(?:来|间|内|里)?|"
    r"(?:[迈跨跃]上|跨越|跨过|连跨|迈入)(?:[\d一二两三四五六七八九十]+个)?)+$"
)
# How a change is reckoned, as a clause or a parenthesis of its own (…完成192.3亿元，按可比价计算，
# 同比增长6.0%; 同比增长8.9%（按可比价计算）): no indicator, and no subject of its own
RECKONING = re.compile(rf"(?:按(?:{_CALIBER})(?:计算)?|(?:扣除|剔除)价格因素(?:后)?)")
_RECKONING_ASIDE = re.compile(rf"[（(]{RECKONING.pattern}[）)]")
# A number with its unit inside the words before another number (为2414人稳定脱贫1446户).
_INNER_QUANTITY = re.compile(
    r"[\d０-９][\d０-９.]*(?:余|多)?[万亿千百]?(?:人次|人|户|个|元|家|项|亩|吨|名|所)"
)

_FOOTNOTE = re.compile(r"[\u2460-\u2473\u2776-\u277f]|[（(]\d{1,2}[）)]|\[\d{1,3}\]|〔\d{1,3}〕")

# Time words inside the words before a number (2020年普及率, 每年至少出资) are not the indicator.
_TIME_IN_INDICATOR = re.compile(
    r"^(?:[到至比较])?(?:20\d\d|19\d\d)年(?:底|末|同期)?(?:的)?|每年|至少"
    # a stretch of years the change took (…达到67.5%、5年提高4.5个百分点; 5年累计投入…)
    r"|^(?:近|过去)?(?:[1-9]|[一二三四五六七八九十])年(?:来|间|内|里)?(?![期级制度])"
)
# The level started from (地区生产总值由2010年的162.4亿元增加到…): not part of the indicator.
# the level or year a change starts from (从2020年…, 从5.6万元增至…): not the indicator
# 由2010年的162亿元…, 由每生每年5元… (a unit of account may stand between): the level started from
# (and 常住人口由上年729万人增加到…: the year before named relatively, a closed class)
_FROM_LEVEL = re.compile(
    r"(?:由|从)(?:上年|去年|年初|上半年)?(?:每[^，,、每]{1,3}){0,2}(?:(?:19|20)\d\d年|[\d０-９]).*$"
)
# the year or period compared with (总量比2020年增加超7400亿元, 比“十二五”末增长5.3个百分点):
# the baseline of a change, not the indicator
_COMPARED_WITH = re.compile(
    r"(?:比|较) ?(?:(?:19|20)\d\d ?年|上个?五年|“?十[一二三四五六七八九]五”?(?:期末|末|同期|时期|期间)).*$"
    # 优良天数较去年增加16天, 居民储蓄存款余额比年初增长17.5%: the time before, relative (a
    # closed class of the genre's time words)
    r"|(?:比|较) ?(?:上年|去年|前年|年初|上年末|去年底|上年同期|去年同期|同期)(?!的).*$"
    # 在上年基础上增长5%: the level the change builds on
    r"|在(?:上年|去年|(?:19|20)\d\d ?年)(?:的)?基础上.*$"
)
# 一般公共预算收入在去年市核任务（5.55亿元）的基础上增长8.1%: any level the change builds on, a
# number in it included (which would otherwise be read as a quantity inside the words)
_BUILT_ON = re.compile(r"在[^，,。；;在]{1,24}?基础上")


# the marker of a listed item opening the words (（一）地区生产总值增长…; 1. is in _LEAD_WORDS)
# (and the marks a list's items open with: ——地区生产总值…, ●, ①, a closed class of typography)
_ITEM_MARK = re.compile(
    rf"^(?:[（(](?:\d{{1,2}}|[一二三四五六七八九十]{{1,2}})[）)]|{wording.LIST_MARK})\s*"
)


# The same words are cleaned again and again within a report (a clause's head is read for its
# targets, its joint subject and its enumeration): a small cache, which the next report evicts.
@lru_cache(maxsize=1024)
def _clean_indicator(raw: str, *, strip_verbs: bool = True) -> str:
    s = _FOOTNOTE.sub("", raw.replace(WRAP_JOIN, "")).strip(' \t\u3000“”"')
    if "按" in s or "价格" in s:
        s = _RECKONING_ASIDE.sub("", s).strip(" \u3000")
    s = _ITEM_MARK.sub("", s).lstrip("（(")  # （一）地区生产总值…, （其中春季发展5万亩
    for _ in range(3):
        before = s
        s = _TIME_IN_INDICATOR.sub("", _LEAD_WORDS.sub("", s))
        if s.startswith("重点") and _ACTION.match(s, 2):
            s = s[2:]  # 重点实施…: an adverb; 重点项目: a noun, kept
        lead = (_ACTION.match(s) or _TASK_LEAD.match(s)) if strip_verbs else None
        if lead and len(s) - lead.end() >= 2:
            s = s[lead.end() :]
        s = _TRAILING.sub("", _COMPARED_WITH.sub("", _FROM_LEVEL.sub("", _BUILT_ON.sub("", s))))
        if s == before:
            break  # a fixed point: another round changes nothing
    # another quantity inside the words (2414人稳定脱贫): the indicator is what follows it,
    # unless it is a bound naming the class counted (10万元以上的村, 生产总值超200亿元的县:
    # part of the indicator)
    inner = list(_INNER_QUANTITY.finditer(s))
    if (
        inner
        and len(s) - inner[-1].end() >= 2
        and not s.startswith(("以上", "以下"), inner[-1].end())
        and not (
            s[: inner[-1].start()].endswith(("超", "超过")) and s.startswith("的", inner[-1].end())
        )
    ):
        s = s[inner[-1].end() :].lstrip("的")
    # decorative quotation marks are dropped (none of the 7,290 indicators of the hand gold holds
    # one), and so is a half pair a cut left
    s = wording.without_quotes(s)
    # no noun opens with the particles 的 and 了 (启动了投资2.8亿元, 安排的重点调度项目有66个)
    return s.strip(" \t\u3000、").lstrip("的了")
