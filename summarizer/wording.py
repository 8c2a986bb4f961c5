"""The words around a number: bound qualifiers (左右, 以上, 不低于, 力争), direction verbs
(增长, 控制在, 新增 …) and clause bounds. Pure functions over the source text; numbers
themselves are found and parsed in :mod:`summarizer.numbers`."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import NamedTuple

from .numbers import (
    _BLANK,
    _CN_START,
    _SPACE,
    DIGIT_CHARS,
    DIRECTIONS,
    _is_cjk,
    find_mentions,
    quantity_at,
)

__all__ = [
    "LOOSE_DIRECTION_WORDS", "clause_bounds", "direction_before", "direction_readings",
    "expand_joint_subject", "negative_at",
    "qualifier_after", "qualifier_for", "qualifier_readings", "sentence_bounds",
    "thousands_comma_at",
]  # fmt: skip


# The marks a list's items open with, a closed class of typography (——地区生产总值…, ●, ①), and
# the inline enumeration's 一是…十是: read by the headline (an item of the targets) and the
# indicator's cleaning (no part of it), and by the rules (一是 is no verb of its clause)
LIST_DASH = r"[—\-－–]{1,2}"
LIST_SIGN = r"[●•·▪■□◆◇▲△★☆※]|[①-⑳]"
LIST_MARK = f"{LIST_DASH}|{LIST_SIGN}"
INLINE_MARK = r"[一二三四五六七八九十]{1,3}是"


_QUAL_AFTER_RE = re.compile(rf"{_SPACE}?(?:及)?(左右|以上|以内|以下)")
_QUAL_BEFORE_RE = re.compile(rf"(不低于|不超过|不少于|不小于|不高于|不多于|不大于){_SPACE}?$")
_QUAL_BEFORE_CANON = {"不低于": "不低于", "不少于": "不低于", "不小于": "不低于",
                      "不超过": "不超过", "不高于": "不超过", "不多于": "不超过", "不大于": "不超过"}  # fmt: skip
_ENUM_SEP_RE = re.compile(rf"{_SPACE}?(?:、|和|及|与|以及){_SPACE}?")
# a short note in brackets written right after a value (6%（名义）, 7.5%(现价))
_VALUE_NOTE_RE = re.compile(r"[（(][^）)（(，,。；;]{1,8}[）)]")

# 负增长 (negative growth) is a fall: the sign lives in the direction
_DIR_CANON = {**{d: d for d in DIRECTIONS}, "保持在": "稳定在", "达": "达到", "负增长": "下降"}
# Every word the direction list reads, as written (达, 保持在 included).
DIRECTION_WORDS = frozenset(_DIR_CANON)
# Words that are not list verbs but come close (增速10% is a rate, 稳定 is not 稳定在): the
# canonical direction is "" (they still stop the search for an earlier verb); the checker also
# accepts the list verb they resemble.
LOOSE_DIRECTION_WORDS: dict[str, str] = {
    "增幅": "增长", "增速": "增长", "涨幅": "增长", "上涨": "增长", "净增": "新增",
    "压减": "减少", "削减": "减少", "稳定": "稳定在", "控制": "控制在",
}  # fmt: skip
_DIR_RE = re.compile(
    r"控制在|稳定在|保持在|达到|负增长|增长(?![点极])|增加(?!值)|提高|下降|降低|减少|突破(?!口)|新增|净增|"
    r"新建|建成(?!区)|改造|完成|实现|增幅|增速|涨幅|上涨|压减|削减|稳定(?!在)|控制(?!在)|"
    rf"达(?={_SPACE}?[0-9０-９零〇一二两三四五六七八九十百千])"
)
# An enumeration item that starts with its own verb (转移农村劳动力5200人) does not share the
# verb of the item before it.
_OWN_VERB_RE = re.compile(
    r"(?:转移|新引进|引进|培育|实施|打造|安装|建设|新开工|开工|推进|创建|争创|发布|组织|登记|转化|"
    r"投入|储备|新植|种植|盘活|消化|安排|争取|开通|建立|设立|帮助|推动|冲刺|招引|启动|提升|扩大|"
    r"培训|吸引|带动|促进|完善|落实|开展|申报|认定|引导|支持|鼓励|举办|新改建|改建|扩建|整治|"
    r"治理|修复|建好|策划|入统|确保|力争|累计|新植|改扩建|新改扩建|培养|引育|招收|招募|招聘|"
    r"接待|服务|救助|资助|慰问|帮扶|走访|排查|整改|关停|淘汰|拆除|清理|腾退|收储|出让|流转|"
    r"复垦|植树|造林|绿化|硬化|亮化|铺设|敷设|架设|铺装|维修|修缮|提质|升级|打通|贯通|连通|"
    r"通车|投运|投产|竣工|签约|落地|举办|承接|输出|外派|回引|孵化|认证|评定|创成|建立健全)"
)
_NO_OBJECT = frozenset("、，,；;。：:！!？?")
_CLAUSE_BREAK = re.compile(r"[。；;！!？?\n\r，,：:]")
_SENTENCE_BREAK = re.compile(r"[。；;！!？?\n\r]")
_DIGIT_COMMA_RE = re.compile(r"[0-9],[0-9]{3}(?![0-9])")  # 1,234: not a clause comma


def without_quotes(indicator: str) -> str:
    """An indicator without its decorative quotation marks (“五上”企业 -> 五上企业: the output's
    convention, evals/README.md), whichever engine wrote it."""
    return indicator.replace("“", "").replace("”", "")


def thousands_comma_at(text: str, pos: int) -> bool:
    """Whether the comma at ``pos`` separates thousands (``1,234``, as the number reader reads
    them), not clauses (``第4,21个``: two digits follow)."""
    return pos >= 1 and _DIGIT_COMMA_RE.match(text, pos - 1) is not None


def qualifier_after(text: str, pos: int) -> tuple[str, int, int]:
    """The bound word right after a number+unit ending at ``pos`` (one optional space):
    (``左右``/``以上``/``以内``/``以下``, start, end) with the span as written, or ("", pos, pos)."""
    m = _QUAL_AFTER_RE.match(text, pos)
    if m is None:
        return "", pos, pos
    s = m.start() + (1 if text[m.start()] in _BLANK else 0)
    return m.group(1), s, m.end()


def bound_end(text: str, pos: int) -> int:
    """Where a number+unit ending at ``pos`` ends with its bound word (:func:`qualifier_after`;
    ``pos`` when none follows)."""
    return qualifier_after(text, pos)[2]


def _qualifier_before(text: str, value_start: int, clause_start: int) -> tuple[str, str]:
    """(canonical, as written) of 不低于/不超过 (and their synonyms) right before a number."""
    m = _QUAL_BEFORE_RE.search(text, max(clause_start, value_start - 4), value_start)
    if m is None:
        return "", ""
    return _QUAL_BEFORE_CANON[m.group(1)], m.group(1)


def _bound_word(
    text: str, value_start: int, value_end: int, clause_start: int, clause_end: int
) -> str:
    q = qualifier_after(text, value_end)[0]
    if q:
        return q
    q = _qualifier_before(text, value_start, clause_start)[0]
    if q:
        return q
    pos = value_end  # inside an enumeration: the trailing bound word applies to every value
    for _ in range(12):
        note = _VALUE_NOTE_RE.match(text, pos, clause_end)  # 6%（名义）、7%以上: a note of its own
        sm = _ENUM_SEP_RE.match(text, note.end() if note else pos, clause_end)
        if sm is None:
            break
        nxt = quantity_at(text, sm.end(), clause_end)
        if nxt is None or not nxt[3]:
            break
        q = qualifier_after(text, nxt[0])[0]
        if q:
            return q
        pos = nxt[0]
    return ""


def qualifier_for(
    text: str, value_start: int, value_end: int, clause_start: int, clause_end: int
) -> str:
    """docs/output-format.md: the bound word next to the number; else ``力争`` when the clause says 力争
    before this number; else ""."""
    q = _bound_word(text, value_start, value_end, clause_start, clause_end)
    if q:
        return q
    if text.find("力争", clause_start, value_start) >= 0:
        return "力争"
    return ""


def _directions(text: str, pos: int, window_start: int) -> tuple[tuple[str, str, int, int], str]:
    """The verb nearest before ``pos``: (canonical, word as written, start, end) under the
    gold's reading, and the canonical word of the literal nearest list-or-loose word.

    The gold's reading: a verb directly followed by a separator has no object (``…改造、316户``);
    ``改造`` between its noun and a number is part of the noun (``完成棚户区改造450户`` -> 完成); a
    verb does not reach across ``、`` into an item that starts with its own verb
    (``、转移农村劳动力5200人``), nor when it is the predicate of an earlier numbered item
    (``帮助159户特困老年人完成居家适老化改造、316户``)."""
    last: re.Match[str] | None = None
    literal = ""
    for m in _DIR_RE.finditer(text, window_start, min(len(text), pos + 2)):
        if m.end() > pos:
            break
        literal = m.group()
        if (
            m.end() < pos
            and text[m.end()] in _NO_OBJECT
            and _number_follows(text, m.end() + 1, pos)
        ):
            continue  # 完成居家适老化改造、316户: 改造 has its object before it
        if (
            m.group() == "改造"
            and m.start() > window_start
            and _is_cjk(text[m.start() - 1])
            and _number_follows(text, m.end(), pos)
        ):
            continue
        last = m
    if last is None:
        return ("", "", pos, pos), literal
    word = last.group()
    k1 = text.find("、", last.end(), pos)
    if k1 >= 0:
        seg = text[text.rfind("、", last.end(), pos) + 1 : pos].lstrip(" \u3000")
        first_has_number = _has_quantity(text, last.end(), k1)
        if (first_has_number and _OWN_VERB_RE.match(seg)) or (
            not first_has_number and _has_quantity(text, window_start, last.start())
        ):  # 、转移农村劳动力5200人 / 帮助159户…完成…改造、316户 (完成 belongs to 159户)
            return ("", "", pos, pos), literal
    return (_DIR_CANON.get(word, ""), word, last.start(), last.end()), literal


_SUBJECT_RE = re.compile(r"[\u4e00-\u9fff]{2}")


def _has_quantity(text: str, start: int, end: int) -> bool:
    return start < end and any(q.kind == "quantity" for q in find_mentions(text, start, end))


def _number_follows(text: str, i: int, pos: int) -> bool:
    while i < pos and text[i] in _BLANK:
        i += 1
    return i == pos or text[i] in DIGIT_CHARS or (text[i] in _CN_START and text[i] != "一")


def _copula_before(text: str, pos: int, clause_start: int) -> bool:
    i = pos - 1
    if i >= clause_start and text[i] in _BLANK:
        i -= 1
    return i >= clause_start and text[i] in "为是"


# A minus sign before a number (增长-12.3%, 同比－2.5%, 为-0.3%): the change went the other way,
# and the value stays positive (DESIGN: the sign lives in the direction). Only after a verb or a
# measure word of change: a dash after a number or a unit is a range's (5%-6%, 5万-6万人).
_MINUS = frozenset("-－−")
_SIGNED_AFTER = re.compile(
    rf"(?:增长|增加|提高|下降|降低|减少|增速|增幅|涨幅|同比|比上年|较上年|为|是|达到|[：:]){_SPACE}?$"
)
_FLIP = {"增长": "下降", "增加": "减少", "提高": "降低", "下降": "增长", "减少": "增加",
         "降低": "提高", "": "下降"}  # fmt: skip


def negative_at(text: str, pos: int) -> bool:
    """Whether the number at ``pos`` carries a minus sign written after a verb or measure word
    of change (``增长-12.3%``), not a range's dash."""
    k = pos - 1
    while k >= 0 and text[k] in _BLANK:
        k -= 1
    return k > 0 and text[k] in _MINUS and bool(_SIGNED_AFTER.search(text, max(0, k - 4), k))


def direction_before(text: str, pos: int, clause_start: int) -> tuple[str, int, int]:
    """The verb nearest before ``pos`` in ``text[clause_start:pos]`` from DIRECTIONS:
    (canonical word, start, end of the word as written), or ("", pos, pos). A minus sign before
    the number turns it (``增长-12.3%`` is 下降, ``同比-2.5%`` too)."""
    negative = negative_at(text, pos)
    if not negative and _copula_before(text, pos, clause_start):
        return "", pos, pos
    canon, _, s, e = _directions(text, pos, max(0, clause_start))[0]
    if negative:
        canon = _FLIP.get(canon, canon)
    return (canon, s, e) if canon else ("", pos, pos)


def direction_readings(text: str, pos: int, clause_start: int) -> frozenset[str]:
    """Every defensible direction of the number at ``pos`` (the checker accepts any, so that a
    correct hand-written summary is never flagged): the canonical one, the literal nearest list
    verb (``完成棚户区改造450户``: 改造; ``帮助159户…完成…改造、316户``: 完成), the verb of the
    number's own enumeration item when it names its own subject (``新增A 1家、B 5家``: B may be
    read as ""), and for a loose word (增速, 稳定…) both ``""`` and the list verb it resembles."""
    if negative_at(text, pos):  # 增长-12.3%: only the turned direction keeps the sign
        return frozenset({direction_before(text, pos, clause_start)[0]})
    if _copula_before(text, pos, clause_start):
        return frozenset({""})
    readings = [_directions(text, pos, clause_start)]
    k = text.rfind("、", clause_start, pos)
    if k >= 0 and _SUBJECT_RE.search(text, k + 1, pos):  # the item after 、 names its own subject
        readings.append(_directions(text, pos, k + 1))
    out: set[str] = set()
    for (canon, word, _, _), literal in readings:
        out.update((canon, _DIR_CANON.get(literal, "")))
        out.update(LOOSE_DIRECTION_WORDS[w] for w in (word, literal) if w in LOOSE_DIRECTION_WORDS)
    return frozenset(out)


def qualifier_readings(
    text: str, value_start: int, value_end: int, clause: tuple[int, int] | None = None
) -> frozenset[str]:
    """Every defensible qualifier of the number at the span (the checker accepts any): the
    canonical one, ``力争`` too when 力争 stands earlier in the sentence before a comma, and ``""``
    too for a synonym bound word (``不少于`` read as 不低于). ``clause``: its bounds if known."""
    cs, ce = clause or clause_bounds(text, value_start)
    q = qualifier_for(text, value_start, value_end, cs, ce)
    out = {q}
    canon, written = _qualifier_before(text, value_start, cs)
    if q == canon and written != canon:
        out.add("")
    k = text.rfind("力争", max(0, cs - 400), cs) if q == "" else -1
    if k >= 0 and _bounds(text, value_start, _SENTENCE_BREAK)[0] <= k:
        out.add("力争")
    return frozenset(out)


def _bounds(text: str, pos: int, breaks: re.Pattern[str]) -> tuple[int, int]:
    """(start, end) of the span around pos between two breaks (a comma in 1,234 is none)."""
    n, pos = len(text), max(0, min(pos, len(text)))
    m = breaks.search(text, pos)
    while m is not None and m.group() == "," and thousands_comma_at(text, m.start()):
        m = breaks.search(text, m.end())
    end, lo = (m.start() if m else n), pos
    while lo > 0:  # backwards, 64 characters at a time, on the reversed window
        w = max(0, lo - 64)
        for mm in breaks.finditer(text[w:lo][::-1]):
            k = lo - 1 - mm.start()
            if not (text[k] == "," and thousands_comma_at(text, k)):
                return k + 1, end
        lo = w
    return 0, end


def clause_bounds(text: str, pos: int) -> tuple[int, int]:
    """The clause around ``pos``: cut at ``。；;！!？?``, line breaks, ``，,`` and ``：:``."""
    return _bounds(text, pos, _CLAUSE_BREAK)


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """The sentence around ``pos``: cut at ``。；;！!？?`` and line breaks."""
    return _bounds(text, pos, _SENTENCE_BREAK)


# a Chinese character (the basic block): a word of the text, not a mark, digit or blank
CJK = re.compile(r"[\u4e00-\u9fff]")

# a list separator (及以上 / 及以下 is a bound word: 二级及以上老年医院 is one noun)
# (和, 与, 及 right after 、 open a member's word, never join two: 美丽海湾、和美海岛)
# (和, 与 and 及 join words only after one: opening the words they are part of one, 和美乡村)
# (nor is 及 inside a word: 普及率, 涉及, 惠及, 及时)
ENUM_SPLIT = re.compile(
    r"、|(?<=.)(?<!、)[和与]|(?<=.)(?<![、普涉惠波顾危以])及(?!以[上下]|时|早|格)"
)

# Nouns whose 和 joins no list: 和美乡村 (宜居宜业和美乡村, a programme written by the reports of
# 10 corpus places) and 国家和地区 (the partners of trade and exchange: 与228个国家和地区建立贸易
# 往来, 吸引20个国家和地区的419家企业参展; 9 places), as (characters before 和, the noun)
_AND_IN_NOUN = ((0, "和美乡村"), (2, "国家和地区"))


def _and_in_noun(text: str, k: int) -> bool:
    return any(k >= lead and text.startswith(noun, k - lead) for lead, noun in _AND_IN_NOUN)


def find_and(text: str, start: int, end: int) -> int:
    """The first 和 in ``text[start:end]`` that joins two words, or -1."""
    k = text.find("和", start, end)
    while k >= 0 and _and_in_noun(text, k):
        k = text.find("和", k + 1, end)
    return k


def rfind_and(text: str, start: int, end: int) -> int:
    """The last 和 in ``text[start:end]`` that joins two words, or -1."""
    k = text.rfind("和", start, end)
    while k >= 0 and _and_in_noun(text, k):
        k = text.rfind("和", start, k)
    return k


# The schemes that cover town and country as one (城乡居民基本养老保险, 城乡居民医保): a 城乡
# statistic of them is not two statistics.
_UNIFIED_SCHEME = re.compile(r"保险|医保|参保")


# the sectors of the economy by their ordinals alone (一二三产, 一、二、三产业, 第二、三产业)
_SECTORS = re.compile(r"^第?(?P<ordinals>[一二三](?:、?[一二三]){1,2})产业?(?P<tail>.{2,})$")


# a rate named by its verb (普及率, 参保率, 办结率, 建成率): the measure a list of subjects shares
_RATE_TAIL = re.compile(r"[\u4e00-\u9fff]{2}率$")


def expand_joint_subject(subject: str, n: int, text: str | None = None) -> list[str] | None:
    """``城镇、农村居民人均可支配收入`` + 2 values -> the two full indicators (or None). With
    ``text`` (the report), the shared tail is the longest one whose members the report writes
    elsewhere (``制造业、数字经济核心产业增加值`` → 制造业增加值, when the report writes it);
    without, or when none is written, the tail after the first member's length."""
    if subject.startswith("城乡") and n == 2 and not ENUM_SPLIT.search(subject):
        rest = subject[2:]
        if _UNIFIED_SCHEME.search(rest):
            return None  # 城乡居民基本养老保险参保率: one scheme for both, one statistic
        return ["城镇" + rest, "农村" + rest]
    sectors = _SECTORS.match(subject)
    if sectors is not None and n >= 2:
        # 一二三产增加值分别增长3.5%、6%、5%: the sectors named by their ordinals alone
        ordinals = sectors.group("ordinals").replace("、", "")
        if len(ordinals) == n:
            return [f"第{o}产业{sectors.group('tail')}" for o in ordinals]
    parts = [p for p in ENUM_SPLIT.split(subject) if p]
    if len(parts) != n or n < 2:
        return None
    last = parts[-1]
    words = [last.find(p[-2:]) for p in parts[:-1]]
    if (
        all(len(p) >= 4 for p in parts[:-1])
        and len(set(words)) == 1
        and 0 <= words[0] < len(last) - 4
    ):
        # 城镇居民和农村居民人均可支配收入: members ending on the word (居民) the last one writes
        # before its tail share that tail
        tail = last[words[0] + 2 :].lstrip('”"’')  # 城市公园、“口袋公园”保有量: 城市公园保有量
        return [p + tail for p in parts[:-1]] + [last]
    if all(len(p) <= 3 for p in parts[:-1]):
        head = len(parts[0])
        if text is not None:
            attested = next(
                (
                    last[h:]
                    for h in range(1, len(last) - 1)
                    if all(p + last[h:] in text for p in parts[:-1])
                ),
                None,
            )
            if attested is not None:
                return [p + attested for p in parts[:-1]] + [last]
        tail = last[head:]
        if len(tail) >= 2:
            return [p + tail for p in parts[:-1]] + [last]
    rates = [_RATE_TAIL.search(p) for p in parts]
    if rates[-1] is not None and rates[-1].start() >= 2:
        # 农村自来水、卫生户厕普及率, 城乡居民基本医保、养老保险参保率 (城市自来水和燃气普及率、
        # 污水集中处理率): a member without a rate of its own takes the rate (its verb and 率) of
        # the next member that ends on one
        out = list(parts)
        for k in range(len(parts) - 2, -1, -1):
            nxt = rates[k + 1]
            if not parts[k].endswith("率") and nxt is not None:
                out[k] = parts[k] + nxt.group()
                rates[k] = nxt
        return out
    return parts


# 总投资226.7亿元的47个重点项目, …的A、B等10个项目, …的省、市重点项目16个, …的13所学校: a
# count of things (a measure word of _COUNT_UNITS) in the noun phrase an amount is joined to
GROUP_COUNT = re.compile(
    r"的[^，,；;。：:]*?(?P<count>[\d０-９一二三四五六七八九十两]+(?:个|家|项|所|座|条|批|处))"
)


# ---------------------------------------------------------------- clauses


class Clause(NamedTuple):
    """A clause of the text: ``text[start:end]``, blanks trimmed."""

    start: int
    end: int


CLAUSE_DELIMITERS = "，,；;。：:！!？?\n"
PROJECT_CLAUSE_DELIMITERS = "，,；;。\n"
# A clause as matched is already trimmed: it starts and ends on a non-blank character.
CLAUSE_RE = re.compile(
    r"[^，,；;。：:！!？?\n \t\u3000\r](?:[^，,；;。：:！!？?\n]*[^，,；;。：:！!？?\n \t\u3000\r])?"
)
PROJECT_CLAUSE_RE = re.compile(
    r"[^，,；;。\n \t\u3000\r](?:[^，,；;。\n]*[^，,；;。\n \t\u3000\r])?"
)


def clauses(text: str, start: int, end: int, pattern: re.Pattern[str] = CLAUSE_RE) -> list[Clause]:
    """Split ``text[start:end]`` at clause punctuation; blanks trimmed off each clause. The
    comma of a thousands separator (``城镇新增就业3,000人``) ends no clause, as in
    :class:`ClauseIndex`."""
    out = [Clause(m.start(), m.end()) for m in pattern.finditer(text, start, end)]
    if "," not in text[start:end]:
        return out
    merged: list[Clause] = []
    for c in out:
        if merged and merged[-1].end + 1 == c.start and thousands_comma_at(text, c.start - 1):
            merged[-1] = Clause(merged[-1].start, c.end)
        else:
            merged.append(c)
    return merged


_TRIM = " \t\u3000\r"


@lru_cache(maxsize=8)
def _delimiter_re(delimiters: str) -> re.Pattern[str]:
    """A clause delimiter of ``delimiters``, not the comma of a thousands separator (1,234.5亿元:
    :func:`thousands_comma_at`, looked at from after the comma), found in C."""
    return re.compile(f"[{re.escape(delimiters)}](?!(?<=[0-9],)[0-9]{{3}}(?![0-9]))")


class ClauseIndex:
    """Where every clause delimiter of a text is, found once: the clause around a position in
    O(log n), the same clause :func:`clauses` would give (``delimiters``: the characters that
    end a clause, ``，,；;。：:！!？?\n`` for targets, ``，,；;。\n`` for projects)."""

    def __init__(self, text: str, delimiters: str) -> None:
        self.text = text
        self.marks = [m.start() for m in _delimiter_re(delimiters).finditer(text)]

    def around(self, pos: int, start: int, end: int) -> Clause | None:
        """The trimmed clause holding ``pos``, clipped to ``[start, end)``; None if blank."""
        k = bisect_right(self.marks, pos)
        a = max(self.marks[k - 1] + 1 if k else 0, start)
        b = min(self.marks[k] if k < len(self.marks) else len(self.text), end)
        text = self.text
        while a < b and text[a] in _TRIM:
            a += 1
        while b > a and text[b - 1] in _TRIM:
            b -= 1
        return Clause(a, b) if b > a else None
