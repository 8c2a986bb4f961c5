"""A project name found in a clause, made into a :class:`~summarizer.models.Project`: the
amount the text attaches to it (``投资50亿元的<name>``, ``<name>，总投资50亿元``), the milestone
its clause sets (``建成投产`` → 投产, ``启动`` → 开工) and the quote that covers all three.

The names themselves are found by :mod:`.projects`, which records each as an :class:`_Item`.
"""

from __future__ import annotations

import re

from .. import numbers
from ..layout import WRAP_JOIN
from ..models import Project
from ..wording import GROUP_COUNT
from ..wording import Clause as _Clause

# The milestone words written after a name, each with the status it gives.
_STATUS_WORDS = (
    ("建成通车", "通车"),
    ("竣工通车", "通车"),
    ("建成投产", "投产"),
    ("竣工投产", "投产"),
    # 开业运营, 正式运营, 建成运营 (3, 6 and 8 corpus places) and 开业 (5): a facility opens
    ("开业运营", "运营"),
    ("正式运营", "运营"),
    ("建成运营", "运营"),
    ("开业", "开业"),
    ("达产", "达产"),
    ("投产", "投产"),
    ("通车", "通车"),
    ("竣工", "竣工"),
    ("交付使用", "交付使用"),
    ("开工", "开工"),
    ("开建", "开工"),
    ("建成", "建成"),
    ("签约", "签约"),
    ("落地", "落地"),
    ("续建", "续建"),
    ("前期", "前期"),
)
STATUS_RE = re.compile("|".join(w for w, _ in _STATUS_WORDS))  # a project milestone word
_STATUS_OF = dict(_STATUS_WORDS)
# The verbs in front of a name that set a milestone when no word after it does.
_VERB_STATUS = re.compile(r"(?:开工建设|开工|启动|开建|完成|建成|续建)对?$")
# The amount written in front of a name or right after it, with the kind of amount.
_AMOUNT_BEFORE = re.compile(r"(总投资|年度计划投资|计划投资|投资|、)?([\d.]+(?:万亿|亿|万)?元)的?$")
_AMOUNT_AFTER = re.compile(r"[,，]?(总投资|年度计划投资|计划投资|投资)([\d.]+(?:万亿|亿|万)?元)")
# 完成…搬迁: a move completed, not a work built.
_MOVED = re.compile(r"[^，]{0,4}(?:搬迁|置换)")


class _Item:
    """A name found in a clause: its span ``a``-``b`` in the clause text, the name as built
    (an item completed by a shared head), and the extent of the list it was read from."""

    __slots__ = ("a", "b", "list_end", "list_start", "name")

    def __init__(self, a: int, b: int, name: str, list_start: int, list_end: int) -> None:
        self.a, self.b, self.name = a, b, name
        self.list_start, self.list_end = list_start, list_end


def _project(text: str, clause: _Clause, body: str, it: _Item, section_path: str) -> Project:
    s, e = clause.start + it.a, clause.start + it.b
    amount, unit, kind, a_s, a_e = _project_amount(text, s, e, clause)
    if (
        a_e is not None
        and (it.list_start != it.a or it.list_end != it.b)
        and GROUP_COUNT.match(text, a_e, clause.end)
    ):
        # 总投资53亿元的A、B等10个项目: the group's total, not the first item's amount
        amount, unit, kind, a_s, a_e = None, None, None, None, None
    status = _status(body, it)
    q_start, q_end = s, e
    if it.list_start != it.a or it.list_end != it.b:
        q_start, q_end = clause.start + it.list_start, clause.start + it.list_end
    if status:
        marks = list(STATUS_RE.finditer(body, it.list_end, it.list_end + 14))
        if marks:  # the quote runs to the milestone word written after the name
            q_end = max(q_end, clause.start + marks[-1].end())
        else:  # or starts at the verb in front of it (启动, 完成)
            lo = max(0, it.list_start - 6)
            verb = _VERB_STATUS.search(body, lo, it.list_start)
            if verb:
                q_start = min(q_start, clause.start + verb.start())
    if a_s is not None and a_e is not None:
        q_start, q_end = min(q_start, a_s), max(q_end, a_e)
    return Project(
        name=it.name.replace(WRAP_JOIN, ""),  # a wrap the layout view joined
        amount=amount,
        amount_unit=unit,
        amount_kind=kind,
        status=status,
        section=section_path,
        quote=text[q_start:q_end],
        start=q_start,
        end=q_end,
        amount_start=a_s,
        amount_end=a_e,
    )


def _project_amount(
    text: str, start: int, end: int, clause: _Clause
) -> tuple[float | None, str | None, str | None, int | None, int | None]:
    """``投资50亿元的<name>`` or ``<name>，总投资50亿元``: the amount the text attaches."""
    before = text[clause.start : start]
    # the pattern ends on 元 or 元的 (``$``: at the end or before a final newline), which most
    # names are not written after: the search, tried at every position, is skipped for them
    tail = before[:-1] if before.endswith("\n") else before
    m = _AMOUNT_BEFORE.search(before) if tail.endswith(("元", "元的")) else None
    if m:
        parsed = numbers.parse_quantity(m.group(2))
        if parsed:
            a_s = clause.start + m.start(2)
            kind = "总投资" if m.group(1) in (None, "投资", "总投资", "、") else m.group(1)
            return parsed[0], parsed[2], kind, a_s, a_s + len(m.group(2))
    after = text[end : min(clause.end + 12, len(text))]
    m = _AMOUNT_AFTER.match(after)
    if m:
        parsed = numbers.parse_quantity(m.group(2))
        if parsed:
            a_s = end + m.start(2)
            return (
                parsed[0],
                parsed[2],
                "总投资" if m.group(1) in ("投资", "总投资") else m.group(1),
                a_s,
                a_s + len(m.group(2)),
            )
    return None, None, None, None, None


def _status(body: str, it: _Item) -> str | None:
    """The milestone the clause sets: the last one written after the name or list
    (``建成投产`` → 投产), else the verb in front (``启动`` → 开工, ``完成`` → 建成)."""
    after = body[it.list_end : it.list_end + 14]
    found = None
    for m in STATUS_RE.finditer(after):
        found = _STATUS_OF[m.group()]
    if found:
        return found
    verb = _VERB_STATUS.search(body, max(0, it.list_start - 6), it.list_start)
    before = verb.group().rstrip("对") if verb else ""
    if before in ("开工建设", "开工", "启动", "开建"):
        return "开工"
    if before in ("完成", "建成"):
        return "完成" if _MOVED.match(after) else "建成"
    if before == "续建":
        return "续建"
    return None
