"""The distributed profile end to end: Postgres storage, the daemon, two Celery workers over Redis, and
landing and warehouse on S3 (moto's server on loopback); plus object-storage publishing on its own.

The services are Debian's postgresql and redis-server (.ci/run installs them); the test starts them on
free 127.0.0.1 ports and stops every process it started by its PID. It skips, saying why, only when
they cannot be installed or started.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from glob import glob
from pathlib import Path

import polars as pl
import pytest

from conftest import GONGKAI, REPO, SAMPLE

BIN = Path(sys.executable).parent
BUCKET = "gongkai-test"
YEAR_TABLES = ["dim_report", "fact_request_handling", "fact_active_disclosure", "fact_review_litigation",
               "report_sections", "dq_findings"]
DIMS = ["dim_applicant_type", "dim_request_outcome", "dim_disclosure_item", "dim_disclosure_metric",
        "dim_review_litigation"]


# ---- helpers ------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(check, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            if (out := check()):
                return out
        except Exception as exc:  # noqa: BLE001
            last = exc
        time.sleep(0.2)
    raise TimeoutError(f"{what} not ready after {timeout:.0f} s ({last})")


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def stop_pid(pid: int, sig=signal.SIGTERM, timeout: float = 20.0) -> None:
    """Stop one process we started, by its PID; SIGKILL if it outlives `timeout`."""
    try:
        os.kill(pid, sig)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if os.waitpid(pid, os.WNOHANG)[0] == pid:
                return
        except ChildProcessError:  # not our child: poll
            if not _pid_alive(pid):
                return
        time.sleep(0.1)
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass


def _pg_bin(name: str) -> str | None:
    found = sorted(glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def _ensure_packages() -> str | None:
    """Why the services cannot be had, or None (installs them from Debian when root and missing)."""
    if _pg_bin("initdb") and _pg_bin("pg_ctl") and shutil.which("redis-server"):
        return None
    if os.geteuid() != 0:
        return "postgresql/redis-server are not installed and we are not root to install them"
    res = subprocess.run("apt-get install -y -qq --no-upgrade postgresql redis-server >/dev/null 2>&1 || "
                         "(apt-get update -qq && apt-get install -y -qq --no-upgrade postgresql redis-server)",
                         shell=True, capture_output=True, text=True, timeout=600,
                         env=os.environ | {"DEBIAN_FRONTEND": "noninteractive"})
    if _pg_bin("initdb") and shutil.which("redis-server"):
        return None
    return f"apt-get could not install postgresql redis-server: {(res.stderr or res.stdout).strip()[-300:]}"


class Services:
    """Postgres, Redis and moto's S3 server on free loopback ports; `stop()` ends each by its PID."""

    def __init__(self, root: Path):
        self.root = root
        self.pids: list[tuple[str, int, int]] = []  # (what, pid, signal to stop it)
        self.procs: list[subprocess.Popen] = []
        self.logs = root / "logs"
        self.logs.mkdir(parents=True)

    def _as_db_user(self, argv: list[str]) -> list[str]:
        return ["runuser", "-u", "postgres", "--", *argv] if os.geteuid() == 0 else argv

    def start_postgres(self) -> str:
        port = free_port()
        base = Path(tempfile.mkdtemp(prefix="gongkai-pg-"))  # outside pytest's root-only tmp folder
        self.pg_base = base
        data, sock = base / "data", base / "sock"
        sock.mkdir()
        if os.geteuid() == 0:
            shutil.chown(base, "postgres")
            shutil.chown(sock, "postgres")
        subprocess.run(self._as_db_user([_pg_bin("initdb"), "-D", str(data), "-U", "gongkai", "--auth=trust",
                                         "-E", "UTF8", "--no-sync"]), check=True, capture_output=True, timeout=120)
        subprocess.run(self._as_db_user([_pg_bin("pg_ctl"), "-D", str(data), "-l", str(base / "pg.log"), "-w", "-o",
                                         f"-c listen_addresses=127.0.0.1 -p {port} -k {sock} -c fsync=off",
                                         "start"]), check=True, capture_output=True, timeout=120)
        pid = int((data / "postmaster.pid").read_text().split()[0])
        self.pids.append(("postgres", pid, signal.SIGINT))  # SIGINT: Postgres' fast shutdown
        return f"postgresql+psycopg2://gongkai@127.0.0.1:{port}/postgres"

    def start_redis(self) -> str:
        port = free_port()
        pidfile = self.root / "redis.pid"
        subprocess.run(["redis-server", "--bind", "127.0.0.1", "--port", str(port), "--daemonize", "yes",
                        "--pidfile", str(pidfile), "--dir", str(self.root), "--save", "", "--appendonly", "no",
                        "--logfile", str(self.logs / "redis.log")], check=True, capture_output=True, timeout=30)
        pid = wait_for(lambda: pidfile.exists() and int(pidfile.read_text().strip() or 0), 10, "redis pid file")
        self.pids.append(("redis", pid, signal.SIGTERM))
        wait_for(lambda: socket.create_connection(("127.0.0.1", port), timeout=1).close() or True, 10, "redis")
        return f"redis://127.0.0.1:{port}"

    def start_moto(self) -> str:
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        self.spawn("moto", [str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(port)], os.environ.copy())
        wait_for(lambda: urllib.request.urlopen(url, timeout=2).status == 200, 30, "moto S3 server")
        return url

    def spawn(self, what: str, argv: list[str], env: dict, cwd: Path | None = None) -> subprocess.Popen:
        log = open(self.logs / f"{what}.log", "w")
        proc = subprocess.Popen(argv, env=env, cwd=cwd or self.root, stdout=log, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL)
        self.procs.append(proc)
        self.pids.append((what, proc.pid, signal.SIGTERM))
        return proc

    def stop(self) -> None:
        for what, pid, sig in reversed(self.pids):
            stop_pid(pid, sig, timeout=30)
        for p in self.procs:
            try:
                p.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
        shutil.rmtree(getattr(self, "pg_base", self.root / "none"), ignore_errors=True)

    def tail(self) -> str:
        return "\n".join(f"--- {p.name}\n{p.read_text(errors='replace')[-3000:]}" for p in sorted(self.logs.glob("*.log")))


def _frames_equal(a: pl.DataFrame, b: pl.DataFrame) -> bool:
    return a.columns == b.columns and a.dtypes == b.dtypes and a.equals(b)


def _local_table(wh: Path, table: str, year: int | None, name: str = "part-0.parquet") -> pl.DataFrame | None:
    d = wh / "marts" / table
    p = d / name if year is None else d / f"report_year={year}" / name
    return pl.read_parquet(p, hive_partitioning=False) if p.exists() else None


# ---- object storage on its own (fsspec's memory filesystem: no services) ------------------------------

def test_publishing_commits_a_year_only_through_its_manifest(tmp_path):
    from orchestration import storage

    url = f"memory://gongkai-{os.getpid()}/wh"
    marts = tmp_path / "marts"
    for t in ("dim_report", "dq_findings"):
        (marts / t / "report_year=2020").mkdir(parents=True)
        pl.DataFrame({"t": [t], "v": [1]}).write_parquet(marts / t / "report_year=2020" / "part-0.parquet")
    fs, root = storage.filesystem(url)
    # A worker killed while uploading: its files are there, no manifest names them; nothing is visible.
    fs.pipe_file(f"{root}/published/report_year=2020.00000000000000000001-dead/dim_report/part-0.parquet", b"half")
    assert storage.committed_files(url) == {}
    assert storage.read_table(url, "dim_report") is None
    v1 = storage.publish_year(marts, url, 2020, ["dim_report", "dq_findings"])
    assert storage.read_table(url, "dim_report", 2020)["t"].to_list() == ["dim_report"]
    pl.DataFrame({"t": ["new"], "v": [2]}).write_parquet(marts / "dim_report" / "report_year=2020" / "part-0.parquet")
    v2 = storage.publish_year(marts, url, 2020, ["dim_report", "dq_findings"])
    assert v2 > v1 and storage.read_table(url, "dim_report", 2020)["t"].to_list() == ["new"]
    left = sorted(p.rsplit("/", 1)[-1] for p in fs.ls(f"{root}/published", detail=False))
    assert left == [f"report_year=2020.{v1}", f"report_year=2020.{v2}"]  # the dead upload is gone, one old kept
    storage.publish_year(marts, url, 2020, ["dim_report", "dq_findings"])
    assert len(fs.ls(f"{root}/published", detail=False)) == 2
    assert storage.committed_years(url) == [2020]
    con = storage.connect(url)
    assert con.sql("SELECT t, v FROM dim_report").fetchall() == [("new", 2)]
    pulled = storage.pull(url, tmp_path / "pulled")
    assert pl.read_parquet(pulled / "dim_report" / "report_year=2020" / "part-0.parquet")["t"].to_list() == ["new"]


def test_the_landing_mirror_follows_the_store(tmp_path):
    from orchestration import storage

    url = f"memory://gongkai-landing-{os.getpid()}/in"
    fs, root = storage.filesystem(url)
    fs.pipe_file(f"{root}/a.txt", b"one")
    fs.pipe_file(f"{root}/sub/.hidden", b"two")
    local = storage.mirror_landing(url, tmp_path / "mirror")
    assert sorted(p.relative_to(local).as_posix() for p in local.rglob("*") if p.is_file()) == ["a.txt", "sub/.hidden"]
    fs.rm(f"{root}/sub/.hidden")
    fs.pipe_file(f"{root}/a.txt", b"changed")
    storage.mirror_landing(url, local)
    assert [p.name for p in local.rglob("*") if p.is_file()] == ["a.txt"] and (local / "a.txt").read_bytes() == b"changed"


def test_profiles_choose_the_executor_and_the_templates_match_deploy(monkeypatch):
    from orchestration import profiles

    monkeypatch.delenv(profiles.PROFILE_ENV, raising=False)
    assert profiles.profile() == "local" and profiles.executor() is None
    monkeypatch.setenv(profiles.PROFILE_ENV, "distributed")
    monkeypatch.setenv(profiles.BROKER_ENV, "redis://127.0.0.1:1/0")
    assert profiles.executor().name == "gongkai_celery"
    monkeypatch.setenv(profiles.PROFILE_ENV, "cluster")
    with pytest.raises(ValueError):
        profiles.profile()
    for name in profiles.PROFILES:
        assert (REPO / "deploy" / f"dagster.{name}.yaml").read_text() == profiles.dagster_yaml(name)
    assert (REPO / "deploy" / "celery.yaml").read_text() == profiles.CELERY_WORKER_YAML


def test_run_options_reach_the_steps_through_their_run_tags(monkeypatch):
    """--workers/--report-budget-s/--max-file-mb tag the runs; a step obeys its run's tags before its environment."""
    from types import SimpleNamespace

    from orchestration import profiles
    from orchestration.resources import GongkaiConfig, engine_options, file_limit, options_metadata

    args = SimpleNamespace(workers=3, report_budget_s=7.5, max_file_mb=2)
    tags = profiles.option_tags(args)
    assert tags == {"gongkai/workers": "3", "gongkai/report_budget_s": "7.5", "gongkai/max_file_bytes": str(2 * 1024 * 1024)}
    assert profiles.option_tags(SimpleNamespace(workers=None, report_budget_s=None, max_file_mb=None)) == {}
    monkeypatch.setenv("GONGKAI_WORKERS", "2")
    monkeypatch.setenv("GONGKAI_REPORT_BUDGET_S", "20")
    gk = GongkaiConfig(input_dir="in", warehouse_dir="wh", max_file_bytes=5000)
    step = lambda t: SimpleNamespace(dagster_run=SimpleNamespace(tags=t))
    opts = engine_options(step(tags))
    assert (opts.workers, opts.budget_s, file_limit(step(tags), gk)) == (3, 7.5, 2 * 1024 * 1024)
    assert options_metadata(opts, 10) == {"engine options": "workers ≤ 3, report budget 7.5 s, file size limit 10 bytes"}
    # No tags (a local run, or a run launched from the UI): the environment and the resource decide.
    plain = engine_options(step({"dagster/partition": "2020"}))
    assert (plain.workers, plain.budget_s, file_limit(step({}), gk)) == (2, 20.0, 5000)
    assert engine_options(None).workers == 2
    with pytest.raises(RuntimeError, match="gongkai/workers"):
        engine_options(step({"gongkai/workers": "many"}))
    with pytest.raises(RuntimeError, match="gongkai/max_file_bytes"):
        file_limit(step({"gongkai/max_file_bytes": "0"}), gk)


def test_local_paths_leave_the_resources_as_they_were(monkeypatch, tmp_path):
    from orchestration.resources import location_config

    monkeypatch.setenv("GONGKAI_INPUT", str(tmp_path / "in"))
    monkeypatch.setenv("GONGKAI_WAREHOUSE", str(tmp_path / "wh"))
    assert location_config() == {"input_dir": str(tmp_path / "in"), "warehouse_dir": str(tmp_path / "wh")}
    monkeypatch.setenv("GONGKAI_WAREHOUSE", "s3://bucket/wh")
    monkeypatch.setenv("GONGKAI_SCRATCH", str(tmp_path / "scratch"))
    cfg = location_config()
    assert cfg["warehouse_url"] == "s3://bucket/wh" and cfg["warehouse_dir"].startswith(str(tmp_path / "scratch"))


# ---- the whole deployment -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def deployment(tmp_path_factory):
    """Postgres, Redis, moto S3, the daemon and two Celery workers, all on loopback; stopped by PID after."""
    why = _ensure_packages()
    if why:
        print(f"test_distributed: skipped: {why}")
        pytest.skip(why)
    root = tmp_path_factory.mktemp("dist")
    svc = Services(root)
    try:
        try:
            pg = svc.start_postgres()
            broker = svc.start_redis()
            s3 = svc.start_moto()
        except (subprocess.CalledProcessError, TimeoutError, OSError) as exc:
            detail = getattr(exc, "stderr", b"") or b""
            why = f"the services could not be started: {exc} {detail.decode(errors='replace')[-300:]}"
            print(f"test_distributed: skipped: {why}")
            svc.stop()
            pytest.skip(why)
        from orchestration import profiles

        home = root / "dagster_home"
        home.mkdir()
        (home / "dagster.yaml").write_text(profiles.dagster_yaml("distributed"))
        (root / "celery.yaml").write_text(profiles.CELERY_WORKER_YAML)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("GONGKAI_", "DAGSTER_"))} | {
            "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
            "DAGSTER_HOME": str(home), "DAGSTER_DISABLE_TELEMETRY": "1",
            "GONGKAI_PROFILE": "distributed", "GONGKAI_POSTGRES_URL": pg,
            "GONGKAI_CELERY_BROKER": f"{broker}/0", "GONGKAI_CELERY_BACKEND": f"{broker}/1",
            "GONGKAI_INPUT": f"s3://{BUCKET}/landing", "GONGKAI_WAREHOUSE": f"s3://{BUCKET}/warehouse",
            "GONGKAI_STORAGE_OPTIONS": json.dumps({"endpoint_url": s3, "key": "testing", "secret": "testing"}),
            "GONGKAI_WORKERS": "1",
            "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-east-1",
            "AWS_ENDPOINT_URL": s3,
        }
        import s3fs

        fs = s3fs.S3FileSystem(key="testing", secret="testing", endpoint_url=s3)
        fs.mkdir(BUCKET)
        for f in sorted(SAMPLE.iterdir()):
            fs.put_file(str(f), f"{BUCKET}/landing/{f.name}")
        # The instance's tables are made once, before the daemon and the workers open it.
        subprocess.run([str(BIN / "dagster"), "instance", "migrate"], env=env, check=True, capture_output=True,
                       timeout=300, cwd=root)
        workers = {}
        for name in ("w1", "w2"):
            pidfile = root / f"{name}.pid"
            wenv = env | {"GONGKAI_SCRATCH": str(root / f"scratch-{name}")}  # no disk shared between the workers
            svc.spawn(f"celery-{name}", [str(BIN / "dagster-celery"), "worker", "start", "-A", "dagster_celery.app",
                                         "-y", str(root / "celery.yaml"), "-n", name, "--",
                                         f"--pidfile={pidfile}", "--pool=solo"], wenv)
            workers[name] = pidfile
        svc.spawn("daemon", [str(BIN / "dagster-daemon"), "run", "-m", "orchestration.definitions"],
                  env | {"GONGKAI_SCRATCH": str(root / "scratch-daemon")}, cwd=REPO)
        for name, pidfile in workers.items():  # the real Celery worker's PID (its wrapper's is stopped too)
            pid = wait_for(lambda: pidfile.exists() and int(pidfile.read_text().strip() or 0), 120, f"worker {name}")
            svc.pids.append((f"celery worker {name}", pid, signal.SIGTERM))
        yield {"env": env, "root": root, "svc": svc, "s3": s3, "fs": fs}
    finally:
        svc.stop()


def test_a_two_year_backfill_on_postgres_celery_and_s3_equals_the_local_run(deployment, sample_run):
    env, root, svc = deployment["env"], deployment["root"], deployment["svc"]
    t0 = time.monotonic()
    # The run's flags must reach the steps on the workers, whose own environment says otherwise
    # (GONGKAI_WORKERS=1, the default budget and file size limit).
    flags = ["--workers", "2", "--report-budget-s", "45", "--max-file-mb", "19"]
    res = subprocess.run([GONGKAI, "run", "--profile", "distributed", "--years", "2019,2020", *flags], cwd=root,
                         env=env | {"GONGKAI_SCRATCH": str(root / "scratch-cli")}, capture_output=True, text=True,
                         timeout=900)
    took = time.monotonic() - t0
    print(f"distributed two-year run: {took:.1f} s\n{res.stdout}")
    assert res.returncode == 0, res.stdout + res.stderr + svc.tail()
    local_wh, local_out = sample_run
    # The same per-year lines as the local run (their timings aside).
    strip = lambda text: sorted(line.rsplit(" (", 1)[0] for line in text.splitlines()
                                if line.startswith(("  2019:", "  2020:")))
    assert strip(res.stdout) == strip(local_out) and len(strip(res.stdout)) == 2

    # Both runs succeeded, their steps ran on the Celery workers, and the two workers both took part.
    from dagster import DagsterInstance, DagsterRunStatus, RunsFilter

    old = {k: os.environ.get(k) for k in ("DAGSTER_HOME", "GONGKAI_POSTGRES_URL")}
    os.environ.update({"DAGSTER_HOME": env["DAGSTER_HOME"], "GONGKAI_POSTGRES_URL": env["GONGKAI_POSTGRES_URL"]})
    try:
        with DagsterInstance.get() as instance:
            runs = [r for r in instance.get_runs(filters=RunsFilter(tags={"gongkai/warehouse": env["GONGKAI_WAREHOUSE"]}))
                    if "dagster/backfill" in r.tags]
            assert sorted(r.tags["dagster/partition"] for r in runs) == ["2019", "2020"]
            assert all(r.status == DagsterRunStatus.SUCCESS for r in runs)
            per_run, obeyed = {}, {}
            for r in runs:
                hosts = set()
                for rec in instance.all_logs(r.run_id):
                    ev = rec.dagster_event
                    if ev is not None and ev.event_type_value == "ASSET_MATERIALIZATION":
                        mat = ev.event_specific_data.materialization
                        if "engine options" in mat.metadata:
                            obeyed[(r.tags["dagster/partition"], mat.asset_key.to_user_string())] = \
                                mat.metadata["engine options"].value
                    if ev is not None and ev.event_type_value == "ENGINE_EVENT" and "celery worker" in (ev.message or ""):
                        md = ev.event_specific_data.metadata
                        hosts.add(str(getattr(md.get("Celery worker"), "value", md.get("Celery worker"))).split("@")[0])
                per_run[r.tags["dagster/partition"]] = hosts
    finally:
        for k, v in old.items():
            os.environ.pop(k, None) if v is None else os.environ.__setitem__(k, v)
    print(f"celery workers per run: {per_run}")
    layers = ("raw_reports", "normalised_reports", "report_sections", "typed_findings")
    assert sorted(obeyed) == sorted((y, a) for y in ("2019", "2020") for a in layers), obeyed
    for (year, asset), text in obeyed.items():
        assert text.startswith("workers ≤ 2, report budget 45 s"), (year, asset, text)
        assert asset != "raw_reports" or text.endswith(f"file size limit {19 * 1024 * 1024} bytes"), text
    assert all(per_run.values()), per_run  # every run's steps executed on a Celery worker
    assert set().union(*per_run.values()) == {"w1", "w2"}, per_run

    # The marts on S3 (committed files only) equal the local run's, cell for cell.
    os.environ["GONGKAI_STORAGE_OPTIONS"] = env["GONGKAI_STORAGE_OPTIONS"]
    try:
        from orchestration import storage

        url = env["GONGKAI_WAREHOUSE"]
        assert storage.committed_years(url) == [2019, 2020]
        compared = 0
        for year in (2019, 2020):
            for table in YEAR_TABLES:
                remote, local = storage.read_table_part(url, table, year), _local_table(local_wh, table, year)
                assert local is not None and remote is not None, (table, year)
                assert _frames_equal(remote, local), (table, year)
                compared += local.height * local.width
            cont_local = _local_table(local_wh, "dq_findings", year, "continuity.parquet")
            cont_remote = storage.read_table_part(url, "dq_findings", year, continuity=True)
            assert (cont_local is None) == (cont_remote is None)
            if cont_local is not None:
                assert _frames_equal(cont_remote, cont_local)
        for table in DIMS:
            assert _frames_equal(storage.read_table_part(url, table, None), _local_table(local_wh, table, None)), table
        con = storage.connect(url)
        n = con.execute("SELECT count(*) FROM dim_report").fetchone()[0]
        assert n == pl.read_parquet(local_wh / "marts" / "dim_report" / "**" / "*.parquet", hive_partitioning=False).height
        print(f"cells compared: {compared}")
    finally:
        os.environ.pop("GONGKAI_STORAGE_OPTIONS", None)
