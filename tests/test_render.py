"""Renderers on the five seeds: CSV round-trips to the JSON, Markdown and HTML show every quote.

Every test runs on two kinds of summaries of each seed: ones built here by hand from the seed's
real sentences (offsets from ``text.index``, so they hold whatever the engines do) and, when the
rules engine works, ``summarize_file(path, engine="rules")``.
"""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, ClassVar

import pytest

from summarizer.api import summarize_file
from summarizer.chunking import chunk_report
from summarizer.errors import InputError, UsageError
from summarizer.ingest import load_report
from summarizer.models import (
    CheckResult,
    Meta,
    Priority,
    Project,
    QualitativeTarget,
    ReportSummary,
    Source,
    Target,
    Violation,
    sort_items,
)
from summarizer.render import render
from summarizer.render.csv import COLUMNS
from summarizer.render.html import Span, esc, weave
from summarizer.render.markdown import escape as md_escape

FIXTURES = Path(__file__).resolve().parent.parent / "evals" / "fixtures"
SEEDS = sorted(FIXTURES.glob("*.txt"))

_CLAUSE = re.compile(r"[^,;,;。\n]+")
_NUM = re.compile(r"(\d+(?:\.\d+)?)(%)")
_SIMPLE = re.compile(
    r"^(?P<ind>.+?)(?:同比)?(?P<dir>增长|控制在|达到|为)(?P<num>\d+(?:\.\d+)?)(?P<unit>%)"
    r"(?P<q>左右|以上|以内)?"
)
_SECTION_TARGET = re.compile(
    r"(新增|新建|改造|完成)([^,。;、,\d]{2,14}?)(\d+(?:\.\d+)?)(个|家|万人|人|亩|公里)"
)
_PROJECT = re.compile(r"(?:推进|实施|推动|加快|建设)([\u4e00-\u9fff]{4,14}项目)")


def _clause_at(text: str, pos: int) -> tuple[int, int]:
    start = max(text.rfind(ch, 0, pos) for ch in ",;,;。\n") + 1
    ends = [e for e in (text.find(ch, pos) for ch in ",;,;。\n") if e != -1]
    return start, min(ends) if ends else len(text)


def hand_summary(path: Path) -> ReportSummary:
    """A summary of a seed built from its real sentences, with one synthetic violation."""
    report = load_report(path)
    text = report.text
    doc = chunk_report(report)
    head = text.index("预期目标")
    para_start = text.index(":", head) + 1
    para_end = text.find("\n", para_start)
    if para_end == para_start:  # "主要预期目标是:" on its own line
        para_start += 1
        para_end = text.find("\n", para_start)
    targets: list[Target] = []
    quals: list[QualitativeTarget] = []
    for m in _CLAUSE.finditer(text, para_start, para_end):
        start = m.start() + len(m.group()) - len(m.group().lstrip())
        clause, end = text[start : m.end()], m.end()
        if not clause:
            continue
        common: dict[str, Any] = {"scope": "headline", "quote": clause, "start": start, "end": end}
        if "分别" in clause:
            tail = re.search(r"(左右|以上|以内)$", clause)
            for k, n in enumerate(_NUM.finditer(clause)):
                targets.append(Target.model_validate({
                    **common, "indicator": ("城镇居民人均可支配收入", "农村居民人均可支配收入")[k % 2],
                    "value": float(n.group(1)), "unit": "%", "direction": "增长",
                    "qualifier": tail.group(1) if tail else "",
                    "value_start": start + n.start(), "value_end": start + n.end(),
                }))  # fmt: skip
        elif s := _SIMPLE.match(clause):
            targets.append(Target.model_validate({
                **common, "indicator": s["ind"].strip(), "value": float(s["num"]), "unit": "%",
                "qualifier": s["q"] or "", "direction": "" if s["dir"] == "为" else s["dir"],
                "value_start": start + s.start("num"), "value_end": start + s.end("unit"),
            }))  # fmt: skip
        elif not re.search(r"\d", clause):
            quals.append(
                QualitativeTarget.model_validate(
                    {**common, "indicator": clause[:4], "text": clause}
                )
            )
    for m in list(_SECTION_TARGET.finditer(text, para_end))[:4]:
        start, end = _clause_at(text, m.start())
        section = doc.section_at(m.start())
        targets.append(Target.model_validate({
            "indicator": m.group(2), "value": float(m.group(3)), "unit": m.group(4),
            "direction": m.group(1), "scope": "section", "section": section.path if section else None,
            "quote": text[start:end], "start": start, "end": end,
            "value_start": m.start(3), "value_end": m.end(4),
        }))  # fmt: skip
    projects = []
    for m in list(_PROJECT.finditer(text, para_end))[:3]:
        projects.append(Project(name=m.group(1), quote=m.group(1), start=m.start(1), end=m.end(1)))
    priorities = [
        Priority(ordinal=k, title=s.title, measures=[s.title[:6]], section=s.path,
                 start=s.start, end=s.end)
        for k, s in enumerate(doc.top_work_sections(), 1)
    ]  # fmt: skip
    summary = ReportSummary(
        source=Source(path=str(path), sha256=report.sha256, chars=len(text), encoding=report.encoding),
        meta=Meta(region=report.region, year=report.year, engine="fake"),
        sections=doc.sections, targets=targets, qualitative_targets=quals,
        priorities=priorities, projects=projects,
    )  # fmt: skip
    sort_items(summary)
    t0 = summary.targets[0]
    summary.checks = CheckResult(checked=len(targets), violations=[Violation(
        kind="number_not_in_quote", item="targets[0]", field="value", value="99",
        quote=t0.quote, start=t0.start, end=t0.end, message="synthetic: 99 is not in the quote",
    )])  # fmt: skip
    return summary


_RULES_CACHE: dict[str, ReportSummary] = {}


def rules_summary(path: Path) -> ReportSummary:
    if str(path) not in _RULES_CACHE:
        _RULES_CACHE[str(path)] = summarize_file(path, engine="rules")
    return _RULES_CACHE[str(path)]


@pytest.fixture(params=["hand", "rules"])
def summaries(request: pytest.FixtureRequest) -> list[ReportSummary]:
    build = hand_summary if request.param == "hand" else rules_summary
    return [build(p) for p in SEEDS]


def test_hand_summaries_hold_the_contract() -> None:
    for path in SEEDS:
        s = hand_summary(path)
        text = load_report(path).text
        assert len([t for t in s.targets if t.scope == "headline"]) >= 5, path
        for t in s.targets:
            assert text[t.start : t.end] == t.quote
            assert t.start <= t.value_start < t.value_end <= t.end


# ---------------------------------------------------------------- CSV


def _json_cell(value: object) -> str:
    return (
        ""
        if value is None
        else value
        if isinstance(value, str)
        else json.dumps(value, ensure_ascii=False)
    )


def test_csv_loads_back_and_equals_the_json(summaries: list[ReportSummary]) -> None:
    for s in summaries:
        data = json.loads(s.model_dump_json())
        rows = list(csv.DictReader(io.StringIO(render([s], "csv", many=False), newline="")))
        items = [("target", t) for t in data["targets"]]
        items += [("outcome", o) for o in data["outcomes"]]
        assert len(rows) == len(items)
        for row, (kind, t) in zip(rows, items, strict=True):
            assert tuple(row) == COLUMNS
            assert row["file"] == data["source"]["path"]
            assert row["region"] == (data["meta"]["region"] or "")
            assert row["year"] == _json_cell(data["meta"]["year"])
            assert row["kind"] == kind
            for col in COLUMNS[3:]:
                if col != "kind":
                    assert row[col] == _json_cell(t.get(col)), (col, row, t)
            assert float(row["value"]) == t["value"]
            assert int(row["start"]) == t["start"] and int(row["end"]) == t["end"]


def test_csv_many_has_one_header_and_every_row(summaries: list[ReportSummary]) -> None:
    out = render(summaries, "csv", many=True, csv_bom=True)
    assert out.startswith("\ufeff") and out.count("file,region,year") == 1
    raw = out.encode("utf-8")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == sum(len(s.targets) + len(s.outcomes) for s in summaries)
    assert {r["file"] for r in rows} == {
        s.source.path for s in summaries if s.targets or s.outcomes
    }
    plain = render(summaries, "csv", many=True)
    assert not plain.startswith("\ufeff") and plain == out[1:]


def test_csv_of_nothing_is_a_header() -> None:
    assert render([], "csv", many=True) == ",".join(COLUMNS) + "\r\n"


def test_csv_quotes_awkward_text() -> None:
    s = hand_summary(SEEDS[0])
    s.targets[0].quote = 'a "quoted", comma\nand newline'
    row = next(csv.DictReader(io.StringIO(render([s], "csv", many=False), newline="")))
    assert row["quote"] == 'a "quoted", comma\nand newline'


# ---------------------------------------------------------------- Markdown


def test_markdown_shows_every_quote_priority_and_project(summaries: list[ReportSummary]) -> None:
    for s in summaries:
        md = render([s], "md", many=False)
        assert md.startswith("# ")
        for t in s.targets:
            assert md_escape(t.quote) in md
            assert md_escape(t.quote) == t.quote or any(c in t.quote for c in "*_|<>[]`~#\\\n")
        for q in s.qualitative_targets:
            assert md_escape(q.quote) in md
        for p in s.priorities:
            assert md_escape(p.title) in md
        for pr in s.projects:
            assert md_escape(pr.name) in md
        if s.checks.violations:
            assert "violation" in md


def test_markdown_many_has_an_index_and_a_heading_per_report(
    summaries: list[ReportSummary],
) -> None:
    md = render(summaries, "md", many=True)
    assert md.startswith(f"# summarizer: {len(summaries)} reports")
    assert len(re.findall(r"(?m)^## ", md)) == len(summaries)
    for s in summaries:
        for t in s.targets:
            assert md_escape(t.quote) in md


def test_markdown_escapes_table_breakers() -> None:
    s = hand_summary(SEEDS[0])
    s.targets[0].quote = "a|b *c*\nd"
    md = render([s], "md", many=False)
    assert r"a\|b \*c\* d" in md


# ---------------------------------------------------------------- HTML


class Page(HTMLParser):
    """Checks nesting and collects the source text and each mark's text."""

    VOID: ClassVar[set[str]] = {"meta", "br", "input", "img", "link", "hr", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.errors: list[str] = []
        self.in_text = 0
        self.text: list[str] = []
        self.marks: dict[str, dict[str, str | None]] = {}
        self.mark_text: dict[str, list[str]] = {}
        self.open_marks: list[str] = []
        self.items: dict[str, dict[str, str | None]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in self.VOID:
            return
        self.stack.append((tag, a))
        if tag == "div" and a.get("class") == "text":
            self.in_text = len(self.stack)
        if tag == "mark" and a.get("id") and self.in_text:
            self.marks[str(a["id"])] = a
            self.mark_text[str(a["id"])] = []
        if tag == "mark":
            self.open_marks.append(str(a.get("id") or ""))
        if tag == "a" and a.get("id"):
            self.items[str(a["id"])] = a

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else 'nothing'}")
            return
        if tag == "mark":
            self.open_marks.pop()
        if self.in_text == len(self.stack):
            self.in_text = 0
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.in_text:
            self.text.append(data)
            for mid in self.open_marks:
                if mid in self.mark_text:
                    self.mark_text[mid].append(data)


def parse(page: str) -> Page:
    p = Page()
    p.feed(page)
    p.close()
    assert not p.errors, p.errors[:5]
    assert not p.stack, [t for t, _ in p.stack]
    return p


def test_html_highlights_every_span_and_links_the_panel(summaries: list[ReportSummary]) -> None:
    for s in summaries:
        text = load_report(s.source.path or "").text
        page = render([s], "html", many=False)
        assert (
            page.startswith("<!DOCTYPE html>") and "http://" not in page and "https://" not in page
        )
        dom = parse(page)
        assert "".join(dom.text) == text.replace("\r\n", "\n")
        for i, t in enumerate(s.targets):
            assert esc(t.quote) in page  # the panel item's tooltip holds the quote
            mark = dom.marks[f"r0-t{i}"]
            assert mark["data-kind"] == "target"
            assert "".join(dom.mark_text[f"r0-t{i}"]) == text[t.value_start : t.value_end]
            item = dom.items[f"r0-i-t{i}"]
            assert item["href"] == f"#r0-t{i}" and item["data-ref"] == f"r0-t{i}"
        for j, q in enumerate(s.qualitative_targets):
            assert "".join(dom.mark_text[f"r0-q{j}"]) == text[q.start : q.end]
        for j, pr in enumerate(s.projects):
            assert "".join(dom.mark_text[f"r0-p{j}"]) == text[pr.start : pr.end]
        for j, _ in enumerate(s.priorities):
            assert dom.items[f"r0-i-pr{j}"]["href"] == f"#r0-pr{j}"
        short = {"targets": "t", "qualitative_targets": "q", "projects": "p", "priorities": "pr"}
        for v in s.checks.violations:
            m = re.fullmatch(r"(\w+)\[(\d+)\]", v.item)
            if not m or m[1] not in short:
                continue
            ref = f"r0-{short[m[1]]}{m[2]}"
            if ref in dom.marks:
                assert "bad" in str(dom.marks[ref]["class"]).split(), v
            assert "bad" in str(dom.items[f"r0-i-{short[m[1]]}{m[2]}"]["class"]).split(), v


def test_html_many_is_an_index_with_a_section_per_report(summaries: list[ReportSummary]) -> None:
    page = render(summaries, "html", many=True)
    dom = parse(page)
    for k, s in enumerate(summaries):
        assert f'<section class="report" id="r{k}">' in page and f'href="#r{k}"' in page
        for i in range(len(s.targets)):
            assert f"r{k}-t{i}" in dom.marks


def test_html_uses_given_texts_and_escapes_them() -> None:
    s = hand_summary(SEEDS[0])
    text = load_report(SEEDS[0]).text
    prefix = "<script>alert(1)</script>&"
    hostile = prefix + text[len(prefix) :]  # same length, hostile start
    assert len(hostile) == len(text)
    page = render([s], "html", many=False, texts=[hostile])
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;" in page
    assert "".join(parse(page).text) == hostile


def test_html_without_the_source_file_says_so(tmp_path: Path) -> None:
    s = hand_summary(SEEDS[0])
    s.source.path = None
    with pytest.raises(InputError, match=r"no source\.path"):
        render([s], "html", many=False)
    s.source.path = str(tmp_path / "gone.txt")
    with pytest.raises(InputError, match=r"gone\.txt"):
        render([s], "html", many=False)
    changed = tmp_path / "changed.txt"
    changed.write_text(load_report(SEEDS[0]).text + "\n多一行\n", encoding="utf-8")
    s.source.path = str(changed)
    with pytest.raises(InputError, match="changed since"):
        render([s], "html", many=False)


def test_bad_format_and_text_count_are_usage_errors() -> None:
    s = hand_summary(SEEDS[0])
    with pytest.raises(UsageError, match="pdf"):
        render([s], "pdf", many=False)
    with pytest.raises(UsageError, match="texts"):
        render([s], "html", many=False, texts=[])


# ---------------------------------------------------------------- weaving overlapping spans


def _marks(woven: str) -> dict[str, str]:
    dom = Page()
    dom.feed(f'<div class="text">{woven}</div>')
    assert not dom.errors
    return {k: "".join(v) for k, v in dom.mark_text.items()}


def test_enumeration_values_nest_inside_their_shared_clause() -> None:
    text = "城乡居民人均可支配收入分别增长5.5%、7%左右,其他"
    clause = (0, text.index(","))
    a, b = text.index("5.5%"), text.index("7%")
    spans = [
        Span(*clause, "clause", "c0", "i0"),
        Span(a, a + 4, "target", "t0", "i0"),
        Span(b, b + 2, "target", "t1", "i1"),
    ]
    woven = weave(text, spans)
    assert woven.count("<mark") == 3 and woven.count("</mark>") == 3
    assert _marks(woven) == {"c0": text[: clause[1]], "t0": "5.5%", "t1": "7%"}


def test_crossing_spans_are_split_and_keep_their_text() -> None:
    text = "0123456789abcdef"
    woven = weave(text, [Span(0, 10, "project", "p0"), Span(5, 15, "qualitative", "q0"),
                         Span(5, 15, "target", "t0"), Span(3, 3, "target", "empty"),
                         Span(10, 99, "target", "outside")])  # fmt: skip
    assert 'id="empty"' not in woven and 'id="outside"' not in woven
    dom = Page()
    dom.feed(f'<div class="text">{woven}</div>')
    assert not dom.errors and "".join(dom.text) == text
    assert "".join(dom.mark_text["p0"]) == "0123456789"
    assert "".join(dom.mark_text["t0"]) == "56789"  # first piece; the rest is a "cont" piece
    assert woven.count('class="k-target cont"') == 1
    assert 'data-start="5" data-end="15"' in woven


def test_carriage_returns_survive_parsing() -> None:
    text = "第一行\r\n第二行"
    woven = weave(text, [Span(0, 3, "target", "t0")])
    assert "&#13;" in woven
    dom = Page()
    dom.feed(f'<div class="text">{woven}</div>')
    assert "".join(dom.text) == text
