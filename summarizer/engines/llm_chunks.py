"""Request packing for the LLM engines: adjacent small chunks joined into one request.

The chunker cuts one chunk per (leaf) section, often a few hundred characters; a request each
would spend more on the prompt than on the report. :func:`pack_chunks` joins runs of them within
one work section or one headline-targets paragraph (:func:`_group`) up to a size.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..chunking import Document
from ..chunks import Chunk


def _under(path: str, root: str) -> bool:
    return path == root or path.startswith(root + ".")


def _group(section: str, work: list[str], headline: Sequence[str] = ()) -> str:
    """Chunks of one work section go together (its summary belongs to it), and so do the
    chunks of one headline-targets paragraph (a small model given the long 总体要求 paragraph
    before it copied that and skipped the targets); the rest (preamble, plan, closing) may
    share a request: scope and section are read per item."""
    for p in work:
        if _under(section, p):
            return "W:" + p
    for p in headline:
        if _under(section, p):
            return "H:" + p
    return "O"


def _common_section(paths: list[str]) -> str:
    parts = [p.split(".") for p in paths]
    common: list[str] = []
    for level in zip(*parts, strict=False):
        if len(set(level)) != 1:
            break
        common.append(level[0])
    return ".".join(common)


def pack_chunks(
    doc: Document, chunks: list[Chunk], max_chars: int, *, by_section: bool = True
) -> list[Chunk]:
    """One request per run of adjacent small chunks: the chunker cuts one chunk per (leaf)
    section, often a few hundred characters, and a request each would spend more on the prompt
    than on the report. Chunks are joined while they are contiguous in the source (only blanks
    between), stay within one work section (its summary belongs to it; ``by_section=False``:
    a review asks for no summary, so work sections may share a request) or one
    headline-targets paragraph, and fit ``max_chars``; the joined chunk is the source slice
    itself, headed by the members' common section."""
    text, layout = doc.text, doc.layout  # layout: literal \\r\\n, &nbsp; are blanks
    work = [s.path for s in doc.top_work_sections()] if by_section else []
    headline = [s.path for s in doc.headline_sections()]
    groups: list[list[Chunk]] = []
    keys: list[str] = []
    for c in chunks:
        key = _group(c.section, work, headline)
        if (
            groups
            and keys[-1] == key
            and not layout[groups[-1][-1].end : c.start].strip()
            and c.end - groups[-1][0].start <= max_chars
        ):
            groups[-1].append(c)
        else:
            groups.append([c])
            keys.append(key)
    out: list[Chunk] = []
    for g in groups:
        if len(g) == 1:
            out.append(g[0])
            continue
        section = _common_section([c.section for c in g])
        heading = tuple(doc.heading_path(doc.by_path(section))) if section else ()
        start, end = g[0].start, g[-1].end
        out.append(
            Chunk(f"{g[0].path}..{g[-1].path}", section, heading, start, end, text[start:end])
        )
    return out
