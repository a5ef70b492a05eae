"""Year × shard partitions (GONGKAI_SHARDS=N, `gongkai run --shards N`; orchestration/partitions.py).

- Without shards (the default) the definitions are today's: the same asset keys, partitions and jobs.
- With N = 3 the per-report layers are partitioned by year × shard, the marts by year, and a run of the
  sample corpus (two years; one shard of each year is empty) gives the unsharded run's marts, cell
  for cell and byte for byte.
- A by-year backfill, sent over GraphQL as the UI sends it, runs the year's shard plan, every shard,
  then the year's marts (the backfill daemon's own iteration, the runs in their own processes).

Every process is started by these tests and ends with them (the GraphQL test's code server is
stopped by its context manager; each run is a child process that exits when it is done).
"""

import json
import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import polars as pl
import pytest

from conftest import GONGKAI, REPO, SAMPLE
from helpers_dagster import copy_corpus

YEARS = (2019, 2020)
YEAR_TABLES = ["dim_report", "fact_request_handling", "fact_active_disclosure", "fact_review_litigation",
               "report_sections", "dq_findings"]
SHARD_LAYERS = {"raw_reports", "raw_findings", "normalised_reports", "normalised_findings", "report_sections",
                "sections_findings", "request_handling_cells", "active_disclosure_cells", "review_litigation_cells",
                "typed_findings"}


def _env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GONGKAI_", "DAGSTER_"))}
    return env | {"DAGSTER_DISABLE_TELEMETRY": "1", "PYTHONUNBUFFERED": "1", "GONGKAI_WORKERS": "1"} | extra


def _run(warehouse: Path, *flags: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([GONGKAI, "run", "--input", str(SAMPLE), "--warehouse", str(warehouse), *flags],
                          capture_output=True, text=True, timeout=900, env=env or _env(), cwd=warehouse.parent)


def _marts(warehouse: Path) -> dict[str, Path]:
    marts = warehouse / "marts"
    return {str(p.relative_to(marts)): p for p in sorted(marts.rglob("*.parquet"))}


def _assert_same_marts(a: Path, b: Path, only_years: tuple = ()) -> int:
    """Every mart file of `a` and `b` (or only the year tables of `only_years`) equal cell for cell and byte for byte."""
    fa, fb = _marts(a), _marts(b)
    if only_years:
        keep = {f"{t}/report_year={y}/part-0.parquet" for t in YEAR_TABLES for y in only_years}
        fa, fb = ({k: v for k, v in f.items() if k in keep} for f in (fa, fb))
        assert set(fa) == keep, sorted(keep - set(fa))
    assert set(fa) == set(fb), sorted(set(fa) ^ set(fb))
    for name in fa:
        x, y = (pl.read_parquet(f[name], hive_partitioning=False) for f in (fa, fb))
        assert x.columns == y.columns and x.schema == y.schema, name
        assert x.equals(y), f"{name}: the sharded marts differ from the unsharded ones"
        assert fa[name].resolve().read_bytes() == fb[name].resolve().read_bytes(), f"{name}: other bytes"
    return len(fa)


@pytest.fixture(scope="module")
def unsharded(tmp_path_factory) -> Path:
    wh = tmp_path_factory.mktemp("unsharded") / "wh"
    res = _run(wh)
    assert res.returncode == 0, res.stdout + res.stderr
    return wh


# ---- the default graph is today's -------------------------------------------------------------------

def test_without_shards_the_definitions_are_unchanged():
    if os.environ.get("GONGKAI_SHARDS", "1") != "1":
        pytest.skip("GONGKAI_SHARDS is set for this test process")
    from orchestration.definitions import defs
    from orchestration.partitions import LAYER_PARTITIONS, SHARDED, TO_YEAR, YEAR_PARTITIONS, file_part

    graph = defs.resolve_asset_graph()
    keys = {k.to_user_string() for k in graph.get_all_asset_keys()}
    assert "report_shards" not in keys and SHARD_LAYERS <= keys
    assert not SHARDED and LAYER_PARTITIONS is YEAR_PARTITIONS and TO_YEAR is None
    for k in graph.get_all_asset_keys():
        assert graph.get(k).partitions_def in (None, YEAR_PARTITIONS), k
    assert {j.name for j in defs.resolve_all_job_defs() if not j.name.startswith("__")} == \
        {"intake", "year_pipeline", "continuity"}
    assert file_part("2019") == "2019" and file_part("all") == "all"  # the layer files keep their names


_SHARDED_DEFS = r"""
import json, warnings
warnings.simplefilter("ignore")
from dagster import MultiPartitionsDefinition
from orchestration.definitions import defs
from orchestration.partitions import YEAR_PARTITIONS
graph = defs.resolve_asset_graph()
out = {"assets": {}, "jobs": sorted(j.name for j in defs.resolve_all_job_defs() if not j.name.startswith("__")),
       "checks_blocking": all(graph.get_check_spec(k).blocking for k in graph.asset_check_keys)}
for k in graph.get_all_asset_keys():
    node = graph.get(k)
    p = node.partitions_def
    kind = None if p is None else "year" if p == YEAR_PARTITIONS else \
        [(d.name, d.partitions_def == YEAR_PARTITIONS or d.partitions_def.get_partition_keys())
         for d in p.partitions_defs] if isinstance(p, MultiPartitionsDefinition) else repr(p)
    parents = {pk.to_user_string(): type(node.partition_mappings.get(pk)).__name__ for pk in node.parent_keys}
    out["assets"][k.to_user_string()] = {"group": node.group_name, "partitions": kind, "parents": parents}
print(json.dumps(out))
"""


def test_with_three_shards_the_layers_are_year_by_shard_and_the_marts_by_year():
    res = subprocess.run([sys.executable, "-c", _SHARDED_DEFS], capture_output=True, text=True, timeout=300,
                         env=_env(GONGKAI_SHARDS="3"), cwd=REPO)
    assert res.returncode == 0, res.stderr[-3000:]
    out = json.loads(res.stdout.strip().splitlines()[-1])
    assets = out["assets"]
    shard_dims = [["report_year", True], ["shard", ["0", "1", "2"]]]
    assert assets["report_shards"] == {"group": "raw", "partitions": "year",
                                       "parents": {"landing_manifest": "NoneType"}}
    for name in SHARD_LAYERS:
        assert assets[name]["partitions"] == shard_dims, name
    assert assets["raw_reports"]["parents"] == {"report_shards": "MultiToSingleDimensionPartitionMapping"}
    for t in YEAR_TABLES:
        node = assets[f"marts/{t}"]
        assert node["partitions"] == "year", t
        assert node["parents"]["landing_manifest"] == "NoneType"
        assert {p for p, m in node["parents"].items() if m == "MultiToSingleDimensionPartitionMapping"} == \
            {"normalised_reports", "report_sections", "request_handling_cells", "active_disclosure_cells",
             "review_litigation_cells", "raw_findings", "normalised_findings", "sections_findings", "typed_findings"}
    # The same assets as without shards, plus the plan; the year-less ones stay unpartitioned.
    for name in ("landing_manifest", "marts/unassigned_findings", "marts/cross_year_continuity", "marts/dim_applicant_type"):
        assert assets[name]["partitions"] is None, name
    assert out["jobs"] == ["continuity", "intake", "marts_pipeline", "shard_pipeline", "year_plan"]
    assert out["checks_blocking"]


def test_a_shard_is_a_stable_hash_of_the_landing_path_never_its_position():
    from orchestration.partitions import shard_count, shard_of, split_key
    from orchestration.shards import assign_shards

    paths = [f"{y}/agency_{i:04d}.html" for y in YEARS for i in range(600)]
    first = {p: shard_of(p, 3) for p in paths}
    assert {p: shard_of(p, 3) for p in reversed(paths)} == first  # the order of the files does not matter
    assert shard_of("2019/agency_0001.html", 3) == 0 and shard_of("000_c8e8e14aeab504c6.txt", 3) == 1  # pinned
    counts = [sum(1 for s in first.values() if s == k) for k in range(3)]
    assert min(counts) > 0.8 * len(paths) / 3, counts  # about even
    manifest = pl.DataFrame({"source_path": paths, "report_year": [int(p[:4]) for p in paths],
                             "status": ["accepted"] * len(paths), "size_bytes": [1] * len(paths)})
    plan = assign_shards(manifest, 2019, 3)
    fewer = assign_shards(manifest.filter(pl.col("source_path") != "2019/agency_0000.html"), 2019, 3)
    assert plan.height == 600 and plan["source_path"].to_list() == sorted(plan["source_path"].to_list())
    assert dict(fewer.select("source_path", "shard").iter_rows()) == \
        {p: s for p, s in plan.select("source_path", "shard").iter_rows() if p != "2019/agency_0000.html"}
    assert split_key("2019") == (2019, None) and split_key("2019|2") == (2019, 2) and split_key("all") == (None, None)
    assert shard_count("4") == 4 and shard_count(None) >= 1
    for bad in ("0", "-1", "x", "1025"):
        with pytest.raises(ValueError):
            shard_count(bad)


def test_a_sharded_layer_reads_its_shards_as_one_layer(tmp_path):
    from orchestration.shards import ShardedLayer
    from transforms.layers import LayerWriter

    schema = {"report_id": pl.String, "n": pl.Int64}
    parts = []
    for k, rows in enumerate([7, 0, 12]):
        with LayerWriter(tmp_path / f"s{k}.parquet", schema) as w:
            w.write(pl.DataFrame({"report_id": [f"{k}-{i}" for i in range(rows)], "n": list(range(rows))}, schema=schema))
        parts.append(w.layer.path)
    layer = ShardedLayer(parts)
    whole = pl.concat([pl.read_parquet(p) for p in parts])
    assert layer.height == 19 and layer.columns == ["report_id", "n"] and layer.read().equals(whole)
    assert layer.scan().collect().equals(whole)
    batches = list(layer.iter_batches(5))
    assert [b.height for b in batches] == [5, 5, 5, 4] and pl.concat(batches).equals(whole)
    assert list(layer.iter_batches(5, columns=["n"]))[0].columns == ["n"]


def test_the_progress_line_names_the_shard_and_counts_the_year():
    import io

    from orchestration.progress import YearProgress

    p = YearProgress(2019, total=10, stream=io.StringIO(), live=False)
    p.next_shard(0, 3)
    p.update("raw", 4, 4)
    p.update("normalise", 4, 4)
    p.next_shard(1, 3)
    p.update("raw", 2, 6)
    line = p.line("raw")
    assert line.startswith("  2019: [shard 2/3 · 1/4 raw] 2/6 reports") and "ETA" in line, line
    assert p._past_units == 8 and p.done == {"raw": (2, 6)}
    assert "shard" not in YearProgress(2019, total=10, stream=io.StringIO(), live=False).line("raw")


def test_a_worker_with_another_shard_count_refuses_the_run(tmp_path):
    from types import SimpleNamespace

    from orchestration.partitions import SHARDS
    from orchestration.resources import GongkaiConfig

    cfg = GongkaiConfig(input_dir=str(tmp_path), warehouse_dir=str(tmp_path / "wh"))
    run = lambda tags: SimpleNamespace(dagster_run=SimpleNamespace(tags=tags))
    cfg.setup_for_execution(run({"gongkai/shards": str(SHARDS)}))
    cfg.setup_for_execution(run({}))  # a run launched from the UI carries no such tag
    with pytest.raises(RuntimeError, match="GONGKAI_SHARDS"):
        cfg.setup_for_execution(run({"gongkai/shards": str(SHARDS + 2)}))


# ---- runs ---------------------------------------------------------------------------------------------

def test_cli_bad_shard_counts_are_one_line_and_exit_2(tmp_path):
    for flags, env in ((["--shards", "0"], _env()), ([], _env(GONGKAI_SHARDS="many"))):
        res = _run(tmp_path / "wh", *flags, env=env)
        assert res.returncode == 2, res.stdout + res.stderr
        assert len(res.stderr.strip().splitlines()) == 1 and "shard count" in res.stderr, res.stderr
    assert not (tmp_path / "wh" / "marts").exists()


def test_a_sharded_run_gives_the_unsharded_marts_cell_for_cell(unsharded, tmp_path):
    wh = tmp_path / "wh"
    res = _run(wh, "--shards", "3")
    assert res.returncode == 0, res.stdout + res.stderr
    for y in YEARS:
        assert f"{y}: running … (3 shards)" in res.stdout, res.stdout
    assert _assert_same_marts(unsharded, wh) >= len(YEAR_TABLES) * len(YEARS)
    # The same per-year lines as the unsharded run (the timings aside).
    plain = _run(tmp_path / "again", env=_env())
    strip = lambda out: [line.split(" (")[0] for line in out.splitlines() if line.startswith(tuple(f"  {y}:" for y in YEARS))]
    assert strip(res.stdout) == strip(plain.stdout) and strip(plain.stdout)

    # Each year ran as its plan, one run per shard (empty shards too), then its marts.
    from dagster import DagsterInstance

    with DagsterInstance.from_config(str(wh / ".dagster")) as instance:
        runs = instance.get_runs()
        by_job: dict = {}
        for r in runs:
            assert r.is_success, (r.job_name, r.tags)
            by_job.setdefault(r.job_name, []).append(r.tags.get("dagster/partition"))
    assert sorted(by_job["year_plan"]) == sorted(by_job["marts_pipeline"]) == [str(y) for y in YEARS]
    assert sorted(by_job["shard_pipeline"]) == [f"{y}|{k}" for y in YEARS for k in range(3)]
    assert not (wh / "layers").exists() or not any((wh / "layers").glob("run-*"))  # a finished run cleans up


def test_a_by_year_backfill_from_the_ui_runs_every_shard_then_the_marts(unsharded, tmp_path, monkeypatch):
    """What the UI sends for a backfill of year 2020 of the year's assets (launchPartitionBackfill with the
    year as the partition and the assets as the selection), run by the backfill daemon's iteration."""
    from dagster import RunsFilter
    from dagster._core.execution.backfill import BulkActionStatus
    from dagster._core.test_utils import instance_for_test
    from dagster._core.workspace.context import WorkspaceProcessContext
    from dagster._core.workspace.load_target import ModuleTarget
    from dagster._daemon.backfill import execute_backfill_iteration
    from dagster_graphql.test.utils import execute_dagster_graphql

    corpus = copy_corpus(tmp_path / "landing")
    wh = tmp_path / "wh"
    for k in [k for k in os.environ if k.startswith("GONGKAI_")]:
        monkeypatch.delenv(k)
    for k, v in {"GONGKAI_SHARDS": "3", "GONGKAI_INPUT": str(corpus), "GONGKAI_WAREHOUSE": str(wh),
                 "GONGKAI_LAYER_SCOPE": "ui", "GONGKAI_WORKERS": "1", "DAGSTER_DISABLE_TELEMETRY": "1"}.items():
        monkeypatch.setenv(k, v)  # read by the code server and the run processes this test starts
    (tmp_path / "home").mkdir()
    launch = """mutation($p: ExecutionParams!) { launchRun(executionParams: $p) { __typename
        ... on LaunchRunSuccess { run { runId } } ... on PythonError { message } } }"""
    backfill = """mutation($p: LaunchBackfillParams!) { launchPartitionBackfill(backfillParams: $p) { __typename
        ... on LaunchBackfillSuccess { backfillId } ... on PythonError { message }
        ... on PartitionKeysNotFoundError { message } } }"""
    location = "orchestration.definitions"
    selection = sorted(SHARD_LAYERS) + ["report_shards"] + [f"marts/{t}" for t in YEAR_TABLES]
    coordinator = {"module": "dagster.core.run_coordinator", "class": "DefaultRunCoordinator"}  # no queue daemon
    with instance_for_test(temp_dir=str(tmp_path / "home"), overrides={"run_coordinator": coordinator}) as instance, \
            WorkspaceProcessContext(instance, ModuleTarget(module_name=location, attribute=None, working_directory=str(REPO),
                                                           location_name=location)) as workspace:
        ctx = workspace.create_request_context()

        def finished(run_id: str, timeout: float = 600):
            deadline = time.monotonic() + timeout
            while not (run := instance.get_run_by_id(run_id)).is_finished:
                assert time.monotonic() < deadline, f"run {run_id} still {run.status}"
                time.sleep(0.5)
            return run

        out = execute_dagster_graphql(ctx, launch, {"p": {"selector": {
            "repositoryName": "__repository__", "repositoryLocationName": location, "jobName": "intake"},
            "runConfigData": {}}})
        assert out.data["launchRun"]["__typename"] == "LaunchRunSuccess", out
        assert finished(out.data["launchRun"]["run"]["runId"]).is_success
        assert set(instance.get_dynamic_partitions("report_year")) >= {str(y) for y in YEARS}

        out = execute_dagster_graphql(ctx, backfill, {"p": {
            "partitionNames": ["2020"], "assetSelection": [{"path": k.split("/")} for k in selection]}})
        assert out.data["launchPartitionBackfill"]["__typename"] == "LaunchBackfillSuccess", out
        backfill_id = out.data["launchPartitionBackfill"]["backfillId"]
        target = {(k.asset_key.to_user_string(), k.partition_key) for k in
                  instance.get_backfill(backfill_id).asset_backfill_data.target_subset.iterate_asset_partitions()}
        assert target == ({("report_shards", "2020")} | {(a, f"2020|{k}") for a in SHARD_LAYERS for k in range(3)}
                          | {(f"marts/{t}", "2020") for t in YEAR_TABLES})

        log = logging.getLogger("test_shards.backfill")
        deadline = time.monotonic() + 900
        while True:
            list(execute_backfill_iteration(workspace, log))
            bf = instance.get_backfill(backfill_id)
            runs = instance.get_runs(filters=RunsFilter(tags={"dagster/backfill": backfill_id}))
            if bf.status != BulkActionStatus.REQUESTED and all(r.is_finished for r in runs):
                break
            assert time.monotonic() < deadline, f"backfill {backfill_id} still {bf.status}: {[r.status for r in runs]}"
            time.sleep(1)
        assert bf.status == BulkActionStatus.COMPLETED_SUCCESS, bf.status
        order = sorted(runs, key=lambda r: instance.get_run_stats(r.run_id).start_time or 0)
        keys = [r.tags["dagster/partition"] for r in order]
        assert all(r.is_success for r in runs) and sorted(keys) == ["2020", "2020", "2020|0", "2020|1", "2020|2"], keys
        assert keys[0] == "2020" and keys[-1] == "2020"  # the plan first, the marts last
        assert any(k.path[0] == "marts" for k in order[-1].asset_selection)
    _assert_same_marts(unsharded, wh, only_years=(2020,))


# ---- the distributed profile, sharded: the daemon fans each year out over the Celery workers ----------

@pytest.fixture(scope="module")
def sharded_deployment(tmp_path_factory):
    """tests/test_distributed.py's deployment (Postgres, Redis, moto S3, the daemon, two Celery workers on
    loopback) with GONGKAI_SHARDS=3 for every process; each process is stopped by its PID after."""
    from test_distributed import BIN, BUCKET, Services, _ensure_packages, wait_for

    why = _ensure_packages()
    if why:
        print(f"test_shards: skipped: {why}")
        pytest.skip(why)
    root = tmp_path_factory.mktemp("dist-shards")
    svc = Services(root)
    try:
        try:
            pg, broker, s3 = svc.start_postgres(), svc.start_redis(), svc.start_moto()
        except (subprocess.CalledProcessError, TimeoutError, OSError) as exc:
            why = f"the services could not be started: {exc}"
            print(f"test_shards: skipped: {why}")
            pytest.skip(why)
        from orchestration import profiles

        home = root / "dagster_home"
        home.mkdir()
        (home / "dagster.yaml").write_text(profiles.dagster_yaml("distributed"))
        (root / "celery.yaml").write_text(profiles.CELERY_WORKER_YAML)
        env = _env(**{
            "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", "DAGSTER_HOME": str(home),
            "GONGKAI_SHARDS": "3", "GONGKAI_PROFILE": "distributed", "GONGKAI_POSTGRES_URL": pg,
            "GONGKAI_CELERY_BROKER": f"{broker}/0", "GONGKAI_CELERY_BACKEND": f"{broker}/1",
            "GONGKAI_INPUT": f"s3://{BUCKET}/landing", "GONGKAI_WAREHOUSE": f"s3://{BUCKET}/warehouse",
            "GONGKAI_STORAGE_OPTIONS": json.dumps({"endpoint_url": s3, "key": "testing", "secret": "testing"}),
            "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-east-1",
            "AWS_ENDPOINT_URL": s3})
        import s3fs

        fs = s3fs.S3FileSystem(key="testing", secret="testing", endpoint_url=s3)
        fs.mkdir(BUCKET)
        for f in sorted(SAMPLE.iterdir()):
            fs.put_file(str(f), f"{BUCKET}/landing/{f.name}")
        subprocess.run([str(BIN / "dagster"), "instance", "migrate"], env=env, check=True, capture_output=True,
                       timeout=300, cwd=root)
        workers = {}
        for name in ("w1", "w2"):
            pidfile = root / f"{name}.pid"
            svc.spawn(f"celery-{name}", [str(BIN / "dagster-celery"), "worker", "start", "-A", "dagster_celery.app",
                                         "-y", str(root / "celery.yaml"), "-n", name, "--",
                                         f"--pidfile={pidfile}", "--pool=solo"],
                      env | {"GONGKAI_SCRATCH": str(root / f"scratch-{name}")})
            workers[name] = pidfile
        svc.spawn("daemon", [str(BIN / "dagster-daemon"), "run", "-m", "orchestration.definitions"],
                  env | {"GONGKAI_SCRATCH": str(root / "scratch-daemon")}, cwd=REPO)
        for name, pidfile in workers.items():
            pid = wait_for(lambda: pidfile.exists() and int(pidfile.read_text().strip() or 0), 120, f"worker {name}")
            svc.pids.append((f"celery worker {name}", pid, signal.SIGTERM))
        yield {"env": env, "root": root, "svc": svc}
    finally:
        svc.stop()


def test_a_sharded_distributed_backfill_fans_out_and_equals_the_unsharded_marts(sharded_deployment, unsharded):
    env, root, svc = sharded_deployment["env"], sharded_deployment["root"], sharded_deployment["svc"]
    res = subprocess.run([GONGKAI, "run", "--profile", "distributed", "--years", "2019,2020"], cwd=root,
                         env=env | {"GONGKAI_SCRATCH": str(root / "scratch-cli")}, capture_output=True, text=True,
                         timeout=1500)
    print(res.stdout)
    assert res.returncode == 0, res.stdout + res.stderr + svc.tail()
    assert "(3 shards each, then the year's marts)" in res.stdout
    strip = lambda text: sorted(line.rsplit(" (", 1)[0] for line in text.splitlines()
                                if line.startswith(("  2019:", "  2020:")))
    plain = _run(root / "plain")
    assert strip(res.stdout) == strip(plain.stdout) and len(strip(res.stdout)) == 2

    from dagster import DagsterInstance, RunsFilter

    old = {k: os.environ.get(k) for k in ("DAGSTER_HOME", "GONGKAI_POSTGRES_URL")}
    os.environ.update({"DAGSTER_HOME": env["DAGSTER_HOME"], "GONGKAI_POSTGRES_URL": env["GONGKAI_POSTGRES_URL"]})
    try:
        with DagsterInstance.get() as instance:
            runs = [r for r in instance.get_runs(filters=RunsFilter(tags={"gongkai/shards": "3"}))
                    if "dagster/backfill" in r.tags]
            assert all(r.is_success for r in runs)
            keys = sorted(r.tags["dagster/partition"] for r in runs)
    finally:
        for k, v in old.items():
            os.environ.pop(k, None) if v is None else os.environ.__setitem__(k, v)
    # Per year: the plan and the marts (two runs keyed by the year) and one run per shard.
    assert keys == sorted([str(y) for y in YEARS] * 2 + [f"{y}|{k}" for y in YEARS for k in range(3)]), keys

    os.environ["GONGKAI_STORAGE_OPTIONS"] = env["GONGKAI_STORAGE_OPTIONS"]
    try:
        from orchestration import storage

        url = env["GONGKAI_WAREHOUSE"]
        assert storage.committed_years(url) == list(YEARS)
        for y in YEARS:
            for t in YEAR_TABLES:
                remote = storage.read_table_part(url, t, y)
                local = pl.read_parquet(unsharded / "marts" / t / f"report_year={y}" / "part-0.parquet",
                                        hive_partitioning=False)
                assert remote is not None and remote.schema == local.schema and remote.equals(local), (t, y)
    finally:
        os.environ.pop("GONGKAI_STORAGE_OPTIONS", None)
