"""Progress bar (rich) and the closing summary of a batch, both for stderr."""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
from rich.progress import Progress as RichProgress

if TYPE_CHECKING:
    from .batch import BatchResult


class Progress:
    """A per-report progress bar; a no-op when disabled."""

    def __init__(self, total: int, *, enabled: bool) -> None:
        self._bar: RichProgress | None = None
        self._task = None
        if enabled and total:
            self._bar = RichProgress(
                TextColumn("[bold]summarizing"), BarColumn(), MofNCompleteColumn(),
                TimeElapsedColumn(), TextColumn("{task.description}"),
                console=Console(stderr=True), transient=True,
            )  # fmt: skip
            self._task = self._bar.add_task("", total=total)

    def __enter__(self) -> Progress:
        if self._bar is not None:
            self._bar.start()
        return self

    def advance(self, label: str) -> None:
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, advance=1, description=label[-40:])

    def __exit__(
        self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._bar is not None:
            self._bar.stop()


def summary_lines(result: BatchResult, *, quiet: bool = False) -> list[str]:
    """The closing summary of a batch: one line of totals, then every failed file with its
    whole path and reason, every report in which nothing was found and every file that seems to
    hold two reports (never one line per report, never a cut path). ``quiet`` keeps only the
    failures and those warnings."""
    lines: list[str] = []
    if not quiet:
        totals = (
            f"{result.total} reports: {result.ok} ok, {result.skipped} skipped, "
            f"{len(result.failed)} failed; {result.violations} check violations"
        )
        if result.empty:
            totals += f"; {len(result.empty)} with nothing found"
        if result.index:
            totals += f"; index {result.index}"
        if result.workers > 1:
            totals += f"; {result.workers} worker processes"
        lines.append(totals)
    for failure in result.failed:
        lines.append(f"failed: {failure.path}: {failure.reason}")
    lines += [nothing_found(path) for path in result.empty]
    lines += [two_reports(path, title) for path, title in result.merged]
    return lines


def two_reports(path: str, title: str) -> str:
    """The warning for a file that seems to hold a second report after the first one's end."""
    return (
        f"warning: {path}: seems to hold more than one report (a review part, {title!r}, comes "
        "after the closing part); its summary mixes them: save one report a file"
    )


def nothing_found(path: str) -> str:
    """The warning for a report summarised with nothing found in it."""
    return (
        f"warning: {path}: nothing found (no priorities, targets, outcomes or projects); check "
        "that it is a government work report and that its text decoded right"
    )
