"""Engines behind one interface: ``rules`` (offline), ``llm`` (instructor + openai),
``local`` (llm against an in-process llama.cpp server) and ``fake`` (tests)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import UsageError
from .base import Engine, Extraction

if TYPE_CHECKING:
    from ..settings import Settings

ENGINE_CHOICES = ("auto", "rules", "llm", "local")


def create_engine(name: str, settings: Settings | None = None) -> Engine:
    """Build the engine called ``name`` (``auto`` resolved by the settings, see docs/output-format.md and the README)."""
    if name not in ENGINE_CHOICES:
        raise UsageError(f"unknown engine {name!r}; choose one of {', '.join(ENGINE_CHOICES)}")
    if name == "rules":
        from .rules import RulesEngine

        return RulesEngine()
    from ..settings import load_settings, resolve_engine

    settings = settings or load_settings()
    resolved = resolve_engine(name, settings)
    if resolved == "rules" and settings.strategy and name == "auto":
        raise UsageError(
            f"--strategy {settings.strategy} needs a model: no endpoint, model or model file is "
            "configured, so auto chose the rules engine; pass --model/--base-url or "
            "--model-path"
        )
    if resolved == "rules":
        from .rules import RulesEngine

        return RulesEngine()
    if resolved == "local":
        try:
            from .local import LocalEngine
        except ImportError as exc:
            raise UsageError(
                "the local engine is not available in this installation; "
                "use --engine llm with --base-url, or --engine rules"
            ) from exc
        return LocalEngine(settings)
    from .llm import LLMEngine

    return LLMEngine(settings)


__all__ = ["ENGINE_CHOICES", "Engine", "Extraction", "create_engine"]
