"""Named projects for the rules engine: construction projects, programmes, facilities and parks
with a distinguishing name, the amount the text attaches to each, and its milestone."""

from __future__ import annotations

import re

from .. import numbers
from ..chunking import Document
from ..models import Project, Section
from ..wording import PROJECT_CLAUSE_RE
from ..wording import Clause as _Clause
from ..wording import clauses as _clauses

_PROJECT_SUFFIX = (
    r"(?:项目|工程|产业园|工业园|物流园|医药园|基地|电站|铁路|机场|码头|水库|水厂|综合体|"
    r"大道|高速|学院|医院|小镇)"
)
_NAME_CHARS = r"[\u4e00-\u9fffA-Za-z0-9“”\"（）()·\-]"
_PROJECT = re.compile(
    rf"{_NAME_CHARS}{{2,40}}?{_PROJECT_SUFFIX}(?:（[一二三四五六七八九十\d]+期）|\([一二三四五六七八九十\d]+期\))?"
)
_PROJECT_VERBS = re.compile(
    r"^(?:[以在对把将]?(?:加快|加速|全力|大力|重点|积极|持续|全面|力争|确保|推动|推进|实施|启动|建设|"
    r"建成|开工建设|开工|竣工|投产|签约|续建|完成|抓好|打造|做好|谋划|争取|实现|新建|改造|提升|"
    r"用好|依托|围绕|紧盯|支持|引导|鼓励|推出|开发|深化|落实|编制|做大|做强|壮大|培育|引进|聚焦|"
    r"促进|保障|创建|争创|探索|加大|强化|巩固|建立|完善|优化|发挥|服务|对接|融入|承接|拓展|"
    r"改扩建|扩建|新改扩建|招引|落地|开展|安排|促成|做足|做好|按照|结合|帮助|加强|扎实|致力|"
    r"深入分析|分析|引入社会资本参与|参与|发布|实现|打通|"
    r"以|在|和|与|及|等)+)"
)
_GENERIC_NAME = re.compile(
    r"重点|重大|政府投资|专项债|亿元以上|万元以上|类项目|批次|一批|基金|贷款|新增|其中|前期|储备|"
    r"招商|上述|各类|相关|这些|该|本地|全[省市县区]|示范项目|试点项目|民生|[\d０-９]+个|^项目|^工程|"
    r"^[^\u4e00-\u9fff“]*(?:项目|工程)$|“[^”]*\d[^”]*”(?:项目|工程)$"
)
# A name that still holds a verb after trimming is a phrase about projects, not a name.
_VERBISH = re.compile(
    r"抓住|紧盯|决胜|策划|入统|谋划|储备|引进|招引|对接|分析|调度|实施|推进|加快|推动"
)
_STATUS = (
    ("开工", "开工"), ("竣工", "竣工"), ("投产", "投产"), ("建成", "建成"), ("签约", "签约"),
    ("续建", "续建"), ("达产", "达产"), ("落地", "落地"), ("交付", "交付"), ("开建", "开工"),
)  # fmt: skip
_AMOUNT_OF = re.compile(r"[\d.]+(?:万亿|亿|万)?元的(?P<name>[^，,；;。、]{4,40})")


def find_projects(doc: Document, own_spans: list[tuple[Section, int]]) -> list[Project]:
    """Named projects in the own text of each work or plan section (``own_spans``)."""
    text = doc.layout
    found: list[Project] = []
    for section, own_end in own_spans:
        for clause in _clauses_for_projects(text, section.start, own_end):
            found.extend(_clause_projects(text, clause, section.path))
    # de-duplicate identical spans
    seen: set[tuple[int, int]] = set()
    out = []
    for p in found:
        if (p.start, p.end) in seen:
            continue
        seen.add((p.start, p.end))
        out.append(p)
    return out


def _clauses_for_projects(text: str, start: int, end: int) -> list[_Clause]:
    return _clauses(text, start, end, PROJECT_CLAUSE_RE)


_PROJECT_HINT = re.compile(_PROJECT_SUFFIX + r"|元的")


def _clause_projects(text: str, clause: _Clause, section_path: str) -> list[Project]:
    if not _PROJECT_HINT.search(text, clause.start, clause.end):
        return []
    body = text[clause.start : clause.end]
    out: list[Project] = []
    # enumerations "A、B、C等项目" share the suffix
    etc = re.search(r"等(?:\d+个|一批)?[^，,。；;、等]{0,8}?(项目|工程)", body)
    pieces: list[tuple[int, int]] = []
    if etc:
        seg_end = etc.start()
        seg_start = 0
        verb = _PROJECT_VERBS.match(body)
        if verb:
            seg_start = verb.end()
        pos = seg_start
        for part in re.split(r"[、]", body[seg_start:seg_end]):
            pieces.append((pos, pos + len(part)))
            pos += len(part) + 1
    for m in _AMOUNT_OF.finditer(body):
        # 投资50亿元的新钢电弧炉升级改造、80亿元的130万吨高品质硅钢项目建设进度
        name = m.group("name")
        cut = name.find("项目")
        end = m.start("name") + (
            cut + 2 if cut >= 0 else len(re.sub(r"(?:建设进度|建设|达产达效|达产|投产)$", "", name))
        )
        pieces.append((m.start("name"), end))
    for m in _PROJECT.finditer(body):
        if etc and m.start() < etc.end():
            continue
        if any(a <= m.start() < b or a < m.end() <= b for a, b in pieces):
            continue
        pieces.append((m.start(), m.end()))
    for a, b in pieces:
        name_start, name_end = _trim_name(body, a, b)
        name = body[name_start:name_end].replace("“", "").replace("”", "")
        if len(name) < 4 or _GENERIC_NAME.search(name) or re.search(r"\d+个|\d+项|个$|等$", name):
            continue
        if re.match(r"^[\d.]+(万|亿)?", name) or re.match(r"^[（(]", name):
            continue
        if re.match(r"\s*[\d０-９一二三四五六七八九十两]+[个项家座条所]", body[name_end:]):
            continue  # 智能制造项目14个: a count of a category is a target, not a project
        if _VERBISH.search(body[name_start:name_end]):
            continue
        s, e = clause.start + name_start, clause.start + name_end
        amount, unit, kind, a_s, a_e = _project_amount(text, s, e, clause)
        q_start, q_end = s, e
        if a_s is not None and a_e is not None:
            # the quote holds the name and its amount (投资50亿元的…, or …工程，总投资3.2亿元)
            q_start, q_end = min(clause.start, a_s), max(clause.end, a_e)
        out.append(
            Project(
                name=name,
                amount=amount,
                amount_unit=unit,
                amount_kind=kind,
                status=_status(body, name_start, name_end),
                section=section_path,
                quote=text[q_start:q_end],
                start=q_start,
                end=q_end,
                amount_start=a_s,
                amount_end=a_e,
            )
        )
    return out


def _trim_name(body: str, a: int, b: int) -> tuple[int, int]:
    while a < b and body[a] in " \u3000、":
        a += 1
    m = _PROJECT_VERBS.match(body, a, b)
    if m and m.end() < b:
        a = m.end()
    # a capacity or amount phrase in front is not part of the name (投资50亿元的)
    m2 = re.match(r"(?:总?投资)?[\d.]+[万亿]?元的", body[a:b])
    if m2:
        a += m2.end()
    while a < b and body[a] in "的、和与及":
        a += 1
    return a, b


def _project_amount(
    text: str, start: int, end: int, clause: _Clause
) -> tuple[float | None, str | None, str | None, int | None, int | None]:
    """``投资50亿元的<name>`` or ``<name>，总投资50亿元``: the amount the text attaches."""
    before = text[clause.start : start]
    m = re.search(r"(总投资|年度计划投资|计划投资|投资|、)?([\d.]+(?:万亿|亿|万)?元)的?$", before)
    if m:
        parsed = numbers.parse_quantity(m.group(2))
        if parsed:
            a_s = clause.start + m.start(2)
            kind = "总投资" if m.group(1) in (None, "投资", "总投资", "、") else m.group(1)
            return parsed[0], parsed[2], kind, a_s, a_s + len(m.group(2))
    after = text[end : min(clause.end + 12, len(text))]
    m = re.match(r"[,，]?(总投资|年度计划投资|计划投资|投资)([\d.]+(?:万亿|亿|万)?元)", after)
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


def _status(body: str, a: int, b: int) -> str | None:
    before, after = body[max(0, a - 8) : a], body[b : b + 6]
    for word, status in _STATUS:
        if word in after or before.endswith(word) or (word + "建设") in before:
            return status
    return None
