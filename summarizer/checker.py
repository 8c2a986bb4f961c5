"""The numeric consistency checker: every number a summary states, against its source text.

``check(summary, source_text)`` verifies, item by item (docs/output-format.md):

- targets: the quote is in the source (at ``start:end`` when given); ``value_start:value_end``
  is one whole number with its unit inside the quote and says the target's value, value_max and
  unit (by magnitude: 2000万元 == 0.2亿元; 个百分点 is never %); the qualifier and direction
  are what the source says next to that number. Without value spans, the targets that share a
  quote are paired with the quote's numbers in order (a swapped enumeration is flagged).
- outcomes: as targets (item ``outcomes[3]``, the same violation kinds); a ``measure``, when
  given, is one of growth, level, change, count (``measure`` is optional on input).
- projects: the quote is in the source; the amount is the number at ``amount_start:amount_end``
  (or, without that span, a number of the quote); numbers in the name are in the quote.
- qualitative targets: the quote is in the source; ``text`` has no number the quote lacks.
- priorities: every number in title, summary and measures is in the section
  ``text[start:end]``.

A correct summary is never flagged for a defensible reading of the source: where the contract
leaves room (力争 before an earlier comma, 增速 read as 增长 or as no verb) every reading is
accepted (``wording.qualifier_readings`` / ``wording.direction_readings``). A bare scale in the
source (``3800亿``) matches ``亿元``. Malformed input raises :class:`InputError` naming the item
and field.
"""

from __future__ import annotations

import bisect
import math
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from . import numbers as nb
from . import wording as wd
from .errors import InputError
from .layout import WRAP_JOIN, layout_view, unwrapped
from .layout import unwrapped_span as layout_span
from .measures import MEASURES
from .models import CheckResult, ReportSummary, Violation

__all__ = ["check", "format_violations"]

_POOL_KINDS = frozenset({"quantity", "ordinal", "code"})
_NOT_QUANTITY_KINDS = frozenset({"year", "date", "footnote", "marker"})
_MAX_OCCURRENCES = 50
_RUN_CHARS = nb.NUMBER_CHARS
_Num = tuple[int, int, float, float | None, str]  # (start, end, value, value_max, unit)


# ------------------------------------------------------------------------------ input shape


@dataclass(slots=True)
class _Target:
    """A number to verify: a target's value, or a project's amount (``fields`` name them)."""

    item: str
    value: float
    value_max: float | None
    has_value_max: bool
    unit: str
    qualifier: str | None
    direction: str | None
    quote: str
    start: int | None
    end: int | None
    value_start: int | None
    value_end: int | None
    fields: tuple[str, str, str] = ("value", "unit", "value_start")


def _type_name(v: Any) -> str:
    return "null" if v is None else type(v).__name__


def _number(d: Mapping[str, Any], key: str, item: str, required: bool = False) -> float | None:
    v = d.get(key)
    if v is None:
        if required:
            raise InputError(f"{item}.{key}: missing; give the number as written, made Arabic")
        return None
    if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v):
        raise InputError(f"{item}.{key}: expected a finite number, got {_type_name(v)} {v!r}")
    return float(v)


def _integer(d: Mapping[str, Any], key: str, item: str) -> int | None:
    v = d.get(key)
    if v is not None and (isinstance(v, bool) or not isinstance(v, int)):
        raise InputError(f"{item}.{key}: expected an integer offset, got {_type_name(v)} {v!r}")
    return v


def _string(d: Mapping[str, Any], key: str, item: str, required: bool = False) -> str | None:
    v = d.get(key)
    if v is None:
        if required:
            raise InputError(f"{item}.{key}: missing; every item needs the {key} it was read from")
        return None
    if not isinstance(v, str):
        raise InputError(f"{item}.{key}: expected a string, got {_type_name(v)} {v!r}")
    return v


def _pair(d: Mapping[str, Any], a: str, b: str, item: str) -> tuple[int | None, int | None]:
    x, y = _integer(d, a, item), _integer(d, b, item)
    if (x is None) != (y is None):
        given, missing = (a, b) if x is not None else (b, a)
        raise InputError(f"{item}.{missing}: missing while {given} is given; give both or neither")
    return x, y


def _items(data: Mapping[str, Any], key: str) -> list[tuple[str, Mapping[str, Any]]]:
    v = data.get(key)
    if v is None:
        return []
    if not isinstance(v, list):
        raise InputError(f"{key}: expected a list, got {_type_name(v)}")
    for i, x in enumerate(v):
        if not isinstance(x, Mapping):
            raise InputError(f"{key}[{i}]: expected an object, got {_type_name(x)} {x!r}")
    return [(f"{key}[{i}]", x) for i, x in enumerate(v)]


def _target(item: str, d: Mapping[str, Any]) -> _Target:
    _string(d, "indicator", item)
    measure = _string(d, "measure", item)
    if measure is not None and measure not in MEASURES:
        raise InputError(f"{item}.measure: expected one of {', '.join(MEASURES)}, got {measure!r}")
    quote = _string(d, "quote", item, required=True) or ""
    value = _number(d, "value", item, required=True) or 0.0
    start, end = _pair(d, "start", "end", item)
    vs, ve = _pair(d, "value_start", "value_end", item)
    return _Target(
        item, value, _number(d, "value_max", item), "value_max" in d,
        nb.normalize_unit(_string(d, "unit", item) or ""),
        _string(d, "qualifier", item) if "qualifier" in d else None,
        _string(d, "direction", item) if "direction" in d else None,
        quote, start, end, vs, ve,
    )  # fmt: skip


# ------------------------------------------------------------------------------ comparisons


def _fmt(v: float | None) -> str:
    if v is None:
        return "null"
    return str(int(v)) if float(v).is_integer() and abs(v) < 1e15 else repr(float(v))


def _say(v: float, vmax: float | None, unit: str) -> str:
    return f"{_fmt(v)}{unit}" if vmax is None else f"{_fmt(v)}—{_fmt(vmax)}{unit}"


def _same(v1: float, u1: str, v2: float, u2: str) -> bool:
    """Same amount; a bare scale (3800亿) also matches that scale of 元 (3800亿元)."""
    m1, b1 = nb.to_base(v1, u1)
    m2, b2 = nb.to_base(v2, u2)
    if not math.isclose(m1, m2, rel_tol=1e-9, abs_tol=1e-12):
        return False
    return b1 == b2 or ({b1, b2} == {"", "元"} and (u1 if b1 == "" else u2) != "")


def _compare(t: _Target, v: float, vmax: float | None, unit: str) -> str:
    """ "ok", or which field differs: "unit", "value" or "value_max"."""
    if _same(t.value, t.unit, v, unit):
        if t.has_value_max and (
            (t.value_max is None) != (vmax is None)
            or (
                t.value_max is not None
                and vmax is not None
                and not _same(t.value_max, t.unit, vmax, unit)
            )
        ):
            return "value_max"
        return "ok"
    if math.isclose(t.value, v, rel_tol=1e-9) and t.unit != unit:
        return "unit"
    return "value"


def _free_match(m: nb.Mention, p: nb.Mention) -> bool:
    """Does free-text number m name the source number p (either end of a range)?"""
    if m.value is None or p.value is None:
        return False
    ends = [p.value] if p.value_max is None else [p.value, p.value_max]
    if not m.unit:
        return any(math.isclose(m.value, x, rel_tol=1e-9) for x in ends)
    if m.value_max is not None:
        return (
            p.value_max is not None
            and _same(m.value, m.unit, p.value, p.unit)
            and _same(m.value_max, m.unit, p.value_max, p.unit)
        )
    return any(_same(m.value, m.unit, x, p.unit) for x in ends)


def _align(statuses: list[list[str]]) -> list[int | None]:
    """Pair targets with numbers in order: index by index when the counts agree, else the
    longest order-preserving run of exact matches (earliest first)."""
    n, m = len(statuses), len(statuses[0]) if statuses else 0
    if n == m:
        return [k if statuses[k][k] == "ok" else None for k in range(n)]
    dp = [[0] * (m + 1) for _ in range(n + 1)]  # dp[i][j]: most matches of [i:] with [j:]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            dp[i][j] = max(
                dp[i + 1][j], dp[i][j + 1], 1 + dp[i + 1][j + 1] if statuses[i][j] == "ok" else 0
            )
    out: list[int | None] = [None] * n
    i = j = 0
    while i < n and j < m:
        if statuses[i][j] == "ok" and dp[i][j] == 1 + dp[i + 1][j + 1]:
            out[i], i, j = j, i + 1, j + 1
        elif dp[i + 1][j] >= dp[i][j + 1]:
            i += 1
        else:
            j += 1
    return out


def _inside_number(text: str, vs: int) -> bool:
    """Does a span starting at vs start inside a number (``9.2`` of ``19.2``)?"""
    if vs == 0:
        return False
    if nb.runs_on(text, vs):
        return True
    prev, cur = text[vs - 1], text[vs]
    if vs < 2 or text[vs - 2] not in nb.DIGIT_CHARS or cur not in nb.DIGIT_CHARS:
        return False
    if prev == ",":  # 1,234 as the engine reads it; 第4,21个 is two numbers
        return wd.thousands_comma_at(text, vs - 1)
    return prev in ".．"


def _clip(s: str, n: int = 60) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


# ------------------------------------------------------------------------------ the check


class _Checker:
    def __init__(self, text: str, layout: str | None = None) -> None:
        self.text = text
        self.n = len(text)
        self._all: list[nb.Mention] | None = None  # find_mentions of the whole text, when needed
        self._starts: list[int] = []
        self.violations: list[Violation] = []
        self.checked = 0
        self._layout = layout  # the layout view of ``text``, when the caller has it
        self._compact: tuple[str, list[int]] | None = None

    def flag(self, kind: str, item: str, field: str, message: str, value: str | None = None,
             quote: str | None = None, start: int | None = None, end: int | None = None) -> None:  # fmt: skip
        self.violations.append(Violation(kind=kind, item=item, field=field, value=value, quote=quote,
                                         start=start, end=end, message=message))  # fmt: skip

    def _mentions(self, s: int, e: int) -> list[nb.Mention]:
        """The mentions inside text[s:e]: from the whole text's when the span is long, else
        found in the span alone (a number the span starts inside of is left out)."""
        if self._all is None and e - s > 3000:
            self._all = nb.find_mentions(self.text)
            self._starts = [m.start for m in self._all]
        if self._all is not None:
            i = bisect.bisect_left(self._starts, s)
            j = bisect.bisect_left(self._starts, e, lo=i)
            return [m for m in self._all[i:j] if m.end <= e]
        s0 = s
        while s0 > 0 and self.text[s0 - 1] in _RUN_CHARS:
            s0 -= 1
        return [m for m in nb.find_mentions(self.text, s0, e) if m.start >= s]

    def pool(self, s: int, e: int) -> list[nb.Mention]:
        """Numbers written in ``text[s:e]`` (quantities, slogan counts, codes)."""
        return [m for m in self._mentions(s, e) if m.kind in _POOL_KINDS and m.value is not None]

    def numbers(self, s: int, e: int, loose: bool = False) -> list[_Num]:
        """The pool as tuples; ``loose`` adds every number+unit read without context (outside
        years, dates, footnotes and markers), the fallback when the pool has no match."""
        out = [(m.start, m.end, m.value or 0.0, m.value_max, m.unit) for m in self.pool(s, e)]
        if loose:
            blocked = [
                (m.start, m.end) for m in self._mentions(s, e) if m.kind in _NOT_QUANTITY_KINDS
            ]
            known = {(x[0], x[1]) for x in out}
            out += [q for q in nb.loose_quantities(self.text, s, e)
                    if (q[0], q[1]) not in known and not any(a <= q[0] < b for a, b in blocked)]  # fmt: skip
            out.sort()
        return out

    def locate(self, item: str, quote: str, start: int | None, end: int | None) -> list[int] | None:
        """Where the quote is: [start] when the given span holds it, else every occurrence
        (flagging the wrong span); None (flagged) when it is nowhere in the source."""
        ok = start is not None and end is not None and 0 <= start <= end <= self.n
        if ok and quote and self.text[start:end] == quote:
            return [start or 0]
        occ: list[int] = []
        k = self.text.find(quote) if quote else -1
        while k >= 0 and len(occ) < _MAX_OCCURRENCES:
            occ.append(k)
            k = self.text.find(quote, k + 1)
        if not occ:
            why = (
                "the quote is empty"
                if not quote
                else f"the quote {_clip(quote)!r} is not in the source text"
            )
            self.flag("quote_not_in_source", item, "quote", why, quote=quote, start=start, end=end)
            return None
        if start is not None and end is not None:
            held = _clip(self.text[max(0, start) : max(0, min(end, self.n))])
            msg = f"text[{start}:{end}] is {held!r}, not the quote; the quote is at text[{occ[0]}:{occ[0] + len(quote)}]"
            self.flag("span_mismatch", item, "start", msg, quote=quote, start=start, end=end)
        return occ

    def whole_quantity(self, vs: int, ve: int) -> tuple[float, float | None, str] | None:
        """The number+unit at text[vs:ve] when the span is exactly one whole quantity, as
        written or as the layout view reads it (a number and its unit across a wrapped line:
        ``4.5⏎万亩``; the view is a same-length function of the source)."""
        if not 0 <= vs < ve <= self.n:
            return None
        for text in (self.text, self.layout):
            if _inside_number(text, vs):
                continue
            q = nb.quantity_at(text, vs)
            if q is not None and q[0] == ve:
                return q[1], q[2], q[3]
        # 500万⏎平方米: as the rules engine reads a wrapped text (a span that starts or ends on
        # the join itself, a blank or a line break, holds more than the number)
        joined = WRAP_JOIN in (self.layout[vs], self.layout[ve - 1])
        unwrapped_at = None if joined else self.unwrapped_span(vs, ve)
        if unwrapped_at is not None:
            text, cs, ce = unwrapped_at
            q = None if _inside_number(text, cs) else nb.quantity_at(text, cs)
            if q is not None and q[0] == ce:
                return q[1], q[2], q[3]
        return None

    def unwrapped_span(self, s: int, e: int) -> tuple[str, int, int] | None:
        """The text the rules engine reads when the layout view joined wraps
        (:func:`summarizer.layout.unwrapped`), with span ``s``-``e`` in it; None when no wrap
        was joined."""
        if WRAP_JOIN not in self.layout:
            return None
        if self._compact is None:
            self._compact = unwrapped(self.layout)
        text, keep = self._compact
        return (text, *layout_span(keep, s, e))

    @property
    def layout(self) -> str:
        """The layout view of the source (:mod:`summarizer.layout`), made once."""
        if self._layout is None:
            self._layout = layout_view(self.text)
        return self._layout

    def check_readings(self, t: _Target, ms: int, me: int) -> None:
        """Qualifier and direction of the number at text[ms:me], when the item states them."""
        text = self.text
        cs, ce = wd.clause_bounds(text, ms)
        if (
            t.qualifier is not None
            and t.qualifier not in wd.qualifier_readings(text, ms, me, (cs, ce))
            and t.qualifier not in self.layout_qualifiers(ms, me)
        ):
            src = wd.qualifier_for(text, ms, me, cs, ce)
            msg = f"qualifier {t.qualifier!r}, but the source has {src!r} for {text[ms:me]!r}"
            self.flag("qualifier_mismatch", t.item, "qualifier", msg, t.qualifier, t.quote, ms, me)
        if (
            t.direction is not None
            and t.direction not in wd.direction_readings(text, ms, cs)
            and t.direction not in self.layout_readings(ms)
        ):
            src = wd.direction_before(text, ms, cs)[0]
            msg = f"direction {t.direction!r}, but the verb before {text[ms:me]!r} in the source is {src!r}"
            self.flag("direction_mismatch", t.item, "direction", msg, t.direction, t.quote, ms, me)

    def layout_qualifiers(self, ms: int, me: int) -> frozenset[str]:
        """More qualifiers the source allows for the number at text[ms:me]: those of the layout
        view (``95%⏎以上`` across a wrapped line reads ``以上`` there, as the engine reads it)."""
        lay = self.layout
        found = wd.qualifier_readings(lay, ms, me, wd.clause_bounds(lay, ms))
        unwrapped_at = self.unwrapped_span(ms, me)
        if unwrapped_at is not None:
            text, cs, ce = unwrapped_at
            found |= wd.qualifier_readings(text, cs, ce, wd.clause_bounds(text, cs))
        return found

    def layout_readings(self, ms: int) -> frozenset[str]:
        """More directions the source allows for the number at ``ms``: those of the layout view
        (``&nbsp;`` is a space there, not a ``;`` ending the clause) and, in an enumeration
        (``A、B分别为45%、38%``), those read from its ``分别``, as the rules engine reads it."""
        found = self._readings(self.layout, ms)
        unwrapped_at = self.unwrapped_span(ms, ms)
        if unwrapped_at is not None:
            found |= self._readings(unwrapped_at[0], unwrapped_at[1])
        return found

    @staticmethod
    def _readings(lay: str, ms: int) -> frozenset[str]:
        lcs = wd.clause_bounds(lay, ms)[0]
        k = lay.rfind("分别", lcs, ms)
        split = wd.direction_readings(lay, ms, k) if k >= 0 else frozenset()
        return wd.direction_readings(lay, ms, lcs) | split

    # -- one number with its span (a target's value or a project's amount)

    def with_span(self, t: _Target, occ: list[int]) -> None:
        vs, ve = t.value_start or 0, t.value_end or 0
        inside = [o for o in occ if o <= vs and ve <= o + len(t.quote)]
        got = self.whole_quantity(vs, ve) if inside else None
        status = "span" if got is None else _compare(t, *got)
        if status == "ok":
            self.check_readings(t, vs, ve)
            return
        f_value, f_unit, f_start = t.fields
        said = _say(t.value, t.value_max, t.unit)
        held = repr(_clip(self.text[max(0, vs) : max(0, min(ve, self.n))]))
        if got is None:
            why = "is not one whole number with its unit" if inside else "is not inside the quote"
            self.flag(
                "span_mismatch",
                t.item,
                f_start,
                f"text[{vs}:{ve}] = {held} {why}",
                said,
                t.quote,
                vs,
                ve,
            )
        elif status == "unit":
            msg = f"{f_unit} {t.unit!r}, but the source writes {held} (unit {got[2]!r})"
            self.flag("unit_mismatch", t.item, f_unit, msg, said, t.quote, vs, ve)
        elif status == "value_max":
            msg = f"value_max {_fmt(t.value_max)}, but the source writes {held}"
            self.flag("number_not_in_quote", t.item, "value_max", msg, said, t.quote, vs, ve)
        else:
            qs = inside[0]
            there = [
                m
                for m in self.pool(qs, qs + len(t.quote))
                if _compare(t, m.value or 0.0, m.value_max, m.unit) == "ok"
            ]
            if there:
                msg = (f"the value span text[{vs}:{ve}] is {held}, but {said} is written at "
                       f"text[{there[0].start}:{there[0].end}] (swapped values of an enumeration?)")  # fmt: skip
                self.flag("span_mismatch", t.item, f_start, msg, said, t.quote, vs, ve)
            else:
                msg = f"{f_value} {said}, but the source writes {held} there and the quote has no {said}"
                self.flag("number_not_in_quote", t.item, f_value, msg, said, t.quote, vs, ve)

    # -- numbers without spans: paired with the quote's numbers in order

    def group(self, group: list[_Target], occ: list[int]) -> None:
        """Numbers without spans that share a quote; the occurrence that fits best is used."""
        best: list[Violation] | None = None
        saved = self.violations
        for o in occ:
            self.violations = []
            self._pair_group(group, o)
            if best is None or len(self.violations) < len(best):
                best = self.violations
            if not best:
                break
        self.violations = saved + (best or [])

    def _pair_group(self, group: list[_Target], o: int) -> None:
        L = len(group[0].quote)
        pool = self.numbers(o, o + L)
        statuses = [[_compare(t, p[2], p[3], p[4]) for p in pool] for t in group]
        if any("ok" not in row for row in statuses):
            pool = self.numbers(o, o + L, loose=True)
            statuses = [[_compare(t, p[2], p[3], p[4]) for p in pool] for t in group]
        pairs = _align(statuses)
        if len(group) > len(pool):  # more targets than numbers: a repeated target matches any
            pairs = [
                j if j is not None else (row.index("ok") if "ok" in row else None)
                for j, row in zip(pairs, statuses, strict=True)
            ]
        used = {j for j in pairs if j is not None}
        written = ", ".join(repr(self.text[p[0] : p[1]]) for p in pool) or "none"
        for k, t in enumerate(group):
            f_value, f_unit, _ = t.fields
            said, j = _say(t.value, t.value_max, t.unit), pairs[k]
            if j is not None:
                self.check_readings(t, pool[j][0], pool[j][1])
                continue
            near = [
                jj
                for jj, st in enumerate(statuses[k])
                if jj not in used and st in ("unit", "value_max")
            ]
            if near:
                p = pool[near[0]]
                kind, field = (
                    ("unit_mismatch", f_unit)
                    if statuses[k][near[0]] == "unit"
                    else ("number_not_in_quote", "value_max")
                )
                msg = f"{said} does not match {self.text[p[0] : p[1]]!r} in the quote"
                self.flag(kind, t.item, field, msg, said, t.quote, p[0], p[1])
                continue
            why = ("it is in the quote, but numbers sharing a quote are paired with its numbers in order"
                   if "ok" in statuses[k] else "it is not written in the quote")  # fmt: skip
            msg = f"{f_value} {said}: {why} (the quote's numbers: {written})"
            self.flag("number_not_in_quote", t.item, f_value, msg, said, t.quote, o, o + L)

    # -- the sections of a summary

    def targets(self, entries: list[tuple[str, Mapping[str, Any]]]) -> None:
        groups: dict[tuple[str, tuple[int, ...]], list[_Target]] = {}
        for item, d in entries:
            t = _target(item, d)
            self.checked += 1
            occ = self.locate(item, t.quote, t.start, t.end)
            if occ is None:
                continue
            if t.value_start is not None:
                self.with_span(t, occ)
            else:
                groups.setdefault((t.quote, tuple(occ)), []).append(t)
        for (_, occ_key), members in groups.items():
            self.group(members, list(occ_key))

    def numbers_from_quote(
        self, item: str, field: str, value: str, quote: str, at: int, why: str = ""
    ) -> None:
        """Flag each number of the free-text ``field`` that its quote (at ``at``) does not write."""
        for m in self.free_numbers(value, at, at + len(quote)):
            msg = f"{m.text!r} in the {field} is not written in the quote{why}"
            self.flag("number_not_in_quote", item, field, msg, m.text, quote, at, at + len(quote))

    def free_numbers(self, s: str, lo: int, hi: int) -> list[nb.Mention]:
        """The quantities written in free text ``s`` that no number of ``text[lo:hi]`` matches
        (the same number written the same way is found without classifying the source)."""
        found = [m for m in nb.find_mentions(s) if m.kind == "quantity" and m.value is not None]
        self.checked += len(found)
        pool: list[nb.Mention] | None = None
        missing = []
        for m in found:
            if self._written_whole(self.text, m.text, lo, hi):
                continue
            if self.layout is not self.text and self._written_whole(self.layout, m.text, lo, hi):
                continue  # ０１８年 read as 018年 in the layout view, as the engines read it
            pool = self.pool(lo, hi) if pool is None else pool
            if (
                not any(_free_match(m, p) for p in pool)
                and not self._unwrapped_has(m, lo, hi)
                and not self._layout_has(m, lo, hi)
            ):
                missing.append(m)
        return missing

    def _layout_has(self, m: nb.Mention, lo: int, hi: int) -> bool:
        """Whether the layout view of ``text[lo:hi]`` writes ``m`` (5ＧＷ, a unit in full-width
        letters, which the view reads as the engine does: 5GW)."""
        if self.layout[lo:hi] == self.text[lo:hi]:
            return False
        return any(
            p.kind in _POOL_KINDS and p.value is not None and _free_match(m, p)
            for p in nb.find_mentions(self.layout, lo, hi)
        )

    def _unwrapped_has(self, m: nb.Mention, lo: int, hi: int) -> bool:
        """Whether ``text[lo:hi]`` read unwrapped writes ``m`` (1.6万⏎吨 in a wrapped text)."""
        at = self.unwrapped_span(lo, hi)
        if at is None:
            return False
        text, clo, chi = at
        return any(
            p.kind in _POOL_KINDS and p.value is not None and _free_match(m, p)
            for p in nb.find_mentions(text, clo, chi)
        )

    @staticmethod
    def _written_whole(text: str, written: str, lo: int, hi: int) -> bool:
        """Whether ``text[lo:hi]`` writes ``written`` as one whole quantity (not cut out of a
        longer number)."""
        k = text.find(written, lo, hi)
        while k >= 0:
            q = nb.quantity_at(text, k, hi)
            if q is not None and q[0] == k + len(written) and not _inside_number(text, k):
                return True
            k = text.find(written, k + 1, hi)
        return False

    def projects(self, entries: list[tuple[str, Mapping[str, Any]]]) -> None:
        for item, d in entries:
            name = _string(d, "name", item) or ""
            quote = _string(d, "quote", item, required=True) or ""
            start, end = _pair(d, "start", "end", item)
            amount = _number(d, "amount", item)
            unit = nb.normalize_unit(_string(d, "amount_unit", item) or "")
            a_s, a_e = _pair(d, "amount_start", "amount_end", item)
            self.checked += amount is not None
            occ = self.locate(item, quote, start, end)
            if occ is None:
                continue
            self.numbers_from_quote(item, "name", name, quote, occ[0])
            if amount is not None:
                t = _Target(item, amount, None, False, unit, None, None, quote, start, end, a_s, a_e,
                            ("amount", "amount_unit", "amount_start"))  # fmt: skip
                if a_s is not None:
                    self.with_span(t, occ)
                else:
                    self.group([t], occ)

    def qualitative(self, entries: list[tuple[str, Mapping[str, Any]]]) -> None:
        for item, d in entries:
            _string(d, "indicator", item)
            text = _string(d, "text", item) or ""
            quote = _string(d, "quote", item, required=True) or ""
            start, end = _pair(d, "start", "end", item)
            occ = self.locate(item, quote, start, end)
            if occ is None:
                continue
            self.numbers_from_quote(item, "text", text, quote, occ[0],
                                    " (a qualitative target has no number of its own)")  # fmt: skip

    def priorities(self, entries: list[tuple[str, Mapping[str, Any]]]) -> None:
        for item, d in entries:
            title = _string(d, "title", item) or ""
            summary = _string(d, "summary", item) or ""
            measures = d.get("measures") or []
            if not isinstance(measures, list) or not all(isinstance(x, str) for x in measures):
                raise InputError(f"{item}.measures: expected a list of strings, got {measures!r}")
            start, end = _pair(d, "start", "end", item)
            s, e = 0, self.n
            if start is not None and end is not None:
                if 0 <= start <= end <= self.n:
                    s, e = start, end
                else:
                    msg = f"section span [{start}, {end}) is not a span of the source ({self.n} characters)"
                    self.flag("span_mismatch", item, "start", msg, start=start, end=end)
            fields = [
                ("title", title),
                ("summary", summary),
                *((f"measures[{j}]", x) for j, x in enumerate(measures)),
            ]
            for field, string in fields:
                for m in self.free_numbers(string, s, e):
                    msg = f"{m.text!r} in {field} is not among the numbers of its section text[{s}:{e}]"
                    self.flag("number_not_in_source", item, field, msg, m.text, string, s, e)


# The lists of a summary that the checker reads (its sections and meta hold no checked number).
_CHECKED = {"targets", "outcomes", "projects", "qualitative_targets", "priorities"}


def check(
    summary: ReportSummary | Mapping[str, Any], source_text: str, *, layout: str | None = None
) -> CheckResult:
    """Check every number of ``summary`` against ``source_text`` (see the module docstring);
    ``layout``: its layout view (:attr:`Report.layout`) when the caller has it, else made here."""
    if isinstance(summary, ReportSummary):
        data: Mapping[str, Any] = summary.model_dump(include=_CHECKED)  # all that is read
    elif isinstance(summary, Mapping):
        data = summary
    else:
        raise InputError(f"summary: expected a JSON object (a summary), got {_type_name(summary)}")
    if not isinstance(source_text, str):
        raise InputError(f"source text: expected a string, got {_type_name(source_text)}")
    c = _Checker(source_text, layout)
    c.targets(_items(data, "targets"))
    c.targets(_items(data, "outcomes"))
    c.projects(_items(data, "projects"))
    c.qualitative(_items(data, "qualitative_targets"))
    c.priorities(_items(data, "priorities"))
    return CheckResult(checked=c.checked, violations=c.violations)


# ------------------------------------------------------------------------------ text report


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in s)


def _pointer(text: str, start: int, end: int) -> list[str]:
    """The source line holding text[start:end], cut to a window, with ^^^ under the span."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", start)
    le = len(text) if le < 0 else le
    a, b, seg_end = max(ls, start - 24), min(le, max(end, start + 1) + 24), min(end, le)
    head = ("…" if a > ls else "") + text[a:start]
    body = text[start:seg_end]
    tail = text[seg_end:b].rstrip("\r") + ("…" if b < le else "")
    return [
        f"  line {text.count(chr(10), 0, start) + 1}, column {start - ls + 1}:",
        f"    {head}{body}{tail}",
        f"    {' ' * _width(head)}{'^' * max(1, _width(body))}",
    ]


def format_violations(result: CheckResult, source_text: str) -> str:
    """Human-readable report: each violation with its kind, item, field, message, quote and a
    caret pointer into the source; the last line counts facts checked and violations."""
    lines: list[str] = []
    for v in result.violations:
        lines.append(f"{v.kind}: {v.item}.{v.field}" + (f" = {v.value}" if v.value else ""))
        lines.append(f"  {v.message}")
        if v.quote:
            lines.append(f"  quote: {_clip(v.quote, 120)}")
        if v.start is not None and v.end is not None and 0 <= v.start <= v.end <= len(source_text):
            lines.extend(_pointer(source_text, v.start, v.end))
        lines.append("")
    lines.append(f"{result.checked} numeric facts checked, {len(result.violations)} violations")
    return "\n".join(lines)
