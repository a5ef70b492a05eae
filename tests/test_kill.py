"""A `gongkai run` killed (SIGKILL) in the marts step, then re-run, equals a clean run.

Run 1 writes warehouse A and is SIGKILLed as soon as the first year's mart partition is being
written; run 2 re-runs into A; run 3 is a clean run into warehouse B. A and B must hold the same
mart files with the same rows (and, since the writer is deterministic, the same bytes), no temp
files may remain, and the DuckDB views must answer.

If transforms/marts.py honours GONGKAI_TEST_PAUSE_BEFORE_RENAME (a pause between writing a
partition's temp file and renaming it), the kill lands every time with the year's first table
renamed into place and the second one's temp file on disk (a torn year). Without the hook it
lands as soon as the first file (temp or final) appears in a year partition, which is still
inside the marts step (more tables, then the DuckDB views, then the next year).
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import time
from pathlib import Path

import duckdb
import polars as pl

from helpers_dagster import GONGKAI, REPO, SAMPLE_YEARS, child_env, copy_corpus, stop_group, tail

PAUSE_ENV = "GONGKAI_TEST_PAUSE_BEFORE_RENAME"
HOOK_PRESENT = PAUSE_ENV in (REPO / "transforms" / "marts.py").read_text(encoding="utf-8")
NULL_PARTITION = "report_year=__HIVE_DEFAULT_PARTITION__"
YEAR_TABLES = ["dim_report", "fact_request_handling", "fact_active_disclosure", "fact_review_litigation",
               "report_sections", "dq_findings"]


def _start_run(corpus: Path, warehouse: Path, log: Path,
               extra_env: dict[str, str] | None = None) -> subprocess.Popen:
    env = child_env() | (extra_env or {})
    with open(log, "wb") as fh:
        return subprocess.Popen(
            [str(GONGKAI), "run", "--input", str(corpus), "--warehouse", str(warehouse), "--years", "all"],
            cwd=warehouse.parent, env=env, stdin=subprocess.DEVNULL, stdout=fh, stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def _finish(proc: subprocess.Popen, log: Path, what: str, timeout: float = 300) -> None:
    try:
        rc = proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        stop_group(proc, signal.SIGKILL)
        raise AssertionError(f"{what} did not finish in {timeout:.0f} s\n{tail(log)}")
    assert rc == 0, f"{what} exited {rc}\n{tail(log)}"


def _year_partition_entries(marts: Path) -> list[str]:
    """Year partition dirs (not the null-year one the intake writes) and the files in them."""
    out: list[str] = []
    try:
        tables = list(os.scandir(marts))
    except FileNotFoundError:
        return out
    for t in tables:
        if not t.is_dir():
            continue
        for p in os.scandir(t.path):
            if p.name.startswith("report_year=") and p.name != NULL_PARTITION:
                out.append(f"{t.name}/{p.name}/")
                try:
                    out += [f"{t.name}/{p.name}/{f.name}" for f in os.scandir(p.path)]
                except FileNotFoundError:
                    pass
    return out


def _is_temp(name: str) -> bool:
    return Path(name).name.startswith(".tmp")


def _mart_files(warehouse: Path) -> dict[str, Path]:
    marts = warehouse / "marts"
    return {p.relative_to(marts).as_posix(): p for p in sorted(marts.rglob("*")) if p.is_file()}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_killed_run_rerun_equals_clean_run(tmp_path: Path):
    corpus = copy_corpus(tmp_path / "landing")
    wh_a, wh_b = tmp_path / "wh_a", tmp_path / "wh_b"
    marts_a = wh_a / "marts"
    t0 = time.monotonic()

    # Run 1: kill it with SIGKILL the moment it starts writing a year's marts.
    log1 = tmp_path / "run1_killed.log"
    proc = _start_run(corpus, wh_a, log1, {PAUSE_ENV: "3"})  # per temp file; the intake pays it once too
    seen: list[str] = []
    try:
        deadline = time.monotonic() + 240
        while True:
            seen = _year_partition_entries(marts_a)
            files = [e for e in seen if not e.endswith("/")]
            temps = [e for e in files if _is_temp(e)]
            if HOOK_PRESENT:  # the deterministic case: one table's partition done, the next one's mid-write
                if temps and len(temps) < len(files):
                    break
            elif files:  # no hook: the first file to appear, usually dim_report's temp file
                break
            if proc.poll() is not None:
                raise AssertionError(f"run 1 exited ({proc.returncode}) before its marts step was caught; "
                                     f"saw {seen}\n{tail(log1)}")
            if time.monotonic() > deadline:
                raise AssertionError(f"run 1 never reached the marts step\n{tail(log1)}")
            time.sleep(0.01 if HOOK_PRESENT else 0.001)  # with the hook a temp file lives 3 s
        os.killpg(proc.pid, signal.SIGKILL)
    finally:
        stop_group(proc, signal.SIGKILL, timeout=30)
    t_killed = time.monotonic() - t0
    assert proc.returncode == -signal.SIGKILL, f"run 1 ended on its own: rc {proc.returncode}\n{tail(log1)}"
    assert "done in" not in log1.read_text(errors="replace"), "run 1 finished before the kill"
    at_kill = sorted(_year_partition_entries(marts_a))
    temps_at_kill = [e for e in at_kill if _is_temp(e)]
    complete_at_kill = [e for e in at_kill if e.endswith("/part-0.parquet")]
    hook = "on" if HOOK_PRESENT else "absent"
    print(f"\nkilled in the marts step after {t_killed:.1f} s (pause hook {hook}); "
          f"year partition entries at kill: {at_kill}")
    if HOOK_PRESENT:
        assert temps_at_kill and complete_at_kill, f"the pause hook is present but the kill missed: {at_kill}"
    # The warehouse is torn: some year's marts are missing (and perhaps a temp file is lying there).
    assert len(complete_at_kill) < len(YEAR_TABLES) * len(SAMPLE_YEARS), at_kill

    # Run 2 (re-run into A) and run 3 (clean into B), side by side: independent warehouses and homes.
    log2, log3 = tmp_path / "run2_rerun.log", tmp_path / "run3_clean.log"
    rerun = _start_run(corpus, wh_a, log2)
    clean = _start_run(corpus, wh_b, log3)
    try:
        _finish(rerun, log2, "the re-run into A")
        _finish(clean, log3, "the clean run into B")
    finally:
        stop_group(rerun, signal.SIGKILL, timeout=5)
        stop_group(clean, signal.SIGKILL, timeout=5)
    t_total = time.monotonic() - t0

    # No temp file survives the re-run, anywhere in the marts.
    leftovers = [p.relative_to(wh_a).as_posix() for p in marts_a.rglob("*") if _is_temp(p.name)]
    assert not leftovers, f"temp files left after the re-run: {leftovers}"

    # The same mart files, the same rows, the same bytes.
    files_a, files_b = _mart_files(wh_a), _mart_files(wh_b)
    assert set(files_a) == set(files_b), (sorted(set(files_a) ^ set(files_b)))
    for year in SAMPLE_YEARS:
        for table in YEAR_TABLES:
            assert f"{table}/report_year={year}/part-0.parquet" in files_a
    byte_diffs = []
    for rel in sorted(files_b):
        a, b = pl.read_parquet(files_a[rel]), pl.read_parquet(files_b[rel])
        assert a.schema == b.schema, f"{rel}: schema {a.schema} != {b.schema}"
        assert a.equals(b, null_equal=True), f"{rel}: rows differ between the re-run and the clean run"
        if _digest(files_a[rel]) != _digest(files_b[rel]):
            byte_diffs.append(rel)
    assert not byte_diffs, f"same rows but different bytes (the writer should be deterministic): {byte_diffs}"

    # The DuckDB views answer after the re-run, and agree with the clean warehouse.
    con = duckdb.connect(str(wh_a / "gongkai.duckdb"), read_only=True)
    con_b = duckdb.connect(str(wh_b / "gongkai.duckdb"), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM dim_report").fetchone()[0] == sum(SAMPLE_YEARS.values())
        per_year = dict(con.execute("SELECT report_year, count(*) FROM dim_report GROUP BY 1").fetchall())
        assert per_year == {int(y): n for y, n in SAMPLE_YEARS.items()}, per_year
        views = lambda c: sorted(r[0] for r in c.execute(  # noqa: E731
            "SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall())
        assert views(con) == views(con_b)
        for v in views(con_b):
            n_a = con.execute(f'SELECT count(*) FROM "{v}"').fetchone()[0]
            n_b = con_b.execute(f'SELECT count(*) FROM "{v}"').fetchone()[0]
            assert n_a == n_b, f"view {v}: {n_a} rows after the re-run, {n_b} in the clean run"
    finally:
        con.close()
        con_b.close()
    print(f"kill test: killed at {t_killed:.1f} s, re-run and clean run done at {t_total:.1f} s; "
          f"{len(files_b)} mart files identical in rows and bytes")
