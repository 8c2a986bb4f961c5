"""The sync entry points hand a result back without building its repr (a CPython 3.11 quirk:
``asyncio.run`` formats the main task, result included, into an error it discards)."""

from __future__ import annotations

from summarizer.pipeline import run


class _Loud:
    reprs = 0

    def __repr__(self) -> str:
        type(self).reprs += 1
        return "<loud>"


async def _give(value: object) -> object:
    return value


def test_run_returns_the_result_without_its_repr() -> None:
    value = _Loud()
    assert run(_give(value)) is value
    assert _Loud.reprs == 0


def test_summarize_builds_no_repr_of_the_summary(monkeypatch) -> None:
    from summarizer import api
    from summarizer.models import ReportSummary

    calls: list[int] = []
    real = ReportSummary.__repr__
    monkeypatch.setattr(ReportSummary, "__repr__", lambda self: calls.append(1) or real(self))
    summary = api.summarize("二、2024年工作安排\n地区生产总值增长6%左右。\n")
    assert summary.meta is not None
    assert calls == []
