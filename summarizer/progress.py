"""Progress bar and closing table on stderr (rich); silent when not a TTY or with --quiet."""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
from rich.progress import Progress as RichProgress
from rich.table import Table

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


def summary_table(result: BatchResult) -> None:
    """Files, targets, priorities, projects, violations, seconds and tokens, on stderr."""
    table = Table(title="summarizer", show_lines=False)
    for col in ("file", "targets", "priorities", "projects", "violations", "seconds", "tokens"):
        table.add_column(col, justify="left" if col == "file" else "right")
    for o in result.done:
        s = o.summary
        if s is None:
            continue
        u = s.meta.usage
        table.add_row(
            o.path, str(len(s.targets)), str(len(s.priorities)), str(len(s.projects)),
            str(len(s.checks.violations)), f"{s.meta.seconds:.2f}",
            str(u.prompt_tokens + u.completion_tokens),
        )  # fmt: skip
    for p in result.skipped:
        table.add_row(p, "-", "-", "-", "-", "skipped", "-")
    for o in result.failed:
        table.add_row(o.path, "-", "-", "-", "-", "FAILED", "-")
    Console(stderr=True).print(table)
