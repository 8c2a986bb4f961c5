"""One in-process llama.cpp server (PyPI ``xllamacpp``) on a free loopback port.

``xllamacpp.Server(params)`` loads the model and serves llama.cpp's OpenAI-compatible HTTP API
from native threads *inside this process* (no child process). It has no ``stop()``: the server
stops, joins its threads and closes its socket when the ``Server`` object is deallocated. So
:class:`LocalServer` keeps the only reference to it and drops that reference to stop it, on
``__exit__`` (normal end, error, ``KeyboardInterrupt``), on :meth:`LocalServer.stop` and, as a
last resort, at interpreter exit (``atexit``). :meth:`LocalServer.start` binds port 0 (the OS
picks a free port, no race) on 127.0.0.1 only, then polls ``GET /health`` until the model is
ready or ``startup_timeout`` passes.

    with LocalServer("model.gguf", ctx_size=4096) as server:
        client = openai.OpenAI(base_url=server.base_url + "/v1", api_key="none")

:func:`check_model_file` validates a GGUF file (exists, regular, readable, ``GGUF`` magic)
without loading it.
"""

from __future__ import annotations

import atexit
import logging
import os
import socket
import threading
import time
import urllib.error
import urllib.request
import weakref
from pathlib import Path
from types import TracebackType
from typing import Any

from .errors import EngineError, ModelFileError, UsageError

log = logging.getLogger("summarizer.local")

GGUF_MAGIC = b"GGUF"
GET_MODEL = "run scripts/get-local-model (Qwen2.5-Coder-1.5B, 1.1 GB) and pass the path it prints"
INSTALL_HINT = "pip install 'summarizer[local]'"

_running: weakref.WeakSet[LocalServer] = weakref.WeakSet()


def check_model_file(path: str | os.PathLike[str]) -> Path:
    """``path`` as an absolute :class:`Path` when it is a readable GGUF file, else
    :class:`ModelFileError` with a one-line message naming the file and what to do."""
    p = Path(path).expanduser()
    where = str(path)
    if not p.exists():
        raise ModelFileError(f"{where}: model file not found; {GET_MODEL}")
    if p.is_dir():
        raise ModelFileError(f"{where}: is a directory, not a GGUF model file; {GET_MODEL}")
    if not p.is_file():
        raise ModelFileError(f"{where}: not a regular file; pass a .gguf model file")
    try:
        with p.open("rb") as f:
            head = f.read(4)
    except OSError as exc:
        raise ModelFileError(
            f"{where}: cannot read the model file ({exc.strerror or exc}); check its permissions"
        ) from exc
    if not head:
        raise ModelFileError(f"{where}: the model file is empty; {GET_MODEL}")
    if head != GGUF_MAGIC:
        raise ModelFileError(
            f"{where}: not a GGUF model file (it does not start with 'GGUF'); llama.cpp needs "
            f"a .gguf file: {GET_MODEL}"
        )
    return p.resolve()


def require_xllamacpp() -> Any:
    """The ``xllamacpp`` module, or :class:`UsageError` saying how to install it."""
    try:
        import xllamacpp
    except ImportError as exc:
        raise UsageError(
            f"the local engine needs xllamacpp, which is not installed ({exc}): {INSTALL_HINT}"
        ) from None
    return xllamacpp


class LocalServer:
    """Owns one xllamacpp server (see the module docstring). Not reentrant; start once."""

    def __init__(
        self,
        model_path: str | os.PathLike[str],
        *,
        ctx_size: int = 4096,
        threads: int | None = None,
        parallel: int = 1,
        startup_timeout: float = 300.0,
    ) -> None:
        self.model_path = check_model_file(model_path)
        self.ctx_size = ctx_size
        self.threads = threads
        self.parallel = parallel
        self.startup_timeout = startup_timeout
        self.base_url: str | None = None  # http://127.0.0.1:PORT while running
        self._server: Any = None  # the only reference to the xllamacpp.Server
        self._lock = threading.Lock()  # start and stop never interleave
        self._closed = False
        self._loop_seen = False  # the server's task loop answered (see stop)

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> str:
        """Load the model, serve it, wait until ``/health`` says ready; return the base URL.
        Blocking (seconds for a 1 GB model): from async code run it in a thread."""
        xllamacpp = require_xllamacpp()
        with self._lock:
            if self._closed:
                raise EngineError(f"{self.model_path.name}: the local server was stopped")
            if self._server is not None:
                return str(self.base_url)
            params = xllamacpp.CommonParams()
            params.model.path = str(self.model_path)
            params.hostnames = ["127.0.0.1"]
            params.port = 0  # the OS picks a free port
            params.n_parallel = self.parallel
            params.n_ctx = self.ctx_size * self.parallel  # each slot gets ctx_size
            params.endpoint_slots = True  # readiness probe of the task loop (_wait_ready)
            if self.threads:
                params.cpuparams.n_threads = self.threads
                params.cpuparams_batch.n_threads = self.threads
            params.verbosity = 3 if log.isEnabledFor(logging.DEBUG) else 1  # 1: silent
            started = time.monotonic()
            try:
                self._server = xllamacpp.Server(params)
            except RuntimeError as exc:
                raise ModelFileError(
                    f"{self.model_path}: llama.cpp could not load this model ({exc}); the file "
                    f"may be truncated or of an unsupported architecture: {GET_MODEL}"
                ) from None
            _running.add(self)
            self.base_url = str(self._server.listening_address).rstrip("/")
        try:
            self._wait_ready(started)
        except BaseException:
            self.stop()
            raise
        log.info("llama.cpp server for %s ready at %s after %.1fs", self.model_path.name,
                 self.base_url, time.monotonic() - started)  # fmt: skip
        return self.base_url

    def _wait_ready(self, started: float) -> None:
        """Poll until ``/health`` says the model is loaded and ``/slots`` answers: /slots is
        served through the server's task loop, so an answer proves that loop runs (stopping
        the server before its loop starts would hang, see :meth:`stop`)."""
        delay = 0.05
        last = "no answer"
        while True:
            health = _get(f"{self.base_url}/health")
            last = f"/health: {health}"
            if health == 200:
                slots = _get(f"{self.base_url}/slots")
                last = f"/slots: {slots}"
                if slots in (200, 501):  # 501: /slots disabled, the loop cannot be probed
                    self._loop_seen = True
                    return
            if time.monotonic() - started > self.startup_timeout:
                raise EngineError(
                    f"{self.model_path}: the local llama.cpp server was not ready after "
                    f"{self.startup_timeout:g}s ({last}); try a smaller model or SUMMARIZER_CTX_SIZE"
                )
            time.sleep(delay)
            delay = min(delay * 2, 1.0)

    def stop(self, timeout: float = 30.0) -> None:
        """Stop the server (idempotent; waits for a start in progress to finish first).

        Dropping the last reference runs ``~Server``, which signals the task loop to exit and
        joins the server's threads. llama.cpp loses that signal when the loop has not started
        yet (Ctrl-C right after the model loaded), so the loop is first seen running (or up to
        ``timeout`` is spent waiting for it), and the release happens in a daemon thread joined
        with ``timeout``: a stop never hangs the caller or the interpreter's exit."""
        with self._lock:
            self._closed = True
            server, self._server = self._server, None
            address, self.base_url = self.base_url, None
            _running.discard(self)
            if server is None or address is None:
                return
            if not self._loop_seen:
                deadline = time.monotonic() + timeout
                while _get(f"{address}/slots") not in (200, 501) and time.monotonic() < deadline:
                    time.sleep(0.05)
            box = [server]
            del server  # box holds the only reference now
            releaser = threading.Thread(target=box.clear, name="xllamacpp-stop", daemon=True)
            releaser.start()
            releaser.join(timeout)
            if releaser.is_alive():
                log.warning("llama.cpp server at %s did not stop within %gs", address, timeout)
                return
        _wait_closed(address)
        log.info("llama.cpp server for %s stopped", self.model_path.name)

    @property
    def running(self) -> bool:
        return self._server is not None

    def __enter__(self) -> LocalServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def _get(url: str) -> int | str:
    """HTTP status of ``GET url`` (never through a proxy), or the connection error."""
    try:
        with _OPENER.open(url, timeout=5) as resp:
            resp.read()
            return int(resp.status)
    except urllib.error.HTTPError as exc:  # 503 while the model loads
        return exc.code
    except OSError as exc:
        return str(exc)


_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def port_open(address: str) -> bool:
    """True when something accepts connections at ``http://host:port``."""
    host, _, port = address.split("//", 1)[-1].rstrip("/").rpartition(":")
    try:
        with socket.create_connection((host, int(port)), timeout=1):
            return True
    except OSError:
        return False


def _wait_closed(address: str, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while port_open(address):
        if time.monotonic() > deadline:
            log.warning("llama.cpp server at %s still accepts connections after stop", address)
            return
        time.sleep(0.05)


@atexit.register
def _stop_all() -> None:
    """Last resort: no server thread outlives the interpreter."""
    for server in list(_running):
        server.stop()


__all__ = ["GGUF_MAGIC", "LocalServer", "check_model_file", "port_open", "require_xllamacpp"]
