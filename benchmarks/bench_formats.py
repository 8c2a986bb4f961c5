"""PDF text extraction on Chinese report PDFs: which library, and what our reader gets. Prints
figures.

The PDFs are made as tests/test_formats.py makes them, from the first 2,000 characters of a real
report: laid out by reportlab's typesetter (justified, first-line indent, running header, page
numbers) with the STSong-Light CID font and, when the font is installed, an embedded TrueType
subset (WenQuanYi Micro Hei, as Word and WPS embed fonts); and a "scrambled" PDF whose content
stream is not in reading order (lines bottom up, some one glyph per show operation, chrome
last). For each library's plain text call, "order" is the share of the report's paragraphs found
whole and in place once whitespace and the known page chrome are taken out: it measures reading
order and character decoding, not chrome removal or paragraph joining. For summarizer's reader
(pdfminer.six underneath), "paragraphs" is the share of lines of its output that are exactly the
report's paragraphs (chrome removed, wrapped lines joined).

    python benchmarks/bench_formats.py
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import test_formats as maker

from summarizer.formats import pdf_to_text

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
CHROME = re.compile(maker.HEADER + r"|-\d+-|第\d+页共\d+页")


def _squash(text: str) -> str:
    return CHROME.sub("", re.sub(r"\s+", "", text))


def order_score(text: str) -> float:
    """Share of paragraphs found whole, in order, in ``text`` (whitespace and chrome ignored)."""
    flat, pos, found = _squash(text), 0, 0
    for para in maker.PARAGRAPHS:
        at = flat.find(_squash(para), pos)
        if at >= 0:
            found += 1
            pos = at + len(_squash(para))
    return found / len(maker.PARAGRAPHS)


def _pypdf(data: bytes) -> tuple[str, int]:
    import io

    from pypdf import PdfReader

    pages = PdfReader(io.BytesIO(data)).pages
    return "\n".join(p.extract_text() for p in pages), len(pages)


def _pdfplumber(data: bytes) -> tuple[str, int]:
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(p.extract_text() or "" for p in pdf.pages), len(pdf.pages)


def _pymupdf(data: bytes) -> tuple[str, int]:
    import pymupdf

    doc = pymupdf.open(stream=data, filetype="pdf")
    return "\n".join(p.get_text() for p in doc), doc.page_count


def _pdfminer(data: bytes) -> tuple[str, int]:
    import io

    from pdfminer.high_level import extract_text
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    pages = sum(1 for _ in PDFPage.create_pages(PDFDocument(PDFParser(io.BytesIO(data)))))
    return extract_text(io.BytesIO(data)), pages


LIBRARIES: dict[str, Callable[[bytes], tuple[str, int]]] = {
    "pypdf": _pypdf,
    "pdfminer.six": _pdfminer,
    "pdfplumber": _pdfplumber,
    "PyMuPDF (AGPL)": _pymupdf,
}


def _pdfs(folder: Path) -> dict[str, bytes]:
    out = {}
    maker.make_pdf(folder / "cid.pdf")
    out["CID font, justified"] = (folder / "cid.pdf").read_bytes()
    if WQY.exists():
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        pdfmetrics.registerFont(TTFont("WQY", str(WQY), subfontIndex=0))
        maker.FONT = "WQY"
        try:
            maker.make_pdf(folder / "ttf.pdf")
        finally:
            maker.FONT = "STSong-Light"
        out["embedded TrueType"] = (folder / "ttf.pdf").read_bytes()
    maker.make_scrambled_pdf(folder / "scrambled.pdf")
    out["stream not in reading order"] = (folder / "scrambled.pdf").read_bytes()
    return out


def _best(run: Callable[[], object], times: int = 3) -> float:
    """The fastest of ``times`` runs, in ms."""
    best = float("inf")
    for _ in range(times):
        t0 = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - t0)
    return best * 1e3


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pdfs = _pdfs(Path(tmp))
    print(f"{'pdf':30} {'library':18} {'order':>6} {'ms/page':>8}")
    for label, data in pdfs.items():
        for name, extract in LIBRARIES.items():
            try:
                text, pages = extract(data)  # imports and warms up
                ms = _best(partial(extract, data)) / pages
            except ImportError:
                print(f"{label:30} {name:18} {'not installed':>15}")
                continue
            print(f"{label:30} {name:18} {order_score(text):6.0%} {ms:8.1f}")
        text, pages = pdf_to_text(data), _pdfminer(data)[1]
        ms = _best(partial(pdf_to_text, data)) / pages
        lines = text.split("\n")
        exact = sum(1 for a, b in zip(lines, maker.PARAGRAPHS, strict=False) if a == b)
        print(
            f"{label:30} {'summarizer':18} {order_score(text):6.0%} {ms:8.1f}  "
            f"paragraphs {exact}/{len(maker.PARAGRAPHS)}, lines {len(lines)}"
        )


if __name__ == "__main__":
    main()
