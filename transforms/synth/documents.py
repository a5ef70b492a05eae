"""Renderers to real document files: a report model → DOCX bytes (python-docx) or PDF bytes (the DOCX
converted by LibreOffice headless), the way agencies publish their reports.

    from transforms.synth.documents import render_docx, render_pdf, docx_to_pdf
    data = render_docx(build_model(truth, rng), rng)          # bytes of a .docx
    data = render_pdf(build_model(truth, rng), rng)           # bytes of a .pdf (needs `soffice`)
    docx_to_pdf([a.docx, b.docx], out_dir)                    # many files, one LibreOffice start
    data = render_scan(pdf_bytes)                              # an image-only PDF of it (for OCR)

Each table is a real Word table laid out like the official form: every spanned cell of the model
(`Cell.colspan`/`rowspan`: 三、本年度办理结果 down its rows, 法人或其他组织 across five
columns, the (三)…(六) group labels down their sub-rows, table 2's group headings…) is one merged Word cell holding
its text; a blank cell is an empty cell. Numbers are printed as the text shapes print them
(`Report.strings`). Variation (font size, page orientation, a page-number footer) comes from rng.
"""

from __future__ import annotations

import copy
import io
import os
import random
import shutil
import subprocess
import tempfile
from pathlib import Path

from transforms.synth.report import Report, Table
from transforms.synth.shapes import blocks

SOFFICE_TIMEOUT_S = int(os.environ.get("GONGKAI_SOFFICE_TIMEOUT_S", "180"))
CJK_FONT = "WenQuanYi Micro Hei"


class ConverterMissing(RuntimeError):
    """LibreOffice (`soffice`) is not on PATH, so no PDF can be made."""


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _layout_tbl(doc, t: Table, width: int):
    """The merged, empty Word table of a layout (built once per layout and page width, kept in `t.memo`),
    and its slots: (row index, cell index in the row's <w:tc> list, number key or None, text)."""
    key = ("docx_tbl", width)
    got = t.memo.get(key)
    if got is not None:
        return got
    g = t.grid()
    wt = doc.add_table(rows=len(g), cols=t.ncols)
    wt.style = "Table Grid"
    cells = [list(row.cells) for row in wt.rows]  # one lookup per slot (wt.cell() is quadratic)
    origins = []
    for r, row in enumerate(g):
        for c, (cell, origin) in enumerate(row):
            if cell is None or not origin:
                continue
            target = cells[r][c]
            if cell.rowspan > 1 or cell.colspan > 1:
                r2 = min(r + cell.rowspan, len(g)) - 1
                c2 = min(c + cell.colspan, t.ncols) - 1
                target = target.merge(cells[r2][c2])
            origins.append((target._tc, cell))
    tbl = wt._tbl
    tbl.getparent().remove(tbl)
    trs = tbl.tr_lst
    slots = []
    for tc, cell in origins:
        tr = tc.getparent()
        key = cell.key if cell.kind == "num" else None
        slots.append((trs.index(tr), tr.tc_lst.index(tc), key, cell.text))
    got = t.memo[key] = (tbl, slots)
    return got


def _table(doc, m: Report, t: Table, size) -> None:
    """One Word table with the model's spans merged (a copy of the layout's table), origin texts filled in."""
    section = doc.sections[-1]
    width = int(section.page_width - section.left_margin - section.right_margin)
    proto, slots = _layout_tbl(doc, t, width)
    tbl = copy.deepcopy(proto)
    doc.element.body._insert_tbl(tbl)
    trs = tbl.tr_lst
    strs = m.strings()
    for r, i, key, text in slots:
        if key is not None:
            text = strs[key]
        if text:
            p = trs[r].tc_lst[i].p_lst[0]
            run = p.add_r()
            run.text = text
            run.get_or_add_rPr().sz_val = size


def _footer(section, rng: random.Random) -> None:
    """A page-number footer (`- N -` or `N`), as agencies print it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    before, after = rng.choice([("- ", " -"), ("— ", " —"), ("", "")])
    p = section.footer.paragraphs[0]
    if before:
        p.add_run(before)
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    fld.append(run)
    p._p.append(fld)
    if after:
        p.add_run(after)


def render_docx(m: Report, rng: random.Random) -> bytes:
    """The report as a Word document: title, headings and paragraphs in reading order, each table a
    Word table with the form's merged cells, the sign-off at the end."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.size = Pt(rng.choice([9, 10, 10.5]))
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), CJK_FONT)
    section = doc.sections[0]
    if rng.random() < 0.25:  # some agencies print the whole report landscape
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    if rng.random() < 0.8:
        _footer(section, rng)
    table_size = Pt(rng.choice([7, 7.5, 8]))
    for kind, value in blocks(m):
        if kind == "table":
            _table(doc, m, value, table_size)
            doc.add_paragraph()
        elif kind == "title":
            for line in value.split("\n"):
                p = doc.add_paragraph()
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                run = p.add_run(line)
                run.bold = True
                run.font.size = Pt(16)
        elif kind == "heading":
            p = doc.add_paragraph()
            run = p.add_run(value)
            run.bold = True
        elif kind == "sign":
            p = doc.add_paragraph(value)
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        else:
            doc.add_paragraph(value)
    _page_marks(doc.element.body, random.Random(rng.random()))
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _page_marks(body, rng: random.Random) -> None:
    """The page marks a file saved by Word carries, at random places (none in some files, as a
    converter writes them): `w:lastRenderedPageBreak` where a page began (before a paragraph, or in
    a table row the page break fell in: its first cell or all of them, covered slots included), and
    now and then an author's hard page break before a heading, with its rendered break after it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    if rng.random() < 0.3:
        return
    blocks = [b for b in body.iterchildren() if b.tag in (qn("w:p"), qn("w:tbl"))]

    def mark(p, tag: str = "w:lastRenderedPageBreak", page: bool = False) -> None:
        run = OxmlElement("w:r")
        el = OxmlElement(tag)
        if page:
            el.set(qn("w:type"), "page")
        run.append(el)
        if page:
            p.append(run)
        else:
            ppr = p.find(qn("w:pPr"))
            p.insert(0 if ppr is None else 1, run)

    for block in rng.sample(blocks[1:], min(len(blocks) - 1, rng.randint(1, 4))):
        if block.tag == qn("w:p"):
            before = block.getprevious()
            if before is not None and before.tag == qn("w:p") and rng.random() < 0.3:
                mark(before, "w:br", page=True)
            mark(block)
            continue
        rows = block.findall(qn("w:tr"))
        if len(rows) < 2:
            continue
        cells = rows[rng.randrange(1, len(rows))].findall(qn("w:tc"))
        for tc in cells if rng.random() < 0.5 else cells[:1]:
            p = tc.find(qn("w:p"))
            if p is not None:
                mark(p)


def docx_to_pdf(sources: list[Path], out_dir: Path, timeout: int | None = None) -> list[Path]:
    """Convert DOCX files to PDF with LibreOffice headless, all in one start (each start costs ~2 s),
    with a private user profile and a timeout. Returns the PDF paths, in the order of `sources`."""
    return docx_convert(sources, out_dir, "pdf", timeout)


def docx_convert(sources: list[Path], out_dir: Path, target: str = "pdf", timeout: int | None = None) -> list[Path]:
    """`docx_to_pdf` for another LibreOffice target: `pdf`, or `html` (Writer's HTML export, the
    web page a portal publishes from a Word file)."""
    exe = soffice()
    if exe is None:
        raise ConverterMissing(f"making {target} files needs LibreOffice, and 'soffice' is not on PATH "
                               "(apt-get install -y libreoffice-writer-nogui)")
    if not sources:
        return []
    out_dir.mkdir(parents=True, exist_ok=True)
    out = [out_dir / f"{Path(s).stem}.{target}" for s in sources]
    said = b""
    for k in range(0, len(sources), CONVERT_CHUNK):  # one start per chunk: a long batch may stop half-way
        said = _soffice_run(exe, sources[k:k + CONVERT_CHUNK], out_dir, target, timeout) or said
    for src, dst in zip(sources, out):
        if not dst.exists():  # once more alone (a start that stopped early leaves the rest unconverted)
            said = _soffice_run(exe, [src], out_dir, target, timeout) or said
    missing = [p.name for p in out if not p.exists()]
    if missing:
        said = said.decode("utf-8", "replace").strip()
        raise RuntimeError(f"LibreOffice made no {target} for {', '.join(missing[:5])}"
                           + (f" ({len(missing)} in all)" if len(missing) > 5 else "")
                           + (f": {said.splitlines()[-1][:200]}" if said else ""))
    return out


CONVERT_CHUNK = 60


def _soffice_run(exe: str, sources: list[Path], out_dir: Path, target: str, timeout: int | None) -> bytes:
    """One LibreOffice start converting `sources`; returns what it printed."""
    limit = timeout or max(SOFFICE_TIMEOUT_S, 30 + 10 * len(sources))
    with tempfile.TemporaryDirectory(prefix="gongkai-synth-pdf-") as tmp:
        cmd = [exe, f"-env:UserInstallation={Path(tmp, 'profile').as_uri()}", "--headless", "--norestore",
               "--nologo", "--convert-to", target, "--outdir", str(out_dir), *map(str, sources)]
        try:
            res = subprocess.run(cmd, capture_output=True, timeout=limit, env={**os.environ, "HOME": tmp},
                                 stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise RuntimeError(
                f"LibreOffice did not convert {len(sources)} file(s) to {target} within {limit} s") from None
    return res.stderr or res.stdout or b""


def render_pdf(m: Report, rng: random.Random) -> bytes:
    """The report as a PDF: `render_docx`, then LibreOffice's PDF export (raises ConverterMissing
    without `soffice`)."""
    if soffice() is None:
        raise ConverterMissing("making a PDF needs LibreOffice, and 'soffice' is not on PATH "
                               "(apt-get install -y libreoffice-writer-nogui)")
    data = render_docx(m, rng)
    with tempfile.TemporaryDirectory(prefix="gongkai-synth-docx-") as tmp:
        src = Path(tmp, "report.docx")
        src.write_bytes(data)
        (pdf,) = docx_to_pdf([src], Path(tmp, "out"))
        return pdf.read_bytes()


def render_scan(pdf: bytes, dpi: int = 200) -> bytes:
    """A scanned copy of a PDF: each page rendered at `dpi` in grey, one image per page, no text layer
    (what a scanner or a "print to image" makes; only OCR reads it back)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        images = [doc[i].render(scale=dpi / 72, grayscale=True).to_pil().convert("L") for i in range(len(doc))]
    finally:
        doc.close()
    buf = io.BytesIO()
    images[0].save(buf, format="PDF", save_all=True, append_images=images[1:], resolution=dpi)
    return buf.getvalue()
