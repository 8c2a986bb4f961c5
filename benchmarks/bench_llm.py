"""The LLM engine against the stub server with a fixed latency, over the seed fixtures.

Prints requests, prompt characters sent per source character (messages plus tool or response
schema, as the stub received them; source: the report text the requests carry, marks
removed, and the whole reports), answer characters and completion tokens per report, wall time
against the ideal ``requests * latency / concurrency``, and the time of a fully cached rerun.
No network: the stub runs on 127.0.0.1 (``--strategy review`` answers as a reviewer that
labels every candidate).

    python benchmarks/bench_llm.py [--latency 0.2] [--concurrency 4] [--mode tools]
                                   [--strategy extract|review] [--fixtures DIR]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import re  # noqa: E402

from stub_server import (  # noqa: E402
    StubServer,
    chunk_text_of,
    naive_answer,
    prompt_chars,
    review_answer,
)

from summarizer.chunking import Document, chunk_report  # noqa: E402
from summarizer.engines.base import Extraction  # noqa: E402
from summarizer.engines.llm import LLMEngine  # noqa: E402
from summarizer.ingest import load_report  # noqa: E402
from summarizer.settings import load_settings  # noqa: E402

_MARKS = re.compile(r"【\d+】|〖P\d+ |〗|\n候选项目：.*$", re.S)


async def run_all(engine: LLMEngine, docs: list[Document]) -> list[Extraction]:
    return list(await asyncio.gather(*(engine.extract(d) for d in docs)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--latency", type=float, default=0.2)
    ap.add_argument("--concurrency", type=int, default=4)
    ap.add_argument("--mode", default="tools", choices=["tools", "json_schema", "json", "md_json"])
    ap.add_argument("--chunk-chars", type=int, default=1800)
    ap.add_argument("--strategy", default="extract", choices=["extract", "review"])
    ap.add_argument("--fixtures", default=str(ROOT / "evals" / "fixtures"))
    args = ap.parse_args()

    paths = sorted(Path(args.fixtures).glob("*.txt"))
    docs = [chunk_report(load_report(p)) for p in paths]
    responder = review_answer if args.strategy == "review" else naive_answer
    with (
        StubServer(latency=args.latency, responder=responder) as stub,
        tempfile.TemporaryDirectory() as cache,
    ):
        settings = load_settings(
            base_url=stub.base_url, model="stub", api_key="sk-bench", cache_dir=cache,
            mode=args.mode, concurrency=args.concurrency, chunk_chars=args.chunk_chars,
            strategy=args.strategy,
        )  # fmt: skip
        # warm up (lazy imports of openai/instructor are not what this measures)
        warm = settings.model_copy(update={"no_cache": True})
        asyncio.run(run_all(LLMEngine(warm), docs[:1]))
        stub.reset()

        engine = LLMEngine(settings)
        began = time.perf_counter()
        results = asyncio.run(run_all(engine, docs))
        wall = time.perf_counter() - began
        requests = stub.count
        sent = sum(prompt_chars(r.body) for r in stub.requests)
        in_messages = sum(
            len(str(m.get("content") or "")) for r in stub.requests for m in r.body["messages"]
        )
        # the report text a request carries: its chunk without the review marks
        source = sum(len(_MARKS.sub("", chunk_text_of(r.body))) for r in stub.requests)
        report_chars = sum(len(d.text) for d in docs)
        answer_chars = sum(len(json.dumps(responder(chunk_text_of(r.body), r.body),
                                          ensure_ascii=False)) for r in stub.requests)  # fmt: skip
        first = stub.requests[0].body
        system = len(first["messages"][0]["content"])
        schema = prompt_chars(first) - sum(len(m["content"]) for m in first["messages"])
        peak = stub.peak
        stub.reset()

        engine = LLMEngine(settings)  # a new engine: the cache on disk is all it shares
        began = time.perf_counter()
        cached = asyncio.run(run_all(engine, docs))
        rerun = time.perf_counter() - began
        rerun_requests = stub.count

    ideal = requests * args.latency / args.concurrency
    chunks = sum(r.chunks for r in results)
    completion = sum(r.usage.completion_tokens for r in results)
    print(
        f"strategy                     {args.strategy:>8}  ({len(docs)} reports in {args.fixtures})"
    )
    print(f"reports                      {len(docs):>8}")
    print(f"chunks                       {chunks:>8}")
    print(f"requests                     {requests:>8}")
    print(f"source chars (chunk text)    {source:>8}")
    print(f"prompt chars sent            {sent:>8}")
    print(f"prompt chars / source char   {sent / source:8.2f}")
    print(
        f"prompt chars / report char   {sent / report_chars:8.2f}  (whole reports, {report_chars} chars)"
    )
    print(f"answer chars per report      {answer_chars / len(docs):8.0f}")
    print(f"completion tokens per report {completion / len(docs):8.0f}  (stub: answer chars / 2)")
    print(f"  messages only / source     {in_messages / source:8.2f}  (what the model reads when "
          "the schema is a grammar, as in json_schema mode on llama.cpp/vLLM)")  # fmt: skip
    print(f"  system prompt per request  {system:>8}")
    print(f"  {args.mode} schema per request {schema:>6}")
    print(f"wall time                    {wall:8.2f} s")
    print(
        f"ideal (req*lat/conc)         {ideal:8.2f} s  ({args.latency * 1000:.0f} ms, concurrency {args.concurrency})"
    )
    print(f"wall / ideal                 {wall / ideal:8.2f}")
    print(f"peak requests in flight      {peak:>8}")
    print(f"cached rerun                 {rerun:8.3f} s  ({rerun_requests} requests, "
          f"{sum(r.usage.cached for r in cached)} cache hits)")  # fmt: skip


if __name__ == "__main__":
    main()
