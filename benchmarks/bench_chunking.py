"""Chunking time of a ~20,000-character report (goal: under 5 ms). Prints figures."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from summarizer.chunking import build_sections
from summarizer.chunks import make_chunks
from summarizer.ingest import load_report

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    report = load_report(ROOT / "evals" / "fixtures" / "004_ruijin.txt")
    text = report.text
    while len(text) < 20_000:  # the 6.9k-char seed, repeated: more sections, same styles
        text += "\n" + report.text[report.content_start :]
    text = text[:20_000]
    runs = []
    for _ in range(200):
        t0 = time.perf_counter()
        sections = build_sections(text)
        runs.append(time.perf_counter() - t0)
    print(f"report chars         {len(text):>8}")
    print(f"sections             {len(sections):>8}")
    print(f"build_sections p50   {statistics.median(runs) * 1e3:8.3f} ms")
    print(f"build_sections min   {min(runs) * 1e3:8.3f} ms")
    from summarizer.chunking import chunk_report

    doc = chunk_report(report)
    t0 = time.perf_counter()
    for _ in range(200):
        chunks = make_chunks(doc, 1800)
    print(
        f"make_chunks (seed)   {(time.perf_counter() - t0) / 200 * 1e3:8.3f} ms ({len(chunks)} chunks)"
    )


if __name__ == "__main__":
    main()
