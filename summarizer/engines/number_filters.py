"""Numbers in a clause that are not what they seem to the target and outcome readers of
:mod:`.rules`: a headline target named again, the investment of named projects, a clause's own
verb before a quantity, the level a review's change started from. Pure functions over the text.
"""

from __future__ import annotations

import re

from .. import numbers, wording
from ..models import Project, Target
from ..wording import Clause
from .indicator_words import _ACTION

_TO_OR_IS = re.compile(r"[到至为]")


# 投资6000万元启动天生桥游客中心…建设: the bare word of investment, then a verb right before
# the works it pays for
_SPENT_ON = re.compile(r"[，,]?[\u4e00-\u9fff]{0,4}$")


# the target named as such after its number (5.5%左右的预期增长目标, 确定4.5%左右的增长目标)
_TARGET_NAMED = re.compile(r"的(?:预期|年度|主要)?(?:经济)?(?:增长|发展)?目标")


def restates_headline(text: str, t: Target, said: set[tuple[float, str]]) -> bool:
    """``5.5%左右的预期增长目标与“十五五”发展目标总体衔接`` (湖北, 辽宁): a headline target's
    number named again as the target, in the words that explain it, is no target of its own
    (unless the headline paragraph does not state it: then it is the only statement)."""
    if t.scope != "section" or (t.value, t.unit) not in said:
        return False
    return _TARGET_NAMED.match(text, wording.bound_end(text, t.value_end)) is not None


def spent_on_projects(text: str, t: Target, projects: list[Project]) -> bool:
    """``投资2500万元完成花山、马兰…红色教育基地项目``: an amount of bare 投资 followed by a verb
    and the named projects it pays for is their own investment (as ``总投资50亿元的X项目`` is),
    not a target; ``投资120万元完成学前教育设施设备配置`` (no named project) stays one. Which
    works are named is the project reader's call (:func:`.project_model.find_projects`)."""
    if t.scope != "section" or t.indicator != "投资" or not t.unit.endswith("元"):
        return False
    after = wording.bound_end(text, t.value_end)
    return any(
        after <= p.start <= after + 5 and _SPENT_ON.fullmatch(text[after : p.start]) is not None
        for p in projects
    )


def verb_of_clause(
    text: str, clause: Clause, seg_start: int, has_verb: bool, m: numbers.Mention
) -> bool:
    """``整理2380亩建设用地``, ``腾出8平方公里发展空间``: a two-character word that opens the
    clause right before a quantity and its noun, with no verb anywhere in the clause, is the
    clause's verb (one the verb list does not know), not a name the quantity belongs to
    (``大唐700万吨露天矿开工`` goes on to its own verb; ``依托环雄安2万亩一般农田`` is longer)."""
    return (
        not has_verb
        and seg_start == clause.start
        and len(text[seg_start : m.start].strip()) == 2
        and _ACTION.search(text, clause.start, clause.end) is None
    )


def review_baseline(text: str, m: numbers.Mention, clause: Clause) -> bool:
    """``由2010年的162.4亿元增加到287.9亿元``: the number after 由/从 is the level started
    from, not a result (the review's way of writing :func:`.mentions._baseline`)."""
    frm = max(text.rfind("由", clause.start, m.start), text.rfind("从", clause.start, m.start))
    if frm < 0 or _ACTION.search(text, frm, m.start):
        return False
    return bool(_TO_OR_IS.search(text, m.end, clause.end))
