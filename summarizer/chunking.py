"""Section tree with character offsets (the LLM engines cut it into chunks: :mod:`.chunks`).

Pure functions over the decoded text: nothing here reads files or shifts offsets. The tree is
built from the markers as written (``一、`` ``（一）`` ``(一)`` ``1.`` ``一是`` ``01`` …), the plan
paragraphs (总体要求 / 主要预期目标) and two kinds of unmarked headings: an intro line that opens a
group of ``01 02 03`` sub-sections, and a short lead sentence opening a paragraph
(``以设施提档夯实硬件基础。``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field

from .headline import find_headline
from .ingest import Report
from .layout import lost_line_breaks
from .lines import BLANKS, CN_NUMERALS, Line, cn_to_int, match_marker, split_lines
from .models import Section, SectionKind
from .numbers import NUMBER_CHARS
from .section_kinds import (
    PERIOD_TITLE,
    PLAN,
    PLAN_CONTAINER,
    REVIEW,
    classify,
    plan_year_of,
    words,
)

# the heading styles an excerpt may open with, ranked highest first
_RANK = {"cn_di": 0, "cn_dun": 1, "cn_paren": 2}
_EXCERPT_STYLES = tuple(_RANK)
_INLINE = re.compile(rf"[{CN_NUMERALS}]+是")  # the marker of an enumeration inside a paragraph


# Patterns of the title and lead readers below, compiled once.
_TITLE_STOP = re.compile(r"是?[:：]|[，,。；;]")
_NOT_LEAD = re.compile(r"[，,；;：:！!？?\d０-９%％]|我们|是")


@dataclass
class _Node:
    style: str  # marker style, "plan", "preamble", "intro", "lead"
    ordinal: int
    marker: str
    start: int
    title_start: int
    title_end: int
    line_index: int
    kind: SectionKind | None = None
    end: int = 0
    children: list[_Node] = field(default_factory=list)
    period: bool = False  # a heading about a plan period: its children are plan, not work
    words_end: int = 0  # where the heading's own words end, when not at title_end (a run-on)


# In a text whose line breaks were all lost a heading runs on into its body up to the first stop
# (（三）全面提升城市建设管理水平，统筹推进城乡一体化按照“三个先行”…的总体要求，…). A heading is one
# to three short clauses (以转变作风和提高素质为基础，强化宗旨观念和服务意识，确保政府自身建设得到
# 新提高): its own words are its first three clauses, each of at most this many characters (2,461
# of the 2,602 clauses of the corpus's numbered section titles are; the longer ones are mostly
# notes and lists of livelihood items); the body's words after them are not read for what kind
# of section it is (总体要求 there names no plan).
_HEADING_CLAUSE = 20
_CLAUSE_CUT = re.compile(r"[，,]")


def _own_words_end(text: str, start: int, end: int) -> int:
    """The end of the first three clauses of ``text[start:end]``, each cut at _HEADING_CLAUSE."""
    pos = start
    for _ in range(3):
        comma = _CLAUSE_CUT.search(text, pos, end)
        stop = comma.start() if comma else end
        if stop - pos > _HEADING_CLAUSE:
            return pos + _HEADING_CLAUSE
        if comma is None:
            return end
        pos = comma.end()
    return pos - 1


def _mark_run_on_headings(nodes: list[_Node], text: str) -> None:
    """Where each heading's own words end (``_Node.words_end``), in a text whose line breaks
    were all lost: the kind of section is read from them (:func:`.section_kinds.words`)."""
    for node in (n for root in nodes for n in _subtree(root)):
        node.words_end = _own_words_end(text, node.title_start, node.title_end)


def _title_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Title within ``text[start:end]``: up to the first 。 (exclusive), trailing punctuation off."""
    stop = text.find("。", start, end)
    if stop >= 0:
        end = stop
    while end > start and text[end - 1] in "。：:；;，,！!？? " + BLANKS:
        end -= 1
    return start, end


def _plan_title(text: str, line: Line) -> tuple[int, int]:
    """Title of a plan or preamble paragraph: up to ``是:`` / ``:`` / the first clause."""
    m = _TITLE_STOP.search(line.text[:60])
    end = line.start + (m.start() if m else min(len(line.text), 40))
    return _title_span(text, line.start, end)


_LEAD_MAX = 18


def _lead_sentence(line: Line) -> int | None:
    """Length of a lead sentence opening this paragraph (``以设施提档夯实硬件基础。``), else None."""
    stop = line.text.find("。")
    if stop < 4 or stop > _LEAD_MAX:
        return None
    lead = line.text[:stop]
    if _NOT_LEAD.search(lead):
        return None
    if len(line.text) - stop - 1 < 40:
        return None
    return stop


@dataclass
class Document:
    """A report with its section tree; the unit every engine works on."""

    report: Report
    sections: list[Section]
    _children: dict[str, list[Section]] | None = field(default=None, init=False, repr=False)
    _headline: tuple[tuple[int, int] | None] | None = field(default=None, init=False, repr=False)

    @property
    def text(self) -> str:
        return self.report.text

    @property
    def layout(self) -> str:
        """The same-length layout view of the text (:mod:`summarizer.layout`)."""
        return self.report.layout

    @property
    def flat(self) -> bool:
        """Whether the text lost its line breaks (:func:`summarizer.layout.lost_line_breaks`)."""
        return self.report.flat

    def section_at(self, pos: int) -> Section | None:
        """The deepest section containing offset ``pos``."""
        best: Section | None = None
        for s in self.sections:
            if s.start <= pos < s.end and (best is None or s.level >= best.level):
                best = s
        return best

    def by_path(self, path: str) -> Section:
        for s in self.sections:
            if s.path == path:
                return s
        raise KeyError(path)

    def children(self, path: str) -> list[Section]:
        """The direct children of section ``path``, in order."""
        if self._children is None:
            kids: dict[str, list[Section]] = {}
            for s in self.sections:
                kids.setdefault(s.path.rpartition(".")[0], []).append(s)
            self._children = kids
        return self._children.get(path, [])

    def lead_sentence(self, section: Section, limit: int = 80) -> str:
        """The first sentence of the section's body after its title (an extractive summary),
        cut at a comma before ``limit`` characters."""
        text, layout = self.text, self.layout
        kids = self.children(section.path)
        own_end = kids[0].start if kids else section.end
        pos = section.title_end
        while pos < own_end and layout[pos] in "。：:；; \t\u3000\r\n":
            pos += 1
        if pos >= own_end and kids:
            # the heading is followed at once by its sub-sections (01 …): the first one speaks
            return self.lead_sentence(kids[0], limit)
        stop = pos
        while stop < section.end and layout[stop] not in "。\n":
            stop += 1
        sentence = text[pos:stop].strip()
        if len(sentence) > limit:
            cut = max(sentence.rfind(ch, 0, limit) for ch in "，,；;")
            if cut <= 10:
                # no clause break early enough: cut at the limit, but never inside a number
                # (增长17.5% cut to 增长17. would be a number the section does not hold)
                cut = limit
                while (
                    cut > 10 and sentence[cut - 1] in NUMBER_CHARS and sentence[cut] in NUMBER_CHARS
                ):
                    cut -= 1
            sentence = sentence[:cut]
        return sentence

    def top_work_sections(self) -> list[Section]:
        """This year's work sections that are not inside another work section, in order; a
        container heading that counts its numbered sections (``（一）办好十件实事`` over
        ``一是…十是``) gives way to them, and then so do its siblings that hold numbered
        sections; an inline enumeration (``一是…``) beside headings is a frame, not work."""
        work = [s for s in self.sections if s.kind == "work"]
        paths = {s.path for s in work}  # a section is inside another when a path prefix is one
        top = [
            s
            for s in work
            if not any(s.path[:k] in paths for k, c in enumerate(s.path) if c == ".")
        ]
        out: list[Section] = []
        kids_of = {s.path: [k for k in self.children(s.path) if k.marker and k.kind == "work"]
                   for s in top}  # fmt: skip
        # one work section holding two or more numbered ones is the part, never the one
        # priority of the year (三、2021年下半年重点工作时间不等人… in a text whose line breaks
        # were lost, its title run into the first sentence, holds （一）（二）（三）)
        while len(top) == 1 and len(kids_of[top[0].path]) >= 2:
            top = kids_of[top[0].path]
            kids_of = {s.path: [k for k in self.children(s.path) if k.marker and k.kind == "work"]
                       for s in top}  # fmt: skip
        # one level for all: when one heading gives way to the sections it counts (三、全力抓好
        # 七项重点工作), so do its siblings that hold numbered sections (一、…（一）（二）（三）)
        descend = any(_counts_its_items(s.title, len(kids_of[s.path])) for s in top)
        for s in top:
            kids = kids_of[s.path]
            counted = _counts_its_items(s.title, len(kids))
            out.extend(kids if counted or (descend and len(kids) >= 2) else [s])
        # 一是…五是 beside （一）…（七）: the inline enumeration is a frame, the headings the work
        if any(_INLINE.fullmatch(s.marker) for s in out) and any(
            s.marker and not _INLINE.fullmatch(s.marker) for s in out
        ):
            out = [s for s in out if not _INLINE.fullmatch(s.marker)]
        return out

    def headline_span(self) -> tuple[int, int] | None:
        """The 主要预期目标 statement: from after its lead (``主要预期目标是：``) through every
        sentence of it, until the text turns to something else; None when there is none."""
        if self._headline is None:
            self._headline = (find_headline(self.layout, self.sections, self.report.content_end),)
        return self._headline[0]

    def headline_sections(self) -> list[Section]:
        """The sections holding the headline statement (deepest first at each place)."""
        span = self.headline_span()
        if span is None:
            return []
        out: list[Section] = []
        for pos in (span[0], span[1] - 1):
            s = self.section_at(pos)
            if s is not None and s not in out:
                out.append(s)
        return out

    def heading_path(self, section: Section) -> list[str]:
        """Titles from the top-level section down to ``section``."""
        parts = section.path.split(".")
        titles = []
        for i in range(1, len(parts) + 1):
            p = ".".join(parts[:i])
            s = self.by_path(p)
            titles.append(f"{s.marker}{s.title}")
        return titles


_COUNTED = re.compile(rf"([{CN_NUMERALS}两]+|\d+)(?:件|项|条|个|大|方面)")


def _counts_its_items(title: str, n: int) -> bool:
    """A heading that states how many items it holds, and holds that many numbered sections
    (办好十件实事 over 十 sections): a container, not a work section of its own."""
    if n < 2 or len(title) > 16:
        return False
    m = _COUNTED.search(title)
    if m is None:
        return False
    count = cn_to_int(m.group(1).replace("两", "二"))
    return count == n


def build_sections(
    text: str, start: int = 0, end: int | None = None, *, source: str | None = None
) -> list[Section]:
    """The section tree of ``text[start:end]``, flattened in document order.

    ``start``/``end`` bound the report body (page chrome outside is never part of a section).
    ``text`` may be the layout view of ``source`` (same length); titles are sliced from
    ``source`` so that they are verbatim.
    """
    return _build_sections(text, start, end, source=source)[0]


_Headline = tuple[tuple[int, int] | None]


def _build_sections(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    source: str | None = None,
    flat: bool | None = None,
) -> tuple[list[Section], _Headline | None]:
    """:func:`build_sections`, with the headline span of the sections it returns (as
    ``Document._headline`` holds it) when it found it on them, else None (not known);
    ``flat``: whether ``source`` lost its line breaks, when known (:attr:`Report.flat`)."""
    if source is None:
        from .layout import layout_view

        source, text = text, layout_view(text)
    elif len(source) != len(text):
        raise ValueError("build_sections: the layout view and the source differ in length")
    end = len(text) if end is None else end
    lines = split_lines(text, start, end)
    roots: list[_Node] = []
    stack: list[_Node] = []  # open nodes, outermost first
    seen_marker = False

    def attach(node: _Node, parent: _Node | None) -> None:
        if parent is None:
            roots.append(node)
        else:
            parent.children.append(node)

    def container() -> _Node | None:
        """Innermost open node that is a marked heading (plan paragraphs nest under it)."""
        for n in reversed(stack):
            if n.style not in ("plan", "preamble", "part", "intro", "lead", "ar_two"):
                return n
        return None

    listed = _listed_targets(lines)
    for i, line in enumerate(lines):
        found = None if i in listed else match_marker(line)
        if found is not None:
            style, ordinal, mend = found
            depth = next(
                (d for d in range(len(stack) - 1, -1, -1) if stack[d].style == style), None
            )
            if style == "ar_two":
                t_s, t_e = _two_digit_title(text, lines, i, mend)
                if depth is not None and ordinal == stack[depth].ordinal + 1:
                    del stack[depth:]
                elif ordinal == 1:
                    # a new 01-group: the unmarked line just before it is its intro heading
                    if depth is not None:
                        del stack[depth:]
                    prev = lines[i - 1] if i > 0 else None
                    grouped = _other_groups_beside(lines, i)
                    if (
                        prev is not None
                        and match_marker(prev) is None
                        and not _is_heading_line(prev, stack)
                        and grouped
                    ):
                        while stack and stack[-1].style in (
                            "plan",
                            "preamble",
                            "intro",
                            "ar_two",
                            "lead",
                        ):
                            stack.pop()
                        ts, te = _title_span(text, prev.start, prev.end)
                        sibs = stack[-1].children if stack else roots
                        intro = _Node(
                            "intro",
                            len([n for n in sibs if n.style == "intro"]) + 1,
                            "",
                            prev.start,
                            ts,
                            te,
                            i - 1,
                        )
                        attach(intro, stack[-1] if stack else None)
                        stack.append(intro)
                    elif not grouped:
                        # one 01 group alone: a list of headings of its own, after the plan
                        # paragraph, not inside it
                        while stack and stack[-1].style in ("plan", "preamble", "lead"):
                            stack.pop()
                else:
                    continue  # 03 then 07: not a marker
                node = _Node(
                    style, ordinal, text[line.start : mend].strip(), line.start, t_s, t_e, i
                )
                attach(node, stack[-1] if stack else None)
                stack.append(node)
                continue
            if depth is not None:
                if ordinal == 1 and _restarts_sequence(lines, i, stack[depth]):
                    pass  # 两项行动 (一)(二), then 五条赛道 (一)…(五): a new group, same level
                elif ordinal != stack[depth].ordinal + 1:
                    continue  # out of sequence: body text, not a heading
                del stack[depth:]
            elif ordinal != 1 and _outranks_roots(style, roots):
                # an excerpt that opened inside a part (its （一）…（十一）) meets the next part's
                # heading (三、加强政府自身建设): a heading above all read so far
                stack.clear()
            elif ordinal != 1 and not (style in _EXCERPT_STYLES and not seen_marker):
                continue  # a new group starts at 1 (footnote lists, stray numbers), except
                # that an excerpt may open mid-report (二、2024年主要任务)
            else:
                # 一是 enumerates within a paragraph; a heading marker after it is its sibling
                while stack and stack[-1].style == "cn_shi" and style != "cn_shi":
                    stack.pop()
            # 2024年工作回顾 / 一是…二是…: the paragraphs of an unmarked part enumerated by
            # 一是 are its own, and the part after it still opens (no heading was met)
            in_part = style == "cn_shi" and _in_part(stack)
            while not in_part and stack and stack[-1].style in ("plan", "preamble", "part", "lead"):
                stack.pop()
            ts, te = _title_span(text, mend, line.end)
            while ts < te and text[ts] in BLANKS:
                ts += 1
            node = _Node(
                style, ordinal, text[line.start : mend].rstrip(BLANKS), line.start, ts, te, i
            )
            attach(node, stack[-1] if stack else None)
            stack.append(node)
            seen_marker = seen_marker or not in_part
            continue
        # unmarked line: a plan paragraph opens its own node before the first marked child
        parent = None if _in_part(stack) else container()
        sibs = parent.children if parent else roots
        has_marked_sibling = any(n.style not in ("plan", "preamble", "part") for n in sibs)
        if (
            PLAN.search(line.text[:40])
            and not has_marked_sibling
            and (
                stack == []
                or stack[-1].style in ("plan", "preamble", "part")
                or stack[-1] is parent
            )
        ):
            while stack and stack[-1] is not parent:
                stack.pop()
            ts, te = _plan_title(text, line)
            node = _Node("plan", 0, "", line.start, ts, te, i, kind="plan")
            attach(node, parent)
            stack.append(node)
        elif not stack and not roots:
            ts, te = _plan_title(text, line)
            node = _Node("preamble", 0, "", line.start, ts, te, i, kind="preamble")
            roots.append(node)
            stack.append(node)
        elif not seen_marker and parent is None and _opens_part(lines, i, roots):
            # an unmarked part heading (``2023年工作回顾`` … ``2024年工作目标和主要任务``)
            stack.clear()
            ts, te = _title_span(text, line.start, line.end)
            node = _Node("part", len(roots) + 1, "", line.start, ts, te, i)
            roots.append(node)
            stack.append(node)

    _close(roots, end, text)
    _add_lead_children(roots, lines, text)
    if lost_line_breaks(source) if flat is None else flat:
        _mark_run_on_headings(roots, text)
    plan_year = plan_year_of(roots, text)
    classify(roots, None, text, plan_year)
    _after_closing(roots)
    out: list[Section] = []
    _flatten(roots, "", 1, out, source)
    headline = find_headline(text, out, end)
    if headline is not None and _anchor_work_part(roots, headline[0], text, plan_year):
        out = []
        _flatten(roots, "", 1, out, source)
        return out, None  # other sections: their headline is found again when asked for
    return out, (headline,)


# A line that stands alone as a heading: short, no sentence punctuation, not a lead-in (``：``).
_BARE_HEADING = re.compile(r"[^。，,；;！!？?：:]{4,40}")


def _in_part(stack: list[_Node]) -> bool:
    """Whether the open nodes are an unmarked part and only its 一是 paragraphs."""
    return bool(stack) and stack[0].style == "part" and all(n.style == "cn_shi" for n in stack[1:])


_ONE_COLON = re.compile("[：:]")


def _is_bare(line: Line) -> bool:
    title = line.text.strip(BLANKS)
    return (
        bool(_BARE_HEADING.fullmatch(_ONE_COLON.sub("", title, count=1)))  # 站在新起点:2012年…
        and not title.endswith(("：", ":"))
        and match_marker(line) is None
    )


def _opens_part(lines: list[Line], i: int, roots: list[_Node]) -> bool:
    """True when ``lines[i]`` heads a part of a report whose parts are unmarked lines: the
    review (``2023年工作回顾``, ``站在新起点：2022年工作回顾``), and after it the last bare line
    before the plan paragraphs or the marked work (``2024年工作目标和主要任务``); bare lines
    before that one are the review's own sub-headings."""
    if not _is_bare(lines[i]):
        return False
    title = lines[i].text.strip(BLANKS)
    if any(r.style == "part" for r in roots):
        for nxt in lines[i + 1 :]:
            if _is_bare(nxt):
                return False
            if match_marker(nxt) is not None or PLAN.search(nxt.text[:40]):
                return True
        return False
    review, plan = REVIEW.search(title), PLAN_CONTAINER.search(title)
    # ``2021年主要工作回顾`` is the review; ``2024年工作回顾和2025年工作安排`` is not only that
    return review is not None and (plan is None or review.start() == plan.end())


def _restarts_sequence(lines: list[Line], i: int, last: _Node) -> bool:
    """A marker ``(一)`` after ``(二)`` of its style opens a new group at the same level when a
    paragraph introduces the group: the line before ends on ``：`` or counts what follows
    (``…五条新赛道。``), and is not itself a marked heading."""
    if i == 0 or last.line_index >= i - 1:
        return False
    prev = lines[i - 1]
    if match_marker(prev) is not None:
        return False
    tail = prev.text.rstrip(BLANKS)
    return tail.endswith(("：", ":")) or bool(_COUNTS_GROUP.search(tail))


# The end of a paragraph that announces a group by its size (…五条新赛道。, 抓好十方面工作：).
_COUNTS_GROUP = re.compile(rf"[{CN_NUMERALS}两\d]+[个条项件方大类][^，,。；;：:]{{0,12}}[。：:]?$")


def _after_closing(roots: list[_Node]) -> None:
    """The government's own work closes the report body: numbered parts after it (appendices,
    lists of projects, notes) are not this year's work sections."""
    closed = False
    for r in roots:
        if r.kind == "closing" and r.style not in ("plan", "preamble", "lead", "intro"):
            closed = True
        elif closed and r.kind == "work":
            for n in _subtree(r):
                if n.kind == "work":
                    n.kind = "closing"


def _marked(node: _Node) -> list[_Node]:
    return [c for c in node.children if c.style not in ("plan", "preamble", "lead", "intro")]


def _subtree(node: _Node) -> Iterator[_Node]:
    yield node
    for c in node.children:
        yield from _subtree(c)


def _anchor_work_part(roots: list[_Node], pos: int, text: str, plan_year: int | None) -> bool:
    """Order fixes what titles may not say: the numbered part that states this year's targets
    (at ``pos``) holds this year's work, and the numbered parts before it are the review or the
    plan period (``一、一年接着一年干…``, ``二、一张蓝图绘到底…``), never this year's work.

    When the targets part has no numbered item after the targets, the next part of the same
    style holds the work (``二、2024年目标`` then ``三、2024年重点工作``). Returns whether
    anything changed; a report whose targets are not inside a numbered part is left alone."""
    idx = next((k for k, r in enumerate(roots) if r.start <= pos < r.end), None)
    if idx is None or roots[idx].style in ("plan", "preamble", "part", "intro", "lead", "ar_two"):
        return False
    part_idx = idx
    if not [c for c in _marked(roots[idx]) if c.start > pos]:
        nxt = roots[idx + 1] if idx + 1 < len(roots) else None
        if nxt is None or nxt.style != roots[idx].style or not _marked(nxt):
            return False
        if nxt.kind == "closing":
            return False
        part_idx = idx + 1
    part = roots[part_idx]
    before = [n for r in roots[:part_idx] for n in _subtree(r) if n.kind == "work"]
    if part.kind == "plan" and not part.period and not before:
        return False  # already read right from the titles
    for n in _subtree(part):
        if n.style not in ("plan", "preamble"):
            n.kind, n.period = None, False
    part.kind = "plan"
    classify(part.children, part, text, plan_year)
    for r in roots[:part_idx]:
        if r.kind != "work":
            continue
        period = r.period or any(PERIOD_TITLE.search(words(n, text)) for n in [r, *r.children[:1]])
        for n in _subtree(r):
            if n.kind == "work" or n is r:
                n.kind = "plan" if period else "review"
                n.period = period
            elif not period and n.style == "plan" and not n.start <= pos < n.end:
                # 各位代表！2025年主要目标任务如期完成。… in what turned out to be the review: a
                # result, no plan (``classify``'s rule, when the part's kind was not yet known)
                for m in _subtree(n):
                    m.kind = "review"
    return True


# a lead announcing the year's targets as a list (主要预期目标是：, 主要目标如下：)
_TARGETS_LEAD = re.compile(r"(?:预期目标|预期指标|主要目标)[^，,。；;]{0,6}[:：]$")
# a listed target: a short line holding a quantity (地区生产总值增长6%左右；)
_TARGET_ITEM = re.compile(r"\d[\d.]*\s*(?:%|％|‰|万|亿|个|元|人|吨|亩|公里|户|套|所|家|项)")


def _outranks_roots(style: str, roots: list[_Node]) -> bool:
    """Whether a heading of ``style`` ranks above every marked heading read so far (all of them
    roots of a lower style): the excerpt began inside a part, and this heads the next one."""
    marked = [n for n in roots if n.style in _RANK]
    return (
        style in _RANK
        and bool(marked)
        and all(_RANK[n.style] > _RANK[style] for n in marked)
        and not any(n.style not in _RANK and n.style not in ("plan", "preamble") for n in roots)
    )


def _item_line(text: str) -> bool:
    """A line short enough for an item of a list of targets: one sentence of at most 80
    characters, or up to 160 whose every sentence states a quantity (…增长5%左右，其中一二三产
    增加值分别增长3.5%左右…。规模以上工业增加值增长7.5%左右；)."""
    body = text.rstrip(BLANKS)
    if len(body) <= 80 and "。" not in body[:-1]:
        return True
    return len(body) <= 160 and all(
        _TARGET_ITEM.search(part) for part in body.rstrip("。；;").split("。")
    )


def _listed_targets(lines: list[Line]) -> set[int]:
    """The lines of a numbered list of targets right after a line announcing them
    (``主要预期目标是：`` then ``1.地区生产总值增长6%左右；`` ``2.…``): items of the headline
    statement, not headings, whatever their markers."""
    out: set[int] = set()
    for i, line in enumerate(lines):
        if not _TARGETS_LEAD.search(line.text):
            continue
        k = i + 1
        style = None
        # the first item states a number; the others may be goals without one (居民收入增长和
        # 经济增长同步；), in the first one's marker style (三、 2020年主要任务 after 7.… is the
        # next part's heading)
        while (
            k < len(lines)
            and _item_line(lines[k].text)
            and (marker := match_marker(lines[k])) is not None
            and marker[0] == (style or marker[0])
            and (k > i + 1 or _TARGET_ITEM.search(lines[k].text))
        ):
            style = marker[0]
            out.add(k)
            k += 1
    return out


def _two_digit_title(text: str, lines: list[Line], i: int, mend: int) -> tuple[int, int]:
    """The title of an ``01`` marker: the rest of its line (``01 壮大产业集群``), else the next
    line when that line is short (``01`` alone, then ``壮大产业集群``), or the next line's
    first sentence when the body runs on after it (``经济运行回升向好。坚持投资…``)."""
    line = lines[i]
    if mend < line.end:
        return _title_span(text, mend, line.end)
    if i + 1 < len(lines):
        nxt = lines[i + 1]
        if match_marker(nxt) is None:
            if len(nxt.text) <= 40 and "。" not in nxt.text[:-1]:
                return _title_span(text, nxt.start, nxt.end)
            stop = nxt.text.find("。")
            if 2 <= stop <= 60:
                return _title_span(text, nxt.start, nxt.start + stop)
    return line.end, line.end


def _other_groups_beside(lines: list[Line], i: int) -> bool:
    """Whether another ``01`` group starts after or before the one at line ``i``, with no
    heading of another style between. Only then do the lines before each group head it (瑞金:
    six groups, each after its heading line); one group alone is the list itself, and the
    paragraph before it is body text (``具体工作中，我们要…。`` then 01…07)."""
    for seq in (lines[i + 1 :], reversed(lines[:i])):
        for line in seq:
            found = match_marker(line)
            if found is None:
                continue
            if found[0] != "ar_two":
                break
            if found[1] == 1:
                return True
    return False


def _is_heading_line(line: Line, stack: list[_Node]) -> bool:
    """True when ``line`` is the title line of the innermost open node (``01`` then its title)."""
    return bool(stack) and stack[-1].title_start == line.start


def _close(nodes: list[_Node], end: int, text: str) -> None:
    """Set each node's end: the next sibling's start, else the parent's end (blanks trimmed)."""
    for k, node in enumerate(nodes):
        stop = nodes[k + 1].start if k + 1 < len(nodes) else end
        while stop > node.start and text[stop - 1] in BLANKS + "\n":
            stop -= 1
        node.end = stop
        _close(node.children, node.end, text)


def _add_lead_children(
    nodes: list[_Node], lines: list[Line], text: str, starts: list[int] | None = None
) -> None:
    """Give leaf work sections children for paragraphs opened by a short lead sentence.
    ``starts``: the lines' starts (in order), found once for the whole tree."""
    if starts is None:
        starts = [ln.start for ln in lines]
    for node in nodes:
        if node.children:
            _add_lead_children(node.children, lines, text, starts)
            continue
        if node.style in ("plan", "preamble", "part"):
            continue
        # the lines starting inside the node's body: node.start < start < node.end, after the title
        lo = max(bisect_right(starts, node.start), bisect_left(starts, node.title_end))
        body = lines[lo : bisect_left(starts, node.end)]
        leads = [(ln, n) for ln in body if (n := _lead_sentence(ln)) is not None]
        if not leads or (len(leads) == 1 and body and leads[0][0] is body[0]):
            continue
        for k, (ln, n) in enumerate(leads):
            child = _Node("lead", k + 1, "", ln.start, ln.start, ln.start + n, 0)
            node.children.append(child)
        _close(node.children, node.end, text)


def _flatten(nodes: list[_Node], prefix: str, level: int, out: list[Section], text: str) -> None:
    for k, node in enumerate(nodes, start=1):
        path = f"{prefix}{k}"
        out.append(
            Section(
                path=path,
                level=level,
                kind=node.kind or "work",
                marker=node.marker,
                title=text[node.title_start : node.title_end],
                title_start=node.title_start,
                title_end=node.title_end,
                start=node.start,
                end=node.end,
            )
        )
        _flatten(node.children, path + ".", level + 1, out, text)


def chunk_report(report: Report) -> Document:
    """Build the section tree of a loaded report (page chrome excluded)."""
    sections, headline = _build_sections(
        report.layout,
        report.content_start,
        report.content_end,
        source=report.text,
        flat=report.flat,
    )
    doc = Document(report, sections)
    if headline is not None:
        doc._headline = headline  # found on these very sections: not searched for twice
    return doc


def iter_sections(doc: Document, kind: SectionKind) -> Iterator[Section]:
    return (s for s in doc.sections if s.kind == kind)
