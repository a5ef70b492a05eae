"""Core layers → the star-schema marts of the data contract, written as atomic hive partitions."""

from __future__ import annotations

import fcntl
import os
import re
import time
from contextlib import contextmanager
from pathlib import Path

import polars as pl

from transforms import labels

FACT_KEYS = {
    "fact_request_handling": ("outcome", "applicant_type", labels.OUTCOME_CODES, labels.APPLICANT_CODES),
    "fact_active_disclosure": ("item", "metric", labels.DISCLOSURE_ITEM_CODES, labels.DISCLOSURE_METRIC_CODES),
    "fact_review_litigation": ("case_type", "result", labels.CASE_TYPE_CODES, labels.REVIEW_RESULT_CODES),
}
CELL_FRAMES = {
    "fact_request_handling": "request_handling_cells",
    "fact_active_disclosure": "active_disclosure_cells",
    "fact_review_litigation": "review_litigation_cells",
}
DIM_REPORT_COLUMNS = [
    "report_id", "source_path", "agency_name", "region_province", "region_city", "region_county",
    "region_township", "admin_level", "report_year", "template", "source_script", "source_format",
    "parse_status", "published_date", "title", "sha256",
]
MART_TABLES = ["dim_report", *FACT_KEYS, "report_sections", "dq_findings"]
NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"
CONTINUITY_FILE = "continuity.parquet"  # cross-year findings, written beside a year's dq_findings
KEEP_FILES = {CONTINUITY_FILE}


def code_dimensions() -> dict[str, pl.DataFrame]:
    """The code dimensions: stable English code, Chinese label, template sort order."""
    def dim(pairs):
        return pl.DataFrame({"code": [c for c, _ in pairs], "label_zh": [z for _, z in pairs],
                             "sort_order": list(range(1, len(pairs) + 1))},
                            schema={"code": pl.String, "label_zh": pl.String, "sort_order": pl.Int32})
    review = pl.concat([
        dim(labels.REVIEW_CASE_TYPES).with_columns(kind=pl.lit("case_type")),
        dim(labels.REVIEW_RESULTS).with_columns(kind=pl.lit("result")),
    ]).select("kind", "code", "label_zh", "sort_order")
    return {
        "dim_applicant_type": dim(labels.APPLICANT_TYPES),
        "dim_request_outcome": dim(labels.REQUEST_OUTCOMES),
        "dim_disclosure_item": dim(labels.DISCLOSURE_ITEMS),
        "dim_disclosure_metric": dim(labels.DISCLOSURE_METRICS),
        "dim_review_litigation": review,
    }


def parse_status(normalised: pl.DataFrame, sections: pl.DataFrame, cells: dict[str, pl.DataFrame],
                 findings: pl.DataFrame) -> pl.DataFrame:
    """ok | partial | quarantined per report: quarantined by an error, partial if anything is missing."""
    missing_cells = pl.concat([df.filter(pl.col("cell_source") == "missing").select("report_id") for df in cells.values()])
    with_tables = pl.concat([df.select("report_id") for df in cells.values()]).unique()
    n_sections = sections.group_by("report_id").len()
    partial = set(missing_cells["report_id"]) | set(
        findings.filter(pl.col("check_name").is_in(["section_missing", "table_missing", "possibly_truncated"])
                        | (pl.col("severity") == "error"))["report_id"]
    )
    full = set(n_sections.filter(pl.col("len") >= 6)["report_id"])
    has_tables = set(with_tables["report_id"])
    rows = []
    for rid, reason in normalised.select("report_id", "quarantine_reason").iter_rows():
        if reason:
            status = "quarantined"
        elif rid in partial or rid not in full or rid not in has_tables:
            status = "partial"
        else:
            status = "ok"
        rows.append((rid, status))
    return pl.DataFrame(rows, schema={"report_id": pl.String, "parse_status": pl.String}, orient="row")


def build_marts(normalised: pl.DataFrame, sections: pl.DataFrame, cells: dict[str, pl.DataFrame],
                findings: pl.DataFrame) -> dict[str, pl.DataFrame]:
    """All mart tables for one year, sorted deterministically."""
    status = parse_status(normalised, sections, cells, findings)
    dim_report = (
        normalised.join(status, on="report_id", how="left").select(DIM_REPORT_COLUMNS).sort("source_path")
    )
    out = {"dim_report": dim_report}
    for table, (a, b, order_a, order_b) in FACT_KEYS.items():
        df = cells[CELL_FRAMES[table]]
        rank_a = {c: i for i, c in enumerate(order_a)}
        rank_b = {c: i for i, c in enumerate(order_b)}
        out[table] = (
            df.with_columns(_a=pl.col(a).replace_strict(rank_a, default=999), _b=pl.col(b).replace_strict(rank_b, default=999))
            .sort(["report_id", "_a", "_b"]).drop("_a", "_b")
        )
    out["report_sections"] = sections.sort(["report_id", "section_no"])
    out["dq_findings"] = findings.unique().sort(["source_path", "stage", "check_name", "message"], nulls_last=True)
    return out


def partition_dir(marts: Path, table: str, year: int | None) -> Path:
    """WAREHOUSE/marts/<table>/report_year=<YYYY> (hive layout); null years use Hive's default name."""
    return marts / table / f"report_year={NULL_PARTITION if year is None else year}"


def write_partition(marts: Path, table: str, year: int | None, df: pl.DataFrame) -> Path:
    """Replace one table's year partition atomically (see `_replace_file`)."""
    return _replace_file(partition_dir(marts, table, year), df)


def write_table(marts: Path, table: str, df: pl.DataFrame) -> Path:
    """Replace an unpartitioned table (the code dimensions) atomically."""
    return _replace_file(marts / table, df)


def write_continuity(marts: Path, year: int, df: pl.DataFrame) -> Path:
    """Replace a year's cross-year continuity findings (a second file in its dq_findings partition)."""
    return _replace_file(partition_dir(marts, "dq_findings", year), df, CONTINUITY_FILE)


def _replace_file(d: Path, df: pl.DataFrame, name: str = "part-0.parquet") -> Path:
    """Write `part-0.parquet` in `d` via a temp file, fsync and rename, so a reader never sees half a file.

    The temp name has no .parquet suffix: nothing that globs *.parquet (the DuckDB views, polars,
    the clean-up below) ever sees one, not even one left behind by a killed run.
    """
    d.mkdir(parents=True, exist_ok=True)
    for stale in d.glob(".tmp-*"):
        stale.unlink(missing_ok=True)  # left by a run killed mid-write
    final = d / name
    tmp = d / f".tmp-{os.getpid()}"
    df.write_parquet(tmp, compression="zstd", statistics=True)
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    if pause := os.environ.get("GONGKAI_TEST_PAUSE_BEFORE_RENAME"):
        time.sleep(float(pause))  # test hook (tests/test_kill.py): hold the temp file so a kill lands mid-write
    os.replace(tmp, final)
    for other in d.glob("*.parquet"):
        if other != final and other.name not in KEEP_FILES and final.name not in KEEP_FILES:
            other.unlink()
    return final


@contextmanager
def _locked(path: Path):
    """Serialise writers of the DuckDB file (backfills may run several years at once)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_suffix(".lock"), "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def refresh_views(warehouse: Path, attempts: int = 8) -> list[str]:
    """Make sure gongkai.duckdb has one view per mart table with files, over all its year partitions.

    The views glob every partition, so a new year needs no change; the file is only opened for
    writing when a view is missing, and a reader holding the file open delays that (retried) but
    never fails the run: the marts are already written.
    """
    import duckdb

    warehouse = Path(warehouse).resolve()
    db = warehouse / "gongkai.duckdb"
    wanted = {}
    for d in sorted((warehouse / "marts").glob("*")):
        if d.is_dir() and any(d.rglob("*.parquet")):
            glob = str(d / "**" / "*.parquet") if any(d.glob("report_year=*")) else str(d / "*.parquet")
            wanted[d.name] = (f"CREATE OR REPLACE VIEW {d.name} AS SELECT * FROM read_parquet('{glob}', "
                              "hive_partitioning = false, union_by_name = true)")
    with _locked(db):
        for attempt in range(attempts):
            try:
                if db.exists():
                    con = duckdb.connect(str(db), read_only=True)
                    try:
                        have = {r[0]: r[1] for r in con.execute("SELECT view_name, sql FROM duckdb_views() WHERE NOT internal").fetchall()}
                    finally:
                        con.close()
                    if all(name in have and glob_of(sql) in have[name] for name, sql in wanted.items()):
                        return sorted(wanted)
                con = duckdb.connect(str(db))
                try:
                    for sql in wanted.values():
                        con.execute(sql)
                finally:
                    con.close()
                return sorted(wanted)
            except duckdb.IOException:
                time.sleep(min(0.25 * (attempt + 1), 2.0))  # another process holds the file
    raise ViewsBusy(f"{db} is held open by another process; the marts are written, re-run to refresh the views")


def glob_of(sql: str) -> str:
    """The Parquet glob inside a view definition (to see whether an existing view still fits)."""
    m = re.search(r"read_parquet\('([^']+)'", sql)
    return m.group(1) if m else sql


class ViewsBusy(RuntimeError):
    """The DuckDB file stayed locked by another process."""
