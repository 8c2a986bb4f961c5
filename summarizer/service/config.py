"""Settings of the HTTP service (environment ``SUMMARIZER_SERVICE_*``).

The engines' own settings (base URL, model, API key, model file, cache) are the ordinary
:class:`summarizer.settings.Settings` (``SUMMARIZER_*`` and the config file), exactly as the
command line reads them, so the service and the CLI share one LLM cache. A request never sets
any of them: it may only pick an ``engine`` among :attr:`ServiceSettings.engines` and a
``model`` from the allow-list.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from ..errors import ConfigError

ENV_PREFIX = "SUMMARIZER_SERVICE_"
ServiceEngine = Literal["rules", "llm", "local"]
MiB = 1024 * 1024


def default_db_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("summarizer")) / "service.sqlite3"


def _split(value: Any) -> Any:
    """``"rules,llm"`` or ``'["rules", "llm"]'`` -> a list (environment variables are strings)."""
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            import json

            try:
                return json.loads(text)
            except ValueError as exc:
                raise ValueError(f"not a JSON list ({exc})") from None
        return [part.strip() for part in text.split(",") if part.strip()]
    return value


def _rules_only() -> list[ServiceEngine]:
    return ["rules"]


class ServiceSettings(BaseSettings):
    """What the server enables and how much it accepts. Environment names are
    ``SUMMARIZER_SERVICE_`` + the field name in upper case (``SUMMARIZER_SERVICE_TOKEN``)."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX, case_sensitive=False, extra="forbid", validate_default=True
    )

    token: SecretStr | None = None
    """When set, every endpoint but ``/healthz`` needs ``Authorization: Bearer <token>``."""
    engines: Annotated[list[ServiceEngine], NoDecode] = Field(default_factory=_rules_only)
    """Engines clients may choose; the first is the default (``rules,llm``)."""
    models: Annotated[list[str], NoDecode] = Field(default_factory=list)
    """Models clients may choose for the llm engine, besides the configured ``SUMMARIZER_MODEL``
    (which is the default; without it the first of these is)."""
    db: str | None = None
    """The SQLite job store; default ``<user data dir>/summarizer/service.sqlite3``."""
    max_body_bytes: int = Field(default=5 * MiB, ge=1024)
    """Largest request body accepted (413 beyond)."""
    max_report_chars: int = Field(default=500_000, ge=100)
    """Largest report accepted, in decoded characters (413 beyond)."""
    max_job_reports: int = Field(default=1000, ge=1)
    """Most reports in one job."""
    concurrency: int = Field(default=4, ge=1, le=256)
    """Reports being summarised at once, shared by every request and job."""

    @field_validator("engines", "models", mode="before")
    @classmethod
    def _lists(cls, v: Any) -> Any:
        return _split(v)

    @field_validator("engines")
    @classmethod
    def _engines(cls, v: list[str]) -> list[str]:
        if not v:
            raise ValueError("enable at least one engine (rules, llm or local)")
        return list(dict.fromkeys(v))

    @field_validator("token", mode="before")
    @classmethod
    def _blank_token(cls, v: Any) -> Any:
        return None if isinstance(v, str) and not v.strip() else v

    @field_validator("db", mode="before")
    @classmethod
    def _blank_db(cls, v: Any) -> Any:
        return None if isinstance(v, str) and not v.strip() else v

    def db_path(self) -> Path:
        return Path(self.db).expanduser() if self.db else default_db_path()


def load_service_settings(**overrides: Any) -> ServiceSettings:
    """Service settings from ``overrides`` and ``SUMMARIZER_SERVICE_*``; :class:`ConfigError`
    naming the variable at fault (never echoing the token)."""
    given = {k: v for k, v in overrides.items() if v is not None}
    try:
        return ServiceSettings(**given)
    except ValidationError as exc:
        parts = []
        for err in exc.errors():
            name = str(err["loc"][0]) if err["loc"] else "?"
            env = ENV_PREFIX + name.upper()
            where = env if name not in given and os.environ.get(env) is not None else name
            msg = "invalid value" if name == "token" else err["msg"]
            parts.append(f"{where}: {msg}")
        raise ConfigError("invalid service settings: " + "; ".join(parts)) from None


__all__ = ["ServiceEngine", "ServiceSettings", "default_db_path", "load_service_settings"]
