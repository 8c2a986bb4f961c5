#!/usr/bin/env python3
"""Damage the corpus reports and check what must hold whatever the text: every quote indexes the
text, the rules engine's output passes its own checker, and two runs give the same summary.

    python evals/tools/damage.py chars  --seed 1 -n 300   # characters swapped, dropped, inserted
    python evals/tools/damage.py layout --seed 2 -n 200   # wraps, escapes, tags, full-width digits

``chars`` inserts words of the number grammar and layout marks next to random positions, drops
runs and swaps characters; ``layout`` rewraps lines, escapes line breaks, indents, flattens,
writes full-width digits, adds page numbers, cuts a stretch or wraps the text in HTML. A failure
prints the file, the kind and the message, and the damaged text is written to ``--out`` (the
temporary folder by default) so that it can be read again. Exit 1 when anything failed.
Found this way (2026-12-08): a trailing bound word read by the engine alone, a numeral run on
from a number, a summary cut inside a number, a name's full-width digits the checker did not
read as the engines do. The test ``tests/test_damaged_numbers.py`` keeps a small, fast part of it.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from summarizer import load_report, summarize  # noqa: E402

FIXTURES = ROOT / "evals" / "corpus" / "fixtures"
WORDS = [
    "以上", "左右", "分别", "增长", "、", "和", "5", "0.5", "万", "亿", "%", "个", "达到", "不低于",
    "力争", "以内", "（名义）", "(", ")", "—", "-", "~", "至", "到", "年均", "十", "三", "两", "一",
    "\r\n", "\\r\\n", "&nbsp;", "\u3000", "\t", "（一）", "一、", "1.", "2024年", "。", "，", "：",
    "\ufeff", "<p>", "</p>", "**", "## ", "——", "…", "\u200b", "Ⅲ", "①", "“", "”",
]  # fmt: skip


def damage_chars(rng: random.Random, text: str) -> str:
    chars = list(text)
    for _ in range(rng.randint(1, 120)):
        k = rng.randrange(len(chars))
        r = rng.random()
        if r < 0.3:
            del chars[k : k + rng.randint(1, 50)]
        elif r < 0.7:
            chars.insert(k, rng.choice(WORDS))
        else:
            j = rng.randrange(len(chars))
            chars[k], chars[j] = chars[j], chars[k]
    out = "".join(chars)
    return out[rng.randrange(len(out) // 2) :] if rng.random() < 0.2 else out


def _layout_step(rng: random.Random, t: str) -> str:
    r = rng.random()
    if r < 0.15:
        return t.replace("\n", "\\r\\n") if rng.random() < 0.5 else t.replace("\\r\\n", "\n")
    if r < 0.3:
        w = rng.randint(20, 60)
        return "\n".join(
            line[i : i + w] for line in t.split("\n") for i in range(0, max(1, len(line)), w)
        )
    if r < 0.4:
        marks = ["", "\u3000\u3000", "  ", "&nbsp;&nbsp;", "<p>", "**", "## ", "\t"]
        return re.sub("\n", lambda m: "\n" + rng.choice(marks), t)
    if r < 0.5:
        return t.replace("\n", "")
    if r < 0.6:
        return t.translate(str.maketrans("0123456789%.", "０１２３４５６７８９％．"))
    if r < 0.7:
        lines = t.split("\n")
        lines.insert(rng.randrange(len(lines)), f"— {rng.randint(1, 40)} —")
        return "\n".join(lines)
    if r < 0.8:
        return t.replace("，", ",").replace("：", ":").replace("；", ";")
    if r < 0.9:
        a = rng.randrange(len(t))
        return t[:a] + t[min(len(t), a + rng.randint(100, 3000)) :]
    return "<html><body>" + "\n".join(f"<p>{line}</p>" for line in t.split("\n")) + "</body></html>"


def damage_layout(rng: random.Random, text: str) -> str:
    for _ in range(rng.randint(1, 4)):
        text = _layout_step(rng, text)
    return text


def problems(text: str) -> list[str]:
    """What does not hold for the damaged ``text`` (empty when all holds)."""
    out = summarize(text, engine="rules")
    # a string that is an HTML page is read as its text (the API's rule)
    source = load_report(text.encode()).text if "<p>" in text else text
    found = []
    for items in (out.targets, out.projects, out.qualitative_targets, out.outcomes):
        for x in items:
            if source[x.start : x.end] != x.quote:
                found.append(f"quote {x.quote[:30]!r} does not index the text")
    found += [f"violation: {v.message}" for v in out.checks.violations]
    again = summarize(text, engine="rules")
    if again.model_dump(exclude={"meta"}) != out.model_dump(exclude={"meta"}):
        found.append("two runs differ")
    return found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("kind", choices=("chars", "layout"))
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("-n", type=int, default=100, help="damaged reports to try")
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()))
    args = ap.parse_args(argv)
    damage: Callable[[random.Random, str], str] = (
        damage_chars if args.kind == "chars" else damage_layout
    )
    rng = random.Random(args.seed)
    files = sorted(FIXTURES.glob("*.txt"))
    failed = 0
    for i in range(args.n):
        path = rng.choice(files)
        text = damage(rng, load_report(path).text)
        found = problems(text)
        if found:
            failed += 1
            keep = args.out / f"damaged_{args.kind}_{args.seed}_{i}.txt"
            keep.write_text(text, encoding="utf-8")
            print(f"{path.name}: {found[0]} ({len(found)} problem(s); text in {keep})")
    print(f"{args.kind}, seed {args.seed}: {failed} of {args.n} damaged reports failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
