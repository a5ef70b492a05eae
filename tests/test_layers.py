"""Layers on disk: written batch by batch, read lazily; the engine streams a Layer into LayerWriters with the
same rows as the whole-frame run (1 and 2 workers); the layer IO manager hands a Layer over when asked."""

from __future__ import annotations

import polars as pl
import pytest

from transforms import layers
from transforms.engine import EngineOptions, run_stage
from transforms.layers import Layer, LayerWriter

from conftest import SAMPLE
from test_engine import TOY, _frame, _parquet_bytes

SCHEMA = {"i": pl.Int32, "t": pl.String, "l": pl.List(pl.Int32)}


def _rows(n):
    return pl.DataFrame({"i": list(range(n)), "t": [None if i % 5 == 0 else "文字" * i for i in range(n)],
                         "l": [[i, i + 1] if i % 3 else None for i in range(n)]}, schema=SCHEMA)


def test_a_layer_written_in_batches_reads_back_the_same_rows(tmp_path, monkeypatch):
    monkeypatch.setattr(layers, "ROW_GROUP_ROWS", 7)  # several row groups
    df = _rows(50)
    with LayerWriter(tmp_path / "x.parquet", SCHEMA) as w:
        for i in range(0, 50, 6):
            w.write(df.slice(i, 6))
        assert not (tmp_path / "x.parquet").exists()  # appears only when closed
    lay = w.layer
    assert lay.height == 50 and lay.schema == pl.Schema(SCHEMA)
    assert lay.read().equals(df)
    parts = list(lay.iter_batches(8))
    assert [p.height for p in parts] == [8] * 6 + [2] and pl.concat(parts).equals(df)
    assert lay.scan().filter(pl.col("i") > 45).collect().height == 4


def test_an_empty_layer_has_its_schema_and_an_aborted_one_leaves_nothing(tmp_path):
    with LayerWriter(tmp_path / "e.parquet", SCHEMA) as w:
        pass
    assert w.layer.height == 0 and w.layer.read().schema == pl.Schema(SCHEMA)
    with pytest.raises(RuntimeError):
        with LayerWriter(tmp_path / "a.parquet", SCHEMA) as w:
            w.write(_rows(3))
            raise RuntimeError("stop")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["e.parquet"]


@pytest.mark.parametrize("workers", [1, 2])
def test_the_engine_streams_a_layer_into_writers_in_input_order(tmp_path, workers):
    frame = _frame(["fast"] * 40)
    src = tmp_path / "in.parquet"
    frame.write_parquet(src)
    opts = EngineOptions(workers=workers, budget_s=0, batch_size=3, min_pool_reports=0)
    whole = run_stage(TOY, frame, opts)
    seen = []
    with LayerWriter(tmp_path / "rows.parquet", TOY.outputs["rows"]) as w:
        out = run_stage(TOY, Layer(src), opts, sinks={"rows": w},
                        progress=lambda stage, done, n: seen.append(done))
    assert out.frames["rows"] is None and out.frames["notes"].equals(whole.frames["notes"])
    assert w.layer.read().equals(whole.frames["rows"])
    assert seen == sorted(seen) and seen[-1] == 40 and out.stats.reports == 40


def test_a_dead_worker_costs_only_its_report_when_streaming(tmp_path):
    frame = _frame(["fast", "fast", "crash", "fast", "fast", "fast", "fast", "fast"])
    with LayerWriter(tmp_path / "rows.parquet", TOY.outputs["rows"]) as w:
        out = run_stage(TOY, frame, EngineOptions(workers=2, budget_s=0, batch_size=2, min_pool_reports=0),
                        sinks={"rows": w})
    assert w.layer.read()["i"].to_list() == [0, 1, 3, 4, 5, 6, 7]
    assert out.frames["notes"].rows() == [(2, "crashed")] and out.stats.crashes == 1


def test_a_real_layer_streamed_equals_the_whole_frame(tmp_path):
    """raw → normalised on the sample: a Layer in, a LayerWriter out, 2 workers, one report per batch."""
    from transforms.engine import raw_reports
    from transforms.landing import build_manifest
    from transforms.staging import NORMALISE

    manifest = build_manifest(SAMPLE, 20 * 1024 * 1024)
    raw, _ = raw_reports(SAMPLE, manifest, 2019, 20 * 1024 * 1024, EngineOptions(workers=1))
    raw.write_parquet(tmp_path / "raw.parquet")
    whole = run_stage(NORMALISE, raw, EngineOptions(workers=1))
    with LayerWriter(tmp_path / "norm.parquet", NORMALISE.outputs["rows"]) as w:
        out = run_stage(NORMALISE, Layer(tmp_path / "raw.parquet"),
                        EngineOptions(workers=2, batch_size=1, min_pool_reports=0), sinks={"rows": w},
                        bytes_col="raw_text")
    assert _parquet_bytes(w.layer.read()) == _parquet_bytes(whole.frames["rows"])
    assert _parquet_bytes(out.frames["findings"]) == _parquet_bytes(whole.frames["findings"])
    assert out.stats.bytes_in == raw["raw_text"].str.len_bytes().sum()


def test_the_layer_io_manager_hands_over_a_layer_or_a_frame(tmp_path, monkeypatch):
    from dagster import build_input_context, build_output_context
    from dagster._core.types.dagster_type import resolve_dagster_type

    from orchestration.resources import LayerIOManager, layer_writer

    monkeypatch.setenv("GONGKAI_WAREHOUSE", str(tmp_path))
    monkeypatch.setenv("GONGKAI_LAYER_SCOPE", "t")
    io_manager = LayerIOManager(base_dir=str(tmp_path), scope="t")
    df = _rows(20)
    out_ctx = build_output_context(asset_key="normalised_reports", partition_key="2020")
    io_manager.handle_output(out_ctx, df)  # a frame: written whole, as always
    final = tmp_path / "layers" / "t" / "normalised_reports" / "2020.parquet"
    lazy = io_manager.load_input(build_input_context(asset_key="normalised_reports", partition_key="2020",
                                                     dagster_type=resolve_dagster_type(Layer)))
    assert isinstance(lazy, Layer) and lazy.path == str(final) and lazy.read().equals(df)
    eager = io_manager.load_input(build_input_context(asset_key="normalised_reports", partition_key="2020",
                                                      dagster_type=resolve_dagster_type(pl.DataFrame)))
    assert isinstance(eager, pl.DataFrame) and eager.equals(df)
    some = io_manager.load_input(build_input_context(asset_key="normalised_reports", partition_key="2020",
                                                     definition_metadata={"columns": ["i", "l"]}))
    assert some.equals(df.select("i", "l"))  # an input that lists its columns reads only those

    w = layer_writer("normalised_reports", 2021, SCHEMA)
    for i in range(0, 20, 4):
        w.write(df.slice(i, 4))
    spilled = w.close()
    io_manager.handle_output(build_output_context(asset_key="normalised_reports", partition_key="2021"), spilled)
    moved = tmp_path / "layers" / "t" / "normalised_reports" / "2021.parquet"
    assert moved.exists() and not (tmp_path / spilled.path).exists()
    assert pl.read_parquet(moved).equals(df)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_streamed_year_gives_the_frames_of_the_whole_frame_year(tmp_path, workers, monkeypatch):
    """Every layer and every mart of `stream_year` reads back equal to `run_year`'s (same bytes once re-written)."""
    from transforms import pipeline
    from transforms.landing import build_manifest
    from transforms.pipeline import run_year, stream_year

    monkeypatch.setattr(pipeline, "BUCKET_REPORTS", 0 if workers == 2 else 10**9)  # 16**4 buckets or 16

    manifest = build_manifest(SAMPLE, 20 * 1024 * 1024)
    opts = EngineOptions(workers=workers, batch_size=1, min_pool_reports=0)
    for year in sorted(set(manifest["report_year"].drop_nulls())):
        whole = run_year(SAMPLE, manifest, year, options=EngineOptions(workers=1))
        streamed = stream_year(SAMPLE, manifest, year, tmp_path / str(year), options=opts)
        for name, df in whole.items():
            if name == "marts":
                continue
            got = streamed[name]
            assert _parquet_bytes(got if isinstance(got, pl.DataFrame) else got.read()) == _parquet_bytes(df), (year, name)
        assert whole["marts"].keys() == streamed["marts"].keys()
        for table, df in whole["marts"].items():
            assert _parquet_bytes(streamed["marts"][table].read()) == _parquet_bytes(df), (year, table)
        assert not (tmp_path / str(year) / ".work").exists()


@pytest.mark.parametrize("n", [0, 7, 150_001, 400_000])
def test_a_layer_is_written_with_the_bytes_of_its_frame(tmp_path, n):
    """The marts are streamed to disk, then written with the bytes `write_parquet` gives their frame in one chunk."""
    from transforms.layers import write_like_polars

    df = pl.DataFrame({"report_id": [f"{i * 7919 % 4096:03x}" for i in range(n)], "i": list(range(n)),
                       "t": [None if i % 11 == 0 else "文字" * (i % 23) for i in range(n)]},
                      schema={"report_id": pl.String, "i": pl.Int64, "t": pl.String}).sort("report_id")
    with LayerWriter(tmp_path / "m.parquet", df.schema) as w:
        for i in range(0, n, 33_333):
            w.write(df.slice(i, 33_333))
    write_like_polars(w.layer, tmp_path / "out.parquet", tmp_path / "scratch.parquet")
    assert (tmp_path / "out.parquet").read_bytes() == _parquet_bytes(df)
    assert not (tmp_path / "scratch.parquet").exists()


def test_chunks_never_split_a_report_and_a_chunked_contract_is_the_whole_ones(tmp_path):
    from expectations.validate import validate
    from transforms.core import CELL_SCHEMAS
    from transforms.layers import chunks
    from transforms.pipeline import validate_layer

    schema = CELL_SCHEMAS["review_litigation_cells"]
    rows = [{"report_id": f"{r:016x}", "report_year": 2021, "case_type": "admin_review", "result": res, "count": r % 3,
             "cell_source": "printed", "source_page": None, "ocr": False}
            for r in range(40) for res in ("upheld", "corrected", "other", "pending", "total")]
    df = pl.DataFrame(rows, schema=schema)
    with LayerWriter(tmp_path / "c.parquet", schema) as w:
        w.write(df)
    parts = list(chunks(w.layer, 12))
    assert pl.concat(parts).equals(df) and len(parts) > 1
    assert all(a["report_id"][-1] != b["report_id"][0] for a, b in zip(parts, parts[1:]))
    whole = validate("review_litigation_cells", df)
    got = validate_layer("review_litigation_cells", w.layer, rows=12)
    assert (got.passed, got.n_rows, got.summary) == (whole.passed, whole.n_rows, whole.summary) and whole.passed
    bad = df.with_columns(count=pl.when(pl.int_range(pl.len()) == 77).then(-1).otherwise(pl.col("count")))
    with LayerWriter(tmp_path / "b.parquet", schema) as w:
        w.write(bad)
    whole, got = validate("review_litigation_cells", bad), validate_layer("review_litigation_cells", w.layer, rows=12)
    assert not got.passed and got.summary == whole.summary and got.failures.equals(whole.failures)
