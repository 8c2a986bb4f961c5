"""A small diskcache wrapper for LLM chunk results.

The key is a SHA-256 over everything that decides an answer (model, base URL, mode, prompt hash,
schema hash, chunk text, context, sampling parameters) and never the API key. Values are plain
JSON-able dicts of validated model output, so cache files hold no secret.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from .errors import ConfigError

# Bumped whenever what a cached result means changes: a result is the answer *after* grounding,
# so a change to the grounding rules in engines/llm_schema.py bumps it as well.
# 2: targets realigned in salvage, one number per value, "无" as an empty optional field.
CACHE_FORMAT = "2"


def cache_key(
    *,
    model: str,
    base_url: str,
    mode: str,
    prompt_hash: str,
    schema_hash: str,
    chunk_text: str,
    context: dict[str, Any] | None = None,
    sampling: dict[str, Any] | None = None,
) -> str:
    """SHA-256 hex of the request's identity; the API key is deliberately not a parameter."""
    payload = {
        "format": CACHE_FORMAT,
        "model": model,
        "base_url": base_url.rstrip("/"),
        "mode": mode,
        "prompt": prompt_hash,
        "schema": schema_hash,
        "text": chunk_text,
        "context": context or {},
        "sampling": sampling or {},
    }
    blob = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class ResultCache:
    """Chunk results on disk (``diskcache``), or a no-op when disabled.

    Opened lazily so that engines that never hit the network never create the directory.
    """

    def __init__(self, directory: str | Path, *, enabled: bool = True) -> None:
        self.directory = Path(directory) / "llm"
        self.enabled = enabled
        self._cache: Any = None

    def _open(self) -> Any:
        if self._cache is None:
            import diskcache

            try:
                self.directory.mkdir(parents=True, exist_ok=True)
                self._cache = diskcache.Cache(str(self.directory), size_limit=2**31)
            except OSError as exc:
                raise ConfigError(
                    f"{self.directory}: cannot open the cache ({exc.strerror or exc}); "
                    "pass --cache-dir DIR or --no-cache"
                ) from exc
        return self._cache

    def get(self, key: str) -> dict[str, Any] | None:
        if not self.enabled:
            return None
        value = self._open().get(key)
        return value if isinstance(value, dict) else None

    def set(self, key: str, value: dict[str, Any]) -> None:
        if not self.enabled:
            return
        self._open().set(key, value)

    def __len__(self) -> int:
        return len(self._open()) if self.enabled else 0

    def clear(self) -> None:
        if self.enabled:
            self._open().clear()

    def close(self) -> None:
        if self._cache is not None:
            self._cache.close()
            self._cache = None


def text_hash(*parts: str) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(p.encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()
