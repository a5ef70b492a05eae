"""Dagster entry point: every asset module, the two jobs, and resources from the environment."""

from dagster import Definitions, load_assets_from_modules

from orchestration import core, marts, raw, staging
from orchestration.jobs import JOBS
from orchestration.resources import (
    GongkaiConfig, LayerIOManager, input_dir, layer_scope, max_file_bytes, warehouse_dir,
)

defs = Definitions(
    assets=load_assets_from_modules([raw, staging, core, marts]),
    jobs=JOBS,
    resources={
        "gongkai": GongkaiConfig(input_dir=input_dir(), warehouse_dir=warehouse_dir(), max_file_bytes=max_file_bytes()),
        "io_manager": LayerIOManager(base_dir=warehouse_dir(), scope=layer_scope()),
    },
)
