"""Rows are mapped by their labels, never by a lucky key length (issue 7, item 5).

A family of broken PDF→markdown tables: every pair of neighbouring table-3 rows is printed with
both labels side by side in one row, followed by the second row's numbers (the first row's numbers
are lost, as PDF converters lose them). For every such pair, in both templates, the numbers must
land on the label printed next to them, and no cell may take another row's number.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from transforms.labels import APPLICANT_CODES, REQUEST_OUTCOMES
from transforms.tables.request_handling import outcome_code, parse_request_table, template_rows

FIXTURES = Path(__file__).parent / "fixtures" / "shapes"
LABELS = dict(REQUEST_OUTCOMES)


def _truth(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))["table3"]


def _row_label(code: str) -> str:
    label = LABELS[code]
    return label.split(" ", 1)[1] if " " in label else label  # sub-rows print only their own text


def _render(table: dict, rows: list[str], merge_at: int | None) -> str:
    head = "| 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n|---|---|---|---|---|---|---|---|\n"
    lines = []
    k = 0
    while k < len(rows):
        code = rows[k]
        nums = " | ".join("" if table[code][a] is None else str(int(table[code][a])) for a in APPLICANT_CODES)
        if merge_at == k and k + 1 < len(rows):
            nxt = rows[k + 1]
            nums = " | ".join("" if table[nxt][a] is None else str(int(table[nxt][a])) for a in APPLICANT_CODES)
            lines.append(f"| {_row_label(code)} {_row_label(nxt)} | {nums} |")
            k += 2
            continue
        lines.append(f"| {_row_label(code)} | {nums} |")
        k += 1
    return head + "\n".join(lines) + "\n"


CASES = [(name, template, k) for name, template in (("tsv_2019_clean.json", "2019"), ("tsv_2021_clean.json", "2021"))
         for k in range(2, 24)]


@pytest.mark.parametrize("name,template,k", CASES, ids=[f"{t}-{k}" for _, t, k in CASES])
def test_side_by_side_labels_take_the_numbers_next_to_them(name, template, k):
    table = _truth(name)
    rows = template_rows(template, template == "2021")
    if k + 1 >= len(rows) or rows[k + 1] == "carried_forward":
        pytest.skip("no neighbour inside the result block")
    parsed = parse_request_table(_render(table, rows, k), template, None)
    lost, kept = rows[k], rows[k + 1]
    for (code, appl), cell in parsed.cells.items():
        want = table.get(code, {}).get(appl)
        if cell.value is None:
            continue
        assert cell.value == want, f"{code}.{appl} got {cell.value}, want {want} (labels {lost} + {kept} side by side)"
    for appl in APPLICANT_CODES:
        assert parsed.cells[(kept, appl)].value == table[kept][appl]


@pytest.mark.parametrize("label,code", [
    ("5.要求行政机关确认或重新出具已获取信息(六)其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
     "other_no_correction"),
    ("(五)不予处理 1.信访举报投诉类申请", "not_processed_petition"),
    ("(三)不予公开 1.属于国家秘密", "withheld_state_secret"),
    ("三、本年度办理结果 (一)予以公开", "granted"),
    ("(七)总计", "total_processed"),
    ("2.重复申请 3.要求提供公开出版物", "not_processed_publication"),
])
def test_outcome_code_prefers_the_label_printed_last(label, code):
    assert outcome_code(label) == code
