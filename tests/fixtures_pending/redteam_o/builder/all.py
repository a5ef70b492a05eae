"""Rebuild every redteam_o fixture: python3 tests/fixtures_pending/redteam_o/builder/all.py [o1 o5 …] (deterministic, stdlib only)."""
import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
_SHARED = _HERE.parents[2] / "fixtures" / "builder_shared"  # core, spans, render, kprose, lhelp (shared by J–O)
sys.path[1:1] = [str(_SHARED)]  # after this folder, so the set's own modules win
import core  # noqa: E402

core.OUT = _HERE.parent
import fxo  # noqa: E402

FX = [fxo.o1, fxo.o2, fxo.o3, fxo.o4, fxo.o5, fxo.o6, fxo.o7, fxo.o8, fxo.o9, fxo.o10]
for f in FX:
    if len(sys.argv) < 2 or f.__name__ in sys.argv[1:]:
        f()
