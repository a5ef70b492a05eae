"""Tables split, joined or turned (red-team AQ): table 3 printed in column parts, table 2 under captions
that name their items.

Family 1: generated reports (both templates) whose table 3 is cut between two applicant columns, at
every cut, the second part with its row labels printed again or without labels, after a `续表` /
`（续上表）` line or a page footer, in TSV and in markdown pipes. Each must read exactly what the
uncut report reads: the parts are put side by side again.

Family 2: table 2 as four small tables, each under a caption that names its items
(`（三）第二十条第（六）项 行政处罚、行政强制`): the caption is no item row.
"""

from __future__ import annotations

import sys

import random
import re
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scoring import read_cells  # noqa: E402
from transforms.synth import build_model, generate, render
from transforms.tables.active_disclosure import parse_disclosure_table
from transforms.tables.column_split import join_column_parts

NAMES = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
SEPARATORS = ["续表", "（续上表）", "- 3 -", "表3（续）"]


def _table3_block(lines: list[str]) -> tuple[int, int, int]:
    """(first header line, first row, end) of table 3 in a TSV rendering."""
    head = next(i for i, x in enumerate(lines) if "申请人情况" in x)
    first = next(i for i in range(head, len(lines)) if "本年新收" in lines[i])
    end = next(i for i in range(first, len(lines)) if "结转下年度" in lines[i]) + 1
    return head, first, end


def split_by_columns(text: str, cut: int, labels_again: bool, sep: str, pipes: bool) -> str:
    """Table 3 of a TSV rendering printed as two parts: columns [0, cut) with the labels, then
    [cut, 7) under their own header (with the labels again, or none)."""
    lines = text.split("\n")
    head, first, end = _table3_block(lines)
    rows = [x.split("\t") for x in lines[first:end]]
    nlab = len(rows[0]) - 7

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(cells) + " |" if pipes else "\t".join(cells)

    def part(cols: range, with_labels: bool) -> list[str]:
        pad = [""] * nlab if with_labels else []
        out = [line(pad + ["申请人情况"] + [""] * (len(cols) - 1)), line(pad + [NAMES[j] for j in cols])]
        if pipes:
            out.insert(1, "|" + "---|" * (len(pad) + len(cols)))
        for r in rows:
            out.append(line((r[:nlab] if with_labels else []) + [r[nlab + j] for j in cols]))
        return out

    body = part(range(cut), True) + [sep] + part(range(cut, 7), labels_again)
    return "\n".join(lines[:head] + body + lines[end:])




def test_table3_in_column_parts_reads_as_the_whole_table(tmp_path: Path) -> None:
    rng = random.Random(20261207)
    cases = []
    for i, t in enumerate(generate(24, seed=77, years=[2020, 2022, 2024])):
        text, _ = render("tsv", build_model(t, random.Random(i)), random.Random(i))
        (tmp_path / f"r{i:02d}_whole.txt").write_text(text, encoding="utf-8")
        cut = 1 + i % 6
        labels_again, sep, pipes = rng.random() < 0.5, rng.choice(SEPARATORS), i % 4 == 3
        name = f"r{i:02d}_parts_cut{cut}_{'labels' if labels_again else 'bare'}{'_md' if pipes else ''}"
        (tmp_path / f"{name}.{'md' if pipes else 'txt'}").write_text(
            split_by_columns(text, cut, labels_again, sep, pipes), encoding="utf-8")
        cases.append((f"r{i:02d}_whole", name))
    got = read_cells(tmp_path)
    bad = []
    for whole, parts in cases:
        a = {k: v for k, v in got.get(whole, {}).items() if k[0] == "table3"}
        b = {k: v for k, v in got.get(parts, {}).items() if k[0] == "table3"}
        assert sum(v is not None for v in a.values()) > 100, whole
        if a != b:
            bad.append((parts, sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))[:3]))
    assert not bad, bad


def test_parts_that_do_not_line_up_are_left_as_printed() -> None:
    whole = ("\t\t\t申请人情况\n\t\t\t自然人\t商业企业\n一、本年新收政府信息公开申请数量\t\t\t3\t1\n二、上年结转政府信息公开申请数量\t\t\t0\t0\n"
             "（七）总计\t\t\t3\t1\n续表\n申请人情况\n社会公益组织\t法律服务机构\t其他\t总计\n0\t0\t0\t4\n0\t0\t0\t0\n")
    assert join_column_parts(whole) is whole  # the parts name only six of the seven columns
    other_rows = whole.replace("社会公益组织\t", "科研机构\t社会公益组织\t").replace("0\t0\t0\t4\n0\t0\t0\t0\n", "0\t0\t0\t0\t4\n")
    assert join_column_parts(other_rows) is other_rows  # the second part has another number of rows
    # labels of the second part that are other rows than the first part's: no join
    moved = (whole.replace("社会公益组织\t", "科研机构\t社会公益组织\t")
             .replace("0\t0\t0\t4\n0\t0\t0\t0\n", "二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\n一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t4\n（七）总计\t0\t0\t0\t0\t4\n"))
    assert join_column_parts(moved) is moved


CAPTIONS_2021 = [
    ("（一）第二十条第（一）项 规章、行政规范性文件", "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
     [("规章", "{a}\t{b}\t{c}"), ("行政规范性文件", "{d}\t{e}\t{f}")]),
    ("（二）第二十条第（五）项 行政许可", "信息内容\t本年处理决定数量", [("行政许可", "{g}")]),
    ("（三）第二十条第（六）项 行政处罚、行政强制", "信息内容\t本年处理决定数量", [("行政处罚", "{h}"), ("行政强制", "{i}")]),
    ("（四）第二十条第（八）项 行政事业性收费", "信息内容\t本年收费金额（单位：万元）", [("行政事业性收费", "{j}")]),
]


@pytest.mark.parametrize("seed", range(12))
def test_table2_captions_that_name_their_items_are_no_rows(seed: int) -> None:
    rng = random.Random(seed)
    v = {k: rng.choice([0, 0, 1, 3, 12, 312]) for k in "abcdefghij"}
    lines = []
    for caption, header, rows in CAPTIONS_2021:
        spaced = caption if seed % 2 else re.sub(r"\s+", "", caption)
        lines += [spaced, header] + [f"{label}\t{cells.format(**v)}" for label, cells in rows] + [""]
    t = parse_disclosure_table("\n".join(lines), "2021")
    assert t.cells[("admin_penalty", "decisions")].value == v["h"]
    assert t.cells[("admin_coercion", "decisions")].value == v["i"]
    assert t.cells[("admin_licensing", "decisions")].value == v["g"]
    assert [t.cells[("normative_documents", m)].value for m in ("issued", "repealed", "in_force")] == [v["d"], v["e"], v["f"]]
    assert t.cells[("admin_fees", "fee_amount_wan_yuan")].value == v["j"]
