"""Settings for the LLM and local engines, and the ``auto`` engine rule.

Precedence, highest first: explicit keyword arguments (command-line flags, API arguments),
environment variables ``SUMMARIZER_*``, the config file
``<platformdirs user_config_dir("summarizer")>/config.toml`` (same names, lower case, no
prefix), then the defaults below. ``OPENAI_API_KEY`` / ``OPENAI_BASE_URL`` are fallbacks for the
key and URL once the ``llm`` engine is chosen; they never choose it.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from .errors import ConfigError, UsageError
from .models import Strategy

Mode = Literal["tools", "json_schema", "json", "md_json"]
MODES: tuple[str, ...] = ("tools", "json_schema", "json", "md_json")
# the strategy an engine uses when none is given, chosen by measurement (README, "Strategies")
DEFAULT_STRATEGY: dict[str, Strategy] = {"llm": "extract", "local": "review"}
ENV_PREFIX = "SUMMARIZER_"


def config_path() -> Path:
    """Where the config file lives (it need not exist)."""
    override = os.environ.get(ENV_PREFIX + "CONFIG")
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir("summarizer")) / "config.toml"


def default_cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("summarizer"))


class _TomlSource(PydanticBaseSettingsSource):
    """The config file: a flat TOML table with the settings' names in lower case."""

    def __init__(self, settings_cls: type[BaseSettings]) -> None:
        super().__init__(settings_cls)
        self.path = config_path()
        self.data = _read_config(self.path, set(settings_cls.model_fields))

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        return self.data.get(field_name), field_name, False

    def __call__(self) -> dict[str, Any]:
        return dict(self.data)


def _read_config(path: Path, known: set[str]) -> dict[str, Any]:
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the config file ({exc}); fix or remove it") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc}); fix or remove it") from exc
    unknown = sorted(k for k in data if k not in known)
    if unknown:
        raise ConfigError(
            f"{path}: unknown setting(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}"
        )
    return data


class Settings(BaseSettings):
    """Everything the llm/local engines and the cache need; see the module docstring."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX, case_sensitive=False, extra="ignore", validate_default=True
    )

    base_url: str | None = None
    model: str | None = None
    api_key: SecretStr | None = None
    mode: Mode | None = None  # None: chosen per endpoint (see default_mode)
    # extract: the model writes targets and projects from scratch; review: the rules engine
    # proposes every number and project name and the model only labels them (engines/review.py)
    strategy: Strategy | None = None  # None: DEFAULT_STRATEGY of the engine
    model_path: str | None = None
    cache_dir: str | None = None
    no_cache: bool = False
    concurrency: int = Field(4, ge=1, le=256)
    timeout: float = Field(120.0, gt=0)  # seconds per request
    max_retries: int = Field(6, ge=0, le=50)  # transport retries per chunk (429, 5xx, timeouts)
    reasks: int = Field(2, ge=0, le=10)  # instructor re-asks after a validation error
    max_tokens: int = Field(2048, ge=16)
    temperature: float = Field(0.0, ge=0, le=2)
    chunk_chars: int = Field(1800, ge=200)
    # characters of report text per review request (the answer is a few ids per number, so a
    # review chunk can be longer than an extract chunk)
    review_chunk_chars: int = Field(1500, ge=200)
    # review: a label that goes against the rules engine's verdict counts only when the model
    # gave it at least this probability (from the answer's logprobs); 0: every label counts
    review_confidence: float = Field(0.0, ge=0, le=1)
    # cap on the items per list the schema asks for; bounds the output of small local models
    # under grammar-constrained decoding (json_schema on llama.cpp). None: no cap.
    max_items: int | None = Field(None, ge=1)
    # ask the model for each work section's summary and measures; when False they are
    # extractive (the section's first sentence and its sub-section titles) and the model spends
    # its whole answer on targets and projects (small local models answer one or the other)
    llm_summaries: bool = True
    # ask the model for named projects; when False the schema allows none (the local engine's
    # default: most of what a 1.5B model listed as projects were measures and slogans)
    llm_projects: bool = True
    backoff_initial: float = Field(1.0, ge=0)  # seconds; doubled per retry, with jitter
    backoff_max: float = Field(30.0, ge=0)
    retry_after_max: float = Field(60.0, ge=0)  # cap on a server's Retry-After
    # local engine (llama.cpp in process): tokens of context per request (prompt + answer),
    # CPU threads (None: llama.cpp's choice, about one per core), requests decoded together,
    # answer budget (doubled once when cut off) and seconds per request (CPU decoding is slow)
    ctx_size: int = Field(8192, ge=512, le=131072)
    threads: int | None = Field(None, ge=1, le=512)
    local_parallel: int = Field(1, ge=1, le=16)
    local_max_tokens: int = Field(1536, ge=16)
    local_timeout: float = Field(900.0, gt=0)
    # re-asks after a validation error with the local model: 0, because at temperature 0 a
    # small model answers a re-ask with the same items (measured with Qwen2.5-Coder-1.5B on the
    # seeds: three identical answers, 3x the time); the items that ground are kept either way
    local_reasks: int = Field(0, ge=0, le=10)
    # shorter chunks and capped lists for the local model: on a 1,300-character chunk the 1.5B
    # model answered for one paragraph and skipped the rest; items per list are capped so a
    # grammar-constrained answer cannot run on until the token limit
    local_chunk_chars: int = Field(700, ge=200)
    local_max_items: int = Field(16, ge=1)
    local_projects: bool = False  # llm_projects for the local engine

    @field_validator(
        "base_url", "model", "model_path", "cache_dir", "mode", "strategy", mode="before"
    )
    @classmethod
    def _blank_is_none(cls, v: Any) -> Any:
        if isinstance(v, str) and not v.strip():
            return None
        return v.strip() if isinstance(v, str) else v

    @field_validator("api_key", mode="before")
    @classmethod
    def _blank_key_is_none(cls, v: Any) -> Any:
        if isinstance(v, str) and not v.strip():
            return None
        return v

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return init_settings, env_settings, _TomlSource(settings_cls)

    # ------------------------------------------------------------ llm fallbacks

    def effective_base_url(self) -> str:
        """The endpoint for the llm engine: configured, else ``OPENAI_BASE_URL``, else OpenAI."""
        url = self.base_url or os.environ.get("OPENAI_BASE_URL", "").strip()
        return (url or "https://api.openai.com/v1").rstrip("/")

    def effective_api_key(self) -> str | None:
        """The key for the llm engine: configured, else ``OPENAI_API_KEY``, else None."""
        if self.api_key is not None:
            return self.api_key.get_secret_value()
        return os.environ.get("OPENAI_API_KEY", "").strip() or None

    def effective_strategy(self, engine: str) -> Strategy:
        """The strategy given, else the engine's default (:data:`DEFAULT_STRATEGY`)."""
        return self.strategy or DEFAULT_STRATEGY.get(engine, "extract")

    def effective_mode(self, base_url: str | None = None) -> Mode:
        return self.mode or default_mode(base_url or self.effective_base_url())

    def resolved_cache_dir(self) -> Path:
        return Path(self.cache_dir).expanduser() if self.cache_dir else default_cache_dir()


_TOOLS_HOSTS = ("api.openai.com", "openai.azure.com", "deepseek.com", "dashscope", "aliyuncs.com",
                "moonshot", "bigmodel.cn", "siliconflow", "openrouter.ai", "groq.com",
                "together", "mistral.ai")  # fmt: skip
_LOCAL_PORTS = {"11434", "8000", "8080", "5000", "1234", "30000"}


def default_mode(base_url: str) -> Mode:
    """``tools`` for hosted APIs (OpenAI, DeepSeek, DashScope …), ``json_schema`` for local
    servers (vLLM, llama.cpp, Ollama, LM Studio: loopback, private addresses, their usual ports)."""
    from urllib.parse import urlsplit

    parts = urlsplit(base_url if "://" in base_url else "http://" + base_url)
    host = (parts.hostname or "").lower()
    if any(h in host for h in _TOOLS_HOSTS):
        return "tools"
    if host in ("localhost", "::1", "0.0.0.0") or host.endswith((".local", ".internal")):
        return "json_schema"
    if host.startswith(("127.", "10.", "192.168.")) or _is_private_172(host):
        return "json_schema"
    if parts.port is not None and str(parts.port) in _LOCAL_PORTS:
        return "json_schema"
    if any(w in host for w in ("vllm", "ollama", "llama", "lmstudio")):
        return "json_schema"
    return "tools"


def _is_private_172(host: str) -> bool:
    if not host.startswith("172."):
        return False
    try:
        return 16 <= int(host.split(".")[1]) <= 31
    except (IndexError, ValueError):
        return False


def load_settings(**overrides: Any) -> Settings:
    """Settings from ``overrides`` (flags; ``None`` values are ignored), the environment, the
    config file and the defaults. Raises :class:`ConfigError` naming the source at fault."""
    given = {k: v for k, v in overrides.items() if v is not None}
    unknown = sorted(k for k in given if k not in Settings.model_fields)
    if unknown:
        raise UsageError(f"unknown setting(s): {', '.join(unknown)}")
    try:
        return Settings(**given)
    except ValidationError as exc:
        raise ConfigError(_explain(exc, given)) from None


def _explain(exc: ValidationError, given: dict[str, Any]) -> str:
    parts = []
    for err in exc.errors():
        name = str(err["loc"][0]) if err["loc"] else "?"
        if name in given:
            where = f"--{name.replace('_', '-')}"
        elif os.environ.get(ENV_PREFIX + name.upper()) is not None:
            where = ENV_PREFIX + name.upper()
        else:
            where = f"{config_path()} ({name})"
        msg = err["msg"]
        if name == "api_key":  # never echo a key back
            msg = "invalid value"
        parts.append(f"{where}: {msg}")
    return "invalid settings: " + "; ".join(parts)


EngineChoice = Literal["rules", "llm", "local"]


def resolve_engine(requested: str, settings: Settings) -> EngineChoice:
    """The engine to use. ``auto`` is ``llm`` when an endpoint or a model is configured (flags,
    ``SUMMARIZER_*`` or the config file, never ``OPENAI_*``), else ``local`` when a model file is
    configured, else ``rules``: a report never leaves the machine unless the user said so."""
    if requested in ("rules", "llm", "local"):
        return requested  # type: ignore[return-value]
    if requested != "auto":
        raise UsageError(f"unknown engine {requested!r}; choose auto, rules, llm or local")
    if settings.base_url or settings.model:
        return "llm"
    if settings.model_path:
        return "local"
    return "rules"


__all__ = [
    "MODES",
    "Mode",
    "Settings",
    "config_path",
    "default_mode",
    "load_settings",
    "resolve_engine",
]
