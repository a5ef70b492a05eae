"""Write one PDF and one DOCX report for the bundled sample corpus (warehouse/landing), generated
from two truth-backed 2021 fixtures in the official table layout (scripts/make_doc_fixtures.py).

    .venv/bin/python scripts/make_sample_docs.py [--out DIR]   (default: a new temporary folder)

The PDF needs LibreOffice (`soffice`); without it only the DOCX is written. Nothing is downloaded.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from make_doc_fixtures import build_docx, soffice_convert  # noqa: E402

SOURCES = {  # output name -> (truth-backed fixture, format)
    "sample_2021_county.pdf": (ROOT / "tests/fixtures/shapes/tsv_2021_clean.txt", "pdf"),
    "sample_2022_district.docx": (ROOT / "tests/fixtures/redteam_f/rtf2_newmedia_seven_columns.md", "docx"),
}


def main() -> None:
    import json

    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="gongkai-sample-docs-"))
    out.mkdir(parents=True, exist_ok=True)
    for name, (src, fmt) in SOURCES.items():
        truth = json.loads(src.with_suffix(".json").read_text(encoding="utf-8"))
        with tempfile.TemporaryDirectory() as tmp:
            docx = Path(tmp) / (Path(name).stem + ".docx")
            build_docx(src, truth, docx)
            if fmt == "docx":
                shutil.copy(docx, out / name)
            elif shutil.which("soffice"):
                shutil.copy(soffice_convert(docx, "pdf", Path(tmp)), out / name)
            else:
                print(f"{name}: skipped, soffice not on PATH", file=sys.stderr)
                continue
        print(f"{out / name}\t{(out / name).stat().st_size} bytes\t(from {src.relative_to(ROOT)})")


if __name__ == "__main__":
    main()
