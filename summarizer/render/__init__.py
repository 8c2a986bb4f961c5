"""Renderers for the batch outputs: CSV (long panel form), Markdown briefs and the HTML viewer.

``render(summaries, fmt, many=..., csv_bom=..., texts=...)`` is the one entry point; JSON and
JSONL are written by :mod:`summarizer.batch` itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import InputError, UsageError
from ..models import ReportSummary

FORMATS = ("csv", "md", "html")


def source_text(summary: ReportSummary) -> str:
    """The decoded text ``summary``'s offsets index, reloaded from ``summary.source.path``.

    Raises :class:`InputError` when the summary names no path, the file is gone, or its bytes
    changed since it was summarised (the offsets would point at the wrong characters).
    """
    from ..ingest import load_report

    path = summary.source.path
    if not path:
        raise InputError(
            "the summary has no source.path, so the HTML viewer cannot show its text; "
            "pass the report text (render(..., texts=[text]))"
        )
    try:
        report = load_report(path)
    except InputError as exc:
        raise InputError(f"cannot show the source text for the HTML viewer: {exc}") from exc
    if summary.source.sha256 and report.sha256 != summary.source.sha256:
        raise InputError(
            f"{path}: changed since it was summarised (sha256 {summary.source.sha256[:12]}…, "
            f"now {report.sha256[:12]}…); summarise it again to view it"
        )
    return report.text


def render(
    summaries: Sequence[ReportSummary],
    fmt: str,
    *,
    many: bool,
    csv_bom: bool = False,
    texts: Sequence[str] | None = None,
) -> str:
    """Render ``summaries`` as ``fmt`` (``csv``, ``md`` or ``html``) and return the text.

    ``many`` asks for the multi-report form (one CSV with every row, Markdown briefs under one
    index, an HTML index page with a section per report). ``texts``, when given, are the source
    texts of the summaries in order (for HTML); otherwise each is reloaded from its
    ``source.path``.
    """
    summaries = list(summaries)
    if texts is not None and len(texts) != len(summaries):
        raise UsageError(f"render: got {len(texts)} texts for {len(summaries)} summaries")
    if fmt == "csv":
        from .csv import render_csv

        return render_csv(summaries, bom=csv_bom)
    if fmt == "md":
        from .markdown import render_markdown

        return render_markdown(summaries, many=many)
    if fmt == "html":
        from .html import render_html

        sources = list(texts) if texts is not None else [source_text(s) for s in summaries]
        return render_html(summaries, sources, many=many)
    raise UsageError(
        f"unknown output format {fmt!r}; choose one of json, jsonl, {', '.join(FORMATS)}"
    )


__all__ = ["FORMATS", "render", "source_text"]
