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
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator

from ..chunking import Chunk, Document
from ..measures import measure_of
from ..models import Project, Target
from .base import Extraction, item_key

# 【k】: a number the rules engine reads as a target; 〔k〕: one it does not (the permissive
# proposal's extra); 〖Pk name〗: a proposed project name
PROPOSED, OTHER = ("【", "】"), ("〔", "〕")
_PROJECT_PREFIX = "P"


# ---------------------------------------------------------------- the answer


@dataclass(frozen=True)
class ReviewContext:
    """What a chunk's answer is validated against: the candidate numbers (id -> clause), which
    of them the rules engine proposed as targets, the proposed project ids, and the chunk text
    (as written in the source, without marks)."""

    text: str
    clauses: dict[int, str]
    proposed: frozenset[int]
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


# a cap on the answer's lists: a grammar-constrained small model cannot loop on items forever
MAX_ITEMS = 40


def _schema(schema: dict[str, Any]) -> None:
    """A small schema (it goes with every request): no descriptions, property titles or
    defaults; capped lists."""
    schema.pop("description", None)
    for prop in schema.get("properties", {}).values():
        if isinstance(prop, dict):
            for k in ("title", "default", "description"):
                prop.pop(k, None)
            if prop.get("type") == "array":
                prop["maxItems"] = MAX_ITEMS


class _Strict(BaseModel):
    model_config = ConfigDict(extra="ignore", json_schema_extra=_schema)


class Rename(_Strict):
    # a new indicator for number 【id】, copied from its clause (no docstring: it would be
    # sent as the schema's description with every request)

    id: int
    indicator: str

    @field_validator("indicator", mode="before")
    @classmethod
    def _text(cls, v: Any) -> Any:
        return "" if v is None else str(v).strip() if isinstance(v, str | int | float) else v

    @field_validator("indicator")
    @classmethod
    def _verbatim(cls, v: str, info: ValidationInfo) -> str:
        ctx = _context(info)
        ident = info.data.get("id")
        if ctx is None or not isinstance(ident, int):
            return v
        clause = ctx.clauses.get(ident)
        if clause is not None and (len(v) < 2 or v not in clause):
            raise ValueError(
                f"indicator {v!r} of number {ident} is not written in its clause {clause!r}: "
                "copy it from that clause"
            )
        return v

    @field_validator("id")
    @classmethod
    def _known(cls, v: int, info: ValidationInfo) -> int:
        ctx = _context(info)
        if ctx is not None and v not in ctx.clauses:
            raise ValueError(f"there is no number {v} in the text (ids: {_list(ctx.clauses)})")
        return v


class ReviewAnswer(_Strict):
    # the model's decisions for one chunk: ids refer to the marks in the chunk (【k】 numbers
    # proposed as targets, 〔k〕 numbers not proposed, 〖Pk …〗 proposed project names)

    not_targets: list[int] = Field(default_factory=list)
    more_targets: list[int] = Field(default_factory=list)
    indicators: list[Rename] = Field(default_factory=list)
    not_projects: list[int] = Field(default_factory=list)
    more_projects: list[str] = Field(default_factory=list)

    @field_validator("*", mode="before")
    @classmethod
    def _lists(cls, v: Any) -> Any:
        return [] if v is None else v

    @field_validator("not_targets")
    @classmethod
    def _proposed(cls, v: list[int], info: ValidationInfo) -> list[int]:
        ctx = _context(info)
        bad = [k for k in v if ctx is not None and k not in ctx.proposed]
        if ctx is not None and bad:
            raise ValueError(f"{bad[0]} is not a 【】 number (【】 ids: {_list(ctx.proposed)})")
        return v

    @field_validator("more_targets")
    @classmethod
    def _others(cls, v: list[int], info: ValidationInfo) -> list[int]:
        ctx = _context(info)
        if ctx is None:
            return v
        others = set(ctx.clauses) - ctx.proposed
        bad = [k for k in v if k not in others]
        if bad:
            raise ValueError(f"{bad[0]} is not a 〔〕 number (〔〕 ids: {_list(others)})")
        return v

    @field_validator("not_projects")
    @classmethod
    def _known_projects(cls, v: list[int], info: ValidationInfo) -> list[int]:
        ctx = _context(info)
        bad = [k for k in v if ctx is not None and k not in ctx.projects]
        if ctx is not None and bad:
            raise ValueError(f"no proposed project P{bad[0]} (ids: {_list(ctx.projects)})")
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


def _list(ids: Iterable[int]) -> str:
    return ", ".join(str(k) for k in sorted(ids)) or "none"


def salvage_review(raw: str, ctx: ReviewContext) -> tuple[ReviewAnswer, int]:
    """The valid part of a raw answer that failed validation: ids that do not refer to a mark
    of the right kind, renames not written in their clause and project names not in the text
    are dropped and counted. Raises ValueError when ``raw`` is not a JSON object."""
    data = json.loads(raw)
    if not isinstance(data, dict):
        raise ValueError("the answer is not a JSON object")
    dropped = 0
    others = set(ctx.clauses) - ctx.proposed

    def ids(name: str, allowed: Iterable[int]) -> list[int]:
        nonlocal dropped
        allowed = set(allowed)
        out = []
        for k in data.get(name) or []:
            if isinstance(k, int) and k in allowed:
                out.append(k)
            else:
                dropped += 1
        return out

    renames: list[Rename] = []
    for item in data.get("indicators") or []:
        try:
            with reviewing(ctx):
                renames.append(Rename.model_validate(item))
        except ValidationError:
            dropped += 1
    more = []
    for name in data.get("more_projects") or []:
        if isinstance(name, str) and name.strip() and name.strip() in ctx.text:
            more.append(name.strip())
        else:
            dropped += 1
    answer = ReviewAnswer.model_construct(
        not_targets=ids("not_targets", ctx.proposed),
        more_targets=ids("more_targets", others),
        indicators=renames,
        not_projects=ids("not_projects", ctx.projects),
        more_projects=more,
    )
    return answer, dropped


# ---------------------------------------------------------------- the proposal


@dataclass
class ReviewChunk:
    """One request: the chunk, its marked text and what the ids stand for."""

    chunk: Chunk
    marked: str
    targets: dict[int, Target]  # id -> the proposal's reading of that number
    proposed: frozenset[int]  # the ids the rules engine reads as targets (【k】)
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
    strict = {(t.value_start, t.value_end) for t in base.targets}
    projects = sorted(base.projects, key=lambda p: (p.start, p.end))
    out = Proposal(base=base)
    for chunk in chunks:
        mine = [t for t in numbers if chunk.start <= t.value_start and t.value_end <= chunk.end]
        named = [p for p in projects if chunk.start <= p.start and p.end <= chunk.end]
        if not mine and not named:
            continue
        layout = doc.layout[chunk.start : chunk.end]  # literal \\r\\n, &nbsp; are blanks there
        out.chunks.append(_review_chunk(chunk, layout, mine, strict, named))
        out.candidates += len(mine)
    return out


_BLANK_LINES = re.compile(r"\s*\n\s*")
_BLANKS = re.compile(r"[^\S\n]{2,}")


def _review_chunk(
    chunk: Chunk,
    layout: str,
    numbers: list[Target],
    strict: set[tuple[int, int]],
    projects: list[Project],
) -> ReviewChunk:
    """Mark the chunk: ``【k】`` before candidate number k when the rules engine reads it as a
    target (its span is in ``strict``), ``〔k〕`` when only the permissive reading does,
    ``〖Pk 〗`` around proposed project k where its name is written in its quote (else it is
    listed after the text). The marks go into ``layout`` (the chunk's layout view: escapes
    and entities blanked, same offsets), whose runs of blanks are then squeezed."""
    marks: list[tuple[int, int, str]] = []  # (offset in chunk, order at one offset, mark)
    targets: dict[int, Target] = {}
    proposed = set()
    for k, t in enumerate(numbers, start=1):
        (open_, close) = OTHER
        if (t.value_start, t.value_end) in strict:
            (open_, close) = PROPOSED
            proposed.add(k)
        marks.append((t.value_start - chunk.start, 2, f"{open_}{k}{close}"))
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
        pieces.append(layout[pos:at])
        pieces.append(mark)
        pos = at
    pieces.append(layout[pos:])
    marked = _BLANKS.sub(" ", _BLANK_LINES.sub("\n", "".join(pieces))).strip()
    if listed:
        marked += "\n候选项目：" + "；".join(listed)
    ctx = ReviewContext(
        text=chunk.text,
        clauses={k: t.quote for k, t in targets.items()},
        proposed=frozenset(proposed),
        projects=frozenset(named),
    )
    return ReviewChunk(chunk, marked, targets, frozenset(proposed), named, ctx)


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
    """The extraction a review gives: the proposed targets the answers do not reject and the
    other candidates they accept (renamed where an answer gives an indicator from the clause),
    the proposed projects they do not reject and the missed ones they name, grounded in the
    chunk; outcomes, priorities and qualitative targets are the rules engine's."""
    base = proposal.base
    out = Extraction(
        qualitative_targets=list(base.qualitative_targets),
        priorities=list(base.priorities),
        outcomes=list(base.outcomes),
        chunks=len(proposal.chunks),
    )
    seen: set[tuple[int, int]] = set()
    for rc, answer in zip(proposal.chunks, answers, strict=True):
        rejected = set(answer.not_targets)
        kept = [k for k in rc.targets if k in rc.proposed and k not in rejected]
        kept += [k for k in answer.more_targets if k in rc.targets and k not in rc.proposed]
        names = {r.id: r.indicator for r in answer.indicators}
        for k in sorted(set(kept)):
            t = rc.targets[k]
            if (t.value_start, t.value_end) not in seen:
                seen.add((t.value_start, t.value_end))
                indicator = names.get(k, "")
                out.targets.append(relabel(t, indicator if indicator in t.quote else ""))
        dropped = set(answer.not_projects)
        out.projects.extend(p for k, p in rc.projects.items() if k not in dropped)
        for name in answer.more_projects:
            project = _ground_project(doc, rc.chunk, _NAME_TRIM.sub("", name))
            if project is None:
                out.dropped += 1
            elif not _named_already(out.projects, project):
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
    "Rename",
    "ReviewAnswer",
    "ReviewChunk",
    "ReviewContext",
    "decide",
    "propose",
    "relabel",
    "reviewing",
    "salvage_review",
]
