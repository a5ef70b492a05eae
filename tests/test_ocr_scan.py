"""A scanned PDF read by the real OCR engine (rapidocr, the optional `.[ocr]` extra) gives the cells of
the same report read from its text layer: none wrong or invented, at least 99 % right.

The scan is the 2021 sample PDF (tests/fixtures/docs/report_2021.pdf) rendered at 200 dpi, grey, one
image per page, with no text layer. The test extra installs the `.[ocr]` extra (rapidocr and
onnxruntime), so `make test` and CI run it (about 55 CPU s and 1 GB); it is skipped, saying why, only
when rapidocr is not installed. `tests/test_ingest_docs.py` tests the OCR path's edges with a stand-in.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_reshape_docs import score_layers  # noqa: E402

DOCS = Path(__file__).parent / "fixtures" / "docs"


def test_a_200_dpi_scan_reads_back_the_cells(tmp_path: Path) -> None:
    from transforms.ingest import ocr

    if not ocr.available():
        pytest.skip("rapidocr is not installed (pip install -e '.[ocr]'); the OCR path is tested with a stand-in "
                    "engine in tests/test_ingest_docs.py")
    from transforms.pipeline import run_layers
    from transforms.synth.documents import render_scan

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "report_2021_scan.pdf").write_bytes(render_scan((DOCS / "report_2021.pdf").read_bytes()))
    truth = json.loads((DOCS / "report_2021.json").read_text(encoding="utf-8"))
    res = score_layers(run_layers(tmp_path / "in"), {"report_2021_scan": truth})
    s = res["score"]
    assert (s.wrong, s.invented) == (0, 0), s.problems
    assert s.correct >= 0.99 * s.cells, s.problems
    assert res["meta_wrong"] == {}
