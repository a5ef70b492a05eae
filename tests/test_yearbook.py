"""The yearbook pages: written by `gongkai run`, static, no network, every chart drawn in headless Chromium."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from transforms.yearbook import render_yearbook, yearbook_path

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# Page-side probe: every resource the page itself loaded, written into the DOM once it has settled.
PROBE = """<script>window.addEventListener('load', function () { setTimeout(function () {
  var p = document.createElement('pre'); p.id = 'gk-resources';
  p.textContent = JSON.stringify(performance.getEntriesByType('resource').map(function (e) { return e.name; }));
  document.body.appendChild(p); }, 1500); });</script>"""
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--proxy-server=127.0.0.1:9",  # any request would fail
         "--disable-background-networking", "--no-first-run", "--disable-extensions", "--virtual-time-budget=15000"]


@pytest.fixture(scope="module")
def wh(sample_run):
    return sample_run[0]


def test_run_writes_one_page_per_year(wh):
    for year in (2019, 2020):
        assert yearbook_path(wh, year).is_file()


def test_page_is_static_and_deterministic(wh):
    page = yearbook_path(wh, 2019).read_text(encoding="utf-8")
    assert render_yearbook(wh, 2019) == page  # no timestamp, stable chart ids
    # nothing loaded from elsewhere: no external script/style/image/frame references
    assert not re.search(r"<(script|link|img|iframe)[^>]*\s(src|href)=\"(https?:)?//", page)
    assert page.count('<script type="text/javascript">') == 1  # plotly.js once, in the head
    for heading in ("Headline", "Grant rate by level", "Applications per report", "Top 15 agencies",
                    "Year over year", "不予公开的理由", "Quality"):
        assert heading in page


def test_headline_numbers_match_the_marts(wh):
    import polars as pl

    f = pl.read_parquet(wh / "marts" / "fact_request_handling" / "**" / "*.parquet", hive_partitioning=False)
    tot = f.filter((pl.col("report_year") == 2019) & (pl.col("applicant_type") == "total")
                   & (pl.col("outcome") == "new_received"))["count"].sum()
    page = yearbook_path(wh, 2019).read_text(encoding="utf-8")
    row = re.search(r"applications received 本年新收</td><td class=\"n\">([\d,]+)<", page)
    assert row and int(row.group(1).replace(",", "")) == tot


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (apt-get install -y chromium)")
@pytest.mark.parametrize("year", [2019, 2020])
def test_every_chart_draws_offline_in_chromium(wh, year, tmp_path):
    page = yearbook_path(wh, year).read_text(encoding="utf-8")
    probe = tmp_path / f"yearbook_{year}.html"
    probe.write_text(page.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    res = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", probe.as_uri()],
                         capture_output=True, text=True, timeout=180)
    dom = res.stdout
    assert "<body" in dom, res.stderr[-2000:]
    charts = re.findall(r'<div id="(chart-\d+)" class="[^"]*plotly-graph-div[^"]*"', dom)
    n_charts = page.count('class="plotly-graph-div"')
    assert n_charts >= 3 and len(charts) == n_charts, (len(charts), n_charts)
    for i, cid in enumerate(charts):
        start = dom.index(f'id="{cid}"')
        end = dom.index(f'id="{charts[i + 1]}"') if i + 1 < len(charts) else len(dom)
        chunk = dom[start:end]
        assert "main-svg" in chunk, f"{cid} has no SVG: plotly did not draw it"
        assert re.search(r'class="(trace bars|trace|point|bars)', chunk), f"{cid}: SVG without any trace"
    resources = re.search(r'<pre id="gk-resources">(.*?)</pre>', dom, re.S)
    assert resources, "the page's load handler did not run"
    loaded = [u for u in re.findall(r'"([^"]+)"', resources.group(1)) if not u.startswith(("file:", "data:", "blob:"))]
    assert loaded == [], f"the page requested {loaded}"
    shot = tmp_path / f"yearbook_{year}.png"
    subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile2'}", "--window-size=1200,3600",
                    f"--screenshot={shot}", probe.as_uri()], capture_output=True, timeout=180)
    assert shot.is_file() and shot.stat().st_size > 10_000, "no screenshot"
    print(f"screenshot: {shot}")
