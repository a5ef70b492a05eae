"""Rebuild every redteam_ag fixture: python3 tests/fixtures_pending/redteam_ag/builder/all.py [ag01 ag05 …]
(deterministic, stdlib only). Uses the shared builder (tests/fixtures/builder_shared), the redteam_l/m renderers
and redteam_q's table helpers."""
import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
_FIX = _HERE.parents[2] / "fixtures"
sys.path[1:1] = [str(_HERE), str(_FIX / "redteam_ae" / "builder"), str(_FIX / "redteam_t" / "builder"),
                 str(_FIX / "redteam_q" / "builder"), str(_FIX / "redteam_m" / "builder"),
                 str(_FIX / "redteam_l" / "builder"), str(_FIX / "builder_shared")]
import core  # noqa: E402

core.OUT = _HERE.parent
import fxag  # noqa: E402

for f in fxag.FX:
    if len(sys.argv) < 2 or f.__name__ in sys.argv[1:]:
        f()
