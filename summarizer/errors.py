"""The exception tree. Every error the library raises on purpose is a `SummarizerError`.

Messages say what failed, on which file or endpoint, and what to do about it; the CLI prints
``str(error)`` on one line and exits with ``error.exit_code``.
"""

from __future__ import annotations


class SummarizerError(Exception):
    """Root of every error raised by summarizer on purpose."""

    exit_code = 2


class InputError(SummarizerError):
    """A report or summary cannot be read: missing, empty, binary, undecodable, malformed."""


class UsageError(SummarizerError):
    """Options that do not fit together, or a value out of range."""


class ConfigError(SummarizerError):
    """Settings (flags, environment, config file) that cannot be used."""


class PromptError(SummarizerError):
    """A prompt template is missing or malformed."""


class EngineError(SummarizerError):
    """An engine failed to produce a summary for a report."""


class EndpointError(EngineError):
    """An LLM endpoint is unreachable, rejects the key, or does not know the model."""


class ChunkFailedError(EngineError):
    """One or more chunks still failed after every retry; the report has no summary."""

    def __init__(self, message: str, failed_chunks: list[str]) -> None:
        super().__init__(message)
        self.failed_chunks = failed_chunks


class ModelFileError(EngineError):
    """A local GGUF model file is missing, unreadable or not a GGUF file."""


class EvalError(SummarizerError):
    """An eval suite or gold file is malformed."""
