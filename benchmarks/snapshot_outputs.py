"""Dump the rules pipeline's full JSON summaries of every known report, for byte-for-byte
comparison before and after a change that must not alter outputs (e.g. a speed-up).

    python benchmarks/snapshot_outputs.py OUT_DIR            # write OUT_DIR/<set>/<name>.json
    python benchmarks/snapshot_outputs.py OUT_DIR --compare REF_DIR   # also diff against REF_DIR

Reports: the shared corpus/*.txt and seeds/*.txt, evals/fixtures/*.txt and
evals/corpus/fixtures/*.txt (whichever exist). ``meta.seconds`` (wall time) is zeroed; every other
field is kept. Exit status 1 when --compare finds a difference.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from summarizer.engines.rules import RulesEngine
from summarizer.ingest import load_report
from summarizer.pipeline import run, summarize_report

ROOT = Path(__file__).resolve().parent.parent
# The shared folder sits beside the main checkout, or one level up from a worktree in wt/.
SHARED = [ROOT.parent / "shared", ROOT.parent.parent / "shared"]
SETS = {
    "corpus": [d / "corpus" for d in SHARED],
    "seeds": [d / "seeds" for d in SHARED],
    "fixtures": [ROOT / "evals" / "fixtures"],
    "evals_corpus": [ROOT / "evals" / "corpus" / "fixtures"],
}


def _sets() -> dict[str, list[Path]]:
    found: dict[str, list[Path]] = {}
    for name, folders in SETS.items():
        for folder in folders:
            files = sorted(folder.glob("*.txt"))
            if files:
                found[name] = files
                break
    return found


def snapshot(out: Path) -> int:
    engine = RulesEngine()
    n = 0
    for name, files in _sets().items():
        (out / name).mkdir(parents=True, exist_ok=True)
        for path in files:
            summary = run(summarize_report(load_report(path), engine))
            data = summary.model_dump(mode="json")
            data["meta"]["seconds"] = 0.0
            text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
            (out / name / f"{path.stem}.json").write_text(text + "\n", encoding="utf-8")
            n += 1
    return n


def compare(out: Path, ref: Path) -> list[str]:
    mine = {p.relative_to(out) for p in out.rglob("*.json")}
    theirs = {p.relative_to(ref) for p in ref.rglob("*.json")}
    diffs = [f"only in {ref}: {p}" for p in sorted(theirs - mine)]
    diffs += [f"only in {out}: {p}" for p in sorted(mine - theirs)]
    diffs += [
        f"differs: {p}"
        for p in sorted(mine & theirs)
        if (out / p).read_bytes() != (ref / p).read_bytes()
    ]
    return diffs


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[1].startswith("-"):
        raise SystemExit(__doc__)
    out = Path(argv[1])
    n = snapshot(out)
    print(f"{n} summaries written to {out}")
    if "--compare" in argv:
        ref = Path(argv[argv.index("--compare") + 1])
        diffs = compare(out, ref)
        for d in diffs:
            print(d)
        print("identical" if not diffs else f"{len(diffs)} difference(s)")
        return 1 if diffs else 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
