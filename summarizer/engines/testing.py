"""A scripted engine for unit tests and eval tests: no model, no network."""

from __future__ import annotations

import copy
from collections.abc import Awaitable, Callable

from ..chunking import Document
from .base import Engine, Extraction

Script = Callable[[Document], Extraction | Awaitable[Extraction]]


class FakeEngine(Engine):
    """Returns what it is told to: a fixed :class:`Extraction` (a fresh copy each call) or the
    result of ``script(doc)`` (a plain or async callable).

    >>> FakeEngine(Extraction()).name
    'fake'
    """

    def __init__(
        self,
        result: Extraction | Script | None = None,
        *,
        model: str | None = None,
        prompt_version: str | None = None,
    ) -> None:
        self.name = "fake"
        self.model = model
        self.prompt_version = prompt_version
        self._result = result if result is not None else Extraction()
        self.calls: list[Document] = []
        self.closed = False

    async def extract(self, doc: Document) -> Extraction:
        self.calls.append(doc)
        if isinstance(self._result, Extraction):
            return copy.deepcopy(self._result)
        out = self._result(doc)
        if isinstance(out, Extraction):
            return out
        return await out

    async def aclose(self) -> None:
        self.closed = True


__all__ = ["FakeEngine"]
