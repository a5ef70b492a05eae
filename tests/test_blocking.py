"""A blocking check that fails stops that year's downstream assets, and the reason is reported."""

import shutil
from pathlib import Path

import polars as pl
from dagster import DagsterInstance, materialize

from orchestration import cli, core, marts, raw, staging
from orchestration.partitions import YEAR_PARTITIONS
from orchestration.resources import GongkaiConfig, LayerIOManager
from conftest import SAMPLE


def test_contract_failure_blocks_the_marts_and_names_the_check(tmp_path, monkeypatch):
    (tmp_path / "in").mkdir()
    shutil.copy(SAMPLE / "003_c97c571f5e04231d.txt", tmp_path / "in")
    real = core.stream_typed

    class Corrupting:  # whatever the engine's options are, the granted cells come out corrupted
        def __init__(self, sink):
            self.sink = sink

        def write(self, df):
            self.sink.write(df.with_columns(count=pl.when(pl.col("outcome") == "granted")
                                            .then(pl.lit(-1, pl.Int64)).otherwise("count")))

    def broken(normalised, sections, sinks, *args, **kwargs):
        sinks = {**sinks, "request_handling_cells": Corrupting(sinks["request_handling_cells"])}
        return real(normalised, sections, sinks, *args, **kwargs)

    monkeypatch.setattr(core, "stream_typed", broken)
    instance = DagsterInstance.ephemeral()
    instance.add_dynamic_partitions(YEAR_PARTITIONS.name, ["2019"])
    wh = tmp_path / "wh"
    resources = {"gongkai": GongkaiConfig(input_dir=str(tmp_path / "in"), warehouse_dir=str(wh)),
                 "io_manager": LayerIOManager(base_dir=str(wh))}
    assets = [raw.landing_manifest, raw.raw_reports, staging.normalised_reports, core.report_sections,
              core.typed_tables, marts.year_marts]
    materialize([raw.landing_manifest], instance=instance, resources=resources)
    res = materialize(assets, instance=instance, resources=resources, partition_key="2019", raise_on_error=False,
                      selection=[a for a in assets if a is not raw.landing_manifest])
    assert not res.success
    msgs = cli._failure_messages(res)
    assert any("pandera_contract" in m and "request_handling_cells" in m for m in msgs), msgs
    assert not (wh / "marts" / "dim_report").exists()  # the marts never ran
