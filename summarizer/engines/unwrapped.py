"""Reading a text wrapped at a fixed width (copied out of a PDF) as if it had never been wrapped.

The layout view joins each wrap with :data:`~summarizer.layout.WRAP_JOIN` at the place of the
line break, so that offsets stay the source's. But a wrap falls anywhere, inside a verb
(``推⏎进``), a unit (``50万⏎平方米``), a qualifier (``以⏎上``) or a name, and every pattern of the
readers would have to allow a join between any two characters. Instead the rules engine reads
the *compact* text, the view with its joins taken out, and every offset it finds is mapped back
to the source, where each quote is sliced again (it then holds the line break as written). The
section tree read on the compact text is the summary's (:attr:`Extraction.sections`), so that
every ``section`` path names a section of the output.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ..chunking import Document, chunk_report
from ..layout import WRAP_JOIN, kept_spans, unwrapped, unwrapped_span
from ..models import Outcome, Section, Target
from .base import Extraction


def read_unwrapped(doc: Document, read: Callable[[Document], Extraction]) -> Extraction:
    """``read(doc)``, on the compact text when the layout view joined wraps; else as it is."""
    view = doc.layout
    if WRAP_JOIN not in view:
        return read(doc)
    compact_view, keep = unwrapped(view)
    report = doc.report
    compact = replace(
        report,
        # the source's characters where the view keeps its own (the view has the source's length)
        text="".join(report.text[a:b] for a, b in kept_spans(view)),
        noise=tuple(unwrapped_span(keep, a, b) for a, b in report.noise),
    )
    # the view of the compact text is the view without its joins (not found again: the wraps
    # are gone, and so would be the reason to blank its page numbers)
    compact.__dict__["layout"] = compact_view
    compact_doc = chunk_report(compact)
    ex = read(compact_doc)
    _map_back(ex, compact_doc.sections, keep, report.text)
    return ex


def _map_back(ex: Extraction, sections: list[Section], keep: list[int], source: str) -> None:
    """Every offset of ``ex`` and of the section tree it was read on, from the compact text to
    the source; quotes and section titles sliced again from the source."""

    def span(a: int, b: int) -> tuple[int, int]:
        lo = keep[a] if a < len(keep) else len(source)
        return lo, (keep[b - 1] + 1 if b > a else lo)

    ex.sections = []
    for sec in sections:
        ts, te = span(sec.title_start, sec.title_end)
        s, e = span(sec.start, sec.end)
        ex.sections.append(
            sec.model_copy(
                update={
                    "title": source[ts:te],
                    "title_start": ts,
                    "title_end": te,
                    "start": s,
                    "end": e,
                }
            )
        )
    measured: list[Target | Outcome] = [*ex.targets, *ex.outcomes]
    for t in measured:
        t.start, t.end = span(t.start, t.end)
        t.value_start, t.value_end = span(t.value_start, t.value_end)
        t.quote = source[t.start : t.end]
    for q in ex.qualitative_targets:
        as_quote = q.text == q.quote
        q.start, q.end = span(q.start, q.end)
        q.quote = source[q.start : q.end]
        if as_quote:
            q.text = q.quote
    for p in ex.priorities:
        p.start, p.end = span(p.start, p.end)
    for j in ex.projects:
        j.start, j.end = span(j.start, j.end)
        j.quote = source[j.start : j.end]
        if j.amount_start is not None and j.amount_end is not None:
            j.amount_start, j.amount_end = span(j.amount_start, j.amount_end)
