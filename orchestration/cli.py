"""The `gongkai` command: `run` materialises years through Dagster's own execution; `ui` starts Dagster.

Both check the input and the warehouse first (nothing is created when a check fails), take the
warehouse lock (one run per warehouse at a time), set the input and warehouse folders in the
environment and a persistent DAGSTER_HOME under the warehouse (telemetry and the community modal
off) before the definitions load, so the UI sees the CLI's runs. Every error is one line on stderr;
the exit codes are in EXIT_CODES.
"""

from __future__ import annotations

import argparse
import errno
import os
import re
import shutil
import signal
import socket
import sys
import tempfile
import time
import traceback
from pathlib import Path

from orchestration.resources import DEFAULT_INPUT

DAGSTER_SECTIONS = {"telemetry": "telemetry:\n  enabled: false\n", "nux": "nux:\n  enabled: false\n"}
DAGSTER_YAML = "".join(DAGSTER_SECTIONS.values())
# Dagster logs every step event, and a failure with its traceback; the CLI prints its own progress,
# summary and one-line reasons instead (the full events stay in the instance, for the UI).
QUIET = {"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}}

EXIT_OK, EXIT_STOPPED, EXIT_USAGE, EXIT_BUSY, EXIT_WAREHOUSE, EXIT_NO_REPORTS, EXIT_INTERRUPTED = 0, 1, 2, 3, 4, 5, 130
EXIT_CODES = {
    EXIT_OK: "the pipeline ran (reports may still be quarantined; see dq_findings)",
    EXIT_STOPPED: "a blocking check or a failed step stopped a year (the message names it), or an unexpected error",
    EXIT_USAGE: "bad command line, or the input cannot be used (missing, a file, empty, unreadable), "
                "or the intake failed, or the UI port is busy",
    EXIT_BUSY: "another gongkai run holds the warehouse lock (the message names its PID)",
    EXIT_WAREHOUSE: "the warehouse cannot be written (not writable, read-only, disk full); the marts are left as they were",
    EXIT_NO_REPORTS: "the input holds no report files (every file was rejected; see dq_findings)",
    EXIT_INTERRUPTED: "interrupted (Ctrl-C): the whole run stopped; every year is either as before or fully written",
}
STORAGE_ERRNOS = {errno.ENOSPC: "the disk is full", errno.EDQUOT: "the disk quota is exhausted",
                  errno.EROFS: "it is on a read-only file system", errno.EACCES: "permission denied",
                  errno.EPERM: "permission denied"}


class Fail(Exception):
    """A one-line error with its exit code."""

    def __init__(self, code: int, message: str):
        super().__init__(message)
        self.code = code


def say(msg: str) -> None:
    """One line on stderr."""
    print(f"gongkai: {msg}", file=sys.stderr, flush=True)


def parse_years(text: str) -> list[int] | None:
    """`all` → None; `2019,2020`, `2019-2021` and mixes (`2019,2021-2022`) → sorted years."""
    t = (text or "").strip().lower()
    if t == "all":
        return None
    bad = argparse.ArgumentTypeError(f"{text!r} is not a list of years: use 2019,2020 or a range 2019-2021 "
                                     "(earlier year first, 1900-2100), or all")
    years: set[int] = set()
    for part in t.split(","):
        m = re.fullmatch(r"\s*(\d{4})\s*(?:-\s*(\d{4})\s*)?", part)
        if not m:
            raise bad
        a, b = int(m.group(1)), int(m.group(2) or m.group(1))
        if b < a or not (1900 <= a <= 2100 and 1900 <= b <= 2100):
            raise bad
        years.update(range(a, b + 1))
    return sorted(years)


def _storage_reason(exc: OSError) -> str:
    return STORAGE_ERRNOS.get(exc.errno, exc.strerror or str(exc))


def check_input(path: str) -> Path:
    """The input folder must exist, be a folder, be readable and hold at least one entry."""
    p = Path(path).expanduser()
    if not p.exists():
        raise Fail(EXIT_USAGE, f"input folder {p} does not exist (--input)")
    if not p.is_dir():
        raise Fail(EXIT_USAGE, f"input {p} is a file, not a folder; pass the folder that holds the reports (--input)")
    try:
        with os.scandir(p) as it:
            empty = next(it, None) is None
    except OSError as exc:
        raise Fail(EXIT_USAGE, f"input folder {p} cannot be read: {exc.strerror or exc}") from None
    if empty:
        raise Fail(EXIT_USAGE, f"input folder {p} is empty: there are no report files to read (--input)")
    return p.resolve()


def check_warehouse(path: str) -> Path:
    """The warehouse (or, if it does not exist yet, the folder it would be created in) must take a write.

    A small probe file is written, synced and removed, so a read-only file system, missing write
    permission and a full disk are all found before anything is created.
    """
    from transforms.marts import test_fault

    wh = Path(path).expanduser().resolve()
    if wh.exists() and not wh.is_dir():
        raise Fail(EXIT_WAREHOUSE, f"warehouse {wh} is a file, not a folder (--warehouse)")
    probe_dir = wh
    while not probe_dir.exists():
        probe_dir = probe_dir.parent
    if not probe_dir.is_dir():
        raise Fail(EXIT_WAREHOUSE, f"warehouse {wh} cannot be created: {probe_dir} is a file")
    try:
        test_fault("preflight")
        fd, name = tempfile.mkstemp(prefix=".gongkai-probe-", dir=probe_dir)
        try:
            os.write(fd, b"\0" * 65536)
            os.fsync(fd)
        finally:
            os.close(fd)
            os.unlink(name)
    except OSError as exc:
        where = f"warehouse {wh}" if probe_dir == wh else f"folder {probe_dir} (where the warehouse {wh} would go)"
        raise Fail(EXIT_WAREHOUSE, f"cannot write to the {where}: {_storage_reason(exc)}; nothing was changed") from None
    return wh


def check_port(port: int) -> None:
    """The UI port must be free on 127.0.0.1 (otherwise `dagster dev` would wait or fail obscurely)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError as exc:
            raise Fail(EXIT_USAGE, f"port {port} on 127.0.0.1 is already in use ({exc.strerror}); "
                                   "stop what uses it or pick another with --port (make ui PORT=…)") from None


def _lock(wh: Path, wait: float):
    """Take the warehouse lock, waiting up to `wait` seconds; exit 3 naming the holder otherwise."""
    from orchestration.lock import WarehouseBusy, WarehouseLock

    wh.mkdir(parents=True, exist_ok=True)
    try:
        return WarehouseLock(wh).acquire(
            wait, on_wait=lambda pid: print(f"  waiting up to {wait:.0f} s for the gongkai run holding {wh} "
                                            f"(PID {pid or '?'}) …", flush=True))
    except WarehouseBusy as exc:
        raise Fail(EXIT_BUSY, str(exc)) from None


def _prepare(input_dir: str, warehouse: str, max_file_mb: float | None = None, scope: str = "shared") -> Path:
    """Point the environment at the folders and create DAGSTER_HOME with telemetry and the modal disabled."""
    wh = Path(warehouse).resolve()
    home = wh / ".dagster"
    home.mkdir(parents=True, exist_ok=True)
    cfg = home / "dagster.yaml"
    text = cfg.read_text() if cfg.exists() else ""
    missing = [body for key, body in DAGSTER_SECTIONS.items() if not re.search(rf"^{key}\s*:", text, re.M)]
    if missing:  # keep the user's own instance settings
        tmp = cfg.with_name(f".dagster.yaml.tmp-{os.getpid()}")
        tmp.write_text((text.rstrip("\n") + "\n" if text.strip() else "") + "".join(missing))
        os.replace(tmp, cfg)
    os.environ["GONGKAI_INPUT"] = str(Path(input_dir).resolve())
    os.environ["GONGKAI_WAREHOUSE"] = str(wh)
    os.environ["GONGKAI_LAYER_SCOPE"] = scope
    os.environ["DAGSTER_HOME"] = str(home)
    if max_file_mb is not None:
        os.environ["GONGKAI_MAX_FILE_BYTES"] = str(int(max_file_mb * 1024 * 1024))
    os.environ.setdefault("DAGSTER_DISABLE_TELEMETRY", "1")
    return wh


def _failure_messages(result) -> list[str]:
    """Why a run failed: failed steps and failed blocking checks, in words."""
    msgs = []
    for ev in result.all_events:
        if ev.event_type_value == "STEP_FAILURE":
            err = ev.event_specific_data.error
            chain = []
            while err is not None:  # Dagster wraps the user's exception; its cause says what went wrong
                chain.append(err.message.strip().splitlines()[0] if err.message.strip() else err.cls_name)
                err = err.cause
            msgs.append(f"step {ev.step_key} failed: " + (" ← ".join(chain) or "unknown error"))
        elif ev.event_type_value == "ASSET_CHECK_EVALUATION":
            data = ev.event_specific_data
            if not data.passed:
                meta = {k: getattr(v, "value", v) for k, v in (data.metadata or {}).items()}
                why = meta.get("summary") or meta.get("details") or ""
                msgs.append(f"blocking check {data.check_name} on {data.asset_key.to_user_string()} failed: {why}")
    return msgs


def _summary(warehouse: Path, year: int) -> str:
    """One line per year: reports by status, cells by source, findings."""
    import polars as pl

    from transforms.marts import partition_dir

    marts = warehouse / "marts"

    def read(t):
        p = partition_dir(marts, t, year) / "part-0.parquet"
        return pl.read_parquet(p, hive_partitioning=False) if p.exists() else None

    dim, fnd = read("dim_report"), read("dq_findings")
    if dim is None:
        return f"  {year}: no marts written"
    status = dict(dim.group_by("parse_status").len().iter_rows())
    cells: dict[str, int] = {}
    for t in ("fact_request_handling", "fact_active_disclosure", "fact_review_litigation"):
        df = read(t)
        if df is not None:
            for s, n in df.group_by("cell_source").len().iter_rows():
                cells[s] = cells.get(s, 0) + n
    errors = 0 if fnd is None else int((fnd["severity"] == "error").sum())
    return (f"  {year}: {len(dim)} reports (ok {status.get('ok', 0)}, partial {status.get('partial', 0)}, "
            f"quarantined {status.get('quarantined', 0)}); cells " + ", ".join(f"{k} {v}" for k, v in sorted(cells.items()))
            + f"; findings {0 if fnd is None else len(fnd)} ({errors} errors)")


def _storage_error(result) -> str | None:
    """A failed run that failed because the warehouse could not be written: why, in words."""
    for ev in result.all_events:
        if ev.event_type_value in ("STEP_FAILURE", "RUN_FAILURE") and getattr(ev.event_specific_data, "error", None):
            err = ev.event_specific_data.error
            while err is not None:
                m = re.search(r"\[Errno (\d+)\] ([^:\n]*)", err.message or "")
                if m and int(m.group(1)) in STORAGE_ERRNOS:
                    return f"{STORAGE_ERRNOS[int(m.group(1))]} ({m.group(2).strip()})"
                err = err.cause
    return None


def _interrupted(result) -> bool:
    """Whether Dagster stopped the run because of Ctrl-C (it captures SIGINT while it executes)."""
    for ev in result.all_events:
        data = ev.event_specific_data
        err = getattr(data, "error", None)
        if getattr(data, "error_source", None) is not None and str(getattr(data.error_source, "value", "")) == "INTERRUPT":
            return True
        while err is not None:
            if err.cls_name in ("KeyboardInterrupt", "DagsterExecutionInterruptedError"):
                return True
            err = err.cause
    return False


_SIGINT = {"received": False}


def _on_sigint(signo, frame) -> None:
    """Ctrl-C outside Dagster's execution: noted, acted on at the next checkpoint (never mid-write)."""
    _SIGINT["received"] = True


def _checkpoint() -> None:
    if _SIGINT["received"]:
        raise KeyboardInterrupt


def _check(result, wh: Path, what: str) -> None:
    """Turn an interrupted run or an unwritable warehouse into the whole run's exit."""
    if _interrupted(result):
        raise KeyboardInterrupt
    _checkpoint()
    if (why := _storage_error(result)) is not None:
        raise Fail(EXIT_WAREHOUSE, f"cannot write to the warehouse {wh}: {why} during {what}; "
                                   "the marts are left as they were")


def cmd_run(args) -> int:
    """Check the input and warehouse, take the lock, run intake, every chosen year and continuity."""
    _shards_env(args)
    if getattr(args, "profile", "local") == "distributed":  # the daemon and the Celery workers run the years
        from orchestration.profiles import run_distributed

        return run_distributed(args)
    inp = check_input(args.input)
    wh = check_warehouse(args.warehouse)
    years_wanted = parse_years(args.years) if isinstance(args.years, str) else args.years
    lock = _lock(wh, args.lock_wait)
    signal.signal(signal.SIGINT, _on_sigint)  # Dagster installs its own while it executes, then restores ours
    try:
        _checkpoint()
        return _run_locked(args, inp, wh, years_wanted)
    finally:
        lock.release()


def _unsynced_history(home: Path) -> None:
    """Dagster's sqlite run history under `home` is written without fsync (`PRAGMA synchronous=OFF`).

    Dagster commits every event in its own transaction, and each fsync costs milliseconds: a run on
    the sample corpus stores about 560. Without fsync a killed run loses nothing (SQLite's journal
    still makes each commit atomic); only an operating-system crash or power loss may lose or damage
    the history of the last moments. The marts do not live in these files and are unaffected.
    Applies only to this process (`gongkai run`); the UI's processes keep SQLite's defaults.
    """
    import sqlite3

    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    root = str(home.resolve())

    def on_connect(dbapi_connection, _record) -> None:
        if not isinstance(dbapi_connection, sqlite3.Connection):
            return
        rows = dbapi_connection.execute("PRAGMA database_list").fetchall()
        if any(r[2] and str(Path(r[2]).resolve()).startswith(root) for r in rows):
            dbapi_connection.execute("PRAGMA synchronous=OFF")

    if not event.contains(Engine, "connect", on_connect):
        event.listen(Engine, "connect", on_connect)


def _run_locked(args, inp: Path, wh: Path, years_wanted: list[int] | None) -> int:
    scope = f"run-{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}"
    layers = wh / "layers"
    for stale in layers.glob("run-*") if layers.is_dir() else []:  # left by killed or failed runs (we hold the lock)
        shutil.rmtree(stale, ignore_errors=True)
    wh = _prepare(str(inp), str(wh), args.max_file_mb, scope=scope)
    _engine_env(args)
    _unsynced_history(wh / ".dagster")
    from dagster import DagsterInstance

    from orchestration import progress

    from orchestration.definitions import defs
    from orchestration.partitions import SHARDS, YEAR_PARTITIONS

    _check_shards()
    instance = DagsterInstance.get()
    t0 = time.perf_counter()
    print(f"gongkai: input {os.environ['GONGKAI_INPUT']} → warehouse {wh}", flush=True)
    intake = defs.resolve_job_def("intake").execute_in_process(instance=instance, raise_on_error=False, run_config=QUIET)
    _check(intake, wh, "the intake")
    if not intake.success:
        say("intake failed: " + "; ".join(_failure_messages(intake) or ["unknown failure"]))
        return EXIT_USAGE
    manifest = intake.output_for_node("landing_manifest")
    rejected_no_year = manifest.filter(manifest["report_year"].is_null()).height
    accepted = manifest.filter(manifest["status"] == "accepted").height
    known = sorted(int(y) for y in instance.get_dynamic_partitions(YEAR_PARTITIONS.name)
                   if int(y) in set(manifest["report_year"].drop_nulls().to_list()))
    years = known if years_wanted is None else years_wanted
    print(f"  landing: {manifest.height} files, {accepted} accepted, "
          f"{rejected_no_year} without a year; years found: {', '.join(map(str, known)) or 'none'}", flush=True)
    if accepted == 0:
        say(f"warning: no report files in {inp}: none of its {manifest.height} file(s) is a report "
            "(each rejection is in dq_findings)")
        return EXIT_NO_REPORTS
    failed = False
    totals = progress.RunTotals()
    per_year = dict(manifest.group_by("report_year").len().iter_rows())
    for i, year in enumerate(years, 1):
        if year not in known:
            print(f"  [{i}/{len(years)}] {year}: no reports for this year in the input; skipped", flush=True)
            continue
        _checkpoint()
        t = time.perf_counter()
        print(f"  [{i}/{len(years)}] {year}: running …" + (f" ({SHARDS} shards)" if SHARDS > 1 else ""), flush=True)
        with progress.year(year, total=per_year.get(year, 0)) as shown:  # live line on a terminal
            res, why = _run_year(defs, instance, wh, year)
        totals.add(shown)
        if res.success:
            print(_summary(wh, year) + f" ({time.perf_counter() - t:.1f} s)", flush=True)
            if shown.summary():
                print(f"    {shown.summary()}", flush=True)
        else:
            failed = True
            print(f"  {year}: STOPPED\n    " + "\n    ".join(why or ["unknown failure"]), flush=True)
    cont = defs.resolve_job_def("continuity").execute_in_process(instance=instance, raise_on_error=False, run_config=QUIET)
    _check(cont, wh, "the cross-year continuity")
    if cont.success:
        n = cont.asset_materializations_for_node("cross_year_continuity")[0].metadata["violations"].value
        print(f"  cross-year continuity: {n} violation(s) across the years in the warehouse", flush=True)
    else:
        failed = True
        print("  cross-year continuity: STOPPED\n    " + "\n    ".join(_failure_messages(cont)), flush=True)
    print(totals.line(), flush=True)
    from transforms.yearbook import yearbook_path

    for year in years:  # the static page per year (charts inline, opens with no network)
        if yearbook_path(wh, int(year)).exists():
            print(f"  yearbook {year}: {yearbook_path(wh, int(year))}", flush=True)
    from transforms.marts import ViewsNotRefreshed, refresh_views

    try:
        refresh_views(wh)  # nothing to do when the assets made them; says why when they could not
    except ViewsNotRefreshed as exc:
        say(f"warning: DuckDB views not refreshed: {exc}")
    print(f"done in {time.perf_counter() - t0:.1f} s; DuckDB views: {wh / 'gongkai.duckdb'}", flush=True)
    if not failed:
        shutil.rmtree(layers / scope, ignore_errors=True)  # this run's intermediates
    return EXIT_STOPPED if failed else EXIT_OK


def _run_year(defs, instance, wh: Path, year: int):
    """One year through Dagster: (the last run's result, why it failed).

    Without shards one run of `year_pipeline`. With shards (GONGKAI_SHARDS > 1) `year_plan`, then
    `shard_pipeline` once per shard of the year, then `marts_pipeline`; a failed run stops the year
    (its marts are not built, so the warehouse keeps the year as it was).
    """
    from orchestration import progress
    from orchestration.partitions import SHARDED, SHARDS, shard_key

    def run(job: str, key, what: str):
        res = defs.resolve_job_def(job).execute_in_process(partition_key=key, instance=instance,
                                                           raise_on_error=False, run_config=QUIET)
        _check(res, wh, what)
        return res

    if not SHARDED:
        res = run("year_pipeline", str(year), f"the {year} run")
        return res, None if res.success else _failure_messages(res)
    res = run("year_plan", str(year), f"the {year} shard plan")
    if not res.success:
        return res, ["shard plan: " + m for m in _failure_messages(res)]
    for k in range(SHARDS):
        _checkpoint()
        progress.shard(k, SHARDS)
        res = run("shard_pipeline", shard_key(year, k), f"the {year} run (shard {k + 1}/{SHARDS})")
        if not res.success:
            return res, [f"shard {k + 1}/{SHARDS}: " + m for m in _failure_messages(res)]
    _checkpoint()
    res = run("marts_pipeline", str(year), f"the {year} marts")
    return res, None if res.success else _failure_messages(res)


def _shards_env(args) -> None:
    """--shards reaches the definitions through $GONGKAI_SHARDS, read when orchestration/partitions.py loads."""
    n = getattr(args, "shards", None)
    if n is not None:
        os.environ["GONGKAI_SHARDS"] = str(n)
    try:
        from orchestration.partitions import shard_count

        shard_count()
    except ValueError as exc:  # not a whole number from 1 to MAX_SHARDS
        why = str(exc) if n is None else f"--shards {n} is not a shard count:{str(exc).split(':', 1)[1]}"
        raise Fail(EXIT_USAGE, why) from None


def _check_shards() -> None:
    """The definitions in this process were loaded with the shard count asked for (an in-process caller
    that loaded them before with another count gets a clear error, never a run with the wrong one)."""
    from orchestration.partitions import SHARDS, shard_count

    if shard_count() != SHARDS:
        raise Fail(EXIT_USAGE, f"the definitions in this process were loaded with {SHARDS} shard(s), not "
                               f"{shard_count()}: run gongkai in a new process")


def _engine_env(args) -> None:
    """--workers and --report-budget-s reach the batch engine (transforms/engine.py) through the environment."""
    if getattr(args, "workers", None):
        os.environ["GONGKAI_WORKERS"] = str(max(1, args.workers))
    if getattr(args, "report_budget_s", None) is not None:
        os.environ["GONGKAI_REPORT_BUDGET_S"] = str(args.report_budget_s)


def cmd_ui(args) -> int:
    """Start the Dagster webserver and daemon (`dagster dev`) on 127.0.0.1 only."""
    inp = check_input(args.input)
    wh = check_warehouse(args.warehouse)
    check_port(args.port)
    lock = _lock(wh, args.lock_wait)  # only while the instance is created (the sqlite init race)
    try:
        _shards_env(args)
        _prepare(str(inp), str(wh), args.max_file_mb, scope="ui")
        _engine_env(args)
        from dagster import DagsterInstance

        DagsterInstance.get().get_runs(limit=1)
    finally:
        lock.release()
    bin_dir = Path(sys.executable).parent
    dagster = str(bin_dir / "dagster") if (bin_dir / "dagster").exists() else "dagster"
    argv = [dagster, "dev", "-h", "127.0.0.1", "-p", str(args.port), "-m", "orchestration.definitions"]
    print("gongkai ui: " + " ".join(argv), flush=True)
    os.execv(dagster, argv) if os.path.isabs(dagster) else os.execvp(dagster, argv)
    return 0


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line with a hint (exit 2)."""

    def error(self, message: str):
        self.exit(EXIT_USAGE, f"gongkai: {message} (see '{self.prog} --help')\n")


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and dispatch; every failure is one line and an exit code (EXIT_CODES)."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0] in ("synth", "export"):  # each has its own parser (its --help lists its options)
        if argv[0] == "synth":
            from transforms.synth.cli import main as synth_main

            return synth_main(argv[1:])
        from orchestration.export import main as export_main

        return export_main(argv[1:])
    ap = _Parser(prog="gongkai", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter,
                 epilog="exit codes:\n" + "\n".join(f"  {k:>3}  {v}" for k, v in EXIT_CODES.items()))
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("synth", help="write N synthetic reports with their truth files (gongkai synth --help)")
    sub.add_parser("export", help="write the marts and analysis views as csv, xlsx or parquet (gongkai export --help)")
    for name in ("run", "ui"):
        p = sub.add_parser(name)
        p.add_argument("--input", default=str(DEFAULT_INPUT), help="landing folder (default: the bundled sample corpus)")
        p.add_argument("--warehouse", default="warehouse", help="warehouse folder (default: ./warehouse)")
        p.add_argument("--max-file-mb", type=float, default=None,
                       help="files larger than this are rejected as oversize (default 20, or $GONGKAI_MAX_FILE_BYTES)")
        p.add_argument("--lock-wait", type=float, default=30.0, metavar="SECONDS",
                       help="how long to wait for another gongkai run on the same warehouse (default 30)")
        p.add_argument("--workers", type=int, default=None, metavar="N",
                       help="worker processes for the per-report work (default: all cores; 1 = in-process)")
        p.add_argument("--report-budget-s", type=float, default=None, metavar="SECONDS",
                       help="time budget per report and layer; past it the report is partial (default 20, 0 = none)")
        p.add_argument("--shards", type=int, default=None, metavar="N",
                       help="split each year into N shards for the per-report layers, for a year too big for one "
                            "worker (default 1, or $GONGKAI_SHARDS); the marts stay one per year, the same cells")
        if name == "run":
            p.add_argument("--years", default=None, type=parse_years,
                           help="years to run: 2019,2020 or a range 2019-2021 or all (default)")
            p.add_argument("--profile", choices=("local", "distributed"), default=os.environ.get("GONGKAI_PROFILE") or "local",
                           help="local (default: sqlite, this process, local folders) or distributed (DAGSTER_HOME's "
                                "Postgres instance, the daemon and Celery workers; --input/--warehouse may be s3://… "
                                "URLs); see deploy/README.md")
        else:
            p.add_argument("--port", type=int, default=3000)
    args = ap.parse_args(argv)
    wh = Path(args.warehouse).expanduser().resolve()
    try:
        return cmd_run(args) if args.cmd == "run" else cmd_ui(args)
    except Fail as exc:
        say(str(exc))
        return exc.code
    except KeyboardInterrupt:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not interrupt the clean exit
        say("interrupted: the run stopped; every year in the warehouse is either as it was or fully written")
        return EXIT_INTERRUPTED
    except OSError as exc:
        if exc.errno in STORAGE_ERRNOS:
            say(f"cannot write to the warehouse {wh}: {_storage_reason(exc)} ({exc.strerror}); "
                "the marts are left as they were")
            return EXIT_WAREHOUSE
        return _unexpected(wh)
    except Exception:  # never a traceback on the terminal: one line, the details in a file
        return _unexpected(wh)


def _unexpected(wh: Path) -> int:
    exc = sys.exc_info()[1]
    log = wh / ".gongkai-error.log" if wh.is_dir() else Path(tempfile.gettempdir()) / "gongkai-error.log"
    try:
        log.write_text(traceback.format_exc(), encoding="utf-8")
        where = f"; details in {log}"
    except OSError:
        where = ""
    say(f"unexpected error: {type(exc).__name__}: {str(exc).strip().splitlines()[0] if str(exc).strip() else ''}{where}")
    return EXIT_STOPPED


if __name__ == "__main__":
    sys.exit(main())
