"""Eval results: the results JSON, the comparison with a baseline, the terminal tables.

Used by :func:`summarizer.evals.run_eval_command`; the suites and the running live in
:mod:`summarizer.evals`, the metrics in :mod:`summarizer.eval_metrics`.
"""

from __future__ import annotations

import datetime as _dt
import json
import platform
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from .errors import EvalError
from .eval_metrics import EPS, METRICS, OVERALL, SPECS, Metric, is_number

if TYPE_CHECKING:
    from .evals import RunResult, Suite

RESULTS_VERSION = 1


# ---------------------------------------------------------------- results JSON


def git_revision() -> str | None:
    """``git rev-parse HEAD`` of the source tree, or None when git or the repository is absent."""
    try:
        proc = subprocess.run(
            ["git", "rev-parse", "HEAD"],
            cwd=Path(__file__).resolve().parent,
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    rev = proc.stdout.strip()
    return rev if proc.returncode == 0 and re.fullmatch(r"[0-9a-f]{40,64}", rev) else None


def _metrics_dict(metrics: dict[str, Metric]) -> dict[str, Any]:
    return {name: metrics[name].as_dict() for name in SPECS if name in metrics}


def results_dict(suite: Suite, runs: list[RunResult]) -> dict[str, Any]:
    """The results file: the suite, the run's settings, every run's cases and overall row."""
    from . import __version__

    return {
        "results_version": RESULTS_VERSION,
        "suite": {
            "name": suite.name,
            "path": str(suite.path),
            "cases": len(suite.cases),
            "tolerance": suite.tolerance,
            "tolerances": suite.tolerances,
            "thresholds": {k: str(v) for k, v in suite.thresholds.items()},
            "overall_thresholds": {k: str(v) for k, v in suite.overall_thresholds.items()},
        },
        "settings": {
            "package_version": __version__,
            "git_revision": git_revision(),
            "timestamp": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
            "python": platform.python_version(),
        },
        "passed": all(r.passed for r in runs),
        "runs": [
            {
                "label": r.label,
                "engine": r.engine,
                "model": r.model,
                "prompt_version": r.prompt_version,
                "passed": r.passed,
                "cases": [
                    {
                        "id": c.case.id,
                        "tags": c.case.tags,
                        "fixture": str(c.case.fixture),
                        "gold": str(c.case.gold),
                        "error": c.error,
                        "passed": not c.failures,
                        "metrics": _metrics_dict(c.score.metrics),
                        "counts": c.score.counts,
                    }
                    for c in r.cases
                ],
                "overall": {
                    "passed": not any(f["case"] == OVERALL for f in r.failures),
                    "metrics": _metrics_dict(r.overall),
                    "counts": r.overall_counts,
                },
                "failures": r.failures,
            }
            for r in runs
        ],
    }


# ---------------------------------------------------------------- baseline


def load_baseline(path: str | Path) -> dict[str, Any]:
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8-sig"))
    except FileNotFoundError as exc:
        raise EvalError(f"{p}: no such baseline file; give a results JSON written with -o") from exc
    except OSError as exc:
        raise EvalError(f"{p}: cannot be read ({exc.strerror})") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvalError(f"{p}: not a results JSON ({exc})") from exc
    runs = data.get("runs") if isinstance(data, dict) else None
    if not isinstance(runs, list) or not all(
        isinstance(r, dict) and isinstance(r.get("cases"), list) for r in runs
    ):
        raise EvalError(
            f"{p}: runs: missing or malformed; give a results JSON written by `summarizer eval -o`"
        )
    return data


def _baseline_values(run: dict[str, Any]) -> dict[str, dict[str, float | None]]:
    out: dict[str, dict[str, float | None]] = {}
    rows = [(c.get("id"), c.get("metrics")) for c in run["cases"] if isinstance(c, dict)]
    overall = run.get("overall")
    if isinstance(overall, dict):
        rows.append((OVERALL, overall.get("metrics")))
    for cid, metrics in rows:
        if not isinstance(cid, str) or not isinstance(metrics, dict):
            continue
        out[cid] = {
            name: (m.get("value") if isinstance(m, dict) and is_number(m.get("value")) else None)
            for name, m in metrics.items()
        }
    return out


@dataclass
class Delta:
    run: str
    case: str
    metric: str
    baseline: float
    current: float
    tolerance: float

    @property
    def delta(self) -> float:
        return self.current - self.baseline

    @property
    def regressed(self) -> bool:
        better = SPECS[self.metric].better
        if better == "higher":
            return self.delta < -self.tolerance - EPS
        if better == "lower":
            return self.delta > self.tolerance + EPS
        return False

    def as_dict(self) -> dict[str, Any]:
        return {"run": self.run, "case": self.case, "metric": self.metric,
                "baseline": self.baseline, "current": self.current,
                "delta": round(self.delta, 6), "tolerance": self.tolerance,
                "regressed": self.regressed}  # fmt: skip


def compare(
    suite: Suite, runs: list[RunResult], baseline: dict[str, Any]
) -> tuple[list[Delta], list[str]]:
    """Deltas of every metric per case (and overall) against the baseline; notes on what did not pair."""
    base_runs = {str(r.get("label")): r for r in baseline["runs"]}
    deltas: list[Delta] = []
    notes: list[str] = []
    for run in runs:
        base = base_runs.get(run.label)
        if base is None:
            same_engine = [r for r in baseline["runs"] if r.get("engine") == run.engine]
            if len(same_engine) == 1:
                base = same_engine[0]
            elif len(runs) == 1 and len(base_runs) == 1:
                base = next(iter(base_runs.values()))
            if base is not None:
                notes.append(f"comparing {run.label} with the baseline's run {base.get('label')}")
        if base is None:
            notes.append(f"{run.label}: no run with this label in the baseline")
            continue
        values = _baseline_values(base)
        rows = [(c.case.id, c.score.metrics) for c in run.cases] + [(OVERALL, run.overall)]
        for cid, metrics in rows:
            if cid not in values:
                notes.append(f"{run.label} {cid}: not in the baseline")
                continue
            for spec in METRICS:
                b = values[cid].get(spec.name)
                cur = metrics[spec.name].value
                if b is None or cur is None:
                    continue
                deltas.append(Delta(run.label, cid, spec.name, float(b), cur,
                                    suite.tolerance_for(spec.name)))  # fmt: skip
    return deltas, notes


# ---------------------------------------------------------------- terminal output

_TABLE_METRICS = ("targets.f1", "headline_targets.f1", "section_targets.f1",
                  "targets.qualifier_accuracy", "targets.direction_accuracy",
                  "qualitative_targets.f1", "priorities.count_exact", "priorities.title_match",
                  "projects.f1", "projects.amount_exact", "outcomes.f1", "grounding_rate",
                  "violations_per_report")  # fmt: skip
_LLM_METRICS = ("usage.requests", "usage.tokens", "usage.cached")


def _cell(name: str, v: float | None) -> str:
    if v is None:
        return "-"
    if name.startswith("usage.") or name == "violations_per_report":
        return f"{v:.1f}" if not float(v).is_integer() else str(int(v))
    return f"{v:.2f}"


def _precise(name: str, v: float | None) -> str:
    """Values in failure and regression lines: enough digits to see why 0.947 < 0.95."""
    if v is None or name.startswith("usage.") or name == "violations_per_report":
        return _cell(name, v)
    return f"{v:.3f}"


def render_text(suite: Suite, runs: list[RunResult], results: dict[str, Any],
                deltas: list[Delta] | None, notes: list[str], out: IO[str]) -> None:  # fmt: skip
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console(file=out, width=None if out.isatty() else 200, highlight=False,
                      soft_wrap=False)  # fmt: skip
    settings = results["settings"]
    rev = (settings["git_revision"] or "no git")[:10]
    console.print(f"suite {suite.name}: {len(suite.cases)} case(s), {len(runs)} engine(s) · "
                  f"summarizer {settings['package_version']} · {rev}", markup=False)  # fmt: skip
    llm = any(
        r.engine in ("llm", "local")
        or r.overall_counts.get("usage.requests", 0)
        or r.overall_counts.get("usage.cached", 0)
        for r in runs
    )
    names = list(_TABLE_METRICS) + (list(_LLM_METRICS) if llm else []) + ["seconds"]
    table = Table(show_lines=False)
    table.add_column("case", no_wrap=True)
    table.add_column("engine", no_wrap=True)
    for name in names:
        table.add_column(SPECS[name].header, justify="right", no_wrap=True)
    table.add_column("ok", no_wrap=True)
    for i, case in enumerate(suite.cases):
        for run in runs:
            r = run.cases[i]
            ok = "ERROR" if r.error else ("pass" if not r.failures else "FAIL")
            style = "red" if r.failures else None
            table.add_row(escape(case.id), escape(run.label),
                          *(_cell(n, r.score.metrics[n].value) for n in names), ok, style=style)  # fmt: skip
    table.add_section()
    for run in runs:
        failed = any(f["case"] == OVERALL for f in run.failures)
        table.add_row(OVERALL, escape(run.label), *(_cell(n, run.overall[n].value) for n in names),
                      "FAIL" if failed else "pass", style="bold red" if failed else "bold")  # fmt: skip
    console.print(table)
    for run in runs:
        for f in run.failures:
            console.print(f"FAIL {run.label} {f['case']}: {f['metric']} {_precise(f['metric'], f['value'])} "
                          f"(needs {f['threshold']}) - {f['reason']}", markup=False, soft_wrap=True)  # fmt: skip
        for r in run.cases:
            if r.error:
                console.print(
                    f"ERROR {run.label} {r.case.id}: {r.error}", markup=False, soft_wrap=True
                )
    for note in notes:
        console.print(f"note: {note}", markup=False, soft_wrap=True)
    if deltas is not None:
        _render_deltas(console, suite, runs, deltas)
    n_fail = sum(len(r.failures) for r in runs)
    n_reg = sum(1 for d in deltas or [] if d.regressed)
    if n_fail or n_reg:
        console.print(f"FAILED: {n_fail} threshold(s) missed, {n_reg} regression(s)", markup=False)
    else:
        console.print("passed: every threshold met" + (", no regression" if deltas is not None else ""),
                      markup=False)  # fmt: skip


def _render_deltas(console: Any, suite: Suite, runs: list[RunResult], deltas: list[Delta]) -> None:
    from rich.markup import escape
    from rich.table import Table

    by_key = {(d.run, d.case, d.metric): d for d in deltas}
    for run in runs:
        if not any(d.run == run.label for d in deltas):
            continue
        ids = [c.case.id for c in run.cases] + [OVERALL]
        table = Table(
            title=escape(f"{run.label}: against the baseline (tolerance {suite.tolerance:g})")
        )
        table.add_column("metric", no_wrap=True)
        for cid in ids:
            table.add_column(escape(cid), justify="right", no_wrap=True)
        llm = any(d.run == run.label and d.metric == "usage.requests" and (d.current or d.baseline)
                  for d in deltas)  # fmt: skip
        for spec in METRICS:
            if spec.llm_only and not llm:
                continue
            cells = []
            for cid in ids:
                d = by_key.get((run.label, cid, spec.name))
                if d is None:
                    cells.append("-")
                    continue
                text = f"{_cell(spec.name, d.current)} ({d.delta + 0.0:+.2f})"
                cells.append(f"[red]{text} !![/red]" if d.regressed else text)
            if all(c == "-" for c in cells):
                continue
            table.add_row(spec.name, *cells)
        console.print(table)
    for d in deltas:
        if d.regressed:
            console.print(
                f"REGRESSED {d.run} {d.case}: {d.metric} {_precise(d.metric, d.baseline)} -> "
                f"{_precise(d.metric, d.current)} ({d.delta:+.3f}, tolerance {d.tolerance:g})",
                markup=False, soft_wrap=True,
            )  # fmt: skip
