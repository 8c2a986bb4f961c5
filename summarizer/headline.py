"""The headline statement: every sentence of the 主要预期目标 statement, found by structure.

A pure function over the layout view (:mod:`summarizer.layout`) and the section tree: the lead
(``主要预期目标是：``) outside review and closing parts, not the plan period's goals; then every
sentence until the text turns to something else.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .layout import WRAP_JOIN
from .models import Section
from .taxonomy import lookup_key
from .wording import INLINE_MARK, LIST_DASH, LIST_SIGN

_WS = " \t\u3000\xa0\r"
# More characters a line than any report with its line breaks has (every corpus report has a
# break per 360 or fewer; the layout view of a flattened one breaks only before its headings)
_PARAGRAPH_CHARS = 500

# The lead of the headline statement: 主要预期目标是： / 预期目标为 / 主要目标是 / 预期目标设定为 /
# 主要预期指标如下： (not 目标任务顺利完成):
# a colon after an optional copula, or the copula alone (not after 发展目标). One alternative per
# first word, so that the regex engine skips in C to the next place one stands.
# The verb between the noun and the copula is of a closed class: 建议为, 设定为, 确定为, 拟定为,
# 安排如下; and the targets may be called 预期指标.
_LEAD_VERB = r"(?:建议|设定|确定|拟定|初步安排|安排|初定)?"
_LEAD_COLON = rf"(?:任务)?{_LEAD_VERB}(?:是|为|如下)?\s*[:：]"
_LEAD_COPULA = rf"(?:任务)?{_LEAD_VERB}(?:是|为)"
# (a blank may stand inside the words where a wrapped line was joined: 主要预期目标 是：)
_JOINED = f"[ {WRAP_JOIN}]?"
_HEADLINE_LEAD = re.compile(
    (
        rf"预期目标(?:{_LEAD_COLON}|{_LEAD_COPULA})|主要目标(?:{_LEAD_COLON}|{_LEAD_COPULA})|"
        rf"预期指标(?:{_LEAD_COLON}|{_LEAD_COPULA})|发展目标{_LEAD_COLON}"
    )
    .replace("目标", f"目{_JOINED}标")
    .replace("预期", f"预{_JOINED}期{_JOINED}")
    .replace("(?:是|为", f"{_JOINED}(?:是|为")
)
# Any other word for the targets before a colon (预定目标是：, 发展的目标是：): a lead only when
# the statement opens on an indicator the taxonomy knows with its number in the same clause
# (预定目标是：地方生产总值增长12%，…), tried when no lead above is written
# (…主要预期目标，地区生产总值增长6%左右: the targets' name with a comma for the colon too)
# (主要指标是：, 主要经济指标为：: the targets called 指标 with a colon, on the same condition)
_OTHER_LEAD = re.compile(rf"目{_JOINED}标(?:{_LEAD_COLON}|[，,])|指{_JOINED}标{_LEAD_COLON}")
# the change or level words between an indicator and its number (增长, 控制在, 达到): closed class
_CHANGE_WORDS = re.compile(
    r"(?:增长|增速|下降|降低|提高|达到|控制在|保持在|实现|完成|为|率?达|超过|突破|超)+$"
)
# A plan period in the lead's own sentence: the five-year plan's goals, not this year's.
_PERIOD = re.compile(r"十[一二三四五六七八九]五|时期|五年|远景|20\d\d年?[—\-－至到~～]|到20\d\d年")
# A sentence that speaks about the targets instead of stating one: the statement has ended.
_TURN = re.compile(
    r"[^，,。；;]{0,16}?(?:上述|以上|这些|这一|这个|这样|此|该|各项)[^，,。；;]{0,4}(?:目标|指标)"
    # …or names one by its number, as set (确定4.5%左右的增长目标，…兼顾了需要与可能; 5.5%左右
    # 的预期增长目标与…衔接), not as striven for (力争实现7%的增长目标 states one)
    r"|(?:确定|提出|设定|设置|安排)?\d[\d.]*[%％]?(?:左右|以上)?的[^，,。；;]{0,6}(?:目标|指标)"
)


# 今年的政府工作，我们将坚决做到6个“始终坚持”: the first person speaks of the government's own
# work, in which no target is stated (a closed class; no hand-written headline quote holds it)
_FIRST_PERSON = "我们"
_ADDRESS = "各位代表"  # (各位代表！实现上述目标，…: every report addresses its delegates so)


def _sentence_end(text: str, pos: int, limit: int) -> int:
    """End of the sentence starting at ``pos``: after its 。/！/？, or at the line break."""
    k = pos
    while k < limit:
        ch = text[k]
        if ch in "。！？!?":
            return k + 1
        if ch == "\n":
            return k
        k += 1
    return limit


def _clause_end(text: str, pos: int, limit: int) -> int:
    """End of the clause starting at ``pos``: after its first ；/; (or the sentence's end)."""
    ends = [k + 1 for k in (text.find("；", pos, limit), text.find(";", pos, limit)) if k >= 0]
    return min(ends, default=limit)


def find_headline(
    layout: str, sections: list[Section], limit: int | None = None
) -> tuple[int, int] | None:
    """Span of the headline statement in ``layout`` (the report's layout view).

    The lead is the first ``预期目标是：``-like phrase outside review and closing sections whose
    own sentence names no plan period (``“十五五”时期…的主要目标是``). The statement runs from
    after the lead sentence by sentence, across paragraph breaks while the next paragraph opens
    with a number and is no heading, and stops at a sentence that refers back to the targets
    (``实现上述目标``), one that announces a list (ends with ``：``), or a heading.
    """
    limit = len(layout) if limit is None else limit
    starts = sorted({s.start for s in sections} | {s.title_start for s in sections})
    for lead, opens in ((_HEADLINE_LEAD, False), (_OTHER_LEAD, True)):
        for m in lead.finditer(layout, 0, limit):
            inner = None
            for s in sections:
                if s.start <= m.start() < s.end and (inner is None or s.level >= inner.level):
                    inner = s
            if inner is not None and inner.kind in ("review", "closing"):
                continue
            sent_start = max(layout.rfind(ch, 0, m.start()) for ch in "。\n！？") + 1
            if _PERIOD.search(layout, sent_start, m.start()):
                continue
            if opens and not _opens_on_a_target(layout, m.end()):
                continue
            return _headline_extent(layout, m.end(), limit, starts)
    return None


def _opens_on_a_target(layout: str, pos: int) -> bool:
    """The text at ``pos`` opens on an indicator of the taxonomy with a number in its clause."""
    while pos < len(layout) and layout[pos] in _WS + "\n":
        pos += 1
    item = LIST_ITEM.match(layout, pos)  # 一是地区生产总值增长…, 1.地区生产总值…
    pos = item.end() if item else pos
    clause = layout[pos : pos + 40]
    clause = clause[: min((k for k in map(clause.find, "，,。；;\n") if k >= 0), default=40)]
    digit = re.search(r"\d", clause)
    if digit is None:
        return False
    # (经济增长5%左右: the change word may be the indicator's own)
    head = clause[: digit.start()]
    return lookup_key(_CHANGE_WORDS.sub("", head)) is not None or lookup_key(head) is not None


def _headline_extent(
    layout: str, pos: int, limit: int, starts: list[int]
) -> tuple[int, int] | None:
    while pos < limit and layout[pos] in _WS + "\n":
        pos += 1
    begin, end = pos, pos
    # 主要预期目标是： then 1.地区生产总值增长6%左右； 2.… : a list of targets, one a line
    items = LIST_ITEM.match(layout, begin) is not None
    # a text whose line breaks were lost: where its paragraphs ended is unknown, so each
    # sentence after the first is tried as a paragraph would be (a number, or a goal of the
    # statement, early in it; no talk about targets)
    flat = layout.count("\n") * _PARAGRAPH_CHARS < len(layout)
    while pos < limit:
        stop = _sentence_end(layout, pos, limit)
        k = bisect_right(starts, pos)
        if k < len(starts) and starts[k] < stop and pos != begin:
            break  # a heading inside the sentence's line
        if pos != begin and _TURN.match(layout, pos, stop):
            break
        if flat and pos != begin and not _states_targets(layout, pos, stop):
            break
        sentence = layout[pos:stop].rstrip(_WS + "\n")
        if pos != begin and sentence.endswith(("：", ":")):
            break
        end = pos + len(sentence)
        nxt = stop
        while nxt < limit and layout[nxt] in _WS:
            nxt += 1
        if nxt < limit and layout[nxt] == "\n":
            # a paragraph break: the statement goes on only into a paragraph of targets
            para = nxt
            while para < limit and layout[para] in _WS + "\n":
                para += 1
            first = _sentence_end(layout, para, limit)
            # …after a line that ends on a semicolon, the sentence goes on (生产总值增长7%；…；⏎
            # 固定资产投资增长7%；…完成市下达的节能减排任务目标。 copied out of a PDF): the next
            # line is judged by its first clause, as the next clause of one line would be
            if sentence.endswith(("；", ";")):
                first = _clause_end(layout, para, first)
            # 固定资产投资扭转下滑态势，⏎实现正增长。: a first line that ends on a comma goes on
            # into the next (targets listed one clause a line) for the goal it may state, not
            # into a heading nor into talk about the targets or the government's own work
            whole = first
            while whole < limit and layout[para:whole].rstrip(_WS).endswith(("，", ",")):
                nxt_end = _sentence_end(layout, whole + 1, limit)
                k = bisect_right(starts, whole)
                if (k < len(starts) and starts[k] < nxt_end) or any(
                    w in layout[whole:nxt_end] for w in ("目标", _FIRST_PERSON)
                ):
                    break
                whole = nxt_end
            opens_list = sentence.endswith(("：", ":")) or end == begin
            item = items and LIST_ITEM.match(layout, para) is not None
            # 地区生产总值增长5%左右，⏎在实际工作中努力争取更好结果；⏎…: a line that ends on a
            # comma or semicolon ends no sentence (targets listed one a line, unnumbered)
            goes_on = sentence.endswith(("，", ",", "；", ";"))
            if (
                para >= limit
                or para in starts
                # the address to the delegates opens talk about the targets, never one
                or layout.startswith(_ADDRESS, para)
                # a paragraph that explains the targets (an item of the list may name one, and
                # so may a goal: …等约束性指标完成呼伦贝尔市确定的目标)
                or (
                    "目标" in layout[para:first]
                    and not item
                    and not _GOAL.search(layout, para, first)
                )
                or _FIRST_PERSON in layout[para:first]
                or not (
                    opens_list
                    or item
                    or goes_on
                    or _QUANTITY.search(layout, para, min(first, para + 40))
                    or _GOAL.search(layout, para, whole)
                )
            ):
                break
            nxt = para
        pos = nxt
    return (begin, end) if end > begin else None


def _states_targets(layout: str, pos: int, stop: int) -> bool:
    """Whether the sentence at ``pos`` goes on stating targets: a number early in it, or a
    goal of reaching or keeping something (…约束性指标完成省定任务, 固定资产投资…实现正增长,
    居民收入增长与经济增长同步), and no talk about targets (做好今年工作，关键要…; 把“六个一”
    目标…作为…)."""
    sentence = layout[pos:stop]
    if "目标" in sentence and not _GOAL.search(sentence):
        return False  # 今年，我们要把“六个一”目标和“十个百”工程作为政府工作总抓手
    if _FIRST_PERSON in sentence:
        return False
    return bool(_QUANTITY.search(layout, pos, min(stop, pos + 40)) or _GOAL.search(sentence))


# a goal stated without a number: a verb of reaching or keeping (实现正增长, 完成省定任务,
# 保持稳定) or keeping pace (…同步): closed classes of the genre
_GOAL = re.compile(r"完成|实现|达到|保持|控制|同步[。；;]?$")


# the marker of an item of a list (1. 2、 （1） （一） 一是, and the typography's list marks: ——, ●, ①)
LIST_ITEM = re.compile(
    r"\d{1,2}[.．、](?!\d)|[（(](?:\d{1,2}|[一二三四五六七八九十]{1,2})[）)]"
    rf"|{LIST_DASH}(?=\S)|{LIST_SIGN}|{INLINE_MARK}"
)
_QUANTITY = re.compile(
    r"\d[\d.]*\s*(?:%|％|‰|万|亿|个|元|人|吨|亩|公里|千米|平方米|户|套|所|家|项)"
)
