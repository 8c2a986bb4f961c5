"""Reports as people have them: .docx, .pdf, and .xlsx/.csv of reports (one per row).

Every file is made here, with python-docx, reportlab and openpyxl, from real report text.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import sys
import tracemalloc
from collections.abc import Sequence
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import pytest
from requirements import in_ci

from summarizer import Summarizer
from summarizer.api import check
from summarizer.errors import InputError
from summarizer.formats import iter_rows, load_row
from summarizer.ingest import REPORT_SUFFIXES, SPREADSHEET_SUFFIXES, Report, load_report

_MISSING = [m for m in ("docx", "openpyxl", "pdfminer", "reportlab") if not find_spec(m)]
if _MISSING:  # the [formats] extra, and reportlab from [dev] to write the PDFs
    _REASON = f"needs {', '.join(_MISSING)}: pip install -e '.[dev,formats]'"
    if in_ci():
        pytest.fail(f"required under CI: {_REASON}", pytrace=False)
    pytest.skip(_REASON, allow_module_level=True)

import docx  # noqa: E402
import openpyxl  # noqa: E402
from reportlab.lib.enums import TA_JUSTIFY  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.utils import ImageReader  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402
from reportlab.platypus import Paragraph, SimpleDocTemplate  # noqa: E402

FIXTURES = Path(__file__).resolve().parent.parent / "evals" / "fixtures"
RUIJIN = FIXTURES / "004_ruijin.txt"
# The first 2,000 characters of a real report, as whole lines (the last one cut mid-sentence).
PARAGRAPHS = [p for p in RUIJIN.read_text(encoding="utf-8")[:2000].split("\n") if p.strip()]
TEXT = "\n".join(PARAGRAPHS)
HEADER = "瑞金市2022年政府工作报告"
FONT = "STSong-Light"  # an Adobe CID font every PDF reader knows: no font file needed
pdfmetrics.registerFont(UnicodeCIDFont(FONT))


# ---------------------------------------------------------------- makers


def make_pdf(
    path: Path,
    paragraphs: Sequence[str] = PARAGRAPHS,
    *,
    footer: str = "- {n} -",
    header: str | None = HEADER,
    justify: bool = True,
) -> int:
    """A PDF laid out by reportlab's own typesetter (CJK wrapping, first-line indent, justified),
    with a running header and a page-number footer; returns its page count."""
    style = ParagraphStyle(
        "body", fontName=FONT, fontSize=12, leading=20, firstLineIndent=24, wordWrap="CJK",
        alignment=TA_JUSTIFY if justify else 0,
    )  # fmt: skip

    def chrome(c: canvas.Canvas, doc: Any) -> None:
        c.saveState()
        c.setFont(FONT, 10)
        if header:
            c.drawCentredString(A4[0] / 2, A4[1] - 40, header)
        c.drawCentredString(A4[0] / 2, 30, footer.format(n=doc.page))
        c.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4)
    doc.build([Paragraph(p, style) for p in paragraphs], onFirstPage=chrome, onLaterPages=chrome)
    return int(doc.page)


def make_scrambled_pdf(path: Path, paragraphs: Sequence[str] = PARAGRAPHS) -> int:
    """A PDF whose content stream is not in reading order, as some converters write them:
    every page's lines bottom up, every third line one glyph per show operation, the page
    chrome (header, ``第N页 共M页``) written last. Returns its page count."""
    fs, left, right, pitch, per_page = 12.0, 72.0, A4[0] - 72.0, 20.0, 30
    lines: list[tuple[float, str]] = []
    for para in paragraphs:
        x, line = left + 2 * fs, ""
        for ch in para:
            if x + pdfmetrics.stringWidth(line + ch, FONT, fs) > right:
                lines.append((x, line))
                x, line = left, ""
            line += ch
        lines.append((x, line))
    pages = [lines[i : i + per_page] for i in range(0, len(lines), per_page)]
    c = canvas.Canvas(str(path), pagesize=A4)
    for n, page in enumerate(pages, 1):
        placed = [(x, A4[1] - 90 - i * pitch, s) for i, (x, s) in enumerate(page)]
        for k, (x, y, s) in enumerate(reversed(placed)):
            c.setFont(FONT, fs)
            if k % 3:
                c.drawString(x, y, s)
            else:
                for ch in s:
                    c.drawString(x, y, ch)
                    x += pdfmetrics.stringWidth(ch, FONT, fs)
        c.setFont(FONT, 9)
        c.drawCentredString(A4[0] / 2, 36, f"第{n}页 共{len(pages)}页")
        c.drawString(left, A4[1] - 50, HEADER)
        c.showPage()
    c.save()
    return len(pages)


def image_only_pdf(path: Path) -> None:
    """A scanned-report stand-in: one page holding only an image."""
    from PIL import Image, ImageDraw

    image = Image.new("L", (600, 800), 255)
    draw = ImageDraw.Draw(image)
    for y in range(80, 760, 24):
        draw.line((60, y, 540, y), fill=0, width=6)
    c = canvas.Canvas(str(path), pagesize=A4)
    c.drawImage(ImageReader(image), 0, 0, A4[0], A4[1])
    c.showPage()
    c.save()


def ascii_pdf(content: str) -> bytes:
    """A minimal PDF written by hand, every byte ASCII (uncompressed, a standard font)."""
    stream = content.encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    assert bytes(out).isascii()
    return bytes(out)


def pdf_pages(path: Path) -> int:
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    with path.open("rb") as fh:
        return sum(1 for _ in PDFPage.create_pages(PDFDocument(PDFParser(fh))))


def extraction(report: Report) -> tuple[list[tuple[str, float, str]], list[str], list[str]]:
    """Targets, priority titles and project names of the rules engine; check finds nothing."""
    with Summarizer("rules") as s:
        summary = s.summarize_report(report)
    assert check(summary, report.text).ok
    return (
        [(t.indicator, t.value, t.unit) for t in summary.targets],
        [p.title for p in summary.priorities],
        [p.name for p in summary.projects],
    )


def headline(report: Report) -> list[tuple[str, float, str]]:
    return extraction(report)[0]


def txt_report(tmp_path: Path) -> Report:
    path = tmp_path / "ruijin.txt"
    path.write_text(TEXT, encoding="utf-8")
    return load_report(path)


# ---------------------------------------------------------------- .docx


def test_docx_paragraphs_and_tables_in_document_order(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("瑞金市政府工作报告", level=1)
    document.add_paragraph(PARAGRAPHS[2])
    document.add_paragraph("")  # empty paragraphs are layout, left out
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).text = "指标"
    table.cell(0, 1).text = "目标"
    table.cell(1, 0).text = "地区生产总值"
    table.cell(1, 1).text = "增长8.2%以上"
    merged = table.cell(2, 0).merge(table.cell(2, 1))
    merged.text = "节能减排完成上级下达任务"
    document.add_paragraph(PARAGRAPHS[4])
    path = tmp_path / "report.docx"
    document.save(str(path))

    report = load_report(path)
    assert report.text == "\n".join(
        [
            "瑞金市政府工作报告",
            PARAGRAPHS[2],
            "指标",
            "目标",
            "地区生产总值",
            "增长8.2%以上",
            "节能减排完成上级下达任务",  # a merged cell once
            PARAGRAPHS[4],
        ]
    )
    assert report.encoding == "docx"
    assert report.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert load_report(path.read_bytes(), name="x.docx").text == report.text  # deterministic
    assert ".docx" in REPORT_SUFFIXES and ".pdf" in REPORT_SUFFIXES


_HEBEI = Path(__file__).resolve().parent.parent / "evals" / "corpus" / "fixtures" / "hebei_2024.txt"
_NUMBERING = (
    '<w:abstractNum xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'w:abstractNumId="90">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="%1、"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>'
)


def test_docx_headings_numbered_by_word_keep_their_markers(tmp_path: Path) -> None:
    # 河北 2024 as a Word file whose 一、 and （一） headings are Word's automatic numbering
    # (numbering.xml: chineseCounting, %1、 and （%2）), so its runs hold no marker: the reader
    # writes each number as Word shows it, the second level restarting under each part, and
    # the report reads as the text file does (no marker, no priority before)
    from docx.oxml import parse_xml

    lines = [x for x in _HEBEI.read_text(encoding="utf-8").split("\n") if x.strip()]
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(_NUMBERING))
    numbering.append(
        parse_xml(
            '<w:num xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'w:numId="90"><w:abstractNumId w:val="90"/></w:num>'
        )
    )
    marker = re.compile(r"^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）")
    for line in lines:
        m = marker.match(line)
        paragraph = document.add_paragraph(line[m.end() :] if m else line)
        if m:
            level = "1" if line.startswith("（") else "0"
            paragraph._p.get_or_add_pPr().append(
                parse_xml(
                    '<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
                    f'main"><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'
                )
            )
    bullet = document.add_paragraph("附：名词解释", style="List Bullet")  # a bullet: no marker
    assert bullet.text == "附：名词解释"
    path = tmp_path / "hebei.docx"
    document.save(str(path))

    report = load_report(path)
    assert report.text == "\n".join([*lines, "附：名词解释"])
    want = extraction(load_report(_HEBEI))
    assert len(want[1]) == 8
    assert extraction(report) == want  # targets, priorities, projects


def test_docx_gives_the_same_targets_as_the_txt(tmp_path: Path) -> None:
    document = docx.Document()
    for para in PARAGRAPHS:
        document.add_paragraph(para)
    path = tmp_path / "ruijin.docx"
    document.save(str(path))
    report = load_report(path)
    assert report.text == TEXT
    assert extraction(report) == extraction(txt_report(tmp_path))  # targets, priorities, projects


# ---------------------------------------------------------------- .pdf


def test_pdf_drops_page_chrome_and_joins_wrapped_lines(tmp_path: Path) -> None:
    path = tmp_path / "ruijin.pdf"
    assert make_pdf(path) >= 2 and pdf_pages(path) >= 2
    report = load_report(path)
    assert HEADER not in report.text
    assert not re.search(r"(?m)^- \d+ -$", report.text)
    assert report.text.split("\n") == PARAGRAPHS  # whole paragraphs; the heading `01` kept
    assert report.encoding == "pdf"
    assert report.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_pdf_gives_the_same_targets_as_the_txt(tmp_path: Path) -> None:
    path = tmp_path / "ruijin.pdf"
    make_pdf(path, justify=False)
    got = extraction(load_report(path))
    assert got == extraction(txt_report(tmp_path))  # targets, priorities, projects
    targets = got[0]
    assert targets[:2] == [("GDP", 8.2, "%"), ("规上工业增加值", 9.0, "%")]
    assert ("城镇调查失业率", 5.5, "%") in targets and len(targets) >= 20


def test_pdf_reading_order_is_by_position_not_content_stream(tmp_path: Path) -> None:
    path = tmp_path / "scrambled.pdf"
    assert make_scrambled_pdf(path) >= 2
    text = load_report(path).text
    assert text.split("\n") == PARAGRAPHS
    assert "第1页" not in text and HEADER not in text


@pytest.mark.parametrize("footer", ["{n}", "第{n}页", "第 {n} 页", "— {n} —", "{n}/3"])
def test_pdf_page_number_styles_are_left_out(tmp_path: Path, footer: str) -> None:
    path = tmp_path / "p.pdf"
    make_pdf(path, footer=footer, header=None)
    assert load_report(path).text.split("\n") == PARAGRAPHS


def test_pdf_without_a_text_layer_says_ocr_it(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    image_only_pdf(path)
    with pytest.raises(InputError, match=re.escape("no text layer (a scan?): OCR it first")):
        load_report(path)


def test_an_ascii_pdf_is_never_read_as_text(tmp_path: Path) -> None:
    data = ascii_pdf("BT /F1 12 Tf 72 720 Td (Government work report: GDP growth 5 percent) Tj ET")
    path = tmp_path / "report.txt"  # the name says text; the bytes say PDF
    path.write_bytes(data)
    report = load_report(path)
    assert report.text == "Government work report: GDP growth 5 percent"
    assert "%PDF" not in report.text and report.encoding == "pdf"
    with pytest.raises(InputError, match="no text layer"):
        load_report(ascii_pdf(""), name="blank.pdf")


# ---------------------------------------------------------------- unsupported input


@pytest.mark.parametrize(
    ("name", "data", "needle"),
    [
        ("r.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old Word file"),
        ("r.wps", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "WPS document"),
        ("r.ofd", None, "OFD"),
        ("r.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image"),
        ("r.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF", "image"),
        ("r.rtf", b"{\\rtf1\\ansi hello}", "RTF"),
    ],
)
def test_unsupported_formats_name_what_is_supported(
    tmp_path: Path, name: str, data: bytes | None, needle: str
) -> None:
    if data is None:
        buf = io.BytesIO()
        import zipfile

        with zipfile.ZipFile(buf, "w") as zf:
            zf.writestr("OFD.xml", "<ofd:OFD/>")
        data = buf.getvalue()
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as err:
        load_report(path)
    message = str(err.value)
    assert needle in message and "supported: .txt, .html/.htm, .docx and .pdf" in message
    assert message.startswith(str(path)) and "\n" not in message


@pytest.mark.parametrize(
    ("name", "data", "needle"),
    [
        ("bad.docx", b"PK\x03\x04 not really a zip", "open and save it again"),
        ("bad.docx", b"just text renamed", "not a zip package"),
        ("bad.pdf", b"<html>404</html>", "not a PDF"),
        ("cut.pdf", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", "cannot be read as a PDF"),
    ],
)
def test_corrupt_files_are_input_errors(
    tmp_path: Path, name: str, data: bytes, needle: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError, match=re.escape(needle)):
        load_report(path)


@pytest.mark.parametrize(
    ("module", "suffix"), [("docx", ".docx"), ("pdfminer", ".pdf"), ("openpyxl", ".xlsx")]
)
def test_a_missing_library_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, module: str, suffix: str
) -> None:
    path = tmp_path / f"r{suffix}"
    if suffix == ".docx":
        document = docx.Document()
        document.add_paragraph(PARAGRAPHS[2])
        document.save(str(path))
    elif suffix == ".pdf":
        make_pdf(path, PARAGRAPHS[:3])
    else:
        write_xlsx(path, [["报告全文"], [PARAGRAPHS[2]]])
    monkeypatch.setitem(sys.modules, module, None)  # import fails as if not installed
    with pytest.raises(InputError, match=re.escape("pip install 'summarizer[formats]'")):
        if suffix == ".xlsx":
            list(iter_rows(path))
        else:
            load_report(path)


# ---------------------------------------------------------------- spreadsheets


def write_xlsx(path: Path, rows: list[list[Any]]) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    workbook.save(str(path))


FULL = RUIJIN.read_text(encoding="utf-8")


def test_xlsx_rows_with_chinese_column_names(tmp_path: Path) -> None:
    path = tmp_path / "reports.xlsx"
    write_xlsx(
        path,
        [
            ["序号", "年份", "省份", "城市", "报告标题", "报告全文"],
            [101, 2022, "江西省", "瑞金市", "政府工作报告", FULL],
            [102, "2023年", "江西省", None, "政府工作报告", TEXT],
            [103, 2024, "江西省", "赣州市", "空", None],
            [None, None, None, None, None, None],  # a blank row is not a report
            [None, 2024, "江西省", "赣州市", "数字", 12345],
        ],
    )
    rows = list(iter_rows(path))
    assert [r.id for r in rows] == ["101", "102", "103", "5"]
    assert [r.path for r in rows][:2] == [f"{path}#101", f"{path}#102"]
    assert [(r.region, r.year) for r in rows] == [
        ("瑞金市", 2022),
        ("江西省", 2023),  # no city in that row: the province
        ("赣州市", 2024),
        ("赣州市", 2024),
    ]
    assert rows[0].error is None and rows[1].error is None
    assert rows[0].sha256 == hashlib.sha256(FULL.encode("utf-8")).hexdigest()
    assert rows[2].error is not None and "row 3" in str(rows[2].error)
    assert "is empty" in str(rows[2].error) and "报告全文" in str(rows[2].error)
    assert rows[3].error is not None and "row 5" in str(rows[3].error)
    assert "not report text" in str(rows[3].error)
    with pytest.raises(InputError, match="row 3"):
        rows[2].load()

    report = rows[1].load()
    assert report.text == TEXT and report.path == f"{path}#102"
    assert (report.region, report.year) == ("江西省", 2023)  # the columns win over the text
    assert report.sha256 == hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
    assert report.encoding == "xlsx"
    again = load_report(f"{path}#102")  # what `check --source FILE.xlsx#ID` will call
    assert (again.text, again.path, again.region, again.year) == (TEXT, report.path, "江西省", 2023)
    with pytest.raises(InputError, match="no row with id '999'"):
        load_report(f"{path}#999")
    with pytest.raises(InputError, match="spreadsheet of reports"):
        load_report(path)
    assert headline(report) == headline(txt_report(tmp_path))


def test_csv_rows_gbk_english_names_ids_are_row_numbers(tmp_path: Path) -> None:
    path = tmp_path / "reports.csv"
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["place", "Year", "Content"])
    writer.writerow(["瑞金市", "2022", TEXT])
    writer.writerow(["赣县区", "", "   "])
    writer.writerow(["于都县", "2021", FULL])
    path.write_bytes(buf.getvalue().encode("gb18030"))
    rows = list(iter_rows(path))
    assert [r.id for r in rows] == ["1", "2", "3"]
    assert [r.path for r in rows] == [f"{path}#1", f"{path}#2", f"{path}#3"]
    assert rows[0].text == TEXT and rows[2].text == FULL  # line breaks inside a field kept
    assert rows[1].error is not None and f"{path} row 2" in str(rows[1].error)
    report = rows[2].load()
    assert (report.region, report.year, report.encoding) == ("于都县", 2021, "csv:gb18030")
    assert load_row(path, "3").text == FULL


def test_given_columns_and_a_missing_text_column(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    write_xlsx(path, [["编码", "单位", "材料"], ["a1", "瑞金市", TEXT]])
    with pytest.raises(InputError) as err:
        list(iter_rows(path))
    message = str(err.value)
    assert "columns found: 编码, 单位, 材料" in message and "--text-column" in message
    (row,) = iter_rows(path, text_column="材料", region_column="单位", id_column="编码")
    assert (row.id, row.region, row.text) == ("a1", "瑞金市", TEXT)
    with pytest.raises(InputError, match=re.escape("no column named '正文' (--text-column)")):
        list(iter_rows(path, text_column="正文"))


def test_duplicate_and_unsafe_ids_fail_their_row(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("id,text\na,甲\na,乙\nx/y,丙\nb,丁\n", encoding="utf-8")
    rows = list(iter_rows(path))
    assert [r.error is None for r in rows] == [True, False, False, True]
    assert "duplicate id 'a' (also row 1)" in str(rows[1].error)


def _write_rows(path: Path, n: int, body: str) -> None:
    if path.suffix == ".xlsx":
        workbook = openpyxl.Workbook(write_only=True)
        sheet = workbook.create_sheet()
        sheet.append(["id", "text"])
        for i in range(n):
            sheet.append([f"r{i}", f"{body}{i}"])
        workbook.save(str(path))
    else:
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(["id", "text"])
            for i in range(n):
                writer.writerow([f"r{i}", f"{body}{i}"])


def _peak_reading(path: Path) -> tuple[int, int]:
    """(rows read, peak traced memory while reading them all)."""
    tracemalloc.start()
    try:
        count = sum(1 for row in iter_rows(path) if row.error is None)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return count, peak


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_rows_are_read_as_a_stream(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    """Memory does not grow with the number of rows: reading 20 times the rows (1 MB more
    text) costs almost no more memory than reading 10 (xlsx through openpyxl's read_only)."""
    body = TEXT
    seen: dict[str, Any] = {}
    real = openpyxl.load_workbook

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.update(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(openpyxl, "load_workbook", spy)
    small, big = tmp_path / f"small{suffix}", tmp_path / f"big{suffix}"
    _write_rows(small, 10, body)
    _write_rows(big, 200, body)
    (n_small, peak_small), (n_big, peak_big) = _peak_reading(small), _peak_reading(big)
    assert (n_small, n_big) == (10, 200)
    grown = 190 * len(body.encode("utf-8"))
    assert peak_big - peak_small < grown / 10, (peak_small, peak_big, grown)
    if suffix == ".xlsx":
        assert seen.get("read_only") is True


def test_spreadsheet_suffixes() -> None:
    assert set(SPREADSHEET_SUFFIXES) >= {".xlsx", ".csv"}
    assert not set(SPREADSHEET_SUFFIXES) & set(REPORT_SUFFIXES)


def test_a_spreadsheet_row_gives_the_same_results_as_the_txt(tmp_path: Path) -> None:
    # the same report as a row of an .xlsx and of a .csv: same targets, priorities, projects
    xlsx = tmp_path / "reports.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["编号", "区县名称", "年份", "报告全文"])
    sheet.append(["R1", "瑞金市", 2022, TEXT])
    book.save(xlsx)
    table = tmp_path / "reports.csv"
    with open(table, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([["id", "region", "year", "text"], ["R1", "瑞金市", 2022, TEXT]])
    expected = extraction(txt_report(tmp_path))
    for path in (xlsx, table):
        report = load_row(path, "R1")
        assert report.path == f"{path}#R1" and (report.region, report.year) == ("瑞金市", 2022)
        assert extraction(report) == expected


@pytest.mark.parametrize(
    ("n", "fmt", "text"),
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (11, "chineseCountingThousand", "十一"),
        (20, "chineseCounting", "二十"),
        (3, "ideographTraditional", "丙"),
        (2, "decimalEnclosedCircleChinese", "②"),
        (12, "decimalFullWidth", "１２"),
        (4, "upperRoman", "IV"),
        (3, "lowerLetter", "c"),
        (7, "decimalZero", "07"),
        (7, "decimal", "7"),
    ],
)
def test_word_number_formats(n: int, fmt: str, text: str) -> None:
    from summarizer.docx_numbering import number_text

    assert number_text(n, fmt) == text
