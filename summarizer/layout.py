"""A same-length layout view of a report's text, for the chunker and the rules engine.

Real reports carry their layout in many ways: line breaks written as the literal characters
``\\r\\n`` by spreadsheet exports, ``&nbsp;`` entities, em spaces (U+2003) and ideographic spaces
(U+3000) as indentation, zero-width spaces, question marks where an indentation was lost to a
wrong encoding. :func:`layout_view` returns a string of exactly the
same length in which every such sequence is plain layout (a run of spaces, with a ``\\n`` where
a line break was written), so offsets found in the view index the source text unchanged. Quotes
are always sliced from the source, never from the view. HTML tags and Markdown marks left by a
conversion (``<p>``, ``<br>``, ``## 一、``, ``**（一）…**``) are layout too (a block tag ends a
line), a lone carriage return is a line break, full-width digits are digits, a text whose line
breaks were all lost gets one before each heading marker that follows the end of a sentence or
a blank (before an inline 一是 marker after the end of a sentence only), and a text wrapped at a
fixed width (copied out of a PDF) has its wraps joined (:data:`WRAP_JOIN`) and its page numbers
(``— 3 —``) blanked.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from functools import lru_cache
from itertools import pairwise

# Literal escape sequences as exported by spreadsheets: backslash + r / n / t.
_ESCAPE = re.compile(r"(?:\\r)?\\n|\\r|\\t")
# HTML character references left in exported text.
_ENTITY = re.compile(r"&(?:nbsp|ensp|emsp|thinsp|#160|#xa0|#12288|#x3000);", re.IGNORECASE)
_ENTITY_CHAR = re.compile(r"&(amp|lt|gt|quot|#39|apos);", re.IGNORECASE)
_ENTITY_VALUE = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "#39": "'", "apos": "'"}

# Every Unicode space separator and the zero-width characters become a plain space (the table of
# one-for-one replacements of the view).
_TRANSLATE = {
    cp: " "
    for cp in range(0x80, 0x3001)
    if unicodedata.category(chr(cp)) == "Zs" or cp in (0x200B, 0x200C, 0x200D, 0x2060)
}
_TRANSLATE[0xFEFF] = " "
# Full-width digits (２０２４年, older GB2312-era texts) are the digits: the view reads them as
# ASCII so that every pattern of years, markers and numbers sees one kind.
# and so are full-width Latin letters (ＰＭ２．５, ５Ｇ基站, 4Ａ级景区, ＥＦＬＯＰＳ); the table is the
# taxonomy's too, which matches indicators as an engine (or a model) wrote them
FULL_WIDTH_ALNUM = (
    {0xFF10 + d: str(d) for d in range(10)}
    | {0xFF21 + k: chr(0x41 + k) for k in range(26)}
    | {0xFF41 + k: chr(0x61 + k) for k in range(26)}
)
_TRANSLATE.update(FULL_WIDTH_ALNUM)
# The characters of the table, found in C: str.translate looks every character of a report up in
# the table (milliseconds), and most reports hold none of them.
_TRANSLATED = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(_TRANSLATE)) + "]")
# and a full-width point between digits is the decimal point (１．３亿元)
_FULL_WIDTH_POINT = re.compile(r"(?<=[0-9])．(?=[0-9])")
# A full stop typed as an ASCII point after Chinese words or a percent (…控制在5.5%以内.城镇…): the
# end of a sentence, not a decimal point (which stands between digits)
# (一.聚焦… is a heading marker: a point after numerals that open a line or follow a blank or a
# stop; after a word ending on a numeral it is a stop: 实现欠薪案件动态清零.城乡…)
# (the pattern opens on the point itself, so the regex engine skips in C from one to the next)
# (before a digit only after a word: 护理员1万人.70周岁以上…; 5%.3 is left alone)
_ASCII_STOP = re.compile(
    r"\.(?<=[\u4e00-\u9fff%％）)”]\.)(?=[\u4e00-\u9fff（(“\s]|$|(?<=[\u4e00-\u9fff]\.)[0-9])"
)
_MARKER_NUMERALS = re.compile(
    r"(?:^|(?<=[\s。！？；：!?;:.]))[一二三四五六七八九十百千万零〇两]{1,3}$"
)


def _ascii_stop(m: re.Match[str]) -> str:
    """The point as a full stop, unless it follows a heading marker's numerals (三.聚焦…)."""
    k = m.start()
    return "." if _MARKER_NUMERALS.search(m.string, max(0, k - 4), k) else "。"


# Question marks opening a line are indentation lost to a wrong encoding (`??（一）…`): no
# sentence starts with one.
_LOST_INDENT = re.compile(r"(?m)^([ \t]*)(\?{1,4})(?=\S)")


# Markdown marks left at the start of a line by a conversion (``## 一、``, ``**（一）…**``, ``> ``):
# layout, never text of a report; and ``**`` anywhere (bold), which no report writes.
_MARKDOWN = re.compile(r"(?m)^([ \t]*)(#{1,6}[ \t]+|>[ \t]*)|\*\*")
# A row of a Markdown table (``| 地区生产总值 | 增长6%左右 |``, from a document converted to
# Markdown): its pipes are cell borders, blanks as between the cells of a Word table; its
# delimiter row (``| --- | :---: |``) is all layout
_TABLE_ROW = re.compile(r"(?m)^[ \t]*\|[^\n]*\|[ \t]*\r?$")
_TABLE_DELIMITER = re.compile(r"[ \t|:\-]+\r?")

# A report whose line breaks were lost (one paragraph for the whole text): a heading marker right
# after the end of a sentence starts a line. Only in a text with fewer than one line break per
# _FLAT_CHARS characters (every corpus report has one per 360 or fewer).
_FLAT_CHARS = 2000
# (after the end of a sentence, or after blanks: a blank in Chinese prose is where a break was)
# An inline marker (一是, 二是…) starts a line only after the end of a sentence (blanks after
# the stop or none): without a stop before it, it is part of its sentence.
# The heading markers both readers below look for (第一部分, 一、, 1.); each adds its bracket and
# 01 forms.
_MARKER_START = r"第[一二三四五六七八九十]+部分|[一二三四五六七八九十]{1,2}、|\d{1,2}[、．.](?!\d)"
_FLAT_BREAK = re.compile(
    r"(?:([。！？；：!?;:])|(?<=[^\s]))([ \t]*)"
    rf"(?={_MARKER_START}|[（(][一二三四五六七八九十]{{1,2}}[）)]|0[1-9][ \t]"
    r"|(?(1)[一二三四五六七八九十]{1,2}是|(?!)))"  # 一是 only when group 1 (a stop) matched
)


# HTML tags left in a text file (a page's markup saved as text): layout; a block tag (p, br,
# div, li, tr, h1-h6) ends a line. A line break written as a lone carriage return (old Mac and
# some spreadsheet exports) is one too.
_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]{0,9})\b[^<>]{0,300}>")
_BLOCK_TAGS = frozenset({"p", "br", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"})
_LONE_CR = re.compile(r"\r(?!\n)")
# Straight double quotes (a text typed or converted without the Chinese marks: 打造"一城两区"):
# each pair within a line is the quotation marks “…”, as every reader of names expects them
_ASCII_QUOTED = re.compile(r'"([^"\n]{1,80})"')


def _tag(m: re.Match[str]) -> str:
    if m.group(1).lower() in _BLOCK_TAGS:
        return " " * (len(m.group(0)) - 1) + "\n"
    return " " * len(m.group(0))


# A page number on a line of its own, left by a copy out of a PDF (— 3 —, -3-, 第3页, 第 3 页
# 共 20 页): page furniture, not text.
_PAGE_NUMBER = re.compile(
    r"(?m)^([ \t]*)((?:[—–\-]{1,2}[ \t]*\d{1,3}[ \t]*[—–\-]{1,2}|第[ \t]*\d{1,3}[ \t]*页"
    r"(?:[ \t]*共[ \t]*\d{1,3}[ \t]*页)?)[ \t]*)$"
)


# A bare number on a line of its own (3): a page number when the report's bare-number lines
# count up page by page (3, 4, 5…) a page apart; a lone number line, or the row numbers of a
# table (a few lines apart), are left as text.
_BARE_NUMBER = re.compile(r"\n([ \t\f]*)(\d{1,3})[ \t]*(?=\n|$)")  # (opens on a literal: fast)
_PAGE_LINES = 20  # the fewest lines of a page of a report


def _bare_page_numbers(view: str) -> str:
    """Blank the bare-number lines of ``view`` when their values go up one page at a time
    (a step of 1 or 2, as a page left without a number skips one), each at least a page of
    lines after the last, two of them at least."""
    found = list(_BARE_NUMBER.finditer(view))
    if len(found) < 2:
        return view
    values = [int(m.group(2)) for m in found]
    if any(not 1 <= b - a <= 2 for a, b in pairwise(values)) or any(
        view.count("\n", a.end(), b.start()) < _PAGE_LINES for a, b in pairwise(found)
    ):
        return view
    out = list(view)
    for m in found:
        out[m.start(2) : m.end()] = " " * (m.end() - m.start(2))
    return "".join(out)


def _markdown(m: re.Match[str]) -> str:
    if m.group(0) == "**":
        return "  "
    return m.group(1) + " " * len(m.group(2))


def _flat_break(m: re.Match[str]) -> str:
    """The last blank before the marker becomes the line break, else the sentence's own stop
    (the view only: a quote is always sliced from the source); a marker with neither before
    it stays in its sentence."""
    stop, blanks = m.group(1) or "", m.group(2)
    if blanks:
        return stop + blanks[:-1] + "\n"
    return "\n" if stop else ""


def _table_row(m: re.Match[str]) -> str:
    row = m.group(0)
    if _TABLE_DELIMITER.fullmatch(row):
        return re.sub(r"[^\r]", " ", row)
    return row.replace("|", " ")


def _escape(m: re.Match[str]) -> str:
    s = m.group(0)
    if s.endswith("n") or s == "\\r":
        return " " * (len(s) - 1) + "\n"
    return " " * len(s)


def _entity_char(m: re.Match[str]) -> str:
    ch = _ENTITY_VALUE[m.group(1).lower()]
    return ch + " " * (len(m.group(0)) - 1)


def layout_view(text: str) -> str:
    """``text`` with escaped line breaks, space entities and Unicode spaces made plain layout.

    The result has the same length as ``text``; every character that is not part of such a
    sequence is unchanged.
    """
    return _view(text)[0]


def lost_line_breaks(text: str) -> bool:
    """Whether ``text`` lost its line breaks (one paragraph for the whole report, as some
    spreadsheet cells and copied web texts hold it): its view got a line break before each
    heading marker after the end of a sentence, and a heading there runs on into its body."""
    return _view(text)[1]


@lru_cache(maxsize=8)  # the chunker, the metadata reader and the engines ask for the same text
def _view(text: str) -> tuple[str, bool]:
    view = _TRANSLATED.sub(lambda m: _TRANSLATE[ord(m.group())], text)  # text.translate(_TRANSLATE)
    if "．" in view:
        view = _FULL_WIDTH_POINT.sub(".", view)
    if "\\" in view:
        view = _ESCAPE.sub(_escape, view)
    if "." in view:  # after the escapes: 任务目标.\r\n is a stop before a line break
        view = _ASCII_STOP.sub(_ascii_stop, view)
    if "&" in view:
        view = _ENTITY.sub(lambda m: " " * len(m.group(0)), view)
        view = _ENTITY_CHAR.sub(_entity_char, view)
    if "<" in view:
        view = _TAG.sub(_tag, view)
    if '"' in view:
        view = _ASCII_QUOTED.sub(lambda m: "\u201c" + m.group(1) + "\u201d", view)
    if "\r" in view:
        view = _LONE_CR.sub("\n", view)
    if "#" in view or "*" in view or ">" in view:
        view = _MARKDOWN.sub(_markdown, view)
    if "|" in view:
        view = _TABLE_ROW.sub(_table_row, view)
    if "?" in view:  # after the markup: <p>??（一）… is a lost indentation too
        view = _LOST_INDENT.sub(lambda m: m.group(1) + " " * len(m.group(2)), view)
    flat = len(view) > _FLAT_CHARS and view.count("\n") * _FLAT_CHARS < len(view)
    if flat:
        view = _FLAT_BREAK.sub(_flat_break, view)
    if "—" in view or "-" in view or "页" in view:
        view = _PAGE_NUMBER.sub(lambda m: m.group(1) + " " * len(m.group(2)), view)
    view = _bare_page_numbers(view)
    width = _wrap_width(view)
    # wrapped at a fixed width, else maybe broken at none (indented paragraphs, short lines)
    view = _unwrap(view, width) if width else _join_unindented(view)
    if " " in view:
        view = _join_number_blanks(_join_letter_spacing(view))
    if "," in view:
        view = _THOUSANDS_COMMA.sub(WRAP_JOIN, view)
    if "\n" in view:
        view = _join_stray_words(view)
    view = _join_stray_breaks(_blank_copied_lines(view))
    if "\r" in view:
        # a joined break written \r\n: its carriage return is joined too (推\r⏎进 reads 推进)
        view = view.replace("\r" + WRAP_JOIN, WRAP_JOIN + WRAP_JOIN)
    return view, flat


# A line set letter-spaced (``地 区 生 产 总 值 增 长 6 % 左 右``: a PDF's justified line as some
# extractors give it): a blank between every two of its characters is no word break, so each
# is joined like a wrap. A line is letter-spaced when blanks stand single between at least 80%
# of its pairs of characters and it has 6 or more (a heading ``一、 总体要求`` is not); in a text
# with such lines, a shorter line whose every pair is spaced is too (``二 、 “``).
_LETTER_GAP = re.compile(r"(?<=\S) (?=\S)")
_SPACED_MIN = 6
_SPACED_RUN = re.compile(rf"(?:\S ){{{_SPACED_MIN - 1}}}\S")


def _join_letter_spacing(view: str) -> str:
    if view.count(" ") < _SPACED_MIN or not _SPACED_RUN.search(view):
        return view  # (most texts: no run of 6 characters one blank apart, found in C)
    spaced: list[tuple[int, list[int]]] = []  # (line start, its gaps) of the lines to join
    short: list[tuple[int, list[int]]] = []
    pos = 0
    for line in view.split("\n"):
        gaps = line.count(" ")
        if gaps:
            chars = len(line) - gaps - line.count("\t") - line.count("\r")
            joins = [m.start() for m in _LETTER_GAP.finditer(line)]
            if chars >= _SPACED_MIN and len(joins) >= 0.8 * (chars - 1):
                spaced.append((pos, joins))
            elif 2 <= chars < _SPACED_MIN and len(joins) == chars - 1:
                short.append((pos, joins))
        pos += len(line) + 1
    if not spaced:
        return view
    out = list(view)
    for start, joins in spaced + short:
        for k in joins:
            out[start + k] = WRAP_JOIN
    return "".join(out)


# The comma of a thousands separator (2,000亩高标准农田, 1,234.5万元) is no clause's comma: joined
# like a wrap, so that the number, and a name holding it, read whole (the source keeps it)
_THOUSANDS_COMMA = re.compile(r",(?<=[0-9],)(?=[0-9]{3}(?![0-9]))")


# A paragraph written again word for word (a scraped page whose lines were copied twice): the
# copy is layout, so that nothing is read twice (its targets, its headings). Only lines long
# enough that no report repeats them on purpose.
_COPY_MIN = 20


def _blank_copied_lines(view: str) -> str:
    seen: set[str] = set()
    out: list[str] | None = None
    pos = 0
    for line in view.split("\n"):
        body = line.strip()
        if len(body) >= _COPY_MIN:
            if body in seen:
                if out is None:
                    out = list(view)
                out[pos : pos + len(line)] = " " * len(line)
            else:
                seen.add(body)
        pos += len(line) + 1
    return "".join(out) if out is not None else view


# Blanks around a number inside a line (地区生产总值增长 6.5 %左右, 2024 年, PM 2.5 浓度), as a copy out
# of a document that set its digits in another font writes them: no word of Chinese prose is
# written so, so they are joined like a wrap (WRAP_JOIN each) and the number reads with its unit,
# its year and its words. One or two digits opening a line are left alone (01 产业…, 1 项目名: a
# marker or a table's row; 2025 年是… is a year), and so are blanks between two numbers.
_BLANKS = re.compile(r"[ \t]{1,3}")
_NUMBER_SIDE = frozenset("0123456789%")
_WORD_SIDE = re.compile(r"[\u4e00-\u9fff%％A-Za-z（）()“”〔〕\[\]【】]")
_TOKEN_BACK = re.compile(r"[0-9.%]*$")


def _join_number_blanks(view: str) -> str:
    out: list[str] | None = None
    for m in _BLANKS.finditer(view):
        a, b = m.start(), m.end()
        if a == 0 or b >= len(view):
            continue
        left, right = view[a - 1], view[b]
        if left.isdigit() and right.isdigit():
            continue  # two numbers side by side (6 %: a number and its percent sign join)
        if left in _NUMBER_SIDE:
            if not _WORD_SIDE.match(right):
                continue
            token = _TOKEN_BACK.search(view, max(0, a - 24), a)
            k = token.start() if token else a
            line_start = view.rfind("\n", 0, k) + 1
            if not view[line_start:k].strip() and a - k <= 2:
                continue  # one or two digits opening their line: a marker or a row number
        elif right in "0123456789":
            if not _WORD_SIDE.match(left):
                continue
        else:
            continue
        if out is None:
            out = list(view)
        out[a:b] = WRAP_JOIN * (b - a)
    return "".join(out) if out is not None else view


# A break inside a sentence whose words ask for a number after it: an enumeration's 、 or a
# change verb (closed class), then a number that opens no heading (…二氧化碳排放分别降低⏎15%、
# 15%、⏎19%。, a copy's stray breaks): the sentence goes on across it. (The break before a
# number is looked for first: it is rare, 、 is everywhere.)
_BREAK_BEFORE_NUMBER = re.compile(r"\n(?=[ \t\u3000]*[\d０-９])")
_ASKS_FOR_NUMBER = ("、", "增长", "下降", "降低", "提高", "达到", "控制在", "分别")


def _join_stray_breaks(view: str) -> str:
    joins = [
        m.start()
        for m in _BREAK_BEFORE_NUMBER.finditer(view)
        if view[max(0, m.start() - 8) : m.start()].rstrip(" \t\u3000\r").endswith(_ASKS_FOR_NUMBER)
        and not _HEADING_START.match(_line_at(view, m.end()))
    ]
    if not joins:
        return view
    out = list(view)
    for k in joins:
        out[k] = WRAP_JOIN
    return "".join(out)


# A word or two set on a line of their own inside a sentence (a scraped page whose emphasis or
# links became lines: …农村人居环境⏎整治⏎三年行动, …加快绿色制造体系建设，⏎创建省⏎级及以上绿色工厂
# 100家): a short line of words with no stop, between two lines of prose with no blank line
# between, the first of which left its sentence open (a line that opens with a heading marker is
# prose when its body goes on after the title: it holds a 。). Both breaks are joined like a
# wrap. A heading, a table's cells (a run of short lines), a byline and page furniture stay
# lines.
_STRAY_WORDS = re.compile(r"[^\s，,。；;：:！!？?、（）()【】\[\]“”]{1,8}")
_PROSE_LINE = 10


def _join_stray_words(view: str) -> str:
    lines = view.split("\n")
    out: list[str] | None = None
    pos = len(lines[0]) + 1  # where lines[1] starts
    for k in range(1, len(lines) - 1):
        line = lines[k]
        word = line.strip()
        before, after = lines[k - 1].strip(), lines[k + 1].strip()
        if (
            _STRAY_WORDS.fullmatch(word)
            and len(before) >= _PROSE_LINE
            and len(after) >= _PROSE_LINE
            and before[-1] not in _SENTENCE_END_ALL
            and _PROSE.search(before) is not None
            and (not _HEADING_START.match(before) or "。" in before)  # a heading with its body
            and not _HEADING_START.match(word)
            and not _HEADING_START.match(after)
        ):
            if out is None:
                out = list(view)
            out[pos - 1] = WRAP_JOIN  # the break before the word
            out[pos + len(line)] = WRAP_JOIN  # and after it
        pos += len(line) + 1
    return "".join(out) if out is not None else view


def _line_at(view: str, pos: int) -> str:
    end = view.find("\n", pos)
    return view[pos : end if end >= 0 else len(view)].strip()


# A text wrapped at a fixed width (copied out of a PDF, a line break every 30-40 characters
# mid-sentence): most lines have one length, and a line of that length that ends mid-sentence
# continues on the next. The view joins them: the break becomes WRAP_JOIN, a zero-width space
# that no source character maps to in the view (words and numbers read across it; an indicator
# or a name drops it).
WRAP_JOIN = "\u200b"


def unwrapped(view: str) -> tuple[str, list[int]]:
    """``view`` without its wrap joins (:data:`WRAP_JOIN`), and for each of its characters
    the offset in ``view`` (the source's): a wrap can fall inside any word, and this text reads
    as if it had never been wrapped."""
    keep: list[int] = []
    for a, b in kept_spans(view):
        keep.extend(range(a, b))
    return view.replace(WRAP_JOIN, ""), keep


def kept_spans(view: str) -> list[tuple[int, int]]:
    """The spans of ``view`` between its wrap joins (:data:`WRAP_JOIN`), in order: the runs of
    characters :func:`unwrapped` keeps (a slice per run, not a look at every character)."""
    spans = []
    pos = 0
    for piece in view.split(WRAP_JOIN):
        spans.append((pos, pos + len(piece)))
        pos += len(piece) + 1
    return spans


def unwrapped_span(keep: list[int], start: int, end: int) -> tuple[int, int]:
    """Source span ``start``-``end`` in the text :func:`unwrapped` returned with ``keep``."""
    return bisect_left(keep, start), bisect_left(keep, end)


_SENTENCE_END = frozenset("。！!？?")  # a full line ending on ；，： is still wrapped
# …but a line broken at no fixed width that ends on ；： left no sentence open (_join_unindented)
_SENTENCE_END_ALL = _SENTENCE_END | frozenset("；;：:")
# a line opening with a heading marker is a heading, never a wrapped line's continuation
_HEADING_START = re.compile(
    rf"{_MARKER_START}|[（(][一二三四五六七八九十\d]{{1,2}}[）)]|0[1-9](?:\s|$)"
)
_WRAP_MIN = 16


def _wrap_width(view: str) -> int:
    """The width a text is wrapped at, or 0 when its lines are paragraphs."""
    lengths = [len(line.strip()) for line in view.split("\n") if line.strip()]
    if len(lengths) < 30:
        return 0
    counts: dict[int, int] = {}
    for n in lengths:
        counts[n] = counts.get(n, 0) + 1
    width, _ = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
    near = sum(v for k, v in counts.items() if abs(k - width) <= 1)
    return width if width >= _WRAP_MIN and near * 5 >= len(lengths) * 2 else 0


def _unwrap(view: str, width: int) -> str:
    out = list(view)
    pos = 0
    while True:
        nl = view.find("\n", pos)
        if nl < 0:
            break
        start = view.rfind("\n", 0, nl) + 1
        raw = view[start:nl].rstrip()  # a paragraph's first line: its indent fills the width
        line = raw.strip()
        nxt_end = view.find("\n", nl + 1)
        nxt = view[nl + 1 : nxt_end if nxt_end >= 0 else len(view)].strip()
        if line and len(raw) >= width - 1 and line[-1] not in _SENTENCE_END:
            # the line continues on the next one with text (past a blanked page number)
            k = nl
            while not nxt and nxt_end >= 0:
                out[k] = " "
                k = nxt_end
                nxt_end = view.find("\n", k + 1)
                nxt = view[k + 1 : nxt_end if nxt_end >= 0 else len(view)].strip()
            if nxt and not _HEADING_START.match(nxt):
                out[k] = WRAP_JOIN
        pos = nl + 1
    return "".join(out)


# A text whose paragraphs open indented and whose lines were broken at no fixed width (a PDF
# set in a proportional font, copied out): a line that is not indented goes on with the one
# before, when that one is a paragraph's line (indented, or going on itself), the line opens
# with no heading marker, and it is a run of prose: it goes on a sentence the line before left
# open, or it writes a clause break (，。) and 20 characters or more. The break is joined like a
# wrap. Only in a text of lines of a line's length (60% of them 20 to 60 characters: every
# corpus report has 29% or fewer, its paragraphs unbroken, a table's cells shorter); when fewer
# than 5% of them are indented, a line goes on only a sentence the line before left open.
_INDENT = re.compile(r"[ \t]{2,}\S")
_SHORT_LINE = 60
_PROSE = re.compile(r"[，,。]")


def _join_unindented(view: str) -> str:
    lines = view.split("\n")
    body = [line for line in lines if line.strip()]
    if len(body) < 30 or sum(20 <= len(x.strip()) <= _SHORT_LINE for x in body) < 0.6 * len(body):
        return view
    # indented paragraphs: a line not indented goes on; none indented: a line goes on when the
    # one before left its sentence open (a break after a stop stays a paragraph's end)
    indents = sum(1 for line in body if _INDENT.match(line)) >= 0.05 * len(body)
    out: list[str] | None = None
    pos = 0
    prev = ""  # the last line with text, whether it belongs to a paragraph, a blank line since
    prev_para = False
    gap = False
    for line in lines:
        text = line.strip()
        if not text:
            gap = bool(prev)
            pos += len(line) + 1
            continue
        opens = bool(_INDENT.match(line)) if indents else False
        left_open = bool(prev) and prev[-1] not in _SENTENCE_END_ALL
        joins = (
            prev_para
            and not gap
            and not opens
            and not _HEADING_START.match(text)
            and (left_open or (indents and len(text) >= 20 and _PROSE.search(text) is not None))
        )
        if joins:
            if out is None:
                out = list(view)
            out[pos - 1] = WRAP_JOIN  # the line break before this line
        if indents:
            prev_para = opens or joins
        else:  # a paragraph's line: it went on one (创建省 after …，: a short line that is no
            # heading), or prose with no heading marker (a bare heading is short) or a heading
            # whose body goes on after its title (（一）…提高。2011年，地区生产总值完成198.5)
            prev_para = joins or (
                (not _HEADING_START.match(text) or "。" in text)
                and (len(text) >= 20 or _PROSE.search(text) is not None)
            )
        prev, gap = text, False
        pos += len(line) + 1
    return "".join(out) if out is not None else view
