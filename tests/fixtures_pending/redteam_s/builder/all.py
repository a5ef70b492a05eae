"""Rebuild every redteam_s fixture: python3 tests/fixtures_pending/redteam_s/builder/all.py [s01 s05 …]
(deterministic, stdlib only). Uses tests/fixtures/builder_shared and the renderers of redteam_l/m/n."""
import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
_FIX = _HERE.parents[2] / "fixtures"
sys.path[1:1] = [str(_FIX / "redteam_n" / "builder"), str(_FIX / "redteam_m" / "builder"),
                 str(_FIX / "redteam_l" / "builder"), str(_FIX / "builder_shared")]
import core  # noqa: E402

core.OUT = _HERE.parent
import fxs  # noqa: E402

for f in fxs.FX:
    if len(sys.argv) < 2 or f.__name__ in sys.argv[1:]:
        f()
