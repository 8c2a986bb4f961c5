"""Request and response bodies of the HTTP service (their JSON Schemas are in the OpenAPI spec).

Requests choose an engine and a model only; every other engine setting (base URL, API key,
mode, model file, cache, limits) belongs to the server, and a request naming one is refused
with a message that says so.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..models import CheckResult, ReportSummary
from ..settings import Settings
from .config import ServiceEngine

SERVER_ONLY = frozenset(
    {name for name in Settings.model_fields if name != "model"}
    | {"token", "openai_api_key", "openai_base_url", "key", "url", "engine_settings", "cache"}
)


def refuse_server_settings(data: Any) -> Any:
    if isinstance(data, dict):
        named = sorted(k for k in data if isinstance(k, str) and k.lower() in SERVER_ONLY)
        if named:
            raise ValueError(
                f"{', '.join(named)}: not accepted in a request; base URLs, API keys, modes, "
                "model files, cache and limits are the server's own settings. Choose an "
                "'engine' and a 'model' from the server's allow-list only"
            )
    return data


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def _server_only(cls, data: Any) -> Any:
        return refuse_server_settings(data)


class Options(_Request):
    """How to summarise: an engine the server enables and a model from its allow-list."""

    engine: ServiceEngine | None = Field(
        None, description="An engine the server enables (default: the server's first)."
    )
    model: str | None = Field(
        None, max_length=200, description="A model from the server's allow-list (llm engine)."
    )
    region: str | None = Field(
        None, max_length=100, description="Region, when the text does not say."
    )
    year: int | None = Field(
        None, ge=1900, le=2200, description="Plan year, when the text does not say."
    )


class SummaryRequest(Options):
    """One report as text (offsets in the summary index this text exactly)."""

    text: str = Field(description="The report text (plain text or HTML).")
    name: str | None = Field(
        None, max_length=255, description="A name for the report (becomes source.path)."
    )


class JobReport(_Request):
    """One report of a job."""

    text: str = Field(description="The report text (plain text or HTML).")
    name: str | None = Field(
        None, max_length=255, description="A name for the report (default report-N)."
    )
    region: str | None = Field(None, max_length=100)
    year: int | None = Field(None, ge=1900, le=2200)


class JobRequest(Options):
    """Many reports summarised in the background; ``region``/``year`` apply to every report
    that does not give its own."""

    reports: list[JobReport] = Field(min_length=1)


class CheckRequest(_Request):
    """A summary (a full ReportSummary or down to ``{"targets": [{"indicator", "value",
    "unit", "quote"}]}``) and the source text it claims to summarise."""

    summary: dict[str, Any]
    source: str = Field(description="The report text the summary's offsets index.")


class ProblemItem(BaseModel):
    field: str
    message: str


class Problem(BaseModel):
    """RFC 7807 problem details; ``detail`` is the message the command line would print."""

    type: str
    title: str
    status: int
    detail: str
    errors: list[ProblemItem] | None = None


class Health(BaseModel):
    status: Literal["ok"]


class EngineInfo(BaseModel):
    name: ServiceEngine
    models: list[str]
    default_model: str | None


class EnginesInfo(BaseModel):
    default: ServiceEngine
    engines: list[EngineInfo]


class Progress(BaseModel):
    total: int
    pending: int
    running: int
    done: int
    failed: int


class JobCreated(BaseModel):
    id: str
    state: Literal["pending", "running", "done"]
    total: int


class JobReportStatus(BaseModel):
    index: int
    name: str
    state: Literal["pending", "running", "done", "failed"]
    summary: ReportSummary | None = None
    error: Problem | None = None


class JobProgress(BaseModel):
    """A job's light status: its state and counts, never the summaries."""

    id: str
    state: Literal["pending", "running", "done"]
    engine: ServiceEngine | Literal["fake"]
    model: str | None
    created: str
    updated: str
    progress: Progress


class JobStatus(JobProgress):
    """A job's full status: its progress and every report's state and summary."""

    reports: list[JobReportStatus]


__all__ = [
    "SERVER_ONLY",
    "CheckRequest",
    "CheckResult",
    "EngineInfo",
    "EnginesInfo",
    "Health",
    "JobCreated",
    "JobProgress",
    "JobReport",
    "JobReportStatus",
    "JobRequest",
    "JobStatus",
    "Options",
    "Problem",
    "Progress",
    "ReportSummary",
    "ServiceEngine",
    "SummaryRequest",
]
