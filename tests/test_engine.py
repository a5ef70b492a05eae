"""The batch engine: same bytes with 1 and 2 workers, a time budget per report, a dead worker costs only
its report, metadata never costs a report its cells, and the progress line."""

from __future__ import annotations

import dataclasses
import io
import os
import time

import polars as pl
import pytest

from transforms import engine
from transforms.engine import EngineOptions, Stage, run_stage

from conftest import SAMPLE

SCHEMA = {"i": pl.Int64, "out": pl.String}
FIND = {"i": pl.Int64, "what": pl.String}


def _spin(seconds):
    """Burn CPU (the budget counts CPU seconds, so a sleep would never run out of it)."""
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


# ---- a toy stage (module-level functions: the spawned workers import them by name) -------------
def _toy(row, state, **_):
    if row["kind"] == "slow":
        state["half"] = "started"
        _spin(30)
    if row["kind"] == "crash":
        os._exit(3)  # a worker that dies (as on a segfault or an OOM kill)
    return {"rows": [{"i": row["i"], "out": f"ok{row['i']}"}], "notes": []}


def _toy_timeout(row, state, budget_s, **_):
    return {"notes": [{"i": row["i"], "what": f"timeout after {state.get('half')}"}]}


def _toy_crash(row, **_):
    return {"notes": [{"i": row["i"], "what": "crashed"}]}


TOY = Stage("toy", _toy, {"rows": SCHEMA, "notes": FIND}, _toy_timeout, _toy_crash)


def _frame(kinds):
    return pl.DataFrame({"i": list(range(len(kinds))), "kind": kinds, "source_path": [f"f{i}" for i in range(len(kinds))]})


@pytest.mark.parametrize("workers", [1, 2])
def test_a_report_past_its_budget_is_recorded_and_the_batch_goes_on(workers):
    frame = _frame(["fast", "slow", "fast", "fast"])
    out = run_stage(TOY, frame, EngineOptions(workers=workers, budget_s=0.3, batch_size=2, min_pool_reports=0))
    assert out.frames["rows"]["i"].to_list() == [0, 2, 3]
    assert out.frames["notes"].rows() == [(1, "timeout after started")]
    assert out.stats.timeouts == 1 and out.stats.reports == 4
    assert out.stats.slowest[0] == "f1"


def test_a_dead_worker_costs_only_its_report():
    frame = _frame(["fast", "fast", "crash", "fast", "fast", "fast"])
    out = run_stage(TOY, frame, EngineOptions(workers=2, budget_s=0, batch_size=2, min_pool_reports=0))
    assert out.frames["rows"]["i"].to_list() == [0, 1, 3, 4, 5]
    assert out.frames["notes"].rows() == [(2, "crashed")]
    assert out.stats.crashes == 1
    # the pool is usable again afterwards
    again = run_stage(TOY, _frame(["fast"] * 4), EngineOptions(workers=2, batch_size=1, min_pool_reports=0))
    assert again.frames["rows"]["i"].to_list() == [0, 1, 2, 3]


def test_budget_is_a_no_op_off_the_main_thread():
    import threading

    seen = []
    t = threading.Thread(target=lambda: seen.append(run_stage(TOY, _frame(["fast"]), EngineOptions(workers=1, budget_s=0.01))))
    t.start()
    t.join()
    assert seen[0].frames["rows"].height == 1


def _burn(cpu_s: float) -> None:
    end = time.process_time() + cpu_s
    while time.process_time() < end:
        pass


def test_a_paused_budget_lets_a_step_with_its_own_budget_run_and_then_resumes():
    # OCR pauses the report's CPU budget (each page has its own): 0.6 s of CPU inside the pause does
    # not end a 0.3 s budget, and the budget still runs out afterwards
    with pytest.raises(engine.BudgetExceeded):
        with engine.budget(0.3):
            with engine.budget_paused():
                _burn(0.6)
            _burn(0.1)
            done = True
            _burn(0.6)
    assert done
    with engine.budget_paused():  # no budget running: a no-op
        _burn(0.01)


def test_paused_steps_have_a_cap_per_report(monkeypatch):
    # a scan of a thousand pages must not hold a worker for hours: past the cap, the next OCR page
    # ends the report as past its budget (one finding), and the next report starts afresh
    monkeypatch.setattr(engine, "PAUSED_CAP_S", 0.05)
    with pytest.raises(engine.BudgetExceeded):
        with engine.budget(5):
            with engine.budget_paused():
                time.sleep(0.1)
            with engine.budget_paused():
                pass
    with engine.budget(5):
        with engine.budget_paused():
            pass


# ---- the real pipeline ------------------------------------------------------------------------
def _parquet_bytes(df: pl.DataFrame) -> bytes:
    buf = io.BytesIO()
    df.write_parquet(buf, compression="zstd", statistics=True)
    return buf.getvalue()


def test_marts_are_byte_identical_with_one_and_two_workers():
    from transforms.pipeline import run_layers

    one = run_layers(SAMPLE, options=EngineOptions(workers=1))
    two = run_layers(SAMPLE, options=EngineOptions(workers=2, batch_size=1, min_pool_reports=0))
    assert one["years"].keys() == two["years"].keys() and one["years"]
    for year in one["years"]:
        a, b = one["years"][year]["marts"], two["years"][year]["marts"]
        assert a.keys() == b.keys()
        for table in a:
            assert a[table].height == b[table].height, (year, table)
            assert _parquet_bytes(a[table]) == _parquet_bytes(b[table]), (year, table)


def test_a_report_without_an_agency_keeps_its_cells(monkeypatch):
    """Metadata never costs a report its cells: no agency → partial with a finding, sections and tables kept."""
    from transforms import staging
    from transforms.pipeline import run_layers

    real = staging.extract_metadata
    monkeypatch.setattr(staging, "extract_metadata", lambda text: dataclasses.replace(real(text), agency_name=None))
    out = run_layers(SAMPLE, year=2019, options=EngineOptions(workers=1))
    marts = out["marts"]
    dim = marts["dim_report"]
    assert dim["agency_name"].null_count() == dim.height == 4
    assert set(dim["parse_status"]) == {"partial"}
    assert marts["fact_request_handling"]["report_id"].n_unique() == 4
    assert marts["report_sections"]["report_id"].n_unique() == 4
    f = marts["dq_findings"].filter(pl.col("check_name") == "agency_missing")
    assert f.height == 4 and set(f["severity"]) == {"warning"}
    from expectations.validate import validate
    assert validate("dim_report", dim).passed


def test_normalised_rules_quarantine_untrusted_text_only():
    from expectations.suites import normalised_report_failures
    from transforms.pipeline import run_layers

    norm = run_layers(SAMPLE, year=2020, options=EngineOptions(workers=1))["normalised_reports"]
    assert normalised_report_failures(norm.with_columns(agency_name=pl.lit(None, pl.String))).height == 0
    bad = norm.with_columns(residual_traditional_ratio=pl.lit(0.5))
    assert set(normalised_report_failures(bad)["check_name"]) == {"residual_traditional"}


def test_metadata_past_the_budget_keeps_the_text_and_the_report_goes_on(monkeypatch):
    from transforms import staging
    from transforms.pipeline import run_layers

    def slow(text):
        _spin(30)

    monkeypatch.setattr(staging, "extract_metadata", slow)
    out = run_layers(SAMPLE, year=2020, options=EngineOptions(workers=1, budget_s=0.2))
    dim = out["marts"]["dim_report"]
    assert set(dim["parse_status"]) == {"partial"} and dim.height == 3
    f = out["marts"]["dq_findings"].filter(pl.col("check_name") == "time_budget_exceeded")
    assert f.height == 3 and "budget" in f["message"][0]
    assert out["normalised_reports"]["text"].str.len_chars().min() > 1000  # the normalised text is kept


# ---- progress -----------------------------------------------------------------------------------
def test_progress_line_live_and_quiet():
    from orchestration import progress

    live = io.StringIO()
    with progress.year(2019, total=10, stream=live, live=True) as p:
        progress.engine_callback()("normalise", 5, 10)
        assert "2019: [2/4 normalise] 5/10 reports" in p.line("normalise") and "ETA" in p.line("normalise")
    assert "5/10 reports" in live.getvalue()
    quiet = io.StringIO()
    with progress.year(2019, total=10, stream=quiet, live=False):
        progress.engine_callback()("typed", 10, 10)
    assert quiet.getvalue() == ""
    progress.engine_callback()("typed", 1, 1)  # no year open: a no-op


# ---- the landing manifest on the engine ---------------------------------------------------------
def _landing_mix(root):
    """The sample reports, copies of them (duplicates in sorted order), junk and links: every kind of row."""
    import shutil

    root.mkdir()
    files = sorted(p for p in SAMPLE.rglob("*") if p.is_file())
    for i, p in enumerate(files):
        shutil.copy(p, root / f"{i:02d}_{p.name}")
        shutil.copy(p, root / f"{i:02d}_copy_{p.name}")  # a duplicate of the file before it
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.dat").write_bytes(bytes(range(256)) * 8)
    (root / "note.txt").write_text("hello, not a report\n", encoding="utf-8")
    (root / "sub").mkdir()
    shutil.copy(files[0], root / "sub" / "again.txt")
    (root / "link_in.txt").symlink_to(root / f"00_{files[0].name}")
    (root / "link_broken.txt").symlink_to(root / "nowhere.txt")
    return root


def test_manifest_on_the_pool_is_the_serial_scan(tmp_path):
    """Same rows in the same order whether the per-file work runs serially, in-process or on 2 workers."""
    from transforms.ingest import scan_landing
    from transforms.landing import build_manifest, guess_year

    inp = _landing_mix(tmp_path / "in")
    serial = [dataclasses.replace(f, text=None) for f in scan_landing(inp, year_of=guess_year)]
    assert {f.check_name for f in serial} >= {"duplicate", "empty_file", "unreadable"}
    stats: list = []
    pooled = scan_landing(inp, year_of=guess_year, texts=False, stats=stats,
                          options=EngineOptions(workers=2, batch_size=3, min_pool_reports=0))
    assert pooled == serial
    assert stats[0].workers == 2 and stats[0].reports == len([f for f in serial if not f.source_path.startswith("link_")])
    one = build_manifest(inp, 20 * 1024 * 1024, options=EngineOptions(workers=1))
    two = build_manifest(inp, 20 * 1024 * 1024, options=EngineOptions(workers=2, batch_size=2, min_pool_reports=0))
    assert _parquet_bytes(one) == _parquet_bytes(two)
