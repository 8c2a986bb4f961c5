"""Size-bounded chunks of a report's sections for the LLM engines: each leaf section's text
(and each parent's own text before its first child), cut at paragraph, sentence or clause
boundaries and never inside a number. Pure functions over the section tree of
:mod:`.chunking`; offsets are those of the decoded text."""

from __future__ import annotations

from dataclasses import dataclass

from .chunking import Document
from .lines import BLANKS as _WS


@dataclass(frozen=True, slots=True)
class Chunk:
    """A piece of one section, cut at paragraph or sentence boundaries, with its heading path."""

    path: str  # section path, with "#k" appended when the section was cut in several pieces
    section: str
    heading: tuple[str, ...]
    start: int
    end: int
    text: str


def split_span(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    """Cut ``text[start:end]`` into pieces of at most ``max_chars`` at paragraph, then sentence,
    then clause boundaries; never inside a number."""
    pieces: list[tuple[int, int]] = []
    pos = start
    while end - pos > max_chars:
        limit = pos + max_chars
        cut = -1
        for pattern in ("\n", "。", "；", "！", "？", "，", ","):
            k = text.rfind(pattern, pos + max_chars // 3, limit)
            if k >= 0:
                cut = k + 1
                break
        if cut < 0:
            cut = limit
            while cut > pos + 1 and _in_number(text, cut):
                cut -= 1
            if _in_number(text, cut):  # one number longer than the window: keep it whole
                cut = limit
                while cut < end and _in_number(text, cut):
                    cut += 1
        pieces.append((pos, cut))
        pos = cut
    if end > pos:
        pieces.append((pos, end))
    out = []
    for s, e in pieces:
        while s < e and text[s] in _WS + "\n":
            s += 1
        while e > s and text[e - 1] in _WS + "\n":
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _in_number(text: str, pos: int) -> bool:
    """True when a cut at ``pos`` would split a number (digits, decimal point, %, units)."""
    before, after = text[pos - 1], text[pos] if pos < len(text) else ""
    if before in "%％":
        return False  # a percent sign ends its number: 5%|10%
    before_num = before.isdigit() or before in ".．,"
    return before_num and (after.isdigit() or after in ".．%％," or after in "万亿千百十个")


def make_chunks(doc: Document, max_chars: int = 1800) -> list[Chunk]:
    """Chunks for the LLM: each leaf section's text (and each parent's own text before its first
    child), cut to ``max_chars`` at paragraph or sentence boundaries."""
    chunks: list[Chunk] = []
    for section in doc.sections:
        kids = doc.children(section.path)
        own_end = kids[0].start if kids else section.end
        if section.kind in ("review",) or own_end <= section.start:
            continue
        spans = split_span(doc.text, section.start, own_end, max_chars)
        heading = tuple(doc.heading_path(section))
        for k, (s, e) in enumerate(spans):
            path = section.path if len(spans) == 1 else f"{section.path}#{k + 1}"
            chunks.append(Chunk(path, section.path, heading, s, e, doc.text[s:e]))
    if not doc.sections:
        body_start, body_end = doc.report.content_start, doc.report.content_end
        for k, (s, e) in enumerate(split_span(doc.text, body_start, body_end, max_chars)):
            chunks.append(Chunk(f"0#{k + 1}", "", (), s, e, doc.text[s:e]))
    return chunks
