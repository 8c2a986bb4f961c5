"""Metrics of the eval suites: match a summary against hand-written gold, count, explain.

Every metric is a ratio of counts, so a case and the overall row (micro-averaged over cases)
are computed by the same :func:`derive` from a :class:`Counts` (the overall row from the sum
of the cases' counts). Each value comes with a reason that says why it is what it is
(``recall 0.83 (5/6): missed 规上工业增加值 9% at 1234``), so a failing case explains itself.

Matching, one-to-one and greedy (the pair with the most overlapping span first):

- targets: value, value_max and unit agree by magnitude (``numbers.same_amount``: 30 万人 is
  300000 人) and the indicator agrees: the same ``key`` when both have one, else one indicator
  contains the other (spaces stripped, case folded) or their character overlap is >= 0.6;
- outcomes: as targets (value, value_max, unit and indicator), scored only when the gold's
  ``annotated`` lists ``outcomes``;
- qualitative targets: the spans overlap or the indicator agrees (as above);
- projects: one name contains the other or their character overlap is >= 0.6;
- priorities: by position (ordinal order); a title matches when it is equal to the gold title.

Character overlap of ``a`` and ``b`` is ``|chars(a) ∩ chars(b)| / max(len(a), len(b))``, with
characters counted as multisets.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, TypeVar

from .models import Outcome, Priority, Project, QualitativeTarget, ReportSummary, Target
from .units import same_amount

T = TypeVar("T")
G = TypeVar("G")

Better = Literal["higher", "lower", "info"]
OVERLAP_RATIO = 0.6
OVERALL = "overall"  # the id of the micro-averaged row (reserved: no case may use it)
EPS = 1e-9
_MAX_LISTED = 3


@dataclass(frozen=True)
class MetricSpec:
    """A metric's name (as used in suites and results), which way is better, a short header."""

    name: str
    better: Better
    header: str
    llm_only: bool = False


METRICS: tuple[MetricSpec, ...] = (
    MetricSpec("targets.precision", "higher", "tgt P"),
    MetricSpec("targets.recall", "higher", "tgt R"),
    MetricSpec("targets.f1", "higher", "tgt F1"),
    MetricSpec("headline_targets.precision", "higher", "head P"),
    MetricSpec("headline_targets.recall", "higher", "head R"),
    MetricSpec("headline_targets.f1", "higher", "head F1"),
    MetricSpec("section_targets.precision", "higher", "sect P"),
    MetricSpec("section_targets.recall", "higher", "sect R"),
    MetricSpec("section_targets.f1", "higher", "sect F1"),
    MetricSpec("targets.qualifier_accuracy", "higher", "qualif"),
    MetricSpec("targets.direction_accuracy", "higher", "direct"),
    MetricSpec("outcomes.precision", "higher", "out P"),
    MetricSpec("outcomes.recall", "higher", "out R"),
    MetricSpec("outcomes.f1", "higher", "out F1"),
    MetricSpec("outcomes.period_accuracy", "higher", "period"),
    MetricSpec("qualitative_targets.precision", "higher", "qual P"),
    MetricSpec("qualitative_targets.recall", "higher", "qual R"),
    MetricSpec("qualitative_targets.f1", "higher", "qual F1"),
    MetricSpec("meta.region_accuracy", "higher", "region"),
    MetricSpec("meta.region_wrong", "lower", "reg ✗"),
    MetricSpec("meta.year_accuracy", "higher", "year"),
    MetricSpec("priorities.count_exact", "higher", "prio n"),
    MetricSpec("priorities.title_match", "higher", "prio T"),
    MetricSpec("projects.precision", "higher", "proj P"),
    MetricSpec("projects.recall", "higher", "proj R"),
    MetricSpec("projects.f1", "higher", "proj F1"),
    MetricSpec("projects.amount_exact", "higher", "amount"),
    MetricSpec("grounding_rate", "higher", "ground"),
    MetricSpec("violations_per_report", "lower", "viol"),
    MetricSpec("usage.requests", "info", "req", llm_only=True),
    MetricSpec("usage.prompt_tokens", "info", "p tok", llm_only=True),
    MetricSpec("usage.completion_tokens", "info", "c tok", llm_only=True),
    MetricSpec("usage.tokens", "info", "tokens", llm_only=True),
    MetricSpec("usage.cached", "info", "cached", llm_only=True),
    MetricSpec("seconds", "info", "s/rep"),
)
SPECS: dict[str, MetricSpec] = {m.name: m for m in METRICS}


@dataclass
class Metric:
    """One metric's value (``None`` when it does not apply, e.g. precision of no prediction)."""

    value: float | None
    reason: str

    def as_dict(self) -> dict[str, object]:
        return {"value": self.value, "reason": self.reason}


Counts = dict[str, float]

_COUNT_KEYS = (
    "targets.tp", "targets.fp", "targets.fn",
    "headline.tp", "headline.fp", "headline.fn",
    "section.tp", "section.fp", "section.fn",
    "qualifier.ok", "qualifier.n", "direction.ok", "direction.n",
    "qualitative.tp", "qualitative.fp", "qualitative.fn",
    "outcomes.tp", "outcomes.fp", "outcomes.fn", "period.ok", "period.n",
    "priorities.count_ok", "priorities.titles_ok", "priorities.gold", "priorities.pred",
    "priorities.reports", "region.n", "region.ok", "region.wrong", "year.n", "year.ok",
    "projects.tp", "projects.fp", "projects.fn", "amount.ok", "amount.n",
    "grounding.ok", "grounding.n",
    "violations", "reports",
    "usage.requests", "usage.prompt_tokens", "usage.completion_tokens", "usage.cached",
    "seconds",
)  # fmt: skip


def empty_counts() -> Counts:
    return dict.fromkeys(_COUNT_KEYS, 0.0)


def add_counts(items: Iterable[Mapping[str, float]]) -> Counts:
    total = empty_counts()
    for c in items:
        for k, v in c.items():
            total[k] = total.get(k, 0.0) + v
    return total


# ---------------------------------------------------------------- amounts and names


def is_number(v: object) -> bool:
    """A finite int or float (not a bool)."""
    return isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)


def _norm(s: str) -> str:
    return "".join(s.split()).casefold()


def overlap_ratio(a: str, b: str) -> float:
    """Shared characters (as multisets) over the longer string's length."""
    a, b = _norm(a), _norm(b)
    if not a or not b:
        return 0.0
    shared = sum((Counter(a) & Counter(b)).values())
    return shared / max(len(a), len(b))


def names_agree(a: str, b: str) -> bool:
    """One contains the other (spaces stripped) or their character overlap is >= 0.6."""
    na, nb = _norm(a), _norm(b)
    if not na or not nb:
        return False
    return na in nb or nb in na or overlap_ratio(na, nb) >= OVERLAP_RATIO


def indicators_agree(a: str, a_key: str | None, b: str, b_key: str | None) -> bool:
    """Same ``key`` when both have one; else :func:`names_agree` on the indicators."""
    if a_key and b_key:
        return a_key == b_key
    return names_agree(a, b)


def _span_overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def greedy_match(
    preds: Sequence[T],
    golds: Sequence[G],
    compatible: Callable[[T, G], bool],
    affinity: Callable[[T, G], tuple[float, ...]],
) -> list[tuple[int, int]]:
    """One-to-one pairs ``(pred index, gold index)``: compatible pairs, highest affinity first."""
    cands = [
        (affinity(p, g), i, j)
        for i, p in enumerate(preds)
        for j, g in enumerate(golds)
        if compatible(p, g)
    ]
    cands.sort(key=lambda c: (tuple(-x for x in c[0]), c[1], c[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in cands:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((i, j))
    return sorted(pairs, key=lambda ij: ij[1])


# ---------------------------------------------------------------- item descriptions


def _num(v: float | None) -> str:
    if v is None:
        return ""
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


def describe_target(t: Target | Outcome) -> str:
    rng = f"{_num(t.value)}-{_num(t.value_max)}" if t.value_max is not None else _num(t.value)
    return f"{t.indicator} {rng}{t.unit} at {t.value_start}"


def describe_qualitative(t: QualitativeTarget) -> str:
    text = t.text if len(t.text) <= 20 else t.text[:19] + "…"
    return f"{t.indicator or text} at {t.start}"


def describe_project(p: Project) -> str:
    return f"{p.name} at {p.start}"


def _listing(items: Sequence[str]) -> str:
    shown = ", ".join(items[:_MAX_LISTED])
    more = len(items) - _MAX_LISTED
    return shown + (f" (+{more} more)" if more > 0 else "")


# ---------------------------------------------------------------- derived values


def _ratio(num: float, den: float, empty: float | None) -> float | None:
    return num / den if den else empty


def _prf(tp: float, fp: float, fn: float) -> tuple[float | None, float | None, float | None]:
    """Precision, recall, F1; nothing expected and nothing found is perfect (1.0), precision of
    no prediction and recall of no gold are ``None`` (not applicable)."""
    nothing = tp == fp == fn == 0
    p = _ratio(tp, tp + fp, 1.0 if nothing else None)
    r = _ratio(tp, tp + fn, 1.0 if nothing else None)
    f = _ratio(2 * tp, 2 * tp + fp + fn, 1.0)
    return p, r, f


def _fmt(v: float | None) -> str:
    return "n/a" if v is None else f"{v:.2f}"


def _n(v: float) -> str:
    return _num(round(v, 6))


def derive(c: Mapping[str, float]) -> dict[str, Metric]:
    """Values of every metric from counts, with a base reason (``recall 0.83 (5/6)``)."""
    out: dict[str, Metric] = {}

    def prf(name: str, prefix: str) -> None:
        tp, fp, fn = c[f"{prefix}.tp"], c[f"{prefix}.fp"], c[f"{prefix}.fn"]
        p, r, f = _prf(tp, fp, fn)
        out[f"{name}.precision"] = Metric(p, f"precision {_fmt(p)} ({_n(tp)}/{_n(tp + fp)})")
        out[f"{name}.recall"] = Metric(r, f"recall {_fmt(r)} ({_n(tp)}/{_n(tp + fn)})")
        out[f"{name}.f1"] = Metric(f, f"f1 {_fmt(f)} (tp {_n(tp)}, fp {_n(fp)}, fn {_n(fn)})")

    prf("targets", "targets")
    prf("headline_targets", "headline")
    prf("section_targets", "section")
    for name, key in (("qualifier_accuracy", "qualifier"), ("direction_accuracy", "direction")):
        ok, n = c[f"{key}.ok"], c[f"{key}.n"]
        v = _ratio(ok, n, None)
        out[f"targets.{name}"] = Metric(v, f"{key} {_fmt(v)} ({_n(ok)}/{_n(n)} matched)")
    prf("qualitative_targets", "qualitative")
    prf("outcomes", "outcomes")
    ok, n = c["period.ok"], c["period.n"]
    v = _ratio(ok, n, None)
    out["outcomes.period_accuracy"] = Metric(v, f"period {_fmt(v)} ({_n(ok)}/{_n(n)} matched)")
    reports = c["reports"]
    n = c["region.n"]
    v = _ratio(c["region.ok"], n, None)
    out["meta.region_accuracy"] = Metric(
        v, f"region right {_fmt(v)} ({_n(c['region.ok'])}/{_n(n)})"
    )
    v = c["region.wrong"] if n else None
    out["meta.region_wrong"] = Metric(
        v, f"{_n(c['region.wrong'])} of {_n(n)} report(s) with a region that is not the gold's"
    )
    v = _ratio(c["year.ok"], c["year.n"], None)
    out["meta.year_accuracy"] = Metric(
        v, f"year right {_fmt(v)} ({_n(c['year.ok'])}/{_n(c['year.n'])})"
    )
    prio_reports = c["priorities.reports"]
    v = _ratio(c["priorities.count_ok"], prio_reports, None)
    out["priorities.count_exact"] = Metric(
        v, f"count exact {_fmt(v)} ({_n(c['priorities.count_ok'])}/{_n(prio_reports)} reports)"
    )
    gold_n, pred_n = c["priorities.gold"], c["priorities.pred"]
    v = _ratio(c["priorities.titles_ok"], gold_n, 1.0 if pred_n == 0 else None)
    out["priorities.title_match"] = Metric(
        v, f"titles {_fmt(v)} ({_n(c['priorities.titles_ok'])}/{_n(gold_n)})"
    )
    prf("projects", "projects")
    v = _ratio(c["amount.ok"], c["amount.n"], None)
    out["projects.amount_exact"] = Metric(
        v, f"amount {_fmt(v)} ({_n(c['amount.ok'])}/{_n(c['amount.n'])} matched with a gold amount)"
    )
    v = _ratio(c["grounding.ok"], c["grounding.n"], 1.0)
    out["grounding_rate"] = Metric(
        v,
        f"grounding {_fmt(v)} ({_n(c['grounding.ok'])}/{_n(c['grounding.n'])} quotes at their offsets)",
    )
    v = _ratio(c["violations"], reports, None)
    out["violations_per_report"] = Metric(
        v, f"{_n(c['violations'])} violation(s) in {_n(reports)} report(s)"
    )
    for key in ("requests", "prompt_tokens", "completion_tokens", "cached"):
        v = _ratio(c[f"usage.{key}"], reports, None)
        out[f"usage.{key}"] = Metric(v, f"{_n(c[f'usage.{key}'])} {key} in {_n(reports)} report(s)")
    tokens = c["usage.prompt_tokens"] + c["usage.completion_tokens"]
    v = _ratio(tokens, reports, None)
    out["usage.tokens"] = Metric(v, f"{_n(tokens)} tokens in {_n(reports)} report(s)")
    v = _ratio(c["seconds"], reports, None)
    out["seconds"] = Metric(v, f"{c['seconds']:.3f} s in {_n(reports)} report(s)")
    return out


# ---------------------------------------------------------------- one case


Part = Literal["meta", "headline", "priorities", "section", "projects", "outcomes"]
PARTS: tuple[Part, ...] = ("meta", "headline", "priorities", "section", "projects", "outcomes")
# What a gold file without ``annotated`` covers: every part but outcomes (added later).
DEFAULT_PARTS: tuple[Part, ...] = ("meta", "headline", "priorities", "section", "projects")


@dataclass
class GoldItems:
    """What a gold file annotates (the subset of a ReportSummary the metrics look at).

    ``annotated`` names the parts the gold is complete for (:data:`PARTS`); only those are
    scored, so a report annotated for its headline is not charged for its section targets.
    """

    targets: list[Target] = field(default_factory=list)
    qualitative_targets: list[QualitativeTarget] = field(default_factory=list)
    priorities: list[Priority] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    annotated: frozenset[str] = frozenset(DEFAULT_PARTS)
    region: str | None = None
    year: int | None = None


@dataclass
class CaseScore:
    """Counts and explained metrics of one summary against its gold."""

    counts: Counts
    metrics: dict[str, Metric]


def _target_amount_agrees(p: Target | Outcome, g: Target | Outcome) -> bool:
    if not same_amount(p.value, p.unit, g.value, g.unit):
        return False
    if p.value_max is None or g.value_max is None:
        return p.value_max is None and g.value_max is None
    return same_amount(p.value_max, p.unit, g.value_max, g.unit)


def _target_pair(p: Target | Outcome, g: Target | Outcome) -> bool:
    return _target_amount_agrees(p, g) and indicators_agree(p.indicator, p.key, g.indicator, g.key)


def _target_affinity(p: Target | Outcome, g: Target | Outcome) -> tuple[float, ...]:
    return (
        _span_overlap(p.value_start, p.value_end, g.value_start, g.value_end),
        _span_overlap(p.start, p.end, g.start, g.end),
        -abs(p.value_start - g.value_start),
    )


def _qual_pair(p: QualitativeTarget, g: QualitativeTarget) -> bool:
    return _span_overlap(p.start, p.end, g.start, g.end) > 0 or indicators_agree(
        p.indicator, p.key, g.indicator, g.key
    )


def _qual_affinity(p: QualitativeTarget, g: QualitativeTarget) -> tuple[float, ...]:
    return (_span_overlap(p.start, p.end, g.start, g.end), -abs(p.start - g.start))


def _project_affinity(p: Project, g: Project) -> tuple[float, ...]:
    return (
        _span_overlap(p.start, p.end, g.start, g.end),
        overlap_ratio(p.name, g.name),
        -abs(p.start - g.start),
    )


def _with_details(metric: Metric, details: Sequence[str]) -> Metric:
    parts = [d for d in details if d]
    return Metric(metric.value, metric.reason + (": " + "; ".join(parts) if parts else ""))


def _prf_reasons(out: dict[str, Metric], name: str, missed: list[str], spurious: list[str]) -> None:
    miss = f"missed {_listing(missed)}" if missed else ""
    extra = f"spurious {_listing(spurious)}" if spurious else ""
    out[f"{name}.precision"] = _with_details(out[f"{name}.precision"], [extra])
    out[f"{name}.recall"] = _with_details(out[f"{name}.recall"], [miss])
    out[f"{name}.f1"] = _with_details(out[f"{name}.f1"], [miss, extra])


def _unmatched(
    preds: Sequence[T], golds: Sequence[G], pairs: list[tuple[int, int]]
) -> tuple[list[G], list[T]]:
    """The gold items no prediction matched (missed) and the predictions that matched none
    (spurious), in their own order."""
    got = {i for i, _ in pairs}
    found = {j for _, j in pairs}
    return (
        [g for j, g in enumerate(golds) if j not in found],
        [p for i, p in enumerate(preds) if i not in got],
    )


def score_case(summary: ReportSummary, gold: GoldItems, text: str) -> CaseScore:
    """Match ``summary`` against ``gold`` (both indexing ``text``) and explain every metric."""
    c = empty_counts()
    c["reports"] = 1.0
    notes: dict[str, list[str]] = {}
    scopes = {s for s in ("headline", "section") if s in gold.annotated}

    # region and year
    if "meta" in gold.annotated:
        got_region, got_year = summary.meta.region, summary.meta.year
        c["region.n"] = c["year.n"] = 1.0
        c["region.ok"] = float(got_region == gold.region)
        c["region.wrong"] = float(got_region is not None and got_region != gold.region)
        c["year.ok"] = float(got_year == gold.year)
        notes["meta.region_accuracy"] = [f"got {got_region!r} want {gold.region!r}"]
        notes["meta.year_accuracy"] = [f"got {got_year!r} want {gold.year!r}"]

    # targets (only the scopes the gold covers)
    preds = [t for t in summary.targets if t.scope in scopes]
    golds = [t for t in gold.targets if t.scope in scopes]
    pairs = greedy_match(preds, golds, _target_pair, _target_affinity)
    missed, spurious = _unmatched(preds, golds, pairs)
    c["targets.tp"] = len(pairs)
    c["targets.fp"] = len(spurious)
    c["targets.fn"] = len(missed)
    for scope in ("headline", "section"):
        c[f"{scope}.tp"] = sum(1 for _, j in pairs if golds[j].scope == scope)
        c[f"{scope}.fp"] = sum(1 for p in spurious if p.scope == scope)
        c[f"{scope}.fn"] = sum(1 for g in missed if g.scope == scope)
    qual_wrong, dir_wrong = [], []
    for i, j in pairs:
        p, g = preds[i], golds[j]
        c["qualifier.n"] += 1
        c["direction.n"] += 1
        if p.qualifier == g.qualifier:
            c["qualifier.ok"] += 1
        else:
            qual_wrong.append(f"{describe_target(g)} got {p.qualifier!r} want {g.qualifier!r}")
        if p.direction == g.direction:
            c["direction.ok"] += 1
        else:
            dir_wrong.append(f"{describe_target(g)} got {p.direction!r} want {g.direction!r}")

    # qualitative targets
    q_preds = [q for q in summary.qualitative_targets if q.scope in scopes]
    q_golds = [q for q in gold.qualitative_targets if q.scope in scopes]
    qpairs = greedy_match(q_preds, q_golds, _qual_pair, _qual_affinity)
    q_missed, q_spurious = _unmatched(q_preds, q_golds, qpairs)
    c["qualitative.tp"], c["qualitative.fp"], c["qualitative.fn"] = (
        len(qpairs), len(q_spurious), len(q_missed),
    )  # fmt: skip

    # outcomes (only when the gold covers them), matched like targets
    with_out = "outcomes" in gold.annotated
    o_preds = summary.outcomes if with_out else []
    o_golds = gold.outcomes if with_out else []
    opairs = greedy_match(o_preds, o_golds, _target_pair, _target_affinity)
    o_missed, o_spurious = _unmatched(o_preds, o_golds, opairs)
    c["outcomes.tp"], c["outcomes.fp"], c["outcomes.fn"] = (
        len(opairs), len(o_spurious), len(o_missed),
    )  # fmt: skip
    period_wrong = []
    for i, j in opairs:  # the period a matched outcome is dated to (the panel joins on it)
        c["period.n"] += 1
        if o_preds[i].period == o_golds[j].period:
            c["period.ok"] += 1
        else:
            period_wrong.append(
                f"{o_golds[j].indicator} {o_golds[j].value:g}{o_golds[j].unit}: got "
                f"{o_preds[i].period!r} want {o_golds[j].period!r}"
            )

    # priorities, in ordinal order
    with_prio = "priorities" in gold.annotated
    p_pred = sorted(summary.priorities, key=lambda p: (p.ordinal, p.start)) if with_prio else []
    p_gold = sorted(gold.priorities, key=lambda p: (p.ordinal, p.start)) if with_prio else []
    c["priorities.gold"], c["priorities.pred"] = len(p_gold), len(p_pred)
    c["priorities.reports"] = 1.0 if with_prio else 0.0
    c["priorities.count_ok"] = 1.0 if with_prio and len(p_pred) == len(p_gold) else 0.0
    title_wrong = []
    for k, gp in enumerate(p_gold):
        got = p_pred[k].title.strip() if k < len(p_pred) else None
        if got == gp.title.strip():
            c["priorities.titles_ok"] += 1
        else:
            shown = "nothing" if got is None else repr(got)
            title_wrong.append(f"#{k + 1} got {shown} want {gp.title.strip()!r}")
    notes["priorities.count_exact"] = [f"got {len(p_pred)}, gold {len(p_gold)}"]
    notes["priorities.title_match"] = [_listing(title_wrong)] if title_wrong else []

    # projects
    with_proj = "projects" in gold.annotated
    j_preds = summary.projects if with_proj else []
    j_golds = gold.projects if with_proj else []
    jpairs = greedy_match(
        j_preds, j_golds, lambda p, g: names_agree(p.name, g.name), _project_affinity
    )
    j_missed, j_spurious = _unmatched(j_preds, j_golds, jpairs)
    c["projects.tp"], c["projects.fp"], c["projects.fn"] = (
        len(jpairs), len(j_spurious), len(j_missed),
    )  # fmt: skip
    amount_wrong = []
    for i, j in jpairs:
        pj, gj = j_preds[i], j_golds[j]
        if gj.amount is None:
            continue
        c["amount.n"] += 1
        if pj.amount is not None and same_amount(
            pj.amount, pj.amount_unit or "", gj.amount, gj.amount_unit or ""
        ):
            c["amount.ok"] += 1
        else:
            got = f"{_num(pj.amount)}{pj.amount_unit or ''}" if pj.amount is not None else "none"
            amount_wrong.append(f"{gj.name} got {got} want {_num(gj.amount)}{gj.amount_unit or ''}")

    # grounding, violations, usage
    ungrounded = []
    quoted: list[tuple[str, Sequence[Target | Outcome | QualitativeTarget | Project]]] = [
        ("targets", summary.targets),
        ("outcomes", summary.outcomes),
        ("qualitative_targets", summary.qualitative_targets),
        ("projects", summary.projects),
    ]
    for label, items in quoted:
        for k, item in enumerate(items):
            c["grounding.n"] += 1
            if (
                0 <= item.start <= item.end <= len(text)
                and text[item.start : item.end] == item.quote
            ):
                c["grounding.ok"] += 1
            else:
                ungrounded.append(f"{label}[{k}] quote not at {item.start}:{item.end}")
    violations = summary.checks.violations
    c["violations"] = len(violations)
    usage = summary.meta.usage
    c["usage.requests"] = usage.requests
    c["usage.prompt_tokens"] = usage.prompt_tokens
    c["usage.completion_tokens"] = usage.completion_tokens
    c["usage.cached"] = usage.cached
    c["seconds"] = summary.meta.seconds

    out = derive(c)
    _prf_reasons(
        out, "targets", [describe_target(g) for g in missed], [describe_target(p) for p in spurious]
    )
    for scope in ("headline", "section"):
        _prf_reasons(
            out,
            f"{scope}_targets",
            [describe_target(g) for g in missed if g.scope == scope],
            [describe_target(p) for p in spurious if p.scope == scope],
        )
    out["targets.qualifier_accuracy"] = _with_details(
        out["targets.qualifier_accuracy"], [_listing(qual_wrong)] if qual_wrong else []
    )
    out["targets.direction_accuracy"] = _with_details(
        out["targets.direction_accuracy"], [_listing(dir_wrong)] if dir_wrong else []
    )
    _prf_reasons(
        out,
        "qualitative_targets",
        [describe_qualitative(g) for g in q_missed],
        [describe_qualitative(p) for p in q_spurious],
    )
    _prf_reasons(
        out,
        "outcomes",
        [describe_target(g) for g in o_missed],
        [describe_target(p) for p in o_spurious],
    )
    out["outcomes.period_accuracy"] = _with_details(
        out["outcomes.period_accuracy"], [_listing(period_wrong)] if period_wrong else []
    )
    for name, extra in notes.items():
        out[name] = _with_details(out[name], extra)
    _prf_reasons(
        out,
        "projects",
        [describe_project(g) for g in j_missed],
        [describe_project(p) for p in j_spurious],
    )
    out["projects.amount_exact"] = _with_details(
        out["projects.amount_exact"], [_listing(amount_wrong)] if amount_wrong else []
    )
    out["grounding_rate"] = _with_details(
        out["grounding_rate"], [_listing(ungrounded)] if ungrounded else []
    )
    out["violations_per_report"] = _with_details(
        out["violations_per_report"],
        [_listing([f"{v.item} {v.kind}" for v in violations])] if violations else [],
    )
    return CaseScore(counts=c, metrics=out)
