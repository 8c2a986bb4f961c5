"""Wall time of a rules batch in one process against worker processes (summarizer.workers).

Copies the real corpus (``../shared/corpus``, else ``evals/corpus/fixtures``) ``COPIES`` times
into a temporary folder (80 reports each), then runs ``summarizer summarize FOLDER --engine
rules -o OUT/`` in a fresh subprocess with ``--concurrency 1`` and with each worker count given,
and prints the wall time and reports per second of each. Prints figures; asserts nothing.

    python benchmarks/bench_workers.py [COPIES] [WORKERS ...]     # default: 4 copies; 2 and all cores
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from summarizer.workers import available_cores

ROOT = Path(__file__).resolve().parent.parent


def _corpus() -> list[Path]:
    for d in (ROOT.parent / "shared" / "corpus", ROOT / "evals" / "corpus" / "fixtures"):
        files = sorted(d.glob("*.txt"))
        if files:
            return files
    raise SystemExit("no corpus found")


def _run(folder: Path, out: Path, workers: int) -> float:
    argv = ["summarize", str(folder), "--engine", "rules", "-o", str(out), "-q"]
    argv += ["--concurrency", str(workers)]
    began = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", "import sys; from summarizer.cli import main; sys.exit(main(sys.argv[1:]))", *argv],
        check=True,
    )  # fmt: skip
    return time.perf_counter() - began


def main(argv: list[str]) -> None:
    copies = int(argv[1]) if len(argv) > 1 else 4
    counts = [int(a) for a in argv[2:]] or sorted({2, available_cores()})
    files = _corpus()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "reports"
        for k in range(copies):
            (folder / str(k)).mkdir(parents=True)
            for p in files:
                shutil.copy(p, folder / str(k) / p.name)
        n = copies * len(files)
        print(f"{n} reports ({copies} copies of {files[0].parent}), {available_cores()} cores")
        for workers in [1, *counts]:
            seconds = _run(folder, Path(tmp) / f"out{workers}", workers)
            print(f"--concurrency {workers:<3d} {seconds:7.2f} s  {n / seconds:7.1f} reports/s")


if __name__ == "__main__":
    main(sys.argv)
