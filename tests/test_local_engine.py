"""The local engine: model file validation (fast, no model), the ``auto`` rule, the model hash
memo, and (``integration``) the whole command line against SmolLM2 in an in-process llama.cpp
server that must be gone afterwards: after a normal run, an error, Ctrl-C during extraction
and Ctrl-C during startup."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_llm_integration import require_xllamacpp, smollm2_path

from summarizer.cli import main
from summarizer.errors import EngineError
from summarizer.models import ReportSummary

PARAGRAPH = "2024年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右，城镇新增就业2万人。"


@pytest.fixture
def _xllamacpp() -> None:
    require_xllamacpp()  # fails under CI, skips elsewhere


needs_xllamacpp = pytest.mark.usefixtures("_xllamacpp")


@pytest.fixture
def report(tmp_path: Path) -> Path:
    p = tmp_path / "report.txt"
    p.write_text(PARAGRAPH + "\n", encoding="utf-8")
    return p


def _fake_gguf(path: Path) -> Path:
    path.write_bytes(b"GGUF" + b"\x03\x00\x00\x00" + b"\x00" * 64)  # magic, then garbage
    return path


# ------------------------------------------------------------------ bad model files (fast)


@pytest.mark.parametrize("kind", ["missing", "directory", "empty", "not_gguf"])
def test_bad_model_path_exits_2_with_a_clear_message(
    kind: str, report: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    model = tmp_path / "model.gguf"
    if kind == "directory":
        model.mkdir()
    elif kind == "empty":
        model.write_bytes(b"")
    elif kind == "not_gguf":
        model.write_bytes(b"<html>404 Not Found</html>")
    out = tmp_path / "out.json"
    code = main(["summarize", str(report), "--engine", "local", "--model-path", str(model),
                 "-o", str(out), "-q"])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 2
    assert str(model) in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    expected = {"missing": "not found", "directory": "directory", "empty": "empty",
                "not_gguf": "not a GGUF"}[kind]  # fmt: skip
    assert expected in err
    assert "get-local-model" in err
    assert not out.exists()


def test_local_without_a_model_path_says_how_to_set_one(
    report: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["summarize", str(report), "--engine", "local", "-q"]) == 2
    err = capsys.readouterr().err
    assert "--model-path" in err and "SUMMARIZER_MODEL_PATH" in err


def test_missing_xllamacpp_says_which_extra_to_install(
    report: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setitem(__import__("sys").modules, "xllamacpp", None)  # import fails
    model = _fake_gguf(tmp_path / "m.gguf")
    code = main(["summarize", str(report), "--engine", "local", "--model-path", str(model), "-q"])
    assert code == 2
    assert "pip install 'summarizer[local]'" in capsys.readouterr().err


@needs_xllamacpp
def test_a_gguf_that_llama_cpp_cannot_load_exits_2(
    report: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    model = _fake_gguf(tmp_path / "truncated.gguf")
    code = main(["summarize", str(report), "--engine", "local", "--model-path", str(model),
                 "--cache-dir", str(tmp_path / "cache"), "-q"])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 2 and "could not load" in err and str(model) in err
    assert "Traceback" not in err


@needs_xllamacpp
def test_model_path_in_the_environment_selects_local_under_auto(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from summarizer.engines import create_engine
    from summarizer.engines.local import LocalEngine
    from summarizer.settings import load_settings

    model = _fake_gguf(tmp_path / "m.gguf")
    monkeypatch.setenv("SUMMARIZER_MODEL_PATH", str(model))
    engine = create_engine("auto", load_settings())
    assert isinstance(engine, LocalEngine) and engine.name == "local"
    assert engine.model == "m.gguf" and not engine.server.running  # started on first use
    assert engine.llm_settings.max_tokens == engine.settings.local_max_tokens
    assert engine.llm_settings.reasks == engine.settings.local_reasks == 0
    assert engine.llm_settings.chunk_chars == engine.settings.local_chunk_chars
    assert engine.llm_settings.max_items == engine.settings.local_max_items
    assert not engine.llm_settings.llm_projects and not engine.llm_settings.llm_summaries
    monkeypatch.setenv("SUMMARIZER_MODEL", "gpt-x")  # an endpoint/model configured wins
    assert create_engine("auto", load_settings()).name == "llm"


def test_model_hash_is_memoised_by_path_size_and_mtime(tmp_path: Path) -> None:
    from summarizer.engines import local

    model = tmp_path / "m.gguf"
    model.write_bytes(b"GGUF one")
    cache = tmp_path / "cache"
    first = local.model_sha256(model, cache)
    assert first == __import__("hashlib").sha256(b"GGUF one").hexdigest()
    # a fresh process trusts the stored hash while path, size and mtime are unchanged
    local._SHA_MEMO.clear()
    data = json.loads((cache / "model-sha256.json").read_text())
    data[str(model)]["sha256"] = "stored"
    (cache / "model-sha256.json").write_text(json.dumps(data))
    assert local.model_sha256(model, cache) == "stored"
    # a changed file (new mtime) is hashed again
    model.write_bytes(b"GGUF two")
    os.utime(model, ns=(1, 1))
    assert local.model_sha256(model, cache) == __import__("hashlib").sha256(b"GGUF two").hexdigest()


@needs_xllamacpp
def test_cache_key_names_the_model_by_its_hash_not_the_port(tmp_path: Path) -> None:
    from summarizer.engines.local import LocalEngine
    from summarizer.settings import load_settings

    model = _fake_gguf(tmp_path / "m.gguf")
    engine = LocalEngine(load_settings(model_path=str(model), cache_dir=str(tmp_path / "c")))

    async def bind() -> Any:
        engine._sha = "ab" * 32
        bound = engine._bind("http://127.0.0.1:4321")
        try:
            llm = bound.llm
            key = llm._key(doc, chunk, False)
            return llm.cache_identity, llm.base_url, llm.mode, str(bound.client.base_url), key
        finally:
            await engine.aclose()

    from summarizer.chunking import chunk_report
    from summarizer.chunks import make_chunks
    from summarizer.engines.llm import LLMEngine
    from summarizer.ingest import load_report

    fixture = Path(__file__).resolve().parent.parent / "evals" / "fixtures" / "000_yushui.txt"
    doc = chunk_report(load_report(fixture))
    chunk = make_chunks(doc, 700)[0]
    identity, base_url, mode, url, key = asyncio.run(bind())
    assert identity == "local:sha256:" + "ab" * 32
    assert base_url == url.rstrip("/") and url.startswith("http://127.0.0.1:4321/v1")
    assert mode == "json_schema"
    # the key is the one an engine keyed by that identity computes, whatever the port
    other = LLMEngine(
        engine.llm_settings.model_copy(update={"base_url": "http://127.0.0.1:9999/v1"}),
        name="local",
        cache_identity=identity,
    )
    assert other._key(doc, chunk, False) == key
    assert LLMEngine(engine.llm_settings.model_copy(update={"base_url": "http://127.0.0.1:9999/v1"}),
                     name="local")._key(doc, chunk, False) != key  # fmt: skip


# ------------------------------------------------------------------ a real model (integration)


def _tasks() -> int:
    return len(os.listdir("/proc/self/task"))


def _children() -> list[str]:
    kids: list[str] = []
    for t in os.listdir("/proc/self/task"):
        with contextlib.suppress(OSError):
            kids += Path(f"/proc/self/task/{t}/children").read_text().split()
    return kids


@pytest.fixture(scope="module")
def gguf() -> Path:
    """The SmolLM2 model file, with xllamacpp there to run it (both: fail under CI, else skip)."""
    require_xllamacpp()
    return smollm2_path()


@pytest.fixture(scope="module")
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One LLM cache for the module: the tiny model answers the paragraph once."""
    return str(tmp_path_factory.mktemp("local-cache"))


@pytest.fixture
def watch(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    """Records every local server's address; asserts afterwards that none is left: port closed,
    no server registered, no child process, Python threads and native threads back to before."""
    from summarizer import local_server

    seen: dict[str, Any] = {"addresses": [], "tasks_running": 0}
    real_start = local_server.LocalServer.start

    def start(self: Any) -> str:
        url = real_start(self)
        seen["addresses"].append(url)
        seen["tasks_running"] = _tasks()
        return url

    monkeypatch.setattr(local_server.LocalServer, "start", start)
    threads, tasks = set(threading.enumerate()), _tasks()
    yield seen
    for address in seen["addresses"]:
        assert not local_server.port_open(address), f"{address} still listening"
    assert not list(local_server._running)
    assert not _children()
    assert set(threading.enumerate()) <= threads
    assert _tasks() <= tasks + 2  # llama.cpp may keep an idle worker; the server's are gone


@pytest.fixture
def small(monkeypatch: pytest.MonkeyPatch) -> None:
    """A tiny model's budgets: one item per list, short answers, no re-asks."""
    for name, value in {"LOCAL_MAX_ITEMS": "1", "LOCAL_MAX_TOKENS": "384", "CTX_SIZE": "2048",
                        "LOCAL_REASKS": "0", "MAX_RETRIES": "1"}.items():  # fmt: skip
        monkeypatch.setenv("SUMMARIZER_" + name, value)


@pytest.mark.integration
def test_summarize_with_the_local_engine_then_no_server_is_left(
    gguf: Path, report: Path, tmp_path: Path, small: None, watch: dict[str, Any],
    shared_cache: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    cache = shared_cache
    out = tmp_path / "out.json"
    code = main(["summarize", str(report), "--engine", "local", "--model-path", str(gguf),
                 "--cache-dir", cache, "-o", str(out), "-q"])  # fmt: skip
    assert code == 0, capsys.readouterr().err
    summary = ReportSummary.model_validate_json(out.read_text(encoding="utf-8"))
    assert summary.meta.engine == "local" and summary.meta.model == gguf.name
    assert summary.meta.chunks == 1 and not summary.meta.failed_chunks
    assert summary.meta.usage.requests >= 1 and summary.meta.usage.completion_tokens > 0
    for t in summary.targets:  # whatever the tiny model found is grounded
        assert PARAGRAPH[t.start : t.end] == t.quote
    assert len(watch["addresses"]) == 1 and watch["tasks_running"] > _tasks()

    # SUMMARIZER_MODEL_PATH selects local under auto; the same file hits the cache (another
    # port, same model hash), so no request is sent
    monkeypatch.setenv("SUMMARIZER_MODEL_PATH", str(gguf))
    again = tmp_path / "again.json"
    code = main(["summarize", str(report), "--cache-dir", cache, "-o", str(again), "-q"])
    assert code == 0, capsys.readouterr().err
    meta = json.loads(again.read_text(encoding="utf-8"))["meta"]
    assert meta["engine"] == "local"
    assert meta["usage"]["requests"] == 0 and meta["usage"]["cached"] == 1


@pytest.mark.integration
@pytest.mark.parametrize("failure", [KeyboardInterrupt, EngineError])
def test_an_interrupted_or_failed_run_stops_the_server(
    failure: type[BaseException], gguf: Path, report: Path, tmp_path: Path, small: None,
    watch: dict[str, Any], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    from summarizer.engines.llm import LLMEngine

    async def interrupted(self: Any, doc: Any) -> Any:
        assert watch["addresses"], "the server should be running by now"
        await asyncio.sleep(0)
        raise failure("stop here")

    monkeypatch.setattr(LLMEngine, "extract", interrupted)
    out = tmp_path / "out.json"
    code = main(["summarize", str(report), "--engine", "local", "--model-path", str(gguf),
                 "--cache-dir", str(tmp_path / "cache"), "-o", str(out), "-q"])  # fmt: skip
    assert code == (130 if failure is KeyboardInterrupt else 2)
    assert "stop here" in capsys.readouterr().err or failure is KeyboardInterrupt
    assert len(watch["addresses"]) == 1 and not out.exists()


@pytest.mark.integration
def test_ctrl_c_while_the_server_starts_stops_it(
    gguf: Path, report: Path, tmp_path: Path, small: None, watch: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from summarizer import local_server

    def ready(self: Any, started: float) -> None:
        watch["addresses"].append(self.base_url)
        seen_running.append(self.running and local_server.port_open(str(self.base_url)))
        raise KeyboardInterrupt

    seen_running: list[bool] = []
    monkeypatch.setattr(local_server.LocalServer, "_wait_ready", ready)
    code = main(["summarize", str(report), "--engine", "local", "--model-path", str(gguf),
                 "--cache-dir", str(tmp_path / "cache"), "-q"])  # fmt: skip
    assert code == 130 and seen_running == [True]


@pytest.mark.integration
def test_python_api_reuses_the_server_across_calls_and_close_stops_it(
    gguf: Path, small: None, watch: dict[str, Any], shared_cache: str
) -> None:
    from summarizer import Summarizer

    with Summarizer("local", model_path=str(gguf), cache_dir=shared_cache) as s:
        first = s.summarize(PARAGRAPH)  # one asyncio.run per call: a client per event loop
        second = s.summarize(PARAGRAPH)
        assert s.engine.server.running  # type: ignore[attr-defined]
    assert first.meta.engine == "local" and second.meta.usage.cached == 1
    assert len(watch["addresses"]) == 1
