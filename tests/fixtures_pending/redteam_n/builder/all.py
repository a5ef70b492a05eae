"""Rebuild every redteam_n fixture: python3 tests/fixtures/redteam_n/builder/all.py [n1 n5 …] (deterministic, stdlib only)."""
import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
_SHARED = _HERE.parents[2] / "fixtures" / "builder_shared"  # core, spans, render, kprose, lhelp (shared by J–N)
_L = _HERE.parents[2] / "fixtures" / "redteam_l" / "builder"  # red-team L's fixture functions (fxl1, fxl2)
sys.path[1:1] = [str(_L), str(_SHARED)]  # after this folder, so the set's own modules win
import core  # noqa: E402

core.OUT = _HERE.parent
import fxn

FX = [fxn.n1, fxn.n2, fxn.n3, fxn.n4, fxn.n5, fxn.n6, fxn.n7, fxn.n8, fxn.n9, fxn.n10]
for f in FX:
    if len(sys.argv) < 2 or f.__name__ in sys.argv[1:]:
        f()
