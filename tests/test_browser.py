"""The HTML viewer in headless Chromium: every target is highlighted, panel clicks scroll to it.

Uses Debian's ``/usr/bin/chromium`` through playwright (``playwright install`` cannot download
browsers here); scripts/test installs it (``apt-get install chromium``), the test never does.
Without it the tests fail under CI and skip elsewhere, with the reason. Screenshots go to the
test's ``tmp_path`` (and to ``$TEST_OUTPUT_DIR`` when that is set).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from requirements import unavailable
from test_render import SEEDS, hand_summary

from summarizer.api import summarize_file
from summarizer.ingest import load_report
from summarizer.models import ReportSummary
from summarizer.render import render

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
VIEWPORT = {"width": 1280, "height": 800}


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not os.access(CHROMIUM, os.X_OK):
        unavailable(f"{CHROMIUM} is missing: apt-get install chromium (scripts/test does)")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield b
        finally:
            b.close()


def _save(page: Page, tmp_path: Path, name: str) -> Path:
    shot = tmp_path / name
    page.screenshot(path=str(shot), full_page=False)
    assert shot.stat().st_size > 10_000
    extra = os.environ.get("TEST_OUTPUT_DIR")
    if extra:
        Path(extra).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(extra) / name)
    return shot


def _open(browser: Browser, html_file: Path) -> tuple[Page, list[str], list[str]]:
    page = browser.new_page(viewport=VIEWPORT)  # type: ignore[arg-type]
    errors: list[str] = []
    requests: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", lambda req: requests.append(req.url))
    page.goto(html_file.as_uri())
    page.wait_for_load_state("load")
    return page, errors, requests


_IN_VIEW = """(id) => {
  const el = document.getElementById(id);
  const r = el.getClientRects()[0] || el.getBoundingClientRect();
  return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, h: innerHeight,
          w: innerWidth, y: scrollY, flash: el.classList.contains('flash')};
}"""


def _assert_click_scrolls(page: Page, item_id: str, mark_id: str) -> dict[str, Any]:
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    before = page.evaluate("scrollY")
    page.click(f"#{item_id}")
    box: dict[str, Any] = page.evaluate(_IN_VIEW, mark_id)
    assert box["top"] >= 0 and box["bottom"] <= box["h"], (item_id, box)
    assert box["left"] >= 0 and box["right"] <= box["w"], (item_id, box)
    assert box["flash"], f"{mark_id} did not flash"
    assert page.evaluate(
        "(id) => document.getElementById(id).classList.contains('current')", item_id
    )
    box["moved"] = box["y"] != before
    return box


def _check_report(page: Page, summary: ReportSummary, text: str, prefix: str = "r0") -> None:
    shown = page.evaluate(f"document.querySelector('#{prefix} .text').textContent")
    assert shown == text.replace("\r\n", "\n")
    for i, t in enumerate(summary.targets):
        mark = page.evaluate(
            """(id) => { const el = document.getElementById(id); if (!el) return null;
                return {tag: el.tagName, kind: el.dataset.kind, text: el.textContent,
                        bg: getComputedStyle(el).backgroundColor, bad: el.classList.contains('bad')}; }""",
            f"{prefix}-t{i}",
        )
        assert mark is not None, f"target {i} ({t.indicator}) has no mark"
        assert mark["tag"] == "MARK" and mark["kind"] == "target"
        assert mark["text"] in (text[t.value_start : t.value_end], t.quote), (i, mark)
        assert mark["bg"] not in ("rgba(0, 0, 0, 0)", "transparent"), (
            f"target {i} is not highlighted"
        )
    bad_items = {v.item for v in summary.checks.violations}
    for i in range(len(summary.targets)):
        flagged = page.evaluate(
            f"document.getElementById('{prefix}-t{i}').classList.contains('bad')"
        )
        assert flagged == (f"targets[{i}]" in bad_items)


@pytest.mark.parametrize("seed", SEEDS, ids=[p.stem for p in SEEDS])
def test_viewer_highlights_targets_and_panel_clicks_scroll(
    browser: Browser, tmp_path: Path, seed: Path
) -> None:
    summary = hand_summary(seed)
    text = load_report(seed).text
    html_file = tmp_path / f"{seed.stem}.html"
    html_file.write_text(render([summary], "html", many=False), encoding="utf-8")
    page, errors, requests = _open(browser, html_file)
    try:
        _check_report(page, summary, text)
        moved = 0
        for i in range(len(summary.targets)):
            moved += _assert_click_scrolls(page, f"r0-i-t{i}", f"r0-t{i}")["moved"]
        for j in range(len(summary.priorities)):
            moved += _assert_click_scrolls(page, f"r0-i-pr{j}", f"r0-pr{j}")["moved"]
        for j in range(len(summary.projects)):
            moved += _assert_click_scrolls(page, f"r0-i-p{j}", f"r0-p{j}")["moved"]
        assert moved, "no click scrolled the page"
        # a click on a span in the text selects its panel item
        page.click("#r0-t1")
        assert page.evaluate("document.getElementById('r0-i-t1').classList.contains('current')")
        page.click("#r0-i-t0")
        _save(page, tmp_path, f"{seed.stem}.png")
        assert errors == []
        assert all(u.startswith(("file:", "data:", "about:")) for u in requests), requests
    finally:
        page.close()


def test_index_page_links_every_report(browser: Browser, tmp_path: Path) -> None:
    summaries = [hand_summary(p) for p in SEEDS]
    html_file = tmp_path / "index.html"
    html_file.write_text(render(summaries, "html", many=True), encoding="utf-8")
    page, errors, _ = _open(browser, html_file)
    try:
        for k, (s, seed) in enumerate(zip(summaries, SEEDS, strict=True)):
            _check_report(page, s, load_report(seed).text, prefix=f"r{k}")
        last = len(SEEDS) - 1
        box = _assert_click_scrolls(page, f"r{last}-i-t0", f"r{last}-t0")
        assert box["y"] > 0
        page.evaluate("window.scrollTo(0, 0)")
        page.click(f'nav.index a[href="#r{last}"]')
        top = page.evaluate(f"document.getElementById('r{last}').getBoundingClientRect().top")
        assert abs(top) < 5
        _save(page, tmp_path, "index.png")
        assert errors == []
    finally:
        page.close()


def test_viewer_of_a_rules_summary(browser: Browser, tmp_path: Path) -> None:
    # playwright's sync API keeps an event loop running in this thread: summarise in another
    with ThreadPoolExecutor(1) as pool:
        summary = pool.submit(summarize_file, SEEDS[-1], engine="rules").result()
    html_file = tmp_path / "rules.html"
    html_file.write_text(render([summary], "html", many=False), encoding="utf-8")
    page, errors, _ = _open(browser, html_file)
    try:
        _check_report(page, summary, load_report(SEEDS[-1]).text)
        for i in range(len(summary.targets)):
            _assert_click_scrolls(page, f"r0-i-t{i}", f"r0-t{i}")
        _save(page, tmp_path, "rules.png")
        assert errors == []
    finally:
        page.close()
