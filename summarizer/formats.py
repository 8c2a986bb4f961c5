"""Readers for reports as people have them: Word ``.docx``, ``.pdf``, and spreadsheets of reports.

Each reader turns a file into the one text that offsets index, deterministically (the same bytes
always give the same text); :func:`summarizer.ingest.load_report` dispatches to them by magic
bytes first and file suffix second, so a PDF is never decoded as text whatever its name.

* ``.docx`` (python-docx): the body in document order, paragraphs and tables interleaved as they
  stand in the body (a table's cells row by row, left to right, each merged cell once, nested
  tables inside their cell), one ``\\n`` between blocks; empty paragraphs are left out; Word's
  automatic numbering is written before its paragraph as Word shows it (``一、``, ``（二）``:
  :mod:`summarizer.docx_numbering`). Page
  headers and footers, footnotes, comments and text boxes are not report text and are left out.
* ``.pdf`` (pdfminer.six): the text layer in reading order, top to bottom by position (not
  content-stream order). The lines of one paragraph are joined, since a line that reaches the
  right margin and is followed by a line that is not indented continues it (across a page break
  too); ``\\n`` between paragraphs and at a page break that ends a paragraph. Page chrome is left
  out: lines in the top or bottom two lines of a page that repeat on most pages (digits ignored,
  so ``第3页 共9页`` repeats) and bare page numbers (``3``, ``- 3 -``, ``第3页``, ``3/9``) set off
  from the body. A PDF without a text layer is an :class:`InputError` (OCR it first).

  Why pdfminer.six (measured by ``benchmarks/bench_formats.py`` on Chinese PDFs made with
  reportlab, STSong-Light CID and embedded-TrueType fonts): pypdf, pdfminer.six, pdfplumber
  and PyMuPDF all decode the characters exactly, but pypdf and PyMuPDF's plain text follow the
  content stream, so a PDF whose stream is not top to bottom (chrome written last, lines bottom
  up, one glyph per show operation, as some converters write) comes out scrambled: 10% of its
  paragraphs in place, against 100% for pdfminer.six and pdfplumber, which sort by position.
  pdfminer.six gives every glyph's box, so lines, reading order, indentation and the right
  margin are measured rather than guessed; its only dependencies (charset-normalizer,
  cryptography) are small, and it is MIT-licensed. pdfplumber is pdfminer.six plus
  pypdfium2 and Pillow, and slower; PyMuPDF is fastest but AGPL, which an Apache-2.0 package
  should not pull in. Cost: 15-30 ms a page (a 30-page report in under a second).
  Known gap: with a font that is not embedded (Adobe-GB1 predefined CMaps), pdfminer.six drops
  ``·`` (U+00B7); embedded fonts, as Word and WPS write them, come out exact.

* ``.xlsx`` (openpyxl, ``read_only=True``) and ``.csv`` (the csv module) of reports, one report
  per row: :func:`iter_rows` yields a :class:`RowReport` per data row as a stream.

The optional libraries come with ``pip install 'summarizer[formats]'``; without them, reading
such a file is an :class:`InputError` saying so.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import hashlib
import io
import itertools
import re
import statistics
import sys
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .docx_numbering import Numbering
from .errors import InputError

if TYPE_CHECKING:
    from .ingest import Report

INSTALL_HINT = "pip install 'summarizer[formats]'"
SUPPORTED = (
    "supported: .txt, .html/.htm, .docx and .pdf reports, and .xlsx/.csv files of reports "
    "(one report per row)"
)
SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".csv")

# Formats people have reports in that we do not read, with what to do instead.
_UNSUPPORTED = {
    ".doc": "an old Word file: save it as .docx",
    ".dot": "an old Word template: save it as .docx",
    ".wps": "a WPS document: save it as .docx",
    ".wpt": "a WPS template: save it as .docx",
    ".rtf": "an RTF file: save it as .docx",
    ".odt": "an OpenDocument text: save it as .docx",
    ".ofd": "an OFD document: convert it to PDF or .docx",
    ".caj": "a CAJ document: convert it to PDF",
    ".xls": "an old Excel file: save it as .xlsx",
    ".et": "a WPS spreadsheet: save it as .xlsx",
    ".ods": "an OpenDocument spreadsheet: save it as .xlsx",
    ".ppt": "a presentation",
    ".pptx": "a presentation",
    ".zip": "a zip archive: unzip it and pass the reports inside",
    ".rar": "an archive: unpack it and pass the reports inside",
    ".7z": "an archive: unpack it and pass the reports inside",
    **{
        s: "an image: OCR it first"
        for s in (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".heic")
    },
}


# Text read as a report when named, never taken from a folder (where a README.md is no report).
_NAMED_ONLY = {
    ".md": "a Markdown file, read only when named: pass it, or DIR/*.md, as a path",
    ".markdown": "a Markdown file, read only when named: pass it, or DIR/*.markdown, as a path",
}


def not_read(suffix: str) -> str | None:
    """What a document or archive of suffix ``suffix`` is and what to do with it, when it may
    hold a report this package does not read from a folder (``.doc``, ``.wps``, ``.zip``; a
    Markdown file, read only when named) …, else None (images and presentations, which a folder
    of reports holds beside them, are not named)."""
    if suffix.lower() in _NAMED_ONLY:
        return _NAMED_ONLY[suffix.lower()]
    kind = _UNSUPPORTED.get(suffix.lower())
    return None if kind is None or kind.startswith(("an image", "a presentation")) else kind


_IMAGE_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
)
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _need(module: str, package: str, what: str, label: str) -> Any:
    """Import an optional reader library, or say which extra installs it."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise InputError(f"{label}: reading {what} files needs {package}: {INSTALL_HINT}") from exc


# ---------------------------------------------------------------- sniffing


def sniff(data: bytes, *, suffix: str = "", label: str = "<bytes>") -> str:
    """What a file holds: ``"pdf"``, ``"docx"``, ``"xlsx"`` or ``"text"`` (text or HTML).

    Magic bytes decide first (``%PDF``, a zip package's parts), then the suffix. Raises
    :class:`InputError` naming what is supported for formats we do not read (old Office and
    WPS files, OFD, images, archives) and for a file whose name promises a format its bytes
    are not.
    """
    suffix = suffix.lower()
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        names = _zip_names(data)
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            return "xlsx"
        if suffix in (".docx", ".xlsx", ".xlsm"):
            raise InputError(
                f"{label}: is not a readable {suffix} file (a zip without its main part; "
                "corrupt or another format); open and save it again"
            )
        if any(n.lower() == "ofd.xml" for n in names):
            kind = _UNSUPPORTED[".ofd"]
        else:
            kind = _UNSUPPORTED.get(suffix, _UNSUPPORTED[".zip"])
        raise InputError(f"{label}: is {kind}; {SUPPORTED}")
    if data.startswith(_OLE2):
        kind = _UNSUPPORTED.get(suffix, "an old Office or WPS binary file: save it as .docx")
        raise InputError(f"{label}: is {kind}; {SUPPORTED}")
    for magic, name in _IMAGE_MAGIC:
        if data.startswith(magic):
            raise InputError(
                f"{label}: looks like a binary file (a {name} image), not a report: OCR it "
                f"first; {SUPPORTED}"
            )
    if data.lstrip().startswith(b"{\\rtf"):
        raise InputError(f"{label}: is {_UNSUPPORTED['.rtf']}; {SUPPORTED}")
    if suffix in _UNSUPPORTED:
        raise InputError(f"{label}: is {_UNSUPPORTED[suffix]}; {SUPPORTED}")
    if suffix == ".pdf":
        raise InputError(f"{label}: is named .pdf but is not a PDF (no %PDF header)")
    if suffix in (".docx", ".xlsx", ".xlsm"):
        raise InputError(
            f"{label}: is named {suffix} but is not one (not a zip package); corrupt or "
            "renamed: open and save it again"
        )
    return "text"


def _zip_names(data: bytes) -> set[str]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return set()


# ---------------------------------------------------------------- .docx


def docx_to_text(data: bytes, *, label: str = "<bytes>") -> str:
    """The text of a Word ``.docx``: body paragraphs and table cells in document order,
    joined with ``\\n`` (see the module docstring)."""
    docx = _need("docx", "python-docx", ".docx", label)
    try:
        document = docx.Document(io.BytesIO(data))
        blocks: list[str] = []
        _docx_blocks(document.iter_inner_content(), blocks, Numbering(document))
    except InputError:
        raise
    except Exception as exc:  # python-docx raises KeyError, lxml and zip errors on bad files
        raise InputError(
            f"{label}: cannot be read as .docx ({type(exc).__name__}: {exc}); open and save it "
            "again"
        ) from exc
    return "\n".join(blocks)


def _docx_blocks(items: Iterable[Any], out: list[str], numbering: Numbering) -> None:
    from docx.table import Table

    for item in items:
        if isinstance(item, Table):
            for row in item.rows:
                seen: set[int] = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # a merged cell is returned once per grid column
                        continue
                    seen.add(id(cell._tc))
                    _docx_blocks(cell.iter_inner_content(), out, numbering)
        else:
            # Word's automatic numbering (一、 （二） 3.) is no character of the runs
            marker = numbering.marker(item)
            text = item.text
            if text.strip():
                out.append(marker + text)


# ---------------------------------------------------------------- .pdf


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－~·•]?\s*\d{1,4}\s*[-—–－~·•]?"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*[/／]\s*\d{1,4}"
    r"|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?)$",
    re.IGNORECASE,
)
_HEADING_START = re.compile(
    r"^(?:[（(][一二三四五六七八九十百\d]+[）)]|[一二三四五六七八九十百]+[、．.]"
    r"|第[一二三四五六七八九十百\d]+[章节部分篇条]|\d{1,2}[、．.](?!\d)|[①-⑳])"
)


def pdf_to_text(data: bytes, *, label: str = "<bytes>") -> str:
    """The text layer of a PDF in reading order, paragraphs rebuilt, page chrome left out
    (see the module docstring). Raises :class:`InputError` when there is no text layer."""
    pages = _pdf_lines(data, label)
    glyphs = sum(len(line.text) for page in pages for line in page)
    unmapped = sum(line.text.count("(cid:") for page in pages for line in page)
    if glyphs and unmapped * 6 > glyphs / 2:
        raise InputError(
            f"{label}: the text layer has no Unicode mapping (fonts without ToUnicode), so it "
            "cannot be read: OCR it first"
        )
    body = _drop_chrome(pages)
    text = _paragraphs(body)
    if len(re.sub(r"\s", "", text)) < 10:
        raise InputError(f"{label}: no text layer (a scan?): OCR it first")
    return text


def _pdf_lines(data: bytes, label: str) -> list[list[_Line]]:
    """Every page's text lines, top to bottom, each line's glyphs left to right."""
    _need("pdfminer", "pdfminer.six", ".pdf", label)
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LTChar, LTContainer
    from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    def chars(container: Any) -> Iterator[Any]:
        for obj in container:
            if isinstance(obj, LTChar):
                yield obj
            elif isinstance(obj, LTContainer):
                yield from chars(obj)

    pages: list[list[_Line]] = []
    try:
        parser = PDFParser(io.BytesIO(data))
        document = PDFDocument(parser)
        manager = PDFResourceManager(caching=True)
        device = PDFPageAggregator(manager, laparams=None)
        interpreter = PDFPageInterpreter(manager, device)
        for page in PDFPage.create_pages(document):
            interpreter.process_page(page)
            layout = device.get_result()
            pages.append(_group_lines([c for c in chars(layout) if c.upright], layout.height))
    except PDFPasswordIncorrect as exc:
        raise InputError(f"{label}: the PDF is password-protected; remove the password") from exc
    except InputError:
        raise
    except Exception as exc:  # pdfminer raises PSException, PDFSyntaxError, ValueError, ...
        raise InputError(
            f"{label}: cannot be read as a PDF ({type(exc).__name__}: {exc}); corrupt or truncated?"
        ) from exc
    return pages


def _group_lines(chars: list[Any], height: float) -> list[_Line]:
    """Glyphs to lines: glyphs whose vertical centres lie within 40% of a glyph height of each
    other share a line; a line reads left to right. Doubled glyphs (fake bold) count once."""
    rows: list[list[Any]] = []
    centre = 0.0
    for ch in sorted(chars, key=lambda c: (-(c.y0 + c.y1) / 2, c.x0)):
        h = max(ch.y1 - ch.y0, ch.size, 1.0)
        mid = (ch.y0 + ch.y1) / 2
        if rows and abs(mid - centre) <= 0.4 * h:
            rows[-1].append(ch)
        else:
            rows.append([ch])
            centre = mid
    lines: list[_Line] = []
    for row in rows:
        row.sort(key=lambda c: c.x0)
        size = statistics.median(max(c.size, 1.0) for c in row)
        parts: list[str] = []
        prev: Any = None
        for ch in row:
            t = ch.get_text()
            if prev is not None:
                if t == prev.get_text() and abs(ch.x0 - prev.x0) < 0.2 * size:
                    continue  # the same glyph drawn twice
                gap = ch.x0 - prev.x1
                last = parts[-1][-1:] if parts else ""
                if not last.isspace() and not t.isspace():
                    ascii_pair = last.isascii() and last.isalnum() and t[:1].isascii()
                    if gap > 1.0 * size or (ascii_pair and t[:1].isalnum() and gap > 0.25 * size):
                        parts.append(" ")
            parts.append(t)
            prev = ch
        text = "".join(parts).strip()
        if text:
            top = height - max(c.y1 for c in row)
            bottom = height - min(c.y0 for c in row)
            lines.append(_Line(text, row[0].x0, max(c.x1 for c in row), top, bottom, size))
    return lines


def _chrome_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _drop_chrome(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Pages without their running headers/footers and page numbers."""
    band = 2
    n = sum(1 for page in pages if page)
    counts: dict[str, int] = {}
    for page in pages:
        keys = {_chrome_key(line.text) for line in page[:band] + page[-band:]}
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
    repeated = {
        key
        for key, c in counts.items()
        if n >= 2 and c >= max(2, 0.5 * n) and re.search(r"[^\W\d_]", key)
    }
    pitch = _pitch(pages)
    out: list[list[_Line]] = []
    for page in pages:
        drop: set[int] = set()
        for i in [*range(min(band, len(page))), *range(max(0, len(page) - band), len(page))]:
            line = page[i]
            number = _PAGE_NUMBER.match(line.text.strip()) and _set_off(page, i, pitch)
            if number or _chrome_key(line.text) in repeated:
                drop.add(i)
        out.append([line for i, line in enumerate(page) if i not in drop])
    return out


def _pitch(pages: list[list[_Line]]) -> float:
    """The usual distance from one line's top to the next one's (0 when unknown)."""
    pitches = [
        b.top - a.top
        for page in pages
        for a, b in itertools.pairwise(page)
        if 0 < b.top - a.top < 3 * a.size
    ]
    return statistics.median(pitches) if pitches else 0.0


def _set_off(page: list[_Line], i: int, pitch: float) -> bool:
    """True when line ``i`` stands apart from the body next to it (a margin, not a body line)."""
    line = page[i]
    gaps = []
    if i > 0:
        gaps.append(line.top - page[i - 1].top)
    if i + 1 < len(page):
        gaps.append(page[i + 1].top - line.top)
    if not gaps or not pitch:
        return True
    top_or_bottom = i == 0 or i == len(page) - 1
    return top_or_bottom and min(gaps) > 1.4 * pitch


def _percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[int(q * (len(ordered) - 1))]


def _paragraphs(pages: list[list[_Line]]) -> str:
    """Join wrapped lines into paragraphs: a line continues the one before when that one
    reaches the right margin and this one is not indented, not a heading, and not set off."""
    lines = [line for page in pages for line in page]
    if not lines:
        return ""
    size = statistics.median(line.size for line in lines)
    # The left margin: the leftmost x where lines often start (a stray table cell or a
    # hanging number further left does not move it; first-line indents are to its right).
    starts = Counter(round(line.x0) for line in lines)
    common = [x for x, c in starts.items() if c >= max(2, 0.05 * len(lines))]
    left = min(common or starts)
    right = _percentile([line.x1 for line in lines], 0.9)
    pitch = _pitch(pages) or 1.5 * size
    out: list[str] = []
    prev: _Line | None = None
    prev_page = -1
    for p, page in enumerate(pages):
        for line in page:
            joined = False
            if prev is not None:
                continues = (
                    prev.x1 >= right - 2.0 * prev.size
                    and line.x0 <= left + 0.5 * line.size
                    and abs(line.size - prev.size) <= 0.15 * prev.size
                    and not _HEADING_START.match(line.text)
                    and (p != prev_page or line.top - prev.top <= 1.5 * pitch)
                )
                if continues:
                    a, b = out[-1][-1:], line.text[:1]
                    sep = " " if a.isascii() and a.isalpha() and b.isascii() and b.isalpha() else ""
                    out[-1] += sep + line.text
                    joined = True
            if not joined:
                out.append(line.text)
            prev, prev_page = line, p
    return "\n".join(out)


# ---------------------------------------------------------------- spreadsheets of reports

# Usual column names, matched case-insensitively after dropping spaces, ``_`` and ``-``. For
# region, the first name found in this order wins, and a row whose cell is empty there takes
# the next found column that has a value (a sheet of counties and cities: 区县名称, then 城市).
TEXT_COLUMNS = (
    "报告全文", "全文", "正文", "报告正文", "报告内容", "全文内容", "文本", "内容", "原文",
    "text", "content", "body", "fulltext", "reporttext", "report",
)  # fmt: skip
REGION_COLUMNS = (
    "地区", "地区名称", "地名", "place", "region", "区县名称", "区县", "县区", "县", "county",
    "城市名称", "城市", "地级市", "市", "city", "省份名称", "省份", "省", "province",
)  # fmt: skip
YEAR_COLUMNS = ("年份", "年度", "年", "报告年份", "year")
ID_COLUMNS = ("id", "编号", "序号", "报告编号", "报告id", "文档编号", "docid", "reportid", "no")


def _norm(name: object) -> str:
    return re.sub(r"[\s_\-]+", "", str(name if name is not None else "")).lower()


@dataclass(frozen=True)
class RowReport:
    """One row of a spreadsheet of reports.

    ``id`` is the id column's value, else the 1-based data row number ``row`` (the first row
    under the header is 1). ``error`` is set for a row that is not a report (empty or non-text
    cell, a duplicate id): a batch reports it as a failed input and goes on with the others.
    """

    file: str
    row: int
    id: str
    text: str | None
    region: str | None = None
    year: int | None = None
    encoding: str = "xlsx"
    error: InputError | None = field(default=None, compare=False)

    @property
    def path(self) -> str:
        """``FILE#ID``: the row's ``source.path``."""
        return f"{self.file}#{self.id}"

    @property
    def sha256(self) -> str:
        """The SHA-256 of the row's text encoded as UTF-8."""
        return hashlib.sha256((self.text or "").encode("utf-8")).hexdigest()

    def load(self) -> Report:
        """The row as a :class:`~summarizer.ingest.Report` (path ``FILE#ID``; region and year
        from the columns win over the text). Raises the row's :class:`InputError` if any."""
        if self.error is not None:
            raise self.error
        from .ingest import build_report

        return build_report(
            self.text or "",
            encoding=self.encoding,
            sha256=self.sha256,
            path=self.path,
            label=self.path,
            region=self.region,
            year=self.year,
        )


def iter_rows(
    path: str | Path,
    *,
    text_column: str | None = None,
    region_column: str | None = None,
    year_column: str | None = None,
    id_column: str | None = None,
) -> Iterator[RowReport]:
    """Stream the reports in an ``.xlsx`` (first sheet) or ``.csv``, one :class:`RowReport` per
    data row, in file order.

    The header is the first non-empty row. Columns not given are found by their usual names
    (:data:`TEXT_COLUMNS`, :data:`REGION_COLUMNS`, :data:`YEAR_COLUMNS`, :data:`ID_COLUMNS`);
    a given name must match a header exactly (case, spaces and ``_`` ignored). Entirely empty
    rows are skipped. Raises :class:`InputError` for an unreadable file or a missing text column
    (naming the columns found and ``--text-column``); a bad row is yielded with ``error`` set.

    Memory does not grow with the rows read: a ``.csv`` is read record by record, an ``.xlsx``
    row by row in openpyxl's read-only mode (which does hold the workbook's shared-string
    table, where Excel may keep cell text, for as long as the file is read).
    """
    p = Path(path)
    label = str(path)
    if not p.is_file():
        raise InputError(f"{label}: no such file; check the path")
    if p.suffix.lower() == ".csv":
        rows, encoding = _csv_rows(p, label)
    else:
        rows, encoding = _xlsx_rows(p, label), "xlsx"
    try:
        yield from _reports(
            rows, label, encoding, text_column, region_column, year_column, id_column
        )
    finally:
        close = getattr(rows, "close", None)
        if close is not None:
            close()


def load_row(
    path: str | Path,
    row_id: str,
    *,
    text_column: str | None = None,
    region_column: str | None = None,
    year_column: str | None = None,
    id_column: str | None = None,
) -> Report:
    """The report in the row of ``path`` whose id is ``row_id`` (for ``check --source
    FILE.xlsx#ID``); :class:`InputError` if there is none."""
    for row in iter_rows(
        path,
        text_column=text_column,
        region_column=region_column,
        year_column=year_column,
        id_column=id_column,
    ):
        if row.id == row_id:
            return row.load()
    raise InputError(f"{path}#{row_id}: no row with id {row_id!r} in {path}")


def _xlsx_rows(p: Path, label: str) -> Iterator[tuple[Any, ...]]:
    openpyxl = _need("openpyxl", "openpyxl", ".xlsx", label)
    try:
        workbook = openpyxl.load_workbook(p, read_only=True, data_only=True)
    except Exception as exc:  # zip, XML and openpyxl's own errors on bad files
        raise InputError(
            f"{label}: cannot be read as .xlsx ({type(exc).__name__}: {exc}); open and save it "
            "again"
        ) from exc
    try:
        sheet = workbook.worksheets[0]
        yield from sheet.iter_rows(values_only=True)
    finally:
        workbook.close()


def _csv_rows(p: Path, label: str) -> tuple[Iterator[tuple[Any, ...]], str]:
    with p.open("rb") as fh:
        head = fh.read(1 << 16)
    if head.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        try:
            codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
            encoding = "utf-8"
        except UnicodeDecodeError:
            encoding = "gb18030"
    if sys.maxsize > csv.field_size_limit():
        csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # a report is one (long) field

    def rows() -> Iterator[tuple[Any, ...]]:
        with p.open(encoding=encoding, newline="") as fh:
            first = fh.readline()
            dialect = "excel-tab" if "\t" in first and "," not in first else "excel"
            fh.seek(0)
            n = 0
            try:
                for n, record in enumerate(csv.reader(fh, dialect=dialect), 1):  # noqa: B007
                    yield tuple(record)
            except (UnicodeDecodeError, csv.Error) as exc:
                raise InputError(
                    f"{label}: cannot be read past record {n} ({exc}); save it as UTF-8 CSV"
                ) from exc

    return rows(), encoding


def _find(
    header: list[str], given: str | None, names: Sequence[str], flag: str, label: str
) -> list[int]:
    normal = [_norm(h) for h in header]
    if given is not None:
        want = _norm(given)
        if want not in normal:
            raise InputError(
                f"{label}: no column named {given!r} ({flag}); columns found: "
                + ", ".join(h for h in header if h)
            )
        return [normal.index(want)]
    return [normal.index(_norm(n)) for n in names if _norm(n) in normal]


def _reports(
    rows: Iterator[tuple[Any, ...]],
    label: str,
    encoding: str,
    text_column: str | None,
    region_column: str | None,
    year_column: str | None,
    id_column: str | None,
) -> Iterator[RowReport]:
    header: list[str] | None = None
    header_row = 0
    text_at: list[int] = []
    region_at: list[int] = []
    year_at: list[int] = []
    id_at: list[int] = []
    seen: dict[str, int] = {}
    for sheet_row, values in enumerate(rows, 1):
        if header is None:
            if any(_cell_text(v) for v in values):
                header = [_cell_text(v) for v in values]
                header_row = sheet_row
                text_at = _find(header, text_column, TEXT_COLUMNS, "--text-column", label)
                if not text_at:
                    raise InputError(
                        f"{label}: no report-text column (looked for "
                        f"{', '.join(TEXT_COLUMNS)}); columns found: "
                        f"{', '.join(h for h in header if h) or 'none'}; "
                        "name it with --text-column"
                    )
                region_at = _find(header, region_column, REGION_COLUMNS, "--region-column", label)
                year_at = _find(header, year_column, YEAR_COLUMNS, "--year-column", label)
                id_at = _find(header, id_column, ID_COLUMNS, "--id-column", label)
            continue
        if not any(_cell_text(v) for v in values):
            continue
        row = sheet_row - header_row

        def cell(i: int, values: tuple[Any, ...] = values) -> Any:
            return values[i] if i < len(values) else None

        raw_id = _cell_text(cell(id_at[0])) if id_at else ""
        row_id = raw_id or str(row)
        region = next((r for i in region_at if (r := _cell_text(cell(i)))), None)
        year = next((y for i in year_at if (y := _year(cell(i))) is not None), None)
        raw = cell(text_at[0])
        where = f"{label} row {row} (sheet row {sheet_row}, id {row_id})"
        error: InputError | None = None
        text: str | None = raw if isinstance(raw, str) else None
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            error = InputError(f"{where}: the text column {header[text_at[0]]!r} is empty")
        elif not isinstance(raw, str):
            error = InputError(
                f"{where}: the text column {header[text_at[0]]!r} holds "
                f"{type(raw).__name__} {raw!r}, not report text"
            )
        elif "/" in row_id or "\\" in row_id or row_id in (".", "..") or not row_id.isprintable():
            error = InputError(f"{where}: the id {row_id!r} cannot name an output file")
        elif row_id in seen:
            error = InputError(f"{where}: duplicate id {row_id!r} (also row {seen[row_id]})")
        if error is None:
            seen[row_id] = row
        yield RowReport(
            file=label,
            row=row,
            id=row_id,
            text=text,
            region=region,
            year=year,
            encoding=encoding if encoding == "xlsx" else f"csv:{encoding}",
            error=error,
        )
    if header is None:
        raise InputError(f"{label}: the spreadsheet is empty (no header row)")


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _year(value: Any) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, dt.date):
        return value.year
    if isinstance(value, int | float):
        return int(value) if float(value).is_integer() and 1900 <= value <= 2100 else None
    m = re.search(r"(?<!\d)(?:19|20)\d{2}(?!\d)", str(value))
    return int(m.group(0)) if m else None
