"""Hostile inputs from red-team AW (written by a tester who never read the parser): each one once stopped the
batch, took minutes and gigabytes, or lost a report without a word. Small generated versions of each kind,
in one folder with a genuine report: every file gets its row, the genuine report reads right, and the whole
run takes seconds (the timings themselves live in the benchmark, not here).

- an e-mail nested or forwarded a thousand times: the parser's recursion stopped the landing of every file;
- a DOCX whose document.xml inflates to hundreds of MB (a zip bomb): minutes and 7 GB;
- a PDF page drawing hundreds of thousands of glyphs: pdfplumber took minutes and 7 GB;
- HTML nested past libxml2's 2048 levels: the report after the nesting was lost (`empty_file`, or its
  sections silently missing);
- one heading repeated 100k times: 105k findings for one file (now capped per check);
- a reader that raises anything (a RecursionError in a third-party parser): the file is rejected, the batch goes on.
"""

from __future__ import annotations

import io
import random
import sys
import zipfile
from pathlib import Path, PurePath

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scoring import read_cells  # noqa: E402
from test_scan_layers import glyphless_pdf  # noqa: E402

from transforms.synth import build_model, generate, render  # noqa: E402


def _nested_eml(depth: int) -> bytes:
    inner = b"Content-Type: text/plain; charset=utf-8\n\nhello\n"
    for k in range(depth):
        inner = (b"Content-Type: message/rfc822\n\nSubject: Fwd %d\nContent-Type: multipart/mixed; boundary=b%d\n\n--b%d\n"
                 % (k, k, k) + inner + b"\n--b%d--\n" % k)
    return b"From: a@b.cn\nSubject: report\n" + inner


def _docx_bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                    'package/2006/content-types"/>')
        zf.writestr("word/document.xml", b"<w:document>" + b" " * (80 << 20) + b"</w:document>")
    return buf.getvalue()


def test_hostile_files_each_get_a_row_and_the_report_reads_right(tmp_path: Path) -> None:
    from transforms.pipeline import run_layers

    t = next(generate(1, seed=1207, years=[2022]))
    text, _ = render("tsv", build_model(t, random.Random(0)), random.Random(0))
    (tmp_path / "genuine.txt").write_text(text, encoding="utf-8")
    (tmp_path / "nested_forwards.eml").write_bytes(_nested_eml(400))
    (tmp_path / "zip_bomb.docx").write_bytes(_docx_bomb())
    (tmp_path / "glyph_bomb.pdf").write_bytes(glyphless_pdf(["1234567890" * 100] * 150, per_page=150))
    deep = "<div>" * 3000 + "x" + "</div>" * 3000
    (tmp_path / "deep.html").write_text(f"<html><body>{deep}{'<p>'.join(text.split(chr(10)))}</body></html>", encoding="utf-8")
    (tmp_path / "headings.txt").write_text(text + ("一、总体情况 " * 5000), encoding="utf-8")
    layers = run_layers(tmp_path)
    manifest = layers["landing_manifest"]
    status = {PurePath(p).name: (s, c) for p, s, c in manifest.select("source_path", "status", "check_name").iter_rows()}
    assert set(status) == {"genuine.txt", "nested_forwards.eml", "zip_bomb.docx", "glyph_bomb.pdf", "deep.html",
                           "headings.txt"}
    assert status["nested_forwards.eml"] == ("rejected", "corrupt_document")
    assert status["zip_bomb.docx"] == ("rejected", "oversize")
    assert status["glyph_bomb.pdf"][0] == "rejected"  # read (truncated), and it is no report
    assert status["deep.html"][0] == "accepted"  # the report after the nesting is kept, as text
    got = read_cells(tmp_path)
    truth = {(tb, r, c): v for tb in ("table2", "table3", "table4") for r, cols in (t[tb] or {}).items()
             for c, v in cols.items() if v is not None}
    assert all(got["genuine"].get(k) == v for k, v in truth.items())
    for marts in (ly["marts"] for ly in layers["years"].values()):
        f = marts["dq_findings"]
        per = f.filter(f["source_path"] == "headings.txt").group_by("check_name").len()
        assert per["len"].max() <= 51, per  # at most 50 of a check, and one row saying how many more
        if per.height:
            assert f.filter((f["source_path"] == "headings.txt") & f["message"].str.contains("more findings")).height >= 1


def test_a_reader_that_raises_anything_rejects_only_its_file(tmp_path: Path, monkeypatch) -> None:
    from transforms.ingest import discover

    real = discover.read_document

    def flaky(data, ext, *a, **k):
        if ext == ".html":
            raise RecursionError("maximum recursion depth exceeded")
        return real(data, ext, *a, **k)

    monkeypatch.setattr(discover, "read_document", flaky)
    t = next(generate(1, seed=1208, years=[2022]))
    text, _ = render("tsv", build_model(t, random.Random(0)), random.Random(0))
    (tmp_path / "genuine.txt").write_text(text, encoding="utf-8")
    (tmp_path / "page.html").write_text("<html><body>x</body></html>", encoding="utf-8")
    from transforms.pipeline import run_layers

    manifest = run_layers(tmp_path)["landing_manifest"]
    rows = {PurePath(p).name: (s, c) for p, s, c in manifest.select("source_path", "status", "check_name").iter_rows()}
    assert rows["page.html"] == ("rejected", "corrupt_document") and rows["genuine.txt"][0] == "accepted"
