"""Core layer: report sections and the three typed tables in long form, with their contracts."""


import polars as pl
from dagster import AssetCheckResult, AssetCheckSeverity, AssetExecutionContext, AssetOut, MetadataValue, Output, multi_asset

from orchestration import progress
from orchestration.checks import CONTRACT_CHECK, contract_result, contract_spec, md_table
from orchestration.partitions import LAYER_PARTITIONS, file_part
from orchestration.resources import engine_options, layer_writer, options_metadata, write_layer
from transforms.core import CELL_SCHEMAS, SECTIONS_SCHEMA
from transforms.layers import Layer
from transforms.pipeline import stream_sections, stream_typed, validate_layer, without_texts

CELL_TABLES = ["request_handling_cells", "active_disclosure_cells", "review_litigation_cells"]


@multi_asset(
    outs={
        "report_sections": AssetOut(group_name="sections", io_manager_key="io_manager",
                                    description="The six numbered sections of each report (title as printed, text)."),
        "sections_findings": AssetOut(group_name="sections", io_manager_key="io_manager",
                                      description="Missing sections, truncated reports, legacy templates."),
    },
    partitions_def=LAYER_PARTITIONS,
    check_specs=[contract_spec("report_sections"), contract_spec("sections_findings", "findings")],
)
def report_sections(context: AssetExecutionContext, normalised_reports: Layer):
    """Split each non-quarantined report into sections 1–6; each missing section is a finding.

    Written batch by batch in the order of the reports (the marts sort them by report id); the
    checks read the layer without its texts.
    """
    stats: list = []
    options = engine_options(context)
    findings, layer = write_layer("report_sections", file_part(context.partition_key), SECTIONS_SCHEMA, lambda w: stream_sections(
        normalised_reports, w, options, progress.engine_callback(), stats))
    df = without_texts(layer, texts=("title", "text"))
    per_no = df.group_by("section_no").len().sort("section_no")
    yield Output(layer, output_name="report_sections", metadata={
        "rows": len(df), "reports": df["report_id"].n_unique(), **progress.stats_metadata(stats),
        **options_metadata(options), "sections found": MetadataValue.md(md_table(per_no)),
    })
    yield Output(findings, output_name="sections_findings", metadata={"rows": len(findings)})
    yield contract_result("report_sections", df)
    yield contract_result("sections_findings", findings, "findings")


@multi_asset(
    outs={
        **{name: AssetOut(group_name="typed", io_manager_key="io_manager",
                          description=f"Long-form cells of {name.replace('_cells', '').replace('_', ' ')}, with cell_source.")
           for name in CELL_TABLES},
        "typed_findings": AssetOut(group_name="typed", io_manager_key="io_manager",
                                   description="Lost cells, inferred rows, arithmetic contradictions, prose/table disagreements."),
    },
    partitions_def=LAYER_PARTITIONS,
    check_specs=[*(contract_spec(n) for n in CELL_TABLES), contract_spec("typed_findings", "findings")],
)
def typed_tables(context: AssetExecutionContext, normalised_reports: Layer, report_sections: Layer):
    """Parse tables 2, 3 and 4 of each report; fill what prose and arithmetic pin down; never guess.

    Each cell layer is written batch by batch; the reports and their sections are read in lockstep.
    """
    stats: list = []
    options = engine_options(context)
    writers = {name: layer_writer(name, file_part(context.partition_key), CELL_SCHEMAS[name]) for name in CELL_TABLES}
    try:
        findings = stream_typed(normalised_reports, report_sections, writers, options,
                                progress.engine_callback(), stats)
        layers = {name: w.close() for name, w in writers.items()}
    except BaseException:
        for w in writers.values():
            w.abort()
        raise
    # Everything is read from the layers before they are handed over (the IO manager moves their files).
    contracts = [_contract(name, validate_layer(name, layers[name])) for name in CELL_TABLES]
    for name in CELL_TABLES:
        scan = layers[name].scan()
        by_source = scan.group_by("cell_source").len().sort("cell_source").collect()
        yield Output(layers[name], output_name=name, metadata={
            "rows": len(layers[name]), "reports": scan.select(pl.col("report_id").n_unique()).collect().item(),
            "cells by source": MetadataValue.md(md_table(by_source)),
            **{f"cells {s}": int(n) for s, n in by_source.iter_rows()},
        })
    yield Output(findings, output_name="typed_findings", metadata={
        "rows": len(findings), **progress.stats_metadata(stats), **options_metadata(options), "preview": MetadataValue.md(md_table(findings.select("source_path", "check_name", "message")))})
    yield from contracts
    yield contract_result("typed_findings", findings, "findings")


def _contract(asset: str, res) -> AssetCheckResult:
    """`checks.contract_result` of a layer validated chunk by chunk (`pipeline.validate_layer`): the same result."""
    meta = {"rows": res.n_rows, "summary": res.summary}
    if not res.passed:
        meta["failures"] = MetadataValue.md(md_table(res.failures))
    return AssetCheckResult(asset_key=asset, check_name=CONTRACT_CHECK, passed=res.passed,
                            severity=AssetCheckSeverity.ERROR, metadata=meta)
