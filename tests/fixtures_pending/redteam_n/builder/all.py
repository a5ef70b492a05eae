"""Rebuild every redteam_n fixture: python3 tests/fixtures/redteam_n/builder/all.py [n1 n5 …] (deterministic, stdlib only)."""
import sys
import fxn

FX = [fxn.n1, fxn.n2, fxn.n3, fxn.n4, fxn.n5, fxn.n6, fxn.n7, fxn.n8, fxn.n9, fxn.n10]
for f in FX:
    if len(sys.argv) < 2 or f.__name__ in sys.argv[1:]:
        f()
