"""Converter output and cell notations read back to the shapes the table readers know.

The red-team sets V, W and X (tests/fixtures/redteam_v, _w, _x) hold whole reports in these shapes and
are scored end to end by tests/test_table_shapes.py and the reshape harness; these tests pin each rule
on its own, including what must stay untouched.
"""

from __future__ import annotations

import pytest

from transforms.ingest.converters import read_converter_markup
from transforms.ingest.readers import inline_tables, read_document, text_format
from transforms.normalise import canonical_width, drop_footnote_marks
from transforms.sections import detect_template
from transforms.tables.active_disclosure import header_metrics, item_code, parse_disclosure_table
from transforms.tables.grid import cn_count, parse_cell
from transforms.tables.request_handling import parse_request_table
from transforms.tables.review_litigation import parse_review_table


def test_bare_html_tables_in_markdown_are_tables_and_the_text_around_stays():
    md = ("# 某县2022年政府信息公开工作年度报告\n\n正文一段。\n\n"
          "<html><body><table><tr><td colspan=\"2\">第二十条第（五）项</td></tr>"
          "<tr><td>行政许可</td><td>18342</td></tr></table></body></html>\n\n六、其他需要报告的事项\n")
    assert text_format(md[:4096], ".md") == "md"  # <html><body> that only wrap a table: still markdown
    reading, _ = read_document(md.encode(), ".md")
    assert reading.source_format == "md"
    assert "行政许可\t18342" in reading.text and "colspan" not in reading.text
    assert reading.text.startswith("# 某县2022年") and "六、其他需要报告的事项" in reading.text
    assert inline_tables("<table><tr><td>a") == "<table><tr><td>a"  # never closed: left as text


def test_a_whole_html_page_named_md_is_still_html():
    page = "<html><head><title>t</title></head><body><p>正文</p><table><tr><td>1</td></tr></table></body></html>"
    assert text_format(page, ".md") == "html"


def test_unstructured_category_lines_lose_their_prefixes_and_page_furniture():
    text = ("Title: 长汀县人民政府2020年政府信息公开工作年度报告\nNarrativeText: 本报告…\nPageNumber: 3\n"
            "PageBreak:\nTitle: 一、总体情况\nNarrativeText: 2020年…\n")
    out = read_converter_markup(text)
    assert out.split("\n")[:4] == ["长汀县人民政府2020年政府信息公开工作年度报告", "本报告…", "一、总体情况", "2020年…"]
    one = "Title: 我的笔记\n正文\n"
    assert read_converter_markup(one) == one  # one such line is no element list


def test_doctags_otsl_becomes_tab_separated_rows_with_merged_slots_empty():
    text = ("<doctag><title><loc_1><loc_2>镇江市人民政府2021年政府信息公开工作年度报告</title>\n"
            "<page_header><loc_3>- 2 -</page_header>"
            "<otsl><loc_5><ched>信息内容<ched>本年处理决定数量<lcel><nl><rhed>行政许可<fcel>24618<lcel><nl>"
            "<rhed>规章<ecel><ecel><nl></otsl></doctag>")
    lines = read_converter_markup(text).split("\n")
    assert lines[0] == "镇江市人民政府2021年政府信息公开工作年度报告"
    assert "信息内容\t本年处理决定数量\t" in lines and "行政许可\t24618\t" in lines and "规章\t\t" in lines
    assert not any("- 2 -" in x or "loc_" in x for x in lines)


def test_fenced_json_tables_become_rows_and_null_stays_blank():
    text = ('表格：\n```json\n{"第二十条第（一）项": {"规章": {"本年制发件数": null, "现行有效件数": null},'
            ' "行政规范性文件": {"本年制发件数": 1, "现行有效件数": 6}}}\n```\n'
            '```json\n[{"项目": "一、本年新收政府信息公开申请数量", "自然人": 31, "总计": 43}]\n```\n'
            '```python\nprint(1)\n```\n')
    out = read_converter_markup(text)
    assert "第二十条第（一）项\n\t本年制发件数\t现行有效件数\n规章\t\t\n行政规范性文件\t1\t6\n" in out
    assert "项目\t自然人\t总计\n一、本年新收政府信息公开申请数量\t31\t43\n" in out
    assert "```python\nprint(1)\n```" in out  # not JSON: left as printed
    bad = "```json\n{not json\n```\n"
    assert read_converter_markup(bad) == bad


def test_pp_structure_region_dicts_join_their_lines_and_give_table_html():
    text = ("{'type': 'title', 'res': [{'text': '朱家角镇人民政府2020年政', 'confidence': 0.9}, "
            "{'text': '府信息公开工作年度报告', 'confidence': 0.9}]}\n"
            "{'type': 'footer', 'res': [{'text': '- 1 -'}]}\n"
            "{'type': 'table', 'res': {'html': '<html><body><table><tr><td>规章</td><td>1</td></tr></table></body></html>'}}\n")
    out = read_converter_markup(text)
    assert out.startswith("朱家角镇人民政府2020年政府信息公开工作年度报告\n")
    assert "- 1 -" not in out and "<table><tr><td>规章</td><td>1</td></tr></table>" in out
    assert "<html>" not in out


def test_textract_cell_lists_become_grids_and_a_sparse_one_stays_as_printed():
    cells = "\n".join(f"row {r} col {c}: {v}" for r, c, v in [(1, 1, "信息内容"), (1, 2, ""), (1, 3, "本年处理决定数量"),
                                                            (2, 1, "行政许可"), (2, 2, ""), (2, 3, "5")])
    out = read_converter_markup("Table 1 (page 2): 2 rows x 3 columns\n" + cells + "\n正文\n")
    assert out.split("\n")[:3] == ["信息内容\t\t本年处理决定数量", "行政许可\t\t5", "正文"]
    sparse = "\n".join(f"row {9000 + i} col {900}: {i}" for i in range(4))
    assert read_converter_markup(sparse) == "0\n1\n2\n3"  # no grid of 9003 rows; the markers' digits go
    footer = cells.replace("row 2 col 1", "- 3 -\nrow 2 col 1")
    assert read_converter_markup(footer + "\n正文\n").split("\n")[:4] == [
        "信息内容\t\t本年处理决定数量", "行政许可\t\t5", "- 3 -", "正文"]


def test_marker_row_pairs_split_only_when_numbers_are_stacked():
    md = "| （三）不予公开 | 1.属于国家秘密<br>2.其他法律行政法规禁止公开 | 1<br>0 | 0<br>2 |\n"
    rows = read_converter_markup(md).strip("\n").split("\n")
    assert len(rows) == 2 and "1.属于国家秘密" in rows[0] and "| 0 | 2 |" in rows[1]
    header = "| 结果维持 | 未经复议直接起诉<br>结果维持 | 复议后起诉<br>结果维持 |\n"
    assert read_converter_markup(header) == header  # stacked header words: not two rows


@pytest.mark.parametrize("cell, value", [
    ("20　件", 20), ("0（件）", 0), ("12起", 12), ("18（20.9%）", 18), ("14（-1）", 14), ("0（持平）", 0),
    ("2（已于2022年3月审结）", 2), ("412†", 412), ("41[1]", 41), ("34(1)", 34), ("二十八", 28), ("一〇五", 105),
    ("一百零五", 105), ("十", 10), ("±0", 0), ("$-2$", -2), ("$- 1$", -1),
])
def test_cell_notations_read_as_the_count(cell, value):
    c = parse_cell(cell)
    assert (c.kind, c.value) == ("number", value)


@pytest.mark.parametrize("cell", ["―", "暂无", ":unselected:", "——", "／"])
def test_blank_marks(cell):
    assert parse_cell(canonical_width(cell)).kind == "blank"


@pytest.mark.parametrize("cell", ["12（万元）", "±2", "(3)", "一、", "千", "十十", "1〇9"])
def test_not_a_count(cell):
    assert parse_cell(cell).kind == "text"


def test_chinese_numerals():
    assert [cn_count(s) for s in ("三", "三十五", "二千零二十", "两百", "零", "〇", "十十", "")] == [
        3, 35, 2020, 200, None, None, None, None]


def test_minus_signs_and_footnote_marks_in_the_text():
    assert canonical_width("行政许可  312   –6\t−2\t|—3|") == "行政许可  312   -6\t-2\t|-3|"
    assert canonical_width("2019–2020年 ——2") == "2019–2020年 ——2"  # a range and a double dash stay
    assert drop_footnote_marks("新收\t34⑴\t41¹\n面积2²") == "新收\t34\t41\n面积2"


def test_short_item_labels_only_as_a_whole_cell():
    assert [item_code(x) for x in ("许可", "（二）处罚", "收费", "本年收费金额（单位：万元）")] == [
        "admin_licensing", "admin_penalty", "admin_fees", None]
    assert header_metrics("上年项目数 | 增减 | 决定数") == ["prev_year_items", "change", "decisions"]
    assert header_metrics("项目数 | 总金额（万元）") == ["procurement_items", "procurement_amount_wan_yuan"]


def test_table2_cells_under_their_header_columns():
    centre = ("第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t\t\t\n行政规范性文件\t1\t0\t6\n"
              "第二十条第（五）项\t\t\t\n信息内容\t\t本年处理决定数量\t\n行政许可\t\t0\t\n")
    got = parse_disclosure_table(centre, "2021")
    assert got.cells[("admin_licensing", "decisions")].value == 0
    repeated = ("第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规范性文件\t1\t1\t6\n"
                "第二十条第（九）项\t\t\t\n信息内容\t采购项目数量\t采购总金额\t采购总金额\n政府集中采购\t11\t1286.37\t1286.37\n")
    got = parse_disclosure_table(repeated, "2019")
    assert [got.cells[("centralized_procurement", m)].value
            for m in ("procurement_items", "procurement_amount_wan_yuan")] == [11, 1286.37]


def test_table4_case_order_from_the_header():
    text = ("行政复议\t\t\t\t\t行政诉讼\n维持\t纠正\t其他\t未审结\t合计\t复议后起诉\t\t\t\t\t未经复议直接起诉\n"
            "\t\t\t\t\t维持\t纠正\t其他\t未审结\t合计\t维持\t纠正\t其他\t未审结\t合计\n"
            "7\t2\t1\t3\t13\t2\t0\t0\t1\t3\t4\t1\t0\t2\t7\n")
    got = parse_review_table(text)
    assert got.cells[("litigation_after_review", "total")].value == 3
    assert got.cells[("litigation_direct", "total")].value == 7
    plain = "行政复议 行政诉讼\n复议后起诉 未经复议直接起诉\n7 2 1 3 13 2 0 0 1 3 4 1 0 2 7\n"
    got = parse_review_table(plain)
    assert got.cells[("litigation_after_review", "upheld")].value == 2
    assert got.cells[("litigation_direct", "upheld")].value == 4


def test_table3_transposed_with_a_three_line_header():
    head = ["申请人情况\t\t一、本年新收政府信息公开申请数量\t二、上年结转政府信息公开申请数量\t三、本年度办理结果"
            + "\t" * 20 + "四、结转下年度继续办理",
            "\t\t\t\t（一）予以公开\t（二）部分公开\t（三）不予公开" + "\t" * 8 + "（四）无法提供\t\t\t（五）不予处理"
            + "\t" * 5 + "（六）其他处理\t（七）总计\t",
            "\t" * 6 + "\t".join(["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
                                  "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项",
                                  "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
                                  "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
                                  "5.要求行政机关确认或重新出具已获取信息"]) + "\t\t\t"]
    person = "自然人\t\t" + "\t".join(["5", "1", "2"] + ["0"] * 19 + ["3", "3"])
    firm = "法人或其他组织\t商业企业\t" + "\t".join(["4", "0", "1"] + ["0"] * 19 + ["2", "2"])
    other = "\t其他组织\t" + "\t".join(["1", "0", "0"] + ["0"] * 19 + ["1", "0"])
    got = parse_request_table("\n".join(head + [person, firm, other]) + "\n", "2019")
    assert got.cells[("new_received", "natural_person")].value == 5
    assert got.cells[("new_received", "commercial_enterprise")].value == 4
    assert got.cells[("new_received", "other_org")].value == 1
    assert got.cells[("granted", "commercial_enterprise")].value == 1


def test_template_follows_the_tables_before_the_notice_cited():
    text = ("（国办公开办函〔2021〕30号）\n第二十条第(九)项\n信息内容 项目数 总金额\n（六）其他处理 1 0 0 0 0 0 1\n")
    assert detect_template(text, 2022) == "2019"
    assert detect_template("（国办公开办函〔2021〕30号）\n", 2022) == "2021"
