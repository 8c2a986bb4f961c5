"""The one small engine interface that the rules, llm, local and fake engines implement."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field

from ..chunking import Document
from ..models import EngineName, Priority, Project, QualitativeTarget, Target, Usage
from ..numbers import Mention
from ..taxonomy import lookup_key


@dataclass
class Extraction:
    """What an engine found in one report, with the bookkeeping that goes into ``meta``."""

    targets: list[Target] = field(default_factory=list)
    qualitative_targets: list[QualitativeTarget] = field(default_factory=list)
    priorities: list[Priority] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
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
    the taxonomy's for ``indicator``."""
    if mention.value is None:
        raise ValueError(f"mention {mention.text!r} has no value")
    return Target.model_validate(
        {
            "indicator": indicator,
            "key": lookup_key(indicator),
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
