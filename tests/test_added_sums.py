"""Sums a report adds to the form, and tables printed away from their sections (red-team Z and Y).

The whole reports are in tests/fixtures/redteam_z and redteam_y (scored by tests/test_table_shapes.py
and rendered by the reshape harness); these pin each rule on a small table.
"""

from __future__ import annotations

from transforms.tables.request_handling import outcome_code, parse_request_table
from transforms.tables.review_litigation import parse_review_table
from transforms.typed import _appendix_lines

T3_HEAD = ("\t\t\t自然人\t法人或其他组织\t\t\t\t\t\t总计\n"
           "\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t小计\t\n")
T4_HEAD = ("行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t\t合计\n"
           "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\n"
           "\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n")


def test_a_subtotal_row_is_no_total():
    assert outcome_code("小计") is None and outcome_code("本年办结") is None
    assert outcome_code("（七）总计") == "total_processed"


def test_the_printed_seventh_total_wins_over_a_group_sum_named_heji():
    rows = ["一、本年新收政府信息公开申请数量\t\t\t5\t1\t0\t0\t0\t0\t6",
            "二、上年结转政府信息公开申请数量\t\t\t0\t0\t0\t0\t0\t0\t0",
            "三、本年度办理结果\t（一）予以公开\t\t3\t1\t0\t0\t0\t0\t4",
            "\t（二）部分公开\t\t1\t0\t0\t0\t0\t0\t1",
            "\t合计\t\t4\t1\t0\t0\t0\t0\t5",
            "\t（七）总计\t\t5\t1\t0\t0\t0\t0\t6",
            "四、结转下年度继续办理\t\t\t0\t0\t0\t0\t0\t0\t0"]
    head = "\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计\n\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\n"
    got = parse_request_table(head + "\n".join(rows) + "\n", "2019")
    assert got.cells[("total_processed", "natural_person")].value == 5
    assert got.cells[("total_processed", "total")].value == 6


def test_an_organisation_subtotal_column_is_not_read_as_a_cell():
    rows = "一、本年新收政府信息公开申请数量\t\t\t31\t6\t1\t0\t2\t0\t9\t40\n二、上年结转政府信息公开申请数量\t\t\t2\t0\t0\t0\t1\t0\t1\t3\n"
    got = parse_request_table(T3_HEAD + rows + "三、本年度办理结果\t（一）予以公开\t\t1\t0\t0\t0\t0\t0\t0\t1\n", "2019")
    assert [got.cells[("new_received", a)].value for a in ("natural_person", "commercial_enterprise", "other_org",
                                                            "total")] == [31, 6, 0, 40]


def test_table4_sum_column_and_sum_group_are_skipped():
    row = "1\t0\t0\t0\t1\t0\t0\t0\t1\t1\t0\t0\t0\t0\t0\t2\n"
    got = parse_review_table(T4_HEAD + row)
    assert got.cells[("admin_review", "total")].value == 1
    assert got.cells[("litigation_direct", "total")].value == 1
    assert got.cells[("litigation_after_review", "total")].value == 0
    group = (T4_HEAD.replace("\t合计\n", "\n").replace("复议后起诉\n", "复议后起诉\t\t\t\t\t行政诉讼合计\n")
             .replace("\t总计\n", "\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n", 1))
    got = parse_review_table(group + "12\t2\t3\t2\t19\t4\t1\t2\t3\t10\t3\t0\t1\t2\t6\t7\t1\t3\t5\t16\n")
    assert got.cells[("litigation_after_review", "total")].value == 6
    assert got.cells[("litigation_direct", "upheld")].value == 4
    # the form's blank cells stay blank beside a sum column
    short = parse_review_table(T4_HEAD + "1\t0\t0\t0\t1\t0\t0\t0\t1\t1\t0\t0\t0\t\t\t2\n")
    assert [short.cells[("litigation_after_review", r)].value for r in ("upheld", "pending", "total")] == [0, None, None]


def test_a_sentence_naming_table4_is_no_header_and_a_two_line_appendix_caption_is_found():
    assert not parse_review_table("四、政府信息公开行政复议、行政诉讼情况\n2021年行政复议、行政诉讼情况详见附表3。\n").found
    text = "六、其他需要报告的事项\n无。\n附表3\n政府信息公开行政复议、行政诉讼情况\n" + T4_HEAD + "1\t0\n"
    got = _appendix_lines(text, 4)
    assert got is not None and got[0].startswith("政府信息公开行政复议")
    assert _appendix_lines("附表3\n" + "\t".join(["a"] * 3) + "\n", 4) is None  # a table line is no title
