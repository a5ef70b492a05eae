"""Staging layer: normalised text and report metadata, gated by pandera and a GX suite."""


import polars as pl
from dagster import AssetCheckResult, AssetCheckSpec, AssetExecutionContext, AssetOut, MetadataValue, Output, multi_asset

from expectations.suites import normalised_report_failures, normalised_suite
from orchestration import progress
from orchestration.checks import contract_result, contract_spec, md_table
from orchestration.partitions import YEAR_PARTITIONS
from transforms.engine import EngineOptions
from transforms.staging import normalise_reports, quarantine

GX_CHECK = "gx_normalised_suite"


@multi_asset(
    outs={
        "normalised_reports": AssetOut(group_name="staging", io_manager_key="io_manager",
                                       description="Simplified, one-width, markup-free text with agency, year, region and template."),
        "normalised_findings": AssetOut(group_name="staging", io_manager_key="io_manager",
                                        description="Per-report findings of normalisation and metadata (a missing agency is a warning)."),
    },
    partitions_def=YEAR_PARTITIONS,
    check_specs=[
        contract_spec("normalised_reports"),
        contract_spec("normalised_findings", "findings"),
        AssetCheckSpec(GX_CHECK, asset="normalised_reports", blocking=True,
                       description="great-expectations: report_id unique, year present, no residual traditional characters, no markdown"),
    ],
)
def normalised_reports(context: AssetExecutionContext, raw_reports: pl.DataFrame):
    """Normalise the year's reports on the batch engine; a report whose text cannot be trusted is quarantined.

    A report whose agency, region or date cannot be read is not: it goes on with a finding (`partial`).
    """
    stats: list = []
    df, findings = normalise_reports(raw_reports, EngineOptions.from_env(), progress.engine_callback(), stats)
    df, findings = quarantine(df, findings, normalised_report_failures(df))
    ok = df.filter(pl.col("quarantine_reason").is_null())
    yield Output(df, output_name="normalised_reports", metadata={
        "reports": len(df), "quarantined": len(df) - len(ok),
        "traditional_sources": int((df["source_script"] == "traditional").sum()),
        "without agency": int(df["agency_name"].is_null().sum()), **progress.stats_metadata(stats),
        "preview": MetadataValue.md(md_table(df.select("source_path", "agency_name", "report_year", "admin_level",
                                                       "template", "source_script", "quarantine_reason"))),
    })
    yield Output(findings, output_name="normalised_findings", metadata={"rows": len(findings)})
    yield contract_result("normalised_reports", df)
    yield contract_result("normalised_findings", findings, "findings")
    outcomes = normalised_suite(ok) if len(ok) else []
    failed = [o for o in outcomes if not o.success]
    yield AssetCheckResult(
        asset_key="normalised_reports", check_name=GX_CHECK, passed=not failed,
        metadata={"expectations": len(outcomes), "failed": len(failed),
                  "details": MetadataValue.md("\n".join(f"- {o.expectation} {o.column}: {o.details}" for o in failed) or "all passed")},
    )
