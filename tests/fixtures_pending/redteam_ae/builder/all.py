"""Rebuild every redteam_ae fixture: python3 tests/fixtures_pending/redteam_ae/builder/all.py [ae01 ae05 …]
(deterministic, stdlib only). Uses the shared builder (tests/fixtures/builder_shared), the redteam_l/m renderers,
redteam_q's table helpers and redteam_t's Word-HTML renderer."""
import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
_FIX = _HERE.parents[2] / "fixtures"
sys.path[1:1] = [str(_HERE), str(_FIX / "redteam_t" / "builder"), str(_FIX / "redteam_q" / "builder"),
                 str(_FIX / "redteam_m" / "builder"), str(_FIX / "redteam_l" / "builder"),
                 str(_FIX / "builder_shared")]
import core  # noqa: E402

core.OUT = _HERE.parent
import fxae  # noqa: E402

for f in fxae.FX:
    if len(sys.argv) < 2 or f.__name__ in sys.argv[1:]:
        f()
