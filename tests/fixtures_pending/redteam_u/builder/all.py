"""Rebuild every redteam_u fixture: python3 tests/fixtures_pending/redteam_u/builder/all.py [u01 u05 …]
(deterministic, stdlib only). Uses tests/fixtures/builder_shared and the renderers of redteam_l/m."""
import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
_FIX = _HERE.parents[2] / "fixtures"
sys.path[1:1] = [str(_HERE), str(_FIX / "redteam_m" / "builder"), str(_FIX / "redteam_l" / "builder"),
                 str(_FIX / "builder_shared")]
import core  # noqa: E402

core.OUT = _HERE.parent
import fxu  # noqa: E402

for f in fxu.FX:
    if len(sys.argv) < 2 or f.__name__ in sys.argv[1:]:
        f()
