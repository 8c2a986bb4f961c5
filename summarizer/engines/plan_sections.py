"""The parts of a report the rules engine reads: each plan or work section's own text, the
review part's sections, and the work sections as the report's priorities."""

from __future__ import annotations

from ..chunking import Document
from ..models import Priority, Section
from .project_tables import back_matter, commitments


def own_spans(doc: Document, review: bool = False) -> list[tuple[Section, int]]:
    """Each work or plan section with the end of its own text (before its first child, and
    before the back matter: glossary, appendices), and every section of an appendix of this
    year's 民生实事 (it lists the plan's commitments); with
    ``review``, each section of the review part instead (a review section and every section
    inside one: ``（七）加强自身建设`` under ``一、2023年工作回顾`` states results too)."""
    out = []
    reviewed: set[str] = set()
    back = back_matter(doc.layout)  # a glossary or appendix ends the report's own text
    stop = back[0][0] if back else len(doc.layout)
    for section in doc.sections:
        if review:
            parent = section.path.rpartition(".")[0]
            if section.kind == "review" or parent in reviewed:
                reviewed.add(section.path)
            else:
                continue
        elif section.kind not in ("work", "plan"):
            continue
        kids = doc.children(section.path)
        own_end = min(kids[0].start if kids else section.end, stop)
        if own_end > section.start:
            out.append((section, own_end))
    if not review:
        # …but an appendix of this year's 民生实事 is plan: its sections, whatever their kind
        for a, b, _ in (x for x in back if commitments(x[2])):
            for section in doc.sections:
                kids = doc.children(section.path)
                own_end = min(kids[0].start if kids else section.end, b)
                if a <= section.start < b and own_end > section.start:
                    out.append((section, own_end))
    return out


def priorities(doc: Document) -> list[Priority]:
    out = []
    for ordinal, section in enumerate(doc.top_work_sections(), start=1):
        kids = doc.children(section.path)
        measures = [k.title for k in kids]
        summary = doc.lead_sentence(section)
        out.append(
            Priority(
                ordinal=ordinal,
                title=section.title,
                summary=summary,
                measures=measures,
                section=section.path,
                start=section.start,
                end=section.end,
            )
        )
    return out
