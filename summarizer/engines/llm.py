"""The LLM engine: instructor over the openai client, for any OpenAI-compatible endpoint.

One request per chunk (its heading path and the report's region/year as context), answered in
a per-chunk pydantic model (:mod:`.llm_schema`) whose validators ground every item in the chunk;
a grounding failure re-asks the model, and an item that still does not ground is dropped and
counted. Transport failures (429 with Retry-After, 5xx, timeouts, dropped connections) are
retried by tenacity with exponential backoff and jitter; the openai client itself never retries
(``max_retries=0``), so ``meta.usage`` counts every attempt. ``finish_reason == "length"`` is
retried once with twice the token budget, then the chunk is split in two. Validated chunk
answers are cached on disk (key: model, base URL, mode, prompt and schema hashes, chunk text,
context and sampling parameters; never the API key), so a rerun sends no request and an
interrupted batch resumes. One semaphore bounds the requests in flight across every chunk of
every report that goes through an engine instance.
"""

from __future__ import annotations

import asyncio
import email.utils
import logging
import re
import time
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tenacity import AsyncRetrying, RetryCallState, retry_if_exception, wait_exponential_jitter

from ..cache import ResultCache, cache_key
from ..chunking import Document
from ..chunks import Chunk, make_chunks, split_span
from ..errors import ChunkFailedError, ConfigError, EndpointError
from ..models import EngineName, Usage
from ..prompts import PromptSet, default_prompts
from ..settings import Settings
from .base import Engine, Extraction
from .llm_chunks import _group, pack_chunks
from .llm_map import map_chunk, priorities_for
from .llm_schema import (
    CHUNK_TEXT,
    ChunkAnswer,
    ChunkResult,
    WorkChunkAnswer,
    bounded,
    extract_json_text,
    salvage,
    schema_hash,
)
from .review import (
    Decisions,
    ReviewChunk,
    decide,
    propose,
    reviewing,
    salvage_review,
    with_confidence,
)

log = logging.getLogger("summarizer.llm")
# instructor logs every failed attempt at ERROR level; without a handler of the application's
# own those lines would reach stderr through logging's last resort. The engine reports failures.
logging.getLogger("instructor").addHandler(logging.NullHandler())

_RETRY_STATUS = {408, 409, 425, 429, 500, 502, 503, 504}
_MAX_SPLIT_DEPTH = 2
_MIN_SPLIT_CHARS = 240


class _Truncated(Exception):
    """The model hit its token limit (``finish_reason == "length"``)."""


class _BadOutput(Exception):
    """The answer was not usable JSON even after every re-ask."""


class _ChunkFailure(Exception):
    """A chunk that failed for good (non-retryable error or retries exhausted)."""


@dataclass
class _LoopState:
    loop: asyncio.AbstractEventLoop
    client: Any
    instructor: Any
    gate: asyncio.Semaphore
    owns_client: bool
    active: int = 0


@dataclass
class _DocRun:
    doc: Document
    usage: Usage = field(default_factory=Usage)
    failures: dict[str, str] = field(default_factory=dict)


@dataclass
class _Request:
    """One kind of chunk request: its messages, the answer model, the validation context it is
    checked in, what a valid answer becomes, and how a failed one is salvaged."""

    messages: list[dict[str, str]]
    answer_cls: type[Any]
    context: Callable[[], AbstractContextManager[Any]]
    accept: Callable[[Any, int], Any]
    salvage: Callable[[str], tuple[Any, int]]
    extra: dict[str, Any] = field(default_factory=dict)  # more request parameters
    responses: list[Any] = field(default_factory=list)  # raw completions, last one last


@dataclass
class _TextContext:
    """The extract strategy's validation context: the chunk text (``CHUNK_TEXT``)."""

    text: str
    token: Any = None

    def __enter__(self) -> None:
        self.token = CHUNK_TEXT.set(self.text)

    def __exit__(self, *exc: object) -> None:
        CHUNK_TEXT.reset(self.token)


def _status(exc: BaseException) -> int | None:
    status = getattr(exc, "status_code", None)
    return status if isinstance(status, int) else None


def retry_after_seconds(exc: BaseException, now: float | None = None) -> float | None:
    """Seconds a server asked us to wait (``retry-after-ms``, ``Retry-After`` as seconds or an
    HTTP date), else None."""
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None)
    if headers is None:
        return None
    ms = headers.get("retry-after-ms")
    if ms:
        try:
            return max(0.0, float(ms) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class LLMEngine(Engine):
    """Structured extraction through an OpenAI-compatible endpoint (see the module docstring).

    ``LLMEngine(settings)`` reads ``base_url``/``model``/``api_key``/``mode`` and the limits from
    :class:`~summarizer.settings.Settings`; ``client`` may be an ``openai.AsyncOpenAI`` to use
    instead of building one (the local engine passes the client of its own server), and
    ``cache_identity`` names the endpoint in cache keys instead of its URL (the local engine
    passes its model file's hash: its server gets a new port every run).
    """

    def __init__(
        self,
        settings: Settings,
        *,
        name: EngineName = "llm",
        client: Any = None,
        prompts: PromptSet | None = None,
        cache_identity: str | None = None,
    ) -> None:
        self.name = name
        self.settings = settings
        self._client_arg = client
        if client is not None:
            self.base_url = str(getattr(client, "base_url", "") or "").rstrip("/")
        else:
            self.base_url = settings.effective_base_url()
        model = settings.model
        if not model and settings.model_path and name == "local":
            model = Path(settings.model_path).name
        if not model:
            raise ConfigError(
                f"no model configured for the {name} engine (endpoint {self.base_url}): "
                "pass --model or set SUMMARIZER_MODEL"
            )
        self.model = model
        self._model: str = model
        self.cache_identity = cache_identity or self.base_url
        self.mode = settings.effective_mode(self.base_url)
        self.prompts = prompts or default_prompts()
        self.strategy = settings.effective_strategy(name)
        self._prompt_hash = self.prompts.strategy_hash(self.strategy)
        self.prompt_version = self._prompt_hash[:12]
        self.cache = ResultCache(settings.resolved_cache_dir(), enabled=not settings.no_cache)
        self.on_chunk: Callable[[str], None] | None = None  # progress hook: called per chunk
        self._state: _LoopState | None = None
        self._endpoint_seen = False
        self._answer = bounded(ChunkAnswer, settings.max_items, settings.llm_projects)
        self._work_answer = bounded(WorkChunkAnswer, settings.max_items, settings.llm_projects)
        self._schema_hashes = {
            self._answer: schema_hash(self._answer),
            self._work_answer: schema_hash(self._work_answer),
        }

    # ---------------------------------------------------------------- clients

    def _loop_state(self) -> _LoopState:
        """Client, instructor wrapper and semaphore for the running loop. An owned client lives
        while extractions run on its loop and is closed when the last one ends, so an engine
        reused from another ``asyncio.run`` never touches connections of a closed loop."""
        loop = asyncio.get_running_loop()
        if self._state is not None and self._state.loop is loop:
            return self._state
        import instructor

        client = self._client_arg
        owns = client is None
        if client is None:
            import openai

            client = openai.AsyncOpenAI(
                base_url=self.base_url,
                api_key=self.settings.effective_api_key() or "no-key",
                max_retries=0,
                timeout=self.settings.timeout,
            )
        mode = {
            "tools": instructor.Mode.TOOLS,
            "json_schema": instructor.Mode.JSON_SCHEMA,
            "json": instructor.Mode.JSON,
            "md_json": instructor.Mode.MD_JSON,
        }[self.mode]
        self._state = _LoopState(
            loop=loop,
            client=client,
            instructor=instructor.from_openai(client, mode=mode),
            gate=asyncio.Semaphore(self.settings.concurrency),
            owns_client=owns,
        )
        return self._state

    async def aclose(self) -> None:
        state, self._state = self._state, None
        if state is not None and state.owns_client:
            try:
                if state.loop is asyncio.get_running_loop():
                    await state.client.close()
            except Exception:  # pragma: no cover - closing is best effort
                pass
        self.cache.close()

    # ---------------------------------------------------------------- the engine

    async def extract(self, doc: Document) -> Extraction:
        state = self._loop_state()
        state.active += 1
        try:
            if self.strategy == "review":
                return await self._review(doc)
            return await self._extract(doc)
        finally:
            state.active -= 1
            if state.active == 0 and state.owns_client and self._state is state:
                self._state = None
                await state.client.close()

    async def _extract(self, doc: Document) -> Extraction:
        chunks = pack_chunks(
            doc, make_chunks(doc, self.settings.chunk_chars), self.settings.chunk_chars
        )
        run = _DocRun(doc)
        work_paths = [s.path for s in doc.top_work_sections()]
        results: dict[str, ChunkResult] = {}

        async def one(chunk: Chunk) -> None:
            is_work = self.settings.llm_summaries and _group(chunk.section, work_paths).startswith(
                "W:"
            )
            try:
                results[chunk.path] = await self._solve(run, chunk, is_work, depth=0)
            except _ChunkFailure as exc:
                run.failures[chunk.path] = self._scrub(str(exc))
            if self.on_chunk is not None:
                self.on_chunk(chunk.path)

        await _run_all([one(c) for c in chunks])
        _raise_failures(run, chunks)

        out = Extraction(chunks=len(chunks), usage=run.usage)
        for chunk in chunks:
            result = results[chunk.path]
            mapped = map_chunk(doc, chunk, result)
            out.targets.extend(mapped.targets)
            out.qualitative_targets.extend(mapped.qualitative_targets)
            if self.settings.llm_projects:
                out.projects.extend(mapped.projects)
            out.dropped += result.dropped + mapped.dropped
        out.targets = _dedupe(out.targets, lambda t: (t.value_start, t.value_end, t.indicator))
        out.qualitative_targets = _dedupe(
            out.qualitative_targets, lambda t: (t.start, t.end, t.indicator)
        )
        out.projects = _dedupe(out.projects, lambda p: (p.start, p.end, p.name))
        out.priorities = priorities_for(doc, [(c, results[c.path]) for c in chunks])
        return out

    # ---------------------------------------------------------------- one chunk

    def _messages(self, doc: Document, chunk: Chunk, is_work: bool) -> list[dict[str, str]]:
        report = doc.report
        user = self.prompts.render(
            "user",
            region=report.region or "未知",
            year=report.year or "未知",
            heading=" > ".join(chunk.heading) or "无",
            extra=(self.prompts.templates["work"] + "\n") if is_work else "",
            text=chunk.text,
        )
        return [
            {"role": "system", "content": self.prompts.templates["system"]},
            {"role": "user", "content": user},
        ]

    def _cache_key(self, schema: str, text: str, context: dict[str, Any]) -> str:
        """The cache key of a request: this engine's model, endpoint identity, mode, prompt
        hash and sampling, with the request's schema hash, text and context."""
        return cache_key(
            model=self._model,
            base_url=self.cache_identity,
            mode=self.mode,
            prompt_hash=self._prompt_hash,
            schema_hash=schema,
            chunk_text=text,
            context=context,
            sampling={
                "temperature": self.settings.temperature,
                "max_tokens": self.settings.max_tokens,
            },
        )

    def _key(self, doc: Document, chunk: Chunk, is_work: bool) -> str:
        model_cls = self._work_answer if is_work else self._answer
        return self._cache_key(
            self._schema_hashes[model_cls],
            chunk.text,
            {
                "heading": list(chunk.heading),
                "region": doc.report.region,
                "year": doc.report.year,
                "work": is_work,
            },
        )

    async def _solve(self, run: _DocRun, chunk: Chunk, is_work: bool, depth: int) -> ChunkResult:
        """A chunk's validated result: from the cache, else asked for (split when too long)."""
        key = self._key(run.doc, chunk, is_work)
        cached = self.cache.get(key)
        if cached is not None:
            try:
                result = ChunkResult.from_json(cached)
            except (KeyError, TypeError, ValueError):
                result = None
            if result is not None:
                run.usage.cached += 1
                return result
        model_cls = self._work_answer if is_work else self._answer
        request = _Request(
            messages=self._messages(run.doc, chunk, is_work),
            answer_cls=model_cls,
            context=lambda: _TextContext(chunk.text),
            accept=ChunkResult.from_answer,
            salvage=lambda raw: salvage(raw, model_cls, chunk.text),
        )
        budget = self.settings.max_tokens
        result = None
        for tokens in (budget, budget * 2):
            try:
                result = await self._ask(run, request, tokens)
                break
            except _Truncated:
                log.info("chunk %s: answer cut off at %d tokens", chunk.path, tokens)
        if result is None:
            if depth < _MAX_SPLIT_DEPTH and chunk.end - chunk.start >= _MIN_SPLIT_CHARS:
                result = await self._split(run, chunk, is_work, depth)
            else:
                try:  # too small to split: one last try
                    result = await self._ask(run, request, budget * 2)
                except _Truncated:
                    raise _ChunkFailure(
                        "the model's answer was cut off at the token limit (finish_reason "
                        "length) even with twice the budget; raise max_tokens"
                    ) from None
        self.cache.set(key, result.to_json())
        return result

    async def _split(self, run: _DocRun, chunk: Chunk, is_work: bool, depth: int) -> ChunkResult:
        text = run.doc.text
        half = (chunk.end - chunk.start) // 2 + 1
        spans = split_span(text, chunk.start, chunk.end, half)
        if len(spans) < 2:
            raise _ChunkFailure(
                "the model's answer was cut off at the token limit and the chunk cannot be split"
            )
        log.info(
            "chunk %s: splitting into %d pieces after a truncated answer", chunk.path, len(spans)
        )
        pieces = [
            Chunk(f"{chunk.path}~{k}", chunk.section, chunk.heading, s, e, text[s:e])
            for k, (s, e) in enumerate(spans, start=1)
        ]
        parts = await asyncio.gather(*(self._solve(run, p, is_work, depth + 1) for p in pieces))
        return ChunkResult.merge(
            [r.shifted(p.start - chunk.start) for p, r in zip(pieces, parts, strict=True)]
        )

    # ---------------------------------------------------------------- the review strategy

    async def _review(self, doc: Document) -> Extraction:
        """The review strategy (:mod:`.review`): the rules engine proposes, one request per
        chunk holding a candidate decides, the decisions are applied to the proposal."""
        size = self.settings.review_chunk_chars
        chunks = pack_chunks(doc, make_chunks(doc, size), size, by_section=False)
        proposal = propose(doc, chunks)
        run = _DocRun(doc)
        answers: dict[str, tuple[Decisions, int]] = {}

        async def one(rc: ReviewChunk) -> None:
            try:
                answers[rc.chunk.path] = await self._review_chunk(run, rc)
            except _ChunkFailure as exc:
                run.failures[rc.chunk.path] = self._scrub(str(exc))
            if self.on_chunk is not None:
                self.on_chunk(rc.chunk.path)

        await _run_all([one(rc) for rc in proposal.chunks])
        _raise_failures(run, [rc.chunk for rc in proposal.chunks])
        out = decide(
            doc,
            proposal,
            [answers[rc.chunk.path][0] for rc in proposal.chunks],
            self.settings.review_confidence,
        )
        out.dropped += sum(answers[rc.chunk.path][1] for rc in proposal.chunks)
        out.usage = run.usage
        return out

    def _review_messages(self, rc: ReviewChunk) -> list[dict[str, str]]:
        user = self.prompts.render(
            "review_user", heading=" > ".join(rc.chunk.heading) or "无", text=rc.marked
        )
        return [
            {"role": "system", "content": self.prompts.templates["review_system"]},
            {"role": "user", "content": user},
        ]

    async def _review_chunk(self, run: _DocRun, rc: ReviewChunk) -> tuple[Decisions, int]:
        """The validated decisions for one chunk (and the items dropped): cached, else asked
        for with the token budget doubled once when the answer is cut off."""
        answer_cls = rc.answer_model()
        key = self._cache_key(
            schema_hash(answer_cls),
            rc.marked,
            {
                "strategy": "review",
                "heading": list(rc.chunk.heading),
                **({"logprobs": True} if self.settings.review_confidence else {}),
            },
        )
        cached = self.cache.get(key)
        if cached is not None:
            try:
                answer = Decisions.from_json(cached["answer"])
                run.usage.cached += 1
                return answer, int(cached.get("dropped", 0))
            except (KeyError, TypeError, ValueError):
                pass  # an entry this version cannot read: ask again
        request = _Request(
            messages=self._review_messages(rc),
            answer_cls=answer_cls,
            context=lambda: reviewing(rc.chunk.text),
            accept=lambda answer, dropped: (
                with_confidence(
                    answer if isinstance(answer, Decisions) else answer.decisions(),
                    request.responses[-1] if request.responses else None,
                ),
                dropped,
            ),
            salvage=lambda raw: salvage_review(
                raw, len(rc.targets), len(rc.projects), rc.chunk.text
            ),
            # the probability of each label decides whether it may overrule the proposal
            extra={"logprobs": True, "top_logprobs": 5} if self.settings.review_confidence else {},
        )
        budget = self.settings.max_tokens
        for tokens in (budget, budget * 2):
            try:
                answer, dropped = await self._ask(run, request, tokens)
            except _Truncated:
                log.info("chunk %s: review answer cut off at %d tokens", rc.chunk.path, tokens)
                continue
            self.cache.set(key, {"answer": answer.to_json(), "dropped": dropped})
            return answer, dropped
        raise _ChunkFailure(
            "the model's answer was cut off at the token limit (finish_reason length) even "
            "with twice the budget; raise max_tokens"
        )

    # ---------------------------------------------------------------- requests

    async def _ask(self, run: _DocRun, request: _Request, max_tokens: int) -> Any:
        """One validated answer, retrying transport failures with backoff (tenacity)."""
        retrying = AsyncRetrying(
            stop=self._stop,
            wait=self._wait,
            retry=retry_if_exception(_retryable),
            reraise=True,
        )
        try:
            async for attempt in retrying:
                with attempt:
                    state = self._loop_state()
                    async with state.gate:
                        return await self._attempt(state, run, request, max_tokens)
        except _Truncated:
            raise
        except Exception as exc:
            error = self._classify(exc)
            error.args = (self._scrub(str(error)), *error.args[1:])
            raise error from None
        raise _ChunkFailure("no attempt was made")  # pragma: no cover - tenacity always tries once

    def _stop(self, rs: RetryCallState) -> bool:
        if rs.attempt_number > self.settings.max_retries:
            return True
        exc = rs.outcome.exception() if rs.outcome else None
        if isinstance(exc, _BadOutput):
            # garbage after every re-ask: one fresh start, not a full transport budget
            return rs.attempt_number >= 2
        import openai

        if (
            isinstance(exc, openai.APIConnectionError)
            and not isinstance(exc, openai.APITimeoutError)
            and not self._endpoint_seen
        ):
            # nothing ever answered: a wrong URL or a stopped server; fail fast
            return rs.attempt_number > min(2, self.settings.max_retries)
        return False

    def _wait(self, rs: RetryCallState) -> float:
        s = self.settings
        backoff = wait_exponential_jitter(
            multiplier=s.backoff_initial, max=s.backoff_max, jitter=s.backoff_initial
        )(rs)
        exc = rs.outcome.exception() if rs.outcome else None
        asked = retry_after_seconds(exc) if exc is not None else None
        if asked is not None:
            return max(min(asked, s.retry_after_max), min(backoff, s.retry_after_max))
        return backoff

    async def _attempt(
        self, state: _LoopState, run: _DocRun, request: _Request, max_tokens: int
    ) -> Any:
        """One instructor call: a request plus up to ``reasks`` re-asks on validation errors."""
        from instructor.core.hooks import Hooks

        hooks = Hooks()
        hooks.on("completion:response", lambda response: self._count(run.usage, response))
        hooks.on("completion:response", request.responses.append)
        hooks.on("completion:error", lambda error, **_: self._count(run.usage, None))
        with request.context():
            return await self._create(state, run, request, max_tokens, hooks)

    async def _create(
        self, state: _LoopState, run: _DocRun, request: _Request, max_tokens: int, hooks: Any
    ) -> Any:
        """The call itself, in the request's validation context; a failed answer salvaged."""
        from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException

        try:
            answer = await state.instructor.create(
                model=self._model,
                response_model=request.answer_cls,
                messages=[dict(m) for m in request.messages],
                max_retries=self.settings.reasks,
                strict=False,
                hooks=hooks,
                temperature=self.settings.temperature,
                max_tokens=max_tokens,
                **request.extra,
            )
            return request.accept(answer, 0)
        except IncompleteOutputException as exc:
            raise _Truncated() from exc
        except InstructorRetryException as exc:
            cause = exc.__cause__
            if _is_transport(cause):
                raise cause from None  # type: ignore[misc]
            completion = (
                exc.failed_attempts[-1].completion if exc.failed_attempts else exc.last_completion
            )
            if completion is None:
                raise _BadOutput(str(cause or exc)) from None
            try:
                salvaged, dropped = request.salvage(extract_json_text(completion))
            except (ValueError, AttributeError, IndexError) as bad:
                raise _BadOutput(
                    f"unusable answer after {self.settings.reasks} re-ask(s): {bad}"
                ) from None
            log.info("dropped %d item(s) that did not ground after %d re-ask(s)", dropped,
                     self.settings.reasks)  # fmt: skip
            return request.accept(salvaged, dropped)

    def _count(self, usage: Usage, response: Any) -> None:
        usage.requests += 1
        if response is None:
            return
        self._endpoint_seen = True
        u = getattr(response, "usage", None)
        if u is not None:
            usage.prompt_tokens += int(getattr(u, "prompt_tokens", 0) or 0)
            usage.completion_tokens += int(getattr(u, "completion_tokens", 0) or 0)

    def _classify(self, exc: BaseException) -> Exception:
        """Turn the last error of a chunk into EndpointError (fatal) or _ChunkFailure."""
        import openai

        where = self.base_url
        status = _status(exc)
        if (
            isinstance(exc, openai.APIConnectionError)
            and not isinstance(exc, openai.APITimeoutError)
            and not self._endpoint_seen
        ):
            return EndpointError(
                f"{where}: cannot connect to the endpoint ({_short(exc)}); check --base-url "
                "and that the server is running"
            )
        if status in (401, 403):
            return EndpointError(
                f"{where}: the endpoint rejected the API key (HTTP {status}); set "
                "SUMMARIZER_API_KEY (or OPENAI_API_KEY) to a valid key"
            )
        if status == 404:
            return EndpointError(
                f"{where}: model {self.model!r} not found (HTTP 404); check --model and --base-url"
            )
        if isinstance(exc, openai.APITimeoutError):
            return _ChunkFailure(f"timed out after {self.settings.timeout:g}s, "
                                 f"{self.settings.max_retries + 1} attempts")  # fmt: skip
        if status is not None:
            hint = ""
            if status in (400, 422) and re.search(
                r"tool|response_format|json_schema", _short(exc), re.I
            ):
                hint = "; the server may not support this mode, try --mode json or md_json"
            return _ChunkFailure(f"HTTP {status} from {where}: {_short(exc)}{hint}")
        if isinstance(exc, _BadOutput):
            return _ChunkFailure(str(exc))
        return _ChunkFailure(f"{type(exc).__name__}: {_short(exc)}")

    def _scrub(self, message: str) -> str:
        key = self.settings.effective_api_key()
        if key and len(key) >= 4:
            message = message.replace(key, "***")
        return re.sub(r"sk-[A-Za-z0-9_\-*]{6,}", "sk-***", message)


async def _run_all(jobs: list[Any]) -> None:
    """Run the chunk coroutines concurrently; the first unexpected error cancels the rest."""
    tasks = [asyncio.ensure_future(j) for j in jobs]
    if not tasks:
        return
    try:
        done, _pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
        for t in done:
            error = t.exception()
            if error is not None:
                raise error
    finally:
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


def _raise_failures(run: _DocRun, chunks: Sequence[Chunk]) -> None:
    """A report with a chunk that failed for good fails (finished chunks stay cached)."""
    if not run.failures:
        return
    where = run.doc.report.path or "<text>"
    paths = [c.path for c in chunks if c.path in run.failures]
    first = run.failures[paths[0]]
    raise ChunkFailedError(
        f"{where}: {len(paths)} of {len(chunks)} chunk(s) failed after every retry "
        f"({', '.join(paths)}; {first}); rerun to retry only those, finished chunks are cached",
        paths,
    )


def _short(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:200]


def _is_transport(exc: BaseException | None) -> bool:
    import openai

    return isinstance(exc, openai.APIError)


def _retryable(exc: BaseException) -> bool:
    import openai

    if isinstance(exc, _BadOutput):
        return True
    if isinstance(exc, openai.APIConnectionError):  # includes timeouts
        return True
    status = _status(exc)
    return status is not None and (status in _RETRY_STATUS or status >= 500)


def _dedupe(items: list[Any], key: Callable[[Any], Any]) -> list[Any]:
    seen: set[Any] = set()
    out = []
    for it in items:
        k = key(it)
        if k not in seen:
            seen.add(k)
            out.append(it)
    return out


__all__ = ["LLMEngine", "pack_chunks", "retry_after_seconds"]
