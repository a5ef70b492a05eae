"""Rebuild every redteam_n fixture: python3 tests/fixtures/redteam_n/builder/all.py [n1 n5 …] (deterministic, stdlib only)."""
# The modules this set shares with red-team L (core, render, lhelp, kprose) are read
# from L's builder (spans and render from J's, as L does), unchanged; only where the files are written is this set's own folder.
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
L_BUILDER = HERE.parents[2] / "fixtures" / "redteam_l" / "builder"  # tests/fixtures/redteam_l/builder
sys.path[1:1] = [str(L_BUILDER), str(L_BUILDER.parents[1] / "redteam_j" / "builder")]  # after this folder
import core  # noqa: E402

core.OUT = HERE.parent
import fxn

FX = [fxn.n1, fxn.n2, fxn.n3, fxn.n4, fxn.n5, fxn.n6, fxn.n7, fxn.n8, fxn.n9, fxn.n10]
for f in FX:
    if len(sys.argv) < 2 or f.__name__ in sys.argv[1:]:
        f()
