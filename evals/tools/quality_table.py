#!/usr/bin/env python3
"""Print the README's quality table: the rules engine on the seeds, the tuning half and the
check half of the development corpus, side by side (Markdown).

    python evals/tools/quality_table.py
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from summarizer.evals import run_eval_command  # noqa: E402

ROWS = [
    ("headline targets F1", "headline_targets.f1"),
    ("section targets F1", "section_targets.f1"),
    ("qualitative targets F1", "qualitative_targets.f1"),
    (
        "qualifier / direction accuracy",
        ("targets.qualifier_accuracy", "targets.direction_accuracy"),
    ),
    ("priorities: count exact", "priorities.count_exact"),
    ("priorities: titles", "priorities.title_match"),
    ("projects F1", "projects.f1"),
    ("outcomes F1 (reports with outcome gold: {outcome_gold})", "outcomes.f1"),
    ("outcomes: period right (of those matched)", "outcomes.period_accuracy"),
    ("region right (null counts wrong)", "meta.region_accuracy"),
    ("region wrong (a non-null region not the gold's)", "meta.region_wrong"),
    ("year right", "meta.year_accuracy"),
    ("checker violations per report", "violations_per_report"),
]


def _run(suite: str, tags: tuple[str, ...] = ()) -> dict:
    buf = io.StringIO()
    run_eval_command(ROOT / "evals" / suite, engines=["rules"], tags=tags, fmt="json", out=buf)
    return json.loads(buf.getvalue())["runs"][0]["overall"]


def _cell(overall: dict, name: str) -> str:
    metric = overall["metrics"].get(name) or {}
    value = metric.get("value")
    if value is None or "tp 0, fp 0, fn 0" in metric.get("reason", ""):
        return "–"  # nothing annotated or found: no figure
    counts = (
        metric.get("reason", "").split("(")[1].split(")")[0]
        if "(" in metric.get("reason", "")
        else ""
    )
    count = name in ("meta.region_wrong", "violations_per_report")
    shown = f"{value:g}" if count else f"{value:.2f}"
    return f"{shown} ({counts})" if counts and "/" in counts else shown


def main() -> None:
    runs = {
        "seeds (5)": _run("seeds.yaml"),
        "tuning half": _run("corpus.yaml", ("tune",)),
        "check half": _run("corpus.yaml", ("check",)),
    }
    split = {"tune": 0, "check": 0}
    for path in sorted((ROOT / "evals" / "corpus" / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if "outcomes" in gold["annotated"]:
            split[gold["split"]] += 1
    outcome_gold = f"{split['tune']} tuning, {split['check']} check"
    print("| metric | " + " | ".join(runs) + " |")
    print("| --- |" + " --- |" * len(runs))
    for label, names in ROWS:
        if isinstance(names, tuple):
            cells = [" / ".join(_cell(o, n).split(" (")[0] for n in names) for o in runs.values()]
        else:
            cells = [_cell(o, names) for o in runs.values()]
        label = label.format(outcome_gold=outcome_gold)
        print(f"| {label} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
