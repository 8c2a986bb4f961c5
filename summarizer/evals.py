"""Eval suites: run engines over fixture reports, score them against hand-written gold, compare
with thresholds and a baseline. ``summarizer eval`` calls :func:`run_eval_command`.

A suite is a YAML file (paths relative to it)::

    name: seeds
    description: the five seed reports          # optional
    engines: [rules]                            # default engines (or `engine: rules`); --engine wins
    model: null                                 # default model/base_url/model_path; flags win
    tolerance: 0.02                             # allowed drop against --baseline (or a mapping:
                                                #   {default: 0.02, violations_per_report: 0})
    thresholds:                                 # every case and the overall row must meet these
      headline_targets.f1: ">= 0.95"            #   ">= x", "<= x", "> x", "< x", "== x", or a bare
      violations_per_report: "<= 0"             #   number (>= for quality, <= for counts)
    overall_thresholds:                         # only the overall (micro-averaged) row
      targets.f1: ">= 0.9"
    cases:
      - id: yushui                              # optional; default: the fixture's stem
        fixture: fixtures/000_yushui.txt
        gold: gold/000_yushui.json
        tags: [county, 2024]
        thresholds: {projects.f1: ">= 0.5"}     # optional, this case only (overrides the above)

Metric names and definitions: :mod:`summarizer.eval_metrics`; the results JSON, the baseline
comparison and the terminal tables: :mod:`summarizer.eval_report`. Exit codes of
:func:`run_eval_command`: 0 every threshold met and no regression, 1 a threshold missed or a
metric regressed by more than the tolerance, 2 (raised :class:`EvalError` and friends) a
malformed suite, gold or baseline file.
"""

from __future__ import annotations

import asyncio
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from .errors import (
    ConfigError,
    EndpointError,
    EvalError,
    ModelFileError,
    PromptError,
    SummarizerError,
    UsageError,
)
from .eval_metrics import (
    DEFAULT_PARTS,
    EPS,
    OVERALL,
    SPECS,
    CaseScore,
    GoldItems,
    Metric,
    Part,
    add_counts,
    derive,
    is_number,
    score_case,
)
from .eval_report import (
    Delta,
    compare,
    git_revision,
    load_baseline,
    render_text,
    results_dict,
)
from .files import atomic_write, read_json
from .models import (
    Meta,
    Outcome,
    Priority,
    Project,
    QualitativeTarget,
    ReportSummary,
    Section,
    Source,
    Target,
)

# ---------------------------------------------------------------- suites


@dataclass(frozen=True)
class Threshold:
    """``value op bound`` must hold, e.g. ``>= 0.95``."""

    op: str
    bound: float

    def holds(self, value: float) -> bool:
        b = self.bound
        return {
            ">=": value >= b - EPS,
            "<=": value <= b + EPS,
            ">": value > b,
            "<": value < b,
            "==": abs(value - b) <= EPS,
        }[self.op]

    def __str__(self) -> str:
        return f"{self.op} {self.bound:g}"


@dataclass
class Case:
    id: str
    fixture: Path
    gold: Path
    tags: list[str] = field(default_factory=list)
    thresholds: dict[str, Threshold] = field(default_factory=dict)


@dataclass
class Suite:
    path: Path
    name: str
    cases: list[Case]
    description: str = ""
    engines: list[str] = field(default_factory=list)
    model: str | None = None
    base_url: str | None = None
    model_path: str | None = None
    tolerance: float = 0.02
    tolerances: dict[str, float] = field(default_factory=dict)
    thresholds: dict[str, Threshold] = field(default_factory=dict)
    overall_thresholds: dict[str, Threshold] = field(default_factory=dict)

    def tolerance_for(self, metric: str) -> float:
        return self.tolerances.get(metric, self.tolerance)

    def thresholds_for(self, case: Case | None) -> dict[str, Threshold]:
        if case is None:
            return {**self.thresholds, **self.overall_thresholds}
        return {**self.thresholds, **case.thresholds}


_SUITE_KEYS = ("name", "description", "engine", "engines", "model", "base_url", "model_path",
               "tolerance", "thresholds", "overall_thresholds", "cases")  # fmt: skip
_CASE_KEYS = ("id", "fixture", "gold", "tags", "thresholds")
_THRESHOLD = re.compile(r"^\s*(>=|<=|==|>|<)\s*([-+]?\d+(?:\.\d*)?(?:[eE][-+]?\d+)?)\s*$")


def _bad(path: Path | str, where: str, problem: str) -> EvalError:
    return EvalError(f"{path}: {where}: {problem}")


def _opt_str(path: Path, data: dict[str, Any], key: str) -> str | None:
    v = data.get(key)
    if v is not None and not isinstance(v, str):
        raise _bad(path, key, f"expected a string, got {type(v).__name__}")
    return v


def _parse_thresholds(path: Path, where: str, raw: Any) -> dict[str, Threshold]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise _bad(path, where, "expected a mapping of metric name to threshold")
    out = {}
    for name, spec in raw.items():
        here = f"{where}.{name}"
        if name not in SPECS:
            raise _bad(path, here, f"unknown metric; known: {', '.join(SPECS)}")
        if is_number(spec):
            op = "<=" if SPECS[name].better != "higher" else ">="
            out[name] = Threshold(op, float(spec))
            continue
        m = _THRESHOLD.match(spec) if isinstance(spec, str) else None
        if not m:
            raise _bad(path, here, f"expected a number or '>= 0.95' style bound, got {spec!r}")
        out[name] = Threshold(m.group(1), float(m.group(2)))
    return out


def load_suite(path: str | Path) -> Suite:
    """Read and validate a suite file; :class:`EvalError` names the file and field at fault."""
    p = Path(path)
    if not p.is_file():
        raise EvalError(
            f"{p}: no such suite file; give the path of a suite YAML (e.g. evals/seeds.yaml)"
        )
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise EvalError(f"{p}: is not UTF-8 text ({exc.reason})") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1} column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise EvalError(f"{p}: malformed YAML{where}: {problem}") from exc
    if not isinstance(data, dict):
        raise EvalError(f"{p}: expected a mapping with name, cases and thresholds")
    unknown = [k for k in data if k not in _SUITE_KEYS]
    if unknown:
        raise _bad(p, str(unknown[0]), f"unknown field; known: {', '.join(_SUITE_KEYS)}")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise _bad(p, "name", "required: a non-empty string")
    if "engine" in data and "engines" in data:
        raise _bad(p, "engine", "give either engine or engines, not both")
    engines_raw = data.get("engines", data.get("engine"))
    engine_key = "engines" if "engines" in data else "engine"
    if engines_raw is None:
        engines: list[str] = []
    elif isinstance(engines_raw, str):
        engines = [engines_raw]
    elif isinstance(engines_raw, list) and all(isinstance(e, str) for e in engines_raw):
        engines = list(engines_raw)
    else:
        raise _bad(p, engine_key, "expected an engine name or a list of them")
    tolerance, tolerances = _parse_tolerance(p, data.get("tolerance", 0.02))
    cases_raw = data.get("cases")
    if not isinstance(cases_raw, list) or not cases_raw:
        raise _bad(p, "cases", "required: a non-empty list of cases (fixture, gold, tags)")
    cases: list[Case] = []
    seen: set[str] = set()
    for i, raw in enumerate(cases_raw):
        case = _parse_case(p, i, raw)
        if case.id in seen or case.id == OVERALL:
            raise _bad(
                p, f"cases[{i}].id", f"{case.id!r} is used twice or reserved; ids must be unique"
            )
        seen.add(case.id)
        cases.append(case)
    description = data.get("description") or ""
    if not isinstance(description, str):
        raise _bad(p, "description", "expected a string")
    return Suite(
        path=p,
        name=name,
        description=description,
        cases=cases,
        engines=engines,
        model=_opt_str(p, data, "model"),
        base_url=_opt_str(p, data, "base_url"),
        model_path=_opt_str(p, data, "model_path"),
        tolerance=tolerance,
        tolerances=tolerances,
        thresholds=_parse_thresholds(p, "thresholds", data.get("thresholds")),
        overall_thresholds=_parse_thresholds(
            p, "overall_thresholds", data.get("overall_thresholds")
        ),
    )


def _parse_tolerance(p: Path, raw: Any) -> tuple[float, dict[str, float]]:
    if is_number(raw) and raw >= 0:
        return float(raw), {}
    if isinstance(raw, dict):
        default = 0.02
        per: dict[str, float] = {}
        for k, v in raw.items():
            if not is_number(v) or v < 0:
                raise _bad(p, f"tolerance.{k}", f"expected a number >= 0, got {v!r}")
            if k == "default":
                default = float(v)
            elif k in SPECS:
                per[k] = float(v)
            else:
                raise _bad(
                    p, f"tolerance.{k}", f"unknown metric; known: default, {', '.join(SPECS)}"
                )
        return default, per
    raise _bad(p, "tolerance", f"expected a number >= 0 or a mapping, got {raw!r}")


def _parse_case(p: Path, i: int, raw: Any) -> Case:
    where = f"cases[{i}]"
    if not isinstance(raw, dict):
        raise _bad(p, where, "expected a mapping with fixture, gold and tags")
    unknown = [k for k in raw if k not in _CASE_KEYS]
    if unknown:
        raise _bad(p, f"{where}.{unknown[0]}", f"unknown field; known: {', '.join(_CASE_KEYS)}")
    paths: dict[str, Path] = {}
    for key in ("fixture", "gold"):
        v = raw.get(key)
        if not isinstance(v, str) or not v.strip():
            raise _bad(p, f"{where}.{key}", "required: a path relative to the suite file")
        full = Path(v) if Path(v).is_absolute() else p.parent / v
        if not full.is_file():
            raise _bad(p, f"{where}.{key}", f"no such file {full}")
        paths[key] = full
    cid = raw.get("id", paths["fixture"].stem)
    if not isinstance(cid, str | int) or not str(cid).strip():
        raise _bad(p, f"{where}.id", "expected a non-empty string")
    tags = raw.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(t, str | int) for t in tags):
        raise _bad(p, f"{where}.tags", "expected a list of strings")
    return Case(
        id=str(cid),
        fixture=paths["fixture"],
        gold=paths["gold"],
        tags=[str(t) for t in tags],
        thresholds=_parse_thresholds(p, f"{where}.thresholds", raw.get("thresholds")),
    )


# ---------------------------------------------------------------- gold files


class _GoldFile(BaseModel):
    """The gold format: the items of a ReportSummary, with every field of the models."""

    model_config = ConfigDict(extra="forbid")

    fixture: str | None = None
    place: str | None = None
    split: str | None = None
    region: str | None = None
    year: int | None = None
    annotated: list[Part] = list(DEFAULT_PARTS)
    notes: str | list[str] | None = None
    sections: list[Section] = []
    targets: list[Target]
    qualitative_targets: list[QualitativeTarget]
    priorities: list[Priority]
    projects: list[Project]
    outcomes: list[Outcome] = []


def _loc(loc: Sequence[int | str]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def load_gold(path: str | Path, text: str, *, fixture: Path | None = None) -> GoldItems:
    """Read a gold file and check it against the fixture ``text`` (quotes at their offsets).

    Raises :class:`EvalError` naming the file and the field (``targets[3].value``)."""
    p = Path(path)
    data = read_json(p, error=EvalError)
    if not isinstance(data, dict):
        raise EvalError(
            f"{p}: expected one JSON object with targets, qualitative_targets, priorities, projects"
        )
    try:
        gold = _GoldFile.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise _bad(p, _loc(err["loc"]), f"{err['msg']}{more}") from None
    if fixture is not None and gold.fixture and Path(gold.fixture).name != fixture.name:
        raise _bad(
            p, "fixture", f"names {gold.fixture!r} but the suite pairs it with {fixture.name}"
        )
    n = len(text)
    quoted: list[tuple[str, Target | Outcome | QualitativeTarget | Project]] = [
        *((f"targets[{i}]", t) for i, t in enumerate(gold.targets)),
        *((f"outcomes[{i}]", t) for i, t in enumerate(gold.outcomes)),
        *((f"qualitative_targets[{i}]", t) for i, t in enumerate(gold.qualitative_targets)),
        *((f"projects[{i}]", t) for i, t in enumerate(gold.projects)),
    ]
    for where, item in quoted:
        if not (0 <= item.start <= item.end <= n) or text[item.start : item.end] != item.quote:
            got = text[item.start : item.end] if 0 <= item.start <= item.end <= n else ""
            raise _bad(
                p,
                f"{where}.quote",
                f"text[{item.start}:{item.end}] is {got[:40]!r}, not the quote {item.quote[:40]!r}",
            )
        if isinstance(item, Target | Outcome) and not (
            item.start <= item.value_start < item.value_end <= item.end
        ):
            raise _bad(p, f"{where}.value_start", "the value span must lie inside the quote span")
    for i, pr in enumerate(gold.priorities):
        if not 0 <= pr.start < pr.end <= n:
            raise _bad(p, f"priorities[{i}].start", f"span {pr.start}:{pr.end} is outside the text")
    return GoldItems(
        targets=gold.targets,
        qualitative_targets=gold.qualitative_targets,
        priorities=gold.priorities,
        projects=gold.projects,
        outcomes=gold.outcomes,
        annotated=frozenset(gold.annotated),
        region=gold.region,
        year=gold.year,
    )


# ---------------------------------------------------------------- running


@dataclass
class CaseResult:
    case: Case
    score: CaseScore
    error: str | None = None
    failures: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class RunResult:
    label: str
    engine: str
    model: str | None
    prompt_version: str | None
    cases: list[CaseResult]
    overall: dict[str, Metric]
    overall_counts: dict[str, float]
    failures: list[dict[str, Any]] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.failures


def _label(engine: Any) -> str:
    label = f"{engine.name}:{engine.model}" if getattr(engine, "model", None) else str(engine.name)
    strategy = getattr(engine, "strategy", None)
    return f"{label}:{strategy}" if strategy else label


def _make_engines(suite: Suite, engines: Sequence[Any], model: str | None, base_url: str | None,
                  model_path: str | None, strategies: Sequence[str] = ()) -> list[Any]:  # fmt: skip
    from .engines import create_engine
    from .engines.base import Engine

    wanted = list(engines) or suite.engines or ["rules"]
    made: list[Engine] = []
    for item in wanted:
        if isinstance(item, Engine):
            made.append(item)
            continue
        if item == "rules":
            made.append(create_engine("rules"))
            continue
        from .settings import load_settings

        for strategy in list(strategies) or [""]:
            settings = load_settings(
                model=model or suite.model,
                base_url=base_url or suite.base_url,
                model_path=model_path or suite.model_path,
                **({"strategy": strategy} if strategy else {}),
            )
            made.append(create_engine(str(item), settings))
    return made


_FATAL = (EndpointError, ModelFileError, ConfigError, UsageError, PromptError, EvalError)


async def _run_engine(suite: Suite, engine: Any, loaded: list[tuple[Case, Any, GoldItems]],
                      concurrency: int) -> RunResult:  # fmt: skip
    from .pipeline import summarize_report

    gate = asyncio.Semaphore(max(1, concurrency))

    async def one(case: Case, report: Any, gold: GoldItems) -> CaseResult:
        async with gate:
            try:
                summary = await summarize_report(report, engine)
            except _FATAL:
                raise
            except Exception as exc:  # a broken engine fails its case, with the reason
                message = (
                    str(exc) if isinstance(exc, SummarizerError) else f"{type(exc).__name__}: {exc}"
                )
                empty = ReportSummary(
                    source=Source(path=report.path, sha256=report.sha256, chars=report.chars,
                                  encoding=report.encoding),
                    meta=Meta(engine=engine.name, model=engine.model),
                )  # fmt: skip
                score = score_case(empty, gold, report.text)
                for name, m in score.metrics.items():
                    score.metrics[name] = Metric(m.value, f"engine failed ({message}); {m.reason}")
                return CaseResult(case, score, error=message)
            return CaseResult(case, score_case(summary, gold, report.text))

    results = list(await asyncio.gather(*(one(c, r, g) for c, r, g in loaded)))
    counts = add_counts(r.score.counts for r in results)
    overall = _overall_metrics(counts, results)
    run = RunResult(
        label=_label(engine),
        engine=str(engine.name),
        model=engine.model,
        prompt_version=engine.prompt_version,
        cases=results,
        overall=overall,
        overall_counts=counts,
    )
    _check_thresholds(suite, run)
    return run


def _overall_metrics(counts: dict[str, float], results: list[CaseResult]) -> dict[str, Metric]:
    """Micro-averaged metrics; each reason names the cases that pull it down most."""
    out = derive(counts)
    for name, m in out.items():
        spec = SPECS[name]
        vals: list[tuple[str, float]] = []
        for r in results:
            v = r.score.metrics[name].value
            if v is not None:
                vals.append((r.case.id, v))
        if spec.better == "info" or not vals:
            continue
        worst = sorted(vals, key=lambda cv: cv[1], reverse=spec.better == "lower")[:3]
        best = max(v for _, v in vals) if spec.better == "higher" else min(v for _, v in vals)
        shown = [f"{cid} {v:.2f}" for cid, v in worst if v != best]
        if shown:
            out[name] = Metric(m.value, f"{m.reason}; lowest: {', '.join(shown)}"
                               if spec.better == "higher" else f"{m.reason}; highest: {', '.join(shown)}")  # fmt: skip
    return out


def _check_thresholds(suite: Suite, run: RunResult) -> None:
    rows: list[tuple[str, Case | None, dict[str, Metric], list[dict[str, Any]]]] = [
        (r.case.id, r.case, r.score.metrics, r.failures) for r in run.cases
    ]
    overall_failures: list[dict[str, Any]] = []
    rows.append((OVERALL, None, run.overall, overall_failures))
    for cid, case, metrics, sink in rows:
        for name, thr in suite.thresholds_for(case).items():
            m = metrics[name]
            if m.value is None or thr.holds(m.value):
                continue
            sink.append({"case": cid, "metric": name, "value": m.value,
                         "threshold": str(thr), "reason": m.reason})  # fmt: skip
    for r in run.cases:
        run.failures.extend(r.failures)
    run.failures.extend(overall_failures)


def run_suite(suite: Suite, engines: Sequence[Any] = (), *, model: str | None = None,
              base_url: str | None = None, model_path: str | None = None,
              strategies: Sequence[str] = ()) -> list[RunResult]:  # fmt: skip
    """Run every engine over every case of ``suite``, one engine after the other.

    ``engines`` are names (``rules``, ``llm``, ``local``, ``auto``; built with the settings from
    ``model``/``base_url``/``model_path``, else the suite's, else the environment) or
    :class:`~summarizer.engines.base.Engine` objects (left open for the caller); an llm or local
    engine named runs once per ``strategies`` entry (side by side). Malformed suite
    or gold files raise :class:`EvalError` before any engine runs."""
    from .ingest import load_report
    from .pipeline import run as run_sync

    loaded = []
    for i, case in enumerate(suite.cases):
        try:
            report = load_report(case.fixture)
        except SummarizerError as exc:
            raise _bad(suite.path, f"cases[{i}].fixture", str(exc)) from exc
        loaded.append((case, report, load_gold(case.gold, report.text, fixture=case.fixture)))
    made = _make_engines(suite, engines, model, base_url, model_path, strategies)
    given = {id(e) for e in engines if not isinstance(e, str)}

    async def main() -> list[RunResult]:
        try:
            runs = []
            for engine in made:
                settings = getattr(engine, "settings", None)
                concurrency = 1 if engine.name == "rules" else getattr(settings, "concurrency", 4)
                runs.append(await _run_engine(suite, engine, loaded, concurrency))
            return runs
        finally:
            for engine in made:
                if id(engine) not in given:  # engines passed in stay the caller's to close
                    await engine.aclose()

    runs = run_sync(main())
    labels: dict[str, int] = {}
    for run in runs:
        labels[run.label] = labels.get(run.label, 0) + 1
        if labels[run.label] > 1:
            run.label = f"{run.label}#{labels[run.label]}"
    return runs


# ---------------------------------------------------------------- the command


def run_eval_command(
    suite: str | Path,
    *,
    engines: Sequence[Any] = (),
    model: str | None = None,
    base_url: str | None = None,
    model_path: str | None = None,
    strategies: Sequence[str] = (),
    output: str | Path | None = None,
    baseline: str | Path | None = None,
    tags: Sequence[str] = (),
    fmt: str = "text",
    out: IO[str] | None = None,
) -> int:
    """``summarizer eval``: 0 all thresholds met and no regression, 1 otherwise.

    ``engines`` are names (``rules``, ``llm``, ``local``, ``auto``) or :class:`Engine` objects;
    none given means the suite's default engines, else ``rules``. ``tags`` keeps only the cases
    carrying one of them (``--tag check``). Malformed suite, gold or baseline files raise
    :class:`EvalError` (the CLI prints it and exits 2).
    """
    if fmt not in ("text", "json"):
        raise UsageError(f"unknown format {fmt!r}; choose text or json")
    the_suite = load_suite(suite)
    if tags:
        kept = [c for c in the_suite.cases if set(c.tags) & set(tags)]
        if not kept:
            raise UsageError(f"{suite}: no case has the tag(s) {', '.join(tags)}")
        the_suite.cases = kept
    base = load_baseline(baseline) if baseline else None
    runs = run_suite(the_suite, engines, model=model, base_url=base_url, model_path=model_path,
                     strategies=strategies)  # fmt: skip
    results = results_dict(the_suite, runs)
    deltas: list[Delta] | None = None
    notes: list[str] = []
    if base is not None:
        deltas, notes = compare(the_suite, runs, base)
        results["baseline"] = {
            "path": str(baseline),
            "settings": base.get("settings"),
            "deltas": [d.as_dict() for d in deltas],
            "regressions": [d.as_dict() for d in deltas if d.regressed],
            "notes": notes,
        }
        results["passed"] = results["passed"] and not any(d.regressed for d in deltas)
    stream = out if out is not None else sys.stdout
    if fmt == "json":
        stream.write(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    else:
        render_text(the_suite, runs, results, deltas, notes, stream)
    if output:
        atomic_write(Path(output), json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    return 0 if results["passed"] else 1


__all__ = [
    "Case",
    "CaseResult",
    "Delta",
    "RunResult",
    "Suite",
    "Threshold",
    "compare",
    "git_revision",
    "load_baseline",
    "load_gold",
    "load_suite",
    "results_dict",
    "run_eval_command",
    "run_suite",
]
