"""From a report's sections to its three typed tables in long form, repaired and cross-checked."""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from transforms.labels import APPLICANT_CODES, CASE_TYPE_CODES, REVIEW_RESULT_CODES
from transforms.narrative import (
    cross_check, fill_disclosure_from_prose, fill_request_from_prose, fill_review_from_prose, prose_of,
)
from transforms.repair import repair, review_equations
from transforms.tables.active_disclosure import TEMPLATE_METRICS, parse_disclosure_table
from transforms.tables.common import Finding, TableParse
from transforms.tables.grid import is_table_line
from transforms.tables.request_handling import parse_request_table, template_rows
from transforms.tables.review_litigation import parse_review_table

REQUEST_SCHEMA = {"report_id": pl.String, "report_year": pl.Int32, "outcome": pl.String,
                  "applicant_type": pl.String, "count": pl.Int64, "cell_source": pl.String}
DISCLOSURE_SCHEMA = {"report_id": pl.String, "report_year": pl.Int32, "item": pl.String,
                     "metric": pl.String, "value": pl.Float64, "cell_source": pl.String}
REVIEW_SCHEMA = {"report_id": pl.String, "report_year": pl.Int32, "case_type": pl.String,
                 "result": pl.String, "count": pl.Int64, "cell_source": pl.String}


@dataclass
class TypedTables:
    """One report's cells for tables 2, 3 and 4, with what parsing and repair noticed."""

    disclosure: TableParse
    request: TableParse
    review: TableParse
    findings: list[Finding] = field(default_factory=list)


def _table_text(sections: dict[int, str], no: int, full_text: str) -> str:
    """A table's section text; without that section, the table-like lines of the whole report."""
    if no in sections:
        return sections[no]
    # short lines hold the rows of a table printed without separators; a sentence (。) never does
    return "\n".join(line for line in full_text.split("\n")
                     if is_table_line(line) or (len(line.strip()) <= 60 and "。" not in line))


def parse_tables(text: str, sections: dict[int, str], template: str, report_year: int | None = None) -> TypedTables:
    """Parse, fill from prose, and repair the three tables of one normalised report."""
    layout = template if template in ("2019", "2021") else "2019"
    prose = prose_of(text)
    if template == "legacy":
        empty = TableParse()
        return TypedTables(empty, TableParse(), TableParse(),
                           [Finding("legacy_template", "warning", "pre-2019 template: sections only, tables not parsed")])
    parsers = {2: lambda t: parse_disclosure_table(t, layout, prose),
               3: lambda t: parse_request_table(t, layout, report_year),
               4: parse_review_table}
    found_elsewhere: list[Finding] = []
    parsed = {}
    for no, parse in parsers.items():
        t = parse(_table_text(sections, no, text))
        if not t.found and no in sections:
            # the section holds no table: it may be printed elsewhere (附表 after section 六, an
            # appendix); the report's table-like lines are read, and the rows' labels decide
            alt = parse(_table_text({}, no, text))
            if alt.found and any(c.value is not None for c in alt.cells.values()):
                t = alt
                found_elsewhere.append(Finding("table_outside_section", "warning",
                                               f"table {no} is not printed in its section; read from elsewhere in the report"))
        parsed[no] = t
    t2, t3, t4 = parsed[2], parsed[3], parsed[4]
    findings: list[Finding] = list(found_elsewhere)
    findings += fill_disclosure_from_prose(t2.cells, prose, layout, report_year)
    findings += fill_review_from_prose(t4.cells, prose)
    # repair, then what the prose states outright, then repair again (the table's own sums win)
    findings += fill_request_from_prose(t3.cells, prose, layout, report_year)
    findings += repair(t4.cells, review_equations(t4.cells))
    findings += cross_check(t3.cells, prose, "table 3") + cross_check(t4.cells, prose, "table 4")
    for no, t in ((2, t2), (3, t3), (4, t4)):
        findings += t.findings
        if not t.cells:
            findings.append(Finding("table_missing", "warning", f"table {no} not found in the report"))
    return TypedTables(t2, t3, t4, findings)


def cell_frames(report_id: str, report_year: int, t: TypedTables, template: str) -> dict[str, pl.DataFrame]:
    """Long-form frames, one row per cell, in template order (deterministic)."""
    layout = template if template in ("2019", "2021") else "2019"
    split = any(o.startswith("other_") for o, _ in t.request.cells)
    req = [
        (report_id, report_year, o, a, _int(t.request.cells[(o, a)].value), t.request.cells[(o, a)].source)
        for o in template_rows(layout, split) for a in APPLICANT_CODES if (o, a) in t.request.cells
    ]
    dis = [
        (report_id, report_year, i, m, t.disclosure.cells[(i, m)].value, t.disclosure.cells[(i, m)].source)
        for i, ms in TEMPLATE_METRICS[layout].items() for m in ms if (i, m) in t.disclosure.cells
    ]
    rev = [
        (report_id, report_year, c, r, _int(t.review.cells[(c, r)].value), t.review.cells[(c, r)].source)
        for c in CASE_TYPE_CODES for r in REVIEW_RESULT_CODES if (c, r) in t.review.cells
    ]
    return {
        "request_handling_cells": pl.DataFrame(req, schema=REQUEST_SCHEMA, orient="row"),
        "active_disclosure_cells": pl.DataFrame(dis, schema=DISCLOSURE_SCHEMA, orient="row"),
        "review_litigation_cells": pl.DataFrame(rev, schema=REVIEW_SCHEMA, orient="row"),
    }


def _int(v: float | None) -> int | None:
    return None if v is None else int(round(v))
