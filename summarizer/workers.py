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
worth it only for a batch of :data:`MIN_REPORTS` reports or more. Nothing is lost to the pool:
where processes cannot be started (no ``/dev/shm``, a sandbox) :class:`RulesPool` raises
:class:`PoolUnavailable` and the batch runs in one process, and when a worker dies (killed, out
of memory) the report it held and every later one are summarised in the calling process.
"""

from __future__ import annotations

import asyncio
import os
from functools import lru_cache
from typing import TYPE_CHECKING

from .engines.rules import RulesEngine
from .errors import SummarizerError
from .ingest import Report, load_report
from .models import ReportSummary
from .pipeline import run, summarize_report

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

MIN_REPORTS = 24  # fewer reports finish sooner in one process than the workers take to start
DEFAULT_WORKERS = 4  # the default ceiling: each worker holds the package (about 50 MB resident)


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


async def _summarize_here(
    path: str, report: Report | None, region: str | None, year: int | None
) -> tuple[ReportSummary | None, str | None]:
    """The summary of the report at ``path`` (or of ``report``, read already), or the message of
    the error that stopped it: in a worker (:func:`_summarize`), or here when the pool broke."""
    try:
        if report is None:
            report = load_report(path, region=region, year=year)
        return await summarize_report(report, _engine()), None
    except SummarizerError as exc:
        return None, str(exc)


def _summarize(
    path: str, report: Report | None, region: str | None, year: int | None
) -> tuple[ReportSummary | None, str | None]:
    """In a worker: :func:`_summarize_here` in an event loop of its own."""
    return run(_summarize_here(path, report, region, year))


class PoolUnavailable(Exception):
    """Worker processes cannot be started here (the caller runs the batch in one process)."""


class RulesPool:
    """A pool of worker processes that summarise reports with the rules engine."""

    def __init__(self, workers: int) -> None:
        import multiprocessing  # (only a batch that runs workers loads these)
        from concurrent.futures import ProcessPoolExecutor

        self.workers = workers
        self.broken = False  # a worker died: the rest is summarised here
        try:
            self._pool: ProcessPoolExecutor = ProcessPoolExecutor(
                max_workers=workers, mp_context=multiprocessing.get_context("spawn")
            )
        except (OSError, ImportError, NotImplementedError, ValueError) as exc:
            raise PoolUnavailable(f"{type(exc).__name__}: {exc}") from exc

    async def summarize(
        self,
        path: str,
        report: Report | None = None,
        *,
        region: str | None = None,
        year: int | None = None,
    ) -> ReportSummary:
        """The summary of the report file at ``path`` (read in the worker), or of ``report``;
        raises :class:`SummarizerError` with the worker's message when the report fails. When the
        pool is broken (a worker died), the report is summarised in this process instead."""
        from concurrent.futures.process import BrokenProcessPool

        if self.broken:
            summary, error = await _summarize_here(path, report, region, year)
        else:
            loop = asyncio.get_running_loop()
            try:
                summary, error = await loop.run_in_executor(
                    self._pool, _summarize, path, report, region, year
                )
            except (BrokenProcessPool, OSError):  # a worker died, or could not be started
                self.broken = True
                summary, error = await _summarize_here(path, report, region, year)
        if summary is None:
            raise SummarizerError(error or f"{path}: failed in a worker process")
        return summary

    def close(self, *, cancel: bool = False) -> None:
        """Stop the workers; ``cancel`` (an interruption): drop the reports not yet done. A
        broken or cancelled pool's processes are killed first: a worker may have died (Ctrl-C
        reaches the workers too) while the executor started one more, and waiting on the
        executor would then never end."""
        if not self.broken and not cancel:
            self._pool.shutdown(wait=True)
            return
        # (the executor gives its processes no other way than this private table)
        procs = list((getattr(self._pool, "_processes", None) or {}).values())
        for proc in procs:
            proc.kill()
        self._pool.shutdown(wait=False, cancel_futures=True)
        for proc in procs:
            proc.join(timeout=10)


__all__ = [
    "MIN_REPORTS",
    "PoolUnavailable",
    "RulesPool",
    "available_cores",
    "default_workers",
    "wants_pool",
]
