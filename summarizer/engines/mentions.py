"""What a number inside a clause is, read from the words around it, for the rules engine.

The indicator words before a number (cleaned by :mod:`.indicator_words`), the noun a count
stands in front of or the object after it (:func:`_prenominal`, :func:`_object_after`), and the predicates that tell a target
from a number that is something else: part of a name (:func:`_inside_name`, :func:`_in_quotes`),
a threshold (``2000万元以上项目``), a count of the plan's own parts (``23项主要目标``), a
baseline (``从771家增加到1076家``) or a duration (unless it counts days, ``优良天数``); and
the lists a number belongs to (the members before ``各``, values paired in order with as many
members, :func:`_each_of`, :func:`_respective`; values that go on with the 分别 enumeration
before them, :func:`continues_enumeration`); and the indicator of a number whose words name
only its measure or benchmark (``增速11.5%``, ``低于全国0.3个百分点``, ``种植面积``:
:func:`subject_of`).
"""

from __future__ import annotations

import re
from itertools import pairwise

from .. import numbers, wording
from ..models import Scope
from ..wording import Clause as _Clause
from .indicator_words import (
    _ACTION,
    _FOOTNOTE,
    _clean_indicator,
)
from .project_details import STATUS_RE

# ---------------------------------------------------------------- what a number is
# Measure words of things counted one by one (3家以上民营企业, 43个市大中型项目).
_COUNT_UNITS = frozenset({"个", "家", "项", "所", "座", "条", "批", "处", "类", "件"})
# Patterns of the predicates below, compiled once (they run for every number of every report).
_DIGIT = re.compile(r"[\d０-９]")
_TO = re.compile(r"[到至]")
_NOT_NOUN = re.compile(r"[\d０-９.—\-～~至年月日“”\"]")
# verbs of aiming at or relying on what exists (聚焦, 面向, 瞄准, 依托…; 河北, 满城, 顺平): the
# things counted after them are the scope of the work, not things to deliver
_SCOPE_VERB = re.compile(r"聚焦|围绕|面向|针对|瞄准|依托")
# …unless a verb of doing follows them (针对汽车零部件制造企业开展一次招商推介活动)
_DOING = re.compile(r"开展|举办|实施|建设|新建|打造|培育|创建|组织")
_AMONG = re.compile(r"[^，,。；;]{1,12}?中(?![心央])")
# a noun opened by Latin letters (12座A级以上旅游厕所, 64家VOCs排放企业, 三个4A级景区; 阜平, 徐水)
_GRADE_LETTERS = re.compile(r"\d?[A-Za-z]{1,5}[\u4e00-\u9fff]")
_CONTROL_LINES = re.compile(r"[^，,。；;]{0,2}控制线")
_ESSAYS = re.compile(r"[^，,。；;]{0,4}文章")
_PEOPLE_OF_PLACE = re.compile(r"[\u4e00-\u9fff]{0,4}?人民(?!币)")  # not 5000万人民币
_GOAL_BEFORE = re.compile(r"(?:指标|目标)(?:设定为|为)?$")
_PROJECT_WORD = re.compile(r"项目|工程")
_GOAL_NOUN = re.compile(r"(?:下降|降低|减少|增长)?(?:任务|目标|要求)+$")
# the work on the things counted, written after them (3个警务站建设): not part of their noun
_WORK_ON = re.compile(r"建设$")


# A duration unit counted by an indicator that names the measure (优良天数, 受教育年限).
_COUNTED_DURATION = {"天": "天数", "年": "年限"}


def _day_count(text: str, m: numbers.Mention, clause: _Clause, previous: list[str]) -> bool:
    """``空气质量二级以上天数达到217天``, ``…，比2016年增加39天``: days counted by an indicator
    named 天数 (its own or the one the clause continues) are a quantity, not a duration."""
    noun = _COUNTED_DURATION.get(m.unit)
    if noun is None:
        return False
    return noun in text[clause.start : m.start] or bool(previous and noun in previous[-1])


def _in_quotes(text: str, m: numbers.Mention, clause_start: int) -> bool:
    """``“八大标志性战役30个专项行动”``: a number inside a quoted name is part of the name."""
    opening = text.rfind("“", clause_start, m.start)
    if opening < 0 or text.rfind("”", opening, m.start) >= 0:
        return False
    closing = text.find("”", m.end)
    return closing >= 0 and closing - m.end <= 20


_OVER = re.compile(r"(?:超|超过|(?<!通)过)$")  # (通过 is a verb of its own)


def _threshold(text: str, m: numbers.Mention, clause_end: int) -> bool:
    """``2000万元以上项目资金``: a number that qualifies a noun is a threshold, not a target;
    so is a grade (``30万吨级航道``, ``千亿级产业``: the quantity with 级 names a class)."""
    if text.startswith("级", m.end) and m.unit not in _COUNT_UNITS:
        return True
    if m.unit in ("岁", "周岁"):
        # 0—6岁儿童, 满3岁即入园: an age naming the people it applies to (宁夏, 浙江, 四川), not
        # an age to reach (人均预期寿命达到80岁以上)
        after = wording.bound_end(text, m.end)
        return after < len(text) and "\u4e00" <= text[after] <= "\u9fff"
    if (
        text.startswith("的", m.end)
        and text[max(0, m.start - 2) : m.start].endswith(("超", "超过"))
        and total_attribute(text, m) is None  # 总建筑面积超百万平米的14个…项目: their total
    ):
        return True  # 经济总量超500亿元的县域: a class of places, not an amount reached
    if (
        m.unit.endswith("元")
        and _OVER.search(text, max(0, m.start - 2), m.start)
        and m.end < clause_end
        and "\u4e00" <= text[m.end] <= "\u9fff"
        and not text.startswith(
            ("规模", "以上", "以下", "左右", "的", "、", "和", "及", "与"), m.end
        )
        and not _ACTION.match(text, m.end)
    ):
        return True  # 超百亿元特色产业集群, 纳税超1000万元企业 (6 places), 投资过5亿元项目,
        # 过三千亿元城市 (徐水, 湖北): a class of things
    word, _, q_end = wording.qualifier_after(text, m.end)
    if word not in ("以上", "以下") or q_end >= clause_end or m.unit in _COUNT_UNITS:
        return False  # 3家以上民营企业: a count with its bound, not a class of things
    if m.unit in ("%", "％"):
        return False  # 30%以上规上工业企业设立研发机构: a share of the things, not a class
    nxt = text[q_end]
    if nxt == "的" and q_end + 1 < clause_end:
        nxt = text[q_end + 1]  # 村集体收入10万元以上的村: the class, after 的
    return "\u4e00" <= nxt <= "\u9fff" and nxt not in "的、和及与"


_ADVERBS = frozenset(
    {"重点", "加速", "加快", "全力", "全市", "全县", "全区", "全省", "力争", "确保", "年内"}
)


def _nounish(indicator: str) -> bool:
    """Whether ``indicator`` can name what a number counts: two Chinese characters or more that
    are not a year, a date or a lone adverb."""
    core = _NOT_NOUN.sub("", indicator)
    return len(core) >= 2 and core not in _ADVERBS


# Adverbs that end a noun phrase read after a number (4家企业全部退出): a closed class.
_ADVERB_STOP = re.compile(
    r"全部|全面|基本|逐步|顺利|年均|同比|今年|年内|年底|年末|[上下]半年|[一二三四]季度|早日|尽早|尽快|"
    r"完工|竣工|投产|通车|投入使用|进行|"
    # adverbs of speed before the verb of the works (77个新开工项目加快建设, 4条高铁加快建设,
    # 42个…试点加快推进, 12条举措加快落地: 安新, 满城, 河北, 山东, 陕西, 贵州…), not the nouns
    # 加速器, 加速园 (6个未来产业加速园)
    r"(?:加快|加速)(?=推进|建设|实施|落地)|"
    # one-character adverbs (已, 将, 均, 都: 均达到, 将建成), but not inside the nouns 人均, 平均,
    # 均衡, 首都, 成都; 要 (主要) only before a verb of the genre; the modal 能 only there and
    # after no word or an adverb of its closed class (未能实施, 才能实现): after any other
    # character it ends a noun (节能改造, 扩能改造, 储能, 职能: 11 such words in the corpus)
    r"已|将|(?<![人平])均(?![衡等匀])|(?<![首成])都(?![市会城])|"
    rf"(?:要|(?:(?<![\u4e00-\u9fff])|(?<=[不未可就才方也]))能)(?=全部|全面|基本|{_ACTION.pattern})"
)


def _first_quantity(
    text: str, start: int, end: int, *, with_unit: bool = False
) -> numbers.Mention | None:
    """The first quantity (not a year, date or marker) in ``text[start:end]``; with
    ``with_unit``, the first that has a unit (a bracketed 〔26〕 has none)."""
    return next(
        (
            q
            for q in numbers.find_mentions(text, start, end)
            if q.kind == "quantity" and (q.unit or not with_unit)
        ),
        None,
    )


# 及 or 与 before the next member's count: the noun phrase ends there
_AND_NEXT = re.compile(r"[及与](?=[\d０-９一二两三四五六七八九十])")


def _object_after(text: str, m: numbers.Mention, clause_end: int, pos: int | None = None) -> str:
    """``建成3个口袋公园``: the noun phrase after the number (to the next 、 or 等)."""
    if pos is None:
        pos = wording.bound_end(text, m.end)
    if _ADVERB_STOP.match(text, pos):
        return ""  # 677人上半年全部脱贫: a time or an adverb right after, no noun
    stop = clause_end
    adverb = _ADVERB_STOP.search(text, pos + 2, clause_end)
    if adverb is not None:
        stop = adverb.start()
    for sep in ("、", "等", "以及"):
        k = text.find(sep, pos, clause_end)
        if k >= 0:
            stop = min(stop, k)
    k = wording.find_and(text, pos + (text[pos : pos + 1] == "和"), clause_end)
    if k >= 0:
        stop = min(stop, k)
    joint = _AND_NEXT.search(text, pos + 2, stop)  # 3000多个和美乡村及820个特色田园乡村
    if joint is not None:
        stop = joint.start()
    verb = _ACTION.search(text, pos + 2, stop)
    if verb is not None:
        stop = verb.start()
    inner = _first_quantity(text, pos + 1, stop, with_unit=True)
    if inner is not None and _nounish(_clean_indicator(text[pos : inner.start])):
        # 63人获得保险赔付资金8.1万元, 4个小区9.2万平方米老旧小区改造: the phrase ends before
        # the next quantity, whatever its unit
        stop = inner.start
    found = _clean_indicator(text[pos:stop]).lstrip("的")
    if stop == k and _LEVEL_ONLY.fullmatch(found):
        # 创建1个省级和1个市级现代农业园区, 抓好4个国家级和10个省级农村宅基地改革试点: the
        # levels share the noun after the last one (as with 、: 6个国家级、20个省级临床重点专科)
        nxt = _NEXT_LEVEL.match(text, k, clause_end)
        if nxt is not None:
            level = nxt.group("level")
            noun = _object_after(text, m, clause_end, nxt.start("level"))
            if noun.startswith(level) and len(noun) - len(level) >= 2:
                return found + noun[len(level) :]
    # 突破百亿大关, 迈上3万亿元台阶: the level crossed, no noun of its own (4个万亿元台阶 counts
    # them: that noun is the count's)
    if _MILESTONE.fullmatch(found) and m.unit not in _COUNT_UNITS:
        return ""
    return found


# The administrative or other levels of a thing, a closed class (省级, 国家级, 自治区级, 世界级),
# and the next count of a level after 和 (…和10个省级…)
_LEVEL = r"(?:国家|省|市|县|区|自治区|世界|区域)级(?:及以上)?"
_LEVEL_ONLY = re.compile(_LEVEL)
_NEXT_LEVEL = re.compile(
    rf"和[\d一二两三四五六七八九十]+(?:[—\-~～][\d一二两三四五六七八九十]+)?[个家所项座处](?P<level>{_LEVEL})"
)


# A level crossed as a mark (大关, 台阶, 关口), with the count and magnitude of the marks when
# they are counted (两个台阶, 4个万亿元台阶, 3个千亿级台阶)
_MARK = r"新?(?:大关|台阶|关口)"
_MAGNITUDE = r"[万亿千百]+元?级?"
_MILESTONE = re.compile(rf"(?:[\d一二两三四五六七八九十]+个)?(?:{_MAGNITUDE})?{_MARK}")
_MARK_AFTER_MAGNITUDE = re.compile(rf"级?{_MARK}")  # 万亿元|台阶
_MAGNITUDE_MARK = re.compile(rf"{_MAGNITUDE}{_MARK}")  # 4个|万亿元台阶


def counted_milestone(text: str, m: numbers.Mention) -> bool:
    """``连续迈上4个万亿元台阶``: the magnitude of milestones counted, no value of anything."""
    return (
        m.start > 0 and text[m.start - 1] == "个" and bool(_MARK_AFTER_MAGNITUDE.match(text, m.end))
    )


def milestone_count(text: str, m: numbers.Mention) -> bool:
    """``4个万亿元台阶``: the count of milestones crossed, no thing built or reached."""
    return m.unit == "个" and bool(_MAGNITUDE_MARK.match(text, m.end))


# Units after which a noun can follow the number as its head (93个重点项目, 150公里农村公路):
# measure words and physical units, not rates or money (6%的增速, 50亿元的项目).
_NOT_PRENOMINAL = ("%", "％", "‰", "个百分点", "百分点", "倍")


# A count of the plan's own parts (23项主要目标, 6项指标, 30项防控措施) or the ordinal of a
# meeting (九届十一次全会): nouns of the genre's closed class, not things to build or reach.
_META_NOUN = re.compile(
    r"(?:[^，,。；;、]{0,6}?(?:指标|措施|举措|目标|任务|要求|原则|底线|红线))"
    # …or a predicate about them (22项退出指标全部完成, 5项指标居全国第一: 易县, 宁夏)
    r"(?=[，,。；;、]|$|全部|均|都|居)"
)
# A task named by the work it is (改造任务, 建设任务, 征迁任务): a count of things to do, not of
# the plan's own parts; the build and do verbs of the genre, a closed class.
_ASPECTS = re.compile(r"的?方面")
_WORK_TASK = re.compile(r"(?:建设|改造|提升|治理|整治|征迁|征收|拆迁|搬迁|安置|招商)任务$")
_MEETING = re.compile(r"(?:[、和及][^，,。；;]{0,6})?(?:全会|全体会议|会议|党代会|代表大会)")


# A count whose noun ends its clause on a colon announces the list that follows (重点办好十件民生
# 实事：一是…): the report's own parts, not a count to reach.
_ANNOUNCES_LIST = re.compile(r"[^，,。；;、：:]{1,12}[：:]")


# Fields of work counted (…等6项重点领域清理规范; 唐县, 曲阳, 满城, 阜平): the plan's scope.
_FIELDS = re.compile(r"[^，,。；;、]{0,4}领域")


# Oversight written after the things counted (…企业的日常监管, …乡镇规划编制管理; 顺平, 定兴):
# the count is the scope of the work, a closed pair of the genre's words
_OVERSIGHT = ("管理", "监管")


_CAMPAIGNS = re.compile(r"(?:大事|硬仗)")


def _meta_count(text: str, m: numbers.Mention, clause_end: int) -> bool:
    if m.unit == "次" and _MEETING.match(text, m.end, clause_end):
        return True
    if m.unit == "条" and _CONTROL_LINES.match(text, m.end, clause_end):
        return True  # 三条控制线 (定兴, 顺平, 河北): the planning system's fixed three lines
    if m.unit == "篇" and _ESSAYS.match(text, m.end, clause_end):
        return True  # 做好“山、水、绿、石、文”五篇文章, 三篇大文章 (19 places): a slogan
    if _PEOPLE_OF_PLACE.match(text, m.end, clause_end):
        return True  # 40万满城人民, 23万老区人民 (4 places): the people addressed, no target
    if m.unit in ("件", "场") and _CAMPAIGNS.match(text, m.end, clause_end):
        return True  # 办好三件大事 (8 places), 打好六场硬仗 (7 places): the plan's own slogans
    if _ANNOUNCES_LIST.match(text, m.end, clause_end + 1):
        return True
    if _FIELDS.match(text, m.end, clause_end):
        return True  # 6项重点领域清理规范: the fields a campaign covers, listed before it
    if m.unit in ("个", "家") and _object_after(text, m, clause_end).endswith(_OVERSIGHT):
        return True  # 加强57家涉危废企业的日常监管: the things overseen, not things to deliver
    if m.unit not in ("项", "个", "条"):
        return False
    if m.unit == "个" and _ASPECTS.match(text, m.end, clause_end):
        return True  # 做好9个方面工作: the report's own parts
    before = text[max(0, m.start - 6) : m.start]
    after_noun = _META_NOUN.match(text, m.end, clause_end)
    if after_noun is not None and _WORK_TASK.search(after_noun.group()):
        return False  # 20个老旧小区改造任务, 25个招商任务: things to do, counted
    return after_noun is not None or bool(_GOAL_BEFORE.search(before))


def _baseline(text: str, m: numbers.Mention, clause: _Clause) -> bool:
    """``从771家增加到1076家``: the number after 从 (or 由) is the level started from, not a target;
    nor is a number inside ``在…基础上`` (``在现有3条公交线路基础上``), the group a place is
    ranked in, or what a verb of aiming at or relying on counts (``聚焦12个省级主导产业``)."""
    on = text.rfind("在", clause.start, m.start)
    if on >= 0 and text.find("基础上", m.end, clause.end) >= 0:
        return True
    if on >= 0 and m.start - on <= 3 and _AMONG.match(text, m.end, clause.end):
        return True  # 在全省32个同类县中 (易县, 涞水): the group a place is ranked in
    scope = list(_SCOPE_VERB.finditer(text, clause.start, m.start))
    if (
        scope
        and not _ACTION.search(text, scope[-1].end(), m.start)
        and not _DOING.search(text, scope[-1].end(), m.start)
    ):
        return True  # 聚焦12个省级主导产业和107个…, 瞄准110余家…企业: what the work aims at
    # 由每生每年5元提高至10元 (内蒙古 2026; the review's way in 8 places): 由 as 从
    frm = max(text.rfind("从", clause.start, m.start), text.rfind("由", clause.start, m.start))
    if frm < 0 or _ACTION.search(text, frm, m.start):
        return False
    return bool(_TO.search(text, m.end, clause.end))


def _prenominal(text: str, m: numbers.Mention, clause_end: int) -> str | None:
    """The noun a quantity stands in front of (``93个重点项目`` → ``重点项目``), else None."""
    if m.unit in _NOT_PRENOMINAL or m.unit.endswith("元") or m.unit in ("万", "亿", "万亿"):
        return None  # a bare magnitude (千亿大关) has no measure word to count a noun with
    pos = wording.bound_end(text, m.end)
    inner = _attribute_after(text, pos, clause_end)
    if inner is not None:
        pos = inner  # 178座10蒸吨及以下的各类燃煤小锅炉: the size describes the noun counted
    if pos < clause_end and text[pos] == "的" and m.unit not in ("万", "亿", "万亿"):
        pos += 1  # 1.8万户的征拆和安置任务: the measured noun follows 的
    while pos < clause_end and text[pos] in '“"':
        pos += 1  # 1个以上“美丽街区”: a quoted noun
    if pos >= clause_end or text[pos] in "的、等":
        return None
    if not ("\u4e00" <= text[pos] <= "\u9fff") and not _GRADE_LETTERS.match(text, pos):
        return None
    if _ACTION.match(text, pos) or _ADVERB_STOP.match(text, pos):
        # 产能1400万吨/年建成试运转, 677人上半年全部脱贫: a verb or an adverb (a time) follows,
        # the number ends its phrase
        return None
    if text[pos] in "和及与" and _DIGIT.search(text, pos, clause_end):
        return None  # 3所和幼儿园5所: the next member; 150个和美乡村: a noun
    modifiers = _MODIFIER_LIST.match(text, pos, clause_end)
    if modifiers is not None:
        pos = modifiers.end()  # 3轮全方位、全覆盖的扶贫督导: the noun after the modifiers
    after = _GOAL_NOUN.sub("", _object_after(text, m, clause_end, pos))
    after = after.rpartition("的")[2] if _nounish(after.rpartition("的")[2]) else after
    built = _WORK_ON.sub("", after)  # 完成主城区3个警务站建设: the stations are counted
    after = built if _nounish(built) else after
    if after.endswith("级"):
        # 6个国家级、20个省级临床重点专科: a grade is no noun; the list shares its last noun
        after += _shared_noun(text, m, clause_end) or ""
    return after if _nounish(after) else None  # 3-5个有一定规模的服务组织: the head noun


def _paired_noun(text: str, m: numbers.Mention, clause_end: int) -> str | None:
    """``剩余444户832人贫困人口``, ``403户、964人贫困人口``: a count of households right before
    the count of their people shares the noun written after the second (12 corpus places)."""
    if m.unit not in ("户", "万户"):
        return None
    nxt = _first_quantity(text, m.end, clause_end)
    if nxt is None or text[m.end : nxt.start] not in ("", "、"):
        return None
    if numbers.to_base(1, nxt.unit)[1] not in ("人", "名"):
        return None
    return _prenominal(text, nxt, clause_end)


def _shared_noun(text: str, m: numbers.Mention, clause_end: int) -> str | None:
    """The noun of the next count of the same list (``、20个省级临床重点专科`` → ``临床重点专科``),
    past its grade word, when the count after ``m`` is joined to it by 、."""
    nxt = _first_quantity(text, m.end, clause_end)
    if nxt is None or "、" not in text[m.end : nxt.start]:
        return None
    noun = _prenominal(text, nxt, clause_end)
    if noun is None:
        return None
    grade = noun.find("级")
    return noun[grade + 1 :] if 0 <= grade <= 4 and _nounish(noun[grade + 1 :]) else None


_SIZE_BOUND = re.compile(
    r"[\d.]+[\u4e00-\u9fffA-Za-z]{1,4}?(?:及以上|及以下|以上|以下)的?(?=[\u4e00-\u9fff“])"
)


_MODIFIER_LIST = re.compile(r"[^\d０-９，,。；;、的]{1,6}(?:、[^\d０-９，,。；;、的]{1,6})+的")


def _attribute_after(text: str, pos: int, clause_end: int) -> int | None:
    """Where the noun starts when a count is followed by a size bound that describes it
    (``178座10蒸吨及以下的锅炉``, ``11座10蒸吨以上锅炉``), else None. A bare size without a
    bound (``3座35万千瓦光热电站``) is part of a name and stays."""
    bound = _SIZE_BOUND.match(text, pos, clause_end)
    return bound.end() if bound else None


_REGION_WORDS = re.compile(r"^(?:全[市县区省旗州镇乡]|今年|全年|年内|力争|确保|其中)+")


def _attribute_of(text: str, m: numbers.Mention, clause_end: int) -> bool:
    """``总长度57.9公里的城市道路``: a quantity joined to the noun after it by 的 is the
    noun's measure, not part of a name."""
    return text.startswith("的", wording.bound_end(text, m.end))


def _names_something(owner: str) -> bool:
    """Whether the words right before a quantity are a name it belongs to (大唐 in
    大唐700万吨露天矿), not empty, a region word or a relative clause ending in 的."""
    core = _REGION_WORDS.sub("", _FOOTNOTE.sub("", owner).strip(" \u3000“”"))
    # 办好45件民生实事, 建好3个…: a verb with the resultative 好 (a closed class of one) names nothing
    return len(core) >= 2 and not core.endswith(("的", "好"))


# A total measure named before its amount (总长9.87公里的…, 总建筑面积超百万平米的…): 总 and the
# measure's noun, with a bound word of amount
_TOTAL_ATTRIBUTE = re.compile(r"(总[\u4e00-\u9fff]{1,4}?)(?:超过|超|达到|达|约|近)?$")


def total_attribute(text: str, m: numbers.Mention) -> str | None:
    """``总长9.87公里`` → ``总长``: the total measure written right before a quantity, if any."""
    if m.unit.endswith("元"):
        return None
    t = _TOTAL_ATTRIBUTE.search(text, max(0, m.start - 8), m.start)
    return t.group(1) if t else None


def group_total(text: str, m: numbers.Mention, clause_end: int) -> str | None:
    """The things an amount is the total of (``总投资53亿元的A、B等10个项目竣工`` → ``项目``,
    ``总长9.87公里的A、B等8条道路`` → ``道路``,
    ``…的省、市重点项目16个`` → ``省、市重点项目``), else None: an amount joined by 的 to a noun
    phrase that counts what it holds."""
    if not text.startswith("的", m.end) or not (
        m.unit.endswith("元") or total_attribute(text, m) is not None
    ):
        return None
    g = wording.GROUP_COUNT.match(text, m.end, clause_end)
    if g is None:
        return None
    after = text[g.end() : clause_end]
    verb = _ACTION.search(after) or STATUS_RE.search(after)  # …等10个项目竣工
    noun = _clean_indicator(after[: verb.start()] if verb else after, strip_verbs=False)
    if not _nounish(noun):  # …的省、市重点项目16个: the noun before the count
        noun = _clean_indicator(text[m.end + 1 : g.start("count")], strip_verbs=False)
    noun = noun.rpartition("等")[2]
    built = _WORK_ON.sub("", noun)  # …的14个回迁安置区项目建设: the projects' total
    noun = built if _nounish(built) else noun
    return noun if _nounish(noun) else None


def _sized(text: str, pos: int, end: int) -> bool:
    """A quantity with its unit opens ``text[pos:end]`` (9万平米建筑节能改造项目, 600套棚户区…)."""
    first = next(iter(numbers.find_mentions(text, pos, min(end, pos + 12))), None)
    return (
        first is not None and first.start == pos and first.kind == "quantity" and bool(first.unit)
    )


def _inside_name(text: str, m: numbers.Mention, clause_end: int) -> bool:
    """A number that is part of a project name or capacity (年产8万吨…项目, 130万吨高品质硅钢项目)."""
    before = text[max(0, m.start - 2) : m.start]
    if before.endswith(("年产", "产能")):
        # 年产8万吨…项目: the capacity in a name; 产能1400万吨/年建成: a capacity to reach,
        # the clause's verb or its end right after the number (and its bound word)
        after = wording.bound_end(text, m.end)
        return not (after >= clause_end or _ACTION.match(text, after))
    tail_end = clause_end
    for sep in ("、",):
        k = text.find(sep, m.end, clause_end)
        if k >= 0:
            tail_end = k
    tail = text[m.end : tail_end]
    if text.startswith("的", m.end) and m.unit.endswith("元"):
        # 投资50亿元的新钢电弧炉升级改造: the amount of a named undertaking; but 总投资226.7亿元的
        # 47个重点项目 is a group's total, a target like the count after it, and 投资1100万元的
        # 9万平米建筑节能改造项目 the amount of works told by their size: which of those are
        # named (投资60.7亿元的100万千瓦神南镇抽水蓄能电站项目) the project reader says, and a
        # named project's amount is its own, not a target (the engine's amount spans)
        return not _sized(text, m.end + 1, clause_end) and group_total(text, m, clause_end) is None
    if text.startswith("的", m.end) and group_total(text, m, clause_end) is not None:
        return False  # 总建筑面积超百万平米的14个回迁安置区项目: the group's total too
    if m.unit in _COUNT_UNITS:
        return False  # 43个市大中型项目: a count of projects, not part of a name
    name_end = _PROJECT_WORD.search(tail)
    return (
        bool(name_end)
        and name_end is not None
        and not _ACTION.search(tail, 0, name_end.start())
        and name_end.start() > 1
    )


# ---------------------------------------------------------------- lists a number belongs to


def _each_of(text: str, start: int, m: numbers.Mention) -> list[str] | None:
    """``新增公厕和口袋公园各5个``, ``新建、提升创业孵化基地各1家``: the members of the list
    written between ``start`` and ``各`` right before the number, each counted; else None."""
    if m.start - 1 <= start or text[m.start - 1] != "各":
        return None
    raw = text[start : m.start - 1].lstrip("、，, \u3000")
    lead = _ACTION.match(raw)
    if lead and not raw.startswith("、", lead.end()):
        raw = raw[lead.end() :]  # the verb of the list, not a member (新建、提升: members)
    subject = _clean_indicator(raw, strip_verbs=False)
    parts = [p for p in wording.ENUM_SPLIT.split(subject) if p]
    if len(parts) < 2:
        return None
    members = wording.expand_joint_subject(subject, len(parts), text) or parts
    if members != parts and len(parts[-1]) - len(parts[0]) < 3:
        members = parts  # 公厕和口袋公园: two nouns, not 城镇、农村居民… sharing a long tail
    members = [x.replace("“", "").replace("”", "") for x in members]  # decorative quotes
    return members if all(_nounish(x) for x in members) else None


def _respective(
    text: str, clause: _Clause, kept: list[numbers.Mention], scope: Scope
) -> tuple[int, list[str]] | None:
    """``粮食播种面积、产量稳定在35万亩、15万吨``, ``新发展家庭农场、农民合作社…6000家、3000家``:
    values joined only by 、 and a list of as many members before them (the object after the
    clause's last verb, else its subject) pair in order, as with 分别. Returns where the
    verb starts and the members, else None."""
    if len(kept) < 2 or any(text[a.end : b.start] != "、" for a, b in pairwise(kept)):
        return None
    verbs = list(_ACTION.finditer(text, clause.start, kept[0].start))
    if not verbs:
        return None
    strip = scope == "section"
    readings = [(v.start(), text[v.end() : kept[0].start]) for v in reversed(verbs)]
    readings.append((verbs[-1].start(), text[clause.start : verbs[-1].start()]))
    for at, raw in readings:
        subject = _clean_indicator(raw, strip_verbs=strip)
        if len(wording.ENUM_SPLIT.split(subject)) != len(kept):
            continue
        members = wording.expand_joint_subject(subject, len(kept), text)
        if members and len(members) == len(kept) and all(len(x) >= 2 for x in members):
            return at, members
    return None


# ---------------------------------------------------------------- indicators read from context


def continues_enumeration(
    text: str, clause: _Clause, kept: list[numbers.Mention], previous: list[str]
) -> bool:
    """Whether ``kept``, values of one unit joined by 、 or 和 after a verb and no subject, go
    on with a 分别 enumeration of as many values in the clause right before (``…分别为2.9万元、
    2万元，增长8.5%、9.5%``); not counts of one thing in two units (``1914户、4377人``)."""
    n = len(kept)
    if len(previous) < n or len({m.unit for m in kept}) > 1:
        return False
    if any(text[a.end : b.start] not in ("、", "和") for a, b in pairwise(kept)):
        return False
    verb = _ACTION.search(text, clause.start, kept[0].start)
    if verb is None or _nounish(_clean_indicator(text[clause.start : verb.start()])):
        return False
    before = text[max(0, clause.start - 60) : clause.start].rstrip("，, ")  # the clause before
    stop = max(before.rfind(c) for c in "，,；;。：:\n")
    lead = before[stop + 1 :]
    values = [m for m in numbers.find_mentions(lead) if m.kind == "quantity" and m.unit]
    return "分别" in lead and len(values) == n


# A rate of change named by its measure word alone (社会消费品零售总额完成136.5亿元，增速11.5%;
# 地区生产总值实现增速6.3%), and the level of a wider area a value is compared with (民间投资增速
# 高于全国3.7个百分点; …增长4.7%、低于全国0.3个百分点): closed classes of the genre.
_MEASURE_ONLY = re.compile(r"增速|增幅|增长率")
# What was produced, named by its measure alone (产量60万吨, 产值达130亿元), and an indicator
# that names what it measures by a measure noun (粮食播种面积, 冰柿产能): closed classes
_OUTPUT_ONLY = re.compile(r"(?:年|总)?(?:产量|产值)")
_MEASURED = re.compile(
    r"(?P<of>.{2,12}?)(?:播种|种植)?(?P<measure>(?:总)?(?:面积|产能|产量|产值|规模))"
)
# …and its level named by a measure word alone (一般公共预算收入增长4.6%，总量首次突破1900亿元;
# 外贸进出口增长8.4%，总额突破8000亿元; 广西, 江西), or its number (新增有进出口实绩企业1357家、
# 总数突破1万家; 唐县, 阜平, 徐水, 安徽, 湖北), or its share (新能源汽车年产量增至82万辆、占比达到45%,
# 新能源装机达4091万千瓦、占比达44.7%; 湖北, 湖南, 山东, 山西, 徐水)
_TOTAL_ONLY = re.compile(r"总量|总额|总规模|总数|占比|比重")
_BENCHMARK = re.compile(r"(?:全国|全省|全市|全区|全县)(?:平均水平|平均)?")
# The measure nouns a verb before them makes a noun with (种植面积, 建设规模, 治理面积).
_MEASURE_NOUN = re.compile(r"面积|规模|产量|总量|数量|产值|里程|长度")
# 年度计划完成投资75.5亿元, 抽水蓄能电站项目全年完成投资9.8亿元: the plan and the year are no
# investor (全年 ends no other indicator: it opens a clause of its own, 全年完成5000平方米)
_PLAN_WORDS = re.compile(r"(?:(?:年度)?计划|全年|今年)$")
# What was done to the things counted, a verb alone (竣工437个, 惠及390万人): closed class
_EVENT_ONLY = re.compile(r"(?:新)?开工|竣工|完工|建成|投产|签约|入驻|惠及")
# What people do that a verb (实现, 帮助) makes a count of (失业人员实现再就业2000人): an
# intransitive verb-noun whose subject is the person noun before the verb; and the heads of
# person nouns (closed classes of the language).
_PERSON_EVENT = re.compile(r"(?:转移|稳定)?(?:再?就业|脱贫)")
_PERSON_NOUN = re.compile(r"(?:人员|人口|劳动力|毕业生|群众|农民工?|军人|残疾人)$")


def _named_within(words: str, indicator: str, *, strip_verbs: bool = True) -> str | None:
    """``words`` cleaned, when they end on ``indicator`` after a noun phrase of their own: the
    name ``indicator`` was read inside of (农村危房改造竣工, 全社会研发投入占比); else None."""
    whole = _clean_indicator(words, strip_verbs=strip_verbs)
    if whole.endswith(indicator) and _nounish(whole[: -len(indicator)]):
        return whole
    return None


def subject_of(
    text: str,
    seg_start: int,
    verbs: list[re.Match[str]],
    m: numbers.Mention,
    indicator: str,
    earlier: list[str],
) -> str:
    """The indicator of a number whose words name only its measure or its benchmark: the
    subject written before the verb, else the indicator the clause continues (``earlier``);
    a comparison keeps its benchmark (``地区生产总值增速低于全国``, as a reader says it)."""
    verb = verbs[-1] if verbs else None
    if verb is not None and verb.group() in ("高于", "低于") and _BENCHMARK.fullmatch(indicator):
        subject = _clean_indicator(text[seg_start : verb.start()])
        if not _nounish(subject):
            if not earlier or m.unit != "个百分点":
                return indicator
            # 规上工业增加值增长7.6%、高于全国1.7个百分点: the growth of the indicator before
            subject = earlier[-1] if _MEASURE_ONLY.search(earlier[-1]) else earlier[-1] + "增速"
        return subject + verb.group() + indicator
    if (
        verb is not None
        and _MEASURE_NOUN.fullmatch(indicator)
        and verb.group() not in wording.DIRECTION_WORDS
    ):
        # 完成中药材种植面积5万亩: a verb and the measure noun right after it are one noun
        # (种植面积) of the object before the verb (not 培育产值超10亿元的企业: no object)
        lo = verbs[-2].end() if len(verbs) >= 2 else seg_start
        thing = _clean_indicator(text[lo : verb.start()], strip_verbs=False)
        if _nounish(thing) and _clean_indicator(text[verb.end() : m.start]) == indicator:
            return thing + verb.group() + indicator
        return indicator
    if verb is not None and _PERSON_EVENT.fullmatch(indicator):
        # 城镇失业人员实现再就业2000人: who the people are is the indicator's (a count of
        # 再就业 alone mixes every group that finds work again)
        lo = verbs[-2].end() if len(verbs) >= 2 else seg_start
        who = _clean_indicator(text[lo : verb.start()])
        if _PERSON_NOUN.search(who) and _clean_indicator(text[verb.end() : m.start]) == indicator:
            return who + indicator
        return indicator
    if verb is not None and verb.group() == "完成" and indicator == "投资":
        # 北京大兴国际机场临空经济区年内完成投资300亿元, 全年省市重点项目完成投资8000亿元: whose
        # investment it is, the subject before the verb (投资 alone mixes every investor's)
        lo = verbs[-2].end() if len(verbs) >= 2 else seg_start
        who = _PLAN_WORDS.sub("", _clean_indicator(text[lo : verb.start()]))
        if _nounish(who) and _clean_indicator(text[verb.end() : m.start]) == indicator:
            return who + indicator
        return indicator
    if _EVENT_ONLY.fullmatch(indicator):
        # 农村危房改造竣工9.5万户, 老旧小区改造完工1225个: a verb read inside the name of
        # what was finished (改造) keeps its place; 自治区重大项目开工390个、竣工437个: the
        # subject of the clause before goes on
        whole = _named_within(text[seg_start : m.start], indicator)
        if whole is not None:
            return whole
        if (
            _clean_indicator(text[seg_start : m.start]) == indicator
            and earlier
            and _EVENT_ONLY.search(text, max(0, seg_start - 24), seg_start)
        ):
            return earlier[-1] + indicator
        return indicator
    if indicator in ("占比", "比重") and verb is not None:
        # 全社会研发投入占比6%: a verb read inside the name of what the share is of (投入)
        whole = _named_within(text[seg_start : m.start], indicator, strip_verbs=False)
        if whole is not None:
            return whole
    if _OUTPUT_ONLY.fullmatch(indicator) and earlier:
        # 全年粮食面积稳定在104万亩、产量60万吨; 林下经济面积达260万亩、产值达130亿元: the
        # output of what the measure before was of (its words less their measure and verb)
        of = _MEASURED.fullmatch(earlier[-1])
        if of is not None and of.group("measure") != indicator and _nounish(of.group("of")):
            return of.group("of") + indicator
    total = _TOTAL_ONLY.fullmatch(indicator) is not None
    if total or _MEASURE_ONLY.fullmatch(indicator):
        subject = _clean_indicator(text[seg_start : verb.start()]) if verb is not None else ""
        if _nounish(subject) and not _TOTAL_ONLY.fullmatch(subject):
            return subject
        if earlier:  # 一般公共预算收入总量: the level named as written
            return earlier[-1] + (indicator if total else "")
    return indicator
