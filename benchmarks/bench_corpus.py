"""Rules-engine throughput over the real development corpus (issue goal: >= 200 reports/s per
core). Prints figures; asserts nothing.

    python benchmarks/bench_corpus.py [CORPUS_DIR]     # default: ../shared/corpus, else evals/corpus

Loading (decoding, chrome detection, region/year) is timed apart from the pipeline (chunk,
extract, check), and the pipeline is split into its stages, all on one core.
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

from summarizer.checker import check
from summarizer.chunking import chunk_report
from summarizer.engines.rules import RulesEngine
from summarizer.ingest import load_report
from summarizer.pipeline import summarize_report

ROOT = Path(__file__).resolve().parent.parent


def _corpus(argv: list[str]) -> list[Path]:
    candidates = [Path(argv[1])] if len(argv) > 1 else []
    candidates += [ROOT.parent / "shared" / "corpus", ROOT / "evals" / "corpus" / "fixtures"]
    for d in candidates:
        files = sorted(d.glob("*.txt"))
        if files:
            return files
    raise SystemExit("no corpus found: give a folder of .txt reports")


def _best(fn, rounds: int = 5) -> float:  # type: ignore[no-untyped-def]
    """Best of ``rounds`` in CPU seconds of this process (one core; other load on the machine
    does not count)."""
    best = float("inf")
    for _ in range(rounds):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def main(argv: list[str]) -> None:
    files = _corpus(argv)
    n = len(files)
    load_s = _best(lambda: [load_report(p) for p in files])
    reports = [load_report(p) for p in files]
    chars = sum(r.chars for r in reports)
    engine = RulesEngine()

    async def pipeline() -> None:
        for r in reports:
            await summarize_report(r, engine)

    docs = [chunk_report(r) for r in reports]
    chunk_s = _best(lambda: [chunk_report(r) for r in reports])
    extract_s = _best(lambda: [engine.extract_sync(d) for d in docs])
    summaries = [asyncio.run(summarize_report(r, engine)) for r in reports]
    check_s = _best(lambda: [check(s, r.text) for s, r in zip(summaries, reports, strict=True)])
    pipe_s = _best(lambda: asyncio.run(pipeline()))
    print(f"corpus                 {files[0].parent} ({n} reports, {chars / n:,.0f} chars mean)")
    print(f"load (decode, chrome, region/year)   {n / load_s:8.1f} reports/s")
    print(f"chunk                                {n / chunk_s:8.1f} reports/s")
    print(f"extract (rules)                      {n / extract_s:8.1f} reports/s")
    print(f"check                                {n / check_s:8.1f} reports/s")
    print(f"pipeline (chunk+extract+check+sort)  {n / pipe_s:8.1f} reports/s"
          f"  ({chars / pipe_s / 1e6:.2f} M chars/s)")  # fmt: skip
    print(f"load + pipeline                      {n / (load_s + pipe_s):8.1f} reports/s")


if __name__ == "__main__":
    main(sys.argv)
