"""Files as users save them (red-team AH is the family of real-shaped files, in tests/test_table_shapes.py; this
module builds the containers around generated reports).

- MIME messages: a web archive (.mht/.mhtml: Chrome's quoted-printable parts, IE's base64 in gb2312, Word's
  单个文件网页) and an e-mail (.eml: multipart/alternative, a GB18030 body, the Subject in encoded words, or the
  report only as an attached document) give the cells of the report they carry.
- OpenDocument text (.odt, .fodt) and Word 2003 XML are word-processor documents: read through LibreOffice like
  .doc, or a `converter_missing` finding without it; never as plain text, whose markup numbers would be cells.
- An XML document of no known format is `unsupported_format`, never text.
"""

from __future__ import annotations


import quopri
import random
import re
import shutil
import sys
from email.header import Header
from email.message import EmailMessage
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_decoy_tables import _cells  # noqa: E402  (the request-handling cells per file stem)

from transforms.ingest import ReaderError, mime, read_document
from transforms.ingest.readers import sniff_binary
from transforms.pipeline import run_layers
from transforms.synth import build_model
from transforms.synth.documents import render_docx
from transforms.synth.generate import generate
from transforms.synth.shapes import render_html_cms, render_tsv

N = 4


def _reports() -> list[tuple[dict, str, str]]:
    """(truth, html page, tsv text) of a few generated reports."""
    out = []
    for i, truth in enumerate(generate(N, 23)):
        rng = random.Random(f"container:{i}")
        model = build_model(truth, rng)
        out.append((truth, render_html_cms(model, rng)[0], render_tsv(model, rng)[0], model))
    return out


def _blink(html: str) -> bytes:
    """Chrome's 'Save as single file': quoted-printable HTML, no charset on the part (the page's meta says it)."""
    body = quopri.encodestring(html.encode("utf-8")).decode("ascii")
    return ("From: <Saved by Blink>\r\nSnapshot-Content-Location: https://www.example.gov.cn/a.html\r\n"
            "Subject: =?utf-8?Q?x?=\r\nDate: Tue, 17 Jan 2023 09:12:44 +0800\r\nMIME-Version: 1.0\r\n"
            'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----MultipartBoundary--abc----"\r\n'
            "\r\n------MultipartBoundary--abc----\r\nContent-Type: text/css\r\nContent-Transfer-Encoding: "
            "quoted-printable\r\nContent-Location: https://www.example.gov.cn/a.css\r\n\r\nbody { width: 1200px; }"
            "\r\n\r\n------MultipartBoundary--abc----\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>"
            "\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: https://www.example.gov.cn/a.html"
            f"\r\n\r\n{body}\r\n\r\n------MultipartBoundary--abc------\r\n").encode("ascii")


def _ie(html: str) -> bytes:
    """IE's .mht: base64 parts in gb2312 (an image part after the page)."""
    msg = MIMEMultipart("related")
    msg["From"] = "<Saved by Windows Internet Explorer 8>"
    msg["Subject"] = Header("政府信息公开年报", "gb2312")
    page = MIMEText(html.replace('charset="utf-8"', 'charset="gb2312"'), "html", "gb18030")
    msg.attach(page)
    img = MIMEApplication(b"\x89PNG\r\n\x1a\n" + bytes(range(200)), "octet-stream")
    img.add_header("Content-Location", "file:///C:/logo.png")
    msg.attach(img)
    return msg.as_bytes()


def _eml_alternative(html: str, text: str, title: str) -> bytes:
    msg = MIMEMultipart("alternative")
    msg["From"] = "sender@example.gov.cn"
    msg["Subject"] = Header("转发：" + title, "gb2312")
    msg.attach(MIMEText(text, "plain", "gb18030"))
    msg.attach(MIMEText(html, "html", "gb18030"))
    return msg.as_bytes()


def _eml_plain(text: str, title: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = "sender@example.gov.cn"
    msg["Subject"] = title
    msg.set_content("各位：\n" + text, charset="gb18030", cte="quoted-printable")
    return msg.as_bytes()


def _eml_attached(docx: bytes, title: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = "sender@example.gov.cn"
    msg["Subject"] = "年报请查收"
    msg.set_content("各位：年报见附件，请查收。", charset="utf-8")
    msg.add_attachment(docx, maintype="application",
                       subtype="vnd.openxmlformats-officedocument.wordprocessingml.document", filename="report.docx")
    return msg.as_bytes()


@pytest.fixture(scope="module")
def read_back(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("containers")
    made = []
    for i, (truth, html, text, model) in enumerate(_reports()):
        (root / f"r{i}_page.html").write_text(html, encoding="utf-8")
        title = model.title.replace("\n", "")
        rng = random.Random(f"docx:{i}")
        files = {"blink.mhtml": _blink(html), "ie.mht": _ie(html), "alt.eml": _eml_alternative(html, text, title),
                 "plain.eml": _eml_plain(text, title), "attached.eml": _eml_attached(render_docx(model, rng), title)}
        for name, data in files.items():
            (root / f"r{i}_{name}").write_bytes(data)
            made.append((f"r{i}", name.split(".")[0]))
    layers = run_layers(root)
    return {"cells": _cells(layers), "made": made, "manifest": layers["landing_manifest"]}


def test_every_container_gives_the_cells_of_the_page_it_carries(read_back) -> None:
    cells = read_back["cells"]
    manifest = read_back["manifest"]
    assert set(manifest["status"]) == {"accepted"}, list(zip(manifest["source_path"], manifest["status"]))
    for stem, kind in read_back["made"]:
        page = cells.get(f"{stem}_page", {})
        assert any(v is not None for v in page.values()), stem
        got = cells.get(f"{stem}_{kind}")
        assert got is not None, (stem, kind)
        # never a different number; the plain-text bodies (TSV) and the attached Word file give the same cells
        assert all(got.get(k) is None or got.get(k) == v for k, v in page.items()), (stem, kind)
        assert sum(v is not None for v in got.values()) >= 0.95 * sum(v is not None for v in page.values())


def test_mime_sniffing_needs_a_header_block_with_mime_headers() -> None:
    assert mime.sniff(b"MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nx")
    assert mime.sniff(b"From: <Saved by Blink>\nMIME-Version: 1.0\n\nx")
    assert not mime.sniff(b"Title: x\nURL: http://a\n\nreport")  # a crawler's header block is no MIME
    assert not mime.sniff("标题：2021年政府信息公开工作年度报告\n发布机构：x\n\n".encode())
    assert not mime.sniff(b"Content-Type: text/plain")  # no blank line closes the block


_FODT = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document xmlns:office="urn:oasis:names:tc:opendocument:'
         'xmlns:office:1.0" office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text>'
         '<text:p xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">x</text:p></office:text>'
         '</office:body></office:document>')
_WORD_XML = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n'
             '<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"><w:body>'
             '<w:tbl><w:tblGrid><w:gridCol w:w="1800"/></w:tblGrid></w:tbl></w:body></w:wordDocument>')


def test_xml_word_processor_documents_are_documents_not_text(monkeypatch) -> None:
    for xml, label in ((_FODT, "flat OpenDocument"), (_WORD_XML, "Word 2003 XML")):
        binary = sniff_binary(xml.encode())
        assert binary is not None and binary.source_format == "doc" and label in binary.label
    odt = b"PK\x03\x04\x14\x00\x00\x00\x00\x00\xc0K0V^\xc62\x0c'\x00\x00\x00'\x00\x00\x00\x08\x00\x00\x00" \
          b"mimetypeapplication/vnd.oasis.opendocument.textPK\x03\x04"
    assert sniff_binary(odt).source_format == "doc"
    monkeypatch.setattr(shutil, "which", lambda name: None)  # no LibreOffice: a finding, never the markup as text
    with pytest.raises(ReaderError) as err:
        read_document(_WORD_XML.encode(), ".xml")
    assert err.value.check_name == "converter_missing"


def test_an_xml_document_of_no_known_format_is_not_read_as_text() -> None:
    xml = '<?xml version="1.0"?>\n<!-- export -->\n<report><cell width="1800">2021年政府信息公开工作年度报告</cell></report>'
    with pytest.raises(ReaderError) as err:
        read_document(xml.encode(), ".txt")
    assert err.value.check_name == "unsupported_format" and "<report>" in str(err.value)
    xhtml = '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><p>年度报告</p></body></html>'
    assert read_document(xhtml.encode(), ".html")[0].source_format == "html"


def test_a_message_with_only_an_unreadable_attachment_says_so() -> None:
    msg = EmailMessage()
    msg["Subject"] = "年报"
    msg.set_content("见附件", charset="utf-8")
    msg.add_attachment(b"%PDF-1.4 broken", maintype="application", subtype="pdf", filename="a.pdf")
    reading = mime.read(msg.as_bytes())
    assert reading.text.startswith("年报") and any("attachment_unreadable" in n for n in reading.notes)



# ---------------------------------------------------------------------------------------------
# Pages that hold their report without showing it (red-team AJ): an <iframe srcdoc>, a <template> a script
# clones, a <noscript> copy, a JSON string in a script (a single-page app's state), and an editor's <textarea>
# holding the tables' markup. Each wrapping of a generated page must read as the page itself.
# ---------------------------------------------------------------------------------------------

def _body(html: str) -> str:
    lo = html.lower()
    start = lo.find(">", lo.find("<body")) + 1 if "<body" in lo else 0
    end = lo.rfind("</body>") if "</body>" in lo else len(html)
    return html[start:end]


def _shell(inner: str, head: str = "") -> str:
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>门户</title>{head}</head><body>'
            f'<div id="app">{inner}</div><div class="footer">版权所有 网站标识码</div></body></html>')


def _wrappings(html: str, title: str) -> dict[str, str]:
    import html as html_lib
    import json

    body = _body(html)
    state = json.dumps({"article": {"title": title, "content": body}}, ensure_ascii=True).replace("<", "\\u003c")
    textarea = body.replace("<table", "<textarea readonly>&lt;table").replace("</table>", "&lt;/table&gt;</textarea>")
    textarea = re.sub(r"<textarea readonly>&lt;table(.*?)&lt;/table&gt;</textarea>",
                      lambda m: "<textarea readonly>" + html_lib.escape("<table" + m.group(1) + "</table>") + "</textarea>",
                      textarea, flags=re.S)
    return {
        "srcdoc": _shell(f'<iframe srcdoc="{html_lib.escape(html)}"></iframe>'),
        "template": _shell(f'<template id="tpl">{body}</template><script>app.appendChild(tpl.content)</script>'),
        "noscript": _shell(f"<noscript>{body}</noscript><p>请开启浏览器的JavaScript</p>"),
        "spa_state": _shell("", f"<script>window.__INITIAL_STATE__={state};</script>"),
        "textarea": _shell(textarea),
    }


@pytest.fixture(scope="module")
def embedded(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("embedded")
    made = []
    for i, (truth, html, text, model) in enumerate(_reports()):
        (root / f"e{i}_page.html").write_text(html, encoding="utf-8")
        for kind, page in _wrappings(html, model.title.replace("\n", "")).items():
            (root / f"e{i}_{kind}.html").write_text(page, encoding="utf-8")
            made.append((f"e{i}", kind))
    layers = run_layers(root)
    return {"cells": _cells(layers), "made": made, "manifest": layers["landing_manifest"]}


@pytest.mark.parametrize("kind", ["srcdoc", "template", "noscript", "spa_state", "textarea"])
def test_a_report_the_page_holds_but_does_not_show_is_read(embedded, kind: str) -> None:
    cells = embedded["cells"]
    for stem, k in embedded["made"]:
        if k != kind:
            continue
        page = cells.get(f"{stem}_page", {})
        assert sum(v is not None for v in page.values()) > 100, stem
        assert cells.get(f"{stem}_{kind}") == page, (stem, kind)


def test_cards_that_name_each_cell_read_as_rows(tmp_path) -> None:
    """Table 3 as cards (a label line, then `自然人 8`, `商业企业 2`… one per line): the rows of the form."""
    truth, _html, text, _model = _reports()[0]
    lines = []
    names = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    for line in text.split("\n"):
        cells = line.split("\t")
        nums = [c for c in cells[1:] if c.strip()]
        label = "".join(c for c in cells if c.strip() and not c.strip().lstrip("-").replace(".", "").isdigit())
        if len(cells) >= 8 and len(nums) == 7 and all(x.strip().isdigit() for x in nums):
            lines += [label] + [f"{n}{v.strip()}" for n, v in zip(names, nums)]
        else:
            lines.append(line)
    (tmp_path / "plain.txt").write_text(text, encoding="utf-8")
    (tmp_path / "cards.txt").write_text("\n".join(lines), encoding="utf-8")
    cells = _cells(run_layers(tmp_path))
    assert sum(v is not None for v in cells["plain"].values()) > 100
    assert cells["cards"] == cells["plain"]
