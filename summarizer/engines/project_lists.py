"""How the clauses of work text are cut into the names of a list: where a name starts (after
the last verb, marker or ``的``), the boundary words of a stretch, and the items of ``A、B、C``
(``和``/``及`` joining two names when the left one has a head noun). Pure functions of the
clause text, cached per span (a clause is read by every way of naming of :mod:`.projects` and
again, loosely, for the learned model's candidates)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .project_words import _ANY_END, _BOUNDARY, _PHASE, _STRONG

# A clause is read by every way of naming, and read again for the model's candidates (loosely):
# the same spans of it are trimmed and split many times over (about twice in three calls).
# Small caches of those pure functions, which the next reports evict.
_SPAN_CACHE = 4096
_LEAD_AMOUNT = re.compile(r"(?:总?投资)?[\d.]+[万亿]?元的?")
_AND = re.compile(r"[和及]")
_AND_WITH = re.compile(r"以及|[和及与]")
_JOIN_AT = re.compile(r"(?:和|及|与)(?!.{0,2}$)")
_HE = re.compile(r"和")
_ONE_ITEM = re.compile(r"[^\s，,；;。：:]+")
_HEAD_ONLY = re.compile(rf"(?:{_STRONG}){_PHASE}?(?:[（(][^）)]*[）)])?")
# the work a project does, written between the facility and a bare 项目 (殡仪馆新建项目)
_WORK_NOUNS = frozenset(("新建", "建设", "提升", "改造提升", "续建"))


@lru_cache(maxsize=_SPAN_CACHE)
def _trim_start(body: str, a: int, b: int, *, keep_and: bool = False) -> int:
    """The name starts after the last boundary word (verb, marker, ``的``) in ``body[a:b]``;
    with ``keep_and`` a ``和`` joins two names (环湖路和百兴路) and is no boundary."""
    start = a
    for m in _verbs(body, a, b):
        if keep_and and m.group() == "和":
            continue
        if m.end() < b:
            start = m.end()
    m2 = _LEAD_AMOUNT.match(body[start:b])
    if m2:
        start += m2.end()
    while start < b and body[start] in '、和与及“”"':
        if body[start] in '“"' and "”" in body[start : b + 1]:
            break
        start += 1
    return start


@lru_cache(maxsize=_SPAN_CACHE)
def _verbs(body: str, a: int, b: int) -> tuple[re.Match[str], ...]:
    """The boundary words in ``body[a:b]``, except a work noun (提升, 建设) written right before
    the head noun that ends the stretch after a long specific part: ``现代中药工业园区配套设施
    提升工程`` is a name, ``文化提升工程`` a campaign whose name starts at the head."""
    out = []
    prev = a
    for m in _BOUNDARY.finditer(body, a, b):
        if (
            m.group() in ("提升", "改造提升", "建设")
            and m.start() - prev >= 6
            and _HEAD_ONLY.fullmatch(body, m.end(), b)
        ):
            continue
        if m.group() in _WORK_NOUNS and m.start() - prev >= 3 and body[m.end() : b] == "项目":
            continue  # 北河大桥新建项目, 殡仪馆新建项目: the work names the project of a facility
        out.append(m)
        prev = m.end()
    return tuple(out)


def _starts(pattern: re.Pattern[str], s: str) -> Iterator[int]:
    """Every position of ``s`` where ``pattern`` matches, overlapping matches included (the
    positions a lookahead ``(?=…)`` finds, but the regex engine skips in C to the first
    characters of a literal-led pattern instead of trying each position)."""
    m = pattern.search(s)
    while m is not None:
        yield m.start()
        m = pattern.search(s, m.start() + 1)


def _split_heads(body: str, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``恒源街及9条小街小巷``: an item whose part before 及/和/与 ends on a head noun is two."""
    out = []
    for a, b in parts:
        m = _AND_WITH.search(body[a:b])
        if m and m.start() > 1 and _ANY_END.search(body[a : a + m.start()]):
            out += [(a, a + m.start()), (a + m.end(), b)]
        else:
            out.append((a, b))
    return out


def _splits_at(body: str, e: int) -> bool:
    """A strong head inside a run ends a name when ``和``/``及`` (or a verb) follows it."""
    return bool(_JOIN_AT.match(body, e)) and e > 4


def _split_to_count(
    body: str, start: int, pieces: list[tuple[int, int]], count: int
) -> list[tuple[int, int]]:
    """The pieces of a counted list (its segment starts at ``start``) with each ``和``/``及``
    between two names split, when that makes exactly ``count`` names; else ``pieces``."""
    # the first piece may start before the verb's 和 was trimmed (哈萨尔和东升路); ``pieces``
    # themselves are returned unchanged when the count is not met
    joined = list(pieces)
    if joined:
        joined[0] = (_trim_start(body, start, pieces[0][1], keep_and=True), pieces[0][1])
    out: list[tuple[int, int]] = []
    for a, b in joined:
        m = _AND.search(body, a, b)
        if m and m.start() > a and m.end() < b:
            out += [(a, m.start()), (m.end(), b)]
        else:
            out.append((a, b))
    if len(out) == count and all(_ONE_ITEM.fullmatch(body[a:b]) for a, b in out):
        return out
    return pieces


def _split_list(
    body: str, start: int, end: int, *, split_and: bool = False
) -> list[tuple[int, int]]:
    """The items of ``A、B、C`` in ``body[start:end]``; the first starts after the last verb."""
    return list(_list_items(body, start, end, split_and))


@lru_cache(maxsize=_SPAN_CACHE)
def _list_items(body: str, start: int, end: int, split_and: bool) -> tuple[tuple[int, int], ...]:
    """:func:`_split_list`'s items, cached (callers get a list of their own to change)."""
    seg = body[start:end]
    if not seg.strip():
        return ()
    parts: list[tuple[int, int]] = []
    pos = start
    for piece in seg.split("、"):
        parts.append((pos, pos + len(piece)))
        pos += len(piece) + 1
    a0, b0 = parts[0]
    first = _trim_start(body, a0, b0)
    if split_and:  # 完成环湖路和百兴路建设: 和 joins two names when the left one has a head
        joined = _trim_start(body, a0, b0, keep_and=True)
        m = _HE.search(body[joined:b0])
        if m and _ANY_END.search(body, joined, joined + m.start()):
            first = joined
    parts[0] = (first, b0)
    if len(parts) > 1:
        # a verb inside a later item means the list began after it
        for k in range(len(parts) - 1, 0, -1):
            a, b = parts[k]
            if _trim_start(body, a, b) != a and any(
                v.end() < b for v in _verbs(body, a, b) if v.group() not in ("的", "和", "以及")
            ):
                parts = [(_trim_start(body, a, b), b), *parts[k + 1 :]]
                break
    # 投资11.9亿元的保定天冠电力设备、投资10亿元的万瑞医疗: an amount opening a later item is
    # the item's amount (as the first item's is, see _trim_start), not part of its name
    for k in range(1, len(parts)):
        a, b = parts[k]
        lead = _LEAD_AMOUNT.match(body, a, b)
        if lead and lead.group().startswith(("投资", "总投资")) and b - lead.end() >= 2:
            parts[k] = (lead.end(), b)
    if len(parts) >= 2 and all(
        b - a <= 4 and not _ANY_END.search(body, a, b) for a, b in parts[:-1]
    ):
        # 京雄、京德和荣乌高速新线一期: abbreviations sharing the tail; 和 joins the last two
        a, b = parts[-1]
        m = _AND.search(body, a, b)
        if m and m.start() - a <= 4 and not _ANY_END.search(body, a, m.start()):
            parts[-1:] = [(a, m.start()), (m.end(), b)]
    if split_and:
        out = []
        for a, b in parts:
            m = _AND.search(body[a:b])
            if m and _ANY_END.search(body[a : a + m.start()]) and _ANY_END.search(body[a:b]):
                out.append((a, a + m.start()))
                out.append((a + m.end(), b))
            else:
                out.append((a, b))
        parts = out
    return tuple((a, b) for a, b in parts if b > a and _ONE_ITEM.fullmatch(body[a:b]))
