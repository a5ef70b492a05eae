"""Tables built of <div>s (red-team AJ/U: modern portals): display:table classes, role=row / cell, flex rows.

Read as text, every cell of a <div> table is a line of its own and an empty cell is no line at all, so a
blank 规章 row could not be told from 行政规范性文件's numbers. The reader turns a box of row <div>s whose
children are leaf cells into a table, empty cells kept.

The family: generated reports (both templates, blank cells included) whose every table is written as
<div>s in three styles; each must read exactly what the same report as tab-separated text reads. And
layout boxes (a nav of link rows, a stats banner with one number) stay text.
"""

from __future__ import annotations

import sys

import html
import random
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scoring import read_cells  # noqa: E402
from transforms.ingest.html import html_to_text
from transforms.synth import build_model, generate, render

STYLE = "<style>.tbl{display:table}.tr{display:table-row}.td{display:table-cell;border:1px solid #000}</style>"


def _row(cells: list[str], style: str) -> str:
    if style == "class":
        inner = "".join(f'<div class="td">{html.escape(c)}</div>' for c in cells)
        return f'<div class="tr">{inner}</div>'
    if style == "role":
        inner = "".join(f'<div role="cell"><span>{html.escape(c)}</span></div>' for c in cells)
        return f'<div role="row">{inner}</div>'
    inner = "".join(f'<span style="flex:1">{html.escape(c)}</span>' for c in cells)
    return f'<div style="display:flex">{inner}</div>'


def as_div_page(tsv: str, style: str) -> str:
    """A TSV rendering as a page: prose lines as <p>, every run of tab lines as one <div> table."""
    out, block = [f"<html><head><meta charset='utf-8'>{STYLE}</head><body><div class='article'>"], []

    def flush() -> None:
        if block:
            out.append(f'<div class="tbl" role="table">{"".join(_row(r, style) for r in block)}</div>')
            block.clear()

    for line in tsv.split("\n"):
        if "\t" in line:
            block.append(line.split("\t"))
        else:
            flush()
            if line.strip():
                out.append(f"<p>{html.escape(line)}</p>")
    flush()
    return "".join(out) + "</div></body></html>"




def test_div_tables_read_as_the_tab_separated_report(tmp_path: Path) -> None:
    styles = ["class", "role", "flex"]
    pairs = []
    for i, t in enumerate(generate(24, seed=41, years=[2020, 2022, 2024])):
        text, _ = render("tsv", build_model(t, random.Random(i)), random.Random(i))
        (tmp_path / f"r{i:02d}_tsv.txt").write_text(text, encoding="utf-8")
        style = styles[i % 3]
        (tmp_path / f"r{i:02d}_{style}.html").write_text(as_div_page(text, style), encoding="utf-8")
        pairs.append((f"r{i:02d}_tsv", f"r{i:02d}_{style}"))
    got = read_cells(tmp_path)
    bad = []
    for a, b in pairs:
        assert sum(v is not None for v in got.get(a, {}).values()) > 150, a
        if got.get(a) != got.get(b):
            bad.append((b, sorted(k for k in set(got.get(a, {})) | set(got.get(b, {}))
                                  if got.get(a, {}).get(k) != got.get(b, {}).get(k))[:3]))
    assert not bad, bad


@pytest.mark.parametrize("page", [
    # a nav of link rows, no numbers
    "<div><div><a href='/'>首页</a><a href='/a'>政务公开</a></div><div><a>机构</a><a>政策</a></div>"
    "<div><a>服务</a><a>互动</a></div></div>",
    # a stats banner: one number in one row only
    "<div><div><span>访问量</span><span>12345</span></div><div><span>今日</span><span>更新</span></div>"
    "<div><span>主办</span><span>区政府</span></div></div>",
])
def test_layout_boxes_stay_text(page: str) -> None:
    assert "\t" not in html_to_text(f"<html><body>{page}</body></html>")
