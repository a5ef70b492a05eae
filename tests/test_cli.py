"""The CLI speaks one clear line, never a traceback, and fails before it creates anything.

Fast tests call `orchestration.cli.main` in-process (every check runs before Dagster is imported);
the end-to-end ones drive the `gongkai` executable: no report files, a full disk or a read-only
warehouse in the middle of a run, and Ctrl-C.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import signal
import socket
import subprocess
from pathlib import Path

import duckdb
import pytest

from helpers_dagster import GONGKAI, SAMPLE_CORPUS, child_env, stop_group, tail, wait_for
from orchestration import cli
from orchestration.lock import WarehouseLock
from transforms.marts import FAULT_ENV


def run_cli(capsys, *argv: str) -> tuple[int, str]:
    """cli.main in-process: (exit code, stderr)."""
    try:
        code = cli.main(list(argv))
    except SystemExit as exc:  # argparse
        code = exc.code
    return code, capsys.readouterr().err


def one_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in err, err
    assert lines[0].startswith("gongkai: "), err
    return lines[0]


@pytest.fixture
def corpus(tmp_path) -> Path:
    d = tmp_path / "in"
    shutil.copytree(SAMPLE_CORPUS, d)
    return d


@pytest.fixture(autouse=True)
def _env(monkeypatch):
    """cli._prepare sets these; give them back after each test."""
    for key in ("GONGKAI_INPUT", "GONGKAI_WAREHOUSE", "GONGKAI_LAYER_SCOPE", "DAGSTER_HOME", FAULT_ENV):
        monkeypatch.delenv(key, raising=False)


def test_years_accepts_lists_ranges_and_all():
    assert cli.parse_years("all") is None and cli.parse_years(" ALL ") is None
    assert cli.parse_years("2019,2020") == [2019, 2020]
    assert cli.parse_years("2019-2021") == [2019, 2020, 2021]
    assert cli.parse_years("2022, 2019-2020") == [2019, 2020, 2022]
    for bad in ("20x9", "2021-2019", "2019;2020", "", "19", "2019-", "1800", "2019,,2020"):
        with pytest.raises(argparse.ArgumentTypeError):
            cli.parse_years(bad)


@pytest.mark.parametrize("years", ["20x9", "2021-2019", "last"])
def test_bad_years_exit_2_with_a_hint(capsys, tmp_path, corpus, years):
    code, err = run_cli(capsys, "run", "--input", str(corpus), "--warehouse", str(tmp_path / "wh"), "--years", years)
    line = one_line(err)
    assert code == 2 and "2019,2020" in line and "2019-2021" in line and "all" in line, line
    assert not (tmp_path / "wh").exists()


def test_bad_input_is_one_line_and_creates_nothing(capsys, tmp_path):
    wh = tmp_path / "wh"
    (tmp_path / "a_file.txt").write_text("x")
    (tmp_path / "empty").mkdir()
    for inp, words in ((tmp_path / "missing", "does not exist"), (tmp_path / "a_file.txt", "is a file"),
                       (tmp_path / "empty", "is empty")):
        code, err = run_cli(capsys, "run", "--input", str(inp), "--warehouse", str(wh))
        assert code == 2 and words in one_line(err), err
        assert not wh.exists()


@pytest.mark.parametrize("errno_name, words", [("EROFS", "read-only"), ("ENOSPC", "disk is full"),
                                                ("EACCES", "permission denied")])
def test_an_unwritable_warehouse_is_found_before_anything_is_created(capsys, monkeypatch, tmp_path, corpus,
                                                                       errno_name, words):
    monkeypatch.setenv(FAULT_ENV, errno_name)
    wh = tmp_path / "new" / "wh"
    code, err = run_cli(capsys, "run", "--input", str(corpus), "--warehouse", str(wh))
    assert code == 4 and words in one_line(err), err
    assert not (tmp_path / "new").exists() and sorted(p.name for p in tmp_path.iterdir()) == ["in"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through permission bits")
def test_a_warehouse_without_write_permission(capsys, tmp_path, corpus):
    wh = tmp_path / "wh"
    wh.mkdir()
    wh.chmod(0o555)
    try:
        code, err = run_cli(capsys, "run", "--input", str(corpus), "--warehouse", str(wh))
    finally:
        wh.chmod(0o755)
    assert code == 4 and "permission denied" in one_line(err)
    assert list(wh.iterdir()) == []


def test_a_warehouse_that_is_a_file(capsys, tmp_path, corpus):
    (tmp_path / "wh").write_text("not a folder")
    code, err = run_cli(capsys, "run", "--input", str(corpus), "--warehouse", str(tmp_path / "wh"))
    assert code == 4 and "is a file" in one_line(err)


def test_a_locked_warehouse_exits_3_naming_the_holder(capsys, tmp_path, corpus):
    wh = tmp_path / "wh"
    wh.mkdir()
    with WarehouseLock(wh).acquire(0):
        code, err = run_cli(capsys, "run", "--input", str(corpus), "--warehouse", str(wh), "--lock-wait", "0.5")
    line = one_line(err)
    assert code == 3 and f"PID {os.getpid()}" in line and "--lock-wait" in line, line
    assert sorted(p.name for p in wh.iterdir()) == [".lock"]  # no instance, no layers, no marts


def test_ui_on_a_busy_port_exits_with_a_message(capsys, tmp_path, corpus):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        code, err = run_cli(capsys, "ui", "--input", str(corpus), "--warehouse", str(tmp_path / "wh"),
                            "--port", str(port))
    line = one_line(err)
    assert code == 2 and f"port {port}" in line and "--port" in line, line
    assert not (tmp_path / "wh").exists()


def test_dagster_yaml_turns_telemetry_and_the_community_modal_off_and_keeps_user_settings(tmp_path, corpus):
    home = tmp_path / "wh" / ".dagster"
    home.mkdir(parents=True)
    (home / "dagster.yaml").write_text("run_queue:\n  max_concurrent_runs: 2\ntelemetry:\n  enabled: false\n")
    cli._prepare(str(corpus), str(tmp_path / "wh"))
    text = (home / "dagster.yaml").read_text()
    assert "max_concurrent_runs: 2" in text and text.count("telemetry:") == 1 and "nux:\n  enabled: false" in text
    cli._prepare(str(corpus), str(tmp_path / "wh2"))
    assert (tmp_path / "wh2" / ".dagster" / "dagster.yaml").read_text() == cli.DAGSTER_YAML


# ---- end to end ---------------------------------------------------------------------------------

def _gongkai(tmp_path: Path, *args: str, env: dict[str, str] | None = None, timeout: float = 1800):
    return subprocess.run([str(GONGKAI), *args], cwd=tmp_path, env=child_env() | (env or {}),
                          capture_output=True, text=True, timeout=timeout)


def _digests(wh: Path) -> dict[str, str]:
    return {p.relative_to(wh).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted((wh / "marts").rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def small_warehouse(tmp_path_factory) -> tuple[Path, Path]:
    """(input, warehouse) of one finished run over two reports of the sample (one per year)."""
    base = tmp_path_factory.mktemp("small")
    inp = base / "in"
    inp.mkdir()
    for name in sorted(os.listdir(SAMPLE_CORPUS))[:1] + sorted(os.listdir(SAMPLE_CORPUS))[-1:]:
        shutil.copy(SAMPLE_CORPUS / name, inp / name)
    res = _gongkai(base, "run", "--input", str(inp), "--warehouse", str(base / "wh"))
    assert res.returncode == 0, res.stdout + res.stderr
    return inp, base / "wh"


def _copy(wh: Path, dest: Path) -> Path:
    shutil.copytree(wh, dest, symlinks=True)
    return dest


def test_e2e_an_input_without_report_files_warns_and_exits_5(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "notes.txt").write_text("购物清单:苹果、梨。\n", encoding="utf-8")
    res = _gongkai(tmp_path, "run", "--input", str(inp), "--warehouse", str(tmp_path / "wh"))
    assert res.returncode == 5, res.stdout + res.stderr
    assert "no report files" in one_line(res.stderr)


@pytest.mark.parametrize("errno_name, words", [("ENOSPC", "disk is full"), ("EROFS", "read-only")])
def test_e2e_a_full_disk_or_read_only_warehouse_mid_run_is_one_line_and_keeps_the_marts(
        small_warehouse, tmp_path, errno_name, words):
    inp, base = small_warehouse
    wh = _copy(base, tmp_path / "wh")
    before = _digests(wh)
    res = _gongkai(tmp_path, "run", "--input", str(inp), "--warehouse", str(wh),
                   env={FAULT_ENV: f"{errno_name}@marts"})
    assert res.returncode == 4, res.stdout + res.stderr
    line = one_line(res.stderr)
    assert words in line and "left as they were" in line, line
    assert _digests(wh) == before
    assert not [p for p in wh.rglob("*") if p.name.startswith((".tmp", ".stage"))]


def test_e2e_ctrl_c_stops_the_whole_run_exits_130_and_leaves_the_warehouse_consistent(small_warehouse, tmp_path):
    inp, base = small_warehouse
    wh = _copy(base, tmp_path / "wh")
    before = _digests(wh)
    log = tmp_path / "run.log"
    with open(log, "wb") as fh:
        proc = subprocess.Popen([str(GONGKAI), "run", "--input", str(inp), "--warehouse", str(wh)], cwd=tmp_path,
                                env=child_env(), stdin=subprocess.DEVNULL, stdout=fh, stderr=subprocess.STDOUT,
                                start_new_session=True)
    try:
        wait_for(lambda: "[1/2]" in log.read_text(errors="replace"), timeout=1800, interval=0.2,
                 what="the first year to start", proc=proc, log=log)
        os.killpg(proc.pid, signal.SIGINT)  # what a terminal sends on Ctrl-C
        rc = proc.wait(timeout=1800)
    finally:
        stop_group(proc, signal.SIGKILL, timeout=10)
    out = log.read_text(errors="replace")
    assert rc == 130, f"rc {rc}\n{tail(log)}"
    assert "Traceback" not in out and "[2/2]" not in out, out
    assert "interrupted" in out.splitlines()[-1]
    after = _digests(wh)
    # the same input: a year is either untouched or rewritten with the same bytes, never half of it
    assert after == before, sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
    con = duckdb.connect(str(wh / "gongkai.duckdb"), read_only=True)
    try:
        assert con.execute("SELECT count(DISTINCT report_year) FROM dim_report").fetchone()[0] == 2
    finally:
        con.close()
