"""The engines a server offers: which a client may choose, and one shared instance of each.

Engines are built with :func:`summarizer.engines.create_engine` from the server's
:class:`~summarizer.settings.Settings`, exactly as the command line builds them (so the LLM cache
is the CLI's), and kept open for the life of the server.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from ..engines import create_engine
from ..engines.base import Engine
from ..errors import ConfigError, UsageError
from ..settings import Settings, load_settings
from .config import ServiceSettings

EngineFactory = Callable[[str, "str | None"], Engine]
"""``factory(engine_name, model) -> Engine``; tests inject fakes through :func:`create_app`."""


class EnginePool:
    """Chooses among the enabled engines and the allowed models; builds each engine once."""

    def __init__(
        self,
        service: ServiceSettings,
        settings: Settings | None = None,
        factory: EngineFactory | None = None,
    ) -> None:
        self.enabled: list[str] = list(service.engines)
        self.factory = factory
        if settings is None and factory is None and any(e != "rules" for e in self.enabled):
            settings = load_settings()
        self.settings = settings
        configured = settings.model if settings is not None else None
        self.models: list[str] = list(
            dict.fromkeys([m for m in [configured, *service.models] if m])
        )
        if factory is None and settings is not None:
            if "llm" in self.enabled and not self.models:
                raise ConfigError(
                    "the llm engine is enabled (SUMMARIZER_SERVICE_ENGINES) but no model is "
                    "configured: set SUMMARIZER_MODEL or SUMMARIZER_SERVICE_MODELS"
                )
            if "local" in self.enabled and not settings.model_path:
                raise ConfigError(
                    "the local engine is enabled (SUMMARIZER_SERVICE_ENGINES) but no model file "
                    "is configured: set SUMMARIZER_MODEL_PATH"
                )
        self._engines: dict[tuple[str, str | None], Engine] = {}

    @property
    def default(self) -> str:
        return self.enabled[0]

    def choose(self, engine: str | None, model: str | None) -> tuple[str, str | None]:
        """Validate a client's choice; return ``(engine, model)`` with the defaults filled in."""
        name = engine or self.default
        if name not in self.enabled:
            raise UsageError(
                f"engine {name!r} is not enabled on this server; choose one of "
                f"{', '.join(self.enabled)}"
            )
        if name == "rules":
            if model:
                raise UsageError(
                    "the rules engine takes no model; leave model out"
                    + (" or choose engine llm" if "llm" in self.enabled else "")
                )
            return name, None
        if name == "local":
            if model:
                raise UsageError("the local engine runs the server's model file; leave model out")
            return name, None
        if not model:
            if not self.models:
                raise UsageError(f"engine {name!r} has no model configured on this server")
            return name, self.models[0]
        if model not in self.models:
            allowed = ", ".join(self.models) or "none"
            raise UsageError(
                f"model {model!r} is not allowed on this server; choose one of: {allowed}"
            )
        return name, model

    def get(self, name: str, model: str | None) -> Engine:
        """The shared engine for ``(name, model)``, built on first use."""
        key = (name, model)
        engine = self._engines.get(key)
        if engine is None:
            engine = self._build(name, model)
            self._engines[key] = engine
        return engine

    def _build(self, name: str, model: str | None) -> Engine:
        if self.factory is not None:
            return self.factory(name, model)
        if name == "rules":
            return create_engine("rules")
        settings = self.settings or load_settings()
        if model and name == "llm":
            settings = settings.model_copy(update={"model": model})
        return create_engine(name, settings)

    def secrets(self) -> list[str]:
        key = self.settings.effective_api_key() if self.settings is not None else None
        return [key] if key else []

    async def aclose(self) -> None:
        engines, self._engines = list(self._engines.values()), {}
        for engine in engines:
            with contextlib.suppress(Exception):  # closing is best effort
                await engine.aclose()


__all__ = ["EngineFactory", "EnginePool"]
