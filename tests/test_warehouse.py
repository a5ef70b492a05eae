"""The warehouse's writing side: a year published whole, DuckDB views that cannot break, the lock.

Fast tests call transforms.marts directly; the two end-to-end tests at the bottom drive `gongkai`
(concurrent runs on one warehouse, and a year partition that has no reports).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import polars as pl
import pytest

from helpers_dagster import GONGKAI, SAMPLE_CORPUS, child_env, stop_group, tail, wait_for
from orchestration.lock import WarehouseBusy, WarehouseLock
from transforms import marts as M

YEAR_TABLES = ["dim_report", "fact_request_handling", "fact_active_disclosure", "fact_review_litigation",
               "report_sections", "dq_findings"]


@pytest.fixture(autouse=True)
def no_analysis(request, monkeypatch):
    """The stand-in frames below lack the columns the analysis views need: leave those out here."""
    if "e2e" not in request.node.name:
        monkeypatch.setitem(sys.modules, "transforms.analysis", None)


def frames(tag: str, n: int = 2) -> dict[str, pl.DataFrame]:
    """Small stand-in year tables whose content says which version they are."""
    return {t: pl.DataFrame({"report_id": [f"{tag}{i}" for i in range(n)], "report_year": [2019] * n,
                             "table": [t] * n}) for t in YEAR_TABLES}


def read_year(marts: Path, year: int) -> dict[str, pl.DataFrame]:
    """What a reader sees through the contract paths."""
    out = {}
    for t in YEAR_TABLES:
        p = M.partition_dir(marts, t, year) / M.PART
        if p.exists():
            out[t] = pl.read_parquet(p, hive_partitioning=False)
    return out


def test_a_year_is_published_whole_and_old_versions_are_collected(tmp_path):
    marts = tmp_path / "wh" / "marts"
    M.write_year(marts, 2019, frames("old"))
    M.write_year(marts, 2019, frames("new", 3))
    seen = read_year(marts, 2019)
    assert set(seen) == set(YEAR_TABLES)
    assert all(df["report_id"].to_list() == ["new0", "new1", "new2"] for df in seen.values())
    store = M.published_dir(marts)
    versions = sorted(p.name for p in store.iterdir() if not p.name.startswith("."))
    assert versions == ["report_year=2019", "report_year=2019.2"], versions  # the old version is gone
    # the contract layout is kept: marts/<table>/report_year=<YYYY>/part-0.parquet
    for t in YEAR_TABLES:
        assert (marts / t / "report_year=2019" / "part-0.parquet").is_file()
    assert not list(store.glob(".stage-*"))


def test_a_failed_write_leaves_the_year_as_it_was(tmp_path, monkeypatch):
    marts = tmp_path / "wh" / "marts"
    M.write_year(marts, 2019, frames("old"))
    calls = {"n": 0}
    real = M._write_parquet

    def fail_on_third(path, df):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(28, "No space left on device")
        real(path, df)

    monkeypatch.setattr(M, "_write_parquet", fail_on_third)
    with pytest.raises(OSError):
        M.write_year(marts, 2019, frames("new"))
    assert all(df["report_id"].to_list() == ["old0", "old1"] for df in read_year(marts, 2019).values())
    assert not list(M.published_dir(marts).glob(".stage-*")), "the staging folder must be removed"


def test_views_quote_paths_and_ignore_folders_outside_the_contract(tmp_path):
    wh = tmp_path / "it's a \"warehouse\""
    marts = wh / "marts"
    M.write_year(marts, 2019, frames("a"))
    for name, df in M.code_dimensions().items():
        M.write_table(marts, name, df)
    stray = marts / "my notes"
    stray.mkdir()
    pl.DataFrame({"x": [1]}).write_parquet(stray / "notes.parquet")
    (marts / "x'; DROP VIEW dim_report; --").mkdir()
    names = M.refresh_views(wh)
    assert "my notes" not in names and set(YEAR_TABLES) <= set(names)
    con = duckdb.connect(str(wh / "gongkai.duckdb"), read_only=True)
    try:
        views = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
        assert "my notes" not in views and not any("DROP" in v for v in views)
        assert con.execute("SELECT count(*) FROM dim_report").fetchone()[0] == 2
        assert con.execute("SELECT count(*) FROM dim_request_outcome").fetchone()[0] > 0
    finally:
        con.close()
    assert M.glob_of(M.view_statements(marts)["dim_report"]).startswith(str(wh))


def test_views_file_is_readable_by_duckdb_1_0_and_not_rewritten_when_nothing_changed(tmp_path):
    wh = tmp_path / "wh"
    M.write_year(wh / "marts", 2019, frames("a"))
    M.refresh_views(wh)
    db = wh / "gongkai.duckdb"
    # header version 64 is what DuckDB 1.0 and 1.1 write; every DuckDB from 1.0 on reads it
    assert M.storage_version_number(db) == 64
    inode = db.stat().st_ino
    M.refresh_views(wh)
    assert db.stat().st_ino == inode, "an up-to-date views file must not be rewritten"


def test_a_corrupted_views_file_is_rebuilt_atomically(tmp_path):
    wh = tmp_path / "wh"
    M.write_year(wh / "marts", 2019, frames("a"))
    db = wh / "gongkai.duckdb"
    db.write_bytes(b"not a database " * 500)
    assert "dim_report" in M.refresh_views(wh)
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM dim_report").fetchone()[0] == 2
    finally:
        con.close()
    assert not [p.name for p in wh.iterdir() if ".tmp-" in p.name]


def test_a_reader_does_not_block_the_views_but_a_writer_is_reported_as_holding_the_file(tmp_path):
    wh = tmp_path / "wh"
    M.write_year(wh / "marts", 2019, frames("a"))
    M.refresh_views(wh)
    db = wh / "gongkai.duckdb"
    reader = duckdb.connect(str(db), read_only=True)  # a BI tool left open
    try:
        M.write_table(wh / "marts", "dim_request_outcome", M.code_dimensions()["dim_request_outcome"])
        assert "dim_request_outcome" in M.refresh_views(wh)  # a new view: the file is replaced, not blocked
    finally:
        reader.close()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('open', flush=True); "
                               "time.sleep(120)", str(db)],
        stdout=subprocess.PIPE, text=True, start_new_session=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        M.write_table(wh / "marts", "dim_applicant_type", M.code_dimensions()["dim_applicant_type"])
        with pytest.raises(M.ViewsBusy, match="held open"):
            M.refresh_views(wh, attempts=2)
    finally:
        stop_group(holder, signal.SIGKILL, timeout=10)


def test_a_failing_analysis_view_leaves_the_contract_views_in_place(tmp_path, monkeypatch):
    import types

    def broken(con, marts_dir):
        raise RuntimeError("boom")

    monkeypatch.setitem(sys.modules, "transforms.analysis", types.SimpleNamespace(create_analysis_views=broken))
    wh = tmp_path / "wh"
    M.write_year(wh / "marts", 2019, frames("a"))
    with pytest.raises(M.ViewsNotRefreshed, match="analysis views not created: RuntimeError: boom"):
        M.refresh_views(wh)
    con = duckdb.connect(str(wh / "gongkai.duckdb"), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM fact_request_handling").fetchone()[0] == 2
    finally:
        con.close()


def test_the_lock_names_its_holder_and_is_released_when_the_holder_dies(tmp_path):
    wh = tmp_path / "wh"
    wh.mkdir()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from orchestration.lock import WarehouseLock; "
                               "lock = WarehouseLock(sys.argv[1]).acquire(0); print('held', flush=True); time.sleep(120)",
         str(wh)], stdout=subprocess.PIPE, text=True, start_new_session=True, cwd=Path(__file__).parent.parent)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(WarehouseBusy, match=f"PID {holder.pid}"):
            WarehouseLock(wh).acquire(0.5)
    finally:
        stop_group(holder, signal.SIGKILL, timeout=10)
    with WarehouseLock(wh).acquire(30) as lock:  # SIGKILL released it
        assert lock.holder() == str(os.getpid())


# ---- end to end ---------------------------------------------------------------------------------

def _split_corpus(tmp_path: Path) -> tuple[Path, Path, dict[str, set[str]]]:
    """Two inputs: the sample's 2019 reports and its 2020 reports (year read by a first pass)."""
    from transforms.landing import build_manifest

    manifest = build_manifest(SAMPLE_CORPUS, 20 * 1024 * 1024)
    by_year: dict[str, set[str]] = {}
    for path, year in manifest.select("source_path", "report_year").iter_rows():
        by_year.setdefault(str(year), set()).add(path)
    a, b = tmp_path / "in_2019", tmp_path / "in_2020"
    for d, year in ((a, "2019"), (b, "2020")):
        d.mkdir()
        for name in by_year[year]:
            (d / name).write_bytes((SAMPLE_CORPUS / name).read_bytes())
    return a, b, by_year


def _gongkai(args: list[str], log: Path, cwd: Path) -> subprocess.Popen:
    with open(log, "wb") as fh:
        return subprocess.Popen([str(GONGKAI), *args], cwd=cwd, env=child_env(), stdin=subprocess.DEVNULL,
                                stdout=fh, stderr=subprocess.STDOUT, start_new_session=True)


def test_e2e_concurrent_runs_on_one_warehouse_wait_or_exit_3_and_never_mix(tmp_path):
    in_a, in_b, by_year = _split_corpus(tmp_path)
    wh = tmp_path / "wh"  # new: the instance is created by whichever run holds the lock
    logs = {k: tmp_path / f"{k}.log" for k in ("first", "second", "impatient")}
    first = _gongkai(["run", "--input", str(in_a), "--warehouse", str(wh)], logs["first"], tmp_path)
    second = impatient = None
    try:
        wait_for(lambda: WarehouseLock(wh).holder() == str(first.pid) if (wh / ".lock").exists() else False,
                 timeout=300, interval=0.2, what="the first run to take the lock", proc=first, log=logs["first"])
        second = _gongkai(["run", "--input", str(in_b), "--warehouse", str(wh), "--lock-wait", "1800"],
                          logs["second"], tmp_path)
        impatient = _gongkai(["run", "--input", str(in_b), "--warehouse", str(wh), "--lock-wait", "0"],
                             logs["impatient"], tmp_path)
        assert impatient.wait(timeout=300) == 3, tail(logs["impatient"])
        text = logs["impatient"].read_text()
        assert f"PID {first.pid}" in text and "Traceback" not in text, text
        assert first.wait(timeout=1800) == 0, tail(logs["first"])
        assert second.wait(timeout=1800) == 0, tail(logs["second"])
    finally:
        for p in (first, second, impatient):
            if p is not None:
                stop_group(p, signal.SIGKILL, timeout=10)
    for log in logs.values():
        assert "already exists" not in log.read_text() and "Traceback" not in log.read_text(), tail(log)
    assert "waiting up to" in logs["second"].read_text()
    # each year holds exactly the reports of the run that wrote it
    for year in ("2019", "2020"):
        dim = pl.read_parquet(wh / "marts" / "dim_report" / f"report_year={year}" / "part-0.parquet")
        assert set(dim["source_path"]) == by_year[year], (year, dim["source_path"].to_list())
    con = duckdb.connect(str(wh / "gongkai.duckdb"), read_only=True)
    try:
        assert dict(con.execute("SELECT report_year, count(*) FROM dim_report GROUP BY 1").fetchall()) == {
            int(y): len(v) for y, v in by_year.items()}
    finally:
        con.close()
    assert not list((wh / "layers").iterdir()), "a successful run removes its own intermediates"
    assert "nux:\n  enabled: false" in (wh / ".dagster" / "dagster.yaml").read_text()


def test_e2e_a_year_partition_without_reports_is_a_warning_finding(tmp_path):
    from dagster import DagsterInstance, materialize

    from orchestration import core, marts, raw, staging
    from orchestration.partitions import YEAR_PARTITIONS
    from orchestration.resources import GongkaiConfig, LayerIOManager

    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "readme.txt").write_text("这不是年度报告。", encoding="utf-8")
    wh = tmp_path / "wh"
    instance = DagsterInstance.ephemeral()
    instance.add_dynamic_partitions(YEAR_PARTITIONS.name, ["2021"])
    resources = {"gongkai": GongkaiConfig(input_dir=str(inp), warehouse_dir=str(wh)),
                 "io_manager": LayerIOManager(base_dir=str(wh))}
    assets = [raw.landing_manifest, raw.raw_reports, staging.normalised_reports, core.report_sections,
              core.typed_tables, marts.year_marts]
    materialize([raw.landing_manifest], instance=instance, resources=resources)
    res = materialize(assets, instance=instance, resources=resources, partition_key="2021",
                      selection=[a for a in assets if a is not raw.landing_manifest])
    assert res.success
    found = pl.read_parquet(wh / "marts" / "dq_findings" / "report_year=2021" / "part-0.parquet")
    row = found.filter(pl.col("check_name") == "year_without_reports").row(0, named=True)
    assert row["severity"] == "warning" and "2021" in row["message"]
    gx = [e.event_specific_data for e in res.all_events if e.event_type_value == "ASSET_CHECK_EVALUATION"
          and e.event_specific_data.check_name == "gx_marts_suite"]
    assert gx and not gx[0].passed and gx[0].severity.value == "WARN"
    details = gx[0].metadata["details"].value
    assert "nothing to check" in details and "all passed" not in details
