"""The seed eval suite per engine: quality metrics, seconds per report, LLM traffic. Prints figures.

    python benchmarks/bench_evals.py [SUITE.yaml]

The rules engine runs offline. The LLM engine runs against the scripted OpenAI-compatible stub
server of the tests (``tests/stub_server.py``) on 127.0.0.1: its answers are naive, so its
quality figures measure plumbing (requests, tokens, cache, overhead), not a model; a second
pass shows the cache (a rerun of a finished suite sends no request).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from summarizer.evals import RunResult, load_suite, run_suite

ROOT = Path(__file__).resolve().parent.parent
SUITE = ROOT / "evals" / "seeds.yaml"

QUALITY = (
    "headline_targets.f1", "section_targets.f1", "targets.precision", "targets.recall",
    "targets.f1", "targets.qualifier_accuracy", "targets.direction_accuracy",
    "qualitative_targets.f1", "priorities.count_exact", "priorities.title_match",
    "projects.f1", "projects.amount_exact", "grounding_rate", "violations_per_report",
)  # fmt: skip
TRAFFIC = ("usage.requests", "usage.tokens", "usage.cached", "seconds")


def show(title: str, run: RunResult, wall: float, cases: int) -> None:
    print(f"{title}  ({run.label}, prompt {run.prompt_version or '-'})")
    for name in QUALITY + TRAFFIC:
        v = run.overall[name].value
        shown = "n/a" if v is None else f"{v:.3f}"
        print(f"  {name:<30} {shown:>10}")
    print(f"  {'wall seconds per report':<30} {wall / cases:10.3f}")
    failed = [f"{f['case']}:{f['metric']}" for f in run.failures]
    print(f"  {'thresholds':<30} {'met' if not failed else 'missed: ' + ', '.join(failed)}")


def main(argv: list[str]) -> None:
    suite = load_suite(argv[0] if argv else SUITE)
    n = len(suite.cases)
    print(f"suite {suite.name}: {n} reports")
    t0 = time.perf_counter()
    (rules,) = run_suite(suite, ["rules"])
    show("rules", rules, time.perf_counter() - t0, n)

    try:
        sys.path.insert(0, str(ROOT / "tests"))
        from stub_server import StubServer

        from summarizer.engines import create_engine
        from summarizer.settings import load_settings
    except ImportError as exc:
        print(f"llm: skipped (stub not available: {exc})")
        return
    with tempfile.TemporaryDirectory() as cache, StubServer(latency=0.05).start() as stub:
        settings: Any = load_settings(
            base_url=stub.base_url, model="stub-model", api_key="sk-bench", cache_dir=cache
        )
        for title in ("llm (stub, cold cache)", "llm (stub, warm cache)"):
            t0 = time.perf_counter()
            (llm,) = run_suite(suite, [create_engine("llm", settings)])
            show(title, llm, time.perf_counter() - t0, n)
        print(f"  stub requests in all           {stub.count:10d}, peak in flight {stub.peak}")


if __name__ == "__main__":
    main(sys.argv[1:])
