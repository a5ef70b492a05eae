"""The yearbook: one static HTML page per report year, WAREHOUSE/reports/yearbook_YYYY.html.

Headline figures, grant rates by level, requests per report, the top agencies, year-over-year
changes, the 不予公开 reasons and a quality panel. Charts are plotly with plotly.js inlined once in
the page, so it opens with no network (nothing is loaded from a CDN). No timestamp is written: the
same warehouse gives the same page.

Everything is read through `transforms.analysis.connect` (an in-memory DuckDB over the marts).
"""

from __future__ import annotations

import html
import os
from pathlib import Path

import polars as pl

from transforms import labels
from transforms.analysis import connect, finding_location

REPORTS_DIR = "reports"
TOP_N = 15
LEVEL_ZH = {"province": "省级", "prefecture": "地级", "county": "县级", "township": "乡镇", "department": "部门"}
SOURCE_ZH = {"printed": "表内印刷", "derived": "算式推出", "narrative": "正文叙述", "blank": "空白", "missing": "缺失"}

_CSS = """
body{font-family:system-ui,-apple-system,"Noto Sans CJK SC","Noto Sans SC",sans-serif;margin:2em auto;max-width:1100px;
color:#222;padding:0 1em} h1{font-size:1.6em} h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;font-size:.9em;margin:.5em 0} th,td{border:1px solid #ccc;padding:.3em .6em;
text-align:left;vertical-align:top} th{background:#f3f3f3} td.n{text-align:right;font-variant-numeric:tabular-nums}
.chart{height:380px;margin:.5em 0 1.5em} .note{color:#555;font-size:.9em} .empty{color:#8a6d3b;font-style:italic}
tr.error td{background:#fdecea}
"""


def yearbook_path(warehouse: Path, year: int) -> Path:
    return Path(warehouse) / REPORTS_DIR / f"yearbook_{int(year)}.html"


def _e(v) -> str:
    return html.escape("" if v is None else str(v))


def _fmt(v, pct: bool = False) -> str:
    if v is None:
        return "–"
    if pct:
        return f"{100 * v:.1f}%"
    if isinstance(v, float):
        return f"{v:,.2f}"
    return f"{v:,}"


def _table(df: pl.DataFrame, headers: list[str] | None = None, pct_cols: tuple[str, ...] = (),
           row_class: str | None = None) -> str:
    heads = headers or df.columns
    rows = []
    for r in df.iter_rows(named=True):
        cls = f' class="{_e(r[row_class])}"' if row_class and r.get(row_class) else ""
        cells = []
        for c in df.columns:
            v = r[c]
            num = isinstance(v, (int, float)) and not isinstance(v, bool)
            cells.append(f'<td class="n">{_e(_fmt(v, c in pct_cols))}</td>' if num else f"<td>{_e(v)}</td>")
        rows.append(f"<tr{cls}>" + "".join(cells) + "</tr>")
    return ("<table><thead><tr>" + "".join(f"<th>{_e(h)}</th>" for h in heads) + "</tr></thead><tbody>"
            + "".join(rows) + "</tbody></table>")


class _Charts:
    """Collects plotly figures as divs with stable ids (so the page is the same bytes every run)."""

    def __init__(self):
        self.n = 0

    def __call__(self, fig) -> str:
        import plotly.io as pio

        self.n += 1
        fig.update_layout(margin={"l": 60, "r": 20, "t": 40, "b": 60}, height=380, template="plotly_white")
        return '<div class="chart">' + pio.to_html(
            fig, full_html=False, include_plotlyjs=False, div_id=f"chart-{self.n}", default_height="380px",
            config={"displayModeBar": False, "responsive": True, "staticPlot": False}) + "</div>"


def _empty(why: str) -> str:
    return f'<p class="empty">{_e(why)}</p>'


def _q(con, sql: str, params: list | None = None) -> pl.DataFrame:
    return con.sql(sql, params=params or []).pl()


def _has(con, name: str) -> bool:
    return bool(con.execute("SELECT count(*) FROM duckdb_views() WHERE view_name = ?", [name]).fetchall()[0][0])


def _headline(con, year: int) -> pl.DataFrame:
    sql = """SELECT report_year,
      count(*) AS reports,
      count(*) FILTER (WHERE parse_status = 'ok') AS ok,
      count(*) FILTER (WHERE parse_status = 'partial') AS partial,
      count(*) FILTER (WHERE parse_status = 'quarantined') AS quarantined,
      count(total_processed) AS with_table3,
      CAST(sum(new_received) AS BIGINT) AS new_received,
      CAST(sum(total_processed) AS BIGINT) AS total_processed,
      CAST(sum(granted + partially_granted) FILTER (WHERE total_processed IS NOT NULL) AS DOUBLE)
        / nullif(sum(total_processed) FILTER (WHERE granted IS NOT NULL AND partially_granted IS NOT NULL), 0) AS grant_rate,
      CAST(sum(withheld_total) FILTER (WHERE total_processed IS NOT NULL) AS DOUBLE)
        / nullif(sum(total_processed) FILTER (WHERE withheld_total IS NOT NULL), 0) AS withheld_share,
      CAST(sum(admin_review_total) AS BIGINT) AS admin_review,
      CAST(sum(litigation_total) AS BIGINT) AS litigation
    FROM report_summary WHERE report_year IN (?, ?) GROUP BY report_year ORDER BY report_year"""
    return _q(con, sql, [year - 1, year])


def _headline_html(df: pl.DataFrame, year: int) -> str:
    cur = df.filter(pl.col("report_year") == year)
    prev = df.filter(pl.col("report_year") == year - 1)
    items = [("reports", "reports 报告数"), ("ok", "parsed ok 完整"), ("partial", "partial 部分缺失"),
             ("quarantined", "quarantined 隔离"), ("with_table3", "reports with table 3 含表三"),
             ("new_received", "applications received 本年新收"), ("total_processed", "applications answered （七）总计"),
             ("grant_rate", "grant rate 公开率 (予以公开+部分公开)/总计"), ("withheld_share", "refused share 不予公开占比"),
             ("admin_review", "administrative reconsideration 行政复议"), ("litigation", "administrative litigation 行政诉讼")]
    rows = []
    for key, label in items:
        pct = key in ("grant_rate", "withheld_share")
        c = cur[key][0] if cur.height else None
        p = prev[key][0] if prev.height else None
        rows.append(f"<tr><td>{_e(label)}</td><td class=\"n\">{_e(_fmt(c, pct))}</td>"
                    + (f"<td class=\"n\">{_e(_fmt(p, pct))}</td>" if prev.height else "") + "</tr>")
    head = f"<th>figure</th><th>{year}</th>" + (f"<th>{year - 1}</th>" if prev.height else "")
    return f'<table id="headline"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def render_yearbook(warehouse: Path, year: int, con=None) -> str:
    """The page's HTML (a pure function of the warehouse's marts).

    `con` is a connection from `transforms.analysis.connect(warehouse)` to reuse (pages of several
    years share one; it is left open); by default the page opens and closes its own.
    """
    import plotly.graph_objects as go
    from plotly.offline import get_plotlyjs

    year = int(year)
    own = con is None
    if own:
        con = connect(Path(warehouse))
    chart = _Charts()
    parts: list[str] = []
    try:
        if not _has(con, "report_summary"):
            parts.append(_empty("No marts in this warehouse yet."))
            summary = pl.DataFrame()
        else:
            summary = _q(con, "SELECT * FROM report_summary WHERE report_year = ?", [year])
        if summary.height == 0:
            parts.append(_empty(f"No reports for {year}."))
        else:
            parts.append("<h2>Headline 主要数据</h2>" + _headline_html(_headline(con, year), year)
                         + '<p class="note">Sums leave out reports where a figure is unknown; rates pool the reports '
                           "where numerator and denominator are both known.</p>")

            # grant rate by level
            lv = _q(con, """SELECT admin_level, count(*) AS reports, count(grant_rate) AS with_rate,
                  CAST(sum(granted + partially_granted) AS DOUBLE) / nullif(sum(total_processed)
                       FILTER (WHERE granted IS NOT NULL AND partially_granted IS NOT NULL), 0) AS grant_rate
                FROM report_summary WHERE report_year = ? GROUP BY admin_level ORDER BY admin_level""", [year])
            lv = lv.filter(pl.col("grant_rate").is_not_null())
            parts.append("<h2>Grant rate by level 各级公开率</h2>")
            if lv.height:
                names = [f"{LEVEL_ZH.get(a, a or '未知')} ({a or 'unknown'})" for a in lv["admin_level"].to_list()]
                fig = go.Figure(go.Bar(x=names, y=lv["grant_rate"].to_list(),
                                       text=[f"{100 * v:.0f}% · n={n}" for v, n in zip(lv["grant_rate"], lv["with_rate"])],
                                       textposition="auto"))
                fig.update_layout(yaxis={"tickformat": ".0%", "range": [0, 1], "title": "grant rate 公开率"})
                parts.append(chart(fig))
            else:
                parts.append(_empty("No report of this year has a grant rate (no applications answered)."))

            # distribution of requests per report
            nr = summary["new_received"].drop_nulls()
            parts.append("<h2>Applications per report 每份报告的申请数</h2>")
            if nr.len():
                fig = go.Figure(go.Histogram(x=nr.to_list(), nbinsx=min(30, max(5, nr.n_unique()))))
                fig.update_layout(xaxis={"title": "applications received 本年新收"}, yaxis={"title": "reports 报告数"},
                                  bargap=0.05)
                parts.append(chart(fig))
            else:
                parts.append(_empty("No report of this year has a readable table 3."))

            # top agencies
            top = (summary.filter(pl.col("new_received").is_not_null())
                   .sort(["new_received", "agency_name"], descending=[True, False], nulls_last=True).head(TOP_N))
            parts.append(f"<h2>Top {TOP_N} agencies by applications 申请数最多的机关</h2>")
            if top.height:
                fig = go.Figure(go.Bar(y=top["agency_name"].fill_null("(unknown)").to_list()[::-1],
                                       x=top["new_received"].to_list()[::-1], orientation="h"))
                fig.update_layout(xaxis={"title": "applications received 本年新收"}, margin={"l": 220},
                                  height=max(300, 26 * top.height + 80))
                parts.append(chart(fig))
            else:
                parts.append(_empty("No agency has a readable count of applications."))

            # year over year
            parts.append(f"<h2>Year over year 同比 ({year - 1} → {year})</h2>")
            yoy = (_q(con, """SELECT agency_name, new_received_prev, new_received, new_received_change,
                         new_received_pct_change, continuity_prev_carried_forward, continuity_carried_over,
                         continuity_ok FROM agency_year_over_year WHERE report_year = ?
                         ORDER BY abs(new_received_change) DESC NULLS LAST, agency_name""", [year])
                   if _has(con, "agency_year_over_year") else pl.DataFrame())
            if yoy.height:
                ch = yoy.filter(pl.col("new_received_change").is_not_null()).head(20)
                if ch.height:
                    fig = go.Figure(go.Bar(y=ch["agency_name"].to_list()[::-1], x=ch["new_received_change"].to_list()[::-1],
                                           orientation="h"))
                    fig.update_layout(xaxis={"title": f"change in applications received 本年新收增减 vs {year - 1}"},
                                      margin={"l": 220}, height=max(300, 26 * ch.height + 80))
                    parts.append(chart(fig))
                breaks = yoy.filter(pl.col("continuity_ok") == False)  # noqa: E712 - null means unknown
                parts.append(f"<p>{yoy.height} agencies reported in both years; {breaks.height} continuity break(s) "
                             f"(上年结转 of {year} ≠ 结转下年度 of {year - 1}).</p>")
                if breaks.height:
                    parts.append(_table(breaks.select("agency_name", "continuity_prev_carried_forward",
                                                      "continuity_carried_over"),
                                        ["agency 机关", f"结转下年度 {year - 1}", f"上年结转 {year}"]))
            else:
                parts.append(_empty(f"No agency (same name) has reports for both {year - 1} and {year}."))

            # 不予公开 reasons
            reasons = _q(con, """SELECT o.code, o.label_zh, CAST(coalesce(sum(f."count"), 0) AS BIGINT) AS applications
                FROM dim_request_outcome o LEFT JOIN fact_request_handling f
                  ON f.outcome = o.code AND f.applicant_type = 'total' AND f.report_year = ?
                WHERE o.parent_code = 'withheld' GROUP BY ALL ORDER BY min(o.sort_order)""", [year]) \
                if _has(con, "fact_request_handling") else pl.DataFrame()
            parts.append("<h2>Why applications were refused 不予公开的理由</h2>")
            total_w = int(reasons["applications"].sum()) if reasons.height else 0
            if reasons.height:
                share = [a / total_w if total_w else 0.0 for a in reasons["applications"].to_list()]
                fig = go.Figure(go.Bar(y=[s.split(" ", 1)[-1] for s in reasons["label_zh"].to_list()][::-1],
                                       x=share[::-1], orientation="h",
                                       text=[str(a) for a in reasons["applications"].to_list()][::-1], textposition="auto"))
                fig.update_layout(xaxis={"tickformat": ".0%", "range": [0, 1], "title": "share of 不予公开"},
                                  margin={"l": 260})
                parts.append(chart(fig) + f"<p class=\"note\">{total_w} refused applications in all (总计 column).</p>")
            else:
                parts.append(_empty("No table 3 in this year's marts."))

            parts.append(_quality(con, year, summary, chart, go))
    finally:
        if own:
            con.close()
    title = f"政府信息公开年度报告 {year} · gongkai yearbook"
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            f"<meta name=\"viewport\" content=\"width=device-width\"><title>{_e(title)}</title><style>{_CSS}</style>"
            f"<script type=\"text/javascript\">{get_plotlyjs()}</script></head><body>"
            f"<h1>{_e(title)}</h1><p class=\"note\">Built from the warehouse marts (docs/CONTRACT.md). "
            f"{chart.n} chart(s); every number is as printed, derived from the table's own sums, or read from prose "
            "(see cell_source).</p>" + "".join(parts) + "</body></html>\n")


def _quality(con, year: int, summary: pl.DataFrame, chart, go) -> str:
    out = ["<h2>Quality 数据质量</h2>"]
    st = summary.group_by("parse_status").len().sort("parse_status")
    order = [s for s in labels.PARSE_STATUSES]
    counts = {s: int(n) for s, n in st.iter_rows()}
    cells = _q(con, """SELECT cell_source, count(*) AS cells FROM (
          SELECT cell_source FROM fact_request_handling WHERE report_year = ?
          UNION ALL SELECT cell_source FROM fact_active_disclosure WHERE report_year = ?
          UNION ALL SELECT cell_source FROM fact_review_litigation WHERE report_year = ?) GROUP BY cell_source""",
               [year, year, year])
    by_src = dict(cells.iter_rows())
    fig = go.Figure([go.Bar(name="reports 报告", x=[f"{s}" for s in order], y=[counts.get(s, 0) for s in order],
                            xaxis="x", yaxis="y"),
                     go.Bar(name="cells 单元格", x=[f"{s} {SOURCE_ZH[s]}" for s in labels.CELL_SOURCES],
                            y=[int(by_src.get(s, 0)) for s in labels.CELL_SOURCES], xaxis="x2", yaxis="y2")])
    fig.update_layout(grid={"rows": 1, "columns": 2, "pattern": "independent"}, showlegend=False,
                      xaxis={"title": "parse_status"}, xaxis2={"title": "cell_source"},
                      yaxis={"title": "reports"}, yaxis2={"title": "cells", "type": "log" if by_src else "linear"})
    out.append(chart(fig))
    out.append("<p>" + ", ".join(f"{_e(s)} {counts.get(s, 0)}" for s in order) + " reports; cells "
               + ", ".join(f"{_e(s)} {int(by_src.get(s, 0))}" for s in labels.CELL_SOURCES) + ".</p>")
    f = _q(con, """SELECT coalesce(d.agency_name, '(no agency read)') AS agency, q.source_path, q.severity, q.check_name,
               q.message FROM dq_findings q LEFT JOIN dim_report d ON d.report_id = q.report_id
               WHERE q.report_year = ?""", [year]) if _has(con, "dq_findings") else pl.DataFrame()
    out.append("<h3>Worst findings by agency 问题最多的机关</h3>")
    if not f.height:
        out.append(_empty("No findings this year."))
        return "".join(out)
    f = f.with_columns(cell=pl.col("message").map_elements(finding_location, return_dtype=pl.String))
    per = (f.group_by("agency", "source_path")
           .agg(errors=(pl.col("severity") == "error").sum().cast(pl.Int64), warnings=(pl.col("severity") == "warning")
                .sum().cast(pl.Int64), checks=pl.col("check_name").unique().sort().str.join(", "))
           .sort(["errors", "warnings", "agency", "source_path"], descending=[True, True, False, False]).head(TOP_N))
    out.append(_table(per, ["agency 机关", "file 文件", "errors 错误", "warnings 警告", "checks 检查项"]))
    worst = (f.with_columns(_r=pl.when(pl.col("severity") == "error").then(0).otherwise(1))
             .sort(["_r", "agency", "source_path", "message"]).head(30)
             .select("agency", "source_path", "severity", "check_name", "cell", "message")
             .with_columns(error=pl.when(pl.col("severity") == "error").then(pl.lit("error")).otherwise(None)))
    out.append(_table(worst.drop("error"), ["agency 机关", "file 文件", "severity", "check", "cell 单元格", "message"])
               + f'<p class="note">{f.height} findings in all; the full list is in quality/report_year={year}.html '
                 "and the dq_findings mart.</p>")
    return "".join(out)


def write_yearbook(warehouse: Path, year: int, con=None) -> Path:
    """Write WAREHOUSE/reports/yearbook_YYYY.html (atomic replace) and return its path (`con`: see render_yearbook)."""
    path = yearbook_path(warehouse, year)
    page = render_yearbook(warehouse, year, con)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f".tmp-{os.getpid()}-{path.name}"
    tmp.write_text(page, encoding="utf-8")
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    return path


def write_yearbooks(warehouse: Path, years) -> dict[int, Path | Exception]:
    """Write the page of each year over one shared DuckDB connection: year -> its path, or the exception
    that stopped that page (one page failing never stops the others)."""
    years = [int(y) for y in years]
    if not years:
        return {}
    try:
        con = connect(Path(warehouse))
    except Exception as exc:  # noqa: BLE001 - the caller logs it per year
        return {y: exc for y in years}
    out: dict[int, Path | Exception] = {}
    try:
        for y in years:
            try:
                out[y] = write_yearbook(warehouse, y, con)
            except Exception as exc:  # noqa: BLE001
                out[y] = exc
    finally:
        con.close()
    return out
