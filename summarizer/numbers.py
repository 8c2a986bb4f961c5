"""Chinese and Arabic numbers, and the numeric mention finder (units and magnitudes: :mod:`.units`).

Pure functions, no I/O; every regex is compiled once. Decisions that fill the output format's gaps
(they follow the conventions of the hand-written gold, evals/README.md):

- ``find_mentions`` reads context from the whole text and returns the mentions lying entirely
  inside ``text[start:end]``. A Chinese numeral is a quantity only with a unit, ``百分之…``, ``…成``
  or a scale (``两千万``, ``千亿大关``). A lone ``一`` is a word part (``一批``, ``最后一公里``);
  another single numeral before a slogan classifier (``四个中心``, ``两个确保``, ``三大``,
  ``五年行动``) is kind ``ordinal``, before a counting one (``两家``) a quantity.
- ``code``: inside ``《…》``, enclosed by quotes alone (``“5020”``, ``“15分钟”``), next to Latin
  letters or ``+`` (``5g``, ``S451``, ``2+2+N``), or a unitless number glued to a word
  (``10310工程``, ``500强``, ``2.0行动``).
- ``clause_bounds`` cuts at ``。；;！!？?``, line breaks, ``，,`` (not ``1,234``) and ``：:``;
  ``、和及与`` enumerations stay in one clause.
- ``direction_before``: the nearest list verb in the clause; ``达`` -> 达到, ``保持在`` -> 稳定在;
  ``为``/``是`` right before the number -> ""; ``增幅 增速 涨幅 净增 稳定 控制…`` are not list
  verbs (-> "", and they stop the search); ``增加值 增长点 建成区 突破口`` are nouns. A verb
  followed by ``、`` and a number has no object; ``改造`` between its noun and a number is
  part of the noun (``完成棚户区改造450户`` -> 完成); a verb does not reach across ``、`` into an
  item with its own verb (``、转移农村劳动力5200人`` -> "").
- ``qualifier_for``: the bound word after the number (``及以上`` -> 以上) or before it
  (``不少于`` -> 不低于, ``不高于`` -> 不超过); an enumeration's trailing bound word covers every
  value (``5.5%、7%左右``); else ``力争`` written in the clause before the number; else "".
- ``qualifier_readings``/``direction_readings`` list every defensible reading for the checker.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .layout import WRAP_JOIN
from .numerals import _CN_DIGIT, _CN_HAS_DIGIT, _cn_split, _parse_cn_int
from .units import (
    _BASES,
    _CN_SINGLE_COUNT,
    _CN_SINGLE_OK,
    _ONE_OK,
    _ORDINAL_BASES,
    _SCALES,
    _SPACE,
    _UNIT_RE,
    _split_unit,
    normalize_unit,
    same_amount,
    to_base,
)

__all__ = [
    "DIRECTIONS", "KINDS", "QUALIFIERS", "Mention", "find_mentions", "loose_quantities",
    "normalize_unit", "parse_chinese_number", "parse_quantity", "quantity_at", "same_amount",
    "to_base",
]  # fmt: skip

QUALIFIERS: tuple[str, ...] = ("不低于", "不超过", "左右", "以上", "以内", "以下")
DIRECTIONS: tuple[str, ...] = (
    "增长", "增加", "提高", "下降", "降低", "减少", "控制在", "达到", "稳定在", "突破",
    "新增", "新建", "建成", "改造", "完成", "实现",
)  # fmt: skip
KINDS: tuple[str, ...] = ("quantity", "year", "date", "ordinal", "footnote", "code", "marker")


@dataclass(frozen=True, slots=True)
class Mention:
    """One number as written: ``text == source[start:end]`` (number and unit)."""

    kind: str
    text: str
    start: int
    end: int
    value: float | None
    value_max: float | None
    unit: str


# --------------------------------------------------------------------------- Chinese numerals


def parse_chinese_number(s: str) -> float | None:
    """``两千`` -> 2000, ``一点二`` -> 1.2, ``十二`` -> 12, ``三百零五`` -> 305, ``一点二万亿`` -> 1.2e12."""
    sp = _cn_split(s.strip()) if s.strip() else None
    return None if sp is None else sp[0] * _SCALES.get(sp[1], 1.0)


# ------------------------------------------------------------------------------ tokenising

# digits a joined wrap (:data:`WRAP_JOIN`) splits are one number: ``1⏎6.3%`` in a text copied
# out of a PDF is 16.3%
_DIGITS = rf"[0-9０-９]+(?:{WRAP_JOIN}[0-9０-９]+)*"
_AR = rf"{_DIGITS}(?:,[0-9]{{3}}(?![0-9]))*(?:{WRAP_JOIN}?[.．]{WRAP_JOIN}?{_DIGITS})?"
_CN = r"[零〇○一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+[万亿]*)?"
_AR_RE = re.compile(_AR)
# The characters of a number as written: digits, Chinese numerals (with 点), and the point and
# comma between digits; one set for the engines' reader, the checker and the summary cut.
DIGIT_CHARS = frozenset("0123456789０１２３４５６７８９")
CN_NUMERAL_CHARS = frozenset("零〇○一二两三四五六七八九十百千万亿点")
NUMBER_CHARS = DIGIT_CHARS | CN_NUMERAL_CHARS | frozenset(".．,")


def runs_on(text: str, pos: int) -> bool:
    """Whether a number written at ``pos`` runs on from the one before it: a digit stands
    right before it, or a Chinese numeral before one (``60万两千``); such a span is inside a
    number, never a number of its own (the engines' reader and the checker agree on it)."""
    k = pos - 1
    while k >= 0 and text[k] == WRAP_JOIN:
        k -= 1  # a wrapped line joined in the layout view: 2⏎018 is one number
    if k < 0:
        return False
    prev = text[k]
    return prev in DIGIT_CHARS or (prev in CN_NUMERAL_CHARS and text[pos] in CN_NUMERAL_CHARS)


_CN_RE = re.compile(_CN)
_PCT_RE = re.compile(rf"百分之({_AR}|{_CN})")
_BR_RE = re.compile(
    rf"[(（\[【]{_SPACE}?([0-9０-９]{{1,3}}|[一二三四五六七八九十]{{1,3}}){_SPACE}?[)）\]】]"
)
_CIRCLED = "\u2460-\u249b\u24ea-\u24fe\u2776-\u2793"
_CN_START = CN_NUMERAL_CHARS - {"点"}  # 点 is read inside a numeral, never opens one
_BR_OPEN = frozenset("(（[【")
_RANGE_SEP_RE = re.compile(rf"{_SPACE}?(?:——|—|–|－|--|-|～|~|〜|至|到){_SPACE}?")
_RANGE_FIRST = frozenset(" \u00a0\u3000—–－-～~〜至到" + WRAP_JOIN)
_YEAR_RANGE_RE = re.compile(
    rf"{_SPACE}?(?:——|—|–|－|-|～|~|〜|至|到){_SPACE}?((?:19|20|21)[0-9]{{2}})(?![0-9])({_SPACE}?年)?"
)
_YEAR_TAIL_RE = re.compile(rf"{_SPACE}?年")
_DAY_RE = re.compile(r"[0-9０-９]{1,2}[日号]|[一二三四五六七八九十]{1,3}[日号]")
_PLAN_RE = re.compile(r"十?[一二三四五六七八九]五")
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_CODE_CHARS = frozenset(
    "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ+＋.０１２３４５６７８９"
)
_CODE_GLUE = _ASCII_LETTERS | frozenset("+＋")
# Measurement units written in Latin letters right after a number, a closed class of the genre:
# computing power (算力规模突破4000P, 4万P, 1.3万PF, 190Eflops: 6 provinces of the corpus) and
# power or energy (装机容量15MW, 55GWh). Any other letter after a number makes a code (5G, S451).
_LATIN_UNIT = re.compile(r"(?:EFLOPS|Eflops|PFLOPS|PF|P|GWh|GW|MW)(?![A-Za-z0-9])")
_OPEN_Q = frozenset("“\"‘'「『")
_CLOSE_Q = frozenset("”\"’'」』")
_BLANK = frozenset(" \t\u3000\u00a0")
_LINE = frozenset("\n\r")
_LINE_MARK_NEXT = frozenset("、.．\n\r \t\u3000\u00a0")
_BOUNDARY_BEFORE = frozenset('。；;，,：:！!？?、)）】]”"\n\r')
_FW = str.maketrans("０１２３４５６７８９．", "0123456789.", WRAP_JOIN)
_COUNCIL_RE = re.compile(
    r"次(?:全会|全委会|会议|全体会议|党代会|党代表大会|代表大会|人代会)|中全会"
)
# the next session of a series (省委九届九次、十次和市委…全会): N次 after 届M次、 is an ordinal too
_SESSION_BEFORE = re.compile(r"届[一二三四五六七八九十\d]{1,3}次[、和及与]$")
_QUAL_WORDS = ("左右", "以上", "以内", "以下", "及以上", "及以下")
# What may follow a one-character Chinese numeral for it to be anything but a word part.
_CN_FOLLOW = frozenset(b[0] for b in _BASES) | frozenset(
    "是、大月中次届期余多至到—–－-～~〜年 \u3000\u00a0万亿"
)

_CN_FOLLOW_CLASS = "".join(sorted(_CN_FOLLOW | CN_NUMERAL_CHARS)).replace("-", "").replace(" ", "")
# Where a token may start. A lone Chinese numeral that nothing numeric follows (一体化, 统一) is
# skipped here, in C, without a Python-level look. The three ways a token starts (a digit, a
# bracket or a circled number; a Chinese numeral that something numeric follows; a numeral after
# 第) are written after one class of every first character, each looking back at its own: a
# pattern that starts with one class is searched for in C from one of its characters to the next
# (with three alternatives the engine tries every position, ~2.5 times slower).
_START_RE = re.compile(
    rf"[0-9０-９(（\[【{_CIRCLED}零〇○一二两三四五六七八九十百千万亿]"
    rf"(?:(?<=[0-9０-９(（\[【{_CIRCLED}])"
    rf"|(?<=[零〇○一二两三四五六七八九十百千万亿])(?:[{re.escape(_CN_FOLLOW_CLASS)}]|[- \u00a0\u3000])"
    r"|(?<=第[零〇○一二两三四五六七八九十]))"
)

# A token: (kind, start, end, the number as written) with kind ar | cn | pct | br | circ.
_Token = tuple[str, int, int, str]


def _token_at(text: str, p: int, end: int) -> _Token | None:
    c = text[p]
    if c in DIGIT_CHARS:
        m = _AR_RE.match(text, p, end)
        return ("ar", p, m.end(), m.group()) if m else None
    if c == "百" and text.startswith("分之", p + 1):
        m = _PCT_RE.match(text, p, end)
        if m:
            return ("pct", p, m.end(), m.group(1))
    if c in _CN_START:
        m = _CN_RE.match(text, p, end)
        if not m:
            return None
        run, e = m.group(), m.end()
        if len(run) > 1 and run[-1] == "千" and e < end and text[e] in "瓦米克伏":
            run, e = run[:-1], e - 1  # 一千瓦 is 1 千瓦
        return ("cn", p, e, run)
    if c in _BR_OPEN:
        m = _BR_RE.match(text, p, end)
        return ("br", p, m.end(), m.group(1)) if m else None
    if "\u2460" <= c <= "\u2793":
        return ("circ", p, p + 1, c)
    return None


def _arabic_value(s: str) -> float:
    return float(s.translate(_FW).replace(",", ""))


# A measure word the unit list lacks, written after 万/亿 and ending the quantity (a clause mark
# or a bound word follows): any CJK character but the function words that may stand there.
_SCALED_CLASSIFIER = re.compile(
    r"([\u4e00-\u9fff])(?<![的以和及与或至到等了是为在左万亿千百十余多])"
    r"(?=[，,。；;、：:）)\r\n]|以上|左右|以内|以下|$)"
)


def _unit_at(text: str, pos: int, end: int) -> tuple[str, str, str, int]:
    """(unit as written without space/approximation, scale, base, end) right after a number."""
    um = _UNIT_RE.match(text, pos, end)
    if um is None:  # pragma: no cover - the pattern matches the empty string
        return "", "", "", pos
    scale, base = um.group("scale", "base")
    if base is None:
        at = um.end() if scale else pos
        latin = (
            _LATIN_UNIT.match(text, at, end) if at < end and text[at] in _ASCII_LETTERS else None
        )
        if latin is not None:  # 4000P, 4万P, 15MW: a unit in Latin letters
            return (scale or "") + latin.group(), scale or "", latin.group(), latin.end()
        if scale is None:
            return "", "", "", pos
        cls = _SCALED_CLASSIFIER.match(text, um.end(), end)
        if cls is not None:  # 1亿棒以上, 700万单, 20万对: a measure word after the scale
            return scale + cls.group(1), scale, cls.group(1), cls.end(1)
        return scale, scale, "", um.end()
    if scale is None:
        return ("%" if base == "％" else base), "", base, um.end()
    return scale + ("%" if base == "％" else base), scale, base, um.end()


def _range_at(text: str, pos: int, end: int, kind: str, unit: str) -> tuple[float, str, int] | None:
    """The second half of a range (``—6.5%``, ``-7%``, ``至6%``): (value_max, unit, end)."""
    sm = _RANGE_SEP_RE.match(text, pos, end) if pos < end and text[pos] in _RANGE_FIRST else None
    tok = _token_at(text, sm.end(), end) if sm and sm.end() < end else None
    q = _quantity(text, tok, end, ranged=False) if tok and tok[0] == kind else None
    if q is None or not q[2]:
        return None
    # 5万-6万吨, 20亿—30亿元: a first half with its scale word only takes the second's unit
    if unit and q[2] != unit and (_split_unit(unit)[1] or not q[2].startswith(unit)):
        return None
    return q[0], q[2], q[4]


def _quantity(
    text: str, tok: _Token, end: int, known: float | None = None, ranged: bool = True
) -> tuple[float, float | None, str, str, int] | None:
    """Context-free quantity at a token: (value, value_max, unit, base, end) or None."""
    kind, _, e, num = tok
    if kind == "pct":
        v = _arabic_value(num) if num[0] in DIGIT_CHARS else parse_chinese_number(num)
        return None if v is None else (v, None, "%", "%", e)
    if kind == "ar":
        value, scale = (_arabic_value(num) if known is None else known), ""
    elif kind == "cn":
        if (
            not (_CN_HAS_DIGIT & set(num))
            and (len(num) < 2 or num[-1] not in "万亿")
            and (num not in ("百", "千") or not _unit_at(text, e, end)[2])
        ):
            return None  # 亿元 and 万人 alone are not amounts; 千亿, 百万 and 百个 are
        sp = _cn_split(num)
        if sp is None:
            return None
        value, scale = sp
    else:
        return None
    unit, uscale, base, ue = _unit_at(text, e, end)
    if scale:
        if uscale:
            return None
        unit = normalize_unit(scale + unit)
    vmax = None
    rng = _range_at(text, ue, end, kind, unit) if ranged else None
    if rng is not None:
        vmax, unit, ue = rng
        base = _split_unit(unit)[1]
    return value, vmax, unit, base, ue


def _prev(text: str, s: int) -> str:
    """The character before s, blanks skipped ("\n" at the start of the text)."""
    i = s - 1
    while i >= 0 and text[i] in _BLANK:
        i -= 1
    return text[i] if i >= 0 else "\n"


def _rest_of_line_blank(text: str, e: int, n: int) -> bool:
    j = e
    while j < n and text[j] in _BLANK:
        j += 1
    return j >= n or text[j] in _LINE


def _in_book_title(text: str, s: int) -> bool:
    i = text.rfind("《", max(0, s - 60), s)
    if i < 0 or text.find("》", i, s) >= 0:
        return False
    return text.find("》", s, s + 60) >= 0


def _is_cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def _code_span(text: str, s: int, e: int, n: int) -> tuple[int, int]:
    while s > 0 and text[s - 1] in _CODE_CHARS:
        s -= 1
    while e < n and text[e] in _CODE_CHARS:
        e += 1
    while e > s and text[e - 1] in ".+＋":
        e -= 1
    return s, e


def _mk(
    kind: str, text: str, s: int, e: int, v: float | None, vmax: float | None, unit: str
) -> Mention:
    return Mention(kind, text[s:e], s, e, v, vmax, unit)


_Result = tuple[Mention | None, int]


def _date(text: str, s: int, e: int) -> _Result:
    """``3月`` or ``3月5日`` (the month's number ends at e)."""
    dm = _DAY_RE.match(text, e + 1)
    de = dm.end() if dm else e + 1
    return _mk("date", text, s, de, None, None, ""), de


_GAP = frozenset(" \t\u3000\n\r" + WRAP_JOIN)  # a wrap joined in the layout view too


def _broken(text: str, s: int, e: int, n: int) -> bool:
    """Whether the digits ``text[s:e]`` are a part of a number that a stray blank or line break
    split (``36.5 9亿元``, ``森林覆盖率达到 4 3 %``, a line wrapped in ``15`` / ``00万千瓦``):
    digits right across one or two blanks, or across a second point (``2.54.30``). Reading
    either part would shift the number, so neither is a quantity."""
    k = s - 1
    while k >= 0 and s - k <= 2 and text[k] in _GAP:
        k -= 1
    if k < s - 1 and k >= 0 and text[k] in DIGIT_CHARS:
        return True
    # 缩小至2.54.30个县区 (a full stop typed as a point between two numbers): 2.54 and 30, or
    # 2 and 54.30? Either reading may shift a number, so neither is read
    if s >= 2 and text[s - 1] in ".．" and text[s - 2] in DIGIT_CHARS:
        return True
    if e + 1 < n and text[e] in ".．" and text[e + 1] in DIGIT_CHARS:
        return True
    k = e
    while k < n and k - e < 2 and text[k] in _GAP:
        k += 1
    return e < k < n and text[k] in DIGIT_CHARS


def _after_di(text: str, s: int, e: int, n: int, value: float | None) -> _Result | None:
    """``第4位``, ``第 4 位`` (blanks as found): the number at ``s``-``e`` after 第 is an
    ordinal, with its measure word; None when no 第 stands before it."""
    k = s - 1
    while k > 0 and s - k <= 2 and text[k] in " \u3000":
        k -= 1
    if k < 0 or text[k] != "第":
        return None
    unit, _, _, ue = _unit_at(text, e, n)
    if not unit and ue < n and text[ue] in " \u3000":
        unit, _, _, ue2 = _unit_at(text, ue + 1, n)
        ue = ue2 if unit else ue
    return _mk("ordinal", text, k, ue, value, None, unit), ue


def _classify_arabic(text: str, tok: _Token, n: int) -> _Result:
    _, s, e, num = tok
    value = _arabic_value(num)
    pc = text[s - 1] if s > 0 else "\n"
    nc = text[e] if e < n else "\n"
    if (
        pc in _CODE_GLUE
        or (nc in _CODE_GLUE and not _LATIN_UNIT.match(text, e))
        or (nc in ". " and text[e + 1 : e + 2] in _ASCII_LETTERS)
    ):
        cs, ce = _code_span(text, s, e, n)  # 5g, ipv6, S451, 2+2+N, 9897.html
        return _mk("code", text, cs, ce, value, None, ""), ce
    ordinal = _after_di(text, s, e, n, value)
    if ordinal is not None:
        return ordinal
    if _broken(text, s, e, n):
        return None, e  # 36.5 9亿元, 4 3 %, 15⏎00万千瓦: a part of a number a blank broke
    if (nc in _LINE_MARK_NEXT or e >= n) and _prev(text, s) in _LINE:
        n2 = text[e + 1] if e + 1 < n else "\n"
        if nc == "、" or (nc in ".．" and not n2.isdigit()):
            return _mk("marker", text, s, e + 1, value, None, ""), e + 1
        if _rest_of_line_blank(text, e, n):
            return _mk("marker", text, s, e, value, None, ""), e
    integer = value.is_integer() and "." not in num and "．" not in num
    if integer:
        if len(num) == 4 and 1900 <= value <= 2100:
            ym = _YEAR_RANGE_RE.match(text, e)
            if ym and float(ym.group(1)) > value:
                yunit = "年" if ym.group(2) else ""
                return _mk("year", text, s, ym.end(), value, float(ym.group(1)), yunit), ym.end()
            ym2 = _YEAR_TAIL_RE.match(text, e)
            if ym2:
                return _mk("year", text, s, ym2.end(), value, None, "年"), ym2.end()
        if nc == "月" and 1 <= value <= 12:
            return _date(text, s, e)
        if nc == "日" and 1 <= value <= 31:
            return _mk("date", text, s, e + 1, None, None, ""), e + 1
    q = _quantity(text, tok, n, value)
    if q is None:  # pragma: no cover - an Arabic token always parses
        return None, e
    value, vmax, unit, base, ue = q
    uc = text[ue] if ue < n else "\n"
    if base in _ORDINAL_BASES or (
        base == "次"
        and (_COUNCIL_RE.match(text, ue - 1) or _SESSION_BEFORE.search(text, max(0, s - 8), s))
    ):
        return _mk("ordinal", text, s, ue, value, vmax, unit), ue
    if not unit:
        if nc == "大":
            return _mk("ordinal", text, s, e + 1, value, None, ""), e + 1
        if pc in _OPEN_Q and uc in _CLOSE_Q:
            return _mk("code", text, s, ue, value, None, ""), ue
        if (uc in _CLOSE_Q or _is_cjk(uc)) and not text.startswith(_QUAL_WORDS, ue):
            return _mk("code", text, s, ue, value, None, ""), ue
    elif pc in _OPEN_Q and uc in _CLOSE_Q:
        return _mk("code", text, s, ue, value, vmax, unit), ue
    if _in_book_title(text, s):
        return _mk("code", text, s, ue, value, vmax, unit), ue
    return _mk("quantity", text, s, ue, value, vmax, unit), ue


# A single numeral right after a verb of building or doing, counting a concrete noun phrase
# (建设一座标志性公园, 开展一次招商推介活动, 新建或提升一所三级医院): things to build, not a
# slogan (四个全面, 三次产业, 一个什么样的首都, 一个“天蓝地绿”…: quoted, abstract with 的).
# 完成 is the genre's commonest verb of delivering (完成一个供水厂、一个燃气站; 易县)
_BUILD_VERBS = r"建设|新建|建成|建好|打造|开展|实施|提升|改造|创建|培育|举办|新增|完成"
_BUILD_BEFORE = re.compile(rf"(?:{_BUILD_VERBS})$")
_BUILD_AT_START = re.compile(rf"[^，,。；;、]{{0,4}}?(?:{_BUILD_VERBS})")  # the clause's verb
_BUILT_UNITS = frozenset("个座条所次家处")
_BUILT_NOUN = re.compile(r"[\u4e00-\u9fff]{3,}")
_NOT_BUILT = re.compile(r"方面|产业|重点|大|全|什么|宜")


# the next member of a list opening on a numeral (…、两条风情滨河路)
_NEXT_MEMBER = re.compile(r"、[两二三四五六七八九十\d]")
# the clause before a list member (实施一批风电项目、一个储能园区): back to the clause's start
_LIST_CLAUSE = re.compile(r"[^，,。；;：:\n]{1,40}、$")


def _built_count(text: str, s: int, ue: int, n: int, base: str) -> bool:
    if base not in _BUILT_UNITS:
        return False
    m = _BUILT_NOUN.match(text, ue, n)
    if (
        m is not None
        and _NEXT_MEMBER.match(text, m.end(), n)
        and text.startswith(base, m.end() + 2)
    ):
        return True  # 一条特色景观环路、两条风情滨河路: a list of counts of one measure word
    if not _BUILD_BEFORE.search(text, max(0, s - 4), s):
        # …、一个储能园区: a later member of a list whose clause opens on a verb of building
        clause = _LIST_CLAUSE.search(text, max(0, s - 41), s)
        if clause is None or not _BUILD_AT_START.match(clause.group()):
            return False
    m = _BUILT_NOUN.match(text, ue, n)
    return m is not None and "的" not in m.group() and not _NOT_BUILT.match(text, ue)


# where a clause starts, looking back from a numeral (a list before it stays in one clause)
_CLAUSE_STOP = re.compile(r"[，,。；;：:\n！？]")
_LIST_AND = re.compile(r"和|及|与")


# the head of a place or facility (closed class of the genre's head nouns of works and places):
# what a list of names counted by a numeral must be, to be things to build (产业、人才、文化五个
# 振兴, 干部、土地、金融三个关键 are fields of work)
_PLACE_HEAD = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:[园区体镇场馆厂院站库村街路桥楼校店]|中心|基地)")


def _counts_its_list(text: str, s: int, ue: int, value: float) -> bool:
    """``建成北环、照旺台两个公园``, ``打造神南镇和伊祁山两个乡村振兴示范区``: a numeral right after
    a list of names, counting them (as many members as it says), counts the places or
    facilities named, not a slogan's parts."""
    if not (2 <= value <= 10) or s < 4 or not _is_cjk(text[s - 1]):
        return False
    if _PLACE_HEAD.match(text, ue) is None:
        return False
    a = max(0, s - 80)
    stops = [m.end() for m in _CLAUSE_STOP.finditer(text, a, s)]
    seg = text[stops[-1] if stops else a : s]
    members = seg.split("、")
    last = _LIST_AND.split(members[-1])
    count = len(members) - 1 + len(last)
    return count == value and all(len(m) >= 2 for m in members[:-1] + last[-1:])


# the measure words a lone numeral after 各 counts with (各一所, 各两个)
_EACH_UNITS = _BUILT_UNITS | _CN_SINGLE_COUNT


# a bound word that makes a bare 百/千 a round amount: 达百个, 超百家, 近千吨, 突破百条
_ROUND_BEFORE = re.compile(r"(?:突破|[达超近逾])$")


def _round_count(text: str, s: int, e: int, n: int) -> _Result | None:
    """``创建美丽乡村达百个``, ``完成百件以上惠民实事``: a bare 百 or 千 with a measure word is
    the round number, when a bound word of amount (达, 超, 近, 突破) stands before it or a bound
    word of approximation (以上, 余) after its unit; elsewhere it is a word part (百姓, 千方百计,
    百年大计, 千家万户)."""
    unit, uscale, base, ue = _unit_at(text, e, n)
    if not base or uscale:
        return None
    before = _ROUND_BEFORE.search(text, max(0, s - 2), s) is not None
    if not before and not text.startswith(("以上", "余"), ue):
        return None
    q = _quantity(text, ("cn", s, e, text[s:e]), n, ranged=False)
    return None if q is None else (_mk("quantity", text, s, ue, q[0], None, unit), ue)


def _classify_cn(text: str, tok: _Token, n: int) -> _Result:
    _, s, e, run = tok
    pc = text[s - 1] if s > 0 else "\n"
    nc = text[e] if e < n else "\n"
    if len(run) == 1 and ((pc != "第" and nc not in _CN_FOLLOW) or run in "千万亿百"):
        if run in "百千" and nc in _CN_FOLLOW:
            round_count = _round_count(text, s, e, n)
            if round_count is not None:
                return round_count
        return None, e  # 一体化, 统一, 九堡, 亿元: a word part (the common case, kept cheap)
    if not (_CN_HAS_DIGIT & set(run)):  # 千亿大关 is an amount; 千家万户, 千亿级, 千亿产业 are not
        q = _quantity(text, tok, n) if len(run) > 1 and run[-1] in "万亿" else None
        uc = text[q[4]] if q is not None and q[4] < n else "\n"
        if (
            q is None
            or q[3] in _ORDINAL_BASES
            or (
                not q[3]
                and _is_cjk(uc)
                and not text.startswith((*_QUAL_WORDS, "大关", "台阶"), q[4])
            )
        ):
            return None, e
        return _mk(
            "code" if _in_book_title(text, s) else "quantity", text, s, q[4], q[0], q[1], q[2]
        ), q[4]
    sp = _cn_split(run)
    if sp is None:
        if _PLAN_RE.fullmatch(run):
            return _mk("ordinal", text, s, e, None, None, ""), e
        return None, e
    value, scale = sp
    ordinal = _after_di(text, s, e, n, value)
    if ordinal is not None:
        return ordinal
    if len(run) > 1 and all(c in _CN_DIGIT for c in run):  # 八一, 二〇二四
        if _PLAN_RE.fullmatch(run):
            return _mk("ordinal", text, s, e, None, None, ""), e
        if len(run) == 4 and nc == "年":
            return _mk("year", text, s, e + 1, float(_parse_cn_int(run) or 0), None, "年"), e + 1
        return None, e
    if not scale:
        if nc == "是" and len(run) <= 2 and _prev(text, s) in _BOUNDARY_BEFORE:
            return _mk("marker", text, s, e + 1, value, None, ""), e + 1
        if nc == "、" and value < 100 and _prev(text, s) in _LINE:
            return _mk("marker", text, s, e + 1, value, None, ""), e + 1
        cm = _COUNCIL_RE.match(text, e)
        if cm:
            return _mk("ordinal", text, s, cm.end(), value, None, ""), cm.end()
        if nc == "大":
            return _mk("ordinal", text, s, e + 1, value, None, ""), e + 1
        if nc == "月" and value.is_integer() and 1 <= value <= 12:
            return _date(text, s, e)
    unit, uscale, base, ue = _unit_at(text, e, n)
    if scale:
        if uscale:
            return None, e
        unit = normalize_unit(scale + unit)
    if base in _ORDINAL_BASES or (base == "次" and _SESSION_BEFORE.search(text, max(0, s - 8), s)):
        return _mk("ordinal", text, s, ue, value, None, unit), ue
    vmax = None
    if not unit:
        rng = _range_at(text, e, n, "cn", "")
        if rng is None:
            return None, e
        vmax, unit, ue = rng
        base = _split_unit(unit)[1]
    if not base:  # a bare scale (两千万): a quantity only when no word follows
        uc = text[ue] if ue < n else "\n"
        if _is_cjk(uc) and not text.startswith(_QUAL_WORDS, ue):
            return None, e
    if (
        len(run) == 1
        and not scale
        and (_built_count(text, s, ue, n, base) or _counts_its_list(text, s, ue, value))
    ):
        pass  # 建设一座标志性公园, 改造提升四个城市出入口: things to build, counted
    elif len(run) == 1 and not scale and pc == "各" and base in _EACH_UNITS:
        pass  # 新建城区小学和公办幼儿园各一所: a count given to each member (满城, 顺平, 海南)
    elif len(run) == 1 and not scale:
        if run == "一" and base not in _ONE_OK:
            return None, e
        after = text[ue] if ue < n else "\n"
        counted = base == "个" and not _is_cjk(after)  # 完成十个, : things named before
        if (
            base not in _CN_SINGLE_OK
            and (base not in _CN_SINGLE_COUNT or pc in _OPEN_Q)
            and not counted
        ):
            return _mk("ordinal", text, s, ue, value, None, unit), ue  # 四个全面: a slogan
    if vmax is None:
        rng = _range_at(text, ue, n, "cn", unit)
        if rng is not None:
            vmax, unit, ue = rng
    kind = "code" if _in_book_title(text, s) else "quantity"
    return _mk(kind, text, s, ue, value, vmax, unit), ue


def _classify(text: str, tok: _Token, n: int) -> _Result:
    """百分之五, (17), [32], （一）, ⑥."""
    kind, s, e, num = tok
    if kind == "pct":
        q = _quantity(text, tok, n)
        if q is None:
            return None, e
        k = "code" if _in_book_title(text, s) else "quantity"
        return _mk(k, text, s, e, q[0], None, "%"), e
    if kind == "br":
        if num[0] in _CN_DIGIT or num[0] == "十":
            return _mk("marker", text, s, e, parse_chinese_number(num), None, ""), e
        v = _arabic_value(num)
    else:
        v = unicodedata.numeric(num, 0.0)
    pc = text[s - 1] if s > 0 else "\n"
    if _prev(text, s) in _LINE or not (
        _is_cjk(pc) or pc.isalnum() or pc in _CLOSE_Q or pc in ")）]】"
    ):
        return _mk("marker", text, s, e, v, None, ""), e
    return _mk("footnote", text, s, e, v, None, ""), e


def may_hold_mention(text: str) -> bool:
    """Whether a numeric mention may start in ``text`` (False: :func:`find_mentions` finds
    none; a cheap test in C before the reading of a short string such as a name)."""
    return _START_RE.search(text) is not None


def find_mentions(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Every numeric mention lying inside ``text[start:end]``, in order (absolute offsets)."""
    n = len(text)
    end = n if end is None else max(0, min(end, n))
    start = max(0, start)
    out: list[Mention] = []
    pos = start
    search = _START_RE.search
    while pos < end:
        m = search(text, pos, end)
        if m is None:
            break
        p = m.start()
        tok = _token_at(text, p, end)
        if tok is None:
            pos = p + 1
            continue
        kind = tok[0]
        if kind == "ar":
            mention, nxt = _classify_arabic(text, tok, n)
        elif kind == "cn" and runs_on(text, p):
            # 1十%, 3六公里, 60万两千瓦: a Chinese numeral run on from a number whose reading
            # left it is no number of its own (the checker reads a span starting there as inside
            # one)
            mention, nxt = None, tok[2]
        elif kind == "cn":
            mention, nxt = _classify_cn(text, tok, n)
        else:
            mention, nxt = _classify(text, tok, n)
        if (
            mention is not None
            and mention.start >= start
            and mention.end <= end
            and (not out or mention.start >= out[-1].end)  # a code never re-covers a mention
        ):
            out.append(mention)
        pos = max(nxt, tok[2])
    return out


def parse_quantity(s: str) -> tuple[float, float | None, str] | None:
    """The whole string is one quantity as written: ``两千万元`` -> (2000, None, ``万元``)."""
    s = s.strip()
    if not s:
        return None
    tok = _token_at(s, 0, len(s))
    if tok is None:
        return None
    q = _quantity(s, tok, len(s))
    if q is None or q[4] != len(s):
        return None
    value, vmax, unit, base, _ = q
    if base in _ORDINAL_BASES:
        return None
    if base == "年" and value.is_integer() and 1900 <= value <= 2100 and "万" not in unit:
        return None
    return value, vmax, unit


def quantity_at(
    text: str, pos: int, end: int | None = None
) -> tuple[int, float, float | None, str] | None:
    """The quantity (number, unit, range) written at ``pos``, read greedily without context
    and not past ``end``: (end, value, value_max, unit), or None."""
    end = len(text) if end is None else min(end, len(text))
    if not 0 <= pos < end:
        return None
    tok = _token_at(text, pos, end)
    if tok is None:
        return None
    q = _quantity(text, tok, end)
    if q is None:
        return None
    return q[4], q[0], q[1], q[2]


def loose_quantities(
    text: str, start: int = 0, end: int | None = None
) -> list[tuple[int, int, float, float | None, str]]:
    """Every number+unit in ``text[start:end]`` read without context (no year, code or ordinal
    judgement): (start, end, value, value_max, unit). The checker's fallback."""
    end = len(text) if end is None else min(end, len(text))
    out: list[tuple[int, int, float, float | None, str]] = []
    m = _START_RE.search(text, max(0, start), end)
    while m is not None:
        q = quantity_at(text, m.start(), end)
        if q is not None:
            out.append((m.start(), *q))
        m = _START_RE.search(text, q[0] if q else m.start() + 1, end)
    return out
