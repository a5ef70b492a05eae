"""Shards of a year (only with GONGKAI_SHARDS > 1; see orchestration/partitions.py).

- `report_shards[year]`: the year's files from the landing manifest, each with its shard (a hash of
  its landing path). It is the root of a by-year backfill: every shard partition of the year reads it.
- `ShardedLayer`: the shard files of one layer of a year, read as one layer by the marts.
"""

import os
from typing import Iterator

import polars as pl
from dagster import AssetExecutionContext, MetadataValue, Output, asset

from orchestration.checks import md_table
from orchestration.partitions import SHARDS, YEAR_PARTITIONS, shard_of
from transforms.layers import Layer, rebatched

SHARD_COL = "shard"


def assign_shards(manifest: pl.DataFrame, year: int, shards: int = SHARDS) -> pl.DataFrame:
    """The manifest's rows of `year` (sorted by landing path) with their shard (Int32)."""
    of_year = manifest.filter(pl.col("report_year") == year).sort("source_path")
    return of_year.with_columns(pl.Series(SHARD_COL, [shard_of(p, shards) for p in of_year["source_path"]],
                                          dtype=pl.Int32))


def shard_rows(plan: pl.DataFrame, shard: int) -> pl.DataFrame:
    """One shard's rows of a `report_shards` frame, in the manifest's own columns."""
    return plan.filter(pl.col(SHARD_COL) == shard).drop(SHARD_COL)


@asset(group_name="raw", io_manager_key="io_manager", partitions_def=YEAR_PARTITIONS,
       description="The year's landing files, each with its shard (a stable hash of its landing path): the "
                   "root of a by-year backfill, which then runs every shard of the year and the year's marts.")
def report_shards(context: AssetExecutionContext, landing_manifest: pl.DataFrame) -> Output:
    """Assign each of the year's files to one of the GONGKAI_SHARDS shards; never by its position."""
    year = int(context.partition_key)
    plan = assign_shards(landing_manifest, year)
    per = (pl.DataFrame({SHARD_COL: list(range(SHARDS))}, schema={SHARD_COL: pl.Int32})
           .join(plan.group_by(SHARD_COL).agg(files=pl.len(), accepted=(pl.col("status") == "accepted").sum(),
                                              mb=(pl.col("size_bytes").sum() / 1e6).round(2)),
                 on=SHARD_COL, how="left").fill_null(0).sort(SHARD_COL))
    return Output(plan, metadata={
        "files": plan.height, "shards": SHARDS, "largest shard (files)": int(per["files"].max()),
        "per shard": MetadataValue.md(md_table(per)),
    })


class ShardedLayer(Layer):
    """The shard files of one layer of a year, read as one layer (shard 0's rows first, then shard 1's …).

    Each file keeps a report's rows together, so the readers that cut between reports (`chunks`,
    the marts' report-id buckets) work unchanged; the marts sort every table by its unique key, so
    they equal the unsharded year's cell for cell.
    """

    def __init__(self, paths: list):
        self.paths = [str(p) for p in paths]
        self.path = os.pathsep.join(self.paths)  # for messages only: there is no single file
        self._meta = None

    def __repr__(self) -> str:
        return f"ShardedLayer({self.paths!r})"

    def _file(self):
        raise TypeError("a sharded layer has one file per shard; read it through its methods")

    @property
    def height(self) -> int:
        import pyarrow.parquet as pq

        if self._meta is None:
            self._meta = sum(pq.ParquetFile(p).metadata.num_rows for p in self.paths)
        return self._meta

    @property
    def schema(self) -> pl.Schema:
        return pl.scan_parquet(self.paths[0]).collect_schema()

    def scan(self) -> pl.LazyFrame:
        return pl.scan_parquet(self.paths)

    def read(self, columns: list[str] | None = None) -> pl.DataFrame:
        return pl.concat([Layer(p).read(columns) for p in self.paths], how="vertical")

    def iter_batches(self, size: int, columns: list[str] | None = None) -> Iterator[pl.DataFrame]:
        """Frames of `size` rows (the last one shorter) over the shards in order, as `Layer.iter_batches`."""
        yield from rebatched((df for p in self.paths for df in Layer(p).iter_batches(size, columns)), size)
