#!/usr/bin/env python3
"""How the rules engine holds up when a report comes in another layout: each tuning-half report
of evals/corpus is rewritten (line breaks lost, HTML markup, wrapped at 36 characters as copied
out of a PDF, the same with pdftotext's bare page numbers, ASCII punctuation, full-width digits,
Markdown headings, ``01`` markers, targets listed one a line, numbered or not) and summarised
again; the tool prints, per layout, how many reports keep the original's number of priorities
and of headline targets, and the ones that do not; and the violations ``check`` finds in each
rewritten report's summary against its rewritten text.

    python evals/tools/layouts.py [--all]     # --all: list every report that differs

The check half is never read. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

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


def _listed(text: str, *, numbered: bool = True) -> str:
    """The targets after the lead one a line: ``1.item；`` each, or unnumbered, each keeping its
    own punctuation."""
    text = "\n".join(_lines(text))
    lead = re.search(r"(?:预期目标|主要目标)[^，。：:]{0,6}[:：]", text)
    if lead is None:
        return text
    end = text.find("\n", lead.end())
    end = len(text) if end < 0 else end
    if numbered:
        items = [x for x in re.split(r"[，,；;。]", text[lead.end() : end]) if x.strip()]
        body = "\n".join(f"{k + 1}.{item}；" for k, item in enumerate(items))
    else:
        body = "\n".join(
            x for x in re.split(r"(?<=[，,；;。])", text[lead.end() : end]) if x.strip()
        )
    return text[: lead.end()] + "\n" + body + text[end:]


def _paged(text: str, lines: int = 28) -> str:
    """As pdftotext writes a PDF: wrapped at 36, and after every ``lines`` lines a bare page
    number on a line of its own and a form feed."""
    out: list[str] = []
    for k, line in enumerate(_wrap(text).split("\n")):
        out.extend([line, "", str(k // lines + 1), "\f"] if k % lines == lines - 1 else [line])
    return "\n".join(out)


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
}


def _counts(text: str) -> tuple[int, int, int]:
    """Priorities, headline targets, and the violations ``check`` finds against ``text``."""
    s = summarize(text, engine="rules")
    heads = len([t for t in s.targets if t.scope == "headline"])
    return len(s.priorities), heads, len(check(s, text).violations)


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
    print(f"{len(reports)} tuning reports; kept = same priorities and headline-target count")
    for name, rewrite in LAYOUTS.items():
        differ = []
        violations = 0
        for stem, text, want in reports:
            got = _counts(rewrite(text))
            violations += got[2]
            if got[:2] != want[:2]:
                differ.append(f"{stem} {got[0]}/{want[0]} priorities, {got[1]}/{want[1]} headline")
        kept = len(reports) - len(differ)
        print(f"{name:28s} kept {kept:3d}/{len(reports)}  violations {violations}")
        for line in differ if args.all else differ[:3]:
            print(f"    {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
