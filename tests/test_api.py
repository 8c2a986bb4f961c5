"""The Python API taken as a new user takes it: what ``summarize()`` is given by mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer import Summarizer, SummarizerError, load_report, summarize, summarize_file
from summarizer.errors import UsageError

REPORT = (
    "2025年易县政府工作报告\n二、2025年工作安排\n（一）抓项目\n实施重点项目60个，新建学校3所。\n"
)


def test_a_path_given_to_summarize_is_refused_with_the_function_to_call(tmp_path: Path) -> None:
    # summarize(Path("report.txt")) crashed with AttributeError: 'PosixPath' object has no
    # attribute 'encode', outside the error tree; the text function names the file one
    path = tmp_path / "report.txt"
    path.write_text(REPORT, "utf-8")
    with pytest.raises(UsageError, match=r"summarize_file\(") as info:
        summarize(path, engine="rules")  # type: ignore[arg-type]
    assert str(path) in str(info.value)
    # the file function reads it, as the message says
    assert [t.value for t in summarize_file(path, engine="rules").targets] == [60, 3]


def test_a_string_that_names_a_file_is_refused_not_read_as_a_report(tmp_path: Path) -> None:
    # summarize("report.txt") summarised the 10 characters of the file name: an empty summary,
    # no error, as if the report held no target
    path = tmp_path / "report.txt"
    path.write_text(REPORT, "utf-8")
    with pytest.raises(UsageError, match=r"names a file") as info:
        Summarizer(engine="rules").summarize(str(path))
    assert "summarize_file" in str(info.value)
    # one line of report text is read as text, and so is a name of no file
    got = summarize("全市经济社会发展的主要预期目标是:地区生产总值增长6%左右。", engine="rules")
    assert [(t.indicator, t.value) for t in got.targets] == [("地区生产总值", 6)]
    assert summarize("地区生产总值增长6.5", engine="rules").targets == []  # .5 is no suffix
    # the name of a report file that is not there: a wrong path, said so, not an empty summary
    with pytest.raises(UsageError, match="no such file exists here"):
        summarize(str(tmp_path / "missing.txt"), engine="rules")


@pytest.mark.parametrize("value", [None, 42, ["实施重点项目60个"]])
def test_a_value_that_is_no_text_gets_one_clear_error(value: object) -> None:
    with pytest.raises(SummarizerError, match="expected the report's text"):
        summarize(value, engine="rules")  # type: ignore[arg-type]


def test_bytes_are_read_as_a_file_s_bytes() -> None:
    # bytes (a download, a GB18030 file read in binary) are decoded as a file's would be
    got = summarize(REPORT.encode("gb18030"), engine="rules")  # type: ignore[arg-type]
    assert [t.value for t in got.targets] == [60, 3]
    assert (got.meta.region, got.meta.year) == ("易县", 2025)


def test_summarize_many_takes_folders_and_globs_as_the_command_line_does(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # summarize_many(["reports/"]) said "is a directory; pass the report files or use a glob",
    # and a glob then said "no such file": the API read neither, though the CLI reads both
    (tmp_path / "sub").mkdir()
    for name in ("a.txt", "sub/b.txt"):
        (tmp_path / name).write_text(REPORT, "utf-8")
    (tmp_path / "notes.doc").write_bytes(b"\xd0\xcf\x11\xe0")  # an old Word file: not read
    with Summarizer(engine="rules") as s:
        by_folder = {o.path: o for o in s.summarize_many([tmp_path])}
        by_glob = {o.path: o for o in s.summarize_many([str(tmp_path / "**" / "*.txt")])}
        empty = list(s.summarize_many([str(tmp_path / "*.pdf"), tmp_path / "sub" / "b.txt"]))
        twice = [o.path for o in s.summarize_many([tmp_path / "sub" / "b.txt", tmp_path])]
    want = {str(tmp_path / "a.txt"), str(tmp_path / "sub" / "b.txt")}
    assert set(by_folder) == want and set(by_glob) == want
    for o in [*by_folder.values(), *by_glob.values()]:
        assert o.error is None and o.summary is not None
        assert [t.value for t in o.summary.targets] == [60, 3]
    # a pattern that matches nothing is an outcome with its error; the file beside it is read
    errors = {o.path: str(o.error) for o in empty if o.error is not None}
    assert errors == {str(tmp_path / "*.pdf"): f"{tmp_path / '*.pdf'}: the pattern matches no file"}
    assert [o.summary is not None for o in empty].count(True) == 1
    # a file reached twice (named, then in its folder) is read once; the .doc is named
    assert sorted(twice) == sorted(want)
    assert "notes.doc (an old Word file: save it as .docx)" in caplog.text


def test_summarize_many_reads_the_rows_of_a_spreadsheet_of_reports(tmp_path: Path) -> None:
    sheet = tmp_path / "reports.csv"
    sheet.write_text(f'id,text\nyx2025,"{REPORT}"\nempty,\n', "utf-8")
    with Summarizer(engine="rules") as s:
        got = {o.path: o for o in s.summarize_many([sheet])}
    assert set(got) == {f"{sheet}#yx2025", f"{sheet}#empty"}
    ok = got[f"{sheet}#yx2025"].summary
    assert ok is not None and [t.value for t in ok.targets] == [60, 3]
    assert got[f"{sheet}#empty"].summary is None and got[f"{sheet}#empty"].error is not None


def test_an_html_page_given_as_a_string_is_summarised_as_its_text() -> None:
    # the offsets index the text extracted from the page, as the docstring says, and
    # load_report gives that text
    page = (
        "<html><body><p>政府工作报告</p>"
        "<p>今年主要预期目标是：地区生产总值增长6%左右。</p></body></html>"
    )
    s = summarize(page, engine="rules")
    text = load_report(page.encode()).text
    assert [t.quote for t in s.targets] == ["地区生产总值增长6%左右"]
    assert all(text[t.start : t.end] == t.quote for t in s.targets)
    assert "<p>" not in text
