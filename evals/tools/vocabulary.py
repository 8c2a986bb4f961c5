#!/usr/bin/env python3
"""Vocabulary audit: for every word of the rules engine's word lists, in how many places of the
development corpus (outside the seeds) it occurs.

    python evals/tools/vocabulary.py [CORPUS_DIR]      # default: ../shared/corpus

The project's rule: a word joins a list only as a closed-class word of the genre or when
reports from at least two places outside the seeds use it. Words below two places are listed
first; a word marked closed-class in the list's comment may stay.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from summarizer.engines import (  # noqa: E402
    indicator_words,
    project_details,
    project_filters,
    project_tables,
    projects,
    qualitative,
)

# Closed-class words of the genre, allowed below two places: the bound words of the format's
# qualifier list and the comparison phrases of a change (比上年 / 较上年).
CLOSED = {"不超过", "不低于", "较上年", "比上年"}

LISTS = {
    "indicator_words._ACTION": indicator_words._ACTION,
    "indicator_words._LEAD_WORDS": indicator_words._LEAD_WORDS,
    "qualitative._QUAL_PRED": qualitative._QUAL_PRED,
    "indicator_words._TRAILING": indicator_words._TRAILING,
    "indicator_words._TASK_LEAD": indicator_words._TASK_LEAD,
    "qualitative.PAST": qualitative.PAST,
}
for module in (projects, project_details, project_filters, project_tables):
    name = module.__name__.rpartition(".")[2]
    LISTS.update({f"{name}.{k}": v for k, v in vars(module).items() if isinstance(v, re.Pattern)})


def words(pattern: re.Pattern[str]) -> list[str]:
    """The literal alternatives of a regex (groups, anchors and classes dropped)."""
    src = re.sub(r"\(\?[:=!<]+|[()^$+*?]|\{\d*,?\d*\}|\[[^\]]*\]|\\.", "|", pattern.pattern)
    return sorted(
        {w for w in src.split("|") if len(w) >= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", w)}
    )


def main(argv: list[str]) -> None:
    corpus = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared" / "corpus"
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    texts: dict[str, str] = {}
    for item in manifest:
        texts[item["place"]] = texts.get(item["place"], "") + (corpus / item["file"]).read_text(
            encoding="utf-8"
        )
    for name, pattern in LISTS.items():
        ws = words(pattern)
        if not ws:
            continue
        counts = {w: sum(w in t for t in texts.values()) for w in ws}
        rare = sorted((c, w) for w, c in counts.items() if c < 2 and w not in CLOSED)
        print(f"{name}: {len(ws)} words, {len(rare)} in fewer than 2 places")
        if rare:
            print("   " + " ".join(f"{w}({c})" for c, w in rare))


if __name__ == "__main__":
    main(sys.argv)
