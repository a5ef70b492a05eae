"""Reading order a converter scrambled, and what PDF producers and scans put in the text layer (red-team sets
AA and AB are the families, in tests/test_table_shapes.py; these are the rules one by one).

- A table whose sums fail across many rows and columns was misread (rows shifted, a column read as a row):
  the cells of those sums are left null, with what was read in the finding; a report's own few typos keep
  their printed cells.
- A table printed right to left (its header too) is read mirrored; table 2 read right to left gives each
  row its numbers from BEFORE its label; labels printed one after another and then numbers that read
  differently row by row and column by column are left null.
- A diagonal watermark's characters are not text of the page; a CJK radical a font maps for a whole
  character is that character; an OCR'd line is laid out by the rulings the scan shows.
"""

from __future__ import annotations

import numpy as np

from transforms.gazetteer import resolve_region
from transforms.ingest import ocr, pdf
from transforms.labels import APPLICANT_CODES
from transforms.normalise import canonical_width
from transforms.repair import repair, request_equations
from transforms.tables.active_disclosure import parse_disclosure_table
from transforms.tables.common import ParsedCell
from transforms.tables.request_handling import OUTCOME_KEYS, parse_request_table
from transforms.tables.review_litigation import parse_review_table


def _table3(rows: dict[str, list]) -> dict:
    return {(o, a): ParsedCell(None if v is None else float(v), "printed" if v is not None else "missing")
            for o, vals in rows.items() for a, v in zip(APPLICANT_CODES, vals)}


def _consistent() -> dict[str, list]:
    rows = {o: [0] * 7 for o in OUTCOME_KEYS if not o.startswith("other_")}
    rows["new_received"] = [20, 4, 1, 0, 2, 1, 28]
    rows["carried_over"] = [2, 0, 0, 0, 0, 0, 2]
    rows["granted"] = [10, 2, 1, 0, 1, 0, 14]
    rows["partially_granted"] = [4, 1, 0, 0, 0, 1, 6]
    rows["unavailable_not_held"] = [6, 1, 0, 0, 1, 0, 8]
    rows["total_processed"] = [20, 4, 1, 0, 2, 1, 28]
    rows["carried_forward"] = [2, 0, 0, 0, 0, 0, 2]
    return rows


def test_a_table_misread_across_rows_and_columns_is_left_null_with_what_was_read() -> None:
    rows = _consistent()
    # a table printed column by column, one number per line, read back seven at a time as rows after one
    # empty cell was lost: many row and column sums fail, and no few cells explain them
    order = list(rows)
    column_major = [rows[o][a] for a in range(7) for o in order]
    column_major.remove(4)  # the cell a converter dropped
    column_major.append(0)
    rows = {o: column_major[7 * i:7 * i + 7] for i, o in enumerate(order)}
    cells = _table3(rows)
    findings = repair(cells, request_equations(cells))
    unreliable = [f for f in findings if f.check_name == "table_unreliable"]
    assert unreliable and "left null (read as" in unreliable[0].message
    assert cells[("granted", "natural_person")].value is None
    assert cells[("granted", "natural_person")].source == "missing"
    read = f"granted.natural_person={rows['granted'][0]:g}"
    assert read in unreliable[0].message  # what was read is kept in the finding


def test_a_report_s_own_few_typos_keep_their_printed_cells() -> None:
    rows = _consistent()
    rows["granted"][0] = 11           # a slipped digit: its row and its column fail
    rows["unavailable_not_held"][6] = 9
    rows["carried_forward"][0] = 3
    cells = _table3(rows)
    findings = repair(cells, request_equations(cells))
    assert any(f.check_name == "table_unreliable" and "kept as read" in f.message for f in findings)
    assert cells[("granted", "natural_person")] == ParsedCell(11.0, "printed")
    assert cells[("unavailable_not_held", "total")] == ParsedCell(9.0, "printed")


def test_table3_printed_right_to_left_is_read_mirrored() -> None:
    text = ("申请人情况\n总计 法人或其他组织 自然人\n其他 法律服务机构 社会公益组织 科研机构 商业企业\n"
            "54 3 3 0 1 6 41 一、本年新收政府信息公开申请数量\n"
            "1 0 0 0 0 1 0 二、上年结转政府信息公开申请数量\n"
            "8 2 0 0 0 1 5 （一）予以公开\n")
    t = parse_request_table(text, "2021")
    got = [t.cells[("new_received", a)].value for a in APPLICANT_CODES]
    assert got == [41, 6, 1, 0, 3, 3, 54]
    assert t.cells[("carried_over", "commercial_enterprise")].value == 1


def test_table4_with_both_header_tiers_printed_right_to_left() -> None:
    words = "总计 尚未审结 其他结果 结果纠正 结果维持"
    text = "\n".join(["行政诉讼 行政复议", "复议后起诉 未经复议直接起诉", words, words, words,
                      "\n".join("0 0 0 0 0 2 0 0 0 2 3 1 0 0 2".split())])
    t = parse_review_table(text)
    assert [t.cells[("admin_review", r)].value for r in ("upheld", "corrected", "other", "pending", "total")] == \
        [2, 0, 0, 1, 3]
    assert t.cells[("litigation_direct", "upheld")].value == 2
    assert t.cells[("litigation_after_review", "total")].value == 0


def test_table2_read_right_to_left_gives_each_label_the_numbers_before_it() -> None:
    text = "\n".join(["第二十条第（一）项", "现行有效件数", "本年废止件数", "本年制发件数", "信息内容",
                      "规章", "9", "0", "2", "行政规范性文件",
                      "第二十条第（五）项", "本年处理决定数量", "信息内容", "7", "行政许可"])
    t = parse_disclosure_table(text, "2021")
    assert [t.cells[("rules", m)].value for m in ("issued", "repealed", "in_force")] == [None, None, None]
    assert [t.cells[("normative_documents", m)].value for m in ("issued", "repealed", "in_force")] == [2, 0, 9]
    assert t.cells[("admin_licensing", "decisions")].value == 7


def test_table2_labels_then_numbers_that_read_two_ways_are_left_null() -> None:
    base = ["第二十条第（五）项", "信息内容", "上一年项目数量", "本年增/减", "处理决定数量", "行政许可",
            "其他对外管理服务事项"]
    t = parse_disclosure_table("\n".join(base + ["64", "12", "0", "1", "1296", "207"]), "2019")
    assert t.cells[("admin_licensing", "prev_year_items")].value is None
    assert any(f.check_name == "rows_pairing_ambiguous" for f in t.findings)


def test_a_blank_mark_among_the_waiting_numbers_shows_the_rows() -> None:
    text = "\n".join(["第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数",
                      "规章", "行政规范性文件", "/", "/", "/", "3", "1", "19"])
    t = parse_disclosure_table(text, "2021")
    assert [t.cells[("normative_documents", m)].value for m in ("issued", "repealed", "in_force")] == [3, 1, 19]


def test_a_radical_a_font_maps_for_a_whole_character_is_that_character() -> None:
    assert canonical_width("上海市\u2ed3宁区\u2ed4户网站") == "上海市长宁区门户网站"
    assert canonical_width("\u2f42\u4ef6") == "文件"  # Kangxi radicals: NFKC already maps them


def test_a_slanted_character_is_no_text_of_the_page() -> None:
    upright = {"object_type": "char", "matrix": (12, 0, 0, 12, 0, 0)}
    vertical = {"object_type": "char", "matrix": (0, 12, -12, 0, 0, 0)}
    diagonal = {"object_type": "char", "matrix": (9.8, 6.9, -6.9, 9.8, 0, 0)}
    assert pdf._axis_aligned(upright) and pdf._axis_aligned(vertical)
    assert not pdf._axis_aligned(diagonal)
    assert pdf._axis_aligned({"object_type": "rect"})


def test_a_street_named_after_a_town_keeps_its_whole_name() -> None:
    region = resolve_region("上海市嘉定区嘉定镇街道办事处")
    assert (region.county, region.township) == ("嘉定区", "嘉定镇街道")


def _ruled_page(columns: list[int], height: int = 200, width: int = 900) -> np.ndarray:
    img = np.full((height, width), 255, dtype=np.uint8)
    for x in columns:
        img[:, x:x + 2] = 0
    return img


def test_ocr_line_is_laid_out_by_the_rulings_of_the_scan() -> None:
    box = lambda x0, y0, x1, y1: [[x0, y0], [x1, y0], [x1, y1], [x0, y1]]
    rulings = [10, 300, 400, 500, 600, 700, 800]
    image = _ruled_page(rulings)
    # a label glued to the first count (区分3), a blank cell, then two counts
    boxes = [box(20, 80, 312, 100), box(520, 80, 540, 100), box(620, 80, 640, 100)]
    text = ocr.boxes_to_text(boxes, ["（二）部分公开（区分3", "1", "4"], image)
    assert text == "（二）部分公开（区分\t3\t\t1\t4\t"
    # without the image (or without rulings) the plain joining is kept
    assert ocr.boxes_to_text(boxes, ["（二）部分公开（区分3", "1", "4"]) == "（二）部分公开（区分3\t1\t4"
    assert ocr.boxes_to_text(boxes, ["（二）部分公开（区分3", "1", "4"], _ruled_page([])) == \
        "（二）部分公开（区分3\t1\t4"
    # a line with no numbers is joined as before
    assert ocr.boxes_to_text([box(20, 80, 200, 100)], ["申请人情况"], image) == "申请人情况"
