"""Year partitions, defined once: the landing manifest adds every report year it finds.

Shards (`GONGKAI_SHARDS=N`, `gongkai run|ui --shards N`; default 1) split a year that is too big for
one worker. With N = 1 the graph is today's: every layer is partitioned by year. With N > 1 the
per-report layers (raw → normalised → sections → typed) are partitioned by year × shard
(`SHARD_PARTITIONS`, keys like `2019|2`), a year-partitioned `report_shards` asset assigns each file
of the year to its shard, and the marts stay partitioned by year, each reading every shard of its
year (`TO_YEAR`). A file's shard is a stable hash of its landing path (`shard_of`), never its
position, so adding or removing a file moves no other file. Users still backfill by year: a
backfill of year partitions starts at `report_shards[year]`, fans out to its N shard partitions
and ends in the year's marts.
"""

import hashlib
import os
import warnings

from dagster import DynamicPartitionsDefinition, MultiPartitionsDefinition, StaticPartitionsDefinition

YEAR_PARTITIONS = DynamicPartitionsDefinition(name="report_year")

SHARDS_ENV = "GONGKAI_SHARDS"
MAX_SHARDS = 1024
YEAR_DIM, SHARD_DIM = "report_year", "shard"  # Dagster orders a multi-partition key's parts by dimension name


def shard_count(value: str | None = None) -> int:
    """The number of shards per year: `value`, else $GONGKAI_SHARDS, else 1."""
    text = (os.environ.get(SHARDS_ENV) if value is None else value) or "1"
    try:
        n = int(str(text).strip())
    except ValueError:
        n = 0
    if not 1 <= n <= MAX_SHARDS:
        raise ValueError(f"{SHARDS_ENV}={text!r} is not a shard count: use a whole number from 1 (no sharding, "
                         f"the default) to {MAX_SHARDS}")
    return n


SHARDS = shard_count()
SHARDED = SHARDS > 1
SHARD_PARTITIONS = MultiPartitionsDefinition({
    YEAR_DIM: YEAR_PARTITIONS, SHARD_DIM: StaticPartitionsDefinition([str(k) for k in range(SHARDS)]),
}) if SHARDED else None
# The partitions of the per-report layers (raw_reports … typed_tables).
LAYER_PARTITIONS = SHARD_PARTITIONS if SHARDED else YEAR_PARTITIONS


def _to_year():
    from dagster import MultiToSingleDimensionPartitionMapping

    with warnings.catch_warnings():  # a beta class in Dagster 1.x; its behaviour is pinned by tests/test_shards.py
        warnings.simplefilter("ignore")
        return MultiToSingleDimensionPartitionMapping(partition_dimension_name=YEAR_DIM)


# Year ↔ year × shard, either way: the marts[year] read every shard of the year, and every shard of a
# year reads report_shards[year]. None (Dagster's identity mapping) without shards.
TO_YEAR = _to_year() if SHARDED else None


def shard_of(source_path: str, shards: int = SHARDS) -> int:
    """The shard of a landing file: the first 8 bytes of the SHA-256 of its path (relative to the landing
    folder, UTF-8) modulo `shards`. The same on every machine and in every run; independent of the order
    or number of the other files."""
    digest = hashlib.sha256(str(source_path).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % shards


def split_key(key) -> tuple[int | None, int | None]:
    """(year, shard) of a partition key: `2019` → (2019, None), `2019|2` → (2019, 2), `all` → (None, None)."""
    by_dim = getattr(key, "keys_by_dimension", None)
    if by_dim:
        return int(by_dim[YEAR_DIM]), int(by_dim[SHARD_DIM])
    text = str(key)
    if "|" in text:
        year, shard = text.split("|", 1)
        return int(year), int(shard)
    return (int(text), None) if text.isdigit() else (None, None)


def shard_key(year: int | str, shard: int | str):
    """The year × shard partition key (a `MultiPartitionKey`) of `year` and `shard`."""
    from dagster import MultiPartitionKey

    return MultiPartitionKey({YEAR_DIM: str(year), SHARD_DIM: str(shard)})


def file_part(key) -> str:
    """A partition key as a file-name part: the key itself for a year (and `all`), `2019.shard-2-of-3`
    for a year × shard key (no `|` in object names; the shard count in the name keeps the files of
    another shard count apart)."""
    year, shard = split_key(key)
    return str(key) if shard is None else f"{year}.shard-{shard}-of-{SHARDS}"
