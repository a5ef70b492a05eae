"""Deployment profiles, chosen by configuration ($GONGKAI_PROFILE or `gongkai run --profile`), never by code.

- `local` (the default): sqlite instance under the warehouse, runs in the `gongkai` process, local folders.
- `distributed`: the instance's dagster.yaml (DAGSTER_HOME) names Postgres storage and the queued run
  coordinator; every run's steps go to Celery workers over Redis ($GONGKAI_CELERY_BROKER); landing and
  warehouse may be any fsspec URL ($GONGKAI_INPUT, $GONGKAI_WAREHOUSE). The daemon, the run workers and
  the Celery workers must all see the same environment (deploy/README.md).

The dagster.yaml of each profile is `dagster_yaml(profile)`; deploy/dagster.<profile>.yaml hold the same text.
"""

from __future__ import annotations

import os

PROFILE_ENV = "GONGKAI_PROFILE"
PROFILES = ("local", "distributed")
BROKER_ENV = "GONGKAI_CELERY_BROKER"
BACKEND_ENV = "GONGKAI_CELERY_BACKEND"
POSTGRES_ENV = "GONGKAI_POSTGRES_URL"
DEFAULT_BROKER = "redis://127.0.0.1:6379/0"

LOCAL_YAML = """\
# gongkai, local profile (the default): sqlite storage under DAGSTER_HOME, runs in the calling process.
# `gongkai run` and `gongkai ui` write this file into WAREHOUSE/.dagster themselves.
telemetry:
  enabled: false
nux:
  enabled: false
"""

DISTRIBUTED_YAML = """\
# gongkai, distributed profile: Postgres run/event/schedule storage, the queued run coordinator.
# The executor (Celery over Redis) is set by the code (orchestration/definitions.py) when
# GONGKAI_PROFILE=distributed; the daemon, the run workers and the Celery workers read this file
# from DAGSTER_HOME. SQLAlchemy 2.x maps postgresql:// to psycopg 3: keep the +psycopg2 scheme.
#   GONGKAI_POSTGRES_URL=postgresql+psycopg2://USER:PASSWORD@HOST:5432/DB
storage:
  postgres:
    postgres_url:
      env: GONGKAI_POSTGRES_URL
run_coordinator:
  module: dagster.core.run_coordinator
  class: QueuedRunCoordinator
  config:
    max_concurrent_runs: 8
run_launcher:
  module: dagster.core.launcher
  class: DefaultRunLauncher
telemetry:
  enabled: false
nux:
  enabled: false
"""

CELERY_WORKER_YAML = """\
# Config of `dagster-celery worker start -A dagster_celery.app -y celery.yaml`: the same broker the
# executor uses. A step is acknowledged only when done, so a killed worker's step goes back to the
# queue: with Redis, after the visibility timeout. That is 12 hours here (Celery's default is one
# hour), since a step still running when it ends is handed to a second worker: keep it above the
# longest step (one year's typed tables on one worker). Start each worker with `-- --pool=solo` to
# have it take one step at a time (the default pool takes one per process).
execution:
  config:
    broker:
      env: GONGKAI_CELERY_BROKER
    backend:
      env: GONGKAI_CELERY_BACKEND
    config_source:
      task_acks_late: true
      worker_prefetch_multiplier: 1
      broker_transport_options:
        visibility_timeout: 43200
"""

VISIBILITY_TIMEOUT_S = 43200


def profile() -> str:
    """The active profile: $GONGKAI_PROFILE, else `local`."""
    name = (os.environ.get(PROFILE_ENV) or "local").strip().lower()
    if name not in PROFILES:
        raise ValueError(f"{PROFILE_ENV}={name!r} is not a profile: use one of {', '.join(PROFILES)}")
    return name


def dagster_yaml(name: str) -> str:
    return {"local": LOCAL_YAML, "distributed": DISTRIBUTED_YAML}[name]


def celery_config() -> dict:
    broker = os.environ.get(BROKER_ENV) or DEFAULT_BROKER
    return {"broker": broker, "backend": os.environ.get(BACKEND_ENV) or broker,
            "config_source": {"task_acks_late": True, "worker_prefetch_multiplier": 1,
                              "broker_transport_options": {"visibility_timeout": VISIBILITY_TIMEOUT_S}}}


def executor():
    """The executor of the profile: None (Dagster's default) for local, Celery for distributed.

    Set on `Definitions(executor=…)` so that asset backfills (the implicit asset job) and the UI use it too.
    """
    if profile() == "local":
        return None
    from dagster_celery import celery_executor

    return celery_executor.configured(celery_config(), name="gongkai_celery")


# ---- `gongkai run --profile distributed` ----------------------------------------------------------

POLL_S = 1.0
NO_RUN_HINT_S = 60.0


class _Events:
    """A finished run's events in the shape the CLI's failure helpers read (`result.all_events`)."""

    def __init__(self, instance, run_id: str):
        self.all_events = [r.dagster_event for r in instance.all_logs(run_id) if r.dagster_event is not None]


def _location(arg: str, default: str, env: str) -> str:
    """A flag left at its default means the deployment's location ($GONGKAI_INPUT / $GONGKAI_WAREHOUSE)."""
    return os.environ.get(env) if arg == default and os.environ.get(env) else arg


def option_tags(args) -> dict[str, str]:
    """--workers, --report-budget-s and --max-file-mb as run tags: the Celery workers run the steps in
    their own environment, so the steps read these from their run (orchestration/resources.py)."""
    from orchestration.resources import OPTION_TAGS

    tags = {}
    if getattr(args, "workers", None):
        tags[OPTION_TAGS["workers"]] = str(max(1, args.workers))
    if getattr(args, "report_budget_s", None) is not None:
        tags[OPTION_TAGS["budget_s"]] = str(args.report_budget_s)
    if getattr(args, "max_file_mb", None) is not None:
        tags[OPTION_TAGS["max_file_bytes"]] = str(int(args.max_file_mb * 1024 * 1024))
    return tags


def run_distributed(args) -> int:
    """Intake here, then one asset backfill of the chosen years for the daemon; follow it to the end.

    The daemon launches one run per year, each run's steps execute on the Celery workers; the
    per-year summary, the continuity step and the exit codes are those of the local profile.
    """
    import time
    from pathlib import Path

    from orchestration import cli, storage
    from orchestration.cli import EXIT_NO_REPORTS, EXIT_OK, EXIT_STOPPED, EXIT_USAGE, EXIT_WAREHOUSE, Fail, say
    from orchestration.resources import DEFAULT_INPUT

    home = os.environ.get("DAGSTER_HOME")
    if not home or not (Path(home) / "dagster.yaml").is_file():
        raise Fail(EXIT_USAGE, "the distributed profile needs DAGSTER_HOME naming a folder with the distributed "
                               "dagster.yaml (deploy/dagster.distributed.yaml: Postgres, the queued run coordinator)")
    inp = _location(args.input, str(DEFAULT_INPUT), "GONGKAI_INPUT")
    wh = _location(args.warehouse, "warehouse", "GONGKAI_WAREHOUSE")
    if storage.is_remote(inp):
        try:
            found = storage.list_landing(inp)
        except Exception as exc:  # noqa: BLE001 - any client error is the input's
            raise Fail(EXIT_USAGE, f"input {inp} cannot be read: {type(exc).__name__}: {exc}") from None
        if not found:
            raise Fail(EXIT_USAGE, f"input {inp} is empty: there are no report files to read (--input)")
    else:
        inp = str(cli.check_input(inp))
    if storage.is_remote(wh):
        try:
            storage.probe(wh)
        except Exception as exc:  # noqa: BLE001
            raise Fail(EXIT_WAREHOUSE, f"cannot write to the warehouse {wh}: {type(exc).__name__}: {exc}; "
                                       "nothing was changed") from None
    else:
        wh = str(cli.check_warehouse(wh))
    years_wanted = cli.parse_years(args.years) if isinstance(args.years, str) else args.years
    os.environ.update({PROFILE_ENV: "distributed", "GONGKAI_INPUT": inp, "GONGKAI_WAREHOUSE": wh})
    os.environ.setdefault("DAGSTER_DISABLE_TELEMETRY", "1")
    if args.max_file_mb is not None:
        os.environ["GONGKAI_MAX_FILE_BYTES"] = str(int(args.max_file_mb * 1024 * 1024))
    cli._engine_env(args)

    from dagster import DagsterInstance, RunsFilter
    from dagster._core.execution.backfill import BulkActionStatus, PartitionBackfill
    from dagster._core.utils import make_new_backfill_id

    from orchestration.definitions import defs
    from orchestration.jobs import YEAR
    from orchestration.partitions import SHARDS, YEAR_PARTITIONS

    cli._check_shards()
    instance = DagsterInstance.get()
    tags = {"gongkai/input": inp, "gongkai/warehouse": wh}
    if SHARDS > 1:  # every worker must load the same graph (resources.GongkaiConfig checks it)
        tags["gongkai/shards"] = str(SHARDS)
    tags.update(option_tags(args))
    t0 = time.perf_counter()
    print(f"gongkai: input {inp} → warehouse {wh} (distributed: DAGSTER_HOME {home})", flush=True)
    intake = defs.resolve_job_def("intake").execute_in_process(instance=instance, raise_on_error=False,
                                                              run_config=cli.QUIET, tags=tags)
    cli._check(intake, Path(wh), "the intake")
    if not intake.success:
        say("intake failed: " + "; ".join(cli._failure_messages(intake) or ["unknown failure"]))
        return EXIT_USAGE
    manifest = intake.output_for_node("landing_manifest")
    accepted = manifest.filter(manifest["status"] == "accepted").height
    in_input = set(manifest["report_year"].drop_nulls().to_list())
    known = sorted(int(y) for y in instance.get_dynamic_partitions(YEAR_PARTITIONS.name) if int(y) in in_input)
    years = known if years_wanted is None else years_wanted
    print(f"  landing: {manifest.height} files, {accepted} accepted, "
          f"{manifest.filter(manifest['report_year'].is_null()).height} without a year; "
          f"years found: {', '.join(map(str, known)) or 'none'}", flush=True)
    if accepted == 0:
        say(f"warning: no report files in {inp}: none of its {manifest.height} file(s) is a report "
            "(each rejection is in dq_findings)")
        return EXIT_NO_REPORTS
    run_years = [y for y in years if y in known]
    for i, year in enumerate(years, 1):
        if year not in known:
            print(f"  [{i}/{len(years)}] {year}: no reports for this year in the input; skipped", flush=True)
    failed = False
    if run_years:
        graph = defs.resolve_asset_graph()
        backfill = PartitionBackfill.from_asset_partitions(
            backfill_id=make_new_backfill_id(), asset_graph=graph, partition_names=[str(y) for y in run_years],
            asset_selection=sorted(YEAR.resolve(graph)), backfill_timestamp=time.time(), tags=tags,
            dynamic_partitions_store=instance, all_partitions=False, title="gongkai run",
            description=f"years {', '.join(map(str, run_years))}", run_config=cli.QUIET)
        instance.add_backfill(backfill)
        print(f"  backfill {backfill.backfill_id}: {len(run_years)} year(s) submitted to the daemon"
              + (f" ({SHARDS} shards each, then the year's marts)" if SHARDS > 1 else ""), flush=True)
        for i, year in enumerate(years, 1):
            if year in known:
                print(f"  [{i}/{len(years)}] {year}: running … (backfill {backfill.backfill_id})", flush=True)
        try:
            failed = _follow(instance, backfill.backfill_id, run_years, wh, BulkActionStatus, RunsFilter)
        except KeyboardInterrupt:
            bf = instance.get_backfill(backfill.backfill_id)
            if bf is not None and bf.status == BulkActionStatus.REQUESTED:
                instance.update_backfill(bf.with_status(BulkActionStatus.CANCELING))
            raise
    cont = defs.resolve_job_def("continuity").execute_in_process(instance=instance, raise_on_error=False,
                                                                run_config=cli.QUIET, tags=tags)
    cli._check(cont, Path(wh), "the cross-year continuity")
    if cont.success:
        n = cont.asset_materializations_for_node("cross_year_continuity")[0].metadata["violations"].value
        print(f"  cross-year continuity: {n} violation(s) across the years in the warehouse", flush=True)
    else:
        failed = True
        print("  cross-year continuity: STOPPED\n    " + "\n    ".join(cli._failure_messages(cont)), flush=True)
    if storage.is_remote(wh):
        where = f"orchestration.storage.connect({wh!r}) (DuckDB over the committed files)"
    else:
        from transforms.marts import ViewsNotRefreshed, refresh_views

        try:
            refresh_views(Path(wh))
        except ViewsNotRefreshed as exc:
            say(f"warning: DuckDB views not refreshed: {exc}")
        where = str(Path(wh) / "gongkai.duckdb")
    print(f"done in {time.perf_counter() - t0:.1f} s; DuckDB views: {where}", flush=True)
    return EXIT_STOPPED if failed else EXIT_OK


def _follow(instance, backfill_id: str, years: list[int], wh: str, BulkActionStatus, RunsFilter) -> bool:
    """Print each year's summary as its run ends; True when any year failed."""
    import time

    from orchestration import cli
    from orchestration.partitions import SHARDED

    done: set[str] = set()
    failed = False
    waited = time.monotonic()
    hinted = False
    while True:
        bf = instance.get_backfill(backfill_id)
        runs = instance.get_runs(filters=RunsFilter(tags={"dagster/backfill": backfill_id}))
        if runs:
            waited = time.monotonic()
        elif not hinted and time.monotonic() - waited > NO_RUN_HINT_S:
            cli.say(f"warning: no run launched after {NO_RUN_HINT_S:.0f} s: is a dagster-daemon running on this "
                    "DAGSTER_HOME?")
            hinted = True
        for run in sorted(runs, key=lambda r: r.tags.get("dagster/partition", "")):
            if run.run_id in done or not run.is_finished:
                continue
            done.add(run.run_id)
            if SHARDED:
                failed = _sharded_run(instance, run, wh) or failed
                continue
            year = int(run.tags.get("dagster/partition", "0"))
            stats = instance.get_run_stats(run.run_id)
            took = (stats.end_time - stats.launch_time) if stats.end_time and stats.launch_time else 0.0
            if run.is_success:
                print(_year_summary(wh, year) + f" ({took:.1f} s)", flush=True)
            else:
                failed = True
                events = _Events(instance, run.run_id)
                why = cli._failure_messages(events) or [f"run {run.run_id} ended {run.status.value}"]
                print(f"  {year}: STOPPED\n    " + "\n    ".join(why), flush=True)
        if bf.status not in (BulkActionStatus.REQUESTED, BulkActionStatus.CANCELING, BulkActionStatus.FAILING) \
                and all(r.is_finished for r in runs):
            if bf.status != BulkActionStatus.COMPLETED_SUCCESS and not failed:
                failed = bf.status != BulkActionStatus.COMPLETED
                if failed:
                    cli.say(f"backfill {backfill_id} ended {bf.status.value}" + (f": {bf.error.message.strip()}"
                                                                                  if bf.error else ""))
            return failed
        time.sleep(POLL_S)


def _sharded_run(instance, run, wh: str) -> bool:
    """One finished run of a sharded backfill: the year's summary when its marts run succeeded, a STOPPED
    line naming the year's shard plan, shard or marts when one failed; True when it failed. A shard that
    succeeded prints nothing (its year's line follows once the marts are written)."""
    from orchestration import cli
    from orchestration.partitions import SHARDS, split_key

    year, shard = split_key(run.tags.get("dagster/partition", "0"))
    marts = any(k.path[0] == "marts" for k in (run.asset_selection or ()))
    stats = instance.get_run_stats(run.run_id)
    took = (stats.end_time - stats.launch_time) if stats.end_time and stats.launch_time else 0.0
    if run.is_success:
        if marts:
            print(_year_summary(wh, year) + f" ({took:.1f} s for the marts)", flush=True)
        return False
    what = f"{year}" if marts else f"{year} shard {shard + 1}/{SHARDS}" if shard is not None else f"{year} shard plan"
    why = cli._failure_messages(_Events(instance, run.run_id)) or [f"run {run.run_id} ended {run.status.value}"]
    print(f"  {what}: STOPPED\n    " + "\n    ".join(why), flush=True)
    return True


def _year_summary(wh: str, year: int) -> str:
    """The local profile's per-year line, read from the committed marts (pulled for object storage)."""
    import tempfile
    from pathlib import Path

    from orchestration import cli, storage

    if not storage.is_remote(wh):
        return cli._summary(Path(wh), year)
    with tempfile.TemporaryDirectory(prefix="gongkai-summary-") as tmp:
        storage.pull(wh, Path(tmp), years=[year])
        return cli._summary(Path(tmp), year)
