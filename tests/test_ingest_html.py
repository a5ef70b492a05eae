"""The lxml HTML reader: columns by cell index (empty <td>s keep their slot), bounded spans, bidi
controls, and a CMS export end to end (258 natural persons stay natural persons)."""

from __future__ import annotations

import html
import shutil
import subprocess
import sys
from pathlib import Path

from transforms.ingest import html_to_text, scan_landing
from transforms.pipeline import run_layers

SHAPES = Path(__file__).parent / "fixtures" / "shapes"


def test_empty_td_and_nbsp_keep_their_slot() -> None:
    doc = ("<table><tr><th>项目</th><th>自然人</th><th>商业企业</th><th>总计</th></tr>"
           "<tr><td>（一）予以公开</td><td>258</td><td></td><td>258</td></tr>"
           "<tr><td>（二）部分公开</td><td>&nbsp;</td><td>3</td><td>3</td></tr></table>")
    assert html_to_text(doc).splitlines() == ["项目\t自然人\t商业企业\t总计", "（一）予以公开\t258\t\t258",
                                              "（二）部分公开\t\t3\t3"]


def test_colspan_and_rowspan_put_text_top_left_and_leave_covered_slots_empty() -> None:
    doc = ("<table><tr><td rowspan=2>三、本年度办理结果</td><td colspan=2>（一）予以公开</td><td>5</td></tr>"
           "<tr><td>（三）不予公开</td><td>1.属于国家秘密</td><td>0</td></tr></table>")
    assert html_to_text(doc).splitlines() == ["三、本年度办理结果\t（一）予以公开\t\t5", "\t（三）不予公开\t1.属于国家秘密\t0"]


def test_a_column_with_no_cell_of_its_own_is_folded_away() -> None:
    # LibreOffice's (and Word's) HTML of a table whose rows' borders almost line up: a grid column
    # that every row covers with a span (行政诉讼 starts there, 复议's 总计 spans it), which would put
    # the litigation numbers one column right of their header words
    doc = ("<table><tr><td colspan=2>行政复议</td><td colspan=5>行政诉讼</td></tr>"
           "<tr><td rowspan=2>结果维持</td><td rowspan=2 colspan=2>总计</td><td colspan=2>未经复议直接起诉</td>"
           "<td colspan=2>复议后起诉</td></tr>"
           "<tr><td>结果维持</td><td>总计</td><td>结果维持</td><td>总计</td></tr>"
           "<tr><td>2</td><td colspan=2>2</td><td>1</td><td>1</td><td></td><td></td></tr></table>")
    assert html_to_text(doc).splitlines() == [
        "行政复议\t\t行政诉讼\t\t\t", "结果维持\t总计\t未经复议直接起诉\t\t复议后起诉\t",
        "\t\t结果维持\t总计\t结果维持\t总计", "2\t2\t1\t1\t\t"]
    # a real column, blank in every data row, under a header of its own, stays
    doc = ("<table><tr><td>项目</td><td>自然人</td><td>科研机构</td><td>总计</td></tr>"
           "<tr><td colspan=2>（一）予以公开 5</td><td></td><td>5</td></tr></table>")
    assert html_to_text(doc).splitlines()[0] == "项目\t自然人\t科研机构\t总计"


def test_hostile_spans_on_a_200x200_table_stay_small() -> None:
    """Peak RSS of a fresh process rendering it (tracemalloc would slow the test 15-fold)."""
    code = (
        "import resource, sys\n"
        "from transforms.ingest import html_to_text\n"
        "row = '<tr>' + ''.join(f'<td colspan=\"100000\" rowspan=\"100000\">{i}</td>' for i in range(200)) + '</tr>'\n"
        "lines = html_to_text('<table>' + row * 200 + '</table>').splitlines()\n"
        "assert lines and all('199' in line for line in lines)  # every cell's text is kept\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=900,
                         cwd=Path(__file__).parents[1])
    assert res.returncode == 0, res.stderr
    assert int(res.stdout.split()[-1]) < 1024 * 1024, res.stdout  # KiB; was 5.2 GB before spans were capped


def test_script_style_nav_dropped_and_bidi_override_does_not_lose_a_value(tmp_path: Path) -> None:
    body = (SHAPES / "tsv_2021_clean.txt").read_text(encoding="utf-8")
    body = body.replace("一、本年新收政府信息公开申请数量\t\t\t66", "一、本年新收政府信息公开申请数量\t\t\t\u202e66\u202c")
    (tmp_path / "in").mkdir()
    page = ("<html><head><style>td{color:red}</style><script>var x = 999;</script></head><body>"
            "<nav>首页 网站地图</nav>" + _tsv_to_html(body) + "</body></html>")
    (tmp_path / "in" / "r.html").write_text(page, encoding="utf-8")
    (row,) = scan_landing(tmp_path / "in")
    assert row.status == "accepted" and row.check_name == "bidi_controls_removed", row.message
    assert "999" not in row.text and "网站地图" not in row.text and "color" not in row.text
    assert "一、本年新收政府信息公开申请数量\t\t\t66\t14" in row.text


def _tsv_to_html(text: str, nbsp_every: int = 2) -> str:
    """A CMS-style export: every TSV slot one <td> (empty ones as <td></td> or &nbsp;), prose as <p>."""
    out, table, k = [], [], 0
    for line in text.splitlines() + [""]:
        if "\t" in line:
            cells = []
            for c in line.split("\t"):
                k += 1
                cells.append(f"<td>{html.escape(c)}</td>" if c else ("<td>&nbsp;</td>" if k % nbsp_every else "<td></td>"))
            table.append("<tr>" + "".join(cells) + "</tr>")
            continue
        if table:
            out.append('<table border="1" style="width:100%">' + "".join(table) + "</table>")
            table = []
        if line.strip():
            out.append(f"<p style='text-indent:2em'>{html.escape(line)}</p>")
    return "\n".join(out)


def test_cms_table_with_empty_cells_keeps_258_in_the_natural_person_column(tmp_path: Path) -> None:
    """Only 自然人 and 总计 are filled (the other applicant columns are empty <td>s): a reader that
    counted non-empty values would put 258 under 商业企业."""
    rows = []
    for line in (SHAPES / "tsv_2021_clean.txt").read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) == 10 and cells[3].isdigit():  # a table-3 data row: labels, 6 applicants, total
            natural = {"27": "258", "69": "300", "66": "297"}.get(cells[3], cells[3])
            cells = cells[:3] + [natural, "", "", "", "", ""] + [natural]
            line = "\t".join(cells)
        if line.startswith("（二）依申请公开"):
            continue  # its prose totals would no longer match the edited table
        rows.append(line)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "cms.html").write_text("<html><body>" + _tsv_to_html("\n".join(rows)) + "</body></html>",
                                              encoding="utf-8")
    layers = run_layers(tmp_path / "in")
    facts = layers["years"][2021]["marts"]["fact_request_handling"]
    cell = {(o, a): (c, s) for o, a, c, s in facts.select("outcome", "applicant_type", "count", "cell_source").iter_rows()}
    assert cell[("granted", "natural_person")] == (258, "printed")
    assert cell[("granted", "total")] == (258, "printed")
    assert cell[("granted", "commercial_enterprise")][0] in (None, 0)
    assert cell[("new_received", "natural_person")] == (297, "printed")
    assert cell[("total_processed", "natural_person")] == (300, "printed")


def test_html_fixtures_render_through_lxml_like_before(tmp_path: Path) -> None:
    """Every HTML fixture still parses to its truth (the full check is tests/test_table_shapes.py);
    here: the renderer gives TSV rows for each, with no markup left."""
    fixtures = sorted(p for p in (Path(__file__).parent / "fixtures").rglob("*.htm*"))
    assert fixtures
    from transforms.ingest.decode import decode_bytes

    for p in fixtures:
        source = decode_bytes(p.read_bytes())[0]  # (red-team AN's pages are GBK whatever their meta says)
        text = html_to_text(source)
        # (a page of CSS-grid <div> "tables" has no <table> and gives lines of cells, no TSV rows)
        assert ("\t" in text or "<table" not in source.lower()) and "<td" not in text.lower() and "</" not in text, p.name
    shutil.rmtree(tmp_path, ignore_errors=True)


def test_zero_width_space_inside_a_number_is_not_a_word_space() -> None:
    # U+200B renders as nothing: a CMS that pastes it into `3​75` prints 375, not "3 75"
    page = "<table><tr><td>一、本年新收政府信息公开申请数量</td><td>3\u200b75</td><td>9\u200b1</td></tr></table>"
    row = next(x for x in html_to_text(page).split("\n") if "本年新收" in x)
    assert row.split("\t")[1:] == ["3\u200b75", "9\u200b1"]


# --- what a browser does not show (red-team U: CMS and portal HTML) ------------------------------

def _cells(html: str) -> list[list[str]]:
    from transforms.ingest.html import html_to_text

    return [line.split("\t") for line in html_to_text(html).split("\n") if "\t" in line]


def test_struck_through_values_are_not_read():
    html = ("<table><tr><td>规章</td><td><del>3</del>5</td><td><s>1</s> 2</td>"
            "<td><span style='text-decoration:line-through'>11</span><span>10</span></td>"
            "<td><strike>7</strike><ins>8</ins></td></tr></table>")
    assert _cells(html) == [["规章", "5", "2", "10", "8"]]


def test_classes_the_pages_style_hides_are_not_read():
    html = ("<html><head><style>.hide{display:none} @media print{.screen{display:none}} td.old , #x {visibility:hidden}"
            "</style></head><body><table><tr><td>规章</td><td><span class='hide'>1</span>2</td>"
            "<td><span class='old'>9</span>3</td><td><span class='screen'>4</span></td><td id='x'>8</td></tr>"
            + "".join(f"<tr><td>行{i}</td><td>{i}</td><td>0</td><td>0</td><td>0</td></tr>" for i in range(8))
            + "</table></body></html>")
    assert _cells(html)[0] == ["规章", "2", "3", "4", ""]


def test_a_page_hidden_by_its_own_style_until_a_script_shows_it_is_read():
    body = "".join(f"<p>第{i}段正文内容。</p>" for i in range(20))
    html = f"<html><head><style>.tab{{display:none}}</style></head><body><div class='tab'>{body}</div></body></html>"
    from transforms.ingest.html import html_to_text

    assert "第19段正文内容" in html_to_text(html)


def test_screen_reader_copies_and_footnote_sups_are_not_read():
    sr = "position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0)"
    html = (f"<table><tr><td>规章</td><td><span aria-hidden='true'>154</span><span class='sr-only'>154件</span></td>"
            f"<td><span aria-hidden='true'>8</span><span style='{sr}'>8项</span></td>"
            "<td>88<sup>1</sup></td><td>3<sup>[2]</sup></td><td>m<sup>2</sup>x</td></tr></table>")
    assert _cells(html) == [["规章", "154", "8", "88", "3", "mx"]]


def test_read_only_form_boxes_show_their_figures():
    html = ("<table><tr><td><input type='hidden' value='3034'>规章</td><td><input type='text' value='12' readonly></td>"
            "<td><textarea readonly>0</textarea></td><td><input value='7'></td>"
            "<td><input type='checkbox' value='1'></td></tr></table>")
    assert _cells(html) == [["规章", "12", "0", "7", ""]]
