"""Rules-engine throughput on one core over the seed reports (goal: >= 200 reports/s for a
7,000-character report). Prints figures; asserts nothing."""

from __future__ import annotations

import asyncio
import time
import tracemalloc
from pathlib import Path

from summarizer.chunking import chunk_report
from summarizer.engines.rules import RulesEngine
from summarizer.ingest import load_report
from summarizer.pipeline import summarize_report

FIXTURES = Path(__file__).resolve().parent.parent / "evals" / "fixtures"


def main() -> None:
    engine = RulesEngine()
    reports = [load_report(p) for p in sorted(FIXTURES.glob("*.txt"))]

    async def one_pass() -> None:
        for r in reports:
            await summarize_report(r, engine)

    asyncio.run(one_pass())  # warm caches (taxonomy, regexes)
    rounds = 40
    t0 = time.perf_counter()
    for _ in range(rounds):
        asyncio.run(one_pass())
    elapsed = time.perf_counter() - t0
    n = rounds * len(reports)
    chars = sum(r.chars for r in reports) * rounds
    print(f"reports                {n}")
    print(f"reports/s (full pipeline: chunk+extract+check)  {n / elapsed:8.1f}")
    print(f"chars/s                {chars / elapsed:12.0f}")
    big = next(r for r in reports if r.chars > 6000)

    async def big_one() -> None:
        await summarize_report(big, engine)

    async def big_many(k: int) -> None:
        for _ in range(k):
            await summarize_report(big, engine)

    t0 = time.perf_counter()
    asyncio.run(big_many(100))
    per = (time.perf_counter() - t0) / 100
    print(f"{big.chars}-char report, full pipeline: {per * 1e3:.2f} ms  ({1 / per:.0f} reports/s)")
    doc = chunk_report(big)
    t0 = time.perf_counter()
    for _ in range(100):
        engine.extract_sync(doc)
    per = (time.perf_counter() - t0) / 100
    print(f"{big.chars}-char report, rules extraction only: {per * 1e3:.2f} ms ({1 / per:.0f}/s)")
    tracemalloc.start()
    asyncio.run(big_one())
    _, peak = tracemalloc.get_traced_memory()
    print(f"peak Python memory for one report: {peak / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
