"""No hostile input hangs a run (issue 8, item 1): each runs through run_layers in a subprocess.

The inputs are built by scripts/hostile_bench.py (the benchmark prints their time and peak RSS;
this test only guards against hangs and lost files). Each folder holds the hostile report and a
normal 2020 report. The subprocess gets a generous deadline (a hang guard, not a timing
assertion); the test checks that the hostile file is accounted for (in dim_report or in
dq_findings) and that the other file of the batch is parsed into dim_report.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DEADLINE_S = float(os.environ.get("GONGKAI_HOSTILE_DEADLINE", "120"))
MAX_RSS_MB = 1536  # the colspan=100000 table must not blow up memory

_spec = importlib.util.spec_from_file_location("hostile_bench", REPO / "scripts" / "hostile_bench.py")
hb = importlib.util.module_from_spec(_spec)
sys.modules["hostile_bench"] = hb
_spec.loader.exec_module(hb)

# The 15 MB file of 10^6 lines is read in linear time but is large: it gets twice the guard.
DEADLINES = {"million_lines": 2 * DEADLINE_S}
# Inputs known to fail, each with its reason (xfail, non-strict). None today: the 200-digit count is
# nulled by count_cell with a cell_unreadable finding.
PENDING: dict[str, str] = {}


def _case(name):
    if name in PENDING:
        return pytest.param(name, marks=pytest.mark.xfail(strict=False, reason=PENDING[name]))
    return name


@pytest.mark.parametrize("name", [_case(n) for n in hb.HOSTILE])
def test_hostile_input_does_not_hang_and_every_file_is_accounted_for(name, tmp_path):
    folder = hb.build_input(name, tmp_path)
    hostile = next(p.name for p in folder.iterdir() if p.name != hb.OTHER_NAME)
    cap = DEADLINES.get(name, DEADLINE_S)
    res = hb.run_child(folder, cap=cap)
    assert res["status"] != "timeout", f"{name}: no result within {cap:.0f} s (hang)"
    assert res["status"] == "ok", f"{name}: pipeline failed:\n{res.get('stderr', '')}"
    dims = {Path(p).name for p in res["dim_report"]}
    finds = {Path(p).name for p in res["findings"]}
    assert hostile in dims or hostile in finds, f"{name}: the hostile file is in neither dim_report nor dq_findings"
    assert hb.OTHER_NAME in dims, f"{name}: the other file of the batch was not parsed"
    if name == "html_colspan":
        assert res["rss_mb"] < MAX_RSS_MB, f"peak RSS {res['rss_mb']:.0f} MB"
