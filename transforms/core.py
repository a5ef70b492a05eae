"""Normalised → sections → typed tables: the core layers, one report at a time.

`report_sections_of` and `typed_tables_of` are the per-report functions (pure; they run on the
batch engine's workers); `split_report_sections` and `build_typed_tables` run them over a
year's frame through `transforms.engine`. Quarantined reports (text not trusted) are skipped.
"""

from __future__ import annotations

import polars as pl

from transforms import engine
from transforms.findings import FINDINGS_SCHEMA, finding
from transforms.sections import split_sections
from transforms.staging import sort_findings
from transforms.typed import DISCLOSURE_SCHEMA, OCR_FORMATS, REQUEST_SCHEMA, REVIEW_SCHEMA, cell_rows, parse_tables

SECTIONS_SCHEMA = {"report_id": pl.String, "report_year": pl.Int32, "section_no": pl.Int32,
                   "title": pl.String, "text": pl.String}
CELL_SCHEMAS = {"request_handling_cells": REQUEST_SCHEMA, "active_disclosure_cells": DISCLOSURE_SCHEMA,
                "review_litigation_cells": REVIEW_SCHEMA}
_TERMINAL = tuple("。.!！)）”\"事项况")


def _finding(r: dict, stage: str, check: str, severity: str, msg: str) -> dict:
    return finding(r["report_id"], r["source_path"], r["report_year"], stage, check, severity, msg)


# ---- sections -------------------------------------------------------------------------------
def report_sections_of(r: dict, state: dict | None = None) -> dict:
    """One normalised report → {"rows": its sections, "findings": missing sections, truncation, legacy}."""
    split = split_sections(r["text"])
    rows = [{"report_id": r["report_id"], "report_year": r["report_year"], "section_no": s.section_no,
             "title": s.title, "text": s.text} for s in split.sections]
    found = [_finding(r, "sections", check, "warning", msg) for check, msg in split.findings]
    if 6 in split.missing and not r["text"].rstrip().endswith(_TERMINAL):
        found.append(_finding(r, "sections", "possibly_truncated", "warning",
                              "the report ends mid-sentence and its last section is missing"))
    if r["template"] == "legacy":
        found.append(_finding(r, "sections", "legacy_template", "warning",
                              "pre-2019 template: sections kept, tables not parsed"))
    return {"rows": rows, "findings": found}


def _sections_timeout(r: dict, state: dict, budget_s: float) -> dict:
    return {"findings": [_finding(r, "sections", "time_budget_exceeded", "error",
                                  f"splitting the sections took longer than the {budget_s:g} s budget; "
                                  "no section kept (tables are looked for in the whole text)")]}


def _sections_crash(r: dict) -> dict:
    return {"findings": [_finding(r, "sections", "worker_crashed", "error",
                                  "splitting this report's sections stopped its worker process twice "
                                  "(crash or out of memory); no section kept")]}


SECTIONS = engine.Stage("sections", report_sections_of, {"rows": SECTIONS_SCHEMA, "findings": FINDINGS_SCHEMA},
                        _sections_timeout, _sections_crash)


def _trusted(normalised: pl.DataFrame, provenance: bool = False) -> pl.DataFrame:
    df = normalised.filter(pl.col("quarantine_reason").is_null())
    cols = ["report_id", "source_path", "report_year", "text", "template"]
    if provenance:  # what the typed layer needs for each cell's page and OCR flag (null if absent)
        df = df.with_columns(*(pl.lit(None, dtype).alias(c) for c, dtype in
                               (("source_format", pl.String), ("line_pages", pl.List(pl.Int32)))
                               if c not in df.columns))
        cols += ["source_format", "line_pages"]
    return df.select(cols)


def split_report_sections(normalised: pl.DataFrame, options: engine.EngineOptions | None = None,
                          progress: engine.Progress | None = None, stats: list | None = None
                          ) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Split each report that is not quarantined into its six sections; missing ones become findings."""
    out = engine.run_stage(SECTIONS, _trusted(normalised), options, progress=progress, bytes_col="text")
    if stats is not None:
        stats.append(out.stats)
    df = out.frames["rows"]
    df = df.unique(["report_id", "section_no"], keep="first", maintain_order=True).sort(["report_id", "section_no"])
    return df, sort_findings(out.frames["findings"])


# ---- typed tables -----------------------------------------------------------------------------
def typed_tables_of(r: dict, state: dict | None = None) -> dict:
    """One report (text, template, its sections) → its three long-form cell frames and findings."""
    sections = dict(zip(r["section_nos"] or [], r["section_texts"] or []))
    t = parse_tables(r["text"], sections, r["template"], r["report_year"], r.get("line_pages"),
                     ocr=r.get("source_format") in OCR_FORMATS)
    found = [_finding(r, "typed", f.check_name, f.severity, f.message) for f in t.findings]
    return {**cell_rows(r["report_id"], r["report_year"], t, r["template"], r.get("source_format")),
            "findings": found}


def _typed_timeout(r: dict, state: dict, budget_s: float) -> dict:
    return {"findings": [_finding(r, "typed", "time_budget_exceeded", "error",
                                  f"reading the tables took longer than the {budget_s:g} s budget; no cell kept, "
                                  "the sections are kept")]}


def _typed_crash(r: dict) -> dict:
    return {"findings": [_finding(r, "typed", "worker_crashed", "error",
                                  "reading this report's tables stopped its worker process twice "
                                  "(crash or out of memory); no cell kept, the sections are kept")]}


TYPED = engine.Stage("typed", typed_tables_of, {**CELL_SCHEMAS, "findings": FINDINGS_SCHEMA},
                     _typed_timeout, _typed_crash)


def build_typed_tables(normalised: pl.DataFrame, sections: pl.DataFrame, options: engine.EngineOptions | None = None,
                       progress: engine.Progress | None = None, stats: list | None = None
                       ) -> tuple[dict[str, pl.DataFrame], pl.DataFrame]:
    """Parse tables 2–4 of every report into long-form cell frames, repaired, with findings."""
    by_report = (sections.sort(["report_id", "section_no"])
                 .group_by("report_id", maintain_order=True)
                 .agg(section_nos=pl.col("section_no"), section_texts=pl.col("text")))
    todo = _trusted(normalised, provenance=True).join(by_report, on="report_id", how="left", maintain_order="left")
    out = engine.run_stage(TYPED, todo, options, progress=progress, bytes_col="text")
    if stats is not None:
        stats.append(out.stats)
    cells = {name: out.frames[name] for name in CELL_SCHEMAS}
    return cells, sort_findings(out.frames["findings"])
