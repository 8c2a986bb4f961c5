"""CSV in long panel form: one row per target, then one per outcome, ready for pandas, Stata or
a spreadsheet. ``kind`` says which (target|outcome); ``measure`` (growth, level, change, count)
and ``period`` (an outcome's year or plan period; "" for a target) come last, after the columns
of schema version 1, so that readers by position keep working."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from ..models import ReportSummary

COLUMNS = (
    "file", "region", "year", "key", "indicator", "value", "value_max", "unit", "qualifier",
    "direction", "scope", "section", "quote", "start", "end", "kind", "measure", "period",
)  # fmt: skip


def _cell(value: object) -> str:
    """JSON's spelling of a scalar (6 not 6.0, 7.5), and "" for null."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def target_rows(summary: ReportSummary) -> list[dict[str, str]]:
    """The CSV rows of one summary (its targets, then its outcomes), as dicts keyed by
    :data:`COLUMNS`; an outcome's ``scope`` is ""."""
    meta = summary.meta
    rows = []
    items = [("target", t.model_dump(mode="json")) for t in summary.targets]
    items += [("outcome", o.model_dump(mode="json")) for o in summary.outcomes]
    for kind, data in items:
        row = {
            "file": summary.source.path or "",
            "region": meta.region or "",
            "year": _cell(meta.year),
        }
        for col in COLUMNS[3:]:
            row[col] = _cell(data.get(col))
        row["kind"] = kind
        rows.append(row)
    return rows


def csv_line(values: Sequence[str]) -> str:
    """One CSV record as :func:`render_csv` writes it (quoted as needed, ``\\r\\n`` end)."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerow(values)
    return buf.getvalue()


def csv_header(*, bom: bool = False) -> str:
    """The header line of the panel (after a UTF-8 BOM when ``bom``)."""
    return ("\ufeff" if bom else "") + csv_line(COLUMNS)


def csv_rows(summary: ReportSummary) -> str:
    """The data lines of one summary (no header): what a streamed panel appends per report."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writerows(target_rows(summary))
    return buf.getvalue()


def render_csv(summaries: Sequence[ReportSummary], *, bom: bool = False) -> str:
    """One header, then every target and outcome of every summary (``\\r\\n`` line ends,
    RFC 4180)."""
    return csv_header(bom=bom) + "".join(csv_rows(s) for s in summaries)


__all__ = ["COLUMNS", "csv_header", "csv_line", "csv_rows", "render_csv", "target_rows"]
