"""Pages a browser printed to PDF (red-team AK is the family of real printed files, in tests/test_table_shapes.py:
repeated <thead> rows, print headers and footers, zebra rows with no borders, tables wider than the paper).

Here the rule for a table the paper cut: a grid whose header names only the first applicant columns, one per
cell side by side, with nothing right of the last, is read by that header; the columns cut off are missing,
never the visible numbers moved into them. Every generated report's table 3 cut after 3, 4 and 5 applicant
columns must give the uncut reading's cells in the columns still printed, and nothing else.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_decoy_tables import N, _cells, _truths  # noqa: E402

from transforms.labels import APPLICANT_CODES  # noqa: E402
from transforms.pipeline import run_layers  # noqa: E402
from transforms.synth import build_model  # noqa: E402
from transforms.synth.shapes import render_tsv  # noqa: E402

CUTS = (3, 4, 5)


def _cut(text: str, keep: int) -> str:
    """Table 3's grid lines cut after `keep` applicant columns (the label columns stay)."""
    lines = text.split("\n")
    start = next(i for i, ln in enumerate(lines) if "申请人情况" in ln or ln.startswith("（本列数据"))
    end = next(i for i, ln in enumerate(lines) if ln.lstrip().startswith("四、结转下年度"))
    header = next(i for i in range(start, end) if "自然人" in lines[i])
    first = lines[header].split("\t").index("自然人")
    for i in range(start, end + 1):
        if "\t" in lines[i]:
            cells = lines[i].split("\t")
            lines[i] = "\t".join(cells[:first + keep])
    return "\n".join(lines)


@pytest.fixture(scope="module")
def cut_readings(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("cut")
    for i, truth in enumerate(_truths()):
        rng = random.Random(f"cut:{i}")
        text, ext = render_tsv(build_model(truth, rng), rng)
        (root / f"c{i:02d}_plain{ext}").write_text(text, encoding="utf-8")
        for keep in CUTS:
            (root / f"c{i:02d}_cut{keep}{ext}").write_text(_cut(text, keep), encoding="utf-8")
    return _cells(run_layers(root))


@pytest.mark.parametrize("keep", CUTS)
def test_a_table_the_paper_cut_keeps_its_printed_columns(cut_readings, keep: int) -> None:
    shown = set(APPLICANT_CODES[:keep])
    for i in range(N):
        plain, cut = cut_readings[f"c{i:02d}_plain"], cut_readings[f"c{i:02d}_cut{keep}"]
        assert sum(v is not None for v in plain.values()) > 100
        for (code, appl), v in cut.items():
            assert v is None or v == plain[(code, appl)], (i, keep, code, appl)
        printed = [k for k in plain if k[1] in shown and plain[k] is not None]
        assert sum(cut.get(k) == plain[k] for k in printed) >= 0.95 * len(printed), (i, keep)
