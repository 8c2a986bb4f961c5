#!/usr/bin/env python3
"""Fill and verify the character offsets of the hand-written gold annotations.

Usage::

    python evals/tools/locate_gold.py              # every evals/gold/*.json, rewrite in place
    python evals/tools/locate_gold.py --check      # verify only; exit 1 if a file would change
    python evals/tools/locate_gold.py evals/gold/000_yushui.json

The hand-chosen fields (indicator, key, value, unit, qualifier, direction, scope, section, quote,
name, amount, status, title, summary, measures ...) are the source of truth; this script only
computes ``start``/``end``, ``value_start``/``value_end`` and ``amount_start``/``amount_end`` (and
the span of each priority from the section anchors below), then validates every item against the
pydantic models in ``summarizer/models.py`` and checks it against the fixture text.

Locating rules (the script fails loudly, naming the item, when a rule cannot be applied):

* A quote is searched inside the span of the item's ``section`` (whole text when ``section`` is
  null).  Existing offsets are kept when ``text[start:end] == quote`` already holds.  When the
  quote occurs more than once in that span, the item must carry the hint ``"occurrence": N``
  (1-based, counted inside the section span).
* ``value_start``/``value_end`` locate the number and its unit as written inside the quote.  By
  default the script looks for ``<value><unit>`` (``7.5%``, also ``7.5％``).  When the number is
  written otherwise (``100余万平方米``, ``两家``, ``千亿``) or occurs more than once in the quote,
  the item carries ``"value_text": "..."`` and/or ``"value_occurrence": N`` (1-based inside the
  quote).  Projects use ``"amount_text"`` / ``"amount_occurrence"`` the same way.
* Hints are consumed: after a run the item holds exactly the model's fields, and the offsets
  themselves remember the choice (a rerun keeps offsets that still match).

Checks: the model validates; ``text[start:end] == quote``; the value span lies inside the quote
and parses back to ``value``/``value_max``/``unit``; the item lies inside its ``section``, which is
the deepest section containing it; every ``key`` is in ``summarizer/taxonomy.yaml``; ``scope`` is ``headline`` exactly for items inside the
主要预期目标 paragraph; priorities are numbered 1..n over the top-level work sections, their title,
summary and measures are verbatim in their section; every list is sorted by
``(start, end, indicator or name)``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

EVALS = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(EVALS.parent))

from summarizer.models import Priority, Project, QualitativeTarget, Target  # noqa: E402

BOILERPLATE = "本文仅代表作者观点"

# Section anchors per fixture: (path, text at which the section starts, occurrence).  A section
# ends where the next section of the same or a higher level starts, or at the boilerplate / end
# of text; trailing whitespace is not part of it.  Paths and boundaries follow the chunker's
# author (see evals/README.md).
SECTIONS: dict[str, list[tuple[str, str]]] = {
    "000_yushui": [
        ("1", "全区经济社会发展的主要预期目标是"),
        ("2", "一是以“园区”为主引擎"),
        ("2.1", "以设施提档夯实硬件基础。"),
        ("2.2", "以项目倍增筑牢支撑梁柱。"),
        ("2.3", "以产业升级组建上层架构。"),
        ("3", "二是以“城区”为主阵地"),
        ("3.1", "以城市更新夯实硬件基础。"),
        ("3.2", "以提效治理筑牢支撑梁柱。"),
        ("3.3", "以生态文明组建上层架构。"),
    ],
    "001_yuehu": [
        ("1", "今年全区经济社会发展的主要预期目标是"),
        ("2", "(一)以提质增效为主题"),
        ("2.1", "抢抓数字经济发展新机遇。"),
        ("2.2", "构建优质高效服务业新体系。"),
        ("2.3", "重塑现代物流发展新优势。"),
        ("3", "(二)以项目建设为支撑"),
        ("3.1", "科学谋划项目储备。"),
        ("3.2", "大力推动项目建设。"),
        ("3.3", "全力推进招优引强。"),
        ("4", "(三)以深化改革为重点"),
        ("4.1", "深化重点领域改革。"),
        ("4.2", "打造一流营商环境。"),
        ("4.3", "提升科技创新水平。"),
        ("5", "(四)以协同发展为引领"),
        ("5.1", "全力推进城乡融合全域发展。"),
        ("5.2", "聚力推动城市品质全面提升。"),
    ],
    "002_duodao": [
        ("1", "全年工作的预期目标是"),
        ("2", "(一)牢牢把握发展第一要务"),
        ("2.1", "着力打造更具竞争力的产业集群。"),
        ("2.2", "着力培育更具实力的经营主体。"),
        ("2.3", "着力形成更具优势的创新生态。"),
        ("2.4", "着力构建更具韧性的供应链体系。"),
        ("3", "(二)牢牢把握品质第一追求"),
        ("3.1", "致力加快特色小镇建设。"),
        ("3.2", "致力提升城区功能品质。"),
    ],
    "003_duchang": [
        ("1", "二、2024年主要任务"),
        ("1.1", "2024年政府工作的总体要求是"),
        ("1.2", "全县经济社会发展的主要预期目标是"),
        ("1.3", "(一)着力推动集群发展"),
        ("1.3.1", "坚定工业“主心骨”。"),
        ("1.3.2", "决胜项目“主战场”。"),
        ("1.3.3", "筑牢园区“主阵地”。"),
        ("1.4", "(二)着力深化改革创新"),
        ("1.4.1", "以开放发展添活力。"),
    ],
    "004_ruijin": [
        ("1", "今年是党的二十大召开之年"),
        ("2", "今年政府工作的总体要求是"),
        ("3", "主要预期目标是:"),
        ("4", "坚定不移壮集群、筑平台、抓创新"),
        ("4.1", "01\n壮大产业集群"),
        ("4.2", "02\n筑牢发展平台"),
        ("4.3", "03\n强化创新赋能"),
        ("5", "统筹推进“五个振兴”"),
        ("5.1", "01\n巩固拓展脱贫成果"),
        ("5.2", "02\n提升农业质量效益"),
        ("5.3", "03\n实施乡村建设行动"),
        ("6", "点亮红色最靓底色"),
        ("6.1", "01\n做大红培研学产业"),
        ("6.2", "02\n完善旅游要素配套"),
        ("6.3", "03\n打造城市旅游IP"),
        ("7", "围绕打造交通物流中心"),
        ("7.1", "01\n强化基础支撑"),
        ("7.2", "02\n提升功能品质"),
        ("7.3", "03\n促进商贸消费"),
        ("8", "结合打造体教康养中心"),
        ("8.1", "01\n推进体育教育融合发展"),
        ("8.2", "02\n大力发展健康养老事业"),
        ("8.3", "03\n牢牢兜住社会保障底线"),
        ("9", "以更大力度推进改革攻坚"),
        ("9.1", "01\n持续激发改革活力"),
        ("9.2", "02\n牢牢守住生态底线"),
        ("9.3", "03\n坚决维护和谐稳定"),
    ],
}

# The 主要预期目标 paragraph: (first words, last words).  Headline items lie inside it, and only
# they do.
HEADLINE: dict[str, tuple[str, str]] = {
    "000_yushui": ("全区经济社会发展的主要预期目标是", "节能减排完成省下达任务。"),
    "001_yuehu": ("今年全区经济社会发展的主要预期目标是", "节能减排降碳完成省、市下达任务。"),
    "002_duodao": ("全年工作的预期目标是", "增幅高于全市平均水平。"),
    "003_duchang": ("全县经济社会发展的主要预期目标是", "完成市下达目标。"),
    "004_ruijin": ("GDP 增长8.2%以上", "节能减排完成上级下达任务。"),
}

# Sections whose kind is "work" and that are not inside another work section: the priorities.
PRIORITY_SECTIONS: dict[str, list[str]] = {
    "000_yushui": ["2", "3"],
    "001_yuehu": ["2", "3", "4", "5"],
    "002_duodao": ["2", "3"],
    "003_duchang": ["1.3", "1.4"],
    "004_ruijin": ["4", "5", "6", "7", "8", "9"],
}

HINTS = ("occurrence", "value_text", "value_occurrence", "amount_text", "amount_occurrence")
TOP_KEYS = [
    "fixture",
    "region",
    "year",
    "notes",
    "targets",
    "qualitative_targets",
    "priorities",
    "projects",
]


class GoldError(Exception):
    pass


@dataclass
class Span:
    path: str
    start: int
    end: int

    @property
    def level(self) -> int:
        return self.path.count(".") + 1


def section_spans(name: str, text: str) -> dict[str, Span]:
    anchors = SECTIONS[name]
    stop = text.find(BOILERPLATE)
    stop = len(text) if stop < 0 else stop
    starts: list[tuple[str, int]] = []
    for path, anchor in anchors:
        hits = [m.start() for m in re.finditer(re.escape(anchor), text[:stop])]
        if not hits:
            raise GoldError(f"{name}: section anchor {anchor!r} ({path}) not found")
        # "01\n..." markers repeat per section: take the first hit after the previous anchor.
        prev = starts[-1][1] if starts else 0
        after = [h for h in hits if h >= prev]
        if not after:
            raise GoldError(f"{name}: section anchor {anchor!r} ({path}) not after its predecessor")
        starts.append((path, after[0]))
    spans: dict[str, Span] = {}
    for i, (path, start) in enumerate(starts):
        level = path.count(".") + 1
        end = stop
        for later_path, later_start in starts[i + 1 :]:
            if later_path.count(".") + 1 <= level:
                end = later_start
                break
        while end > start and text[end - 1].isspace():
            end -= 1
        spans[path] = Span(path, start, end)
    return spans


def deepest_section(spans: dict[str, Span], start: int, end: int) -> str | None:
    best: Span | None = None
    for span in spans.values():
        if span.start <= start and end <= span.end and (best is None or span.level > best.level):
            best = span
    return best.path if best else None


# --- numbers as written ------------------------------------------------------------------------

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}  # fmt: skip
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_NUM = r"(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)"
_VALUE_RE = re.compile(
    rf"^\s*(?P<a>{_NUM})(?P<yu>[余多])?(?P<u1>[%％])?(?:\s*(?:——|—|–|--|-|~|～|至|到)\s*(?P<b>{_NUM}))?\s*(?P<unit>\S.*)?$"
)


def _cn_to_number(s: str) -> float:
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return float(s)
    total, digit = 0, None
    for ch in s:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            total += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
        else:
            raise ValueError(s)
    return float(total + (digit or 0))


def parse_value_text(s: str) -> tuple[float, float | None, str]:
    """``7.5%`` → (7.5, None, "%"); ``100余万平方米`` → (100, None, "万平方米"); ``两家`` → (2, None, "家")."""
    m = _VALUE_RE.match(s)
    if not m:
        raise ValueError(f"cannot parse {s!r}")
    a = _cn_to_number(m.group("a"))
    b = _cn_to_number(m.group("b")) if m.group("b") else None
    unit = (m.group("unit") or "").replace("％", "%").strip()
    # 余/多 after the scale is not part of the unit either (5万余个 → 5 万个, as 100余万平方米)
    unit = re.sub(r"^(万亿|千万|千亿|百万|百亿|十万|十亿|万|亿|千)?[余多]", r"\1", unit)
    if m.group("u1"):  # 5%—5.5%: the unit written on both ends of a range
        first = m.group("u1").replace("％", "%")
        if b is None:
            unit = first + unit
        elif unit != first:
            raise ValueError(f"cannot parse {s!r}: two units")
    return a, b, unit


def fmt_number(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else repr(float(v))


# --- locating ----------------------------------------------------------------------------------


def _find_all(hay: str, needle: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(needle), hay)] if needle else []


def locate_quote(item: dict, hints: dict, text: str, spans: dict[str, Span], label: str) -> None:
    quote = item["quote"]
    start, end = item.get("start"), item.get("end")
    sec = item.get("section")
    if sec is not None and sec not in spans:
        raise GoldError(f"{label}: unknown section {sec!r}")
    lo, hi = (spans[sec].start, spans[sec].end) if sec else (0, len(text))
    if (
        isinstance(start, int)
        and isinstance(end, int)
        and text[start:end] == quote
        and lo <= start
        and end <= hi
        and "occurrence" not in hints
    ):
        return
    hits = [lo + h for h in _find_all(text[lo:hi], quote)]
    if not hits:
        where = f"section {sec}" if sec else "the text"
        raise GoldError(f"{label}: quote {quote!r} not found in {where}")
    if len(hits) > 1 and "occurrence" not in hints:
        raise GoldError(
            f"{label}: quote {quote!r} occurs {len(hits)} times in section {sec}; "
            'add "occurrence": N'
        )
    k = hints.get("occurrence", 1)
    if not 1 <= k <= len(hits):
        raise GoldError(f"{label}: occurrence {k} out of range (1..{len(hits)})")
    item["start"] = hits[k - 1]
    item["end"] = hits[k - 1] + len(quote)


def locate_number(
    item: dict, hints: dict, text: str, label: str, field: str, unit_field: str, prefix: str
) -> None:
    """Fill ``<prefix>_start``/``<prefix>_end`` for the number ``item[field]`` inside the quote."""
    value, unit = item[field], item[unit_field]
    vmax = item.get("value_max") if field == "value" else None
    s_key, e_key = f"{prefix}_start", f"{prefix}_end"
    q0, q1 = item["start"], item["end"]
    quote = text[q0:q1]
    old_s, old_e = item.get(s_key), item.get(e_key)
    text_hint = hints.get(f"{prefix}_text")
    occ_hint = hints.get(f"{prefix}_occurrence")
    if (
        isinstance(old_s, int)
        and isinstance(old_e, int)
        and q0 <= old_s < old_e <= q1
        and text_hint is None
        and occ_hint is None
    ):
        check_number(text[old_s:old_e], value, vmax, unit, label)
        return
    if text_hint is not None:
        candidates = [text_hint]
    else:
        base = fmt_number(value)
        if vmax is not None:
            base_list = [f"{base}{sep}{fmt_number(vmax)}" for sep in ("—", "-", "–", "~", "至")]
        else:
            base_list = [base]
        candidates = [b + unit for b in base_list]
        if "%" in unit:
            candidates += [b + unit.replace("%", "％") for b in base_list]
    hits: list[tuple[int, str]] = []
    for cand in candidates:
        for h in _find_all(quote, cand):
            # the match must not be the tail of a longer number (e.g. "0个" inside "30个")
            if h > 0 and (quote[h - 1].isdigit() or quote[h - 1] == "."):
                continue
            hits.append((h, cand))
    if not hits:
        raise GoldError(
            f'{label}: number {candidates[0]!r} not found in quote {quote!r}; add "{prefix}_text"'
        )
    if len(hits) > 1 and occ_hint is None:
        raise GoldError(
            f"{label}: number {hits[0][1]!r} occurs {len(hits)} times in quote {quote!r}; "
            f'add "{prefix}_occurrence": N'
        )
    k = occ_hint or 1
    if not 1 <= k <= len(hits):
        raise GoldError(f"{label}: {prefix}_occurrence {k} out of range (1..{len(hits)})")
    h, cand = sorted(hits)[k - 1]
    item[s_key] = q0 + h
    item[e_key] = q0 + h + len(cand)
    check_number(text[item[s_key] : item[e_key]], value, vmax, unit, label)


def check_number(written: str, value: float, vmax: float | None, unit: str, label: str) -> None:
    try:
        a, b, u = parse_value_text(written)
    except ValueError as exc:
        raise GoldError(f"{label}: value span {written!r}: {exc}") from None
    if a != float(value) or (b is None) != (vmax is None) or (b is not None and b != float(vmax)):
        raise GoldError(
            f"{label}: value span {written!r} parses to {a}/{b}, gold says {value}/{vmax}"
        )
    if u != unit:
        raise GoldError(f"{label}: value span {written!r} has unit {u!r}, gold says {unit!r}")


def taxonomy_keys() -> set[str] | None:
    """The canonical keys of summarizer/taxonomy.yaml (None when the module is not there yet)."""
    try:
        from summarizer.taxonomy import indicators
    except ImportError:
        return None
    return {ind.key for ind in indicators()}


# --- per-file processing -----------------------------------------------------------------------


def _pop_hints(item: dict) -> dict:
    return {k: item.pop(k) for k in HINTS if k in item}


def _sort_key(item: dict, name_field: str) -> tuple:
    return (item["start"], item["end"], item[name_field])


def process(path: Path) -> tuple[dict, list[str]]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    name = path.stem
    fixture = gold.get("fixture")
    if fixture != f"fixtures/{name}.txt":
        raise GoldError(f"{path}: fixture must be 'fixtures/{name}.txt', got {fixture!r}")
    text = (EVALS / fixture).read_text(encoding="utf-8")
    spans = section_spans(name, text)
    h0 = text.find(HEADLINE[name][0])
    h1 = text.find(HEADLINE[name][1])
    if h0 < 0 or h1 < 0:
        raise GoldError(f"{name}: headline paragraph anchors not found")
    h1 += len(HEADLINE[name][1])
    notes: list[str] = []

    def check_placement(item: dict, label: str) -> None:
        sec = item.get("section")
        deepest = deepest_section(spans, item["start"], item["end"])
        if sec != deepest:
            raise GoldError(
                f"{label}: section {sec!r}, but the deepest section containing it is {deepest!r}"
            )
        inside = h0 <= item["start"] and item["end"] <= h1
        if "scope" in item and (item["scope"] == "headline") != inside:
            raise GoldError(
                f"{label}: scope {item['scope']!r} but inside headline paragraph = {inside}"
            )

    known_keys = taxonomy_keys()

    def check_key(item: dict, label: str) -> None:
        if item.get("key") is not None and known_keys is not None and item["key"] not in known_keys:
            raise GoldError(f"{label}: key {item['key']!r} is not in summarizer/taxonomy.yaml")

    out_targets = []
    for i, raw in enumerate(gold.get("targets", [])):
        item = dict(raw)
        hints = _pop_hints(item)
        label = f"{name} targets[{i}] {item.get('indicator')!r}"
        locate_quote(item, hints, text, spans, label)
        locate_number(item, hints, text, label, "value", "unit", "value")
        model = Target.model_validate(item)
        check_placement(item, label)
        check_key(item, label)
        check_target_words(item, label)
        # measure is derived on load (summarizer.measures), never written by hand: not stored
        out_targets.append(model.model_dump(mode="json", exclude={"measure"}))

    out_qual = []
    for i, raw in enumerate(gold.get("qualitative_targets", [])):
        item = dict(raw)
        hints = _pop_hints(item)
        label = f"{name} qualitative_targets[{i}] {item.get('indicator')!r}"
        locate_quote(item, hints, text, spans, label)
        model = QualitativeTarget.model_validate(item)
        check_placement(item, label)
        check_key(item, label)
        if re.search(r"\d", item["text"]):
            raise GoldError(f"{label}: a qualitative target has no number")
        out_qual.append(model.model_dump(mode="json"))

    out_prio = []
    expected = PRIORITY_SECTIONS[name]
    prios = gold.get("priorities", [])
    if [p.get("section") for p in prios] != expected:
        raise GoldError(f"{name}: priorities must cover sections {expected} in order")
    for i, raw in enumerate(prios):
        item = dict(raw)
        _pop_hints(item)
        label = f"{name} priorities[{i}] {item.get('title')!r}"
        if item.get("ordinal") != i + 1:
            raise GoldError(f"{label}: ordinal must be {i + 1}")
        span = spans[item["section"]]
        item["start"], item["end"] = span.start, span.end
        body = text[span.start : span.end]
        first_line = body.split("\n", 1)[0]
        if item["title"] not in first_line:
            raise GoldError(f"{label}: title is not in the section's first line {first_line!r}")
        if item["title"].endswith("。") or "。" in item["title"]:
            raise GoldError(f"{label}: title runs past the first 。")
        if item["summary"] and item["summary"] not in body:
            raise GoldError(f"{label}: summary is not verbatim in section {item['section']}")
        for m in item["measures"]:
            if m not in body:
                raise GoldError(f"{label}: measure {m!r} is not in section {item['section']}")
        for s in [item["summary"], *item["measures"]]:
            for num in re.findall(r"\d+(?:\.\d+)?", s):
                if num not in body:
                    raise GoldError(f"{label}: number {num} not in section")
        out_prio.append(Priority.model_validate(item).model_dump(mode="json"))

    out_proj = []
    for i, raw in enumerate(gold.get("projects", [])):
        item = dict(raw)
        hints = _pop_hints(item)
        label = f"{name} projects[{i}] {item.get('name')!r}"
        locate_quote(item, hints, text, spans, label)
        check_project_fields(item, hints, text, label)
        model = Project.model_validate(item)
        check_placement(item, label)
        out_proj.append(model.model_dump(mode="json"))

    for items, key in ((out_targets, "indicator"), (out_qual, "indicator"), (out_proj, "name")):
        items.sort(key=lambda it, k=key: _sort_key(it, k))
        for it in items:
            if text[it["start"] : it["end"]] != it["quote"]:
                raise GoldError(f"{name}: span mismatch for {it.get(key)!r}")
    # duplicates (same indicator/name and same value at the same place) are annotation slips
    seen = set()
    for t in out_targets:
        sig = (t["indicator"], t["value"], t["unit"], t["value_start"])
        if sig in seen:
            raise GoldError(f"{name}: duplicate target {sig}")
        seen.add(sig)

    result = {
        "fixture": fixture,
        "region": gold.get("region"),
        "year": gold.get("year"),
        **({"notes": gold["notes"]} if gold.get("notes") else {}),
        "targets": out_targets,
        "qualitative_targets": out_qual,
        "priorities": out_prio,
        "projects": out_proj,
    }
    extra = set(gold) - set(TOP_KEYS)
    if extra:
        raise GoldError(f"{name}: unknown top-level keys {sorted(extra)}")
    return result, notes


# Project statuses used in the gold and the words in the quote that evidence them.
STATUS_WORDS: dict[str, tuple[str, ...]] = {
    "前期": ("前期",),
    "开工": ("开工", "启动"),
    "续建": ("续建",),
    "建成": ("建成", "完成"),
    "竣工": ("竣工",),
    "投产": ("投产",),
    "达产": ("达产",),
    "通车": ("通车",),
    "落地": ("落地",),
    "签约": ("签约",),
    "交付使用": ("交付使用",),
    "完成": ("完成",),
}


def check_target_words(item: dict, label: str) -> None:
    """The qualifier and direction words of a target must be written in its quote (``力争``
    as such; ``达到`` may be written ``达``, ``稳定在`` may be written ``保持在``)."""
    q = item["quote"]
    if item["qualifier"] not in ("", "力争") and item["qualifier"] not in q:
        raise GoldError(f"{label}: qualifier {item['qualifier']!r} not in quote")
    if item["qualifier"] == "力争" and "力争" not in q:
        raise GoldError(f"{label}: qualifier 力争 but the quote does not say it")
    written = {"达到": ("达",), "稳定在": ("稳定在", "保持在")}.get(
        item["direction"], (item["direction"],)
    )
    if item["direction"] and not any(w in q for w in written):
        raise GoldError(f"{label}: direction {item['direction']!r} not in quote")


def check_project_fields(item: dict, hints: dict, text: str, label: str) -> None:
    """A project's amount span (located like a target's value) or no amount fields at all, and
    a status from the closed list that a word of the quote evidences."""
    if item.get("amount") is not None:
        if not item.get("amount_unit"):
            raise GoldError(f"{label}: amount without amount_unit")
        locate_number(item, hints, text, label, "amount", "amount_unit", "amount")
    else:
        for k in ("amount_unit", "amount_kind", "amount_start", "amount_end"):
            if item.get(k) is not None:
                raise GoldError(f"{label}: {k} set without an amount")
            item[k] = None
    status = item.get("status")
    if status and status not in STATUS_WORDS:
        raise GoldError(f"{label}: status {status!r} not in {sorted(STATUS_WORDS)}")
    if status and not any(w in item["quote"] for w in STATUS_WORDS[status]):
        raise GoldError(f"{label}: status {status!r} not evidenced in the quote")


def dump(gold: dict) -> str:
    """One item per line: diffs stay readable and the file stays hand-editable."""
    lines = ["{"]
    head = [
        f'  "{k}": {json.dumps(gold[k], ensure_ascii=False)}' for k in ("fixture", "region", "year")
    ]
    if gold.get("notes"):
        notes = gold["notes"] if isinstance(gold["notes"], list) else [gold["notes"]]
        body = ",\n".join(f"    {json.dumps(n, ensure_ascii=False)}" for n in notes)
        head.append(f'  "notes": [\n{body}\n  ]')
    lines.append(",\n".join(head) + ",")
    lists = ("targets", "qualitative_targets", "priorities", "projects")
    for n, key in enumerate(lists):
        items = gold[key]
        if not items:
            lines.append(f'  "{key}": []' + ("," if n < len(lists) - 1 else ""))
            continue
        lines.append(f'  "{key}": [')
        body = [f"    {json.dumps(it, ensure_ascii=False)}" for it in items]
        lines.append(",\n".join(body))
        lines.append("  ]" + ("," if n < len(lists) - 1 else ""))
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument(
        "--check", action="store_true", help="verify only; exit 1 if a file would change"
    )
    args = ap.parse_args(argv)
    files = args.files or sorted((EVALS / "gold").glob("*.json"))
    status = 0
    for path in files:
        try:
            gold, _ = process(path)
        except (GoldError, ValueError) as exc:  # ValueError covers pydantic and JSON errors
            print(f"ERROR {path}: {exc}", file=sys.stderr)
            status = 2
            continue
        new = dump(gold)
        old = path.read_text(encoding="utf-8")
        counts = (
            f"{sum(t['scope'] == 'headline' for t in gold['targets'])} headline, "
            f"{sum(t['scope'] == 'section' for t in gold['targets'])} section targets, "
            f"{len(gold['qualitative_targets'])} qualitative, {len(gold['priorities'])} priorities, "
            f"{len(gold['projects'])} projects"
        )
        status = max(status, write_or_check(path, new, old, counts, check=args.check))
    return status


def write_or_check(path: Path, new: str, old: str, counts: str, *, check: bool) -> int:
    """Rewrite ``path`` when ``new`` differs (or, with ``check``, say it would): 1 if it
    differs under ``check``, else 0. Shared with ``corpus_gold.py``."""
    if new == old:
        print(f"ok {path.name}: {counts}")
        return 0
    if check:
        print(f"WOULD CHANGE {path.name}: {counts}")
        return 1
    path.write_text(new, encoding="utf-8")
    print(f"updated {path.name}: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
