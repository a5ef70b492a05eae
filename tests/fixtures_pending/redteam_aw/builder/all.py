"""Red-team set AW: hostile and odd inputs. Deterministic builder.

    .venv/bin/python tests/fixtures_pending/redteam_aw/builder/all.py [--out DIR]

Writes every file into DIR (default: the `inputs/` folder beside this builder's folder), after
removing whatever was there, plus `expected.json` (one entry per input: its escaped name, what it
is, the SHA-256 of its bytes for regular files and, for the readable reports, the truth JSON it
must match). Uses only the standard library. Every file is < 2 MB on disk; the bombs expand when read.
Special files (FIFO, socket, symlinks, names git cannot hold, a path longer than PATH_MAX) are why
this is a builder and not a set of committed files.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import socket
import stat
import struct
import sys
import zipfile
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
SET = HERE.parent
RT = SET.parents[2]                       # /work/rt
SHAPES = RT / "tests" / "fixtures" / "shapes"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)

entries: list[dict] = []


def esc(name: bytes | str) -> str:
    if isinstance(name, str):
        name = os.fsencode(name)
    return repr(name)[2:-1]


def record(name, what, data: bytes | None = None, truth: str | None = None, kind="file"):
    e = {"name": esc(name), "what": what, "kind": kind}
    if data is not None:
        e["sha256"] = hashlib.sha256(data).hexdigest()
        e["report_id"] = e["sha256"][:16]
        e["bytes"] = len(data)
    if truth:
        e["truth"] = truth
    entries.append(e)


def write(out: Path, name, data: bytes, what: str, truth: str | None = None):
    p = os.path.join(os.fsencode(out), os.fsencode(name))
    with open(p, "wb") as f:
        f.write(data)
    assert len(data) < 2 * 1024 * 1024, (name, len(data))
    record(name, what, data, truth)


# --------------------------------------------------------------------------- report text helpers

CONTROL = (SHAPES / "tsv_2021_clean.txt").read_text("utf-8")
CONTROL_LINES = CONTROL.split("\n")
T3_LINES = [l for l in CONTROL_LINES[40:65]]          # the 25 table-3 rows of the 2021 form


def t3_labels() -> list[str]:
    out = []
    for line in T3_LINES:
        cells = [c for c in line.split("\t") if c and not c.replace(".", "").isdigit()]
        out.append("".join(cells))
    return out


LABELS = t3_labels()
assert len(LABELS) == 25 and LABELS[0].startswith("一、本年新收") and LABELS[-1].startswith("四、结转下年度")


def head(agency: str, year: int, body: str = "") -> str:
    """A plausible report around BODY (put in section 三)."""
    return (
        f"{agency}{year}年政府信息公开工作年度报告\n\n"
        f"本报告依据《中华人民共和国政府信息公开条例》编制。本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。\n\n"
        f"一、总体情况\n\n{year}年，本机关坚持以公开为常态、不公开为例外，持续深化政务公开。\n\n"
        "二、主动公开政府信息情况\n\n本年度主动公开政府信息若干条。\n\n"
        f"三、收到和处理政府信息公开申请情况\n\n{body}\n\n"
        "四、政府信息公开行政复议、行政诉讼情况\n\n本年度未发生政府信息公开行政复议、行政诉讼。\n\n"
        "五、存在的主要问题及改进情况\n\n基层政务公开标准化工作推进不平衡。\n\n"
        "六、其他需要报告的事项\n\n本年度未收取信息处理费。\n\n"
        f"{agency}办公室\n{year + 1}年1月18日\n"
    )


def html_doc(body: str, title: str = "年度报告") -> str:
    return f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head><body>{body}</body></html>'


def html_report_parts(agency: str, year: int) -> tuple[str, str]:
    """(prefix, suffix) of a report as HTML paragraphs; the hostile part goes between."""
    text = head(agency, year, "@@BODY@@")
    pre, post = text.split("@@BODY@@")
    def paras(s):
        return "".join(f"<p>{l}</p>" for l in s.split("\n") if l.strip())
    return paras(pre), paras(post)


# --------------------------------------------------------------------------- DOCX helpers

CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Default Extension="png" ContentType="image/png"/>'
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
      '</Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '</Relationships>')
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def wp(text: str) -> str:
    return f"<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


def wparas(text: str) -> str:
    return "".join(wp(l) for l in text.split("\n") if l.strip())


def zinfo(name: str) -> zipfile.ZipInfo:
    zi = zipfile.ZipInfo(name, date_time=ZIP_DATE)
    zi.compress_type = zipfile.ZIP_DEFLATED
    zi.external_attr = 0o644 << 16
    return zi


def docx_bytes(document_xml: bytes | None = None, extra: dict[str, bytes] | None = None,
               stream: tuple[str, object] | None = None) -> bytes:
    """A minimal DOCX. STREAM = (member, generator of byte chunks) for a member too big to hold."""
    import io
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compresslevel=9) as z:
        z.writestr(zinfo("[Content_Types].xml"), CT)
        z.writestr(zinfo("_rels/.rels"), RELS)
        if document_xml is not None:
            z.writestr(zinfo("word/document.xml"), document_xml)
        for k, v in (extra or {}).items():
            z.writestr(zinfo(k), v)
        if stream is not None:
            member, gen = stream
            with z.open(zinfo(member), "w", force_zip64=True) as f:
                for chunk in gen:
                    f.write(chunk)
    return buf.getvalue()


def document(body_xml: str, prolog: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
            f'<w:document {W}><w:body>{body_xml}<w:sectPr/></w:body></w:document>').encode()


# --------------------------------------------------------------------------- PDF helpers

def pdf_bytes(objs: dict[int, bytes], root: int = 1, size: int | None = None) -> bytes:
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offs = {}
    for n in sorted(objs):
        offs[n] = len(out)
        out += b"%d 0 obj\n" % n + objs[n] + b"\nendobj\n"
    top = max(objs) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % top
    for n in range(1, top):
        out += (b"%010d 00000 n \n" % offs[n]) if n in offs else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (top, root, xref)
    return bytes(out)


def stream_obj(data: bytes, extra: bytes = b"", flate: bool = True) -> bytes:
    if flate:
        data = zlib.compress(data, 9)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


# --------------------------------------------------------------------------- the set

def build(out: Path) -> None:
    rnd = random.Random(20261207)

    # 1. the control: must be read right among the rest
    data = (SHAPES / "tsv_2021_clean.txt").read_bytes()
    write(out, "aw01_control_tsv_2021_clean.txt", data,
          "control: a clean 2021 report (copy of shapes/tsv_2021_clean.txt)", truth="aw01_control_tsv_2021_clean.json")
    shutil.copy(SHAPES / "tsv_2021_clean.json", out / "aw01_control_tsv_2021_clean.json")
    record("aw01_control_tsv_2021_clean.json", "the control's truth, beside it as in every fixture set",
           (SHAPES / "tsv_2021_clean.json").read_bytes())

    # 2. DOCX zip bomb: ~300 MB document.xml of repeated 一、总体情况 paragraphs, ~0.3 MB on disk
    pre = document(wparas(head("长丰县人民政府", 2021, "本年度新收申请12件。")))
    pre, post = pre.split(b"<w:sectPr/>")
    para = wp("一、总体情况").encode() * 2000

    def bomb():
        yield pre
        for _ in range(300 * 1024 * 1024 // len(para)):
            yield para
        yield b"<w:sectPr/>" + post
    write(out, "aw02_docx_zip_bomb_300MB_document_xml.docx", docx_bytes(stream=("word/document.xml", bomb())),
          "DOCX whose word/document.xml inflates to ~300 MB (2.6 M paragraphs 一、总体情况)")

    # 3. DOCX whose unused media member inflates to 1.5 GB of zeros
    zeros = b"\0" * (1 << 20)
    write(out, "aw03_docx_zip_bomb_1500MB_media.docx",
          docx_bytes(document(wparas(head("肥西县人民政府", 2021, "本年度新收申请3件。"))),
                     stream=("word/media/image1.png", (zeros for _ in range(1500)))),
          "small valid DOCX report plus word/media/image1.png that inflates to 1.5 GB of zeros")

    # 4. DOCX with 400 nested tables, the report in the innermost cell
    inner = wparas(head("庐江县人民政府", 2021, "本年度新收申请5件。"))
    xml = "<w:tbl><w:tr><w:tc>" * 400 + inner + "</w:tc></w:tr></w:tbl>" * 400
    write(out, "aw04_docx_400_nested_tables.docx", docx_bytes(document(xml)),
          "DOCX: 400 tables nested cell in cell, the report text in the innermost cell")

    # 5. HTML: 100k nested <div>, the report innermost
    p, s = html_report_parts("巢湖市人民政府", 2021)
    write(out, "aw05_html_100k_nested_divs.html",
          html_doc("<div>" * 100_000 + p + s + "</div>" * 100_000).encode(),
          "HTML: 100,000 nested <div>s around a short report")

    # 6. HTML: 20k nested tables, table-3 rows innermost
    rows = "".join(f"<tr><td>{l}</td>" + "<td>1</td>" * 6 + "<td>6</td></tr>" for l in LABELS)
    write(out, "aw06_html_20k_nested_tables.html",
          html_doc(p + "<table><tr><td>" * 20_000 + f"<table>{rows}</table>" + "</td></tr></table>" * 20_000 + s).encode(),
          "HTML: 20,000 tables nested cell in cell, a table 3 innermost")

    # 7. HTML: one cell with 50k distinct attributes, one with 20k duplicated colspan/rowspan
    p, s = html_report_parts("长丰县下塘镇人民政府", 2021)
    attrs = " ".join(f'data-a{i}="{i}"' for i in range(50_000))
    dup = ' colspan="99999999" rowspan="99999999"' * 20_000
    rows = "".join(f"<tr><td {attrs if i == 0 else ''}>{l}</td>" + "".join(
        f"<td{dup if (i == 1 and j == 0) else ''}>0</td>" for j in range(7)) + "</tr>" for i, l in enumerate(LABELS))
    write(out, "aw07_html_50k_attributes_20k_dup_spans.html", html_doc(p + f"<table>{rows}</table>" + s).encode(),
          "HTML: a table-3 cell with 50,000 attributes and one with 20,000 repeated colspan/rowspan=99999999")

    # 8. HTML on one 1.9 MB line: a table-3 row of 190,000 cells
    p, s = html_report_parts("肥东县人民政府", 2021)
    row = f"<tr><td>{LABELS[0]}</td>" + "<td>1</td>" * 190_000 + "</tr>"
    write(out, "aw08_html_one_line_190k_cell_row.html",
          html_doc(p + f"<table>{row}" + "".join(f"<tr><td>{l}</td></tr>" for l in LABELS[1:]) + "</table>" + s).encode(),
          "HTML with no line break, 1.9 MB: table 3's first row has 190,000 cells")

    # 9. HTML: a 2,000-row table where every cell has rowspan=1000000 (quadratic span expansion)
    p, s = html_report_parts("庐江县汤池镇人民政府", 2021)
    cells = '<td rowspan="1000000">0</td>' * 40
    rows = "".join(f"<tr><td>{LABELS[i % 25]}</td>{cells}</tr>" for i in range(1500))
    write(out, "aw09_html_1500_rows_all_rowspan_1e6.html", html_doc(p + f"<table>{rows}</table>" + s).encode(),
          "HTML: table of 1,500 rows x 41 cells, every number cell rowspan=1000000")

    # 10. text: every table-3 label followed by 2,000 glued zeros, one line (crawler dump)
    line = "".join(l + "0" * 2000 for l in LABELS)
    write(out, "aw10_txt_t3_labels_each_2000_zeros.txt",
          head("桐城市人民政府", 2021, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织商业企业科研机构社会公益组织法律服务机构其他总计" + line).encode(),
          "text: table 3 on one line, each of its 25 labels followed by 2,000 glued zeros")

    # 11. text: every label followed by 80 random digits that no 7-cell sum fits
    def nofit():
        while True:
            d = "".join(rnd.choice("123456789") for _ in range(80))
            return d
    line = "".join(l + nofit() for l in LABELS)
    write(out, "aw11_txt_t3_labels_80_random_digits.txt",
          head("潜山市人民政府", 2021, "申请人情况自然人法人或其他组织商业企业科研机构社会公益组织法律服务机构其他总计" + line).encode(),
          "text: table 3 on one line, each label followed by 80 random digits 1-9 (no row sum fits)")

    # 12. text: digits built so that very many splits keep the row sum (1 1 1 1 1 1 6 style, long)
    def many():
        return "1" * 30 + "6" * 1 + "10" * 20 + "120"
    line = "".join(l + many() for l in LABELS)
    write(out, "aw12_txt_t3_labels_sum_ambiguous_digits.txt",
          head("怀宁县人民政府", 2021, "申请人情况自然人法人或其他组织商业企业科研机构社会公益组织法律服务机构其他总计" + line).encode(),
          "text: table 3 on one line, each label followed by 30 ones, a 6, twenty 10s and 120 (many sum-keeping splits)")

    # 13. text: one 1.9 MB line of 一、总体情况 repeated
    write(out, "aw13_txt_one_line_heading_repeated_100k.txt",
          ("太湖县人民政府2021年政府信息公开工作年度报告\n" + "一、总体情况" * 105_000 + "\n").encode(),
          "text: title, then one 1.9 MB line of 一、总体情况 repeated 105,000 times")

    # 14. text: one line alternating table-3 labels and numbers, 1.9 MB
    toks = []
    n = 0
    size = 0
    while size < 1_850_000:
        t = LABELS[n % 25] + str(n % 10)
        toks.append(t)
        size += len(t.encode())
        n += 1
    write(out, "aw14_txt_one_line_alternating_label_number.txt",
          head("宿松县人民政府", 2021, "".join(toks)).encode(),
          f"text: one 1.85 MB line of {n} table-3 label + one-digit tokens, cycling through the 25 labels")

    # 15. text: one 1.9 MB line of random digits
    digits = "".join(rnd.choice("0123456789") for _ in range(1_900_000))
    write(out, "aw15_txt_one_line_1_9M_random_digits.txt",
          ("望江县人民政府2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n" + LABELS[0] + digits + "\n").encode(),
          "text: title, 三、 heading, table-3 label then 1.9 million random digits on one line")

    # 16. text: table 3 printed 6,000 times (the same tab rows), 1.9 MB
    t3 = "\n".join(CONTROL_LINES[37:65]) + "\n"
    k = 1_850_000 // len(t3.encode())
    write(out, "aw16_txt_table3_printed_3000_times.txt",
          head("岳西县人民政府", 2021, t3 * k).encode(),
          f"text: the control's table 3 (tab rows, caption and headers) printed {k} times in section 三")

    # 17. markdown: a pipe table of 60,000 columns and 300 rows of bare pipes
    hdr = "| " + " | ".join(["自然人"] * 60_000) + " |\n"
    sep = "|" + "---|" * 60_000 + "\n"
    body = "".join(f"| {LABELS[i % 25]} " + "|" * 2500 + "\n" for i in range(300))
    write(out, "aw17_md_pipe_table_60k_columns.md",
          head("枞阳县人民政府", 2021, hdr + sep + body).encode(),
          "markdown: a pipe table with a 60,000-column header and 300 rows of 2,500 empty cells")

    # 18. PDF with 5,000 blank pages (no text at all: every page looks scanned)
    objs = {1: b"<< /Type /Catalog /Pages 2 0 R >>",
            3: stream_obj(b"", flate=False)}
    kids = []
    for i in range(5000):
        kids.append(b"%d 0 R" % (4 + i))
        objs[4 + i] = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R /Resources << >> >>"
    objs[2] = b"<< /Type /Pages /Count 5000 /Kids [" + b" ".join(kids) + b"] >>"
    write(out, "aw18_pdf_5000_blank_pages.pdf", pdf_bytes(objs),
          "PDF: 5,000 blank A4 pages, no text and no image")

    # 19. PDF whose page tree loops (Pages lists itself as a kid; a page's Parent chain loops)
    objs = {1: b"<< /Type /Catalog /Pages 2 0 R >>",
            2: b"<< /Type /Pages /Count 3 /Kids [3 0 R 2 0 R 5 0 R] >>",
            3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 6 0 R >> >> >>",
            4: stream_obj(b"BT /F1 12 Tf 72 760 Td (Annual report 2021 page tree loop) Tj ET"),
            5: b"<< /Type /Pages /Parent 5 0 R /Count 1 /Kids [5 0 R 2 0 R] >>",
            6: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"}
    write(out, "aw19_pdf_page_tree_loop.pdf", pdf_bytes(objs),
          "PDF: the Pages node lists itself as a kid and a second Pages node is its own parent and kid")

    # 20. PDF: one 14400x14400 pt page (the PDF maximum) drawn with a 12000x12000 grey image
    w = h = 12_000
    img = zlib.compress(b"\xff" * (w * h), 9)
    objs = {1: b"<< /Type /Catalog /Pages 2 0 R >>",
            2: b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
            3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>",
            4: stream_obj(b"q 14400 0 0 14400 0 0 cm /Im1 Do Q"),
            5: b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Length %d /Filter /FlateDecode >>\nstream\n" % (w, h, len(img)) + img + b"\nendstream"}
    write(out, "aw20_pdf_huge_page_huge_image.pdf", pdf_bytes(objs),
          "PDF: one 200 x 200 inch page (14400 pt) filled by a 12000x12000 grey image (144 MB raw); a scan at 200 dpi is 40000x40000 px")

    # 21. PDF: a content stream that inflates to 3 million characters of text
    ops = b"".join(b"BT /F1 1 Tf %d %d Td (" % (i % 500, (i // 500) % 800) + b"0" * 1000 + b") Tj ET\n" for i in range(3000))
    objs = {1: b"<< /Type /Catalog /Pages 2 0 R >>",
            2: b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
            3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            4: stream_obj(ops),
            5: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"}
    write(out, "aw21_pdf_3M_chars_one_page.pdf", pdf_bytes(objs),
          "PDF: one page whose compressed content stream draws 3,000,000 characters '0'")

    # 22. EML: 1,000 nested multipart/mixed levels, the report innermost
    rep = head("舒城县人民政府", 2021, "本年度新收申请7件。")
    depth = 1000
    parts = []
    for i in range(depth):
        parts.append(f'Content-Type: multipart/mixed; boundary="b{i}"\n\n--b{i}\n')
    mail = ("From: gk@example.org\nTo: x@example.org\nSubject: 舒城县人民政府2021年政府信息公开工作年度报告\n"
            "MIME-Version: 1.0\n" + "".join(parts) +
            "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n" + rep + "\n" +
            "".join(f"--b{i}--\n" for i in reversed(range(depth))))
    write(out, "aw22_eml_1000_nested_multiparts.eml", mail.encode(),
          "e-mail: 1,000 multipart/mixed levels, each holding the next, the report as the innermost text/plain")

    # 23. EML: 1,000 nested message/rfc822 attachments
    rep = head("金寨县人民政府", 2021, "本年度新收申请9件。")
    msg = "Content-Type: text/plain; charset=utf-8\n\n" + rep
    for i in range(1000):
        msg = (f"From: a{i}@example.org\nSubject: Fwd: 年报 {i}\nMIME-Version: 1.0\n"
               f'Content-Type: multipart/mixed; boundary="m{i}"\n\n--m{i}\nContent-Type: message/rfc822\n\n'
               + msg + f"\n--m{i}--\n")
    write(out, "aw23_eml_1000_nested_forwards.eml", msg.encode(),
          "e-mail: a report forwarded 1,000 times (message/rfc822 inside message/rfc822)")

    # 24. MHT whose parts reference each other and themselves
    p, s = html_report_parts("霍邱县人民政府", 2021)
    loc = "http://example.gov.cn/nb/index.html"
    mht = ("From: <Saved by Blink>\nSnapshot-Content-Location: " + loc + "\nSubject: 霍邱县人民政府2021年年报\n"
           "MIME-Version: 1.0\nContent-Type: multipart/related; type=\"text/html\"; boundary=\"----MultipartBoundary--x\"\n\n"
           "------MultipartBoundary--x\nContent-Type: text/html\nContent-ID: <a@mhtml>\nContent-Transfer-Encoding: 8bit\n"
           f"Content-Location: {loc}\n\n" +
           html_doc(f'<iframe src="cid:b@mhtml"></iframe><iframe src="{loc}"></iframe><img src="cid:a@mhtml">' + p) + "\n"
           "------MultipartBoundary--x\nContent-Type: text/html\nContent-ID: <b@mhtml>\nContent-Transfer-Encoding: 8bit\n"
           "Content-Location: cid:b@mhtml\n\n" +
           html_doc(f'<iframe src="cid:a@mhtml"></iframe><iframe src="cid:b@mhtml"></iframe><iframe src="{loc}"></iframe>' + s) + "\n"
           "------MultipartBoundary--x--\n")
    write(out, "aw24_mht_parts_reference_themselves.mht", mht.encode(),
          "web archive: root part frames part b and itself; part b frames the root and itself (report split across the two)")

    # 25. RTF with 100,000 nested groups
    rtf = "{\\rtf1\\ansi\\uc1 " + "{" * 100_000 + "".join(
        "\\u%d?" % ord(c) if ord(c) > 127 else c for c in head("六安市裕安区人民政府", 2021, "本年度新收申请4件。").replace("\n", "\\par\n")) + "}" * 100_000 + "}"
    write(out, "aw25_rtf_100k_nested_groups.rtf", rtf.encode(), "RTF: the report inside 100,000 nested { } groups (LibreOffice)")

    # 26. Word 2003 XML named .doc with a billion-laughs entity
    lol = "".join(f'<!ENTITY l{i} "' + f"&l{i-1};" * 10 + '">' for i in range(1, 10))
    xml = ('<?xml version="1.0" encoding="UTF-8"?><?mso-application progid="Word.Document"?>'
           '<!DOCTYPE w:wordDocument [<!ENTITY l0 "一、总体情况">' + lol + ']>'
           '<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"><w:body>'
           + "".join(f"<w:p><w:r><w:t>{l}</w:t></w:r></w:p>" for l in head("六安市金安区人民政府", 2021, "&l9;").split("\n") if l.strip())
           + "</w:body></w:wordDocument>")
    write(out, "aw26_doc_word2003xml_billion_laughs.doc", xml.encode(),
          "Word 2003 XML named .doc whose text uses an entity that expands to 10^9 copies of 一、总体情况")

    # 27. DOCX with an external entity pointing at /etc/passwd (XXE)
    body = wparas(head("六安市叶集区人民政府", 2021, "@@X@@"))
    body = body.replace("@@X@@", "&xxe;")
    write(out, "aw27_docx_xxe_etc_passwd.docx",
          docx_bytes(document(body, prolog='<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')),
          "DOCX whose document.xml declares <!ENTITY xxe SYSTEM file:///etc/passwd> and prints &xxe; in section 三")

    # 28. a truncated DOCX (the first 60% of a valid one) and a ZIP of 12,000 entries named .docx
    good = docx_bytes(document(wparas(head("霍山县人民政府", 2022, "本年度新收申请2件。"))))
    write(out, "aw28_docx_truncated.docx", good[: len(good) * 6 // 10], "DOCX cut at 60% of its bytes (no central directory)")
    import io
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zinfo("[Content_Types].xml"), CT)
        z.writestr(zinfo("_rels/.rels"), RELS)
        z.writestr(zinfo("word/document.xml"), document(wparas(head("寿县人民政府", 2021, "本年度新收申请1件。"))))
        for i in range(12_000):
            zi = zipfile.ZipInfo(f"word/x{i}.xml", date_time=ZIP_DATE)
            z.writestr(zi, b"")
    write(out, "aw29_docx_12000_zip_entries.docx", buf.getvalue(), "valid DOCX report plus 12,000 empty members")

    # 30. UTF-16 LE with odd length and lone surrogates
    u = "\ufeff" + head("颍上县人民政府", 2021, "本年度新收申请6件。")
    b = u.encode("utf-16-le")
    b = b[:400] + b"\x00\xd8\x41\x00" + b[400:800] + b"\xff\xdf" + b[800:] + b"\x41"
    write(out, "aw30_txt_utf16_lone_surrogates_odd_length.txt", b,
          "text: UTF-16 LE with BOM, a lone high and a lone low surrogate, and an odd final byte")

    # 31. empty, NULs, binary
    write(out, "aw31_empty.txt", b"", "an empty file")
    write(out, "aw32_nuls_1MB.txt", b"\0" * (1 << 20), "text: 1 MiB of NUL bytes")
    write(out, "aw33_report_then_1MB_nuls.txt",
          head("临泉县人民政府", 2021, "本年度新收申请8件。").encode() + b"\0" * (1 << 20),
          "text: a short report followed by 1 MiB of NUL bytes")

    # 34. special files
    os.mkfifo(out / "aw34_fifo.txt")
    record("aw34_fifo.txt", "a FIFO named .txt (opening it for reading blocks until a writer comes)", kind="fifo")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(str(out / "aw35_socket.txt"))
    sock.close()
    record("aw35_socket.txt", "a UNIX socket named .txt", kind="socket")
    os.symlink("aw36_symlink_loop_b.txt", out / "aw36_symlink_loop_a.txt")
    os.symlink("aw36_symlink_loop_a.txt", out / "aw36_symlink_loop_b.txt")
    record("aw36_symlink_loop_a.txt", "symlink loop a -> b", kind="symlink")
    record("aw36_symlink_loop_b.txt", "symlink loop b -> a", kind="symlink")
    os.symlink("/dev/zero", out / "aw37_symlink_to_dev_zero.txt")
    record("aw37_symlink_to_dev_zero.txt", "symlink to /dev/zero (out of the input folder, endless)", kind="symlink")
    os.symlink("aw01_control_tsv_2021_clean.txt", out / "aw38_symlink_to_control.txt")
    record("aw38_symlink_to_control.txt", "symlink inside the folder to the control (a duplicate)", kind="symlink")
    d = out / "aw39_dir_loop"
    d.mkdir()
    os.symlink("..", d / "up")
    os.symlink(".", d / "self")
    carrier = (SHAPES / "ocr_label_typos_no_header.txt").read_bytes()
    (d / "aw39_inside_loop_dir.txt").write_bytes(carrier)
    record("aw39_dir_loop/up", "directory symlink to the input folder (a loop)", kind="symlink")
    record("aw39_dir_loop/self", "directory symlink to its own folder (a loop)", kind="symlink")
    record("aw39_dir_loop/aw39_inside_loop_dir.txt", "carrier report inside the looping folder (shapes/ocr_label_typos_no_header)",
           carrier, truth="ocr_label_typos_no_header.json")
    (out / "aw40_directory_named.txt").mkdir()
    record("aw40_directory_named.txt", "an empty directory named like a .txt file", kind="dir")

    # 41-47. odd names carrying real reports (each a different shape fixture, so each must be read)
    odd = [
        (b"aw41_new\nline.txt", "tsv_2019_clean", "name with a newline"),
        (b"-aw42_leading_dash.txt", "tsv_2021_other_single_row", "name with a leading dash"),
        (b"..aw43_dotdot.txt", "glued_unique", "name starting with `..` (a hidden dotfile)"),
        (b"aw44_" + ("政府信息公开工作年度报告" * 7)[:82].encode() + b".txt", "markdown_split_pages", "name of 255 bytes: 82 CJK characters"),
        (b"aw45_invalid_utf8_\xff\xfe\xc3(.txt", "units_signs_dashes", "name with invalid UTF-8 bytes"),
        (b"aw46_trailing_space.txt ", "table4_header_only", "name ending in a space (after .txt)"),
        (b"aw47_ansi_\x1b[31mRED\x1b[0m_\r_tab\t.txt", "html_word_paste", "name with an ANSI escape, a CR and a tab (an HTML report named .txt)"),
    ]
    for name, fx, what in odd:
        src = SHAPES / (fx + (".html" if fx == "html_word_paste" else ".txt"))
        write(out, name, src.read_bytes(), f"{what}; carries shapes/{src.name}", truth=fx + ".json")
    assert len(odd[3][0]) == 255, len(odd[3][0])

    # 48. a report at the bottom of a path longer than PATH_MAX (4096 bytes)
    fd = os.open(out, os.O_RDONLY | os.O_DIRECTORY)
    comp = "aw48_deep_" + "d" * 190
    rel = []
    for _ in range(24):
        os.mkdir(comp, dir_fd=fd)
        nfd = os.open(comp, os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
        os.close(fd)
        fd = nfd
        rel.append(comp)
    carrier = (SHAPES / "pdf_text_layout.txt").read_bytes()
    f = os.open("aw48_deep_report.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
    os.write(f, carrier)
    os.close(f)
    os.close(fd)
    record("/".join(["aw48_deep_d…(200 bytes)"] * 24) + "/aw48_deep_report.txt",
           "carrier report 24 folders deep, path ~4,850 bytes (> PATH_MAX); shapes/pdf_text_layout", carrier,
           truth="pdf_text_layout.json")

    # 49. a real-looking report whose only table-3 row label is 1,000 characters long, 2,000 times
    write(out, "aw49_txt_300_rows_1000_char_labels.txt",
          head("阜南县人民政府", 2021, "\n".join(("（一）予以公开" + "申请人无正当理由逾期不补正" * 80)[:1000] + "\t1" * 7 for _ in range(300))).encode(),
          "text: section 三 is 300 table-3 rows whose label is 1,000 characters starting （一）予以公开")

    # 50. a PDF that is really a ZIP, a DOCX that is really a PDF
    write(out, "aw50_pdf_that_is_a_docx.pdf", good, "a valid DOCX report (霍山县 2022) named .pdf")
    write(out, "aw51_docx_that_is_a_pdf.docx", pdf_bytes({1: b"<< /Type /Catalog /Pages 2 0 R >>",
                                                         2: b"<< /Type /Pages /Count 0 /Kids [] >>"}),
          "a PDF with no pages named .docx")



def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=SET / "inputs")
    a = ap.parse_args()
    out = a.out.resolve()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    truth = SET / "truth"
    truth.mkdir(exist_ok=True)
    build(out)
    for e in entries:
        t = e.get("truth")
        if t and t.startswith("aw01"):
            continue
        if t:
            shutil.copy(SHAPES / t, truth / t)
    (SET / "expected.json").write_text(json.dumps(entries, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(f"{len(entries)} entries written to {out}")


if __name__ == "__main__":
    main()
