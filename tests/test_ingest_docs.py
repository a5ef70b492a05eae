"""PDF, DOCX and DOC input: the committed fixtures (tests/fixtures/docs, made by
scripts/make_doc_fixtures.py) give the truth's cells end to end, and every broken document is one
finding while the batch goes on. Scanned and mixed PDFs are generated here from the text PDF."""

from __future__ import annotations

import io
import json
import re
import shutil
import sys
import zipfile
from pathlib import Path

import pytest

from scoring import Score, score_cells
from transforms import ingest
from transforms.ingest import ReaderError, doc as doc_reader, ocr, read_document, scan_landing
from transforms.pipeline import run_layers

DOCS = Path(__file__).parent / "fixtures" / "docs"
TRUTHS = sorted(DOCS.glob("*.json"))
FACTS = {"table3": ("fact_request_handling", "outcome", "applicant_type", "count"),
         "table2": ("fact_active_disclosure", "item", "metric", "value"),
         "table4": ("fact_review_litigation", "case_type", "result", "count")}
NO_SOFFICE = doc_reader.soffice() is None
SOFFICE_REASON = ("LibreOffice 'soffice' is not on PATH (apt-get install -y --no-upgrade libreoffice-writer-nogui): "
                  ".doc/.wps conversion cannot be tested")


def _parse(files: list[Path], tmp_path: Path) -> dict:
    inp = tmp_path / "in"
    inp.mkdir()
    for f in files:
        shutil.copy(f, inp / f.name)
    layers = run_layers(inp)
    out = {}
    for y, year in layers["years"].items():
        marts = year["marts"]
        for dim in marts["dim_report"].to_dicts():
            got = {}
            for table, (mart, a, b, v) in FACTS.items():
                m = marts[mart].filter(marts[mart]["report_id"] == dim["report_id"])
                for x, yy, val in m.select(a, b, v).iter_rows():
                    got[(table, x, yy)] = val
            out[dim["source_path"]] = {"dim": dim, "cells": got, "findings": marts["dq_findings"]}
    return {"reports": out, "manifest": layers["landing_manifest"]}


def _check(parsed: dict, truth: dict, name: str) -> None:
    score = Score()
    score_cells(parsed["cells"], truth, name, score)
    assert (score.wrong, score.invented, score.abstained) == (0, 0, 0), score.problems
    assert score.correct == score.cells
    assert parsed["dim"]["agency_name"] == truth["agency"]
    assert parsed["dim"]["report_year"] == truth["year"]


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
@pytest.mark.parametrize("truth_path", TRUTHS, ids=[p.stem for p in TRUTHS])
def test_document_fixture_gives_the_truth_cells(truth_path: Path, suffix: str, tmp_path: Path) -> None:
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    src = truth_path.with_suffix(suffix)
    parsed = _parse([src], tmp_path)
    rep = parsed["reports"][src.name]
    assert rep["dim"]["source_format"] == suffix[1:]
    _check(rep, truth, src.stem)


@pytest.mark.skipif(NO_SOFFICE, reason=SOFFICE_REASON)
@pytest.mark.parametrize("truth_path", TRUTHS, ids=[p.stem for p in TRUTHS])
def test_doc_fixture_through_libreoffice(truth_path: Path, tmp_path: Path) -> None:
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    src = truth_path.with_suffix(".doc")
    parsed = _parse([src], tmp_path)
    rep = parsed["reports"][src.name]
    assert rep["dim"]["source_format"] == "doc"
    _check(rep, truth, src.stem)


def test_doc_without_libreoffice_is_one_clear_finding(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(doc_reader, "soffice", lambda: None)
    (tmp_path / "in").mkdir()
    shutil.copy(DOCS / "report_2021.doc", tmp_path / "in" / "r.doc")
    # a WPS file is the same OLE Word format (distinct bytes, so it is not a duplicate)
    (tmp_path / "in" / "r.wps").write_bytes((DOCS / "report_2021.doc").read_bytes() + bytes(512))
    shutil.copy(Path(__file__).parent / "fixtures" / "shapes" / "tsv_2021_clean.txt", tmp_path / "in" / "ok.txt")
    rows = {f.source_path: f for f in scan_landing(tmp_path / "in")}
    assert rows["r.doc"].status == "rejected" and rows["r.doc"].check_name == "converter_missing"
    assert "libreoffice" in rows["r.doc"].message.lower() and rows["r.doc"].source_format == "doc"
    assert rows["r.wps"].check_name == "converter_missing" and rows["r.wps"].source_format == "doc"
    assert rows["ok.txt"].status == "accepted"


# ---------------------------------------------------------------------------------------------
# generated PDFs: scanned, mixed, encrypted, corrupt, zero pages
# ---------------------------------------------------------------------------------------------
def _scan_pdf(pages: list[int] | None = None) -> bytes:
    import pypdfium2 as pdfium
    doc = pdfium.PdfDocument(str(DOCS / "report_2021.pdf"))
    idx = range(len(doc)) if pages is None else pages
    images = [doc[i].render(scale=0.6, grayscale=True).to_pil().convert("L") for i in idx]
    buf = io.BytesIO()
    images[0].save(buf, format="PDF", save_all=True, append_images=images[1:])
    return buf.getvalue()


def _mixed_pdf() -> bytes:
    """Pages 1-2 with a text layer, page 3 an image only."""
    import pypdfium2 as pdfium
    text = pdfium.PdfDocument(str(DOCS / "report_2021.pdf"))
    scan = pdfium.PdfDocument(_scan_pdf([2]))
    out = pdfium.PdfDocument.new()
    out.import_pages(text, [0, 1])
    out.import_pages(scan, [0])
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()


def _zero_page_pdf() -> bytes:
    import pypdfium2 as pdfium
    buf = io.BytesIO()
    pdfium.PdfDocument.new().save(buf)
    return buf.getvalue()


# A standard-security-handler PDF whose user password is not empty: opening it needs a password.
_ENCRYPTED_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"3 0 obj<</Filter/Standard/V 2/R 3/Length 128/P -3904/O<" + b"41" * 32 + b">/U<" + b"42" * 32 + b">>>endobj\n"
    b"trailer<</Root 1 0 R/Encrypt 3 0 R/ID[<0123456789abcdef0123456789abcdef><0123456789abcdef0123456789abcdef>]>>\n"
    b"%%EOF\n"
)


def test_scanned_pdf_without_ocr_is_one_ocr_needed_finding(monkeypatch) -> None:
    monkeypatch.setattr(ocr, "available", lambda: False)
    with pytest.raises(ReaderError) as err:
        read_document(_scan_pdf(), ".pdf")
    assert err.value.check_name == "ocr_needed" and "no text layer" in str(err.value)


def test_mixed_pdf_keeps_the_text_pages_and_notes_ocr_needed(monkeypatch) -> None:
    monkeypatch.setattr(ocr, "available", lambda: False)
    reading, _ = read_document(_mixed_pdf(), ".pdf")
    assert reading.source_format == "pdf" and reading.pages == 3
    assert reading.text.count("\f") == 2  # three pages, the last one empty
    assert "一、本年新收政府信息公开申请数量" in reading.text
    assert [n.split(":")[0] for n in reading.notes] == ["ocr_needed"]
    assert "page(s) 3 of 3" in reading.notes[0]


def test_ocr_stops_when_the_document_has_spent_its_ocr_time_and_keeps_what_it_read(monkeypatch) -> None:
    import time as _time

    monkeypatch.setattr(ocr, "available", lambda: True)
    monkeypatch.setattr(ocr, "DOC_BUDGET_S", 0.05)

    def slow(page):
        _time.sleep(0.06)
        return "六、其他需要报告的事项\n无。"

    monkeypatch.setattr(ocr, "ocr_pdf_page", slow)
    reading, _ = read_document(_scan_pdf(), ".pdf")  # three scanned pages: the first is read
    assert reading.source_format == "pdf-ocr" and "六、其他需要报告的事项" in reading.text
    assert any(n.startswith("ocr_needed:") and "page(s) 2, 3 of 3" in n for n in reading.notes), reading.notes


def test_ocr_pages_make_source_format_pdf_ocr(monkeypatch) -> None:
    monkeypatch.setattr(ocr, "available", lambda: True)
    monkeypatch.setattr(ocr, "ocr_pdf_page", lambda page: "六、其他需要报告的事项\n本机关无其他需要报告的事项。")
    reading, _ = read_document(_mixed_pdf(), ".pdf")
    assert reading.source_format == "pdf-ocr"
    assert reading.text.split("\f")[2].startswith("六、其他需要报告的事项")
    assert any(n.startswith("ocr_used:") for n in reading.notes)


def test_a_page_too_large_for_its_image_is_rendered_smaller() -> None:
    assert ocr.render_scale(595, 842) == ocr.RENDER_DPI / 72  # A4 at 200 dpi
    big = ocr.render_scale(14400, 14400)  # a 200-inch square page
    assert big < ocr.RENDER_DPI / 72 and (14400 * big) ** 2 <= ocr.MAX_PIXELS * 1.0001


def test_ocr_runs_without_the_angle_classifier(monkeypatch) -> None:
    # rapidocr's angle classifier turns a lone digit box it takes for upside down: 9 reads as 6
    from PIL import Image

    seen = {}

    class Engine:
        def __call__(self, img, **kw):
            seen.update(kw)
            return type("R", (), {"boxes": [[[0, 0], [9, 0], [9, 9], [0, 9]]], "txts": ["9"]})()

    monkeypatch.setattr(ocr, "_engine", Engine())
    assert ocr.ocr_image(Image.new("L", (20, 20))) == "9"
    assert seen.get("use_cls") is False


def test_ocr_boxes_become_lines_with_tabs_between_cells() -> None:
    box = lambda x0, y0, x1, y1: [[x0, y0], [x1, y0], [x1, y1], [x0, y1]]
    text = ocr.boxes_to_text([box(200, 10, 230, 30), box(10, 12, 150, 30), box(10, 50, 60, 70)],
                             ["66", "一、本年新收政府信息公开申请数量", "二、"])
    assert text == "一、本年新收政府信息公开申请数量\t66\n二、"


@pytest.mark.parametrize("name,data,check", [
    ("encrypted.pdf", _ENCRYPTED_PDF, "encrypted_document"),
    ("zero.pdf", _zero_page_pdf(), "empty_document"),
    ("corrupt.pdf", (DOCS / "report_2021.pdf").read_bytes()[:3000], "corrupt_document"),
    ("locked.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500) + "EncryptedPackage".encode("utf-16-le")
     + bytes(500), "encrypted_document"),
])
def test_broken_document_is_one_finding_and_the_batch_goes_on(tmp_path: Path, name, data, check) -> None:
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / name).write_bytes(data)
    shutil.copy(DOCS / "report_2021.docx", inp / "good.docx")
    rows = {f.source_path: f for f in scan_landing(inp)}
    assert rows[name].status == "rejected" and rows[name].check_name == check, rows[name]
    assert rows[name].message and rows[name].message.isascii()
    assert rows["good.docx"].status == "accepted"


def test_image_only_docx_is_one_finding(tmp_path: Path) -> None:
    from docx import Document
    from PIL import Image
    img = io.BytesIO()
    Image.new("L", (40, 20), 128).save(img, format="PNG")
    img.seek(0)
    d = Document()
    d.add_picture(img)
    buf = io.BytesIO()
    d.save(buf)
    with pytest.raises(ReaderError) as err:
        read_document(buf.getvalue(), ".docx")
    assert err.value.check_name == "image_only_document"


def _docx_with_body(body_xml: str) -> bytes:
    """The committed DOCX with its body replaced (same package, styles and relations)."""
    src = zipfile.ZipFile(DOCS / "report_2021.docx")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                start = text.index("<w:body>") + len("<w:body>")
                end = text.index("</w:body>")
                data = (text[:start] + body_xml + text[end:]).encode("utf-8")
            zf.writestr(item, data)
    return out.getvalue()


def test_docx_merges_are_read_from_grid_span_and_vmerge() -> None:
    p = lambda t: f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>"
    tc = lambda t, pr="": f"<w:tc><w:tcPr>{pr}</w:tcPr>{p(t)}</w:tc>"
    span2, restart, cont = '<w:gridSpan w:val="2"/>', '<w:vMerge w:val="restart"/>', "<w:vMerge/>"
    body = (p("前文") + "<w:tbl>"
            f"<w:tr>{tc('甲', span2)}{tc('乙', restart)}</w:tr>"
            f"<w:tr>{tc('1')}{tc('2')}{tc('乙', cont)}</w:tr>"
            f"<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>{tc('3')}{tc('')}</w:tr>"
            "</w:tbl>" + p("后文")
            + f"<w:p><w:r><w:t>换</w:t><w:br/><w:t>行</w:t><w:tab/><w:t>x</w:t></w:r></w:p>")
    reading, _ = read_document(_docx_with_body(body), ".docx")
    assert reading.text.split("\n") == ["前文", "甲\t\t乙", "1\t2\t", "\t3\t", "后文", "换", "行 x", ""]


def test_wrapped_cell_lines_join_without_space_between_cjk() -> None:
    from transforms.ingest.base import cell_text
    assert cell_text("1.属于三\n类内部事\n务信息") == "1.属于三类内部事务信息"
    assert cell_text("12\n34") == "1234"
    assert cell_text("Annual\nreport") == "Annual report"
    assert cell_text(None) == ""


def test_mixed_folder_parses_end_to_end(tmp_path: Path) -> None:
    """txt, md, html, pdf and docx (and doc when LibreOffice is there) in one batch."""
    shapes = Path(__file__).parent / "fixtures" / "shapes"
    files = [shapes / "tsv_2019_clean.txt", shapes / "html_word_paste.html", DOCS / "report_2021.pdf"]
    parsed = _parse(files, tmp_path)
    (tmp_path / "in2").mkdir()
    shutil.copy(DOCS / "report_2021.docx", tmp_path / "in2" / "a.docx")
    md = (shapes / "tsv_2019_clean.txt").read_text(encoding="utf-8").replace("2019", "2018")
    (tmp_path / "in2" / "b.md").write_text(md, encoding="utf-8")
    if not NO_SOFFICE:
        shutil.copy(DOCS / "report_2021.doc", tmp_path / "in2" / "c.doc")
    manifest2 = run_layers(tmp_path / "in2")["landing_manifest"]
    fmts = dict(zip(parsed["manifest"]["source_path"], parsed["manifest"]["source_format"]))
    fmts |= dict(zip(manifest2["source_path"], manifest2["source_format"]))
    assert set(parsed["manifest"]["status"]) == {"accepted"} and set(manifest2["status"]) == {"accepted"}
    assert fmts["report_2021.pdf"] == "pdf" and fmts["a.docx"] == "docx" and fmts["b.md"] == "md"
    assert fmts["html_word_paste.html"] == "html" and fmts["tsv_2019_clean.txt"] == "txt"
    assert NO_SOFFICE or fmts["c.doc"] == "doc"
    assert len(parsed["reports"]) == 3


def test_readers_table_is_the_one_registry() -> None:
    fmts = [r.SOURCE_FORMAT for r in ingest.READERS]
    assert fmts == ["pdf", "docx", "doc", "html"]  # (mime: a message whose body is HTML or text)
    for r in ingest.READERS:
        assert callable(r.sniff) and callable(r.read) and r.EXTENSIONS and r.LABEL


# ---------------------------------------------------------------------------------------------
# parse once: the landing scan decides a PDF on its text layer, the raw stage parses its tables
# ---------------------------------------------------------------------------------------------
def _tiny_pdf(content: bytes) -> bytes:
    """A one-page PDF (Helvetica) with the given content stream and a correct xref table."""
    objs = [b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
            b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]"
            b"/Resources<</Font<</F1 4 0 R>>>>/Contents 5 0 R>>",
            b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
            b"<</Length %d>>stream\n" % len(content) + content + b"\nendstream"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def _count_plumber(monkeypatch) -> list:
    from transforms.ingest import pdf
    calls: list = []
    real = pdf._plumber_items
    monkeypatch.setattr(pdf, "_plumber_items", lambda ppage: calls.append(ppage.page_number) or real(ppage))
    return calls


def test_landing_scan_decides_a_pdf_on_its_probe_and_the_tables_are_parsed_once(tmp_path: Path,
                                                                                monkeypatch) -> None:
    from transforms.ingest import raw_reports_frame
    calls = _count_plumber(monkeypatch)
    (tmp_path / "in").mkdir()
    shutil.copy(DOCS / "report_2021.pdf", tmp_path / "in" / "r.pdf")
    (row,) = scan_landing(tmp_path / "in")
    assert row.status == "accepted" and row.report_year == 2021 and row.source_format == "pdf"
    assert not row.text_complete and calls == []  # pypdfium2's text layer only: no pdfminer parse
    with pytest.raises(ValueError, match="input_dir"):
        raw_reports_frame([row])
    raw = raw_reports_frame([row], tmp_path / "in")
    assert "\t" in raw["raw_text"][0] and calls  # the full read gives the table rows
    calls.clear()
    from transforms.landing import read_report
    _, text, _, fmt = read_report(tmp_path / "in", row.source_path, 10 ** 8)  # the raw stage's read
    assert fmt == "pdf" and text == raw["raw_text"][0]
    assert calls and len(set(calls)) == len(calls)  # each ruled page parsed once


def test_a_probe_that_cannot_tell_is_never_trusted_to_reject(tmp_path: Path, monkeypatch) -> None:
    from transforms.ingest import pdf
    blank = ingest.Reading("(no text layer words)\n", "pdf", complete=False)
    monkeypatch.setattr(pdf, "probe", lambda data: blank)
    (tmp_path / "in").mkdir()
    shutil.copy(DOCS / "report_2021.pdf", tmp_path / "in" / "r.pdf")
    (row,) = scan_landing(tmp_path / "in")
    assert row.status == "accepted" and row.text_complete and "\t" in row.text


def test_probe_gives_the_notes_and_pages_of_the_full_read(monkeypatch) -> None:
    monkeypatch.setattr(ocr, "available", lambda: False)
    full, _ = read_document(_mixed_pdf(), ".pdf")
    probe, _ = read_document(_mixed_pdf(), ".pdf", probe=True)
    assert (probe.notes, probe.pages, probe.source_format) == (full.notes, full.pages, full.source_format)
    assert full.complete and not probe.complete
    monkeypatch.setattr(ocr, "available", lambda: True)  # only OCR can tell: the probe steps aside
    from transforms.ingest import pdf
    assert pdf.probe(_mixed_pdf()) is None


def test_a_page_with_only_horizontal_rules_is_not_parsed_for_tables(monkeypatch) -> None:
    calls = _count_plumber(monkeypatch)
    text = b"BT /F1 12 Tf 72 760 Td (Annual report) Tj ET 0.5 w 72 750 m 520 750 l S 72 80 m 520 80 l S"
    reading, _ = read_document(_tiny_pdf(text), ".pdf")
    assert calls == [] and reading.text == "Annual report\n"
    grid = (b"BT /F1 12 Tf 72 760 Td (Annual report) Tj ET 0.5 w 100 600 200 40 re S 300 600 200 40 re S "
            b"BT /F1 10 Tf 110 615 Td (a) Tj ET BT /F1 10 Tf 310 615 Td (7) Tj ET")
    reading, _ = read_document(_tiny_pdf(grid), ".pdf")
    assert calls == [1] and reading.text.split("\n")[:2] == ["Annual report", "a\t7"]


# ---------------------------------------------------------------------------------------------
# a table continued on the next page, its header rows repeated there (tests/fixtures/docs/continued,
# made by scripts/make_sample_docs.py --continued)
# ---------------------------------------------------------------------------------------------
CONTINUED = DOCS / "continued" / "report_2021_continued"


def _assert_continued_reading(text: str) -> None:
    lines = text.replace("\f", "\n").split("\n")
    head = next(x for x in lines if x.startswith("（本列数据的勾稽关系"))
    assert lines.count(head) == 1, "the repeated header rows are dropped"
    assert not any(re.fullmatch(r"-\s*\d+\s*-", x.strip()) for x in lines), "page footers are kept out"
    p1, p2 = text.split("\f")[:2]
    assert p1.split("\n")[-1].split("\t")[2] == "4.保护第三方合法权益"  # the first part ends the page
    assert p2.split("\n")[0].split("\t")[2] == "5.属于三类内部事务信息"  # and the rows go on at once
    assert "\f" + p2.split("\n")[0] in text


def test_continued_table_with_repeated_header_rows_gives_the_truth_cells(tmp_path: Path) -> None:
    truth = json.loads(CONTINUED.with_suffix(".json").read_text(encoding="utf-8"))
    reading, _ = read_document(CONTINUED.with_suffix(".pdf").read_bytes(), ".pdf")
    _assert_continued_reading(reading.text)
    parsed = _parse([CONTINUED.with_suffix(".pdf"), CONTINUED.with_suffix(".docx")], tmp_path)
    for suffix in (".pdf", ".docx"):
        _check(parsed["reports"][CONTINUED.name + suffix], truth, CONTINUED.name + suffix)


@pytest.mark.skipif(NO_SOFFICE, reason=SOFFICE_REASON)
def test_continued_table_fixture_is_made_again_by_its_script(tmp_path: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    from make_sample_docs import write_continued
    from test_reshape_docs import cjk_font
    if not cjk_font():
        pytest.skip("LibreOffice needs a CJK font for a usable text layer: apt-get install -y fonts-wqy-microhei")
    write_continued(tmp_path)
    reading, _ = read_document((tmp_path / (CONTINUED.name + ".pdf")).read_bytes(), ".pdf")
    _assert_continued_reading(reading.text)
    committed, _ = read_document(CONTINUED.with_suffix(".pdf").read_bytes(), ".pdf")
    assert reading.text == committed.text


def test_glue_drops_page_furniture_and_repeated_header_rows_only() -> None:
    from transforms.ingest.pdf import _glue_continued_tables
    head = ["甲\t乙\t丙", "\t一\t二"]
    T = lambda s: ("text", [s], None)  # noqa: E731
    grid = (0.0, 10.0, 20.0, 30.0)
    pages = [[T("某县人民政府"), T("标题"), ("table", head + ["a\t1\t2"], grid), T("3")],
             [T("某县人民政府"), ("table", head + ["b\t3\t4"], grid), T("- 2 -")],
             [T("某县人民政府"), ("table", head + ["c\t5\t6"], grid), T("第3页 共4页")],
             [T("某县人民政府"), ("table", head + ["a\t7\t8"], grid), T("结尾")]]
    _glue_continued_tables(pages)
    assert pages[0] == [T("某县人民政府"), T("标题"), ("table", head + ["a\t1\t2"], grid)]
    assert pages[1] == [("table", ["b\t3\t4"], grid)] and pages[2] == [("table", ["c\t5\t6"], grid)]
    # a table that starts again with the label of the first part's first body row is printed again
    assert pages[3] == [("table", head + ["a\t7\t8"], grid), T("结尾")]


def test_continued_table_parts_share_one_column_grid() -> None:
    """pdfplumber splits columns by the cells of the page it reads: a first page whose rows never
    divide the merged label column gives one field fewer than the page with the sub-rows. Both parts
    go on the union of their column edges, so the numbers stay under their headers."""
    from transforms.ingest.pdf import _glue_continued_tables
    first = ["\t自然人\t商业企业\t总计", "(一)予以公开\t17\t5\t22"]
    second = ["(三)不予公开\t1.属于国家秘密\t0\t1\t", "\t2.其他法律\t2\t0\t2"]
    pages = [[("table", list(first), (50.0, 200.0, 260.0, 320.0, 380.0))],
             [("table", list(second), (50.4, 120.0, 199.2, 260.5, 320.0, 379.1))]]
    _glue_continued_tables(pages)
    assert pages[0][0][1] == ["\t\t自然人\t商业企业\t总计", "(一)予以公开\t\t17\t5\t22"]
    assert pages[1][0][1] == second
    # parts with other outer borders are another table's grid: left as they are
    third = ["甲\t1\t2"]
    pages = [[("table", list(first), (50.0, 200.0, 260.0, 320.0, 380.0))], [("table", list(third), (80.0, 150.0, 300.0, 380.0))]]
    _glue_continued_tables(pages)
    assert pages[0][0][1] == first and pages[1][0][1] == third
