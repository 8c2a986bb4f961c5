"""summarizer: structured, source-grounded summaries of Chinese local-government work reports.

Public API::

    from summarizer import summarize, summarize_file, Summarizer, check, load_report
"""

from __future__ import annotations

from .api import Summarizer, check, summarize, summarize_file
from .errors import (
    ChunkFailedError,
    ConfigError,
    EndpointError,
    EngineError,
    EvalError,
    InputError,
    ModelFileError,
    PromptError,
    SummarizerError,
    UsageError,
)
from .ingest import Report, load_report
from .models import CheckResult, ReportSummary

__version__ = "0.1.0"

__all__ = [
    "CheckResult",
    "ChunkFailedError",
    "ConfigError",
    "EndpointError",
    "EngineError",
    "EvalError",
    "InputError",
    "ModelFileError",
    "PromptError",
    "Report",
    "ReportSummary",
    "Summarizer",
    "SummarizerError",
    "UsageError",
    "check",
    "load_report",
    "summarize",
    "summarize_file",
]
