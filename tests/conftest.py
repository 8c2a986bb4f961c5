"""Shared fixtures: no test reaches the network; settings are isolated from the user's own;
a scripted OpenAI-compatible stub server on 127.0.0.1 for the LLM engine."""

from __future__ import annotations

import ipaddress
import os
import socket
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings as hypothesis_settings

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stub_server import StubServer

# CI runs a fixed sequence of examples (HYPOTHESIS_PROFILE=ci in .ci/run) so a landing never
# depends on luck; local runs explore new examples every time.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "evals" / "fixtures"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "integration: talks to a real model server (slow; deselect with -m 'not integration')",
    )


def _loopback(host: Any) -> bool:
    if not isinstance(host, str):
        return True  # AF_UNIX paths, socketpairs
    if host in ("localhost", "", "ip6-localhost"):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Refuse every connection and name lookup that is not loopback."""
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_getaddrinfo = socket.getaddrinfo

    def check(address: Any) -> None:
        host = address[0] if isinstance(address, tuple) else address
        if not _loopback(host):
            raise ConnectionRefusedError(f"tests may not reach the network ({host!r})")

    def connect(self: socket.socket, address: Any) -> None:
        check(address)
        return real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        check(address)
        return real_connect_ex(self, address)

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(host, bytes):
            host = host.decode()
        if host is not None and not _loopback(host):
            raise socket.gaierror(socket.EAI_NONAME, f"tests may not resolve {host!r}")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


@pytest.fixture(autouse=True)
def _isolated_settings(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The user's environment and config file never leak into a test."""
    import os

    for name in list(os.environ):
        if name.startswith("SUMMARIZER_") or name in ("OPENAI_API_KEY", "OPENAI_BASE_URL"):
            monkeypatch.delenv(name, raising=False)
    cfg = tmp_path_factory.mktemp("config") / "config.toml"
    monkeypatch.setenv("SUMMARIZER_CONFIG", str(cfg))


@pytest.fixture
def stub() -> Iterator[StubServer]:
    """A started stub server (no latency, no failures: script it in the test)."""
    server = StubServer().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def llm_settings(tmp_path: Path) -> Callable[..., Any]:
    """``llm_settings(stub, **overrides)``: settings for the stub with a private cache and short
    retry waits."""
    from summarizer.settings import load_settings

    def make(server: StubServer, **overrides: Any) -> Any:
        values: dict[str, Any] = {
            "base_url": server.base_url,
            "model": "stub-model",
            "api_key": "sk-test-NEVER-LEAK-1234567890",
            "cache_dir": str(tmp_path / "cache"),
            "backoff_initial": 0.01,
            "backoff_max": 0.05,
            "timeout": 5.0,
        }
        values.update(overrides)
        return load_settings(**values)

    return make
