#!/usr/bin/env python3
"""How the rules engine holds up when a report comes in another layout: each tuning-half report
of evals/corpus is rewritten (line breaks lost, HTML markup, wrapped at 36 characters as copied
out of a PDF, the same with pdftotext's bare page numbers, ASCII punctuation, full-width digits,
Markdown headings, ``01`` markers, targets listed one a line, numbered or not; a blank line
between paragraphs, blanks around numbers, full-width Latin letters, thousands separators,
parts numbered 一．, sections numbered 1．, three lines copied twice, the headline's lead with a
comma, its items set one a line after ——, ①, （1） or inline after 一是; one sentence a line; a
PDF's running title and page number, or a page footer, every 28 lines; every line letter-spaced
as some extractors give a PDF's justified lines; straight double quotes; Windows line endings,
with and without the wrapping at 36) and summarised again;
the tool prints, per layout, how many reports keep the original's number of priorities and of
headline targets, and the ones that do not; the violations ``check`` finds in each
rewritten report's summary against its rewritten text; and how far its section targets,
projects, qualitative targets and outcomes (with their periods) agree with the original's (F1
of the two sets).

    python evals/tools/layouts.py [--all]     # --all: list every report that differs

The check half is never read. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from summarizer import check, summarize  # noqa: E402

_CN = "一二三四五六七八九十"


def _lines(text: str) -> list[str]:
    return text.replace("\\r\\n", "\n").replace("\r\n", "\n").split("\n")


def _wrap(text: str, width: int = 36) -> str:
    out: list[str] = []
    for para in _lines(text):
        out.extend([para[k : k + width] for k in range(0, len(para), width)] or [""])
    return "\n".join(out)


def _cn_num(g: str) -> int:
    if len(g) == 1:
        return _CN.index(g) + 1
    return 10 + (_CN.index(g[1]) + 1 if g[0] == "十" else 0)


def _relisted(text: str, lead: str, items: Callable[[str], str], joint: str = "\n") -> str:
    """``text`` with the paragraph after the first match of ``lead`` (up to its line's end)
    written as ``items`` makes it, after ``joint``."""
    text = "\n".join(_lines(text))
    found = re.search(lead, text)
    if found is None:
        return text
    end = text.find("\n", found.end())
    end = len(text) if end < 0 else end
    return text[: found.end()] + joint + items(text[found.end() : end]) + text[end:]


def _listed(text: str, *, numbered: bool = True) -> str:
    """The targets after the lead one a line: ``1.item；`` each, or unnumbered, each keeping its
    own punctuation."""

    def items(para: str) -> str:
        if numbered:
            parts = [x for x in re.split(r"[，,；;。]", para) if x.strip()]
            return "\n".join(f"{k + 1}.{item}；" for k, item in enumerate(parts))
        return "\n".join(x for x in re.split(r"(?<=[，,；;。])", para) if x.strip())

    return _relisted(text, r"(?:预期目标|主要目标)[^，。：:]{0,6}[:：]", items)


def _paged(text: str, lines: int = 28) -> str:
    """As pdftotext writes a PDF: wrapped at 36, and after every ``lines`` lines a bare page
    number on a line of its own and a form feed."""
    out: list[str] = []
    for k, line in enumerate(_wrap(text).split("\n")):
        out.extend([line, "", str(k // lines + 1), "\f"] if k % lines == lines - 1 else [line])
    return "\n".join(out)


def _headline_items(text: str, mark: Callable[[int], str], joint: str = "\n") -> str:
    """The 主要预期目标 paragraph's items (cut at ；, else at ，) set one a line (or inline when
    ``joint`` is ""), each opened by ``mark(k)``: ——, ●, ①, （1）, 一是."""

    def items(para: str) -> str:
        parts = [x for x in re.split(r"(?<=[；;])", para) if x.strip()]
        if len(parts) < 3:
            parts = [x for x in re.split(r"(?<=[，,])", para) if x.strip()]
        return joint.join(mark(k) + x.strip() for k, x in enumerate(parts))

    return _relisted(text, r"主要预期目标(?:是|为)?[:：]", items, joint)


def _ragged(text: str, seed: int = 1, indent: str = "\u3000\u3000") -> str:
    """Each paragraph indented by two ideographic spaces (or ``indent``) and broken at widths
    from 28 to 46 characters, as a PDF set in a proportional font is copied out (no fixed
    width)."""
    rnd = random.Random(seed)
    out: list[str] = []
    for para in _lines(text):
        line = indent + para.strip() if para.strip() else ""
        k = 0
        while k < len(line):
            width = rnd.randint(28, 46)
            out.append(line[k : k + width])
            k += width
        if not line:
            out.append("")
    return "\n".join(out)


def _numbered_sections(text: str) -> str:
    """（一）（二）… written 1．2．…, in a report that numbers no line so already."""
    if re.search(r"(?m)^\s*\d{1,2}\s*[.．、]", text):
        return text
    return re.sub(
        r"(?m)^(\s*)[（(]([一二三四五六七八九十]{1,2})[）)]",
        lambda m: f"{m.group(1)}{_cn_num(m.group(2))}．",
        text,
    )


def _running(text: str, every: int = 28, *, footer: bool = False) -> str:
    """A PDF's page furniture every ``every`` lines: the running title and a bare page number
    between blank lines, or (``footer``) one line ``政府工作报告    第N页 共30页``."""
    out: list[str] = []
    for k, line in enumerate(_lines(text)):
        if k and k % every == 0:
            page = k // every + 1
            out += (
                [f"政府工作报告    第{page}页 共30页"]
                if footer
                else ["", "政府工作报告", f"— {page} —", ""]
            )
        out.append(line)
    return "\n".join(out)


def _copied(text: str) -> str:
    """Three lines in the middle of the report copied twice (scrape damage)."""
    lines = _lines(text)
    k = len(lines) // 2
    return "\n".join(lines[:k] + lines[k - 3 : k] + lines[k:])


LAYOUTS: dict[str, Callable[[str], str]] = {
    "line breaks lost": lambda t: "".join(_lines(t)),
    "HTML <p> lines": lambda t: "".join(f"<p>{line}</p>" for line in _lines(t)),
    "wrapped at 36 (PDF copy)": _wrap,
    "pdftotext pages (bare 3)": _paged,
    "ASCII punctuation": lambda t: t.translate(
        str.maketrans({"。": ".", "，": ",", "；": ";", "：": ":", "（": "(", "）": ")"})
    ),
    "full-width digits": lambda t: t.translate(
        str.maketrans("0123456789%.", "０１２３４５６７８９％．")
    ),
    "Markdown ## headings": lambda t: re.sub(
        r"(?m)^(\s*)([一二三四五六七八九十]+、)", r"\1## \2", t
    ),
    "01 markers": lambda t: re.sub(
        r"(?m)^(\s*)（([一二三四五六七八九十]{1,2})）",
        lambda m: m.group(1) + f"{_cn_num(m.group(2)):02d} ",
        t,
    ),
    "targets listed 1. 2.": _listed,
    "targets listed, no numbers": lambda t: _listed(t, numbered=False),
    "blank line between paragraphs": lambda t: "\n\n".join(_lines(t)),
    "indented by ideographic spaces": lambda t: "\n".join("\u3000\u3000" + x for x in _lines(t)),
    "indented, broken at 28-46 (ragged)": _ragged,
    "broken at 28-46, not indented": lambda t: _ragged(t, indent=""),
    "blanks around numbers": lambda t: re.sub(
        r"(?<![\d.])(\d+(?:\.\d+)?)(?![\d.])", r" \1 ", "\n".join(_lines(t))
    ),
    "full-width Latin letters": lambda t: t.translate(
        {c: c + 0xFEE0 for c in range(ord("A"), ord("Z") + 1)}
    ),
    "thousands separators": lambda t: re.sub(
        r"(?<![\d.,])(\d{4,})(?=(?:\.\d+)?[^\d年])", lambda m: f"{int(m.group(1)):,}", t
    ),
    "parts numbered 一．": lambda t: re.sub(
        r"(?m)^(\s*)([一二三四五六七八九十]{1,2})、", r"\1\2．", "\n".join(_lines(t))
    ),
    "sections numbered 1．": lambda t: _numbered_sections("\n".join(_lines(t))),
    "3 lines copied twice": _copied,
    "headline lead 目标，": lambda t: re.sub(
        r"主要预期目标(?:是|为)?[:：]", "主要预期目标，", t, count=1
    ),
    "headline items ——": lambda t: _headline_items(t, lambda k: "——"),
    "headline items ①": lambda t: _headline_items(t, lambda k: "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮"[k % 15]),
    "headline items （1）": lambda t: _headline_items(t, lambda k: f"（{k + 1}）"),
    "headline items 一是 inline": lambda t: _headline_items(
        t, lambda k: _CN[k % 10] + "是", joint=""
    ),
    "one sentence a line": lambda t: re.sub(r"。(?=[^\n”\"）)])", "。\n", t),
    "running title and page number": _running,
    "page footer 第N页": lambda t: _running(t, footer=True),
    "letter-spaced (PDF justified)": lambda t: "\n".join(" ".join(x) for x in _lines(t)),
    "straight double quotes": lambda t: re.sub("[“”]", '"', t),
    "Windows line endings": lambda t: "\r\n".join(_lines(t)),
    "wrapped at 36, Windows endings": lambda t: _wrap(t).replace("\n", "\r\n"),
}


def _norm(s: str) -> str:
    return re.sub(r"\s", "", unicodedata.normalize("NFKC", s))


def _counts(text: str) -> tuple[int, int, int, list[set[Any]]]:
    """Priorities, headline targets, the violations ``check`` finds against ``text``, and the
    readings compared with the original's: section targets (value, unit, indicator), project
    names, qualitative indicators, outcomes (value, unit, indicator, period) (NFKC, without
    blanks: ``（`` and ``(`` are one)."""
    s = summarize(text, engine="rules")
    heads = len([t for t in s.targets if t.scope == "headline"])
    readings: list[set[Any]] = [
        {
            (round(t.value, 4), t.unit, _norm(t.indicator))
            for t in s.targets
            if t.scope == "section"
        },
        {_norm(p.name) for p in s.projects},
        {_norm(q.indicator) for q in s.qualitative_targets},
        {(round(o.value, 4), o.unit, _norm(o.indicator), o.period) for o in s.outcomes},
    ]
    return len(s.priorities), heads, len(check(s, text).violations), readings


def _agreement(pairs: list[tuple[set[Any], set[Any]]]) -> str:
    both = sum(len(a & b) for a, b in pairs)
    total = sum(len(a) + len(b) for a, b in pairs)
    return f"{2 * both / total:.3f}" if total else "-"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--all", action="store_true", help="list every report that differs")
    args = parser.parse_args()
    reports = []
    for gold in sorted((ROOT / "evals" / "corpus" / "gold").glob("*.json")):
        g = json.loads(gold.read_text(encoding="utf-8"))
        if g["split"] == "tune":
            text = (ROOT / "evals" / g["fixture"]).read_text(encoding="utf-8")
            reports.append((gold.stem, text, _counts(text)))
    print(
        f"{len(reports)} tuning reports; kept = same priorities and headline-target count; "
        "agreement (F1) of section targets, projects, qualitative targets, outcomes (with their "
        "period) with the original"
    )
    for name, rewrite in LAYOUTS.items():
        differ = []
        violations = 0
        pairs: list[list[tuple[set[Any], set[Any]]]] = [[], [], [], []]
        for stem, text, want in reports:
            got = _counts(rewrite(text))
            violations += got[2]
            for k in range(4):
                pairs[k].append((got[3][k], want[3][k]))
            if got[:2] != want[:2]:
                differ.append(f"{stem} {got[0]}/{want[0]} priorities, {got[1]}/{want[1]} headline")
        kept = len(reports) - len(differ)
        agree = " ".join(_agreement(p) for p in pairs)
        print(f"{name:28s} kept {kept:3d}/{len(reports)}  violations {violations}  agree {agree}")
        for line in differ if args.all else differ[:3]:
            print(f"    {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
