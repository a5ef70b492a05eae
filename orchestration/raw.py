"""Raw layer: the landing manifest (every file, accepted or not) and each year's decoded reports."""


import polars as pl
from dagster import AssetExecutionContext, AssetIn, AssetOut, MetadataValue, Output, asset, multi_asset

from orchestration import progress
from orchestration.checks import contract_result, contract_spec, md_table
from orchestration.partitions import LAYER_PARTITIONS, SHARDED, TO_YEAR, YEAR_PARTITIONS, file_part, split_key
from orchestration.resources import GongkaiConfig, engine_options, file_limit, options_metadata, write_layer
from transforms.landing import RAW_SCHEMA, build_manifest
from transforms.pipeline import stream_raw, without_texts


@asset(group_name="raw", check_specs=[contract_spec("landing_manifest")], io_manager_key="io_manager")
def landing_manifest(context: AssetExecutionContext, gongkai: GongkaiConfig):
    """Every file under the input folder: hash, format, encoding, year guess, accepted or rejected (and why).

    The years found become the `report_year` partitions, so the UI can backfill any of them.
    """
    manifest = build_manifest(gongkai.input_dir, file_limit(context, gongkai), exclude=[gongkai.warehouse_dir])
    years = sorted({str(y) for y in manifest["report_year"].drop_nulls().to_list()})
    new = [y for y in years if not context.instance.has_dynamic_partition(YEAR_PARTITIONS.name, y)]
    if new:
        context.instance.add_dynamic_partitions(YEAR_PARTITIONS.name, new)
    rejected = manifest.filter(pl.col("status") == "rejected")
    yield Output(manifest, metadata={
        "files": len(manifest), "accepted": len(manifest) - len(rejected), "rejected": len(rejected),
        "years": ", ".join(years), "input_dir": gongkai.input_dir,
        "rejections": MetadataValue.md(md_table(rejected.select("source_path", "check_name", "message"))),
    })
    yield contract_result("landing_manifest", manifest)


@multi_asset(
    outs={
        "raw_reports": AssetOut(group_name="raw", io_manager_key="io_manager",
                                description="Decoded text of each accepted report of the year (HTML rendered to TSV rows)."),
        "raw_findings": AssetOut(group_name="raw", io_manager_key="io_manager",
                                 description="Files of the year rejected at landing or unreadable now, with the reason."),
    },
    partitions_def=LAYER_PARTITIONS,
    # With shards, a shard's files come from the year's `report_shards` (orchestration/shards.py).
    ins={"landing_manifest": AssetIn("report_shards", partition_mapping=TO_YEAR)} if SHARDED else None,
    check_specs=[contract_spec("raw_reports"), contract_spec("raw_findings", "findings")],
)
def raw_reports(context: AssetExecutionContext, gongkai: GongkaiConfig, landing_manifest: pl.DataFrame):
    """Read and decode the year's accepted files on the batch engine; the year's rejected files become findings.

    The decoded texts are written batch by batch (the layer is never held whole); the checks and
    the preview read it without its texts.
    """
    year, shard = split_key(context.partition_key)
    if shard is not None:  # the year's files of this shard (report_shards), in the manifest's columns
        from orchestration.shards import shard_rows

        landing_manifest = shard_rows(landing_manifest, shard)
    stats: list = []
    options, limit = engine_options(context), file_limit(context, gongkai)
    findings, raw = write_layer("raw_reports", file_part(context.partition_key), RAW_SCHEMA, lambda w: stream_raw(
        gongkai.input_dir, landing_manifest, year, w, limit, options, progress.engine_callback(), stats))
    light = without_texts(raw, texts=("raw_text",))
    yield Output(
        raw, output_name="raw_reports",
        metadata={"reports": len(raw), "findings": len(findings), **progress.stats_metadata(stats),
                  **options_metadata(options, limit),
                  "preview": MetadataValue.md(md_table(light.select("report_id", "source_path", "source_format", "encoding")))},
    )
    yield Output(findings, output_name="raw_findings", metadata={"rows": len(findings)})
    yield contract_result("raw_reports", light)
    yield contract_result("raw_findings", findings, "findings")
