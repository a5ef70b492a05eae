"""redteam_p: python-docx helpers that write the official tables the way Word/WPS authors leave them.

Grids are lists of rows of cell texts (str, or list[str] for a cell with several paragraphs, or a dict
{"p": [...], "ins": True} for a tracked insertion) plus merge rectangles (r0, c0, r1, c1). python-docx's merge
writes gridSpan for horizontal and vMerge for vertical spans, as Word does."""
from __future__ import annotations

import copy
import datetime
import re
import subprocess
import zipfile
from io import BytesIO
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from core import COLS, CASES, RES, fmt, t2_spec, t3_rows

FONT = "WenQuanYi Micro Hei"
FIXED = datetime.datetime(2024, 1, 20, 9, 0, 0)


# ---------------------------------------------------------------- document
def new_doc(font_pt=10.5, landscape=False, margin_mm=20):
    _IDS[0] = 100
    d = Document()
    st = d.styles["Normal"]
    st.font.size = Pt(font_pt)
    st.font.name = FONT
    rpr = st.element.get_or_add_rPr()
    rf = rpr.find(qn("w:rFonts"))
    if rf is None:
        rf = OxmlElement("w:rFonts")
        rpr.insert(0, rf)
    for a in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rf.set(qn(a), FONT)
    sec = d.sections[0]
    w, h = Mm(210), Mm(297)
    if landscape:
        sec.orientation = WD_ORIENT.LANDSCAPE
        w, h = h, w
    sec.page_width, sec.page_height = w, h
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sec, side, Mm(margin_mm))
    cp = d.core_properties
    cp.author = "政务公开办"
    cp.last_modified_by = "政务公开办"
    cp.created = FIXED
    cp.modified = FIXED
    cp.revision = 1
    cp.title = ""
    return d


def para(container, text, align=None, bold=False, size=None):
    p = container.add_paragraph()
    r = p.add_run(text)
    if bold:
        r.bold = True
    if size:
        r.font.size = Pt(size)
    if align == "c":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif align == "r":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return p


def page_break(doc):
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def textbox_title(doc, lines, size=16):
    """The title in a VML text box anchored in an otherwise empty first paragraph (no body text)."""
    inner = "".join(
        f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="{size * 2}"/></w:rPr>'
        f"<w:t>{t}</w:t></w:r></w:p>" for t in lines)
    xml = ('<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
           'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">'
           '<w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">'
           '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
           '<v:shape id="TitleBox" o:spid="_x0000_s1026" type="#_x0000_t202" '
           'style="position:absolute;margin-left:0;margin-top:0;width:425pt;height:64pt;z-index:1;'
           'mso-position-horizontal:center;mso-position-horizontal-relative:margin" stroked="f">'
           f'<v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>')
    p = doc.add_paragraph()
    p._p.append(parse_xml(xml))
    for _ in range(3):  # room under the floating box
        doc.add_paragraph()


# ---------------------------------------------------------------- tables
def set_borders(tbl, spec):
    """spec: dict edge -> 'single'|'nil' for top,left,bottom,right,insideH,insideV."""
    tblPr = tbl._tbl.tblPr
    old = tblPr.find(qn("w:tblBorders"))
    if old is not None:
        tblPr.remove(old)
    b = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = OxmlElement(f"w:{edge}")
        v = spec.get(edge, "single")
        e.set(qn("w:val"), v)
        if v != "nil":
            e.set(qn("w:sz"), "4")
            e.set(qn("w:space"), "0")
            e.set(qn("w:color"), "000000")
        b.append(e)
    tblPr.append(b)


ALL = {e: "single" for e in ("top", "left", "bottom", "right", "insideH", "insideV")}
H_ONLY = {"top": "single", "bottom": "single", "insideH": "single", "left": "nil", "right": "nil", "insideV": "nil"}


def cell_borders(cell, **edges):
    """Set some edges of one cell's own borders (merged with what it already has, kept in schema order)."""
    tcPr = cell._tc.get_or_add_tcPr()
    b = tcPr.find(qn("w:tcBorders"))
    have = {}
    if b is not None:
        for e in b:
            have[e.tag.split("}")[1]] = e.get(qn("w:val"))
        tcPr.remove(b)
    have.update(edges)
    b = OxmlElement("w:tcBorders")
    for edge in ("top", "left", "bottom", "right"):
        if edge in have:
            e = OxmlElement(f"w:{edge}")
            e.set(qn("w:val"), have[edge])
            if have[edge] != "nil":
                e.set(qn("w:sz"), "4")
            b.append(e)
    tcPr.append(b)


_IDS = [100]  # revision ids (unique in a document; reset per document by new_doc)


def _fill(cell, content, size=None, center=True):
    if isinstance(content, dict):
        paras, ins = content["p"], content.get("ins")
    elif isinstance(content, list):
        paras, ins = content, False
    else:
        paras, ins = [content], False
    first = True
    for t in paras:
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if t == "":
            continue
        parts = t.split("\n")  # "\n" inside one paragraph = a manual line break (w:br)
        if ins:
            w = OxmlElement("w:ins")
            _IDS[0] += 1
            w.set(qn("w:id"), str(_IDS[0]))
            w.set(qn("w:author"), "user")
            w.set(qn("w:date"), "2024-01-18T10:00:00Z")
            p._p.append(w)
            for i, part in enumerate(parts):
                r = OxmlElement("w:r")
                if i:
                    r.append(OxmlElement("w:br"))
                tt = OxmlElement("w:t")
                tt.text = part
                r.append(tt)
                w.append(r)
            continue
        r = p.add_run(parts[0])
        for part in parts[1:]:
            r.add_break()
            r.add_text(part)
        if size:
            r.font.size = Pt(size)


def grid_table(container, grid, merges, widths_mm, borders=ALL, size=None, header_rows=0, cant_split=False,
               after=None):
    """after(table) may edit the table (cell borders, trPr) once it is filled."""
    nr, nc = len(grid), len(widths_mm)
    t = container.add_table(rows=nr, cols=nc)
    t.autofit = False
    interior = set()
    for r0, c0, r1, c1 in merges:
        t.cell(r0, c0).merge(t.cell(r1, c1))
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if (r, c) != (r0, c0):
                    interior.add((r, c))
    for r, row in enumerate(grid):
        assert len(row) == nc, (r, len(row), nc)
        for c, txt in enumerate(row):
            if (r, c) in interior:
                assert txt in ("", None), (r, c, txt)
                continue
            _fill(t.cell(r, c), txt, size=size)
    for i, w in enumerate(widths_mm):
        t.columns[i].width = Mm(w)
    for row in t.rows:
        for i, tc in enumerate(row._tr.tc_lst):
            pass
    # widths on every real cell too (LibreOffice reads tcW)
    for r in range(nr):
        for c in range(nc):
            if (r, c) not in interior:
                span = 1
                for r0, c0, r1, c1 in merges:
                    if (r0, c0) == (r, c):
                        span = c1 - c0 + 1
                t.cell(r, c).width = Mm(sum(widths_mm[c:c + span]))
    set_borders(t, borders)
    for i, row in enumerate(t.rows):
        trPr = row._tr.get_or_add_trPr()
        if i < header_rows:
            trPr.append(OxmlElement("w:tblHeader"))
        if cant_split:
            trPr.append(OxmlElement("w:cantSplit"))
    if after:
        after(t)
    return t


# ---------------------------------------------------------------- official grids
T3_HEAD = [["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "", "", "申请人情况", "", "", "", "", "", ""],
           ["", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"],
           ["", "", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""]]
T3_HEAD_MERGES = [(0, 0, 2, 2), (0, 3, 0, 9), (1, 3, 2, 3), (1, 4, 1, 8), (1, 9, 2, 9)]


def t3_body(tpl, t3, text=None, labels=None):
    """Body rows + merges (row indices from 0). text(code, col, value) -> printed cell; labels maps a label
    string to what is printed instead (a list for several paragraphs)."""
    text = text or (lambda code, col, v: fmt(v))
    labels = labels or {}
    rows, merges = [], []
    spec = t3_rows(tpl)
    codes = [c for c, *_ in spec]
    first_out = codes.index("granted")
    last_out = codes.index("total_processed")
    sizes = {}
    cur = None
    for code, l0, l1, l2 in spec:
        if l1 and l2:
            cur = l1
            sizes[cur] = 1
        elif not l1 and l2 and cur:
            sizes[cur] += 1
        else:
            cur = None
    for i, (code, l0, l1, l2) in enumerate(spec):
        lab = lambda s: labels.get(s, s)  # noqa: E731
        nums = [text(code, c, t3[code][c]) for c in COLS]
        if code in ("new_received", "carried_over", "carried_forward"):
            rows.append([lab(l0), "", ""] + nums)
            merges.append((i, 0, i, 2))
            continue
        c0 = lab(l0) if l0 else ""
        if l1 and (l2 or sizes.get(l1, 1) > 1):
            rows.append([c0, lab(l1), lab(l2)] + nums)
            merges.append((i, 1, i + sizes[l1] - 1, 1))
        elif l1:
            rows.append([c0, lab(l1), ""] + nums)
            merges.append((i, 1, i, 2))
        else:
            rows.append([c0, "", lab(l2)] + nums)
    merges.append((first_out, 0, last_out, 0))
    return rows, merges


def shift(merges, dr):
    return [(a + dr, b, c + dr, d) for a, b, c, d in merges]


def t3_full(tpl, t3, text=None, labels=None):
    body, bm = t3_body(tpl, t3, text, labels)
    return [list(r) for r in T3_HEAD] + body, T3_HEAD_MERGES + shift(bm, 3)


def t2_blocks(tpl, t2, text=None):
    """[(grid, merges)] one per 第二十条 block, 4 columns, title row spanning the table."""
    text = text or (lambda item, m, v: fmt(v))
    out = []
    for head, hdr, items, metrics in t2_spec(tpl):
        g = [[head, "", "", ""]]
        m = [(0, 0, 0, 3)]
        h = list(hdr) + [""] * (4 - len(hdr))
        g.append(h)
        if len(hdr) < 4:
            m.append((1, len(hdr) - 1, 1, 3))
        for code, lab in items:
            vals = [text(code, k, t2[code].get(k)) for k in metrics]
            g.append([lab] + vals + [""] * (3 - len(vals)))
            if len(vals) < 3:
                r = len(g) - 1
                m.append((r, len(vals), r, 3))
        out.append((g, m))
    return out


def t2_full(tpl, t2, text=None):
    g, m = [], []
    for bg, bm in t2_blocks(tpl, t2, text):
        m += shift(bm, len(g))
        g += bg
    return g, m


T4_HEAD = [["行政复议", "", "", "", "", "行政诉讼", "", "", "", "", "", "", "", "", ""],
           ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""],
           ["", "", "", "", "", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正", "其他结果",
            "尚未审结", "总计"]]
T4_MERGES = [(0, 0, 0, 4), (0, 5, 0, 14), (1, 0, 2, 0), (1, 1, 2, 1), (1, 2, 2, 2), (1, 3, 2, 3), (1, 4, 2, 4),
             (1, 5, 1, 9), (1, 10, 1, 14)]


def t4_full(t4, text=None):
    text = text or (lambda k, r, v: fmt(v))
    return [list(r) for r in T4_HEAD] + [[text(k, r, t4[k][r]) for k in CASES for r in RES]], list(T4_MERGES)


W3 = [18, 24, 46, 13, 13, 13, 13, 13, 13, 13]  # portrait A4 body ~ 180 mm
W2 = [60, 40, 40, 40]
W4 = [12] * 15


# ---------------------------------------------------------------- prose
def body(doc, blocks, tables, hstyle="std", sign_align="r"):
    import kprose as P
    for blk in blocks:
        k = blk[0]
        if k in ("t2", "t3", "t4"):
            tables[k](doc)
        elif k == "h":
            para(doc, P.heading(blk[1], hstyle), bold=True)
        elif k == "h3":
            para(doc, blk[1], bold=True)
        elif k == "title":
            para(doc, blk[1], align="c", bold=True, size=16)
        elif k == "sign":
            para(doc, blk[1], align=sign_align)
        else:
            para(doc, blk[1])


# ---------------------------------------------------------------- saving
def save_docx(doc, path: Path):
    """Save with fixed zip timestamps so the bytes are the same on every build."""
    buf = BytesIO()
    doc.save(buf)
    zin = zipfile.ZipFile(BytesIO(buf.getvalue()))
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 20, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(zi, zin.read(info.filename))
    path.write_bytes(out.getvalue())
    return path


def soffice(src: Path, fmt_: str, outdir: Path) -> Path:
    """LibreOffice headless conversion (pdf or doc). PDF dates and IDs are pinned afterwards (same length)."""
    subprocess.run(["soffice", "--headless", "--convert-to", fmt_, "--outdir", str(outdir), str(src)],
                   check=True, capture_output=True, timeout=180)
    out = outdir / (src.stem + "." + fmt_.split(":")[0])
    if fmt_ == "pdf":
        b = out.read_bytes()
        b = re.sub(rb"/CreationDate\(D:[^)]*\)", lambda m: b"/CreationDate(D:" + b"2" * (len(m.group(0)) - 17) + b")",
                   b)
        zero = lambda m: m.group(1) + re.sub(rb"[0-9A-Fa-f]", b"0", m.group(2))  # noqa: E731
        b = re.sub(rb"(/ID \[)(\s*<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>\s*\])", zero, b)
        b = re.sub(rb"(/DocChecksum /)([0-9A-Fa-f]+)", zero, b)
        out.write_bytes(b)
    return out
