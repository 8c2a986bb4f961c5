"""The panel's chart page in headless Chromium: no console error, no request leaves the file,
every chart drawn, a screenshot looked at.

Uses Debian's ``/usr/bin/chromium`` through playwright, as tests/test_browser.py does; without it
the test fails under CI and skips elsewhere. The screenshot goes to ``tmp_path``, and is copied
to ``$TEST_OUTPUT_DIR`` and to ``/work/tmp/panel.png`` when those folders exist.
"""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright
from requirements import unavailable
from test_panel import HAILAR, HEBEI, SYNTHETIC, real_folder, write  # noqa: F401

from summarizer.panel import write_panel

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip

_CHARTS = """() => Array.from(document.querySelectorAll('.panel-chart')).map(el => ({
  id: el.id, svg: el.querySelectorAll('.main-svg').length,
  traces: el.querySelectorAll('.scatterlayer .trace, .boxlayer .trace, .heatmaplayer image, '
                              + '.heatmaplayer .hm').length,
  points: el.querySelectorAll('.scatterlayer .point, .boxlayer .point').length,
  height: el.getBoundingClientRect().height}))"""


@pytest.mark.parametrize("which", ["real", "synthetic"])
def test_panel_page_draws_every_chart(which: str, real_folder: Path, tmp_path: Path) -> None:  # noqa: F811
    if not os.access(CHROMIUM, os.X_OK):
        unavailable(f"{CHROMIUM} is missing: apt-get install chromium (scripts/test does)")
    folder = real_folder if which == "real" else write(tmp_path / "OUT", SYNTHETIC)
    page_file = tmp_path / "panel.html"
    write_panel(folder, html=page_file, stdout=io.StringIO(), echo=lambda _m: None)
    size = page_file.stat().st_size
    assert 4_000_000 < size < 8_000_000, size  # plotly.js (~4.8 MB) inlined, plus the data
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            errors: list[str] = []
            requests: list[str] = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.on("request", lambda req: requests.append(req.url))
            page.goto(page_file.as_uri())
            page.wait_for_selector("body[data-drawn]", timeout=30_000)
            expected = int(page.get_attribute("main", "data-charts") or 0)
            charts = page.evaluate(_CHARTS)
            drawn = page.evaluate("document.body.dataset.drawn")
            shot = tmp_path / f"panel-{which}.png"
            page.screenshot(path=str(shot), full_page=False)
            if which == "real":
                page.locator(".panel-chart").nth(1).scroll_into_view_if_needed()
                page.screenshot(path=str(tmp_path / "panel-real-multiples.png"), full_page=True)
        finally:
            browser.close()
    assert errors == []
    assert [u for u in requests if not u.startswith(("file:", "data:"))] == []
    assert expected >= 3 and len(charts) == expected and drawn == str(expected)
    for chart in charts:
        assert chart["svg"] >= 1 and chart["traces"] >= 1 and chart["height"] > 150, chart
    assert sum(c["points"] for c in charts) >= 10
    assert shot.stat().st_size > 20_000
    if extra := os.environ.get("TEST_OUTPUT_DIR"):
        Path(extra).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(extra) / shot.name)
    if which == "real" and Path("/work/tmp").is_dir():  # for a person to look at
        shutil.copy(tmp_path / "panel-real-multiples.png", "/work/tmp/panel.png")
