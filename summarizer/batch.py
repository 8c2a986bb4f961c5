"""Batch runs for the CLI: many inputs, resumable per-report outputs, progress and a summary table."""

from __future__ import annotations

import asyncio
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .engines import create_engine
from .engines.base import Engine
from .errors import SummarizerError, UsageError
from .models import ReportSummary
from .pipeline import Outcome, summarize_paths

_SUFFIX = {"json": ".json", "jsonl": ".jsonl", "csv": ".csv", "md": ".md", "html": ".html"}


@dataclass
class BatchOptions:
    engine: str = "auto"
    model: str | None = None
    base_url: str | None = None
    mode: str | None = None
    model_path: str | None = None
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


@dataclass
class BatchResult:
    done: list[Outcome] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[Outcome] = field(default_factory=list)

    @property
    def violations(self) -> int:
        return sum(len(o.summary.checks.violations) for o in self.done if o.summary)


def build_engine(options: BatchOptions) -> tuple[Engine, int]:
    """The engine for a run, and the concurrency to use across reports."""
    if options.engine == "rules":
        return create_engine("rules"), options.concurrency or 1
    from .settings import load_settings

    overrides = {
        "model": options.model,
        "base_url": options.base_url,
        "mode": options.mode,
        "model_path": options.model_path,
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


def _out_dir(output: str | None) -> Path | None:
    if output is None:
        return None
    p = Path(output)
    if p.is_dir() or output.endswith(("/", "\\")):
        return p
    return None


def _finished(path: Path, sha: str | None, engine: Engine) -> bool:
    """True when ``path`` holds a finished summary made from the same source by the same engine."""
    if not path.is_file() or path.suffix != ".json":
        return False
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(data, dict):
        return False
    meta, source = data.get("meta") or {}, data.get("source") or {}
    return (
        (sha is None or source.get("sha256") == sha)
        and meta.get("engine") == engine.name
        and meta.get("model") == engine.model
        and meta.get("prompt_version") == engine.prompt_version
    )


def run_batch(inputs: list[tuple[str, str]], options: BatchOptions) -> BatchResult:
    """Summarise ``inputs`` (path, name relative to the folder given) and write the outputs."""
    from .cli import _err
    from .files import atomic_write

    result = BatchResult()
    if not inputs:
        return result
    engine, concurrency = build_engine(options)
    out_dir = _out_dir(options.output)
    suffix = _SUFFIX[options.fmt]
    todo: list[tuple[str, str]] = []
    for path, rel in inputs:
        if out_dir is not None and not options.force:
            target = (out_dir / rel).with_suffix(".json")
            sha = _sha_of(path)
            if options.fmt == "json" and _finished(target, sha, engine):
                result.skipped.append(path)
                continue
        todo.append((path, rel))
    rel_of = dict(todo)

    async def go() -> None:
        from .progress import Progress

        with Progress(len(todo), enabled=not options.quiet and sys.stderr.isatty()) as bar:
            try:
                async for outcome in summarize_paths(
                    [p for p, _ in todo], engine, concurrency=concurrency,
                    region=options.region, year=options.year,
                ):  # fmt: skip
                    bar.advance(outcome.path)
                    if outcome.error is not None:
                        result.failed.append(outcome)
                        _err(str(outcome.error))
                        continue
                    result.done.append(outcome)
                    if out_dir is not None and outcome.summary is not None:
                        dest = (out_dir / rel_of[outcome.path]).with_suffix(suffix)
                        atomic_write(
                            dest,
                            render(
                                [outcome.summary], options.fmt, many=False, csv_bom=options.csv_bom
                            ),
                        )
                    if outcome.summary is not None:
                        for v in outcome.summary.checks.violations:
                            _err(f"{outcome.path}: {v.item}.{v.field}: {v.message}")
            finally:
                await engine.aclose()

    asyncio.run(go())
    order = {p: k for k, (p, _) in enumerate(inputs)}
    result.done.sort(key=lambda o: order[o.path])
    summaries = [o.summary for o in result.done if o.summary is not None]
    if out_dir is None and summaries:
        text = render(summaries, options.fmt, many=options.many, csv_bom=options.csv_bom)
        if options.output:
            atomic_write(Path(options.output), text)
        else:
            sys.stdout.write(text)
    elif out_dir is None and options.output and options.many and not result.failed:
        atomic_write(
            Path(options.output),
            render([], options.fmt, many=True) if options.fmt != "json" else "[]\n",
        )
    if options.many and not options.quiet:
        from .progress import summary_table

        summary_table(result)
    return result


def _sha_of(path: str) -> str | None:
    import hashlib

    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


__all__ = ["BatchOptions", "BatchResult", "SummarizerError", "render", "run_batch"]
