"""The local engine: the LLM engine against a llama.cpp server running inside this process.

``--engine local --model-path FILE.gguf`` (or ``SUMMARIZER_MODEL_PATH``) validates the file
(exists, regular, readable, GGUF magic) when the engine is built, starts an ``xllamacpp``
server on a free loopback port when the first report is extracted (:class:`LocalServer`, which
owns it and stops it on :meth:`LocalEngine.aclose`, an error, Ctrl-C or interpreter exit), and
runs :class:`~summarizer.engines.llm.LLMEngine` against it in ``json_schema`` mode (llama.cpp
turns the schema into a grammar): the same prompts, schemas, grounding, re-asks, usage and
checks as the ``llm`` engine. Its default strategy is ``review`` (measured with
Qwen2.5-Coder-1.5B: better F1 than ``extract`` at an eighth of the time; README,
"Strategies"); ``local_chunk_chars``, ``local_max_items`` and ``local_projects`` below shape
``extract`` requests only.

Differences from ``llm``, all from settings with ``SUMMARIZER_*`` names: ``ctx_size`` tokens
of context per request, ``threads``, ``local_parallel`` requests decoded together (the engine
never sends more, so nothing waits in the server's queue against its timeout),
``local_max_tokens`` per answer, ``local_timeout`` seconds per request (a CPU writes ~13
tokens/s), ``local_reasks`` re-asks after a validation error (0: at temperature 0 a small model
repeats its answer; the items that ground are kept or realigned, the others dropped and
counted), ``local_chunk_chars`` characters per request and ``local_max_items`` items per list
(small models cover a short chunk better and cannot run on until the token limit),
``local_projects`` (off: the schema allows no projects, since most of what the 1.5B model
listed were measures and slogans, and they cost half its answer), and no summary or measures
are asked for (``llm_summaries`` off: they are extractive). The cache key
names the model by the SHA-256 of its file instead of the server's URL (a new random port each
run), so a rerun with the same file is answered from the cache and another file never is. The
hash is computed once per file version and memoised by (path, size,
mtime), in memory and in ``<cache dir>/model-sha256.json``.

The openai client and the LLM engine are bound to the event loop that runs the extraction and
closed when its last extraction ends, as the ``llm`` engine does with its own client; the
server lives on across loops (``Summarizer`` runs each call in a fresh ``asyncio.run``).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..chunking import Document
from ..errors import EndpointError, EngineError, UsageError
from ..local_server import GET_MODEL, LocalServer, check_model_file, require_xllamacpp
from ..models import EngineName
from ..prompts import PromptSet, default_prompts
from ..settings import Settings
from .base import Engine, Extraction
from .llm import LLMEngine

log = logging.getLogger("summarizer.local")

_SHA_MEMO: dict[tuple[str, int, int], str] = {}
_SHA_LOCK = threading.Lock()
_SHA_FILE = "model-sha256.json"


def model_sha256(path: Path, cache_dir: Path | None = None) -> str:
    """SHA-256 of the model file, hashed once per (path, size, mtime): memoised in memory and,
    when ``cache_dir`` is given, in ``cache_dir/model-sha256.json`` across runs."""
    st = path.stat()
    memo_key = (str(path), st.st_size, st.st_mtime_ns)
    with _SHA_LOCK:
        if memo_key in _SHA_MEMO:
            return _SHA_MEMO[memo_key]
        stored = _read_sha_file(cache_dir)
        entry = stored.get(str(path))
        if isinstance(entry, dict) and [entry.get("size"), entry.get("mtime_ns")] == [
            st.st_size,
            st.st_mtime_ns,
        ]:
            digest = str(entry.get("sha256"))
        else:
            h = hashlib.sha256()
            with path.open("rb") as f:
                while block := f.read(1 << 20):
                    h.update(block)
            digest = h.hexdigest()
            stored[str(path)] = {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "sha256": digest}
            _write_sha_file(cache_dir, stored)
        _SHA_MEMO[memo_key] = digest
        return digest


def _read_sha_file(cache_dir: Path | None) -> dict[str, Any]:
    if cache_dir is None:
        return {}
    try:
        data = json.loads((cache_dir / _SHA_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_sha_file(cache_dir: Path | None, data: dict[str, Any]) -> None:
    if cache_dir is None:
        return
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = cache_dir / f".{_SHA_FILE}.{os.getpid()}"
        tmp.write_text(json.dumps(data, indent=1), encoding="utf-8")
        tmp.replace(cache_dir / _SHA_FILE)
    except OSError as exc:  # a memo only: hashing again next time is fine
        log.debug("cannot store the model hash in %s: %s", cache_dir, exc)


@dataclass
class _Bound:
    """The openai client and LLM engine of one event loop."""

    loop: asyncio.AbstractEventLoop
    client: Any
    llm: LLMEngine
    active: int = 0


class LocalEngine(Engine):
    """Structured extraction with a local GGUF model (see the module docstring)."""

    name: EngineName = "local"

    def __init__(
        self,
        settings: Settings,
        *,
        prompts: PromptSet | None = None,
        server: LocalServer | None = None,
    ) -> None:
        if not settings.model_path:
            raise UsageError(
                "the local engine needs a GGUF model file: pass --model-path FILE.gguf or set "
                f"SUMMARIZER_MODEL_PATH ({GET_MODEL})"
            )
        self.model_path = check_model_file(settings.model_path)
        require_xllamacpp()
        self.settings = settings
        self.model = Path(settings.model_path).name
        self.prompts = prompts or default_prompts()
        self.strategy = settings.effective_strategy("local")
        self.prompt_version = self.prompts.strategy_hash(self.strategy)[:12]
        self.on_chunk: Callable[[str], None] | None = None  # progress hook, as on LLMEngine
        # what the LLM engine sees: one request per server slot, the local budgets
        self.llm_settings = settings.model_copy(
            update={
                "model": self.model,
                "concurrency": settings.local_parallel,
                "max_tokens": settings.local_max_tokens,
                "timeout": settings.local_timeout,
                "reasks": settings.local_reasks,
                "chunk_chars": settings.local_chunk_chars,
                "max_items": settings.local_max_items,
                "llm_summaries": False,
                "llm_projects": settings.local_projects,
                "strategy": self.strategy,
            }
        )
        self.server = server or LocalServer(
            self.model_path,
            ctx_size=settings.ctx_size,
            threads=settings.threads,
            parallel=settings.local_parallel,
        )
        self._sha: str | None = None
        self._bound: _Bound | None = None

    # ---------------------------------------------------------------- lifecycle

    async def start(self) -> str:
        """Start the server if it is not running (in a thread: loading takes seconds); return
        its base URL. Concurrent callers wait for the one start."""
        if self._sha is None:
            cache_dir = None if self.settings.no_cache else self.settings.resolved_cache_dir()
            self._sha = await asyncio.to_thread(model_sha256, self.model_path, cache_dir)
        if self.server.running and self.server.base_url:
            return self.server.base_url
        return await asyncio.to_thread(self.server.start)

    def _bind(self, base_url: str) -> _Bound:
        loop = asyncio.get_running_loop()
        if self._bound is not None and self._bound.loop is loop:
            return self._bound
        import openai

        client = openai.AsyncOpenAI(
            base_url=base_url + "/v1",
            api_key="none",
            max_retries=0,  # tenacity in the LLM engine owns retries
            timeout=self.llm_settings.timeout,
            http_client=openai.DefaultAsyncHttpxClient(trust_env=False),  # loopback, no proxy
        )
        llm = LLMEngine(
            self.llm_settings,
            name="local",
            client=client,
            prompts=self.prompts,
            cache_identity=f"local:sha256:{self._sha}",  # the model file, not this run's port
        )
        llm.on_chunk = self.on_chunk
        self._bound = _Bound(loop, client, llm)
        return self._bound

    async def _release(self, bound: _Bound) -> None:
        if self._bound is bound:
            self._bound = None
        try:
            await bound.llm.aclose()  # closes the cache; the client is ours
            if bound.loop is asyncio.get_running_loop():
                await bound.client.close()
        except Exception as exc:  # pragma: no cover - closing is best effort
            log.debug("closing the local client: %s", exc)

    async def aclose(self) -> None:
        """Close the client and stop the server (the engine cannot be used afterwards)."""
        try:
            if self._bound is not None:
                await self._release(self._bound)
        finally:
            self.server.stop()  # synchronous on purpose: it must finish even when cancelled

    # ---------------------------------------------------------------- the engine

    async def extract(self, doc: Document) -> Extraction:
        base_url = await self.start()
        bound = self._bind(base_url)
        bound.active += 1
        try:
            return await bound.llm.extract(doc)
        except EndpointError as exc:
            where = doc.report.path or "<text>"
            raise EngineError(
                f"{where}: the local llama.cpp server for {self.model_path.name} failed ({exc})"
            ) from None
        finally:
            bound.active -= 1
            if bound.active == 0 and self._bound is bound:
                await self._release(bound)


__all__ = ["LocalEngine", "model_sha256"]
