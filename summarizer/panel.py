"""The panel: region x year x indicator, each target next to what was achieved.

A library module (the command line only adapts it; messages go to an ``echo`` callback, errors
are :class:`~summarizer.errors.SummarizerError` subclasses). Entry points:

* :func:`build_panel` -- the **long** panel of a folder of per-report JSON summaries: one row per
  target and per outcome (:data:`LONG_COLUMNS`), each target joined with its outcome.
* :func:`wide_panel` -- the **wide** panel: one row per region and year, a column per
  ``key.measure`` (targets) and ``key.measure.outcome`` (outcomes of that year).
* :func:`write_panel` -- what ``summarizer panel OUT/ [-o panel.csv|panel.parquet] [--wide]
  [--html panel.html]`` does; returns the exit code.

Rules (the README's panel section says the same to users):

* Every ``*.json`` under the folder (recursively, hidden files and folders skipped) that is a
  ReportSummary (``schema_version``, ``meta`` and ``targets``) is read; anything else is skipped
  with a warning. No summary at all is an :class:`~summarizer.errors.InputError`.
* ``region`` and ``year`` come from ``meta``. Outcomes keep the report's ``year`` and carry the
  ``period`` they describe (``"2024"``, ``"2021-2025"``).
* ``measure`` is the summary's; a summary written before ``schema_version`` "2" has none, and the
  panel infers one (:func:`infer_measure`, ``measure_inferred`` true).
* ``target`` and ``outcome`` are signed numbers in the target row's unit: a ``growth`` or
  ``change`` written with 下降/降低/减少 is negative. A target of region R for year Y with key K
  and measure M is joined with the first outcome (in text order) that R's report of year Y+1
  states for period "Y" with the same K and M and a unit of the same dimension (30万人 and
  300000人 are one amount; dimensions as :func:`summarizer.measures.unit_dimension`). Rows
  without a key never join, and neither does a target that names no one variable of its
  report (another target of the report with its key, measure and dimension holds another
  amount; a headline target is weighed against the headline targets only: :func:`_ambiguous`),
  nor one whose candidate outcomes hold more than one amount, unless those of the shallowest
  section hold one (:func:`_answers`).
* ``met``: a target written with 下降/降低/减少, 控制在, or 以内/以下/不超过 is met when the outcome
  is at most its upper end (``value_max`` for a range); otherwise, for every measure, when the
  outcome is at least its lower end (``value``). 左右 has no tolerance. No outcome, or a decrease
  bounded by 以内 (ambiguous) -> empty.
"""

from __future__ import annotations

import io
import json
import math
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from .errors import InputError, UsageError
from .files import atomic_open
from .measures import MEASURES, measure_of, unit_dimension
from .units import normalize_unit, to_base

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "LONG_COLUMNS", "MEASURES", "build_panel", "infer_measure", "load_summaries", "met",
    "panel_rows", "wide_cells", "wide_panel", "write_panel",
]  # fmt: skip

Echo = Callable[[str], None]

LONG_COLUMNS: tuple[str, ...] = (
    "region", "year", "kind", "key", "measure", "measure_inferred", "indicator", "value",
    "value_max", "unit", "qualifier", "direction", "scope", "period", "section", "target",
    "outcome", "met", "linked_source", "linked_quote", "source", "file", "quote", "start", "end",
    "value_start", "value_end",
)  # fmt: skip
"""Columns of the long panel, in order. ``kind`` is ``target`` or ``outcome``; ``scope`` is a
target's (headline/section), ``period`` an outcome's; ``target``/``outcome``/``met`` are the
join (on an outcome row: the target it answers); ``linked_source``/``linked_quote`` name the
other side of the join; ``source`` is the report's path as the summary records it, ``file`` the
JSON file relative to the folder read."""

_DECREASE = frozenset({"下降", "降低", "减少"})
_CAP_QUALIFIERS = frozenset({"以内", "以下", "不超过"})
_GROWTH_DIRECTIONS = frozenset({"增长", "下降", "降低", "减少"})
_CHANGE_DIRECTIONS = frozenset({"新增", "增加", "减少"})
_PERCENT_BASES = frozenset({"%", "‰"})
_POINT_UNITS = frozenset({"个百分点", "百分点"})
# Counting classifiers (after the scale is dropped): things to build or do.
_COUNT_BASES = frozenset(
    [
        "个",
        "家",
        "所",
        "座",
        "条",
        "户",
        "套",
        "辆",
        "台",
        "项",
        "处",
        "间",
        "件",
        "名",
        "位",
        "场",
        "次",
        "批",
        "栋",
        "幢",
        "宗",
        "块",
        "部",
        "册",
        "张",
        "艘",
        "架",
        "只",
        "盏",
        "支",
        "颗",
        "期",
        "类",
        "种",
        "片",
        "村",
        "镇",
        "眼",
    ]
)


# ------------------------------------------------------------------------------ reading


@dataclass(frozen=True)
class Loaded:
    """One summary read from the folder: its path relative to the folder, and its data."""

    file: str
    data: dict[str, Any]


def _is_summary(data: Any) -> bool:
    return (
        isinstance(data, dict)
        and isinstance(data.get("schema_version"), str)
        and isinstance(data.get("meta"), dict)
        and isinstance(data.get("targets"), list)
    )


def _json_files(folder: Path) -> Iterator[Path]:
    if folder.is_file():
        yield folder
        return
    for path in sorted(folder.rglob("*.json")):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        yield path


def load_summaries(folder: str | Path, *, echo: Echo | None = None) -> list[Loaded]:
    """Every ReportSummary JSON under ``folder`` (recursive; a single file is read alone).

    Files that are not UTF-8 JSON or not summaries are skipped with a warning to ``echo``;
    ``_index.csv`` and other non-JSON files are never read. Files are read in path order; a
    summary already read (same source sha256, engine, model, prompts, region and year: a report
    copied into two input folders) is skipped with a warning, and a region and year that
    several summaries share is named, as are the summaries with no region or year. Raises
    :class:`InputError` when the folder is missing or holds no summary.
    """
    say: Echo = echo or (lambda _message: None)
    root = Path(folder)
    if not root.exists():
        raise InputError(f"{root}: no such folder; give the -o folder of a summarize batch")
    out: list[Loaded] = []
    seen: dict[tuple[str, ...], str] = {}
    skipped = 0
    for path in _json_files(root):
        rel = path.name if root.is_file() else path.relative_to(root).as_posix()
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            say(f"warning: {path}: skipped, not readable JSON ({exc})")
            skipped += 1
            continue
        if not _is_summary(data):
            say(f"warning: {path}: skipped, not a ReportSummary (no schema_version/meta/targets)")
            skipped += 1
            continue
        copy_of = _same_summary(data, rel, seen)
        if copy_of is not None:
            say(f"warning: {path}: skipped, the same summary as {copy_of} (same source sha256, "
                "engine, model, prompts, region and year)")  # fmt: skip
            continue
        out.append(Loaded(rel, data))
    if not out:
        extra = f" ({skipped} JSON files skipped)" if skipped else ""
        raise InputError(
            f"{root}: no report summaries (*.json) found{extra}; write them with "
            f"`summarizer summarize REPORTS/ -o {root}/`"
        )
    _say_shared_years(out, say)
    return out


def _same_summary(data: dict[str, Any], file: str, seen: dict[tuple[str, ...], str]) -> str | None:
    """The file already read that holds this summary (a report copied into two input folders
    and summarised twice), else None, and ``seen`` learns ``file``. Summaries of one report by
    two engines, models or prompts, or read as two regions or years, are not the same."""
    sha = (data.get("source") or {}).get("sha256")
    if not isinstance(sha, str) or not sha:
        return None
    meta = data["meta"]
    fields = ("engine", "model", "prompt_version", "region", "year")
    key = (sha, *(_text(meta.get(k)) for k in fields))
    first = seen.setdefault(key, file)
    return None if first == file else first


def _say_shared_years(loaded: list[Loaded], say: Echo) -> None:
    """Warn when one region and year has several summaries (two copies of a report, a draft
    and the final text, two engines): the long panel keeps every row, the wide panel one value
    a cell."""
    by: dict[tuple[str, int], list[str]] = defaultdict(list)
    unplaced: list[str] = []
    for item in loaded:
        region, year = _text(item.data["meta"].get("region")), _year(item.data["meta"].get("year"))
        if region and year is not None:
            by[(region, year)].append(item.file)
        else:
            unplaced.append(item.file)
    for (region, year), files in sorted(by.items()):
        if len(files) > 1:
            say(f"warning: {region} {year}: {len(files)} summaries ({', '.join(files)}); the "
                "long panel keeps the rows of each, the wide panel one value a cell")  # fmt: skip
    if unplaced:
        shown = ", ".join(unplaced[:_NAMED]) + (", …" if len(unplaced) > _NAMED else "")
        say(f"warning: {len(unplaced)} summaries with no region or year ({shown}): their rows are "
            "in the long panel only, neither in the wide panel nor in target-outcome links; "
            "give them with summarize's --meta FILE.csv, --region-year-from-path or "
            "--region/--year")  # fmt: skip


_NAMED = 10  # files a warning names before it says "…"


# ------------------------------------------------------------------------------ rules


def infer_measure(item: dict[str, Any]) -> str:
    """The measure of an item written without one (``schema_version`` "1", hand-made data):
    :func:`summarizer.measures.measure_of` over its indicator, unit, direction and the quote
    before the number, as :class:`~summarizer.models.ReportSummary` derives it on loading."""
    quote, start, vs = item.get("quote"), item.get("start"), item.get("value_start")
    before = ""
    if isinstance(quote, str) and isinstance(start, int) and isinstance(vs, int):
        before = quote[: max(0, vs - start)]
    return measure_of(
        _text(item.get("indicator")), _text(item.get("unit")), _text(item.get("direction")), before
    )


def _signed(value: float | None, measure: str | None, direction: str) -> float | None:
    if value is None:
        return None
    if direction in _DECREASE and measure in ("growth", "change"):
        return -value
    return value


def _bounds(item: dict[str, Any]) -> tuple[float, float]:
    """(lower, upper) of an item's signed value or range."""
    v = float(item["value"])
    vmax = item.get("value_max")
    hi = float(vmax) if vmax is not None else v
    a = _signed(v, item.get("measure"), item.get("direction") or "")
    b = _signed(hi, item.get("measure"), item.get("direction") or "")
    assert a is not None and b is not None
    return (min(a, b), max(a, b))


def met(target: dict[str, Any], outcome: float | None) -> bool | None:
    """Whether ``outcome`` (signed, in the target's unit) reaches ``target`` (a target item:
    value, value_max, measure, qualifier, direction). None when it cannot be told."""
    if outcome is None or (isinstance(outcome, float) and math.isnan(outcome)):
        return None
    direction = target.get("direction") or ""
    qualifier = target.get("qualifier") or ""
    lo, hi = _bounds(target)
    decrease = direction in _DECREASE
    if decrease and qualifier in _CAP_QUALIFIERS:
        return None  # 下降3%以内: a cap on the decrease or a decrease to reach? ambiguous
    tol = 1e-9 * max(1.0, abs(lo), abs(hi))
    if decrease or direction == "控制在" or qualifier in _CAP_QUALIFIERS:
        return outcome <= hi + tol
    return outcome >= lo - tol


def _base(unit: str) -> str:
    """The dimension of a unit (:func:`summarizer.measures.unit_dimension`): 万元 and 亿元 are
    one, 万人 and 名 are one, the counting classifiers are one."""
    return unit_dimension(unit)


def _convert(value: float | None, unit: str, to_unit: str) -> float | None:
    """``value`` in ``unit`` expressed in ``to_unit`` (same dimension: magnitudes compared, so
    30万人 -> 300000 人), rounded to 12 significant digits."""
    if value is None:
        return None
    if unit == to_unit:
        return value
    magnitude, _ = to_base(value, unit)
    factor, _ = to_base(1.0, to_unit)
    return float(f"{magnitude / factor:.12g}")


# ------------------------------------------------------------------------------ rows


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _year(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _item_row(item: dict[str, Any], kind: str, loaded: Loaded) -> dict[str, Any] | None:
    try:
        value = float(item["value"])
    except (KeyError, TypeError, ValueError):
        return None
    meta = loaded.data.get("meta") or {}
    source = loaded.data.get("source") or {}
    unit = normalize_unit(_text(item.get("unit")))
    direction = _text(item.get("direction"))
    measure = item.get("measure")
    inferred = measure not in MEASURES
    if inferred:
        measure = infer_measure(item)
    vmax = item.get("value_max")
    region = _text(meta.get("region")) or None
    return {
        "region": region,
        "year": _year(meta.get("year")),
        "kind": kind,
        "key": _text(item.get("key")) or None,
        "measure": measure,
        "measure_inferred": inferred,
        "indicator": _text(item.get("indicator")),
        "value": value,
        "value_max": float(vmax) if isinstance(vmax, int | float) else None,
        "unit": unit,
        "qualifier": _text(item.get("qualifier")),
        "direction": direction,
        "scope": _text(item.get("scope")) or None if kind == "target" else None,
        "period": (_text(str(item.get("period") or "")) or None) if kind == "outcome" else None,
        "section": item.get("section"),
        "target": None,
        "outcome": None,
        "met": None,
        "linked_source": None,
        "linked_quote": None,
        "source": source.get("path"),
        "file": loaded.file,
        "quote": _text(item.get("quote")),
        "start": item.get("start"),
        "end": item.get("end"),
        "value_start": item.get("value_start"),
        "value_end": item.get("value_end"),
    }


# A section about a plan period (“十四五”时期, 今后五年): its targets are for the period, not the
# report's year, so they are never joined with one year's outcome.
_PERIOD_SECTION = re.compile(r"十[一二三四五六七八九]五|五年|时期|远景|规划纲要")


def _period_sections(data: dict[str, Any]) -> set[str]:
    sections = [s for s in data.get("sections") or [] if isinstance(s, dict)]
    titled = {str(s.get("path")) for s in sections if _PERIOD_SECTION.search(str(s.get("title")))}
    return {
        str(s.get("path"))
        for s in sections
        if any(str(s.get("path")) == p or str(s.get("path")).startswith(p + ".") for p in titled)
    }


def panel_rows(summaries: Iterable[Loaded]) -> list[dict[str, Any]]:
    """The long panel as plain dicts (:data:`LONG_COLUMNS`), joined; see :func:`build_panel`."""
    rows: list[dict[str, Any]] = []
    period_targets: set[int] = set()
    for loaded in summaries:
        in_period = _period_sections(loaded.data)
        for kind, field in (("target", "targets"), ("outcome", "outcomes")):
            items = loaded.data.get(field) or []
            for item in items if isinstance(items, list) else []:
                if isinstance(item, dict) and (row := _item_row(item, kind, loaded)) is not None:
                    rows.append(row)
                    if kind == "target" and str(item.get("section")) in in_period:
                        period_targets.add(id(row))
    for row in rows:
        signed = _signed(row["value"], row["measure"], row["direction"])
        row["target" if row["kind"] == "target" else "outcome"] = signed
    _join(rows, period_targets)
    rows.sort(key=_row_order)
    return rows


def _row_order(row: dict[str, Any]) -> tuple[Any, ...]:
    return (
        row["region"] is None, row["region"] or "", row["year"] is None, row["year"] or 0,
        row["file"], row["kind"] != "target", row["start"] if isinstance(row["start"], int) else 0,
        row["end"] if isinstance(row["end"], int) else 0, row["indicator"],
    )  # fmt: skip


def _join(rows: list[dict[str, Any]], skip: frozenset[int] | set[int] = frozenset()) -> None:
    """Fill target/outcome/met/linked_* on each target and the outcome it is joined with
    (targets in ``skip``, by id: plan-period targets, are never joined)."""
    outcomes: dict[tuple[str, str, str, str, int], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        if row["kind"] == "outcome" and row["key"] and row["region"] and row["year"] is not None:
            k = (row["region"], row["period"] or "", row["key"], row["measure"], row["year"])
            outcomes[k].append(row)
    for found in outcomes.values():
        found.sort(key=lambda r: r["start"] if isinstance(r["start"], int) else 0)
    targets = [r for r in rows if r["kind"] == "target"]
    targets.sort(key=lambda r: (r["scope"] != "headline", _row_order(r)))
    joinable = [
        t for t in targets
        if t["key"] and t["region"] and t["year"] is not None and id(t) not in skip
    ]  # fmt: skip
    ambiguous = _ambiguous(joinable)
    for t in joinable:
        if id(t) in ambiguous:
            continue
        k = (t["region"], str(t["year"]), t["key"], t["measure"], t["year"] + 1)
        found = _answers([o for o in outcomes.get(k, []) if _base(o["unit"]) == _base(t["unit"])])
        for o in found:
            value = _convert(o["outcome"], o["unit"], t["unit"])
            t["outcome"], t["met"] = value, met(t, value)
            t["linked_source"], t["linked_quote"] = o["source"] or o["file"], o["quote"]
            if o["target"] is None:  # an outcome answers the first (headline) target
                o["target"] = _convert(t["target"], t["unit"], o["unit"])
                o["met"] = t["met"]
                o["linked_source"], o["linked_quote"] = t["source"] or t["file"], t["quote"]
            break


def _answers(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The outcomes that may answer a target: all of ``found`` when they state one amount; else
    those of the shallowest section when these do (the review's overview states the region's
    固定资产投资增长6.3%, a part of it a district's 增长16%); else none (15项省定民生工程和
    20项民生实事 in one sentence: which one answers the target is not known)."""
    if len({_amount(o["outcome"], o["unit"]) for o in found}) <= 1:
        return found
    depth = {id(o): str(o["section"] or "").count(".") for o in found}
    top = [o for o in found if depth[id(o)] == min(depth.values())]
    return top if len({_amount(o["outcome"], o["unit"]) for o in top}) == 1 else []


def _amount(value: float | None, unit: str | None) -> float | None:
    """A signed value as an amount in its base unit, rounded (2万人 and 20000人 are one)."""
    return None if value is None else round(to_base(value, unit or "")[0], 9)


def _ambiguous(targets: list[dict[str, Any]]) -> set[int]:
    """The targets (by id) that name no one panel variable of their report: another target of
    the same report, key, measure and unit dimension holds another amount (海拉尔区 2017 writes
    ``投资6.6亿元`` and ``投资4.7亿元``, two projects' amounts, not the year's investment). A
    headline target is weighed against the other headline targets only (a section's
    ``年均增长6%`` does not blur the year's ``增长6.5%``); a section target against all."""
    amounts: dict[tuple[Any, ...], set[float | None]] = defaultdict(set)
    headline: dict[tuple[Any, ...], set[float | None]] = defaultdict(set)
    group: dict[int, tuple[Any, ...]] = {}
    for t in targets:
        if t["target"] is None:
            continue
        k = group[id(t)] = (t["file"], t["key"], t["measure"], _base(t["unit"] or ""))
        amount = _amount(t["target"], t["unit"])
        amounts[k].add(amount)
        if t["scope"] == "headline":
            headline[k].add(amount)
    return {
        i for t in targets
        if (i := id(t)) in group
        and len((headline if t["scope"] == "headline" else amounts)[group[i]]) > 1
    }  # fmt: skip


_NUMERIC_COLUMNS = frozenset(
    {"year", "start", "end", "value_start", "value_end", "value", "value_max", "target",
     "outcome", "met", "measure_inferred"}
)  # fmt: skip


def _frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    import pandas as pd

    df = pd.DataFrame(rows, columns=list(LONG_COLUMNS))
    for col in ("year", "start", "end", "value_start", "value_end"):
        df[col] = pd.array(df[col].tolist(), dtype="Int64")
    for col in ("value_max", "target", "outcome"):
        df[col] = pd.array(df[col].tolist(), dtype="Float64")
    df["value"] = df["value"].astype("float64")
    df["met"] = pd.array(df["met"].tolist(), dtype="boolean")
    df["measure_inferred"] = df["measure_inferred"].astype(bool)
    for col in LONG_COLUMNS:
        if col not in _NUMERIC_COLUMNS:
            df[col] = df[col].astype("string")
    return df


def build_panel(folder: str | Path, *, echo: Echo | None = None) -> pd.DataFrame:
    """The long panel of every ReportSummary JSON under ``folder``: a DataFrame with
    :data:`LONG_COLUMNS`, one row per target and per outcome, sorted by region, year and place
    in the report; ``year`` is a nullable integer, ``met`` a nullable boolean. Warnings (files
    skipped) go to ``echo``. Raises :class:`InputError` when there is no summary."""
    return _frame(panel_rows(load_summaries(folder, echo=echo)))


# ------------------------------------------------------------------------------ wide


def _missing(value: Any) -> bool:
    """None, pandas' NA or a float NaN."""
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN and pd.NA (whose comparison is NA, truthy-error)
    except TypeError:
        return True


def _period_year(period: Any) -> int | None:
    text = "" if _missing(period) else str(period).strip()
    return int(text) if len(text) == 4 and text.isdigit() else None


@dataclass(frozen=True)
class Cell:
    """One cell of the wide panel and the row it comes from (for charts and hover text)."""

    value: float
    range_end: float | None
    kind: str
    met: bool | None
    indicator: str
    quote: str
    source: str


def _wide_items(long: pd.DataFrame) -> list[tuple[str, int, str, str, bool, dict[str, Any]]]:
    """(region, year, ``key.measure``, unit, headline, row) of every keyed row that can sit in
    the wide panel, in panel order. An outcome sits in the year of its period."""
    items = []
    for row in long.to_dict("records"):
        region, key, measure = row["region"], row["key"], row["measure"]
        if any(_missing(v) for v in (region, key, measure)):
            continue
        if row["kind"] == "target":
            year, value = row["year"], row["target"]
        else:
            year, value = _period_year(row["period"]), row["outcome"]
        if _missing(year) or _missing(value):
            continue
        items.append(
            (str(region), int(year), f"{key}.{measure}", str(row["unit"]),
             row["scope"] == "headline", row)
        )  # fmt: skip
    return items


def wide_cells(
    long: pd.DataFrame,
) -> tuple[dict[tuple[str, int], dict[str, Cell]], dict[str, str]]:
    """The wide panel before it is a DataFrame: ``{(region, year): {column: Cell}}`` and
    ``{column: unit}``; see :func:`wide_panel` for the naming and unit rules."""
    items = _wide_items(long)
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for _region, _year, variable, unit, _headline, _row in items:
        counts[(variable, _base(unit))][unit] += 1
    units = {k: c.most_common(1)[0][0] for k, c in counts.items()}
    split = Counter(variable for variable, _base_unit in units)
    cells: dict[tuple[str, int], dict[str, Cell]] = defaultdict(dict)
    column_units: dict[str, str] = {}
    ranked = sorted(enumerate(items), key=lambda it: (not it[1][4], it[0]))
    for _order, (region, year, variable, unit, _headline, row) in ranked:
        col_unit = units[(variable, _base(unit))]
        name = variable + (".outcome" if row["kind"] == "outcome" else "")
        if split[variable] > 1:
            name += f"[{col_unit}]"
        column_units[name] = col_unit
        value = row["target"] if row["kind"] == "target" else row["outcome"]
        lo = _convert(float(value), unit, col_unit)
        other = None  # the other end of a range target, signed and converted like the value
        if row["kind"] == "target" and not _missing(row["value_max"]):
            a, b = _bounds(row)
            other = _convert(b if math.isclose(a, float(value)) else a, unit, col_unit)
        cell = Cell(
            value=lo if lo is not None else float(value),
            range_end=other,
            kind=str(row["kind"]),
            met=None if _missing(row["met"]) else bool(row["met"]),
            indicator=str(row["indicator"]),
            quote=str(row["quote"]),
            source=str(row["source"] if not _missing(row["source"]) else row["file"]),
        )
        cells[(region, year)].setdefault(name, cell)
    return dict(cells), {c: column_units[c] for c in _column_order(column_units)}


def wide_panel(long: pd.DataFrame) -> pd.DataFrame:
    """Region x year rows, a column per ``key.measure`` (the target) and ``key.measure.outcome``
    (the outcome stated for that year, by the next year's report). Values are signed as in
    ``target``/``outcome`` and converted to one unit per column, the unit most used in it
    (30万人 -> 300000 when 人 is); when one ``key.measure`` mixes dimensions (亿元 and %), it is
    split into ``key.measure[unit]`` (and ``key.measure.outcome[unit]``) columns, one per
    dimension. Several targets for one cell: the headline one, else the first in the panel.
    ``df.attrs["units"]`` maps each column to its unit (parquet keeps it; the long panel always
    has it). Rows without a region, year or key are not in the wide panel."""
    import pandas as pd

    cells, units = wide_cells(long)
    order = list(units)
    records = [
        {"region": r, "year": y, **{c: cell.value for c, cell in vals.items()}}
        for (r, y), vals in sorted(cells.items())
    ]
    df = pd.DataFrame(records, columns=["region", "year", *order])
    df["region"] = df["region"].astype("string")
    df["year"] = pd.array(df["year"].tolist(), dtype="Int64")
    for col in order:
        df[col] = df[col].astype("float64")
    df.attrs["units"] = dict(units)
    return df


MAIN_KEYS: tuple[str, ...] = (
    "gdp", "industrial_value_added", "fixed_asset_investment", "retail_sales",
    "public_budget_revenue", "fiscal_revenue", "urban_disposable_income",
    "rural_disposable_income", "disposable_income", "foreign_trade", "new_urban_jobs",
    "urban_unemployment", "cpi",
)  # fmt: skip
"""Keys shown first, in this order (the wide panel's columns and the charts)."""


def _column_order(column_units: dict[str, str]) -> list[str]:
    def rank(name: str) -> tuple[int, str, str, bool, str]:
        head = name.split("[", 1)[0]
        outcome = head.endswith(".outcome")
        head = head.removesuffix(".outcome")
        key, _, measure = head.partition(".")
        main = MAIN_KEYS.index(key) if key in MAIN_KEYS else len(MAIN_KEYS)
        m = str(MEASURES.index(measure)) if measure in MEASURES else measure
        return (main, key, m, outcome, name)

    return sorted(column_units, key=rank)


# ------------------------------------------------------------------------------ writing


def _need_pandas() -> None:
    try:
        import pandas  # noqa: F401
    except ImportError as exc:
        raise UsageError(
            f"the panel needs the panel extra ({exc.name or exc} is missing): "
            "pip install 'summarizer[panel]'"
        ) from exc


def _to_csv(df: pd.DataFrame) -> str:
    buf = io.StringIO()
    df.to_csv(buf, index=False, lineterminator="\n")
    return buf.getvalue()


def write_panel(
    folder: str | Path,
    output: str | Path | None = None,
    *,
    wide: bool = False,
    html: str | Path | None = None,
    echo: Echo | None = None,
    stdout: TextIO | None = None,
) -> int:
    """``summarizer panel``: read the summaries under ``folder`` and write the long panel (or
    the wide one with ``wide``) to ``output`` -- ``.csv`` (UTF-8, no BOM) or ``.parquet``
    (pyarrow) -- atomically; with no ``output`` the CSV goes to ``stdout``, unless only ``html``
    was asked for. ``html`` writes the chart page (:mod:`summarizer.render.panel_html`).
    Warnings and a one-line summary go to ``echo`` (default: stderr). Returns 0; raises
    :class:`InputError` (no summaries) or :class:`UsageError` (an unknown suffix, a missing
    extra) before writing anything."""
    say: Echo = echo or (lambda message: print(message, file=sys.stderr))
    out_path = Path(output) if output is not None else None
    suffix = out_path.suffix.lower() if out_path is not None else ".csv"
    if suffix not in (".csv", ".parquet"):
        raise UsageError(f"{output}: the panel is written as .csv or .parquet")
    _need_pandas()
    if suffix == ".parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError as exc:
            raise UsageError(
                "a .parquet panel needs pyarrow: pip install 'summarizer[panel]'"
            ) from exc
    render_html: Callable[..., str] | None = None
    if html is not None:
        try:
            from .render.panel_html import render_panel_html
        except ImportError as exc:
            raise UsageError(
                f"--html needs plotly ({exc.name or exc} is missing): "
                "pip install 'summarizer[panel]'"
            ) from exc
        render_html = render_panel_html
    loaded = load_summaries(folder, echo=say)
    long = _frame(panel_rows(loaded))
    table = wide_panel(long) if wide else long
    if out_path is not None:
        if suffix == ".parquet":
            with atomic_open(out_path, "wb") as fh:
                table.to_parquet(fh, index=False, engine="pyarrow")
        else:
            with atomic_open(out_path) as fh:
                fh.write(_to_csv(table))
    elif html is None:
        (stdout or sys.stdout).write(_to_csv(table))
    if render_html is not None and html is not None:
        with atomic_open(Path(html)) as fh:
            fh.write(render_html(long))
    targets = int((long["kind"] == "target").sum())
    outcomes = len(long) - targets
    links = int((long["kind"].eq("target") & long["outcome"].notna()).sum())
    reports = len(loaded)
    say(
        f"panel: {reports} reports, {targets} targets, {outcomes} outcomes, "
        f"{links} target-outcome links" + (f"; {len(table)} region-year rows" if wide else "")
    )
    return 0
