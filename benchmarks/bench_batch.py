"""Peak memory of a batch in the number of reports (goal: flat within 20%).

Generates 100, 1,000 and 10,000 small reports in a temporary folder (a seed report's opening,
made distinct per file), runs ``summarizer summarize FOLDER --engine rules --format csv -o
panel.csv --concurrency 1`` in a fresh subprocess for each size (one process; each worker
process of a larger --concurrency holds about 50 MB more, flat too), and prints the child's peak RSS
(``resource.getrusage(RUSAGE_SELF).ru_maxrss``), the wall time, and the panel's and index's
sizes. Prints figures; asserts nothing.

    python benchmarks/bench_batch.py [SIZE ...]
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "evals" / "fixtures"
SIZES = (100, 1_000, 10_000)

CHILD = """
import json, resource, sys
from summarizer.cli import main
code = main(sys.argv[1:])
peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"code": code, "peak_mb": peak_kb / 1024}), file=sys.stderr)
"""


def small_report(base: str, k: int) -> str:
    """A short report: the seed's opening (headline targets), with its own numbers."""
    return f"{base}\n第{k}号。今年地区生产总值增长{5 + k % 4}.{k % 10}%左右，新增城镇就业{k % 900 + 100}人。\n"


def make_reports(root: Path, n: int) -> None:
    base = (FIXTURES / "004_ruijin.txt").read_text(encoding="utf-8")[:1500]
    for k in range(n):
        folder = root / f"{k // 1000:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"r{k:05d}.txt").write_text(small_report(base, k), encoding="utf-8")


def measure(n: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "reports"
        make_reports(root, n)
        panel = Path(tmp) / "out" / "panel.csv"
        argv = ["summarize", str(root), "--engine", "rules", "--format", "csv", "-o", str(panel)]
        argv += ["--concurrency", "1"]  # one process: its peak is the batch's (no workers)
        began = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-c", CHILD, *argv, "-q"], capture_output=True, text=True, check=False
        )
        seconds = time.perf_counter() - began
        stats = json.loads(proc.stderr.strip().splitlines()[-1])
        index_rows = len((panel.parent / "_index.csv").read_text(encoding="utf-8").splitlines()) - 1
        return {
            "reports": n,
            "exit": stats["code"],
            "peak_mb": stats["peak_mb"],
            "seconds": seconds,
            "panel_mb": panel.stat().st_size / 2**20,
            "index_rows": index_rows,
        }


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or list(SIZES)
    rows = [measure(n) for n in sizes]
    print(
        f"{'reports':>8} {'exit':>4} {'peak RSS MB':>12} {'seconds':>8} {'panel MB':>9} {'index':>7}"
    )
    for r in rows:
        print(
            f"{r['reports']:>8} {r['exit']:>4} {r['peak_mb']:>12.1f} {r['seconds']:>8.1f} "
            f"{r['panel_mb']:>9.2f} {r['index_rows']:>7}"
        )
    peaks = [r["peak_mb"] for r in rows]
    print(f"peak RSS spread: {100 * (max(peaks) / min(peaks) - 1):.1f}% (goal: within 20%)")


if __name__ == "__main__":
    main()
