"""Core layer: report sections and the three typed tables in long form, with their contracts."""


import polars as pl
from dagster import AssetExecutionContext, AssetOut, MetadataValue, Output, multi_asset

from orchestration import progress
from orchestration.checks import contract_result, contract_spec, md_table
from orchestration.partitions import YEAR_PARTITIONS
from transforms.core import build_typed_tables, split_report_sections
from transforms.engine import EngineOptions

CELL_TABLES = ["request_handling_cells", "active_disclosure_cells", "review_litigation_cells"]


@multi_asset(
    outs={
        "report_sections": AssetOut(group_name="sections", io_manager_key="io_manager",
                                    description="The six numbered sections of each report (title as printed, text)."),
        "sections_findings": AssetOut(group_name="sections", io_manager_key="io_manager",
                                      description="Missing sections, truncated reports, legacy templates."),
    },
    partitions_def=YEAR_PARTITIONS,
    check_specs=[contract_spec("report_sections"), contract_spec("sections_findings", "findings")],
)
def report_sections(context: AssetExecutionContext, normalised_reports: pl.DataFrame):
    """Split each non-quarantined report into sections 1–6; each missing section is a finding."""
    stats: list = []
    df, findings = split_report_sections(normalised_reports, EngineOptions.from_env(), progress.engine_callback(), stats)
    per_no = df.group_by("section_no").len().sort("section_no")
    yield Output(df, output_name="report_sections", metadata={
        "rows": len(df), "reports": df["report_id"].n_unique(), **progress.stats_metadata(stats),
        "sections found": MetadataValue.md(md_table(per_no)),
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
    partitions_def=YEAR_PARTITIONS,
    check_specs=[*(contract_spec(n) for n in CELL_TABLES), contract_spec("typed_findings", "findings")],
)
def typed_tables(context: AssetExecutionContext, normalised_reports: pl.DataFrame, report_sections: pl.DataFrame):
    """Parse tables 2, 3 and 4 of each report; fill what prose and arithmetic pin down; never guess."""
    stats: list = []
    cells, findings = build_typed_tables(normalised_reports, report_sections, EngineOptions.from_env(),
                                         progress.engine_callback(), stats)
    for name in CELL_TABLES:
        df = cells[name]
        by_source = df.group_by("cell_source").len().sort("cell_source")
        yield Output(df, output_name=name, metadata={
            "rows": len(df), "reports": df["report_id"].n_unique(),
            "cells by source": MetadataValue.md(md_table(by_source)),
            **{f"cells {s}": int(n) for s, n in by_source.iter_rows()},
        })
    yield Output(findings, output_name="typed_findings", metadata={
        "rows": len(findings), **progress.stats_metadata(stats), "preview": MetadataValue.md(md_table(findings.select("source_path", "check_name", "message")))})
    for name in CELL_TABLES:
        yield contract_result(name, cells[name])
    yield contract_result("typed_findings", findings, "findings")
