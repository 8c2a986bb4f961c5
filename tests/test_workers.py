"""A rules batch on several cores (summarizer.workers): the same outputs as in one process,
nothing lost, the user's region and year and a spreadsheet's rows carried to the workers."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from summarizer import batch
from summarizer.batch_inputs import BatchInput
from summarizer.engines.rules import RulesEngine
from summarizer.workers import MIN_REPORTS, available_cores, wants_pool

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted((ROOT / "evals" / "corpus" / "fixtures").glob("*.txt"))
WORKERS = min(2, available_cores())

pytestmark = pytest.mark.skipif(
    len(CORPUS) < MIN_REPORTS, reason="needs the development corpus in evals/corpus"
)


def _outputs(folder: Path) -> dict[str, Any]:
    """Every per-report JSON of ``folder`` without its wall time, by relative path."""
    out = {}
    for p in sorted(folder.rglob("*.json")):
        data = json.loads(p.read_text(encoding="utf-8"))
        data["meta"]["seconds"] = 0
        out[str(p.relative_to(folder))] = data
    return out


def _run(inputs: list[BatchInput], dest: Path, concurrency: int, **given: Any) -> batch.BatchResult:
    options = batch.BatchOptions(
        engine="rules", output=str(dest), concurrency=concurrency, many=True, **given
    )
    return batch.run_batch(inputs, options)


def test_a_batch_in_worker_processes_writes_what_one_process_writes(tmp_path: Path) -> None:
    # 24 real reports, a missing file and a binary one: the two fail with the same message in
    # either mode and the others finish; the year the user gave reaches the workers
    folder = tmp_path / "in"
    folder.mkdir()
    for p in CORPUS[:MIN_REPORTS]:
        (folder / p.name).write_bytes(p.read_bytes())
    (folder / "zz_binary.txt").write_bytes(bytes(range(256)) * 8)
    inputs = [BatchInput(str(p), p.name) for p in sorted(folder.iterdir())]
    inputs.append(BatchInput(str(folder / "missing.txt"), "missing.txt"))
    one = _run(inputs, tmp_path / "one", 1, year=2030)
    many = _run(inputs, tmp_path / "many", WORKERS, year=2030)
    assert one.workers == 1 and many.workers == WORKERS
    assert (one.ok, many.ok) == (MIN_REPORTS, MIN_REPORTS)
    assert [(f.path, f.reason) for f in many.failed] == [(f.path, f.reason) for f in one.failed]
    assert len(many.failed) == 2
    got, want = _outputs(tmp_path / "many"), _outputs(tmp_path / "one")
    assert got == want and len(got) == MIN_REPORTS
    assert {d["meta"]["year"] for d in got.values()} == {2030}
    index = (tmp_path / "many" / "_index.csv").read_text(encoding="utf-8-sig")
    assert [r["path"] for r in csv.DictReader(index.splitlines())] == [i.path for i in inputs]


def test_spreadsheet_rows_are_read_here_and_summarised_in_the_workers(tmp_path: Path) -> None:
    # a CSV of 24 reports, one row each (the rows are read in order by the batch itself, each
    # report sent to a worker): the same JSON per row as in one process, with the rows' years
    sheet = tmp_path / "reports.csv"
    with sheet.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "year", "text"])
        for k, p in enumerate(CORPUS[:MIN_REPORTS]):
            writer.writerow([f"R{k:02d}", 2040 + k % 3, p.read_text(encoding="utf-8")])
    inputs = [BatchInput(str(sheet), sheet.name)]
    one = _run(inputs, tmp_path / "one", 1)
    many = _run(inputs, tmp_path / "many", WORKERS)
    assert many.workers == WORKERS and many.ok == one.ok == MIN_REPORTS
    got = _outputs(tmp_path / "many")
    assert got == _outputs(tmp_path / "one")
    assert {d["meta"]["year"] for d in got.values()} == {2040, 2041, 2042}


def test_only_a_strict_rules_batch_big_enough_goes_to_workers() -> None:
    rules = RulesEngine()
    assert wants_pool(rules, 2, MIN_REPORTS)
    assert not wants_pool(rules, 2, MIN_REPORTS - 1)  # starting workers would cost more
    assert not wants_pool(rules, 1, 1000)
    assert not wants_pool(RulesEngine(permissive=True), 4, 1000)  # the review's proposal


def test_a_worker_that_dies_loses_no_report() -> None:
    # the workers killed after the first report: that report's summary came from a worker, the
    # next ones from this process, all equal to one process's
    from summarizer.pipeline import run as run_sync
    from summarizer.pipeline import summarize_report
    from summarizer.workers import RulesPool

    paths = [str(p) for p in CORPUS[:3]]

    async def go() -> list[Any]:
        pool = RulesPool(2)
        try:
            got = [await pool.summarize(paths[0])]
            assert not pool.broken
            for proc in list(pool._pool._processes.values()):
                proc.kill()
            got += [await pool.summarize(p) for p in paths[1:]]
            assert pool.broken
            return got
        finally:
            pool.close()

    got = run_sync(go())
    from summarizer import load_report

    want = [run_sync(summarize_report(load_report(p), RulesEngine())) for p in paths]
    for g, w in zip(got, want, strict=True):
        assert g.model_dump(exclude={"meta": {"seconds"}}) == w.model_dump(
            exclude={"meta": {"seconds"}}
        )


def test_where_no_worker_can_start_the_batch_runs_in_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # no /dev/shm, a sandbox: the pool cannot be made; a warning, and every report is done here
    import concurrent.futures

    def refuse(*_: Any, **__: Any) -> None:
        raise OSError(38, "Function not implemented")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", refuse)
    said: list[str] = []
    inputs = [BatchInput(str(p), p.name) for p in CORPUS[:MIN_REPORTS]]
    options = batch.BatchOptions(
        engine="rules", output=str(tmp_path / "out"), concurrency=2, many=True
    )
    result = batch.run_batch(inputs, options, echo=said.append)
    assert (result.workers, result.ok, result.failed) == (1, MIN_REPORTS, [])
    assert any("no worker processes here" in s and "Function not implemented" in s for s in said)
