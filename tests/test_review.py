"""The review strategy: the rules engine proposes, the model (the stub) only labels.

Through the real openai + instructor clients against the scripted stub server, on the seed
reports: a review can drop a number or accept a candidate the rules engine left out, never
change a value, unit, qualifier, direction, indicator or span; unknown ids are re-asked (llm) or salvaged (no re-asks, as the
local engine runs); a project name that is not in the chunk is dropped and counted; the output
does not depend on the order in which concurrent answers arrive; the cache key holds the
strategy.
"""

from __future__ import annotations

import asyncio
import random
import re
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError
from stub_server import StubServer, review_answer

from summarizer.checker import check
from summarizer.chunking import Document, chunk_report
from summarizer.chunks import make_chunks
from summarizer.engines.base import Extraction
from summarizer.engines.llm import LLMEngine, pack_chunks
from summarizer.engines.review import (
    Decisions,
    answer_model,
    decide,
    propose,
    salvage_review,
    with_confidence,
)
from summarizer.engines.rules import RulesEngine
from summarizer.ingest import load_report
from summarizer.models import ReportSummary, Source
from summarizer.pipeline import summarize_report

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted((ROOT / "evals" / "fixtures").glob("*.txt"))
CORPUS = ROOT / "evals" / "corpus" / "fixtures"
NUMBER_FIELDS = ("value", "value_max", "unit", "qualifier", "direction", "quote", "start", "end",
                 "value_start", "value_end", "scope", "section")  # fmt: skip


def doc_of(path: Path) -> Document:
    return chunk_report(load_report(path))


def proposal_of(doc: Document, chars: int = 1500) -> Any:
    return propose(doc, pack_chunks(doc, make_chunks(doc, chars), chars, by_section=False))


def review(stub: StubServer, llm_settings: Any, doc: Document, **overrides: Any) -> Extraction:
    settings = llm_settings(stub, strategy="review", **overrides)
    engine = LLMEngine(settings)

    async def go() -> Extraction:
        try:
            return await engine.extract(doc)
        finally:
            await engine.aclose()

    return asyncio.run(go())


def candidates(doc: Document) -> dict[tuple[int, int], Any]:
    """Every proposed reading of a number, by its value span."""
    return {
        (t.value_start, t.value_end): t
        for rc in proposal_of(doc).chunks
        for t in rc.targets.values()
    }


def numbers_of(t: Any) -> dict[str, Any]:
    return {f: getattr(t, f) for f in NUMBER_FIELDS}


def ids_in(text: str) -> list[int]:
    """Every candidate id marked in ``text`` (proposed 【k】 and other 〔k〕), in order."""
    return [int(a or b) for a, b in re.findall(r"【(\d+)】|〔(\d+)〕", text)]


def proposed_in(text: str) -> list[int]:
    return [int(k) for k in re.findall(r"【(\d+)】", text)]


# ---------------------------------------------------------------- the proposal


def test_every_candidate_is_marked_once_before_its_number() -> None:
    doc = doc_of(FIXTURES[0])
    proposal = proposal_of(doc)
    assert proposal.chunks
    rules = {(t.value_start, t.value_end) for t in RulesEngine().extract_sync(doc).targets}
    for rc in proposal.chunks:
        assert ids_in(rc.marked) == sorted(rc.targets)  # 1..n, in reading order
        for k, t in rc.targets.items():
            mark = f"【{k}】" if k in rc.proposed else f"〔{k}〕"
            assert (k in rc.proposed) == ((t.value_start, t.value_end) in rules)
            at = rc.marked.index(mark) + len(mark)
            assert rc.marked[at:].startswith(doc.text[t.value_start : t.value_end])
        # removing the marks gives the chunk back, blanks squeezed (listed projects aside)
        bare = re.sub(r"【\d+】|〔\d+〕|〖P\d+ |〗", "", rc.marked).split("\n候选项目：")[0]
        assert re.sub(r"\s+", "", bare) == re.sub(r"\s+", "", rc.chunk.text)


def test_proposal_holds_every_rules_target_outside_the_review() -> None:
    for path in FIXTURES:
        doc = doc_of(path)
        rules = RulesEngine().extract_sync(doc)
        proposed = candidates(doc)
        for t in rules.targets:
            assert (t.value_start, t.value_end) in proposed, (path.name, t.quote)
            assert numbers_of(proposed[(t.value_start, t.value_end)]) == numbers_of(t)


# ---------------------------------------------------------------- answers applied


@pytest.mark.parametrize("mode", ["tools", "json_schema"])
def test_labelled_numbers_are_the_proposals(stub: StubServer, llm_settings: Any, mode: str) -> None:
    stub.responder = review_answer
    doc = doc_of(FIXTURES[0])
    ex = review(stub, llm_settings, doc, mode=mode)
    proposed = candidates(doc)
    assert ex.targets and len(ex.targets) == len(proposed)
    for t in ex.targets:
        assert numbers_of(t) == numbers_of(proposed[(t.value_start, t.value_end)])
        assert t.indicator == proposed[(t.value_start, t.value_end)].indicator  # no rename
        assert doc.text[t.start : t.end] == t.quote
    rules = RulesEngine().extract_sync(doc)
    assert sorted(p.name for p in ex.projects) == sorted(p.name for p in rules.projects)
    assert ex.outcomes == rules.outcomes and ex.priorities == rules.priorities
    assert ex.dropped == 0
    summary = _summary(doc, ex)
    assert check(summary, doc.text).violations == []


def _summary(doc: Document, ex: Extraction) -> ReportSummary:
    return ReportSummary.model_validate(
        {
            "source": Source(
                path=None, sha256="0" * 64, chars=len(doc.text), encoding="utf-8"
            ).model_dump(),
            "meta": {"engine": "llm"},
            "targets": [t.model_dump() for t in ex.targets],
            "projects": [p.model_dump() for p in ex.projects],
        }
    )


def _wrong(text: str, request: dict[str, Any]) -> dict[str, Any]:
    """Rejects every odd proposed number, accepts every other candidate and rejects every
    project."""
    proposed = proposed_in(text)
    answer: dict[str, Any] = {
        f"n{k}": "否" if k in proposed and k % 2 else "是" for k in ids_in(text)
    }
    answer |= {f"p{k}": "否" for k in re.findall(r"P(\d+) ", text)}
    return answer


@pytest.mark.parametrize("reasks", [0, 2])
def test_wrong_labels_cannot_change_a_number(
    stub: StubServer, llm_settings: Any, reasks: int
) -> None:
    stub.responder = _wrong
    doc = doc_of(FIXTURES[2])
    ex = review(stub, llm_settings, doc, reasks=reasks)
    proposed = candidates(doc)
    expected = {
        (t.value_start, t.value_end)
        for rc in proposal_of(doc).chunks
        for k, t in rc.targets.items()
        if k % 2 == 0 or k not in rc.proposed
    }
    assert {(t.value_start, t.value_end) for t in ex.targets} == expected
    for t in ex.targets:
        original = proposed[(t.value_start, t.value_end)]
        assert t == original  # value, unit, qualifier, direction, indicator, spans: all kept
    assert ex.projects == []
    assert stub.count == len(proposal_of(doc).chunks)  # valid answers: nothing re-asked


def test_unknown_ids_are_reasked_then_answered(stub: StubServer, llm_settings: Any) -> None:
    seen: set[str] = set()
    lock = threading.Lock()

    def first_wrong(text: str, request: dict[str, Any]) -> dict[str, Any]:
        with lock:
            fresh = text not in seen
            seen.add(text)
        if fresh:
            return {"n999": "是", "p77": "否"}  # unknown ids, every label missing
        return review_answer(text, request)

    stub.responder = first_wrong
    doc = doc_of(FIXTURES[0])
    ex = review(stub, llm_settings, doc, reasks=2)
    chunks = len(proposal_of(doc).chunks)
    assert stub.count == 2 * chunks
    assert ex.dropped == 0 and len(ex.targets) == len(candidates(doc))
    reask = stub.requests[-1].body["messages"]
    assert any("n999" in str(m.get("content")) for m in reask[2:])  # the error went back


def test_unknown_ids_are_salvaged_without_reasks(stub: StubServer, llm_settings: Any) -> None:
    def with_unknown(text: str, request: dict[str, Any]) -> dict[str, Any]:
        answer = review_answer(text, request)
        answer["n999"] = "是"
        answer["p77"] = "否"
        return answer

    stub.responder = with_unknown
    doc = doc_of(FIXTURES[0])
    ex = review(stub, llm_settings, doc, reasks=0)
    chunks = len(proposal_of(doc).chunks)
    assert stub.count == chunks  # one request each: nothing re-asked
    assert ex.dropped == 2 * chunks  # the unknown target and project of every chunk
    assert len(ex.targets) == len(candidates(doc))


def test_a_project_not_in_the_chunk_is_dropped_and_counted(
    stub: StubServer, llm_settings: Any
) -> None:
    doc = doc_of(FIXTURES[0])
    proposal = proposal_of(doc)
    rc = proposal.chunks[-1]
    # a phrase written in the last chunk that the rules did not propose
    clause = next(c for c in re.split(r"[，。；\n]", rc.chunk.text) if len(c) >= 6)
    written = clause[:6]

    def naming(text: str, request: dict[str, Any]) -> dict[str, Any]:
        answer = review_answer(text, request)
        answer["more_projects"] = ["火星基地建设工程"]
        if written in text and "〖" not in text.split(written)[0][-3:]:
            answer["more_projects"].append(written)
        return answer

    stub.responder = naming
    ex = review(stub, llm_settings, doc, reasks=0)
    names = [p.name for p in ex.projects]
    assert "火星基地建设工程" not in names
    assert ex.dropped == len(proposal.chunks)  # the invented name, once per chunk
    found = [p for p in ex.projects if p.name == written]
    assert found and doc.text[found[0].start : found[0].end] == found[0].quote
    assert written in found[0].quote


def test_same_output_whatever_order_answers_arrive(tmp_path: Path, llm_settings: Any) -> None:
    doc = doc_of(CORPUS / "mancheng_2023.txt")
    outputs = []
    for seed in (1, 2):
        rng = random.Random(seed)
        lock = threading.Lock()

        def slow(
            text: str, request: dict[str, Any], rng: random.Random = rng, lock: Any = lock
        ) -> dict[str, Any]:
            with lock:
                delay = rng.uniform(0, 0.05)
            time.sleep(delay)
            return review_answer(text, request)

        with StubServer(responder=slow) as stub:
            ex = review(stub, llm_settings, doc, concurrency=4, cache_dir=str(tmp_path / str(seed)))
            assert stub.peak > 1
        outputs.append(
            ([t.model_dump() for t in ex.targets], [p.model_dump() for p in ex.projects])
        )
    assert outputs[0] == outputs[1]


def test_cache_key_holds_the_strategy(stub: StubServer, llm_settings: Any) -> None:
    stub.responder = review_answer
    doc = doc_of(FIXTURES[1])
    first = review(stub, llm_settings, doc)
    sent = stub.count
    again = review(stub, llm_settings, doc)
    assert stub.count == sent  # a rerun of the review is answered from the cache
    assert [t.model_dump() for t in again.targets] == [t.model_dump() for t in first.targets]
    assert again.usage.cached == sent
    engine = LLMEngine(llm_settings(stub, strategy="extract"))
    asyncio.run(engine.extract(doc))
    assert stub.count > sent  # the same chunks under the other strategy are asked for


def test_meta_records_the_strategy(stub: StubServer, llm_settings: Any) -> None:
    stub.responder = review_answer
    engine = LLMEngine(llm_settings(stub, strategy="review"))
    summary = asyncio.run(summarize_report(load_report(FIXTURES[3]), engine))
    assert summary.meta.strategy == "review"
    assert summary.meta.prompt_version != LLMEngine(llm_settings(stub)).prompt_version
    assert check(summary, load_report(FIXTURES[3]).text).violations == []


# ---------------------------------------------------------------- pure parts


def test_salvage_keeps_valid_labels_and_counts_the_rest() -> None:
    raw = (
        '{"n1":"是","n2":"否","n3":"maybe","n9":"是","x":1,"p1":"否","p4":"是",'
        '"more_projects":["城东污水处理厂","火星基地",7]}'
    )
    answer, dropped = salvage_review(raw, 3, 1, "推进城东污水处理厂建设")
    assert answer.targets == {1: True, 2: False} and answer.projects == {1: False}
    assert answer.more_projects == ["城东污水处理厂"]
    assert dropped == 6  # n3's value, n9, x, p4, 火星基地, 7
    with pytest.raises(ValueError):
        salvage_review("[1, 2]", 3, 1, "")


def test_the_answer_model_wants_a_label_for_every_id() -> None:
    model = answer_model(2, 1)
    schema = model.model_json_schema()
    assert schema["required"] == ["n1", "n2", "p1"]
    assert list(schema["properties"]) == ["n1", "n2", "p1", "more_projects"]
    assert model.model_validate({"n1": "是", "n2": "否", "p1": "是"}).decisions() == Decisions(
        {1: True, 2: False}, {1: True}, []
    )
    for bad in ({"n1": "是", "p1": "是"}, {"n1": "是", "n2": "否", "p1": "是", "n3": "是"}):
        with pytest.raises(ValidationError):
            model.model_validate(bad)


def test_a_review_that_changes_nothing_is_the_rules_engine() -> None:
    for path in [*FIXTURES, CORPUS / "anxin_2024.txt"]:
        doc = doc_of(path)
        proposal = proposal_of(doc)
        ex = decide(doc, proposal, [Decisions() for _ in proposal.chunks])
        rules = RulesEngine().extract_sync(doc)
        key = lambda t: (t.value_start, t.value_end)  # noqa: E731
        assert sorted(ex.targets, key=key) == sorted(rules.targets, key=key), path.name
        assert sorted(p.name for p in ex.projects) == sorted(p.name for p in rules.projects)
        assert ex.qualitative_targets == rules.qualitative_targets
        assert ex.outcomes == rules.outcomes


def test_eval_runs_both_strategies_side_by_side(
    stub: StubServer, llm_settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from stub_server import naive_answer

    from summarizer.evals import load_suite, run_suite

    def either(text: str, request: dict[str, Any]) -> dict[str, Any]:
        system = str(request["messages"][0]["content"])
        return review_answer(text, request) if "【n】" in system else naive_answer(text, request)

    stub.responder = either
    settings = llm_settings(stub)
    for name in ("base_url", "model", "api_key", "cache_dir"):
        value = getattr(settings, name)
        value = value.get_secret_value() if hasattr(value, "get_secret_value") else value
        monkeypatch.setenv(f"SUMMARIZER_{name.upper()}", str(value))
    suite = load_suite(ROOT / "evals" / "seeds.yaml")
    suite.cases = suite.cases[:1]
    runs = run_suite(suite, ["rules", "llm"], strategies=["review", "extract"])
    assert [r.label for r in runs] == ["rules", "llm:stub-model:review", "llm:stub-model:extract"]
    rules, review_run, extract_run = runs
    # the review labels every candidate a target (the stub): its targets are the rules
    # engine's plus the candidates the rules left out, so its recall is at least the rules'
    assert (
        review_run.overall["section_targets.recall"].value
        >= rules.overall["section_targets.recall"].value
    )
    assert review_run.overall_counts["usage.requests"] > 0
    assert extract_run.overall_counts["usage.requests"] > 0
    assert review_run.prompt_version != extract_run.prompt_version


def _token(text: str, logprob: float, alternatives: dict[str, float]) -> Any:
    from types import SimpleNamespace

    top = [SimpleNamespace(token=t, logprob=lp) for t, lp in alternatives.items()]
    return SimpleNamespace(token=text, logprob=logprob, top_logprobs=top)


def test_label_probabilities_are_read_from_the_logprobs() -> None:
    import math
    from types import SimpleNamespace

    pieces = [('{"', {}), ("n", {}), ("1", {}), ('":', {}), (' "', {}),
              ("否", {"否": math.log(0.6), "是": math.log(0.3)}), ('","', {}), ("p", {}),
              ("1", {}), ('":"', {}), ("是", {"是": math.log(0.99), "否": math.log(0.01)}),
              ('"}', {})]  # fmt: skip
    tokens = [_token(t, alts.get(t, 0.0), alts) for t, alts in pieces]
    response = SimpleNamespace(choices=[SimpleNamespace(logprobs=SimpleNamespace(content=tokens))])
    got = with_confidence(Decisions({1: False}, {1: True}), response)
    assert got.confidence["n1"] == pytest.approx(0.6 / 0.9)
    assert got.confidence["p1"] == pytest.approx(0.99)
    assert with_confidence(Decisions(), SimpleNamespace(choices=[])).confidence == {}


def test_an_unsure_label_does_not_overrule_the_rules() -> None:
    doc = doc_of(FIXTURES[0])
    proposal = proposal_of(doc)
    rc = proposal.chunks[-1]
    k = min(rc.proposed)
    answers = [Decisions() for _ in proposal.chunks]
    answers[-1] = Decisions({k: False}, {}, ["火星基地"], {f"n{k}": 0.7})
    rules = {(t.value_start, t.value_end) for t in proposal.base.targets}
    t = rc.targets[k]
    unsure = decide(doc, proposal, answers, min_confidence=0.9)
    assert {(x.value_start, x.value_end) for x in unsure.targets} == rules
    assert unsure.dropped == 0  # names are not even read under a confidence bar
    sure = decide(doc, proposal, answers, min_confidence=0.6)
    assert {(x.value_start, x.value_end) for x in sure.targets} == rules - {
        (t.value_start, t.value_end)
    }


def test_without_logprobs_a_confidence_bar_keeps_the_rules_verdicts(
    stub: StubServer, llm_settings: Any
) -> None:
    stub.responder = _wrong  # rejects half, accepts every other candidate, rejects projects
    doc = doc_of(FIXTURES[2])
    ex = review(stub, llm_settings, doc, review_confidence=0.9)
    rules = RulesEngine().extract_sync(doc)
    assert [t.model_dump() for t in ex.targets] == [
        t.model_dump() for t in sorted(rules.targets, key=lambda t: (t.value_start, t.value_end))
    ]
    assert stub.requests[0].body.get("logprobs") is True  # they were asked for


def test_the_api_refuses_a_strategy_for_the_rules_engine() -> None:
    from summarizer import Summarizer
    from summarizer.errors import UsageError

    with pytest.raises(UsageError, match="strategy"):
        Summarizer(engine="rules", strategy="review")
