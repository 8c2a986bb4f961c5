"""Pydantic models of the output contract (``schema_version`` "2"); source of ``schemas/*.json``.

Offsets index the decoded source text exactly as :func:`summarizer.load_report` returns it, and
``text[start:end] == quote`` always holds for every item a producer emits.
"""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, model_validator

from .measures import Measure, measure_of

SCHEMA_VERSION = "2"


def _compact_number(value: float) -> float | int:
    """Serialise 6.0 as 6 and 7.5 as 7.5, so JSON and CSV show numbers as reports write them."""
    return int(value) if float(value).is_integer() and abs(value) < 1e15 else value


Number = Annotated[float, PlainSerializer(_compact_number, when_used="always")]

EngineName = Literal["rules", "llm", "local", "fake"]
Strategy = Literal["extract", "review"]
STRATEGIES: tuple[str, ...] = get_args(Strategy)
SectionKind = Literal["preamble", "review", "plan", "work", "closing"]
Scope = Literal["headline", "section"]
Qualifier = Literal["", "左右", "以上", "以内", "以下", "不低于", "不超过", "力争"]
Direction = Literal[
    "",
    "增长",
    "增加",
    "提高",
    "下降",
    "降低",
    "减少",
    "控制在",
    "达到",
    "稳定在",
    "突破",
    "新增",
    "新建",
    "建成",
    "改造",
    "完成",
    "实现",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _with_measure(data: object) -> object:
    """Fill a missing ``measure`` with :func:`summarizer.measures.measure_of`, so items written
    before it existed (gold, minimal summaries) still load and carry the same measure."""
    if isinstance(data, dict) and data.get("measure") is None:
        quote, start, vs = data.get("quote"), data.get("start"), data.get("value_start")
        before = ""
        if isinstance(quote, str) and isinstance(start, int) and isinstance(vs, int):
            before = quote[: max(0, vs - start)]
        return {
            **data,
            "measure": measure_of(
                str(data.get("indicator") or ""),
                str(data.get("unit") or ""),
                str(data.get("direction") or ""),
                before,
            ),
        }
    return data


class Source(_Model):
    """Where the summary came from: the raw bytes' hash and how they were decoded."""

    path: str | None = None
    sha256: str
    chars: int
    encoding: str


class Usage(_Model):
    """LLM traffic summed over every attempt, re-asks and failures included."""

    requests: int = 0
    cached: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0

    def add(self, other: Usage) -> None:
        self.requests += other.requests
        self.cached += other.cached
        self.prompt_tokens += other.prompt_tokens
        self.completion_tokens += other.completion_tokens


class Meta(_Model):
    region: str | None = None
    year: int | None = None
    engine: EngineName
    model: str | None = None
    prompt_version: str | None = None
    strategy: Strategy | None = None  # llm and local engines: extract or review
    chunks: int = 0
    failed_chunks: list[str] = Field(default_factory=list)
    dropped: int = 0
    usage: Usage = Field(default_factory=Usage)
    seconds: float = 0.0


class Section(_Model):
    """One node of the section tree; ``path`` is positional ("2.1"), ``marker`` as written."""

    path: str
    level: int
    kind: SectionKind
    marker: str
    title: str
    title_start: int
    title_end: int
    start: int
    end: int


class _Measured(_Model):
    """A number with a ``measure``: filled by :func:`_with_measure` when not given."""

    @model_validator(mode="before")
    @classmethod
    def _fill_measure(cls, data: object) -> object:
        return _with_measure(data)


class Target(_Measured):
    """A quantitative target: an indicator, a number with its unit, and where it is written.
    ``measure`` (growth, level, change, count) is derived when not given."""

    indicator: str
    key: str | None = None
    measure: Measure
    value: Number
    value_max: Number | None = None
    unit: str
    qualifier: Qualifier = ""
    direction: Direction = ""
    scope: Scope = "section"
    section: str | None = None
    quote: str
    start: int
    end: int
    value_start: int
    value_end: int


class Outcome(_Measured):
    """A result the report states for the year under review (``period`` "2024") or a plan
    period ("2021-2025"), read from its review part: fields as a target, without ``scope``."""

    indicator: str
    key: str | None = None
    measure: Measure
    value: Number
    value_max: Number | None = None
    unit: str
    qualifier: Qualifier = ""
    direction: Direction = ""
    period: str = Field(pattern=r"^\d{4}(?:-\d{4})?$")
    section: str | None = None
    quote: str
    start: int
    end: int
    value_start: int
    value_end: int


class QualitativeTarget(_Model):
    """A target without a number (居民收入增长与经济增长同步)."""

    indicator: str
    key: str | None = None
    text: str
    scope: Scope = "section"
    section: str | None = None
    quote: str
    start: int
    end: int


class Priority(_Model):
    """One of this year's work sections, in order."""

    ordinal: int
    title: str
    summary: str = ""
    measures: list[str] = Field(default_factory=list)
    section: str
    start: int
    end: int


class Project(_Model):
    """A named undertaking with the amount the text attaches to it."""

    name: str
    amount: Number | None = None
    amount_unit: str | None = None
    amount_kind: str | None = None
    status: str | None = None
    section: str | None = None
    quote: str
    start: int
    end: int
    amount_start: int | None = None
    amount_end: int | None = None


class Violation(_Model):
    """A numeric-consistency problem the checker found in a summary."""

    kind: str
    item: str
    field: str
    value: str | None = None
    quote: str | None = None
    start: int | None = None
    end: int | None = None
    message: str


class CheckResult(_Model):
    """``checked`` counts numeric facts verified; ``violations`` lists what did not hold."""

    checked: int = 0
    violations: list[Violation] = Field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.violations


class ReportSummary(_Model):
    """The structured summary of one report (``summarizer summarize --format json``)."""

    schema_version: Literal["2"] = "2"
    source: Source
    meta: Meta
    sections: list[Section] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    qualitative_targets: list[QualitativeTarget] = Field(default_factory=list)
    priorities: list[Priority] = Field(default_factory=list)
    projects: list[Project] = Field(default_factory=list)
    outcomes: list[Outcome] = Field(default_factory=list)
    checks: CheckResult = Field(default_factory=CheckResult)

    @model_validator(mode="before")
    @classmethod
    def _upgrade(cls, data: object) -> object:
        """A version "1" summary (before measures and outcomes) loads as "2": its targets get
        their derived measure; it states no outcomes."""
        if isinstance(data, dict) and data.get("schema_version") == "1":
            return {**data, "schema_version": "2"}
        return data


def sort_items(summary: ReportSummary) -> ReportSummary:
    """Sort every list by ``(start, end, indicator or name)`` so output is order-independent."""
    summary.targets.sort(key=lambda t: (t.start, t.end, t.indicator))
    summary.outcomes.sort(key=lambda t: (t.start, t.end, t.indicator))
    summary.qualitative_targets.sort(key=lambda t: (t.start, t.end, t.indicator))
    summary.priorities.sort(key=lambda p: (p.start, p.end, p.title))
    summary.projects.sort(key=lambda p: (p.start, p.end, p.name))
    summary.sections.sort(key=lambda s: (s.start, -s.end, s.path))
    return summary


def json_schemas() -> dict[str, dict[str, object]]:
    """The JSON Schemas shipped in ``schemas/``, keyed by file name."""
    return {
        "report_summary.schema.json": ReportSummary.model_json_schema(mode="serialization"),
        "check_result.schema.json": CheckResult.model_json_schema(mode="serialization"),
    }
