"""The one small engine interface that the rules, llm, local and fake engines implement."""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from dataclasses import dataclass, field

from ..chunking import Document
from ..measures import clause_tail, measure_of, unit_dimension
from ..models import (
    EngineName,
    Outcome,
    Priority,
    Project,
    QualitativeTarget,
    Section,
    Strategy,
    Target,
    Usage,
)
from ..numbers import Mention
from ..taxonomy import key_admits, key_unit, lookup_key


@dataclass
class Extraction:
    """What an engine found in one report, with the bookkeeping that goes into ``meta``."""

    targets: list[Target] = field(default_factory=list)
    qualitative_targets: list[QualitativeTarget] = field(default_factory=list)
    priorities: list[Priority] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    # the section tree the items were read on, when it is not the document's (a wrapped text
    # read unwrapped: :mod:`.unwrapped`); None: the document's
    sections: list[Section] | None = None
    chunks: int = 0
    failed_chunks: list[str] = field(default_factory=list)
    dropped: int = 0
    usage: Usage = field(default_factory=Usage)


class Engine(ABC):
    """Turns a chunked report into an :class:`Extraction`.

    Engines are async so that the pipeline can run many chunks and reports concurrently under
    one limit; a purely local engine simply does its work inside ``extract``.
    """

    name: EngineName
    model: str | None = None
    prompt_version: str | None = None
    strategy: Strategy | None = None  # how a model engine uses its model (meta.strategy)

    @abstractmethod
    async def extract(self, doc: Document) -> Extraction:
        """Extract targets, qualitative targets, priorities and projects from ``doc``."""

    async def aclose(self) -> None:  # noqa: B027 - optional hook
        """Release clients, servers or files the engine holds."""


def target_at(
    mention: Mention,
    *,
    indicator: str,
    qualifier: str,
    direction: str,
    scope: str,
    section: str | None,
    quote: str,
    start: int,
) -> Target:
    """A target for the quantity ``mention`` inside ``quote`` (which starts at ``start``): value,
    range and unit come from the mention, so they are exactly what the source writes; the key is
    the taxonomy's for ``indicator`` (:func:`item_key`), the measure
    :func:`summarizer.measures.measure_of` of the indicator, unit, direction and the words of
    the quote before the number."""
    if mention.value is None:
        raise ValueError(f"mention {mention.text!r} has no value")
    before = quote[: max(0, mention.start - start)]
    measure = measure_of(indicator, mention.unit, direction, before)
    return Target.model_validate(
        {
            "indicator": indicator,
            "key": item_key(indicator, mention.unit, measure, before),
            "measure": measure,
            "value": mention.value,
            "value_max": mention.value_max,
            "unit": mention.unit,
            "qualifier": qualifier,
            "direction": direction,
            "scope": scope,
            "section": section,
            "quote": quote,
            "start": start,
            "end": start + len(quote),
            "value_start": mention.start,
            "value_end": mention.end,
        }
    )


def outcome_of(target: Target, period: str) -> Outcome:
    """The outcome a target-shaped reading of review text states for ``period``."""
    # the target's fields as they are (its values already validated), without a dump
    data = dict(target.__dict__)
    del data["scope"]
    return Outcome.model_validate({**data, "period": period})


# The number is a share of what the indicator names (外商直接投资占全市比重达到60%): the words
# between them say so. A share never takes the key of its total.
_SHARE_AFTER = re.compile(r"占[^，,；;。]{0,16}(?:比重|比例|份额)|占比|比重|的比例")
_CLAUSE_END = re.compile(r"[，,；;。：:]")


# Where the words before an indicator stop belonging to its name: clause and list punctuation.
_NAME_STOP = re.compile(r"[，,；;。：:、\s（）()“”\"]")


def _name_as_written(indicator: str, before: str) -> str:
    """The indicator with the words of its clause that run into it right before the number
    (``城镇新增就业3000人`` read as 就业: 城镇新增就业), so that the longest name the report wrote
    picks the key; the indicator itself when the clause does not end in it."""
    tail = _NAME_STOP.split(clause_tail(before))[-1]
    return (
        tail if indicator and len(tail) > len(indicator) and tail.endswith(indicator) else indicator
    )


def item_key(indicator: str, unit: str = "", measure: str = "", before: str = "") -> str | None:
    """The taxonomy key of ``indicator`` (:func:`summarizer.taxonomy.lookup_key`), or None when
    the number is a share or ratio stated of it (a % level after 占…比重, 占比) while the
    indicator itself names no share: 外商直接投资占全市比重 is not ``fdi``."""
    key = lookup_key(_name_as_written(indicator, before)) or lookup_key(indicator)
    dimension = unit_dimension(unit)
    if key is None or not key_admits(key, dimension):
        return None
    if measure != "level" or dimension != "%":
        return key
    if key_unit(key) not in (None, "%"):
        return None  # a % level of an amount (占公共预算支出80%, 是2010年的2.6倍): a share
    tail = _CLAUSE_END.split(before)[-1]
    k = tail.find(indicator) if indicator else -1
    after = tail[k + len(indicator) :] if k >= 0 else ""
    if _SHARE_AFTER.search(after) and not _SHARE_AFTER.search(indicator):
        return None
    return key
