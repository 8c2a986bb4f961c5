"""Which project candidates the rules engine keeps: a logistic regression over general,
structural features, trained on the tuning half of the development corpus only.

The hand lists of :mod:`.projects` (head nouns, category words, verbs of context) fit the
places they were tuned on; this layer reads more candidates than they keep and weighs each by
what any report shows of it, not by phrases of one place:

- *candidates*: every name any of :mod:`.projects`' ways of naming reads before its name
  tests drop it (``clause_items(loose=True)``), its own output, and the 、-items and lead noun
  phrases of a clause that holds a works word, a head noun or a milestone (cut before that
  word: ``大正果品、河北醇油坊8月份达到投产条件``);
- *features* (:func:`features`): length, the last one and two characters and the first
  (the head), digits, Latin letters, quotes, phases, routes, the verb before the list, the
  punctuation around it, the position in a 、-list and its length, 等 after it, the section's
  kind and depth, the review sentence and context tests, the rules' own decision, how often the
  name is written in the report, whether it holds the region's name, and how specific its
  words are: the share of its bigrams that no other place of the tuning half writes
  (``bigram_places`` in the data file); in a province-level report (省, 自治区, the four
  municipalities) each feature also enters conjoined with the level (``prov:``), since such
  reports name works on another scale (national programmes, cities as places);
  whether the name opens with the name of a division of China (``place_names.txt``, a closed
  class: 西宁国家物流枢纽; a division's name alone is no candidate) and the share of such
  names in its list;
- *weights* (``project_model.json``): fitted by ``evals/tools/project_model.py`` with
  scikit-learn, which the package never imports; the score is applied here in pure Python.

Of two overlapping candidates whose names agree, the likelier is kept.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

from ..chunking import Document
from ..errors import SummarizerError
from ..models import Project, Section
from ..wording import PROJECT_CLAUSE_RE, Clause
from . import project_filters, project_lists, project_words, projects
from .project_clauses import HintClauses, hint_clauses
from .project_details import _Item, _project
from .project_filters import ReviewSentences, in_context, numbers_written, whole_quote
from .project_tables import back_matter, plan_table


class Candidate(NamedTuple):
    """A name read as a possible project, with the clause and list it was read from."""

    project: Project
    body: str  # the clause's text ("" for a row of an appendix table)
    item: _Item | None
    clause: Clause | None
    floor: int  # where its section starts
    # read by :func:`_extra_items` or :func:`_halves`, not by a way of naming of :mod:`.projects`
    extra: bool


def _overlap(p: Project, q: Project) -> bool:
    return p.start < q.end and q.start < p.end


class _Read:
    """The candidates read so far, indexed for the two duplicate tests of a new one (each was a
    scan of every candidate before it, ~90% of :func:`candidates`' time):

    - ``same``: one of the same name overlapping it (a dict by name: a name has few readings);
    - ``agreeing``: one overlapping it whose name agrees (by start: candidates sorted on their
      start, scanned back from the new one's end only as far as the longest span reaches).
    """

    def __init__(self) -> None:
        self.out: list[Candidate] = []
        self.by_name: dict[str, list[Project]] = {}
        self.starts: list[int] = []  # sorted; ``spans`` in the same order
        self.spans: list[Project] = []
        self.longest = 0

    def add(self, c: Candidate) -> None:
        p = c.project
        self.out.append(c)
        self.by_name.setdefault(p.name, []).append(p)
        k = bisect_right(self.starts, p.start)
        self.starts.insert(k, p.start)
        self.spans.insert(k, p)
        self.longest = max(self.longest, p.end - p.start)

    def same(self, p: Project) -> bool:
        return any(_overlap(q, p) for q in self.by_name.get(p.name, ()))

    def agreeing(self, start: int, end: int, name: str) -> bool:
        """A candidate overlapping ``start``-``end`` whose name agrees with ``name``."""
        # a candidate overlapping the span starts before its end and ends after its start, so
        # starts after ``start - longest``
        lo = bisect_right(self.starts, start - self.longest)
        hi = bisect_left(self.starts, end)
        return any(
            q.start < end and start < q.end and _agree(q.name, name) for q in self.spans[lo:hi]
        )


def _hinted(doc: Document, own_spans: list[tuple[Section, int]]) -> list[HintClauses]:
    """The clauses of the own spans that :mod:`.projects`' hints point to (before the back
    matter), read by both the rules and :func:`candidates`."""
    back = back_matter(doc.layout)
    stop = back[0][0] if back else len(doc.layout)
    return hint_clauses(doc.layout, own_spans, stop, projects._HINT)


def candidates(
    doc: Document,
    own_spans: list[tuple[Section, int]],
    rules: list[Project],
    hinted: list[HintClauses] | None = None,
    listed: dict[str, projects.Listed] | None = None,
) -> list[Candidate]:
    """The loose reading, the rules' own output (``rules``) it lost, and the extra 、-items
    (``hinted``: the clauses of :func:`_hinted`, found here when not given; ``listed``: the
    lists the rules read of each clause, see :func:`.projects.clause_items`)."""
    text = doc.layout
    if hinted is None:
        hinted = _hinted(doc, own_spans)
    read = _Read()
    for section, _, clauses in hinted:
        for clause in clauses:
            body = text[clause.start : clause.end]
            for it in projects.clause_items(body, loose=True, listed=listed):
                p = _project(text, clause, body, it, section.path)
                if _may_name(p) and numbers_written(p, doc.layout) and not read.same(p):
                    read.add(Candidate(p, body, it, clause, section.start, False))
    for p in rules:
        if _may_name(p) and not read.same(p):
            read.add(Candidate(p, "", None, None, 0, False))
    for section, own_end, _ in hinted:
        for cand in _extra_items(doc, section, own_end, read.agreeing):
            p = cand.project
            if (
                _may_name(p)
                and numbers_written(p, doc.layout)
                and not read.agreeing(p.start, p.end, p.name)
            ):
                read.add(cand)
    for c in list(read.out):
        for half in _halves(text, c):
            if _may_name(half.project) and not read.same(half.project):
                read.add(half)
    return read.out


# 消纳场, 研究生院, 泵站: a one-character facility noun ends a name too
_FACILITY_END = re.compile(rf"[{projects._FACILITY_CHARS}]$")


def _halves(text: str, c: Candidate) -> list[Candidate]:
    """``固废垃圾消纳场和餐厨垃圾处理厂``: a name written as read (no shared head added) that
    和 or 及 splits into two names each ending on a head noun gives each as a candidate too
    (the model weighs them against the joined one)."""
    it, clause = c.item, c.clause
    if it is None or clause is None or c.project.name != c.body[it.a : it.b]:
        return []
    out = []
    for a, b in _halves_at(c.body, it):
        half = _Item(a, b, c.body[a:b], it.list_start, it.list_end)
        p = _project(text, clause, c.body, half, c.project.section or "")
        out.append(Candidate(p, c.body, half, clause, c.floor, True))
    return out


def _headed(body: str, a: int, b: int) -> bool:
    """Whether ``body[a:b]`` ends on a head noun of a work or a facility."""
    return bool(projects._ANY_END.search(body, a, b) or _FACILITY_END.search(body, a, b))


def _halves_at(body: str, it: _Item) -> list[tuple[int, int]]:
    """The spans of the two names that one 和 or 及 joins in ``body[it.a:it.b]``, each at
    least three characters ending on a head noun; [] when it is not so."""
    joins = list(projects._AND.finditer(body, it.a, it.b))
    if len(joins) != 1:
        return []
    k = joins[0].start()
    spans = [(it.a, k), (k + 1, it.b)]
    if all(b - a >= 3 and _headed(body, a, b) for a, b in spans):
        return spans
    return []


def _may_name(p: Project) -> bool:
    """Not a division's name alone (唐山, 秦皇岛市: a closed class, a place and no work), nor a
    name holding the list mark 等 (汉中等低空装备制造聚集区 of 西安、汉中等…: a list read
    wrong); left out before the extra items are read, which may then read the item whole."""
    return p.name not in project_filters.place_names() and not projects._ETC.search(p.name)


# (whether a clause holds one; the month a milestone is due, 6月底前 or 上半年, is found by its 月
# or 半年 and the numeral or 上/下 looked back at, so that every alternative starts with a literal
# character and the search skips in C to the next place one stands)
_PIECE_HINT = re.compile(
    rf"{projects._WORKS_WORDS}|{projects._BUILD_WORDS}|{projects._STRONG}|运营|投用|主体|达到|具备|"
    r"月(?<=[\d一二三四五六七八九十]月)|半年(?<=[上下]半年)"
)
# where an item's name ends: before the time, works or milestone word written after it
_CUT_AT = re.compile(
    rf"(?:{projects._WHEN_END.pattern[:-1]})?(?:{projects._WORKS_WORDS}|投用|投入|主体|达到|开业|"
    r"正式运营|"
    rf"具备|实现|顺利|[\d一二三四五六七八九十]{{1,2}}月|年内|年底|{projects._ETC_MARK})"
)


def _extra_items(
    doc: Document,
    section: Section,
    own_end: int,
    known: Callable[[int, int, str], bool] = lambda start, end, name: False,
) -> list[Candidate]:
    """Every 、-item and lead noun phrase of a clause that holds a works word, a head noun
    or a milestone, cut before the works or time word written after it; not one that
    ``known`` says is read already over its item's span (its quote holds that span: the
    candidates read already whose names agree and which overlap the span overlap the quote)."""
    text = doc.layout
    out = []
    for cm in PROJECT_CLAUSE_RE.finditer(text, section.start, own_end):
        body = cm.group()
        if not _PIECE_HINT.search(body):
            continue
        clause = Clause(cm.start(), cm.end())
        parts: list[tuple[int, int]] = []
        pos = 0
        for piece in body.split("、"):
            parts.append((pos, pos + len(piece)))
            pos += len(piece) + 1
        cut = []
        for a0, b0 in parts:
            a, b = project_lists._trim_start(body, a0, b0), b0
            m = _CUT_AT.search(body, a + 2, b)
            if m:
                b = m.start()
            # (looked for only when the name was trimmed: a cut found starts at a0 + 2 or later)
            first = _CUT_AT.search(body, a0 + 2, b0) if a > a0 + 2 else None
            # (not when the words after the verb end on a head noun: they are its object, as in
            # 高标准建设中欧班列长沙集结中心 or 支持赤峰建设蒙东作物种质资源库)
            if first and first.start() < a and not _headed(body, a, b):
                # 确保一臣饲料建成投产, 中尚药业年内投产: the verb trimmed up to is the name's
                # own milestone; the name ends before the first one and starts after a verb
                # (not when only a verb stands there: 加快建设南宁 names 南宁, not 加快)
                before = project_lists._trim_start(body, a0, first.start())
                if not any(
                    v.start() == before and v.end() == first.start()
                    for v in project_lists._verbs(body, before, first.start())
                ):
                    a, b = before, first.start()
            while b > a and body[b - 1] in "的和与及":
                b -= 1
            if b - a >= 2:
                cut.append((a, b))
        if not cut:
            continue
        # 南宁、百色、来宾、梧州泛铝件先进制造基地, 国道G337、G230安国绕城公路: divisions or
        # road codes before a last item that opens with one share its rest (as in projects)
        last = projects._clean(body[cut[-1][0] : cut[-1][1]])
        for a, b in cut:
            name = projects._clean(body[a:b])
            lead = projects.listed_lead(name, last) if (a, b) != cut[-1] else 0
            if lead:
                name += last[lead:]
            if not projects.any_name(name):
                continue
            spans = [(a, b)]
            if len(name) > 25:
                # 安国中医药高等职业学院和中国医学科学院药植所安国研发中心: two names that 和
                # joins are too long as one, not each (see _halves)
                spans = _halves_at(body, _Item(a, b, name, a, b))
            for x, y in spans:
                part = name if (x, y) == (a, b) else body[x:y]
                if known(clause.start + x, clause.start + y, part):
                    continue
                it = _Item(x, y, part, cut[0][0], cut[-1][1])
                p = _project(text, clause, body, it, section.path)
                out.append(Candidate(p, body, it, clause, section.start, True))
    return out


# ---------------------------------------------------------------- features

_FUNCTION_CHARS = frozenset("的和与及等在是为对把将了着之其各有")
_CN_PAIR = re.compile(r"(?=([\u4e00-\u9fff]{2}))")
# 14个路段, 2180套棚户区, 5000亩三山绿化: a count or size leading the name (a target's)
_LEAD_NUMBER = re.compile(r"[\d０-９.]+|[一二三四五六七八九十两百千万]+[个座所条项家处块套户亩]")
_LEAD_COUNT = re.compile(r"[\d０-９一二三四五六七八九十两百千万.]+[个座所条项家处块套户批]")
# 哈萨尔大街和东升路两处市民公园: a count inside, in either numerals (一 is left out: 一批 and
# 一期 are parts of names); an ordinal is no count (第二个50万辆整车项目)
_INNER_COUNT = re.compile(r"(?<!第)(?:[\d０-９]+|[两二三四五六七八九十]+)[个座所条项家处块套户批]")
_REGION_SUFFIX = re.compile(r"(?:维吾尔|壮族|回族)?(?:自治区|省|市|县|区|旗)$")


def _bucket(n: float, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return f"<={e}"
    return f">{edges[-1]}"


def _bucket_keys(prefix: str, edges: tuple[int, ...]) -> Callable[[int], str]:
    """``prefix + _bucket(n, edges)`` for a count ``n`` >= 0, the keys made once: every ``n``
    past the last edge shares one (features() asks it of every candidate)."""
    keys = tuple(prefix + _bucket(n, edges) for n in range(edges[-1] + 2))
    top = len(keys) - 1
    return lambda n: keys[n if n < top else top]


_LEN_KEY = _bucket_keys("len=len", (3, 4, 5, 6, 8, 10, 13, 17))
_QLEN_KEY = _bucket_keys("quote_len=qlen", (6, 10, 16, 25, 40))
_REP_KEY = _bucket_keys("repeats=rep", (0, 1, 2, 4))
_LIST_KEY = _bucket_keys("list_len=list", (1, 2, 3, 5, 8))


_DIGIT = re.compile(r"[\d０-９]")
_LATIN = re.compile(r"[A-Za-z]")
_CN_DIGIT = re.compile(r"[一二三四五六七八九十]")
_PHASE = re.compile(r"[一二三四五六七八九十\d]期")
_PAREN = re.compile(r"[（(]")


class _ListFacts(NamedTuple):
    """What :func:`features` reads of a 、-list, the same for every item of it."""

    seg: str
    n_items: int
    after: str
    verb: str
    context: bool
    tail_works: bool
    count_after: bool
    place_share: float  # the share of its items that are places' names (海东、海西等地)


class ReportFacts:
    """What :func:`features` reads of the whole report, found once per report rather than per
    candidate: the rules' output by name, the sections by path, the region's name, and memos of the times a name is
    written in the report, of each 、-list's facts (a list's items share them) and of each
    clause's review-sentence test (a clause's names share it)."""

    def __init__(
        self, doc: Document, rules: list[Project], review: ReviewSentences | None = None
    ) -> None:
        self.rules_by_name: dict[str, list[Project]] = {}  # the rules' own output, by name
        for q in rules:
            self.rules_by_name.setdefault(q.name, []).append(q)
        self.sections: dict[str, Section] = {}
        for s in doc.sections:  # the first section of a path, as ``Document.by_path``
            self.sections.setdefault(s.path, s)
        self.region = _REGION_SUFFIX.sub("", doc.report.region or "")
        self.provincial = _provincial(doc.report.region or "")
        self.counts: dict[str, int] = {}
        self.lists: dict[tuple[str, int, int], _ListFacts] = {}
        # the review-sentence tests of the layout view (the rules' own, when they are given)
        self.in_review = review or ReviewSentences(doc.layout)

    def count(self, text: str, name: str) -> int:
        n = self.counts.get(name)
        if n is None:
            n = self.counts[name] = text.count(name)
        return n

    def list_facts(self, body: str, it: _Item) -> _ListFacts:
        key = (body, it.list_start, it.list_end)
        got = self.lists.get(key)
        if got is None:
            seg = body[it.list_start : it.list_end]
            verbs = list(project_words._BOUNDARY.finditer(body, 0, it.list_start))
            verb = verbs[-1].group() if verbs and verbs[-1].end() >= it.list_start - 2 else ""
            got = self.lists[key] = _ListFacts(
                seg,
                seg.count("、") + 1,
                body[it.list_end : it.list_end + 2] or "END",
                verb,
                in_context(body, it),
                bool(projects._TAIL.match(body[it.list_end :])),
                bool(projects._COUNT_AFTER.match(body[it.list_end :])),
                sum(x in project_filters.place_names() for x in seg.split("、"))
                / (seg.count("、") + 1),
            )
        return got


_MUNICIPALITIES = ("北京市", "上海市", "天津市", "重庆市")


def _provincial(region: str) -> bool:
    """A province-level report (省, 自治区, the four municipalities): its projects are named
    on another scale (national programmes, cities as places), so its features are weighed apart
    as well as together."""
    return region.endswith(("省", "自治区")) or region in _MUNICIPALITIES


def _conjoined(f: dict[str, float]) -> dict[str, float]:
    """Each feature twice: as it is and conjoined with the province level (``prov:`` prefix)."""
    return f | {"prov:" + k: v for k, v in f.items() if not k.startswith("prov:")}


def features(
    doc: Document,
    c: Candidate,
    rules: list[Project],
    facts: ReportFacts | None = None,
    *,
    conjoin: bool = True,
) -> dict[str, float]:
    """The candidate's features, ``name=value`` keys for the categorical ones (``facts``: the
    report's and ``rules``', shared by its candidates; found anew when not given); in a
    province-level report each also conjoined with the level (``prov:``) unless ``conjoin`` is
    false (:func:`probability` then weighs the conjunctions without building them)."""
    facts = facts or ReportFacts(doc, rules)
    p, name, text = c.project, c.project.name, doc.layout
    sec = facts.sections[p.section] if p.section else None
    head = projects._ANY_END.search(name)  # the head noun ending the name, if any
    base = name[: head.start()] + name[head.end() :] if head else name  # _ANY_END.sub("", name)
    same = facts.rules_by_name.get(name)  # the rules' own readings of the name
    f = {
        "bias": 1.0,
        "rules_keep": 1.0 if same and any(_overlap(q, p) for q in same) else 0.0,
        _LEN_KEY(len(name)): 1.0,
        "last1=" + name[-1:]: 1.0,
        "last2=" + name[-2:]: 1.0,
        "first1=" + name[:1]: 1.0,
        "head_strong": 1.0 if projects._STRONG_TAIL.search(name) else 0.0,
        "head_any": float(head is not None),
        "head_road": 1.0 if projects._ROAD_END.search(name) else 0.0,
        "project_end": float(name.endswith(("项目", "工程"))),
        "digit": 1.0 if _DIGIT.search(name) else 0.0,
        "latin": 1.0 if _LATIN.search(name) else 0.0,
        "lead_number": 1.0 if _LEAD_NUMBER.match(name) else 0.0,
        "lead_count": 1.0 if _LEAD_COUNT.match(name) else 0.0,
        "cn_num": 1.0 if _CN_DIGIT.search(name) else 0.0,
        "phase": 1.0 if _PHASE.search(name) else 0.0,
        "route": float("至" in name),
        "dot": float("·" in name),
        "paren": 1.0 if _PAREN.search(name) else 0.0,
        "function_share": sum(map(_FUNCTION_CHARS.__contains__, name)) / len(name),
        "category_base": 1.0 if projects._CATEGORY_WORDS.match(base) else 0.0,
        "generic_list": float(name in project_filters.GENERIC_NAMES),
        "generic_pattern": 1.0 if projects._GENERIC_NAME.search(name) else 0.0,
        "verbish": 1.0 if projects._VERBISH.search(name) else 0.0,
        "campaign": 1.0 if projects._CAMPAIGN.search(name) else 0.0,
        "works_object": 1.0 if projects._WORKS_OBJECT.search(name) else 0.0,
        "amount": float(p.amount is not None),
        "status=" + str(p.status): 1.0,
        "kind=" + (sec.kind if sec else "none"): 1.0,
        "depth=depth" + str(sec.level if sec else 0): 1.0,
        _QLEN_KEY(len(p.quote)): 1.0,
        _REP_KEY(facts.count(text, name)): 1.0,
        "extra": float(c.extra),
    }
    # the name's words, as every two characters in a row (the trainer weighs a bigram only when
    # the candidates of several tuning places hold it: no place's own names are learned)
    f |= {"bg=" + name[i : i + 2]: 1.0 for i in range(len(name) - 1)}
    region = facts.region
    f["region_in_name"] = float(len(region) >= 2 and region in name)
    # (a division's name alone is no candidate: _may_name)
    f["place_lead"] = float(project_filters.place_lead(name) > 0)
    conjoin = conjoin and facts.provincial
    it, body = c.item, c.body
    if it is None or c.clause is None:
        f["no_meta"] = 1.0
        return _conjoined(f) if conjoin else f
    raw = body[it.a : it.b]
    lf = facts.list_facts(body, it)
    seg, n_items = lf.seg, lf.n_items
    pos = body[it.list_start : it.a].count("、")
    after = lf.after
    f |= {
        "quoted": float("“" in raw or '"' in raw),
        "book": float("《" in body[max(0, it.a - 1) : it.b + 1]),
        "built_name": float(projects._clean(raw) != name),
        _LIST_KEY(n_items): 1.0,
        "list_first": float(pos == 0 and n_items > 1),
        "list_last": float(pos == n_items - 1 and n_items > 1),
        "after1=" + after[:1]: 1.0,
        "after2=" + after: 1.0,
        "item_after1=" + (body[it.b : it.b + 1] or "END"): 1.0,
        "etc_after": float(body[it.list_end : it.list_end + 1] == "等" or "等" in seg),
        "before1=" + (body[max(0, it.list_start - 1) : it.list_start] or "START"): 1.0,
        "verb=" + lf.verb: 1.0,
        "clause_start": float(it.list_start <= 2),
        "tail_works": float(lf.tail_works),
        "count_after": float(lf.count_after),
        "context": float(lf.context),
        "whole_quote": float(whole_quote(body, it.a, it.b)),
        "review_sentence": float(facts.in_review(c.floor, c.clause.start)),
        "refused": 1.0 if project_filters._REFUSED.search(body) else 0.0,
        "list_place_share": lf.place_share,
        # 固废垃圾消纳场和餐厨垃圾处理厂: two names joined (see _halves), and the half after
        # 和 (the half before it has item_after1=和)
        "joined": 1.0 if _halves_at(body, it) else 0.0,
        "join_before": float(body[it.a - 1 : it.a] in ("和", "及") and it.a > it.list_start),
    }
    return _conjoined(f) if conjoin else f


def specificity(name: str, places: dict[str, int], n_others: int) -> dict[str, float]:
    """How specific the name's words are: the share of its bigrams (head excluded) that no
    other place writes, and the lowest, mean and highest share of places that write them.
    ``places`` counts the tuning places writing each bigram; a tuning report's own place is
    among them, so the count less one is read for every report (exact for a tuning report,
    one short for a new one: the held-out folds of the training reproduce this)."""
    core = projects._ANY_END.sub("", name) or name
    bgs = _CN_PAIR.findall(core)  # every two Chinese characters in a row, overlapping
    if not bgs:
        return {"df_none": 1.0}
    dfs = [max(places.get(b, 0) - 1, 0) / n_others for b in bgs]
    return {
        "df_rare_share": sum(d == 0 for d in dfs) / len(dfs),
        "df_min": min(dfs),
        "df_mean": sum(dfs) / len(dfs),
        "df_max": max(dfs),
    }


# ---------------------------------------------------------------- the model


def _agree(a: str, b: str) -> bool:
    """One name holds the other: two readings of one name (the evaluator's test, short)."""
    return a in b or b in a


@lru_cache(maxsize=1)
def _model() -> dict[str, Any]:
    """The shipped weights, validated once (a broken install says so, in the error tree)."""
    try:
        raw = resources.files("summarizer").joinpath("project_model.json").read_text("utf-8")
        data: dict[str, Any] = json.loads(raw)
    except (OSError, ValueError) as exc:
        raise SummarizerError(
            f"summarizer/project_model.json: cannot read the project model ({exc}); reinstall "
            "the package or re-run `python evals/tools/project_model.py export`"
        ) from exc
    missing = {"weights", "intercept", "threshold", "bigram_places", "n_places"} - set(data)
    if missing:
        raise SummarizerError(
            f"summarizer/project_model.json: missing {sorted(missing)}; re-run "
            "`python evals/tools/project_model.py export`"
        )
    places: dict[str, int] = {}
    for count, joined in data["bigram_places"].items():
        for k in range(0, len(joined), 2):
            places[joined[k : k + 2]] = int(count)
    data["places"] = places
    data["prov_weights"] = _provincial_weights(data["weights"])  # looked up for every candidate
    return data


def _provincial_weights(weights: dict[str, float]) -> dict[str, float]:
    """The weights of the conjunctions with the province level (``prov:k``), by ``k``."""
    return {k.removeprefix("prov:"): w for k, w in weights.items() if k.startswith("prov:")}


def probability(
    f: dict[str, float],
    model: dict[str, Any] | None = None,
    *,
    provincial: bool = False,
    more: dict[str, float] | None = None,
) -> float:
    """The model's probability of features ``f``, then ``more`` (the specificity features);
    with ``provincial``, ``f``'s conjunctions with the level are weighed too, as if
    ``_conjoined(f) | more`` were given."""
    m = model or _model()
    weights: dict[str, float] = m["weights"]
    # the terms in the features' order; a feature without a weight or of value 0 adds ±0.0,
    # which leaves the running sum (never -0.0: it starts at 0) as it is, so it is skipped
    # (``w`` is None for a feature without a weight; a weight is never None)
    get = weights.get
    terms = [w * v for k, v in f.items() if v and (w := get(k)) is not None]
    if provincial:
        prov = m["prov_weights"] if "prov_weights" in m else _provincial_weights(weights)
        get_prov = prov.get
        terms += [w * v for k, v in f.items() if v and (w := get_prov(k)) is not None]
    if more:
        terms += [w * v for k, v in more.items() if v and (w := get(k)) is not None]
    z = m["intercept"] + sum(terms)
    return 1.0 / (1.0 + math.exp(-z))


def select(cands: list[Project], probs: list[float], threshold: float) -> list[Project]:
    """Candidates at or above ``threshold``; of two overlapping ones whose names agree, the
    likelier (the first read on a tie)."""
    order = sorted(range(len(cands)), key=lambda i: -probs[i])
    out: list[Project] = []
    for i in order:
        if probs[i] < threshold:
            break
        p = cands[i]
        if not any(_overlap(q, p) and _agree(q.name, p.name) for q in out):
            out.append(p)
    return sorted(out, key=lambda p: (p.start, p.end, p.name))


def counted(name: str) -> bool:
    """A count leads the name or is inside it: the name is a target's or a list's, never
    kept (14个路段; 京环循环、深核盛基2个塑料园区; 哈萨尔大街和东升路两处市民公园)."""
    return bool(_LEAD_COUNT.match(name) or _INNER_COUNT.search(name))


# 工程, 项目, 二期, 续建工程: a head noun or a phase alone has no distinguishing name (DESIGN:
# projects are named undertakings); what it refers to is written elsewhere
_BARE_NAME = re.compile(r"(?:续建|新建|在建)?(?:[一二三四五六七八九十\d]+期)?(?:项目|工程)?")


def bare(name: str) -> bool:
    """Whether ``name`` is only a head noun or a phase (工程, 二期, 续建工程): no name."""
    return _BARE_NAME.fullmatch(name) is not None


_REFERENT_GAP = 40  # characters between a phase and the name of another phase it follows


def _phase_of(text: str, p: Project, names: list[Project]) -> Project | None:
    """``亘富200万吨褐煤提质一期投产，二期开工``: a bare phase (二期) names the works of the
    closest of ``names`` before it that holds another phase, with that phase replaced (quoted
    from that name on); None when no such name stands within a few characters."""
    if not _PHASE.match(p.name):
        return None
    before = [
        q
        for q in names
        if q.end <= p.start and p.start - q.end <= _REFERENT_GAP and not bare(q.name)
    ]
    for q in sorted(before, key=lambda q: -q.end):
        m = _PHASE.search(q.name)
        if m and m.start() >= 2 and q.name[m.start() : m.end()] != p.name[:2]:
            return p.model_copy(
                update={
                    "name": q.name[: m.start()] + p.name,
                    "start": q.start,
                    "quote": text[q.start : p.end],
                }
            )
    return None


def find_projects(doc: Document, own_spans: list[tuple[Section, int]]) -> list[Project]:
    """The named projects of the report: the candidates the model keeps."""
    m = _model()
    hinted = _hinted(doc, own_spans)
    review = ReviewSentences(doc.layout)  # asked of the same clauses by the rules and features
    listed: dict[str, projects.Listed] = {}  # the lists of each clause, read strictly and loosely
    rules = projects.find_projects(doc, own_spans, hinted, review, listed)
    cands = candidates(doc, own_spans, rules, hinted, listed)
    n_others = max(1, m["n_places"] - 1)
    facts = ReportFacts(doc, rules, review)
    probs = []
    for c in cands:
        # 14个路段, 13所农村寄宿制小学: a count of works is a target; the works are not named;
        # 京环循环、深核盛基2个塑料园区: a count inside the name is the list's, not the name's
        if counted(c.project.name) or bare(c.project.name):
            probs.append(0.0)
            continue
        f = features(doc, c, rules, facts, conjoin=False)
        more = specificity(c.project.name, m["places"], n_others)
        probs.append(probability(f, m, provincial=facts.provincial, more=more))
    kept = select([c.project for c in cands], probs, m["threshold"])
    # (a bare phase names a phase of works the model kept)
    phased = [
        q
        for c in cands
        if bare(c.project.name)
        for q in [_phase_of(doc.layout, c.project, kept)]
        if q is not None
    ]
    kept = select(kept + phased, [1.0] * (len(kept) + len(phased)), 0.0) if phased else kept
    # the rows of an appendix table of this year's projects (and their ①② items) are projects
    # by the table's own layout: the model weighs the sentences of the text, not them
    tables = [(a, b) for a, b, title in back_matter(doc.layout) if plan_table(title)]
    tabled = [
        p
        for p in rules
        if any(a <= p.start < b for a, b in tables)
        and not any(_overlap(q, p) and _agree(q.name, p.name) for q in kept)
    ]
    return sorted(kept + tabled, key=lambda p: (p.start, p.end, p.name)) if tabled else kept
