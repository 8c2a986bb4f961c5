"""Speed of the numeric core: find_mentions on a 20,000-character report (the seed fixtures
concatenated) and check() of a summary of it. Goal: under 5 ms each. Prints figures only.

    python benchmarks/bench_numbers.py [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from summarizer.checker import check
from summarizer.numbers import find_mentions
from summarizer.wording import clause_bounds, direction_before, qualifier_for

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted((ROOT / "evals" / "fixtures").glob("*.txt"))
GOLD = ROOT / "evals" / "gold"
SIZE = 20_000
_LISTS = ("targets", "qualitative_targets", "priorities", "projects")
_OFFSETS = ("start", "end", "value_start", "value_end", "amount_start", "amount_end")


def _report() -> tuple[str, dict[str, list[dict[str, Any]]]]:
    """The fixtures concatenated (repeated) to SIZE characters, with their gold shifted in."""
    parts: list[str] = []
    summary: dict[str, list[dict[str, Any]]] = {k: [] for k in _LISTS}
    length = 0
    while length < SIZE:
        for path in FIXTURES:
            text = path.read_text(encoding="utf-8")
            gold = GOLD / f"{path.stem}.json"
            if gold.is_file():
                data = json.loads(gold.read_text(encoding="utf-8"))
                for key in _LISTS:
                    for item in data.get(key, []):
                        shifted = dict(item)
                        for k in _OFFSETS:
                            if shifted.get(k) is not None:
                                shifted[k] += length
                        summary[key].append(shifted)
            parts.append(text)
            length += len(text)
    report = "".join(parts)[:SIZE]
    for key in _LISTS:  # drop the items cut off at SIZE
        summary[key] = [x for x in summary[key] if x.get("end", 0) <= SIZE]
    if not any(summary.values()):
        summary["targets"] = _targets_from_mentions(report)
    return report, summary


def _targets_from_mentions(text: str) -> list[dict[str, Any]]:
    """Without gold: one target per quantity, quoted by its clause (what the rules engine does)."""
    out = []
    for m in find_mentions(text):
        if m.kind != "quantity" or m.value is None:
            continue
        cs, ce = clause_bounds(text, m.start)
        out.append({
            "indicator": text[cs:m.start][-8:] or "x", "value": m.value, "value_max": m.value_max,
            "unit": m.unit, "qualifier": qualifier_for(text, m.start, m.end, cs, ce),
            "direction": direction_before(text, m.start, cs)[0], "quote": text[cs:ce],
            "start": cs, "end": ce, "value_start": m.start, "value_end": m.end,
        })  # fmt: skip
    return out


def _time(f: Callable[[], Any], repeat: int) -> tuple[float, float]:
    f()  # warm up
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        f()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs) * 1000, min(runs) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    report, summary = _report()
    mentions = find_mentions(report)
    kinds: dict[str, int] = {}
    for m in mentions:
        kinds[m.kind] = kinds.get(m.kind, 0) + 1
    print(f"report: {len(report)} characters from {len(FIXTURES)} fixtures")
    print(f"mentions: {len(mentions)} ({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))})")
    med, best = _time(lambda: find_mentions(report), args.repeat)
    print(f"find_mentions, 20,000 chars: median {med:.2f} ms, best {best:.2f} ms (goal < 5 ms)")
    seven = report[:7000]
    med7, best7 = _time(lambda: find_mentions(seven), args.repeat)
    print(f"find_mentions, 7,000 chars:  median {med7:.2f} ms, best {best7:.2f} ms (goal < 2 ms)")
    result = check(summary, report)
    counts = ", ".join(f"{k} {len(v)}" for k, v in summary.items())
    print(
        f"summary: {counts}; {result.checked} numeric facts checked, {len(result.violations)} violations"
    )
    med_c, best_c = _time(lambda: check(summary, report), max(20, args.repeat // 4))
    print(f"check, 20,000 chars:         median {med_c:.2f} ms, best {best_c:.2f} ms (goal < 5 ms)")


if __name__ == "__main__":
    main()
