"""What the service does with a report, shared by the request handlers and the job worker.

One code path for extraction: ``summarize_report(load_report(bytes, name=...), engine)``, the
same call the command line and the Python API make, behind one semaphore that bounds the
reports being summarised at once across every request and job.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from ..errors import SummarizerError
from ..ingest import load_report
from ..models import ReportSummary
from ..pipeline import summarize_report
from .config import ServiceSettings
from .engines import EnginePool
from .jobs import JobStore, Work
from .problems import INTERNAL_DETAIL, Scrubber, ServiceProblem, problem, problem_of

log = logging.getLogger("summarizer.service")

MAX_ATTEMPTS = 3  # a report that took the server down this often is failed, not retried


class Runtime:
    """The engines, the shared concurrency limit and the report size limit."""

    def __init__(self, service: ServiceSettings, pool: EnginePool, scrub: Scrubber) -> None:
        self.service = service
        self.pool = pool
        self.scrub = scrub
        self.gate = asyncio.Semaphore(service.concurrency)

    async def summarize(
        self,
        data: bytes,
        *,
        name: str | None,
        engine: str,
        model: str | None,
        region: str | None = None,
        year: int | None = None,
    ) -> ReportSummary:
        """Load and summarise one report; raises SummarizerError or ServiceProblem."""
        limit = self.service.max_report_chars
        label = name or "<text>"
        if len(data) > 4 * limit:  # no encoding takes more than 4 bytes a character
            raise self._too_large(label, f"{len(data):,} bytes")
        report = load_report(data, name=label, region=region, year=year)
        if report.chars > limit:
            raise self._too_large(label, f"{report.chars:,} characters")
        worker = self.pool.get(engine, model)
        async with self.gate:
            summary = await summarize_report(report, worker)
        if name:
            summary.source.path = name
        return summary

    def _too_large(self, label: str, size: str) -> ServiceProblem:
        return ServiceProblem(
            413,
            "report-too-large",
            f"{label}: the report is too large ({size}); this server accepts reports of at most "
            f"{self.service.max_report_chars:,} characters (SUMMARIZER_SERVICE_MAX_REPORT_CHARS)",
        )

    def problem_for(self, exc: BaseException) -> dict[str, Any]:
        """The problem details a failed report carries (job rows) or answers (requests)."""
        if isinstance(exc, SummarizerError):
            return problem_of(exc, self.scrub)
        if isinstance(exc, ServiceProblem):
            return problem(exc.status, exc.kind, exc.detail, scrub=self.scrub, errors=exc.errors)
        return problem(500, "internal", INTERNAL_DETAIL)


class Worker:
    """Background tasks that take pending reports from the store and summarise them.

    ``slots`` tasks run at once (the runtime's semaphore still bounds the engine). Cancelling
    (server shutdown) gives an unfinished report back as ``pending``; a report whose server
    stopped without that (a crash) is put back by :meth:`JobStore.recover` on the next start.
    """

    def __init__(self, store: JobStore, runtime: Runtime, slots: int) -> None:
        self.store = store
        self.runtime = runtime
        self.slots = max(1, slots)
        self._wake = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []

    def start(self) -> None:
        recovered = self.store.recover()
        if recovered:
            log.info("resuming %d report(s) left unfinished by the last run", recovered)
        self._tasks = [
            asyncio.create_task(self._loop(), name=f"job-worker-{i}") for i in range(self.slots)
        ]
        self.wake()

    def wake(self) -> None:
        self._wake.set()

    async def stop(self) -> None:
        tasks, self._tasks = self._tasks, []
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def _loop(self) -> None:
        while True:
            work = self.store.claim()
            if work is None:
                self._wake.clear()
                await self._wake.wait()
                continue
            await self._process(work)

    async def _process(self, work: Work) -> None:
        if work.attempts > MAX_ATTEMPTS:
            self.store.fail(
                work,
                problem(
                    500,
                    "internal",
                    f"{work.name}: the server stopped {MAX_ATTEMPTS} times while summarising "
                    "this report; it is not retried again",
                ),
            )
            return
        try:
            summary = await self.runtime.summarize(
                work.data,
                name=work.name,
                engine=work.engine,
                model=work.model,
                region=work.region,
                year=work.year,
            )
        except asyncio.CancelledError:
            self.store.release(work)
            raise
        except (SummarizerError, ServiceProblem) as exc:
            self.store.fail(work, self.runtime.problem_for(exc))
        except Exception:
            log.exception(
                "job %s report %d (%s) failed unexpectedly", work.job_id, work.idx, work.name
            )
            self.store.fail(work, problem(500, "internal", INTERNAL_DETAIL))
        else:
            self.store.finish(work, summary.model_dump_json())


__all__ = ["MAX_ATTEMPTS", "Runtime", "Worker"]
