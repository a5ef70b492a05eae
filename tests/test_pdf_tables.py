"""PDF ruled tables whose rulings are incomplete, and tables continued over pages (transforms/ingest/pdf.py).

- Unit: the column grids of the parts of one table continued over pages are put on one grid even when
  pdfplumber's snapping moved an edge of one part by a few points (a ruling of another table on the same
  page pulled it), and a part whose rows never divide a merged column gets the finer grid.
- Family (needs LibreOffice and a CJK font, like tests/test_reshape_docs.py): synthetic reports rendered
  as DOCX, with table 3's vertical rulings erased the way authors erase them (none between the three label
  columns, none between the five 法人或其他组织 columns, none at all, cells with no border at all, the label
  or the value area with no ruling inside), converted to PDF and read back through the whole pipeline: no
  number wrong or invented, and the rows printed in full right. (A table 3 with no inner ruling at all, only
  its frame, is not here: that is the horizontal-rules-only family, read from the text layer.)
"""

from __future__ import annotations

import io
import random
import sys
import tempfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from transforms.ingest.pdf import _glue_continued_tables, _grid_union, _same_grid  # noqa: E402


# ---------------------------------------------------------------- unit: one grid for a table's parts
def test_grid_union_takes_edges_moved_by_snapping_as_one():
    page1 = (51.3, 102.3, 170.3, 300.7, 335.3, 374.5, 411.3, 448.2, 485.0, 521.9, 560.2)
    page2 = (51.3, 102.3, 170.3, 300.7, 337.6, 374.5, 411.3, 448.1, 485.0, 521.9, 558.7)
    union = _grid_union([page1, page2])
    assert union is not None and len(union) == len(page1)


def test_grid_union_keeps_a_column_only_one_part_divides():
    coarse = (50.0, 150.0, 300.0, 400.0)
    fine = (50.0, 100.0, 150.0, 300.0, 400.0)
    assert _grid_union([coarse, fine]) == list(fine)


def test_grid_union_never_merges_two_edges_of_one_part():
    narrow = (50.0, 53.0, 56.0, 200.0)  # columns narrower than the drift stay columns
    assert len(_grid_union([narrow, narrow])) == 4


def test_grid_union_refuses_parts_with_other_borders():
    assert _grid_union([(50.0, 100.0, 200.0), (80.0, 100.0, 200.0)]) is None


def test_same_grid_shifts_no_number_when_an_edge_drifted_and_a_column_splits():
    # page 1: the merged label column is never divided (one label field); page 2: it is, and pdfplumber's
    # snapping put the first value column's edge 2.3 pt further right.
    part1 = ["一、本年新收\t79\t12\t103"]
    part2 = ["\t予公开\t1\t0\t1"]
    run = [(part1, (51.3, 170.3, 335.3, 448.2, 560.2)), (part2, (51.3, 102.3, 170.3, 337.6, 448.1, 558.7))]
    _same_grid(run)
    assert part1 == ["一、本年新收\t\t79\t12\t103"]
    assert part2 == ["\t予公开\t1\t0\t1"]


def test_glue_puts_a_continued_part_on_the_first_parts_grid():
    head = ["\t\t自然人\t商业企业\t总计"]
    page1 = [("table", head + ["三、本年度办理结果\t（三）不\t0\t0\t0"], (50.0, 100.0, 170.0, 335.3, 448.2, 560.2))]
    page2 = [("text", ["- 3 -"], None),
             ("table", ["\t予公开\t1\t0\t1", "\t\t2\t1\t3"], (50.0, 100.0, 170.0, 337.6, 448.1, 558.7))]
    pages = [page1, page2]
    _glue_continued_tables(pages)
    widths = {len(line.split("\t")) for items in pages for kind, lines, _ in items if kind == "table"
              for line in lines}
    assert widths == {5}


# ---------------------------------------------------------------- family: rulings erased in real PDFs
def _set_cell_borders(tc, **edges):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tcPr = tc.get_or_add_tcPr()
    old = tcPr.find(qn("w:tcBorders"))
    have = {}
    if old is not None:
        have = {e.tag.split("}")[1]: e.get(qn("w:val")) for e in old}
        tcPr.remove(old)
    have.update(edges)
    borders = OxmlElement("w:tcBorders")
    for edge in ("top", "left", "bottom", "right"):
        if edge in have:
            e = OxmlElement(f"w:{edge}")
            e.set(qn("w:val"), have[edge])
            if have[edge] != "nil":
                e.set(qn("w:sz"), "4")
            borders.append(e)
    tcPr.append(borders)


def _table3(doc):
    from docx.oxml.ns import qn

    return next(t._tbl for t in doc.tables
                if "法人或其他组织" in "".join(x.text or "" for x in t._tbl.iter(qn("w:t"))))


def _erase(tbl, boundaries: set[int], flat: set[int] = frozenset(), from_row: int = 3) -> None:
    """No vertical ruling at the grid boundaries k (between grid columns k and k+1) in any row, and no
    horizontal one in the grid columns `flat` from row `from_row` on."""
    for r, tr in enumerate(tbl.tr_lst):
        for tc in tr.tc_lst:
            g0, span = tc.grid_offset, tc.grid_span
            edges = {}
            if g0 - 1 in boundaries:
                edges["left"] = "nil"
            if g0 + span - 1 in boundaries:
                edges["right"] = "nil"
            if flat and r >= from_row and g0 >= min(flat) and g0 + span - 1 <= max(flat):
                edges["top"] = edges["bottom"] = "nil"
            if edges:
                _set_cell_borders(tc, **edges)


def _holes(tbl, columns: tuple[int, ...], every: int) -> None:
    """Some value cells with no border at all (every `every`-th body row, in the given grid columns)."""
    for r, tr in enumerate(tbl.tr_lst):
        if r >= 3 and r % every == 0:
            for tc in tr.tc_lst:
                if tc.grid_offset in columns and tc.grid_span == 1:
                    _set_cell_borders(tc, top="nil", bottom="nil", left="nil", right="nil")


LABELS, ORGS = {0, 1}, {4, 5, 6, 7}  # table 3's grid: 3 label columns, 自然人, 5 organisations, 总计
INNER = set(range(9))
VARIANTS = {
    "labels": lambda t: _erase(t, LABELS),
    "labels_orgs": lambda t: _erase(t, LABELS | ORGS),
    "labels_orgs_holes": lambda t: (_erase(t, LABELS | ORGS), _holes(t, (3, 4, 9), 4)),
    "values_holes": lambda t: (_erase(t, {3, 4, 5, 6, 7, 8}), _holes(t, (3, 5, 8), 3)),
    # the label area without any inner ruling: the labels are beside the table pdfplumber finds
    "labels_bare_orgs": lambda t: _erase(t, LABELS | ORGS, flat={0, 1, 2}, from_row=4),
    # no inner vertical ruling at all (every row one cell), also without the label area's rulings
    "no_verticals": lambda t: _erase(t, INNER),
    "no_verticals_bare_labels": lambda t: _erase(t, INNER, flat={0, 1, 2}, from_row=4),
    # the value area without horizontal rulings: its numbers are beside the label cells
    "values_bare_orgs": lambda t: _erase(t, ORGS, flat=set(range(3, 10))),
    # no inner ruling at all: no table for pdfplumber, and pypdfium2's text puts each cell on a line
    "no_inner_rulings": lambda t: _erase(t, INNER, flat=set(range(10)), from_row=1),
}


def test_table3_with_vertical_rulings_erased_reads_back():
    from test_reshape_docs import cjk_font, score_layers

    from transforms.synth.documents import docx_to_pdf, render_docx, soffice

    if soffice() is None:
        pytest.skip("needs LibreOffice to make the PDFs, and 'soffice' is not on PATH")
    if not cjk_font():
        pytest.skip("needs a CJK font for LibreOffice (fonts-wqy-microhei)")
    from docx import Document

    from transforms.pipeline import run_layers
    from transforms.synth import build_model, generate

    truths = list(generate(4, 20240607))
    assert {t["template"] for t in truths} == {"2019", "2021"}
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp, "src"), Path(tmp, "pdf")
        src.mkdir()
        files, written = [], {}
        for i, truth in enumerate(truths):
            for name, erase in VARIANTS.items():
                rng = random.Random(f"{i}:{name}")
                doc = Document(io.BytesIO(render_docx(build_model(truth, rng), rng)))
                erase(_table3(doc))
                path = src / f"synth_{i}_{name}.docx"
                doc.save(path)
                files.append(path)
                written[path.stem] = dict(truth, table_shape="pdf")
        docx_to_pdf(files, out)
        res = score_layers(run_layers(out), written)
    s, full = res["score"], res["printed_rows"]
    problems = {k: [x for x in v if "got None" not in x][:6] or v[:3]
                for k, v in list(s.problems.items())[:8]}
    assert (s.wrong, s.invented) == (0, 0), f"wrong {s.wrong}, invented {s.invented}: {problems}"
    assert full.correct >= 0.99 * full.cells, f"rows printed in full {full.correct}/{full.cells}: {problems}"
    assert not res["meta_wrong"], res["meta_wrong"]
