"""Report -> ReportSummary: chunk, extract with an engine, check every number, sort."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncGenerator, Iterable
from pathlib import Path
from typing import Any

from .chunking import chunk_report
from .engines.base import Engine
from .errors import ChunkFailedError, SummarizerError
from .ingest import Report, load_report
from .models import Meta, ReportSummary, Source, sort_items


async def summarize_report(report: Report, engine: Engine) -> ReportSummary:
    """Summarise one loaded report with ``engine`` and check the result against the source."""
    from .checker import check

    began = time.perf_counter()
    doc = chunk_report(report)
    extraction = await engine.extract(doc)
    if extraction.failed_chunks:
        where = report.path or "<text>"
        raise ChunkFailedError(
            f"{where}: {len(extraction.failed_chunks)} chunk(s) failed after every retry "
            f"({', '.join(extraction.failed_chunks)}); rerun to retry only those (finished chunks are cached)",
            extraction.failed_chunks,
        )
    summary = ReportSummary(
        source=Source(
            path=report.path, sha256=report.sha256, chars=report.chars, encoding=report.encoding
        ),
        meta=Meta(
            region=report.region,
            year=report.year,
            engine=engine.name,
            model=engine.model,
            prompt_version=engine.prompt_version,
            strategy=engine.strategy,
            chunks=extraction.chunks,
            failed_chunks=[],
            dropped=extraction.dropped,
            usage=extraction.usage,
        ),
        sections=doc.sections if extraction.sections is None else extraction.sections,
        targets=extraction.targets,
        qualitative_targets=extraction.qualitative_targets,
        priorities=extraction.priorities,
        projects=extraction.projects,
        outcomes=extraction.outcomes,
    )
    sort_items(summary)
    summary.checks = check(summary, report.text, layout=report.layout)
    summary.meta.seconds = round(time.perf_counter() - began, 4)
    return summary


class Outcome:
    """One input of a batch: its summary, or the error that stopped it."""

    __slots__ = ("error", "path", "summary")

    def __init__(
        self, path: str, summary: ReportSummary | None = None, error: SummarizerError | None = None
    ) -> None:
        self.path = path
        self.summary = summary
        self.error = error


async def summarize_paths(
    paths: Iterable[str | Path],
    engine: Engine,
    *,
    concurrency: int = 4,
    region: str | None = None,
    year: int | None = None,
) -> AsyncGenerator[Outcome, None]:
    """Summarise many report files concurrently, yielding outcomes as they finish.

    A bad file yields an :class:`Outcome` with its error; the others still finish.
    """
    gate = asyncio.Semaphore(max(1, concurrency))

    async def one(path: str) -> Outcome:
        async with gate:
            try:
                report = load_report(path, region=region, year=year)
                return Outcome(path, await summarize_report(report, engine))
            except SummarizerError as exc:
                return Outcome(path, error=exc)

    tasks = [asyncio.ensure_future(one(str(p))) for p in paths]
    try:
        for fut in asyncio.as_completed(tasks):
            yield await fut
    finally:
        for t in tasks:
            t.cancel()


def run(coro: Any) -> Any:
    """Run a coroutine from synchronous code (the sync API, worker processes, eval runs).

    The result is handed back outside the task: on Python 3.11, ``asyncio.run`` reads the
    SIGINT handler back when it closes, and ``signal.getsignal`` formats the main task into an
    error message it discards, result and all, so a summary's repr (6 ms for a long report)
    was built and thrown away on every call."""
    box: list[Any] = []

    async def main() -> None:
        box.append(await coro)

    asyncio.run(main())
    return box[0]
