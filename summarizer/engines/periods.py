"""The time a report's words speak of, for the rules engine: the period a result stated in the
review part is for (outcomes), and the text of plan or work sections that recounts results
(a look back over several years or last year) rather than stating plans."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from ..chunking import Document
from ..lines import split_lines
from ..models import Section
from ..section_kinds import heading_words
from ..wording import Clause

# A review clause that states a plan, a forecast for the plan year or a goal, not a result.
NOT_RESULT = re.compile(r"今年|明年|力争|计划到|预期目标|目标是|目标为")
_PLAN_NAME = re.compile(r"十([一二三四五])五")
_PLAN_FIRST = {"一": 2006, "二": 2011, "三": 2016, "四": 2021, "五": 2026}
# The government's term or the last five years, named without the plan (过去五年, 五年来).
_FIVE_YEARS = re.compile(
    r"过去(?:的)?五年|五年来|这五年|五年间|五年共|五年累计|近五年|本届政府以来"
)
# 比“十三五”末翻了一番: the plan's end is a level compared with, not the period of the results
_PLAN_BASELINE = re.compile(r"[”\"]?(?:期末|末)")
# 较“十三五”时期, 比“十二五”: a plan named right after a preposition of comparison (a closed
# class; the opening quotation mark may stand between)
_COMPARED = re.compile(r"(?:比|较|相比|同)[“\"]?$")
_SENTENCE_YEAR = re.compile(r"[\s\u3000“”]*(?:预计|截至|截止)?((?:19|20)\d\d)年(?![\d—\-至到])")
_TITLE_YEAR = re.compile(r"((?:19|20)\d\d)年")


def _plan_period(words: str, plan_year: int | None) -> str | None:
    """The plan period ``words`` name: ``“十三五”`` → "2016-2020"; 过去五年, 五年来 → the five
    years before ``plan_year`` (a 2021 report's 过去五年 is "2016-2020")."""
    for named in _PLAN_NAME.finditer(words):
        if _PLAN_BASELINE.match(words, named.end()) or _COMPARED.search(words, 0, named.start()):
            continue  # 比“十三五”末, 较“十三五”时期增长148%: the level or period compared with
        first = _PLAN_FIRST[named.group(1)]
        if plan_year is not None and first + 4 < plan_year - 5:
            # a plan over before the five years a report reviews (“十三五” in a 2026 report, “十二五”
            # in a 2021 one): history or a comparison, not the period of its results
            continue
        if plan_year is None:
            return f"{first}-{first + 4}"
        if first < plan_year:
            # results reach the year under review at most: a plan not over yet (“十四五”开局之年 in
            # a 2022 report, “十四五”以来 in a 2024 one) dates them up to that year
            last = min(first + 4, plan_year - 1)
            return f"{first}-{last}" if last > first else str(first)
        break
    if plan_year is not None and _FIVE_YEARS.search(words):
        return f"{plan_year - 5}-{plan_year - 1}"
    return None


@dataclass(frozen=True)
class Headings:
    """What the headings over a review section say of its period, read once per section:
    the plan period of the nearest heading naming one (for 累计 totals), and the period the
    headings give, nearest first (rule 3 of :func:`period`)."""

    covered: str | None
    period: str | None


def headings(doc: Document, section: Section) -> Headings:
    year = doc.report.year
    titles = [heading_words(doc.by_path(p).title) for p in _ancestors(section.path)]
    covered = next((p for t in reversed(titles) if (p := _plan_period(t, year))), None)
    for title in reversed(titles):
        years = [y for y in _TITLE_YEAR.findall(title) if year is None or int(y) < year]
        plan = _plan_period(title, year)
        if plan and not years:
            return Headings(covered, plan)
        if len(years) == 1:
            return Headings(covered, years[0])
    return Headings(covered, str(year - 1) if year is not None else None)


def period(doc: Document, section: Section, clause: Clause, heads: Headings) -> str | None:
    """The period a review clause states results for, first match wins:

    1. its sentence opens with a year (``2015年城镇居民人均可支配收入完成30788元``): that year,
       unless the clause is a yearly average (年均) of a plan-period paragraph;
    2. its paragraph opens on the year under review (``2019年，是…``, ``刚刚过去的2025年，…``,
       ``一年来，…``): that year;
    3. its paragraph names a plan period (``“十三五”时期``, ``五年来``, ``过去五年``; not as a
       baseline, ``比“十三五”末``, ``较“十三五”时期``, nor a plan over before the five years under
       review): the plan's years (:func:`_plan_period`);
    4. under a heading naming a plan period, with a year (``“十四五”时期和2025年工作回顾``) or
       without (``一、过去五年工作回顾`` over ``刚刚过去的2022年…一年来，我们主要做了以下工作``):
       the period of the nearest lead paragraph before it (:func:`_led_period`);
    5. the review heading over it names a plan period and no year (``一、过去五年工作回顾``):
       the plan's years; names one year (``一、2023年工作回顾``): that year;
    6. the year under review: the report's plan year − 1.

    A cumulative figure (累计…) belongs to the plan period the review headings name, when
    they name one. None when no year is known (no plan year and no year in the text).
    ``heads`` is :func:`headings` of ``section``.
    """
    text = doc.layout
    year = doc.report.year
    para_start = text.rfind("\n", section.start, clause.start) + 1
    para_end = text.find("\n", clause.end)
    paragraph = (max(para_start, section.start), para_end if para_end >= 0 else clause.end)
    full_stop = max(
        text.rfind("。", para_start, clause.start),
        text.rfind("！", para_start, clause.start),
        text.rfind("？", para_start, clause.start),
    )
    stop = max(
        full_stop,
        text.rfind("；", para_start, clause.start),
        text.rfind(";", para_start, clause.start),
    )
    sent_start = max(stop + 1, para_start)
    flat = doc.flat
    if flat:
        # a text whose line breaks were lost: where its paragraphs ended is unknown (a line of
        # the view is a whole section), so the clause's sentence stands for its paragraph
        end = _SENTENCE_END.search(text, clause.end, paragraph[1])
        paragraph = (max(sent_start, section.start), end.end() if end else paragraph[1])
    in_plan = _paragraph_plan(text, *paragraph, year)
    own = _SENTENCE_YEAR.match(text, sent_start, clause.end)
    if own is None and full_stop < stop and not _OWN_TIME.match(text, sent_start, clause.end):
        # 2016年，全县农村居民人均可支配收入完成6542元；全县居民储蓄存款余额70.79亿元: a year
        # opening the sentence dates the clauses its semicolons join (not one that opens on a
        # time of its own: …；五年来，谋划实施重点项目217个)
        own = _SENTENCE_YEAR.match(text, max(full_stop + 1, para_start), clause.end)
    averaged = in_plan is not None and "年均" in text[clause.start : clause.end]
    if own is not None and (year is None or int(own.group(1)) < year) and not averaged:
        return own.group(1)
    if year is not None and _year_lead(_first_sentence(text, paragraph[0]), year):
        # 2019年，是…“十三五”规划冲刺之年。一年来，…: the year's paragraph, unless a later
        # sentence of it opens on the five years before the clause (2025年目标任务顺利完成，标志着
        # “十四五”圆满收官。五年来，…一是…年均增长5.2%)
        if not flat:
            led = _led_by_sentence(text, paragraph[0], paragraph[1], year, sent_start + 1)
            if led is not None and led != str(year - 1):
                return led
        return str(year - 1)
    if in_plan:
        return in_plan
    if flat and year is not None:
        # its paragraphs unknown, the nearest sentence before that opens on a time (过去五年，;
        # “十三五”时期，; 2020年，; 一年来，) dates the sentences after it, as a lead paragraph
        # dates the paragraphs after it (4 below)
        led = _led_by_sentence(text, section.start, section.end, year, sent_start)
        if led is not None:
            return led
    if heads.covered and year is not None and not flat:
        # 一、“十四五”时期和2025年工作回顾, 一、过去五年工作回顾: a lead paragraph (这五年，…;
        # 刚刚过去的2022年，…一年来) dates the paragraphs after it, up to the next lead
        top = doc.by_path(section.path.split(".")[0])
        led = _led_period(text, top.start, paragraph[0], year)
        if led is not None:
            return led
    if heads.covered and "累计" in text[sent_start : clause.end]:
        # 累计实施68个项目 in a review of 2020 and the 十三五: a total over the plan period
        return heads.covered
    return heads.period


# Every result of a review paragraph asks for the plan period it names: the paragraph (often a
# long one) is read once. Keyed by the text, the paragraph's bounds and the plan year; the
# report's text hashes once (a string keeps its hash), so a look-up costs no more than a tuple.
@lru_cache(maxsize=256)
def _paragraph_plan(text: str, start: int, end: int, plan_year: int | None) -> str | None:
    """:func:`_plan_period` of the paragraph ``text[start:end]``."""
    return _plan_period(text[start:end], plan_year)


# A paragraph that leads the ones after it: its first sentence names the five years or the year
# under review (这五年，我们…; “十四五”时期是…的五年; 刚刚过去的2025年，…; 一年来，…).
_LEAD_YEAR = re.compile(r"(?:刚刚过去的|过去的)?((?:19|20)\d\d)年")
_LAST_YEAR = re.compile(r"(?:刚刚)?(?:过去的?一年|一年来)")  # 刚刚过去的一年 (陕西)


def _first_sentence(text: str, start: int) -> str:
    """The first sentence of the paragraph at ``start`` (at most 40 characters), after the
    blanks that indent it."""
    while start < len(text) and text[start] in " \t\u3000\r":
        start += 1
    first = text[start : start + 40]
    cut = next((k for k, c in enumerate(first) if c in "。；;！\n"), len(first))
    if first.startswith("各位代表") and cut < len(first) and first[cut] == "！":
        return _first_sentence(text, start + cut + 1)  # 各位代表！刚刚过去的2025年，…
    return first[:cut]


def _year_lead(first: str, plan_year: int) -> bool:
    """Whether a paragraph whose first sentence is ``first`` opens on the year under review
    (``2019年，是…``, ``刚刚过去的2025年，…``, ``一年来，…``, ``过去一年，…``)."""
    lead_year = _LEAD_YEAR.match(first, first.find("刚刚") if "刚刚" in first else 0)
    if lead_year is not None and int(lead_year.group(1)) == plan_year - 1:
        return True
    return _LAST_YEAR.match(first) is not None


@lru_cache(maxsize=256)
def _led_period(text: str, top_start: int, para_start: int, plan_year: int) -> str | None:
    """The period of the nearest lead paragraph before ``para_start`` in the review part that
    starts at ``top_start``; None when no paragraph before leads."""
    end = para_start - 1
    while end > top_start:
        start = max(text.rfind("\n", top_start, end) + 1, top_start)
        first = _first_sentence(text, start)
        if _year_lead(first, plan_year):
            # 刚刚过去的2025年，是“十四五”收官之年: the year; but a lead that turns to the five
            # years (2025年是“十四五”收官之年。五年来，我们…) leads with its last turn
            leads = _sentence_leads(text, start, end, plan_year)
            return leads[-1][1] if leads else str(plan_year - 1)
        plan = _plan_period(first, plan_year)
        if plan is not None:
            return plan
        end = start - 1
    return None


# A sentence that opens on the time it speaks of: the plan period or the five years
# (“十三五”时期，…; 十三五以来…; 过去五年，…; 五年来，…), or the year under review (2020年，…;
# 一年来，…) (closed classes of the genre's time adverbials)
_OPENS_ON_PLAN = re.compile(r"[“\"]?十[一二三四五]五[”\"]?(?:时期|期间|以来)")
# a clause that opens on a time of its own (五年来, “十三五”时期, 一年来)
_OWN_TIME = re.compile(
    rf"[\s\u3000“”]*(?:{_FIVE_YEARS.pattern}|{_OPENS_ON_PLAN.pattern}|{_LAST_YEAR.pattern})"
)
_SENTENCE_STARTS = re.compile(r"(?:^|(?<=[。！？!?\n]))[ \t\u3000\r]*(?=\S)", re.M)


def _led_by_sentence(text: str, start: int, end: int, plan_year: int, pos: int) -> str | None:
    """The period of the nearest sentence before ``pos`` in ``text[start:end]`` that opens on
    one (:data:`_OPENS_ON_PLAN`, the five years, the year under review); None when none does."""
    leads = _sentence_leads(text, start, end, plan_year)
    k = bisect_left(leads, (pos,)) - 1  # the last lead that starts before pos
    return leads[k][1] if k >= 0 else None


@lru_cache(maxsize=64)
def _sentence_leads(text: str, start: int, end: int, plan_year: int) -> list[tuple[int, str]]:
    """``(sentence start, period)`` of each sentence of ``text[start:end]`` that opens on a time,
    in order: read once per section."""
    out: list[tuple[int, str]] = []
    for m in _SENTENCE_STARTS.finditer(text, start, end):
        at = m.end()
        head = text[at : at + 16]
        if _OPENS_ON_PLAN.match(head) or _FIVE_YEARS.match(head):
            plan = _plan_period(head, plan_year)
            if plan is not None:
                out.append((at, plan))
        elif _year_lead(_first_sentence(text, at), plan_year):
            out.append((at, str(plan_year - 1)))
    return out


def _ancestors(path: str) -> list[str]:
    """``"2.1.3"`` → ``["2", "2.1", "2.1.3"]``."""
    parts = path.split(".")
    return [".".join(parts[: i + 1]) for i in range(len(parts))]


# ---------------------------------------------------- results told in plan or work sections

# A sentence that opens with a look back: over several years (这五年，过去五年，五年来，) the
# rest of its paragraph recounts results; over last year (去年，) that sentence does. A sentence
# that opens with the plan's time (今年，未来五年，) ends the look back. Closed classes of the
# genre's time adverbials.
_N = r"[一二三四五六七八九十两\d]+"
_LOOK_BACK_YEARS = re.compile(rf"(?:(?:过去|这|近){_N}年(?:来|间|里)?|{_N}年来)[，,]")
_LOOK_BACK_YEAR = re.compile(
    r"(?:去年|上年|过去一年|一年来|(?:截至|截止)(?:去年|上年|目前)(?:年?底|末)?|目前)[，,]"
)  # 截至去年底，全县规上企业达到120家: the state the year starts from
_LOOK_AHEAD = re.compile(r"今年|明年|新的一年|今后|未来|下一步|(?:到|在)?20\d\d年[，,]")
_SENTENCE_END = re.compile(r"[。！？!?]")
# a year opening a sentence, as its time (2023年，…; 截至2023年底，…)
_OPENING_YEAR = re.compile(r"(?:截至|截止)?((?:19|20)\d\d)年(?:年?底|末)?[，,]")
_CLAUSE_AHEAD = re.compile(r"今年|年内|全年|力争|确保|计划|新的一年")


def look_back_paragraphs(
    text: str, own_spans: list[tuple[Section, int]]
) -> list[tuple[Section, int, int]]:
    """Paragraphs of plan or work sections that open with a look back over several years
    (``二、“十四五”时期发展成就和…``: ``过去五年，我们…``): results, read as outcomes."""
    return [
        (section, line.start, line.end)
        for section, own_end in own_spans
        for line in split_lines(text, section.start, own_end)
        if _LOOK_BACK_YEARS.match(line.text)
    ]


def retrospective(text: str, pos: int, plan_year: int | None = None) -> bool:
    """Whether ``pos`` lies in text that recounts results although its section is plan or work
    (``二、“十四五”时期发展成就和“十五五”时期主要目标任务``: ``这五年，我们…``; a sentence that
    opens on a year before ``plan_year``: ``2023年，全县完成投资50亿元``)."""
    para = text.rfind("\n", 0, pos) + 1
    back = False
    start = para
    while start <= pos:
        while start < pos and text[start] in " \t\u3000\r":
            start += 1
        end_m = _SENTENCE_END.search(text, start, pos)
        in_sentence = end_m is None  # the sentence holding pos
        if _LOOK_BACK_YEARS.match(text, start):
            back = True
        elif _LOOK_BACK_YEAR.match(text, start) or (
            plan_year is not None
            and (y := _OPENING_YEAR.match(text, start)) is not None
            and int(y.group(1)) < plan_year
        ):
            back = back or in_sentence
        elif _LOOK_AHEAD.match(text, start):
            back = False
        if end_m is None:
            break
        start = end_m.end()
    if back:
        # 截至去年底，全县规上企业达到120家，今年新增15家: a clause that opens on this year
        # or a commitment looks ahead, whatever the sentence opened on
        k = max(text.rfind(c, start, pos) for c in "，,；;") + 1
        while k < pos and text[k] in " \t\u3000":
            k += 1
        if k > start and _CLAUSE_AHEAD.match(text, k):
            return False
    return back
