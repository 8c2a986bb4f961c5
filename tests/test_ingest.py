"""Loading reports: encodings, HTML, page chrome, metadata, and bad input."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

import pytest

from summarizer.errors import InputError
from summarizer.ingest import find_noise, html_to_text, load_report

FIXTURES = Path(__file__).resolve().parent.parent / "evals" / "fixtures"
SAMPLE = (
    "主要预期目标是:地区生产总值增长6%左右,城镇调查失业率控制在5.5％以内。\n（一）扩大有效投资。\n"
)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (SAMPLE.encode("gb18030"), "gb18030"),
        (SAMPLE.encode("gbk"), "gb18030"),
        (SAMPLE.encode("utf-16"), "utf-16"),
        (b"\xfe\xff" + SAMPLE.encode("utf-16-be"), "utf-16"),
        # UTF-16 saved without its byte-order mark (it was taken for a binary file)
        (SAMPLE.encode("utf-16-le"), "utf-16-le"),
        (SAMPLE.encode("utf-16-be"), "utf-16-be"),
        # UTF-32 with its mark (the little-endian one opens with UTF-16's: it was read as
        # UTF-16, NULs and nonsense)
        (SAMPLE.encode("utf-32"), "utf-32"),
        (b"\x00\x00\xfe\xff" + SAMPLE.encode("utf-32-be"), "utf-32"),
    ],
)
def test_encodings_decode_to_the_same_text(data: bytes, encoding: str) -> None:
    report = load_report(data)
    assert report.text == SAMPLE
    assert report.encoding == encoding
    assert report.sha256 == hashlib.sha256(data).hexdigest()


def test_crlf_is_kept_so_offsets_index_the_raw_text() -> None:
    data = "第一行\r\n（一）扩大投资。\r\n".encode()
    report = load_report(data)
    assert "\r\n" in report.text and report.chars == len(data.decode())


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (b"", "empty"),
        (b"  \n\t ", "empty"),
        (bytes(range(256)) * 4, "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"\xff\xfe\x00", "UTF-16"),
    ],
)
def test_bad_bytes_raise_clear_errors(data: bytes, needle: str) -> None:
    with pytest.raises(InputError, match=re.escape(needle)):
        load_report(data, name="bad.txt")


def test_undecodable_bytes() -> None:
    data = bytes([0x81, 0x30, 0xFF, 0xFE, 0xC0, 0xAF, 0xE0, 0x80]) * 50
    with pytest.raises(InputError, match=r"encoding|binary"):
        load_report(data, name="x.txt")


REAL = Path(__file__).resolve().parent.parent / "evals" / "corpus" / "fixtures" / "yixian_2019.txt"


@pytest.mark.parametrize(
    ("encoding", "damage", "said"),
    [
        # a download cut short in the middle of a character (易县 2019 ends on ！, 3 bytes in UTF-8)
        ("utf-8", lambda b: b[:-1], "is UTF-8 but for 2 invalid bytes at offset {n}-{m}; it ends "
         "in the middle of a character (cut short?)"),
        # one stray byte inside
        ("utf-8", lambda b: b[:5000] + b"\xff" + b[5000:], "is UTF-8 but for 1 invalid byte at "
         "offset 5000; fix"),
        ("gb18030", lambda b: b[:-1], "is GB18030 but for 1 invalid byte at offset {m}; it ends "
         "in the middle of a character"),
        ("gb18030", lambda b: b[:4000] + b"\xff" + b[4000:], "is GB18030 but for 1 invalid byte "
         "at offset 4000; fix"),
    ],
)  # fmt: skip
def test_a_few_bad_bytes_are_located(encoding: str, damage: Any, said: str) -> None:
    """A real report that is UTF-8 or GB18030 but for a byte or two is bad input (DESIGN.md), and
    the message says where, not only that the encoding is unknown."""
    data = damage(REAL.read_text(encoding="utf-8").encode(encoding))
    n = len(data)
    with pytest.raises(InputError) as err:
        load_report(data, name="r.txt")
    message = str(err.value)
    assert message.startswith("r.txt: ")
    assert said.format(n=n - 2, m=n - 1) in message, message
    assert f"iconv -c -f {encoding.upper()} -t UTF-8" in message


def test_missing_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_report(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="directory"):
        load_report(tmp_path)


def test_html_page_becomes_text(tmp_path: Path) -> None:
    page = tmp_path / "r.html"
    page.write_text(
        "<html><head><title>t</title><script>var x=1;</script></head><body>"
        "<p>主要预期目标是:地区生产总值增长6%左右。</p><p>（一）扩大有效投资。</p>"
        "<div>本文地址:/x.html</div></body></html>",
        encoding="gb18030",
    )
    report = load_report(page)
    assert "var x" not in report.text
    assert "地区生产总值增长6%左右" in report.text
    assert report.text.splitlines()[0] == "主要预期目标是:地区生产总值增长6%左右。"
    assert html_to_text("<p>a&nbsp;b</p>") == "a b"


def test_page_chrome_spans_do_not_shift_offsets() -> None:
    report = load_report(FIXTURES / "002_duodao.txt")
    ((start, end),) = report.noise
    assert end == report.chars
    assert report.text[start:].lstrip().startswith("本文仅代表作者观点")
    ruijin = load_report(FIXTURES / "004_ruijin.txt")
    assert ruijin.noise[0] == (0, len("微信扫一扫\n"))
    assert ruijin.content_start == 6


def test_noise_needs_the_trailer_near_the_end() -> None:
    text = "本文地址说明在开头。\n" + "正文。" * 200
    assert find_noise(text) == ()


@pytest.mark.parametrize(
    ("name", "region", "year"),
    [
        ("004_ruijin.txt", "瑞金市", 2022),
        ("003_duchang.txt", None, 2024),
        ("000_yushui.txt", None, None),
    ],
)
def test_metadata_from_the_text(name: str, region: str | None, year: int | None) -> None:
    report = load_report(FIXTURES / name)
    assert (report.region, report.year) == (region, year)


def test_metadata_overrides() -> None:
    report = load_report(FIXTURES / "000_yushui.txt", region="渝水区", year=2024)
    assert (report.region, report.year) == ("渝水区", 2024)
