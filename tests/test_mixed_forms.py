"""Table 2 printed with blocks of both forms (red-team AP): publishers did not switch forms cleanly.

A 2021 report whose （一） block still prints the 2019 columns (本年新制作数量 / 本年新公开数量 / 对外公开总数量),
or keeps the 2019 （九）政府集中采购 block or an 其他对外管理服务事项 row; a 2019 report whose fee block adds the
2021 本年收费金额 column. Each block's cells mean what its own header says, and are emitted under that
header's codes, never under the report's form's codes by position (4 / 4 / 23 under 本年新制作… was read as
issued 4, repealed 4, in force 23).

The family: every combination of the mixed blocks, random values, grid (TSV) and markdown rows.
"""

from __future__ import annotations

import itertools
import random

import pytest

from transforms.tables.active_disclosure import parse_disclosure_table

H19_1 = "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量"
H21_1 = "信息内容\t本年制发件数\t本年废止件数\t现行有效件数"
H19_5 = "信息内容\t上一年项目数量\t本年增/减\t处理决定数量"
H21_ONE = "信息内容\t本年处理决定数量"


def _block(marker: str, header: str, rows: list[tuple[str, list]]) -> list[str]:
    return [marker, header] + [label + "".join(f"\t{v}" for v in vals) for label, vals in rows]


def report_2021(rng: random.Random, old_first: bool, procurement: bool, other_services: bool):
    """Table 2 of a 2021 report with the chosen 2019 blocks; (text, {(item, metric): value})."""
    v = lambda: rng.choice([0, 0, 1, 2, 4, 9, 23, 156])  # noqa: E731
    want: dict = {}
    lines: list[str] = []
    rules, norm = [v(), v(), v()], [v(), v(), v()]
    metrics = ["new_made", "new_published", "total_published"] if old_first else ["issued", "repealed", "in_force"]
    lines += _block("第二十条第（一）项", H19_1 if old_first else H21_1, [("规章", rules), ("行政规范性文件", norm)])
    want.update({("rules", m): x for m, x in zip(metrics, rules)})
    want.update({("normative_documents", m): x for m, x in zip(metrics, norm)})
    lic = v()
    rows = [("行政许可", [lic])]
    want[("admin_licensing", "decisions")] = lic
    if other_services:
        oth = v()
        rows.append(("其他对外管理服务事项", [oth]))
        want[("other_admin_services", "decisions")] = oth
    lines += _block("第二十条第（五）项", H21_ONE, rows)
    pen, coe = v(), v()
    lines += _block("第二十条第（六）项", H21_ONE, [("行政处罚", [pen]), ("行政强制", [coe])])
    want[("admin_penalty", "decisions")], want[("admin_coercion", "decisions")] = pen, coe
    fee = rng.choice([0, 3.6, 12.35])
    lines += _block("第二十条第（八）项", "信息内容\t本年收费金额（单位：万元）", [("行政事业性收费", [fee])])
    want[("admin_fees", "fee_amount_wan_yuan")] = fee
    if procurement:
        items, amount = v(), rng.choice([0, 527.3, 4603.85])
        lines += _block("第二十条第（九）项", "信息内容\t采购项目数量\t采购总金额", [("政府集中采购", [items, amount])])
        want[("centralized_procurement", "procurement_items")] = items
        want[("centralized_procurement", "procurement_amount_wan_yuan")] = amount
    return "\n".join(lines), want


def _as_pipes(text: str) -> str:
    return "\n".join("| " + " | ".join(x.split("\t")) + " |" for x in text.split("\n"))


@pytest.mark.parametrize("old_first, procurement, other_services, pipes",
                         [c for c in itertools.product([True, False], repeat=4) if any(c[:3])])
def test_blocks_of_the_other_form_read_by_their_header(old_first, procurement, other_services, pipes):
    for seed in range(6):
        text, want = report_2021(random.Random(seed), old_first, procurement, other_services)
        t = parse_disclosure_table(_as_pipes(text) if pipes else text, "2021")
        got = {k: c.value for k, c in t.cells.items() if c.value is not None}
        for key, value in want.items():
            assert got.get(key) == value, (key, got.get(key), value)
        # nothing under a code the block does not print
        assert set(got) <= set(want), sorted(set(got) - set(want))


@pytest.mark.parametrize("seed", range(8))
def test_a_2021_fee_column_after_the_2019_fee_columns(seed: int):
    rng = random.Random(seed)
    prev, change, amount = rng.randint(0, 9), rng.choice([-2, 0, 1]), rng.choice([0, 3.6, 12.35])
    text = "\n".join(_block("第二十条第（一）项", H19_1, [("规章", [0, 0, 0]), ("规范性文件", [1, 1, 9])])
                     + _block("第二十条第（八）项", "信息内容\t上一年项目数量\t本年增/减\t本年收费金额（单位：万元）",
                              [("行政事业性收费", [prev, change, amount])]))
    t = parse_disclosure_table(text, "2019")
    assert [t.cells[("admin_fees", m)].value for m in ("prev_year_items", "change", "fee_amount_wan_yuan")] == \
        [prev, change, amount]


def test_a_bishangnian_column_is_no_2019_change():
    # 比上年增减 after a 2021 block's 本年处理决定数量 is no 本年增/减 of the item count: not read as `change`
    text = "\n".join(_block("第二十条第（五）项", "信息内容\t本年处理决定数量\t比上年增减", [("行政许可", [156, 12])])
                     + _block("第二十条第（六）项", H21_ONE, [("行政处罚", [9]), ("行政强制", [0])]))
    t = parse_disclosure_table(text, "2021")
    assert t.cells[("admin_licensing", "decisions")].value == 156
    assert ("admin_licensing", "change") not in t.cells or t.cells[("admin_licensing", "change")].value is None
