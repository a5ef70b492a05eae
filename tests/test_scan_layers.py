"""Scanned reports that carry an OCR text layer (red-team AS: 双层PDF).

Family 1, rulings read as glyphs: OCR reads a scanned table's rulings into the row's text as 丨 | ! [ ]
and as lone l / I. Generated reports (both templates) whose number rows get such rulings between
their cells (and lone l / I where a ruling was) must never read a ruling as a 1: every cell read is
the truth's, and most cells are read.

Family 2, a text layer pypdfium2 reads no Chinese from: Tesseract's GlyphLessFont, one glyph a text
object, in a font whose codes pdfium does not map. The page's text is taken from pdfplumber, which
maps them through the ToUnicode CMap; the reports read as their plain text does.

Family 3 is in tests/test_years_dates.py (a statistics period broken across a line, as a layer in
another reading order leaves it).
"""

from __future__ import annotations

import sys

import random
import re
import zlib
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scoring import read_cells  # noqa: E402
from transforms.synth import build_model, generate, render
from transforms.synth.shapes import printed_truth

BARS = ["丨", "|", "!", "[", "]", "l", "I"]
_NUMBER_ROW = re.compile(r"^(\D*?)((?:\s+\d+(?:\.\d+)?){2,})\s*$")




def _score(got: dict, truth: dict) -> tuple[int, int, int]:
    """(right, wrong or invented, cells) of one report against its printed truth."""
    right = bad = n = 0
    derived = truth.get("derived") or {}
    for table in ("table2", "table3", "table4"):
        for row, cols in (truth.get(table) or {}).items():
            for col, v in cols.items():
                want = v if v is not None else derived.get(f"{table}.{row}.{col}")
                val = got.get((table, row, col))
                n += 1
                if want is None:
                    bad += val not in (None, 0)
                elif val is not None:
                    right += abs(val - want) < 1e-6
                    bad += abs(val - want) >= 1e-6
    return right, bad, n


def with_rulings(text: str, rng: random.Random) -> str:
    """Every number row of a plain-text rendering with OCR'd rulings between and around its cells."""
    out = []
    for line in text.split("\n"):
        m = _NUMBER_ROW.match(line)
        if not m:
            out.append(line)
            continue
        cells = m.group(2).split()
        parts = [rng.choice(BARS[:5]), m.group(1).strip()]
        for c in cells:
            parts += [rng.choice(BARS) if rng.random() < 0.7 else "", c]
        parts.append(rng.choice(BARS))
        out.append(" ".join(p for p in parts if p))
    return "\n".join(out)


def test_rulings_read_as_glyphs_are_never_a_one(tmp_path: Path) -> None:
    rng = random.Random(20261207)
    truths = {}
    for i, t in enumerate(generate(30, seed=88, years=[2020, 2022, 2023])):
        text, _ = render("pdfplumber_text", build_model(t, random.Random(i)), random.Random(i))
        (tmp_path / f"clean_{i:02d}.txt").write_text(text, encoding="utf-8")
        (tmp_path / f"ruled_{i:02d}.txt").write_text(with_rulings(text, rng), encoding="utf-8")
        truths[i] = printed_truth("pdfplumber_text", t)
    got = read_cells(tmp_path)
    right = {"clean": 0, "ruled": 0}
    for i, truth in truths.items():
        for kind in right:
            r, bad, _n = _score(got.get(f"{kind}_{i:02d}", {}), truth)
            assert bad == 0, f"{kind}_{i:02d}: {bad} wrong or invented cells"
            right[kind] += r
    assert right["ruled"] >= 0.85 * right["clean"], right


def test_a_lone_l_between_rulings_is_dropped_and_a_ruled_markdown_row_is_untouched() -> None:
    from transforms.tables.grid import rows_of

    [row] = [r for r in rows_of("丨 2.重复申请 | 2丨0 0!0 l 0 ] 1 ] 3丨") if r.values]
    assert [c.value for c in row.values] == [2, 0, 0, 0, 0, 1, 3]
    [md] = [r for r in rows_of("| 规章[1] | 0 | 0 | 0 |") if r.label]
    assert md.shape == "pipe" and [c.raw for c in md.values] == ["0", "0", "0"]


# ---------------------------------------------------------------- a layer pdfium reads no Chinese from

_IDENTITY_CMAP = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) "
                  b"/Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def "
                  b"1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfrange <0000> <FFFF> <0000> "
                  b"endbfrange endcmap CMapName currentdict /CMap defineresource pop end end")


def glyphless_pdf(lines: list[str], per_page: int = 48) -> bytes:
    """A text-only PDF whose every character is its own invisible text object in a GlyphLessFont
    (Identity-H, CIDs = UCS-2 codes, an identity ToUnicode CMap), as Tesseract's PDF output draws
    a layer: pdfplumber maps it, pypdfium2 reads no CJK from it."""
    objs: list[bytes] = []

    def add(body: bytes) -> int:
        objs.append(body)
        return len(objs)

    def stream(data: bytes) -> int:
        data = zlib.compress(data)
        return add(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream")

    pages_id = add(b"")
    fd = add(b"<< /Type /FontDescriptor /FontName /GlyphLessFont /Flags 5 /FontBBox [0 0 500 1000] /ItalicAngle 0 "
             b"/Ascent 1000 /Descent 0 /CapHeight 1000 /StemV 80 >>")
    cid = add(b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /GlyphLessFont /CIDToGIDMap /Identity "
              b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R "
              b"/DW 500 >>" % fd)
    font = add(b"<< /Type /Font /Subtype /Type0 /BaseFont /GlyphLessFont /Encoding /Identity-H "
               b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (cid, stream(_IDENTITY_CMAP)))
    kids = []
    for start in range(0, len(lines), per_page):
        ops = []
        for k, line in enumerate(lines[start:start + per_page]):
            y, x = 800 - 15 * k, 40.0
            for ch in line:  # every glyph 0.5 em wide (DW 500) at 11 pt; a space leaves a gap of two
                if ch != " ":
                    ops.append(f"BT /F1 11 Tf 3 Tr 1 0 0 1 {x:.2f} {y} Tm <{ord(ch):04X}> Tj ET")
                x += 11 if ch == " " else 5.5
        content = stream("\n".join(ops).encode("ascii"))
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 2000 842] /Resources << /Font << /F1 %d 0 R "
                        b">> >> /Contents %d 0 R >>" % (pages_id, font, content)))
    objs[pages_id - 1] = b"<< /Type /Pages /Count %d /Kids [%s] >>" % (len(kids), b" ".join(b"%d 0 R" % k for k in kids))
    root = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    out = bytearray(b"%PDF-1.5\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, root, xref)
    return bytes(out)


def test_a_glyphless_layer_is_read_through_pdfplumber(tmp_path: Path) -> None:
    pytest.importorskip("pdfplumber")
    import pypdfium2

    from transforms.ingest import read_document

    data = glyphless_pdf(["某某区人民政府2022年政府信息公开工作年度报告", "一、总体情况", "2022年，本机关主动公开信息 12 条。"])
    doc = pypdfium2.PdfDocument(data)
    assert not re.search(r"[\u4e00-\u9fff]", doc[0].get_textpage().get_text_range())  # the case: pdfium maps no CJK
    doc.close()
    reading, _fmt = read_document(data, ".pdf")
    assert "政府信息公开工作年度报告" in reading.text and "总体情况" in reading.text


def test_reports_in_a_glyphless_layer_read_as_their_text(tmp_path: Path) -> None:
    pytest.importorskip("pdfplumber")
    truths = {}
    for i, t in enumerate(generate(8, seed=99, years=[2020, 2023])):
        text, _ = render("pdfplumber_text", build_model(t, random.Random(i)), random.Random(i))
        (tmp_path / f"layer_{i}.pdf").write_bytes(glyphless_pdf([x for x in text.split("\n") if x.strip()]))
        truths[i] = printed_truth("pdfplumber_text", t)
    got = read_cells(tmp_path)
    right = total = 0
    for i, truth in truths.items():
        r, bad, n = _score(got.get(f"layer_{i}", {}), truth)
        assert bad == 0 and got.get(f"layer_{i}"), f"layer_{i}: read {bool(got.get(f'layer_{i}'))}, {bad} wrong"
        right, total = right + r, total + n
    assert right >= 0.9 * total, (right, total)
