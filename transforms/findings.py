"""The findings frame every layer emits: what was wrong with which file, at which stage."""

from __future__ import annotations

import polars as pl

FINDINGS_SCHEMA = {
    "report_id": pl.String,
    "source_path": pl.String,
    "report_year": pl.Int32,
    "stage": pl.String,
    "check_name": pl.String,
    "severity": pl.String,
    "message": pl.String,
}
FINDINGS_ORDER = ["report_year", "source_path", "stage", "check_name", "message"]


def findings_frame(rows: list[dict]) -> pl.DataFrame:
    """A findings frame from dict rows (missing keys become null), in a deterministic order."""
    df = pl.DataFrame([{k: r.get(k) for k in FINDINGS_SCHEMA} for r in rows], schema=FINDINGS_SCHEMA)
    return df.unique().sort(FINDINGS_ORDER, nulls_last=True)


def finding(report_id, source_path, report_year, stage, check_name, severity, message) -> dict:
    """One finding row."""
    return {
        "report_id": report_id, "source_path": source_path, "report_year": report_year, "stage": stage,
        "check_name": check_name, "severity": severity, "message": message,
    }
