"""The panel as a page of charts (``summarizer panel OUT/ --html panel.html``).

One self-contained HTML file: plotly.js (from the ``plotly`` package, inlined, so the page works
offline and requests nothing), the figures as JSON, and the wide panel as JSON
(``<script id="panel-wide" type="application/json">``). Sections:

* what the folder holds: targets per region and year (a heat map);
* for each main key with targets (:data:`summarizer.panel.MAIN_KEYS`; its most used measure and
  unit), target against outcome over the years, one small chart per region (the regions with
  the most years first, at most ``max_regions``); a target point is green when met, red when
  not, orange when no outcome is known;
* the spread of targets across regions in one year (the year with the most regions; ties -> the
  latest), one box with every region's point per key.

Labels are Chinese (taxonomy labels); the font stack falls back through common CJK families.
Every chart is a ``div.panel-chart``; ``main[data-charts]`` says how many there are and
``body[data-drawn]`` is set when plotly has drawn them all.
"""

from __future__ import annotations

import html
import json
import math
from collections import Counter
from typing import TYPE_CHECKING, Any

from ..panel import MAIN_KEYS, Cell, wide_cells, wide_panel
from ..taxonomy import indicators

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FONT_FAMILY", "render_panel_html"]

FONT_FAMILY = (
    '"Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "PingFang SC", '
    '"Hiragino Sans GB", "Microsoft YaHei", "Heiti SC", "SimHei", system-ui, sans-serif'
)
MEASURE_LABELS = {"growth": "增速", "level": "水平", "change": "增量", "count": "数量"}
TARGET_COLOUR, OUTCOME_COLOUR = "#e8710a", "#1a73e8"
MET_COLOURS = {True: "#2e9e44", False: "#d93025", None: TARGET_COLOUR}
CONFIG = {"displaylogo": False, "responsive": True, "showLink": False,
          "modeBarButtonsToRemove": ["select2d", "lasso2d"]}  # fmt: skip

_CSS = """
:root { --muted: #5f6368; --line: #e3e6ea; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.6 FONTS; color: #202124; background: #f6f7f9; }
header.top { padding: 1.4rem 2rem 1rem; background: #fff; border-bottom: 1px solid var(--line); }
h1 { font-size: 1.45rem; margin: 0 0 .3rem; }
.facts { display: flex; flex-wrap: wrap; gap: .6rem 1.6rem; margin: .6rem 0 0; padding: 0;
  list-style: none; }
.facts li { font-size: .85rem; color: var(--muted); }
.facts b { display: block; font-size: 1.35rem; color: #202124; }
main { padding: 1rem 2rem 3rem; max-width: 1400px; margin: 0 auto; }
section.card { background: #fff; border: 1px solid var(--line); border-radius: 8px;
  margin: 1rem 0; padding: 1rem 1.2rem; }
section.card h2 { font-size: 1.1rem; margin: 0 0 .2rem; }
section.card p.how { color: var(--muted); font-size: .85rem; margin: 0 0 .4rem; }
.key { display: inline-block; width: .75rem; height: .75rem; border-radius: 50%;
  vertical-align: -.05rem; margin: 0 .25rem 0 .8rem; }
.key:first-child { margin-left: 0; }
nav.toc { font-size: .85rem; margin-top: .6rem; }
nav.toc a { margin-right: .9rem; color: #1a73e8; text-decoration: none; }
details { font-size: .85rem; }
table { border-collapse: collapse; width: 100%; margin-top: .5rem; }
th, td { border-bottom: 1px solid var(--line); padding: .25rem .4rem; text-align: left;
  vertical-align: top; }
td.num { text-align: right; white-space: nowrap; }
td.quote { color: var(--muted); max-width: 28rem; }
.empty { color: var(--muted); }
"""

_LEGEND = (
    f'<span class="key" style="background:{OUTCOME_COLOUR}"></span>完成 outcome'
    f'<span class="key" style="background:{MET_COLOURS[True]}"></span>目标·达到 met'
    f'<span class="key" style="background:{MET_COLOURS[False]}"></span>目标·未达到 missed'
    f'<span class="key" style="background:{TARGET_COLOUR}"></span>目标·尚无完成数据 no outcome yet'
    "（竖线：区间目标 range）"
)

_DRAW = """
(function () {
  var figs = JSON.parse(document.getElementById('panel-figures').textContent);
  var config = CONFIG;
  var jobs = figs.map(function (f) {
    return Plotly.newPlot(document.getElementById(f.id), f.figure.data, f.figure.layout, config);
  });
  Promise.all(jobs).then(function () { document.body.dataset.drawn = String(jobs.length); });
})();
"""


def _labels() -> dict[str, str]:
    return {ind.key: ind.label for ind in indicators()}


def _json_script(value: Any) -> str:
    """JSON safe inside ``<script>``: no ``<``, so no ``</script>`` can end it early."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def _fmt(value: float | None) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return f"{value:g}"


def _variables(
    cells: dict[tuple[str, int], dict[str, Cell]], units: dict[str, str], max_keys: int
) -> list[str]:
    """One target column per main key that has targets: the column with the most cells (a
    growth rate wins ties). When no main key has data, the keys with the most targets."""
    counts: Counter[str] = Counter()
    for vals in cells.values():
        for col, cell in vals.items():
            if cell.kind == "target":
                counts[col] += 1
    by_key: dict[str, list[str]] = {}
    for col in units:
        if ".outcome" in col or not counts[col]:
            continue
        by_key.setdefault(col.split(".", 1)[0], []).append(col)
    ranked_keys = [k for k in MAIN_KEYS if k in by_key]
    if not ranked_keys:
        ranked_keys = sorted(by_key, key=lambda k: -sum(counts[c] for c in by_key[k]))
    chosen = []
    for key in ranked_keys[:max_keys]:
        cols = by_key[key]
        chosen.append(max(cols, key=lambda c: (counts[c], ".growth" in c, -cols.index(c))))
    return chosen


def _outcome_column(col: str) -> str:
    head, bracket, unit = col.partition("[")
    return f"{head}.outcome" + (f"[{unit}" if bracket else "")


def _title(col: str, labels: dict[str, str], unit: str) -> str:
    key, _, rest = col.partition(".")
    measure = rest.split("[", 1)[0]
    return f"{labels.get(key, key)} · {MEASURE_LABELS.get(measure, measure)}（{unit}）"


def _base_layout(height: int) -> dict[str, Any]:
    return {
        "template": "plotly_white",
        "font": {"family": FONT_FAMILY, "size": 12},
        "height": height,
        "margin": {"l": 50, "r": 20, "t": 50, "b": 40},
        "hoverlabel": {"font": {"family": FONT_FAMILY}},
    }


def _coverage_figure(long: pd.DataFrame) -> Any:
    import plotly.graph_objects as go

    rows = long[long["region"].notna() & long["year"].notna()]
    regions = sorted(rows["region"].unique().tolist())
    years = sorted(int(y) for y in rows["year"].unique().tolist())
    z, text = [], []
    for region in regions:
        mine = rows[rows["region"] == region]
        line, tline = [], []
        for year in years:
            here = mine[mine["year"] == year]
            t = int((here["kind"] == "target").sum())
            keyed = int(((here["kind"] == "target") & here["key"].notna()).sum())
            o = int((here["kind"] == "outcome").sum())
            line.append(t if len(here) else None)
            tline.append(f"{region} {year}<br>目标 {t}（有 key {keyed}）<br>完成情况 {o}")
        z.append(line)
        text.append(tline)
    fig = go.Figure(
        go.Heatmap(
            z=z, x=years, y=regions, text=text, hovertemplate="%{text}<extra></extra>",
            texttemplate="%{z}", colorscale="Blues", showscale=False, xgap=2, ygap=2,
        )
    )  # fmt: skip
    layout = _base_layout(max(220, 60 + 28 * len(regions)))
    layout["xaxis"] = {"dtick": 1, "tickformat": "d", "side": "top"}
    layout["yaxis"] = {"autorange": "reversed"}
    layout["margin"] = {"l": 110, "r": 20, "t": 40, "b": 20}
    fig.update_layout(**layout)
    return fig


def _hover(region: str, year: int, what: str, cell: Cell, unit: str) -> str:
    span = f"{_fmt(cell.value)}–{_fmt(cell.range_end)}" if cell.range_end is not None else ""
    value = span or _fmt(cell.value)
    met = {True: "<br>达到目标", False: "<br>未达到目标", None: ""}[cell.met]
    quote = html.escape(cell.quote[:60] + ("…" if len(cell.quote) > 60 else ""))
    return f"{region} {year} {what}<br><b>{value}{unit}</b>{met}<br>{quote}"


def _multiples_figure(
    col: str, cells: dict[tuple[str, int], dict[str, Cell]], unit: str, max_regions: int
) -> tuple[Any, list[str], int]:
    """Target against outcome over the years, a small chart per region."""
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    ocol = _outcome_column(col)
    per_region: dict[str, list[int]] = {}
    for (region, year), vals in cells.items():
        if col in vals or ocol in vals:
            per_region.setdefault(region, []).append(year)
    regions = sorted(per_region, key=lambda r: (-len(per_region[r]), r))
    shown = regions[:max_regions]
    years = sorted({y for r in shown for y in per_region[r]})
    ncols = min(4, max(1, len(shown)))
    nrows = math.ceil(len(shown) / ncols)
    fig = make_subplots(
        rows=nrows, cols=ncols, subplot_titles=shown, horizontal_spacing=0.06,
        vertical_spacing=min(0.12, 0.5 / max(1, nrows)),
    )  # fmt: skip
    for i, region in enumerate(shown):
        r, c = divmod(i, ncols)
        ys = sorted(per_region[region])
        tx: list[int] = []
        ty: list[float | None] = []
        tcol: list[str] = []
        ttext: list[str] = []
        err_plus: list[float] = []
        err_minus: list[float] = []
        ox: list[int] = []
        oy: list[float | None] = []
        otext: list[str] = []
        for year in ys:
            vals = cells[(region, year)]
            if tx and year - tx[-1] > 1:  # no line across a gap of years
                tx.append(year - 1)
                ty.append(None)
                tcol.append(TARGET_COLOUR)
                ttext.append("")
                err_plus.append(0.0)
                err_minus.append(0.0)
            if ox and year - ox[-1] > 1:
                ox.append(year - 1)
                oy.append(None)
                otext.append("")
            if (t := vals.get(col)) is not None:
                tx.append(year)
                ty.append(t.value)
                tcol.append(MET_COLOURS[t.met])
                ttext.append(_hover(region, year, "目标", t, unit))
                end = t.range_end if t.range_end is not None else t.value
                err_plus.append(max(0.0, end - t.value))
                err_minus.append(max(0.0, t.value - end))
            if (o := vals.get(ocol)) is not None:
                ox.append(year)
                oy.append(o.value)
                otext.append(_hover(region, year, "完成", o, unit))
        first = i == 0
        fig.add_trace(
            go.Scatter(
                x=ox, y=oy, name="完成 outcome", mode="lines+markers", legendgroup="o",
                showlegend=first, line={"color": OUTCOME_COLOUR, "width": 2},
                marker={"size": 7, "color": OUTCOME_COLOUR}, hovertext=otext,
                hovertemplate="%{hovertext}<extra></extra>",
            ),
            row=r + 1, col=c + 1,
        )  # fmt: skip
        fig.add_trace(
            go.Scatter(
                x=tx, y=ty, name="目标 target", mode="lines+markers", legendgroup="t",
                showlegend=first, line={"color": TARGET_COLOUR, "width": 1.5, "dash": "dot"},
                marker={"size": 10, "symbol": "diamond", "color": tcol,
                        "line": {"width": 1, "color": "#fff"}},
                error_y={"type": "data", "symmetric": False, "array": err_plus,
                         "arrayminus": err_minus, "color": TARGET_COLOUR, "thickness": 1.2,
                         "width": 4, "visible": any(err_plus) or any(err_minus)},
                hovertext=ttext, hovertemplate="%{hovertext}<extra></extra>",
            ),
            row=r + 1, col=c + 1,
        )  # fmt: skip
    if years:
        span = years[-1] - years[0]
        fig.update_xaxes(
            range=[years[0] - 0.5, years[-1] + 0.5], tickformat="d",
            dtick=1 if span <= 5 else 2 if span <= 10 else 5, tickangle=0,
        )  # fmt: skip
    layout = _base_layout(60 + 230 * nrows)
    layout["showlegend"] = False  # the section's caption is the legend
    layout["margin"] = {"l": 50, "r": 20, "t": 40, "b": 30}
    fig.update_layout(**layout)
    return fig, regions[max_regions:], len(shown)


def _spread_year(cells: dict[tuple[str, int], dict[str, Cell]], columns: list[str]) -> int | None:
    regions_by_year: dict[int, set[str]] = {}
    for (region, year), vals in cells.items():
        if any(c in vals for c in columns):
            regions_by_year.setdefault(year, set()).add(region)
    if not regions_by_year:
        return None
    return max(regions_by_year, key=lambda y: (len(regions_by_year[y]), y))


def _spread_figure(
    year: int,
    columns: list[str],
    cells: dict[tuple[str, int], dict[str, Cell]],
    units: dict[str, str],
    labels: dict[str, str],
) -> tuple[Any, int]:
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    present = [c for c in columns if any(y == year and c in v for (_r, y), v in cells.items())]
    titles = [_title(c, labels, units[c]) for c in present]
    fig = make_subplots(
        rows=len(present), cols=1, subplot_titles=titles,
        vertical_spacing=min(0.12, 0.6 / max(1, len(present))),
    )  # fmt: skip
    for i, col in enumerate(present):
        points = sorted(
            (vals[col].value, region)
            for (region, y), vals in cells.items()
            if y == year and col in vals
        )
        fig.add_trace(
            go.Box(
                x=[v for v, _ in points], y=[titles[i]] * len(points),
                text=[f"{r} {_fmt(v)}{units[col]}" for v, r in points], orientation="h",
                boxpoints="all", jitter=0.5, pointpos=0, name=titles[i], showlegend=False,
                marker={"color": TARGET_COLOUR, "size": 8, "opacity": 0.85},
                line={"color": "#9aa0a6"}, fillcolor="rgba(232,113,10,0.08)",
                hovertemplate="%{text}<extra></extra>", hoveron="points",
            ),
            row=i + 1, col=1,
        )  # fmt: skip
    fig.update_yaxes(showticklabels=False)
    fig.update_layout(**_base_layout(70 + 120 * len(present)))
    return fig, len(present)


def _links_table(long: pd.DataFrame, labels: dict[str, str], limit: int = 500) -> str:
    import pandas as pd

    linked = long[(long["kind"] == "target") & long["outcome"].notna()]
    if linked.empty:
        return '<p class="empty">No target has a joined outcome yet.</p>'
    rows = []
    for rec in linked.head(limit).to_dict("records"):
        met = rec["met"]
        mark = "—" if pd.isna(met) else ("✔" if bool(met) else "✘")
        rows.append(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=num>{}</td><td class=num>{}</td>"
            "<td>{}</td><td class=quote>{}</td><td class=quote>{}</td></tr>".format(
                html.escape(str(rec["region"])), rec["year"],
                html.escape(labels.get(str(rec["key"]), str(rec["key"])) + " · "
                            + MEASURE_LABELS.get(str(rec["measure"]), str(rec["measure"]))),
                html.escape(_fmt(rec["target"]) + str(rec["unit"])),
                html.escape(_fmt(rec["outcome"]) + str(rec["unit"])), mark,
                html.escape(str(rec["quote"])), html.escape(str(rec["linked_quote"])),
            )
        )  # fmt: skip
    more = f"<p>First {limit} of {len(linked)}.</p>" if len(linked) > limit else ""
    return (
        "<table><thead><tr><th>地区</th><th>年份</th><th>指标</th><th>目标</th><th>完成</th>"
        "<th>达到</th><th>目标原文</th><th>完成原文</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
        + more
    )


def render_panel_html(
    long: pd.DataFrame,
    *,
    title: str = "目标与完成 · 政府工作报告面板",
    spread_year: int | None = None,
    max_regions: int = 24,
    max_keys: int = 8,
) -> str:
    """The page for a long panel (:func:`summarizer.panel.build_panel`), as one HTML string."""
    import plotly.io as pio
    from plotly.offline import get_plotlyjs

    labels = _labels()
    cells, units = wide_cells(long)
    columns = _variables(cells, units, max_keys)
    figures: list[tuple[str, Any]] = []
    sections: list[str] = []
    toc: list[str] = []

    def chart(fig: Any, name: str) -> str:
        cid = f"chart-{len(figures) + 1}"
        figures.append((cid, fig))
        return f'<div class="panel-chart" id="{cid}" data-name="{html.escape(name)}"></div>'

    sections.append(
        '<section class="card" id="coverage"><h2>报告覆盖 · what the folder holds</h2>'
        '<p class="how">每格是一份报告的目标数（悬停看有 key 的目标与完成情况数）。'
        "Targets per report, region by year.</p>"
        + chart(_coverage_figure(long), "coverage")
        + "</section>"
    )
    toc.append('<a href="#coverage">覆盖</a>')
    for col in columns:
        fig, hidden, _n = _multiples_figure(col, cells, units[col], max_regions)
        anchor = "k-" + col.replace(".", "-").replace("[", "-").replace("]", "")
        note = f" {len(hidden)} more regions not shown (fewer years)." if hidden else ""
        sections.append(
            f'<section class="card" id="{html.escape(anchor)}"><h2>'
            f"{html.escape(_title(col, labels, units[col]))}</h2>"
            f'<p class="how">{_LEGEND}<br>每个小图一个地区；完成值为次年报告所述。'
            f"One chart per region: <code>{html.escape(col)}</code> and its outcome."
            f"{html.escape(note)}</p>" + chart(fig, col) + "</section>"
        )
        toc.append(
            f'<a href="#{html.escape(anchor)}">{html.escape(labels.get(col.split(".")[0], col))}</a>'
        )
    year = spread_year if spread_year is not None else _spread_year(cells, columns)
    if year is not None and columns:
        fig, n = _spread_figure(year, columns, cells, units, labels)
        if n:
            sections.append(
                f'<section class="card" id="spread"><h2>{year}年各地目标分布 · spread of targets '
                f'across regions</h2><p class="how">每个点是一个地区的目标（悬停看地区）。'
                f"One point per region, {year}.</p>" + chart(fig, "spread") + "</section>"
            )
            toc.append('<a href="#spread">分布</a>')
    if not columns:
        sections.append(
            '<section class="card"><p class="empty">No keyed target in these summaries, so '
            "there is nothing to chart by indicator.</p></section>"
        )
    sections.append(
        '<section class="card" id="links"><details><summary>目标与完成对照表 · '
        "every target joined with its outcome</summary>"
        + _links_table(long, labels)
        + "</details></section>"
    )
    targets = int((long["kind"] == "target").sum())
    outcomes = len(long) - targets
    linked = long[(long["kind"] == "target") & long["outcome"].notna()]
    met_n = int(linked["met"].fillna(False).astype(bool).sum()) if len(linked) else 0
    regions = long["region"].dropna().nunique()
    years = sorted(int(y) for y in long["year"].dropna().unique().tolist())
    span = f"{years[0]}–{years[-1]}" if years else "—"
    facts = [
        (str(long["file"].nunique()), "报告 reports"), (str(regions), "地区 regions"),
        (span, "年份 years"), (str(targets), "目标 targets"), (str(outcomes), "完成 outcomes"),
        (str(len(linked)), "对照 links"),
        (f"{met_n}/{len(linked)}" if len(linked) else "—", "达到 met"),
    ]  # fmt: skip
    fig_json = (
        "["
        + ",".join(
            f'{{"id":"{cid}","figure":{pio.to_json(fig, validate=False)}}}' for cid, fig in figures
        )
        + "]"
    )
    wide = wide_panel(long)
    wide_json = _json_script(
        {"units": wide.attrs.get("units", {}),
         "rows": json.loads(wide.to_json(orient="records", force_ascii=False))}
    )  # fmt: skip
    return "".join(
        [
            '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{html.escape(title)}</title>",
            "<style>", _CSS.replace("FONTS", FONT_FAMILY), "</style>",
            "<script>", get_plotlyjs(), "</script></head><body>",
            f'<header class="top"><h1>{html.escape(title)}</h1><ul class="facts">',
            "".join(f"<li><b>{html.escape(v)}</b>{html.escape(k)}</li>" for v, k in facts),
            '</ul><nav class="toc">', "".join(toc), "</nav></header>",
            f'<main data-charts="{len(figures)}">', "".join(sections), "</main>",
            '<script id="panel-figures" type="application/json">',
            fig_json.replace("<", "\\u003c"), "</script>",
            f'<script id="panel-wide" type="application/json">{wide_json}</script>',
            "<script>", _DRAW.replace("CONFIG", json.dumps(CONFIG)), "</script>",
            "</body></html>\n",
        ]
    )  # fmt: skip
