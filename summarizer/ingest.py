"""Bytes to text: encoding detection, HTML to text, and scrape chrome ("noise") spans.

Word ``.docx`` and ``.pdf`` files are read by :mod:`summarizer.formats` (dispatched by magic
bytes first, suffix second); spreadsheets of reports (:data:`SPREADSHEET_SUFFIXES`) hold one
report per row and are read with :func:`summarizer.formats.iter_rows`, or one row as
``load_report("FILE.xlsx#ID")``.

Offsets everywhere index ``Report.text`` exactly: bytes are decoded without newline translation
or Unicode normalisation. Noise is never cut out of the text; it is reported as spans that the
chunker and the engines skip, so offsets never shift.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property
from html.parser import HTMLParser
from pathlib import Path

from .errors import InputError
from .formats import SPREADSHEET_SUFFIXES, SUPPORTED, docx_to_text, load_row, pdf_to_text, sniff

# Files a folder given to the CLI is searched for, one report per file.
REPORT_SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf")
__all__ = [
    "REPORT_SUFFIXES",
    "SPREADSHEET_SUFFIXES",
    "Report",
    "build_report",
    "decode",
    "find_noise",
    "html_to_text",
    "load_report",
]


@dataclass(frozen=True)
class Report:
    """A decoded report: the text every offset indexes, plus where it came from."""

    text: str
    encoding: str
    sha256: str
    path: str | None = None
    noise: tuple[tuple[int, int], ...] = field(default=())
    region: str | None = None
    year: int | None = None

    @property
    def chars(self) -> int:
        return len(self.text)

    @cached_property
    def layout(self) -> str:
        """The text with escaped line breaks, space entities and Unicode spaces made plain
        layout, same length (see :mod:`summarizer.layout`); structure is read from it."""
        from .layout import layout_view

        return layout_view(self.text)

    @cached_property
    def flat(self) -> bool:
        """Whether the text lost its line breaks (:func:`summarizer.layout.lost_line_breaks`),
        found once: the chunker and the engines ask it of the same report."""
        from .layout import lost_line_breaks

        return lost_line_breaks(self.text)

    @property
    def content_end(self) -> int:
        """Where the report body ends: the start of trailing boilerplate, else ``len(text)``."""
        for start, end in self.noise:
            if end == len(self.text) and start > 0:
                return start
        return len(self.text)

    @property
    def content_start(self) -> int:
        """Where the report body begins: after leading page headers."""
        for start, end in self.noise:
            if start == 0:
                return end
        return 0


# ---------------------------------------------------------------- decoding


def _plausible(text: str) -> bool:
    """True when decoded text looks like Chinese prose rather than mojibake or binary."""
    if not text.strip():
        return True
    good = 0
    for ch in text:
        o = ord(ch)
        if (
            ch in "\r\n\t"
            or 0x20 <= o < 0x7F
            or 0x4E00 <= o <= 0x9FFF
            or 0x3000 <= o <= 0x303F
            or 0xFF00 <= o <= 0xFFEF
            or 0x2000 <= o <= 0x206F
            or o in (0xA0, 0xB7, 0xD7, 0x2460)
            or 0x2460 <= o <= 0x24FF
        ):
            good += 1
    return good / len(text) >= 0.95


_BOM_ENCODINGS = (
    ((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"), "utf-32", "UTF-32"),
    ((b"\xff\xfe", b"\xfe\xff"), "utf-16", "UTF-16"),
)


def decode(data: bytes, *, name: str = "<bytes>") -> tuple[str, str]:
    """Decode report bytes; return ``(text, encoding)``.

    Order: BOMs (UTF-8, UTF-32 LE/BE, UTF-16 LE/BE), UTF-16 without a BOM when NUL bytes are
    there and it reads as Chinese prose, strict UTF-8, GB18030 (covers GBK/GB2312), then
    charset-normalizer's best guess. Raises :class:`InputError` for empty, binary or
    undecodable input.
    """
    if not data.strip():
        raise InputError(f"{name}: the file is empty; give a report with text in it")
    if data.startswith(b"\xef\xbb\xbf"):
        return data.decode("utf-8-sig"), "utf-8-sig"
    # byte-order marks, UTF-32's first: its little-endian mark opens with UTF-16's (read as
    # UTF-16, a UTF-32 text was NULs and nonsense, summarised to nothing)
    for marks, encoding, label in _BOM_ENCODINGS:
        if data.startswith(marks):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{name}: has a {label} byte-order mark but is not valid {label} ({exc.reason})"
                ) from exc
    if b"\x00" in data:
        # UTF-16 saved without its byte-order mark (some Windows exports): NUL bytes stand
        # beside every ASCII character; accepted only when it reads as Chinese prose
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if _plausible(text):
                return text, enc
        raise InputError(
            f"{name}: looks like a binary file (NUL bytes), not a text or HTML report; "
            f"convert it to text first ({SUPPORTED})"
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
        if _plausible(text):
            return text, "gb18030"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding and _plausible(str(best)):
        return str(best), best.encoding
    near = _near_miss(data, name)
    if near:
        raise InputError(near)
    raise InputError(
        f"{name}: cannot tell the text encoding (tried UTF-8, GB18030, UTF-16 and detection); "
        "save it as UTF-8 and try again"
    )


_FEW_BAD = 8  # invalid byte runs a text may hold and still be told as one encoding


def _bad_runs(data: bytes, encoding: str) -> list[tuple[int, int]] | None:
    """The byte runs of ``data`` that do not decode as ``encoding`` (decoding goes on after
    each), or None when there are more than :data:`_FEW_BAD` or the rest is no Chinese prose."""
    runs: list[tuple[int, int]] = []
    parts: list[str] = []
    pos = 0
    while pos < len(data):
        try:
            parts.append(data[pos:].decode(encoding))
            break
        except UnicodeDecodeError as exc:
            if len(runs) == _FEW_BAD:
                return None
            parts.append(data[pos : pos + exc.start].decode(encoding))
            runs.append((pos + exc.start, pos + exc.end))
            pos += exc.end
    text = "".join(parts)
    return runs if runs and len(text) >= 20 and _plausible(text) else None


def _near_miss(data: bytes, name: str) -> str | None:
    """What to say of a text that is UTF-8 or GB18030 but for a few bytes (a stray byte, a
    file cut short in the middle of a character): where they are, and how to drop them."""
    for encoding, label in (("utf-8", "UTF-8"), ("gb18030", "GB18030")):
        runs = _bad_runs(data, encoding)
        if runs is None:
            continue
        where = ", ".join(str(a) if b - a == 1 else f"{a}-{b - 1}" for a, b in runs)
        n = sum(b - a for a, b in runs)
        cut = (
            "; it ends in the middle of a character (cut short?)"
            if runs[-1][1] == len(data)
            else ""
        )
        return (
            f"{name}: is {label} but for {n} invalid byte{'s' if n > 1 else ''} at offset "
            f"{where}{cut}; fix or drop them (iconv -c -f {label} -t UTF-8 IN > OUT drops them) "
            "and try again"
        )
    return None


# ---------------------------------------------------------------- HTML

_BLOCK_TAGS = {
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
    "table", "ul", "ol", "header", "footer", "blockquote", "pre", "title", "dd", "dt",
}  # fmt: skip
_SKIP_TAGS = {"script", "style", "noscript", "template", "head", "svg"}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Extract the visible text of an HTML page, one block element per line, deterministically."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    raw = "".join(parser.parts).replace("\r\n", "\n").replace("\xa0", " ")
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in raw.split("\n")]
    return "\n".join(line for line in lines if line)


def _looks_like_html(text: str, suffix: str) -> bool:
    if suffix in (".html", ".htm"):
        return True
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


# ---------------------------------------------------------------- noise

_HEADER_LINE = re.compile(
    r"^\s*(微信扫一扫|扫一扫|分享到|打印本页|关闭窗口|字号|【字体|来源[:：]|发布时间|浏览次数|当前位置)"
)
_TRAILER_LINE = re.compile(
    r"^\s*(本文仅代表作者观点|本文地址|留言与评论|验证码|网站地图|版权所有|免责声明|上一篇|下一篇|相关阅读|责任编辑)"
)


def find_noise(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of scrape chrome: leading page-header lines and the trailing boilerplate block."""
    spans: list[tuple[int, int]] = []
    # leading header lines (short lines that match a header pattern, at the very top)
    pos = 0
    head_end = 0
    while pos < len(text):
        nl = text.find("\n", pos)
        line_end = len(text) if nl < 0 else nl + 1
        line = text[pos:line_end]
        if not line.strip():
            pos = line_end
            continue
        if len(line.strip()) <= 40 and _HEADER_LINE.match(line):
            head_end = line_end
            pos = line_end
            continue
        break
    if head_end:
        spans.append((0, head_end))
    # trailing boilerplate: the first trailer line in the second half of the text, to the end
    half = len(text) // 2
    for m in re.finditer(r"(?m)^.*$", text):
        if m.start() < half or m.start() < head_end:
            continue
        if _TRAILER_LINE.match(m.group(0)):
            start = m.start()
            # include the blank lines just before the block
            while start > 0 and text[start - 1] in "\r\n \t\u3000":
                start -= 1
            spans.append((start, len(text)))
            break
    return tuple(spans)


# ---------------------------------------------------------------- loading


def load_report(
    source: str | Path | bytes,
    *,
    name: str | None = None,
    region: str | None = None,
    year: int | None = None,
) -> Report:
    """Load a report from a path or raw bytes.

    Detects the format by magic bytes, then suffix: ``.docx`` and ``.pdf`` are read by
    :mod:`summarizer.formats`; text is decoded (UTF-8 with or without BOM, GB18030/GBK, UTF-16
    with BOM) and HTML turned into text. Finds page chrome and the report's region and plan
    year (``region``/``year`` override what the text says). ``"FILE.xlsx#ID"`` (or ``.csv``)
    loads the row with that id from a spreadsheet of reports. Raises :class:`InputError` with
    the file's name for a missing, empty, binary, undecodable or unsupported input.
    """
    path: str | None = None
    suffix = ""
    if isinstance(source, bytes):
        data = source
        label = name or "<bytes>"
    else:
        p = Path(source)
        path = str(source)
        label = path
        suffix = p.suffix.lower()
        if not p.exists():
            row = _row_reference(path)
            if row is not None:
                report = load_row(*row)
                if region is None and year is None:
                    return report
                return build_report(
                    report.text,
                    encoding=report.encoding,
                    sha256=report.sha256,
                    path=report.path,
                    label=path,
                    region=region if region is not None else report.region,
                    year=year if year is not None else report.year,
                )
            raise InputError(f"{label}: no such file; check the path")
        if p.is_dir():
            raise InputError(f"{label}: is a directory; pass the report files or use a glob")
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise InputError(
                f"{label}: cannot be read ({exc.strerror}); check its permissions"
            ) from exc
    if not data.strip():
        raise InputError(f"{label}: the file is empty; give a report with text in it")
    kind = sniff(data, suffix=suffix, label=label)
    if kind in ("xlsx",) or suffix in SPREADSHEET_SUFFIXES:
        raise InputError(
            f"{label}: is a spreadsheet of reports (one per row): read its rows with "
            "summarizer.formats.iter_rows(), or one row as FILE#ID"
        )
    if kind == "pdf":
        text, encoding = pdf_to_text(data, label=label), "pdf"
    elif kind == "docx":
        text, encoding = docx_to_text(data, label=label), "docx"
        if not text.strip():
            raise InputError(f"{label}: the Word document has no text")
    else:
        text, encoding = decode(data, name=label)
        if _looks_like_html(text, suffix):
            text = html_to_text(text)
            if not text.strip():
                raise InputError(f"{label}: the HTML page has no visible text")
    return build_report(
        text,
        encoding=encoding,
        sha256=hashlib.sha256(data).hexdigest(),
        path=path,
        label=label,
        region=region,
        year=year,
    )


def build_report(
    text: str,
    *,
    encoding: str,
    sha256: str,
    path: str | None,
    label: str,
    region: str | None = None,
    year: int | None = None,
) -> Report:
    """A :class:`Report` of extracted ``text``: page chrome found, region and plan year detected
    unless given. Raises :class:`InputError` when the text is only page chrome."""
    from .metadata import detect_region, detect_year

    noise = find_noise(text)
    report = Report(text=text, encoding=encoding, sha256=sha256, path=path, noise=noise)
    body = text[report.content_start : report.content_end]
    if not body.strip():
        raise InputError(f"{label}: holds only page chrome, no report text")
    return Report(
        text=text,
        encoding=encoding,
        sha256=sha256,
        path=path,
        noise=noise,
        region=region if region is not None else detect_region(body),
        year=year if year is not None else detect_year(body),
    )


def _row_reference(path: str) -> tuple[str, str] | None:
    """``FILE.xlsx#ID`` → ``(FILE.xlsx, ID)`` when FILE is a spreadsheet that exists."""
    at = path.find("#")
    while at > 0:
        head = path[:at]
        if Path(head).suffix.lower() in SPREADSHEET_SUFFIXES and Path(head).is_file():
            return head, path[at + 1 :]
        at = path.find("#", at + 1)
    return None
