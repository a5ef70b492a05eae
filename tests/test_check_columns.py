"""A spreadsheet's check columns copied with the tables (red-team AC): a 核对 / 校验 column after 总计, whose
cells hold the sheet's own sum checks (0 when they pass). They are no cells of the form: table 4's fifteen
cells were left unplaced beside a sixteenth.

The family: generated reports (both templates) as TSV whose tables 3 and 4 get one or two check columns
(header word and a 0 in every row); each reads exactly what the clean report reads.
"""

from __future__ import annotations

import sys

import random
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scoring import read_cells  # noqa: E402
from transforms.synth import build_model, generate, render

WORDS = ["核对", "校验", "检查", "差额"]


def with_check_columns(text: str, rng: random.Random, k: int) -> str:
    lines, out = text.split("\n"), []
    in_table = False
    for line in lines:
        if line.startswith(("三、收到和处理", "四、政府信息公开行政复议")):
            in_table = True
        elif line.startswith("五、"):
            in_table = False
        if in_table and "\t" in line:
            cells = line.split("\t")
            numeric = any(c.strip().isdigit() for c in cells)
            if numeric:
                cells += ["0"] * k
            elif any(w in line for w in ("总计", "申请人情况", "行政复议")):
                cells += [rng.choice(WORDS) if ("总计" in line or "结果维持" in line) else "" for _ in range(k)]
            line = "\t".join(cells)
        out.append(line)
    return "\n".join(out)




@pytest.mark.parametrize("k", [1, 2])
def test_check_columns_after_the_tables_are_no_cells(k: int, tmp_path: Path) -> None:
    rng = random.Random(k)
    for i, t in enumerate(generate(16, seed=71 + k, years=[2020, 2023])):
        text, _ = render("tsv", build_model(t, random.Random(i)), random.Random(i))
        (tmp_path / f"r{i:02d}_clean.txt").write_text(text, encoding="utf-8")
        (tmp_path / f"r{i:02d}_checked.txt").write_text(with_check_columns(text, rng, k), encoding="utf-8")
    got = read_cells(tmp_path)
    for i in range(16):
        a, b = got.get(f"r{i:02d}_clean"), got.get(f"r{i:02d}_checked")
        assert a and a == b, (i, sorted(x for x in set(a or {}) | set(b or {}) if (a or {}).get(x) != (b or {}).get(x))[:4])
