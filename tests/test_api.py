"""The Python API taken as a new user takes it: what ``summarize()`` is given by mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer import Summarizer, SummarizerError, summarize, summarize_file
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
    assert summarize(str(tmp_path / "missing.txt"), engine="rules").targets == []


@pytest.mark.parametrize("value", [None, 42, ["实施重点项目60个"]])
def test_a_value_that_is_no_text_gets_one_clear_error(value: object) -> None:
    with pytest.raises(SummarizerError, match="expected the report's text"):
        summarize(value, engine="rules")  # type: ignore[arg-type]


def test_bytes_are_read_as_a_file_s_bytes() -> None:
    # bytes (a download, a GB18030 file read in binary) are decoded as a file's would be
    got = summarize(REPORT.encode("gb18030"), engine="rules")  # type: ignore[arg-type]
    assert [t.value for t in got.targets] == [60, 3]
    assert (got.meta.region, got.meta.year) == ("易县", 2025)
