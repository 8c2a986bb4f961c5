"""A scripted OpenAI-compatible chat-completions server on 127.0.0.1 for tests and benchmarks.

Thread-based (``http.server``), so requests really run concurrently and the peak number in
flight can be measured. It answers ``POST /v1/chat/completions`` in the shape the request asks
for: ``tool_calls`` when the request has ``tools``, JSON message content otherwise (fenced in
```` ```json ```` when the request has neither ``tools`` nor ``response_format``, as in md_json).

What it answers is decided per request, in this order:
1. ``rules``: ``(substring, action, times)``; the first rule whose substring is in the request
   body and still has ``times`` left (``None`` = forever) gives the action;
2. ``script``: a queue of actions consumed one per request;
3. ``fail_rate``: with that probability (seeded RNG) a random action from ``fail_actions``;
4. otherwise ``"ok"``.

Actions: ``ok``, ``429`` (with ``Retry-After: retry_after``), ``500``, ``401``, ``404``,
``malformed`` (truncated JSON, finish_reason stop), ``length`` (truncated JSON, finish_reason
length), ``wrong_quote`` (the first target's quote is not in the text), ``ungroundable``
(that, and its value has no number), ``hang`` (sleeps
``hang_seconds`` before answering, for client timeouts), ``drop`` (closes the connection).

The answer itself comes from ``responder(chunk_text, request) -> dict``; the default one is a
perfect-grounding fake model: every quantity ``summarizer.numbers`` finds in the chunk becomes a
target whose quote is its clause, so answers are deterministic and always pass grounding.
"""

from __future__ import annotations

import contextlib
import json
import random
import re
import socket
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

TEXT_MARKER = "正文：\n"

_STOPS = "，,。；;！？\n"
_CLAUSE = re.compile(r"[^，,。；;！？\n]+")


def chunk_text_of(request: dict[str, Any]) -> str:
    """The report text of a request: what follows the ``正文：`` line of the first user message."""
    for message in request.get("messages", []):
        content = message.get("content")
        if message.get("role") == "user" and isinstance(content, str) and TEXT_MARKER in content:
            return content.split(TEXT_MARKER, 1)[1]
    return ""


def wants_work_fields(request: dict[str, Any]) -> bool:
    return "measures" in json.dumps(request.get("tools") or request.get("response_format") or {})


def naive_answer(text: str, request: dict[str, Any]) -> dict[str, Any]:
    """A perfect-grounding fake model: every quantity ``summarizer.numbers`` finds becomes a
    target quoted by its clause, so answers are deterministic and always ground."""
    from summarizer import numbers

    targets = []
    for m in numbers.find_mentions(text):
        if m.kind != "quantity":
            continue
        s, e = m.start, m.end
        while s > 0 and text[s - 1] not in _STOPS:
            s -= 1
        while e < len(text) and text[e] not in _STOPS:
            e += 1
        quote = text[s:e].strip()
        indicator = quote[: max(0, m.start - s)].strip()[-8:] or "指标"
        targets.append({"quote": quote, "indicator": indicator, "value": m.text})
    answer: dict[str, Any] = {"targets": targets, "qualitative_targets": [], "projects": []}
    if wants_work_fields(request):
        first = next((c.group().strip() for c in _CLAUSE.finditer(text) if c.group().strip()), "")
        answer["summary"] = re.sub(r"\d", "", first)[:30]
        answer["measures"] = []
    return answer


_CANDIDATE = re.compile(r"[【〔](\d+)[】〕]")
_PROJECT = re.compile(r"P(\d+) ")


def review_answer(text: str, request: dict[str, Any]) -> dict[str, Any]:
    """A fake reviewer for the review strategy: every marked number (``【k】`` or ``〔k〕``) is
    a target and every proposed project (``〖Pk …〗`` or listed) a project; no missed names.
    Deterministic, always valid."""
    answer: dict[str, Any] = {f"n{k}": "是" for k in _CANDIDATE.findall(text)}
    answer |= {f"p{k}": "是" for k in _PROJECT.findall(text)}
    answer["more_projects"] = []
    return answer


@dataclass
class Recorded:
    body: dict[str, Any]
    action: str
    began: float
    ended: float = 0.0


@dataclass
class StubServer:
    latency: float = 0.0
    fail_rate: float = 0.0
    fail_actions: tuple[str, ...] = ("500", "429", "drop")
    seed: int = 0
    retry_after: str = "0"
    hang_seconds: float = 5.0
    responder: Callable[[str, dict[str, Any]], dict[str, Any]] = naive_answer
    rules: list[list[Any]] = field(default_factory=list)
    script: deque[str] = field(default_factory=deque)

    def __post_init__(self) -> None:
        self.lock = threading.Lock()
        self.rng = random.Random(self.seed)
        self.requests: list[Recorded] = []
        self.in_flight = 0
        self.peak = 0
        self.httpd: ThreadingHTTPServer | None = None
        self.thread: threading.Thread | None = None
        self.auth_headers: list[str] = []

    # ---------------------------------------------------------------- lifecycle

    def start(self) -> StubServer:
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def setup(self) -> None:
                super().setup()  # no Nagle: headers and body leave at once
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

            def log_message(self, format: str, *args: Any) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                if self.path.rstrip("/").endswith("/models"):
                    self._send(200, {"object": "list", "data": [{"id": "stub", "object": "model"}]})
                else:
                    self._send(404, {"error": {"message": "not found"}})

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                try:
                    body = json.loads(raw)
                except ValueError:
                    self._send(400, {"error": {"message": "bad json"}})
                    return
                stub.handle(self, body)

            def _send(
                self, status: int, payload: Any, headers: dict[str, str] | None = None
            ) -> None:
                data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    for k, v in (headers or {}).items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()
        return self

    def stop(self) -> None:
        if self.httpd is not None:
            self.httpd.shutdown()
            self.httpd.server_close()
            self.httpd = None

    def __enter__(self) -> StubServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        assert self.httpd is not None, "stub not started"
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    @property
    def count(self) -> int:
        return len(self.requests)

    def reset(self) -> None:
        with self.lock:
            self.requests.clear()
            self.peak = 0

    def on(self, substring: str, action: str, times: int | None = None) -> None:
        """Answer ``action`` to requests whose body contains ``substring``."""
        self.rules.append([substring, action, times])

    # ---------------------------------------------------------------- answering

    def _choose(self, raw: str, text: str) -> str:
        with self.lock:
            for rule in self.rules:
                substring, action, times = rule
                if (substring in text or substring in raw) and (times is None or times > 0):
                    if times is not None:
                        rule[2] = times - 1
                    return str(action)
            if self.script:
                return self.script.popleft()
            if self.fail_rate and self.rng.random() < self.fail_rate:
                return self.rng.choice(self.fail_actions)
        return "ok"

    def handle(self, handler: Any, body: dict[str, Any]) -> None:
        raw = json.dumps(body, ensure_ascii=False)
        action = self._choose(raw, chunk_text_of(body))
        rec = Recorded(body, action, time.monotonic())
        with self.lock:
            self.requests.append(rec)
            self.in_flight += 1
            self.peak = max(self.peak, self.in_flight)
            self.auth_headers.append(handler.headers.get("Authorization", ""))
        try:
            if self.latency:
                time.sleep(self.latency)
            self._answer(handler, body, action)
        finally:
            with self.lock:
                self.in_flight -= 1
                rec.ended = time.monotonic()

    def _answer(self, handler: Any, body: dict[str, Any], action: str) -> None:
        if action == "429":
            handler._send(429, {"error": {"message": "rate limited", "type": "rate_limit"}},
                          {"Retry-After": self.retry_after})  # fmt: skip
            return
        if action in ("500", "401", "404"):
            messages = {"500": "internal error", "401": "Incorrect API key provided",
                        "404": "The model does not exist"}  # fmt: skip
            handler._send(int(action), {"error": {"message": messages[action]}})
            return
        if action == "drop":
            handler.close_connection = True
            with contextlib.suppress(OSError):
                handler.connection.shutdown(2)
            return
        if action == "hang":
            time.sleep(self.hang_seconds)
            action = "ok"
        text = chunk_text_of(body)
        answer = self.responder(text, body)
        content = json.dumps(answer, ensure_ascii=False)
        finish = "stop"
        if action in ("wrong_quote", "ungroundable"):
            for item in answer.get("targets", []):
                item["quote"] = "这句话不在原文里" + item["quote"][::-1]
                if action == "ungroundable":  # no number either: nothing to realign it by
                    item["value"] = "见原文"
                break
            content = json.dumps(answer, ensure_ascii=False)
        elif action == "malformed":
            content = content[: max(1, len(content) // 2)] + "\u2026"
        elif action == "length":
            content = content[: max(1, len(content) // 2)]
            finish = "length"
        handler._send(200, self.completion(body, content, finish))

    def completion(self, body: dict[str, Any], content: str, finish: str) -> dict[str, Any]:
        prompt_chars = sum(len(str(m.get("content") or "")) for m in body.get("messages", []))
        message: dict[str, Any] = {"role": "assistant", "content": None}
        if body.get("tools"):
            name = body["tools"][0]["function"]["name"]
            message["tool_calls"] = [{"id": f"call_{len(self.requests)}", "type": "function",
                                      "function": {"name": name, "arguments": content}}]  # fmt: skip
            if finish == "stop":
                finish = "tool_calls"
        elif body.get("response_format"):
            message["content"] = content
        else:
            message["content"] = f"```json\n{content}\n```"
        return {
            "id": f"chatcmpl-{len(self.requests)}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body.get("model", "stub"),
            "choices": [{"index": 0, "message": message, "finish_reason": finish}],
            "usage": {
                "prompt_tokens": prompt_chars // 2 + 1,
                "completion_tokens": len(content) // 2 + 1,
                "total_tokens": prompt_chars // 2 + len(content) // 2 + 2,
            },
        }


def prompt_chars(request: dict[str, Any]) -> int:
    """Characters a request sends to the model: messages plus tool or response schemas."""
    n = sum(len(str(m.get("content") or "")) for m in request.get("messages", []))
    for key in ("tools", "response_format"):
        if request.get(key):
            n += len(json.dumps(request[key], ensure_ascii=False, separators=(",", ":")))
    return n
