"""Property-based API test: schemathesis generates requests from the OpenAPI spec (valid and
invalid) and sends them to the ASGI app; no response may be a server error, and every response
must conform to the spec (status codes, content types, schemas)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed")
schemathesis = pytest.importorskip("schemathesis", reason="the server extra is not installed")

from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance  # noqa: E402

from summarizer.service import ServiceSettings, create_app  # noqa: E402

# Loaded at import (schemathesis' lazy fixture loader does not work with this pytest); the
# app's lifespan (job store, worker) runs on schemathesis' portal thread until exit.
_DB = tempfile.TemporaryDirectory(prefix="summarizer-schemathesis-", ignore_cleanup_errors=True)
APP = create_app(
    ServiceSettings(
        db=str(Path(_DB.name) / "jobs.sqlite3"), max_body_bytes=256 * 1024, max_report_chars=20_000
    )
)
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_and_never_fails(case: Any) -> None:
    # Every check but positive_data_acceptance: a schema-valid body can still hold a bad report
    # (empty, whitespace, binary, page chrome only), refused with 400 as the CLI exits 2. For
    # multipart bodies negative_data_rejection is off too: a form field is always text, so a
    # "schema-violating" boolean false arrives as the valid string "false".
    excluded = [positive_data_acceptance]
    if case.media_type == "multipart/form-data":
        excluded.append(negative_data_rejection)
    case.call_and_validate(excluded_checks=excluded)


def test_spec_is_the_exported_one() -> None:
    root = Path(__file__).resolve().parent.parent
    exported = json.loads((root / "schemas" / "openapi.json").read_text(encoding="utf-8"))
    assert schema.raw_schema == exported
