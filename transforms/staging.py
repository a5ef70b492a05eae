"""Raw → normalised: decoded text becomes canonical text plus the report's metadata.

`normalise_report` is the per-report function (pure; it runs on the batch engine's workers);
`normalise_reports` runs it over a year's raw frame through `transforms.engine`.

Metadata never costs a report its cells: a report whose agency cannot be read keeps its text,
sections and tables and gets an `agency_missing` warning (stage `metadata`, which makes it
`partial`). Only text that cannot be trusted at all (residual traditional characters, leftover
markup: `expectations.suites.normalised_report_failures`) is quarantined by `quarantine`.
"""

from __future__ import annotations

import dataclasses

import polars as pl

from transforms import engine
from transforms.compilation import first_report
from transforms.findings import FINDINGS_ORDER, FINDINGS_SCHEMA, finding, findings_frame
from transforms.metadata import extract_metadata
from transforms.normalise import canonical_width, normalise_text, traditional_ratio
from transforms.normalise import TRADITIONAL_THRESHOLD
from transforms.sections import detect_template

NORMALISED_SCHEMA = {
    "report_id": pl.String, "sha256": pl.String, "source_path": pl.String, "report_year": pl.Int32, "text": pl.String,
    "title": pl.String, "agency_name": pl.String, "region_province": pl.String, "region_city": pl.String,
    "region_county": pl.String, "region_township": pl.String, "admin_level": pl.String,
    "published_date": pl.Date, "source_script": pl.String, "source_format": pl.String,
    "traditional_ratio": pl.Float64, "residual_traditional_ratio": pl.Float64, "template": pl.String,
    "quarantine_reason": pl.String,
    "line_pages": pl.List(pl.Int32),  # page of each line of `text` (PDF/Word page breaks), else null
}
_META_FIELDS = ("title", "agency_name", "region_province", "region_city", "region_county", "region_township",
                "admin_level", "published_date")
_HEAD = 20000  # characters measured for the script of a report whose normalisation ran out of time


def _row(r: dict, text: str, script: str, ratio: float, residual: float, meta, template: str,
         reason: str | None) -> dict:
    row = {"report_id": r["report_id"], "sha256": r["sha256"], "source_path": r["source_path"],
           "report_year": r["report_year"], "text": text, "source_script": script, "source_format": r["source_format"],
           "traditional_ratio": ratio, "residual_traditional_ratio": residual, "template": template,
           "quarantine_reason": reason, "line_pages": None}
    for k in _META_FIELDS:
        row[k] = getattr(meta, k, None) if meta is not None else None
    if isinstance(row["agency_name"], str) and not row["agency_name"].strip():
        row["agency_name"] = None  # a blank agency is no agency
    return row


def normalise_report(r: dict, state: dict | None = None) -> dict:
    """One raw report → {"rows": [its normalised row], "findings": [...]} (pure)."""
    state = state if state is not None else {}
    n = normalise_text(r["raw_text"])
    year = r["report_year"]
    found = []
    parts = first_report(n.text)
    if parts is not None:
        start, end, others = parts
        lines = n.text.split("\n")
        pages = n.line_pages[start:end] if n.line_pages is not None else None
        n = dataclasses.replace(n, text="\n".join(lines[start:end]), line_pages=pages)
        listed = "; ".join(f"'{t}'" for t in others[:8]) + (" …" if len(others) > 8 else "")
        found.append(finding(r["report_id"], r["source_path"], year, "normalise", "compilation_not_split", "warning",
                             f"the file holds {len(others) + 1} reports; only the first is read (its title on, the "
                             f"cover and contents before it dropped); not read: {listed}. Split the file to read them"))
    state["norm"] = n
    meta = extract_metadata(n.text)
    for check, severity, msg in getattr(meta, "findings", None) or []:
        found.append(finding(r["report_id"], r["source_path"], year, "metadata", check, severity, msg))
    if not (meta.agency_name or "").strip() and not any(f["check_name"] in ("agency_missing", "agency_doubtful")
                                                        for f in found):
        found.append(finding(r["report_id"], r["source_path"], year, "metadata", "agency_missing", "warning",
                             "no agency name could be read from the title, opening lines or sign-off; "
                             "sections and tables are still read"))
    if meta.report_year is not None and meta.report_year != year:
        found.append(finding(r["report_id"], r["source_path"], year, "normalise", "report_year_mismatch", "warning",
                             f"landing guessed {year}, metadata reads {meta.report_year}; kept {year}"))
    row = _row(r, n.text, n.source_script, n.traditional_ratio, n.residual_traditional_ratio, meta,
               detect_template(n.text, year), None)
    row["line_pages"] = list(n.line_pages) if n.line_pages is not None else None
    return {"rows": [row], "findings": found}


def _normalise_timeout(r: dict, state: dict, budget_s: float) -> dict:
    """Past the budget: keep the normalised text if it was made (no metadata), else quarantine the report."""
    n = state.get("norm")
    msg = f"normalisation and metadata took longer than the {budget_s:g} s budget"
    if n is not None:
        try:
            with engine.budget(budget_s):
                template = detect_template(n.text, r["report_year"])
        except engine.BudgetExceeded:
            template = "unknown"
        row = _row(r, n.text, n.source_script, n.traditional_ratio, n.residual_traditional_ratio, None, template, None)
        msg += "; the text is kept, its metadata was not read"
    else:
        head = canonical_width(r["raw_text"][:_HEAD])
        ratio = traditional_ratio(head)
        script = "traditional" if ratio > TRADITIONAL_THRESHOLD else "simplified"
        reason = f"normalisation did not finish within the {budget_s:g} s budget: no trusted text"
        row = _row(r, "", script, ratio, 0.0, None, "unknown", reason)
        msg += "; no normalised text, the report is quarantined"
    return {"rows": [row], "findings": [finding(r["report_id"], r["source_path"], r["report_year"], "normalise",
                                                "time_budget_exceeded", "error", msg)]}


def _normalise_crash(r: dict) -> dict:
    reason = "normalising this report stopped its worker process twice (crash or out of memory)"
    row = _row(r, "", "simplified", 0.0, 0.0, None, "unknown", reason)
    return {"rows": [row], "findings": [finding(r["report_id"], r["source_path"], r["report_year"], "normalise",
                                                "worker_crashed", "error", reason)]}


NORMALISE = engine.Stage("normalise", normalise_report, {"rows": NORMALISED_SCHEMA, "findings": FINDINGS_SCHEMA},
                         _normalise_timeout, _normalise_crash)


def sort_findings(df: pl.DataFrame) -> pl.DataFrame:
    """Findings in one deterministic order (every column breaks ties)."""
    rest = [c for c in FINDINGS_SCHEMA if c not in FINDINGS_ORDER]
    return df.cast(FINDINGS_SCHEMA).unique().sort([*FINDINGS_ORDER, *rest], nulls_last=True)


def normalise_reports(raw: pl.DataFrame, options: engine.EngineOptions | None = None,
                      progress: engine.Progress | None = None, stats: list | None = None
                      ) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Normalise every raw report and read its metadata (on the batch engine)."""
    out = engine.run_stage(NORMALISE, raw, options, progress=progress, bytes_col="raw_text")
    if stats is not None:
        stats.append(out.stats)
    return out.frames["rows"].sort("source_path"), sort_findings(out.frames["findings"])


def quarantine(df: pl.DataFrame, findings: pl.DataFrame, failures: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Mark reports whose text cannot be trusted as quarantined and add each failure as an error finding."""
    if failures.is_empty():
        return df, findings
    reasons = failures.group_by("report_id").agg(pl.col("message").sort().str.join("; ").alias("_why"))
    df = (
        df.join(reasons, on="report_id", how="left")
        .with_columns(quarantine_reason=pl.coalesce("quarantine_reason", "_why"))
        .drop("_why")
    )
    extra = failures.join(df.select("report_id", "source_path", "report_year"), on="report_id", how="left")
    rows = [finding(r["report_id"], r["source_path"], r["report_year"], "normalise", r["check_name"], "error", r["message"])
            for r in extra.iter_rows(named=True)]
    return df, sort_findings(findings_frame(findings.to_dicts() + rows))
