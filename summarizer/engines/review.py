"""The ``review`` strategy: the deterministic pipeline proposes, the model decides.

The rules engine reads the report twice: as it is (its own targets, projects, outcomes,
priorities and qualitative targets) and *permissively* (every quantity of the plan and work
text with an indicator, whatever its filters would say: the recall-first proposal). Each chunk
of plan and work text holding a candidate is sent with the candidates marked inline: ``【3】``
before a number the rules engine reads as a target, ``〔4〕`` before one only the permissive
reading finds, ``〖P1 城东污水处理厂〗`` around a proposed project name. The chunk's answer
model (:func:`answer_model`) has one required label per mark, ``"n3": "是"|"否"``,
``"p1": "是"|"否"``, then ``more_projects`` (named projects the proposal missed, copied from
the text): a grammar-constrained server writes every label and nothing else.

Values, units, qualifiers, directions, indicators, spans and quotes always come from the
proposal (:func:`decide`), so an answer can drop a number or admit a candidate but never change
one. Outcomes, priorities and qualitative targets are the rules engine's. A missed project is
kept only when its name is written in the chunk; one that is not is dropped and counted, as is
an unknown key that survives the re-asks (``llm``) or arrives at the ``local`` engine (which
does not re-ask: :func:`salvage_review` keeps the valid labels). With a confidence bar
(``review_confidence``), a label that goes against the rules engine's verdict counts only when
the model gave it that probability (:func:`with_confidence` reads it from the logprobs).

Measured with Qwen2.5-Coder-1.5B (README, "Strategies"): its overrulings lower F1 against
hand-written gold at every bar, so this strategy is only as good as the model's judgement.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model, field_validator

from ..chunking import Document
from ..chunks import Chunk
from ..models import Project, Target
from ..wording import PROJECT_CLAUSE_DELIMITERS
from .base import Extraction

# 【k】: a number the rules engine reads as a target; 〔k〕: one it does not (the permissive
# proposal's extra); 〖Pk name〗: a proposed project name
PROPOSED, OTHER = ("【", "】"), ("〔", "〕")
_PROJECT_PREFIX = "P"


# ---------------------------------------------------------------- the answer


YES, NO = "是", "否"
Label = Literal["是", "否"]


@dataclass
class Decisions:
    """One chunk's answer: a label per candidate number (id -> target or not) and per proposed
    project (id -> named project or not), and the named projects the proposal missed. A
    candidate without a label keeps the proposal's verdict."""

    targets: dict[int, bool] = field(default_factory=dict)
    projects: dict[int, bool] = field(default_factory=dict)
    more_projects: list[str] = field(default_factory=list)
    # the probability the model gave each label ("n3", "p1"), when the server reports logprobs
    confidence: dict[str, float] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "targets": {str(k): v for k, v in self.targets.items()},
            "projects": {str(k): v for k, v in self.projects.items()},
            "more_projects": list(self.more_projects),
            "confidence": dict(self.confidence),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Decisions:
        return cls(
            {int(k): bool(v) for k, v in data["targets"].items()},
            {int(k): bool(v) for k, v in data["projects"].items()},
            [str(x) for x in data["more_projects"]],
            {str(k): float(v) for k, v in data.get("confidence", {}).items()},
        )


_LABEL_KEY = re.compile(r"([np])(\d+)")  # n3: candidate number 3, p1: proposed project 1


def _schema(schema: dict[str, Any]) -> None:
    """A small schema (it goes with every request): no descriptions, titles or defaults."""
    schema.pop("description", None)
    for prop in schema.get("properties", {}).values():
        if isinstance(prop, dict):
            for k in ("title", "default", "description"):
                prop.pop(k, None)
            if prop.get("type") == "array":
                prop["maxItems"] = MAX_NAMES
                prop.setdefault("items", {})["maxLength"] = MAX_NAME_CHARS


# caps on the missed names: a grammar-constrained small model cannot loop on them forever
# (one 1.5B answer ran a name on until the token limit)
MAX_NAMES, MAX_NAME_CHARS = 12, 40


class _Answer(BaseModel):
    """Base of the per-chunk answer models: labels ``n1…`` and ``p1…`` are its fields (no
    other key is accepted), ``more_projects`` must be written in the chunk."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=_schema)

    @field_validator("more_projects", mode="before", check_fields=False)
    @classmethod
    def _names(cls, v: Any) -> Any:
        if v is None:
            return []
        return (
            [s.strip() for s in v if isinstance(s, str) and s.strip()] if isinstance(v, list) else v
        )

    @field_validator("more_projects", check_fields=False)
    @classmethod
    def _written(cls, v: list[str]) -> list[str]:
        text = REVIEW_TEXT.get()
        missing = [s for s in v if text is not None and s not in text]
        if missing:
            raise ValueError(f"project name {missing[0]!r} is not written in the text: copy it")
        return v

    def decisions(self) -> Decisions:
        out = Decisions(more_projects=list(getattr(self, "more_projects", [])))
        for name, value in self:
            m = _LABEL_KEY.fullmatch(name)
            if m is not None:
                labels = out.targets if m.group(1) == "n" else out.projects
                labels[int(m.group(2))] = value == YES
        return out


REVIEW_TEXT: ContextVar[str | None] = ContextVar("review_text", default=None)


@contextmanager
def reviewing(text: str) -> Iterator[None]:
    """Validate answers against the chunk ``text`` (project names must be written in it)."""
    token = REVIEW_TEXT.set(text)
    try:
        yield
    finally:
        REVIEW_TEXT.reset(token)


@functools.cache
def answer_model(targets: int, projects: int) -> type[_Answer]:
    """The answer model of a chunk with ``targets`` candidate numbers and ``projects``
    proposed names: one required label per candidate, in reading order (a grammar-constrained
    server then writes every label), then the missed names."""
    fields: dict[str, Any] = {f"n{k}": (Label, ...) for k in range(1, targets + 1)}
    fields |= {f"p{k}": (Label, ...) for k in range(1, projects + 1)}
    fields["more_projects"] = (list[str], Field(default_factory=list))  # last: after the labels
    return create_model("ReviewAnswer", __base__=_Answer, **fields)


def salvage_review(raw: str, targets: int, projects: int, text: str) -> tuple[Decisions, int]:
    """The valid part of a raw answer that failed validation: labels of known ids are kept;
    unknown keys, values that are no label and names not written in ``text`` are dropped and
    counted (a missing label leaves the proposal's verdict). Raises ValueError when ``raw``
    is not a JSON object."""
    data = json.loads(raw)
    if not isinstance(data, dict):
        raise ValueError("the answer is not a JSON object")
    out, dropped = Decisions(), 0
    for key, value in data.items():
        m = _LABEL_KEY.fullmatch(key)
        if key == "more_projects":
            names = value if isinstance(value, list) else []
            for name in names:
                if isinstance(name, str) and name.strip() and name.strip() in text:
                    out.more_projects.append(name.strip())
                else:
                    dropped += 1
        elif (
            m
            and value in (YES, NO)
            and 1 <= int(m.group(2)) <= (targets if m.group(1) == "n" else projects)
        ):
            (out.targets if m.group(1) == "n" else out.projects)[int(m.group(2))] = value == YES
        else:
            dropped += 1
    return out, dropped


_KEY_BEFORE = re.compile(r'"([np]\d+)"\s*:\s*"$')


def with_confidence(decisions: Decisions, response: Any) -> Decisions:
    """``decisions`` with the probability of each label, read from the token logprobs of the
    raw completion ``response`` (``choices[0].logprobs.content``): at the token that writes a
    label after ``"nK": "``, p(label) / (p(是) + p(否)) over its top alternatives. Without
    logprobs (a server that does not report them, a tool call) nothing is added."""
    try:
        tokens = response.choices[0].logprobs.content or []
    except (AttributeError, IndexError, TypeError):
        return decisions
    written = ""
    for tok in tokens:
        text = tok.token or ""
        label = text.lstrip()[:1]
        key = _KEY_BEFORE.search(written)
        if key is not None and label in (YES, NO):
            p = {YES: 0.0, NO: 0.0}
            for alt in [tok, *(tok.top_logprobs or [])]:
                first = (alt.token or "").lstrip()[:1]
                if first in p and p[first] == 0.0:
                    p[first] = math.exp(alt.logprob)
            total = p[YES] + p[NO]
            if total > 0:
                decisions.confidence[key.group(1)] = p[label] / total
        written = (written + text)[-40:]
    return decisions


# ---------------------------------------------------------------- the proposal


@dataclass
class ReviewChunk:
    """One request: the chunk, its marked text and what the ids stand for."""

    chunk: Chunk
    marked: str
    targets: dict[int, Target]  # id -> the proposal's reading of that number
    proposed: frozenset[int]  # the ids the rules engine reads as targets (【k】)
    projects: dict[int, Project]  # id -> a proposed project

    def answer_model(self) -> type[_Answer]:
        """The pydantic model this chunk's answer is validated with (a label per id)."""
        return answer_model(len(self.targets), len(self.projects))


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
    return ReviewChunk(chunk, marked, targets, frozenset(proposed), named)


# ---------------------------------------------------------------- the decision


_NAME_TRIM = re.compile(r"^[，,、；;。：:\s]+|[，,、；;。：:\s]+$")


def decide(
    doc: Document, proposal: Proposal, answers: list[Decisions], min_confidence: float = 0.0
) -> Extraction:
    """The extraction a review gives: every candidate number labelled a target (one without a
    label: the rules engine's verdict), every proposed project not labelled otherwise, and the
    missed projects the answers name, grounded in their chunk; outcomes, priorities and
    qualitative targets are the rules engine's. Values, units, qualifiers, directions, spans
    and indicators are the proposal's. With ``min_confidence``, a label that goes against the
    rules engine's verdict counts only when the model gave it at least that probability (a
    label without a known probability does not overrule)."""
    base = proposal.base
    out = Extraction(
        qualitative_targets=list(base.qualitative_targets),
        priorities=list(base.priorities),
        outcomes=list(base.outcomes),
        sections=base.sections,  # the tree the rules engine read on (a wrapped text unwrapped)
        chunks=len(proposal.chunks),
    )
    seen: set[tuple[int, int]] = set()

    def verdict(labels: dict[int, bool], prefix: str, k: int, default: bool) -> bool:
        said = labels.get(k, default)
        if said == default or not min_confidence:
            return said
        sure = answer.confidence.get(f"{prefix}{k}", 0.0) >= min_confidence
        return said if sure else default

    for rc, answer in zip(proposal.chunks, answers, strict=True):
        for k, t in rc.targets.items():
            keep = verdict(answer.targets, "n", k, k in rc.proposed)
            if keep and (t.value_start, t.value_end) not in seen:
                seen.add((t.value_start, t.value_end))
                out.targets.append(t)
        out.projects.extend(
            p for k, p in rc.projects.items() if verdict(answer.projects, "p", k, True)
        )
        for name in answer.more_projects if not min_confidence else []:
            # a name carries no probability: with a confidence bar it cannot overrule
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
    cs = max(text.rfind(c, chunk.start, start) for c in PROJECT_CLAUSE_DELIMITERS) + 1
    cs = max(cs, chunk.start)
    after = start + len(name)
    ends = [e for c in PROJECT_CLAUSE_DELIMITERS if (e := text.find(c, after, chunk.end)) >= 0]
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
    "REVIEW_TEXT",
    "Decisions",
    "Proposal",
    "ReviewChunk",
    "answer_model",
    "decide",
    "propose",
    "reviewing",
    "salvage_review",
    "with_confidence",
]
