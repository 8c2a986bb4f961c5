"""Named projects for the rules engine: construction projects, programmes, facilities and parks
with a distinguishing name, the amount the text attaches to each, and its milestone.

The text is read by its structure, clause by clause:

- a *run* is a stretch of name characters (no 、 or clause punctuation); a name ends on the
  head noun of an undertaking (``项目``, ``工程``, ``产业园`` …) and starts after the last
  action verb, ordinal marker (``一是``) or ``的`` in front of it;
- ``A、B、C等(在建)项目`` / ``A、B等农贸市场``: every item before ``等`` is a name, completed with
  the head noun written once after ``等`` when the item lacks one;
- ``A、B、C项目`` (no ``等``): the items share the tail of the last one (``空港物流、保税仓库项目``);
- facilities named by a weaker head (roads, schools, markets: ``完成龙西路、黄武路建设``) count
  only when a construction word follows (``建设``, ``改造``, ``建成通车``, ``投入使用`` …); bare
  items of such a list (places) share the last item's facility (``羊平镇、文德镇污水处理厂建设``);
  a road or a phased work that ends the clause after a verb of construction counts too
  (``新建开发区北园支七街``);
- a count after a name (``智能制造项目14个``) or a base made only of category words
  (``特色小镇``, ``公立医院``) is no project; sentences about past years are skipped;
- a ``工程`` whose name holds no concrete object (site, water, facility, road, scale, phase,
  quoted name) is a campaign (``城市更新工程``); under a domain head after ``等`` (``等冰雪运动
  项目``) only items with a head noun of their own count, and a list of fields (``等重点领域``)
  names nothing; an item with its own strong head is read with its own run, never shared again.

Each name found becomes a project with its amount and milestone in :mod:`.project_details`;
the rows of an appendix table of this year's works are read in :mod:`.project_tables`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..chunking import Document
from ..layout import WRAP_JOIN
from ..models import Project, Section
from ..wording import CJK
from ..wording import Clause as _Clause
from . import project_filters
from .project_clauses import HintClauses, hint_clauses
from .project_details import _Item, _project
from .project_filters import ReviewSentences, in_context, last_stop, numbers_written, whole_quote
from .project_lists import (
    _AND,
    _HE,
    _SPAN_CACHE,
    _split_heads,
    _split_list,
    _split_to_count,
    _splits_at,
    _starts,
    _trim_start,
)
from .project_tables import back_matter, plan_table, table_projects
from .project_words import (
    _ANY_END,
    _CAMPAIGN,
    _CATEGORY_WORDS,
    _ETC_MARK,
    _FACILITY_CHARS,
    _GENERIC_NAME,
    _MONTH,
    _NAME_RUN,
    _PHASE,
    _STRONG,
    _STRONG_END,
    _STRONG_TAIL,
    _TAIL,
    _VERBISH,
    _WEAK,
    _WORKS_OBJECT,
    _WORKS_WORDS,
)

# 厕所革命、村容村貌提升、饮水安全等工程; 城区供热热源替代改造等重大债券项目: a list whose
# every item ends on a kind of work names kinds of work, not works
_ACTIVITY_END = re.compile(r"(?:改造|整理|开发|提升|整治|治理|建设|革命|安全|压采)$")
# 经济开发区给水厂, 新城区酒店: an area word and a kind of facility describe, not name
_AREA_PREFIX = re.compile(r"^(?:经济开发区|开发区|新城区|老城区|城区)")
_WEAK_END = re.compile(rf"(?:{_WEAK}){_PHASE}?$")
_ROAD_END = re.compile(r"(?:大道|大街|[国省]道|路|街|线|段|[东西南北]延|(?<!循)环)$")
# The verbs of construction whose object is the work itself (closed class of the genre): a
# facility right after one is built, as when a construction word follows it
_BUILD_WORDS = r"新建|建设|建成|建好|打通|贯通|改造提升|扩建|改扩建|续建|投运"
_BUILD_BEFORE = re.compile(rf"(?:{_BUILD_WORDS})$")
_BUILT_OBJECT = re.compile(
    rf"(?:大道|大街|[国省]道|路|街|线|段|[东西南北]延|(?<!循)环|(?:{_STRONG}|{_WEAK}){_PHASE})$"
)
# 智能制造项目14个, 安全生命防护工程6000公里: a count or a length of a category (closed class of
# classifiers and units of length)
_COUNT_AFTER = re.compile(r"\s*[\d０-９一二三四五六七八九十两.]+(?:[个项家座条所]|万?公里)")
# 等7个, 等1.22万个 (hubei_2026: a count of ten thousands), 等一批
_ETC = re.compile(
    rf"{_ETC_MARK}(?:[\d一二三四五六七八九十两多][\d.一二三四五六七八九十两多]*万?[个条项所座家处]|一批)?"
)
# the modifier of a head after 等 that says which projects (stage, rank, size), not their domain
_ETC_RANK = (
    # stage words (在建, 拟建, 续建, 新建: a closed class of the genre) and ranks
    r"(?:重大|重点|国家|省(?!际)|市|县|区|级|[在拟续新]建|签约|在谈|意向|龙头|骨干|标志性|"
    r"大|好|一批|[\d.]*[万亿]元以上|百亿级|PPP|"
    # 战略性工程 (湖北 2026, 满城 2022)
    r"战略性)*"
)
# the head after 等 with a modifier of up to four characters, or a run of rank words of any
# length (等1.22万个亿元以上新建续建项目)
_ETC_PROJECT = re.compile(
    rf"^(?P<mod>{_ETC_RANK}(?=项目|工程)|[^，、等的]{{0,4}}?)(?P<head>项目|工程)(?!推进|资金|管理|难题)"
)
_ETC_DOMAIN = re.compile(rf"(?!{_ETC_RANK}$).+")
# 等重点领域, 等方面: the items are fields or aspects (closed class), not works
_ETC_KIND = re.compile(r"[^，,。；;、等的]{0,4}?(?:领域|方面|行业|环节)")
_ETC_SEG = re.compile(r"[^，,。；;、等的\s“”]{0,8}")
_ETC_HEAD_END = re.compile(rf"(?:{_STRONG}|{_WEAK}|景点|区)$")
# 等路网建设, 等建设: a short generic word (or none) before a construction word
_ETC_GENERIC = re.compile(r"[^，,。；;、等的\s]{0,3}?(?=建设|改造|开工|建成)")


# 南山口、哇让、同德、德令哈4个抽水蓄能电站, 卡阳、松如沟等14个750千伏电网工程: a list of
# names counted with a classifier (the genre's closed class of measure words for works) and
# completed by the head written once after the count
_LIST_COUNT = re.compile(r"(?P<etc>等)?(?P<n>\d{1,2}|[一二三四五六七八九十两])[个座条所家处]")
_LIST_CLASSIFIER = re.compile(r"[个座条所家处]")  # what every _LIST_COUNT match holds
_CN_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九十", 0)} | {"两": 2}
# the capacity written before the head is each work's size, not part of its name; a voltage
# (750千伏电网工程) is the grade of the works, which stays in the name
_SIZE = re.compile(r"^[\d.]+万?(?:千瓦|兆瓦|吨|亩|公里|平方米|立方米|米)")
_SCALE = re.compile(r"[\d.]+万?(?:千瓦|千伏|兆瓦|吨|亩|公里|平方米|立方米|米)")
_COUNT_HEAD_END = re.compile(rf"(?:{_STRONG}|{_WEAK}|站|基地){_PHASE}?$")
# a road or street in a head (街道雨污分流改造工程): works on the roads, not facilities
_ROAD_WORD = re.compile(r"[路街道]")
_COUNTED_SEG = re.compile(r"[^，,。；;、等的\s“”]{0,14}")


# What every way of naming a project needs in its clause (see _clause_projects). One flat
# alternation whose every alternative starts with a literal character: the regex engine then
# skips in C to the next place one of them stands (a group among the alternatives would make it
# try every position of the section in turn, several times slower).
_HINT = re.compile(rf"等|元的|、[^，,；;。]*[个座条所家处]|{_STRONG}|{_WORKS_WORDS}|{_BUILD_WORDS}")

# The patterns of the functions below, compiled once (they run for every candidate name).
_QUOTES_NOTES = re.compile(r"[“”\"]|\(\d+\)|（\d+）|\[\d+\]")
_NOTE_END = re.compile(r"\[\d+\]$")
_GEO = re.compile(r"[河湖江山岛]")
_GEO_END = re.compile(r"[河湖江山岛]$")
_COUNT_OR_OPEN = re.compile(r"\d+个|\d+项|个$|等$|[和与及]$")
# 扁都口至峨堡, 大岸底至马兰: a route between two places names one work
_ROUTE = re.compile(r"[\u4e00-\u9fff]{2,}至[\u4e00-\u9fff]{2,}")
# 330千伏沣渭输变电工程, 2000亩桑叶产业园: a grade or size may lead a name
_GRADE = re.compile(r"[\d.]+万?(?:千伏|千瓦|兆瓦|吨|亩)")
# a number may lead a name as a grade or size, or as the code of a route (112国道绕城: 12
# places write a national road's number before 国道)
_NUMBER_OR_NOTE_START = re.compile(rf"^(?!{_GRADE.pattern}.|\d+[国省县]道)[\d.]+(?:万|亿)?|^[（(]")
_MORE_NAME = re.compile(r"[^和及与等并\W]")
_PROJECT_END = re.compile(r"(?:项目|工程)$")
# 基本公共服务项目清单, 项目库, 项目资金: a noun after 项目 makes the phrase a thing about
# projects (closed class of the genre's administrative nouns, 7-12 places each)
# 评审 and 服务 too: 科技研发项目评审 (湖北), 政府采购项目“双盲”评审 (易县), “全周期”项目服务
# (易县), 项目服务 (8 places)
_OF_PROJECTS = re.compile(r"(?<=项目)(?:“[^”]{1,6}”)?(?:清单|库|资金|用地|审批|储备|评审|服务)")
_STRONG_PHASE_END = re.compile(rf"(?:{_STRONG}){_PHASE}$")
_PHASED_NAME = re.compile(r"^[^\d]{2,}[一二三四五六七八九十\d]+期")
_LEAD_COUNT = re.compile(r"^[\d一二三四五六七八九十两多]+[个条项所座家处]")
_BUILD_VERB_END = re.compile(r"(?:启动|新建|建成|完成|开工建设|打通)$")
_PHASE_END = re.compile(rf"{_PHASE}$")
_LEAD_RANK = re.compile(rf"^{_ETC_RANK}")
_BUILD_END = re.compile(r"(?:建设|改造)$")
_DONE_END = re.compile(r"(?:开工|建成|完工|竣工|投产|通车|投入运营|投入使用|交付使用|投运)$")
_WORKS = re.compile(_WORKS_WORDS)
_BUILD_WORD = re.compile(_BUILD_WORDS)
# the few characters of a weaker head that a name runs on with after a strong one (机场快线)
# (not a works word, nor a locative: 高速沿线; no particle or verb among them: 小镇为中心)
_RUN_ON_HEAD = re.compile(
    rf"(?!{_WORKS_WORDS}|沿线)[^\W\d的为在是和与及等]{{0,2}}(?:{_WEAK})(?<!迁建)(?<!扩建)"
)
_NO_RUN_ON = re.compile(rf"(?:项目|工程|{_PHASE})$")
_WHEN_END = re.compile(
    rf"(?:年内|今年|全年|[一二三四]季度|年底|年末|尽早|尽快|按期|按时|力争|全面|主体|基本|规划|选址|"
    rf"{_MONTH})+$"
)
_AMOUNT_OF = re.compile(r"[\d.]+(?:万亿|亿|万)?元的(?P<name>[^，,；;。、]{4,40})")
_PROGRESS_END = re.compile(r"(?:建设进度|建设|达产达效|达产|投产)$")
_BRACKET_END = re.compile(r"[（(][^（()）]*[）)]$")


def find_projects(
    doc: Document,
    own_spans: list[tuple[Section, int]],
    hinted: list[HintClauses] | None = None,
    review: ReviewSentences | None = None,
    listed: dict[str, Listed] | None = None,
) -> list[Project]:
    """Named projects in the own text of each work or plan section (``own_spans``; ``hinted``:
    their clauses of :func:`hint_clauses`, found here when not given), and in the rows of an
    appendix table of this year's projects. ``review``: the review-sentence tests of the layout
    view, kept for the caller (made here when not given); ``listed``: the lists read of each
    clause (:func:`clause_items`), kept for the caller's loose reading of the same clauses."""
    text = doc.layout
    review = review or ReviewSentences(text)
    found: list[Project] = []
    back = back_matter(text)
    for a, b, title in back:
        if plan_table(title):
            found.extend(table_projects(doc, text, a, b, _ANY_END, _clean))
    if hinted is None:
        hinted = hint_clauses(text, own_spans, back[0][0] if back else len(text), _HINT)
    # only clauses holding a head noun, 等, a construction word or an amount can name one
    for section, _, clauses in hinted:
        for clause in clauses:
            if review(section.start, clause.start):
                continue
            found.extend(
                p
                for p in _clause_projects(text, clause, section.path, listed)
                if numbers_written(p, doc.layout)
            )
    # one name read twice in one place (by two ways of naming, with quotes of different
    # extent: 启动双创孵化中心和地表水厂建设) is one project
    out: list[Project] = []
    by_name: dict[str, list[Project]] = {}  # the projects kept, by name
    for p in found:
        if p.name in project_filters.GENERIC_NAMES:
            continue  # a kind of work many places write (光伏发电、风力发电等重点项目)
        same = by_name.setdefault(p.name, [])
        if any(q.start < p.end and p.start < q.end for q in same):
            continue
        same.append(p)
        out.append(p)
    return out


@lru_cache(maxsize=_SPAN_CACHE)  # a name is cleaned by every way of naming that reads it
def _clean(name: str) -> str:
    """The name without quotes and note marks, cut before a bracket left open (``宏昌大街南延
    （致远路至复兴路西延``: the run ended inside the bracket's range of the road)."""
    name = _QUOTES_NOTES.sub("", name).replace(WRAP_JOIN, "")
    k = max(name.rfind("（"), name.rfind("("))
    if k > 0 and "）" not in name[k:] and ")" not in name[k:]:
        name = name[:k]
    return name


def _is_abbreviation_list(body: str, a: int, b: int, run_start: int) -> bool:
    """``京雄、京德和荣乌高速``: a list of two-character abbreviations whose last two are joined
    by 和 before the shared head (``body[a:b]`` is the run from the one before 和 to the head):
    each abbreviation is a name of its own with that head."""
    if a != run_start or a == 0 or body[a - 1] != "、" or not _AND.match(body, a + 2):
        return False
    if _ANY_END.search(body, a, a + 2):
        return False
    pieces = _split_list(body, last_stop(body, a) + 1, a - 1)
    if not pieces or any(pb - pa != 2 for pa, pb in pieces):
        return False
    name = _clean(body[a + 3 : b])  # the last abbreviation with the head: 荣乌高速
    return _shared_tail(body[a : a + 2], name) != body[a : a + 2]


def _shared_tail(item: str, name: str) -> str:
    """``空港物流、保税仓库项目`` → 空港物流项目; ``白沙河、北易水综合治理工程`` → 白沙河综合治理工程:
    an item without a head takes the tail of the last name after its own proper part (the
    part up to a river or lake word, else as long as the item), at least the head word."""
    suffix = _STRONG_END.search(name)
    if not suffix:
        return item
    lead = listed_lead(item, name)
    if lead:
        return item + name[lead:]
    # 宏昌大街南延（致远路至复兴路西延）: a bracket after the head notes the item's extent
    if _ANY_END.search(_BRACKET_END.sub("", item)):
        return item
    word = suffix.group(0)
    # 古城河、绵江河生态修复工程: the last item's proper part ends on the item's own river or
    # lake word (绵江河, not 绵江)
    geo = -1  # where the last item's river or lake word stands
    if _GEO_END.search(item):
        geo = name.find(item[-1], 1, 6)
        if geo < 0:
            found = _GEO.search(name, 0, 6)
            geo = found.start() if found else -1
    tail = name[geo + 1 :] if geo >= 0 else name[len(item) :]
    if geo < 0 and len(tail) > len(word) + 4:
        return item  # 万广物流、鄱阳湖“前港后园”港口物流园项目: a long tail is not shared
    return item + (tail if tail.endswith(word) and len(tail) >= len(word) else word)


# 看守所、拘留所、执法办案中心: an item ending on a one-character facility noun is a work of
# its own kind; 规模化、集约化…养殖小区: one ending on a suffix of kind (-化, -型, -性) is a
# modifier (closed classes of the language)
_OWN_KIND = re.compile(rf"[{_FACILITY_CHARS}化型性]$")


# G230, 国道G337, S248: a road's code (a closed class of forms)
_ROAD_CODE = re.compile(r"(?:国道|省道|县道)?[GSX]\d{2,4}")


def listed_lead(item: str, last: str) -> int:
    """Where the rest of ``last``, a list's last name, starts that ``item`` of the same closed
    class shares: a division listed before a name that opens with one (福州、厦门、泉州省级人工
    智能产业园: place_names.txt), a road code before one that opens with a code (国道G337、G230
    安国绕城公路); 0 when not so, or when less than two characters would be shared."""
    if item in project_filters.place_names():
        k = project_filters.place_lead(last)
    else:
        code = _ROAD_CODE.match(last)
        k = code.end() if code and _ROAD_CODE.fullmatch(item) else 0
    return k if k and len(last) - k >= 2 else 0


def _own_part(item: str, last: str) -> int:
    """Where the proper part of ``last``, the list's last item, ends: after the character that
    ends ``item`` too (the place word 镇, 村, 城 of ``羊平镇、文德镇…``), else as long as ``item``."""
    k = last.find(item[-1], 1, len(item) + 2)
    return k + 1 if k >= 0 else len(item)


def _bare_item(item: str, last: str) -> str:
    """``羊平镇`` of ``羊平镇、文德镇污水处理厂``: a short bare item (a place or proper name) with
    the facility the last item names after its proper part; "" when that part has no head."""
    lead = listed_lead(item, last)
    if lead:
        return item + last[lead:]  # 国道G337、G230安国绕城公路
    if not 2 <= len(item) <= 5 or _OWN_KIND.search(item):
        return ""
    tail = last[_own_part(item, last) :]
    return item + tail if len(tail) >= 2 and _ANY_END.search(tail) else ""


def _is_name(
    name: str, body: str, end: int, *, in_list: bool, raw: str = "", etc: bool = False
) -> bool:
    """Whether ``name`` (``raw`` as written, ending at ``body[end]``) names one undertaking."""
    # a road needs no more than a two-character name before its head (同兴街, 汇通路)
    if len(name) < (2 if in_list else 3 if _ROAD_END.search(name) else 4):
        return False
    if _GENERIC_NAME.search(name) or _COUNT_OR_OPEN.search(name):
        return False
    if _NUMBER_OR_NOTE_START.match(name) or _VERBISH.search(name):
        return False
    grade = _GRADE.match(name)
    if grade and not _STRONG_TAIL.search(name) and len(_ANY_END.sub("", name[grade.end() :])) < 2:
        return False  # 完成1600亩湿地修复任务: a size and a kind of facility name nothing
    if _COUNT_AFTER.match(body[end:]):
        return False  # 智能制造项目14个: a count of a category is a target, not a project
    base = _ANY_END.sub("", name)
    if len(base) < (1 if etc else 2) or base[-1] in "和与及" or _CATEGORY_WORDS.match(base):
        return False
    if _CAMPAIGN.search(raw or name):
        return False
    # a phase after 工程 (“雪亮工程”二期项目) makes one work; 省天然气管网工程瑞金分输站: 工程
    # that more of the name follows is a modifier, not a campaign
    more = _MORE_NAME.match(body[end : end + 1]) and not _TAIL.match(body[end:])
    if name.endswith("工程") and not more:
        own = raw if raw.endswith("工程") else name
        if not _WORKS_OBJECT.search(own, 0, len(own) - 2):
            return False
    if not _PROJECT_END.search(name):
        rest = _AREA_PREFIX.sub("", name)
        if rest != name and len(_ANY_END.sub("", rest)) < 2:
            return False
    # 恒峰物流园二期: a strong head with a phase is one undertaking whatever its base
    weak = _WEAK_END.search(name) and not _STRONG_PHASE_END.search(name)
    if weak and not etc and not _ROAD_END.search(name) and len(base) < 3 and base[0] != "第":
        return False  # 供水厂, 雄安新区: a kind of facility, or a place, not a named work
    # 技改项目, 入园项目: a class of projects; “雪亮工程”二期项目: a phase makes one undertaking
    return (
        in_list
        or len(base) >= 3
        or not _PROJECT_END.search(name)
        or bool(_PHASED_NAME.search(name))
    )


def _clause_projects(
    text: str, clause: _Clause, section_path: str, listed: dict[str, Listed] | None = None
) -> list[Project]:
    body = text[clause.start : clause.end]
    return [
        _project(text, clause, body, it, section_path)
        for it in clause_items(body, listed=listed)
        if not in_context(body, it) and whole_quote(body, it.a, it.b)
    ]


def any_name(name: str, *_: object, **__: object) -> bool:
    """The candidates' test (:mod:`.project_model`): two to thirty characters, one Chinese."""
    return 2 <= len(name) <= 30 and name[0] not in "（(" and bool(CJK.search(name))


# What steps 0 and 1 of :func:`clause_items` read of a clause: each name its lists build, as
# (start, end, name, list start, list end) before the name test, and the spans they take.
Listed = tuple[tuple[tuple[int, int, str, int, int], ...], tuple[tuple[int, int], ...]]


def clause_items(
    body: str, *, loose: bool = False, listed: dict[str, Listed] | None = None
) -> list[_Item]:
    """The names read in one clause; ``loose``: every name any way of naming reads, before
    the tests of :func:`_is_name` drop it (the candidates of :mod:`.project_model`).
    ``listed``: what :func:`_lists` read of each clause, kept by the caller for one report:
    its strict and loose readings of a clause share it (only the name test differs there)."""
    is_name = any_name if loose else _is_name
    got = listed.get(body) if listed is not None else None
    if got is None:
        got = _lists(body)
        if listed is not None:
            listed[body] = got
    # 0 and 1: the names of the counted lists and of the lists with 等 that pass the name test
    items = [_Item(*f) for f in got[0] if is_name(f[2], body, f[4], in_list=True, etc=True)]
    taken = list(got[1])

    # 2. names ending on a strong head noun, and lists sharing that head (空港物流、保税仓库项目)
    # (most clauses hold none: their runs are not read; a head found in a run is found in the
    # clause too, which ends where the run does or goes on with a character no head holds)
    for run in _NAME_RUN.finditer(body) if _STRONG_END.search(body) else ():
        ends = [m.end() for m in _STRONG_END.finditer(body, run.start(), run.end())]
        ends = [e for i, e in enumerate(ends) if i + 1 == len(ends) or _splits_at(body, e)]
        if (
            ends
            and _RUN_ON_HEAD.fullmatch(body, ends[-1], run.end())
            and not _NO_RUN_ON.search(body, 0, ends[-1])
        ):
            # 雄安至北京大兴国际机场快线, 大广高速连接线, 高铁新城: a weaker head right after
            # the strong one (a rail, a road, a park: not 项目 or a phase) ends the name
            ends[-1] = run.end()
        left = run.start()
        for b in ends:
            a = _trim_start(body, left, b)
            first_in_run = left == run.start()
            left = b
            if not _free(taken, a, b) or _OF_PROJECTS.match(body, b):
                continue
            # 深入学习运用“千万工程”经验: a head inside a quotation that is still open names the
            # quoted title, which starts at its opening mark
            opening = body.rfind("“", a, b)
            if opening > a and body.find("”", opening, b) < 0:
                a = opening
            raw = body[a:b]
            # 京雄、京德和荣乌高速: in a list, a short abbreviation without a head before 和 is
            # one more item sharing the head (as in _split_list), not part of the name
            abbrev = None
            if _is_abbreviation_list(body, a, b, run.start()):
                abbrev = (a, a + 2)
                a += 3
                raw = body[a:b]
            # 残疾人托管中心和康复中心项目: two works joined by 和 (the left one named in full)
            split = _AND.search(raw)
            if split and split.start() >= 4 and _ANY_END.search(raw[: split.start()]):
                a2 = a + split.start()
                first = _clean(body[a:a2])
                if is_name(first, body, a2, in_list=True, raw=body[a:a2]):
                    items.append(_Item(a, a2, first, a, a2))
                a = a2 + 1
                raw = body[a:b]
            name = _clean(raw)
            if not is_name(name, body, b, in_list=False, raw=raw):
                continue
            pieces = []
            list_end = abbrev[0] if abbrev else a
            if first_in_run and list_end == run.start() and a > 0 and body[list_end - 1] == "、":
                seg_start = last_stop(body, list_end) + 1
                pieces = _split_list(body, seg_start, list_end - 1)
                # 违规违建项目、资源能源项目、房地产开发项目: an item with its own strong
                # head is a name of its own, read with its own run; the list shares from after it
                # 京能绿电制氢建成投运、抽水蓄能项目: an item ending on its milestone is a
                # clause of its own; the list starts after it too
                for k in range(len(pieces) - 1, -1, -1):
                    if _STRONG_TAIL.search(body, pieces[k][0], pieces[k][1]) or _DONE_END.search(
                        body, pieces[k][0], pieces[k][1]
                    ):
                        pieces = pieces[k + 1 :]
                        break
                # 滇中引水二期骨干工程和景腊大型灌区、南瓜坪大型水库: the part before 和 that
                # ends on a strong head is read with its own run; the list starts after 和
                if pieces:
                    pa, pb = pieces[0]
                    join = _HE.search(body, pa, pb)
                    if join and _STRONG_TAIL.search(body, pa, join.start()):
                        pieces[0] = (join.end(), pb)
            if abbrev:
                pieces.append(abbrev)
            list_start = pieces[0][0] if pieces else a
            items.append(_Item(a, b, name, list_start, b))
            for pa, pb in pieces:
                # 加快西宁至成都铁路建设、青藏铁路…: an item ending on its own construction word
                built = _BUILD_END.search(body[pa:pb])
                if built and _ANY_END.search(body, pa, pb - 2):
                    pb -= 2
                item = _shared_tail(_clean(body[pa:pb]), name)
                if is_name(item, body, pb, in_list=True, raw=body[pa:pb]):
                    items.append(_Item(pa, pb, item, list_start, b))
            taken.append((list_start, b))

    # 3. facilities with a weaker head, followed by a construction word
    for t in _starts(_WORKS, body):
        if not _TAIL.match(body[t:]):
            continue
        end = t
        while end > 0 and body[end - 1] in "的":
            end -= 1
        note = _NOTE_END.search(body, 0, end)  # 东部旅游通道[21]建设: a footnote marker
        if note:
            end = note.start()
        tm = _WHEN_END.search(body[:end])
        if tm:
            end = tm.start()
        seg_start = last_stop(body, end) + 1
        if not _free(taken, end - 1, end):
            continue
        if "等" in body[seg_start:end]:
            continue  # A、B等…建设: read as a 等 list above
        pieces = _split_list(body, seg_start, end, split_and=True)
        if not pieces or not _ANY_END.search(body[pieces[-1][0] : pieces[-1][1]]):
            continue
        list_start = pieces[0][0]
        # 羊平镇、文德镇污水处理厂建设: items without a head of their own share the last one's
        # (only when no other item has its own: 唐尧古镇、文化主题酒店、民宿…建设)
        last = _clean(body[pieces[-1][0] : pieces[-1][1]])
        bare = all(not _ANY_END.search(body[a:b]) for a, b in pieces[:-1])
        for a, b in pieces:
            name = _clean(body[a:b])
            if not _ANY_END.search(name):
                name = _bare_item(name, last) if bare else ""
                if not name:
                    continue
            if _free(taken, a, b) and is_name(name, body, b, in_list=len(pieces) > 1):
                items.append(_Item(a, b, name, list_start, end))
        taken.append((list_start, end))

    # 5. 新建开发区北园支七街，改造提升长城路。: a road, or a work with its phase, that ends the
    # clause after a verb of construction (other facilities there are mostly described, not
    # named: 建设保西医疗中心, 建设活力新城)
    end = len(body.rstrip())
    seg_start = last_stop(body, end) + 1
    # the verb of construction must stand in the segment (most clauses hold none: the list is
    # not split for them)
    if "等" not in body[seg_start:end] and _BUILD_WORD.search(body, seg_start, end):
        pieces = _split_list(body, seg_start, end)
        if (
            pieces
            and pieces[-1][1] == end
            and _BUILD_BEFORE.search(body, seg_start, pieces[0][0])
            and all(_BUILT_OBJECT.search(body, a, b) and _free(taken, a, b) for a, b in pieces)
        ):
            for a, b in pieces:
                name = _clean(body[a:b])
                if is_name(name, body, b, in_list=len(pieces) > 1):
                    items.append(_Item(a, b, name, pieces[0][0], end))
            taken.append((pieces[0][0], end))

    # 4. 投资50亿元的新钢电弧炉升级改造: a named undertaking with its amount in front (the
    # scan is skipped in the many clauses without 元的)
    for m in _AMOUNT_OF.finditer(body) if "元的" in body else ():
        a = m.start("name")
        name = m.group("name")
        cut = name.find("项目")
        b = a + (cut + 2 if cut >= 0 else len(_PROGRESS_END.sub("", name)))
        if _free(taken, a, b) and is_name(_clean(body[a:b]), body, b, in_list=False):
            items.append(_Item(a, b, _clean(body[a:b]), a, b))
            taken.append((a, b))

    return items


def _free(taken: list[tuple[int, int]], a: int, b: int) -> bool:
    """No span of ``taken`` (read by an earlier step) overlaps ``a``..``b``."""
    return not any(x < b and a < y for x, y in taken)


def _lists(body: str) -> Listed:
    """Steps 0 and 1 of :func:`clause_items`: the names that the counted lists and the lists
    with 等 of a clause build, before the name test, and the spans the lists take."""
    names: list[tuple[int, int, str, int, int]] = []
    taken: list[tuple[int, int]] = []

    # 0. A、B、C(等)4个抽水蓄能电站: a counted list of names sharing the head after the count
    # (the pattern, which starts with no literal, is tried at every position: only in clauses
    # that hold a classifier)
    for cm in _LIST_COUNT.finditer(body) if _LIST_CLASSIFIER.search(body) else ():
        seg_start = last_stop(body, cm.start()) + 1
        # 恒源街及9条小街小巷: a count inside an item
        counted_etc = bool(cm.group("etc"))
        n = cm.group("n")
        count = int(n) if n.isdigit() else _CN_DIGIT[n]
        # 哈萨尔和东升路两个市民广场: without 、 only two names joined by 和 make a list
        if (
            not counted_etc
            and "、" not in body[seg_start : cm.start()]
            and not (count == 2 and _AND.search(body, seg_start, cm.start()))
        ):
            continue
        after = body[cm.end() :]
        if counted_etc and (_ETC_PROJECT.match(after) or _etc_head(after) is not None):
            continue  # read in step 1
        if body[cm.start() - 1] in "、和及与的":
            continue
        # 宝鸡、延安等4个国家骨干冷链物流基地: after a count the head may be long (a list with
        # 等 whose head step 1 reads is left to it)
        seg = _COUNTED_SEG.match(body, cm.end())
        rest = re.split(r"[和及与]", seg.group() if seg else "")[0]
        # the head ends the segment or a construction word follows it (两条城市景观带: no head)
        k = next(
            (
                k
                for k in range(len(rest), 0, -1)
                if _COUNT_HEAD_END.search(rest, 0, k) and (k == len(rest) or _TAIL.match(rest[k:]))
            ),
            0,
        )
        if not k:
            continue
        head = _SIZE.sub("", rest[:k])
        head_end = cm.end() + k
        pieces = _split_list(body, seg_start, cm.start())
        if len(pieces) < count and not counted_etc:
            # 滨河公园和花木兰植物园4个公园, 哈萨尔和东升路两个市民广场: the count says 和
            # joins two of the names
            pieces = _split_to_count(body, seg_start, pieces, count)
        # 黄蒿界等6处煤矿: with 等 one item stands for more
        if not (1 if counted_etc else 2) <= len(pieces) <= count or not _free(
            taken, pieces[0][0], head_end
        ):
            continue
        list_start = pieces[0][0]
        for a, b in pieces:
            name = _clean(body[a:b])
            # 东升路两个市民广场: a road before a count of facilities says where they are
            if not _COUNT_HEAD_END.search(name) or (
                _ROAD_END.search(name) and not _ROAD_WORD.search(head)
            ):
                name += head
            names.append((a, b, name, list_start, head_end))
        taken.append((list_start, head_end))

    # 1. A、B、C等(在建)项目 / A、B等农贸市场
    for etc in _ETC.finditer(body):
        rest = body[etc.end() :]
        seg_start = last_stop(body, etc.start()) + 1
        if _ETC_KIND.match(rest):
            # …房地产开发项目和地下水超采综合治理等重点领域专项整治: the items are fields
            taken.append((seg_start, etc.end()))
            continue
        pm = _ETC_PROJECT.match(rest)
        # 速滑、冰球、滑雪等冰雪运动项目: under a head of a domain, an item without a head noun
        # (or phase) of its own is a kind within the domain; 同德至玛沁等公路项目: a domain that
        # is a facility completes each item
        domain = pm.group("mod") if pm and _ETC_DOMAIN.fullmatch(pm.group("mod")) else ""
        # 毛乌素沙化土地、宁夏南部…等综合治理工程: a domain that is a kind of work (治理, 改造)
        # names the works done at each item, which completes it with the kind and the head
        # (an object before the kind of work: 土地整理, 综合治理; a bare 提升 is a campaign's)
        works_domain = len(_ACTIVITY_END.sub("", domain)) >= 2 and domain != _ACTIVITY_END.sub(
            "", domain
        )
        domain_items = bool(domain) and not _ETC_HEAD_END.search(domain) and not works_domain
        head = ""
        if pm:
            head_end = etc.end() + pm.end()
        else:
            found = _etc_head(rest)
            if found is None:
                continue
            # 天宇名园等一批重点住宅小区建设: the rank before the head says which, not what
            head = _LEAD_RANK.sub("", _LEAD_COUNT.sub("", found[0]))
            if found[0] and not head:
                continue
            head_end = etc.end() + found[1]
        own_heads = not pm and not head  # 易兴路东延、…纬一路西延等路网建设
        if (head and not _STRONG_END.search(head)) or own_heads:
            # a facility head (农贸市场, 安置区) names a list of works only when built
            before = body[max(0, seg_start - 1) : _trim_start(body, seg_start, etc.start())]
            cue = (
                _TAIL.match(body[head_end:])
                or _BUILD_VERB_END.search(before)
                or _BUILD_BEFORE.search(before)
            )
            # one item names a work when it has a head of its own (天宇名园等一批重点住宅小区建设)
            # and so does a route between two places (扁都口至峨堡等省际大通道建设)
            lead = _trim_start(body, seg_start, etc.start())
            one = _ANY_END.search(body, lead, etc.start()) or _ROUTE.fullmatch(
                body, lead, etc.start()
            )
            if not ("、" in body[seg_start : etc.start()] or (head and one)) or not cue:
                continue
        pieces = _split_heads(body, _split_list(body, seg_start, etc.start()))
        if not pieces:
            continue
        if (own_heads and not all(_ANY_END.search(body[a:b]) for a, b in pieces)) or (
            pm
            and all(len(_ACTIVITY_END.sub("", body[a:b])) > 1 < b - a for a, b in pieces)
            and all(_ACTIVITY_END.search(body[a:b]) for a, b in pieces)
        ):
            # 给水厂、污水管线、…综合治理等基础建设: not a list of named works
            taken.append((pieces[0][0], head_end))
            continue
        list_start = pieces[0][0]
        for a, b in pieces:
            name = _clean(body[a:b])
            # 国华龙泉关49.5兆瓦风电场、…20兆瓦光伏发电等新能源项目: a phase or a scale makes
            # an item one work, not a kind within the domain
            phased = domain_items and (
                _PHASE_END.search(name) or _SCALE.search(name) or _ROUTE.fullmatch(name)
            )
            if (own_heads or domain_items) and not _ANY_END.search(name) and not phased:
                continue
            if works_domain and pm:
                name += _LEAD_RANK.sub("", domain) + pm.group("head")
            elif domain and not domain_items and not _ETC_HEAD_END.search(name):
                name += _LEAD_RANK.sub("", domain)
            elif phased and _GRADE.match(name) and pm:
                # 750千伏定靖西、330千伏沣渭等输变电工程: an item led by its grade or size is
                # no name without the kind of works written once after 等
                name += _LEAD_RANK.sub("", domain) + pm.group("head")
            if head and not _ETC_HEAD_END.search(name):
                name += head
            names.append((a, b, name, list_start, head_end))
        taken.append((list_start, head_end))
    return tuple(names), tuple(taken)


# 和抽水蓄能项目建设: 和 and another work (a name of up to 12 characters) before the construction word
_AND_WORKS = re.compile(rf"[和及与][^，,。；;、等]{{2,12}}?{_TAIL.pattern[1:]}")


def _etc_head(rest: str) -> tuple[str, int] | None:
    """The head noun written once after ``等`` (``农贸市场``, ``多条断头路``) and its length: the
    longest stretch ending on a head noun that a construction word or the clause's end
    follows; ``("", n)`` for a generic word before a construction word (``等路网建设``)."""
    seg = _ETC_SEG.match(rest)
    text = seg.group() if seg else ""
    for k in range(len(text), 0, -1):
        # the construction word is looked for after the head in the whole rest: the segment
        # may end inside it (等大尺度郊野公园建设: 8 characters end on 建); 等水电站和抽水蓄能
        # 项目建设: 和 joins the head to another work that the construction word follows
        if _ETC_HEAD_END.search(text, 0, k) and (
            k == len(text) or _TAIL.match(rest[k:]) or _AND_WORKS.match(rest, k)
        ):
            return text[:k], k
    # 等402万千瓦机组建成投运: the joint capacity of the works before the generic word
    lead = _SCALE.match(rest)
    generic = _ETC_GENERIC.match(rest, lead.end() if lead else 0)
    return ("", generic.end()) if generic else None
