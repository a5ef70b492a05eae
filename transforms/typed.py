"""From a report's sections to its three typed tables in long form, repaired and cross-checked."""

from __future__ import annotations

import re

from dataclasses import dataclass, field

import polars as pl

from transforms.labels import APPLICANT_CODES, CASE_TYPE_CODES, REVIEW_RESULT_CODES
from transforms.narrative import (
    cross_check, fill_disclosure_from_prose, fill_request_from_prose, fill_review_from_prose, prose_of,
)
from transforms.repair import glued_digits_hold, ocr_misreads, repair, request_equations, review_equations
from transforms.corrections import apply_corrections
from transforms.tables.active_disclosure import TEMPLATE_METRICS, parse_disclosure_table
from transforms.tables.common import Finding, ParsedCell, TableParse
from transforms.tables.grid import is_table_line
from transforms.tables.request_handling import parse_request_table, template_rows
from transforms.tables.year_halves import this_years_columns
from transforms.tables.review_litigation import parse_review_table

# Provenance of every cell: the page of the source document it was read from (null when the
# document has no pages, or the cell was not read from a located row) and whether OCR read it.
PROVENANCE_SCHEMA = {"source_page": pl.Int32, "ocr": pl.Boolean}
REQUEST_SCHEMA = {"report_id": pl.String, "report_year": pl.Int32, "outcome": pl.String,
                  "applicant_type": pl.String, "count": pl.Int64, "cell_source": pl.String, **PROVENANCE_SCHEMA}
DISCLOSURE_SCHEMA = {"report_id": pl.String, "report_year": pl.Int32, "item": pl.String,
                     "metric": pl.String, "value": pl.Float64, "cell_source": pl.String, **PROVENANCE_SCHEMA}
REVIEW_SCHEMA = {"report_id": pl.String, "report_year": pl.Int32, "case_type": pl.String,
                 "result": pl.String, "count": pl.Int64, "cell_source": pl.String, **PROVENANCE_SCHEMA}
OCR_FORMATS = frozenset({"pdf-ocr"})  # source formats whose printed cells were read by OCR


@dataclass
class TypedTables:
    """One report's cells for tables 2, 3 and 4, with what parsing and repair noticed."""

    disclosure: TableParse
    request: TableParse
    review: TableParse
    findings: list[Finding] = field(default_factory=list)
    # table number → the page of each line of the text it was parsed from (None = not known)
    pages: dict[int, list[int | None]] = field(default_factory=dict)


def _table_lines(sections: dict[int, str], no: int, full_text: str) -> tuple[str, list[int] | None]:
    """A table's text and, for each of its lines, its line number in `full_text` (None if not unique)."""
    if no in sections:
        body = sections[no]
        pos = full_text.find(body)
        if not body or pos < 0 or full_text.find(body, pos + 1) >= 0:
            return body, None  # the section is not one place of the text: its lines are not located
        base = full_text.count("\n", 0, pos)
        return body, list(range(base, base + body.count("\n") + 1))
    # short lines hold the rows of a table printed without separators, and for table 3 so does a long
    # line of several rows, glued (`（一）予以公开254012133（二）部分公开…`) or not; a sentence (。) never does
    kept = [(i, line) for i, line in enumerate(full_text.split("\n"))
            if is_table_line(line) or ("。" not in line and (len(line.strip()) <= 60 or (
                no == 3 and (len(_GLUED_ROW.findall(line)) >= 3 or len(_NUMBER_TOKEN.findall(line)) >= 21))))]
    return "\n".join(line for _, line in kept), [i for i, _ in kept]


_GLUED_ROW = re.compile(r"\d{7,}")  # a table-3 row's seven cells glued: at least seven digits
_NUMBER_TOKEN = re.compile(r"(?<![\d.])\d+(?![\d.])")  # three rows of seven cells: 21 of them


_APPENDIX_CAPTION = re.compile(r"^[ \t]{0,8}(?:附表|附件|表)[\s0-9一二三四五六、.:：]{0,6}(?P<title>\S.{1,39})$")
_APPENDIX_ALONE = re.compile(r"^[ \t]{0,8}(?:附表|附件)[ \t]{0,2}(?:[0-9]{1,2}|[一二三四五六])[ \t:：]{0,2}$")
_APPENDIX_TOPIC = {2: re.compile(r"主动公开"), 3: re.compile(r"(?:收到|受理)和?(?:处理|办理)|依申请"),
                   4: re.compile(r"行政复议|行政诉讼")}


def _appendix_lines(full_text: str, no: int) -> tuple[str, list[int]] | None:
    """The lines under an appendix caption naming table `no` (附表3 政府信息公开行政复议、行政诉讼情况), up
    to the next caption, with their line numbers; None when the report has no such caption."""
    lines = full_text.split("\n")
    start = None
    for i, line in enumerate(lines):
        m = _APPENDIX_CAPTION.match(line)
        title = m.group("title") if m else None
        if not m and _APPENDIX_ALONE.match(line):
            # `附表3` on a line of its own, its title on the next (a caption wrapped in two)
            nxt = next((x for x in lines[i + 1:i + 3] if x.strip()), "")
            if 2 <= len(nxt.strip()) <= 40 and "\t" not in nxt and "|" not in nxt:
                title = nxt.strip()
        if title is None:
            continue
        if start is not None:
            return "\n".join(lines[start:i]), list(range(start, i))
        if _APPENDIX_TOPIC[no].search(title):
            start = i + 1
    return ("\n".join(lines[start:]), list(range(start, len(lines)))) if start is not None else None


# "本年度未收到政府信息公开申请，表中各项数据均为0": the section says every cell of its table is zero.
_ALL_ZERO = re.compile(r"表[中内]?(?:各项|所有|全部)?(?:数据|数字|数值|指标)?(?:均|全部|都)为\s*(?:0|零)(?![\d.])")


def _all_zero_by_statement(t: TableParse, section: str, no: int, layout: str) -> list[Finding]:
    """Fill the empty cells of a table whose section states that all its cells are zero.

    Only a table printed with every cell empty qualifies (a printed number, zero or not, means the
    table speaks for itself); the cells become `narrative` zeros, with a finding naming the sentence.
    """
    m = _ALL_ZERO.search(section)
    if not m or any(c.value is not None for c in t.cells.values()):
        return []
    if not t.cells:
        # PDF text of a table printed empty: its labels stand on their own lines, no cell survives
        t.cells.update(_empty_table_cells(section, no, layout))
        if not t.cells:
            return []
    for key, c in t.cells.items():
        t.cells[key] = ParsedCell(0.0, "narrative")
    return [Finding("table_zero_by_statement", "warning",
                    f"table {no} is printed empty and its section says '{m.group(0)}': its {len(t.cells)} cells are 0")]


_T3_LABEL_WORDS = ("本年新收", "上年结转", "予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "总计", "结转下年度")
_T4_LABEL_WORDS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "直接起诉", "复议后起诉")


def _empty_table_cells(section: str, no: int, layout: str) -> dict:
    """Every cell of a table whose section prints most of its row labels and no number (None cells):
    the table is there, printed empty. Tables 3 and 4 only; {} when the labels are not there."""
    if no == 3 and sum(w in section for w in _T3_LABEL_WORDS) >= 7:
        split = "逾期不补正" in section or "缴纳费用" in section
        return {(o, a): ParsedCell(None, "missing") for o in template_rows(layout, split) for a in APPLICANT_CODES}
    if no == 4 and sum(w in section for w in _T4_LABEL_WORDS) >= 5:
        return {(c, r): ParsedCell(None, "missing") for c in CASE_TYPE_CODES for r in REVIEW_RESULT_CODES}
    return {}


def _table_text(sections: dict[int, str], no: int, full_text: str) -> str:
    """A table's section text; without that section, the table-like lines of the whole report."""
    return _table_lines(sections, no, full_text)[0]


def _pages_of(lines: list[int] | None, line_pages) -> list[int | None]:
    if lines is None or line_pages is None:
        return []
    return [line_pages[i] if 0 <= i < len(line_pages) else None for i in lines]


def parse_tables(text: str, sections: dict[int, str], template: str, report_year: int | None = None,
                 line_pages=None, ocr: bool = False) -> TypedTables:
    """Parse, fill from prose, and repair the three tables of one normalised report.

    `line_pages` (the page of each line of `text`, from normalisation) gives each read cell its page.
    With `ocr` (the text was read by OCR), a printed cell in which two failing sums meet is taken
    for a misread digit and left to the sums (`repair.ocr_misreads`).
    """
    layout = template if template in ("2019", "2021") else "2019"
    prose = prose_of(text)
    if template == "legacy":
        empty = TableParse()
        return TypedTables(empty, TableParse(), TableParse(),
                           [Finding("legacy_template", "warning", "pre-2019 template: sections only, tables not parsed")])
    parsers = {2: lambda t: parse_disclosure_table(t, layout, prose),
               3: lambda t: parse_request_table(t, layout, report_year),
               4: lambda t: parse_review_table(t, report_year)}
    found_elsewhere: list[Finding] = []
    parsed = {}
    pages: dict[int, list[int | None]] = {}
    for no, parse in parsers.items():
        table_text, lines = _table_lines(sections, no, text)
        table_text, other_year = this_years_columns(table_text, report_year)
        if other_year is not None:
            found_elsewhere.append(Finding("table_two_years", "warning",
                                           f"table {no} prints {report_year} and {other_year} side by side; "
                                           f"the {report_year} columns are read"))
        t = parse(table_text)
        if no in sections and not any(c.value is not None for c in t.cells.values()):
            # the section holds no table: it may be printed elsewhere (附表 after section 六, an
            # appendix); the report's table-like lines are read, and the rows' labels decide
            alt_text, alt_lines = _appendix_lines(text, no) or ("", None)
            alt = parse(alt_text) if alt_text else TableParse()
            if not t.found and not (alt.found and any(c.value is not None for c in alt.cells.values())):
                # no table at all in the section, and no appendix caption: the whole report's table lines
                alt_text, alt_lines = _table_lines({}, no, text)
                alt = parse(alt_text)
            if alt.found and any(c.value is not None for c in alt.cells.values()):
                t, lines = alt, alt_lines
                found_elsewhere.append(Finding("table_outside_section", "warning",
                                               f"table {no} is not printed in its section; read from elsewhere in the report"))
        parsed[no] = t
        pages[no] = _pages_of(lines, line_pages)
    findings: list[Finding] = list(found_elsewhere)
    findings += apply_corrections(text, parsed, layout, parsers)  # a correction notice's values win
    t2, t3, t4 = parsed[2], parsed[3], parsed[4]
    for no, t in parsed.items():
        findings += _all_zero_by_statement(t, sections.get(no, ""), no, layout)
    findings += fill_disclosure_from_prose(t2.cells, prose, layout, report_year)
    findings += fill_review_from_prose(t4.cells, prose)
    if ocr:
        findings += ocr_misreads(t3.cells, request_equations(t3.cells)) + ocr_misreads(t4.cells, review_equations(t4.cells))
    # repair, then what the prose states outright, then repair again (the table's own sums win)
    findings += fill_request_from_prose(t3.cells, prose, layout, report_year)
    findings += glued_digits_hold(t3.cells, t3.glued, t3.org_sums, t3.glued_blanks)
    findings += repair(t4.cells, review_equations(t4.cells))
    findings += cross_check(t3.cells, prose, "table 3") + cross_check(t4.cells, prose, "table 4")
    for no, t in ((2, t2), (3, t3), (4, t4)):
        findings += t.findings
        if not t.cells:
            findings.append(Finding("table_missing", "warning", f"table {no} not found in the report"))
    return TypedTables(t2, t3, t4, findings, pages)


def cell_frames(report_id: str, report_year: int, t: TypedTables, template: str,
                source_format: str | None = None) -> dict[str, pl.DataFrame]:
    """Long-form frames, one row per cell, in template order (deterministic), with each cell's page and OCR flag."""
    schemas = {"request_handling_cells": REQUEST_SCHEMA, "active_disclosure_cells": DISCLOSURE_SCHEMA,
               "review_litigation_cells": REVIEW_SCHEMA}
    return {name: pl.DataFrame(rows, schema=schemas[name], orient="row")
            for name, rows in cell_rows(report_id, report_year, t, template, source_format).items()}


def cell_rows(report_id: str, report_year: int, t: TypedTables, template: str,
              source_format: str | None = None) -> dict[str, list[tuple]]:
    """`cell_frames` as rows (tuples in each schema's column order), for the engine to build one frame per batch."""
    layout = template if template in ("2019", "2021") else "2019"
    split = any(o.startswith("other_") for o, _ in t.request.cells)
    ocr = source_format in OCR_FORMATS

    def prov(no: int, c: ParsedCell) -> tuple[int | None, bool]:
        return _page(c, t.pages.get(no)), ocr and c.source in _READ_SOURCES

    # a table without line pages, not OCR: every cell's provenance is (no page, not OCR)
    p2, p3, p4 = ((ocr or bool(t.pages.get(no))) for no in (2, 3, 4))

    req = [
        (report_id, report_year, o, a, _int(c.value), c.source, *(prov(3, c) if p3 else _NO_PROV))
        for o in template_rows(layout, split) for a in APPLICANT_CODES if (c := t.request.cells.get((o, a)))
    ]
    dis = [
        (report_id, report_year, i, m, c.value, c.source, *(prov(2, c) if p2 else _NO_PROV))
        for i, m in _disclosure_keys(layout) if (c := t.disclosure.cells.get((i, m)))
    ]
    rev = [
        (report_id, report_year, cc, r, _int(c.value), c.source, *(prov(4, c) if p4 else _NO_PROV))
        for cc in CASE_TYPE_CODES for r in REVIEW_RESULT_CODES if (c := t.review.cells.get((cc, r)))
    ]
    return {"request_handling_cells": req, "active_disclosure_cells": dis, "review_litigation_cells": rev}


def _disclosure_keys(layout: str) -> list[tuple[str, str]]:
    """Table 2's (item, metric) keys of a report of the `layout` form, then those of the other form
    (a block of the other form printed in this report is read by its own header)."""
    other = "2021" if layout == "2019" else "2019"
    own = [(i, m) for i, ms in TEMPLATE_METRICS[layout].items() for m in ms]
    return own + [(i, m) for i, ms in TEMPLATE_METRICS[other].items() for m in ms if (i, m) not in own]


# cells read off the page (a printed number or a printed blank mark): these have a page and an OCR flag
_READ_SOURCES = ("printed", "blank")
_NO_PROV = (None, False)


def _page(c: ParsedCell, pages: list[int | None] | None) -> int | None:
    """The page of the row a read cell came from: only when every line of that row is on one known page."""
    if c.source not in _READ_SOURCES or c.lines is None or not pages:
        return None
    first, last = c.lines
    seen = {pages[i] if 0 <= i < len(pages) else None for i in range(first, last + 1)}
    return seen.pop() if len(seen) == 1 and None not in seen else None


def _int(v: float | None) -> int | None:
    return None if v is None else int(round(v))
