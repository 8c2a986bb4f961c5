"""Batch runs: many inputs, outputs that never lose a report, a run index, and resume.

A library module (the command line only adapts it): messages go to the ``echo`` callback given
to :func:`run_batch`, errors are :class:`~summarizer.errors.SummarizerError` subclasses.

* Every output is mapped before any work: a folder keeps the path relative to the folder given,
  a glob the path relative to its root (the directories before the first wildcard), a file its
  name. Two inputs that would map to one output file are a :class:`UsageError`.
* A spreadsheet of reports (``.xlsx``/``.xlsm``/``.csv``) is one input per row: ``source.path``
  ``FILE#ID``, output ``OUT/<file stem>/<ID>.<suffix>`` (a spreadsheet in a folder keeps its
  relative path). It is read once before any work for the ids, regions, years and the SHA-256
  of each row's text (never keeping the texts), and once more as a stream while the rows are
  summarised (:class:`~summarizer.batch_inputs.SheetStreams`). A row that is not a report is a
  failed input naming its row; the others finish.
* Reports finish concurrently but are emitted in input order through a bounded reorder buffer,
  so memory stays flat in the number of reports: single-file CSV/JSONL and stdout are written
  report by report; only Markdown or HTML into one file holds every summary.
* Every batch with ``-o`` writes ``_index.csv`` (:data:`INDEX_COLUMNS`, one row per input):
  appended as reports finish while running, rewritten in input order at the end.
* A rerun skips finished reports: same ``source.sha256``, engine, model and prompt version (and
  the region/year the user gave, when any) -- per-report JSON files, lines of a JSONL file, or
  the reports ``_index.csv`` marks finished for a CSV panel. A row's ``source.sha256`` is of its
  text as UTF-8, so a rerun skips the rows whose text did not change.
"""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
import json
import os
import tempfile
import time
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal, cast

from .batch_index import COL as _COL
from .batch_index import (
    INDEX_COLUMNS,
    Row,
    _Block,
    _block_fields,
    _data_row,
    _index_line,
    _row,
    _scan_csv,
    _scan_jsonl,
    _summary_row,
    read_index,
)
from .batch_inputs import (
    INDEX_NAME,
    SUFFIX,
    BatchInput,
    Columns,
    Layout,
    PathTemplate,
    SheetStreams,
    _dest,
    _norm,
    check_collisions,
    expand_inputs,
    expand_rows,
    is_spreadsheet,
    plan_layout,
    read_meta_file,
    resolve_metadata,
)
from .engines import create_engine
from .engines.base import Engine
from .errors import InputError, SummarizerError, UsageError
from .files import atomic_open, atomic_write
from .ingest import Report, load_report
from .models import ReportSummary
from .pipeline import summarize_report
from .section_kinds import second_report
from .workers import PoolUnavailable, RulesPool, available_cores, default_workers, wants_pool

if TYPE_CHECKING:
    from .formats import RowReport

Echo = Callable[[str], None]

_SUFFIX = SUFFIX  # the old private name


# ---------------------------------------------------------------- options and results


@dataclass
class BatchOptions:
    engine: str = "auto"
    model: str | None = None
    base_url: str | None = None
    mode: str | None = None
    model_path: str | None = None
    strategy: str | None = None
    region: str | None = None
    year: int | None = None
    fmt: str = "json"
    output: str | None = None
    concurrency: int | None = None
    no_cache: bool = False
    cache_dir: str | None = None
    force: bool = False
    csv_bom: bool = False
    quiet: bool = False
    many: bool = False
    region_year_from_path: str | None = None
    meta_file: str | None = None
    progress: bool = False  # a progress bar on stderr (the CLI: a TTY and not --quiet)
    # spreadsheets of reports: the columns (None: found by their usual names)
    text_column: str | None = None
    region_column: str | None = None
    year_column: str | None = None
    id_column: str | None = None

    @property
    def columns(self) -> Columns:
        return Columns(self.text_column, self.region_column, self.year_column, self.id_column)


@dataclass(frozen=True)
class Failure:
    path: str
    reason: str


@dataclass
class BatchResult:
    """Counts of a run and the failed inputs (never the summaries: they are in the outputs)."""

    total: int = 0
    ok: int = 0
    skipped: int = 0
    failed: list[Failure] = field(default_factory=list)
    violations: int = 0
    # reports summarised with nothing found (no priorities, targets, outcomes or projects): a
    # text that is no work report, or one decoded wrong; named on stderr, never a failure
    empty: list[str] = field(default_factory=list)
    # reports that seem to hold another after their closing part: (path, that part's title)
    merged: list[tuple[str, str]] = field(default_factory=list)
    output: str | None = None
    index: str | None = None
    workers: int = 1  # the processes the reports were summarised in (rules engine: see .workers)


# ---------------------------------------------------------------- engines and rendering


def build_engine(options: BatchOptions) -> tuple[Engine, int]:
    """The engine for a run, and the concurrency to use across reports (for the rules engine:
    worker processes, one per core up to four unless ``--concurrency`` says; see .workers)."""
    if options.engine == "rules":
        if options.strategy:
            raise UsageError(
                "--strategy applies to the llm and local engines, not to --engine rules"
            )
        return create_engine("rules"), options.concurrency or default_workers()
    from .settings import load_settings

    overrides = {
        "model": options.model,
        "base_url": options.base_url,
        "mode": options.mode,
        "model_path": options.model_path,
        "strategy": options.strategy,
        "cache_dir": options.cache_dir,
        "concurrency": options.concurrency,
        "no_cache": options.no_cache or None,
    }
    settings = load_settings(**{k: v for k, v in overrides.items() if v is not None})
    return create_engine(options.engine, settings), settings.concurrency


def render(summaries: list[ReportSummary], fmt: str, *, many: bool, csv_bom: bool = False) -> str:
    """Render summaries in one of the output formats."""
    if fmt == "json":
        dumped = [s.model_dump(mode="json") for s in summaries]
        return json.dumps(dumped if many else dumped[0], ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return "".join(s.model_dump_json() + "\n" for s in summaries)
    try:
        from . import render as renderers
    except ImportError as exc:  # pragma: no cover
        raise UsageError(f"--format {fmt} is not available in this installation") from exc
    return renderers.render(summaries, fmt, many=many, csv_bom=csv_bom)


def _json_element(summary: ReportSummary) -> str:
    """One summary as an element of ``json.dumps([...], indent=2)`` (each line indented)."""
    text = json.dumps(summary.model_dump(mode="json"), ensure_ascii=False, indent=2)
    return "  " + text.replace("\n", "\n  ")


# ---------------------------------------------------------------- the run


@dataclass
class _Done:
    """A finished input: its index row, and what to emit in input order."""

    row: Row
    summary: ReportSummary | None = None
    payload: str | None = None  # rendered text for a streamed output
    spooled: tuple[int, int] | None = None  # a reused block, held in the spool


class _Run:
    def __init__(
        self,
        items: list[BatchInput],
        options: BatchOptions,
        layout: Layout,
        given: list[tuple[str | None, int | None]],
        engine: Engine,
        concurrency: int,
        echo: Echo,
        result: BatchResult,
        stack: ExitStack,
    ) -> None:
        self.items, self.options, self.layout, self.given = items, options, layout, given
        self.engine, self.concurrency, self.echo, self.result = engine, concurrency, echo, result
        self.stack = stack
        self.fmt = options.fmt
        self.n = len(items)
        self.window = max(64, 8 * concurrency)
        self.skips: dict[int, _Done] = {}
        self.ready: dict[int, _Done] = {}
        self.next = 0
        self.head = 0
        self.collected: list[ReportSummary] = []
        self.emitted = 0
        # streamed outputs
        self.stream_kind: Literal["csv", "jsonl", "json", None] = None
        self.stream_path: Path | None = None
        self.stream: IO[bytes] | None = None
        self.spool: IO[bytes] | None = None
        self.out: IO[str] | None = None  # stdout or the JSON array's temporary file
        # the run index
        self.index_running: IO[str] | None = None
        self.index_ordered: IO[str] | None = None
        self.bar: Any = None
        self.pool: RulesPool | None = None
        self.cond = asyncio.Condition()
        # spreadsheet rows: read when their turn comes, held while in flight
        self.sheets = SheetStreams(options.columns)
        stack.callback(self.sheets.close)
        self.rows: dict[int, RowReport | InputError] = {}
        if layout.many and self.fmt in ("csv", "jsonl", "json"):
            self.stream_kind = cast(Literal["csv", "jsonl", "json"], self.fmt)

    # ------------------------------------------------------------ before any work

    def _sha(self, item: BatchInput) -> str | None:
        if item.error is not None:
            return None
        if item.row is not None:
            return item.row.sha256
        try:
            with open(item.path, "rb") as fh:
                return hashlib.file_digest(fh, "sha256").hexdigest()
        except OSError:
            return None

    def _same(
        self,
        k: int,
        sha: str | None,
        engine: object,
        model: object,
        version: object,
        region: object,
        year: object,
    ) -> bool:
        """An earlier result of input ``k`` is still good: same bytes, engine, model, prompt
        version, and the region/year the user gave now (when given)."""
        e = self.engine

        def text(v: object) -> str:
            return "" if v is None else str(v)

        want_region, want_year = self.given[k]
        return (
            sha is not None
            and sha == self._sha(self.items[k])
            and text(engine) == e.name
            and text(model) == text(e.model)
            and text(version) == text(e.prompt_version)
            and (want_region is None or text(region) == want_region)
            and (want_year is None or text(year) == str(want_year))
        )

    def _same_row(self, k: int, row: Row) -> bool:
        c = _COL
        return self._same(
            k, row[c["sha256"]] or None, row[c["engine"]], row[c["model"]],
            row[c["prompt_version"]], row[c["region"]], row[c["year"]],
        )  # fmt: skip

    def prepare(self) -> None:
        layout, options = self.layout, self.options
        index = layout.index
        old = read_index(index) if index is not None and not options.force else {}
        if layout.kind == "folder" and not options.force:
            self._prepare_folder(old)
        elif self.stream_kind in ("csv", "jsonl") and layout.kind == "file":
            self._prepare_stream(old)
        if index is not None:
            self.result.index = str(index)
            skipped = "".join(_index_line(d.row) for _, d in sorted(self.skips.items()))
            # the final index, in input order, replaces the running one when the run ends
            self.index_ordered = self.stack.enter_context(atomic_open(index))
            self.index_ordered.write(_index_line(INDEX_COLUMNS))
            atomic_write(index, _index_line(INDEX_COLUMNS) + skipped)
            self.index_running = self.stack.enter_context(
                open(index, "a", encoding="utf-8", newline="")  # noqa: SIM115 - the stack closes it
            )

    def _prepare_folder(self, old: dict[str, Row]) -> None:
        suffix = SUFFIX[self.fmt]
        for k, item in enumerate(self.items):
            dest = _dest(self.layout, item, suffix)
            if not dest.is_file():
                continue
            if self.fmt == "json":
                try:
                    data = json.loads(dest.read_text(encoding="utf-8"))
                    meta, source = data["meta"], data["source"]
                    ok = self._same(
                        k, source.get("sha256"), meta.get("engine"), meta.get("model"),
                        meta.get("prompt_version"), meta.get("region"), meta.get("year"),
                    )  # fmt: skip
                except (OSError, ValueError, KeyError, TypeError, AttributeError):
                    continue
                if ok:
                    self.skips[k] = _Done(_data_row(item.path, data, self.engine))
            else:
                row = old.get(_norm(item.path))
                if row is not None and self._same_row(k, row):
                    self.skips[k] = _Done((*row[:3], "skipped", *row[4:]))

    def _prepare_stream(self, old: dict[str, Row]) -> None:
        """Resume a single CSV/JSONL file: keep the reports that finished (in input order,
        from the start of the file), hold later finished ones aside, drop everything else."""
        from .render.csv import csv_header

        assert self.layout.path is not None
        path = self.stream_path = self.layout.path
        if not path.is_file():
            return
        header = csv_header(bom=self.options.csv_bom).encode("utf-8") if self.fmt == "csv" else b""
        scanned = None
        if not self.options.force:
            scanned = _scan_csv(path, header) if self.fmt == "csv" else _scan_jsonl(path)
        if scanned is None:
            os.truncate(path, 0)
            return
        blocks, _ = scanned
        by_path: dict[str, _Block] = {}
        for b in blocks:
            by_path.setdefault(_norm(b.path), b)
        reuse: dict[int, _Block | None] = {}
        for k, item in enumerate(self.items):
            key = _norm(item.path)
            block = by_path.get(key)
            if self.fmt == "jsonl":
                d = block.data if block is not None else None
                if block is not None and d is not None and self._same(
                    k, d["sha256"], d["engine"], d["model"], d["prompt_version"],
                    d["region"], d["year"],
                ):  # fmt: skip
                    reuse[k] = block
                    self.skips[k] = _Done(
                        _row(item.path, "skipped", engine=self.engine, **_block_fields(d))
                    )
                continue
            row = old.get(key)
            if row is None or not self._same_row(k, row):
                continue
            try:  # a report's CSV rows: its targets, then its outcomes
                rows = int(row[_COL["targets"]]) + int(row[_COL["outcomes"]] or 0)
            except ValueError:
                continue
            if rows and (block is None or block.rows != rows):
                continue  # its rows are not (all) in the file: do it again
            reuse[k] = block if rows else None
            self.skips[k] = _Done((*row[:3], "skipped", *row[4:]))
        # the prefix of the file that is already right stays in place
        cut = len(header)
        ptr = 0
        kept: set[int] = set()
        for k in range(self.n):
            if k not in reuse:
                break
            block = reuse[k]
            if block is None:
                kept.add(k)
                continue
            if ptr < len(blocks) and blocks[ptr] is block and block.start == cut:
                ptr += 1
                cut = block.end
                kept.add(k)
            else:
                break
        later = {k: b for k, b in reuse.items() if k not in kept and b is not None}
        if later:
            self.spool = self.stack.enter_context(tempfile.TemporaryFile())  # noqa: SIM115
            with open(path, "rb") as fh:
                for k, b in sorted(later.items()):
                    fh.seek(b.start)
                    offset = self.spool.tell()
                    self.spool.write(fh.read(b.end - b.start))
                    self.skips[k].spooled = (offset, b.end - b.start)
        os.truncate(path, cut)

    # ------------------------------------------------------------ work

    async def drive(self) -> None:
        from .progress import Progress

        done = False
        try:
            self.prepare()
            tasks = min(self.concurrency, self.n)
            procs = min(tasks, available_cores())  # more processes than cores gain nothing
            if wants_pool(self.engine, procs, self.n):
                # the rules engine in worker processes; two reports in flight for each, so that
                # none waits while this process writes the outputs
                try:
                    self.pool = RulesPool(procs)
                    self.result.workers = procs
                    tasks = 2 * procs
                except PoolUnavailable as exc:
                    self.echo(f"warning: no worker processes here ({exc}); one process summarises")
            with Progress(self.n, enabled=self.options.progress) as bar:
                self.bar = bar
                workers = [asyncio.ensure_future(self.worker()) for _ in range(tasks)]
                try:
                    await asyncio.gather(*workers)
                    done = True
                finally:
                    for w in workers:
                        w.cancel()
        finally:
            if self.pool is not None:
                self.pool.close(cancel=not done)
            await self.engine.aclose()

    async def worker(self) -> None:
        while True:
            async with self.cond:
                await self.cond.wait_for(
                    lambda: self.next >= self.n or self.next < self.head + self.window
                )
                if self.next >= self.n:
                    return
                k = self.next
                self.next += 1
                self._take_row(k)  # in input order, so each spreadsheet is read as a stream
            done = self.skips.pop(k, None)
            if done is None:
                done = await self.process(k)
            self.completed(k, done)
            async with self.cond:
                self.ready[k] = done
                while self.head in self.ready:
                    self.emit(self.ready.pop(self.head))
                    self.head += 1
                self.cond.notify_all()

    def _take_row(self, k: int) -> None:
        """Read input ``k``'s spreadsheet row, when it is one that will be summarised."""
        item = self.items[k]
        if item.row is None or item.error is not None or k in self.skips:
            return
        try:
            self.rows[k] = self.sheets.take(item)
        except InputError as exc:
            self.rows[k] = exc

    def _load(self, k: int) -> Report:
        item = self.items[k]
        region, year = self.given[k]
        if item.error is not None:
            raise InputError(f"{item.path}: {item.error}")
        if item.row is None:
            return load_report(item.path, region=region, year=year)
        row = self.rows.pop(k)
        if isinstance(row, InputError):
            raise row
        return dataclasses.replace(row, region=region, year=year).load()

    async def process(self, k: int) -> _Done:
        item = self.items[k]
        region, year = self.given[k]
        began = time.perf_counter()
        try:
            if self.pool is None:
                summary = await summarize_report(self._load(k), self.engine)
            elif item.row is None and item.error is None:
                # a report file is read in the worker, decoding included
                summary = await self.pool.summarize(item.path, region=region, year=year)
            else:
                summary = await self.pool.summarize(item.path, self._load(k))
        except SummarizerError as exc:
            reason = str(exc)
            if reason.startswith(f"{item.path}: "):
                reason = reason[len(item.path) + 2 :]
            row = _row(
                item.path, "failed", region=region, year=year, error=reason, engine=self.engine,
                model=self.engine.model, seconds=time.perf_counter() - began,
                prompt_version=self.engine.prompt_version,
            )  # fmt: skip
            return _Done(row)
        return _Done(_summary_row(item.path, summary, self.engine), summary=summary)

    def completed(self, k: int, done: _Done) -> None:
        """A report finished: write its own output file, count it, note it in the index."""
        item, result, status = self.items[k], self.result, done.row[_COL["status"]]
        summary = done.summary
        if status == "skipped":
            result.skipped += 1
        elif status == "ok":
            result.ok += 1
            if all(done.row[_COL[c]] == "0" for c in _FOUND):
                result.empty.append(item.path)
        violations = done.row[_COL["violations"]]
        result.violations += int(violations) if violations.isdigit() else 0
        if summary is not None:
            second = second_report(summary.sections)
            if second is not None:
                result.merged.append((item.path, second.title))
            if not self.layout.many:
                for v in summary.checks.violations:
                    self.echo(f"{item.path}: {v.item}.{v.field}: {v.message}")
            if self.layout.kind == "folder":
                dest = _dest(self.layout, item, SUFFIX[self.fmt])
                atomic_write(
                    dest, render([summary], self.fmt, many=False, csv_bom=self.options.csv_bom)
                )
            elif self.stream_kind == "csv":
                from .render.csv import csv_rows

                done.payload = csv_rows(summary)
            elif self.stream_kind == "jsonl":
                done.payload = summary.model_dump_json() + "\n"
            elif self.stream_kind == "json":
                done.payload = _json_element(summary)
            if self.layout.kind == "folder" or self.stream_kind is not None:
                done.summary = None  # rendered: let it go
        if self.index_running is not None and status != "skipped":
            self.index_running.write(_index_line(done.row))
            self.index_running.flush()
        if self.bar is not None:
            self.bar.advance(item.path)

    def emit(self, done: _Done) -> None:
        """Write one report, in input order, to the streamed or collected output."""
        if done.row[_COL["status"]] == "failed":  # listed in input order
            self.result.failed.append(Failure(done.row[0], done.row[_COL["error"]]))
        if self.index_ordered is not None:
            self.index_ordered.write(_index_line(done.row))
        if done.summary is not None:
            self.collected.append(done.summary)
            return
        if done.payload is None and done.spooled is None:
            return
        kind = self.stream_kind
        if kind in ("csv", "jsonl") and self.layout.kind == "file":
            fh = self._stream()
            if done.spooled is not None:
                assert self.spool is not None
                offset, length = done.spooled
                self.spool.seek(offset)
                fh.write(self.spool.read(length))
            elif done.payload is not None:
                fh.write(done.payload.encode("utf-8"))
            fh.flush()
        elif done.payload is not None:
            out = self._out()
            if kind == "json":
                out.write(("[\n" if not self.emitted else ",\n") + done.payload)
            elif kind == "csv" and not self.emitted:
                from .render.csv import csv_header

                out.write(csv_header(bom=self.options.csv_bom) + done.payload)
            else:
                out.write(done.payload)
            out.flush()
        self.emitted += 1

    def _stream(self) -> IO[bytes]:
        if self.stream is None:
            assert self.layout.path is not None
            path = self.layout.path
            path.parent.mkdir(parents=True, exist_ok=True)
            self.stream = self.stack.enter_context(open(path, "ab"))  # noqa: SIM115
            if self.stream.tell() == 0 and self.fmt == "csv":
                from .render.csv import csv_header

                self.stream.write(csv_header(bom=self.options.csv_bom).encode("utf-8"))
        return self.stream

    def _out(self) -> IO[str]:
        if self.out is None:
            if self.layout.kind == "stdout":
                import sys

                self.out = sys.stdout
            else:
                assert self.layout.path is not None
                self.out = self.stack.enter_context(atomic_open(self.layout.path))
        return self.out

    # ------------------------------------------------------------ after the work

    def finish(self) -> None:
        layout, fmt, failed = self.layout, self.fmt, bool(self.result.failed)
        if layout.kind == "folder":
            return
        if not layout.many:
            if self.collected:
                text = render(self.collected, fmt, many=False, csv_bom=self.options.csv_bom)
                self._write(text)
            return
        if self.stream_kind in ("csv", "jsonl") and layout.kind == "file":
            if self.stream is None and not failed:
                self._stream()
            return
        if self.stream_kind is not None:
            if self.emitted:
                self._out().write("\n]\n" if fmt == "json" else "")
            elif not failed:
                self._write(
                    render([], fmt, many=True, csv_bom=self.options.csv_bom)
                    if fmt != "json"
                    else "[]\n"
                )
            return
        if self.collected or not failed:
            self._write(render(self.collected, fmt, many=True, csv_bom=self.options.csv_bom))

    def _write(self, text: str) -> None:
        if self.layout.kind == "stdout":
            import sys

            sys.stdout.write(text)
            sys.stdout.flush()
        else:
            assert self.layout.path is not None
            atomic_write(self.layout.path, text)


_FOUND = ("targets", "outcomes", "priorities", "projects")  # index columns of what a report holds


def _own_files(layout: Layout, options: BatchOptions) -> Callable[[str], bool]:
    """True for a file a folder walk or glob found that is this run's own: an output (in the
    ``-o`` folder, or the ``-o`` file) or the ``--meta`` file."""
    own: list[str] = []
    if layout.path is not None:
        own.append(os.path.realpath(layout.path))
    if options.meta_file:
        own.append(os.path.realpath(options.meta_file))

    def skip(path: str) -> bool:
        real = os.path.realpath(path)
        if real in own:
            return True
        return layout.kind == "folder" and bool(own) and real.startswith(own[0] + os.sep)

    return skip


def run_batch(
    inputs: Sequence[BatchInput | tuple[str, str]],
    options: BatchOptions,
    *,
    echo: Echo | None = None,
    engine: Engine | None = None,
) -> BatchResult:
    """Summarise ``inputs`` and write the outputs; return the counts and the failures.

    A spreadsheet of reports among ``inputs`` becomes one input per row (see the module
    docstring). Raises :class:`UsageError` before any work when ``-o`` cannot hold the batch
    (two inputs mapped to one file), or a path template / ``--meta`` file is bad. Messages
    (warnings, check violations of a single report) go to ``echo``. ``engine`` replaces the one
    the options describe (tests, embedding). An interruption (``KeyboardInterrupt``) leaves
    every finished report written and in the index; a rerun resumes. With the rules engine and
    24 reports or more the reports are summarised in worker processes (:mod:`.workers`), which
    are started with ``spawn``: from a script, call this under ``if __name__ == "__main__":``
    as multiprocessing asks (else the workers fail to start and one process does the work).
    """
    say: Echo = echo or (lambda _message: None)
    items = [i if isinstance(i, BatchInput) else BatchInput(i[0], i[1]) for i in inputs]
    if not items:
        return BatchResult()
    many = options.many or any(i.row is not None or is_spreadsheet(i.path) for i in items)
    layout = plan_layout(options.output, many)
    items = expand_rows(items, options.columns, skip=_own_files(layout, options))
    result = BatchResult(total=len(items))
    if not items:
        return result
    result.output = str(layout.path) if layout.path is not None else None
    check_collisions(items, layout, options.fmt)
    given = resolve_metadata(items, options, say)
    if engine is None:
        engine, concurrency = build_engine(options)
    else:
        concurrency = options.concurrency or 1
    with ExitStack() as stack:
        run = _Run(items, options, layout, given, engine, concurrency, say, result, stack)
        asyncio.run(run.drive())
        run.finish()
    return result


__all__ = [
    "INDEX_COLUMNS",
    "INDEX_NAME",
    "BatchInput",
    "BatchOptions",
    "BatchResult",
    "Failure",
    "InputError",
    "Layout",
    "PathTemplate",
    "SummarizerError",
    "expand_inputs",
    "plan_layout",
    "read_index",
    "read_meta_file",
    "render",
    "run_batch",
]
