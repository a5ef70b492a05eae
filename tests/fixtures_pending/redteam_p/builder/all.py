"""Rebuild every redteam_p fixture: .venv/bin/python tests/fixtures_pending/redteam_p/builder/all.py [p1 p5 …].

Needs python-docx (in .venv) and LibreOffice (soffice) for the PDF/DOC fixtures. DOCX bytes are reproducible
(fixed core properties and zip times); LibreOffice's PDFs get their CreationDate and /ID pinned, the .doc is
reproducible in content (LibreOffice may write its own timestamps into the OLE summary)."""
import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
_SHARED = _HERE.parents[2] / "fixtures" / "builder_shared"  # core, kprose, lhelp (shared by J–O)
sys.path[1:1] = [str(_SHARED)]
import core  # noqa: E402

core.OUT = _HERE.parent
import fxp  # noqa: E402

FX = [fxp.p1, fxp.p2, fxp.p3, fxp.p4, fxp.p5, fxp.p6, fxp.p7, fxp.p8, fxp.p9, fxp.p10, fxp.p11, fxp.p12, fxp.p13,
      fxp.p14, fxp.p15, fxp.p16, fxp.p17, fxp.p18, fxp.p19]
if __name__ == "__main__":
    for f in FX:
        if len(sys.argv) < 2 or f.__name__ in sys.argv[1:]:
            f()
