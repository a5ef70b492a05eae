"""Page provenance of every cell (`source_page`) and the OCR flag (`ocr`): issue 10, item 2.

The PDF fixture is read end to end (`run_layers`, one worker, in-process); each printed table-3
row's page is checked against the page on which pdfplumber itself finds that row's numbers.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import polars as pl
import pytest

from expectations.validate import validate
from transforms.core import build_typed_tables
from transforms.engine import EngineOptions
from transforms.normalise import line_pages, normalise_text
from transforms.pipeline import run_layers
from transforms.tables.common import ParsedCell
from transforms.typed import _page

DOCS = Path(__file__).parent / "fixtures" / "docs"
PDF = DOCS / "report_2021.pdf"
CELLS = ("request_handling_cells", "active_disclosure_cells", "review_litigation_cells")
FACTS = ("fact_request_handling", "fact_active_disclosure", "fact_review_litigation")
APPLICANTS = ("natural_person", "commercial_enterprise", "research_institution", "social_welfare_org",
              "legal_service_org", "other_org", "total")


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """The PDF fixture and a txt rendering of the same report (its normalised text), read together."""
    pytest.importorskip("pdfplumber", reason="pdfplumber (a pinned dependency) is needed to read the PDF fixture")
    src = tmp_path_factory.mktemp("landing")
    shutil.copy(PDF, src / PDF.name)
    first = run_layers(src, year=2021, options=EngineOptions(workers=1))
    text = first["normalised_reports"]["text"][0]
    (src / "report_2021_as_text.txt").write_text(text, encoding="utf-8")
    out = run_layers(src, year=2021, options=EngineOptions(workers=1))
    formats = dict(zip(out["normalised_reports"]["source_path"], out["normalised_reports"]["report_id"]))
    return out, formats[PDF.name], formats["report_2021_as_text.txt"], src


def _pdf_row_pages() -> dict[tuple[int, ...], set[int]]:
    """Each ruled-table row's numbers (as pdfplumber reads them) → the pages printing that row."""
    import pdfplumber

    found: dict[tuple[int, ...], set[int]] = {}
    with pdfplumber.open(PDF) as pdf:
        for no, page in enumerate(pdf.pages, 1):
            for table in page.extract_tables():
                for row in table:
                    nums = tuple(int(c) for c in row if c is not None and re.fullmatch(r"\d+", c.strip()))
                    if len(nums) >= 7:
                        found.setdefault(nums[-7:], set()).add(no)
    return found


def test_pdf_table3_cells_carry_the_page_pdfplumber_finds_them_on(run):
    out, pdf_id, _, _ = run
    t3 = out["request_handling_cells"].filter(pl.col("report_id") == pdf_id)
    printed = t3.filter(pl.col("cell_source") == "printed")
    assert printed.height >= 150
    assert printed["source_page"].null_count() == 0, "every printed table-3 cell of a text PDF has its page"
    pages = _pdf_row_pages()
    checked = set()
    for (outcome,), row in printed.group_by(["outcome"], maintain_order=True):
        assert row["source_page"].n_unique() == 1, f"row {outcome} is on one page"
        counts = dict(zip(row["applicant_type"], row["count"]))
        if set(counts) != set(APPLICANTS):
            continue
        on = pages.get(tuple(counts[a] for a in APPLICANTS), set())
        if len(on) == 1:  # a row of numbers printed on one page only identifies that page
            assert row["source_page"][0] == next(iter(on)), outcome
            checked.add(row["source_page"][0])
    assert checked >= {1, 2}, "the table runs over two pages, and rows of both were checked"
    assert not t3["ocr"].any()


def test_other_pdf_tables_and_derived_cells(run):
    out, pdf_id, _, _ = run
    # pdfplumber finds table 2 (第二十条第(一)项 …) on page 1 and table 4 (行政复议 …) on page 2
    for name, page in (("active_disclosure_cells", 1), ("review_litigation_cells", 2)):
        df = out[name].filter((pl.col("report_id") == pdf_id) & (pl.col("cell_source") == "printed"))
        assert df.height > 0 and df["source_page"].to_list() == [page] * df.height, name
    for name in CELLS:
        df = out[name].filter(pl.col("report_id") == pdf_id)
        unread = df.filter(~pl.col("cell_source").is_in(["printed", "blank"]))
        assert unread["source_page"].null_count() == unread.height, name  # derived/narrative/missing: no page
        pages = df["source_page"].drop_nulls()
        assert pages.is_empty() or (pages.min() >= 1 and pages.max() <= 3), name


def test_text_files_have_no_page_and_no_ocr(run):
    out, pdf_id, txt_id, _ = run
    for name in CELLS:
        txt = out[name].filter(pl.col("report_id") == txt_id)
        pdf = out[name].filter(pl.col("report_id") == pdf_id)
        assert txt.height > 0 and txt["source_page"].null_count() == txt.height, name
        assert not txt["ocr"].any() and txt["ocr"].null_count() == 0, name
        # the same cells either way: provenance is a column, never a different reading
        key = [c for c in txt.columns if c not in ("report_id", "source_page")]
        assert txt.select(key).equals(pdf.select(key)), name


def test_facts_pass_the_contract_with_the_new_columns(run):
    out, *_ = run
    for name in (*CELLS, *FACTS):
        df = out[name] if name in out else out["marts"][name]
        assert df.schema["source_page"] == pl.Int32 and df.schema["ocr"] == pl.Boolean, name
        assert validate(name, df).passed, name


def test_scanned_report_cells_are_flagged_ocr(run):
    """A report read by OCR (source_format pdf-ocr): its printed cells carry ocr = true, pages kept."""
    out, pdf_id, _, _ = run
    norm = out["normalised_reports"].filter(pl.col("report_id") == pdf_id)
    scanned = norm.with_columns(source_format=pl.lit("pdf-ocr"))
    cells, _ = build_typed_tables(scanned, out["report_sections"], EngineOptions(workers=1))
    for name in CELLS:
        df = cells[name]
        read = df["cell_source"].is_in(["printed", "blank"])
        assert df.height > 0 and (df["ocr"] == read).all(), name
        assert df["source_page"].equals(out[name].filter(pl.col("report_id") == pdf_id)["source_page"]), name
        assert validate(name, df).passed, name


def test_reruns_are_byte_identical(run):
    out, _, _, src = run
    again = run_layers(src, year=2021, options=EngineOptions(workers=1))
    for name in CELLS:
        assert again[name].equals(out[name]), name
    assert again["normalised_reports"]["line_pages"].equals(out["normalised_reports"]["line_pages"])


# ---- the line → page trace of normalisation -------------------------------------------------------
def test_line_pages_follow_form_feeds_through_normalisation():
    raw = "标题\n一、总体情况\n正文。\n\n- 1 -\f二、主动公开\n规章\t0\t0\n\n\n\n\f三、收到\n自然人\t5"
    n = normalise_text(raw)
    assert n.line_pages is not None and len(n.line_pages) == len(n.text.split("\n"))
    page_of = dict(zip(n.text.split("\n"), n.line_pages))
    assert page_of["一、总体情况"] == 1 and page_of["二、主动公开"] == 2
    assert page_of["规章\t0\t0"] == 2 and page_of["自然人\t5"] == 3
    assert "- 1 -" not in n.text  # the footer still goes; the text is what it is without tracing
    assert n.text == normalise_text(raw.replace("\f", "\n")).text


def test_no_page_break_no_pages():
    assert normalise_text("一、总体情况\n规章\t0").line_pages is None
    assert line_pages("a\fb\ue000", "a\nb") is None  # the marker itself in the input: not traced


def test_a_row_over_two_pages_or_unlocated_has_no_page():
    pages = [1, 1, 2]
    assert _page(ParsedCell(3.0, "printed", (0, 1)), pages) == 1
    assert _page(ParsedCell(3.0, "printed", (1, 2)), pages) is None  # never guessed
    assert _page(ParsedCell(3.0, "printed", None), pages) is None
    assert _page(ParsedCell(3.0, "derived", (0, 0)), pages) is None
    assert _page(ParsedCell(3.0, "printed", (5, 5)), pages) is None
    assert ParsedCell(3.0, "printed", (0, 0)) == ParsedCell(3.0, "printed", (4, 4))  # lines are not identity


# --- DOCX: pages from the breaks Word records --------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx_with_breaks(dest: Path) -> None:
    """report_2021.docx with the page marks Word writes: a hard page break before the table-3 heading
    followed by the rendered break of the page it starts (one break, not two), a page that Word
    began inside table 3 (at the （四） row) and a paragraph set to start a page (section 五)."""
    import zipfile

    from lxml import etree

    src = zipfile.ZipFile(DOCS / "report_2021.docx")
    root = etree.fromstring(src.read("word/document.xml"))
    body = root.find(f"{_W}body")
    blocks = list(body)

    def run_with(tag: str, **attrs) -> etree._Element:
        r = etree.Element(f"{_W}r")
        etree.SubElement(r, f"{_W}{tag}", {f"{_W}{k}": v for k, v in attrs.items()})
        return r

    def heading(text: str) -> etree._Element:
        return next(b for b in blocks if b.tag == f"{_W}p" and "".join(b.itertext()).startswith(text))

    before_t3 = heading("三、收到和处理")
    before_t3.insert(0, run_with("lastRenderedPageBreak"))
    blocks[blocks.index(before_t3) - 1].append(run_with("br", type="page"))
    t3 = next(b for b in blocks if b.tag == f"{_W}tbl" and "本年新收" in "".join(b.itertext()))
    row = next(tr for tr in t3.iter(f"{_W}tr") if "".join(tr.itertext()).startswith("（四）无法提供"))
    row.find(f".//{_W}p").insert(0, run_with("lastRenderedPageBreak"))
    sec5 = heading("五、存在的主要问题")
    ppr = sec5.find(f"{_W}pPr")
    if ppr is None:
        ppr = etree.Element(f"{_W}pPr")
        sec5.insert(0, ppr)
    etree.SubElement(ppr, f"{_W}pageBreakBefore")
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True) \
                if item.filename == "word/document.xml" else src.read(item.filename)
            out.writestr(item, data)


def test_docx_cells_carry_the_page_word_began(tmp_path):
    pytest.importorskip("docx", reason="python-docx (a pinned dependency) reads DOCX")
    from transforms.ingest.docx import read

    broken = tmp_path / "in" / "report_2021_paged.docx"
    broken.parent.mkdir()
    _docx_with_breaks(broken)
    text = read(broken.read_bytes()).text
    assert text.count("\f") == 3, "hard break + rendered break with nothing between them are one page"
    plain = tmp_path / "plain"
    plain.mkdir()
    shutil.copy(DOCS / "report_2021.docx", plain / "report_2021.docx")
    paged = run_layers(broken.parent, year=2021, options=EngineOptions(workers=1))
    unpaged = run_layers(plain, year=2021, options=EngineOptions(workers=1))
    for name in FACTS:
        got = paged["years"][2021]["marts"][name]
        ref = unpaged["years"][2021]["marts"][name]
        key = [c for c in got.columns if c not in ("report_id", "source_page")]
        assert got.select(key).equals(ref.select(key)), f"{name}: page breaks changed the cells"
        assert ref["source_page"].null_count() == ref.height, "a DOCX without page marks has no pages"
    t2 = paged["years"][2021]["marts"]["fact_active_disclosure"].filter(pl.col("cell_source") == "printed")
    assert set(t2["source_page"].to_list()) == {1}
    t3 = paged["years"][2021]["marts"]["fact_request_handling"].filter(pl.col("cell_source") == "printed")
    page_of = {o: set(t3.filter(pl.col("outcome") == o)["source_page"].to_list()) for o in t3["outcome"].unique()}
    assert page_of["new_received"] == {2} and page_of["granted"] == {2}, page_of
    assert page_of["unavailable_not_held"] == {3} and page_of["total_processed"] == {3}, page_of
    t4 = paged["years"][2021]["marts"]["fact_review_litigation"].filter(pl.col("cell_source") == "printed")
    assert set(t4["source_page"].to_list()) == {3}
