#!/usr/bin/env python3
"""Where to grow the taxonomy, by the data: the unkeyed targets of the rules engine over
../shared/corpus, grouped by indicator (or by the indicator's last N characters, its head), each
with its count, the number of places (manifest.json) that write it, the measures and unit
dimensions of its numbers and an example.

    python evals/tools/unkeyed.py [--corpus DIR] [--scope section|headline|outcome|all]
                                  [--head N] [--min-places 2] [--top 60] [--grep REGEX]
                                  [--keyed [--by-alias]]

The project's rule for the taxonomy (as for the rules engine's word lists): a key or alias joins
only when indicators from at least two places outside the seeds use it; ``--min-places`` lists
only those. ``--grep`` shows the unkeyed indicators matching a regex (to check a candidate alias
or pattern against every place that writes it). ``--keyed`` lists the keyed items instead, by
key or (``--by-alias``) by the alias or pattern that keyed them: every alias should show two
places. The corpus holds no seed report.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from summarizer import summarize_file  # noqa: E402
from summarizer.engines.base import _name_as_written  # noqa: E402
from summarizer.measures import unit_dimension  # noqa: E402
from summarizer.taxonomy import match_indicator, normalise_indicator  # noqa: E402


def matched(indicator: str, before: str) -> str:
    """``key:alias`` (or ``key:/pattern/``) that keys an item, as ``engines.base.item_key``
    looks it up: the name as written before the number, else the indicator."""
    found = match_indicator(_name_as_written(indicator, before)) or match_indicator(indicator)
    return f"{found[0]}:{found[1]}" if found else "?"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--scope", default="section", choices=["section", "headline", "outcome", "all"])
    ap.add_argument("--head", type=int, default=0, help="group by the last N characters")
    ap.add_argument("--min-places", type=int, default=1)
    ap.add_argument("--top", type=int, default=60)
    ap.add_argument("--grep", help="list the unkeyed indicators matching this regex")
    ap.add_argument("--keyed", action="store_true", help="list keyed items instead (by key)")
    ap.add_argument("--by-alias", action="store_true", help="with --keyed: by the alias matched")
    args = ap.parse_args(argv)
    corpus = Path(args.corpus)
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    count: Counter[str] = Counter()
    places: dict[str, set[str]] = defaultdict(set)
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    example: dict[str, str] = {}
    total = 0
    for item in manifest:
        summary = summarize_file(corpus / item["file"], engine="rules")
        rows = [(t.scope, t) for t in summary.targets] + [("outcome", o) for o in summary.outcomes]
        for scope, t in rows:
            if args.scope not in ("all", scope):
                continue
            total += 1
            if bool(t.key) != args.keyed:
                continue
            name = normalise_indicator(t.indicator)
            if args.keyed and t.key:
                before = t.quote[: max(0, t.value_start - t.start)]
                name = matched(t.indicator, before) if args.by_alias else t.key
            if args.grep and not re.search(args.grep, name):
                continue
            group = name[-args.head :] if args.head else name
            count[group] += 1
            places[group].add(item["place"])
            kinds[group][f"{t.measure}/{unit_dimension(t.unit) or '-'}"] += 1
            example.setdefault(group, f"{t.indicator} {t.value:g}{t.unit} | {t.quote[:50]}")
    shown = [g for g, _ in count.most_common() if len(places[g]) >= args.min_places]
    listed = sum(count[g] for g in shown)
    print(
        f"{args.scope}: {total} items, {sum(count.values())} {'keyed' if args.keyed else 'unkeyed'}; "
        f"{len(shown)} groups in >= {args.min_places} places hold {listed}"
    )
    for g in shown[: args.top]:
        ps = sorted(places[g])
        kind = " ".join(f"{k}×{n}" for k, n in kinds[g].most_common(3))
        where = "、".join(ps[:4]) + ("…" if len(ps) > 4 else "")
        print(f"{count[g]:4} {len(ps):3}p  {g}  [{kind}]  ({where})  e.g. {example[g]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
