"""Write the generated documents that are not made by scripts/make_doc_fixtures.py:

- the sample corpus's PDF and DOCX (warehouse/landing) and their truths (tests/fixtures/truth): two
  truth-backed fixtures of report years 2019 and 2020 (so the corpus keeps its two year partitions),
  rendered in the official 2019 form by the synthetic renderer (transforms.synth.documents: python-docx
  with the form's merged cells; the PDF is that DOCX through LibreOffice headless). The cells are the
  fixture truth's; the prose is written from the truth (make_doc_fixtures.build_docx only knows the
  2021 form);
- `--continued`: tests/fixtures/docs/continued/, a DOCX and its LibreOffice PDF whose table 3 runs
  over a page break with its three header rows repeated on the next page (Word's "repeat as
  header row", `w:tblHeader`), a running page header (the agency's name) and the `- N -` footer;
  its truth is the source fixture's.

    .venv/bin/python scripts/make_sample_docs.py [--out DIR] [--truth DIR]
        (default: a new temporary folder, truths beside the documents; the committed ones:
         --out warehouse/landing --truth tests/fixtures/truth)
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
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from make_doc_fixtures import build_docx, soffice_convert  # noqa: E402

SOURCES = {  # output name -> truth of a fixture (report year 2019 or 2020, 2019 form, every cell printed)
    "sample_2019_county.pdf": ROOT / "tests/fixtures/redteam_b/rtb2_pdftotext_raw.json",
    "sample_2020_district.docx": ROOT / "tests/fixtures/redteam_d/rtd6_html_layout_table.json",
}
# the keys of a truth in tests/fixtures/truth, in their order there
TRUTH_KEYS = ["agency", "region", "year", "admin_level", "template", "script", "table_shape", "sections_present",
              "table2", "table3", "table4", "derived", "source_inconsistencies", "narrative"]
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


def sample_truth(src: dict, fmt: str) -> dict:
    """The fixture's truth in the layout of tests/fixtures/truth, its table shape the document format."""
    out = {k: src.get(k) for k in TRUTH_KEYS}
    out["table_shape"] = fmt
    out["derived"] = src.get("derived") or {}
    out["source_inconsistencies"] = src.get("source_inconsistencies") or []
    out["narrative"] = src.get("narrative") or {}
    return out


def write_samples(out: Path, truth_dir: Path) -> None:
    import random

    from transforms.synth import build_model
    from transforms.synth.documents import docx_to_pdf, render_docx, soffice

    out.mkdir(parents=True, exist_ok=True)
    truth_dir.mkdir(parents=True, exist_ok=True)
    for name, src in SOURCES.items():
        truth = json.loads(src.read_text(encoding="utf-8"))
        if truth["year"] not in (2019, 2020) or truth["template"] != "2019" or truth.get("derived"):
            raise SystemExit(f"{src}: the sample corpus takes report years 2019/2020 in the 2019 form, all printed")
        stem, fmt = Path(name).stem, Path(name).suffix.lstrip(".")
        rng = random.Random(name)  # the same document every time
        data = render_docx(build_model(truth, rng), rng)
        if fmt == "pdf" and soffice() is None:
            print(f"{name}: skipped, soffice not on PATH", file=sys.stderr)
            continue
        with tempfile.TemporaryDirectory() as tmp:
            docx = Path(tmp) / f"{stem}.docx"
            docx.write_bytes(data)
            made = docx if fmt == "docx" else docx_to_pdf([docx], Path(tmp) / "pdf")[0]
            shutil.copy(made, out / name)
        (truth_dir / f"{stem}.json").write_text(
            json.dumps(sample_truth(truth, fmt), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{out / name}\t{(out / name).stat().st_size} bytes\t(from {src.relative_to(ROOT)})")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--truth", type=Path, default=None, help="where the samples' truths go (default: --out)")
    ap.add_argument("--continued", action="store_true", help="write the continued-table fixture")
    args = ap.parse_args()
    if args.continued:
        write_continued(args.out or ROOT / "tests/fixtures/docs/continued")
    else:
        out = args.out or Path(tempfile.mkdtemp(prefix="gongkai-sample-docs-"))
        write_samples(out, args.truth or out)


if __name__ == "__main__":
    main()
