"""Qualitative targets of the rules engine: goals written without a number.

In the headline paragraph every clause without a number is one (``节能减排完成省下达任务``), a
subject and its predicate joined by a comma read as one (``其他约束性指标，确保完成省市任务``); in
the work part, a clause that ends on a state of a closed class after what it is about
(``欠薪案件动态清零``, ``垃圾、污水处理全覆盖``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import wording
from ..headline import LIST_ITEM
from ..models import QualitativeTarget, Scope
from ..taxonomy import leading_indicator, lookup_key
from ..wording import Clause as _Clause
from .indicator_words import _clean_indicator
from .mentions import _GOAL_NOUN

# A clause about the past (去年, 已完成…): results, not goals; shared with the target reader.
PAST = re.compile(r"去年|(?<![比较在])上年|过去|已经|已建成|已完成")


# A goal written without a number ends in its predicate: a comparison or change verb of the
# genre's closed class (完成, 实现, 达到, 同步, 高于…); the indicator is what comes before it, or
# the object after it when the clause opens with it (完成国家下达的节能减排降碳约束性指标).
_QUAL_PRED = re.compile(
    r"完成|实现|确保|达到|保持|控制|同步|高于|低于|不低于|不超过|稳中|稳定|稳步|基本|持续|"
    r"不断|进一步|增长|增速|下降|降低|提高|破题|全覆盖|清零|晋升"
)
# words that only pick out which of the things named are meant (closed class)
_DETERMINER = re.compile(r"各项|各类|全部|所有|有关|相关|其他|其它")
_ISSUED_BY = re.compile(r"^[^，,；;的]{0,8}?(?:下达|确定|核定|要求)的?")
_CHANGE_TAIL = re.compile(r"(?:增速|增幅|涨幅|下降|降低|增长)$")


# A state the plan means to reach, written at the end of its clause after what it is about
# (空气质量持续改善, 欠薪问题动态清零, 垃圾、污水处理全覆盖, 耕地面积不减少): a closed class of
# predicates of the genre, each written by at least two places of the corpus, read in the work
# part too (a task verb opens its clause instead)
# (written one alternative per verb, as are the grade and the rank below: when every alternative
# of _STATES starts with a literal character, the search for one skips in C to the next place
# one stands)
_WATER_CLASS = "|".join(
    rf"{verb}[^，,。；;]{{0,6}}?(?:[ⅠⅡⅢⅣⅤ]|IV|V|I{{1,3}}|[一二三四五])类[^，,。；;]{{0,8}}"
    for verb in ("达到", "保持在?")
)
# a rank to reach or keep among the country's, province's or city's places (稳居全国上游,
# 保持全市前列, 进入全省第一方阵, 达到全市中上游水平: a closed class, 20 places write one)
_RANK = "|".join(
    rf"{verb}全[国省市区县](?:前列|中上游|上游|第一方阵|前[一二三四五六七八九十\d]{{1,2}}(?:位|名)?)(?:水平)?"
    for verb in ("稳居", "保持", "进入", "位居", "跻身", "迈入", "达到", "居")
)
_GOAL_WORD = re.compile(r"确保|力争|努力")
_STATES = (
    r"全覆盖|清零|零突破|不减少|稳中有升|稳中向好|持续改善|持续好转|持续下降|达标|"
    r"翻番|两位数增长|全部出列|"
    # a level rising again, a heating without coal (地下水位持续回升: 4 places; 平原地区无煤化: 5)
    r"持续回升|无煤化|"
    # a trend to keep (实现参保人数稳定增长, 确保全年空气质量优良天数持续增加: 2 to 11 places)
    r"稳定增长|持续增加|稳步增长|较快增长|"
    # a level relative to the country's or province's mean (地区生产总值增速高于全国平均水平:
    # 10 places) and a budget only growing or only shrinking (民生投入只增不减, “三公”经费只减不增:
    # 6 and 2 places)
    r"高于全[国省市]平均水平|只增不减|只减不增|"
    # a grade to rise to (区医院晋升为二级甲等综合医院, 县域科技创新能力升至全省B类; 海拉尔,
    # 顺平, 满城)
    r"晋升为?[^，,。；;]{1,12}|跃升至[^，,。；;]{1,12}|升至[^，,。；;]{1,12}|"
    # a class of water quality to reach or keep, as a goal (确保入淀河流断面水质稳定达到Ⅲ类以上;
    # 安国, 定兴, 阜平, 容城, 易县, 蠡县, 徐水, 安徽, 云南, 四川, 山西…)
    rf"{_WATER_CLASS}|"
    # a rank among the places (_RANK)
    f"{_RANK}"
)
# the state as written at the end of a clause, with its verb and adverb
_STATE_WRITTEN = rf"(?:实现|保持|做到)?(?:动态|城乡|基本|全部|持续|稳定)?(?:{_STATES})"
_END_STATE = re.compile(rf"{_STATE_WRITTEN}(?:、[^，,。；;]{{0,8}})?$")
_END_STATE_SEARCH = re.compile(_STATES)  # where to look for a clause that may end on one
_MEMBER_STATE = re.compile(rf"{_STATE_WRITTEN}$")
_MEMBER_LEAD = re.compile(r"^.*?(?:实现|确保|力争)(?=..)")


def _clauses_hit(
    pattern: re.Pattern[str],
    text: str,
    clauses: wording.ClauseIndex,
    start: int,
    end: int,
    seen: set[int],
) -> Iterator[_Clause]:
    """Each clause of ``text[start:end]`` around a hit of ``pattern``, once: a clause whose start
    is in ``seen`` (read by an earlier hit or scan) is skipped, and each one yielded joins it."""
    for hit in pattern.finditer(text, start, end):
        clause = clauses.around(hit.start(), start, end)
        if clause is None or clause.start in seen:
            continue
        seen.add(clause.start)
        yield clause


def end_states(
    text: str, clauses: wording.ClauseIndex, start: int, end: int, section_path: str
) -> list[QualitativeTarget]:
    """Qualitative targets of work-part text: clauses without a number that end on a state of
    the closed class, after a subject (``农村污水无害化处理全覆盖``)."""
    out: list[QualitativeTarget] = []
    seen: set[int] = set()  # clauses read by either scan
    for clause in _clauses_hit(_END_STATE_SEARCH, text, clauses, start, end, seen):
        body = text[clause.start : clause.end]
        pred = _END_STATE.search(body)
        if pred is None or _NUMBER_CHAR.search(body) or PAST.search(body):
            continue
        if pred.start() < 2 and clause.start >= 2 and text[clause.start - 1] in "，,":
            # “散乱污”企业排查整治，实现动态清零: the state's subject is the clause before it
            prev = clauses.around(clause.start - 2, start, end)
            if (
                prev is not None
                and not _NUMBER_CHAR.search(text, prev.start, prev.end)
                and not PAST.search(text[prev.start : prev.end])
            ):
                offset = clause.start - prev.start
                clause = wording.Clause(prev.start, clause.end)
                body = text[clause.start : clause.end]
                pred = _END_STATE.search(body, offset)
                if pred is None:
                    continue
        item = LIST_ITEM.match(body)  # （一）全力推动经济稳定增长: a listed work item's title
        if _TASK_LEAD.match(body, item.end() if item else 0):
            continue  # 推进空气质量稳定达标, 保持零就业家庭动态清零: a task or a state kept
        if re.fullmatch(_WATER_CLASS, pred.group()) and not _GOAL_WORD.search(body):
            continue  # 淀区水质全面达到Ⅳ类 in a list of works: a class reached as a goal only
        out.extend(goals_of_clause(text, clause, section_path, "section", pred.span()))
    # 确保不发生规模性返贫致贫, 确保不发生重大安全生产事故 (28 places write 不发生): an event that
    # must not happen, its name after the predicate (not a bottom line to hold: 守住不发生…底线)
    for clause in _clauses_hit(_NO_EVENT_SEARCH, text, clauses, start, end, seen):
        event = _NO_EVENT.fullmatch(text, clause.start, clause.end)
        if event is None or _NUMBER_CHAR.search(event.group("event")):
            continue
        name = _clean_indicator(event.group("event"), strip_verbs=False)
        out.append(_goal(name, text, clause, "section", section_path))
    return out


def _goal(
    indicator: str, text: str, clause: _Clause, scope: Scope, section_path: str
) -> QualitativeTarget:
    """A qualitative target: ``indicator`` and its clause as text and quote."""
    body = text[clause.start : clause.end]
    return QualitativeTarget(
        indicator=indicator,
        key=lookup_key(indicator),
        text=body,
        scope=scope,
        section=section_path,
        quote=body,
        start=clause.start,
        end=clause.end,
    )


_NO_EVENT_SEARCH = re.compile("不发生")
_NO_EVENT = re.compile(r"(?:确保|坚决|切实|力争|做到)*不发生(?P<event>[^，,。；;、的]{2,16})")


_NUMBER_CHAR = re.compile(r"[\d０-９%％]")
# a clause opened by a verb of doing or keeping states a task, not a state to reach
_TASK_LEAD = re.compile(
    r"(?:全面|扎实|切实|逐步|进一步|继续|坚持|大力|着力|全力)*(?:推进|推动|促进|做到|保持|抓好)"
)
# adverbs and task verbs before the subject of a state (a closed class of the genre)
_STATE_LEAD = re.compile(
    # (早日 beside 尽早 and 尽快: 力争早日实现风电项目零突破; 做好 beside 抓好: 全面做好“散乱污”企业
    # 动态清零: the same closed classes of time adverbs and of task verbs with their complement)
    r"^(?:全面|扎实|切实|尽早|尽快|早日|逐步|基本|进一步|力争|年内|继续|坚持)*"
    # (实行: a task verb of the genre, 26 places: 实行全民参保计划，实现动态全覆盖)
    r"(?:推进|促进|推动|抓好|做好|做到|保持|实现|确保|加快|实行)?"
)


# a headline clause opened by an adverb of effort and a verb of doing (不断稳定发展预期, 持续提高
# 人民收入, 全力维护安全稳定的发展大环境) states a task; one whose verb is of the goal class
# (努力实现…, 确保完成…) may state a goal (closed classes of the genre)
_EFFORT_TASK = re.compile(
    r"^(?:着力|全力|不断|持续|大力|努力|切实|奋力)+(?!完成|实现|确保|达到|保持|控制|力争)"
)


# a predicate of change ending one goal of a list of goals (…下降、…下降和…达到市核标准)
_PART_END = re.compile(r"(?:下降|降低|提高|增长|达标|改善|完成)(?=[、和])")


def _goal_parts(body: str) -> list[tuple[int, int]]:
    """The spans of the goals of a headline clause that joins several, each ending on its own
    predicate before 、 or 和; one span (the whole) when it holds one goal."""
    cuts = [m.end() for m in _PART_END.finditer(body)]
    if not cuts or "同步" in body:  # 居民收入增长和经济增长同步: the two sides of one comparison
        return [(0, len(body))]
    spans, a = [], 0
    for c in cuts:
        spans.append((a, c))
        a = c + 1
    spans.append((a, len(body)))
    return [(x, y) for x, y in spans if y - x >= 4]


# A headline clause that is only a predicate, its subject in the clause before the comma
# (其他约束性指标，确保完成省市任务; 实际利用外资、外贸进出口和其他约束性指标，均完成市定任务;
# 其他约束性指标，按照市核任务确保完成: 蠡县, 满城, 顺平): a preposition's phrase (按照…), adverbs,
# a verb of the goal class, and as object at most who set the task (省市, 市定, 上级: closed
# classes of the genre)
_ACCORDING_TO = re.compile(r"(?:按照|根据|依照|对照)[^，,。；;]{0,12}?(?=确保|完成|实现|达到)")
_GOAL_ADVERBS = re.compile(r"(?:均|都|全部|确保|力争|努力|全面)*")
_GOAL_VERB = re.compile(r"完成|实现|达到")
_ISSUER = re.compile(r"(?:[国省市县区]+|上级)(?:定|核|核定|下达|确定)?(?:的)?")


def _subjectless(body: str) -> bool:
    """``body`` is a goal's predicate without its subject (确保完成省市任务)."""
    s = body.strip()
    lead = _ACCORDING_TO.match(s)
    at = lead.end() if lead else 0
    adverbs = _GOAL_ADVERBS.match(s, at)  # (matches, maybe empty, wherever it is tried)
    verb = _GOAL_VERB.match(s, adverbs.end() if adverbs else at)
    if verb is None:
        return False
    obj = _GOAL_NOUN.sub("", _ISSUED_BY.sub("", s[verb.end() :]))
    return obj == "" or _ISSUER.fullmatch(obj) is not None


def _clause_after(text: str, clause: _Clause) -> _Clause | None:
    """The clause joined to ``clause`` by the comma after it, if any."""
    if text[clause.end : clause.end + 1] not in ("，", ","):
        return None
    a = clause.end + 1
    b = next(
        (i for i in range(a, min(len(text), a + 60)) if text[i] in wording.CLAUSE_DELIMITERS), -1
    )
    return wording.Clause(a, b) if b > a else None


def _bare_subject(body: str) -> bool:
    """Words naming what a goal is about, without a number or a predicate of their own."""
    return (
        len(body.strip()) >= 2
        and not _NUMBER_CHAR.search(body)
        and _QUAL_PRED.search(body) is None
        and not _EFFORT_TASK.match(body)
    )


def headline_goals(text: str, clause: _Clause, section_path: str) -> list[QualitativeTarget]:
    """The qualitative targets of a headline clause without a number: :func:`goals_of_clause`,
    except where a subject and its predicate are two clauses joined by a comma (其他约束性指标，
    确保完成省市任务): read once, from the subject, quoting both; a predicate whose subject
    is not written before it names no goal (完成省市 is no indicator)."""
    item = LIST_ITEM.match(text, clause.start, clause.end)
    if item is not None:
        # 7.完成市下达的节能减排任务目标； the targets listed one a line: the marker is layout
        clause = _Clause(item.end(), clause.end)
    body = text[clause.start : clause.end]
    if _subjectless(body):
        return []  # read with the subject before it (below), else no goal of its own
    after = _clause_after(text, clause)
    if after is not None and _bare_subject(body) and _subjectless(text[after.start : after.end]):
        return goals_of_clause(text, clause, section_path, quote_to=after.end)
    return goals_of_clause(text, clause, section_path)


def goals_of_clause(
    text: str,
    clause: _Clause,
    section_path: str,
    scope: Scope = "headline",
    predicate: tuple[int, int] | None = None,
    *,
    quote_to: int | None = None,
) -> list[QualitativeTarget]:
    """A headline clause without a number (节能减排完成省下达任务): one item per indicator it
    names (``A、B等约束性指标完成…``, ``节能减排和碳排放强度下降…``, joint subjects); with
    ``predicate`` (its span in the clause), a work-part clause ending on a state."""
    body = text[clause.start : clause.end]
    if predicate is None and _EFFORT_TASK.match(body):
        return []  # 不断稳定发展预期, 着力防范和化解…风险: a task of the year, not a state
    if predicate is None:
        parts = _goal_parts(body)
        if len(parts) > 1:
            # 单位生产总值能耗下降、细颗粒物（PM2.5）浓度下降和化学需氧量…排放量达到市核标准:
            # goals joined by 、 or 和, each ending on its own predicate
            return [
                q
                for a, b in parts
                for q in goals_of_clause(
                    text, wording.Clause(clause.start + a, clause.start + b), section_path, scope
                )
            ]
    pred = _QUAL_PRED.search(body) if predicate is None and quote_to is None else None
    if quote_to is not None:
        p_start = p_end = len(body)  # the whole clause is the subject; its predicate follows
    elif predicate is not None:
        p_start, p_end = predicate
    elif pred is not None:
        p_start, p_end = pred.span()
    else:
        # 出口总额促稳提质: no predicate of the closed class, but it opens with an indicator
        name = leading_indicator(body)
        if name is None:
            return []
        p_start = p_end = len(name)
    if p_start < 2 and predicate is not None:
        return []  # 全面清零: no subject in the clause
    if predicate is None and _GOAL_ADVERBS.fullmatch(body, 0, p_start):
        p_start = 0  # 全面完成国家下达的…指标: adverbs of the goal class are no subject
    if p_start < 2:  # 完成市下达的节能减排任务目标: the indicator is the object
        obj = _ISSUED_BY.sub("", body[p_end:])
        subject = _GOAL_NOUN.sub("", obj) or obj
        if _DETERMINER.fullmatch(subject):
            subject = obj  # 完成市下达的各项任务目标: 各项 alone names nothing; the tasks are it
    else:
        subject = body[:p_start]
        if re.match(r".{0,4}?同步", body[p_end:]):
            subject = re.split(r"[和与]", subject)[0]  # 居民收入增长和经济增长同步
    if predicate is not None:
        # 逐步实现地下规划管控全覆盖, 推进空气质量稳定达标: the task's verb and adverbs go;
        # 零就业家庭就业，实现动态清零: the clause before it ends at its comma
        subject = _clean_indicator(_STATE_LEAD.sub("", subject.rstrip("，,")))
        subject = _clean_indicator(_STATE_LEAD.sub("", subject))
    subject = _clean_indicator(subject, strip_verbs=False)
    subject = re.sub(r"等[^、，,和与及]{0,8}$", "", subject)  # …、安全生产等约束性指标
    if len(subject) < 2:
        return []
    joint = (
        wording.expand_joint_subject(subject, 2)
        if re.search(r"^[^、和]{2,3}[、和]", subject)
        else None
    )
    members = joint or [
        _CHANGE_TAIL.sub("", m) or m for m in wording.ENUM_SPLIT.split(subject) if len(m) >= 2
    ]
    if predicate is not None and len(members) > 1:
        # 实现人均地区生产总值稳居全国上游、居民收入稳居全国上游: a member that ends on its own
        # state, after the goal verb that opens the list, is the words between them
        members = [_MEMBER_STATE.sub("", m) or m for m in members]
        members[0] = _MEMBER_LEAD.sub("", members[0]) or members[0]
    if not members or any(len(m) < 2 for m in members):
        members = [subject]
    if quote_to is not None:
        clause = wording.Clause(clause.start, quote_to)
    return [_goal(indicator, text, clause, scope, section_path) for indicator in members]
