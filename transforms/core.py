"""Normalised → sections → typed tables: the core layers, one report at a time."""

from __future__ import annotations

import polars as pl

from transforms.findings import finding, findings_frame
from transforms.sections import split_sections
from transforms.typed import DISCLOSURE_SCHEMA, REQUEST_SCHEMA, REVIEW_SCHEMA, cell_frames, parse_tables

SECTIONS_SCHEMA = {"report_id": pl.String, "report_year": pl.Int32, "section_no": pl.Int32,
                   "title": pl.String, "text": pl.String}
_TERMINAL = tuple("。.!！)）”\"事项况") 


def split_report_sections(normalised: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Split each report that is not quarantined into its six sections; missing ones become findings."""
    rows, found = [], []
    for r in normalised.filter(pl.col("quarantine_reason").is_null()).iter_rows(named=True):
        split = split_sections(r["text"])
        for s in split.sections:
            rows.append({"report_id": r["report_id"], "report_year": r["report_year"], "section_no": s.section_no,
                         "title": s.title, "text": s.text})
        for check, msg in split.findings:
            found.append(finding(r["report_id"], r["source_path"], r["report_year"], "sections", check, "warning", msg))
        if 6 in split.missing and not r["text"].rstrip().endswith(_TERMINAL):
            found.append(finding(r["report_id"], r["source_path"], r["report_year"], "sections", "possibly_truncated",
                                 "warning", "the report ends mid-sentence and its last section is missing"))
        if r["template"] == "legacy":
            found.append(finding(r["report_id"], r["source_path"], r["report_year"], "sections", "legacy_template",
                                 "warning", "pre-2019 template: sections kept, tables not parsed"))
    df = pl.DataFrame(rows, schema=SECTIONS_SCHEMA)
    df = df.unique(["report_id", "section_no"], keep="first", maintain_order=True).sort(["report_id", "section_no"])
    return df, findings_frame(found)


def build_typed_tables(normalised: pl.DataFrame, sections: pl.DataFrame) -> tuple[dict[str, pl.DataFrame], pl.DataFrame]:
    """Parse tables 2–4 of every report into long-form cell frames, repaired, with findings."""
    by_report: dict[str, dict[int, str]] = {}
    for rid, no, text in sections.select("report_id", "section_no", "text").iter_rows():
        by_report.setdefault(rid, {})[no] = text
    frames: dict[str, list[pl.DataFrame]] = {k: [] for k in ("request_handling_cells", "active_disclosure_cells",
                                                               "review_litigation_cells")}
    found = []
    for r in normalised.filter(pl.col("quarantine_reason").is_null()).iter_rows(named=True):
        t = parse_tables(r["text"], by_report.get(r["report_id"], {}), r["template"], r["report_year"])
        for f in t.findings:
            found.append(finding(r["report_id"], r["source_path"], r["report_year"], "typed", f.check_name, f.severity, f.message))
        for name, df in cell_frames(r["report_id"], r["report_year"], t, r["template"]).items():
            frames[name].append(df)
    schemas = {"request_handling_cells": REQUEST_SCHEMA, "active_disclosure_cells": DISCLOSURE_SCHEMA,
               "review_litigation_cells": REVIEW_SCHEMA}
    out = {name: pl.concat(dfs) if dfs else pl.DataFrame(schema=schemas[name]) for name, dfs in frames.items()}
    return out, findings_frame(found)
