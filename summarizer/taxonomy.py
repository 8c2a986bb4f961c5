"""Canonical indicator keys (``gdp``, ``retail_sales`` …) and the names reports use for them.

The data lives in ``taxonomy.yaml`` beside this module; it is loaded and validated once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from .errors import SummarizerError
from .layout import FULL_WIDTH_ALNUM

_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
_REGION_PREFIX = re.compile(r"^(?:全[市县区省旗州镇]|全年|今年|全社会(?=研发))")


@dataclass(frozen=True)
class Indicator:
    key: str
    label: str
    aliases: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...] = ()
    unit: str | None = None  # the dimension of its amounts (measures.unit_dimension), if one


@cache
def indicators() -> tuple[Indicator, ...]:
    """All canonical indicators, validated (unique keys, unique aliases)."""
    raw = yaml.safe_load(resources.files("summarizer").joinpath("taxonomy.yaml").read_text("utf-8"))
    if not isinstance(raw, dict):
        raise SummarizerError(
            "summarizer/taxonomy.yaml: expected a mapping of key -> {label, aliases}"
        )
    out: list[Indicator] = []
    seen: dict[str, str] = {}
    for key, entry in raw.items():
        if not isinstance(key, str) or not _KEY.match(key):
            raise SummarizerError(f"summarizer/taxonomy.yaml: bad key {key!r} (lower_snake_case)")
        if not isinstance(entry, dict) or not isinstance(entry.get("aliases"), list):
            raise SummarizerError(f"summarizer/taxonomy.yaml: {key}: needs label and aliases")
        aliases = tuple(str(a) for a in entry["aliases"])
        for alias in aliases:
            if alias in seen:
                raise SummarizerError(
                    f"summarizer/taxonomy.yaml: alias {alias!r} of {key} is also an alias of {seen[alias]}"
                )
            seen[alias] = key
        patterns = []
        for src in entry.get("patterns") or []:
            try:
                patterns.append(re.compile(str(src)))
            except re.error as exc:
                raise SummarizerError(
                    f"summarizer/taxonomy.yaml: {key}: bad pattern {src!r} ({exc})"
                ) from exc
        unit = entry.get("unit")
        if unit is not None and not isinstance(unit, str):
            raise SummarizerError(f"summarizer/taxonomy.yaml: {key}: unit must be a string")
        out.append(Indicator(key, str(entry.get("label", key)), aliases, tuple(patterns), unit))
    return tuple(out)


@cache
def _alias_table() -> tuple[
    dict[str, str], int, tuple[tuple[re.Pattern[str], str], ...], re.Pattern[str] | None
]:
    """Aliases (lower case) -> key, the longest alias's length, and the patterns with their key.

    Head-final matching looks each ending of an indicator up in the dict, longest first: the
    same answer as trying every alias longest first, in a few dict look-ups instead of hundreds
    of ``endswith`` (one ending of each length exists, so no two aliases tie)."""
    exact: dict[str, str] = {}
    for ind in indicators():
        for alias in ind.aliases:
            exact[alias.lower()] = ind.key
            # and without its quotation marks (专精特新“小巨人”企业): an indicator drops them
            exact.setdefault(_QUOTES.sub("", alias).lower(), ind.key)
    longest = max((len(a) for a in exact), default=0)
    patterns = tuple((p, ind.key) for ind in indicators() for p in ind.patterns)
    # one pass that tells whether any pattern matches at all (most names match none)
    any_pattern = (
        re.compile("|".join(f"(?:{p.pattern})" for p, _ in patterns)) if patterns else None
    )
    return exact, longest, patterns, any_pattern


# What a growth or level is said of, after the indicator's own name: 地区生产总值增速 is gdp,
# 高新技术企业数量 is high_tech_enterprises.
_MEASURE_SUFFIX = re.compile(
    r"(?:的)?(?:增速|增幅|增长率|增长|涨幅|总量|总额|规模|水平|数量|可比)$"
)


_OWN_MEASURE_ALIAS = 6  # the shortest alias read with its own measure word at a name's end

# Quotation marks around a name or part of it (“气代煤”改造), and the work done on a thing after
# its name (道路建设, 重点项目建设, 农村危房改造工程): tried only when the name itself matches none.
_QUOTES = re.compile(r"[“”\"‘’「」]")
_WORK_SUFFIX = re.compile(
    r"(?<=..)(?:建设|改造|改造提升|提升改造|提升|整治提升|提档升级|提质升级|工程|改造工程|建设工程|建设任务|改造任务)$"
)


# R&D by its full statistical name (研究与试验发展, with or without "(R&D)"): 研发 (徐水, 满城)
_RD_FULL_NAME = re.compile(r"研究与试验发展(?:[（(]R&D[）)])?", re.IGNORECASE)


# Full-width Latin letters and digits (ＰＭ２．５, ５Ｇ, ＧＤＰ, as GB2312-era texts type them) are the
# ASCII ones for matching.
_FULL_WIDTH_ALNUM = str.maketrans({**FULL_WIDTH_ALNUM, 0xFF0E: "."})


def normalise_indicator(indicator: str) -> str:
    """Drop spaces and a leading region or time word (全县, 全年) for matching; R&D's full
    statistical name (研究与试验发展) is 研发; full-width letters and digits are ASCII."""
    s = re.sub(r"\s+", "", indicator).translate(_FULL_WIDTH_ALNUM)
    if "研究与试验发展" in s:
        s = _RD_FULL_NAME.sub("研发", s)
    return _REGION_PREFIX.sub("", s)


def lookup_key(indicator: str) -> str | None:
    """The canonical key of an indicator as written, or None when none fits.

    Chinese noun phrases end in their head: an alias matches the whole indicator, or its end
    (``全区地区生产总值`` is ``gdp``; ``进口博览会展位`` is not ``imports``), after a trailing
    measure word (``增速``, ``总量``) is dropped; an indicator's ``patterns`` (regular expressions
    in taxonomy.yaml) match where a name has a variable middle (``城镇…人均可支配收入``).
    Pure; :func:`match_indicator` is memoised (the rules engine asks for the same few names
    again and again).
    """
    found = match_indicator(indicator)
    return found[0] if found else None


@cache
def match_indicator(indicator: str) -> tuple[str, str] | None:
    """``(key, what matched)`` for :func:`lookup_key`: the alias, or ``/pattern/``."""
    s = normalise_indicator(indicator).lower()
    if not s:
        return None
    exact, longest, patterns, any_pattern = _alias_table()
    if s in exact:
        return exact[s], s
    if any_pattern is not None and any_pattern.search(s):
        for pattern, key in patterns:
            if pattern.search(s):
                return key, f"/{pattern.pattern}/"
    # a long name that ends on a measure word of its own (全社会消费品零售总额: 总额 is part of
    # the alias 社会消费品零售总额), then the name without a trailing measure word (地区生产总值
    # 增速); a short one (经济增速 in 快于经济增速) is not read with its measure word
    core = _MEASURE_SUFFIX.sub("", s) or s
    found = _head_match(s, exact, longest, _OWN_MEASURE_ALIAS) if core != s else None
    found = found or _head_match(core, exact, longest)
    if found is None and _QUOTES.search(core):  # 省级“专精特新”企业: quotes are no part of a name
        found = _head_match(_QUOTES.sub("", core), exact, longest)
    if found is None and _WORK_SUFFIX.search(core):  # 重点项目建设 is 重点项目
        found = _head_match(_WORK_SUFFIX.sub("", _QUOTES.sub("", core)), exact, longest)
    return found


def _head_match(
    core: str, exact: dict[str, str], longest: int, shortest: int = 2
) -> tuple[str, str] | None:
    """The longest alias that is all of ``core`` or its end (at least ``shortest`` characters)."""
    for n in range(min(longest, len(core)), shortest - 1, -1):
        key = exact.get(core[-n:])
        if key is not None:
            return key, core[-n:]
    return None


@cache
def _aliases_longest_first() -> tuple[str, ...]:
    return tuple(sorted({a for ind in indicators() for a in ind.aliases}, key=len, reverse=True))


def leading_indicator(text: str) -> str | None:
    """The known indicator ``text`` opens with (``出口总额促稳提质`` → ``出口总额``), a leading
    region word included, else None."""
    m = _REGION_PREFIX.match(text)
    pos = m.end() if m else 0
    for alias in _aliases_longest_first():
        if len(alias) >= 2 and text.startswith(alias, pos):
            return text[: pos + len(alias)]
    return None


@cache
def _units() -> dict[str, str | None]:
    return {ind.key: ind.unit for ind in indicators()}


def key_admits(key: str, dimension: str) -> bool:
    """Whether a number of ``dimension`` (:func:`summarizer.measures.unit_dimension`) can be
    said of ``key``: a key with a ``unit`` in taxonomy.yaml takes amounts of that dimension and
    relative numbers (%, 个百分点) only; a share (``unit: "%"``) takes only those. So
    ``整车出口100万辆`` is not ``exports`` (money), and no ``(key, measure)`` mixes units.
    (A % *level* of an amount is a share: see ``engines.base.item_key``.)"""
    unit = _units().get(key)
    if unit is None or dimension in ("%", "个百分点"):
        return True
    return dimension == unit


def key_unit(key: str) -> str | None:
    """The dimension of ``key``'s amounts in taxonomy.yaml (``money``, ``"%"`` …), if given."""
    return _units().get(key)
