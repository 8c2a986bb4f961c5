"""The rules engine on several cores: a batch's reports summarised in worker processes.

The rules engine is pure CPU work (no network, no cache), so a batch of many reports runs it in
a pool of processes, one report at a time each, while the batch itself (inputs in order, the
outputs, the run index, resume) stays in the calling process. A worker loads a report file
itself (decoding is CPU work too) or takes a report already read (a spreadsheet row), and sends
back the summary or the message of the :class:`~summarizer.errors.SummarizerError` that stopped
it. The summaries are the ones :func:`~summarizer.pipeline.summarize_report` gives in one
process: the engine and the checker are deterministic.

Workers are started with ``spawn`` (never ``fork``: the calling process may hold threads, such
as a progress bar's), which costs each about half a second to import the package, so a pool is
worth it only for a batch of :data:`MIN_REPORTS` reports or more.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache

from .engines.rules import RulesEngine
from .errors import SummarizerError
from .ingest import Report, load_report
from .models import ReportSummary
from .pipeline import summarize_report

MIN_REPORTS = 24  # fewer reports finish sooner in one process than the workers take to start
DEFAULT_WORKERS = 4  # the default ceiling: each worker holds the package (~150 MB)


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the system says)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def default_workers() -> int:
    """Worker processes for a rules batch when ``--concurrency`` is not given."""
    return max(1, min(DEFAULT_WORKERS, available_cores()))


def wants_pool(engine: object, workers: int, reports: int) -> bool:
    """Whether a batch of ``reports`` with ``engine`` runs in ``workers`` processes: the strict
    rules engine (the permissive reading is the review strategy's, inside an LLM engine), two
    workers or more, and enough reports to pay for starting them."""
    return (
        type(engine) is RulesEngine
        and not engine.permissive
        and workers >= 2
        and reports >= MIN_REPORTS
    )


@lru_cache(maxsize=1)
def _engine() -> RulesEngine:
    return RulesEngine()


def _summarize(
    path: str, report: Report | None, region: str | None, year: int | None
) -> tuple[ReportSummary | None, str | None]:
    """In a worker: the summary of the report at ``path`` (or of ``report``, read already), or
    the message of the error that stopped it."""
    try:
        if report is None:
            report = load_report(path, region=region, year=year)
        return asyncio.run(summarize_report(report, _engine())), None
    except SummarizerError as exc:
        return None, str(exc)


class RulesPool:
    """A pool of worker processes that summarise reports with the rules engine."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool = ProcessPoolExecutor(
            max_workers=workers, mp_context=multiprocessing.get_context("spawn")
        )

    async def summarize(
        self,
        path: str,
        report: Report | None = None,
        *,
        region: str | None = None,
        year: int | None = None,
    ) -> ReportSummary:
        """The summary of the report file at ``path`` (read in the worker), or of ``report``;
        raises :class:`SummarizerError` with the worker's message when the report fails."""
        loop = asyncio.get_running_loop()
        summary, error = await loop.run_in_executor(
            self._pool, _summarize, path, report, region, year
        )
        if summary is None:
            raise SummarizerError(error or f"{path}: failed in a worker process")
        return summary

    def close(self, *, cancel: bool = False) -> None:
        """Stop the workers (``cancel``: drop the reports not yet started, on an interruption)."""
        self._pool.shutdown(wait=True, cancel_futures=cancel)


__all__ = ["MIN_REPORTS", "RulesPool", "available_cores", "default_workers", "wants_pool"]
