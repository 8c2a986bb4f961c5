"""Spreadsheets of reports in a batch (one report per row), and folders of Word, PDF and text
reports, through ``summarizer.cli.main`` as a user runs them.

Every file is made here (openpyxl, the csv module, python-docx, reportlab) from real report text.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import tracemalloc
from collections.abc import Iterator, Sequence
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import pytest
from requirements import in_ci

from summarizer import Summarizer, batch
from summarizer.batch_inputs import BatchInput, Columns, expand_rows
from summarizer.chunking import Document
from summarizer.cli import main
from summarizer.engines.base import Engine, Extraction
from summarizer.engines.rules import RulesEngine

_MISSING = [m for m in ("docx", "openpyxl", "pdfminer", "reportlab") if not find_spec(m)]
if _MISSING:  # the [formats] extra, and reportlab from [dev] to write the PDFs
    _REASON = f"needs {', '.join(_MISSING)}: pip install -e '.[dev,formats]'"
    if in_ci():
        pytest.fail(f"required under CI: {_REASON}", pytrace=False)
    pytest.skip(_REASON, allow_module_level=True)

import docx  # noqa: E402
import openpyxl  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: E402
from reportlab.platypus import Paragraph, SimpleDocTemplate  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "evals" / "fixtures").glob("*.txt"))
CORPUS = sorted((ROOT / "evals" / "corpus" / "fixtures").glob("*.txt"))
TEXTS = [p.read_text(encoding="utf-8") for p in (SEEDS[0], SEEDS[4], CORPUS[0])]
HEADER = ["年份", "区县名称", "报告全文", "编号"]
# three reports and an empty one, in sheet order; region and year unlike what the texts say
ROWS: list[list[Any]] = [
    [2031, "甲县", TEXTS[0], "A01"],
    [2032, "乙市", TEXTS[1], "A02"],
    [2033, "丙区", "   ", "A03"],
    [2034, "丁县", TEXTS[2], "A04"],
]
FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def summarize(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    return run(capsys, "summarize", *argv, "--engine", "rules")


def index_rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


def write_xlsx(path: Path, rows: Sequence[Sequence[Any]], header: Sequence[str] = HEADER) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    workbook.save(str(path))
    return path


def write_csv(path: Path, rows: Sequence[Sequence[Any]], header: Sequence[str]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_docx(path: Path, text: str) -> Path:
    document = docx.Document()
    for line in text.split("\n"):
        if line.strip():
            document.add_paragraph(line)
    document.save(str(path))
    return path


def write_pdf(path: Path, text: str) -> Path:
    style = ParagraphStyle("body", fontName=FONT, fontSize=12, leading=20, wordWrap="CJK")
    story = [Paragraph(line, style) for line in text.split("\n") if line.strip()]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


class Counting(Engine):
    """The rules engine, counting the reports it extracts."""

    def __init__(self) -> None:
        self.inner = RulesEngine()
        self.name = self.inner.name
        self.count = 0

    async def extract(self, doc: Document) -> Extraction:
        self.count += 1
        return await self.inner.extract(doc)


@pytest.fixture
def counting(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Counting]]:
    """Every engine a batch builds, so a test can count the reports it extracted."""
    made: list[Counting] = []

    def build(options: batch.BatchOptions) -> tuple[Engine, int]:
        made.append(Counting())
        return made[-1], 1

    monkeypatch.setattr(batch, "build_engine", build)
    yield made


# ---------------------------------------------------------------- one report per row


def test_xlsx_rows_are_reports_with_region_and_year_from_the_columns(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    sheet = write_xlsx(tmp_path / "报告2031.xlsx", ROWS)
    out = tmp_path / "out"
    code, stdout, err = summarize(capsys, str(sheet), "-o", f"{out}/", "--region", "戊县")
    assert code == 2 and stdout == ""
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json")) == [
        "报告2031/A01.json",
        "报告2031/A02.json",
        "报告2031/A04.json",
    ]
    # the empty row is a failed input named with its row; the others finished
    assert (
        f"failed: {sheet}#A03: row 3 (sheet row 4, id A03): the text column '报告全文' is empty"
        in (err)
    )
    assert "4 reports: 3 ok, 0 skipped, 1 failed" in err
    index = index_rows(out / "_index.csv")
    assert [(r["path"], r["status"]) for r in index] == [
        (f"{sheet}#A01", "ok"),
        (f"{sheet}#A02", "ok"),
        (f"{sheet}#A03", "failed"),
        (f"{sheet}#A04", "ok"),
    ]
    assert "row 3" in index[2]["error"] and (index[2]["region"], index[2]["year"]) == (
        "丙区",
        "2033",
    )
    for (year, region, text, row_id), r in zip(ROWS, index, strict=True):
        if row_id == "A03":
            continue
        data = json.loads((out / "报告2031" / f"{row_id}.json").read_text(encoding="utf-8"))
        # columns win over the text and over --region
        assert (data["meta"]["region"], data["meta"]["year"]) == (region, year)
        assert (r["region"], r["year"]) == (region, str(year))
        assert data["source"]["path"] == f"{sheet}#{row_id}"
        assert data["source"]["sha256"] == hashlib.sha256(text.encode("utf-8")).hexdigest()
        assert data["source"]["sha256"] == r["sha256"]
        for t in data["targets"]:
            assert text[t["start"] : t["end"]] == t["quote"]
        # the same results as the same report given as text
        alone = Summarizer("rules").summarize(text, region=region, year=year)
        assert data["targets"] == [t.model_dump(mode="json") for t in alone.targets]
        assert data["priorities"] == [p.model_dump(mode="json") for p in alone.priorities]
        assert data["targets"], row_id


def test_csv_with_english_headers_and_no_id_column_uses_row_numbers(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    sheet = write_csv(
        tmp_path / "reports.csv",
        [[2021, "Yushui", TEXTS[0]], [2022, "Ruijin", TEXTS[1]]],
        ["year", "city", "content"],
    )
    out = tmp_path / "out"
    code, _, err = summarize(capsys, str(sheet), "-o", str(out), "-q")
    assert code == 0, err
    assert sorted(p.name for p in (out / "reports").iterdir()) == ["1.json", "2.json"]
    index = index_rows(out / "_index.csv")
    assert [(r["path"], r["region"], r["year"]) for r in index] == [
        (f"{sheet}#1", "Yushui", "2021"),
        (f"{sheet}#2", "Ruijin", "2022"),
    ]
    data = json.loads((out / "reports" / "2.json").read_text(encoding="utf-8"))
    assert data["source"]["path"] == f"{sheet}#2" and data["meta"]["year"] == 2022


def test_text_column_given_or_missing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    sheet = write_csv(
        tmp_path / "odd.csv", [["X1", "某县", TEXTS[0]]], ["编码", "地方", "report_body_text"]
    )
    good = tmp_path / "good.txt"
    good.write_text(TEXTS[1], encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = summarize(capsys, str(sheet), str(good), "-o", str(out), "-q")
    assert code == 2
    line = next(x for x in err.splitlines() if str(sheet) in x)
    assert "no report-text column" in line and "--text-column" in line
    assert "编码, 地方, report_body_text" in line
    assert (out / "good.json").is_file()  # nothing else lost
    assert [r["status"] for r in index_rows(out / "_index.csv")] == ["failed", "ok"]

    code, _, err = summarize(capsys, str(sheet), "--text-column", "nope", "-o", str(out), "-q")
    assert code == 2 and "no column named 'nope' (--text-column)" in err
    assert "report_body_text" in err

    code, _, err = summarize(
        capsys, str(sheet), "--text-column", "report_body_text", "--id-column", "编码",
        "--region-column", "地方", "-o", str(out), "-q",
    )  # fmt: skip
    assert code == 0, err
    data = json.loads((out / "odd" / "X1.json").read_text(encoding="utf-8"))
    assert data["source"]["path"] == f"{sheet}#X1" and data["meta"]["region"] == "某县"


def test_a_rerun_skips_finished_rows_and_redoes_a_changed_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, counting: list[Counting]
) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    sheet = write_xlsx(reports / "sheet.xlsx", ROWS)
    out = reports / "out"  # inside the folder given: its outputs are never inputs
    for fmt in ("json", "csv"):
        argv = (str(reports), "--format", fmt, "-o", f"{out}-{fmt}/", "-q")
        assert summarize(capsys, *argv)[0] == 2
        assert counting[-1].count == 3
        code, _, err = summarize(capsys, *argv)
        assert code == 2 and counting[-1].count == 0, err
        index = index_rows(Path(f"{out}-{fmt}") / "_index.csv")
        assert [r["status"] for r in index] == ["skipped", "skipped", "failed", "skipped"]
        assert index[0]["path"] == f"{sheet}#A01"
    # one row's text changes: only that row is done again
    changed = [list(r) for r in ROWS]
    changed[1][2] = TEXTS[1] + "\n（根据会议讨论意见修改）"
    write_xlsx(sheet, changed)
    code, _, err = summarize(capsys, str(reports), "-o", f"{out}-json/", "-q")
    assert code == 2 and counting[-1].count == 1, err
    index = index_rows(out.parent / "out-json" / "_index.csv")
    assert [r["status"] for r in index] == ["skipped", "ok", "failed", "skipped"]


def test_jsonl_to_one_file_from_a_spreadsheet_resumes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, counting: list[Counting]
) -> None:
    sheet = write_xlsx(tmp_path / "sheet.xlsx", ROWS)
    panel = tmp_path / "panel.jsonl"
    code, _, _ = summarize(capsys, str(sheet), "--format", "jsonl", "-o", str(panel), "-q")
    assert code == 2
    lines = [json.loads(x) for x in panel.read_text(encoding="utf-8").splitlines()]
    assert [d["source"]["path"] for d in lines] == [f"{sheet}#A01", f"{sheet}#A02", f"{sheet}#A04"]
    assert [d["meta"]["region"] for d in lines] == ["甲县", "乙市", "丁县"]
    assert len(index_rows(tmp_path / "_index.csv")) == 4
    first = panel.read_bytes()
    code, _, _ = summarize(capsys, str(sheet), "--format", "jsonl", "-o", str(panel), "-q")
    assert code == 2 and counting[-1].count == 0 and panel.read_bytes() == first


def test_meta_rows_name_spreadsheet_rows_and_win_over_the_columns(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    sheet = write_xlsx(tmp_path / "sheet.xlsx", [ROWS[0], [None, "", TEXTS[1], "A02"]])
    meta = tmp_path / "meta.csv"
    meta.write_text(f"path,region,year\n{sheet}#A01,己县,2040\n", encoding="utf-8")
    code, out, err = summarize(capsys, str(sheet), "--meta", str(meta), "--year", "2050", "-q")
    assert code == 0, err
    got = {d["source"]["path"]: d["meta"] for d in json.loads(out)}
    assert (got[f"{sheet}#A01"]["region"], got[f"{sheet}#A01"]["year"]) == ("己县", 2040)
    # empty cells fall through to --year, and to the text for the region
    alone = Summarizer("rules").summarize(TEXTS[1])
    assert (got[f"{sheet}#A02"]["region"], got[f"{sheet}#A02"]["year"]) == (alone.meta.region, 2050)


def test_check_and_chunk_read_rows_and_word_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    sheet = write_xlsx(tmp_path / "sheet.xlsx", ROWS)
    out = tmp_path / "out"
    summarize(capsys, str(sheet), "-o", str(out), "-q")
    summary = out / "sheet" / "A02.json"
    code, stdout, err = run(
        capsys, "check", str(summary), "--source", f"{sheet}#A02", "--format", "json"
    )
    assert code == 0, err
    result = json.loads(stdout)
    assert result["violations"] == [] and result["checked"] > 0
    # another row is another source
    code, _, err = run(capsys, "check", str(summary), "--source", f"{sheet}#A01")
    assert code == 2 and "different source" in err
    code, _, err = run(capsys, "check", str(summary), "--source", f"{sheet}#Z9")
    assert code == 2 and "no row with id 'Z9'" in err
    # a sheet whose text column needs naming
    odd = write_csv(tmp_path / "odd.csv", [["B1", TEXTS[1]]], ["编号", "report_body_text"])
    code, _, err = run(
        capsys, "check", str(summary), "--source", f"{odd}#B1", "--text-column", "report_body_text"
    )
    assert code == 0, err

    word = write_docx(tmp_path / "ruijin.docx", TEXTS[1])
    code, stdout, err = run(capsys, "chunk", str(word), "--format", "json", "--max-chars", "800")
    assert code == 0, err
    data = json.loads(stdout)
    assert len(data["sections"]) >= 4 and all(c["chars"] <= 800 for c in data["chunks"])
    code, stdout, _ = run(capsys, "chunk", f"{sheet}#A02")
    assert code == 0 and "壮大产业集群" in stdout
    code, stdout, err = run(capsys, "summarize", str(word), "--engine", "rules", "-q")
    assert code == 0, err
    path = tmp_path / "word.json"
    path.write_text(stdout, encoding="utf-8")
    code, stdout, err = run(capsys, "check", str(path), "--source", str(word), "--format", "json")
    assert code == 0 and json.loads(stdout)["violations"] == [], err


# ---------------------------------------------------------------- folders and explicit files


def test_a_folder_holds_word_pdf_and_text_reports_and_lock_files_are_skipped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    text = SEEDS[4].read_text(encoding="utf-8")[:2000]
    write_docx(folder / "a.docx", TEXTS[0])
    write_pdf(folder / "b.pdf", text)
    (folder / "c.txt").write_text(TEXTS[2], encoding="utf-8")
    (folder / "~$a.docx").write_bytes(b"\x0bJohn Smith" + b"\x00" * 150)  # an Office lock file
    (folder / ".hidden.txt").write_text(TEXTS[1], encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = summarize(capsys, str(folder), "-o", str(out))
    assert code == 0, err
    assert "3 reports: 3 ok" in err
    assert sorted(p.name for p in out.iterdir()) == ["_index.csv", "a.json", "b.json", "c.json"]
    encodings = {
        p.stem: json.loads(p.read_text(encoding="utf-8"))["source"]["encoding"]
        for p in out.glob("*.json")
    }
    assert encodings == {"a": "docx", "b": "pdf", "c": "utf-8"}
    assert json.loads((out / "b.json").read_text(encoding="utf-8"))["targets"]


def test_an_unsupported_file_given_explicitly_fails_alone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    old = tmp_path / "report.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    good = tmp_path / "good.txt"
    good.write_text(TEXTS[0], encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = summarize(capsys, str(old), str(good), "-o", str(out), "-q")
    assert code == 2
    assert f"failed: {old}: is an old Word file: save it as .docx; supported: .txt" in err
    assert (out / "good.json").is_file()
    assert [r["status"] for r in index_rows(out / "_index.csv")] == ["failed", "ok"]


def test_planning_a_spreadsheet_keeps_no_texts(tmp_path: Path) -> None:
    """The read before any work keeps ids and hashes: memory stays far below the texts'."""
    rows = [[2020, f"县{k}", TEXTS[2] + f"\n第{k}份。", f"R{k}"] for k in range(300)]
    sheet = write_csv(tmp_path / "big.csv", rows, HEADER)
    size = sum(len(r[2].encode("utf-8")) for r in rows)
    tracemalloc.start()
    try:
        items = expand_rows([BatchInput(str(sheet), sheet.name)], Columns())
        kept, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [i.path for i in items[:2]] == [f"{sheet}#R0", f"{sheet}#R1"]
    assert len(items) == 300 and items[5].rel == "big/R5"
    assert kept < size / 10, (kept, size)
