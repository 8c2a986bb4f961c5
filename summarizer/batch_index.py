"""The run index (``_index.csv``, one row per input) and the scan of a single CSV or JSONL
output that lets a rerun resume where it stopped.

Part of :mod:`summarizer.batch` (re-exported there)."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .batch_inputs import _norm

if TYPE_CHECKING:
    from .engines.base import Engine
    from .models import ReportSummary

INDEX_COLUMNS = (
    "path", "region", "year", "status", "error", "targets", "outcomes", "priorities",
    "projects", "violations", "engine", "model", "seconds", "sha256", "prompt_version",
)  # fmt: skip
COL = {name: k for k, name in enumerate(INDEX_COLUMNS)}
_COL = COL
FINISHED = ("ok", "skipped")
_FINISHED = FINISHED

Row = tuple[str, ...]


# ---------------------------------------------------------------- the run index


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def _counts(data: dict[str, Any]) -> tuple[int, int, int, int, int]:
    checks = data.get("checks") or {}
    return (
        len(data.get("targets") or []),
        len(data.get("outcomes") or []),
        len(data.get("priorities") or []),
        len(data.get("projects") or []),
        len(checks.get("violations") or []) if isinstance(checks, dict) else 0,
    )


def _row(
    path: str,
    status: str,
    *,
    region: str | None = None,
    year: int | str | None = None,
    error: str = "",
    counts: tuple[int, int, int, int, int] | None = None,
    engine: Engine | None = None,
    model: str | None = None,
    seconds: float | str | None = None,
    sha256: str | None = None,
    prompt_version: str | None = None,
) -> Row:
    c = [str(n) for n in counts] if counts is not None else [""] * 5
    return (
        path, _cell(region), _cell(year), status, " ".join(error.split()), *c,
        engine.name if engine is not None else "", _cell(model),
        _cell(round(seconds, 4) if isinstance(seconds, float) else seconds), _cell(sha256),
        _cell(prompt_version),
    )  # fmt: skip


def _summary_row(path: str, summary: ReportSummary, engine: Engine) -> Row:
    meta = summary.meta
    data = {
        "targets": summary.targets,
        "outcomes": getattr(summary, "outcomes", None),
        "priorities": summary.priorities,
        "projects": summary.projects,
        "checks": {"violations": summary.checks.violations},
    }
    return _row(
        path, "ok", region=meta.region, year=meta.year, counts=_counts(data), engine=engine,
        model=meta.model, seconds=float(meta.seconds), sha256=summary.source.sha256,
        prompt_version=meta.prompt_version,
    )  # fmt: skip


def _data_row(path: str, data: dict[str, Any], engine: Engine) -> Row:
    """An index row (status ``skipped``) from a finished summary's JSON."""
    meta, source = data.get("meta") or {}, data.get("source") or {}
    return _row(
        path, "skipped", region=meta.get("region"), year=meta.get("year"),
        counts=_counts(data), engine=engine, model=meta.get("model"),
        seconds=meta.get("seconds"), sha256=source.get("sha256"),
        prompt_version=meta.get("prompt_version"),
    )  # fmt: skip


def _block_fields(d: dict[str, Any]) -> dict[str, Any]:
    keys = ("region", "year", "counts", "model", "seconds", "sha256", "prompt_version")
    return {k: d[k] for k in keys}


def _index_line(row: Row) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerow(row)
    return buf.getvalue()


def read_index(path: Path) -> dict[str, Row]:
    """The finished rows (``ok``/``skipped``) of an earlier ``_index.csv``, by normalised path;
    empty when there is none or it is not an index."""
    out: dict[str, Row] = {}
    try:
        fh = open(path, encoding="utf-8-sig", newline="")  # noqa: SIM115 - closed below
    except OSError:
        return out
    with fh:
        try:
            reader = csv.reader(fh)
            header = next(reader, [])
            if any(name not in header for name in INDEX_COLUMNS):
                return out
            pick = [header.index(name) for name in INDEX_COLUMNS]
            for cells in reader:
                if len(cells) < len(header):
                    continue  # a partial last line
                row = tuple(cells[k] for k in pick)
                if row[_COL["status"]] in _FINISHED:
                    out[_norm(row[0])] = row
        except (csv.Error, UnicodeDecodeError):
            return out
    return out


# ---------------------------------------------------------------- resumable single files


@dataclass
class _Block:
    """The bytes of one report in a single-file output: a JSONL line or a run of CSV rows."""

    path: str
    start: int
    end: int
    rows: int
    data: dict[str, Any] | None = None  # JSONL: the key fields and counts


def _scan_jsonl(path: Path) -> tuple[list[_Block], int]:
    blocks: list[_Block] = []
    pos = 0
    with open(path, "rb") as fh:
        for raw in fh:
            if not raw.endswith(b"\n"):
                break  # a partial trailing line (an interrupted write)
            start, pos = pos, pos + len(raw)
            try:
                data = json.loads(raw)
                meta, source = data["meta"], data["source"]
                info = {
                    "sha256": source.get("sha256"), "engine": meta.get("engine"),
                    "model": meta.get("model"), "prompt_version": meta.get("prompt_version"),
                    "region": meta.get("region"), "year": meta.get("year"),
                    "seconds": meta.get("seconds"), "counts": _counts(data),
                }  # fmt: skip
                blocks.append(_Block(str(source.get("path") or ""), start, pos, 1, info))
            except (ValueError, KeyError, TypeError, AttributeError):
                continue  # a damaged line is dropped
    return blocks, pos


def _scan_csv(path: Path, header: bytes) -> tuple[list[_Block], int] | None:
    """The report blocks of a CSV panel, up to the last complete record that reads back exactly
    as written; ``None`` when the header differs (the file is then rewritten)."""
    from .render.csv import COLUMNS, csv_line

    blocks: list[_Block] = []
    with open(path, "rb") as fh:
        if fh.read(len(header)) != header:
            return None
        consumed = len(header)
        pending: list[bytes] = []

        def lines() -> Any:
            nonlocal consumed
            for raw in fh:
                if not raw.endswith(b"\n"):
                    return
                pending.append(raw)
                yield raw.decode("utf-8")

        good = consumed
        try:
            for cells in csv.reader(lines()):
                raw = b"".join(pending)
                pending.clear()
                if len(cells) != len(COLUMNS) or csv_line(cells).encode("utf-8") != raw:
                    break
                start, good = good, good + len(raw)
                if blocks and blocks[-1].path == cells[0] and blocks[-1].end == start:
                    blocks[-1].end = good
                    blocks[-1].rows += 1
                else:
                    blocks.append(_Block(cells[0], start, good, 1))
        except (csv.Error, UnicodeDecodeError):
            pass
    return blocks, good
