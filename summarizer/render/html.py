"""HTML viewer: the source text with every extracted span highlighted, beside a side panel.

One self-contained page (inline CSS and JS, no network: a Content-Security-Policy forbids
fetching anything) per report, or an index page with one section per report. Every target's
value span, each target clause, qualitative target, project (and its amount) and priority title
is a ``<mark>`` with an ``id`` and ``data-kind``; panel items link to them (``href="#id"``, so
it works without JS too) and the script scrolls to and flashes the span. Items a violation
names are red in both places. Overlapping spans nest; a span that crosses another's boundary is
split into pieces (the first piece carries the ``id``, later ones the class ``cont``).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise

from ..models import ReportSummary, Section, Violation
from .markdown import project_amount, target_value, title_of

# Nesting order for spans with the same start and end: outer kinds first.
_RANK = {"priority": 0, "clause": 1, "project": 2, "qualitative": 3, "violation": 4,
         "target": 5, "amount": 6}  # fmt: skip
_LEGEND = (
    ("target", "target value"), ("clause", "target clause"), ("qualitative", "qualitative target"),
    ("project", "project"), ("priority", "priority title"),
)  # fmt: skip
_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)


@cache
def _asset(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def esc(text: str) -> str:
    """Escape text for an element or attribute; keep ``\\r`` (HTML parsing would drop it)."""
    return html.escape(text, quote=True).replace("\r", "&#13;")


@dataclass
class Span:
    """One highlight: ``text[start:end]``, its kind, the element id and the panel item it shows."""

    start: int
    end: int
    kind: str
    id: str
    item: str | None = None
    bad: bool = False
    title: str = ""

    def tag(self, *, first: bool) -> str:
        cls = f"k-{self.kind}" + (" bad" if self.bad else "") + ("" if first else " cont")
        attrs = [f'class="{cls}"', f'data-kind="{self.kind}"']
        if first:
            attrs.insert(0, f'id="{esc(self.id)}"')
            attrs += [f'data-start="{self.start}"', f'data-end="{self.end}"']
        if self.item:
            attrs.append(f'data-item="{esc(self.item)}"')
        if self.title:
            attrs.append(f'title="{esc(self.title)}"')
        return "<mark " + " ".join(attrs) + ">"


def weave(text: str, spans: Sequence[Span]) -> str:
    """``text`` escaped, with ``<mark>`` elements around every valid span.

    A sweep over the span boundaries keeps a stack of open marks ordered by (start, -end, rank):
    nested spans nest, and a span crossing another's end is closed and reopened as a piece.
    Spans outside the text or empty are left out (the panel shows their items as "no span").
    """
    n = len(text)
    valid = sorted(
        (s for s in spans if 0 <= s.start < s.end <= n),
        key=lambda s: (s.start, -s.end, _RANK[s.kind]),
    )
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for i, s in enumerate(valid):
        starts.setdefault(s.start, []).append(i)
        ends.setdefault(s.end, []).append(i)
    bounds = sorted({0, n, *starts, *ends})
    out: list[str] = []
    active: set[int] = set()
    stack: list[int] = []
    opened: set[int] = set()
    for a, b in pairwise(bounds):
        active.difference_update(ends.get(a, ()))
        active.update(starts.get(a, ()))
        desired = sorted(active)  # indices follow the nesting order
        keep = 0
        while keep < min(len(stack), len(desired)) and stack[keep] == desired[keep]:
            keep += 1
        out.extend("</mark>" for _ in stack[keep:])
        for i in desired[keep:]:
            out.append(valid[i].tag(first=i not in opened))
            opened.add(i)
        stack = desired
        out.append(esc(text[a:b]))
    out.extend("</mark>" for _ in stack)
    return "".join(out)


def _ok(start: int | None, end: int | None, n: int) -> bool:
    return start is not None and end is not None and 0 <= start < end <= n


def _title_span(
    sections: Sequence[Section], path: str, start: int, end: int, text: str
) -> tuple[int, int]:
    """Where a priority's heading is written: its section's title, else its first line."""
    for s in sections:
        if s.path == path and s.title_start < s.title_end:
            return s.title_start, s.title_end
    stop = min(end, start + 60, len(text))
    line_end = text.find("\n", start, stop)
    return start, line_end if line_end > start else stop


class _Report:
    """Spans and panel of one report; ids are prefixed with ``r{k}-``."""

    def __init__(self, summary: ReportSummary, text: str, k: int) -> None:
        self.summary, self.text, self.p = summary, text, f"r{k}"
        self.spans: list[Span] = []
        self.anchor: dict[str, str] = {}  # "targets[3]" -> element id of its mark
        self.bad: dict[str, list[Violation]] = {}
        for v in summary.checks.violations:
            self.bad.setdefault(v.item, []).append(v)
        self._collect()

    def _add(self, item: str, span: Span) -> None:
        n = len(self.text)
        if not _ok(span.start, span.end, n):
            return
        span.bad = span.bad or item in self.bad
        self.spans.append(span)
        self.anchor.setdefault(item, span.id)

    def _collect(self) -> None:
        s, p, n = self.summary, self.p, len(self.text)
        clauses: dict[tuple[int, int], list[int]] = {}
        for i, t in enumerate(s.targets):
            item, pid = f"targets[{i}]", f"{p}-i-t{i}"
            title = f"{t.indicator}: {target_value(t)}"
            if _ok(t.value_start, t.value_end, n):
                self._add(
                    item, Span(t.value_start, t.value_end, "target", f"{p}-t{i}", pid, title=title)
                )
            else:
                self._add(item, Span(t.start, t.end, "target", f"{p}-t{i}", pid, title=title))
            if _ok(t.start, t.end, n):
                clauses.setdefault((t.start, t.end), []).append(i)
        for c, ((start, end), members) in enumerate(clauses.items()):
            bad = any(f"targets[{i}]" in self.bad for i in members)
            names = "、".join(s.targets[i].indicator for i in members)
            self.spans.append(Span(start, end, "clause", f"{p}-c{c}", f"{p}-i-t{members[0]}",
                                   bad=bad, title=names))  # fmt: skip
        for j, q in enumerate(s.qualitative_targets):
            self._add(f"qualitative_targets[{j}]",
                      Span(q.start, q.end, "qualitative", f"{p}-q{j}", f"{p}-i-q{j}",
                           title=f"{q.indicator}: {q.text}"))  # fmt: skip
        for j, pr in enumerate(s.projects):
            item, pid = f"projects[{j}]", f"{p}-i-p{j}"
            self._add(item, Span(pr.start, pr.end, "project", f"{p}-p{j}", pid, title=pr.name))
            if _ok(pr.amount_start, pr.amount_end, n):
                assert pr.amount_start is not None and pr.amount_end is not None
                self._add(item, Span(pr.amount_start, pr.amount_end, "amount", f"{p}-p{j}-a", pid,
                                     title=project_amount(pr)))  # fmt: skip
        for j, pri in enumerate(s.priorities):
            start, end = _title_span(s.sections, pri.section, pri.start, pri.end, self.text)
            self._add(f"priorities[{j}]", Span(start, end, "priority", f"{p}-pr{j}", f"{p}-i-pr{j}",
                                              title=f"{pri.ordinal}. {pri.title}"))  # fmt: skip
        own = {(sp.start, sp.end) for sp in self.spans}
        for m, v in enumerate(s.checks.violations):
            if _ok(v.start, v.end, n) and (v.start, v.end) not in own:
                assert v.start is not None and v.end is not None
                span = Span(v.start, v.end, "violation", f"{p}-v{m}", f"{p}-i-v{m}", bad=True,
                            title=v.message)  # fmt: skip
                self.spans.append(span)
                self.anchor.setdefault(f"violation[{m}]", span.id)

    # ------------------------------------------------------------ panel

    def _link(self, item: str, pid: str, body: str, tip: str = "") -> str:
        ref = self.anchor.get(item)
        cls = "item" + (" bad" if item in self.bad else "")
        if ref is None:
            return (f'<a class="{cls} nospan" id="{pid}" title="no valid span in the source">'
                    f'{body} <span class="note">(no span)</span></a>')  # fmt: skip
        title = f' title="{esc(tip)}"' if tip else ""
        return f'<a class="{cls}" id="{pid}" href="#{ref}" data-ref="{ref}"{title}>{body}</a>'

    def _why(self, item: str) -> str:
        vs = self.bad.get(item)
        if not vs:
            return ""
        return (
            '<ul class="why">'
            + "".join(f"<li>{esc(v.kind)}: {esc(v.message)}</li>" for v in vs)
            + "</ul>"
        )

    def _targets(self, scope: str) -> list[str]:
        p, out = self.p, []
        for i, t in enumerate(self.summary.targets):
            if t.scope != scope:
                continue
            item = f"targets[{i}]"
            sec = f' <span class="sec">§{esc(t.section)}</span>' if t.section else ""
            body = f'{esc(t.indicator)} <span class="val">{esc(target_value(t))}</span>{sec}'
            out.append(
                f"<li>{self._link(item, f'{p}-i-t{i}', body, t.quote)}{self._why(item)}</li>"
            )
        return out

    def panel(self) -> str:
        s, p = self.summary, self.p
        parts: list[str] = []
        for scope, label in (("headline", "Headline targets"), ("section", "Section targets")):
            rows = self._targets(scope)
            if rows:
                parts.append(f"<h2>{label} ({len(rows)})</h2><ol>{''.join(rows)}</ol>")
        if s.qualitative_targets:
            rows = []
            for j, q in enumerate(s.qualitative_targets):
                item = f"qualitative_targets[{j}]"
                body = f'{esc(q.indicator)}: <span class="val">{esc(q.text)}</span>'
                rows.append(
                    f"<li>{self._link(item, f'{p}-i-q{j}', body, q.quote)}{self._why(item)}</li>"
                )
            parts.append(f"<h2>Qualitative targets ({len(rows)})</h2><ol>{''.join(rows)}</ol>")
        if s.priorities:
            rows = []
            for j, pri in enumerate(s.priorities):
                item = f"priorities[{j}]"
                body = f"{pri.ordinal}. {esc(pri.title)}"
                extra = f'<div class="note">{esc(pri.summary)}</div>' if pri.summary else ""
                if pri.measures:
                    extra += (
                        '<ul class="measures">'
                        + "".join(f"<li>{esc(m)}</li>" for m in pri.measures)
                        + "</ul>"
                    )
                rows.append(
                    f"<li>{self._link(item, f'{p}-i-pr{j}', body)}{extra}{self._why(item)}</li>"
                )
            parts.append(
                f'<h2>Priorities ({len(rows)})</h2><ul class="priorities">{"".join(rows)}</ul>'
            )
        if s.projects:
            rows = []
            for j, pr in enumerate(s.projects):
                item = f"projects[{j}]"
                amount = project_amount(pr)
                body = esc(pr.name) + (f' <span class="val">{esc(amount)}</span>' if amount else "")
                if pr.status:
                    body += f' <span class="sec">{esc(pr.status)}</span>'
                rows.append(
                    f"<li>{self._link(item, f'{p}-i-p{j}', body, pr.quote)}{self._why(item)}</li>"
                )
            parts.append(f"<h2>Projects ({len(rows)})</h2><ol>{''.join(rows)}</ol>")
        parts.append(self._checks())
        return f'<aside class="panel" aria-label="extractions">{"".join(parts)}</aside>'

    def _checks(self) -> str:
        c, p = self.summary.checks, self.p
        if not c.violations:
            return f'<h2>Checks</h2><p class="note">{c.checked} numbers checked, no violation.</p>'
        rows = []
        for m, v in enumerate(c.violations):
            body = f"{esc(v.item)}.{esc(v.field)}: {esc(v.message)}"
            ref = self.anchor.get(f"violation[{m}]") or self.anchor.get(v.item)
            if ref is None:
                rows.append(f'<li><span class="item bad nospan" id="{p}-i-v{m}">{body}</span></li>')
            else:
                rows.append(
                    f'<li><a class="item bad" id="{p}-i-v{m}" href="#{ref}" data-ref="{ref}">{body}</a></li>'
                )
        return (f"<h2>Checks: {len(c.violations)} violation(s)</h2>"
                f'<p class="note">{c.checked} numbers checked.</p><ol>{"".join(rows)}</ol>')  # fmt: skip

    # ------------------------------------------------------------ page section

    def section(self) -> str:
        s = self.summary
        meta, src = s.meta, s.source
        facts = [
            f"region {meta.region or 'unknown'}", f"year {meta.year or 'unknown'}",
            f"engine {meta.engine}" + (f" ({meta.model})" if meta.model else ""),
            f"{src.path or '<text>'}", f"{src.chars} chars, {src.encoding}",
            f"sha256 {src.sha256[:12]}",
            f"{len(s.targets)} targets, {len(s.qualitative_targets)} qualitative, "
            f"{len(s.priorities)} priorities, {len(s.projects)} projects",
            f"{s.checks.checked} checked, {len(s.checks.violations)} violations",
        ]  # fmt: skip
        legend = (
            "".join(
                f'<label><input type="checkbox" checked data-toggle="{kind}"> '
                f'<mark class="k-{kind}">{label}</mark></label>'
                for kind, label in _LEGEND
            )
            + '<span><mark class="bad">violation</mark></span>'
        )
        if len(self.text) != src.chars:
            facts.append(
                f"warning: the text has {len(self.text)} chars, the summary says {src.chars}"
            )
        return (
            f'<section class="report" id="{self.p}">'
            f"<header><h1>{esc(title_of(s))}</h1>"
            f'<p class="meta">{esc(" · ".join(facts))}</p><div class="legend">{legend}</div></header>'
            f'<div class="layout"><div class="text" lang="zh">{weave(self.text, self.spans)}</div>'
            f"{self.panel()}</div></section>"
        )


def _index(summaries: Sequence[ReportSummary]) -> str:
    rows = "".join(
        f'<tr><td><a href="#r{k}">{esc(title_of(s))}</a></td><td>{len(s.targets)}</td>'
        f"<td>{len(s.qualitative_targets)}</td><td>{len(s.priorities)}</td>"
        f"<td>{len(s.projects)}</td><td>{len(s.checks.violations)}</td></tr>"
        for k, s in enumerate(summaries)
    )
    return (
        f'<nav class="index"><h1>summarizer: {len(summaries)} reports</h1><table>'
        "<tr><th>report</th><th>targets</th><th>qualitative</th><th>priorities</th>"
        f"<th>projects</th><th>violations</th></tr>{rows}</table></nav>"
    )


def render_html(summaries: Sequence[ReportSummary], texts: Sequence[str], *, many: bool) -> str:
    """The viewer page for ``summaries`` (``texts`` are their source texts, in order)."""
    if len(summaries) == 1 and not many:
        title = title_of(summaries[0])
        body = _Report(summaries[0], texts[0], 0).section()
    else:
        title = f"summarizer: {len(summaries)} reports"
        body = _index(summaries) + "".join(
            _Report(s, t, k).section()
            for k, (s, t) in enumerate(zip(summaries, texts, strict=True))
        )
    return (
        '<!DOCTYPE html>\n<html lang="zh-Hans"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="summarizer">'
        f"<title>{esc(title)}</title><style>{_asset('viewer.css')}</style></head>\n"
        f"<body>{body}\n<script>{_asset('viewer.js')}</script></body></html>\n"
    )


__all__ = ["Span", "esc", "render_html", "weave"]
