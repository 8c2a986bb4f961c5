"""Report metadata read from the text only: the region and the plan year.

Both are read from the structure of a work report, not from its running prose:

* the **head** (the first lines, before the speech proper): the title line
  (``2025年XX省政府工作报告``, ``XX县2018年政府工作报告``), the session line
  (``——2014年2月19日在海拉尔区第十四届人民代表大会第三次会议上``), the byline
  (``XX区人民政府区长 张三``) and the opening sentence (``我代表XX县人民政府向大会报告工作``);
* the **numbered headings** of the body (``一、2017年工作回顾``, ``二、2018年工作安排``);
* plan statements (``2024年政府工作的总体要求``, ``今年是…开局之年``).

A place name is only accepted where such a position bounds it on both sides, and it must look
like a name: a chain of administrative units (``呼伦贝尔市海拉尔区``; the last unit is the
region) whose roots do not begin with a function word or a common verb (``按照县委`` has no
name in it). Both answers are conservative: when the text does not say, ``None``, and the user
can pass ``--region`` / ``--year``.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .layout import WRAP_JOIN, layout_view

_HEAD_CHARS = 2000  # the head (title, session line, byline, opening) lies within this


@lru_cache(maxsize=4)
def _plain(text: str) -> str:
    """``text`` with its layout plain (:func:`summarizer.layout.layout_view`: escaped line
    breaks, space entities, Unicode spaces, tags, Markdown marks, lost line breaks), a joined
    wrap or letter-spacing gone (``2 0 2 5 年 易 县`` reads 2025年易县) and every line break a
    ``\\n``."""
    text = layout_view(text).replace(WRAP_JOIN, "")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # one blank for a run of blanks, one line break for a run of blank lines: the patterns
    # below allow blanks at several places in a row (\s* after \s*), and over a long run of
    # them (page chrome or copied lines the view blanked) the regex engine backtracks for
    # minutes; the metadata read here are names and years, no offsets
    return _BLANK_LINES.sub("\n", _BLANKS.sub(" ", text))


_BLANKS = re.compile(r"[^\S\n]{2,}")
_BLANK_LINES = re.compile(r"\n[^\S\n]*(?:\n[^\S\n]*)+")


# ---------------------------------------------------------------- numbers

_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0}
_YEAR_DIGITS = r"(?:19|20)\d\d"
_YEAR = rf"{_YEAR_DIGITS}|[〇零○一二][〇零○一二三四五六七八九]{{3}}"
_MONTH = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"


def _year_value(s: str) -> int:
    if s.isdigit():
        return int(s)
    return int("".join(str(_CN_DIGIT[c]) for c in s))


def _month_value(s: str) -> int:
    if s.isdigit():
        return int(s)
    if s.startswith("十"):
        return 10 + (_CN_DIGIT[s[1]] if len(s) > 1 else 0)
    return _CN_DIGIT[s]


# ---------------------------------------------------------------- place names

# An administrative unit: a root and a unit word. Roots never contain these characters
# (a preposition, particles, ordinal/session words, the organs of government).
_UNIT_WORD = r"自治区|自治州|自治县|自治旗|省|市|县|区|旗|盟"
_ROOT_CHAR = r"(?:(?![在的届第了们委])[\u4e00-\u9fff])"
_NAME = rf"(?:{_ROOT_CHAR}{{1,10}}?(?:{_UNIT_WORD})){{1,3}}"
_UNIT = re.compile(rf"({_ROOT_CHAR}+?)({_UNIT_WORD})")

# Closed classes a place name cannot begin with: prepositions, conjunctions, determiners and
# pronouns, adverbs and the common verbs of the genre (`按照县委`, `感谢市委`, `我代表区`).
_FUNCTION_WORD_LIST = """
    在 于 对 向 为 和 与 及 同 跟 把 被 将 从 自 由 按 以 用 让 使 给 比 经 至 到 往 朝 当 除
    按照 依照 依据 根据 通过 经过 随着 围绕 关于 对于 面向 遵照 沿着 基于 借助 依托 立足 紧扣
    以及 并且 而且 或者 还是 同时 暨 并 而 或 但 也 又 还 且 即 则 乃 就 才 更 再 已 仍 均
    全 本 我 该 各 此 其 这 那 每 某 诸 他 她 它 你 咱 贵
    我们 你们 他们 全体 所有 一切 一些 有关 相关 上级 各级 本级
    是 有 得 要 会 能 可 应 须 必须 需要 一定 坚决 始终 特别 尤其 更加 继续 进一步 切实 认真
    全面 深入 积极 主动 努力 全力 大力 着力 持续 不断 加快 坚定 自觉 真正 真心 衷心
    感谢 代表 落实 确保 推进 推动 配合 得到 离不开 得益于 得力于 服从 支持 贯彻 执行
    保障 完成 实现 坚持 协助 服务 加强 听取 接受 争取 请 向着 报告 审议 批准 部署
    领导 带领 团结 依靠 在于 感恩 致以 表示 号召 响应 拥护 参与 参加 加入 对接 融入 承接
    关心 关注 关怀 指导 帮助 重视 监督 评议 协调 统筹 打造 建设 发展 提升 做好 抓好 促进
    实施 制定 修订 废止 出台 办理 提请 聚焦 做到 遵循 锚定 瞄准 抓住 通过 组建 争创 创建
    累计 先后 严格 扎实 牢牢 紧紧 高标准 高质量 依法 顺利 充分 准确 较好 超额 综合 共同
"""
_FUNCTION_WORDS = sorted(set(_FUNCTION_WORD_LIST.split()), key=len, reverse=True)
_FUNCTION_START = re.compile("|".join(_FUNCTION_WORDS))
# Class nouns written with a unit word (`城区`, `示范区`): kinds of place, not names.
_CLASS_ROOT_LIST = """
    城 市 县 区 省 旗 郊 辖 片 景 园 社 街 乡 镇 村 山 湖 库 矿 林 牧 农 垦 特 自治 直辖
    城区 市区 新城 老城 主城 中心 中心城 开发 经开 高新 示范 试验 实验 保税 功能 产业 核心
    集聚 风景 商圈 城乡 地级 县级 次中心 先行 综合 自贸 全域 都市 城镇 城市 地
"""
_CLASS_ROOTS = frozenset(_CLASS_ROOT_LIST.split())
_ORGAN = re.compile(r"政府|人民|人大|政协|党|委|会议|代表|大会")
_CONJUNCTION = re.compile(r"[和与及暨或并]")


def _units(name: str) -> list[tuple[str, str]] | None:
    """``呼伦贝尔市海拉尔区`` → ``[("呼伦贝尔", "市"), ("海拉尔", "区")]``; None if not a chain."""
    units = [(m.group(1), m.group(2)) for m in _UNIT.finditer(name)]
    if not units or "".join(r + w for r, w in units) != name:
        return None
    return units


def _region_of(name: str, *, strict: bool) -> str | None:
    """The reporting unit named by ``name`` (its last unit), or None when it is not a name.

    ``strict`` (a weakly bounded position) rejects roots that begin with a function word or
    common verb (``按照县``, ``感谢市``); in a strongly bounded position (title, session line,
    byline) a root is rejected only when it is one whole (``全县``, ``本市``), so that
    ``于都县`` or ``和平区`` still read as names there.
    """
    units = _units(name)
    if units is None:
        return None
    for root, word in units:
        limit = 8 if word.startswith("自治") else 5
        if len(root) > limit or _ORGAN.search(root) or root in _CLASS_ROOTS:
            return None
        start = _FUNCTION_START.match(root)
        if start and (strict or start.end() == len(root)):
            return None
        if strict and _CONJUNCTION.search(root, 2):
            return None  # `工作监督和县政协`: a phrase joined to the generic `县政协`
    root, word = units[-1]
    return root + word


# Head positions. Each bounds the name on both sides.
# (2024年政府工作报告（全文）, …（摘要）: how a web page titles the report)
_TITLE_SUFFIX = r"\s*(?:[（(](?:全文|摘要|摘登|节选|全文发布)[）)])?\s*$"
_TITLE = re.compile(
    rf"^[ \t\u3000\xa0\-—―–]*(?:(?P<y1>{_YEAR})\s*年)?\s*(?P<name>{_NAME})?\s*(?:(?P<y2>{_YEAR})\s*年)?"
    r"\s*(?:(?:人\s*民\s*)?政\s*府|行\s*政\s*公\s*署)\s*工\s*作\s*报\s*告"
    rf"{_TITLE_SUFFIX}",
    re.M,
)
# A title line's year when the title names no place the reader knows as one (2024年柳林镇人民政
# 府工作报告: a township)
_TITLE_YEAR = re.compile(
    rf"^[\s\-—―–]*(?P<y>{_YEAR})\s*年[^\n]{{0,16}}?工\s*作\s*报\s*告"
    rf"{_TITLE_SUFFIX}",
    re.M,
)
_SESSION = re.compile(
    # (在州十六届人大…, 在省十四届人大…: the level alone stands for the name)
    rf"(?:^[ \t\-—―–（(]*|(?<=[在日]))(?P<name>{_NAME})?\s*[省市县区州盟旗]?\s*第?\s*"
    r"[〇零一二三四五六七八九十百]+\s*届"
    r"\s*(?:人民代表大会|人大)"
    # the line ends with the meeting: `…第三次会议上`, `…会议 陕西省省长`, `…会议上）`
    # (…会议上 runs on into the next words in a text whose line breaks were lost)
    r"(?=\s*(?:第?\s*[一二三四五六七八九十]+\s*次\s*(?:全体)?会议)?\s*上?\s*(?:[）)]|$|\s|文件|(?<=会议上)))",
    re.M,
)
_SESSION_DATE = re.compile(rf"(?P<y>{_YEAR})\s*年\s*(?P<m>{_MONTH})\s*月")
_BYLINE = re.compile(
    rf"(?:^|(?<=\s))(?P<name>{_NAME})\s*(?:人民政府)?\s*(?:代理|代|常务副)?\s*"
    r"(?P<title>省长|市长|县长|区长|旗长|州长|盟长|主席)",
    re.M,
)
_DELEGATE = re.compile(rf"代表(?P<name>{_NAME})人民政府")
# A line that is only a date, in the head before the address to the delegates: the session's
# (浦东新区政府工作报告 / 2025年1月14日 / 各位代表：), where no session line names the meeting
_DATE_LINE = re.compile(
    rf"^[ \t\u3000\-—―–（(]*(?P<y>{_YEAR})\s*年\s*(?P<m>{_MONTH})\s*月"
    r"(?:\s*[\d〇零○一二三四五六七八九十]{1,3}\s*日)?\s*[)）]?[ \t\u3000]*$",
    re.M,
)
_TITLE_WORD = {
    "省": "省长",
    "市": "市长",
    "县": "县长",
    "区": "区长",
    "旗": "旗长",
    "盟": "盟长",
    "州": "州长",
}

# Body positions. `中共XX县委` (the party's prefix bounds the name), or a name bounded on the left by
# punctuation, a line start or a preposition and on the right by a formal organ
# (`XX县人民政府`, `XX市党代会`). A bare `X县委` after a comma is not one: `聚焦市委` is a verb and
# the generic `市委`.
_PARTY_ORGAN = re.compile(rf"中共(?P<name>{_NAME})委")
_FORMAL_ORGAN = re.compile(r"人民政府|党代会|人大常委会|政协")
_FORMAL_NAME = re.compile(
    rf"(?:^|(?<=[\s，。、；：！？,;:!?“”‘’\"'《》（）()【】\[\]—])|(?<=[在向对由])|(?<=代表))"
    rf"(?P<name>{_NAME})$"
)
# The report's own level: how it refers to itself (`全县`, `我区`, `本市`).
_SELF = re.compile(r"[全我本](省|市|县|区|旗)")


def _title_ok(name: str, title: str) -> bool:
    units = _units(name)
    if not units:
        return False
    word = units[-1][1]
    return title == "主席" if word == "自治区" else title == _TITLE_WORD.get(word[-1], "")


def _head_regions(head: str) -> list[str]:
    """Region names in the head's structural positions, in text order."""
    found: list[tuple[int, str]] = []
    for pattern in (_TITLE, _SESSION, _DELEGATE):
        for m in pattern.finditer(head):
            if m.group("name"):
                region = _region_of(m.group("name"), strict=False)
                if region:
                    found.append((m.start("name"), region))
    for m in _BYLINE.finditer(head):
        if _title_ok(m.group("name"), m.group("title")):
            region = _region_of(m.group("name"), strict=False)
            if region:
                found.append((m.start("name"), region))
    return [region for _, region in sorted(found)]


def _body_regions(text: str) -> Counter[str]:
    """Names in body positions at the report's own level (`全县` → a 县), with their counts."""
    level = Counter(m.group(1) for m in _SELF.finditer(text)).most_common(1)
    if not level:
        return Counter()
    counts: Counter[str] = Counter()
    names = [m.group("name") for m in _PARTY_ORGAN.finditer(text)]
    for organ in _FORMAL_ORGAN.finditer(text):
        # the name ends where the organ begins: search only the few characters before it
        m = _FORMAL_NAME.search(text, max(0, organ.start() - 24), organ.start())
        if m:
            names.append(m.group("name"))
    for name in names:
        region = _region_of(name, strict=True)
        if region and region.endswith(level[0][0]):
            counts[region] += 1
    return counts


def detect_region(text: str) -> str | None:
    """The reporting region when the text names it (``海拉尔区``, ``内蒙古自治区``), else None.

    Head positions (title, session line, byline, ``代表XX县人民政府``) decide: the name they
    give most often, the earliest on a tie. Without them, a name written next to an organ of
    government (``中共XX县委``, ``XX市党代会``) whose root recurs at least three times in the
    text; the most recurrent wins.
    """
    plain = _plain(text)
    head = _head_regions(plain[:_HEAD_CHARS])
    if head:
        counts = Counter(head)
        return max(head, key=lambda r: (counts[r], -head.index(r)))
    best: tuple[int, str] | None = None
    for name in _body_regions(plain):
        root = name[:-1] if len(name) > 2 else name
        n = plain.count(root)
        if n >= 3 and (best is None or n > best[0]):
            best = (n, name)
    return best[1] if best else None


# ---------------------------------------------------------------- year

# A top-level numbered heading that opens with a year: `一、2017年工作回顾`, `二、 2018年工作安排`.
_YEAR_HEADING = re.compile(
    rf"^[ \t]*[一二三四五六七八九十]+\s*[、.．]\s*(?:关于)?\s*(?P<y>{_YEAR})\s*年(?P<rest>[^\n]{{0,30}})$",
    re.M,
)
_REVIEW = re.compile(r"回顾|总结")
# The plan stated in a sentence: `2024年政府工作的总体要求`, `2024年经济社会发展的主要预期目标`.
_PLAN = re.compile(
    r"年(?:政府工作|经济社会发展|全[省市县区旗州]经济社会发展|工作)?"
    r"的?(?:总体要求|主要预期目标|预期目标|主要目标|主要任务|重点工作|工作安排|目标任务|工作任务)"
)
# a plan said to be done (如期完成, 全面完成, 圆满实现: the closed class of completion predicates)
_DONE = re.compile(
    r"[^，,。；;：:是]{0,3}?[，,]?(?:均|都|全部)?(?:如期|全面|圆满|顺利|胜利|超额|基本)?(?:完成|实现|达成)"
)
_PLAN_YEAR = re.compile(rf"(?<![到至\-—~～\d])(?P<y>{_YEAR_DIGITS})\s*$")
_THIS_YEAR = re.compile(rf"今年\s*[（(]\s*(?P<y>{_YEAR})\s*年?\s*[)）]")
# `今年是“十四五”规划开局之年`: the first/last year of a five-year plan period.
_PLAN_PERIOD = re.compile(
    r"今年是[^。；;]{0,20}?十(?P<n>[一二三四五六])五”?(?:规划)?的?(?P<at>开局|起步|开篇|收官|最后一|决胜|谋篇)"
)
# The year named by an event the text ties to "this year" (今年是党的二十大召开之年).
_EVENT_YEARS = {
    "党的十九大召开之年": 2017,
    "党的二十大召开之年": 2022,
    "党的二十一大召开之年": 2027,
    "建党100周年": 2021,
    "建党一百周年": 2021,
    "新中国成立70周年": 2019,
    "中华人民共和国成立70周年": 2019,
    "新中国成立75周年": 2024,
    "中华人民共和国成立75周年": 2024,
    "新中国成立80周年": 2029,
}
_EVENT = re.compile(
    r"今年是(?:[^。，,；;]{0,6})?(?P<e>" + "|".join(map(re.escape, _EVENT_YEARS)) + ")"
)


def _plan_year_of_session(year: int, month: int) -> int:
    """A session early in year Y plans year Y; one held in December plans the next year."""
    return year + 1 if month == 12 else year


def _head_year(head: str) -> int | None:
    for m in _TITLE.finditer(head):
        y = m.group("y1") or m.group("y2")
        if y:
            return _year_value(y)
    title = _TITLE_YEAR.search(head)
    if title:
        return _year_value(title.group("y"))
    for m in _SESSION.finditer(head):
        # the date stands before the session (`2020年1月9日在…`) or just after it (`（2017年2月26日）`)
        before = head[max(0, m.start() - 30) : m.start()]
        after = head[m.end() : m.end() + 60]
        dates = list(_SESSION_DATE.finditer(before))
        date = dates[-1] if dates else _SESSION_DATE.search(after)
        if date:
            return _plan_year_of_session(_year_value(date["y"]), _month_value(date["m"]))
    address = head.find("各位代表")
    date = _DATE_LINE.search(head, 0, address if address >= 0 else min(len(head), 300))
    if date:
        return _plan_year_of_session(_year_value(date["y"]), _month_value(date["m"]))
    return None


def _most_common_latest(years: list[int]) -> int | None:
    if not years:
        return None
    counts = Counter(years)
    return max(counts, key=lambda y: (counts[y], y))


def detect_year(text: str) -> int | None:
    """The plan year (the year the report's targets are for), else None.

    In order of strength: the title or session line (``——2014年2月19日在…会议上`` → 2014);
    the numbered headings (``二、2018年工作安排`` → 2018, ``一、2017年工作回顾`` → 2018);
    the plan stated (``2024年政府工作的总体要求``, ``今年（2024年）``, ``今年是党的二十大召开
    之年``, ``今年是“十四五”开局之年``). Years in the review's prose (``2023年，全县…``) are
    never counted.
    """
    plain = _plain(text)
    year = _head_year(plain[:_HEAD_CHARS])
    if year is not None:
        return year
    headings = [
        _year_value(m["y"]) + (1 if _REVIEW.search(m["rest"]) else 0)
        for m in _YEAR_HEADING.finditer(plain)
    ]
    year = _most_common_latest(headings)
    if year is not None:
        return year
    stated = []
    for plan in _PLAN.finditer(plain):  # the year just before `年…总体要求`
        if _DONE.match(plain, plan.end()):
            continue  # 2025年主要目标任务如期完成: the review's year
        m = _PLAN_YEAR.search(plain, max(0, plan.start() - 6), plan.start())
        if m:
            stated.append(_year_value(m["y"]))
    stated += [_year_value(m["y"]) for m in _THIS_YEAR.finditer(plain)]
    year = _most_common_latest(stated)
    if year is not None:
        return year
    m = _EVENT.search(plain)
    if m:
        return _EVENT_YEARS[m["e"]]
    p = _PLAN_PERIOD.search(plain)
    if p:
        first = 2006 + 5 * ("一二三四五六".index(p["n"]))
        return first + (4 if p["at"] in ("收官", "最后一", "决胜") else 0)
    return None
