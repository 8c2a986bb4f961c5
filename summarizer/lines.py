"""The lines of a report's text and the section markers that open them (``一、`` ``（一）``
``(一)`` ``1.`` ``一是`` ``01`` …), with the small Chinese numerals they count in. Pure functions
over the decoded text; :mod:`.chunking` builds the section tree from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
             "七": 7, "八": 8, "九": 9}  # fmt: skip
CN_NUMERALS = "一二三四五六七八九十"
BLANKS = " \t\u3000\xa0\r"

# Marker patterns, tried in order at the start of a line (after indentation).
_MARKERS: list[tuple[str, re.Pattern[str]]] = [
    ("cn_di", re.compile(rf"第([{CN_NUMERALS}]+)(?:部分|章|节)[、，,:：\s]*")),
    # (一．2019年工作回顾: a digit may follow the point, no decimal is written in these numerals)
    ("cn_dun", re.compile(rf"([{CN_NUMERALS}]+)(?:、|[．.])")),
    # 第一，聚焦项目建设…: an ordinal with its comma opening a line
    ("cn_ordinal", re.compile(rf"第([{CN_NUMERALS}]+)[，,、：:](?=\S)")),
    # one style whatever the bracket widths: (一) then （二） is one sequence
    ("cn_paren", re.compile(rf"[（(]([{CN_NUMERALS}]+)[）)]")),
    ("cn_shi", re.compile(rf"([{CN_NUMERALS}]+)是(?=[^，,。；;：:\s])")),
    ("ar_paren", re.compile(r"[（(](\d{1,2})[）)]")),
    ("ar_dot", re.compile(r"(\d{1,2})[.、．](?!\d)")),
    # 01 alone on its line (its title on the next), or 01 then a space and the title
    ("ar_two", re.compile(r"(0[1-9]|[1-9]\d)(?:\s*$|[ \u3000]+(?=[\u4e00-\u9fff“]))")),
]


def cn_to_int(s: str) -> int | None:
    """Small Chinese numerals used as ordinals: 一 … 九十九."""
    if not s:
        return None
    if s.isdigit():
        return int(s)
    if "十" in s:
        head, _, tail = s.partition("十")
        tens = CN_DIGITS.get(head, 0) if head else 1
        if head and head not in CN_DIGITS:
            return None
        ones = CN_DIGITS.get(tail, 0) if tail else 0
        if tail and tail not in CN_DIGITS:
            return None
        return tens * 10 + ones
    if len(s) == 1 and s in CN_DIGITS:
        return CN_DIGITS[s]
    return None


@dataclass(frozen=True, slots=True)
class Line:
    start: int  # first non-blank character
    end: int  # after the last non-blank character
    text: str


# 三、全力抓好七项重点工作（一）立足壮大实体经济…, （一）办好十件实事一是高质量编制…: a heading
# that runs into the first marker of the sequence it holds (a text whose line breaks were lost,
# where no stop or blank was left to break at) ends where that marker opens, when no stop or
# comma stands between (统一是, 唯一要, 如一要, 其一是…: 一 closing a word is no marker)
_RUN_ON_HEADING = re.compile(
    rf"(?:第[{CN_NUMERALS}]+部分[、，,:：\s]*|[{CN_NUMERALS}]{{1,2}}、|[（(][{CN_NUMERALS}]{{1,2}}[）)])"
    rf"[^。；;：:！!？?，,（(\s]{{2,24}}?(?<![统唯第之同万单划均归合专逐如其])(?=[（(]一[）)]|一[是要])"
)


def split_lines(text: str, start: int, end: int) -> list[Line]:
    """Non-blank lines of ``text[start:end]`` with indentation and trailing blanks trimmed (a
    heading run into its first sub-heading is a line of its own: :data:`_RUN_ON_HEADING`)."""
    lines: list[Line] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        s, e = pos, stop
        while s < e and text[s] in BLANKS:
            s += 1
        while e > s and text[e - 1] in BLANKS:
            e -= 1
        run_on = _RUN_ON_HEADING.match(text, s, e) if e > s else None
        if run_on:
            lines.append(Line(s, run_on.end(), text[s : run_on.end()]))
            s = run_on.end()
        if e > s:
            lines.append(Line(s, e, text[s:e]))
        pos = stop + 1
    return lines


# a numeral unit and a measure word after 5. (5.万元, 3.千亩): the line opens on a number
_NUMBER_GOES_ON = re.compile(r"[万亿千百]+[元人户亩吨个项家座所条件余多]")


def match_marker(line: Line) -> tuple[str, int, int] | None:
    """(style, ordinal, marker_end) when the line opens with a section marker."""
    for style, pattern in _MARKERS:
        m = pattern.match(line.text)
        if not m:
            continue
        ordinal = cn_to_int(m.group(1))
        if ordinal is None or ordinal == 0:
            continue
        rest = line.text[m.end() :]
        if style in ("ar_dot", "cn_dun", "ar_paren", "cn_paren") and not rest.strip():
            continue
        if style == "ar_dot" and (rest[:1] in "%％" or _NUMBER_GOES_ON.match(rest)):
            continue  # 5.万元: a number, not 5．千方百计扩大有效投资
        return style, ordinal, line.start + m.end()
    return None
