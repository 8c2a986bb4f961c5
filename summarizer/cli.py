"""Command line: adapts the Python API only. ``main(argv) -> int``.

Exit codes: 0 ok, 1 a check or eval fell short, 2 bad input or usage. Library errors become one
line on stderr, never a traceback.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import click

from .errors import InputError, SummarizerError, UsageError
from .files import read_json
from .models import STRATEGIES

if TYPE_CHECKING:
    from .ingest import Report

EXIT_OK, EXIT_SHORT, EXIT_BAD = 0, 1, 2


def _err(message: str) -> None:
    click.echo(f"summarizer: {message}", err=True)


# ---------------------------------------------------------------- inputs and outputs


def expand_inputs(items: Sequence[str]) -> tuple[list[tuple[str, str]], list[str], bool]:
    """Files, folders (recursive) and globs -> ``[(path, relative name)]``, problems, many?

    Kept for callers of the old helper; the batch uses :func:`summarizer.batch.expand_inputs`.
    """
    from .batch import expand_inputs as expand

    found = expand(items)
    return [(i.path, i.rel) for i in found.items], found.problems, found.many


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)


_COLUMN_HELP = {
    "text": "the report text (found by usual names: 报告全文, 全文, 正文, text, content, ...)",
    "region": "the region (地区, 区县名称, 城市, 省份, region, city, ...)",
    "year": "the year (年份, 年度, year, ...)",
    "id": "the row id that names FILE#ID and OUT/<file stem>/<ID>.json (编号, 序号, id, ...; "
    "default: the 1-based data row number)",
}


def _column_options(f: Any) -> Any:
    """``--text-column``, ``--region-column``, ``--year-column``, ``--id-column``."""
    for name in ("id", "year", "region", "text"):
        f = click.option(
            f"--{name}-column",
            f"{name}_column",
            default=None,
            metavar="NAME",
            help=f"Spreadsheets of reports (.xlsx/.csv, one per row): the column with "
            f"{_COLUMN_HELP[name]}.",
        )(f)
    return f


def _load(path: str, **columns: str | None) -> Report:
    """``load_report(path)``; a spreadsheet row ``FILE.xlsx#ID`` with the columns given."""
    from .formats import load_row
    from .ingest import _row_reference, load_report

    row = _row_reference(path) if any(columns.values()) else None
    if row is None:
        return load_report(path)
    return load_row(
        row[0],
        row[1],
        text_column=columns.get("text_column"),
        region_column=columns.get("region_column"),
        year_column=columns.get("year_column"),
        id_column=columns.get("id_column"),
    )


# ---------------------------------------------------------------- commands


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="summarizer")
def cli() -> None:
    """Structured, source-grounded summaries of Chinese local-government work reports."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--engine",
    "engine_name",
    default="auto",
    show_default=True,
    type=click.Choice(["auto", "rules", "llm", "local"]),
)
@click.option("--model", default=None, help="LLM model name (llm engine).")
@click.option("--base-url", default=None, help="OpenAI-compatible endpoint (llm engine).")
@click.option(
    "--mode", default=None, type=click.Choice(["tools", "json_schema", "json", "md_json"])
)
@click.option("--model-path", default=None, help="GGUF model file (local engine).")
@click.option(
    "--strategy",
    default=None,
    type=click.Choice(STRATEGIES),
    help="llm/local engines: the model extracts (extract) or labels the rules engine's "
    "candidates (review). Default: per engine, see the README.",
)
@click.option("--region", default=None, help="Region, when the text does not say.")
@click.option("--year", default=None, type=int, help="Plan year, when the text does not say.")
@click.option(
    "--format",
    "fmt",
    default="json",
    show_default=True,
    type=click.Choice(["json", "jsonl", "csv", "md", "html"]),
)
@click.option(
    "-o",
    "--output",
    default=None,
    help=(
        "Output file or folder. One input: a file, unless it is an existing folder or ends "
        "in /. A batch (several inputs, a folder or a glob): a folder (one output per report "
        "at its path relative to the folder or glob root given) unless the name ends in .json, "
        ".jsonl, .csv, .md or .html, then one file; -o out (no suffix) is the folder out/. "
        "Every batch with -o also writes _index.csv (one row per input) there."
    ),
)
@click.option(
    "--concurrency",
    default=None,
    type=click.IntRange(1, 256),
    help=(
        "Rules engine: worker processes for a batch of 24 reports or more (default: one per "
        "core, up to 4; 1 keeps one process). LLM engines: requests in flight."
    ),
)
@click.option("--no-cache", is_flag=True, help="Do not read or write the LLM cache.")
@click.option("--cache-dir", default=None, help="LLM cache directory.")
@click.option("--force", is_flag=True, help="Redo reports whose output already exists.")
@click.option("--strict", is_flag=True, help="Exit 1 when a summary has check violations.")
@click.option("--csv-bom", is_flag=True, help="Start CSV output with a UTF-8 BOM (for Excel).")
@click.option(
    "--region-year-from-path",
    "path_template",
    default=None,
    metavar="TEMPLATE",
    help=(
        "Region and year of each file from its path relative to the folder given, without "
        "the suffix, e.g. '{region}/{year}' or '{region}_{year}' ({year} is digits, * any "
        "text within a folder name; matched against the end of the path). Files that do not "
        "match keep what the text says (one warning)."
    ),
)
@click.option(
    "--meta",
    "meta_file",
    default=None,
    metavar="FILE.csv",
    help=(
        "Region and year per file from a CSV with the columns path, region, year (path as "
        "on the command line or relative to the folder given). Wins over --region-year-from-"
        "path, which wins over --region/--year; all win over the text."
    ),
)
@_column_options
@click.option(
    "-q", "--quiet", is_flag=True, help="No progress bar or totals on stderr (failures still)."
)
def summarize(
    paths: tuple[str, ...],
    engine_name: str,
    model: str | None,
    base_url: str | None,
    mode: str | None,
    model_path: str | None,
    strategy: str | None,
    region: str | None,
    year: int | None,
    fmt: str,
    output: str | None,
    concurrency: int | None,
    no_cache: bool,
    cache_dir: str | None,
    force: bool,
    strict: bool,
    csv_bom: bool,
    path_template: str | None,
    meta_file: str | None,
    text_column: str | None,
    region_column: str | None,
    year_column: str | None,
    id_column: str | None,
    quiet: bool,
) -> None:
    """Summarise report files, folders or globs.

    \b
    Reports: .txt, .html/.htm, .docx and .pdf (one report per file), and .xlsx/.xlsm/.csv
    spreadsheets of reports (one report per row: source.path FILE#ID, output
    OUT/<file stem>/<ID>.json; region and year columns win over the text and over
    --region-year-from-path and --region/--year, --meta rows named FILE#ID win over them).
    Folders are searched for all of these, skipping hidden files and Office lock files (~$*).
    One row alone: FILE.xlsx#ID.

    \b
    A rerun skips reports already finished with the same source bytes, engine, model and
    prompt version: per-report files, lines of a .jsonl file, and the reports _index.csv marks
    finished in a .csv panel (written as reports finish; an interrupted run keeps them).
    --force redoes everything.
    """
    from .batch import BatchOptions, expand_inputs, run_batch
    from .progress import nothing_found, summary_lines, two_reports

    found = expand_inputs(paths)
    for problem in found.problems:
        _err(problem)
    for warning in found.warnings:
        _err(f"warning: {warning}")
    options = BatchOptions(
        engine=engine_name, model=model, base_url=base_url, mode=mode, model_path=model_path,
        strategy=strategy, region=region, year=year, fmt=fmt, output=output, concurrency=concurrency,
        no_cache=no_cache, cache_dir=cache_dir, force=force, csv_bom=csv_bom, quiet=quiet,
        many=found.many, region_year_from_path=path_template, meta_file=meta_file,
        progress=not quiet and sys.stderr.isatty(), text_column=text_column,
        region_column=region_column, year_column=year_column, id_column=id_column,
    )  # fmt: skip
    result = run_batch(found.items, options, echo=_err)
    if found.many:
        for line in summary_lines(result, quiet=quiet):
            _err(line)
    else:
        for failure in result.failed:
            _err(f"{failure.path}: {failure.reason}")
        for path in result.empty:
            _err(nothing_found(path))
        for path, title in result.merged:
            _err(two_reports(path, title))
    code = EXIT_OK
    if strict and result.violations:
        code = EXIT_SHORT
    if found.problems or result.failed:
        code = EXIT_BAD
    raise SystemExit(code)


@cli.command()
@click.argument("summary_path", metavar="SUMMARY.json")
@click.option(
    "--source",
    "source_path",
    required=True,
    help="The report the summary is of: a .txt, .html, .docx or .pdf file, or a spreadsheet "
    "row FILE.xlsx#ID (or FILE.csv#ID).",
)
@click.option(
    "--format", "fmt", default="text", show_default=True, type=click.Choice(["text", "json"])
)
@_column_options
def check(summary_path: str, source_path: str, fmt: str, **columns: str | None) -> None:
    """Check every number of a summary against its source report (its text re-extracted)."""
    from .api import check as check_summary
    from .checker import format_violations

    report = _load(source_path, **columns)
    data = read_json(summary_path)
    if not isinstance(data, dict):
        raise InputError(
            f"{summary_path}: expected one JSON object (a summary), got {type(data).__name__}"
        )
    sha = (data.get("source") or {}).get("sha256") if isinstance(data.get("source"), dict) else None
    if sha and sha != report.sha256:
        raise InputError(
            f"{summary_path}: was made from a different source (sha256 {sha[:12]}…, "
            f"{source_path} has {report.sha256[:12]}…); check it against the report it came from"
        )
    result = check_summary(data, report.text)
    if fmt == "json":
        click.echo(_dumps(result.model_dump(mode="json")))
    else:
        click.echo(format_violations(result, report.text))
    raise SystemExit(EXIT_SHORT if result.violations else EXIT_OK)


@cli.command()
@click.argument("path")
@click.option(
    "--format", "fmt", default="text", show_default=True, type=click.Choice(["text", "json"])
)
@click.option(
    "--max-chars",
    default=None,
    type=click.IntRange(200, 100_000),
    help="Also list the LLM chunks cut to this size.",
)
@_column_options
def chunk(path: str, fmt: str, max_chars: int | None, **columns: str | None) -> None:
    """Show the section tree of a report (and its LLM chunks with --max-chars).

    PATH is a .txt, .html, .docx or .pdf report, or a spreadsheet row FILE.xlsx#ID.
    """
    from .chunking import chunk_report
    from .chunks import make_chunks

    doc = chunk_report(_load(path, **columns))
    chunks = make_chunks(doc, max_chars) if max_chars else []
    if fmt == "json":
        payload: dict[str, Any] = {"sections": [s.model_dump() for s in doc.sections]}
        if max_chars:
            payload["chunks"] = [
                {"path": c.path, "section": c.section, "heading": list(c.heading),
                 "start": c.start, "end": c.end, "chars": len(c.text)}
                for c in chunks
            ]  # fmt: skip
        click.echo(_dumps(payload))
        return
    for s in doc.sections:
        indent = "  " * (s.level - 1)
        click.echo(f"{indent}{s.path:<7} {s.kind:<8} {s.marker}{s.title}  [{s.start}:{s.end}]")
    for c in chunks:
        click.echo(f"chunk {c.path:<8} {len(c.text):>6} chars  {' > '.join(c.heading)[:60]}")


@cli.command(name="eval")
@click.argument("suite", metavar="SUITE.yaml")
@click.option("--engine", "engines", multiple=True, help="Engine(s) to run; repeat to compare.")
@click.option("--model", default=None)
@click.option("--base-url", default=None)
@click.option("--model-path", default=None)
@click.option(
    "--strategy",
    "strategies",
    multiple=True,
    type=click.Choice(STRATEGIES),
    help="llm/local engines: run each strategy given (repeat to compare them side by side).",
)
@click.option("-o", "--output", default=None, help="Write the results JSON here.")
@click.option("--baseline", default=None, help="Results JSON to compare against.")
@click.option(
    "--tag", "tags", multiple=True, help="Only the cases with this tag (repeat: any of them)."
)
@click.option(
    "--format", "fmt", default="text", show_default=True, type=click.Choice(["text", "json"])
)
def eval_cmd(
    suite: str,
    engines: tuple[str, ...],
    model: str | None,
    base_url: str | None,
    model_path: str | None,
    strategies: tuple[str, ...],
    output: str | None,
    baseline: str | None,
    tags: tuple[str, ...],
    fmt: str,
) -> None:
    """Run an eval suite and compare with thresholds and a baseline."""
    try:
        from .evals import run_eval_command
    except ImportError as exc:  # pragma: no cover - evals ship with the package
        raise UsageError("the eval command is not available in this installation") from exc
    code = run_eval_command(
        suite,
        engines=list(engines),
        model=model,
        base_url=base_url,
        model_path=model_path,
        strategies=list(strategies),
        output=output,
        baseline=baseline,
        tags=tags,
        fmt=fmt,
    )
    raise SystemExit(code)


@cli.command()
@click.argument("folder", metavar="OUT/")
@click.option(
    "-o", "--output", default=None, help="panel.csv or panel.parquet (default: CSV on stdout)."
)
@click.option("--wide", is_flag=True, help="Region x year rows, a column per key.measure.")
@click.option("--html", "html_path", default=None, help="Also write a self-contained chart page.")
def panel(folder: str, output: str | None, wide: bool, html_path: str | None) -> None:
    """The panel of a folder of summaries: one row per target and outcome, each target joined
    with the outcome the same region's next report states (target, outcome, met)."""
    try:
        from .panel import write_panel
    except ImportError as exc:
        raise UsageError(
            f"the panel needs pandas (and pyarrow, plotly): pip install 'summarizer[panel]' ({exc})"
        ) from exc
    raise SystemExit(write_panel(folder, output, wide=wide, html=html_path, echo=_err))


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
def serve(host: str, port: int) -> None:
    """Run the HTTP service (needs the server extra).

    \b
    Environment: SUMMARIZER_SERVICE_TOKEN (bearer token), SUMMARIZER_SERVICE_ENGINES (rules,llm,
    local; first is the default), SUMMARIZER_SERVICE_MODELS (llm allow-list besides
    SUMMARIZER_MODEL), SUMMARIZER_SERVICE_DB (job store), SUMMARIZER_SERVICE_MAX_BODY_BYTES,
    SUMMARIZER_SERVICE_MAX_REPORT_CHARS, SUMMARIZER_SERVICE_MAX_JOB_REPORTS,
    SUMMARIZER_SERVICE_CONCURRENCY. Engines use the usual SUMMARIZER_* settings and cache.
    """
    try:
        from .service import run_server
    except ImportError as exc:
        raise UsageError(
            f"the HTTP service needs the server extra ({exc.name or exc} is missing): "
            "pip install 'summarizer[server]'"
        ) from exc
    run_server(host, port)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv``; return the exit code (never raises for bad input)."""
    try:
        cli.main(
            args=list(argv) if argv is not None else None,
            prog_name="summarizer",
            standalone_mode=False,
        )
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else EXIT_BAD
    except SummarizerError as exc:
        _err(str(exc))
        return exc.exit_code
    except click.exceptions.Abort:
        _err("interrupted")
        return 130
    except click.ClickException as exc:
        exc.show()
        return EXIT_BAD
    except KeyboardInterrupt:
        _err("interrupted; finished reports are written and cached, rerun to resume")
        return 130
    return EXIT_OK


def main_entry() -> None:
    """Console-script entry point."""
    sys.exit(main())
