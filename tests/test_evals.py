"""Eval suites: metrics computed by hand against a fake engine, thresholds, reasons, baseline
regression, malformed suites and gold, and (one test) the seed suite with the rules engine."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from summarizer.chunking import Document
from summarizer.engines.base import Extraction
from summarizer.engines.testing import FakeEngine
from summarizer.errors import EvalError
from summarizer.eval_metrics import indicators_agree, names_agree, same_amount
from summarizer.evals import load_suite, run_eval_command
from summarizer.models import Priority, Project, QualitativeTarget, Target

ROOT = Path(__file__).resolve().parent.parent

# Two small synthetic reports. Case A: 2 headline + 3 section targets, 1 qualitative target,
# 2 priorities, 2 projects. Case B: 1 headline + 1 section target, 1 priority, 1 project.
TEXT_A = (
    "一、2024年主要预期目标\n"
    "全区地区生产总值增长6%左右，规上工业增加值增长7%以上，居民收入增长与经济增长同步。\n"
    "二、2024年重点工作\n"
    "（一）加快产业升级。城镇新增就业2万人。实施大唐新余二期扩建项目，总投资50亿元；"
    "建设华润数字工厂项目，总投资12亿元。新建5G基站1000个。\n"
    "（二）改善民生福祉。改造老旧小区30个。\n"
)
TEXT_B = (
    "一、2024年主要预期目标\n"
    "固定资产投资增长8%以上。\n"
    "二、2024年重点工作\n"
    "（一）推进乡村振兴。粮食产量稳定在110万吨以上。建设赣江新区物流园项目，总投资20亿元。\n"
)


def _span(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


def target(text: str, indicator: str, key: str | None, value: float, unit: str, number: str,
           quote: str, *, qualifier: str = "", direction: str = "增长",
           scope: str = "section") -> Target:  # fmt: skip
    start, end = _span(text, quote)
    vs = start + quote.index(number)
    return Target(indicator=indicator, key=key, value=value, unit=unit, qualifier=qualifier,  # type: ignore[arg-type]
                  direction=direction, scope=scope, quote=quote, start=start, end=end,  # type: ignore[arg-type]
                  value_start=vs, value_end=vs + len(number))  # fmt: skip


def project(text: str, name: str, amount: float, unit: str, quote: str) -> Project:
    start, end = _span(text, quote)
    return Project(name=name, amount=amount, amount_unit=unit, amount_kind="总投资",
                   quote=quote, start=start, end=end)  # fmt: skip


def priority(text: str, ordinal: int, title: str, until: str | None) -> Priority:
    start = text.index(title) - 3
    end = text.index(until) if until else len(text)
    return Priority(ordinal=ordinal, title=title, section=str(ordinal), start=start, end=end)


def gold_a() -> Extraction:
    t = TEXT_A
    return Extraction(
        targets=[
            target(
                t,
                "地区生产总值",
                "gdp",
                6,
                "%",
                "6%",
                "地区生产总值增长6%左右",
                qualifier="左右",
                scope="headline",
            ),
            target(
                t,
                "规上工业增加值",
                "industrial_value_added",
                7,
                "%",
                "7%",
                "规上工业增加值增长7%以上",
                qualifier="以上",
                scope="headline",
            ),
            target(
                t,
                "城镇新增就业",
                "new_urban_jobs",
                2,
                "万人",
                "2万人",
                "城镇新增就业2万人",
                direction="新增",
            ),
            target(t, "5G基站", None, 1000, "个", "1000个", "新建5G基站1000个", direction="新建"),
            target(t, "老旧小区", None, 30, "个", "30个", "改造老旧小区30个", direction="改造"),
        ],
        qualitative_targets=[
            QualitativeTarget(
                indicator="居民收入",
                text="居民收入增长与经济增长同步",
                scope="headline",
                quote="居民收入增长与经济增长同步",
                start=_span(t, "居民收入增长与经济增长同步")[0],
                end=_span(t, "居民收入增长与经济增长同步")[1],
            ),
        ],
        priorities=[
            priority(t, 1, "加快产业升级", "（二）"),
            priority(t, 2, "改善民生福祉", None),
        ],
        projects=[
            project(
                t, "大唐新余二期扩建项目", 50, "亿元", "实施大唐新余二期扩建项目，总投资50亿元"
            ),
            project(t, "华润数字工厂项目", 12, "亿元", "建设华润数字工厂项目，总投资12亿元"),
        ],
    )


def gold_b() -> Extraction:
    t = TEXT_B
    return Extraction(
        targets=[
            target(
                t,
                "固定资产投资",
                "fixed_asset_investment",
                8,
                "%",
                "8%",
                "固定资产投资增长8%以上",
                qualifier="以上",
                scope="headline",
            ),
            target(
                t,
                "粮食产量",
                "grain_output",
                110,
                "万吨",
                "110万吨",
                "粮食产量稳定在110万吨以上",
                qualifier="以上",
                direction="稳定在",
            ),
        ],
        priorities=[priority(t, 1, "推进乡村振兴", None)],
        projects=[
            project(t, "赣江新区物流园项目", 20, "亿元", "建设赣江新区物流园项目，总投资20亿元")
        ],
    )


def gold_json(fixture: str, ex: Extraction) -> dict[str, Any]:
    return {
        "fixture": f"fixtures/{fixture}",
        "region": None,
        "year": 2024,
        "targets": [x.model_dump() for x in ex.targets],
        "qualitative_targets": [x.model_dump() for x in ex.qualitative_targets],
        "priorities": [x.model_dump() for x in ex.priorities],
        "projects": [x.model_dump() for x in ex.projects],
    }


def make_suite(root: Path, thresholds: str = "", extra: str = "") -> Path:
    (root / "fixtures").mkdir(parents=True, exist_ok=True)
    (root / "gold").mkdir(exist_ok=True)
    for name, text, gold in (("a", TEXT_A, gold_a()), ("b", TEXT_B, gold_b())):
        (root / "fixtures" / f"{name}.txt").write_text(text, encoding="utf-8")
        (root / "gold" / f"{name}.json").write_text(
            json.dumps(gold_json(f"{name}.txt", gold), ensure_ascii=False), encoding="utf-8"
        )
    suite = root / "suite.yaml"
    thresholds = thresholds or '  grounding_rate: ">= 1.0"\n'
    suite.write_text(
        "name: synthetic\n"
        "tolerance: 0.02\n"
        f"{extra}"
        "thresholds:\n"
        f"{thresholds}"
        "cases:\n"
        "  - {id: A, fixture: fixtures/a.txt, gold: gold/a.json, tags: [county]}\n"
        "  - {id: B, fixture: fixtures/b.txt, gold: gold/b.json, tags: [city]}\n",
        encoding="utf-8",
    )
    return suite


def by_case(gold_for: dict[str, Callable[[], Extraction]]) -> Callable[[Document], Extraction]:
    """An engine script that answers each fixture (by file stem) with its own extraction."""

    def script(doc: Document) -> Extraction:
        return gold_for[Path(doc.report.path or "").stem]()

    return script


def perfect() -> Callable[[Document], Extraction]:
    return by_case({"a": gold_a, "b": gold_b})


def degraded_a() -> Extraction:
    """Gold A with one headline target's value changed (7 -> 8) and one project dropped."""
    ex = gold_a()
    ex.targets[1] = ex.targets[1].model_copy(update={"value": 8})
    ex.projects = ex.projects[:1]
    return ex


def run_json(suite: Path, engines: list[Any], **kw: Any) -> tuple[int, dict[str, Any]]:
    buf = io.StringIO()
    code = run_eval_command(suite, engines=engines, fmt="json", out=buf, **kw)
    return code, json.loads(buf.getvalue())


def run_text(suite: Path, engines: list[Any], **kw: Any) -> tuple[int, str]:
    buf = io.StringIO()
    code = run_eval_command(suite, engines=engines, fmt="text", out=buf, **kw)
    return code, buf.getvalue()


def values(metrics: dict[str, Any]) -> dict[str, float | None]:
    return {k: v["value"] for k, v in metrics.items()}


# ---------------------------------------------------------------- metrics by hand


def test_gold_returned_exactly_scores_one_everywhere(tmp_path: Path) -> None:
    suite = make_suite(tmp_path)
    code, res = run_json(suite, [FakeEngine(perfect())])
    assert code == 0
    run = res["runs"][0]
    for row in [*(c["metrics"] for c in run["cases"]), run["overall"]["metrics"]]:
        v = values(row)
        for name in ("targets", "headline_targets", "section_targets", "projects"):
            for m in ("precision", "recall", "f1"):
                assert v[f"{name}.{m}"] == 1.0, name
        assert v["targets.qualifier_accuracy"] == 1.0
        assert v["targets.direction_accuracy"] == 1.0
        assert v["priorities.count_exact"] == 1.0
        assert v["priorities.title_match"] == 1.0
        assert v["projects.amount_exact"] == 1.0
        assert v["grounding_rate"] == 1.0
        assert v["violations_per_report"] == 0
    case_a = values(run["cases"][0]["metrics"])
    assert case_a["qualitative_targets.f1"] == 1.0
    # case B has no qualitative target and the engine finds none: nothing to find is perfect
    assert values(run["cases"][1]["metrics"])["qualitative_targets.f1"] == 1.0


def test_one_changed_value_and_one_dropped_project_computed_by_hand(tmp_path: Path) -> None:
    suite = make_suite(tmp_path)
    code, res = run_json(suite, [FakeEngine(by_case({"a": degraded_a, "b": gold_b}))])
    run = res["runs"][0]
    a = values(run["cases"][0]["metrics"])
    # Case A: 5 gold targets; the 8% prediction matches nothing: tp 4, fp 1, fn 1.
    assert a["targets.precision"] == pytest.approx(4 / 5)
    assert a["targets.recall"] == pytest.approx(4 / 5)
    assert a["targets.f1"] == pytest.approx(4 / 5)
    # Headline (2 gold): tp 1, fp 1 (predicted headline), fn 1.
    assert a["headline_targets.precision"] == pytest.approx(1 / 2)
    assert a["headline_targets.recall"] == pytest.approx(1 / 2)
    assert a["headline_targets.f1"] == pytest.approx(1 / 2)
    # Section targets untouched.
    assert a["section_targets.f1"] == 1.0
    # Projects: 2 gold, 1 predicted and matched: P 1, R 1/2, F1 2/3; its amount is right.
    assert a["projects.precision"] == 1.0
    assert a["projects.recall"] == pytest.approx(1 / 2)
    assert a["projects.f1"] == pytest.approx(2 / 3)
    assert a["projects.amount_exact"] == 1.0
    assert a["targets.qualifier_accuracy"] == 1.0  # over the 4 matched targets
    assert a["grounding_rate"] == 1.0  # the quote is still where it says
    # Overall, micro-averaged over A and B (B perfect: 2 targets, 1 headline, 1 project).
    o = values(run["overall"]["metrics"])
    assert o["targets.precision"] == pytest.approx(6 / 7)  # tp 4+2, fp 1
    assert o["targets.recall"] == pytest.approx(6 / 7)
    assert o["targets.f1"] == pytest.approx(6 / 7)
    assert o["headline_targets.precision"] == pytest.approx(2 / 3)  # tp 1+1, fp 1
    assert o["headline_targets.recall"] == pytest.approx(2 / 3)  # fn 1
    assert o["projects.precision"] == 1.0
    assert o["projects.recall"] == pytest.approx(2 / 3)  # tp 1+1, fn 1
    assert o["projects.f1"] == pytest.approx(4 / 5)  # 2*2 / (2*2 + 0 + 1)
    assert o["priorities.count_exact"] == 1.0
    # Reasons say what went wrong and where.
    reason = run["cases"][0]["metrics"]["headline_targets.recall"]["reason"]
    assert "missed 规上工业增加值 7% at" in reason
    assert (
        "spurious 规上工业增加值 8% at" in run["cases"][0]["metrics"]["targets.precision"]["reason"]
    )
    assert "missed 华润数字工厂项目" in run["cases"][0]["metrics"]["projects.recall"]["reason"]
    assert code == 0  # only grounding_rate has a threshold here


def test_priorities_qualifier_and_direction_computed_by_hand(tmp_path: Path) -> None:
    def wrong_words() -> Extraction:
        ex = gold_a()
        ex.targets[0] = ex.targets[0].model_copy(update={"qualifier": "以上"})  # want 左右
        ex.targets[2] = ex.targets[2].model_copy(update={"direction": "增加"})  # want 新增
        ex.priorities = [ex.priorities[1].model_copy(update={"ordinal": 1})]  # first one lost
        ex.projects[0] = ex.projects[0].model_copy(update={"amount": 40})
        return ex

    suite = make_suite(tmp_path)
    _, res = run_json(suite, [FakeEngine(by_case({"a": wrong_words, "b": gold_b}))])
    a = res["runs"][0]["cases"][0]["metrics"]
    assert a["targets.qualifier_accuracy"]["value"] == pytest.approx(4 / 5)
    assert a["targets.direction_accuracy"]["value"] == pytest.approx(4 / 5)
    assert a["priorities.count_exact"]["value"] == 0.0
    assert a["priorities.title_match"]["value"] == 0.0  # #1 got 改善民生福祉, #2 missing
    assert a["projects.amount_exact"]["value"] == pytest.approx(1 / 2)
    assert "got '以上' want '左右'" in a["targets.qualifier_accuracy"]["reason"]
    assert "大唐新余二期扩建项目 got 40亿元 want 50亿元" in a["projects.amount_exact"]["reason"]
    o = res["runs"][0]["overall"]["metrics"]
    assert o["priorities.count_exact"]["value"] == pytest.approx(1 / 2)
    assert o["priorities.title_match"]["value"] == pytest.approx(1 / 3)  # 0 + 1 of 2 + 1


def test_matching_rules() -> None:
    assert same_amount(30, "万人", 300000, "人")
    assert not same_amount(30, "万人", 30, "人")
    assert indicators_agree("GDP", "gdp", "地区生产总值", "gdp")
    assert not indicators_agree("城镇居民人均可支配收入", "urban_disposable_income",
                                "农村居民人均可支配收入", "rural_disposable_income")  # fmt: skip
    assert indicators_agree("规上工业增加值", None, "规模以上工业增加值", "industrial_value_added")
    assert indicators_agree("5G基站", None, "新建 5G 基站", None)
    assert names_agree("大唐新余二期扩建项目", "新余二期扩建项目")
    assert not names_agree("华润数字工厂项目", "赣江新区物流园项目")


# ---------------------------------------------------------------- thresholds and reasons


def test_broken_engine_fails_with_a_readable_reason_per_case(tmp_path: Path) -> None:
    suite = make_suite(
        tmp_path, thresholds='  headline_targets.f1: ">= 0.95"\n  grounding_rate: 1.0\n'
    )
    code, out = run_text(suite, [FakeEngine(Extraction())])
    assert code == 1
    assert "FAIL fake A: headline_targets.f1 0.000 (needs >= 0.95)" in out
    assert "FAIL fake B: headline_targets.f1 0.000 (needs >= 0.95)" in out
    assert "missed 地区生产总值 6% at" in out and "missed 固定资产投资 8% at" in out
    assert "FAIL fake overall: headline_targets.f1" in out
    assert "FAILED" in out


def test_engine_that_raises_fails_its_cases_with_the_error(tmp_path: Path) -> None:
    def boom(doc: Document) -> Extraction:
        raise RuntimeError("model fell over")

    suite = make_suite(tmp_path, thresholds='  targets.recall: ">= 0.5"\n')
    code, out = run_text(suite, [FakeEngine(boom)])
    assert code == 1
    assert "ERROR fake A: RuntimeError: model fell over" in out
    assert "engine failed (RuntimeError: model fell over)" in out


def test_case_thresholds_override_and_overall_thresholds(tmp_path: Path) -> None:
    suite = make_suite(
        tmp_path,
        thresholds='  projects.recall: ">= 0.9"\n',
        extra='overall_thresholds:\n  targets.f1: ">= 0.9"\n',
    )
    text = suite.read_text(encoding="utf-8").replace(
        "tags: [county]}", "tags: [county], thresholds: {projects.recall: 0.5}}"
    )
    suite.write_text(text, encoding="utf-8")
    code, res = run_json(suite, [FakeEngine(by_case({"a": degraded_a, "b": gold_b}))])
    # A's project recall 0.5 meets its own bound; overall projects.recall 2/3 misses 0.9;
    # overall targets.f1 6/7 = 0.857 misses 0.9.
    failures = {(f["case"], f["metric"]) for f in res["runs"][0]["failures"]}
    assert failures == {("overall", "projects.recall"), ("overall", "targets.f1")}
    assert code == 1


def test_side_by_side_engines_and_results_file(tmp_path: Path) -> None:
    suite = make_suite(tmp_path)
    out_file = tmp_path / "out" / "results.json"
    engines = [FakeEngine(perfect(), model="good"), FakeEngine(Extraction(), model="empty")]
    code, text = run_text(suite, engines, output=out_file)
    assert code == 0  # only grounding has a threshold, and nothing predicted is grounded
    assert "fake:good" in text and "fake:empty" in text
    res = json.loads(out_file.read_text(encoding="utf-8"))
    assert [r["label"] for r in res["runs"]] == ["fake:good", "fake:empty"]
    assert res["runs"][0]["model"] == "good"
    assert {"prompt_version", "engine"} <= set(res["runs"][0])
    settings = res["settings"]
    assert settings["package_version"]
    assert "git_revision" in settings and "timestamp" in settings
    assert [c["id"] for c in res["runs"][0]["cases"]] == ["A", "B"]
    assert res["runs"][0]["cases"][0]["tags"] == ["county"]


def test_llm_run_against_the_stub_reports_traffic(
    tmp_path: Path, stub: Any, llm_settings: Callable[..., Any]
) -> None:
    from summarizer.engines import create_engine

    suite = make_suite(tmp_path)
    settings = llm_settings(stub)
    _, res = run_json(suite, [create_engine("llm", settings)])
    run = res["runs"][0]
    assert run["engine"] == "llm" and run["model"] == "stub-model" and run["prompt_version"]
    for case in run["cases"]:
        m = values(case["metrics"])
        assert m["usage.requests"] and m["usage.requests"] >= 1
        assert m["usage.tokens"] and m["usage.tokens"] > 0
        assert m["seconds"] is not None
    requests = stub.count
    # A rerun hits the cache: cache hits per report, no new request; the table shows traffic.
    _, text = run_text(suite, [create_engine("llm", settings)])
    assert stub.count == requests
    assert "req" in text and "cached" in text


# ---------------------------------------------------------------- baseline


def test_baseline_regression_names_case_and_metric(tmp_path: Path) -> None:
    suite = make_suite(tmp_path)
    base = tmp_path / "base.json"
    assert run_eval_command(suite, engines=[FakeEngine(perfect())], output=base,
                            out=io.StringIO()) == 0  # fmt: skip
    # The same engine, unchanged: every delta is 0, exit 0.
    code, out = run_text(suite, [FakeEngine(perfect())], baseline=base)
    assert code == 0, out
    assert "REGRESSED" not in out
    # Case A regresses; B does not.
    code, out = run_text(suite, [FakeEngine(by_case({"a": degraded_a, "b": gold_b}))],
                         baseline=base)  # fmt: skip
    assert code == 1
    assert "REGRESSED fake A: headline_targets.f1 1.000 -> 0.500 (-0.500, tolerance 0.02)" in out
    assert "REGRESSED fake A: projects.recall" in out
    assert "REGRESSED fake B" not in out
    _, res = run_json(suite, [FakeEngine(by_case({"a": degraded_a, "b": gold_b}))], baseline=base)
    regressed = {(d["case"], d["metric"]) for d in res["baseline"]["regressions"]}
    assert ("A", "targets.f1") in regressed and ("overall", "targets.f1") in regressed
    assert not any(case == "B" for case, _ in regressed)
    deltas = res["baseline"]["deltas"]
    assert any(d["case"] == "B" and d["metric"] == "targets.f1" and d["delta"] == 0 for d in deltas)


def test_drop_within_tolerance_is_not_a_regression(tmp_path: Path) -> None:
    suite = make_suite(tmp_path)
    # The changed value is also a checker violation in case A (0 -> 1): allow that one too.
    text = suite.read_text(encoding="utf-8").replace(
        "tolerance: 0.02", "tolerance: {default: 0.6, violations_per_report: 1}"
    )
    suite.write_text(text, encoding="utf-8")
    base = tmp_path / "base.json"
    run_eval_command(suite, engines=[FakeEngine(perfect())], output=base, out=io.StringIO())
    degraded = FakeEngine(by_case({"a": degraded_a, "b": gold_b}))
    code, out = run_text(suite, [degraded], baseline=base)
    assert code == 0, out
    assert "REGRESSED" not in out


# ---------------------------------------------------------------- malformed input


def test_malformed_yaml_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\ncases: [\n  - {id: a\n", encoding="utf-8")
    with pytest.raises(EvalError, match=r"bad\.yaml: malformed YAML at line \d+"):
        load_suite(bad)


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("gold: gold/a.json, ", "", "cases[0].gold"),
        ("gold/b.json", "gold/missing.json", "cases[1].gold"),
        ('grounding_rate: ">= 1.0"', 'grounding_rat: ">= 1.0"', "thresholds.grounding_rat"),
        ('grounding_rate: ">= 1.0"', 'grounding_rate: "at least 1"', "thresholds.grounding_rate"),
        ("name: synthetic", "title: synthetic", "title"),
        ("tolerance: 0.02", "tolerance: lots", "tolerance"),
    ],
)
def test_malformed_suite_names_file_and_field(
    tmp_path: Path, old: str, new: str, field: str
) -> None:
    suite = make_suite(tmp_path)
    suite.write_text(suite.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    with pytest.raises(EvalError) as err:
        load_suite(suite)
    assert str(suite) in str(err.value) and field in str(err.value)


def test_malformed_gold_names_file_and_field(tmp_path: Path) -> None:
    suite = make_suite(tmp_path)
    gold = tmp_path / "gold" / "a.json"
    data = json.loads(gold.read_text(encoding="utf-8"))
    del data["targets"][2]["value"]
    gold.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(EvalError) as err:
        run_eval_command(suite, engines=[FakeEngine(perfect())], out=io.StringIO())
    assert str(gold) in str(err.value) and "targets[2].value" in str(err.value)


def test_gold_quote_off_its_offsets_is_malformed(tmp_path: Path) -> None:
    suite = make_suite(tmp_path)
    gold = tmp_path / "gold" / "b.json"
    data = json.loads(gold.read_text(encoding="utf-8"))
    data["projects"][0]["start"] += 1
    gold.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(EvalError, match=r"b\.json: projects\[0\]\.quote"):
        run_eval_command(suite, engines=[FakeEngine(perfect())], out=io.StringIO())


def test_cli_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from summarizer.cli import main

    missing = tmp_path / "nope.yaml"
    assert main(["eval", str(missing)]) == 2
    err = capsys.readouterr().err
    assert str(missing) in err and "Traceback" not in err
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\ncases: []\n", encoding="utf-8")
    assert main(["eval", str(bad)]) == 2
    assert "cases" in capsys.readouterr().err


# ---------------------------------------------------------------- the real seed suite

# THE SEED SUITE WITH THE RULES ENGINE: `summarizer eval evals/seeds.yaml --engine rules` must
# pass the thresholds in evals/seeds.yaml. Keep this test; tune the engine, not the bar.


def test_seed_suite_passes_with_the_rules_engine(capsys: pytest.CaptureFixture[str]) -> None:
    from summarizer.cli import main

    code = main(["eval", str(ROOT / "evals" / "seeds.yaml"), "--engine", "rules"])
    out, err = capsys.readouterr()
    assert code == 0, out + err
