"""The HTTP service: a FastAPI app over the public API (``summarizer serve``).

Endpoints (OpenAPI at ``/openapi.json``, exported to ``schemas/openapi.json``)::

    POST /v1/summaries           one report (JSON {"text": ...} or a multipart "file") -> ReportSummary
    POST /v1/checks              {"summary", "source"} -> {"checked", "violations"}
    POST /v1/jobs                many reports (JSON {"reports": [...]} or multipart "files") -> {"id"}
    GET  /v1/jobs/{id}           state, progress, per-report summaries and errors
    GET  /v1/jobs/{id}/status    state and counts only (cheap to poll)
    GET  /v1/jobs/{id}/results   ?format=jsonl|csv, the finished job's summaries
    GET  /v1/engines             the engines and models a client may choose
    GET  /healthz                liveness (never needs the token)

Errors are RFC 7807 problem details carrying the command line's messages.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any, Literal, TypeVar

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel, ValidationError
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse, Response

from ..errors import SummarizerError
from ..models import CheckResult, ReportSummary
from ..settings import Settings
from .config import ServiceSettings, load_service_settings
from .engines import EngineFactory, EnginePool
from .jobs import JobRow, JobStore, NewReport
from .problems import (
    PROBLEM_JSON,
    Guard,
    Scrubber,
    ServiceProblem,
    explain_validation,
    problem,
    problem_of,
    render_problem,
)
from .runtime import Runtime, Worker
from .schemas import (
    CheckRequest,
    EnginesInfo,
    Health,
    JobCreated,
    JobProgress,
    JobRequest,
    JobStatus,
    Options,
    Problem,
    SummaryRequest,
)

log = logging.getLogger("summarizer.service")

M = TypeVar("M", bound=BaseModel)

TITLE = "summarizer"
DESCRIPTION = (
    "Structured, source-grounded summaries of Chinese local-government work reports "
    "(政府工作报告). Clients choose an engine the server enables and a model from its "
    "allow-list; base URLs, API keys, model files and the cache are the server's own settings. "
    "When the server sets SUMMARIZER_SERVICE_TOKEN, every endpoint but /healthz needs "
    "'Authorization: Bearer <token>'. Errors are RFC 7807 problem details "
    "(application/problem+json). Request bodies and reports have size limits "
    "(SUMMARIZER_SERVICE_MAX_BODY_BYTES, SUMMARIZER_SERVICE_MAX_REPORT_CHARS)."
)
NDJSON = "application/x-ndjson"
CSV = "text/csv"


def _version() -> str:
    from .. import __version__

    return __version__


# ---------------------------------------------------------------- OpenAPI helpers


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _problems(*codes: int) -> dict[int | str, dict[str, Any]]:
    text = {
        400: "Bad input: empty, binary or undecodable report, malformed JSON or form",
        401: "Missing or wrong bearer token (only when the server sets one)",
        404: "No such job",
        409: "The job has not finished yet",
        413: "Request body or report too large",
        415: "Unsupported content type",
        422: "Invalid request: unknown or server-only fields, engine not enabled, model not allowed",
        500: "Unexpected server error (details in the server's log only)",
        502: "The engine or its LLM endpoint failed",
    }
    return {
        c: {"description": text[c], "content": {PROBLEM_JSON: {"schema": _ref("Problem")}}}
        for c in codes
    }


def _body(json_model: str, form_model: str) -> dict[str, Any]:
    return {
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": _ref(json_model)},
                "multipart/form-data": {"schema": _ref(form_model)},
            },
        }
    }


def _form_schema(title: str, file_field: str, many: bool, description: str) -> dict[str, Any]:
    """A multipart body: the file part(s) and the options as text fields (a form has no null:
    leave a field out instead)."""
    props: dict[str, Any] = {}
    file_schema: dict[str, Any] = {"type": "string", "format": "binary"}
    props[file_field] = (
        {"type": "array", "items": file_schema, "minItems": 1} if many else file_schema
    )
    for name, prop in Options.model_json_schema()["properties"].items():
        branches = [b for b in prop.get("anyOf", [prop]) if b.get("type") != "null"]
        field = {k: v for k, v in branches[0].items()}
        if "description" in prop:
            field["description"] = prop["description"]
        props[name] = field
    if not many:
        props["name"] = {
            "type": "string",
            "maxLength": 255,
            "description": "Default: the file name.",
        }
    return {
        "title": title,
        "type": "object",
        "description": description,
        "properties": props,
        "required": [file_field],
        "additionalProperties": False,
    }


def build_openapi(app: FastAPI) -> dict[str, Any]:
    """The spec: FastAPI's, plus the hand-parsed request bodies and the problem schema."""
    from pydantic.json_schema import models_json_schema

    spec = get_openapi(
        title=TITLE,
        version=_version(),
        description=DESCRIPTION,
        routes=app.routes,
    )
    _, defs = models_json_schema(
        [
            (SummaryRequest, "validation"),
            (JobRequest, "validation"),
            (Problem, "serialization"),
            (ReportSummary, "serialization"),
            (JobStatus, "serialization"),
            (JobProgress, "serialization"),
        ],
        ref_template="#/components/schemas/{model}",
    )
    components = spec.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    for name, schema in defs.get("$defs", {}).items():
        schemas.setdefault(name, schema)  # FastAPI's own rendering of a shared model wins
    schemas["SummaryUpload"] = _form_schema(
        "SummaryUpload", "file", False, "One report file (.txt, .html, .docx or .pdf)."
    )
    schemas["JobUpload"] = _form_schema(
        "JobUpload", "files", True, "Report files (.txt, .html, .docx or .pdf), one part each."
    )
    for name in list(schemas):
        if name in ("HTTPValidationError", "ValidationError"):
            del schemas[name]
    components["securitySchemes"] = {
        "bearer": {
            "type": "http",
            "scheme": "bearer",
            "description": "Needed only when the server sets SUMMARIZER_SERVICE_TOKEN.",
        }
    }
    for path, item in spec.get("paths", {}).items():
        for op in item.values():
            op["security"] = [] if path == "/healthz" else [{"bearer": []}, {}]
    return spec


# ---------------------------------------------------------------- request parsing


async def _json(request: Request) -> Any:
    body = await request.body()
    try:
        return json.loads(body)
    except UnicodeDecodeError as exc:
        raise ServiceProblem(
            400, "bad-input", f"the request body is not UTF-8 JSON ({exc.reason})"
        ) from None
    except json.JSONDecodeError as exc:
        raise ServiceProblem(
            400,
            "bad-input",
            f"malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}",
        ) from None


def _validate(model: type[M], data: Any) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        detail, items = explain_validation(exc.errors(include_input=False))
        raise ServiceProblem(422, "invalid-request", detail, errors=items) from None


def _media(request: Request) -> str:
    return request.headers.get("content-type", "").split(";", 1)[0].strip().lower()


def _unsupported(request: Request, file_field: str) -> ServiceProblem:
    got = _media(request) or "no Content-Type"
    return ServiceProblem(
        415,
        "unsupported-media-type",
        f"cannot read a request body of {got}: send application/json, or multipart/form-data "
        f"with the report in a {file_field!r} part",
    )


async def _form(
    request: Request, file_field: str, max_files: int
) -> tuple[list[UploadFile], dict[str, str]]:
    """Files under ``file_field`` and the other (text) fields of a multipart body."""
    form = await request.form(max_files=max_files, max_fields=20, max_part_size=64 * 1024)
    files: list[UploadFile] = []
    fields: dict[str, str] = {}
    for key, value in form.multi_items():
        if isinstance(value, UploadFile) or not isinstance(value, str):
            if key != file_field:
                raise ServiceProblem(
                    422,
                    "invalid-request",
                    f"{key}: unexpected file part; put the report in {file_field!r}",
                )
            files.append(value)
        elif key == file_field:
            raise ServiceProblem(
                422,
                "invalid-request",
                f"{file_field}: must be a file part (with a filename), not a text field",
            )
        elif key in fields:
            raise ServiceProblem(422, "invalid-request", f"{key}: given more than once")
        else:
            fields[key] = value
    if not files:
        raise ServiceProblem(
            422, "invalid-request", f"{file_field}: required; attach the report file"
        )
    return files, fields


def _iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


# ---------------------------------------------------------------- the app


def create_app(
    settings: ServiceSettings | None = None,
    *,
    engine_settings: Settings | None = None,
    engine_factory: EngineFactory | None = None,
) -> FastAPI:
    """Build the app. ``settings`` default to ``SUMMARIZER_SERVICE_*``; ``engine_settings`` to
    the ordinary settings (``SUMMARIZER_*``, the config file) when a non-rules engine is
    enabled; ``engine_factory(name, model)`` replaces how engines are built (tests).

    The job store opens and the worker starts with the app's lifespan (startup), which also
    puts reports left ``running`` by a stopped server back to ``pending``.
    """
    service = settings or load_service_settings()
    pool = EnginePool(service, engine_settings, engine_factory)
    token = service.token.get_secret_value() if service.token else None
    scrub = Scrubber([*pool.secrets(), token])

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        runtime = Runtime(service, pool, scrub)
        store = JobStore(service.db_path())
        worker = Worker(store, runtime, service.concurrency)
        app.state.runtime, app.state.store, app.state.worker = runtime, store, worker
        worker.start()
        try:
            yield
        finally:
            await worker.stop()
            await pool.aclose()
            store.close()

    app = FastAPI(
        title=TITLE,
        version=_version(),
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url="/docs",
        redoc_url=None,
    )
    app.state.service = service
    app.state.pool = pool
    app.state.scrub = scrub

    # ------------------------------------------------------------ error handlers

    async def on_library_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, SummarizerError)
        return render_problem(problem_of(exc, scrub))

    async def on_problem(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ServiceProblem)
        body = problem(exc.status, exc.kind, exc.detail, scrub=scrub, errors=exc.errors)
        return render_problem(body, exc.headers)

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        errors = list(exc.errors())
        if any(e.get("type") == "json_invalid" for e in errors):
            ctx = next(e for e in errors if e.get("type") == "json_invalid").get("ctx") or {}
            why = ctx.get("error", "invalid JSON")
            return render_problem(problem(400, "bad-input", f"malformed JSON: {why}", scrub=scrub))
        detail, items = explain_validation(errors)
        return render_problem(problem(422, "invalid-request", detail, scrub=scrub, errors=items))

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        status = exc.status_code
        if status == 404:
            detail, kind = f"no such endpoint: {request.method} {request.url.path}", "not-found"
        elif status == 405:
            detail, kind = (
                f"{request.method} is not allowed on {request.url.path}",
                "method-not-allowed",
            )
        else:
            detail, kind = str(exc.detail), "bad-input" if status == 400 else "http-error"
        headers = dict(exc.headers or {})
        return render_problem(problem(status, kind, detail, scrub=scrub), headers)

    async def on_crash(request: Request, exc: Exception) -> Response:  # pragma: no cover - Guard
        log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
        return render_problem(problem(500, "internal", "internal server error"))

    app.add_exception_handler(SummarizerError, on_library_error)
    app.add_exception_handler(ServiceProblem, on_problem)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(Exception, on_crash)
    app.add_middleware(Guard, token=token, max_body_bytes=service.max_body_bytes, scrub=scrub)

    def runtime_of(request: Request) -> Runtime:
        runtime: Runtime = request.app.state.runtime
        return runtime

    # ------------------------------------------------------------ routes

    @app.get("/healthz", response_model=Health, tags=["service"])
    async def healthz() -> dict[str, str]:
        """Liveness probe; never needs the token."""
        return {"status": "ok"}

    @app.get(
        "/v1/engines",
        response_model=EnginesInfo,
        tags=["service"],
        responses=_problems(401),
    )
    async def engines() -> EnginesInfo:
        """The engines and models a client may choose (the first engine is the default)."""
        infos = []
        for name in pool.enabled:
            models = pool.models if name == "llm" else []
            infos.append(
                {"name": name, "models": models, "default_model": models[0] if models else None}
            )
        return EnginesInfo.model_validate({"default": pool.default, "engines": infos})

    @app.post(
        "/v1/summaries",
        tags=["summaries"],
        response_model=None,
        responses={
            200: {
                "description": "The report's summary",
                "content": {"application/json": {"schema": _ref("ReportSummary")}},
            },
            **_problems(400, 401, 413, 415, 422, 500, 502),
        },
        openapi_extra=_body("SummaryRequest", "SummaryUpload"),
    )
    async def post_summary(request: Request) -> Response:
        """Summarise one report: JSON ``{"text": ...}`` or a multipart upload (part ``file``).

        Returns the ``ReportSummary`` (schema_version "1"), checked against the source.
        """
        media = _media(request)
        if media == "application/json":
            req = _validate(SummaryRequest, await _json(request))
            data, name = req.text.encode("utf-8"), req.name
            options: Options = req
        elif media == "multipart/form-data":
            files, fields = await _form(request, "file", 1)
            name = fields.pop("name", None)
            options = _validate(Options, fields)
            upload = files[0]
            data = await upload.read()
            name = name or upload.filename or None
        else:
            raise _unsupported(request, "file")
        engine, model = pool.choose(options.engine, options.model)
        summary = await runtime_of(request).summarize(
            data, name=name, engine=engine, model=model, region=options.region, year=options.year
        )
        return Response(summary.model_dump_json(), media_type="application/json")

    @app.post(
        "/v1/checks",
        tags=["summaries"],
        response_model=CheckResult,
        responses=_problems(400, 401, 413, 415, 422, 500),
    )
    async def post_check(body: CheckRequest) -> CheckResult:
        """Check every number of a summary against its source text (like ``summarizer check``).

        Violations are reported in the result with status 200.
        """
        from ..api import check
        from ..ingest import load_report

        report = load_report(body.source.encode("utf-8"), name="source")
        return await asyncio.to_thread(check, body.summary, report.text)

    @app.post(
        "/v1/jobs",
        tags=["jobs"],
        status_code=202,
        response_model=JobCreated,
        responses=_problems(400, 401, 413, 415, 422, 500),
        openapi_extra=_body("JobRequest", "JobUpload"),
    )
    async def post_job(request: Request) -> Response:
        """Queue many reports (JSON ``{"reports": [{"name", "text"}, ...]}`` or multipart
        ``files``); poll ``GET /v1/jobs/{id}``. Accepted work survives a server restart."""
        media = _media(request)
        limit = service.max_job_reports
        reports: list[NewReport] = []
        if media == "application/json":
            req = _validate(JobRequest, await _json(request))
            if len(req.reports) > limit:
                raise _too_many(len(req.reports), limit)
            options: Options = req
            for i, r in enumerate(req.reports):
                reports.append(
                    NewReport(
                        name=r.name or f"report-{i + 1}",
                        data=r.text.encode("utf-8"),
                        region=r.region if r.region is not None else req.region,
                        year=r.year if r.year is not None else req.year,
                    )
                )
        elif media == "multipart/form-data":
            files, fields = await _form(request, "files", limit + 1)
            if len(files) > limit:
                raise _too_many(len(files), limit)
            options = _validate(Options, fields)
            for i, upload in enumerate(files):
                name = upload.filename or f"report-{i + 1}"
                reports.append(NewReport(name, await upload.read(), options.region, options.year))
        else:
            raise _unsupported(request, "files")
        engine, model = pool.choose(options.engine, options.model)
        store: JobStore = request.app.state.store
        job_id = store.create(engine, model, reports)
        request.app.state.worker.wake()
        body = JobCreated(id=job_id, state="pending", total=len(reports))
        return Response(
            body.model_dump_json(),
            status_code=202,
            media_type="application/json",
            headers={"Location": f"/v1/jobs/{job_id}"},
        )

    def job_or_404(request: Request, job_id: str) -> JobRow:
        store: JobStore = request.app.state.store
        job = store.job(job_id)
        if job is None:
            raise ServiceProblem(404, "not-found", f"no job {job_id!r} on this server")
        return job

    @app.get(
        "/v1/jobs/{job_id}",
        tags=["jobs"],
        response_model=None,
        responses={
            200: {
                "description": "The job",
                "content": {"application/json": {"schema": _ref("JobStatus")}},
            },
            **_problems(401, 404, 422, 500),
        },
    )
    async def get_job(request: Request, job_id: str) -> Response:
        """A job's state (pending, running, done), progress, and each report's summary or
        error (problem details)."""
        job = job_or_404(request, job_id)
        store: JobStore = request.app.state.store
        reports = []
        for row in store.reports(job_id):
            reports.append(
                {
                    "index": row.idx,
                    "name": row.name,
                    "state": row.state,
                    "summary": json.loads(row.result) if row.result else None,
                    "error": row.error,
                }
            )
        return JSONResponse({**job_progress(job), "reports": reports})

    def job_progress(job: JobRow) -> dict[str, Any]:
        return {
            "id": job.id,
            "state": job.state,
            "engine": job.engine,
            "model": job.model,
            "created": _iso(job.created),
            "updated": _iso(job.updated),
            "progress": {"total": job.total, **job.counts},
        }

    @app.get(
        "/v1/jobs/{job_id}/status",
        tags=["jobs"],
        response_model=None,
        responses={
            200: {
                "description": "The job's state and counts",
                "content": {"application/json": {"schema": _ref("JobProgress")}},
            },
            **_problems(401, 404, 422, 500),
        },
    )
    async def get_job_status(request: Request, job_id: str) -> Response:
        """A job's state and counts (total, pending, running, done, failed), without the
        summaries: cheap to poll for a large job; fetch the results when it is done."""
        return JSONResponse(job_progress(job_or_404(request, job_id)))

    @app.get(
        "/v1/jobs/{job_id}/results",
        tags=["jobs"],
        response_model=None,
        responses={
            200: {
                "description": "One summary per line (jsonl), or the CSV panel of every target",
                "content": {
                    NDJSON: {"schema": {"type": "string"}},
                    CSV: {"schema": {"type": "string"}},
                },
            },
            **_problems(401, 404, 409, 422, 500),
        },
    )
    async def get_results(
        request: Request,
        job_id: str,
        format: Literal["jsonl", "csv"] = Query("jsonl", description="jsonl or csv"),
    ) -> Response:
        """The summaries of a finished job, in submission order (failed reports are left out:
        their errors are in ``GET /v1/jobs/{id}``)."""
        job = job_or_404(request, job_id)
        if job.state != "done":
            finished = job.counts["done"] + job.counts["failed"]
            raise ServiceProblem(
                409,
                "job-not-finished",
                f"job {job_id} has not finished ({finished} of {job.total} reports); poll "
                f"GET /v1/jobs/{job_id} until its state is done",
            )
        store: JobStore = request.app.state.store
        rows = store.reports(job_id, states=("done",))
        disposition = {"Content-Disposition": f'attachment; filename="job-{job_id}.{format}"'}
        if format == "jsonl":
            text = "".join(row.result + "\n" for row in rows if row.result)
            return Response(text, media_type=NDJSON, headers=disposition)
        from ..render import render

        summaries = [ReportSummary.model_validate_json(row.result) for row in rows if row.result]
        text = render(summaries, "csv", many=True)
        return Response(text, media_type=f"{CSV}; charset=utf-8", headers=disposition)

    def custom_openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = build_openapi(app)
        return app.openapi_schema

    app.openapi = custom_openapi  # type: ignore[method-assign]
    return app


def _too_many(n: int, limit: int) -> ServiceProblem:
    return ServiceProblem(
        413,
        "too-many-reports",
        f"the job has {n} reports; this server accepts at most {limit} per job "
        "(SUMMARIZER_SERVICE_MAX_JOB_REPORTS): split it into several jobs",
    )


def openapi_spec() -> dict[str, Any]:
    """The OpenAPI spec of the app (independent of the server's settings)."""
    return create_app(ServiceSettings(engines=["rules"], db=":memory:")).openapi()


def run_server(host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the service with uvicorn until interrupted (``summarizer serve``)."""
    import uvicorn

    service = load_service_settings()
    app = create_app(service)
    JobStore(service.db_path()).close()  # a job store that cannot open fails here, not in uvicorn
    logging.basicConfig(level=logging.INFO, format="%(levelname)s:     %(name)s: %(message)s")
    if service.token is None and host not in ("127.0.0.1", "localhost", "::1"):
        log.warning(
            "listening on %s without a token: anyone who can reach it can use the engines; "
            "set SUMMARIZER_SERVICE_TOKEN",
            host,
        )
    log.info("engines: %s; jobs in %s", ", ".join(service.engines), service.db_path())
    uvicorn.run(app, host=host, port=port, log_level="info", proxy_headers=False)


__all__ = ["build_openapi", "create_app", "openapi_spec", "run_server"]
