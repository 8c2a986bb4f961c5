"""The rules engine: offline, deterministic extraction on top of the chunker and number finder.

Every item it emits is grounded by construction: quotes are slices of the source, values are
parsed from the exact span they point at, qualifiers and directions are read from the words
next to that span. It is the embedded default and the baseline every LLM run is compared to.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate

from .. import numbers, wording
from ..chunking import Document
from ..models import Outcome, Scope, Section, Target
from ..taxonomy import lookup_key, match_indicator, normalise_indicator
from ..wording import Clause as _Clause
from ..wording import clauses as _clauses
from .base import Engine, Extraction, outcome_of, target_at
from .indicator_words import _ACTION, RECKONING, _clean_indicator
from .mentions import (
    _COUNT_UNITS,
    _attribute_of,
    _baseline,
    _day_count,
    _each_of,
    _in_quotes,
    _inside_name,
    _meta_count,
    _names_something,
    _nounish,
    _object_after,
    _paired_noun,
    _prenominal,
    _respective,
    _threshold,
    continues_enumeration,
    counted_milestone,
    group_total,
    milestone_count,
    subject_of,
    total_attribute,
)
from .number_filters import restates_headline, review_baseline, spent_on_projects, verb_of_clause
from .periods import NOT_RESULT, headings, look_back_paragraphs, period, retrospective
from .plan_sections import own_spans, priorities
from .project_model import find_projects
from .qualitative import PAST as _PAST
from .qualitative import end_states, headline_goals
from .unwrapped import read_unwrapped

# Funding verbs before an amount, and the purpose verbs after it (筹措7亿元实施…, 统筹4416.6亿元
# 支持…; 8 places): the amount is the money of the purpose.
_FUNDING = re.compile(
    r"(?:筹措|安排|投入|统筹|筹集|争取|下达)?(?:各类|财政)?资金|筹措|安排|投入|统筹|筹集|争取|下达"
)
_INLINE_MARK = re.compile(wording.INLINE_MARK)  # 一是…六是 opening a clause
_FOR_PURPOSE = re.compile(r"(?:以上|左右)?(?:实施|用于|支持)([^，,。；;：:]{2,30})")


# Patterns of the helpers below, compiled once (they run for every number of every report).
_NAME_NUMBER = re.compile(r"[\d.]+[^\d\s，,。；;、]?")
_ARABIC = re.compile(r"[0-9０-９]")
_ONLY_NUMBER = re.compile(r"[\d.%％]+")
# 均 as the distributive adverb (A、B均增长8%), not the bound morpheme of an average
# (年均增长, 人均, 平均, 户均, 亩均): a closed class
_DISTRIBUTIVE = re.compile(r"分别|(?<![年人平户亩日月])均|都")
_JOINT_SUBJECT = re.compile(
    r"^[^、和及与]{2,3}(?:[、和与]|及(?!以[上下]))[^、和及与]{2,3}[^、和及与]{2,}$"
)
# A subject listed with 、 (工业投资、民间投资年均增长6%): each member is an indicator of its own;
# 和/及/与 may join one aggregate (货物和服务进出口), 等 ends a list of examples.
_LIST_SUBJECT = re.compile(r"^[^、和及与等]{2,}(?:、[^、和及与等]{2,})+$")
# Rates joined by 和 (入学率和巩固率达到100%): two rates are never one aggregate
_RATE_LIST = re.compile(r"^[^、和及与等]+率(?:[、和与及][^、和及与等]+率)+$")
# Two full names of one head joined by 和 (全部财政收入和公共财政预算收入增长15%以上): two of a
# kind, never one aggregate (货物和服务进出口: the left one has no head of its own)
_SAME_HEAD_PAIR = re.compile(r"^[^、和及与等]{2,}(..)[和与及][^、和及与等]{2,}\1$")
# where the subject of a clause without a quantity ends: its verb of change or action, or a
# comparison (比)
_SUBJECT_END = re.compile(rf"比|(?:稳定|持续|稳步|大幅|较快)?(?:{_ACTION.pattern})")
# a value without a unit ending its clause, right after its subject (空气质量综合指数6.06)
# (the Chinese character is looked back at from the first digit: a pattern that starts with a
# digit is skipped in C to the next one)
_BARE_VALUE = re.compile(r"\d(?<=[\u4e00-\u9fff]\d)\d*(?:\.\d+)?[ \t\u3000]*[，,；;]?[ \t\u3000]*$")


def _gap_subject(text: str, start: int, end: int) -> list[str] | None:
    """The indicator a clause after ``text[start:end]`` (text without a quantity) may
    continue: the subject of a value without a unit that ends it, else the subject of its last
    clause's verb or comparison when the taxonomy knows it, else none; None when the text only
    says how a change is reckoned (the subject before it goes on)."""
    tail = text[start:end].strip("，,；; \t\u3000")
    if tail and RECKONING.fullmatch(tail):
        return None  # 完成192.3亿元，按可比价计算，同比增长6.0%: how it is reckoned, no subject
    bare = _BARE_VALUE.search(text, start, end)
    if bare is not None:
        clause_start = max(text.rfind(ch, start, bare.start()) for ch in "，,；;。：:\n") + 1
        subject = _clean_indicator(text[max(start, clause_start) : bare.start()])
        subject = re.sub(r"(?:为|是)$", "", subject)  # 综合污染指数为4.69
        return [subject] if _nounish(subject) else []
    # 全社会消费品零售总额稳定增长，2017年完成94.8亿元: the subject of the clause's verb or
    # comparison (新能源装机规模比“十三五”末翻了一番，达到6000万千瓦)
    tail = text[start:end].rstrip("，,；; \t\u3000")
    clause = tail[max(tail.rfind(ch) for ch in "，,；;。：:\n") + 1 :]
    verb = _SUBJECT_END.search(clause, 2)
    if verb is None:
        return []
    subject = _clean_indicator(clause[: verb.start()])
    # only an indicator the taxonomy knows: the words before a verb are often no subject
    # (精准扶贫工作按期…, 按可比价计算)
    return [subject] if _nounish(subject) and lookup_key(subject) else []


_INVESTMENT_WORD = re.compile(r"(?:年度|计划|年度计划)?总?投资额?$")
_RATE_UNIT = re.compile(r"[%％‰]|百分点")


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, merged spans."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


class _Quantities:
    """Every quantity mention of the report, found once, sliced per clause by offset."""

    def __init__(
        self, text: str, spans: list[tuple[int, int]], clause_index: wording.ClauseIndex
    ) -> None:
        self.clause_index = clause_index
        self.items: list[numbers.Mention] = []
        for start, end in _union(spans):  # only where targets are read: no review text
            self.items.extend(
                m
                for m in numbers.find_mentions(text, start, end)
                if m.kind == "quantity" and m.unit
            )
        self.starts = [m.start for m in self.items]

    def within(self, start: int, end: int) -> list[numbers.Mention]:
        lo = bisect_left(self.starts, start)
        hi = bisect_left(self.starts, end, lo)
        return [m for m in self.items[lo:hi] if m.end <= end]


class RulesEngine(Engine):
    """Deterministic extraction from the section tree and the numeric mentions."""

    name = "rules"
    model = None
    prompt_version = None

    def __init__(self, *, permissive: bool = False) -> None:
        # permissive: every quantity of the plan and work text is read as a target (none of
        # the filters for baselines, thresholds, names, past clauses…): the recall-first
        # proposal that the review strategy puts to a model (:mod:`.review`); it reads no
        # outcomes or priorities, which the review takes from the strict reading
        self.permissive = permissive

    async def extract(self, doc: Document) -> Extraction:
        return self.extract_sync(doc)

    def extract_sync(self, doc: Document) -> Extraction:
        """The extraction of ``doc``; a text wrapped at a fixed width is read unwrapped
        (:mod:`.unwrapped`), its offsets still the source's."""
        return read_unwrapped(doc, self._read)

    def _read(self, doc: Document) -> Extraction:
        ex = Extraction()
        text = doc.layout  # structure is read from the layout view; quotes re-sliced below
        headline = doc.headline_span()
        taken = [headline] if headline else []
        plan = own_spans(doc)
        # one index of clause ends for the report, shared by targets and outcomes
        clauses = wording.ClauseIndex(text, wording.CLAUSE_DELIMITERS)
        quantities = _Quantities(text, [*taken, *((s.start, e) for s, e in plan)], clauses)
        for a, b in taken:
            for section in doc.headline_sections():
                lo, hi = max(a, section.start), min(b, section.end)
                for kid in doc.children(section.path):
                    hi = min(hi, kid.start) if kid.start > lo else hi
                if hi > lo:
                    self._targets_in(doc, quantities, lo, hi, "headline", section, ex)
        projects = find_projects(doc, plan)
        amount_spans = {
            (p.amount_start, p.amount_end) for p in projects if p.amount_start is not None
        }
        # numbers written inside a project's name (130万吨高品质硅钢项目) are the name's, not
        # targets; a list quote (A、B等80个项目) also holds counts, which stay targets
        name_spans = _Cover(
            [
                (p.start + k, p.start + k + len(num))
                for p in projects
                for num in _NAME_NUMBER.findall(p.name)
                if (k := p.quote.find(num)) >= 0
            ]
        )
        for section, own_end in plan:
            for a, b in _minus(section.start, own_end, taken):
                self._targets_in(
                    doc, quantities, a, b, "section", section, ex, amount_spans, name_spans
                )
        ex.projects = projects
        if not self.permissive:  # the permissive reading proposes targets only
            ex.targets = [t for t in ex.targets if not spent_on_projects(text, t, projects)]
            said = {(t.value, t.unit) for t in ex.targets if t.scope == "headline"}
            ex.targets = [t for t in ex.targets if not restates_headline(text, t, said)]
            for section, own_end in plan:
                for a, b in _minus(section.start, own_end, taken):
                    ex.qualitative_targets.extend(end_states(text, clauses, a, b, section.path))
            ex.outcomes = self._outcomes(doc, clauses, plan)
            ex.priorities = priorities(doc)
        ex.chunks = len(doc.sections)
        _reslice(ex, doc.text)
        return ex

    # ------------------------------------------------------------ outcomes

    def _outcomes(
        self,
        doc: Document,
        clauses: wording.ClauseIndex,
        plan: list[tuple[Section, int]],
    ) -> list[Outcome]:
        """Results stated in the review part, read with the target machinery (clauses, mentions,
        indicator, qualifier and direction readers); each dated by :func:`.review.period`."""
        text = doc.layout
        spans = [(s, s.start, e) for s, e in own_spans(doc, review=True)]
        # a plan paragraph under a review heading is read there already: each text once
        reviewed = {s.path for s, _, _ in spans}
        spans += [x for x in look_back_paragraphs(text, plan) if x[0].path not in reviewed]
        if not spans:
            return []
        quantities = _Quantities(text, [(a, b) for _, a, b in spans], clauses)
        out: list[Outcome] = []
        for section, start, own_end in spans:
            found: list[tuple[_Clause, Target]] = []
            self._targets_in(
                doc, quantities, start, own_end, "section", section, Extraction(), review=found
            )
            heads = headings(doc, section) if found else None
            # (the targets of one clause follow each other and share its period: read once)
            last: tuple[_Clause | None, str | None] = (None, None)
            for clause, target in found:
                if heads is None:
                    when = None
                elif last[0] == clause:
                    when = last[1]
                else:
                    when = period(doc, section, clause, heads)
                    last = (clause, when)
                if when is not None:
                    out.append(outcome_of(target, when))
        return out

    # ------------------------------------------------------------ targets

    def _targets_in(
        self,
        doc: Document,
        quantities: _Quantities,
        start: int,
        end: int,
        scope: Scope,
        section: Section,
        ex: Extraction,
        amount_spans: set[tuple[int, int | None]] | None = None,
        name_spans: _Cover | None = None,
        review: list[tuple[_Clause, Target]] | None = None,
    ) -> None:
        """Targets of ``text[start:end]`` into ``ex``; with ``review`` (a list), the same
        readings of review text, each with its clause, into that list instead (outcomes:
        past results are what is read there, baselines and plan-year targets are not)."""
        text = doc.layout
        previous: list[str] = []
        last_end = start
        for clause, mentions in self._clauses_in(text, quantities, start, end, scope):
            if wording.CJK.search(text, last_end, clause.start):
                # a clause without a quantity came between: the subject it continues is that
                # clause's (全年空气质量综合指数6.06，同比下降6.87%: a value without a unit), else
                # none (a subject read three clauses back is no longer the one spoken of)
                gap = _gap_subject(text, last_end, clause.start)
                previous = previous if gap is None else gap
            last_end = clause.end
            deepest = section  # own text of a section precedes its children
            if not mentions:
                if scope == "headline":
                    ex.qualitative_targets.extend(headline_goals(text, clause, deepest.path))
                continue
            if review is not None:
                if NOT_RESULT.search(text, clause.start, clause.end):
                    previous = []
                    continue
                mentions = [m for m in mentions if not review_baseline(text, m, clause)]
            elif (
                scope == "section"
                and not self.permissive
                and (
                    _PAST.search(text, clause.start, clause.end)
                    or retrospective(text, clause.start, doc.report.year)
                )
            ):
                # a past state is no target, but a clause after it may continue its subject
                # (截至去年底，全县规上企业达到120家，今年新增15家)
                previous = self._clause_targets(
                    text, clause, mentions, scope, deepest.path, [], set(), _NO_SPANS, previous
                )
                continue
            found: list[Target] = []
            previous = self._clause_targets(
                text,
                clause,
                mentions,
                scope,
                deepest.path,
                found if review is not None else ex.targets,
                amount_spans or set(),
                name_spans or _NO_SPANS,
                previous,
            )
            if review is not None:
                review.extend((clause, t) for t in found)

    def _clauses_in(
        self, text: str, quantities: _Quantities, start: int, end: int, scope: Scope
    ) -> list[tuple[_Clause, list[numbers.Mention]]]:
        """The clauses of ``text[start:end]`` with their quantities. In the headline every
        clause counts (one without a number is a qualitative target); elsewhere only the
        clauses holding a quantity, found from the quantities (most clauses hold none)."""
        if scope == "headline":
            return [(c, quantities.within(c.start, c.end)) for c in _clauses(text, start, end)]
        out: list[tuple[_Clause, list[numbers.Mention]]] = []
        for m in quantities.within(start, end):
            clause = quantities.clause_index.around(m.start, start, end)
            if clause is None or m.end > clause.end or m.start < clause.start:
                continue
            if out and out[-1][0] == clause:
                out[-1][1].append(m)
            else:
                out.append((clause, [m]))
        return out

    def _clause_targets(
        self,
        text: str,
        clause: _Clause,
        mentions: list[numbers.Mention],
        scope: Scope,
        section_path: str,
        out: list[Target],
        amount_spans: set[tuple[int, int | None]],
        name_spans: _Cover,
        previous: list[str] | None = None,
    ) -> list[str]:
        """Targets of one clause; returns the indicators read so far (``previous`` and this
        clause's): the last one a following clause without a subject continues (``增长8%以上，
        力争达到10%``), the last few a following enumeration without a subject (``A、B分别达到
        X、Y，分别增长Z%、W%``; ``接待游客764万人次，实现综合效益38亿元，分别增长64.2%、63.4%``)."""
        previous = previous or []
        quote = text[clause.start : clause.end]
        kept = [
            m
            for m in mentions
            if m.value is not None
            and m.unit.lower() not in _CLASS_UNITS
            and (m.start, m.end) not in amount_spans
            and not name_spans.covers(m.start)
        ]
        kept = (
            kept
            if self.permissive
            else [
                m
                for m in kept
                if not _inside_name(text, m, clause.end)
                and not _threshold(text, m, clause.end)
                and (m.unit not in _DURATION_UNITS or _day_count(text, m, clause, previous))
                and not _in_quotes(text, m, clause.start)
                and not (m.unit == "元" and not _ARABIC.search(m.text))  # 三元: a name
                and not _baseline(text, m, clause)
                and not _meta_count(text, m, clause.end)
            ]
        )
        if not kept:
            return previous
        head = text[clause.start : kept[0].start]
        split = head.rfind("分别")
        if split >= 0 and len(kept) >= 2:
            return self._enumeration(
                text, clause, kept, clause.start + split, scope, section_path, out, previous
            )
        listed = _respective(text, clause, kept, scope)
        if listed is not None:
            # 粮食播种面积、产量稳定在35万亩、15万吨: as many values as members, in order
            return self._enumeration(
                text, clause, kept, listed[0], scope, section_path, out, previous, listed[1]
            )
        if len(kept) >= 2 and continues_enumeration(text, clause, kept, previous):
            # 城乡居民人均可支配收入分别为2.9万元、2万元，增长8.5%、9.5%: values without a
            # subject continue the members of the enumeration right before them, in order
            return self._enumeration(
                text, clause, kept, clause.start, scope, section_path, out, previous,
                previous[-len(kept) :],
            )  # fmt: skip
        if len(kept) == 1 and self._shared_value(text, clause, kept[0], scope, section_path, out):
            return []
        prev_end = clause.start
        made: list[str] = []
        for m in kept:
            members = _each_of(text, prev_end, m) if scope == "section" else None
            if members:
                # 公厕和口袋公园各5个: one target per member of the list before 各
                _member_targets(text, m, members, scope, section_path, clause, out)
                made.extend(members)
                prev_end = wording.bound_end(text, m.end)
                continue
            seg_start = prev_end
            sep = max(
                text.rfind("、", prev_end, m.start), wording.rfind_and(text, prev_end, m.start)
            )
            if sep >= 0:
                seg_start = sep + 1
            strip = scope == "section"
            mark = _INLINE_MARK.match(text, seg_start, m.start)
            verbs = list(_ACTION.finditer(text, mark.end() if mark else seg_start, m.start))
            if text[seg_start : m.start].endswith("等"):
                # 推动循环大道、将军北路等11条道路开工建设: the count is of the noun after it
                verbs = []
                seg_start = m.start
            if verbs:
                # 完成高标准农田建设4.5万亩: the object between the last verb and the number;
                # 粮食产量稳定在19.2万吨: the subject before a verb that touches the number
                verb = verbs[-1]
                indicator = _clean_indicator(text[verb.end() : m.start], strip_verbs=strip)
                if (
                    len(indicator) < 2
                    and len(verbs) >= 2
                    and verb.group() not in wording.DIRECTION_WORDS
                    and _nounish(text[verbs[-2].end() : verb.start()])
                ):
                    # 完成土地储备2839亩: a verb outside the direction list that ends a noun
                    # (土地储备) after the clause's verb is part of the indicator
                    indicator = _clean_indicator(text[verbs[-2].end() : m.start], strip_verbs=False)
                elif len(indicator) < 2:
                    indicator = _clean_indicator(text[seg_start : verb.start()], strip_verbs=strip)
                elif scope == "headline":
                    # 城镇新增就业2.5万人: a headline indicator is everything before the number
                    indicator = _clean_indicator(text[seg_start : m.start], strip_verbs=False)
            else:
                indicator = _clean_indicator(text[seg_start : m.start], strip_verbs=strip)
            if verbs:
                # 一是城镇新增就业4000人, 城镇新增就业累计超过41万人, 实现城镇新增就业18万人: a
                # statistic's name as written, a verb inside it
                whole = _clean_indicator(text[seg_start : m.start], strip_verbs=strip)
                found = match_indicator(whole)
                if found and found[1] == normalise_indicator(whole).lower():
                    indicator = whole
            group = group_total(text, m, clause.end)
            counted = _prenominal(text, m, clause.end) or _paired_noun(text, m, clause.end)
            purpose = _FOR_PURPOSE.match(text, m.end, clause.end) if m.unit.endswith("元") else None
            if purpose is not None and _FUNDING.fullmatch(indicator):
                # 筹措7亿元实施就业惠民工程: the money of what it is raised for
                indicator = _clean_indicator(purpose.group(1)) + "资金"
            elif group is not None:
                # 抓好总投资321亿元的53个重点项目: the total of the things counted after it
                word = _INVESTMENT_WORD.search(indicator)
                measure = total_attribute(text, m)  # 总长9.87公里的…等8条道路: 道路总长
                indicator = group + (measure or (word.group() if word else "总投资"))
            elif counted is not None:
                # 实施好…的93个重点项目, 完成150公里农村公路建设: number, measure word, noun;
                # a quantity between a name and its noun is part of the name (大唐700万吨露天矿)
                owner = text[verbs[-1].end() if verbs else seg_start : m.start]
                base_unit = numbers.to_base(1, m.unit)[1] if m.unit else ""
                if (
                    base_unit not in _COUNTED_BY
                    and _names_something(owner)
                    and not verb_of_clause(text, clause, seg_start, bool(verbs), m)
                    # 4个小区9.2万平方米老旧小区: right after a count, the words are the noun
                    # it counts, not a name owning the next quantity
                    and not (seg_start == prev_end > clause.start and not verbs)
                ):
                    attribute = _clean_indicator(owner)
                    if not _attribute_of(text, m, clause.end) or not _nounish(attribute):
                        prev_end = m.end
                        continue
                    counted += attribute  # 总长度57.9公里的城市道路: the noun's measure
                indicator = counted
            elif not _nounish(indicator):
                # 重点推进2180套棚户区, 加快推进2023—2024年13个老旧小区改造: the noun follows
                after = _object_after(text, m, clause.end)
                if not _nounish(after) and text.startswith("、", m.end):
                    # 完成65条、总长度57.9公里的城市道路新建改造: the enumeration's noun
                    after = next(
                        (n for k in kept if k.start > m.start
                         if (n := _prenominal(text, k, clause.end)) is not None),
                        after,
                    )  # fmt: skip
                indicator = (
                    after
                    if _nounish(after)
                    else (
                        indicator
                        if len(indicator) >= 2
                        else ([*previous, *made] or [_opening_subject(text, clause, kept)])[-1]
                    )
                )
            indicator = subject_of(text, seg_start, verbs, m, indicator, [*previous, *made])
            direction = _direction(text, m.start, seg_start)
            if not direction and seg_start != clause.start:  # the same reading otherwise
                direction = _direction(text, m.start, clause.start)
            prev_end = wording.bound_end(text, m.end)
            if len(indicator) < 2 or _ONLY_NUMBER.fullmatch(indicator):
                continue
            if milestone_count(text, m):
                continue  # 连续迈上4个万亿元台阶: how many levels, of no thing of its own
            made.append(indicator)
            if counted_milestone(text, m):
                continue  # 连跨两个万亿元台阶: no value, but its subject goes on (年均增长5.7%)
            qualifier = wording.qualifier_for(text, m.start, m.end, clause.start, clause.end)
            out.append(
                _target(indicator, m, qualifier, direction, scope, section_path, clause, quote)
            )
        return [*previous, *made][-_RECENT:]

    def _shared_value(
        self,
        text: str,
        clause: _Clause,
        m: numbers.Mention,
        scope: Scope,
        section_path: str,
        out: list[Target],
    ) -> bool:
        """``城乡居民人均可支配收入增长7.5%``, ``A、B均增长8%``: a joint subject with one value
        gives one target per member, sharing the value (joint subjects are expanded)."""
        head = text[clause.start : m.start]
        # the distributive adverb stands right before the verb (人均 is not one)
        adverb = next(
            (a for a in _DISTRIBUTIVE.finditer(head) if _ACTION.match(head, a.end())), None
        )
        # (六是城乡居民…: the 是 of an inline marker is no verb of the clause)
        mark = _INLINE_MARK.match(head)
        verb = _ACTION.search(head, adverb.end() if adverb else mark.end() if mark else 0)
        stop = adverb.start() if adverb else (verb.start() if verb else -1)
        if stop < 2:
            return False
        if verb is not None and _nounish(_clean_indicator(head[verb.end() :])):
            return False  # A、B、C完成土地储备2839亩: the object is measured, the list says where
        subject = _clean_indicator(head[:stop], strip_verbs=scope == "section")
        if (
            adverb is None
            and not subject.startswith("城乡")
            and not _JOINT_SUBJECT.match(subject)
            and not _LIST_SUBJECT.match(subject)
            and not _RATE_LIST.match(subject)
            and not _SAME_HEAD_PAIR.match(subject)
        ):
            return False
        if adverb is None and subject.startswith("城乡") and not _RATE_UNIT.search(m.unit or ""):
            # 城乡居民人均可支配收入达到20000元: one amount is the joint population's (a rate
            # may be each member's: 城乡居民人均可支配收入增长8%)
            return False
        parts = 2 if subject.startswith("城乡") else len(wording.ENUM_SPLIT.split(subject))
        members = wording.expand_joint_subject(subject, parts, text)
        if not members or len(members) < 2 or any(len(x) < 2 for x in members):
            return False
        _member_targets(text, m, members, scope, section_path, clause, out)
        return True

    def _enumeration(
        self,
        text: str,
        clause: _Clause,
        kept: list[numbers.Mention],
        split: int,
        scope: Scope,
        section_path: str,
        out: list[Target],
        previous: list[str] | None = None,
        members: list[str] | None = None,
    ) -> list[str]:
        """``A、B分别增长5.5%、7%``: one target per indicator, sharing the clause as quote; a
        clause without a subject (``，分别增长10%、11%``) continues the members of the enumeration
        before it; ``members``: the indicators when the caller has read them. Returns the
        indicators."""
        quote = text[clause.start : clause.end]
        subject = _clean_indicator(text[clause.start : split], strip_verbs=scope == "section")
        if members is not None:
            indicators = members
        elif not subject and previous and len(previous) >= len(kept):
            indicators = previous[-len(kept) :]
        else:
            indicators = wording.expand_joint_subject(subject, len(kept), text) or [subject] * len(
                kept
            )
        qualifiers = [
            wording.qualifier_for(text, m.start, m.end, clause.start, clause.end) for m in kept
        ]
        for indicator, m, qualifier in zip(indicators, kept, qualifiers, strict=True):
            if len(indicator) >= 2:
                direction = _direction(text, m.start, split)  # 分别从…增加到…: each its own
                out.append(
                    _target(indicator, m, qualifier, direction, scope, section_path, clause, quote)
                )
        return indicators


def _opening_subject(text: str, clause: _Clause, kept: list[numbers.Mention]) -> str:
    """The noun phrase a clause opens with, before its first number, when nothing nearer
    names a value (地区生产总值连续迈上4个万亿元台阶、达14.2万亿元: 14.2万亿元 is its); else ""."""
    subject = _clean_indicator(text[clause.start : kept[0].start]) if kept else ""
    return subject if _nounish(subject) and lookup_key(subject) else ""


def _target(
    indicator: str,
    m: numbers.Mention,
    qualifier: str,
    direction: str,
    scope: Scope,
    section_path: str,
    clause: _Clause,
    quote: str,
) -> Target:
    return target_at(
        m,
        indicator=indicator,
        qualifier=qualifier,
        direction=direction,
        scope=scope,
        section=section_path,
        quote=quote,
        start=clause.start,
    )


def _reslice(ex: Extraction, source: str) -> None:
    """Quotes are the source's own characters: the layout view differs only in layout
    sequences (``&nbsp;``, escaped line breaks), which a quote may hold inside a clause."""
    for t in ex.targets:
        t.quote = source[t.start : t.end]
    for o in ex.outcomes:
        o.quote = source[o.start : o.end]
    for q in ex.qualitative_targets:
        if q.text == q.quote:
            q.text = source[q.start : q.end]
        q.quote = source[q.start : q.end]
    for p in ex.projects:
        p.quote = source[p.start : p.end]


class _Cover:
    """Spans, for asking whether a position falls in one of them in O(log n)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        # reach[k]: the furthest end among the first k + 1 spans
        self.reach = list(accumulate((b for _, b in self.spans), max))

    def covers(self, pos: int) -> bool:
        """Whether ``pos`` falls in one of the spans."""
        k = bisect_left(self.spans, (pos + 1, -1))  # the spans starting at or before pos
        return k > 0 and self.reach[k - 1] > pos


_NO_SPANS = _Cover([])  # no span covers anything (shared: a _Cover is never changed)


_RECENT = 6  # indicators a clause without a subject may continue

# Units that grade a class of equipment (220千伏输变电工程, 10kV配网): never a quantity to reach.
_CLASS_UNITS = frozenset({"千伏", "kv", "伏", "v"})
# Classifiers of discrete things (507栋危旧简易楼, 800台电梯): they count the noun after them,
# which a physical measure (700万吨露天矿) may name. The genre's closed class of measure words.
_CLASSIFIERS = frozenset({"栋", "幢", "套", "台", "辆", "张", "盏", "艘", "架", "间", "眼"})
# Classifiers that count things, households or times (1.8万户的征拆, 2次集中推介): the noun
# after them is what is counted, never a name the quantity belongs to.
_COUNTED_BY = _COUNT_UNITS | {"户", "次", "名", "人", "人次"} | _CLASSIFIERS  # no name owns people
_DURATION_UNITS = ("个月", "月", "天", "日", "年", "周", "小时", "分钟", "秒")


def _member_targets(
    text: str,
    m: numbers.Mention,
    members: list[str],
    scope: Scope,
    section_path: str,
    clause: _Clause,
    out: list[Target],
) -> None:
    """One target per member of a joint subject or a list, all sharing the number, its
    qualifier and direction, and the clause as quote."""
    direction = _direction(text, m.start, clause.start)
    qualifier = wording.qualifier_for(text, m.start, m.end, clause.start, clause.end)
    quote = text[clause.start : clause.end]
    for indicator in members:
        out.append(_target(indicator, m, qualifier, direction, scope, section_path, clause, quote))


def _direction(text: str, pos: int, start: int) -> str:
    """The closed-list verb nearest before ``pos``; words outside the list (涨幅, 增幅, 稳定)
    give "" (docs/output-format.md)."""
    word, s, e = wording.direction_before(text, pos, start)
    if word and text[s:e] in wording.LOOSE_DIRECTION_WORDS:
        return ""
    return word


def _minus(start: int, end: int, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans = [(start, end)]
    for a, b in taken:
        nxt = []
        for s, e in spans:
            if b <= s or a >= e:
                nxt.append((s, e))
                continue
            if s < a:
                nxt.append((s, a))
            if b < e:
                nxt.append((b, e))
        spans = nxt
    return spans
