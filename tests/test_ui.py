"""End to end through the UI: `gongkai ui` as a user starts it, then everything over GraphQL.

The asset graph is listed, the intake job fills the dynamic `report_year` partitions, and a
partition backfill of 2019 and 2020 is run by the daemon inside `dagster dev`; the marts must
then be on disk. The server is stopped by its own process group only.

Every wait polls and returns as soon as its condition holds; the deadlines are generous and scale
with the measured start-up time of the server, so a loaded machine only makes the test slower.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import polars as pl
import pytest

from helpers_dagster import (
    GONGKAI, SAMPLE_YEARS, GraphQL, child_env, copy_corpus, free_port, stop_group, tail, typed, wait_for,
)

# `dagster dev -m orchestration.definitions` names the code location after the module.
LOCATION = "orchestration.definitions"
REPOSITORY = "__repository__"           # a Definitions object is served as the implicit repository
PARTITION_SET = "year_pipeline_partition_set"
REPO_SELECTOR = {"repositoryName": REPOSITORY, "repositoryLocationName": LOCATION}
FINISHED = {"SUCCESS", "FAILURE", "CANCELED"}
STARTUP_DEADLINE = 900.0  # seconds; polled, so a quiet machine is done in a fraction of it

WORKSPACE_Q = """
{ workspaceOrError { __typename
    ... on Workspace { locationEntries { name loadStatus
        locationOrLoadError { __typename ... on PythonError { message }
          ... on RepositoryLocation { repositories { name } } } } }
    ... on PythonError { message } } }
"""
ASSETS_Q = "{ assetNodes { assetKey { path } groupName isPartitioned jobNames } }"
LAUNCH_RUN_M = """
mutation($p: ExecutionParams!) { launchRun(executionParams: $p) { __typename
    ... on LaunchRunSuccess { run { runId status } }
    ... on PythonError { message stack }
    ... on RunConfigValidationInvalid { errors { message } }
    ... on InvalidSubsetError { message }
    ... on PipelineNotFoundError { message } } }
"""
RUN_Q = """
query($id: ID!) { runOrError(runId: $id) { __typename
    ... on Run { status }
    ... on RunNotFoundError { message }
    ... on PythonError { message } } }
"""
PARTITIONS_Q = """
query($r: RepositorySelector!, $n: String!) {
  partitionSetOrError(repositorySelector: $r, partitionSetName: $n) { __typename
    ... on PartitionSet { pipelineName partitionsOrError { __typename
        ... on Partitions { results { name } }
        ... on PythonError { message } } }
    ... on PartitionSetNotFoundError { message }
    ... on PythonError { message } } }
"""
BACKFILL_M = """
mutation($p: LaunchBackfillParams!) { launchPartitionBackfill(backfillParams: $p) { __typename
    ... on LaunchBackfillSuccess { backfillId launchedRunIds }
    ... on PartitionSetNotFoundError { message }
    ... on PartitionKeysNotFoundError { message }
    ... on PythonError { message stack } } }
"""
BACKFILL_Q = """
query($id: String!) { partitionBackfillOrError(backfillId: $id) { __typename
    ... on PartitionBackfill { status error { message }
        partitionStatuses { results { partitionName runId runStatus } } }
    ... on BackfillNotFoundError { message }
    ... on PythonError { message } } }
"""

EXPECTED_GROUPS = {"raw", "staging", "sections", "typed", "marts"}
EXPECTED_ASSETS = {
    "landing_manifest": "raw", "raw_reports": "raw", "raw_findings": "raw",
    "normalised_reports": "staging", "normalised_findings": "staging",
    "report_sections": "sections", "sections_findings": "sections",
    "request_handling_cells": "typed", "active_disclosure_cells": "typed", "review_litigation_cells": "typed",
    "typed_findings": "typed",
    "marts/dim_report": "marts", "marts/fact_request_handling": "marts",
    "marts/fact_active_disclosure": "marts", "marts/fact_review_litigation": "marts",
    "marts/report_sections": "marts", "marts/dq_findings": "marts",
    "marts/unassigned_findings": "marts", "marts/dim_applicant_type": "marts",
}
YEAR_MARTS = ["dim_report", "fact_request_handling", "fact_active_disclosure", "fact_review_litigation",
              "report_sections", "dq_findings"]


@pytest.fixture
def ui_server(tmp_path: Path):
    """`gongkai ui` on a free loopback port, over a copy of the sample corpus; stopped by its pgid."""
    corpus = copy_corpus(tmp_path / "landing")
    warehouse = tmp_path / "wh"
    port = free_port()
    log = tmp_path / "ui.log"
    with open(log, "wb") as fh:
        proc = subprocess.Popen(
            [str(GONGKAI), "ui", "--input", str(corpus), "--warehouse", str(warehouse), "--port", str(port)],
            cwd=tmp_path, env=child_env(), stdin=subprocess.DEVNULL, stdout=fh, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        yield proc, GraphQL(port), warehouse, log
    finally:
        stop_group(proc)


def _location_loaded(gql: GraphQL):
    if not gql.answers():
        return None
    try:
        ws = gql(WORKSPACE_Q)["workspaceOrError"]
    except OSError:  # the webserver answered /server_info but is still starting up
        return None
    typed(ws, "Workspace")
    for entry in ws["locationEntries"]:
        if entry["name"] == LOCATION and entry["loadStatus"] == "LOADED":
            loc = entry["locationOrLoadError"]
            typed(loc, "RepositoryLocation")  # a load error fails here with the traceback's message
            return loc
    return None


def _run_status(gql: GraphQL, run_id: str):
    run = typed(gql(RUN_Q, {"id": run_id})["runOrError"], "Run")
    return run["status"] if run["status"] in FINISHED else None


def _backfill_done(gql: GraphQL, backfill_id: str):
    bf = typed(gql(BACKFILL_Q, {"id": backfill_id})["partitionBackfillOrError"], "PartitionBackfill")
    return bf if bf["status"] not in ("REQUESTED", "CANCELING", "FAILING") else None


def test_ui_lists_assets_and_backfills_years(ui_server):
    proc, gql, warehouse, log = ui_server
    t0 = time.monotonic()
    wait_for(lambda: _location_loaded(gql), timeout=STARTUP_DEADLINE, interval=1,
             what="the webserver and code location", proc=proc, log=log)
    t_ready = time.monotonic() - t0
    # a run costs a few start-ups of Dagster and the code: scale the deadlines with what we measured
    run_deadline = max(600.0, 20 * t_ready)
    assert "nux:\n  enabled: false" in (warehouse / ".dagster" / "dagster.yaml").read_text()

    # 1. The asset graph: every layer is a group, and the key assets are in the right one.
    nodes = gql(ASSETS_Q)["assetNodes"]
    groups = {"/".join(n["assetKey"]["path"]): n["groupName"] for n in nodes}
    assert EXPECTED_GROUPS <= set(groups.values()), sorted(set(groups.values()))
    missing = {k for k in EXPECTED_ASSETS if k not in groups}
    assert not missing, f"assets missing from the UI: {sorted(missing)}; have {sorted(groups)}"
    wrong = {k: (groups[k], g) for k, g in EXPECTED_ASSETS.items() if groups[k] != g}
    assert not wrong, f"assets in the wrong group (have, want): {wrong}"
    partitioned = {"/".join(n["assetKey"]["path"]): n["isPartitioned"] for n in nodes}
    assert partitioned["landing_manifest"] is False and partitioned["marts/dim_report"] is True

    # 2. Before intake there are no years; the intake job (landing_manifest first) adds them.
    parts = _partition_names(gql)
    assert parts == [], f"partitions before intake: {parts}"
    launched = gql(LAUNCH_RUN_M, {"p": {
        "selector": {**REPO_SELECTOR, "jobName": "intake"}, "runConfigData": {}, "mode": "default",
    }})["launchRun"]
    run_id = typed(launched, "LaunchRunSuccess")["run"]["runId"]
    status = wait_for(lambda: _run_status(gql, run_id), timeout=run_deadline, interval=1, what="the intake run",
                      proc=proc, log=log)
    assert status == "SUCCESS", f"intake run {run_id} ended {status}\n{tail(log)}"
    assert (warehouse / "layers" / "ui" / "landing_manifest" / "all.parquet").exists()  # the UI's own scope
    parts = _partition_names(gql)
    assert set(SAMPLE_YEARS) <= set(parts), f"year partitions after intake: {parts}"
    t_intake = time.monotonic() - t0

    # 3. A partition backfill of both years, run by the daemon inside `dagster dev`.
    launched = gql(BACKFILL_M, {"p": {
        "selector": {"partitionSetName": PARTITION_SET, "repositorySelector": REPO_SELECTOR},
        "partitionNames": sorted(SAMPLE_YEARS),
    }})["launchPartitionBackfill"]
    backfill_id = typed(launched, "LaunchBackfillSuccess")["backfillId"]
    bf = wait_for(lambda: _backfill_done(gql, backfill_id), timeout=2 * len(SAMPLE_YEARS) * run_deadline, interval=2,
                  what=f"backfill {backfill_id}", proc=proc, log=log)
    by_year = {r["partitionName"]: r["runStatus"] for r in bf["partitionStatuses"]["results"]}
    assert bf["status"] in ("COMPLETED_SUCCESS", "COMPLETED"), f"backfill ended {bf}\n{tail(log)}"
    assert by_year == {y: "SUCCESS" for y in SAMPLE_YEARS}, by_year
    t_backfill = time.monotonic() - t0

    # 4. The marts of both years are on disk, one hive partition per year.
    marts = warehouse / "marts"
    for table in YEAR_MARTS:
        for year in SAMPLE_YEARS:
            part = marts / table / f"report_year={year}" / "part-0.parquet"
            assert part.is_file(), f"missing {part.relative_to(warehouse)}"
    for year, n in SAMPLE_YEARS.items():
        dim = pl.read_parquet(marts / "dim_report" / f"report_year={year}" / "part-0.parquet")
        assert dim.height == n, f"{year}: {dim.height} reports in dim_report, expected {n}"
        assert dim["report_year"].unique().to_list() == [int(year)]
        assert dim["report_id"].n_unique() == n
    assert not list(marts.rglob(".tmp-*")), "temp files left in the marts"
    print(f"\nui timings: ready {t_ready:.1f} s, intake done {t_intake:.1f} s, "
          f"backfill done {t_backfill:.1f} s")


def _partition_names(gql: GraphQL) -> list[str]:
    data = gql(PARTITIONS_Q, {"r": REPO_SELECTOR, "n": PARTITION_SET})
    ps = typed(data["partitionSetOrError"], "PartitionSet")
    assert ps["pipelineName"] == "year_pipeline"
    return [p["name"] for p in typed(ps["partitionsOrError"], "Partitions")["results"]]
