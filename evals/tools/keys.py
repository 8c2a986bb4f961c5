#!/usr/bin/env python3
"""How well the taxonomy keys the real reports: run the rules engine over ../shared/corpus and
print the share of headline and section targets that carry a key, every ``(key, measure)``
pair whose numbers mix units of different dimensions (% vs 亿元 vs 个: one panel variable must
hold one kind of number), and the most frequent unkeyed indicators (where to grow the
taxonomy next).

    python evals/tools/keys.py [--corpus DIR] [--top 40] [--outcomes]

``--outcomes`` also lists the keyed share of outcomes; mixed pairs always cover targets and
outcomes. Exit status 1 when a goal is missed (headline >= 90%, section >= 60%, no mixed pair).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from summarizer import summarize_file  # noqa: E402
from summarizer.measures import unit_dimension  # noqa: E402

HEADLINE_GOAL, SECTION_GOAL = 0.90, 0.60


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--outcomes", action="store_true")
    args = ap.parse_args(argv)
    corpus = Path(args.corpus)
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    keyed: Counter[str] = Counter()
    total: Counter[str] = Counter()
    unkeyed: Counter[tuple[str, str]] = Counter()
    units: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    examples: dict[tuple[str, str, str], str] = {}
    for item in manifest:
        summary = summarize_file(corpus / item["file"], engine="rules")
        rows = [(t.scope, t) for t in summary.targets]
        rows += [("outcome", o) for o in summary.outcomes]
        for scope, t in rows:
            total[scope] += 1
            if t.key:
                keyed[scope] += 1
                dim = unit_dimension(t.unit)
                units[(t.key, t.measure)][dim] += 1
                examples.setdefault((t.key, t.measure, dim), f"{t.indicator} {t.value:g}{t.unit}")
            elif scope != "outcome" or args.outcomes:
                unkeyed[(scope, t.indicator)] += 1
    failed = False
    for scope, goal in (("headline", HEADLINE_GOAL), ("section", SECTION_GOAL), ("outcome", None)):
        if scope == "outcome" and not args.outcomes:
            continue
        share = keyed[scope] / total[scope] if total[scope] else 0.0
        mark = "" if goal is None else ("  ok" if share >= goal else f"  BELOW {goal:.0%}")
        failed |= goal is not None and share < goal
        print(f"{scope:9} keyed {keyed[scope]:5}/{total[scope]:<5} {share:6.1%}{mark}")
    mixed = {pair: dims for pair, dims in units.items() if len(dims) > 1}
    print(f"\nmixed (key, measure) pairs: {len(mixed)}")
    for (key, measure), dims in sorted(mixed.items()):
        shown = ", ".join(
            f"{d or '(none)'} ×{n} e.g. {examples[(key, measure, d)]}"
            for d, n in dims.most_common()
        )
        print(f"  {key}.{measure}: {shown}")
    failed |= bool(mixed)
    print(f"\nmost frequent unkeyed indicators (top {args.top}):")
    for (scope, indicator), n in unkeyed.most_common(args.top):
        print(f"  {n:4}  {scope:8} {indicator}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
