"""Raw → normalised: decoded text becomes canonical text plus the report's metadata."""

from __future__ import annotations

import polars as pl

from transforms.findings import finding, findings_frame
from transforms.metadata import extract_metadata
from transforms.normalise import normalise_text
from transforms.sections import detect_template

NORMALISED_SCHEMA = {
    "report_id": pl.String, "sha256": pl.String, "source_path": pl.String, "report_year": pl.Int32, "text": pl.String,
    "title": pl.String, "agency_name": pl.String, "region_province": pl.String, "region_city": pl.String,
    "region_county": pl.String, "region_township": pl.String, "admin_level": pl.String,
    "published_date": pl.Date, "source_script": pl.String, "source_format": pl.String,
    "traditional_ratio": pl.Float64, "residual_traditional_ratio": pl.Float64, "template": pl.String,
    "quarantine_reason": pl.String,
}


def normalise_reports(raw: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Normalise every raw report and read its metadata; a report without agency or year is quarantined."""
    rows, found = [], []
    for r in raw.iter_rows(named=True):
        n = normalise_text(r["raw_text"])
        meta = extract_metadata(n.text)
        year = r["report_year"]
        reasons = []
        if not meta.agency_name:
            reasons.append(("agency_missing", "no agency name could be read from the title or opening lines"))
        if meta.report_year is not None and meta.report_year != year:
            found.append(finding(r["report_id"], r["source_path"], year, "normalise", "report_year_mismatch", "warning",
                                 f"landing guessed {year}, metadata reads {meta.report_year}; kept {year}"))
        for check, msg in reasons:
            found.append(finding(r["report_id"], r["source_path"], year, "normalise", check, "error", msg))
        rows.append({
            "report_id": r["report_id"], "sha256": r["sha256"], "source_path": r["source_path"], "report_year": year,
            "text": n.text,
            "title": meta.title, "agency_name": meta.agency_name, "region_province": meta.region_province,
            "region_city": meta.region_city, "region_county": meta.region_county,
            "region_township": meta.region_township, "admin_level": meta.admin_level,
            "published_date": meta.published_date, "source_script": n.source_script,
            "source_format": r["source_format"], "traditional_ratio": n.traditional_ratio,
            "residual_traditional_ratio": n.residual_traditional_ratio,
            "template": detect_template(n.text, year),
            "quarantine_reason": "; ".join(m for _, m in reasons) or None,
        })
    df = pl.DataFrame(rows, schema=NORMALISED_SCHEMA).sort("source_path")
    return df, findings_frame(found)


def quarantine(df: pl.DataFrame, findings: pl.DataFrame, failures: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Mark reports that failed per-report rules as quarantined and add each failure as an error finding."""
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
    return df, findings_frame(findings.to_dicts() + rows)
