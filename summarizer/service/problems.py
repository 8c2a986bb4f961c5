"""Errors as RFC 7807 problem details, and the guard in front of every request.

Every error response is ``application/problem+json`` with ``type``, ``title``, ``status`` and
``detail``; ``detail`` of a :class:`~summarizer.errors.SummarizerError` is ``str(error)``, the
very line the command line prints. Secrets are scrubbed from every detail, input values are
never echoed, and an unexpected exception becomes a generic 500 whose traceback goes to the
server's log only.
"""

from __future__ import annotations

import hmac
import json
import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from http import HTTPStatus
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import (
    ChunkFailedError,
    ConfigError,
    EndpointError,
    EngineError,
    InputError,
    ModelFileError,
    PromptError,
    SummarizerError,
    UsageError,
)

log = logging.getLogger("summarizer.service")

PROBLEM_JSON = "application/problem+json"
TYPE_PREFIX = "urn:summarizer:problem:"
INTERNAL_DETAIL = (
    "the server failed unexpectedly while handling this request; the error is in the server's "
    "log. Retry later or tell the operator"
)


class ServiceProblem(Exception):
    """A problem the service itself reports (not a library error): 404 job, 413, 415 …"""

    def __init__(
        self,
        status: int,
        kind: str,
        detail: str,
        *,
        headers: Mapping[str, str] | None = None,
        errors: list[dict[str, str]] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.kind = kind
        self.detail = detail
        self.headers = dict(headers or {})
        self.errors = errors


def status_of(exc: SummarizerError) -> tuple[int, str]:
    """The HTTP status and problem kind of a library error."""
    if isinstance(exc, InputError):
        return 400, "bad-input"
    if isinstance(exc, UsageError):
        return 422, "invalid-request"
    if isinstance(exc, EndpointError):
        return 502, "endpoint-error"
    if isinstance(exc, ChunkFailedError):
        return 502, "engine-failed"
    if isinstance(exc, ModelFileError | ConfigError | PromptError):
        return 500, "server-config"
    if isinstance(exc, EngineError):
        return 502, "engine-failed"
    return 400, "bad-input"


class Scrubber:
    """Removes secrets (the API key, the service token, anything like an ``sk-…`` key)."""

    def __init__(self, secrets: Iterable[str | None] = ()) -> None:
        self.secrets = sorted({s for s in secrets if s and len(s) >= 4}, key=len, reverse=True)

    def __call__(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "***")
        return re.sub(r"sk-[A-Za-z0-9_\-*]{6,}", "sk-***", text)


def problem(
    status: int,
    kind: str,
    detail: str,
    *,
    scrub: Scrubber | None = None,
    errors: Sequence[Mapping[str, str]] | None = None,
) -> dict[str, Any]:
    """The problem-details object."""
    try:
        title = HTTPStatus(status).phrase
    except ValueError:  # pragma: no cover - we only use standard codes
        title = "Error"
    body: dict[str, Any] = {
        "type": TYPE_PREFIX + kind,
        "title": title,
        "status": status,
        "detail": scrub(detail) if scrub else detail,
    }
    if errors:
        body["errors"] = [{k: (scrub(v) if scrub else v) for k, v in e.items()} for e in errors]
    return body


def problem_of(exc: SummarizerError, scrub: Scrubber | None = None) -> dict[str, Any]:
    status, kind = status_of(exc)
    return problem(status, kind, str(exc), scrub=scrub)


def render_problem(body: Mapping[str, Any], headers: Mapping[str, str] | None = None) -> Any:
    """A Starlette response carrying ``body`` as ``application/problem+json``."""
    from starlette.responses import Response

    return Response(
        json.dumps(body, ensure_ascii=False),
        status_code=int(body["status"]),
        media_type=PROBLEM_JSON,
        headers=dict(headers or {}),
    )


def explain_validation(errors: Sequence[Mapping[str, Any]]) -> tuple[str, list[dict[str, str]]]:
    """Pydantic errors -> one readable line and a list of ``{"field", "message"}`` (no input
    values: they may be large or secret)."""
    items: list[dict[str, str]] = []
    for err in errors:
        loc = [str(p) for p in err.get("loc", ()) if p not in ("body", "query", "path", "form")]
        field = ".".join(loc) or "body"
        msg = str(err.get("msg", "invalid"))
        kind = err.get("type", "")
        if kind == "extra_forbidden":
            msg = "unknown field; leave it out"
        elif kind == "missing":
            msg = "required"
        msg = re.sub(r"^(Value|Assertion) error, ", "", msg)
        items.append({"field": field, "message": msg})
    detail = "; ".join(
        f"{i['field']}: {i['message']}" if i["field"] != "body" else i["message"] for i in items[:5]
    )
    if len(items) > 5:
        detail += f"; and {len(items) - 5} more"
    return detail or "the request is not valid", items


# ---------------------------------------------------------------- the guard middleware


class _BodyTooLarge(Exception):
    pass


class Guard:
    """Pure ASGI middleware in front of the app: bearer token, request body size, and the
    catch-all that turns any unexpected exception into a generic 500 problem."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        token: str | None,
        max_body_bytes: int,
        scrub: Scrubber,
        open_paths: tuple[str, ...] = ("/healthz",),
    ) -> None:
        self.app = app
        self.token = token.encode("utf-8") if token else None
        self.max_body = max_body_bytes
        self.scrub = scrub
        self.open_paths = open_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_tracked(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        async def reply(status: int, kind: str, detail: str, **headers: str) -> None:
            response = render_problem(problem(status, kind, detail, scrub=self.scrub), headers)
            await response(scope, receive, send_tracked)

        if self.token is not None and not self._open(scope):
            refusal = self._refusal(scope)
            if refusal:
                await reply(401, "unauthorized", refusal, **{"WWW-Authenticate": "Bearer"})
                return
        length = _content_length(scope)
        if length is not None and length > self.max_body:
            await reply(413, "too-large", self._too_large(length))
            return
        seen = 0

        async def receive_limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise _BodyTooLarge
            return message

        try:
            await self.app(scope, receive_limited, send_tracked)
        except _BodyTooLarge:
            if started:
                raise
            await reply(413, "too-large", self._too_large(None))
        except Exception as exc:
            if _is_body_too_large(exc):
                if started:
                    raise
                await reply(413, "too-large", self._too_large(None))
                return
            log.exception("unhandled error on %s %s", scope.get("method"), scope.get("path"))
            if started:
                raise
            await reply(500, "internal", INTERNAL_DETAIL)

    def _open(self, scope: Scope) -> bool:
        path = scope.get("path", "")
        root = scope.get("root_path", "")
        if root and path.startswith(root):
            path = path[len(root) :] or "/"
        return path in self.open_paths

    def _refusal(self, scope: Scope) -> str | None:
        header = b""
        for name, value in scope.get("headers", ()):
            if name == b"authorization":
                header = value
                break
        if not header:
            return (
                "this server needs a bearer token: send 'Authorization: Bearer <token>' "
                "(the token the operator set in SUMMARIZER_SERVICE_TOKEN)"
            )
        scheme, _, given = header.partition(b" ")
        assert self.token is not None
        if scheme.lower() != b"bearer" or not hmac.compare_digest(given.strip(), self.token):
            return "the bearer token is not valid for this server; check the token you send"
        return None

    def _too_large(self, length: int | None) -> str:
        size = f" ({length:,} bytes)" if length is not None else ""
        return (
            f"the request body is too large{size}: this server accepts at most "
            f"{self.max_body:,} bytes (SUMMARIZER_SERVICE_MAX_BODY_BYTES); send fewer or smaller "
            "reports per request, or split a batch into several jobs"
        )


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def _is_body_too_large(exc: BaseException) -> bool:
    """Our limit tripped inside a parser that wrapped the exception (multipart, anyio groups)."""
    seen: set[int] = set()
    stack: list[BaseException | None] = [exc]
    while stack:
        e = stack.pop()
        if e is None or id(e) in seen:
            continue
        seen.add(id(e))
        if isinstance(e, _BodyTooLarge):
            return True
        stack.extend([e.__cause__, e.__context__])
        stack.extend(getattr(e, "exceptions", ()) or ())
    return False


__all__ = [
    "INTERNAL_DETAIL",
    "PROBLEM_JSON",
    "Guard",
    "Scrubber",
    "ServiceProblem",
    "explain_validation",
    "problem",
    "problem_of",
    "render_problem",
    "status_of",
]
