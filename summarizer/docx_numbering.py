"""Word's automatic numbering, rendered as a reader of the document sees it.

A ``.docx`` heading numbered by Word (a list level whose number format is ``chineseCounting`` and
text ``%1、``) holds no ``一、`` in its text: python-docx gives the paragraph's runs only, and a
report whose headings are numbered this way would come out with no section markers at all. This
module reads ``word/numbering.xml`` (abstract numbering definitions, their instances and start
overrides) and the numbering of each paragraph, its own or its style's, and gives the marker Word
shows in front of it (``一、``, ``（二）``, ``3.``), counting as Word counts: per list instance,
a level restarting whenever a level above it advances. Bullets give no marker.
"""

from __future__ import annotations

from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CN = "一二三四五六七八九"
_STEMS = "甲乙丙丁戊己庚辛壬癸"


def _val(el: Any, tag: str) -> str | None:
    child = el.find(f"{_W}{tag}") if el is not None else None
    return None if child is None else child.get(f"{_W}val")


def _chinese(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (larger numbers as digits)."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _CN[tens - 1] + "十")
    return head + (_CN[ones - 1] if ones else "")


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"),
                           (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"),
                           (4, "iv"), (1, "i")):  # fmt: skip
        while n >= value:
            out, n = out + letters, n - value
    return out


def number_text(n: int, fmt: str) -> str:
    """Counter ``n`` written in Word's number format ``fmt`` (``chineseCounting`` 3 → 三)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified",
               "ideographDigital", "taiwaneseCounting", "taiwaneseCountingThousand"):  # fmt: skip
        return _chinese(n)
    if fmt == "ideographTraditional" and 0 < n <= len(_STEMS):
        return _STEMS[n - 1]
    if fmt.startswith("decimalEnclosedCircle") and 0 < n <= 20:
        return chr(0x2460 + n - 1)
    if fmt.startswith("decimalFullWidth"):
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("lowerLetter", "upperLetter") and 0 < n <= 26:
        letter = chr(ord("a") + n - 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt in ("lowerRoman", "upperRoman") and n > 0:
        return _roman(n) if fmt == "lowerRoman" else _roman(n).upper()
    return str(n)


class Numbering:
    """The numbering of one document; :meth:`marker` is called for its paragraphs in order."""

    def __init__(self, document: Any) -> None:
        # numId -> {ilvl: (number format, level text, start)}
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):  # python-docx: the package has no numbering
            return
        abstract: dict[str | None, dict[int, tuple[str, str, int]]] = {}
        for an in root.findall(f"{_W}abstractNum"):
            levels = {}
            for lvl in an.findall(f"{_W}lvl"):
                start = _val(lvl, "start")
                levels[int(lvl.get(f"{_W}ilvl", "0"))] = (
                    _val(lvl, "numFmt") or "decimal",
                    _val(lvl, "lvlText") or "",
                    int(start) if start and start.isdigit() else 1,
                )
            abstract[an.get(f"{_W}abstractNumId")] = levels
        for num in root.findall(f"{_W}num"):
            levels = dict(abstract.get(_val(num, "abstractNumId"), {}))
            for override in num.findall(f"{_W}lvlOverride"):
                ilvl = int(override.get(f"{_W}ilvl", "0"))
                start = _val(override, "startOverride")
                if ilvl in levels and start and start.isdigit():
                    fmt, text, _ = levels[ilvl]
                    levels[ilvl] = (fmt, text, int(start))
            self.levels[num.get(f"{_W}numId", "")] = levels

    def marker(self, paragraph: Any) -> str:
        """The number Word shows before ``paragraph`` (and counts it), or ``""``."""
        if not self.levels:
            return ""
        found = _num_pr(paragraph)
        if found is None:
            return ""
        num_id, ilvl = found
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        fmt, text, start = levels[ilvl]
        counts = self.counters.setdefault(num_id, {})
        counts[ilvl] = counts[ilvl] + 1 if ilvl in counts else start
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]  # a level restarts when one above it advances
        if fmt in ("bullet", "none"):
            return ""
        out = text
        for k in range(9, 0, -1):  # %1 … %9: the counters of the levels, in their formats
            if f"%{k}" in out:
                lv = levels.get(k - 1, ("decimal", "", 1))
                out = out.replace(f"%{k}", number_text(counts.get(k - 1, lv[2]), lv[0]))
        return out


def _num_pr(paragraph: Any) -> tuple[str, int] | None:
    """(numId, level) of the paragraph's numbering: its own, else its style's (and the styles
    that style is based on); None when it is not numbered (numId 0 switches numbering off)."""
    p_pr = paragraph._p.pPr
    num_pr = p_pr.numPr if p_pr is not None else None
    style = paragraph.style if num_pr is None else None
    while num_pr is None and style is not None:
        s_pr = style.element.pPr
        num_pr = s_pr.numPr if s_pr is not None else None
        style = style.base_style
    if num_pr is None:
        return None
    num_id = _val(num_pr, "numId")
    if num_id is None or num_id == "0":
        return None
    ilvl = _val(num_pr, "ilvl")
    return num_id, int(ilvl) if ilvl and ilvl.isdigit() else 0
