"""Every layer in one call, without Dagster: the same functions (and the same batch engine) the assets call.

    from transforms.pipeline import run_layers
    frames = run_layers("warehouse/landing", year=2019)            # workers: $GONGKAI_WORKERS or all cores
    frames = run_layers("warehouse/landing", year=2019, options=EngineOptions(workers=1))
    frames["marts"]["fact_request_handling"]
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from expectations.suites import normalised_report_failures
from transforms.core import build_typed_tables, split_report_sections
from transforms.engine import EngineOptions, Progress, raw_reports
from transforms.findings import FINDINGS_SCHEMA
from transforms.ingest import DEFAULT_MAX_BYTES
from transforms.landing import build_manifest
from transforms.marts import build_marts
from transforms.staging import normalise_reports, quarantine


def run_year(input_dir: str | Path, manifest: pl.DataFrame, year: int, max_bytes: int = DEFAULT_MAX_BYTES,
             options: EngineOptions | None = None, progress: Progress | None = None,
             stats: list | None = None) -> dict:
    """One year's layers: raw → normalised → sections → typed → marts (each layer one engine pass)."""
    raw, raw_f = raw_reports(input_dir, manifest, year, max_bytes, options, progress, stats)
    norm, norm_f = normalise_reports(raw, options, progress, stats)
    norm, norm_f = quarantine(norm, norm_f, normalised_report_failures(norm))
    sections, sec_f = split_report_sections(norm, options, progress, stats)
    cells, typed_f = build_typed_tables(norm, sections, options, progress, stats)
    findings = pl.concat([raw_f, norm_f, sec_f, typed_f]).cast(FINDINGS_SCHEMA)
    return {"raw_reports": raw, "normalised_reports": norm, "report_sections": sections, **cells,
            "marts": build_marts(norm, sections, cells, findings)}


def run_layers(input_dir: str | Path, year: int | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
               options: EngineOptions | None = None, progress: Progress | None = None,
               stats: list | None = None) -> dict:
    """Run landing → marts for one year (or every year found) and return each layer's frames."""
    manifest = build_manifest(input_dir, max_bytes)
    years = [year] if year is not None else sorted(set(manifest["report_year"].drop_nulls().to_list()))
    out: dict = {"landing_manifest": manifest, "years": {}}
    for y in years:
        out["years"][y] = run_year(input_dir, manifest, y, max_bytes, options, progress, stats)
    if year is not None:
        out.update(out["years"][year])
    return out
