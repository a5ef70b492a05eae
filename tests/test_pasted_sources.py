"""Reports that reached the reader through a spreadsheet, an e-mail, a chat or a post (red-team sets AC, AD and AE
are the families, in tests/test_table_shapes.py; these are the rules one by one).

- A spreadsheet's formula left as text (`=SUM(D4:I4)`) or error (`#REF!`) is a value cell in its column, never a
  remark that shortens the row; `¥634.08` and `2.4031E+04` are numbers; the sheet's column letters and row
  numbers are no part of the table.
- E-mail quote marks and soft wraps, line bullets (▲ ✅ emoji) and zero-width spaces go before the layout passes.
- A table 4 the text calls wrong (上面表四发错了，以下面这张为准) gives way to the one after it.
- Titles with a forward/reply prefix, hashtags and mentions, a two-year range or a 【column】 label give the agency;
  a report whose only printed name is its 联系方式 line gets that body.
"""

from __future__ import annotations

from transforms.labels import APPLICANT_CODES
from transforms.metadata import extract_metadata
from transforms.normalise import (normalise_text, strip_inline_markup, strip_line_bullets, strip_sheet_frame,
                                  unquote_email)
from transforms.tables.grid import parse_cell
from transforms.tables.request_handling import parse_request_table
from transforms.tables.review_litigation import parse_review_table

HEADER = ("申请人情况\t自然人\t法人或其他组织\t\t\t\t\t总计\n"
          "\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\n")


def test_a_formula_or_error_cell_keeps_its_column() -> None:
    text = HEADER + ("一、本年新收政府信息公开申请数量\t41\t15\t2\t0\t4\t1\t=SUM(D4:I4)\t\t\t\n"
                     "二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t2\t#REF!\n"
                     "(一)予以公开\t30\t10\t2\t0\t4\t3\t49\n(七)总计\t42\t15\t2\t0\t4\t3\t66\n")
    t = parse_request_table(text, "2021")
    assert [t.cells[("new_received", a)].value for a in APPLICANT_CODES[:6]] == [41, 15, 2, 0, 4, 1]
    assert t.cells[("new_received", "total")].source != "printed"  # not read as a number (the sums may derive it)
    assert t.cells[("carried_over", "other_org")].value == 2


def test_spreadsheet_number_formats() -> None:
    assert (parse_cell("¥634.08").kind, parse_cell("¥634.08").value) == ("number", 634.08)
    assert parse_cell("¥1,286.50").value == 1286.5
    assert parse_cell("2.4031E+04").value == 24031.0
    assert parse_cell("1.2E+03").value == 1200.0
    assert parse_cell("E+03").kind == "text"


def test_a_pasted_sheet_loses_its_column_letters_and_row_numbers() -> None:
    tsv = "Sheet3\n\tA\tB\tC\n1\t行政复议\t\t\n2\t结果维持\t结果纠正\t总计\n3\t2\t0\t2\n\n本年度无其他。"
    assert strip_sheet_frame(tsv) == "Sheet3\n\n行政复议\t\t\n结果维持\t结果纠正\t总计\n2\t0\t2\n\n本年度无其他。"
    md = "|  | A | B |\n|---|---|---|\n| 1 | 规章 | 3 |\n| 2 | 行政规范性文件 | 5 |"
    assert strip_sheet_frame(md) == "\n|---|---|---|\n| 规章 | 3 |\n| 行政规范性文件 | 5 |"
    # rows numbered out of turn end the frame: a table whose first column counts something stays
    assert strip_sheet_frame("\tA\tB\n1\tx\t2\n5\ty\t3") == "\nx\t2\n5\ty\t3"
    plain = "1\t规章\t3\n2\t行政规范性文件\t5"
    assert strip_sheet_frame(plain) == plain  # no letter line, no frame


def test_e_mail_quotes_go_and_soft_wraps_join() -> None:
    body = "\n".join(["> > 一、本年新收 27 5 1 0 0 0 ", "> > 33"] + [f"> > 第{i}行" for i in range(12)])
    out = unquote_email("各位：\n转发年报。\n" + body)
    assert out.split("\n")[2] == "一、本年新收 27 5 1 0 0 0 33"
    assert out.split("\n")[3] == "第0行"
    few = "> 一行\n> 两行\n正文"
    assert unquote_email(few) == few  # a short quotation in a report stays


def test_bullets_before_words_go_but_not_before_numbers_or_a_zero() -> None:
    assert strip_line_bullets("▲三、收到\n✅ (一)主动公开\n● 12\n二○二一年\n🌟一、总体") == \
        "三、收到\n(一)主动公开\n● 12\n二○二一年\n一、总体"


def test_zero_width_before_a_cell_line_does_not_hide_it() -> None:
    text = normalise_text("一、本年新收政府信息公开申请数量\n\u200b37\n4\n").text
    assert "\u200b" not in text and "\n37\n" in text


def test_a_table4_the_text_calls_wrong_gives_way_to_the_later_one() -> None:
    head = ("行政复议\t\t\t\t\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\n"
            "\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n")
    old = "2\t0\t0\t0\t2\t1\t0\t0\t0\t1\t0\t0\t0\t0\t0\n"
    new = "1\t0\t0\t1\t2\t1\t0\t0\t0\t1\t0\t0\t0\t0\t0\n"
    t = parse_review_table(head + old + "对，上面表四发错了，是旧稿。以下面这张为准\n" + head + new)
    assert t.cells[("admin_review", "upheld")].value == 1
    assert t.cells[("admin_review", "pending")].value == 1
    assert any(f.check_name == "table_superseded" for f in t.findings)


def _agency(text: str) -> str | None:
    return extract_metadata(normalise_text(text).text).agency_name


BODY = "\n一、总体情况\n本年度工作平稳。\n"


def test_a_forwarded_title_and_a_post_s_tags() -> None:
    assert _agency("主题: 转发: 无锡市惠山区人民政府2019年政府信息公开工作年度报告" + BODY) == "无锡市惠山区人民政府"
    post = ("#政务公开# #鼓楼区2020年政府信息公开年报# 【南京市鼓楼区人民政府2020年政府信息公开工作年度报告】 @南京发布"
            + BODY)
    assert _agency(post) == "南京市鼓楼区人民政府"


def test_a_two_year_title_and_a_column_label() -> None:
    assert _agency("三明市沙县区人民政府2020—2021年政府信息公开工作年度报告" + BODY) == "三明市沙县区人民政府"
    assert _agency("【政务公开】上海市长宁区新华路街道办事处2020年政府信息公开工作年度报告" + BODY) == \
        "上海市长宁区新华路街道办事处"


def test_the_contact_line_names_the_body_when_nothing_else_does() -> None:
    text = ("2020年政府信息公开工作年度报告\n本报告由本局编制。" + BODY
            + "六、其他需要报告的事项\n联系方式：厦门市集美区市场监督管理局办公室，电话：0592-6000000。\n2021年1月20日")
    assert _agency(text) == "厦门市集美区市场监督管理局"


def test_inline_tags_go_with_no_digit_of_their_attributes_and_struck_text_goes_whole() -> None:
    row = '| 行政事业性收费 | <font color="#245BDB">0</font> | <span style="color:#D83931">27.9</span> |'
    assert strip_inline_markup(row) == "| 行政事业性收费 | 0 | 27.9 |"
    assert strip_inline_markup("| 规章 | <del>4</del>5 |") == "| 规章 | 5 |"
    assert "| 规章 |  13 | 5 |" in normalise_text("| 规章 | ~~12~~ 13 | <del>4</del>5 |\n").text  # (~~ in strip_markdown)
    assert strip_inline_markup("a < b and 3 > 2") == "a < b and 3 > 2"


def test_an_infographic_prefix_is_no_part_of_the_agency() -> None:
    assert _agency("一图读懂江阴市人民政府2022年政府信息公开工作年度报告" + BODY) == "江阴市人民政府"


def test_rows_that_name_each_cell_by_its_column_are_the_form_s_rows() -> None:
    from transforms.normalise import unname_cells

    assert unname_cells("（一）予以公开：自然人8｜商业企业2｜科研机构0｜社会公益组织0｜法律服务机构1｜其他0｜总计11") == \
        "（一）予以公开\t8\t2\t0\t0\t1\t0\t11"
    # a column the row leaves out is an empty cell, in its own slot (never a neighbour's number)
    assert unname_cells("行政复议：结果维持3，结果纠正1，尚未审结0，总计4") == "行政复议\t3\t1\t\t0\t4"
    # table 2's blocks: each block's columns as its header, as the form prints them
    assert unname_cells("行政处罚：上一年项目数量46，本年增/减-3，处理决定数量517\n行政强制：上一年项目数量7，本年增/减0") == \
        "信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政处罚\t46\t-3\t517\n行政强制\t7\t0\t"
    # a card: the label on its line, then a `NAME number` line per cell
    assert unname_cells("（二）部分公开（区分处理的，只计这一情形）\n自然人2\n商业企业0\n科研机构0\n社会公益组织0\n"
                        "法律服务机构0\n其他0\n总计2\n下文") == "（二）部分公开（区分处理的，只计这一情形）\t2\t0\t0\t0\t0\t0\t2\n下文"
    card_prose = "全年收到申请41件，其中：\n自然人31件\n商业企业3件\n科研机构0件\n其他7件"
    assert unname_cells(card_prose) == card_prose
    # prose that names columns among other words, a name given twice, or too few names: left as it is
    for prose in ("全年新收申请41件，其中：自然人31件，商业企业3件，法律服务机构7件。",
                  "一、本年新收：自然人31｜自然人3｜商业企业0｜其他0",
                  "二、上年结转：自然人2｜总计3",
                  "全年新收申请41件，其中：自然人31件，商业企业3件，科研机构0件，法律服务机构7件。",
                  "行政许可：本年处理决定数量1342"):
        assert unname_cells(prose) == prose
    text = ("【表三】\n" + "\n".join(f"{lab}：自然人{a}｜商业企业{b}｜科研机构0｜社会公益组织0｜法律服务机构0｜其他0｜总计{a + b}"
                                   for lab, a, b in [("一、本年新收政府信息公开申请数量", 5, 2),
                                                     ("二、上年结转政府信息公开申请数量", 1, 0),
                                                     ("（一）予以公开", 4, 1), ("（七）总计", 6, 2),
                                                     ("四、结转下年度继续办理", 0, 0)]))
    t = parse_request_table(normalise_text(text).text, "2021")
    assert [t.cells[("new_received", a)].value for a in APPLICANT_CODES] == [5, 2, 0, 0, 0, 0, 7]
    assert t.cells[("total_processed", "commercial_enterprise")].value == 2


def test_an_item_that_cites_its_article_after_its_name_is_an_item_row() -> None:
    from transforms.tables.active_disclosure import parse_disclosure_table

    text = ("信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政许可（第二十条第（五）项）\t12\t-1\t340\n"
            "行政处罚（第二十条第（六）项）\t3\t0\t27\n")
    t = parse_disclosure_table(normalise_text(text).text, "2019")
    assert (t.cells[("admin_licensing", "decisions")].value, t.cells[("admin_penalty", "prev_year_items")].value) == (340, 3)


def test_a_sheet_s_row_counters_without_its_letters_are_no_cells() -> None:
    from transforms.normalise import strip_row_counters

    rows = ["1\t信息内容\t本年制发件数", "2\t规章\t0", "3\t行政规范性文件\t4", "4\t行政许可\t17"]
    assert strip_row_counters("\n".join(rows)) == "信息内容\t本年制发件数\n规章\t0\n行政规范性文件\t4\n行政许可\t17"
    # three numbered lines, or a run that does not start at 1 or skips a number: a column of the table
    for keep in (rows[:3], ["2\ta\t1", "3\tb\t2", "4\tc\t3", "5\td\t4"], ["1\ta", "2\tb", "4\tc", "5\td"]):
        assert strip_row_counters("\n".join(keep)) == "\n".join(keep)
