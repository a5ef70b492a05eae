"""Every layer in one call, without Dagster: the same functions (and the same batch engine) the assets call.

    from transforms.pipeline import run_layers
    frames = run_layers("warehouse/landing", year=2019)            # workers: $GONGKAI_WORKERS or all cores
    frames = run_layers("warehouse/landing", year=2019, options=EngineOptions(workers=1))
    frames["marts"]["fact_request_handling"]
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from expectations.suites import normalised_report_failures
from transforms.core import build_typed_tables, split_report_sections
from transforms.engine import EngineOptions, Progress, raw_reports
from transforms.findings import FINDINGS_SCHEMA
from transforms.ingest import DEFAULT_MAX_BYTES
from transforms.landing import build_manifest
from transforms.marts import build_marts
from transforms.staging import normalise_reports, quarantine


def run_year(input_dir: str | Path, manifest: pl.DataFrame, year: int, max_bytes: int = DEFAULT_MAX_BYTES,
             options: EngineOptions | None = None, progress: Progress | None = None,
             stats: list | None = None) -> dict:
    """One year's layers: raw → normalised → sections → typed → marts (each layer one engine pass)."""
    raw, raw_f = raw_reports(input_dir, manifest, year, max_bytes, options, progress, stats)
    norm, norm_f = normalise_reports(raw, options, progress, stats)
    norm, norm_f = quarantine(norm, norm_f, normalised_report_failures(norm))
    sections, sec_f = split_report_sections(norm, options, progress, stats)
    cells, typed_f = build_typed_tables(norm, sections, options, progress, stats)
    findings = pl.concat([raw_f, norm_f, sec_f, typed_f]).cast(FINDINGS_SCHEMA)
    return {"raw_reports": raw, "normalised_reports": norm, "report_sections": sections, **cells,
            "raw_findings": raw_f, "normalised_findings": norm_f, "sections_findings": sec_f, "typed_findings": typed_f,
            "marts": build_marts(norm, sections, cells, findings)}


def run_layers(input_dir: str | Path, year: int | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
               options: EngineOptions | None = None, progress: Progress | None = None,
               stats: list | None = None) -> dict:
    """Run landing → marts for one year (or every year found) and return each layer's frames."""
    manifest = build_manifest(input_dir, max_bytes)
    years = [year] if year is not None else sorted(set(manifest["report_year"].drop_nulls().to_list()))
    out: dict = {"landing_manifest": manifest, "years": {}}
    for y in years:
        out["years"][y] = run_year(input_dir, manifest, y, max_bytes, options, progress, stats)
    if year is not None:
        out.update(out["years"][year])
    return out


# ---- the same layers, streamed: each layer a Parquet file written batch by batch, read lazily --------
#
# `stream_year` gives the frames `run_year` gives (read back, equal row for row: tests/test_layers.py),
# but no layer is ever held whole: the engine reads its input layer one batch at a time and hands
# each output batch, in input order, to a LayerWriter. What needs the whole year is done without
# the texts (findings, dim_report) or one report-id bucket at a time (the sections sorted by
# report id, the marts): a bucket is the reports whose id starts with the same `width` characters
# (enough that a bucket holds at most BUCKET_REPORTS reports), so bucket b's rows all sort before
# bucket b+1's. Report ids
# are unique within a year (the hash of the file; landing rejects a second copy), which the
# per-report steps below rely on.
BUCKET_REPORTS = 5_000
BUCKET_BUFFER_BYTES = 32 * 1024 * 1024  # rows a layer's bucket files buffer before they are split and written


def _bucket_of(width: int = 1, col: str = "report_id") -> pl.Expr:
    return pl.col(col).str.slice(0, width)


class _Buckets:
    """A writer that also splits its rows by report-id bucket, into one small file per bucket.

    Rows are buffered whole (BUCKET_BUFFER_BYTES) and split once per flush, so each bucket file gets
    one row group per flush: many buckets never mean many small frames held at once.
    """

    def __init__(self, root: Path, name: str, schema: dict, main: "object | None" = None, width: int = 1):
        self.root, self.name, self.schema, self.main, self.width = Path(root), name, schema, main, width
        self.writers: dict = {}
        self._buf: list[pl.DataFrame] = []
        self._bytes = 0

    def write(self, df: pl.DataFrame) -> None:
        if self.main is not None:
            self.main.write(df)
        if df.height:
            self._buf.append(df)
            self._bytes += df.estimated_size()
            if self._bytes >= BUCKET_BUFFER_BYTES:
                self._flush()

    def _flush(self) -> None:
        from transforms.layers import LayerWriter

        if not self._buf:
            return
        df = pl.concat(self._buf, how="vertical")
        self._buf, self._bytes = [], 0
        parts = df.with_columns(_b=_bucket_of(self.width)).partition_by("_b", as_dict=True, maintain_order=True)
        for (key,), part in parts.items():
            if key not in self.writers:
                tag = "null" if key is None else key.encode("utf-8").hex()
                self.writers[key] = LayerWriter(self.root / f"{self.name}.bucket-{tag}.parquet", self.schema,
                                                row_group_bytes=1)  # written at once, never held
            self.writers[key].write(part.drop("_b"))

    def close(self) -> list:
        """(bucket key, Layer) in sort order (the null bucket first, as polars sorts nulls first)."""
        self._flush()
        keys = sorted(self.writers, key=lambda k: (k is not None, k or ""))
        return [(k, self.writers[k].close()) for k in keys]


class _Trusted:
    """The trusted rows of a normalised layer, as the engine's input (`core._trusted`, one batch at a time)."""

    def __init__(self, layer, provenance: bool = False, sections=None):
        self.layer, self.provenance, self.sections = layer, provenance, sections
        self.height = layer.scan().filter(pl.col("quarantine_reason").is_null()).select(pl.len()).collect().item()

    def iter_batches(self, size: int):
        from transforms.core import _trusted

        def trusted():
            for b in self.layer.iter_batches(max(size, 256)):
                t = _trusted(b, self.provenance)
                if t.height:
                    yield t

        src = trusted() if self.sections is None else _with_sections(trusted(), self.sections)
        carry = None
        for df in src:
            df = df if carry is None else pl.concat([carry, df], how="vertical")
            while df.height >= size:
                yield df.slice(0, size)
                df = df.slice(size)
            carry = df if df.height else None
        if carry is not None:
            yield carry


def _with_sections(batches, sections_layer):
    """Each trusted batch joined with its reports' sections (`core.build_typed_tables`' join), in lockstep.

    The sections stage wrote its rows in the order of the trusted reports, so a batch's sections
    are the next rows of that file whose report is in the batch.
    """
    rows = sections_layer.iter_batches(4096)
    pending = pl.DataFrame(schema=sections_layer.schema)
    for b in batches:
        ids = set(b["report_id"].to_list())
        parts = []
        while True:
            if pending.height == 0:
                pending = next(rows, None)
                if pending is None:
                    pending = pl.DataFrame(schema=sections_layer.schema)
                    break
            inside = pending["report_id"].is_in(list(ids))
            stop = int(inside.arg_min()) if not inside.all() else pending.height
            parts.append(pending.slice(0, stop))
            pending = pending.slice(stop)
            if pending.height:
                break
        secs = pl.concat(parts, how="vertical") if parts else pl.DataFrame(schema=sections_layer.schema)
        secs = secs.unique(["report_id", "section_no"], keep="first", maintain_order=True)
        by_report = (secs.sort(["report_id", "section_no"])
                     .group_by("report_id", maintain_order=True)
                     .agg(section_nos=pl.col("section_no"), section_texts=pl.col("text")))
        yield b.join(by_report, on="report_id", how="left", maintain_order="left")


class _Quarantine:
    """A writer that applies `staging.quarantine` batch by batch (its rules are per report) and keeps the findings."""

    def __init__(self, main):
        self.main, self.found = main, []

    def write(self, df: pl.DataFrame) -> None:
        df, extra = quarantine(df, pl.DataFrame(schema=FINDINGS_SCHEMA), normalised_report_failures(df))
        self.found.append(extra)
        self.main.write(df)


def stream_year(input_dir: str | Path, manifest: pl.DataFrame, year: int, out_dir: str | Path,
                max_bytes: int = DEFAULT_MAX_BYTES, options: EngineOptions | None = None,
                progress: Progress | None = None, stats: list | None = None) -> dict:
    """One year's layers, streamed into `out_dir`: {layer or mart name: Layer, '<layer>_findings': frame}."""
    from transforms.core import CELL_SCHEMAS, SECTIONS, SECTIONS_SCHEMA, TYPED
    from transforms.engine import raw_stage, run_stage
    from transforms.landing import RAW_SCHEMA
    from transforms.layers import LayerWriter
    from transforms.staging import NORMALISE, NORMALISED_SCHEMA, sort_findings

    out_dir = Path(out_dir)
    tmp = out_dir / ".work"
    out_dir.mkdir(parents=True, exist_ok=True)
    layers: dict = {}

    def run(stage, source, sinks, bytes_col):
        o = run_stage(stage, source, options, params if stage.name == "raw" else None, progress, bytes_col, sinks)
        if stats is not None:
            stats.append(o.stats)
        return o

    of_year = manifest.filter(pl.col("report_year") == year).sort("source_path")
    params = {"input_dir": str(input_dir), "max_bytes": max_bytes, "manifest_schema": dict(manifest.schema)}
    with LayerWriter(out_dir / "raw_reports.parquet", RAW_SCHEMA) as w:  # in source_path order, as sorted
        raw_f = sort_findings(run(raw_stage(), of_year, {"rows": w}, "size_bytes").frames["findings"])
    layers["raw_reports"] = w.layer

    with LayerWriter(out_dir / "normalised_reports.parquet", NORMALISED_SCHEMA) as w:
        q = _Quarantine(w)
        o = run(NORMALISE, layers["raw_reports"], {"rows": q}, "raw_text")
    norm_f = sort_findings(pl.concat([o.frames["findings"], *q.found], how="vertical"))
    layers["normalised_reports"] = w.layer

    trusted = _Trusted(layers["normalised_reports"])
    width = 1
    while width < 4 and trusted.height > BUCKET_REPORTS * 16 ** width:  # report ids are hex
        width += 1
    with LayerWriter(tmp / "sections.in_report_order.parquet", SECTIONS_SCHEMA) as w:
        buckets = _Buckets(tmp, "sections", SECTIONS_SCHEMA, main=w, width=width)
        sec_f = sort_findings(run(SECTIONS, trusted, {"rows": buckets}, "text").frames["findings"])
    in_order = w.layer
    sec_buckets = buckets.close()
    with LayerWriter(out_dir / "report_sections.parquet", SECTIONS_SCHEMA) as w:  # sorted one bucket at a time
        for _, b in sec_buckets:
            w.write(b.read().unique(["report_id", "section_no"], keep="first", maintain_order=True)
                    .sort(["report_id", "section_no"]))
    layers["report_sections"] = w.layer

    writers = {name: LayerWriter(out_dir / f"{name}.parquet", schema) for name, schema in CELL_SCHEMAS.items()}
    cell_buckets = {name: _Buckets(tmp, name, schema, main=writers[name], width=width)
                    for name, schema in CELL_SCHEMAS.items()}  # the facts are sorted one bucket at a time
    try:
        o = run(TYPED, _Trusted(layers["normalised_reports"], provenance=True, sections=in_order), cell_buckets, "text")
    except BaseException:
        for wr in writers.values():
            wr.abort()
        raise
    typed_f = sort_findings(o.frames["findings"])
    for name, wr in writers.items():
        layers[name] = wr.close()
    findings = pl.concat([raw_f, norm_f, sec_f, typed_f]).cast(FINDINGS_SCHEMA)
    layers.update(raw_findings=raw_f, normalised_findings=norm_f, sections_findings=sec_f, typed_findings=typed_f)
    layers["marts"] = stream_marts(layers["normalised_reports"], sec_buckets,
                                   {n: (CELL_SCHEMAS[n], dict(b.close())) for n, b in cell_buckets.items()},
                                   findings, out_dir / "marts", width)
    import shutil

    shutil.rmtree(tmp, ignore_errors=True)
    return layers


def stream_marts(normalised, section_buckets: list, cells: dict, findings: pl.DataFrame, out_dir: Path,
                 width: int = 1) -> dict:
    """`build_marts`, one report-id bucket at a time: {mart: Layer}. dim_report and dq_findings have no texts
    and are built whole; the facts and report_sections are bucket by bucket, in report-id order.

    `section_buckets` is [(bucket key, Layer)], `cells` maps each cell frame to (schema, {bucket key: Layer}).
    """
    from transforms.layers import LayerWriter

    keep = [c for c in normalised.columns if c != "text" and c != "line_pages"]
    norm = normalised.scan().select(keep).collect()
    empty_cells = {n: pl.DataFrame(schema=schema) for n, (schema, _) in cells.items()}
    empty_sections = pl.DataFrame(schema=section_buckets[0][1].schema) if section_buckets else None
    whole = build_marts(norm, empty_sections if empty_sections is not None else pl.DataFrame(
        schema={"report_id": pl.String, "report_year": pl.Int32, "section_no": pl.Int32, "title": pl.String,
                "text": pl.String}), empty_cells, findings)
    dims, out, writers = [], {}, {}
    sec_of = dict(section_buckets)
    keys = set(sec_of) | set(norm.select(_bucket_of(width)).unique().to_series().to_list())
    for _, parts in cells.values():
        keys |= set(parts)
    for k in sorted(keys, key=lambda k: (k is not None, k or "")):
        sel = _bucket_of(width).is_null() if k is None else _bucket_of(width) == k
        part = build_marts(norm.filter(sel),
                           sec_of[k].read() if k in sec_of else whole["report_sections"].clear(),
                           {n: (parts[k].read() if k in parts else empty_cells[n]) for n, (_, parts) in cells.items()},
                           findings.filter(sel))
        dims.append(part["dim_report"])
        for table, df in part.items():
            if table in ("dim_report", "dq_findings"):
                continue
            if table not in writers:
                writers[table] = LayerWriter(Path(out_dir) / f"{table}.parquet", df.schema)
            writers[table].write(df)
    out_dir = Path(out_dir)
    for table in whole:
        if table == "dim_report":
            df = pl.concat(dims, how="vertical").sort("source_path") if dims else whole["dim_report"]
        elif table == "dq_findings":
            df = whole["dq_findings"]
        else:
            if table not in writers:
                writers[table] = LayerWriter(out_dir / f"{table}.parquet", whole[table].schema)
            out[table] = writers[table].close()
            continue
        with LayerWriter(out_dir / f"{table}.parquet", df.schema) as w:
            w.write(df)
        out[table] = w.layer
    return out


# ---- one layer at a time, streamed: what each Dagster asset calls (orchestration/raw.py … marts.py) ---
#
# Each function reads its input layer one batch at a time and hands its rows to a writer
# (`transforms.layers.LayerWriter`, `orchestration.resources.layer_writer`); only the findings come
# back as a frame (they hold no text). The rows are those of the whole-frame functions (raw_reports,
# normalise_reports + quarantine, split_report_sections, build_typed_tables) in the same order,
# except the sections: they stay in the order of the reports (each report's duplicates dropped), so
# the typed layer can read them in lockstep; the marts sort them one report-id bucket at a time.

def _stage(stage, source, options, params, progress, bytes_col, sinks, stats):
    from transforms.engine import run_stage

    o = run_stage(stage, source, options, params, progress, bytes_col, sinks)
    if stats is not None:
        stats.append(o.stats)
    return o


def stream_raw(input_dir: str | Path, manifest: pl.DataFrame, year: int, sink, max_bytes: int = DEFAULT_MAX_BYTES,
               options: EngineOptions | None = None, progress: Progress | None = None,
               stats: list | None = None) -> pl.DataFrame:
    """`engine.raw_reports`, its rows written to `sink` (in source_path order); returns the findings."""
    from transforms.engine import raw_stage
    from transforms.staging import sort_findings

    of_year = manifest.filter(pl.col("report_year") == year).sort("source_path")
    params = {"input_dir": str(input_dir), "max_bytes": max_bytes, "manifest_schema": dict(manifest.schema)}
    o = _stage(raw_stage(), of_year, options, params, progress, "size_bytes", {"rows": sink}, stats)
    return sort_findings(o.frames["findings"])


def stream_normalised(raw, sink, options: EngineOptions | None = None, progress: Progress | None = None,
                      stats: list | None = None) -> pl.DataFrame:
    """`normalise_reports` then `quarantine` (its rules are per report), batch by batch; returns the findings."""
    from transforms.staging import NORMALISE, sort_findings

    q = _Quarantine(sink)
    o = _stage(NORMALISE, raw, options, None, progress, "raw_text", {"rows": q}, stats)
    return sort_findings(pl.concat([o.frames["findings"], *q.found], how="vertical"))


class _Deduplicated:
    """A writer that drops a report's repeated section numbers (the first kept, as `split_report_sections`)."""

    def __init__(self, main):
        self.main = main

    def write(self, df: pl.DataFrame) -> None:  # a report's rows are all in one batch
        self.main.write(df.unique(["report_id", "section_no"], keep="first", maintain_order=True))


def stream_sections(normalised, sink, options: EngineOptions | None = None, progress: Progress | None = None,
                    stats: list | None = None) -> pl.DataFrame:
    """`split_report_sections`, in the order of the trusted reports (not sorted); returns the findings."""
    from transforms.core import SECTIONS
    from transforms.staging import sort_findings

    o = _stage(SECTIONS, _Trusted(normalised), options, None, progress, "text", {"rows": _Deduplicated(sink)}, stats)
    return sort_findings(o.frames["findings"])


def stream_typed(normalised, sections, sinks: dict, options: EngineOptions | None = None,
                 progress: Progress | None = None, stats: list | None = None) -> pl.DataFrame:
    """`build_typed_tables`: each cell layer to `sinks[name]`; `sections` in report order (`stream_sections`)."""
    from transforms.core import TYPED
    from transforms.staging import sort_findings

    o = _stage(TYPED, _Trusted(normalised, provenance=True, sections=sections), options, None, progress, "text",
               sinks, stats)
    return sort_findings(o.frames["findings"])


def bucket_width(reports: int) -> int:
    """Report-id characters per bucket: enough that a bucket holds at most BUCKET_REPORTS reports."""
    width = 1
    while width < 4 and reports > BUCKET_REPORTS * 16 ** width:  # report ids are hex
        width += 1
    return width


def stream_year_marts(normalised, sections, cells: dict, findings: pl.DataFrame, out_dir: str | Path) -> dict:
    """`build_marts` from the streamed layers: {mart: Layer} in `out_dir`, equal to `build_marts`' frames.

    `sections` may be in any order (`stream_sections`' report order); it and each cell layer are
    split into report-id buckets first (files in `out_dir/.work`), so no layer is read whole.
    """
    import shutil

    from transforms.core import CELL_SCHEMAS, SECTIONS_SCHEMA

    out_dir = Path(out_dir)
    tmp = out_dir / ".work"
    width = bucket_width(normalised.height)
    try:
        def split(layer, name, schema):
            b = _Buckets(tmp, name, schema, width=width)
            for df in layer.iter_batches(8192):
                b.write(df)
            return b.close()

        sec_buckets = split(sections, "sections", SECTIONS_SCHEMA)
        cell_buckets = {n: (CELL_SCHEMAS[n], dict(split(cells[n], n, CELL_SCHEMAS[n]))) for n in CELL_SCHEMAS}
        return stream_marts(normalised, sec_buckets, cell_buckets, findings, out_dir, width)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def without_texts(layer, texts: tuple = ("text",), drop: tuple = ()) -> pl.DataFrame:
    """A layer read without its texts: each text column blanked ('' for a text, null stays null), `drop` left out.

    What the contracts check of a text column is its type and that it is not null, so they give the
    same result on this frame as on the layer read whole.
    """
    return read_batched(layer, lambda df: df.with_columns(_blank(c) for c in texts),
                        [c for c in layer.columns if c not in drop])


def _blank(col: str) -> pl.Expr:
    """'' for a text, null for null: a new column (a slice of the text would keep its buffers alive)."""
    return pl.when(pl.col(col).is_not_null()).then(pl.lit("", pl.String)).alias(col)


def read_batched(layer, fn, columns: list | None = None, size: int = 2048) -> pl.DataFrame:
    """`fn` of each batch of the layer, concatenated in file order: only one batch's texts in memory at a time
    (a lazy scan would read a text column whole before it is blanked or filtered)."""
    parts = [fn(df) for df in layer.iter_batches(size, columns=columns)]
    if parts:
        return pl.concat(parts, how="vertical").rechunk()
    return fn(pl.DataFrame(schema={c: t for c, t in layer.schema.items() if columns is None or c in columns}))


# ---- contracts of a layer too big to hold: chunk by chunk ---------------------------------------
CHECK_ROWS = 400_000  # rows of a layer validated at a time (cut between reports): ~0.3 GB in the GX suite


def validate_layer(name: str, layer, rows: int = CHECK_ROWS, texts: tuple = (), key: str = "report_id"):
    """`expectations.validate.validate(name, frame)` of a layer, `rows` rows (whole reports) at a time.

    Every check of the contracts is per row or per report (the unique keys hold the report id), so
    the layer passes when every chunk passes, with the result the whole frame gives. When a chunk
    fails, the layer is validated whole (a broken year), so the failures and their counts are those
    of the whole frame. `texts` are blanked first (see `without_texts`).
    """
    from expectations.validate import ValidationResult, _empty_failures, _summarise, validate

    def blank(df):
        return df.with_columns(_blank(c) for c in texts) if texts else df

    n, parts = 0, 0
    for df in _chunks(layer, rows, key):
        res = validate(name, blank(df))
        if not res.passed:
            return validate(name, blank(layer.read()))
        n += res.n_rows
        parts += 1
        one = res
    if parts == 0:
        return validate(name, blank(layer.read()))
    if parts == 1:
        return one
    return ValidationResult(passed=True, n_rows=n, failures=_empty_failures(), summary=_summarise(name, n, _empty_failures()))


def _chunks(layer, rows, key):
    from transforms.layers import chunks

    return chunks(layer, rows, key)
