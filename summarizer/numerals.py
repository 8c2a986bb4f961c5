"""Chinese numerals: a run of numeral characters as a number (``三百零五`` -> 305, ``两千万`` ->
(2000, ``万``)). Pure functions, no I/O; :mod:`summarizer.numbers` finds the runs in a text and
reads their units."""

from __future__ import annotations

import functools

_CN_DIGIT = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10**4, "亿": 10**8}
_CN_CHARS = frozenset(_CN_DIGIT) | frozenset(_CN_SMALL) | frozenset(_CN_BIG)
_CN_HAS_DIGIT = frozenset("〇一二两三四五六七八九十")
_ZEROS = frozenset("零〇○")


def _parse_cn_int(s: str) -> int | None:
    """An integer in Chinese numerals (``三百零五``, ``两千``, ``一万二``, ``二〇二四``), or None."""
    if not s or any(c not in _CN_CHARS for c in s):
        return None
    if all(c in _CN_DIGIT for c in s):  # 二〇二四: digits read one by one
        return int("".join(str(_CN_DIGIT[c]) for c in s))
    for big, mult in (("亿", 10**8), ("万", 10**4)):
        if big in s:
            hi, _, lo = s.partition(big)
            h = _parse_cn_int(hi) if hi else 1
            if len(lo) == 1 and lo in _CN_DIGIT and lo not in _ZEROS:  # 一万二 = 12000
                low: int | None = _CN_DIGIT[lo] * mult // 10
            else:
                low = _parse_cn_int(lo.lstrip("零〇○")) if lo.lstrip("零〇○") else 0
            if h is None or not h or low is None or low >= mult:
                return None
            return h * mult + low
    total, last, zero = 0, 10**9, False
    digit: int | None = None
    for c in s:
        if c in _CN_SMALL:
            u = _CN_SMALL[c]
            if u >= last:
                return None
            total += (1 if digit is None else digit) * u
            digit, last, zero = None, u, False
        elif digit is not None:
            return None
        elif c in _ZEROS:
            zero = True
        else:
            digit = _CN_DIGIT[c]
    if digit is not None:  # 三千五 = 3500; 三百零五 = 305; 十二 = 12
        total += digit * last // 10 if 100 <= last < 10**9 and not zero else digit
    return total


# Numeral runs (一, 两千, 三百零五) recur in every report: parsed once each.
@functools.lru_cache(maxsize=4096)
def _cn_split(run: str) -> tuple[float, str] | None:
    """A Chinese numeral run as (value, scale as written): ``两千万`` -> (2000, "万")."""
    if "点" in run:
        head, _, tail = run.partition("点")
        k = 0
        while k < len(tail) and tail[k] in _CN_DIGIT:
            k += 1
        whole = _parse_cn_int(head)
        if whole is None or not k or tail[k:] not in ("", "万", "亿", "万亿"):
            return None
        return whole + float("0." + "".join(str(_CN_DIGIT[c]) for c in tail[:k])), tail[k:]
    for sc in ("万亿", "亿", "万"):
        if run.endswith(sc) and len(run) > len(sc):
            head = run[: -len(sc)]
            hv = None if "亿" in head or (sc == "万" and "万" in head) else _parse_cn_int(head)
            if hv is not None:
                return float(hv), sc
            break
    total = _parse_cn_int(run)
    if total is None:
        return None
    if "亿" in run:
        return total / 1e8, "亿"
    return (total / 1e4, "万") if "万" in run else (float(total), "")
