"""Rebuild every redteam_af fixture: python3 tests/fixtures_pending/redteam_af/builder/all.py [af01 af05 …]
(deterministic, stdlib only). Uses the shared builder (tests/fixtures/builder_shared) and the redteam_l/m/q/x helpers."""
import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
_FIX = _HERE.parents[2] / "fixtures"
sys.path[1:1] = [str(_HERE), str(_FIX / "redteam_x" / "builder"), str(_FIX / "redteam_q" / "builder"),
                 str(_FIX / "redteam_m" / "builder"), str(_FIX / "redteam_l" / "builder"),
                 str(_FIX / "builder_shared")]
import core  # noqa: E402

core.OUT = _HERE.parent
import fxaf  # noqa: E402

for f in fxaf.FX:
    if len(sys.argv) < 2 or f.__name__ in sys.argv[1:]:
        f()
