"""Staging layer: normalised text and report metadata, gated by pandera and a GX suite."""


import polars as pl
from dagster import AssetCheckResult, AssetCheckSpec, AssetExecutionContext, AssetOut, MetadataValue, Output, multi_asset

from expectations.suites import MARKDOWN_REGEX, normalised_suite
from orchestration import progress
from orchestration.checks import contract_result, contract_spec, md_table
from orchestration.partitions import LAYER_PARTITIONS, file_part
from orchestration.resources import engine_options, options_metadata, write_layer
from transforms.layers import Layer
from transforms.pipeline import read_batched, stream_normalised, without_texts
from transforms.staging import NORMALISED_SCHEMA

GX_CHECK = "gx_normalised_suite"


@multi_asset(
    outs={
        "normalised_reports": AssetOut(group_name="staging", io_manager_key="io_manager",
                                       description="Simplified, one-width, markup-free text with agency, year, region and template."),
        "normalised_findings": AssetOut(group_name="staging", io_manager_key="io_manager",
                                        description="Per-report findings of normalisation and metadata (a missing agency is a warning)."),
    },
    partitions_def=LAYER_PARTITIONS,
    check_specs=[
        contract_spec("normalised_reports"),
        contract_spec("normalised_findings", "findings"),
        AssetCheckSpec(GX_CHECK, asset="normalised_reports", blocking=True,
                       description="great-expectations: report_id unique, year present, no residual traditional characters, no markdown"),
    ],
)
def normalised_reports(context: AssetExecutionContext, raw_reports: Layer):
    """Normalise the year's reports on the batch engine; a report whose text cannot be trusted is quarantined.

    A report whose agency, region or date cannot be read is not: it goes on with a finding (`partial`).
    The raw layer is read and the normalised one written batch by batch; the checks read it without
    its texts (the GX suite's text rule sees each text that breaks it, and an empty text for the others).
    """
    stats: list = []
    options = engine_options(context)
    findings, layer = write_layer("normalised_reports", file_part(context.partition_key), NORMALISED_SCHEMA, lambda w: stream_normalised(
        raw_reports, w, options, progress.engine_callback(), stats))
    df = without_texts(layer, drop=("line_pages",))
    ok = df.filter(pl.col("quarantine_reason").is_null())
    gx = _gx_frame(layer) if len(ok) else None  # read before the output is handed over (its file is moved)
    yield Output(layer, output_name="normalised_reports", metadata={
        "reports": len(df), "quarantined": len(df) - len(ok),
        "traditional_sources": int((df["source_script"] == "traditional").sum()),
        "without agency": int(df["agency_name"].is_null().sum()), **progress.stats_metadata(stats), **options_metadata(options),
        "preview": MetadataValue.md(md_table(df.select("source_path", "agency_name", "report_year", "admin_level",
                                                       "template", "source_script", "quarantine_reason"))),
    })
    yield Output(findings, output_name="normalised_findings", metadata={"rows": len(findings)})
    yield contract_result("normalised_reports", df)
    yield contract_result("normalised_findings", findings, "findings")
    outcomes = normalised_suite(gx) if gx is not None else []
    failed = [o for o in outcomes if not o.success]
    yield AssetCheckResult(
        asset_key="normalised_reports", check_name=GX_CHECK, passed=not failed,
        metadata={"expectations": len(outcomes), "failed": len(failed),
                  "details": MetadataValue.md("\n".join(f"- {o.expectation} {o.column}: {o.details}" for o in failed) or "all passed")},
    )


def _gx_frame(layer: Layer) -> pl.DataFrame:
    """The trusted reports as the GX suite reads them: a text that matches MARKDOWN_REGEX kept whole, any other
    blanked, so its text rule counts and shows the same values without the year's texts in memory."""
    text = pl.col("text")
    return read_batched(layer, lambda df: df.filter(pl.col("quarantine_reason").is_null()).select(
        "report_id", "report_year", "residual_traditional_ratio",
        pl.when(text.str.contains(MARKDOWN_REGEX)).then(text).otherwise(pl.lit("", pl.String)).alias("text")),
        ["report_id", "report_year", "residual_traditional_ratio", "quarantine_reason", "text"])
