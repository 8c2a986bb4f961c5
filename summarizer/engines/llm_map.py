"""Validated chunk answers -> output models with absolute offsets.

Every item is grounded again here, on the full report text: the quote is located in its chunk
(``text[start:end] == quote``), the number inside the quote through :mod:`summarizer.numbers`
(``value_start``/``value_end`` span the number and unit as written), and qualifier and direction
are read from the source with ``wording.qualifier_for`` / ``wording.direction_before`` (the
source wins over the model). An item that no longer grounds is dropped and counted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, get_args

from .. import numbers, wording
from ..chunking import Document
from ..chunks import Chunk
from ..models import Direction, Priority, Project, Qualifier, QualitativeTarget, Target
from ..taxonomy import lookup_key
from .base import target_at
from .llm_schema import ChunkResult, find_quote, locate_amount, numbers_in

_QUALIFIERS = set(get_args(Qualifier))
_DIRECTIONS = set(get_args(Direction))
_DIRECTION_ALIASES = {"达": "达到", "保持在": "稳定在"}
_MAX_MEASURES = 5


@dataclass
class Mapped:
    targets: list[Target] = field(default_factory=list)
    qualitative_targets: list[QualitativeTarget] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    dropped: int = 0


def headline_paths(doc: Document) -> list[str]:
    return [s.path for s in doc.headline_sections()]


def _under(path: str, roots: list[str]) -> bool:
    return any(path == r or path.startswith(r + ".") for r in roots)


def _hint(d: dict[str, Any], key: str, base: int) -> int | None:
    v = d.get(key)
    return base + v if isinstance(v, int) and v >= 0 else None


def qualifier_and_direction(text: str, vs: int, ve: int) -> tuple[str, str]:
    """The bound word and the verb for the number at ``text[vs:ve]``, read from the source."""
    cs, ce = wording.clause_bounds(text, vs)
    qualifier = wording.qualifier_for(text, vs, ve, cs, ce) or ""
    if qualifier not in _QUALIFIERS:
        qualifier = ""
    word = wording.direction_before(text, vs, cs)[0] or ""
    word = _DIRECTION_ALIASES.get(word, word)
    return qualifier, (word if word in _DIRECTIONS else "")


def _enumeration(text: str, value_start: int, lo: int) -> tuple[int, int, int, list[Any]] | None:
    """``(clause start, clause end, position of 分别, quantities after it)`` when the number at
    ``value_start`` follows a ``分别`` of its clause (not before ``lo``), else None."""
    cs, ce = wording.clause_bounds(text, value_start)
    k = text.rfind("分别", max(lo, cs), value_start)
    if k < 0:
        return None
    after = [
        m
        for m in numbers.find_mentions(text, k, ce)
        if m.kind == "quantity" and m.value is not None
    ]
    return cs, ce, k, after


def joint_member(text: str, qs: int, indicator: str, mention: Any) -> str:
    """The member of a joint subject that the number at ``mention`` belongs to, as the source
    enumerates it: ``城乡居民人均可支配收入分别增长5.5%、7%左右`` gives 城镇… for 5.5% and
    农村… for 7% (``wording.expand_joint_subject``, the rules engine's reading). Small models
    write the joint subject for both numbers although the prompt asks for the split. Unchanged
    unless the indicator stands before ``分别`` in the number's clause and the count of numbers
    after it matches the members."""
    found = _enumeration(text, mention.start, qs)
    if found is None:
        return indicator
    cs, _ce, k, after = found
    starts = [m.start for m in after]
    if indicator not in text[cs:k] or mention.start not in starts:
        return indicator
    members = wording.expand_joint_subject(indicator, len(after))
    return members[starts.index(mention.start)] if members else indicator


def enumeration_rest(
    doc: Document, t: Target, used: set[tuple[int, int]], headline: list[str]
) -> list[Target]:
    """The other members of a ``分别`` enumeration the model started: for ``一般公共预算收入、规模
    以上工业增加值分别增长5.5%、7%以上`` a model that gave only 一般公共预算收入 → 5.5% gets
    规模以上工业增加值 → 7% as well, read from the source the way the rules engine reads it.
    Only when the clause before ``分别`` splits into exactly as many members as there are numbers
    after it and the model's target is the member at its own number's place; numbers already
    taken by a target are left alone."""
    text = doc.text
    found = _enumeration(text, t.value_start, 0)
    if found is None:
        return []
    cs, ce, k, after = found
    starts = [m.start for m in after]
    members = wording.expand_joint_subject(text[cs:k].strip(), len(after))
    if not members or t.value_start not in starts:
        return []
    if members[starts.index(t.value_start)] != t.indicator:
        return []
    qs = cs + (len(text[cs:k]) - len(text[cs:k].lstrip()))
    section, scope = _where(doc, qs, headline)
    out = []
    for name, m in zip(members, after, strict=True):
        if (m.start, m.end) in used:
            continue
        used.add((m.start, m.end))
        out.append(_target(text, m, name, scope, section, text[qs:ce], qs))
    return out


def _target(
    text: str, m: Any, indicator: str, scope: str, section: str | None, quote: str, start: int
) -> Target:
    """A target at mention ``m``, qualifier and direction read from the source."""
    qualifier, direction = qualifier_and_direction(text, m.start, m.end)
    return target_at(
        m,
        indicator=indicator,
        qualifier=qualifier,
        direction=direction,
        scope=scope,
        section=section,
        quote=quote,
        start=start,
    )


def _where(doc: Document, pos: int, headline: list[str]) -> tuple[str | None, str]:
    """(section path, scope) of the item whose quote starts at ``pos``."""
    sec = doc.section_at(pos)
    if sec is None:
        return None, "section"
    return sec.path, ("headline" if _under(sec.path, headline) else "section")


def map_chunk(doc: Document, chunk: Chunk, result: ChunkResult) -> Mapped:
    text = doc.text
    lo, hi = chunk.start, chunk.end
    headline = headline_paths(doc)
    out = Mapped()
    used: set[tuple[int, int]] = set()

    for d in result.data.get("targets", []):
        found = find_quote(text, lo, hi, str(d.get("quote", "")), _hint(d, "at", lo))
        if found is None:
            out.dropped += 1
            continue
        qs, quote = found
        mention, _ = locate_amount(text, qs, qs + len(quote), str(d.get("value", "")),
                                   hint=_hint(d, "value_at", lo), used=used)  # fmt: skip
        if mention is None or mention.value is None:
            out.dropped += 1
            continue
        used.add((mention.start, mention.end))
        section, scope = _where(doc, qs, headline)
        written = str(d.get("indicator", "")).strip()
        indicator = wording.without_quotes(joint_member(text, qs, written, mention))
        out.targets.append(_target(text, mention, indicator, scope, section, quote, qs))

    for t in list(out.targets):
        out.targets.extend(enumeration_rest(doc, t, used, headline))

    for d in result.data.get("qualitative_targets", []):
        found = find_quote(text, lo, hi, str(d.get("quote", "")), _hint(d, "at", lo))
        if found is None:
            out.dropped += 1
            continue
        qs, quote = found
        body = str(d.get("text", "")).strip() or quote
        if not numbers_in(body, quote, 0, len(quote)):
            out.dropped += 1
            continue
        indicator = wording.without_quotes(str(d.get("indicator", "")).strip()) or body[:20]
        section, scope = _where(doc, qs, headline)
        out.qualitative_targets.append(
            QualitativeTarget(
                indicator=indicator,
                key=lookup_key(indicator),
                text=body,
                scope=scope,  # type: ignore[arg-type]
                section=section,
                quote=quote,
                start=qs,
                end=qs + len(quote),
            )
        )

    for d in result.data.get("projects", []):
        found = find_quote(text, lo, hi, str(d.get("quote", "")), _hint(d, "at", lo))
        name = str(d.get("name", "")).strip()
        if found is None or not name or name not in found[1]:
            out.dropped += 1
            continue
        qs, quote = found
        amount = d.get("amount")
        section = _where(doc, qs, headline)[0]
        project = Project(name=name, section=section, quote=quote, start=qs, end=qs + len(quote))
        if amount:
            mention, _ = locate_amount(text, qs, qs + len(quote), str(amount),
                                       hint=_hint(d, "value_at", lo))  # fmt: skip
            if mention is None or mention.value is None:
                out.dropped += 1
                continue
            project.amount = mention.value
            project.amount_unit = mention.unit
            project.amount_start, project.amount_end = mention.start, mention.end
            kind = d.get("amount_kind")
            project.amount_kind = kind if isinstance(kind, str) and kind and kind in quote else None
        status = d.get("status")
        project.status = status if isinstance(status, str) and status and status in quote else None
        out.projects.append(project)
    return out


def priorities_for(doc: Document, results: list[tuple[Chunk, ChunkResult]]) -> list[Priority]:
    """One priority per top-level work section, in order: the title from the section tree, the
    summary and measures from the answers of that section's chunks, kept only when every number
    in them is written in that section."""
    text = doc.text
    out: list[Priority] = []
    for ordinal, sec in enumerate(doc.top_work_sections(), start=1):
        mine = [r for c, r in results if c.section and _under(c.section, [sec.path])]
        summary = ""
        for r in mine:
            s = str(r.data.get("summary") or "").strip()
            if s and numbers_in(s, text, sec.start, sec.end):
                summary = s
                break
        measures: list[str] = []
        for r in mine:
            for m in r.data.get("measures") or []:
                m = str(m).strip()
                if m and m not in measures and numbers_in(m, text, sec.start, sec.end):
                    measures.append(m)
        if not summary and not measures:
            # no answer gave them (llm_summaries off): extractive, from the section itself
            summary = doc.lead_sentence(sec)
            measures = [k.title for k in doc.children(sec.path)]
        out.append(
            Priority(
                ordinal=ordinal,
                title=sec.title,
                summary=summary,
                measures=measures[:_MAX_MEASURES],
                section=sec.path,
                start=sec.start,
                end=sec.end,
            )
        )
    return out
