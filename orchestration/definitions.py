"""Dagster entry point: every asset module, the two jobs, and resources from the environment.

The executor comes from the deployment profile ($GONGKAI_PROFILE, orchestration/profiles.py): Dagster's
default for `local`, Celery for `distributed`; asset backfills and the UI's runs use it too.
With $GONGKAI_SHARDS > 1 the `report_shards` asset joins the graph (orchestration/partitions.py).
"""

from dagster import Definitions, load_assets_from_modules

from orchestration import core, marts, raw, staging
from orchestration.partitions import SHARDED
from orchestration.jobs import JOBS
from orchestration.profiles import executor
from orchestration.resources import (
    GongkaiConfig, LayerIOManager, layer_scope, location_config, max_file_bytes, warehouse_dir,
)


def _shards():
    from orchestration import shards

    return shards


defs = Definitions(
    assets=load_assets_from_modules([raw, staging, core, marts] + ([_shards()] if SHARDED else [])),
    jobs=JOBS,
    resources={
        "gongkai": GongkaiConfig(**location_config(), max_file_bytes=max_file_bytes()),
        "io_manager": LayerIOManager(base_dir=warehouse_dir(), scope=layer_scope()),
    },
    executor=executor(),
)
