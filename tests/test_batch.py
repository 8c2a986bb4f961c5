"""Batch runs through ``summarizer.cli.main``: folders in, one result per report, resumable.

The input folder holds the five seeds (under ``seeds/``), one GB18030 report, one HTML page and
one empty file: every good report finishes, the empty one is named on stderr, exit 2.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from pathlib import Path

import pytest

from summarizer import summarize_file
from summarizer.cli import main

FIXTURES = Path(__file__).resolve().parent.parent / "evals" / "fixtures"
SEEDS = sorted(FIXTURES.glob("*.txt"))
OLD = 1_000_000_000  # a marker mtime (2001) that only an untouched file keeps
GOOD = 7


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["summarize", *argv, "--engine", "rules"])
    out, err = capsys.readouterr()
    return code, out, err


def _html_page(text: str) -> str:
    paras = "".join(f"<p>{line.strip()}</p>\n" for line in text.splitlines() if line.strip())
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>政府工作报告</title>"
        "<script>var tracker = 1;</script><style>p{margin:0}</style></head>"
        f"<body><div class='article'>{paras}</div></body></html>"
    )


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "seeds").mkdir(parents=True)
    for seed in SEEDS:
        shutil.copy(seed, root / "seeds" / seed.name)
    (root / "gbk").mkdir()
    (root / "gbk" / "yuehu_gb18030.txt").write_bytes(
        SEEDS[1].read_text(encoding="utf-8").encode("gb18030")
    )
    (root / "web").mkdir()
    (root / "web" / "duchang.html").write_text(
        _html_page(SEEDS[3].read_text(encoding="utf-8")), encoding="utf-8"
    )
    (root / "empty.txt").write_bytes(b"")
    (root / "notes.md").write_text("not a report suffix", encoding="utf-8")
    return root


def _good(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.suffix in (".txt", ".html") and p.stat().st_size)


def _outputs(out: Path, suffix: str = ".json") -> dict[str, Path]:
    """The per-report outputs under ``out`` (the run index left out)."""
    return {
        str(p.relative_to(out)): p
        for p in sorted(out.rglob(f"*{suffix}"))
        if p.relative_to(out) != Path("_index.csv")
    }


def _expected_outputs(root: Path, suffix: str = ".json") -> set[str]:
    return {str(p.relative_to(root).with_suffix(suffix)) for p in _good(root)}


def _no_temp_files(folder: Path) -> None:
    leftovers = [p for p in folder.rglob("*") if p.name.endswith(".tmp") or p.name.startswith(".")]
    assert leftovers == []


def test_folder_batch_finishes_good_reports_and_names_the_bad_one(
    capsys: pytest.CaptureFixture[str], corpus: Path
) -> None:
    code, out, err = run(capsys, str(corpus), "--quiet")
    assert code == 2
    data = json.loads(out)
    assert isinstance(data, list) and len(data) == GOOD
    assert {d["source"]["path"] for d in data} == {str(p) for p in _good(corpus)}
    bad = [line for line in err.splitlines() if "empty.txt" in line]
    assert bad and "empty" in bad[0].split("empty.txt", 1)[1], err
    assert "Traceback" not in err
    by_name = {Path(d["source"]["path"]).name: d for d in data}
    assert by_name["yuehu_gb18030.txt"]["source"]["encoding"] == "gb18030"
    # the GB18030 copy reads as the same text as its UTF-8 seed, so it gives the same targets
    seed = by_name[SEEDS[1].name]
    assert by_name["yuehu_gb18030.txt"]["targets"] == seed["targets"]
    assert by_name["yuehu_gb18030.txt"]["source"]["chars"] == seed["source"]["chars"]
    page = by_name["duchang.html"]
    assert page["targets"], "the HTML page gave no target"
    assert all(t["scope"] in ("headline", "section") for t in page["targets"])
    for d in data:
        assert d["meta"]["engine"] == "rules"


def test_output_dir_is_written_per_report_and_rerun_skips_finished(
    capsys: pytest.CaptureFixture[str],
    corpus: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # the closing table, unwrapped
    out = tmp_path / "out"
    code, stdout, err = run(capsys, str(corpus), "-o", f"{out}/", "--quiet")
    assert code == 2 and stdout == ""
    assert "empty.txt" in err
    files = _outputs(out)
    assert set(files) == _expected_outputs(corpus)
    assert "seeds/000_yushui.json" in files and "web/duchang.json" in files
    assert not (out / "empty.json").exists()
    _no_temp_files(out)
    for rel, path in files.items():
        data = json.loads(path.read_text(encoding="utf-8"))
        assert Path(data["source"]["path"]).relative_to(corpus).with_suffix(".json") == Path(rel)
        os.utime(path, (OLD, OLD))

    # second run: every finished report is skipped, its file untouched; the bad one fails again
    code, stdout, err = run(capsys, str(corpus), "-o", str(out))
    assert code == 2 and stdout == ""
    assert {p.stat().st_mtime for p in _outputs(out).values()} == {OLD}
    assert f"{GOOD + 1} reports: 0 ok, {GOOD} skipped, 1 failed" in err, err
    assert "empty.txt" in err

    # a changed source is redone, the others still skipped
    changed = corpus / "seeds" / SEEDS[0].name
    changed.write_text(changed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    code, _, err = run(capsys, str(corpus), "-o", str(out), "--quiet")
    assert code == 2
    redone = {rel for rel, p in _outputs(out).items() if p.stat().st_mtime != OLD}
    assert redone == {f"seeds/{SEEDS[0].stem}.json"}

    # --force redoes everything
    code, _, err = run(capsys, str(corpus), "-o", str(out), "--force")
    assert code == 2
    assert all(p.stat().st_mtime != OLD for p in _outputs(out).values())
    assert f"{GOOD + 1} reports: {GOOD} ok, 0 skipped, 1 failed" in err, err
    _no_temp_files(out)


def test_jsonl_has_one_line_per_good_report(
    capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
) -> None:
    dest = tmp_path / "all.jsonl"
    code, stdout, err = run(capsys, str(corpus), "--format", "jsonl", "-o", str(dest), "--quiet")
    assert code == 2 and stdout == "" and "empty.txt" in err
    lines = dest.read_text(encoding="utf-8").splitlines()
    assert len(lines) == GOOD
    assert {json.loads(line)["source"]["path"] for line in lines} == {str(p) for p in _good(corpus)}
    code, stdout, _ = run(capsys, str(corpus / "seeds"), "--format", "jsonl", "--quiet")
    assert code == 0 and len(stdout.splitlines()) == len(SEEDS)


def test_a_failed_report_leaves_no_output_file(
    capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
) -> None:
    dest_dir = tmp_path / "single"
    dest_dir.mkdir()
    for fmt in ("json", "jsonl", "csv", "md", "html"):
        dest = dest_dir / f"out.{fmt}"
        code, stdout, err = run(
            capsys, str(corpus / "empty.txt"), "--format", fmt, "-o", str(dest), "-q"
        )
        assert code == 2 and stdout == "", fmt
        assert "empty.txt" in err and "Traceback" not in err
        assert not dest.exists(), fmt
    assert list(dest_dir.iterdir()) == []


def test_csv_over_a_folder_is_one_panel_equal_to_the_json(
    capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
) -> None:
    code, out, _ = run(capsys, str(corpus), "--quiet")
    data = json.loads(out)
    dest = tmp_path / "panel.csv"
    code, _, _ = run(capsys, str(corpus), "--format", "csv", "--csv-bom", "-o", str(dest), "-q")
    assert code == 2
    raw = dest.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    targets = [(d["source"]["path"], d["meta"], t) for d in data for t in d["targets"]]
    assert len(rows) == len(targets) > 0
    for row, (path, meta, t) in zip(rows, targets, strict=True):
        assert row["file"] == path and row["region"] == (meta["region"] or "")
        assert row["year"] == ("" if meta["year"] is None else str(meta["year"]))
        assert float(row["value"]) == t["value"] and row["unit"] == t["unit"]
        assert row["value_max"] == ("" if t["value_max"] is None else json.dumps(t["value_max"]))
        for col in ("key", "indicator", "qualifier", "direction", "scope", "section", "quote"):
            assert row[col] == (t[col] or ""), col
        assert (int(row["start"]), int(row["end"])) == (t["start"], t["end"])


@pytest.mark.parametrize(("fmt", "suffix"), [("html", ".html"), ("md", ".md"), ("csv", ".csv")])
def test_other_formats_write_one_file_per_report(
    capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path, fmt: str, suffix: str
) -> None:
    out = tmp_path / fmt
    code, stdout, _ = run(capsys, str(corpus), "--format", fmt, "-o", f"{out}/", "--quiet")
    assert code == 2 and stdout == ""
    files = _outputs(out, suffix)
    assert set(files) == _expected_outputs(corpus, suffix)
    _no_temp_files(out)
    page = files["seeds/004_ruijin" + suffix].read_text(encoding="utf-8")
    if fmt == "html":
        assert page.startswith("<!DOCTYPE html>") and 'data-kind="target"' in page
    elif fmt == "md":
        assert page.startswith("# ")
    else:
        assert page.startswith("file,region,year,key,indicator")


def test_html_index_over_a_batch(
    capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
) -> None:
    dest = tmp_path / "index.html"
    code, _, _ = run(capsys, str(corpus / "seeds"), "--format", "html", "-o", str(dest), "-q")
    assert code == 0
    page = dest.read_text(encoding="utf-8")
    assert page.count('<section class="report"') == len(SEEDS)
    assert all(f'href="#r{k}"' in page for k in range(len(SEEDS)))


def test_a_text_with_nothing_found_is_named_but_not_failed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A text that is no work report (a news paragraph) or one decoded wrong gives an empty
    summary: it is written (exit 0) and named on stderr, the real report beside it is not."""
    root = tmp_path / "in"
    root.mkdir()
    shutil.copy(SEEDS[0], root / SEEDS[0].name)
    news = root / "news.txt"
    news.write_text("今天天气很好，我们去公园散步吧。\n", encoding="utf-8")
    code, _, err = run(capsys, str(root), "-o", str(tmp_path / "out"))
    assert code == 0, err
    assert "2 reports: 2 ok, 0 skipped, 0 failed; 0 check violations; 1 with nothing found" in err
    warned = [line for line in err.splitlines() if "nothing found (" in line]
    assert len(warned) == 1 and str(news) in warned[0], err
    assert (tmp_path / "out" / "news.json").exists()

    code, _, err = run(capsys, str(news), "--format", "md")
    assert code == 0 and f"warning: {news}: nothing found" in err, err
    code, _, err = run(capsys, str(SEEDS[0]), "--format", "md")
    assert code == 0 and "nothing found" not in err, err


def test_a_folder_names_the_reports_it_cannot_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A folder of reports holding some as .doc or .wps (not read) says so, with what to do,
    instead of summarising the others as if they were all; images beside them are not named."""
    root = tmp_path / "in"
    (root / "old").mkdir(parents=True)
    shutil.copy(SEEDS[0], root / SEEDS[0].name)
    (root / "old" / "2015.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)
    (root / "old" / "2016.wps").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)
    (root / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    code, _, err = run(capsys, str(root), "-o", str(tmp_path / "out"))
    assert code == 0, err
    assert (
        f"warning: {root}: 2 files not read: old/2015.doc (an old Word file: save it as .docx), "
        "old/2016.wps (a WPS document: save it as .docx)"
    ) in err
    assert "logo.png" not in err and "1 reports: 1 ok" in err


def test_a_file_holding_two_reports_is_named(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Two years' reports saved in one file (易县 2019 then 2020, tuning half) give one summary
    that mixes them: its review part after the first one's closing part names the file."""
    corpus = FIXTURES.parent / "corpus" / "fixtures"
    first, second = (corpus / f"yixian_{y}.txt" for y in (2019, 2020))
    both = tmp_path / "both.txt"
    both.write_text(
        first.read_text(encoding="utf-8") + "\n" + second.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    code, _, err = run(capsys, str(both), "--format", "md")
    assert code == 0, err
    assert f"warning: {both}: seems to hold more than one report (a review part, " in err
    assert "'2019年工作回顾'" in err
    for single in (first, second):
        code, _, err = run(capsys, str(single), "--format", "md")
        assert code == 0 and "more than one report" not in err, err


def test_a_folder_names_its_markdown_files_which_are_read_when_named(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Reports converted to Markdown (markitdown, pandoc) are read when named, but a folder walk
    does not take them (a README.md beside reports is no report): it names them with what to
    do, instead of saying only that the folder holds no report."""
    root = tmp_path / "md"
    root.mkdir()
    shutil.copy(SEEDS[0], root / "2022.md")
    code, _, err = run(capsys, str(root), "-o", str(tmp_path / "out"))
    assert code == 2, err
    assert (
        f"warning: {root}: 1 file not read: 2022.md (a Markdown file, read only when named: "
        "pass it, or DIR/*.md, as a path)"
    ) in err
    one = tmp_path / "one.json"
    code, _, err = run(capsys, str(root / "2022.md"), "-o", str(one))
    assert code == 0, err
    got = json.loads(one.read_text(encoding="utf-8"))
    want = summarize_file(SEEDS[0], engine="rules")
    assert [t["quote"] for t in got["targets"]] == [t.quote for t in want.targets] != []
