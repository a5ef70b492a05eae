"""Print ms per page (and per file) for each ingest reader on the committed fixtures.

    .venv/bin/python scripts/bench_readers.py [--repeat 5]

Readers: txt and html (decode + lxml render), pdf (pdfplumber tables + pypdfium2 text), a 6-page
PDF (the fixture twice), docx (python-docx body walker), doc (LibreOffice + docx; only when
`soffice` is on PATH, once: it is a process start). `probe` rows are the landing scan's cheap look
(pypdfium2 text layer only); a PDF costs one probe plus one full read in a pipeline run, which the
`scan + raw` row measures end to end (scan_landing, then the raw stage's read_report) on the
6-page PDF. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from transforms.ingest import doc as doc_reader  # noqa: E402
from transforms.ingest import read_document, scan_landing  # noqa: E402
from transforms.landing import read_report  # noqa: E402

DOCS = ROOT / "tests" / "fixtures" / "docs"


def _six_page_pdf() -> bytes:
    import pypdfium2 as pdfium
    src = pdfium.PdfDocument(str(DOCS / "report_2021.pdf"))
    out = pdfium.PdfDocument.new()
    out.import_pages(src)
    out.import_pages(src)
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    cases = [
        ("txt", (ROOT / "tests/fixtures/shapes/tsv_2021_clean.txt").read_bytes(), ".txt", args.repeat),
        ("html", (ROOT / "tests/fixtures/shapes/html_word_paste.html").read_bytes(), ".html", args.repeat),
        ("pdf", (DOCS / "report_2021.pdf").read_bytes(), ".pdf", args.repeat),
        ("pdf 6 pages", _six_page_pdf(), ".pdf", args.repeat),
        ("docx", (DOCS / "report_2021.docx").read_bytes(), ".docx", args.repeat),
    ]
    if doc_reader.soffice():
        cases.append(("doc (soffice)", (DOCS / "report_2021.doc").read_bytes(), ".doc", 1))
    else:
        print("doc: skipped, soffice not on PATH")
    for _, data, ext, _ in cases:  # warm-up: imports and first-call costs are not per page
        if ext != ".doc":
            read_document(data, ext)
    print(f"{'reader':<22}{'pages':>6}{'ms/file':>10}{'ms/page':>10}")
    rows = [(name, data, ext, repeat, False) for name, data, ext, repeat in cases]
    rows += [(f"{name} probe", data, ext, repeat, True) for name, data, ext, repeat in cases if ext == ".pdf"]
    for name, data, ext, repeat, probe in rows:
        started = time.perf_counter()
        for _ in range(repeat):
            reading, _ = read_document(data, ext, probe=probe)
        ms = (time.perf_counter() - started) * 1000 / repeat
        pages = reading.pages or reading.text.count("\f") + 1
        print(f"{name:<22}{pages:>6}{ms:>10.1f}{ms / pages:>10.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "six.pdf").write_bytes(cases[3][1])
        started = time.perf_counter()
        for _ in range(args.repeat):
            (row,) = scan_landing(Path(tmp))
            read_report(Path(tmp), row.source_path, len(cases[3][1]))
        ms = (time.perf_counter() - started) * 1000 / args.repeat
        print(f"{'pdf 6 pages scan + raw':<22}{6:>6}{ms:>10.1f}{ms / 6:>10.1f}")


if __name__ == "__main__":
    main()
