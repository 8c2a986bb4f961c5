"""Load on the HTTP service: ``summarizer serve`` (uvicorn) in a subprocess on a free loopback
port, N concurrent clients in this process posting the five seed reports to ``/v1/summaries``.

Prints requests/s, p50/p99 latency and errors, first with the rules engine, then with the
llm engine against the stub LLM server (fixed latency, no cache), whose requests/s is bounded by
``engine concurrency / (stub latency * chunks per report)``, and a job of many reports. Prints
figures; asserts nothing. Only 127.0.0.1 is contacted; every loop is bounded.

    python benchmarks/bench_service.py [--clients 16] [--requests 500] [--llm-latency 0.2]
                                       [--llm-requests 60] [--no-llm]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from stub_server import StubServer  # noqa: E402

from summarizer.chunking import chunk_report  # noqa: E402
from summarizer.chunks import make_chunks  # noqa: E402
from summarizer.engines.llm import pack_chunks  # noqa: E402
from summarizer.ingest import load_report  # noqa: E402

FIXTURES = sorted((ROOT / "evals" / "fixtures").glob("*.txt"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """``summarizer serve`` in a subprocess with its own settings, on a free loopback port."""

    def __init__(self, env: dict[str, str], workdir: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        full = {k: v for k, v in os.environ.items() if not k.startswith("SUMMARIZER_")}
        full.update(
            SUMMARIZER_CONFIG=str(workdir / "no-config.toml"),
            SUMMARIZER_SERVICE_DB=str(workdir / f"jobs-{self.port}.sqlite3"),
            SUMMARIZER_CACHE_DIR=str(workdir / "cache"),
        )
        full.update(env)
        code = f"from summarizer.cli import main; raise SystemExit(main(['serve', '--port', '{self.port}']))"
        self.log = open(workdir / f"server-{self.port}.log", "wb")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [sys.executable, "-c", code], env=full, stdout=self.log, stderr=subprocess.STDOUT
        )

    def wait_ready(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"server exited with {self.proc.returncode}; see {self.log.name}")
            try:
                if httpx.get(self.url + "/healthz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise SystemExit("server did not start in time")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()

    def __enter__(self) -> Server:
        self.wait_ready()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


async def load(
    url: str, bodies: list[dict[str, Any]], clients: int, total: int
) -> tuple[list[float], int, float, dict[int, int]]:
    """``clients`` concurrent clients send ``total`` requests (bodies round-robin)."""
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    errors = 0
    counter = iter(range(total))
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, timeout=300, limits=limits) as client:

        async def one_client() -> None:
            nonlocal errors
            for i in counter:
                began = time.perf_counter()
                try:
                    r = await client.post("/v1/summaries", json=bodies[i % len(bodies)])
                    statuses[r.status_code] = statuses.get(r.status_code, 0) + 1
                    if r.status_code != 200:
                        errors += 1
                except httpx.HTTPError:
                    errors += 1
                latencies.append(time.perf_counter() - began)

        began = time.perf_counter()
        await asyncio.gather(*(one_client() for _ in range(clients)))
        wall = time.perf_counter() - began
    return latencies, errors, wall, statuses


def show(
    label: str, latencies: list[float], errors: int, wall: float, statuses: dict[int, int]
) -> None:
    lat = sorted(latencies)
    p50 = statistics.median(lat) * 1000
    p99 = lat[min(len(lat) - 1, round(0.99 * (len(lat) - 1)))] * 1000
    print(
        f"{label:<34} {len(lat):>5} req  {len(lat) / wall:8.1f} req/s  "
        f"p50 {p50:8.1f} ms  p99 {p99:8.1f} ms  errors {errors}  {dict(sorted(statuses.items()))}"
    )


async def job_run(
    url: str, bodies: list[dict[str, Any]], copies: int
) -> tuple[int, float, dict[str, int]]:
    reports = [
        {"name": f"{i}-{b['name']}", "text": b["text"]} for i in range(copies) for b in bodies
    ]
    async with httpx.AsyncClient(base_url=url, timeout=60) as client:
        began = time.perf_counter()
        r = await client.post("/v1/jobs", json={"reports": reports})
        r.raise_for_status()
        job_id = r.json()["id"]
        deadline = began + 600
        while time.perf_counter() < deadline:
            job = (await client.get(f"/v1/jobs/{job_id}")).json()
            if job["state"] == "done":
                break
            await asyncio.sleep(0.05)
        wall = time.perf_counter() - began
    return len(reports), wall, job["progress"]


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--clients", type=int, default=16, help="concurrent clients")
    ap.add_argument("--requests", type=int, default=500, help="requests with the rules engine")
    ap.add_argument(
        "--service-concurrency", type=int, default=4, help="SUMMARIZER_SERVICE_CONCURRENCY"
    )
    ap.add_argument("--llm-latency", type=float, default=0.2, help="stub LLM seconds per request")
    ap.add_argument(
        "--llm-concurrency", type=int, default=4, help="SUMMARIZER_CONCURRENCY (requests in flight)"
    )
    ap.add_argument("--llm-requests", type=int, default=40, help="requests with the llm engine")
    ap.add_argument("--no-llm", action="store_true", help="skip the stub LLM run")
    args = ap.parse_args()

    bodies = [{"name": p.name, "text": p.read_text(encoding="utf-8")} for p in FIXTURES]
    chars = sum(len(b["text"]) for b in bodies) / len(bodies)
    print(f"seed reports {len(bodies)} (mean {chars:,.0f} chars); clients {args.clients}; "
          f"service concurrency {args.service_concurrency}; cores {os.cpu_count()}")  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="bench-service-") as tmp:
        work = Path(tmp)
        env = {"SUMMARIZER_SERVICE_CONCURRENCY": str(args.service_concurrency)}
        with Server({**env, "SUMMARIZER_SERVICE_ENGINES": "rules"}, work) as server:
            rules = [{**b, "engine": "rules"} for b in bodies]
            asyncio.run(load(server.url, rules, 4, 20))  # warm up
            show(
                "rules, /v1/summaries",
                *asyncio.run(load(server.url, rules, args.clients, args.requests)),
            )
            show("rules, 1 client", *asyncio.run(load(server.url, rules, 1, 100)))
            n, wall, progress = asyncio.run(job_run(server.url, bodies, 20))
            print(f"{'rules, one job':<34} {n:>5} rep  {n / wall:8.1f} reports/s  {progress}")

        if args.no_llm:
            return
        docs = [chunk_report(load_report(p)) for p in FIXTURES]
        chunks = [len(pack_chunks(d, make_chunks(d, 1800), 1800)) for d in docs]
        mean_chunks = sum(chunks) / len(chunks)
        with StubServer(latency=args.llm_latency) as stub:
            llm_env = {
                **env,
                "SUMMARIZER_SERVICE_ENGINES": "llm",
                "SUMMARIZER_BASE_URL": stub.base_url,
                "SUMMARIZER_MODEL": "stub-model",
                "SUMMARIZER_API_KEY": "sk-bench-not-a-key",
                "SUMMARIZER_NO_CACHE": "1",
                "SUMMARIZER_CONCURRENCY": str(args.llm_concurrency),
            }
            with Server(llm_env, work) as server:
                llm = [{**b, "engine": "llm"} for b in bodies]
                asyncio.run(load(server.url, llm[:1], 1, 1))  # warm up (imports openai/instructor)
                stub.reset()
                result = asyncio.run(load(server.url, llm, args.clients, args.llm_requests))
                show("llm (stub), /v1/summaries", *result)
                in_flight = min(args.llm_concurrency, args.service_concurrency * max(chunks))
                bound = in_flight / (args.llm_latency * mean_chunks)
                print(f"  stub: {stub.count} chat requests ({mean_chunks:.1f} per report, "
                      f"chunks {chunks}), peak in flight {stub.peak} (limit {args.llm_concurrency}); "
                      f"bound {args.llm_concurrency} / ({args.llm_latency:g} s x {mean_chunks:.1f}) "
                      f"= {bound:.1f} req/s")  # fmt: skip


if __name__ == "__main__":
    main()
