"""Marts layer: the contract's star schema as hive-partitioned Parquet, gated, plus DuckDB views."""


import re
import shutil
from dataclasses import replace
from pathlib import Path

import polars as pl
from dagster import (
    AssetCheckResult, AssetCheckSeverity, AssetCheckSpec, AssetDep, AssetExecutionContext, AssetIn, AssetKey, AssetSpec,
    MaterializeResult, MetadataValue, multi_asset,
)

from dagster import TableColumn, TableSchema

from expectations.suites import marts_suite, render_quality_html
from expectations.validate import continuity_findings, validate
from orchestration import progress
from orchestration import storage
from orchestration.checks import CONTRACT_CHECK, md_table
from orchestration.partitions import SHARDED, TO_YEAR, YEAR_PARTITIONS
from orchestration.resources import GongkaiConfig, spill_dir
from transforms.findings import FINDINGS_SCHEMA
from transforms import dictionary
from transforms.analysis import write_analysis_marts
from transforms.landing import unassigned_findings
from transforms.layers import Layer, chunks
from transforms.pipeline import CHECK_ROWS, stream_year_marts, validate_layer
from transforms.marts import (
    FACT_KEYS, MART_TABLES, ViewsNotRefreshed, code_dimensions, partition_dir, refresh_views, write_continuity,
    view_statements, write_partition, write_table, write_year, year_files,
)

GX_CHECK = "gx_marts_suite"
DIMENSIONS = list(code_dimensions())


def _key(table: str) -> AssetKey:
    return AssetKey(["marts", table])


def _columns(table: str) -> dict:
    """The catalog's column schema of a mart, from the data dictionary (transforms/dictionary.py)."""
    return {"dagster/column_schema": TableSchema(columns=[
        TableColumn(c.name, c.type, description=c.description) for c in dictionary.columns(table)])}


def _yearbooks(context: AssetExecutionContext, gongkai: GongkaiConfig, years, defer: bool = False) -> dict:
    """Write the yearbook page of each year; a failure is logged, never fatal (the marts are written).

    `defer`: only name the pages. `gongkai run` writes every year's page once, in the continuity job
    that follows its years (a page shows the year before and the cross-year findings, so it is only
    final then); a year materialised on its own (the UI) writes its page at once.
    """
    from transforms.yearbook import write_yearbooks, yearbook_path

    if defer:
        return {f"yearbook {y}": MetadataValue.path(str(yearbook_path(Path(gongkai.warehouse_dir), int(y)))) for y in years}
    out = {}
    for y, res in write_yearbooks(Path(gongkai.warehouse_dir), years).items():
        if isinstance(res, Exception):
            context.log.warning(f"yearbook {y} not written: {type(res).__name__}: {res}")
        else:
            out[f"yearbook {y}"] = MetadataValue.path(str(res))
    return out


@multi_asset(
    specs=[AssetSpec(_key(t), group_name="marts", description=dictionary.TABLES[t], metadata=_columns(t))
           for t in DIMENSIONS],
    check_specs=[AssetCheckSpec(CONTRACT_CHECK, asset=_key(t), blocking=True) for t in DIMENSIONS],
)
def code_dimensions_asset(context: AssetExecutionContext, gongkai: GongkaiConfig):
    """The code dimensions: English codes, Chinese labels and template order."""
    for table, df in code_dimensions().items():
        res = validate(table, df)
        if res.passed:
            write_table(gongkai.marts, table, df)
            storage.published_table(gongkai, table)
        yield MaterializeResult(asset_key=_key(table), metadata={"rows": len(df)})
        yield AssetCheckResult(asset_key=_key(table), check_name=CONTRACT_CHECK, passed=res.passed,
                               metadata={"summary": res.summary})
    _views(context, gongkai)


@multi_asset(
    specs=[AssetSpec(AssetKey(["marts", "unassigned_findings"]), group_name="marts", deps=["landing_manifest"],
                     description="Findings for files whose report year could not be read (dq_findings, null year).")],
    ins={"landing_manifest": AssetIn("landing_manifest")},
)
def unassigned_findings_asset(context: AssetExecutionContext, gongkai: GongkaiConfig, landing_manifest: pl.DataFrame):
    """Rejected files without a year go to dq_findings' null-year partition, so none is dropped."""
    df = unassigned_findings(landing_manifest)
    write_partition(gongkai.marts, "dq_findings", None, df)
    storage.published_table(gongkai, "dq_findings", None)
    views = _views(context, gongkai)
    return MaterializeResult(metadata={"views": views, "rows": len(df), "preview": MetadataValue.md(md_table(df.select("source_path", "check_name", "message")))})


_UPSTREAM = ["normalised_reports", "report_sections", "request_handling_cells", "active_disclosure_cells",
             "review_litigation_cells", "raw_findings", "normalised_findings", "sections_findings", "typed_findings",
             "landing_manifest"]


def _upstream_mapping(name: str):
    """How a year's marts read an upstream layer: with shards, every shard of the year (TO_YEAR)."""
    return TO_YEAR if SHARDED and name != "landing_manifest" else None


# The mapping is set on the dependency (Dagster forbids it on the AssetIn of the same key as well).
_DEPS = [AssetDep(n, partition_mapping=_upstream_mapping(n)) for n in _UPSTREAM] if SHARDED else _UPSTREAM


@multi_asset(
    specs=[AssetSpec(_key(t), group_name="marts", deps=_DEPS, metadata=_columns(t),
                     description=f"{dictionary.TABLES[t]} One hive partition per year (see docs/CONTRACT.md).")
           for t in MART_TABLES],
    ins={name: AssetIn(name) for name in _UPSTREAM},
    partitions_def=YEAR_PARTITIONS,
    check_specs=[AssetCheckSpec(CONTRACT_CHECK, asset=_key(t), blocking=True) for t in MART_TABLES]
    + [AssetCheckSpec(GX_CHECK, asset=_key("dim_report"), blocking=True,
                      description="great-expectations on the marts: keys unique, facts reference dims, counts ≥ 0, every file accounted for")],
)
def year_marts(context: AssetExecutionContext, gongkai: GongkaiConfig, normalised_reports: Layer,
               report_sections: Layer, request_handling_cells: Layer, active_disclosure_cells: Layer,
               review_litigation_cells: Layer, raw_findings, normalised_findings, sections_findings, typed_findings,
               landing_manifest):
    """Build the year's marts, gate them, then replace the year's partitions atomically.

    The marts are built from the streamed layers one report-id bucket at a time
    (`pipeline.stream_year_marts`, in a working folder removed afterwards); the year's tables are
    then read back to be gated and written, the same frames and bytes as `build_marts` gives.
    """
    spill = spill_dir("year_marts", context.partition_key)
    try:
        yield from _year_marts(context, gongkai, spill, normalised_reports, report_sections,
                               {"request_handling_cells": request_handling_cells,
                                "active_disclosure_cells": active_disclosure_cells,
                                "review_litigation_cells": review_litigation_cells},
                               [raw_findings, normalised_findings, sections_findings, typed_findings], landing_manifest)
    finally:
        shutil.rmtree(spill, ignore_errors=True)


def _year_marts(context, gongkai, spill, normalised_reports, report_sections, cells, layer_findings, landing_manifest):
    year = int(context.partition_key)
    if SHARDED:  # each layer's findings of all shards, in the one order the unsharded layer has
        from transforms.staging import sort_findings

        layer_findings = [sort_findings(f) for f in layer_findings]
    findings = pl.concat(layer_findings).cast(FINDINGS_SCHEMA)
    no_reports = normalised_reports.height == 0
    if no_reports:  # a partition the input has no report for: say so, never "all expectations passed"
        findings = pl.concat([findings, pl.DataFrame([{
            "report_id": None, "source_path": "", "report_year": year, "stage": "marts",
            "check_name": "year_without_reports", "severity": "warning",
            "message": f"no report of {year} in the input folder {gongkai.input_dir}; nothing to check for this year"}],
            schema=FINDINGS_SCHEMA)])
    built = stream_year_marts(normalised_reports, report_sections, cells, findings, spill)
    # dim_report and dq_findings (no texts, one row per report or finding) are read whole, in one chunk
    # as build_marts' sorted frames; the facts and the sections stay on disk: checked a chunk of
    # reports at a time and written without being held (transforms/marts.py `write_year`).
    small = {t: built[t].read().rechunk() for t in ("dim_report", "dq_findings")}
    marts = {t: small.get(t, layer) for t, layer in built.items()}
    contracts = {t: validate(t, df) if isinstance(df, pl.DataFrame)
                 else validate_layer(t, df, texts=("title", "text") if t == "report_sections" else ())
                 for t, df in marts.items()}
    manifest_year = landing_manifest.filter(pl.col("report_year") == year)
    outcomes = _suite(small, {f: built[f] for f in FACT_KEYS}, manifest_year)
    failed = [o for o in outcomes if not o.success]
    html = Path(gongkai.warehouse_dir) / "quality" / f"report_year={year}.html"
    html.parent.mkdir(parents=True, exist_ok=True)
    html.write_text(render_quality_html(outcomes, f"gongkai marts quality, report year {year}", marts["dq_findings"],
                                        marts["dim_report"]), encoding="utf-8")
    gate_ok = all(r.passed for r in contracts.values()) and not failed
    kept = no_reports and (partition_dir(gongkai.marts, "dim_report", year) / "part-0.parquet").exists()
    written = gate_ok and not kept  # a year already in the warehouse is never replaced by an empty one
    if kept:
        context.log.warning(f"no report of {year} in the input; the year's marts already in the warehouse are kept")
    if written:
        write_year(gongkai.marts, year, marts)  # all tables of the year, published together
        storage.published_year(gongkai, year, marts)  # object storage: upload, then commit its manifest
        _views(context, gongkai)
    yearbook = _yearbooks(context, gongkai, [year], defer=progress.cli_run()) if written or kept else {}
    for t, df in marts.items():
        if not isinstance(df, pl.DataFrame):  # a Layer: what the metadata needs, read lazily
            df = _Counted(df)
        meta = {"rows": len(df), "written": written, "path": str(partition_dir(gongkai.marts, t, year)),
                "quality report": MetadataValue.path(str(html)), **yearbook}
        if t == "dim_report":
            status = df.group_by("parse_status").len().sort("parse_status")
            meta |= {f"reports {s}": int(n) for s, n in status.iter_rows()}
            meta["preview"] = MetadataValue.md(md_table(df.select("source_path", "agency_name", "admin_level", "parse_status")))
        if "cell_source" in df.columns:
            meta |= {f"cells {s}": int(n) for s, n in df.group_by("cell_source").len().sort("cell_source").iter_rows()}
        yield MaterializeResult(asset_key=_key(t), metadata=meta)
        yield AssetCheckResult(asset_key=_key(t), check_name=CONTRACT_CHECK, passed=contracts[t].passed,
                               metadata={"summary": contracts[t].summary,
                                         "failures": MetadataValue.md(md_table(contracts[t].failures))})
    details = "\n".join(f"- {o.table}.{o.column} {o.expectation}: {o.details}" for o in failed) or "all passed"
    if no_reports:
        details = (f"warning: no report of {year} in the input, so there was nothing to check"
                   + ("; the marts already in the warehouse were kept" if kept else "") + ("\n" + details if failed else ""))
    yield AssetCheckResult(
        asset_key=_key("dim_report"), check_name=GX_CHECK, passed=not failed and not no_reports,
        severity=AssetCheckSeverity.WARN if no_reports and not failed else AssetCheckSeverity.ERROR,
        metadata={"expectations": len(outcomes), "failed": len(failed), "quality report": MetadataValue.path(str(html)),
                  "reports": normalised_reports.height, "details": MetadataValue.md(details)},
    )


class _Counted:
    """A mart on disk as the metadata reads it: its length, its columns and its cells by source."""

    def __init__(self, layer: Layer):
        self.layer, self.columns = layer, layer.columns

    def __len__(self) -> int:
        return self.layer.height

    def group_by(self, col: str):
        return _Grouped(self.layer, col)


class _Grouped:
    def __init__(self, layer: Layer, col: str):
        self.layer, self.col = layer, col

    def len(self):
        return self.layer.scan().group_by(self.col).len().collect()


_PASSED = re.compile(r"(|where .*: )0 unexpected of (\d+)", re.S)


def _suite(small: dict, facts: dict, manifest_year: pl.DataFrame, rows: int = CHECK_ROWS) -> list:
    """`marts_suite` over the year's marts, each fact table a chunk of reports at a time.

    Its fact expectations are per row or per report (the keys hold the report id), so a table passes
    when every chunk passes, with "0 unexpected of" the sum of the chunks' counts; when a chunk fails
    the table is checked whole (a broken year), so the details are those of the whole table. The
    outcomes come in marts_suite's order: missing tables, dim_report, the facts, the manifest.
    """
    dims = code_dimensions()
    base = marts_suite({**small, **dims}, manifest_year)
    out = [o for o in base if o.expectation == "table_present" and o.table not in FACT_KEYS]
    out += [o for o in base if o.table == "dim_report"]

    def of(fact, df):
        return [o for o in marts_suite({"dim_report": small["dim_report"], fact: df, **dims}, manifest_year)
                if o.table == fact and o.expectation != "table_present"]

    for fact, layer in facts.items():
        per = [of(fact, df) for df in chunks(layer, rows)]
        merged = per[0] if len(per) == 1 else _merged(per)
        out += merged if merged is not None else of(fact, layer.read())
    return out + [o for o in base if o.table == "landing_manifest"]


def _merged(per: list) -> list | None:
    """The chunks' outcomes as one table's, when every one passed; None otherwise (or for no chunk)."""
    if not per or len({len(p) for p in per}) != 1:
        return None
    out = []
    for same in zip(*per):
        found = [_PASSED.fullmatch(o.details) if o.success else None for o in same]
        if not all(found) or len({(o.expectation, o.column, m.group(1)) for o, m in zip(same, found)}) != 1:
            return None
        out.append(replace(same[0], details=f"{found[0].group(1)}0 unexpected of {sum(int(m.group(2)) for m in found)}"))
    return out


def _views(context: AssetExecutionContext, gongkai: GongkaiConfig) -> str:
    """Refresh the DuckDB views; a file held open elsewhere is logged, not fatal (the marts are written).

    Inside `gongkai run` the views are refreshed once, by the command after its last job (the same
    views: one per table with files), so an asset only names them.
    """
    if progress.cli_run():
        return ", ".join(sorted(view_statements(gongkai.marts)))
    try:
        return ", ".join(refresh_views(Path(gongkai.warehouse_dir)))
    except ViewsNotRefreshed as exc:
        context.log.warning(str(exc))
        return f"not refreshed: {exc}"


@multi_asset(
    specs=[AssetSpec(AssetKey(["marts", "cross_year_continuity"]), group_name="marts",
                     deps=[_key("fact_request_handling"), _key("dim_report")],
                     description="上年结转 of year y vs 结转下年度 of year y−1 for the same agency, over every year "
                                 "in the warehouse; violations are dq_findings of year y (continuity.parquet).")],
    check_specs=[AssetCheckSpec(CONTRACT_CHECK, asset=AssetKey(["marts", "cross_year_continuity"]), blocking=True)],
)
def cross_year_continuity(context: AssetExecutionContext, gongkai: GongkaiConfig):
    """Compare consecutive years once all of them are written, so the result never depends on run order."""
    storage.before_all_years(gongkai)
    facts, dims = _all_years(gongkai.marts, "fact_request_handling"), _all_years(gongkai.marts, "dim_report")
    found = continuity_findings(facts, dims) if facts is not None and dims is not None else pl.DataFrame(schema=FINDINGS_SCHEMA)
    res = validate("dq_findings", found)
    years = sorted(set(dims["report_year"].to_list())) if dims is not None else []
    if res.passed:
        for y in years:
            write_continuity(gongkai.marts, y, found.filter(pl.col("report_year") == y).sort("source_path", "message"))
    # Every year is written now: the cross-year analysis tables and each year's yearbook (its year-over-year part).
    analysis = {f"analysis {k}": MetadataValue.path(str(v)) for k, v in write_analysis_marts(Path(gongkai.warehouse_dir)).items()}
    yearbooks = _yearbooks(context, gongkai, years)
    if res.passed:
        storage.published_all_years(gongkai, years)
    yield MaterializeResult(metadata={**analysis, **yearbooks,
                                      "violations": len(found), "years": ", ".join(map(str, years)),
                                      "preview": MetadataValue.md(md_table(found.select("source_path", "message")))})
    yield AssetCheckResult(asset_key=AssetKey(["marts", "cross_year_continuity"]), check_name=CONTRACT_CHECK,
                           passed=res.passed, metadata={"summary": res.summary})


def _all_years(marts_dir: Path, table: str) -> pl.DataFrame | None:
    """Every year partition of a mart table, or None when there is none."""
    files = [f for f in year_files(marts_dir, table) if f.name == "part-0.parquet"]
    return pl.concat([pl.read_parquet(f, hive_partitioning=False) for f in files], how="vertical_relaxed") if files else None
