"""Every layer in one call, without Dagster: the same functions the assets call, for tests and notebooks.

    from transforms.pipeline import run_layers
    frames = run_layers("warehouse/landing", year=2019)
    frames["marts"]["fact_request_handling"]
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from transforms.core import build_typed_tables, split_report_sections
from transforms.findings import FINDINGS_SCHEMA
from transforms.ingest import DEFAULT_MAX_BYTES
from transforms.landing import build_manifest, raw_reports_for
from transforms.marts import build_marts
from expectations.suites import normalised_report_failures
from transforms.staging import normalise_reports, quarantine


def run_layers(input_dir: str | Path, year: int | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> dict:
    """Run landing → marts for one year (or every year found) and return each layer's frames."""
    manifest = build_manifest(input_dir, max_bytes)
    years = [year] if year is not None else sorted(set(manifest["report_year"].drop_nulls().to_list()))
    out: dict = {"landing_manifest": manifest, "years": {}}
    for y in years:
        raw, raw_f = raw_reports_for(input_dir, manifest, y, max_bytes)
        norm, norm_f = normalise_reports(raw)
        norm, norm_f = quarantine(norm, norm_f, normalised_report_failures(norm))
        sections, sec_f = split_report_sections(norm)
        cells, typed_f = build_typed_tables(norm, sections)
        findings = pl.concat([raw_f, norm_f, sec_f, typed_f]).cast(FINDINGS_SCHEMA)
        out["years"][y] = {"raw_reports": raw, "normalised_reports": norm, "report_sections": sections, **cells,
                           "marts": build_marts(norm, sections, cells, findings)}
    if year is not None:
        out.update(out["years"][year])
    return out
