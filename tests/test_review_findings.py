"""White-box review: inputs for which a number once came out wrong, invented or dropped.

A reviewer who read the parser wrote each of these as a failing test; every one now passes and
guards its fix (the right value, or None with a finding). The last three lock in tricky cases
that always worked.
"""

import pytest

from transforms.narrative import check_received, fill_disclosure_from_prose, fill_review_from_prose
from transforms.repair import repair, request_equations, review_equations
from transforms.tables.active_disclosure import parse_disclosure_table
from transforms.tables.common import ParsedCell
from transforms.tables.request_handling import parse_request_table
from transforms.tables.review_litigation import parse_review_table
from transforms.typed import parse_tables


def _vals(cells, row):
    return {k[1]: (v.value, v.source) for k, v in cells.items() if k[0] == row}


# --------------------------------------------------------------------------------------------
# Wrong or invented numbers
# --------------------------------------------------------------------------------------------


def test_glued_blank_dash_in_change_column_is_not_a_minus_sign():
    t2 = ("第二十条第(五)项\n信息内容 上一年项目数量 本年增/减 处理决定数量\n"
          "行政许可150-200\n其他对外管理服务事项000\n第二十条第(一)项\n规章000\n")
    got = _vals(parse_disclosure_table(t2, "2019").cells, "admin_licensing")
    # '150-200' can be 150 | blank | 200 as well as 150 | -20 | 0: change and decisions are not pinned
    assert got["change"][0] in (None,) and got["decisions"][0] in (None, 200.0)


def test_no_correction_sentence_does_not_mean_no_cases():
    prose = "本机关不存在因政府信息公开工作被行政复议纠错、行政诉讼败诉的情况。"
    text = f"一、总体情况\n{prose}\n四、因政府信息公开工作被申请行政复议、提起行政诉讼情况\n(表格见附件)\n五、存在的主要问题及改进情况\n无。\n"
    t = parse_tables(text, {1: prose, 4: "(表格见附件)", 5: "无。"}, "2019", 2020)
    assert t.review.cells.get(("admin_review", "total"), ParsedCell(None, "missing")).value is None
    assert any(f.check_name == "table_missing" and "table 4" in f.message for f in t.findings)


def test_no_review_but_one_lawsuit_does_not_zero_litigation():
    cells: dict = {}
    fill_review_from_prose(cells, "2020年,本机关未发生政府信息公开行政复议案件,发生行政诉讼案件1件。")
    assert cells.get(("litigation_direct", "total"), ParsedCell(None, "missing")).value in (None, 1.0)
    assert cells.get(("litigation_after_review", "total"), ParsedCell(None, "missing")).value is None


def test_transposed_table4_with_total_first_column():
    t4 = ("类别\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\n"
          "行政复议\t2\t1\t1\t0\t0\n"
          "未经复议直接起诉\t1\t0\t0\t0\t1\n"
          "复议后起诉\t0\t0\t0\t0\t0\n")
    p = parse_review_table(t4)
    assert _vals(p.cells, "litigation_direct")["pending"][0] == 1.0
    assert _vals(p.cells, "litigation_direct")["upheld"][0] == 0.0
    assert _vals(p.cells, "admin_review")["total"][0] == 2.0


def test_amount_header_in_yuan_is_converted_or_abstained():
    t2 = ("第二十条第(九)项\n信息内容\t采购项目数量\t采购总金额(元)\n政府集中采购\t12\t1234567\n"
          "第二十条第(八)项\n信息内容\t上一年项目数量\t本年增/减\n行政事业性收费\t3\t0\n")
    v = parse_disclosure_table(t2, "2019").cells[("centralized_procurement", "procurement_amount_wan_yuan")].value
    assert v in (None, 123.4567)


def test_decentralised_procurement_amount_is_not_centralised():
    cells = {("centralized_procurement", "procurement_items"): ParsedCell(12, "printed"),
             ("centralized_procurement", "procurement_amount_wan_yuan"): ParsedCell(None, "blank")}
    fill_disclosure_from_prose(cells, "本年度政府集中采购项目12项,部门分散采购总金额为300万元。")
    assert cells[("centralized_procurement", "procurement_amount_wan_yuan")].value is None


def test_received_channel_subcount_is_not_the_total():
    cells = {("new_received", "total"): ParsedCell(None, "blank")}
    check_received(cells, "本年度政府信息公开申请数量为20件,其中通过网站收到申请15件,信函申请5件。")
    assert cells[("new_received", "total")].value in (None, 20.0)


def test_received_last_years_count_is_not_this_years():
    cells = {("new_received", "total"): ParsedCell(None, "missing")}
    check_received(cells, "与上年收到政府信息公开申请18件相比,本年度申请量有所增长。")
    assert cells[("new_received", "total")].value is None


def test_plain_row_with_collapsed_blank_cells_is_not_shifted_right():
    t3 = ("本年新收政府信息公开申请数量 12 3 15\n上年结转政府信息公开申请数量 2 2\n"
          "(一)予以公开 10 3 13\n(四)无法提供 1.本机关不掌握相关政府信息 2 2\n"
          "(七)总计 12 3 15\n四、结转下年度继续办理 2 2\n")
    p = parse_request_table(t3, "2019", 2020)
    repair(p.cells, request_equations(p.cells))
    g = _vals(p.cells, "granted")
    assert g["natural_person"][0] in (None, 10.0)
    assert g["legal_service_org"][0] in (None, 0.0)


def test_table4_plain_row_missing_one_cell_is_not_silently_shifted():
    t4 = ("行政复议 行政诉讼\n结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉\n"
          "1 1 0 2 0 0 0 0 0 0 0 0 0 0\n")
    p = parse_review_table(t4)
    repair(p.cells, review_equations(p.cells))
    r = _vals(p.cells, "admin_review")
    assert r["upheld"][0] in (None, 1.0)
    assert p.findings  # a lost cell is never silent


def test_glued_procurement_not_chosen_by_unrelated_savings_sentence():
    t2 = "第二十条第(九)项\n信息内容 采购项目数量 采购总金额\n政府集中采购1227863.45\n第二十条第(一)项\n规章000\n"
    p = parse_disclosure_table(t2, "2019", "本年度政府采购节约资金122万元。")
    assert p.cells[("centralized_procurement", "procurement_items")].value is None
    assert p.cells[("centralized_procurement", "procurement_amount_wan_yuan")].value is None


# --------------------------------------------------------------------------------------------
# Printed numbers dropped
# --------------------------------------------------------------------------------------------


def test_repeated_table2_header_keeps_printed_cells():
    t2 = ("第二十条第(一)项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n"
          "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t2\t2\t15\n规范性文件\t5\t5\t40\n")
    p = parse_disclosure_table(t2, "2019")
    assert p.cells[("rules", "total_published")].value == 15
    assert p.cells[("normative_documents", "new_made")].value == 5


# --------------------------------------------------------------------------------------------
# Tricky cases verified to work (locked in)
# --------------------------------------------------------------------------------------------


def test_amount_cell_in_yuan_is_converted_and_spaced_dash_is_blank():
    t2 = ("第二十条第(九)项\n信息内容\t采购项目数量\t采购总金额\n政府集中采购\t12\t1234567元\n"
          "第二十条第(五)项\n信息内容 上一年项目数量 本年增/减 处理决定数量\n行政许可 150 - 200\n")
    p = parse_disclosure_table(t2, "2019")
    assert p.cells[("centralized_procurement", "procurement_amount_wan_yuan")].value == pytest.approx(123.4567)
    assert _vals(p.cells, "admin_licensing") == {
        "prev_year_items": (150.0, "printed"), "change": (None, "blank"), "decisions": (200.0, "printed")}


def test_glued_dash_in_unsigned_table3_row_abstains():
    t3 = ("本年新收政府信息公开申请数量 5 0 0 0 0 0 5\n上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n"
          "(一)予以公开50-0000-5\n(七)总计 5 0 0 0 0 0 5\n四、结转下年度继续办理 0 0 0 0 0 0 0\n")
    p = parse_request_table(t3, "2019", 2020)
    assert all(p.cells[("granted", a)].value is None for a in ("natural_person", "commercial_enterprise"))
    assert any(f.check_name == "glued_unreadable" for f in p.findings)


def test_no_review_sentence_with_blank_table_fills_zeros_but_flags_disagreement():
    cells = {("admin_review", "upheld"): ParsedCell(1.0, "printed"),
             ("admin_review", "total"): ParsedCell(None, "blank")}
    f = fill_review_from_prose(cells, "本年度未发生因政府信息公开引起的行政复议、行政诉讼案件。")
    assert cells[("litigation_direct", "total")] == ParsedCell(0.0, "narrative")
    assert cells[("admin_review", "upheld")].value == 1.0
    assert any(x.check_name == "prose_table_disagree" for x in f)
