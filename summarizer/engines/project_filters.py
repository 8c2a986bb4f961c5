"""Which names read from a clause are kept as projects: not a kind of work that many places
write (``generic_names.txt``), not from a sentence about past years, not a piece of a quoted
title, and every number of a built name written whole in the source. For :mod:`.projects`."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from .. import numbers
from ..models import Project
from .project_details import _Item

_REVIEW_SENTENCE = re.compile(
    r"(?:近年来|过去一年|过去五年|这五年|去年|五年来|一年来|几年来|多年来)"
)
_PLAN_TURN = re.compile(r"今年|下一步|将")


def shipped_words(filename: str) -> frozenset[str]:
    """A word list shipped in the package (``generic_names.txt``, ``place_names.txt``): the
    first tab-separated field of each line, ``#`` lines being comments."""
    raw = resources.files("summarizer").joinpath(filename).read_text("utf-8")
    return frozenset(
        line.split("\t")[0] for line in raw.splitlines() if line and not line.startswith("#")
    )


# names that the reports of many places write (光伏发电, 新能源汽车), found from the development
# corpus's raw text by ``evals/tools/generic_names.py``
GENERIC_NAMES = shipped_words("generic_names.txt")


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """China's province-, prefecture- and county-level divisions, full and short (唐山市, 唐山;
    ``place_names.txt``, written by ``evals/tools/place_names.py``): a closed class of names."""
    return shipped_words("place_names.txt")


@lru_cache(maxsize=1)
def _place_openings() -> frozenset[str]:
    """The first two characters of every division's name (a name no division's opening opens
    names none: :func:`place_lead` looks no further)."""
    return frozenset(p[:2] for p in place_names() if len(p) >= 2)


def place_lead(name: str) -> int:
    """The length of the longest division name that opens ``name`` and that more follows
    (西宁 of 西宁国家物流枢纽), else 0."""
    if name[:2] not in _place_openings():
        return 0
    places = place_names()
    return next((k for k in range(min(len(name) - 1, 7), 1, -1) if name[:k] in places), 0)


def in_review_sentence(text: str, floor: int, pos: int) -> bool:
    """``近年来，…等一批好项目即将投产``: a sentence about past years names no plan project."""
    k = max(
        text.rfind("。", floor, pos), text.rfind("\n", floor, pos), text.rfind("；", floor, pos)
    )
    head = text[max(k + 1, floor) : pos + 8].lstrip(" \u3000\r\n")
    if _REVIEW_SENTENCE.match(head):
        return True
    # 这五年，我们…；…书香京城建设成效显著: a paragraph led by past years is about them until
    # it turns to the plan (今年, 下一步, 将)
    line = max(text.rfind("\n", floor, pos) + 1, floor)
    lead = text[line:pos].lstrip(" \u3000\r")
    return bool(_REVIEW_SENTENCE.match(lead)) and not _PLAN_TURN.search(lead)


class ReviewSentences:
    """:func:`in_review_sentence` over one text, each answer kept by ``(floor, pos)``: the
    rules and the model's features ask it of the same clauses."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.known: dict[tuple[int, int], bool] = {}

    def __call__(self, floor: int, pos: int) -> bool:
        got = self.known.get((floor, pos))
        if got is None:
            got = self.known[floor, pos] = in_review_sentence(self.text, floor, pos)
        return got


def whole_quote(body: str, a: int, b: int) -> bool:
    """A name does not start inside a quoted phrase that ends elsewhere: ``农村公路`` and
    ``三年会战项目`` of ``“农村公路建设三年会战”项目`` are pieces of a title."""
    opening = body.rfind("“", 0, a)
    if opening < 0 or body.rfind("”", opening, a) >= 0:
        return True
    closing = body.find("”", a)
    return closing in (b, b - 1) or closing < 0


def numbers_written(p: Project, source: str) -> bool:
    """Every quantity of a built name (item + shared head) is written whole in its quote of
    ``source``: not cut out of a longer number (``9.2`` of ``19.2``, ``二`` of ``十二``).
    ``source`` is the text the name was read from, the layout view (where ``１１０`` is
    ``110``), whose offsets are the source's."""
    if not numbers.may_hold_mention(p.name):  # most names hold no number
        return True
    for m in numbers.find_mentions(p.name):
        if m.kind != "quantity" or m.value is None:
            continue
        k = source.find(m.text, p.start, p.end)
        while k >= 0:
            q = numbers.quantity_at(source, k, p.end)
            if q is not None and q[0] == k + len(m.text) and not numbers.runs_on(source, k):
                break
            k = source.find(m.text, k + 1, p.end)
        if k < 0:
            return False
    return True


# everything up to the last stop (the greedy run backs off from ``end`` in C to the last one)
_UP_TO_STOP = re.compile(r".*[，,；;。]", re.DOTALL)


def last_stop(body: str, end: int) -> int:
    """Where the last ，,；;。 before ``end`` (>= 0) is, else -1."""
    m = _UP_TO_STOP.match(body, 0, end)
    return m.end() - 1 if m else -1


# 依托特变电工等国际化大项目, 依托阿里巴巴“农村淘宝”项目, 全力配合雄安-郑州高速规划建设,
# 以特变电工、风帆动力产业园为主导的…产业集群: projects named as the context of a measure
# 积极对接长城国家文化公园建设 (唐县), 深度融入雅下水电工程等国家重大项目建设 (青海): another
# level's project that the county joins
_CONTEXT_BEFORE = re.compile(r"(?:依托|借助|配合|对接|融入)[“\"]?$")
_CONTEXT_AFTER = re.compile(r"为(?:主导|龙头|代表|核心|依托)")


# 杜绝新招高污染、高耗能、低效益项目 (广西), 严禁新增“两高”项目 (唐县 …): projects refused are
# kinds, not works (the genre's closed class of verbs of refusal; 5 reports)
_REFUSED = re.compile(r"杜绝|严禁|禁止|遏制")


def in_context(body: str, it: _Item) -> bool:
    """A name only the context of a measure (依托…, …为主导) or refused (严禁…)."""
    return bool(
        _CONTEXT_BEFORE.search(body, 0, it.list_start)
        or _CONTEXT_AFTER.match(body, it.list_end)
        or _REFUSED.search(body, last_stop(body, it.list_start + 1) + 1, it.list_end)
    )
