#!/usr/bin/env python3
"""Write evals/corpus.yaml from the corpus gold files (one case per file, tagged by split).

python evals/tools/corpus_suite.py
"""

from __future__ import annotations

import json
from pathlib import Path

EVALS = Path(__file__).resolve().parents[1]

HEADER = """\
# Development corpus: real reports (county, district, provincial; 2012-2026) with gold written
# by hand (evals/corpus/README.md). Cases are tagged `tune` (rules may be studied on them) or
# `check` (only scored): `summarizer eval evals/corpus.yaml --tag check`. Written by
# evals/tools/corpus_suite.py from the gold files; thresholds are the issue's goals.
name: corpus
description: real reports never used as seeds, split by place into a tuning and a check half
engines: [rules]
tolerance: 0.02
overall_thresholds:
  headline_targets.f1: ">= 0.98"
  priorities.count_exact: ">= 0.95"
  priorities.title_match: ">= 0.95"
  meta.region_accuracy: ">= 0.9"
  meta.region_wrong: "<= 0"
  meta.year_accuracy: ">= 0.95"
  section_targets.f1: ">= 0.95"
  projects.f1: ">= 0.8"
  violations_per_report: "<= 0"
cases:
"""


def main() -> None:
    lines = [HEADER]
    for path in sorted((EVALS / "corpus" / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        level = "full" if {"section", "projects"} <= set(gold["annotated"]) else "headline"
        lines.append(
            f"  - id: {path.stem}\n"
            f"    fixture: {gold['fixture']}\n"
            f"    gold: corpus/gold/{path.name}\n"
            f"    tags: [{gold['split']}, {level}]\n"
        )
    (EVALS / "corpus.yaml").write_text("".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
