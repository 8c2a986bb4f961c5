"""The panel (summarizer.panel): the long panel of a folder of summaries, the target-outcome
join and its ``met``, the wide panel's columns and units, CSV/parquet output, the chart page.

Real summaries come from the rules engine over reports of ``../shared/corpus`` (the Inner
Mongolia district 2012-2019 and Hebei counties in consecutive years); synthetic ones are
summary dicts written here, with outcomes, so the join is tested whatever the engine produces.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from requirements import unavailable

from summarizer.api import summarize_file
from summarizer.errors import InputError, UsageError
from summarizer.measures import unit_dimension
from summarizer.panel import LONG_COLUMNS, build_panel, met, wide_panel, write_panel

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
HAILAR = [f"district_海拉尔区_{y}.txt" for y in range(2012, 2020)]
HEBEI = [f"county_顺平县_{y}.txt" for y in (2020, 2021, 2022)] + [
    f"county_定兴县_{y}.txt" for y in (2020, 2021)
]


@pytest.fixture(scope="module")
def real_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """OUT/ of the rules engine over the real reports (copied first), in two subfolders, plus
    an _index.csv and a JSON file that is not a summary."""
    if not all((CORPUS / name).is_file() for name in HAILAR + HEBEI):
        unavailable(f"{CORPUS} does not hold the Hailar and Hebei reports")
    base = tmp_path_factory.mktemp("panel")
    reports, out = base / "reports", base / "OUT"
    for group, names in (("nei_mongol", HAILAR), ("hebei", HEBEI)):
        for name in names:
            src = reports / name
            src.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(CORPUS / name, src)
            summary = summarize_file(src, engine="rules")
            dest = out / group / f"{src.stem}.json"
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_text(summary.model_dump_json(indent=1), encoding="utf-8")
    (out / "_index.csv").write_text("path,region,year,status\n", encoding="utf-8")
    (out / "notes.json").write_text('{"comment": "not a summary"}', encoding="utf-8")
    return out


def _docs(folder: Path) -> list[dict[str, Any]]:
    docs = []
    for p in sorted(folder.rglob("*.json")):
        data = json.loads(p.read_text(encoding="utf-8"))
        if "schema_version" in data:
            docs.append(data)
    return docs


def item(
    indicator: str, key: str | None, value: float, unit: str, *, measure: str | None = None,
    value_max: float | None = None, qualifier: str = "", direction: str = "增长",
    period: str | None = None, scope: str = "headline", start: int = 0,
) -> dict[str, Any]:  # fmt: skip
    """A target (or, with ``period``, an outcome) as a summary writes it."""
    quote = f"{indicator}{direction}{value:g}{unit}{qualifier}"
    vs = start + len(indicator) + len(direction)
    d: dict[str, Any] = {
        "indicator": indicator, "key": key, "value": value, "value_max": value_max,
        "unit": unit, "qualifier": qualifier, "direction": direction, "section": "1",
        "quote": quote, "start": start, "end": start + len(quote), "value_start": vs,
        "value_end": vs + len(f"{value:g}{unit}"),
    }  # fmt: skip
    if measure is not None:
        d["measure"] = measure
    if period is not None:
        d["period"] = period
    else:
        d["scope"] = scope
    return d


def summary(
    region: str | None, year: int | None, targets: list[dict[str, Any]],
    outcomes: list[dict[str, Any]] | None = None, *, version: str = "2",
) -> dict[str, Any]:  # fmt: skip
    d: dict[str, Any] = {
        "schema_version": version,
        "source": {"path": f"reports/{region}_{year}.txt",
                   "sha256": hashlib.sha256(f"{region}_{year}".encode()).hexdigest(),
                   "chars": 100, "encoding": "utf-8"},
        "meta": {"region": region, "year": year, "engine": "rules"},
        "targets": targets,
    }  # fmt: skip
    if outcomes is not None:
        d["outcomes"] = outcomes
    return d


def write(folder: Path, docs: list[dict[str, Any]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i, d in enumerate(docs):
        (folder / f"{i:02d}_{d['meta']['region']}_{d['meta']['year']}.json").write_text(
            json.dumps(d, ensure_ascii=False), encoding="utf-8"
        )
    return folder


# fmt: off
SYNTHETIC = [
    summary("甲县", 2020, [
        item("地区生产总值", "gdp", 6, "%", measure="growth", qualifier="左右"),
        item("地区生产总值", "gdp", 300, "亿元", measure="level", direction="达到", start=20),
        item("城镇新增就业", "new_urban_jobs", 3, "万人", measure="change", direction="新增",
             start=40),
        item("单位GDP能耗", "energy_intensity", 3, "%", measure="growth", direction="下降",
             start=60),
        item("城镇调查失业率", "urban_unemployment", 5.5, "%", measure="level",
             direction="控制在", qualifier="以内", start=80),
        item("重点项目", None, 60, "个", measure="count", direction="实施", start=100),
    ]),
    summary("甲县", 2021, [
        item("地区生产总值", "gdp", 6.5, "%", measure="growth", value_max=7),
    ], [
        item("地区生产总值", "gdp", 5.8, "%", measure="growth", period="2020", start=5),
        item("地区生产总值", "gdp", 310, "亿元", measure="level", direction="完成",
             period="2020", start=25),
        item("城镇新增就业", "new_urban_jobs", 32000, "人", measure="change",
             direction="新增", period="2020", start=45),
        item("单位GDP能耗", "energy_intensity", 4.1, "%", measure="growth", direction="下降",
             period="2020", start=65),
        item("城镇调查失业率", "urban_unemployment", 5.2, "%", measure="level",
             direction="控制在", period="2020", start=85),
        item("地区生产总值", "gdp", 6.1, "%", measure="growth", period="2016-2020", start=110),
        item("重点项目", None, 62, "个", measure="count", direction="实施", period="2020",
             start=130),
    ]),
    summary("乙县", 2021, [], [
        item("地区生产总值", "gdp", 9, "%", measure="growth", period="2020"),
    ]),
    summary("甲县", 2022, [], [
        item("地区生产总值", "gdp", 7.2, "%", measure="growth", period="2021"),
    ]),
]
# fmt: on


@pytest.fixture
def synthetic(tmp_path: Path) -> pd.DataFrame:
    return build_panel(write(tmp_path / "OUT", SYNTHETIC))


def _row(df: pd.DataFrame, **where: Any) -> dict[str, Any]:
    mask = pd.Series(True, index=df.index)
    for col, value in where.items():
        mask &= df[col] == value
    rows = df[mask].to_dict("records")
    assert len(rows) == 1, (where, rows)
    return rows[0]


# ------------------------------------------------------------------------------ long panel


def test_long_panel_has_one_row_per_target_and_outcome(real_folder: Path) -> None:
    warnings: list[str] = []
    df = build_panel(real_folder, echo=warnings.append)
    docs = _docs(real_folder)
    assert len(docs) == len(HAILAR) + len(HEBEI)
    assert tuple(df.columns) == LONG_COLUMNS
    assert (df["kind"] == "target").sum() == sum(len(d["targets"]) for d in docs)
    assert (df["kind"] == "outcome").sum() == sum(len(d.get("outcomes", [])) for d in docs)
    assert [w for w in warnings if "notes.json" in w] and not [w for w in warnings if "_index" in w]
    assert str(df["year"].dtype) == "Int64" and df["measure"].notna().all()
    for doc in docs:  # region and year from meta, every target there
        mine = df[df["source"] == doc["source"]["path"]]
        assert set(mine["year"].dropna()) <= {doc["meta"]["year"]}
        assert sorted(mine[mine["kind"] == "target"]["quote"]) == sorted(
            t["quote"] for t in doc["targets"]
        )
    hailar = df[df["region"] == "海拉尔区"]
    assert sorted(set(hailar["year"])) == list(range(2012, 2020))


def test_folder_without_summaries_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text("[1, 2]", encoding="utf-8")
    (tmp_path / "b.json").write_text("{broken", encoding="utf-8")
    with pytest.raises(InputError, match="no report summaries"):
        build_panel(tmp_path)
    with pytest.raises(InputError, match="no such folder"):
        build_panel(tmp_path / "missing")


def test_summaries_without_measure_or_outcomes_load(tmp_path: Path) -> None:
    old = summary("丙县", 2020, [
        item("地区生产总值", "gdp", 6, "%"),
        item("城镇新增就业", "new_urban_jobs", 2, "万人", direction="新增", start=30),
    ], version="1")  # fmt: skip
    df = build_panel(write(tmp_path, [old]))
    assert list(df["measure"]) == ["growth", "change"]
    assert df["measure_inferred"].all() and (df["kind"] == "target").all()


# ------------------------------------------------------------------------------ join and met


def test_join_links_a_target_to_the_next_report_outcome(synthetic: pd.DataFrame) -> None:
    df = synthetic
    gdp = _row(df, kind="target", region="甲县", year=2020, key="gdp", measure="growth")
    assert (gdp["target"], gdp["outcome"], gdp["met"]) == (6, 5.8, False)
    assert gdp["linked_source"] == "reports/甲县_2021.txt" and "5.8" in gdp["linked_quote"]
    level = _row(df, kind="target", region="甲县", year=2020, key="gdp", measure="level")
    assert (level["outcome"], level["met"]) == (310, True)
    jobs = _row(df, kind="target", key="new_urban_jobs")  # 3万人 against 32000人
    assert (jobs["target"], jobs["outcome"], jobs["met"]) == (3, 3.2, True)
    energy = _row(df, kind="target", key="energy_intensity")  # 下降3% against 下降4.1%
    assert (energy["target"], energy["outcome"], energy["met"]) == (-3, -4.1, True)
    jobless = _row(df, kind="target", key="urban_unemployment")
    assert (jobless["outcome"], jobless["met"]) == (5.2, True)
    # the outcome row points back at its target
    back = _row(df, kind="outcome", key="gdp", measure="growth", period="2020", region="甲县")
    assert (back["target"], back["outcome"], back["met"]) == (6, 5.8, False)
    # keyless rows, other regions and plan periods never join; 2021's target has its outcome
    assert pd.isna(_row(df, kind="target", indicator="重点项目")["outcome"])
    assert pd.isna(_row(df, kind="outcome", region="乙县")["target"])
    assert pd.isna(_row(df, kind="outcome", period="2016-2020")["target"])
    y2021 = _row(df, kind="target", region="甲县", year=2021)
    assert (y2021["outcome"], y2021["met"]) == (7.2, True)  # 6.5-7% range, 7.2 reached


def test_a_target_that_names_no_one_variable_is_not_joined(tmp_path: Path) -> None:
    # 海拉尔区 2017 as the rules engine reads it: 投资6.6亿元 and 投资4.7亿元 are two projects'
    # amounts under one key; neither is the year's investment its next report states. The
    # headline's 增长6% keeps its link beside a section's 年均增长6.5%, which gets none.
    docs = [
        summary("丁区", 2017, [
            item("地区生产总值", "gdp", 6, "%", measure="growth"),
            item("地区生产总值", "gdp", 6.5, "%", measure="growth", scope="section", start=20),
            item("投资", "project_investment", 6.6, "亿元", measure="level", direction="",
                 scope="section", start=40),
            item("投资", "project_investment", 47000, "万元", measure="level", direction="",
                 scope="section", start=60),
            item("投资", "project_investment", 4.7, "亿元", measure="level", direction="",
                 scope="section", start=80),
        ]),
        summary("丁区", 2018, [], [
            item("地区生产总值", "gdp", 6.2, "%", measure="growth", period="2017"),
            item("固定资产投资", "project_investment", 46.9, "亿元", measure="level",
                 direction="完成", period="2017", start=20),
        ]),
    ]  # fmt: skip
    df = build_panel(write(tmp_path / "OUT", docs))
    targets = df[df["kind"] == "target"]
    linked = targets[targets["outcome"].notna()]
    got = list(zip(linked["scope"], linked["value"], linked["outcome"], strict=True))
    assert got == [("headline", 6, 6.2)]
    # 47000万元 and 4.7亿元 are one amount, 6.6亿元 another: all three stay unlinked
    assert targets[targets["key"] == "project_investment"]["outcome"].isna().all()
    # one amount written twice (6.6亿元 in the headline and 66000万元 in a section) is one variable
    docs[0]["targets"] = [
        item("投资", "project_investment", 6.6, "亿元", measure="level", direction=""),
        item("投资", "project_investment", 66000, "万元", measure="level", direction="",
             scope="section", start=40),
    ]  # fmt: skip
    df = build_panel(write(tmp_path / "OUT2", docs))
    assert list(df[df["kind"] == "target"]["outcome"]) == [46.9, 469000]


def test_a_target_is_joined_only_with_an_outcome_that_answers_it(tmp_path: Path) -> None:
    # 河北省 2024 states 固定资产投资增长6.3% in the review's overview (section 2) and a
    # district's 全年固定资产投资增长16% in a part (2.3.1): the overview answers the province's
    # target. 顺平县 2023 states 15项省定民生工程和20项民生实事 in one sentence: neither is known
    # to answer 落实省定20项民生工程, so it gets no outcome.
    def outcome(indicator: str, key: str, value: float, unit: str, measure: str, section: str,
                start: int) -> dict[str, Any]:  # fmt: skip
        o = item(indicator, key, value, unit, measure=measure, period="2022", start=start)
        return o | {"section": section}

    docs = [
        summary("戊省", 2022, [
            item("固定资产投资", "fixed_asset_investment", 6.5, "%", measure="growth"),
            item("民生工程", "livelihood_projects", 20, "项", measure="count", direction="落实",
                 scope="section", start=20),
        ]),
        summary("戊省", 2023, [], [
            outcome("固定资产投资", "fixed_asset_investment", 16, "%", "growth", "2.3.1", 90),
            outcome("固定资产投资", "fixed_asset_investment", 6.3, "%", "growth", "2", 10),
            outcome("省定民生工程", "livelihood_projects", 15, "项", "count", "2.5", 50),
            outcome("民生实事", "livelihood_projects", 20, "项", "count", "2.5", 70),
        ]),
    ]  # fmt: skip
    df = build_panel(write(tmp_path / "OUT", docs))
    fai = _row(df, kind="target", key="fixed_asset_investment")
    assert (fai["outcome"], fai["met"]) == (6.3, False) and "6.3" in fai["linked_quote"]
    assert pd.isna(_row(df, kind="target", key="livelihood_projects")["outcome"])


def test_join_finds_links_between_consecutive_real_reports(real_folder: Path) -> None:
    df = build_panel(real_folder)
    assert (df["kind"] == "outcome").any()  # the rules engine states the reviews' outcomes
    links = df[(df["kind"] == "target") & df["outcome"].notna()]
    assert len(links) >= 10
    outcomes = df[df["kind"] == "outcome"]
    for link in links.to_dict("records"):
        match = outcomes[
            (outcomes["region"] == link["region"]) & (outcomes["year"] == link["year"] + 1)
            & (outcomes["period"] == str(link["year"])) & (outcomes["key"] == link["key"])
            & (outcomes["measure"] == link["measure"])
            & (outcomes["quote"] == link["linked_quote"])
        ]  # fmt: skip
        assert len(match), link
    assert {"海拉尔区", "顺平县"} <= set(links["region"])


GROWTH6 = {"value": 6, "measure": "growth", "direction": "增长", "qualifier": ""}


@pytest.mark.parametrize(
    ("target", "outcome", "expected"),
    [
        (GROWTH6, 6.0, True),
        (GROWTH6, 5.9, False),
        ({**GROWTH6, "qualifier": "左右"}, 5.99, False),  # 左右 has no tolerance
        ({**GROWTH6, "qualifier": "以上"}, 7, True),
        ({**GROWTH6, "value_max": 7}, 6.2, True),  # a range: at least its lower end
        ({**GROWTH6, "value_max": 7}, 5.5, False),
        ({"value": 200, "measure": "level", "direction": "达到"}, 210, True),
        ({"value": 3, "measure": "level", "direction": "控制在", "qualifier": "左右"}, 2.5, True),
        ({"value": 3, "measure": "level", "direction": "控制在"}, 3.2, False),
        ({"value": 5.5, "measure": "level", "direction": "", "qualifier": "以内"}, 5.5, True),
        ({"value": 4.5, "measure": "level", "direction": "", "qualifier": "以下"}, 4.6, False),
        ({"value": 3, "measure": "level", "direction": "", "qualifier": "不超过"}, 2, True),
        ({"value": 3, "value_max": 3.5, "measure": "level", "direction": "控制在"}, 3.4, True),
        ({"value": 3, "value_max": 3.5, "measure": "level", "direction": "控制在"}, 3.6, False),
        # a decrease is signed: 下降3% is met by a fall of 3% or more
        ({"value": 3, "measure": "growth", "direction": "下降"}, -4, True),
        ({"value": 3, "measure": "growth", "direction": "下降"}, -2, False),
        ({"value": 3, "measure": "growth", "direction": "下降"}, 1, False),
        ({"value": 3, "value_max": 4, "measure": "growth", "direction": "降低"}, -3.5, True),
        ({"value": 2, "measure": "change", "direction": "减少"}, -1, False),
        ({"value": 2, "measure": "change", "direction": "新增"}, 2.5, True),
        ({"value": 60, "measure": "count", "direction": ""}, 60, True),
        ({"value": 3, "measure": "growth", "direction": "下降", "qualifier": "以内"}, -2, None),
        (GROWTH6, None, None),
    ],
)
def test_met(target: dict[str, Any], outcome: float | None, expected: bool | None) -> None:
    assert met(target, outcome) is expected


# ------------------------------------------------------------------------------ wide panel


def _dimensions_per_column(long: pd.DataFrame, wide: pd.DataFrame) -> dict[str, set[str]]:
    """The unit dimensions of the long rows behind each wide column (by the naming rule)."""
    dims: dict[str, set[str]] = {}
    for rec in long[long["key"].notna() & long["region"].notna()].to_dict("records"):
        if rec["kind"] == "outcome" and not re.fullmatch(r"\d{4}", str(rec["period"])):
            continue
        if rec["kind"] == "target" and pd.isna(rec["year"]):
            continue
        name = f"{rec['key']}.{rec['measure']}" + (".outcome" if rec["kind"] == "outcome" else "")
        if name not in wide.columns:
            unit = wide.attrs["units"]
            split = [c for c in unit if c.startswith(name + "[")]
            name = next(c for c in split if unit_dimension(unit[c]) == unit_dimension(rec["unit"]))
        dims.setdefault(name, set()).add(unit_dimension(rec["unit"]))
    return dims


def test_wide_panel_has_no_mixed_unit_column(real_folder: Path, tmp_path: Path) -> None:
    mixed = summary("丁县", 2020, [
        item("外商直接投资", "fdi", 7, "%", measure="level"),
        item("外商直接投资", "fdi", 2, "亿美元", measure="level", start=20),
        item("城镇新增就业", "new_urban_jobs", 3, "万人", measure="change", start=40),
    ])  # fmt: skip
    more = summary("戊县", 2020, [
        item("城镇新增就业", "new_urban_jobs", 5000, "人", measure="change"),
        item("城镇新增就业", "new_urban_jobs", 4000, "人", measure="change", start=30),
        item("外商直接投资", "fdi", 8, "%", measure="level", start=50),
    ])  # fmt: skip
    long = build_panel(write(tmp_path / "OUT", [mixed, more]))
    wide = wide_panel(long)
    units = wide.attrs["units"]
    assert {"fdi.level[%]", "fdi.level[亿美元]", "new_urban_jobs.change"} <= set(wide.columns)
    assert units["new_urban_jobs.change"] == "人"  # the unit most used; 3万人 -> 30000
    by_region = wide.set_index("region")
    assert by_region.loc["丁县", "new_urban_jobs.change"] == 30000
    assert by_region.loc["戊县", "new_urban_jobs.change"] == 5000  # first target of the cell
    assert by_region.loc["丁县", "fdi.level[亿美元]"] == 2
    for folder_long in (long, build_panel(real_folder)):
        w = wide_panel(folder_long)
        assert not w.duplicated(["region", "year"]).any()
        assert str(w["year"].dtype) == "Int64"
        for column, dims in _dimensions_per_column(folder_long, w).items():
            assert len(dims) == 1, (column, dims)


def test_wide_panel_puts_outcomes_in_the_year_they_describe(synthetic: pd.DataFrame) -> None:
    wide = wide_panel(synthetic).set_index(["region", "year"])
    assert wide.loc[("甲县", 2020), "gdp.growth"] == 6
    assert wide.loc[("甲县", 2020), "gdp.growth.outcome"] == 5.8
    assert wide.loc[("甲县", 2020), "energy_intensity.growth.outcome"] == -4.1
    assert wide.loc[("甲县", 2020), "new_urban_jobs.change.outcome"] == 3.2  # in 万人, as 3万人
    assert wide.loc[("乙县", 2020), "gdp.growth.outcome"] == 9
    assert list(wide.columns[:4]) == ["gdp.growth", "gdp.growth.outcome", "gdp.level",
                                      "gdp.level.outcome"]  # fmt: skip


# ------------------------------------------------------------------------------ writing


def test_csv_to_stdout_and_file(tmp_path: Path) -> None:
    folder = write(tmp_path / "OUT", SYNTHETIC)
    out, messages = io.StringIO(), []
    assert write_panel(folder, stdout=out, echo=messages.append) == 0
    df = pd.read_csv(io.StringIO(out.getvalue()))
    assert len(df) == len(build_panel(folder)) and df["year"].dtype == "int64"
    assert messages[-1].startswith("panel: 4 reports, 7 targets, 9 outcomes, 6 target-outcome")
    target = tmp_path / "panel" / "wide.csv"
    assert write_panel(folder, target, wide=True, echo=messages.append) == 0
    wide = pd.read_csv(target, encoding="utf-8")
    assert list(zip(wide["region"], wide["year"], strict=True)) == [
        ("乙县", 2020),
        ("甲县", 2020),
        ("甲县", 2021),
    ]
    assert wide["year"].dtype == "int64"
    assert not [p for p in target.parent.iterdir() if p.name != "wide.csv"]  # atomic, no temp


def test_parquet_round_trips(tmp_path: Path, real_folder: Path) -> None:
    for folder in (write(tmp_path / "OUT", SYNTHETIC), real_folder):
        long = build_panel(folder)
        out = tmp_path / f"{folder.name}.parquet"
        write_panel(folder, out, echo=lambda _m: None)
        pd.testing.assert_frame_equal(pd.read_parquet(out), long)
        write_panel(folder, out, wide=True, echo=lambda _m: None)
        back, wide = pd.read_parquet(out), wide_panel(long)
        pd.testing.assert_frame_equal(back, wide)
        assert back.attrs["units"] == wide.attrs["units"]


def test_bad_output_suffix_is_a_usage_error(tmp_path: Path) -> None:
    folder = write(tmp_path / "OUT", SYNTHETIC)
    with pytest.raises(UsageError, match=r"\.csv or \.parquet"):
        write_panel(folder, tmp_path / "panel.xlsx")
    assert not (tmp_path / "panel.xlsx").exists()


def test_html_is_self_contained_and_holds_the_data(tmp_path: Path, real_folder: Path) -> None:
    folder = write(tmp_path / "OUT", SYNTHETIC)
    page = tmp_path / "panel.html"
    out = io.StringIO()
    assert write_panel(folder, html=page, stdout=out, echo=lambda _m: None) == 0
    assert out.getvalue() == ""  # --html alone prints no table
    text = page.read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]*\bsrc=", text, re.I)
    assert not re.search(r"<link[^>]*href=[\"']?https?:", text, re.I)
    assert "Plotly.newPlot" in text and "甲县" in text and "地区生产总值" in text
    wide = json.loads(re.search(r'id="panel-wide"[^>]*>(.*?)</script>', text, re.S).group(1))  # type: ignore[union-attr]
    row = next(r for r in wide["rows"] if r["region"] == "甲县" and r["year"] == 2020)
    assert row["gdp.growth"] == 6 and row["gdp.growth.outcome"] == 5.8
    charts = int(re.search(r'<main data-charts="(\d+)"', text).group(1))  # type: ignore[union-attr]
    assert charts == text.count('class="panel-chart"') >= 3
    real = tmp_path / "real.html"
    write_panel(real_folder, html=real, stdout=io.StringIO(), echo=lambda _m: None)
    body = real.read_text(encoding="utf-8")
    assert "海拉尔区" in body and "顺平县" in body and not re.search(r"<script[^>]*\bsrc=", body)


def test_a_summary_copied_twice_is_read_once(real_folder: Path, tmp_path: Path) -> None:
    """A report copied into two input folders is summarised twice: the panel reads it once
    (its rows would count twice) and says which file it skipped."""
    folder = tmp_path / "OUT"
    shutil.copytree(real_folder, folder)
    first = sorted((folder / "hebei").glob("*.json"))[0]
    (folder / "copies").mkdir()
    shutil.copy(first, folder / "copies" / first.name)
    before = build_panel(real_folder)
    warnings: list[str] = []
    after = build_panel(folder, echo=warnings.append)
    assert len(after) == len(before)
    skipped = [w for w in warnings if "skipped, the same summary as" in w]
    # files are read in path order: copies/ comes first, the original is the one skipped
    assert len(skipped) == 1 and f"hebei/{first.name}: skipped" in skipped[0]
    assert f"the same summary as copies/{first.name}" in skipped[0]
    assert not [w for w in warnings if "summaries (" in w]  # one summary a region-year again


def test_two_summaries_of_one_region_and_year_are_named(tmp_path: Path) -> None:
    """A draft and the final text of one report (different bytes) both stay in the long panel,
    and the region-year they share is named: the wide panel holds one value a cell."""
    draft = summary("甲县", 2020, [item("地区生产总值", "gdp", 6, "%", measure="growth")])
    final = summary("甲县", 2020, [item("地区生产总值", "gdp", 6.5, "%", measure="growth")])
    final["source"]["sha256"] = "f" * 64
    other = summary("乙县", 2020, [item("地区生产总值", "gdp", 7, "%", measure="growth")])
    warnings: list[str] = []
    df = build_panel(write(tmp_path / "OUT", [draft, final, other]), echo=warnings.append)
    assert sorted(df[df["region"] == "甲县"]["value"]) == [6.0, 6.5]
    assert warnings == [
        "warning: 甲县 2020: 2 summaries (00_甲县_2020.json, 01_甲县_2020.json); the long panel "
        "keeps the rows of each, the wide panel one value a cell"
    ]


def test_summaries_without_region_or_year_are_named(tmp_path: Path) -> None:
    """Rows of a report whose region or year is unknown cannot enter the wide panel or a link:
    the panel says which files, and how to give them."""
    docs = [
        summary("甲县", 2020, [item("地区生产总值", "gdp", 6, "%", measure="growth")]),
        summary(None, 2020, [item("地区生产总值", "gdp", 7, "%", measure="growth")]),
        summary("乙县", None, [item("地区生产总值", "gdp", 8, "%", measure="growth")]),
    ]
    warnings: list[str] = []
    long = build_panel(write(tmp_path / "OUT", docs), echo=warnings.append)
    assert len(long) == 3 and list(wide_panel(long)["region"]) == ["甲县"]
    assert len(warnings) == 1, warnings
    assert warnings[0].startswith(
        "warning: 2 summaries with no region or year (01_None_2020.json, 02_乙县_None.json): "
        "their rows are in the long panel only"
    )
    assert "--region-year-from-path" in warnings[0]
