#!/usr/bin/env python3
"""Fill and verify the offsets of the development gold written for corpus reports.

Usage::

    python evals/tools/corpus_gold.py                 # every evals/corpus/gold/*.json, in place
    python evals/tools/corpus_gold.py --check         # verify only; exit 1 if a file would change
    python evals/tools/corpus_gold.py evals/corpus/gold/hailaer_2014.json

Corpus gold (``evals/corpus/gold/<name>.json``, fixture ``evals/corpus/fixtures/<name>.txt``) is
written by hand like the seed gold (conventions: ``evals/README.md``), with two differences that
make it practical for long reports:

* no section paths: ``section`` is ``null`` on targets, qualitative targets and projects (the
  evaluator never compares it), and a priority's ``section`` is ``""``;
* ``annotated`` says which parts of the report the file covers. The evaluator scores only those
  parts, so a report annotated for its headline only is not charged for section targets:

  - ``meta``: ``region`` and ``year`` are given;
  - ``headline``: every target and qualitative target of the 主要预期目标 statement;
  - ``priorities``: this year's work sections, in order (count and titles);
  - ``section``: every section target and section qualitative target of the whole report;
  - ``projects``: every named project of the whole report.

Hints (consumed, like ``locate_gold.py``): ``occurrence`` (the N-th occurrence of the quote in
the text, or after ``after``), ``after`` (a unique string the quote follows), ``value_text`` /
``value_occurrence``, ``amount_text`` / ``amount_occurrence``. A priority is written as
``{"ordinal": N, "title": "..."}`` (plus hints); its span runs from the title to the next
priority's title (the last one: to the end of the text).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

EVALS = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(EVALS.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from locate_gold import (  # noqa: E402
    GoldError,
    check_project_fields,
    check_target_words,
    locate_number,
    taxonomy_keys,
    write_or_check,
)

from summarizer import load_report  # noqa: E402
from summarizer.models import Priority, Project, QualitativeTarget, Target  # noqa: E402

CORPUS = EVALS / "corpus"
PARTS = ("meta", "headline", "priorities", "section", "projects", "outcomes")
PERIOD = re.compile(r"^\d{4}(?:-\d{4})?$")
HINTS = (
    "occurrence",
    "after",
    "value_text",
    "value_occurrence",
    "amount_text",
    "amount_occurrence",
)
TOP_KEYS = [
    "fixture",
    "place",
    "split",
    "region",
    "year",
    "annotated",
    "notes",
    "targets",
    "outcomes",
    "qualitative_targets",
    "priorities",
    "projects",
]


def _find_all(hay: str, needle: str, lo: int = 0) -> list[int]:
    return [lo + m.start() for m in re.finditer(re.escape(needle), hay[lo:])] if needle else []


def _locate(text: str, needle: str, hints: dict, label: str, old: tuple | None = None) -> int:
    """Offset of ``needle`` in ``text`` (after the ``after`` anchor, N-th ``occurrence``)."""
    lo = 0
    if "after" in hints:
        anchor = hints["after"]
        hits = _find_all(text, anchor)
        if len(hits) != 1:
            raise GoldError(f"{label}: 'after' anchor {anchor!r} occurs {len(hits)} times")
        lo = hits[0] + len(anchor)
    if old is not None and "occurrence" not in hints and "after" not in hints:
        s, e = old
        if isinstance(s, int) and isinstance(e, int) and text[s:e] == needle:
            return s
    hits = _find_all(text, needle, lo)
    if not hits:
        raise GoldError(f"{label}: {needle!r} not found" + (" after the anchor" if lo else ""))
    k = hints.get("occurrence", 1)
    if len(hits) > 1 and "occurrence" not in hints:
        raise GoldError(
            f'{label}: {needle!r} occurs {len(hits)} times; add "occurrence" or "after"'
        )
    if not 1 <= k <= len(hits):
        raise GoldError(f"{label}: occurrence {k} out of range (1..{len(hits)})")
    return hits[k - 1]


def process(path: Path) -> dict:
    gold = json.loads(path.read_text(encoding="utf-8"))
    name = path.stem
    extra = set(gold) - set(TOP_KEYS)
    if extra:
        raise GoldError(f"{name}: unknown top-level keys {sorted(extra)}")
    fixture = gold.get("fixture")
    if fixture != f"corpus/fixtures/{name}.txt":
        raise GoldError(f"{name}: fixture must be 'corpus/fixtures/{name}.txt', got {fixture!r}")
    text = load_report(EVALS / fixture).text  # exactly the text offsets index (\r\n kept)
    annotated = gold.get("annotated") or []
    bad = [p for p in annotated if p not in PARTS]
    if bad or not annotated:
        raise GoldError(f"{name}: annotated must be a non-empty subset of {PARTS}, got {annotated}")
    if gold.get("split") not in ("tune", "check"):
        raise GoldError(f"{name}: split must be 'tune' or 'check'")
    known_keys = taxonomy_keys()

    def check_key(item: dict, label: str) -> None:
        if item.get("key") is not None and known_keys is not None and item["key"] not in known_keys:
            raise GoldError(f"{label}: key {item['key']!r} is not in summarizer/taxonomy.yaml")

    def scope_ok(item: dict, label: str) -> None:
        part = "headline" if item.get("scope") == "headline" else "section"
        if part not in annotated:
            raise GoldError(f"{label}: a {part} item, but {part!r} is not in 'annotated'")

    out_targets = []
    for i, raw in enumerate(gold.get("targets", [])):
        item = dict(raw)
        hints = {k: item.pop(k) for k in HINTS if k in item}
        label = f"{name} targets[{i}] {item.get('indicator')!r}"
        item.setdefault("section", None)
        s = _locate(text, item["quote"], hints, label, (item.get("start"), item.get("end")))
        item["start"], item["end"] = s, s + len(item["quote"])
        locate_number(item, hints, text, label, "value", "unit", "value")
        model = Target.model_validate(item)
        check_key(item, label)
        scope_ok(item, label)
        check_target_words(item, label)
        # measure is derived on load (summarizer.measures), never written by hand: not stored
        out_targets.append(model.model_dump(mode="json", exclude={"measure"}))

    out_outcomes = []
    if gold.get("outcomes") and "outcomes" not in annotated:
        raise GoldError(f"{name}: outcomes given but 'outcomes' is not in 'annotated'")
    for i, raw in enumerate(gold.get("outcomes", [])):
        item = dict(raw)
        hints = {k: item.pop(k) for k in HINTS if k in item}
        label = f"{name} outcomes[{i}] {item.get('indicator')!r}"
        item.setdefault("section", None)
        period = item.pop("period", None)
        measure = item.pop("measure", None)
        if not isinstance(period, str) or not PERIOD.match(period):
            raise GoldError(f"{label}: period must be 'YYYY' or 'YYYY-YYYY', got {period!r}")
        if measure not in ("growth", "level", "change", "count"):
            raise GoldError(f"{label}: measure must be growth, level, change or count")
        s = _locate(text, item["quote"], hints, label, (item.get("start"), item.get("end")))
        item["start"], item["end"] = s, s + len(item["quote"])
        locate_number(item, hints, text, label, "value", "unit", "value")
        model = Target.model_validate({**item, "scope": "section"})
        check_key(item, label)
        check_target_words(item, label)
        data = model.model_dump(mode="json")
        del data["scope"]
        out_outcomes.append({**data, "measure": measure, "period": period})

    out_qual = []
    for i, raw in enumerate(gold.get("qualitative_targets", [])):
        item = dict(raw)
        hints = {k: item.pop(k) for k in HINTS if k in item}
        label = f"{name} qualitative_targets[{i}] {item.get('indicator')!r}"
        item.setdefault("section", None)
        item.setdefault("text", item["quote"])
        s = _locate(text, item["quote"], hints, label, (item.get("start"), item.get("end")))
        item["start"], item["end"] = s, s + len(item["quote"])
        model = QualitativeTarget.model_validate(item)
        check_key(item, label)
        scope_ok(item, label)
        if re.search(r"\d", item["text"]):
            raise GoldError(f"{label}: a qualitative target has no number")
        out_qual.append(model.model_dump(mode="json"))

    out_prio: list[dict] = []
    prios = gold.get("priorities", [])
    if prios and "priorities" not in annotated:
        raise GoldError(f"{name}: priorities given but 'priorities' is not in 'annotated'")
    lo = 0
    for i, raw in enumerate(prios):
        item = dict(raw)
        hints = {k: item.pop(k) for k in HINTS if k in item}
        label = f"{name} priorities[{i}] {item.get('title')!r}"
        if item.get("ordinal") != i + 1:
            raise GoldError(f"{label}: ordinal must be {i + 1}")
        if "。" in item["title"]:
            raise GoldError(f"{label}: a title ends before the first 。")
        if "after" not in hints and "occurrence" not in hints:
            hits = _find_all(text, item["title"], lo)
            if not hits:
                raise GoldError(f"{label}: title not found after the previous priority")
            s = hits[0]
        else:
            s = _locate(text, item["title"], hints, label)
        lo = s + len(item["title"])
        item.update(section="", start=s, end=lo)
        item.setdefault("summary", "")
        item.setdefault("measures", [])
        out_prio.append(item)
    for k, item in enumerate(out_prio):
        item["end"] = out_prio[k + 1]["start"] if k + 1 < len(out_prio) else len(text)
        if item["end"] <= item["start"]:
            raise GoldError(f"{name} priorities[{k}]: titles out of order")
        out_prio[k] = Priority.model_validate(item).model_dump(mode="json")

    out_proj = []
    if gold.get("projects") and "projects" not in annotated:
        raise GoldError(f"{name}: projects given but 'projects' is not in 'annotated'")
    for i, raw in enumerate(gold.get("projects", [])):
        item = dict(raw)
        hints = {k: item.pop(k) for k in HINTS if k in item}
        label = f"{name} projects[{i}] {item.get('name')!r}"
        item.setdefault("section", None)
        s = _locate(text, item["quote"], hints, label, (item.get("start"), item.get("end")))
        item["start"], item["end"] = s, s + len(item["quote"])
        check_project_fields(item, hints, text, label)
        out_proj.append(Project.model_validate(item).model_dump(mode="json"))

    for items, key in (
        (out_targets, "indicator"),
        (out_outcomes, "indicator"),
        (out_qual, "indicator"),
        (out_proj, "name"),
    ):
        items.sort(key=lambda it, k=key: (it["start"], it["end"], it[k]))
    seen = set()
    for t in out_targets:
        sig = (t["indicator"], t["value"], t["unit"], t["value_start"])
        if sig in seen:
            raise GoldError(f"{name}: duplicate target {sig}")
        seen.add(sig)
    if "meta" in annotated and "region" not in gold:
        raise GoldError(f"{name}: 'meta' annotated but no region given (null when not said)")
    return {
        "fixture": fixture,
        "place": gold.get("place"),
        "split": gold["split"],
        "region": gold.get("region"),
        "year": gold.get("year"),
        "annotated": [p for p in PARTS if p in annotated],
        **({"notes": gold["notes"]} if gold.get("notes") else {}),
        "targets": out_targets,
        **({"outcomes": out_outcomes} if out_outcomes or "outcomes" in annotated else {}),
        "qualitative_targets": out_qual,
        "priorities": out_prio,
        "projects": out_proj,
    }


def dump(gold: dict) -> str:
    """One item per line: diffs stay readable and the file stays hand-editable."""
    head = [
        f'  "{k}": {json.dumps(gold[k], ensure_ascii=False)}'
        for k in ("fixture", "place", "split", "region", "year", "annotated")
    ]
    if gold.get("notes"):
        notes = gold["notes"] if isinstance(gold["notes"], list) else [gold["notes"]]
        body = ",\n".join(f"    {json.dumps(n, ensure_ascii=False)}" for n in notes)
        head.append(f'  "notes": [\n{body}\n  ]')
    lines = ["{", ",\n".join(head) + ","]
    lists = tuple(
        k
        for k in ("targets", "outcomes", "qualitative_targets", "priorities", "projects")
        if k in gold
    )
    for n, key in enumerate(lists):
        comma = "," if n < len(lists) - 1 else ""
        items = gold[key]
        if not items:
            lines.append(f'  "{key}": []{comma}')
            continue
        lines.append(f'  "{key}": [')
        lines.append(",\n".join(f"    {json.dumps(it, ensure_ascii=False)}" for it in items))
        lines.append(f"  ]{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--check", action="store_true", help="verify only; exit 1 if a file changes")
    args = ap.parse_args(argv)
    files = args.files or sorted((CORPUS / "gold").glob("*.json"))
    status = 0
    for path in files:
        try:
            gold = process(path)
        except (GoldError, ValueError, KeyError) as exc:  # pydantic/JSON errors are ValueErrors
            print(f"ERROR {path}: {exc}", file=sys.stderr)
            status = 2
            continue
        new = dump(gold)
        counts = (
            f"{sum(t['scope'] == 'headline' for t in gold['targets'])} headline, "
            f"{sum(t['scope'] == 'section' for t in gold['targets'])} section targets, "
            f"{len(gold['qualitative_targets'])} qualitative, {len(gold['priorities'])} "
            f"priorities, {len(gold['projects'])} projects; {gold['annotated']}"
        )
        old = path.read_text(encoding="utf-8")
        status = max(status, write_or_check(path, new, old, counts, check=args.check))
    return status


if __name__ == "__main__":
    sys.exit(main())
