"""Unit tests for the table building blocks: cells, rows, glued digits, label matching, repair, prose."""

import pytest

from transforms.narrative import check_received, fill_disclosure_from_prose, fill_review_from_prose
from transforms.repair import repair, request_equations, review_equations
from transforms.tables.active_disclosure import parse_disclosure_table
from transforms.tables.common import ParsedCell, match_label
from transforms.tables.glue import readings
from transforms.tables.grid import fit_values, line_rows, parse_cell
from transforms.tables.request_handling import OUTCOME_KEYS, EXCLUDE, parse_request_table
from transforms.tables.review_litigation import parse_review_table
from transforms.labels import APPLICANT_CODES


def test_cells_read_signs_units_and_blanks():
    assert parse_cell("减 45").value == -45
    assert parse_cell("增 3").value == 3
    assert (parse_cell("45996.82万元").value, parse_cell("45996.82万元").unit) == (45996.82, "万元")
    assert parse_cell("1,286").value == 1286
    for blank in ("", "/", "—", "-", "——"):
        assert parse_cell(blank).kind == "blank"
    assert parse_cell("(一) 予以公开").kind == "text"


def test_plain_line_keeps_label_and_values_and_prose_stays_prose():
    (row,) = line_rows(0, "1.属于国家秘密 0 0 0 0 0 0 7")
    assert row.label == "1.属于国家秘密" and [c.value for c in row.values][-1] == 7
    (prose,) = line_rows(0, "2019年,共受理政府信息公开申请5件,已全部办结")
    assert prose.values == []


def test_glued_line_splits_rows_and_item_numbers():
    rows = line_rows(0, "4.无正当理由大量反复申请00000005.要求行政机关确认或重新出具已获取信息0000000")
    assert [(r.label, [c.raw for c in r.values]) for r in rows] == [
        ("4.无正当理由大量反复申请", ["0000000"]), ("5.要求行政机关确认或重新出具已获取信息", ["0000000"])]


def test_short_rows_lose_cells_on_the_left_and_padding_is_dropped():
    cells = [parse_cell(x) for x in ["", "", "2", "0", "0", "0", "0", "5"]]
    fitted, note = fit_values(cells, 7)
    assert [c.raw if c else None for c in fitted] == ["", "2", "0", "0", "0", "0", "5"]
    fitted, note = fit_values([parse_cell(x) for x in ["2", "0", "5"]], 7)
    assert fitted[:4] == [None] * 4 and "lost 4" in note


def test_glued_readings_respect_signs_decimals_and_leading_zeros():
    assert (312.0, -5.0, 2841.0) in readings("312-52841", 3, signed=frozenset({1}))
    assert all(r[1] < 0 for r in readings("312-52841", 3, signed=frozenset({1})))
    assert readings("27863.45", 2, decimal=frozenset({1})) == [(2.0, 7863.45), (27.0, 863.45), (278.0, 63.45), (2786.0, 3.45)]
    assert (0.0, 0.0, 0.0) in readings("000", 3) and len(readings("000", 3)) == 1
    assert all(len(r) == 3 for r in readings("454545", 3))


def test_labels_match_through_ocr_typos_but_not_across_rows():
    assert match_label("予以公幵", OUTCOME_KEYS, EXCLUDE) == "granted"  # one wrong character
    assert match_label("公开", OUTCOME_KEYS, EXCLUDE) is None
    assert match_label("(一)予以公幵", OUTCOME_KEYS, EXCLUDE) == "granted"
    assert match_label("(三)不予公开", OUTCOME_KEYS, EXCLUDE) is None
    assert match_label("属于三类内部事物信息", OUTCOME_KEYS, EXCLUDE) == "withheld_internal_affairs"
    assert match_label("1.申请人无正当理由逾期不补正、行政机关不再处理", OUTCOME_KEYS, EXCLUDE) == "other_no_correction"


def _table3(rows: dict[str, list]) -> dict:
    cells = {}
    for o, vals in rows.items():
        for a, v in zip(APPLICANT_CODES, vals):
            cells[(o, a)] = ParsedCell(v, "printed") if v is not None else ParsedCell(None, "missing")
    return cells


def test_repair_derives_only_what_the_sums_pin_down():
    rows = {o: [0] * 7 for o in OUTCOME_KEYS if not o.startswith("other_")}
    rows["new_received"] = [3, 2, 0, 0, 0, 0, 5]
    rows["granted"] = [None, None, 0, 0, 0, 0, 4]
    rows["not_processed_petition"] = [0, 1, 0, 0, 0, 0, 1]
    rows["total_processed"] = [None, 2, 0, 0, 0, 0, 5]
    cells = _table3(rows)
    assert repair(cells, request_equations(cells)) == []
    assert cells[("granted", "natural_person")] == ParsedCell(3.0, "derived")
    assert cells[("granted", "commercial_enterprise")] == ParsedCell(1.0, "derived")
    assert cells[("total_processed", "natural_person")] == ParsedCell(3.0, "derived")


def test_repair_leaves_underdetermined_cells_null():
    rows = {o: [0] * 7 for o in OUTCOME_KEYS if not o.startswith("other_")}
    rows["new_received"] = [3, 2, 0, 0, 0, 0, 5]
    rows["total_processed"] = [3, 2, 0, 0, 0, 0, 5]
    rows["granted"] = [None, None, 0, 0, 0, 0, 4]
    rows["partially_granted"] = [None, None, 0, 0, 0, 0, 1]
    cells = _table3(rows)
    repair(cells, request_equations(cells))
    assert cells[("granted", "natural_person")].value is None  # 3+0 or 2+1: two answers


def test_printed_contradiction_is_a_warning_and_stays():
    cells = {("admin_review", r): ParsedCell(v, "printed") for r, v in
             zip(("upheld", "corrected", "other", "pending", "total"), (0, 0, 0, 1, 0))}
    findings = repair(cells, review_equations(cells))
    assert cells[("admin_review", "total")].value == 0
    assert findings and "difference" in findings[0].message


def test_prose_fills_empty_table4_and_flags_disagreement():
    cells = {}
    fill_review_from_prose(cells, "不存在因政府信息公开行政复议及行政诉讼情况。")
    assert len(cells) == 15 and {c.source for c in cells.values()} == {"narrative"}
    cells = {("admin_review", "total"): ParsedCell(2, "printed")}
    found = fill_review_from_prose(cells, "未发生因政府信息公开申请行政复议、提起行政诉讼情况")
    assert found and found[0].check_name == "prose_table_disagree"


def test_prose_fills_procurement_items_but_never_overwrites():
    cells = {("centralized_procurement", "procurement_items"): ParsedCell(None, "missing"),
             ("centralized_procurement", "procurement_amount_wan_yuan"): ParsedCell(45996.82, "printed")}
    fill_disclosure_from_prose(cells, "政府集中采购事项101项,采购总金额45996.82万元")
    assert cells[("centralized_procurement", "procurement_items")] == ParsedCell(101.0, "narrative")
    cells = {("new_received", "total"): ParsedCell(4, "printed")}
    assert check_received(cells, "共收到政府信息公开申请5件")[0].check_name == "prose_table_disagree"


def test_disclosure_row_that_lost_a_cell_is_placed_only_with_evidence():
    text = "信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政强制\t29\t517\n规章\t0\t0\t0"
    # which column lost its cell is unknown: no guess (the lost cell need not be 本年增/减)
    t = parse_disclosure_table(text, "2019")
    assert all(t.cells[("admin_coercion", m)].value is None for m in ("prev_year_items", "change", "decisions"))


def test_money_in_yuan_is_stored_in_wan_yuan():
    t = parse_disclosure_table("行政事业性收费\t38000元\n规章\t1\t1\t1", "2021")
    assert t.cells[("admin_fees", "fee_amount_wan_yuan")].value == 3.8


def test_request_table_row_without_label_is_placed_by_position():
    text = "一、本年新收\t1\t0\t0\t0\t0\t0\t1\n二、上年结转\t0\t0\t0\t0\t0\t0\t0\n三、\t1\t0\t0\t0\t0\t0\t1\n(二)部分公开\t0\t0\t0\t0\t0\t0\t0"
    t = parse_request_table(text, "2019")
    assert t.cells[("granted", "total")].value == 1
    assert any(f.check_name == "row_label_inferred" for f in t.findings)


def test_review_table_header_without_data_is_missing_not_zero():
    t = parse_review_table("行政复议\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计")
    assert t.found and {c.source for c in t.cells.values()} == {"missing"}


def test_request_columns_follow_a_header_that_reorders_them():
    text = ("申请人情况\t自然人\t法人或其他组织\t\t\t\t\t总计\n"
            "\t\t科研机构\t商业企业\t社会公益组织\t法律服务机构\t其他\t\n"
            "一、本年新收\t5\t1\t2\t0\t0\t0\t8\n二、上年结转\t0\t0\t0\t0\t0\t0\t0\n(一)予以公开\t5\t1\t2\t0\t0\t0\t8")
    t = parse_request_table(text, "2019")
    assert t.cells[("new_received", "research_institution")].value == 1
    assert t.cells[("new_received", "commercial_enterprise")].value == 2
    assert any(f.check_name == "column_order_from_header" for f in t.findings)


def test_disclosure_sanity_rules_warn_without_changing_values():
    t = parse_disclosure_table("信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t1\t5\t3\n规范性文件\t0\t0\t0", "2019")
    assert t.cells[("rules", "new_published")].value == 5
    msgs = [f.message for f in t.findings if f.check_name == "disclosure_sanity"]
    assert any("exceeds the total" in m for m in msgs) and any("exceeds made" in m for m in msgs)


def test_a_cell_that_is_not_a_count_is_reported_not_dropped():
    t = parse_request_table("一、本年新收\t1\t0\t0\t0\t0\t0\t1\n二、上年结转\t0\t-3\t0\t0\t0\t0\t0\n(一)予以公开\t1\t0\t0\t0\t0\t0\t1", "2019")
    assert t.cells[("carried_over", "commercial_enterprise")].source in ("missing", "derived")
    assert any(f.check_name == "cell_unreadable" and "'-3'" in f.message for f in t.findings)


def test_short_row_is_not_right_aligned_when_that_breaks_its_total():
    text = "一、本年新收\t3\t2\t0\t0\t0\t0\n二、上年结转\t0\t0\t0\t0\t0\t0\t0\n(一)予以公开\t3\t2\t0\t0\t0\t0\t5"
    t = parse_request_table(text, "2019")
    # right-aligned it would read np=?, c=3, …, total=0 (parts exceed the total): only left-aligned fits
    assert [t.cells[("new_received", a)].value for a in APPLICANT_CODES[:2]] == [3, 2]
    assert t.cells[("new_received", "total")].value is None
    assert any(f.check_name == "row_cells_placed" for f in t.findings)


def test_prose_totals_are_cross_checked_only_in_their_own_context():
    from transforms.narrative import cross_check
    cells = {("total_processed", "total"): ParsedCell(5, "printed"), ("carried_forward", "total"): ParsedCell(0, "printed")}
    hotline = "县长信箱共收到来信196件,已办结189件。"
    assert cross_check(cells, hotline, "table 3") == []
    found = cross_check(cells, "全年依申请公开办结7件,结转下年度继续办理1件。", "table 3")
    assert {f.message.split(" but ")[1] for f in found} == {"table 3 total_processed.total = 5",
                                                           "table 3 carried_forward.total = 0"}


@pytest.mark.parametrize("zero", ["0.", "O.", "o."])
def test_an_ocr_zero_with_a_speck_is_zero_and_an_item_number_is_not_a_count(zero):
    from transforms.tables.grid import parse_cell

    assert (parse_cell(zero).kind, parse_cell(zero).value) == ("number", 0.0)
    assert parse_cell("1.").kind == "text"  # '1.' numbers a row; it never becomes a count


@pytest.mark.parametrize("raw,value", [("-1,203", -1203.0), ("+2,500", 2500.0), ("减少1,000", -1000.0), ("1,354", 1354.0)])
def test_signed_numbers_with_thousands_separators(raw, value):
    assert parse_cell(raw).value == value


def test_a_merged_cell_repeated_by_the_exporter_is_one_value():
    text = "信息内容\t本年处理决定数量\t本年处理决定数量\t本年处理决定数量\n行政许可\t23518\t23518\t23518\n规章\t1\t0\t9"
    t = parse_disclosure_table(text, "2021")
    assert t.cells[("admin_licensing", "decisions")].value == 23518


def test_a_header_unit_names_the_amount_column_only():
    text = "第二十条第(九)项\t\t\n信息内容\t采购项目数量\t采购总金额(元)\n政府集中采购\t11\t3456789.12\n规章\t0\t0\t0"
    t = parse_disclosure_table(text, "2019")
    assert t.cells[("centralized_procurement", "procurement_items")].value == 11
    assert t.cells[("centralized_procurement", "procurement_amount_wan_yuan")].value == 345.678912


@pytest.mark.parametrize("sentence", ["表中各项数据均为0。", "表中数据均为0。", "表内各项指标均为零。"])
def test_a_table_printed_empty_under_an_all_zero_sentence_is_zeros(sentence):
    from transforms.typed import parse_tables

    t3 = ("(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)\t申请人情况\n"
          "一、本年新收政府信息公开申请数量\t\t\t\t\t\t\t\n二、上年结转政府信息公开申请数量\t\t\t\t\t\t\t\n"
          "(一)予以公开\t\t\t\t\t\t\t\n(七)总计\t\t\t\t\t\t\t\n四、结转下年度继续办理\t\t\t\t\t\t\t")
    sec = sentence + "\n" + t3
    t = parse_tables(sec, {3: sec}, "2019", 2021)
    vals = {c.value for c in t.request.cells.values()}
    assert vals == {0.0} and any(f.check_name == "table_zero_by_statement" for f in t.findings)
    t = parse_tables(t3, {3: t3}, "2019", 2021)  # without the sentence the cells stay empty
    assert all(c.value is None for c in t.request.cells.values())


def test_a_second_page_grid_with_padding_before_and_a_blank_total_after_is_not_shifted():
    head = "申请人情况\t\t\t\t\t\t\t\n\t自然人\t法人或其他组织\t\t\t\t\t总计\n\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\n"
    rows = ("一、本年新收政府信息公开申请数量\t37\t6\t0\t0\t0\t0\t\n"
            "三、本年度办理结果\t（一）予以公开\t\t18\t2\t0\t0\t0\t0\t\n"
            "\t（二）部分公开\t\t1\t0\t0\t0\t0\t0\t\n（七）总计\t\t\t19\t2\t0\t0\t0\t0\t\n")
    t = parse_request_table(head + rows, "2019")
    for (code, appl), cell in t.cells.items():
        if code == "granted" and cell.value is not None:
            assert cell.value == {"natural_person": 18, "commercial_enterprise": 2}.get(appl, 0), (appl, cell)


def test_a_digit_before_a_list_mark_numbers_the_next_row_only_when_a_label_follows() -> None:
    from transforms.tables.grid import _plain_segments

    # `16、(二)…`: a flattened PDF layout puts the vertical label's 、 after the row total
    assert _plain_segments("(一)予以公开11 3 0 0 2 0 16、(二)部分公开10 0 0 0 1 0 11")[0][1][-1] == "16"
    # `…00000002.重复申请`: crawler glue, the 2 numbers the next row
    assert _plain_segments("1.信访举报投诉类申请00000002.重复申请0000000") == [
        ("1.信访举报投诉类申请", ["0000000"]), ("2.重复申请", ["0000000"])]
    assert _plain_segments("1.信访举报投诉类申请0000000 2. 重复申请0000000")[1][0] == "2. 重复申请"


def test_a_row_printed_one_cell_per_line_that_lost_a_cell_keeps_its_own_cells():
    # label, then its numbers one per line: a row that lost a cell (here 上年结转's 总计) ends at the next
    # label; it never takes the next row's numbers, which would shift every row after it
    rows = [("一、本年新收政府信息公开申请数量", [5, 1, 0, 0, 0, 0, 6]), ("二、上年结转政府信息公开申请数量", [0, 2, 0, 0, 0, 0]),
            ("（一）予以公开", [3, 1, 0, 0, 0, 0, 4]), ("（二）部分公开", [1, 0, 0, 0, 0, 0, 1])]
    text = "\n".join(f"{label}\n" + "\n".join(map(str, vals)) for label, vals in rows)
    t = parse_request_table(text, "2021")
    assert [t.cells[("granted", a)].value for a in APPLICANT_CODES] == [3, 1, 0, 0, 0, 0, 4]
    assert [t.cells[("partially_granted", a)].value for a in APPLICANT_CODES] == [1, 0, 0, 0, 0, 0, 1]
    assert t.cells[("carried_over", "total")].value is None  # lost: null here, pinned by repair later


def test_a_glued_disclosure_row_in_a_table_that_prints_blanks_as_nothing_is_not_split():
    # 规范性文件 prints two numbers for three columns: this text drops blank cells, so 行政处罚's lone 213
    # may be one cell or three glued ones; nothing is guessed
    text = "信息内容 本年新制作数量 本年新公开数量 对外公开总数量\n规章\n规范性文件 1 4\n" \
           "信息内容 上一年项目数量 本年增/减 处理决定数量\n行政处罚 213\n行政强制 12 0 30"
    t = parse_disclosure_table(text, "2019")
    assert [t.cells[("admin_penalty", m)].value for m in ("prev_year_items", "change", "decisions")] == [None] * 3
    assert any(f.check_name == "glued_blanks_dropped" for f in t.findings)
    assert [t.cells[("admin_coercion", m)].value for m in ("prev_year_items", "change", "decisions")] == [12, 0, 30]
    # with every row printed in full, a glued run is read as its one reading
    full = "信息内容 上一年项目数量 本年增/减 处理决定数量\n行政处罚 213\n行政强制 12 0 30\n规章 0 0 0"
    t = parse_disclosure_table(full, "2019")
    assert [t.cells[("admin_penalty", m)].value for m in ("prev_year_items", "change", "decisions")] == [2, 1, 3]


def test_an_ocr_misread_where_a_row_and_a_column_fail_is_left_to_the_sums():
    from transforms.repair import ocr_misreads

    rows = {o: [0] * 7 for o in OUTCOME_KEYS if not o.startswith("other_")}
    rows["new_received"] = [12, 2, 0, 0, 0, 0, 14]
    rows["granted"] = [3, 1, 0, 0, 0, 0, 4]
    rows["partially_granted"] = [6, 1, 0, 0, 0, 0, 10]  # OCR read the 9 as 6: the row and its column fail
    rows["total_processed"] = [12, 2, 0, 0, 0, 0, 14]
    cells = _table3(rows)
    found = ocr_misreads(cells, request_equations(cells))
    assert [f.check_name for f in found] == ["ocr_misread_suspected"] and "OCR read 6" in found[0].message
    repair(cells, request_equations(cells))
    assert cells[("partially_granted", "natural_person")] == ParsedCell(9.0, "derived")
    # two misreads: two rows and two columns fail, and they meet in four cells: nothing is doubted
    rows["granted"] = [5, 1, 0, 0, 0, 0, 4]
    rows["partially_granted"] = [9, 3, 0, 0, 0, 0, 10]
    cells = _table3(rows)
    assert ocr_misreads(cells, request_equations(cells)) == []
    assert cells[("granted", "natural_person")] == ParsedCell(5.0, "printed")
    # a single failing sum (the column's 总计 is lost) says which sum, not which cell
    rows["granted"], rows["partially_granted"] = [3, 1, 0, 0, 0, 0, 4], [6, 1, 0, 0, 0, 0, 10]
    rows["total_processed"] = [None, 2, 0, 0, 0, 0, 14]
    cells = _table3(rows)
    assert ocr_misreads(cells, request_equations(cells)) == []


def test_a_narrow_label_column_printed_under_its_number_row_names_the_row():
    # OCR of a narrow label cell: its first characters on the number line, the rest a few per line
    text = "\n".join([
        "一、本年新收政府信息公开申请数量\t5\t1\t0\t0\t0\t0\t6", "二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0",
        "(三)不\t1. 属于国\t0\t0\t0\t0\t0\t0\t0", "予公开\t家秘密",
        "2. 其他法\t1\t0\t0\t0\t0\t0\t1", "律行政法", "规禁止公", "开",
        "3.危\t2\t0\t0\t0\t0\t0\t2", "及“三安", "全一稳", "定”"])
    t = parse_request_table(text, "2021")
    assert t.cells[("withheld_prohibited_by_law", "natural_person")].value == 1
    assert t.cells[("withheld_three_safeties", "total")].value == 2
    assert t.cells[("withheld_state_secret", "total")].value == 0


def test_an_item_number_cut_from_its_label_is_no_row_of_numbers():
    # PDF text: the numbers above their label, and the label's item number cut off on the line before
    # (`三、本年度办理结果 1` / `.本机关不掌握相关政` / `府信息`): the `1` is no cell, and the label does
    # not take the next row's numbers
    text = "\n".join(["一、本年新收政府信息公开申请数量 20 3 23", "13 3 2 18", "三、本年度办理结果 1",
                      ".本机关不掌握相关政", "府信息", "4 4", "（四）无法提供 2.没", "有现成信息需要另行制", "作"])
    t = parse_request_table(text, "2021")
    got = [t.cells.get(("unavailable_not_held", a), ParsedCell(None, "missing")).value for a in APPLICANT_CODES]
    assert 1 not in got
    needs = [t.cells.get(("unavailable_needs_creation", a), ParsedCell(None, "missing")).value for a in APPLICANT_CODES]
    assert 13 not in needs and 18 not in needs


@pytest.mark.parametrize("raw,value", [("12*", 12), ("46※", 46), ("1注", 1), ("5注1", 5), ("8（注）", 8),
                                       ("3#", 3), ("6231.7*", 6231.7), ("12 *", 12)])
def test_a_number_with_a_footnote_mark_is_the_number(raw, value):
    c = parse_cell(raw)
    assert (c.kind, c.value) == ("number", value)


@pytest.mark.parametrize("raw", ["*12", "注", "*", "12a"])
def test_a_mark_alone_or_before_is_no_number(raw):
    assert parse_cell(raw).kind == "text"


def test_a_marked_total_keeps_its_row_in_place():
    head = "\t\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计"
    text = "\n".join([head, "一、本年新收政府信息公开申请数量\t\t8\t4\t0\t0\t0\t0\t12*",
                      "二、上年结转政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0",
                      "三、本年度办理结果\t（一）予以公开\t8\t4\t0\t0\t0\t0\t12"])
    t = parse_request_table(text, "2021")
    assert [t.cells[("new_received", a)].value for a in APPLICANT_CODES] == [8, 4, 0, 0, 0, 0, 12]


def test_glued_digits_agree_only_with_a_reading_of_them():
    from transforms.tables.glue import agrees

    assert agrees("92101023", 7, {6: 23})
    assert not agrees("92101023", 7, {6: 13})  # no cut ends in 13
    assert agrees("913101014", 7, {0: 9}) and agrees("913101014", 7, {1: 3})
    assert not agrees("913101014", 7, {0: 9, 1: 3})  # 9 and 3 together are no cut
    assert not agrees("1", 7, {})


def test_sums_that_contradict_a_glued_row_derive_nothing():
    from transforms.repair import glued_digits_hold

    cells = {("total_processed", a): ParsedCell(v, "derived") for a, v in zip(APPLICANT_CODES, [9, 2, 1, 0, 1, 0, 13])}
    cells[("granted", "total")] = ParsedCell(4, "derived")
    cells[("granted", "natural_person")] = ParsedCell(4, "printed")
    found = glued_digits_hold(cells, {"total_processed": "92101023"})
    assert [f.check_name for f in found] == ["glued_derived_contradicts_digits"]
    assert all(c.value is None for k, c in cells.items() if k != ("granted", "natural_person"))
    assert cells[("granted", "natural_person")].value == 4  # printed cells stay
    ok = {("total_processed", a): ParsedCell(v, "derived") for a, v in zip(APPLICANT_CODES, [9, 2, 1, 0, 1, 0, 23])}
    assert glued_digits_hold(ok, {"total_processed": "92101023"}) == [] and ok[("total_processed", "total")].value == 23


def test_table3_extra_column_named_by_the_header_is_skipped():
    text = "\n".join([
        "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)\t\t\t申请人情况\t\t\t\t\t\t\t比上年增减",
        "\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计",
        "\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他",
        "一、本年新收政府信息公开申请数量\t\t\t31\t1\t0\t0\t1\t2\t35\t-6",
        "二、上年结转政府信息公开申请数量\t\t\t0\t1\t0\t0\t0\t0\t1\t-1",
        "三、本年度办理结果\t(一)予以公开\t\t9\t0\t0\t0\t0\t0\t9\t-2"])
    t = parse_request_table(text, "2021")
    assert [t.cells[("new_received", a)].value for a in APPLICANT_CODES] == [31, 1, 0, 0, 1, 2, 35]
    assert [t.cells[("granted", a)].value for a in APPLICANT_CODES] == [9, 0, 0, 0, 0, 0, 9]


def test_table4_sub_column_and_year_rows():
    head = ["行政复议\t\t\t\t\t\t行政诉讼",
            "结果维持\t结果纠正\t其中:责令重新答复\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉",
            "\t\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计"]
    t = parse_review_table("\n".join(head + ["2\t2\t1\t0\t1\t5\t1\t0\t0\t1\t2\t0\t0\t0\t0\t0"]))
    assert [t.cells[("admin_review", r)].value for r in ("upheld", "corrected", "other", "pending", "total")] == [2, 2, 0, 1, 5]
    assert t.cells[("litigation_direct", "total")].value == 2
    years = ["年度\t行政复议\t\t\t\t\t行政诉讼", "\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉",
             "\t\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计",
             "2020年\t2\t0\t0\t0\t2\t1\t0\t0\t0\t1\t0\t0\t0\t0\t0",
             "2021年\t0\t1\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0"]
    t = parse_review_table("\n".join(years), 2021)
    assert [t.cells[("admin_review", r)].value for r in ("upheld", "corrected", "other", "pending", "total")] == [0, 1, 0, 0, 1]
    assert all(c.value is None for c in parse_review_table("\n".join(years)).cells.values())  # year unknown: none
