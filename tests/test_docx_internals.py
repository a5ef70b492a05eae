"""What Word and WPS write inside a DOCX (red-team AL is the family of real files, in tests/test_table_shapes.py;
this module edits generated DOCX files the same ways and requires the cells of the unedited file).

- hidden text (a run with w:vanish) holding an old number beside each shown one: not read;
- rows and whole tables wrapped in w:customXml (and runs in w:smartTag): read as if the tags were not there;
- digits written as Symbol-font characters (w:sym F030–F039, the minus F02D): the digits;
- table 3 imported as an HTML part (w:altChunk): read where it stands.
"""

from __future__ import annotations

import copy
import io
import random
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from transforms.pipeline import run_layers
from transforms.synth import build_model
from transforms.synth.documents import render_docx
from transforms.synth.generate import generate

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
N = 4


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _edit(docx: bytes, change) -> bytes:
    """The DOCX with word/document.xml changed by `change(root, files)` (files: extra parts to add)."""
    src = zipfile.ZipFile(io.BytesIO(docx))
    root = etree.fromstring(src.read("word/document.xml"))
    extra: dict[str, bytes] = {}
    change(root, extra)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            elif item.filename in extra:
                data = extra.pop(item.filename)
            dst.writestr(item, data)
        for name, data in extra.items():
            dst.writestr(name, data)
    return out.getvalue()


def _number_runs(root):
    for t in root.iter(q("t")):
        if t.text and re.fullmatch(r"-?\d+(?:\.\d+)?", t.text.strip()):
            yield t.getparent(), t


def hidden_old_numbers(root, extra) -> None:
    for run, t in list(_number_runs(root)):
        ghost = copy.deepcopy(run)
        rpr = ghost.find(q("rPr"))
        if rpr is None:
            rpr = etree.SubElement(ghost, q("rPr"))
            ghost.insert(0, rpr)
        etree.SubElement(rpr, q("vanish"))
        ghost.find(q("t")).text = str(int(float(t.text)) + 7)
        run.addprevious(ghost)


def custom_xml_rows(root, extra) -> None:
    for tr in list(root.iter(q("tr"))):
        wrap = etree.Element(q("customXml"), {q("element"): "row"})
        tr.addprevious(wrap)
        wrap.append(tr)
    for tbl in list(root.iter(q("tbl"))):
        wrap = etree.Element(q("customXml"), {q("element"): "table"})
        tbl.addprevious(wrap)
        wrap.append(tbl)


def symbol_digits(root, extra) -> None:
    for run, t in list(_number_runs(root)):
        text = t.text.strip()
        for ch in text:
            r = etree.Element(q("r"))
            etree.SubElement(r, q("sym"), {q("font"): "Symbol", q("char"): f"F0{ord(ch):02X}"})
            run.addprevious(r)
        run.getparent().remove(run)


def _table3(root):
    for tbl in root.iter(q("tbl")):
        if "本年新收" in "".join(tbl.itertext()):
            return tbl
    return None


def alt_chunk_table3(root, extra) -> None:
    tbl = _table3(root)
    rows = []
    for tr in tbl.iter(q("tr")):
        cells = []
        for tc in tr.iter(q("tc")):
            span = tc.find(f"{q('tcPr')}/{q('gridSpan')}")
            vmerge = tc.find(f"{q('tcPr')}/{q('vMerge')}")
            if vmerge is not None and vmerge.get(q("val")) != "restart":
                continue  # (covered by the cell above: a rowspan in HTML)
            attrs = f' colspan="{span.get(q("val"))}"' if span is not None else ""
            cells.append(f"<td{attrs}>{''.join(tc.itertext())}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    # rowspans are not rebuilt: the grid keeps its columns by giving covered slots their own empty cells
    html = ("<html><head><meta charset=\"utf-8\"></head><body><table border=\"1\">" + "".join(rows)
            + "</table></body></html>")
    chunk = etree.Element(q("altChunk"), {f"{{{R}}}id": "rIdAlt1"})
    tbl.addprevious(chunk)
    tbl.getparent().remove(tbl)
    extra["word/afchunk1.htm"] = html.encode("utf-8")
    extra["__rels__"] = b""


def _alt_package(docx: bytes) -> bytes:
    """Register the altChunk's part (relationship and content type) that alt_chunk_table3 added."""
    src = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "__rels__":
                continue
            if item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdAlt1" Type="http://schemas.'
                                    b'openxmlformats.org/officeDocument/2006/relationships/aFChunk" '
                                    b'Target="afchunk1.htm"/></Relationships>')
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Default Extension="htm" ContentType="text/html"/></Types>')
            dst.writestr(item, data)
    return out.getvalue()


EDITS = {"hidden": hidden_old_numbers, "custom_xml": custom_xml_rows, "symbol": symbol_digits,
         "alt_chunk": alt_chunk_table3}


def _cells(layers) -> dict[str, dict]:
    got: dict[str, dict] = {}
    for marts in (ly["marts"] for ly in layers["years"].values()):
        stems = {r["report_id"]: Path(r["source_path"]).stem for r in marts["dim_report"].to_dicts()}
        for name, (a, b, v) in {"fact_request_handling": ("outcome", "applicant_type", "count"),
                                "fact_active_disclosure": ("item", "metric", "value"),
                                "fact_review_litigation": ("case_type", "result", "count")}.items():
            for rid, x, y, val in marts[name].select("report_id", a, b, v).iter_rows():
                got.setdefault(stems[rid], {})[(name, x, y)] = val
    return got


@pytest.fixture(scope="module")
def readings(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("docx_internals")
    for i, truth in enumerate(generate(N, 31)):
        rng = random.Random(f"internals:{i}")
        plain = render_docx(build_model(truth, rng), rng)
        (root / f"d{i}_plain.docx").write_bytes(plain)
        for kind, change in EDITS.items():
            edited = _edit(plain, change)
            if kind == "alt_chunk":
                edited = _alt_package(edited)
            (root / f"d{i}_{kind}.docx").write_bytes(edited)
    return _cells(run_layers(root))


@pytest.mark.parametrize("kind", list(EDITS))
def test_a_docx_written_with_word_internals_reads_as_the_plain_file(readings, kind: str) -> None:
    for i in range(N):
        plain = readings[f"d{i}_plain"]
        assert sum(v is not None for v in plain.values()) > 150
        got = readings.get(f"d{i}_{kind}")
        assert got is not None, (i, kind)
        if kind == "alt_chunk":
            # the HTML part lost the form's rowspans, so a few label cells shift; never a different number
            assert all(got.get(k) is None or got[k] == v for k, v in plain.items()), (i, kind)
            t3 = [k for k, v in plain.items() if k[0] == "fact_request_handling" and v is not None]
            assert sum(got.get(k) is not None for k in t3) >= 0.9 * len(t3), (i, kind)
            continue
        assert got == plain, (i, kind)
