"""Markdown: a readable brief of one report (or several under one index)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..models import Outcome, Project, ReportSummary, Target

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#])")
_NEWLINE = re.compile(r"\r\n|[\r\n]")


def escape(text: str) -> str:
    """``text`` safe inside a Markdown paragraph or table cell (one line, specials escaped)."""
    return _SPECIAL.sub(r"\\\1", _NEWLINE.sub(" ", text))


def number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def target_value(t: Target | Outcome) -> str:
    """``增长 6.5%–7%左右`` (direction, value or range, unit, bound word); ``力争`` goes first."""
    amount = number(t.value) + (f"–{number(t.value_max)}" if t.value_max is not None else "")
    if t.qualifier == "力争":
        return " ".join(x for x in ("力争", t.direction, f"{amount}{t.unit}") if x)
    return " ".join(x for x in (t.direction, f"{amount}{t.unit}{t.qualifier}") if x)


def project_amount(p: Project) -> str:
    if p.amount is None:
        return ""
    return " ".join(
        x for x in (p.amount_kind or "", f"{number(p.amount)}{p.amount_unit or ''}") if x
    )


def title_of(summary: ReportSummary) -> str:
    meta = summary.meta
    name = summary.source.path.replace("\\", "/").rsplit("/", 1)[-1] if summary.source.path else ""
    head = " ".join(str(x) for x in (meta.region, meta.year) if x)
    if head and name:
        return f"{head} 政府工作报告 ({name})"
    return head + " 政府工作报告" if head else name or "政府工作报告"


def _table(header: Sequence[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _flagged(summary: ReportSummary) -> dict[str, list[str]]:
    """Violation messages keyed by the item they name (``targets[3]``)."""
    out: dict[str, list[str]] = {}
    for v in summary.checks.violations:
        out.setdefault(v.item, []).append(v.message)
    return out


def render_one(summary: ReportSummary, *, level: int = 1) -> str:
    """The brief of one report; ``level`` is the Markdown level of its title."""
    h = "#" * level
    hh = "#" * (level + 1)
    meta, src = summary.meta, summary.source
    flagged = _flagged(summary)
    lines = [f"{h} {escape(title_of(summary))}", ""]
    facts = [
        f"region: {escape(meta.region) if meta.region else 'unknown'}",
        f"year: {meta.year or 'unknown'}",
        f"engine: {meta.engine}" + (f" ({escape(meta.model)})" if meta.model else ""),
        f"source: `{src.path or '<text>'}`, {src.chars} chars, {src.encoding}, sha256 {src.sha256[:12]}",
        f"{len(summary.targets)} targets, {len(summary.qualitative_targets)} qualitative, "
        f"{len(summary.priorities)} priorities, {len(summary.projects)} projects",
    ]
    lines += [" · ".join(facts), ""]

    def target_rows(scope: str) -> list[list[str]]:
        rows = []
        for i, t in enumerate(summary.targets):
            if t.scope != scope:
                continue
            flag = (
                " ⚠ " + escape("; ".join(flagged[f"targets[{i}]"]))
                if f"targets[{i}]" in flagged
                else ""
            )
            row = [
                escape(t.indicator),
                f"`{t.key}`" if t.key else "",
                escape(target_value(t)) + flag,
            ]
            if scope == "section":
                row.insert(0, t.section or "")
            rows.append([*row, escape(t.quote)])
        return rows

    headline = target_rows("headline")
    if headline:
        lines += [f"{hh} Headline targets", ""]
        lines += [*_table(("indicator", "key", "target", "quote"), headline), ""]
    section = target_rows("section")
    if section:
        lines += [f"{hh} Section targets", ""]
        lines += [*_table(("section", "indicator", "key", "target", "quote"), section), ""]
    if summary.qualitative_targets:
        lines += [f"{hh} Qualitative targets", ""]
        for q in summary.qualitative_targets:
            where = f" (section {q.section})" if q.section else f" ({q.scope})"
            lines.append(
                f"- **{escape(q.indicator)}**: {escape(q.text)}{where} — “{escape(q.quote)}”"
            )
        lines.append("")
    if summary.outcomes:
        lines += [f"{hh} Outcomes", ""]
        rows = []
        for i, o in enumerate(summary.outcomes):
            item = f"outcomes[{i}]"
            flag = " ⚠ " + escape("; ".join(flagged[item])) if item in flagged else ""
            rows.append([o.period, escape(o.indicator), f"`{o.key}`" if o.key else "", o.measure,
                         escape(target_value(o)) + flag, escape(o.quote)])  # fmt: skip
        header = ("period", "indicator", "key", "measure", "result", "quote")
        lines += [*_table(header, rows), ""]
    if summary.priorities:
        lines += [f"{hh} Priorities", ""]
        for p in summary.priorities:
            summary_text = f" — {escape(p.summary)}" if p.summary else ""
            lines.append(f"{p.ordinal}. **{escape(p.title)}** (section {p.section}){summary_text}")
            lines += [f"   - {escape(m)}" for m in p.measures]
        lines.append("")
    if summary.projects:
        lines += [f"{hh} Projects", ""]
        rows = []
        for i, pr in enumerate(summary.projects):
            flag = (
                " ⚠ " + escape("; ".join(flagged[f"projects[{i}]"]))
                if f"projects[{i}]" in flagged
                else ""
            )
            rows.append([escape(pr.name), escape(project_amount(pr)) + flag, escape(pr.status or ""),
                         pr.section or "", escape(pr.quote)])  # fmt: skip
        lines += [*_table(("project", "amount", "status", "section", "quote"), rows), ""]
    lines += [f"{hh} Checks", ""]
    checks = summary.checks
    if not checks.violations:
        lines += [f"{checks.checked} numbers checked against the source, no violation.", ""]
    else:
        lines += [
            f"{checks.checked} numbers checked, **{len(checks.violations)} violation(s)**:",
            "",
        ]
        for v in checks.violations:
            span = f" [{v.start}:{v.end}]" if v.start is not None and v.end is not None else ""
            lines.append(
                f"- `{v.kind}` {escape(v.item)}.{escape(v.field)}{span}: {escape(v.message)}"
            )
        lines.append("")
    return "\n".join(lines)


def render_markdown(summaries: Sequence[ReportSummary], *, many: bool) -> str:
    """One brief, or (``many``) an index table followed by one brief per report."""
    if not many and len(summaries) == 1:
        return render_one(summaries[0])
    lines = [f"# summarizer: {len(summaries)} reports", ""]
    rows = [
        [escape(s.source.path or "<text>"), escape(s.meta.region or ""), str(s.meta.year or ""),
         str(len(s.targets)), str(len(s.priorities)), str(len(s.projects)),
         str(len(s.checks.violations))]
        for s in summaries
    ]  # fmt: skip
    lines += _table(
        ("file", "region", "year", "targets", "priorities", "projects", "violations"), rows
    )
    parts = ["\n".join(lines) + "\n"]
    parts += [render_one(s, level=2) for s in summaries]
    return "\n---\n\n".join(parts)


__all__ = ["escape", "render_markdown", "render_one", "target_value"]
