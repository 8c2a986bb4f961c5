"""The kind of each section of the tree (:mod:`summarizer.chunking` builds it): the review of
past results, this year's plan and its work, a plan period, the government's own work
(closing part), the preamble. Read from each heading's own words, its place in the tree and
the plan year the top-level headings name.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .layout import WRAP_JOIN
from .models import Section, SectionKind

if TYPE_CHECKING:
    from .chunking import _Node

# A heading of the plan's frame (总体要求, 主要预期目标), and one that holds this year's work
# (2024年重点工作, 今年工作安排); a heading of the review of past results.
PLAN = re.compile(r"总体要求|预期目标|预期指标|主要目标|指导思想")
PLAN_CONTAINER = re.compile(
    r"(?:\d{4}年|今年|明年)(?:的)?(?:政府)?(?:主要任务|主要工作|工作安排|重点工作|工作任务|目标任务)"
)
REVIEW = re.compile(
    r"回顾|过去一年|过去五年|过去的一年|一年来|五年来|主要成绩|工作总结|以来|取得的成绩"
)
# The government's own work (closing part): 政府自身建设, 建设人民满意的服务型政府, 提高政府治理效能.
# 党的全面领导: the 2026 reports' closing part (把坚持党的全面领导贯穿政府工作…; 内蒙古, and
# 坚持和加强党的全面领导，全力建设…政府 in two more provinces)
_CLOSING = re.compile(
    r"自身建设|作风建设|政府(?:自身|建设|治理|效能|履职)|人民满意|党的全面领导|"
    r"[^，,。]{0,12}政府$"
)
# A heading about a plan period (the five-year plan), not this year's work.
PERIOD_TITLE = re.compile(r"十[一二三四五六七八九]五|五年|时期|远景|规划纲要")
_YEAR = re.compile(r"(20\d\d)年")
_COMMA = re.compile(r"[，,]")


# A heading that names this year's work as a whole (扎实做好2024年政府工作, 今年工作安排): a
# container whose marked children are the work sections.
_YEAR_WORK = re.compile(r"(?:\d{4}年|今年|明年|本年度?)[^，,。；;]{0,8}(?:工作|任务)")


# Where a heading that ran into its body (its line break lost) ends: a sentence about a year
# that opens the body right after the title's last word (一、2018年工作回顾2018年，是…;
# 二、2019年工作总体要求2019年是…), not a year inside the title (“十二五”时期和2015年工作回顾).
# …or the blanks that stood where its line break was (（一）狠抓投资和项目建设，全力以赴保增长
# 当前和今后一个时期…: the body's 时期 is no plan period of the title's)
_BODY_AFTER_TITLE = re.compile(r"(?<=[\u4e00-\u9fff])(?:19|20)\d\d年(?=[，,是])|(?<=\S) {2,}(?=\S)")


def heading_words(title: str) -> str:
    """A title's own words, without the body it ran into (``2021年经济工作回顾2021年，是…``)."""
    body = _BODY_AFTER_TITLE.search(title, 4)
    return title[: body.start()] if body else title


def words(node: _Node, text: str) -> str:
    """A node's title as words: a wrap the layout view joined is no character of them
    (``确保政府自⏎身建设得到新提高`` names 自身建设), and a body it ran into is not read
    (``2018年工作回顾2018年，…（2018-2035年）`` names no later year, ``…保增长  当前和今后一个
    时期`` no plan period), nor in a text whose line breaks were lost, the words after its first
    three short clauses (``_Node.words_end``)."""
    return heading_words(
        text[node.title_start : node.words_end or node.title_end].replace(WRAP_JOIN, "")
    )


def _own_kind(node: _Node, text: str, plan_year: int | None) -> SectionKind | None:
    title = words(node, text)
    if node.style == "plan":
        return "plan"
    if node.style == "preamble":
        return "preamble"
    if node.style == "part" and not REVIEW.search(title) and not _CLOSING.search(title):
        return "plan"  # the part after the review: this year's plan; its work is marked
    years = [int(y) for y in _YEAR.findall(title)]
    if plan_year is not None and years and max(years) < plan_year and node.style != "lead":
        return "review"  # 一、2023年主要工作 in a report whose plan year is 2024
    if REVIEW.search(title) and not PLAN_CONTAINER.search(title):
        return "review"
    if _CLOSING.search(title):
        return "closing"
    if node.style != "lead" and PERIOD_TITLE.search(title) and not PLAN_CONTAINER.search(title):
        node.period = True
        return "plan"  # 二、“十五五”时期的主要目标任务: the plan period, not this year's work
    if PLAN_CONTAINER.search(title) or (PLAN.search(title) and node.style != "lead"):
        return "plan"
    marked_kids = [c for c in node.children if c.style not in ("lead", "plan", "preamble")]
    if (
        len(marked_kids) >= 2
        and len(title) <= 24
        and not _COMMA.search(title)
        and _YEAR_WORK.search(title)
    ):
        return "plan"
    return None


def plan_year_of(roots: list[_Node], text: str) -> int | None:
    """The latest year named in top-level headings, when they name two or more years."""
    years = {int(y) for n in roots for y in _YEAR.findall(words(n, text))}
    return max(years) if len(years) >= 2 else None


def classify(
    nodes: list[_Node], parent: _Node | None, text: str, plan_year: int | None = None
) -> None:
    for node in nodes:
        own = node.kind or _own_kind(node, text, plan_year)
        if node.style == "plan" and parent is not None and parent.kind in ("review", "closing"):
            own = parent.kind  # 2025年主要目标任务圆满完成 inside the review: a result, no plan
        if own is not None:
            node.kind = own
        elif parent is not None and parent.period:
            node.kind, node.period = "plan", True
        elif parent is None or parent.kind in ("plan", "preamble"):
            node.kind = "work"
        else:
            node.kind = parent.kind
        classify(node.children, node, text, plan_year)


def second_report(sections: list[Section]) -> Section | None:
    """The top-level review part that comes after a closing part, else None: a report ends on
    its government's own work, so a review after it opens another report (two years' reports
    saved in one file). No corpus report has one."""
    closed = False
    for section in sections:
        if section.level != 1:
            continue
        if section.kind == "closing":
            closed = True
        elif section.kind == "review" and closed:
            return section
    return None
