"""A plain (non-editable) wheel ships prompts/, schemas/ and the data files (taxonomy, project model)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_contains_prompts_schemas_and_data(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path), str(ROOT)],
        check=True, capture_output=True,
    )  # fmt: skip
    (wheel,) = tmp_path.glob("summarizer-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "summarizer/taxonomy.yaml" in names
    # the learned project filter's weights and the generic names it reads
    assert {
        "summarizer/project_model.json",
        "summarizer/generic_names.txt",
        "summarizer/place_names.txt",
    } <= names
    prompts = {p.name for p in (ROOT / "prompts").iterdir() if p.is_file()}
    assert prompts and all(f"summarizer/prompts/{p}" in names for p in prompts)
    schemas = {p.name for p in (ROOT / "schemas").glob("*.json")}
    assert schemas and all(f"summarizer/schemas/{s}" in names for s in schemas)
