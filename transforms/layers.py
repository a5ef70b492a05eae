"""A layer on disk: written batch by batch, read lazily, so no process holds a whole year's texts.

    from transforms.layers import Layer, LayerWriter
    with LayerWriter("norm.parquet", NORMALISED_SCHEMA) as w:   # atomic: the file appears on close
        for df in batches:
            w.write(df)
    layer = w.layer                          # or Layer("norm.parquet")
    layer.height, layer.schema               # from the Parquet footer, nothing read
    for df in layer.iter_batches(64): ...    # one row group in memory at a time
    layer.scan()                             # a polars LazyFrame (projection and filters pushed down)
    layer.read()                             # the whole frame (small layers, tests)

The engine (`transforms.engine.run_stage`) takes a Layer as its input and LayerWriters as its
outputs; the layer IO manager (orchestration/resources.py) hands a Layer to an asset whose input
is annotated `Layer` and stores a Layer an asset returns by moving its file into place.

Files are zstd Parquet with statistics, like the frames the IO manager writes whole. The bytes of
a file written batch by batch differ from those of `DataFrame.write_parquet` (row groups, the
writer's own encoding), its rows and types are the same: read back, the frames are equal.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

import polars as pl

ROW_GROUP_BYTES = 32 * 1024 * 1024  # a row group is written once this much is buffered (bounds memory)
ROW_GROUP_ROWS = 256 * 1024


class Layer:
    """A Parquet file read lazily. `path` is a local path (or a file-like URL fsspec can open)."""

    def __init__(self, path: str | os.PathLike):
        self.path = str(path)
        self._meta = None

    def __repr__(self) -> str:
        return f"Layer({self.path!r})"

    def _file(self):
        import pyarrow.parquet as pq

        return pq.ParquetFile(self.path)

    @property
    def height(self) -> int:
        if self._meta is None:
            self._meta = self._file().metadata
        return self._meta.num_rows

    def __len__(self) -> int:
        return self.height

    @property
    def schema(self) -> pl.Schema:
        return self.scan().collect_schema()

    @property
    def columns(self) -> list[str]:
        return list(self.schema)

    def scan(self) -> pl.LazyFrame:
        return pl.scan_parquet(self.path)

    def read(self, columns: list[str] | None = None) -> pl.DataFrame:
        return pl.read_parquet(self.path, columns=columns)

    def iter_batches(self, size: int, columns: list[str] | None = None) -> Iterator[pl.DataFrame]:
        """Frames of `size` rows (the last one shorter), in file order; one row group decoded at a time."""
        schema = self.schema
        if columns is not None:
            schema = pl.Schema({c: schema[c] for c in columns})
        pf = self._file()

        def frames() -> Iterator[pl.DataFrame]:
            for rb in pf.iter_batches(batch_size=max(1, size), columns=columns, use_threads=False):
                df = pl.from_arrow(rb)
                yield df.cast(dict(schema)) if df.schema != schema else df
        yield from rebatched(frames(), size)


def rebatched(frames, size: int) -> Iterator[pl.DataFrame]:
    """The rows of `frames`, in order, as frames of `size` rows (the last one shorter)."""
    size = max(1, size)
    carry: pl.DataFrame | None = None
    for df in frames:
        if carry is not None:
            df = pl.concat([carry, df], how="vertical")
            carry = None
        while df.height >= size:
            yield df.slice(0, size)
            df = df.slice(size)
        if df.height:
            carry = df
    if carry is not None and carry.height:
        yield carry


class LayerWriter:
    """Append frames to a Parquet file; the file appears (atomically, by rename) when the writer closes.

    Frames are cast to `schema` and buffered into row groups of at most `row_group_bytes`
    (default ROW_GROUP_BYTES) / ROW_GROUP_ROWS. A writer closed after an error leaves nothing behind.
    """

    def __init__(self, path: str | os.PathLike, schema: dict, row_group_bytes: int = 0):
        self.path = Path(path)
        self.schema = pl.Schema(schema)
        self.row_group_bytes = row_group_bytes or ROW_GROUP_BYTES
        self._tmp = self.path.with_name(f".{self.path.name}.tmp{os.getpid()}-{id(self):x}")
        self._writer = None
        self._buf: list[pl.DataFrame] = []
        self._buf_bytes = 0
        self._buf_rows = 0
        self.rows = 0
        self.layer: Layer | None = None

    def __enter__(self) -> "LayerWriter":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()

    def write(self, df: pl.DataFrame) -> None:
        if df.height == 0:
            return
        df = df.select(list(self.schema)).cast(dict(self.schema))
        self._buf.append(df)
        if len(self._buf) >= 64:  # many small frames cost more than their bytes: make them one
            self._buf = [pl.concat(self._buf, how="vertical", rechunk=True)]
        self._buf_bytes += df.estimated_size()
        self._buf_rows += df.height
        self.rows += df.height
        if self._buf_bytes >= self.row_group_bytes or self._buf_rows >= ROW_GROUP_ROWS:
            self._flush()

    def _flush(self) -> None:
        if not self._buf and self._writer is not None:
            return
        import pyarrow.parquet as pq

        df = pl.concat(self._buf, how="vertical") if self._buf else pl.DataFrame(schema=self.schema)
        self._buf, self._buf_bytes, self._buf_rows = [], 0, 0
        table = df.to_arrow(compat_level=pl.CompatLevel.oldest())
        if self._writer is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._writer = pq.ParquetWriter(str(self._tmp), table.schema, compression="zstd", write_statistics=True)
        if table.num_rows or not self.rows:
            self._writer.write_table(table, row_group_size=max(1, table.num_rows))

    def close(self) -> Layer:
        if self.layer is not None:
            return self.layer
        try:
            self._flush()
            self._writer.close()
            os.replace(self._tmp, self.path)
        except BaseException:
            self.abort()
            raise
        self.layer = Layer(self.path)
        return self.layer

    def abort(self) -> None:
        try:
            if self._writer is not None:
                self._writer.close()
        finally:
            self._writer = None
            self._buf = []
            self._tmp.unlink(missing_ok=True)


def chunks(layer: Layer, rows: int, key: str = "report_id") -> Iterator[pl.DataFrame]:
    """The layer in frames of about `rows` rows, each cut where `key` changes, so the rows of one key
    (a report's cells, its sections) are never split over two frames (the layer keeps them together)."""
    carry: pl.DataFrame | None = None
    for df in layer.iter_batches(max(1, min(rows, 65536))):
        df = df if carry is None else pl.concat([carry, df], how="vertical")
        carry = None
        if df.height < rows:
            carry = df
            continue
        keys = df[key]
        last = keys[-1]
        cut = df.height
        while cut > 0 and keys[cut - 1] == last:  # the last key's rows wait for the next frame
            cut -= 1
        if cut == 0:  # one key longer than `rows`: kept whole
            carry = df
            continue
        yield df.slice(0, cut)
        carry = df.slice(cut)
    if carry is not None and carry.height:
        yield carry


def polars_row_groups(n: int) -> list[int]:
    """The row groups `DataFrame.write_parquet` makes of an n-row frame in one chunk (they depend on n alone)."""
    import io

    import pyarrow.parquet as pq

    buf = io.BytesIO()
    pl.DataFrame({"_": pl.zeros(n, pl.UInt8, eager=True)}).write_parquet(buf)
    buf.seek(0)
    meta = pq.ParquetFile(buf).metadata
    return [meta.row_group(i).num_rows for i in range(meta.num_row_groups)]


def write_like_polars(layer: Layer, path: str | os.PathLike, scratch: str | os.PathLike) -> None:
    """Write `layer` to `path` with the bytes `layer.read().rechunk().write_parquet(path, compression="zstd",
    statistics=True)` gives, without holding it whole.

    Polars' streaming sink keeps the row groups of what it reads when they have the sizes its
    whole-frame writer makes (`polars_row_groups`), so the rows are first re-cut into exactly those
    groups in `scratch` (one group in memory at a time), then sunk. tests/test_layers.py compares the bytes.
    """
    import pyarrow.parquet as pq

    if layer.height == 0:
        layer.read().write_parquet(path, compression="zstd", statistics=True)
        return
    scratch = Path(scratch)
    scratch.parent.mkdir(parents=True, exist_ok=True)
    sizes = polars_row_groups(layer.height)
    schema = pl.Schema(layer.schema)
    writer = None
    try:
        batches = layer.iter_batches(65536)
        carry = pl.DataFrame(schema=schema)
        for size in sizes:
            parts, have = [carry], carry.height
            while have < size:
                b = next(batches)
                parts.append(b)
                have += b.height
            df = pl.concat(parts, how="vertical")
            group, carry = df.slice(0, size), df.slice(size)
            table = group.rechunk().to_arrow(compat_level=pl.CompatLevel.oldest())
            if writer is None:
                writer = pq.ParquetWriter(str(scratch), table.schema, compression="zstd", write_statistics=True)
            writer.write_table(table, row_group_size=max(1, size))
        writer.close()
        writer = None
        pl.scan_parquet(scratch).sink_parquet(path, compression="zstd", statistics=True)
    finally:
        if writer is not None:
            writer.close()
        Path(scratch).unlink(missing_ok=True)
