"""Write the generated documents that are not made by scripts/make_doc_fixtures.py:

- the sample corpus's PDF and DOCX (warehouse/landing), from two truth-backed fixtures in the
  official 2021 table layout;
- `--continued`: tests/fixtures/docs/continued/, a DOCX and its LibreOffice PDF whose table 3 runs
  over a page break with its three header rows repeated on the next page (Word's "repeat as
  header row", `w:tblHeader`), a running page header (the agency's name) and the `- N -` footer;
  its truth is the source fixture's.

    .venv/bin/python scripts/make_sample_docs.py [--out DIR]   (default: a new temporary folder)
    .venv/bin/python scripts/make_sample_docs.py --continued [--out tests/fixtures/docs/continued]

The PDFs need LibreOffice (`soffice`) and a CJK font (fonts-wqy-microhei); without soffice only the
DOCX files are written. Nothing is downloaded.
"""

from __future__ import annotations

import argparse
import json
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
CONTINUED_SRC = ROOT / "tests/fixtures/shapes/tsv_2021_clean.txt"
CONTINUED_STEM = "report_2021_continued"


def repeat_header_rows(docx: Path, truth: dict, header_rows: int = 3) -> None:
    """Mark the first rows of table 3 (the 10-column one) as header rows repeated on every page, and
    give every page a running header with the agency's name."""
    from docx import Document
    from docx.oxml import OxmlElement

    doc = Document(str(docx))
    t3 = next(t for t in doc.tables if len(t.columns) == 10)
    for row in t3.rows[:header_rows]:
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:tblHeader"))
        tr_pr.append(OxmlElement("w:cantSplit"))
    header = doc.sections[0].header
    header.is_linked_to_previous = False
    header.paragraphs[0].text = truth["agency"]
    header.paragraphs[0].alignment = 1  # centred
    doc.save(str(docx))


def write_continued(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    truth = json.loads(CONTINUED_SRC.with_suffix(".json").read_text(encoding="utf-8"))
    docx = out / f"{CONTINUED_STEM}.docx"
    build_docx(CONTINUED_SRC, truth, docx)
    repeat_header_rows(docx, truth)
    shutil.copy(CONTINUED_SRC.with_suffix(".json"), out / f"{CONTINUED_STEM}.json")
    if shutil.which("soffice"):
        soffice_convert(docx, "pdf", out)
    else:
        print(f"{CONTINUED_STEM}.pdf: skipped, soffice not on PATH", file=sys.stderr)
    for p in sorted(out.glob(f"{CONTINUED_STEM}*")):
        print(f"{p}\t{p.stat().st_size} bytes\t(from {CONTINUED_SRC.relative_to(ROOT)})")


def write_samples(out: Path) -> None:
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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--continued", action="store_true", help="write the continued-table fixture")
    args = ap.parse_args()
    if args.continued:
        write_continued(args.out or ROOT / "tests/fixtures/docs/continued")
    else:
        write_samples(args.out or Path(tempfile.mkdtemp(prefix="gongkai-sample-docs-")))


if __name__ == "__main__":
    main()
