"""The HTTP service through httpx against the ASGI app (no network): every endpoint, auth,
limits, problem details, jobs that survive a restart, and the LLM engine behind it (stub)."""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed")
httpx = pytest.importorskip("httpx", reason="the server extra is not installed")

from stub_server import StubServer  # noqa: E402

from summarizer import Summarizer  # noqa: E402
from summarizer.chunking import Document  # noqa: E402
from summarizer.engines.base import Extraction  # noqa: E402
from summarizer.engines.testing import FakeEngine  # noqa: E402
from summarizer.errors import EndpointError  # noqa: E402
from summarizer.service import ServiceSettings, create_app, openapi_spec  # noqa: E402
from summarizer.service.jobs import JobStore, NewReport  # noqa: E402
from summarizer.service.runtime import MAX_ATTEMPTS  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted((ROOT / "evals" / "fixtures").glob("*.txt"))
RUIJIN = next(p for p in FIXTURES if "ruijin" in p.name)
KEY = "sk-test-NEVER-LEAK-1234567890"
TOKEN = "service-token-0123456789"
PROBLEM = "application/problem+json"


@asynccontextmanager
async def served(app: Any) -> AsyncIterator[Any]:
    """The app with its lifespan (job store, worker) running, and a client talking to it."""
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            yield client


def service(tmp_path: Path, **overrides: Any) -> ServiceSettings:
    return ServiceSettings(db=str(tmp_path / "jobs.sqlite3"), **overrides)


def run(coro: Any) -> Any:
    return asyncio.run(coro)


def is_problem(r: Any, status: int) -> dict[str, Any]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith(PROBLEM)
    body = r.json()
    assert set(body) >= {"type", "title", "status", "detail"} and body["status"] == status
    assert "Traceback" not in r.text
    return dict(body)


async def wait_job(
    client: Any,
    job_id: str,
    until: Callable[[dict[str, Any]], bool] | None = None,
    timeout: float = 20,
) -> dict[str, Any]:
    until = until or (lambda j: j["state"] == "done")
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        r = await client.get(f"/v1/jobs/{job_id}")
        assert r.status_code == 200, r.text
        job: dict[str, Any] = r.json()
        if until(job):
            return job
        assert loop.time() < deadline, f"job did not get there in {timeout}s: {job['progress']}"
        await asyncio.sleep(0.01)


def without_timing(summary: dict[str, Any]) -> dict[str, Any]:
    summary = json.loads(json.dumps(summary))
    summary["meta"]["seconds"] = 0
    summary["source"]["path"] = None
    return summary


# ---------------------------------------------------------------- summaries


def test_summary_from_json_text_is_the_api_summary(tmp_path: Path) -> None:
    text = RUIJIN.read_text(encoding="utf-8")

    async def go() -> Any:
        async with served(create_app(service(tmp_path))) as client:
            return await client.post("/v1/summaries", json={"text": text, "name": "ruijin.txt"})

    r = run(go())
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    got = r.json()
    assert got["source"]["path"] == "ruijin.txt" and got["meta"]["engine"] == "rules"
    for t in got["targets"]:
        assert text[t["start"] : t["end"]] == t["quote"]
    with Summarizer("rules") as s:
        expected = s.summarize(text).model_dump(mode="json")
    assert without_timing(got) == without_timing(expected)


def test_summary_from_upload_decodes_like_the_cli(tmp_path: Path) -> None:
    raw = RUIJIN.read_text(encoding="utf-8").encode("gb18030")
    (tmp_path / "r.txt").write_bytes(raw)

    async def go() -> Any:
        async with served(create_app(service(tmp_path))) as client:
            files = {"file": ("r.txt", raw, "text/plain")}
            return await client.post(
                "/v1/summaries", files=files, data={"region": "某市", "year": "2030"}
            )

    r = run(go())
    assert r.status_code == 200, r.text
    got = r.json()
    assert got["source"]["encoding"] == "gb18030" and got["source"]["path"] == "r.txt"
    assert got["meta"]["region"] == "某市" and got["meta"]["year"] == 2030
    with Summarizer("rules") as s:
        expected = s.summarize_file(tmp_path / "r.txt", region="某市", year=2030)
    assert without_timing(got) == without_timing(expected.model_dump(mode="json"))


def test_html_upload(tmp_path: Path) -> None:
    html = "<html><body><p>一、主要目标</p><p>地区生产总值增长6%左右。</p></body></html>"

    async def go() -> Any:
        async with served(create_app(service(tmp_path))) as client:
            return await client.post("/v1/summaries", files={"file": ("a.html", html.encode())})

    got = run(go()).json()
    assert [t["value"] for t in got["targets"]] == [6]


@pytest.mark.parametrize(
    ("request_kwargs", "status", "says"),
    [
        ({"json": {"text": ""}}, 400, "<text>: the file is empty; give a report with text in it"),
        (
            {
                "json": {"text": "  \n"},
            },
            400,
            "is empty",
        ),
        (
            {"files": {"file": ("x.bin", b"\x00\x01\x02\x03binary")}},
            400,
            "x.bin: looks like a binary file",
        ),
        (
            {"files": {"file": ("x.txt", bytes(range(128, 256)) * 4)}},
            400,
            "x.txt: cannot tell the text encoding",
        ),
        (
            {"content": b'{"text": "a"', "headers": {"content-type": "application/json"}},
            400,
            "malformed JSON at line 1",
        ),
        (
            {"content": b"\xff\xfe{}", "headers": {"content-type": "application/json"}},
            400,
            "malformed JSON",
        ),
        (
            {"content": b'["a"]', "headers": {"content-type": "application/json"}},
            422,
            "Input should be",
        ),
        (
            {"content": b"text", "headers": {"content-type": "text/plain"}},
            415,
            "send application/json",
        ),
        ({"content": b"text"}, 415, "no Content-Type"),
        ({"json": {}}, 422, "text: required"),
        ({"json": {"text": "x", "colour": "red"}}, 422, "colour: unknown field"),
        ({"json": {"text": "x", "year": 20240}}, 422, "year:"),
        ({"json": {"text": "x", "engine": "gpt"}}, 422, "engine:"),
        (
            {"json": {"text": "x", "engine": "llm"}},
            422,
            "engine 'llm' is not enabled on this server; choose one of rules",
        ),
        ({"json": {"text": "x", "model": "gpt-4o"}}, 422, "the rules engine takes no model"),
        (
            {"data": {"engine": "rules"}, "files": {"other": ("a.txt", b"x")}},
            422,
            "other: unexpected file part",
        ),
        ({"data": {"file": "just text"}, "files": {"x": ("", b"")}}, 422, "file"),
        (
            {"data": {"colour": "red"}, "files": {"file": ("a.txt", "增长6%".encode())}},
            422,
            "colour: unknown field",
        ),
    ],
)
def test_bad_summary_requests_are_problems(
    tmp_path: Path, request_kwargs: dict[str, Any], status: int, says: str
) -> None:
    async def go() -> Any:
        async with served(create_app(service(tmp_path))) as client:
            return await client.post("/v1/summaries", **request_kwargs)

    body = is_problem(run(go()), status)
    assert says in body["detail"]


def test_server_settings_in_a_request_are_refused_without_echo(tmp_path: Path) -> None:
    secret = "sk-client-supplied-0123456789"

    async def go() -> list[Any]:
        async with served(create_app(service(tmp_path))) as client:
            return [
                await client.post(
                    "/v1/summaries",
                    json={
                        "text": "增长6%",
                        "base_url": "http://evil.example/v1",
                        "api_key": secret,
                    },
                ),
                await client.post(
                    "/v1/summaries",
                    data={"cache_dir": "/tmp", "model_path": "/x.gguf"},
                    files={"file": ("a.txt", b"x")},
                ),
                await client.post("/v1/jobs", json={"reports": [{"text": "x"}], "mode": "tools"}),
                await client.post("/v1/jobs", json={"reports": [{"text": "x", "api_key": secret}]}),
            ]

    for r in run(go()):
        body = is_problem(r, 422)
        assert (
            "not accepted in a request" in body["detail"]
            and "server's own settings" in body["detail"]
        )
        assert secret not in r.text and "evil.example" not in r.text


# ---------------------------------------------------------------- limits


def test_oversize_body_is_413_before_and_while_reading(tmp_path: Path) -> None:
    big = "增长6%。" * 400  # 2,400 characters, 7,200+ bytes as UTF-8

    async def chunks() -> AsyncIterator[bytes]:
        payload = json.dumps({"text": big}).encode()
        for i in range(0, len(payload), 1000):
            yield payload[i : i + 1000]

    async def go() -> list[Any]:
        async with served(create_app(service(tmp_path, max_body_bytes=4096))) as client:
            declared = await client.post("/v1/summaries", json={"text": big})
            streamed = await client.post(
                "/v1/summaries", content=chunks(), headers={"content-type": "application/json"}
            )
            upload = await client.post("/v1/jobs", files=[("files", ("a.txt", big.encode()))])
            small = await client.post("/v1/summaries", json={"text": "地区生产总值增长6%左右。"})
            return [declared, streamed, upload, small]

    declared, streamed, upload, small = run(go())
    assert "transfer-encoding" not in declared.request.headers
    assert streamed.request.headers.get("transfer-encoding") == "chunked"
    for r in (declared, streamed, upload):
        body = is_problem(r, 413)
        assert (
            "at most 4,096 bytes" in body["detail"]
            and "SUMMARIZER_SERVICE_MAX_BODY_BYTES" in body["detail"]
        )
    assert small.status_code == 200


def test_oversize_report_is_413_and_fails_only_its_job_row(tmp_path: Path) -> None:
    text = RUIJIN.read_text(encoding="utf-8")

    async def go() -> tuple[Any, dict[str, Any]]:
        async with served(create_app(service(tmp_path, max_report_chars=1000))) as client:
            direct = await client.post("/v1/summaries", json={"text": text, "name": "ruijin"})
            r = await client.post(
                "/v1/jobs", json={"reports": [{"text": text}, {"text": "地区生产总值增长6%左右。"}]}
            )
            return direct, await wait_job(client, r.json()["id"])

    direct, job = run(go())
    body = is_problem(direct, 413)
    assert body["detail"].startswith("ruijin: the report is too large (")
    assert "at most 1,000 characters (SUMMARIZER_SERVICE_MAX_REPORT_CHARS)" in body["detail"]
    assert [r["state"] for r in job["reports"]] == ["failed", "done"]
    assert job["reports"][0]["error"]["status"] == 413


def test_too_many_reports_in_a_job(tmp_path: Path) -> None:
    async def go() -> list[Any]:
        async with served(create_app(service(tmp_path, max_job_reports=2))) as client:
            return [
                await client.post("/v1/jobs", json={"reports": [{"text": "增长6%"}] * 3}),
                await client.post(
                    "/v1/jobs", files=[("files", (f"{i}.txt", b"x")) for i in range(3)]
                ),
                await client.post("/v1/jobs", json={"reports": []}),
            ]

    many_json, many_files, empty = run(go())
    assert "at most 2 per job" in is_problem(many_json, 413)["detail"]
    assert is_problem(many_files, 413 if many_files.status_code == 413 else 400)
    assert "reports:" in is_problem(empty, 422)["detail"]


def test_engine_concurrency_is_shared_by_requests_and_jobs(tmp_path: Path) -> None:
    state = {"now": 0, "peak": 0}

    async def slow(doc: Document) -> Extraction:
        state["now"] += 1
        state["peak"] = max(state["peak"], state["now"])
        await asyncio.sleep(0.03)
        state["now"] -= 1
        return Extraction()

    engine = FakeEngine(slow)
    app = create_app(service(tmp_path, concurrency=2), engine_factory=lambda name, model: engine)

    async def go() -> None:
        async with served(app) as client:
            r = await client.post(
                "/v1/jobs", json={"reports": [{"text": f"增长{i}%"} for i in range(1, 7)]}
            )
            posts = [client.post("/v1/summaries", json={"text": f"下降{i}%"}) for i in range(1, 7)]
            assert all(p.status_code == 200 for p in await asyncio.gather(*posts))
            await wait_job(client, r.json()["id"])

    run(go())
    assert len(engine.calls) == 12 and state["peak"] == 2


# ---------------------------------------------------------------- auth


def test_token_guards_everything_but_healthz(tmp_path: Path) -> None:
    app = create_app(service(tmp_path, token=TOKEN))
    good = {"Authorization": f"Bearer {TOKEN}"}

    async def go() -> dict[str, Any]:
        out: dict[str, Any] = {}
        async with served(app) as client:
            out["health"] = await client.get("/healthz")
            for path in ("/v1/engines", "/v1/jobs/abc", "/openapi.json", "/docs"):
                out[path] = await client.get(path)
            out["post"] = await client.post("/v1/summaries", json={"text": "增长6%"})
            out["wrong"] = await client.post(
                "/v1/summaries", json={"text": "增长6%"}, headers={"Authorization": "Bearer nope"}
            )
            out["basic"] = await client.get(
                "/v1/engines", headers={"Authorization": f"Basic {TOKEN}"}
            )
            out["big"] = await client.post(
                "/v1/summaries",
                content=b"x" * (6 * 1024 * 1024),
                headers={"content-type": "application/json"},
            )
            out["ok"] = await client.post("/v1/summaries", json={"text": "增长6%"}, headers=good)
            out["ok_spec"] = await client.get("/openapi.json", headers=good)
            out["ok_lower"] = await client.get(
                "/v1/engines", headers={"authorization": f"bearer {TOKEN}"}
            )
        return out

    out = run(go())
    assert out["health"].status_code == 200 and out["health"].json() == {"status": "ok"}
    for name in (
        "/v1/engines",
        "/v1/jobs/abc",
        "/openapi.json",
        "/docs",
        "post",
        "wrong",
        "basic",
        "big",
    ):
        body = is_problem(out[name], 401)
        assert out[name].headers["www-authenticate"] == "Bearer"
        assert TOKEN not in out[name].text
    assert "needs a bearer token" in out["post"].json()["detail"]
    assert "not valid" in out["wrong"].json()["detail"]
    assert body["type"].endswith("unauthorized")
    assert out["ok"].status_code == 200 and out["ok_spec"].status_code == 200
    assert out["ok_lower"].status_code == 200


def test_without_a_token_nothing_needs_one(tmp_path: Path) -> None:
    async def go() -> list[Any]:
        async with served(create_app(service(tmp_path))) as client:
            return [await client.get("/v1/engines"), await client.get("/openapi.json")]

    engines, spec = run(go())
    assert engines.json() == {
        "default": "rules",
        "engines": [{"name": "rules", "models": [], "default_model": None}],
    }
    assert spec.status_code == 200


def test_token_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZER_SERVICE_TOKEN", TOKEN)
    monkeypatch.setenv("SUMMARIZER_SERVICE_DB", str(tmp_path / "env.sqlite3"))
    monkeypatch.setenv("SUMMARIZER_SERVICE_ENGINES", "rules, llm")
    monkeypatch.setenv("SUMMARIZER_SERVICE_MODELS", "m1,m2")
    monkeypatch.setenv("SUMMARIZER_MODEL", "m0")
    app = create_app(engine_factory=lambda name, model: FakeEngine())

    async def go() -> list[Any]:
        async with served(app) as client:
            return [
                await client.get("/v1/engines"),
                await client.get("/v1/engines", headers={"Authorization": f"Bearer {TOKEN}"}),
            ]

    refused, allowed = run(go())
    assert refused.status_code == 401
    assert allowed.json()["engines"][1] == {
        "name": "llm",
        "models": ["m1", "m2"],
        "default_model": "m1",
    }
    assert (tmp_path / "env.sqlite3").exists()


# ---------------------------------------------------------------- checks


def test_checks(tmp_path: Path) -> None:
    source = "全市主要预期目标是：地区生产总值增长6%左右，城镇新增就业2万人。"
    good = {
        "targets": [
            {
                "indicator": "地区生产总值",
                "value": 6,
                "unit": "%",
                "quote": "地区生产总值增长6%左右",
            }
        ]
    }
    bad = {
        "targets": [
            {
                "indicator": "地区生产总值",
                "value": 7,
                "unit": "%",
                "quote": "地区生产总值增长6%左右",
            }
        ]
    }

    async def go() -> list[Any]:
        async with served(create_app(service(tmp_path))) as client:
            return [
                await client.post("/v1/checks", json={"summary": good, "source": source}),
                await client.post("/v1/checks", json={"summary": bad, "source": source}),
                await client.post(
                    "/v1/checks", json={"summary": {"targets": "x"}, "source": source}
                ),
                await client.post("/v1/checks", json={"summary": good}),
                await client.post("/v1/checks", json={"summary": good, "source": ""}),
                await client.post(
                    "/v1/checks", content=b"{", headers={"content-type": "application/json"}
                ),
                await client.post(
                    "/v1/checks", json={"summary": good, "source": source, "api_key": KEY}
                ),
            ]

    ok, violated, malformed, missing, empty, broken, secret = run(go())
    assert ok.status_code == 200 and ok.json() == {"checked": 1, "violations": []}
    v = violated.json()["violations"]
    assert violated.status_code == 200 and [x["kind"] for x in v] == ["number_not_in_quote"]
    assert is_problem(malformed, 400)["detail"] == "targets: expected a list, got str"
    assert is_problem(missing, 422)["detail"] == "source: required"
    assert "the file is empty" in is_problem(empty, 400)["detail"]
    assert "malformed JSON" in is_problem(broken, 400)["detail"]
    assert (
        "not accepted in a request" in is_problem(secret, 422)["detail"] and KEY not in secret.text
    )


# ---------------------------------------------------------------- jobs


def test_job_from_json_and_from_files(tmp_path: Path) -> None:
    texts = {p.name: p.read_text(encoding="utf-8") for p in FIXTURES}

    async def go() -> dict[str, Any]:
        out: dict[str, Any] = {}
        async with served(create_app(service(tmp_path))) as client:
            r = await client.post(
                "/v1/jobs",
                json={
                    "reports": [{"name": n, "text": t} for n, t in texts.items()] + [{"text": ""}],
                    "year": 2031,
                },
            )
            out["created"] = r
            out["job"] = await wait_job(client, r.json()["id"])
            out["jsonl"] = await client.get(f"/v1/jobs/{r.json()['id']}/results")
            out["csv"] = await client.get(
                f"/v1/jobs/{r.json()['id']}/results", params={"format": "csv"}
            )
            out["bad_format"] = await client.get(
                f"/v1/jobs/{r.json()['id']}/results", params={"format": "xml"}
            )
            files = [("files", (n, t.encode("utf-8"))) for n, t in texts.items()]
            r2 = await client.post("/v1/jobs", files=files, data={"engine": "rules"})
            out["files_job"] = await wait_job(client, r2.json()["id"])
            out["missing"] = await client.get("/v1/jobs/0123")
            out["missing_results"] = await client.get("/v1/jobs/0123/results")
        return out

    out = run(go())
    created = out["created"]
    assert (
        created.status_code == 202
        and created.headers["location"] == f"/v1/jobs/{created.json()['id']}"
    )
    assert created.json()["state"] == "pending" and created.json()["total"] == 6
    job = out["job"]
    assert job["state"] == "done" and job["engine"] == "rules" and job["model"] is None
    assert job["progress"] == {"total": 6, "pending": 0, "running": 0, "done": 5, "failed": 1}
    assert [r["name"] for r in job["reports"]] == [*texts, "report-6"]
    last = job["reports"][-1]
    assert last["state"] == "failed" and last["summary"] is None
    assert (
        last["error"]["status"] == 400
        and last["error"]["detail"] == "report-6: the file is empty; give a report with text in it"
    )
    with Summarizer("rules") as s:
        for row in job["reports"][:-1]:
            expected = s.summarize(texts[row["name"]], year=2031).model_dump(mode="json")
            assert row["summary"]["source"]["path"] == row["name"]
            assert without_timing(row["summary"]) == without_timing(expected)
    lines = out["jsonl"].text.splitlines()
    assert out["jsonl"].headers["content-type"].startswith("application/x-ndjson")
    assert [json.loads(x)["source"]["path"] for x in lines] == list(texts)
    csv_text = out["csv"].text
    assert out["csv"].headers["content-type"].startswith("text/csv")
    assert csv_text.splitlines()[0].startswith("file,region,year,key,indicator,value")
    assert (
        sum(len(r["summary"]["targets"]) for r in job["reports"][:-1])
        == len(csv_text.splitlines()) - 1
    )
    assert "format:" in is_problem(out["bad_format"], 422)["detail"]
    files_job = out["files_job"]
    assert files_job["progress"]["done"] == 5
    assert [r["summary"]["targets"] for r in files_job["reports"]] == [
        r["summary"]["targets"] for r in job["reports"][:-1]
    ]
    assert "no job '0123'" in is_problem(out["missing"], 404)["detail"]
    is_problem(out["missing_results"], 404)


def test_results_of_an_unfinished_job_are_409(tmp_path: Path) -> None:
    gate = asyncio.Event()

    async def blocked(doc: Document) -> Extraction:
        await gate.wait()
        return Extraction()

    app = create_app(service(tmp_path), engine_factory=lambda name, model: FakeEngine(blocked))

    async def go() -> tuple[Any, dict[str, Any], Any]:
        async with served(app) as client:
            r = await client.post("/v1/jobs", json={"reports": [{"text": "增长6%"}]})
            job_id = r.json()["id"]
            running = await wait_job(client, job_id, lambda j: j["state"] == "running")
            early = await client.get(f"/v1/jobs/{job_id}/results")
            gate.set()
            await wait_job(client, job_id)
            return early, running, await client.get(f"/v1/jobs/{job_id}/results")

    early, running, late = run(go())
    assert running["progress"]["running"] == 1 and running["reports"][0]["state"] == "running"
    assert "has not finished (0 of 1 reports)" in is_problem(early, 409)["detail"]
    assert late.status_code == 200 and len(late.text.splitlines()) == 1


def _counting_engine(calls: list[str], block_on: str | None = None) -> FakeEngine:
    async def script(doc: Document) -> Extraction:
        calls.append(doc.text)
        if block_on is not None and block_on in doc.text:
            await asyncio.Event().wait()  # never finishes: the server stops meanwhile
        return Extraction()

    return FakeEngine(script)


def test_job_survives_a_restart_and_never_redoes_finished_reports(tmp_path: Path) -> None:
    texts = [f"第{i}份报告：地区生产总值增长{i}%左右。" for i in range(1, 7)]
    settings = service(tmp_path, concurrency=1)
    first: list[str] = []
    second: list[str] = []

    async def before() -> tuple[str, dict[str, Any]]:
        app = create_app(
            settings, engine_factory=lambda name, model: _counting_engine(first, block_on="第3份")
        )
        async with served(app) as client:
            r = await client.post(
                "/v1/jobs",
                json={"reports": [{"name": f"r{i}", "text": t} for i, t in enumerate(texts)]},
            )
            job_id = r.json()["id"]
            job = await wait_job(
                client,
                job_id,
                lambda j: j["progress"]["done"] == 2 and j["progress"]["running"] == 1,
            )
        return job_id, job  # leaving the block shuts the app down with report 3 half done

    async def after(job_id: str) -> dict[str, Any]:
        app = create_app(settings, engine_factory=lambda name, model: _counting_engine(second))
        async with served(app) as client:
            return await wait_job(client, job_id)

    job_id, mid = run(before())
    assert first == texts[:3]
    with sqlite3.connect(settings.db_path()) as db:  # the half-done report was given back
        assert (
            db.execute("SELECT state FROM reports ORDER BY idx").fetchall()
            == [("done",), ("done",)] + [("pending",)] * 4
        )
    done = run(after(job_id))
    assert second == texts[2:]  # reports 1 and 2 were not summarised again
    assert done["progress"] == {"total": 6, "pending": 0, "running": 0, "done": 6, "failed": 0}
    assert [r["summary"] for r in done["reports"][:2]] == [r["summary"] for r in mid["reports"][:2]]


def test_reports_left_running_by_a_crash_are_resumed(tmp_path: Path) -> None:
    settings = service(tmp_path)
    store = JobStore(settings.db_path())
    job_id = store.create(
        "rules", None, [NewReport(f"r{i}", f"增长{i}%".encode()) for i in range(3)]
    )
    assert store.claim() is not None and store.claim() is not None  # the server died here
    store.close()
    calls: list[str] = []

    async def go() -> dict[str, Any]:
        app = create_app(settings, engine_factory=lambda name, model: _counting_engine(calls))
        async with served(app) as client:
            return await wait_job(client, job_id)

    job = run(go())
    assert job["progress"]["done"] == 3 and sorted(calls) == ["增长0%", "增长1%", "增长2%"]


def test_a_report_that_keeps_killing_the_server_is_failed(tmp_path: Path) -> None:
    settings = service(tmp_path)
    store = JobStore(settings.db_path())
    job_id = store.create("rules", None, [NewReport("poison", "增长6%".encode())])
    for _ in range(MAX_ATTEMPTS):
        assert store.claim() is not None
        store.recover()
    store.close()
    calls: list[str] = []

    async def go() -> dict[str, Any]:
        app = create_app(settings, engine_factory=lambda name, model: _counting_engine(calls))
        async with served(app) as client:
            return await wait_job(client, job_id)

    job = run(go())
    assert calls == [] and job["reports"][0]["state"] == "failed"
    assert "stopped 3 times" in job["reports"][0]["error"]["detail"]


def test_job_store_release_does_not_count_an_attempt(tmp_path: Path) -> None:
    store = JobStore(tmp_path / "s.sqlite3")
    store.create("rules", None, [NewReport("a", b"x")])
    for _ in range(5):
        work = store.claim()
        assert work is not None and work.attempts == 1
        store.release(work)
    store.close()


# ---------------------------------------------------------------- the LLM engine behind the service


def _llm_app(tmp_path: Path, stub: StubServer, llm_settings: Any, **overrides: Any) -> Any:
    return create_app(
        service(tmp_path, engines=["llm", "rules"], models=["other-model"], concurrency=1),
        engine_settings=llm_settings(stub, **overrides),
    )


def test_llm_job_resumes_after_restart_without_resending_finished_reports(
    tmp_path: Path, llm_settings: Any
) -> None:
    texts = [f"一、主要目标\n第{i}项：地区生产总值增长{i}%左右。\n" for i in range(1, 5)]

    def asked(requests: list[Any]) -> list[int]:
        """Which reports (1-based) the requests were for, in order (one chunk each)."""
        out: list[int] = []
        for r in requests:
            body = json.dumps(r.body, ensure_ascii=False)
            out.extend(i for i in range(1, 5) if f"第{i}项" in body)
        return out

    with StubServer(latency=0.2) as stub:

        async def before() -> str:
            async with served(_llm_app(tmp_path, stub, llm_settings, no_cache=True)) as client:
                r = await client.post("/v1/jobs", json={"reports": [{"text": t} for t in texts]})
                assert r.status_code == 202, r.text
                # two reports done, the third one's request is at the model: stop the server
                await wait_job(
                    client, r.json()["id"], lambda j: j["progress"]["done"] == 2 and stub.count == 3
                )
                return str(r.json()["id"])

        job_id = run(before())
        assert asked(stub.requests) == [1, 2, 3]
        stub.reset()

        async def after() -> dict[str, Any]:
            async with served(_llm_app(tmp_path, stub, llm_settings, no_cache=True)) as client:
                return await wait_job(client, job_id)

        job = run(after())
        assert asked(stub.requests) == [3, 4]  # 1 and 2 were finished: never asked again

    assert job["progress"]["done"] == 4 and job["engine"] == "llm" and job["model"] == "stub-model"
    assert [r["summary"]["targets"][0]["value"] for r in job["reports"]] == [1, 2, 3, 4]
    assert all(r["summary"]["meta"]["engine"] == "llm" for r in job["reports"])


def test_llm_cache_is_shared_with_the_cli(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    stub: StubServer,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from summarizer.cli import main

    for name, value in {
        "BASE_URL": stub.base_url, "MODEL": "stub-model", "API_KEY": KEY,
        "CACHE_DIR": str(tmp_path / "cache"), "BACKOFF_INITIAL": "0.01",
    }.items():  # fmt: skip
        monkeypatch.setenv(f"SUMMARIZER_{name}", value)
    app = create_app(service(tmp_path, engines=["llm"]))

    async def go() -> Any:
        async with served(app) as client:
            return await client.post(
                "/v1/summaries", files={"file": (RUIJIN.name, RUIJIN.read_bytes())}
            )

    r = run(go())
    assert r.status_code == 200, r.text
    sent = stub.count
    assert sent > 0 and r.json()["meta"]["usage"]["requests"] == sent
    assert main(["summarize", str(RUIJIN), "--engine", "llm", "-q"]) == 0
    cli = json.loads(capsys.readouterr().out)
    assert stub.count == sent and cli["meta"]["usage"]["cached"] == cli["meta"]["chunks"]
    assert without_timing(cli)["targets"] == without_timing(r.json())["targets"]


def test_llm_errors_carry_the_cli_message_and_never_the_key(
    tmp_path: Path, stub: StubServer, llm_settings: Any
) -> None:
    stub.on("", "401")
    text = "一、主要目标\n地区生产总值增长6%左右。\n"
    app = _llm_app(tmp_path, stub, llm_settings)

    async def go() -> list[Any]:
        async with served(app) as client:
            direct = await client.post("/v1/summaries", json={"text": text})
            wrong_model = await client.post("/v1/summaries", json={"text": text, "model": "gpt-9"})
            other = await client.post(
                "/v1/summaries", json={"text": text, "engine": "llm", "model": "other-model"}
            )
            r = await client.post("/v1/jobs", json={"reports": [{"text": text}]})
            job = await client.get(f"/v1/jobs/{(await wait_job(client, r.json()['id']))['id']}")
            return [direct, wrong_model, other, job]

    direct, wrong_model, other, job = run(go())
    api = Summarizer(
        "llm",
        base_url=stub.base_url,
        model="stub-model",
        api_key=KEY,
        cache_dir=str(tmp_path / "c"),
    )
    with pytest.raises(EndpointError) as cli_error, api:
        api.summarize(text)
    body = is_problem(direct, 502)
    assert body["detail"] == str(cli_error.value) and "rejected the API key" in body["detail"]
    assert (
        "model 'gpt-9' is not allowed on this server; choose one of: stub-model, other-model"
        in is_problem(wrong_model, 422)["detail"]
    )
    assert is_problem(other, 502)
    assert {r.body["model"] for r in stub.requests} == {"stub-model", "other-model"}
    assert job.json()["reports"][0]["error"]["detail"] == str(cli_error.value)
    for r in (direct, wrong_model, other, job):
        assert KEY not in r.text and "Traceback" not in r.text


def test_unexpected_errors_are_a_generic_500_logged_server_side(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    async def broken(doc: Document) -> Extraction:
        raise RuntimeError(f"engine exploded with {KEY} in hand")

    app = create_app(service(tmp_path), engine_factory=lambda name, model: FakeEngine(broken))

    async def go() -> tuple[Any, dict[str, Any]]:
        async with served(app) as client:
            direct = await client.post("/v1/summaries", json={"text": "增长6%"})
            r = await client.post("/v1/jobs", json={"reports": [{"text": "增长6%"}]})
            return direct, await wait_job(client, r.json()["id"])

    with caplog.at_level(logging.ERROR, logger="summarizer.service"):
        direct, job = run(go())
    body = is_problem(direct, 500)
    assert body["type"].endswith("internal") and "server's log" in body["detail"]
    assert KEY not in direct.text and "exploded" not in direct.text
    error = job["reports"][0]["error"]
    assert error["status"] == 500 and "exploded" not in json.dumps(job)
    assert sum("RuntimeError: engine exploded" in (r.exc_text or "") for r in caplog.records) == 2


# ---------------------------------------------------------------- spec, settings, command line


def test_openapi_file_matches_the_app(tmp_path: Path) -> None:
    on_disk = json.loads((ROOT / "schemas" / "openapi.json").read_text(encoding="utf-8"))
    assert on_disk == openapi_spec(), "schemas/openapi.json is stale: run scripts/export-openapi"

    async def go() -> Any:
        async with served(create_app(service(tmp_path, token=TOKEN, engines=["rules"]))) as client:
            return await client.get("/openapi.json", headers={"Authorization": f"Bearer {TOKEN}"})

    assert run(go()).json() == on_disk
    paths = on_disk["paths"]
    assert {
        "/v1/summaries",
        "/v1/checks",
        "/v1/jobs",
        "/v1/jobs/{job_id}",
        "/v1/jobs/{job_id}/results",
        "/healthz",
    } <= set(paths)
    body = paths["/v1/summaries"]["post"]["requestBody"]["content"]
    assert set(body) == {"application/json", "multipart/form-data"}
    assert "base_url" not in json.dumps(on_disk["components"]["schemas"]["SummaryRequest"])


def test_bad_service_settings_name_the_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from summarizer.errors import ConfigError
    from summarizer.service import load_service_settings

    monkeypatch.setenv("SUMMARIZER_SERVICE_ENGINES", "rules,gpt")
    with pytest.raises(ConfigError, match="SUMMARIZER_SERVICE_ENGINES"):
        load_service_settings()
    monkeypatch.setenv("SUMMARIZER_SERVICE_ENGINES", "llm")
    with pytest.raises(ConfigError, match="no model is configured"):
        create_app(ServiceSettings(db=":memory:"))
    (tmp_path / "junk.sqlite3").write_text("not a database")
    with pytest.raises(ConfigError, match=r"junk\.sqlite3: cannot open the job store"):
        JobStore(tmp_path / "junk.sqlite3")


def test_serve_command(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import summarizer.service as service_module
    from summarizer.cli import main

    seen: list[tuple[str, int]] = []
    monkeypatch.setattr(service_module, "run_server", lambda host, port: seen.append((host, port)))
    assert main(["serve"]) == 0 and main(["serve", "--host", "0.0.0.0", "--port", "9001"]) == 0
    assert seen == [("127.0.0.1", 8000), ("0.0.0.0", 9001)]
    assert main(["serve", "--port", "70000"]) == 2
    assert main(["serve", "--help"]) == 0 and "--port" in capsys.readouterr().out
    monkeypatch.setenv("SUMMARIZER_SERVICE_CONCURRENCY", "0")
    monkeypatch.setattr(service_module, "run_server", service_module.app.run_server)
    assert main(["serve"]) == 2
    assert "SUMMARIZER_SERVICE_CONCURRENCY" in capsys.readouterr().err


def test_job_status_view_has_counts_and_no_summaries(tmp_path: Path) -> None:
    texts = [p.read_text(encoding="utf-8") for p in FIXTURES[:3]]

    async def go() -> tuple[Any, Any, Any]:
        async with served(create_app(service(tmp_path))) as client:
            r = await client.post(
                "/v1/jobs", json={"reports": [{"text": t} for t in texts] + [{"text": ""}]}
            )
            job_id = r.json()["id"]
            await wait_job(client, job_id)
            status = await client.get(f"/v1/jobs/{job_id}/status")
            full = await client.get(f"/v1/jobs/{job_id}")
            return status, full, await client.get("/v1/jobs/0123/status")

    status, full, missing = run(go())
    assert status.status_code == 200
    body = status.json()
    assert set(body) == {"id", "state", "engine", "model", "created", "updated", "progress"}
    assert body["state"] == "done"
    assert body["progress"] == {"total": 4, "pending": 0, "running": 0, "done": 3, "failed": 1}
    assert {k: v for k, v in full.json().items() if k != "reports"} == body
    assert "summary" not in status.text and len(status.content) < 1000
    assert "no job '0123'" in is_problem(missing, 404)["detail"]
    spec = openapi_spec()
    assert "/v1/jobs/{job_id}/status" in spec["paths"]
    assert set(spec["components"]["schemas"]["JobProgress"]["properties"]) == set(body)
