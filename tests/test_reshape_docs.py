"""Reshape harness, document shapes: the truths of tests/test_reshape.py rendered as real files and read
back through the real pipeline (the ingest layer's DOCX and PDF readers), one pipeline run per shape.

- `docx`: every truth the text harness uses, written by python-docx with the official form's merged cells
  (transforms.synth.documents.render_docx).
- `pdf`: a fixed subset of PDF_N truths, half per template, the DOCX converted by LibreOffice headless
  (all files in one `soffice` start); skipped, saying why, when `soffice` is not on PATH.
- `html_export`: the same subset, the DOCX saved as a web page by LibreOffice (Writer's HTML export:
  the page a portal publishes from a Word file, with the grid columns where rows' borders almost
  line up); skipped like `pdf`.
- `doc`: the same subset saved by LibreOffice as Word 97 `.doc` (what many agencies still publish), read
  back through the ingest layer's DOC reader (LibreOffice to DOCX); skipped like `pdf`.
- `pdf_scan`: SCAN_N of the subset's PDFs (those whose tables print their cells) rendered to image-only PDFs at 200 dpi
  (transforms.synth.documents.render_scan), read back by OCR (the `.[ocr]` extra: rapidocr); skipped,
  saying why, without LibreOffice, a CJK font or rapidocr. OCR costs about 10 CPU s per page.

The gate is the text harness's: no number wrong or invented anywhere, ≥ 99 % of the cells of rows printed
in full right, every report's agency and year right. `scripts/reshape_matrix.py --docs` prints these rows.
"""

from __future__ import annotations

import random
import re
import sys
import tempfile
from pathlib import Path, PurePath

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scoring import Score, score_cells  # noqa: E402
from test_reshape import FACTS, all_truths, full_rows  # noqa: E402

from transforms.synth import build_model  # noqa: E402
from transforms.synth.documents import docx_convert, render_docx, render_scan, soffice  # noqa: E402

DOC_SHAPES = ["docx", "pdf", "html_export", "doc", "pdf_scan"]
CONVERTED = {"pdf": "pdf", "html_export": "html", "doc": "doc", "pdf_scan": "pdf"}  # shape → LibreOffice target
PDF_N = 24
SCAN_N = 4


def cjk_font() -> bool:
    """True when fontconfig knows a Chinese font (LibreOffice's PDFs need one for a real text layer)."""
    import shutil
    import subprocess

    if shutil.which("fc-list") is None:
        return False
    out = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True, timeout=30).stdout
    return bool(out.strip())


def pdf_truths(truths: list[tuple[str, dict]], n: int = PDF_N) -> list[tuple[str, dict]]:
    """A fixed subset: n/2 truths of each template, evenly spread over the list (fixtures and synthetic)."""
    out = []
    for template in ("2019", "2021"):
        pool = [x for x in truths if x[1]["template"] == template]
        k = min(len(pool), n // 2)
        out += [pool[i * len(pool) // k] for i in range(k)] if k else []
    return out


def scan_truths(truths: list[tuple[str, dict]], n: int = SCAN_N) -> list[tuple[str, dict]]:
    """n/2 truths of each template from the pdf subset whose tables print at least 90 % of their cells (a scan
    of a table the prose fills in tests nothing OCR reads)."""
    def printed(truth: dict) -> bool:
        vals = [v for t in FACTS for row in (truth.get(t) or {}).values() for v in row.values()]
        return bool(vals) and sum(v is not None for v in vals) >= 0.9 * len(vals)

    out = []
    for template in ("2019", "2021"):
        pool = pdf_truths(truths) if n <= SCAN_N else truths  # a bigger scan set draws from every truth
        printed_ = [x for x in pool if x[1]["template"] == template and printed(x[1])]
        k = min(len(printed_), n // 2)
        out += printed_[:k] if n <= SCAN_N else [printed_[i * len(printed_) // k] for i in range(k)]
    return out


def render_docs(shape: str, truths: list[tuple[str, dict]], out_dir: Path) -> dict[str, dict]:
    """Write every truth as a .docx (shape docx), or convert it (pdf, html_export) into out_dir; {stem: truth}."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written, docx_files = {}, []
    src_dir = out_dir if shape == "docx" else out_dir.parent / f"{shape}_src"
    src_dir.mkdir(parents=True, exist_ok=True)
    for stem, truth in truths:
        rng = random.Random(f"{stem}:{shape}")
        name = f"{stem}_{shape}"
        path = src_dir / f"{name}.docx"
        path.write_bytes(render_docx(build_model(truth, rng), rng))
        docx_files.append(path)
        written[name] = dict(truth, table_shape=shape)
    if shape == "pdf_scan":
        for pdf in docx_convert(docx_files, src_dir / "pdf", "pdf"):
            (out_dir / pdf.name).write_bytes(render_scan(pdf.read_bytes()))
    elif shape in CONVERTED:
        docx_convert(docx_files, out_dir, CONVERTED[shape])
    elif shape != "docx":
        raise ValueError(f"unknown document shape {shape!r} (known: {', '.join(DOC_SHAPES)})")
    return written


def score_layers(layers: dict, written: dict[str, dict]) -> dict:
    """Score a pipeline run against the truths as printed (the text harness's rules)."""
    got: dict[str, dict] = {}
    dims: dict[str, dict] = {}
    for marts in (ly["marts"] for ly in layers["years"].values()):
        rid_stem = {}
        for row in marts["dim_report"].to_dicts():
            stem = PurePath(row["source_path"]).stem
            rid_stem[row["report_id"]] = stem
            dims[stem] = row
        for table, (mart, a, b, v) in FACTS.items():
            for rid, x, y, val in marts[mart].select("report_id", a, b, v).iter_rows():
                if rid in rid_stem:
                    got.setdefault(rid_stem[rid], {})[(table, x, y)] = val
    score, printed_rows = Score(), Score()
    meta_wrong: dict[str, str] = {}
    for stem, truth in written.items():
        score_cells(got.get(stem, {}) if stem in dims else None, truth, stem, score)
        full = full_rows(truth)
        if any(full.get(t) for t in FACTS):
            score_cells(got.get(stem, {}) if stem in dims else None, full, stem, printed_rows)
        dim = dims.get(stem)
        if dim is None:
            meta_wrong[stem] = "report not in dim_report"
            continue
        bad = []
        if dim.get("agency_name") != truth["agency"]:
            bad.append(f"agency {dim.get('agency_name')!r} != {truth['agency']!r}")
        if dim.get("report_year") != truth["year"]:
            bad.append(f"year {dim.get('report_year')} != {truth['year']}")
        if bad:
            meta_wrong[stem] = "; ".join(bad)
    return {"reports": len(written), "score": score, "printed_rows": printed_rows, "meta_wrong": meta_wrong,
            "agency_right": sum(1 for s in written if s in dims and "agency" not in meta_wrong.get(s, ""))}


def run_doc_shape(shape: str, truths: list[tuple[str, dict]], work: Path, every: bool = False) -> dict:
    """Render (the converted shapes take their fixed subset unless `every`: then pdf, html_export and doc take
    every truth and pdf_scan 12 spread over them), run the pipeline once over the folder, score."""
    from transforms.pipeline import run_layers

    if every:
        chosen = scan_truths(truths, 12) if shape == "pdf_scan" else truths
    else:
        chosen = (scan_truths(truths) if shape == "pdf_scan" else pdf_truths(truths) if shape in CONVERTED
                  else truths)
    written = render_docs(shape, chosen, work / shape)
    res = score_layers(run_layers(work / shape), written)
    res["shape"] = shape
    return res


@pytest.fixture(scope="module")
def truths():
    return all_truths()


def test_pdf_subset_is_fixed_and_has_both_templates(truths):
    sub = pdf_truths(truths)
    assert sub == pdf_truths(all_truths())
    assert len(sub) == PDF_N
    assert {t["template"] for _, t in sub} == {"2019", "2021"}


@pytest.mark.parametrize("shape", DOC_SHAPES)
def test_doc_shape_reads_back(shape: str, truths):
    if shape in CONVERTED and soffice() is None:
        pytest.skip(f"the {shape} shape needs LibreOffice to make its files, and 'soffice' is not on PATH "
                    "(apt-get install -y libreoffice-writer-nogui)")
    if shape == "pdf_scan":
        from transforms.ingest import ocr

        if not ocr.available():
            pytest.skip("the pdf_scan shape needs the OCR extra (pip install -e '.[ocr]': rapidocr, onnxruntime)")
    if shape in ("pdf", "pdf_scan") and not cjk_font():
        pytest.skip(f"the {shape} shape needs a CJK font for LibreOffice (without one its PDFs carry no usable "
                    "text layer): apt-get install -y fonts-wqy-microhei")
    with tempfile.TemporaryDirectory() as tmp:
        res = run_doc_shape(shape, truths, Path(tmp))
    s: Score = res["score"]
    problems = {k: v[:6] for k, v in list(s.problems.items())[:8]}
    assert (s.wrong, s.invented) == (0, 0), f"{shape}: wrong {s.wrong}, invented {s.invented}: {problems}"
    full: Score = res["printed_rows"]
    assert full.correct >= 0.99 * full.cells, \
        f"{shape}: rows printed in full {full.correct}/{full.cells} right: {problems}"
    meta = res["meta_wrong"]
    assert not meta, f"{shape}: {dict(list(meta.items())[:8])}"


def _tc_spans(tbl) -> dict[str, tuple[int, int]]:
    """text → (rows, columns) spanned, for every merged cell of a Word table element."""
    from docx.oxml.ns import qn

    out, rows = {}, tbl.tr_lst
    for r, tr in enumerate(rows):
        for tc in tr.tc_lst:
            text = "".join(t.text or "" for t in tc.iter(qn("w:t")))
            if tc.vMerge == "continue" or not text:
                continue
            down = 1
            while tc.vMerge == "restart" and r + down < len(rows):
                below = [x for x in rows[r + down].tc_lst if x.grid_offset == tc.grid_offset]
                if not below or below[0].vMerge != "continue":
                    break
                down += 1
            if down > 1 or tc.grid_span > 1:
                out[text] = (down, tc.grid_span)
    return out


def test_docx_tables_merge_cells_as_the_official_form(truths):
    import io

    from docx import Document

    stem, truth = next(x for x in truths if x[1]["template"] == "2021" and x[1].get("table3")
                       and x[1].get("table4") and "withheld_state_secret" in x[1]["table3"])
    rng = random.Random(0)
    doc = Document(io.BytesIO(render_docx(build_model(truth, rng), rng)))
    spans = {}
    for t in doc.tables:
        spans.update(_tc_spans(t._tbl))
    n_results = len([c for c in truth["table3"]
                     if c not in ("new_received", "carried_over", "carried_forward")])
    assert spans["三、本年度办理结果"] == (n_results, 1)
    assert spans["法人或其他组织"] == (1, 5)
    assert spans["申请人情况"] == (1, 7)
    assert spans["（三）不予公开"] == (8, 1)
    assert spans["行政诉讼"] == (1, 10)
    assert spans["一、本年新收政府信息公开申请数量"] == (1, 3)


def test_render_pdf_says_why_without_soffice(monkeypatch):
    import transforms.synth.documents as documents

    monkeypatch.setattr(documents, "soffice", lambda: None)
    truth = all_truths()[0][1]
    with pytest.raises(documents.ConverterMissing, match="soffice"):
        documents.render_pdf(build_model(truth, random.Random(0)), random.Random(0))


@pytest.mark.skipif(soffice() is None, reason="render_pdf needs LibreOffice ('soffice' is not on PATH)")
def test_render_pdf_makes_one_pdf(truths):
    from transforms.synth.documents import render_pdf

    data = render_pdf(build_model(truths[0][1], random.Random(0)), random.Random(0))
    assert data.startswith(b"%PDF")
