"""Space-aligned tables whose blank cells print as nothing (issue 7; `transforms.columns`).

`pdftotext -layout` prints an empty cell as spaces, so a row of table 3 shows only its non-blank
numbers, and where each one stands is the only sign of its column. These tests build such tables
by hand, counted both ways a layout tool counts columns (display width, characters), and check
that each number lands under its header word, that a blank cell becomes a `-`, and that every
ambiguous or unfamiliar layout is left exactly as it was. The red-team set N
(`tests/fixtures/redteam_n`) and the reshape harness's `pdftotext_layout` and
`pdftotext_layout_blank_zeros` shapes check the same end to end.
"""

from __future__ import annotations

import unicodedata

import pytest

from transforms.columns import align_space_columns
from transforms.normalise import normalise_text
from transforms.tables.grid import fit_values, line_rows

HEADS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
# the header as a narrow cell wraps it: 社会公益 over 组织, 法律服务 over 机构
HEADS_1 = ["自然人", "商业企业", "科研机构", "社会公益", "法律服务", "其他", "总计"]
HEADS_2 = ["", "", "", "组织", "机构", "", ""]


def _w(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _put(line: str, at: int, s: str, chars: bool) -> str:
    """`line` with `s` starting at column `at` (display columns, or character index with `chars`)."""
    now = len(line) if chars else _w(line)
    return line + " " * max(1 if line else 0, at - now) + s


def table3(rows: list[tuple[str, list]], chars: bool = False, step: int = 10, label_w: int = 44,
           centred_numbers: bool = False) -> str:
    """A laid-out table 3: header words centred over 10-column cells, numbers right-aligned in
    them (or centred), None printing as nothing."""
    lines = ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"]
    for words in (HEADS_1, HEADS_2):
        head = ""
        for i, h in enumerate(words):
            if h:
                head = _put(head, label_w + step * i + (step - _w(h)) // 2, h, chars)
        lines.append(head)
    for label, vals in rows:
        line = label
        for i, v in enumerate(vals):
            if v is None:
                continue
            s = str(v)
            at = label_w + step * i + ((step - len(s)) // 2 if centred_numbers else step - 1 - len(s))
            line = _put(line, at, s, chars)
        lines.append(line)
    return "\n".join(lines) + "\n"


ROWS = [("一、本年新收政府信息公开申请数量", [77, 16, None, None, 4, 5, 102]),
        ("二、上年结转政府信息公开申请数量", [0, 1, None, None, 2, None, 3]),
        ("（一）予以公开", [15, 5, None, None, 2, 2, 24]),
        ("3.危及“三安全一稳定”", [2, None, None, None, None, None, 2])]


def _cells(text: str) -> list[list[str]]:
    out = []
    for line in text.split("\n"):
        rows = line_rows(0, line)
        if rows and rows[0].values:
            out.append([c.raw for c in rows[0].values])
    return out


def _printed(rows) -> list[list[str]]:
    return [["-" if v is None else str(v) for v in vals] for _l, vals in rows]


@pytest.mark.parametrize("chars", [False, True], ids=["display_width", "characters"])
@pytest.mark.parametrize("centred", [False, True], ids=["right_aligned", "centred"])
def test_each_number_goes_under_its_header_and_each_blank_becomes_a_mark(chars: bool, centred: bool) -> None:
    text = table3(ROWS, chars=chars, centred_numbers=centred)
    got = align_space_columns(text)
    assert _cells(got) == _printed(ROWS)
    # the labels and the header stay as they were
    assert got.split("\n")[:3] == text.split("\n")[:3]
    assert [x.split("  ")[0] for x in got.split("\n")[3:-1]] == [label for label, _v in ROWS]


def test_a_row_printed_in_full_and_text_around_the_table_are_untouched() -> None:
    rows = ROWS + [("（七）总计", [1, 2, 3, 4, 5, 6, 21])]
    text = "一、总体情况\n本机关  2023 年共收到申请  102  件。\n" + table3(rows) + "四、结转下年度\n"
    got = align_space_columns(text).split("\n")
    assert got[0:2] == text.split("\n")[0:2]
    assert got[-2:] == text.split("\n")[-2:]
    assert got[-3] == text.split("\n")[-3]  # the full 总计 row


def test_every_row_printed_in_full_changes_nothing() -> None:
    text = table3([(label, [1, 2, 3, 4, 5, 6, 21]) for label, _v in ROWS])
    assert align_space_columns(text) == text


def test_two_placements_that_fit_equally_leave_the_text_alone() -> None:
    # the first and the last column blank in every row, header words left-aligned in their cells and
    # numbers right-aligned: each number is as close to the next header word as to its own
    head = ""
    for i, h in enumerate(HEADS):
        head = _put(head, 40 + 8 * i, h, False)
    lines = ["申请人情况", head]
    for label, vals in [("（一）予以公开", [None, 5, None, None, 2, None, None]),
                        ("（二）部分公开", [None, 3, None, 1, None, None, None])]:
        line = label
        for i, v in enumerate(vals):
            if v is not None:
                line = _put(line, 40 + 8 * i + 7 - len(str(v)), str(v), False)
        lines.append(line)
    text = "\n".join(lines) + "\n"
    assert align_space_columns(text) == text


def test_the_row_sums_choose_between_two_placements() -> None:
    # table 4 with its first and last columns blank, header words centred in their cells and numbers
    # right-aligned (each as near the next word as its own): shifted one column to the right, 4 would stand under 结果维持 and 1 under the 总计 of
    # 2 + 1 + …, which cannot be; so only the reading with each number under its own word is left
    words = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3
    head = ""
    for i, h in enumerate(words):
        head = _put(head, 10 * i + (10 - _w(h)) // 2, h, False)
    values = [None, 2, 1, 1, 4, None, 1, None, None, 1, None, None, None, None, None]
    line = ""
    for i, v in enumerate(values):
        if v is not None:
            line = _put(line, 10 * i + 8, str(v), False)
    text = "行政复议  行政诉讼\n" + head + "\n" + line + "\n"
    got = align_space_columns(text).split("\n")[2].split()
    assert got == ["-", "2", "1", "1", "4", "-", "1", "-", "-", "1", "-", "-", "-", "-", "-"]


def test_a_header_over_no_numbers_and_prose_naming_the_columns_change_nothing() -> None:
    text = ("自然人  商业企业  科研机构  社会公益组织  法律服务机构  其他  总计\n" + "本年度未收到申请。\n" * 12
            + "其中自然人  12  件，商业企业  3  件。\n")
    assert align_space_columns(text) == text


def test_a_tab_grid_is_left_to_the_grid_reader() -> None:
    text = "\t".join(["", *HEADS]) + "\n" + "一、本年新收\t77\t16\t\t\t4\t5\t102\n"
    assert align_space_columns(text) == text


def test_normalising_keeps_the_marks_and_the_cells() -> None:
    got = normalise_text(table3(ROWS)).text
    assert _cells(got)[-4:] == _printed(ROWS)


def test_a_page_number_after_a_flattened_row_is_no_cell() -> None:
    row = line_rows(0, "8.属于行政查询事项0 0 0 0 0 - 2 -")[0]
    fitted, note = fit_values(row.values, 7)
    assert note == "row lost 2 of 7 cells"
    assert [c.raw for c in fitted if c is not None] == ["0", "0", "0", "0", "0"]
    # a row whose own cells read `- 2 -` (blank, 2, blank) keeps them
    row = line_rows(0, "2.重复申请 1 0 0 0 - 2 -")[0]
    assert [c.raw for c in fit_values(row.values, 7)[0]] == ["1", "0", "0", "0", "-", "2", "-"]


def table2_block(heads: list[str], rows: list[tuple[str, list]], chars: bool = False, step: int = 18,
                 label_w: int = 24) -> list[str]:
    """One laid-out table-2 block: its 第二十条 marker, header words centred over `step`-column cells,
    numbers centred under them, None printing as nothing."""
    head = "信息内容"
    for i, h in enumerate(heads):
        head = _put(head, label_w + step * i + (step - _w(h)) // 2, h, chars)
    lines = ["          第二十条第（一）项", head]
    for label, vals in rows:
        line = " " + label
        for i, v in enumerate(vals):
            if v is not None:
                s = str(v)
                line = _put(line, label_w + step * i + (step - len(s)) // 2, s, chars)
        lines.append(line)
    return lines


@pytest.mark.parametrize("chars", [False, True], ids=["display_width", "characters"])
def test_table2_blocks_place_their_numbers_block_by_block(chars: bool) -> None:
    # the 2019 form: a three-column block with blanks, a one-column-filled row (a lone 213 is one
    # cell, not three glued), a two-column block, and a 2021 one-column block that has no blank
    lines = (table2_block(["本年新制作数量", "本年新公开数量", "对外公开总数量"], [("规章", [None, None, None]),
                                                                         ("规范性文件", [None, 1, 4])], chars)
             + table2_block(["上一年项目数量", "本年增/减", "处理决定数量"], [("行政处罚", [None, None, 213]),
                                                                  ("行政强制", [12, None, 30])], chars)
             + table2_block(["采购项目数量", "采购总金额"], [("政府集中采购", [2, 18.6])], chars)
             + table2_block(["本年处理决定数量"], [("行政许可", [57]), ("其他对外管理服务事项", [3])], chars))
    text = "\n".join(lines) + "\n"
    got = align_space_columns(text).split("\n")
    cells = {line.split()[0]: line.split()[1:] for line in got if line.strip() and line.split()[0] in
             ("规章", "规范性文件", "行政处罚", "行政强制", "政府集中采购", "行政许可", "其他对外管理服务事项")}
    assert cells == {"规章": [], "规范性文件": ["-", "1", "4"], "行政处罚": ["-", "-", "213"],
                     "行政强制": ["12", "-", "30"], "政府集中采购": ["2", "18.6"], "行政许可": ["57"],
                     "其他对外管理服务事项": ["3"]}
    # lines that are not rows of a block with blanks are as printed
    same = [a == b for a, b in zip(got, text.split("\n"))]
    assert sum(not s for s in same) == 3


def test_printed_blank_marks_stay_where_they_stand() -> None:
    # a row that marks some blank cells (`—`) and leaves others empty: the marks are cells too
    text = table3([("（一）予以公开", [15, 5, None, None, 2, 2, 24])]).rstrip("\n")
    line = "（二）部分公开"
    for i, v in enumerate([3, "—", None, None, 1, None, 4]):
        if v is not None:
            s = str(v)
            line = _put(line, 44 + 10 * i + 9 - _w(s), s, False)
    got = align_space_columns(text + "\n" + line + "\n").split("\n")
    assert _cells(got[-2] + "\n")[0] == ["3", "—", "-", "-", "1", "-", "4"]
