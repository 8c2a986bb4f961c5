"""CSV in long panel form: one row per target, ready for pandas, Stata or a spreadsheet."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from ..models import ReportSummary

COLUMNS = (
    "file", "region", "year", "key", "indicator", "value", "value_max", "unit", "qualifier",
    "direction", "scope", "section", "quote", "start", "end",
)  # fmt: skip


def _cell(value: object) -> str:
    """JSON's spelling of a scalar (6 not 6.0, 7.5), and "" for null."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def target_rows(summary: ReportSummary) -> list[dict[str, str]]:
    """The CSV rows of one summary, as dicts keyed by :data:`COLUMNS`."""
    meta = summary.meta
    rows = []
    for target in summary.targets:
        data = target.model_dump(mode="json")
        row = {
            "file": summary.source.path or "",
            "region": meta.region or "",
            "year": _cell(meta.year),
        }
        for col in COLUMNS[3:]:
            row[col] = _cell(data[col])
        rows.append(row)
    return rows


def render_csv(summaries: Sequence[ReportSummary], *, bom: bool = False) -> str:
    """One header, then every target of every summary (``\\r\\n`` line ends, RFC 4180)."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for summary in summaries:
        writer.writerows(target_rows(summary))
    return ("\ufeff" if bom else "") + buf.getvalue()


__all__ = ["COLUMNS", "render_csv", "target_rows"]
