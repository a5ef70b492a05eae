"""The `gongkai` command: `run` materialises years through Dagster's own execution; `ui` starts Dagster.

Both set the input and warehouse folders in the environment and a persistent DAGSTER_HOME under
the warehouse (telemetry off) before the definitions load, so the UI sees the CLI's runs.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from orchestration.resources import DEFAULT_INPUT

DAGSTER_YAML = "telemetry:\n  enabled: false\n"
# Dagster logs every step event at DEBUG; the CLI prints its own progress and summary instead.
QUIET = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}


def _prepare(input_dir: str, warehouse: str, max_file_mb: float | None = None) -> Path:
    """Point the environment at the folders and create DAGSTER_HOME with telemetry disabled."""
    wh = Path(warehouse).resolve()
    home = wh / ".dagster"
    home.mkdir(parents=True, exist_ok=True)
    cfg = home / "dagster.yaml"
    if not cfg.exists():
        cfg.write_text(DAGSTER_YAML)
    elif "telemetry" not in cfg.read_text():  # keep the user's own instance settings
        cfg.write_text(cfg.read_text().rstrip("\n") + "\n" + DAGSTER_YAML)
    os.environ["GONGKAI_INPUT"] = str(Path(input_dir).resolve())
    os.environ["GONGKAI_WAREHOUSE"] = str(wh)
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
        return pl.read_parquet(p) if p.exists() else None

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


def cmd_run(args) -> int:
    """Materialise the intake job, then every chosen year partition, and print a summary."""
    wh = _prepare(args.input, args.warehouse, args.max_file_mb)
    from dagster import DagsterInstance

    from orchestration.definitions import defs
    from orchestration.partitions import YEAR_PARTITIONS

    instance = DagsterInstance.get()
    t0 = time.perf_counter()
    print(f"gongkai: input {os.environ['GONGKAI_INPUT']} → warehouse {wh}", flush=True)
    intake = defs.resolve_job_def("intake").execute_in_process(instance=instance, raise_on_error=False, run_config=QUIET)
    if not intake.success:
        print("intake failed:\n  " + "\n  ".join(_failure_messages(intake)), file=sys.stderr)
        return 2
    manifest = intake.output_for_node("landing_manifest")
    rejected_no_year = manifest.filter(manifest["report_year"].is_null()).height
    known = sorted(int(y) for y in instance.get_dynamic_partitions(YEAR_PARTITIONS.name)
                   if int(y) in set(manifest["report_year"].drop_nulls().to_list()))
    years = known if args.years in (None, "all") else sorted({int(y) for y in args.years.split(",") if y.strip()})
    print(f"  landing: {manifest.height} files, {manifest.filter(manifest['status'] == 'accepted').height} accepted, "
          f"{rejected_no_year} without a year; years found: {', '.join(map(str, known)) or 'none'}", flush=True)
    job = defs.resolve_job_def("year_pipeline")
    failed = False
    for i, year in enumerate(years, 1):
        if year not in known:
            print(f"  [{i}/{len(years)}] {year}: no reports for this year in the input; skipped", flush=True)
            continue
        t = time.perf_counter()
        print(f"  [{i}/{len(years)}] {year}: running …", flush=True)
        res = job.execute_in_process(partition_key=str(year), instance=instance, raise_on_error=False,
                                     run_config=QUIET)
        if res.success:
            print(_summary(wh, year) + f" ({time.perf_counter() - t:.1f} s)", flush=True)
        else:
            failed = True
            print(f"  {year}: STOPPED\n    " + "\n    ".join(_failure_messages(res) or ["unknown failure"]), flush=True)
    cont = defs.resolve_job_def("continuity").execute_in_process(instance=instance, raise_on_error=False, run_config=QUIET)
    if cont.success:
        n = cont.asset_materializations_for_node("cross_year_continuity")[0].metadata["violations"].value
        print(f"  cross-year continuity: {n} violation(s) across the years in the warehouse", flush=True)
    else:
        failed = True
        print("  cross-year continuity: STOPPED\n    " + "\n    ".join(_failure_messages(cont)), flush=True)
    print(f"done in {time.perf_counter() - t0:.1f} s; DuckDB views: {wh / 'gongkai.duckdb'}", flush=True)
    return 1 if failed else 0


def cmd_ui(args) -> int:
    """Start the Dagster webserver and daemon (`dagster dev`) on 127.0.0.1 only."""
    _prepare(args.input, args.warehouse, args.max_file_mb)
    bin_dir = Path(sys.executable).parent
    dagster = str(bin_dir / "dagster") if (bin_dir / "dagster").exists() else "dagster"
    argv = [dagster, "dev", "-h", "127.0.0.1", "-p", str(args.port), "-m", "orchestration.definitions"]
    print("gongkai ui: " + " ".join(argv), flush=True)
    os.execv(dagster, argv) if os.path.isabs(dagster) else os.execvp(dagster, argv)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and dispatch."""
    ap = argparse.ArgumentParser(prog="gongkai", description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("run", "ui"):
        p = sub.add_parser(name)
        p.add_argument("--input", default=str(DEFAULT_INPUT), help="landing folder (default: the bundled sample corpus)")
        p.add_argument("--warehouse", default="warehouse", help="warehouse folder (default: ./warehouse)")
        p.add_argument("--max-file-mb", type=float, default=None,
                       help="files larger than this are rejected as oversize (default 20, or $GONGKAI_MAX_FILE_BYTES)")
        if name == "run":
            p.add_argument("--years", default="all", help="comma-separated years, or 'all' (default)")
        else:
            p.add_argument("--port", type=int, default=3000)
    args = ap.parse_args(argv)
    return cmd_run(args) if args.cmd == "run" else cmd_ui(args)


if __name__ == "__main__":
    sys.exit(main())
