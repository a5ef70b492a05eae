"""Rebuild every redteam_aa fixture: /tmp/aa_venv/bin/python tests/fixtures_pending/redteam_aa/builder/all.py [aa01 …]
Needs reportlab 4 (+ Pillow) in a venv of its own: python3 -m venv /tmp/aa_venv && /tmp/aa_venv/bin/pip install
'reportlab==4.*'. Font: /usr/share/fonts/truetype/wqy/wqy-microhei.ttc (subfont 0). Deterministic (invariant=1)."""
import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
_FIX = _HERE.parents[2] / "fixtures"
sys.path[0:0] = [str(_HERE), str(_FIX / "builder_shared")]
import core  # noqa: E402

core.OUT = _HERE.parent
import fxaa  # noqa: E402

for f in fxaa.FX:
    if len(sys.argv) < 2 or f.__name__ in sys.argv[1:]:
        f()
