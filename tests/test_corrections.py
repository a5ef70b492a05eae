"""A report's own correction notice (red-team AT): 更正说明 in prose or with the corrected table reprinted.
The values it states win over the misprints in the report's tables.

The family: generated reports (both templates) printed with one to three misprinted cells in tables 3
and 4 (and table 2 rows of one number), and a correction notice at the top or the end that states each
correction in one of the publishers' phrasings, or reprints the corrected table 3 (以此表为准). Every
cell read must be the corrected truth, and each corrected cell is read.
"""

from __future__ import annotations

import sys

import random
import re
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scoring import read_cells  # noqa: E402
from transforms.labels import APPLICANT_TYPES, REQUEST_OUTCOMES, REVIEW_CASE_TYPES, REVIEW_RESULTS
from transforms.synth import build_model, generate, render

OUTCOME = {c: label.split(" ")[-1] for c, label in REQUEST_OUTCOMES}
APPLICANT = dict(APPLICANT_TYPES)
CASE = dict(REVIEW_CASE_TYPES)
RESULT = dict(REVIEW_RESULTS)
PHRASES = [
    "“{row}”行“{col}”栏数据“{old}”应为“{new}”",
    "{table}中“{row}”的“{col}”由“{old}”更正为“{new}”",
    "{table}“{row}”一栏“{col}”数据由“{old}”改为“{new}”",
]


def _misprint(text: str, table_lines: tuple[str, ...], label: str, col_index: int, old: int, new: int) -> str | None:
    """The rendering with the cell in `label`'s row, column `col_index` of its numbers, printed `old`."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        cells = line.split("\t")
        if "\t" in line and any(label in c for c in cells) and len(cells) >= 7:
            at = len(cells) - 7 + col_index  # a table-3 row ends in its seven value cells
            if cells[at].strip() == str(new):
                cells[at] = str(old)
                lines[i] = "\t".join(cells)
                return "\n".join(lines)
    return None


def corrected_copy(truth: dict, text: str, rng: random.Random) -> tuple[str, int] | None:
    """The report with misprints and a notice correcting them; None when no cell could be misprinted."""
    said, n = [], 0
    t3 = truth["table3"]
    for _ in range(rng.randint(1, 3)):
        table = rng.choice(["table3", "table3", "table4"])
        if table == "table3":
            row = rng.choice([r for r in t3 if r not in ("new_received",)])
            col_code = rng.choice(list(APPLICANT))
            new = t3[row][col_code]
            label, col, j = OUTCOME[row], APPLICANT[col_code], list(APPLICANT).index(col_code)
            tname = "表三"
        else:
            case = rng.choice(list(CASE))
            res = rng.choice(list(RESULT))
            new = truth["table4"][case][res]
            label, col = CASE[case], RESULT[res]
            j = list(CASE).index(case) * 5 + list(RESULT).index(res)
            tname = "表四"
        if new is None:
            continue
        old = new + rng.randint(1, 9)
        if table == "table3":
            changed = _misprint(text, (), label.replace("（三）不予公开 ", "").replace("（四）无法提供 ", "")
                                .replace("（五）不予处理 ", "").replace("（六）其他处理 ", ""), j, old, new)
        else:
            lines = text.split("\n")
            k = next((i for i, x in enumerate(lines) if x.count("\t") >= 14 and re.match(r"^\d", x)), None)
            changed = None
            if k is not None:
                cells = lines[k].split("\t")
                if cells[j].strip() == str(new):
                    cells[j] = str(old)
                    lines[k] = "\t".join(cells)
                    changed = "\n".join(lines)
        if changed is None:
            continue
        text = changed
        row_label = re.sub(r"^（[三四五六]）\S+ ", "", label)
        said.append(rng.choice(PHRASES).format(row=row_label, col=col, old=old, new=new, table=tname))
        n += 1
    if not n:
        return None
    notice = (f"更正说明\n本机关发布的《{truth['agency']}{truth['year']}年政府信息公开工作年度报告》有{n}处数据有误，现更正如下："
              + "；".join(said) + "。报告其他内容不变。特此更正。\n")
    return (notice + text if rng.random() < 0.7 else text + "\n" + notice), n




def test_a_correction_notice_wins_over_the_misprints(tmp_path: Path) -> None:
    rng = random.Random(20261207)
    truths, corrected = {}, 0
    for i, t in enumerate(generate(30, seed=404, years=[2020, 2022, 2024])):
        text, _ = render("tsv", build_model(t, random.Random(i)), random.Random(i))
        got = corrected_copy(t, text, rng)
        if got is None:
            continue
        (tmp_path / f"c{i:02d}.txt").write_text(got[0], encoding="utf-8")
        (tmp_path / f"c{i:02d}_clean.txt").write_text(text, encoding="utf-8")
        truths[f"c{i:02d}"] = t
        corrected += got[1]
    assert corrected >= 25
    got = read_cells(tmp_path)
    bad = []
    for stem in truths:
        a, b = got.get(f"{stem}_clean", {}), got.get(stem, {})
        diff = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k) and b.get(k) is not None)
        if diff:
            bad.append((stem, [(k, a.get(k), b.get(k)) for k in diff[:3]]))
        elif sum(v is not None for v in b.values()) < sum(v is not None for v in a.values()):
            bad.append((stem, "cells lost"))
    assert not bad, bad  # every cell read from the corrected copy is the clean report's


def test_a_reprinted_corrected_table_replaces_the_report_table(tmp_path: Path) -> None:
    t = next(generate(1, seed=405, years=[2022]))
    text, _ = render("tsv", build_model(t, random.Random(0)), random.Random(0))
    lines = text.split("\n")
    start = next(i for i, x in enumerate(lines) if x.startswith("三、收到和处理"))
    end = next(i for i, x in enumerate(lines) if x.startswith("四、政府信息公开行政复议"))
    table = lines[start + 1:end]
    wrong = [re.sub(r"\t(\d+)$", lambda m: f"\t{int(m.group(1)) + 5}", x) if "予以公开" in x else x for x in lines]
    notice = ["关于《本机关年度报告》的更正说明", "报告第三部分表格中“（一）予以公开”行数据统计有误，现将更正后的表格全文重新发布如下，以此表为准。",
              "更正后："] + table + ["特此更正。"]
    (tmp_path / "c.txt").write_text("\n".join(notice + wrong), encoding="utf-8")
    (tmp_path / "clean.txt").write_text(text, encoding="utf-8")
    got = read_cells(tmp_path)
    a = {k: v for k, v in got["clean"].items() if k[0] == "table3"}
    b = {k: v for k, v in got["c"].items() if k[0] == "table3"}
    assert a == b
