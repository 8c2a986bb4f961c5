"""schemas/ is generated from the pydantic models; this fails when they drift apart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer.models import json_schemas

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"


@pytest.mark.parametrize("name", sorted(json_schemas()))
def test_schema_file_matches_models(name: str) -> None:
    on_disk = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    assert on_disk == json_schemas()[name], f"schemas/{name} is stale: run scripts/export-schemas"


def test_summary_schema_names_the_contract_fields() -> None:
    schema = json_schemas()["report_summary.schema.json"]
    props = schema["properties"]
    assert set(props) == {
        "schema_version", "source", "meta", "sections", "targets", "qualitative_targets",
        "priorities", "projects", "outcomes", "checks",
    }  # fmt: skip
    target = schema["$defs"]["Target"]["properties"]
    for field in ("indicator", "key", "measure", "value", "value_max", "unit", "qualifier", "direction",
                  "scope", "section", "quote", "start", "end", "value_start", "value_end"):  # fmt: skip
        assert field in target
