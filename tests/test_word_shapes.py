"""Word shapes that real authors leave, built here with python-docx (and an RTF written by hand):

- table 4 printed as two tables (行政复议, 5 columns; then 行政诉讼, 10 columns), and table 4's rows in the
  same Word grid as table 3's (the paragraph between them deleted, so one table on a wider merged grid):
  every cell is placed by the header cells above it, never shifted or guessed;
- the title printed only in the page header: read once, before the body (a running header is not
  repeated, and a header is not read when the body has its own title);
- a text box's paragraphs are lines of their own, and a DrawingML text box's VML fallback is not read twice;
- RTF (often named .doc) read through LibreOffice like .doc (skipped, saying why, without `soffice`).

The end-to-end tests rebuild the committed tests/fixtures/docs/report_2021.docx in these shapes and need
its truth's cells, agency and year back through the whole pipeline.
"""

from __future__ import annotations

import copy
import io
import json
import shutil
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from scoring import Score, score_cells
from transforms.ingest import ReaderError, doc as doc_reader, read_document, scan_landing
from transforms.labels import CASE_TYPE_CODES, REVIEW_RESULT_CODES
from transforms.tables.review_litigation import parse_review_table

DOCS = Path(__file__).parent / "fixtures" / "docs"
TRUTH = json.loads((DOCS / "report_2021.json").read_text(encoding="utf-8"))
NO_SOFFICE = doc_reader.soffice() is None
SOFFICE_REASON = ("LibreOffice 'soffice' is not on PATH (apt-get install -y --no-upgrade libreoffice-writer-nogui): "
                  "RTF conversion cannot be tested")
RESULTS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
# table-4 values of the fixture, in the official order (复议, 直接起诉, 复议后起诉 × 维持 … 总计)
T4 = [TRUTH["table4"][c][r] for c in CASE_TYPE_CODES for r in REVIEW_RESULT_CODES]


# ---------------------------------------------------------------- building Word grids
def grid_table(doc, cells: list[tuple[int, int, int, int, str]], n_rows: int, n_cols: int, before=None):
    """A table of n_rows × n_cols grid columns; each (row, col, rowspan, colspan, text) is one cell,
    merged by python-docx (gridSpan / vMerge, as Word writes them). Inserted before `before` (an
    element of the body) when given, else appended."""
    t = doc.add_table(rows=n_rows, cols=n_cols)
    t.style = doc.styles["Table Grid"]
    for r, c, rs, cs, text in cells:
        a = t.cell(r, c)
        if rs > 1 or cs > 1:
            a = a.merge(t.cell(r + rs - 1, c + cs - 1))
        a.text = text
    if before is not None:
        before.addprevious(t._tbl)
    return t


def t4_two_tables(doc, values: list[str], before=None, after_first: str = "") -> None:
    """Table 4 as a 行政复议 table (5 columns) and, after a paragraph, a 行政诉讼 table (10 columns)."""
    review = [(0, 0, 1, 5, "行政复议")] + [(1, i, 1, 1, r) for i, r in enumerate(RESULTS)]
    review += [(2, i, 1, 1, v) for i, v in enumerate(values[:5])]
    grid_table(doc, review, 3, 5, before)
    p = doc.add_paragraph(after_first)
    if before is not None:
        before.addprevious(p._p)
    suit = [(0, 0, 1, 10, "行政诉讼"), (1, 0, 1, 5, "未经复议直接起诉"), (1, 5, 1, 5, "复议后起诉")]
    suit += [(2, i, 1, 1, RESULTS[i % 5]) for i in range(10)]
    suit += [(3, i, 1, 1, v) for i, v in enumerate(values[5:])]
    grid_table(doc, suit, 4, 10, before)


# Widths (grid columns) of table 4's 15 cells when it shares a 20-column grid with table 3's 10.
FUSED_W = [1, 2, 1, 1, 2, 1, 1, 2, 1, 1, 2, 1, 1, 1, 2]


def fused_cells(t3_rows: list[list[str]], values: list[str], heading: str = "四、政府信息公开行政复议、行政诉讼情况"):
    """Table 3's rows (10 slots each, 2 grid columns a slot), a full-width heading row, then table 4 on the
    same 20-column grid with the official merges (行政复议's results merged down two rows)."""
    cells, r = [], 0
    for row in t3_rows:
        cells += [(r, 2 * i, 1, 2, text) for i, text in enumerate(row)]
        r += 1
    cells.append((r, 0, 1, 20, heading))
    starts = [sum(FUSED_W[:i]) for i in range(15)]
    review_w, direct_w = sum(FUSED_W[:5]), sum(FUSED_W[5:10])
    cells += [(r + 1, 0, 1, review_w, "行政复议"), (r + 1, review_w, 1, 20 - review_w, "行政诉讼")]
    cells += [(r + 2, starts[i], 2, FUSED_W[i], RESULTS[i]) for i in range(5)]
    cells += [(r + 2, review_w, 1, direct_w, "未经复议直接起诉"),
              (r + 2, review_w + direct_w, 1, 20 - review_w - direct_w, "复议后起诉")]
    cells += [(r + 3, starts[i], 1, FUSED_W[i], RESULTS[i % 5]) for i in range(5, 15)]
    cells += [(r + 4, starts[i], 1, FUSED_W[i], v) for i, v in enumerate(values)]
    return cells, r + 5


def docx_bytes(doc) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def text_of(doc) -> str:
    reading, _ = read_document(docx_bytes(doc), ".docx")
    return reading.text


def t4_values(text: str) -> list[float | None]:
    t = parse_review_table(text)
    return [t.cells[(c, r)].value if (c, r) in t.cells else None for c in CASE_TYPE_CODES for r in REVIEW_RESULT_CODES]


# ---------------------------------------------------------------- table 4 as two tables
def test_table4_as_two_tables_is_read_by_its_headers() -> None:
    doc = Document()
    doc.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    t4_two_tables(doc, [str(int(v)) for v in T4])
    doc.add_paragraph("五、存在的主要问题及改进情况")
    assert t4_values(text_of(doc)) == T4


def test_table4_two_tables_keeps_a_printed_blank_and_no_cell_moves() -> None:
    values = ["3", "", "1", "0", "4", "2", "1", "0", "0", "3", "1", "/", "0", "1", "2"]
    doc = Document()
    t4_two_tables(doc, values)
    t = parse_review_table(text_of(doc))
    assert t.cells[("admin_review", "corrected")].value is None
    assert t.cells[("admin_review", "corrected")].source == "blank"
    assert t.cells[("litigation_after_review", "corrected")].source == "blank"
    got = [t.cells[(c, r)].value for c in CASE_TYPE_CODES for r in REVIEW_RESULT_CODES]
    assert got == [None if v in ("", "/") else float(v) for v in values]


def test_table4_litigation_groups_follow_their_printed_order() -> None:
    """复议后起诉 printed before 未经复议直接起诉: the headers say which group is which."""
    doc = Document()
    review = [(0, 0, 1, 5, "行政复议")] + [(1, i, 1, 1, r) for i, r in enumerate(RESULTS)]
    review += [(2, i, 1, 1, v) for i, v in enumerate(["1", "0", "0", "0", "1"])]
    grid_table(doc, review, 3, 5)
    doc.add_paragraph("")
    suit = [(0, 0, 1, 10, "行政诉讼"), (1, 0, 1, 5, "复议后起诉"), (1, 5, 1, 5, "未经复议直接起诉")]
    suit += [(2, i, 1, 1, RESULTS[i % 5]) for i in range(10)]
    suit += [(3, i, 1, 1, v) for i, v in enumerate(["2", "0", "0", "0", "2", "5", "1", "0", "0", "6"])]
    grid_table(doc, suit, 4, 10)
    t = parse_review_table(text_of(doc))
    assert [t.cells[("litigation_after_review", r)].value for r in REVIEW_RESULT_CODES] == [2, 0, 0, 0, 2]
    assert [t.cells[("litigation_direct", r)].value for r in REVIEW_RESULT_CODES] == [5, 1, 0, 0, 6]


def test_table4_value_outside_the_header_columns_is_not_placed() -> None:
    """A number standing in no header's column (a shifted or extra cell) gives no cell of that layout."""
    text = "\n".join(["行政复议\t\t\t\t\t",
                      "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t",
                      "1\t0\t0\t0\t1\t9",  # the 9 is under no header
                      "行政诉讼\t\t\t\t\t\t\t\t\t",
                      "未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t",
                      "\t".join(RESULTS * 2),
                      "\t".join(["1"] * 10)])
    assert all(v is None for v in t4_values(text))


def test_table4_cell_read_twice_is_not_guessed() -> None:
    text = "\n".join(["行政复议\t\t\t\t",
                      "\t".join(RESULTS),
                      "1\t0\t0\t0\t1",
                      "2\t0\t0\t0\t2"])
    assert all(v is None for v in t4_values(text))


def test_table4_one_grid_still_reads_the_plain_way() -> None:
    """The usual 15-column grid is read as before (the header path is only a fallback)."""
    text = "\n".join(["行政复议\t\t\t\t\t行政诉讼" + "\t" * 9,
                      "\t".join(RESULTS) + "\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t",
                      "\t" * 5 + "\t".join(RESULTS * 2),
                      "\t".join(str(int(v)) for v in T4)])
    assert t4_values(text) == T4


# ---------------------------------------------------------------- tables 3 and 4 in one Word table
T3_HEAD = [["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "", "", "申请人情况", "", "", "", "", "", ""],
           ["", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"],
           ["", "", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""],
           ["一、本年新收政府信息公开申请数量", "", "", "5", "1", "0", "0", "0", "0", "6"],
           ["四、结转下年度继续办理", "", "", "1", "0", "0", "0", "0", "0", "1"]]


def test_tables3_and_4_in_one_grid_read_table4_by_its_headers() -> None:
    doc = Document()
    cells, n = fused_cells(T3_HEAD, [str(int(v)) for v in T4])
    grid_table(doc, cells, n, 20)
    text = text_of(doc)
    assert "自然人" in text and "复议后起诉" in text
    assert t4_values(text) == T4


# ---------------------------------------------------------------- end to end: the committed report reshaped
def _run(data: bytes, name: str, tmp_path: Path) -> dict:
    from test_ingest_docs import _parse

    (tmp_path / "src").mkdir()
    (tmp_path / "src" / name).write_bytes(data)
    res = _parse([tmp_path / "src" / name], tmp_path)
    if not res["reports"]:
        raise AssertionError(f"no report read: {res['manifest'].to_dicts()}")
    return next(iter(res["reports"].values()))


def _check(rep: dict, name: str) -> None:
    score = Score()
    score_cells(rep["cells"], TRUTH, name, score)
    assert (score.wrong, score.invented, score.abstained) == (0, 0, 0), score.problems
    assert rep["dim"]["agency_name"] == TRUTH["agency"]
    assert rep["dim"]["report_year"] == TRUTH["year"]
    assert rep["dim"]["admin_level"] == TRUTH["admin_level"]


def _fixture_doc():
    doc = Document(str(DOCS / "report_2021.docx"))
    t3, t4 = doc.tables[1], doc.tables[2]
    return doc, t3, t4


def _t4_printed(t4) -> list[str]:
    return [c.text for c in t4.rows[-1].cells]


def test_end_to_end_table4_split_in_two(tmp_path: Path) -> None:
    doc, _, t4 = _fixture_doc()
    values = _t4_printed(t4)
    t4_two_tables(doc, values, before=t4._tbl)
    t4._tbl.getparent().remove(t4._tbl)
    _check(_run(docx_bytes(doc), "split.docx", tmp_path), "split")


def test_end_to_end_tables3_and_4_fused(tmp_path: Path) -> None:
    doc, t3, t4 = _fixture_doc()
    values = _t4_printed(t4)
    rows = [line.split("\t") for line in text_of(doc).split("\n")]
    start = next(i for i, r in enumerate(rows) if r[0].startswith("（本列数据"))
    t3_rows = rows[start : start + len(t3.rows)]
    assert all(len(r) == 10 for r in t3_rows) and t3_rows[-1][0].startswith("四、结转")
    heading = next(p for p in doc.paragraphs if p.text.startswith("四、政府信息公开行政复议"))
    cells, n = fused_cells(t3_rows, values, heading.text)
    grid_table(doc, cells, n, 20, before=t3._tbl)
    for el in (t3._tbl, heading._p, t4._tbl):  # the paragraph between the two tables deleted
        el.getparent().remove(el)
    _check(_run(docx_bytes(doc), "fused.docx", tmp_path), "fused")


# ---------------------------------------------------------------- the title in the page header
def _title_to_header(doc, first_page: bool = False) -> str:
    title_p = doc.paragraphs[0]
    title = title_p.text
    assert title.endswith("年度报告")
    title_p._p.getparent().remove(title_p._p)
    section = doc.sections[0]
    if first_page:
        section.different_first_page_header_footer = True
        section.first_page_header.paragraphs[0].text = title
        section.header.paragraphs[0].text = "政务公开"  # the running header of later pages
    else:
        section.header.paragraphs[0].text = title
    return title


def test_title_only_in_page_header_is_read_once_before_the_body() -> None:
    doc, _, _ = _fixture_doc()
    title = _title_to_header(doc)
    doc.sections[0].footer.paragraphs[0].text = "第 1 页"
    lines = text_of(doc).split("\n")
    assert lines[0] == title and lines.count(title) == 1
    assert not any("第 1 页" in line for line in lines)


def test_first_page_header_is_the_one_read() -> None:
    doc, _, _ = _fixture_doc()
    title = _title_to_header(doc, first_page=True)
    lines = text_of(doc).split("\n")
    assert lines[0] == title and "政务公开" not in lines


def test_header_is_not_read_when_the_body_has_its_title() -> None:
    doc, _, _ = _fixture_doc()
    doc.sections[0].header.paragraphs[0].text = "涪城区政务公开专栏"
    assert "涪城区政务公开" not in text_of(doc)


def test_page_number_header_is_never_text() -> None:
    doc, _, _ = _fixture_doc()
    _title_to_header(doc)
    hdr = doc.sections[0].header
    hdr.add_paragraph("- 1 -")
    lines = text_of(doc).split("\n")
    assert "- 1 -" not in lines


def test_end_to_end_title_in_page_header(tmp_path: Path) -> None:
    doc, _, _ = _fixture_doc()
    _title_to_header(doc)
    # the intro names the compiling office: without the header's title it would be taken as the agency
    doc.paragraphs[0].insert_paragraph_before("本报告由绵阳市涪城区人民政府办公室编制。")
    _check(_run(docx_bytes(doc), "header_title.docx", tmp_path), "header_title")


# ---------------------------------------------------------------- text boxes
_MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
_WPS = 'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
_VML = 'xmlns:v="urn:schemas-microsoft-com:vml"'


def _box(lines: list[str]) -> str:
    inner = "".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in lines)
    return f"<w:txbxContent>{inner}</w:txbxContent>"


def test_drawingml_text_box_is_read_once_its_lines_apart() -> None:
    """Word writes a text box as mc:AlternateContent: the DrawingML choice and a VML fallback copy."""
    doc = Document()
    p = doc.add_paragraph("正文")
    box = _box(["某某县人民政府", "2021年政府信息公开工作年度报告"])
    run = parse_xml(
        f'<w:r {nsdecls("w")} {_VML} {_MC} {_WPS}><mc:AlternateContent>'
        f'<mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp></w:drawing></mc:Choice>'
        f'<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>'
        f'</mc:AlternateContent></w:r>')
    p._p.insert(0, run)
    lines = [x for x in text_of(doc).split("\n") if x]
    assert lines == ["某某县人民政府", "2021年政府信息公开工作年度报告", "正文"]


# ---------------------------------------------------------------- RTF
def _u(s: str) -> str:
    """RTF escapes for non-ASCII text (\\uN? per UTF-16 unit, N signed)."""
    out = []
    for ch in s:
        if ord(ch) < 128:
            out.append(ch)
        else:
            for unit in ch.encode("utf-16-le").hex(" ", 2).split():
                n = int.from_bytes(bytes.fromhex(unit), "little")
                out.append(f"\\u{n - 65536 if n > 32767 else n}?")
    return "".join(out)


RTF_TITLE = "某某县人民政府2021年政府信息公开工作年度报告"


def _rtf(cells: list[str]) -> bytes:
    row = "\\trowd" + "".join(f"\\cellx{1500 * (i + 1)}" for i in range(len(cells)))
    row += "".join(f"\\pard\\intbl {_u(c)}\\cell" for c in cells) + "\\row"
    body = (f"\\pard {_u(RTF_TITLE)}\\par\n\\pard {_u('一、总体情况')}\\par\n{row}\n"
            f"\\pard {_u('某某县人民政府')}\\par\n\\pard 2022{_u('年1月20日')}\\par\n")
    return ("{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0 SimSun;}}\n" + body + "}").encode("ascii")


def test_rtf_is_sniffed_as_a_word_document() -> None:
    from transforms.ingest.readers import sniff_binary

    b = sniff_binary(_rtf(["a"]))
    assert b is not None and b.reader is doc_reader and b.source_format == "doc"
    assert sniff_binary(b"\xef\xbb\xbf\r\n" + _rtf(["a"])).reader is doc_reader


@pytest.mark.skipif(NO_SOFFICE, reason=SOFFICE_REASON)
def test_rtf_named_doc_is_read_through_libreoffice() -> None:
    reading, label = read_document(_rtf(["本年新收", "5", "1", "6"]), ".doc")
    lines = reading.text.split("\n")
    assert reading.source_format == "doc" and "RTF" in label
    assert lines[0] == RTF_TITLE and "本年新收\t5\t1\t6" in lines
    assert reading.notes and reading.notes[0].startswith("extension_mismatch:") and "RTF" in reading.notes[0]
    named_rtf, _ = read_document(_rtf(["x"]), ".rtf")
    assert not named_rtf.notes


@pytest.mark.skipif(NO_SOFFICE, reason=SOFFICE_REASON)
def test_rtf_report_lands(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "r.doc").write_bytes(_rtf(["本年新收", "5"]))
    (row,) = scan_landing(tmp_path / "in")
    assert row.status == "accepted" and row.source_format == "doc" and row.check_name == "extension_mismatch"


def test_rtf_without_libreoffice_is_one_clear_finding(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(doc_reader, "soffice", lambda: None)
    with pytest.raises(ReaderError) as err:
        read_document(_rtf(["x"]), ".doc")
    assert err.value.check_name == "converter_missing" and "RTF" in str(err.value)
