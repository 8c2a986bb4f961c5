"""The ``review`` strategy: the deterministic pipeline proposes, the model decides.

The rules engine reads the report twice: as it is (its own targets, projects, outcomes,
priorities and qualitative targets) and *permissively* (every quantity of the plan and work
text with an indicator, whatever its filters would say: the recall-first proposal). Each chunk
of the plan and work text that holds a candidate is sent with the candidates marked inline
(``增长【3】6%左右``) and the proposed project names bracketed (``〖P1 城东污水处理厂〗``); the
model answers only
with ids and short strings (:class:`ReviewAnswer`): which numbers are this year's targets, each
with its indicator copied from its clause, which proposed names are named projects, and any
named project the proposal missed, copied from the text.

Values, units, qualifiers, directions, spans and quotes always come from the proposal, so an
answer can drop a number or rename its indicator (only to a substring of its clause) but never
change one. Outcomes, priorities and qualitative targets are the rules engine's. A missed
project is kept only when its name is written in the chunk; one that is not is dropped and
counted, as is an unknown id that survives the re-asks (``llm``) or arrives at the ``local``
engine (which does not re-ask: :func:`salvage_review` keeps the items that are valid).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator

from ..chunking import Chunk, Document
from ..measures import measure_of
from ..models import Project, Target
from .base import Extraction, item_key

MARK_OPEN, MARK_CLOSE = "【", "】"
_PROJECT_PREFIX = "P"


# ---------------------------------------------------------------- the answer


@dataclass(frozen=True)
class ReviewContext:
    """What a chunk's answer is validated against: candidate ids with their clauses, project
    ids, and the chunk text (as written in the source, without marks)."""

    text: str
    clauses: dict[int, str]
    projects: frozenset[int]


REVIEW_CONTEXT: ContextVar[ReviewContext | None] = ContextVar("review_context", default=None)


@contextmanager
def reviewing(ctx: ReviewContext) -> Iterator[None]:
    """Validate :class:`ReviewAnswer` objects against ``ctx`` inside the block."""
    token = REVIEW_CONTEXT.set(ctx)
    try:
        yield
    finally:
        REVIEW_CONTEXT.reset(token)


def _context(info: ValidationInfo | None = None) -> ReviewContext | None:
    given = info.context if info is not None else None
    if isinstance(given, dict) and isinstance(given.get("review"), ReviewContext):
        return given["review"]
    return REVIEW_CONTEXT.get()


# caps on the answer's lists: a grammar-constrained small model cannot loop on items forever
MAX_TARGETS, MAX_PROJECTS = 40, 12


def _schema(schema: dict[str, Any]) -> None:
    """A small schema (it goes with every request): no descriptions, property titles or
    defaults; capped lists."""
    schema.pop("description", None)
    for name, prop in schema.get("properties", {}).items():
        if isinstance(prop, dict):
            for k in ("title", "default", "description"):
                prop.pop(k, None)
            if prop.get("type") == "array":
                prop["maxItems"] = MAX_TARGETS if name == "targets" else MAX_PROJECTS


class _Strict(BaseModel):
    model_config = ConfigDict(extra="ignore", json_schema_extra=_schema)


class ReviewedTarget(_Strict):
    # a candidate number the model calls a target of the plan year (no docstring: it would
    # be sent as the schema's description with every request)

    id: int
    indicator: str = ""

    @field_validator("indicator", mode="before")
    @classmethod
    def _text(cls, v: Any) -> Any:
        return "" if v is None else str(v).strip() if isinstance(v, str | int | float) else v

    @field_validator("indicator")
    @classmethod
    def _verbatim(cls, v: str, info: ValidationInfo) -> str:
        ctx = _context(info)
        ident = info.data.get("id")
        if ctx is None or not v or not isinstance(ident, int):
            return v
        clause = ctx.clauses.get(ident)
        if clause is not None and v not in clause:
            raise ValueError(
                f"indicator {v!r} of 【{ident}】 is not written in its clause {clause!r}: copy "
                "it from that clause, or give an empty string"
            )
        return v

    @field_validator("id")
    @classmethod
    def _known(cls, v: int, info: ValidationInfo) -> int:
        ctx = _context(info)
        if ctx is not None and v not in ctx.clauses:
            known = ", ".join(str(k) for k in sorted(ctx.clauses)) or "none"
            raise ValueError(f"there is no number 【{v}】 in the text (ids: {known})")
        return v


class ReviewAnswer(_Strict):
    # the model's decisions for one chunk (ids refer to the marks in the chunk)

    targets: list[ReviewedTarget] = Field(default_factory=list)
    projects: list[int] = Field(default_factory=list)  # ids of proposed names that are projects
    more_projects: list[str] = Field(default_factory=list)  # names the proposal missed

    @field_validator("targets", "projects", "more_projects", mode="before")
    @classmethod
    def _lists(cls, v: Any) -> Any:
        return [] if v is None else v

    @field_validator("projects")
    @classmethod
    def _known_projects(cls, v: list[int], info: ValidationInfo) -> list[int]:
        ctx = _context(info)
        if ctx is not None:
            unknown = [k for k in v if k not in ctx.projects]
            if unknown:
                raise ValueError(f"no proposed project P{unknown[0]} (ids: {_ids(ctx.projects)})")
        return v

    @field_validator("more_projects")
    @classmethod
    def _written(cls, v: list[str], info: ValidationInfo) -> list[str]:
        ctx = _context(info)
        names = [s.strip() for s in v if isinstance(s, str) and s.strip()]
        if ctx is not None:
            missing = [s for s in names if s not in ctx.text]
            if missing:
                raise ValueError(f"project name {missing[0]!r} is not written in the text")
        return names


def _ids(ids: frozenset[int]) -> str:
    return ", ".join(f"{_PROJECT_PREFIX}{k}" for k in sorted(ids)) or "none"


def salvage_review(raw: str, ctx: ReviewContext) -> tuple[ReviewAnswer, int]:
    """The valid part of a raw answer that failed validation: items with unknown ids and
    project names not in the text are dropped (and counted); an indicator not written in its
    clause is blanked (the proposal's stands). Raises ValueError when ``raw`` is not a JSON
    object."""
    data = json.loads(raw)
    if not isinstance(data, dict):
        raise ValueError("the answer is not a JSON object")
    dropped = 0
    targets: list[ReviewedTarget] = []
    for item in data.get("targets") or []:
        if not isinstance(item, dict):
            dropped += 1
            continue
        with reviewing(ctx):
            try:
                targets.append(ReviewedTarget.model_validate(item))
                continue
            except ValidationError:
                pass
            try:
                targets.append(ReviewedTarget.model_validate({**item, "indicator": ""}))
            except ValidationError:
                dropped += 1
    projects = []
    for k in data.get("projects") or []:
        if isinstance(k, int) and k in ctx.projects:
            projects.append(k)
        else:
            dropped += 1
    more = []
    for name in data.get("more_projects") or []:
        if isinstance(name, str) and name.strip() and name.strip() in ctx.text:
            more.append(name.strip())
        else:
            dropped += 1
    answer = ReviewAnswer.model_construct(targets=targets, projects=projects, more_projects=more)
    return answer, dropped


# ---------------------------------------------------------------- the proposal


@dataclass
class ReviewChunk:
    """One request: the chunk, its marked text and what the ids stand for."""

    chunk: Chunk
    marked: str
    targets: dict[int, Target]  # id -> the proposal's reading of that number
    projects: dict[int, Project]  # id -> a proposed project
    context: ReviewContext


@dataclass
class Proposal:
    """The rules engine's reading of a report and the chunks to review."""

    base: Extraction
    chunks: list[ReviewChunk] = field(default_factory=list)
    candidates: int = 0


def propose(doc: Document, chunks: list[Chunk]) -> Proposal:
    """The deterministic side of a review: the rules engine's extraction (``base``) and, for
    every chunk of ``chunks`` (plan and work text) holding a candidate, its marked text."""
    from .rules import RulesEngine

    base = RulesEngine().extract_sync(doc)
    loose = RulesEngine(permissive=True).extract_sync(doc)
    by_span: dict[tuple[int, int], Target] = {}
    for t in [*loose.targets, *base.targets]:  # the strict reading wins where both read one
        by_span[(t.value_start, t.value_end)] = t
    numbers = sorted(by_span.values(), key=lambda t: (t.value_start, t.value_end))
    projects = sorted(base.projects, key=lambda p: (p.start, p.end))
    out = Proposal(base=base)
    for chunk in chunks:
        mine = [t for t in numbers if chunk.start <= t.value_start and t.value_end <= chunk.end]
        named = [p for p in projects if chunk.start <= p.start and p.end <= chunk.end]
        if not mine and not named:
            continue
        out.chunks.append(_review_chunk(chunk, mine, named))
        out.candidates += len(mine)
    return out


def _review_chunk(chunk: Chunk, numbers: list[Target], projects: list[Project]) -> ReviewChunk:
    """Mark the chunk: ``【k】`` before candidate number k, ``〖Pk 〗`` around proposed project
    k where its name is written in its quote (else it is listed after the text)."""
    marks: list[tuple[int, int, str]] = []  # (offset in chunk, order at one offset, mark)
    targets: dict[int, Target] = {}
    for k, t in enumerate(numbers, start=1):
        marks.append((t.value_start - chunk.start, 2, f"{MARK_OPEN}{k}{MARK_CLOSE}"))
        targets[k] = t
    named = {k: p for k, p in enumerate(projects, start=1)}
    listed = []
    for k, p in named.items():
        at = chunk.text.find(p.name, p.start - chunk.start, p.end - chunk.start)
        if at < 0:
            listed.append(f"{_PROJECT_PREFIX}{k} {p.name}")
            continue
        marks.append((at, 1, f"〖{_PROJECT_PREFIX}{k} "))
        marks.append((at + len(p.name), 0, "〗"))
    pieces: list[str] = []
    pos = 0
    for at, _order, mark in sorted(marks):
        pieces.append(chunk.text[pos:at])
        pieces.append(mark)
        pos = at
    pieces.append(chunk.text[pos:])
    marked = "".join(pieces)
    if listed:
        marked += "\n候选项目：" + "；".join(listed)
    ctx = ReviewContext(
        text=chunk.text,
        clauses={k: t.quote for k, t in targets.items()},
        projects=frozenset(named),
    )
    return ReviewChunk(chunk, marked, targets, named, ctx)


# ---------------------------------------------------------------- the decision


def relabel(target: Target, indicator: str) -> Target:
    """``target`` with the indicator ``indicator`` (a substring of its quote): key and measure
    are derived again; value, unit, qualifier, direction and spans stay."""
    if not indicator or indicator == target.indicator:
        return target
    before = target.quote[: max(0, target.value_start - target.start)]
    measure = measure_of(indicator, target.unit, target.direction, before)
    key = item_key(indicator, target.unit, measure, before)
    return target.model_copy(update={"indicator": indicator, "measure": measure, "key": key})


_NAME_TRIM = re.compile(r"^[，,、；;。：:\s]+|[，,、；;。：:\s]+$")


def decide(doc: Document, proposal: Proposal, answers: list[ReviewAnswer]) -> Extraction:
    """The extraction a review gives: the proposal's numbers the answers call targets (with the
    answer's indicator when it gave one), its projects they keep and the missed ones they name,
    grounded in the chunk; everything else is the rules engine's."""
    base = proposal.base
    out = Extraction(
        qualitative_targets=list(base.qualitative_targets),
        priorities=list(base.priorities),
        outcomes=list(base.outcomes),
        chunks=len(proposal.chunks),
    )
    seen_targets: set[tuple[int, int]] = set()
    seen_projects: set[tuple[int, int, str]] = set()  # (quote span, name): a list shares a quote
    for rc, answer in zip(proposal.chunks, answers, strict=True):
        for item in answer.targets:
            t = rc.targets.get(item.id)
            if t is None:
                out.dropped += 1
                continue
            if (t.value_start, t.value_end) in seen_targets:
                continue
            seen_targets.add((t.value_start, t.value_end))
            indicator = item.indicator if item.indicator in t.quote else ""
            out.targets.append(relabel(t, indicator))
        for k in answer.projects:
            p = rc.projects.get(k)
            if p is None:
                out.dropped += 1
            elif (p.start, p.end, p.name) not in seen_projects:
                seen_projects.add((p.start, p.end, p.name))
                out.projects.append(p)
        for name in answer.more_projects:
            project = _ground_project(doc, rc.chunk, _NAME_TRIM.sub("", name))
            if project is None:
                out.dropped += 1
            elif not _named_already(out.projects, project):
                seen_projects.add((project.start, project.end, project.name))
                out.projects.append(project)
    out.targets.sort(key=lambda t: (t.value_start, t.value_end))
    out.projects.sort(key=lambda p: (p.start, p.end, name_span(p)))
    return out


def name_span(p: Project) -> tuple[int, int]:
    """Where a project's name is written (its first occurrence in its quote); (-1, -1) when
    the name is assembled (a list's shared head: 甲、乙等项目)."""
    k = p.quote.find(p.name)
    return (p.start + k, p.start + k + len(p.name)) if k >= 0 else (-1, -1)


def _named_already(projects: list[Project], new: Project) -> bool:
    """``new``'s name overlaps the name of a project already taken (the same undertaking)."""
    a, b = name_span(new)
    return any(s < b and a < e for s, e in map(name_span, projects))


def _ground_project(doc: Document, chunk: Chunk, name: str) -> Project | None:
    """A project named ``name`` at its first occurrence in ``chunk`` (quote: its clause)."""
    if len(name) < 2:
        return None
    k = chunk.text.find(name)
    if k < 0:
        return None
    start = chunk.start + k
    text = doc.text
    cs = max(text.rfind(c, chunk.start, start) for c in "，,；;。\n") + 1
    cs = max(cs, chunk.start)
    ends = [e for c in "，,；;。\n" if (e := text.find(c, start + len(name), chunk.end)) >= 0]
    ce = min(ends) if ends else chunk.end
    section = doc.section_at(start)
    return Project(
        name=name,
        quote=text[cs:ce],
        start=cs,
        end=ce,
        section=section.path if section is not None else None,
    )


__all__ = [
    "REVIEW_CONTEXT",
    "Proposal",
    "ReviewAnswer",
    "ReviewChunk",
    "ReviewContext",
    "ReviewedTarget",
    "decide",
    "propose",
    "relabel",
    "reviewing",
    "salvage_review",
]
