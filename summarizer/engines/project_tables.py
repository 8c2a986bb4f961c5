"""The back matter of a report (glossary, appendices) and the projects of an appendix table of
this year's works, for :mod:`.projects`."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from .. import numbers
from ..chunking import Document
from ..models import Project

# The back matter of a report: a glossary (``【名词解释】``, ``※注释※``: closed words of the genre)
# and appendices (``附件1`` on its own line, its title on the next). An appendix reporting on
# past work (``…进展情况说明``) names no plan project; one listing this year's works is a table.
_GLOSSARY = re.compile(r"^[ \t\u3000【\[*※（(]*(?:名词解释|注释)[ \t\u3000】\]*※）):：]*\r?$", re.M)
_APPENDIX = re.compile(
    r"^[ \t\u3000]*附件[ \t\u3000]*[\d一二三四五六七八九十]*[ \t\u3000:：]*\r?\n"
    r"(?:[ \t\u3000]*\r?\n)*(?P<title>[^\r\n]+)",  # (past blank lines: a copy's paragraph gaps)
    re.M,
)
_PAST_APPENDIX = re.compile(r"进展|回顾|名词|注释|解释")
_PROJECT_TITLE = re.compile(r"工程|项目")
# a row of an appendix table: its number alone on a line, the project's name on the next; or,
# a table saved as text, the row on one line, its columns apart by tabs (1⇥name⇥…)
_ROW = re.compile(
    r"^[ \t\u3000]*\d{1,2}(?:[ \t\u3000]*\r?\n(?:[ \t\u3000]*\r?\n)*[ \t\u3000]*|\t[ \t\u3000]*)"
    r"(?P<name>[^\s][^\t\r\n]{3,59})(?=\t|\r?$)",
    re.M,
)
_ROW_AMOUNT = re.compile(r"总投资\s*(?P<amount>[\d.]+(?:万亿|亿|万)?元)")
_SUB_ITEM = re.compile(r"[①②③④⑤⑥⑦⑧⑨⑩](?P<name>[^①-⑩；;。，,\r\n]{2,40}?(?:项目|工程))")
# the deadline column of a row that starts the works this year; a note after the row's name
_ROW_START = re.compile(r"\s*\d{4}年\s*启动")
_TRAILING_NOTE = re.compile(r"[（(][^（）()]*[）)]$")


def commitments(title: str) -> bool:
    """An appendix of this year's commitments to the people (``2026年自治区民生实事``): part of
    the plan, its numbers targets (a closed word of the genre: 实事)."""
    return not _PAST_APPENDIX.search(title) and "实事" in title


def plan_table(title: str) -> bool:
    """An appendix titled as projects or works that does not report on past work."""
    return not _PAST_APPENDIX.search(title) and bool(_PROJECT_TITLE.search(title))


@lru_cache(maxsize=8)
def back_matter(text: str) -> tuple[tuple[int, int, str], ...]:
    """The glossary and appendices: (start, end, title) each, in order; the first one ends
    the report's own text."""
    # the line patterns try every position of the text: run only where their words are written
    # (most reports have no back matter)
    marks = []
    if "附件" in text:
        marks += [(m.start(), m.group("title").strip()) for m in _APPENDIX.finditer(text)]
    if "注释" in text or "名词解释" in text:
        marks += [(m.start(), m.group().strip()) for m in _GLOSSARY.finditer(text)]
    marks.sort()
    return tuple(
        (a, marks[i + 1][0] if i + 1 < len(marks) else len(text), title)
        for i, (a, title) in enumerate(marks)
    )


def table_projects(
    doc: Document,
    text: str,
    start: int,
    end: int,
    head: re.Pattern[str],
    clean: Callable[[str], str],
) -> list[Project]:
    """Rows of an appendix table of this year's projects: the name on the line after the row
    number, the 总投资 written in the row, 开工 when its deadline column says 启动; items
    enumerated ①②③ in the row are projects of their own (``head``: the head nouns a name
    ends on; ``clean``: the name as written without quotation marks and footnote markers)."""
    rows = [m for m in _ROW.finditer(text, start, end) if _row_name(m, head)]
    out = []
    for i, row in enumerate(rows):
        row_end = rows[i + 1].start() if i + 1 < len(rows) else end
        a, b = row.start("name"), row.start("name") + len(_row_name(row, head))
        section = doc.section_at(a)
        path = section.path if section else None
        q_end, amount, unit, a_s, a_e, status = b, None, None, None, None, None
        am = _ROW_AMOUNT.search(text, b, row_end)
        if am:
            parsed = numbers.parse_quantity(am.group("amount"))
            if parsed:
                amount, unit = parsed[0], parsed[2]
                a_s, a_e = am.start("amount"), am.end("amount")
                q_end = a_e
                go = _ROW_START.match(text[a_e:row_end])
                if go:
                    status, q_end = "开工", a_e + go.end()
        out.append(
            Project(
                name=clean(text[a:b]),
                amount=amount,
                amount_unit=unit,
                amount_kind="总投资" if amount is not None else None,
                status=status,
                section=path,
                quote=text[a:q_end],
                start=a,
                end=q_end,
                amount_start=a_s,
                amount_end=a_e,
            )
        )
        for sub in _SUB_ITEM.finditer(text, b, row_end):
            sa, sb = sub.start("name"), sub.end("name")
            out.append(
                Project(
                    name=clean(sub.group("name")),
                    section=path,
                    quote=text[sa:sb],
                    start=sa,
                    end=sb,
                )
            )
    return out


def _row_name(m: re.Match[str], head: re.Pattern[str]) -> str:
    """The name line of a table row without a trailing parenthesis (``…项目（…校区）``)."""
    name = m.group("name").strip()
    bare = _TRAILING_NOTE.sub("", name)
    return name if head.search(bare) else ""
