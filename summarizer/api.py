"""The public Python API: :func:`summarize`, :func:`summarize_file`, :class:`Summarizer`,
:func:`check`, :func:`load_report`."""

from __future__ import annotations

import asyncio
import logging
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .engines import create_engine
from .engines.base import Engine
from .errors import InputError, UsageError
from .ingest import Report, build_report, load_report
from .models import CheckResult, ReportSummary
from .pipeline import Outcome, run, summarize_paths, summarize_report

log = logging.getLogger("summarizer")


class Summarizer:
    """An engine with its settings, reusable across many reports (clients and cache stay open).

    >>> s = Summarizer(engine="rules")
    >>> summary = s.summarize("全市经济社会发展的主要预期目标是:地区生产总值增长6%左右。")
    >>> summary.targets[0].value
    6.0
    """

    def __init__(
        self,
        engine: str | Engine = "auto",
        *,
        model: str | None = None,
        base_url: str | None = None,
        mode: str | None = None,
        model_path: str | None = None,
        strategy: str | None = None,
        api_key: str | None = None,
        cache_dir: str | None = None,
        concurrency: int | None = None,
        no_cache: bool | None = None,
    ) -> None:
        if isinstance(engine, Engine):
            self.engine = engine
            self.concurrency = concurrency or 4
            return
        if engine == "rules":
            if strategy:
                raise UsageError("strategy applies to the llm and local engines, not to rules")
            self.engine = create_engine("rules")
            self.concurrency = concurrency or 1
            return
        from .settings import load_settings

        overrides: dict[str, Any] = {
            "model": model, "base_url": base_url, "mode": mode, "model_path": model_path,
            "strategy": strategy, "api_key": api_key, "cache_dir": cache_dir, "concurrency": concurrency,
            "no_cache": no_cache,
        }  # fmt: skip
        settings = load_settings(**{k: v for k, v in overrides.items() if v is not None})
        self.engine = create_engine(engine, settings)
        self.concurrency = settings.concurrency

    def summarize(
        self, text: str | bytes, *, region: str | None = None, year: int | None = None
    ) -> ReportSummary:
        """Summarise report text: a ``str`` (offsets index it exactly, unless it is an HTML page:
        offsets then index the text extracted from it, ``load_report(text.encode()).text``), or
        ``bytes`` decoded as a file's would be (offsets index the decoded text,
        ``load_report(data).text``). A path is refused with the function that reads files
        (:meth:`summarize_file`)."""
        if isinstance(text, bytes):
            return self.summarize_report(
                load_report(text, name="<bytes>", region=region, year=year)
            )
        return self._run(summarize_report(_text_report(text, region, year), self.engine))

    def summarize_report(self, report: Report) -> ReportSummary:
        """Summarise a report loaded with :func:`load_report`."""
        return self._run(summarize_report(report, self.engine))

    def summarize_file(
        self, path: str | Path, *, region: str | None = None, year: int | None = None
    ) -> ReportSummary:
        """Summarise one report file (.txt, .html/.htm in any of the supported encodings,
        .docx or .pdf), or one spreadsheet row ``FILE.xlsx#ID`` (or ``FILE.csv#ID``)."""
        return self.summarize_report(load_report(path, region=region, year=year))

    def summarize_many(self, paths: Iterable[str | Path]) -> Iterator[Outcome]:
        """Summarise many reports concurrently; yield each :class:`Outcome` as it finishes.

        ``paths`` are taken as the command line takes them: files, folders (searched
        recursively for reports), globs (``reports/**/*.txt``) and spreadsheets of reports
        (one outcome per row, its path ``FILE.csv#ID``). A bad input (a missing file, a pattern
        that matches nothing, an empty row) yields an outcome with ``error`` set; the others
        still finish. Files in a folder that may be reports in a format not read (``.doc``)
        are named in a warning of the ``summarizer`` logger.
        """
        found, failed = _expand(paths)
        yield from failed
        loop = asyncio.new_event_loop()
        agen = summarize_paths(found, self.engine, concurrency=self.concurrency)
        try:
            while True:
                try:
                    yield loop.run_until_complete(agen.__anext__())
                except StopAsyncIteration:
                    break
        finally:
            loop.run_until_complete(agen.aclose())
            loop.close()

    def close(self) -> None:
        """Release the engine's clients or servers."""
        self._run(self.engine.aclose())

    def __enter__(self) -> Summarizer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @staticmethod
    def _run(coro: Any) -> Any:
        return run(coro)


def summarize(
    text: str | bytes,
    *,
    engine: str | Engine = "auto",
    model: str | None = None,
    base_url: str | None = None,
    mode: str | None = None,
    model_path: str | None = None,
    strategy: str | None = None,
    region: str | None = None,
    year: int | None = None,
) -> ReportSummary:
    """Summarise the text of one report and check every number against it.

    ``text`` is the report's text (offsets index it exactly; for an HTML page, the text
    extracted from it, ``load_report(text.encode()).text``) or its bytes (decoded as a file's
    would be); for a file, call :func:`summarize_file`.

    ``engine`` is ``"auto"`` (llm when an endpoint or model is configured, else local when a
    model file is, else rules), ``"rules"``, ``"llm"``, ``"local"`` or an :class:`Engine`.
    ``strategy`` (llm and local engines): ``"extract"`` (the model writes targets and projects)
    or ``"review"`` (the rules engine proposes every number and project name, the model labels
    them; values and spans are the rules engine's); None: the engine's default.
    Returns the :class:`~summarizer.models.ReportSummary` (``.model_dump()`` for a dict).
    Raises :class:`~summarizer.errors.SummarizerError` subclasses for bad input or a failed
    engine.
    """
    with Summarizer(
        engine, model=model, base_url=base_url, mode=mode, model_path=model_path, strategy=strategy
    ) as s:
        return s.summarize(text, region=region, year=year)


def summarize_file(
    path: str | Path,
    *,
    engine: str | Engine = "auto",
    model: str | None = None,
    base_url: str | None = None,
    mode: str | None = None,
    model_path: str | None = None,
    strategy: str | None = None,
    region: str | None = None,
    year: int | None = None,
) -> ReportSummary:
    """Like :func:`summarize`, reading the report from ``path``: .txt/.html (encoding
    detected), .docx, .pdf, or a spreadsheet row ``FILE.xlsx#ID``/``FILE.csv#ID``."""
    with Summarizer(
        engine, model=model, base_url=base_url, mode=mode, model_path=model_path, strategy=strategy
    ) as s:
        return s.summarize_file(path, region=region, year=year)


def check(summary: ReportSummary | dict[str, Any], source_text: str) -> CheckResult:
    """Check every number of ``summary`` against ``source_text``.

    ``summary`` may be a :class:`ReportSummary` or a dict, down to the minimal
    ``{"targets": [{"indicator", "value", "unit", "quote"}]}``. Returns a
    :class:`~summarizer.models.CheckResult` (``checked`` and ``violations``).
    """
    from .checker import check as _check

    return _check(summary, source_text)


def _expand(paths: Iterable[str | Path]) -> tuple[list[str], list[Outcome]]:
    """The report paths of ``paths`` (folders and globs expanded, spreadsheets as their rows)
    and the outcomes of the inputs that failed before any work."""
    from .batch_inputs import Columns, expand_inputs, expand_rows, file_key

    found: list[str] = []
    failed: list[Outcome] = []
    seen: set[str] = set()  # a file reached twice (a folder and a file in it) is read once
    for given in paths:
        item = os.fspath(given)
        inputs = expand_inputs([item])  # one at a time: each problem is the item's own
        failed += [Outcome(item, error=InputError(problem)) for problem in inputs.problems]
        for warning in inputs.warnings:
            log.warning("%s", warning)
        new = []
        for inp in inputs.items:
            key = file_key(inp.path)
            if key not in seen:
                seen.add(key)
                new.append(inp)
        for inp in expand_rows(new, Columns()):
            if inp.error is not None:
                failed.append(Outcome(inp.path, error=InputError(f"{inp.path}: {inp.error}")))
            else:
                found.append(inp.path)
    return found, failed


# a string that may be a file's name: one line, short, ending on a suffix (report.txt, a.docx)
_PATH_LIKE = re.compile(r"[^\n]{1,255}\.[A-Za-z0-9]{1,8}")
# …and one ending on the suffix of a report file, which no report's text ends on
_FILE_NAME = re.compile(
    r"[^\n。，；]{1,255}\.(?:txt|html?|docx?|pdf|xlsx|csv|md|json)", re.IGNORECASE
)


def _text_report(text: str, region: str | None, year: int | None) -> Report:
    """The report of a ``str``, loaded as its UTF-8 bytes would be (HTML turned into text), but
    a byte order mark the string holds stays (a file opened as ``utf-8``, not ``utf-8-sig``):
    decoding would drop it, and every offset would then be one short of the string's. A path,
    or a string naming a file, is refused: summarised, it would be a report of a few characters,
    no error and no target."""
    if isinstance(text, os.PathLike):
        raise UsageError(
            f"summarize() takes the report's text, not a path ({os.fspath(text)}): call "
            "summarize_file(path) to read a file"
        )
    if not isinstance(text, str):
        raise UsageError(
            f"summarize() expected the report's text (a str, or bytes), got "
            f"{type(text).__name__}; for a file call summarize_file(path)"
        )
    name = text.strip()
    if _PATH_LIKE.fullmatch(name) and Path(name).is_file():
        raise UsageError(
            f"summarize() takes the report's text, but {name!r} names a file: call "
            "summarize_file(path) to read it"
        )
    if _FILE_NAME.fullmatch(name):
        raise UsageError(
            f"summarize() takes the report's text, but {name!r} is a file's name (and no such "
            "file exists here): call summarize_file(path) with the right path"
        )
    report = load_report(text.encode("utf-8"), name="<text>", region=region, year=year)
    if text.startswith("\ufeff") and report.text == text[1:]:
        return build_report(
            text,
            encoding="utf-8",
            sha256=report.sha256,
            path=None,
            label="<text>",
            region=region,
            year=year,
        )
    return report
