"""Where the pipeline reads and writes: one config resource and a small Parquet IO manager.

Both read their folders from the environment (`GONGKAI_INPUT`, `GONGKAI_WAREHOUSE`), which the
CLI sets before Dagster loads the definitions, so `gongkai run` and `gongkai ui` see the same code.
"""

from __future__ import annotations

import os
from pathlib import Path

import polars as pl
from dagster import ConfigurableIOManager, ConfigurableResource, InputContext, OutputContext

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUT = REPO_ROOT / "warehouse" / "landing"
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def input_dir() -> str:
    """The landing folder: $GONGKAI_INPUT, else the sample corpus bundled in the repo."""
    return os.environ.get("GONGKAI_INPUT") or str(DEFAULT_INPUT)


def warehouse_dir() -> str:
    """The warehouse folder: $GONGKAI_WAREHOUSE, else ./warehouse."""
    return os.environ.get("GONGKAI_WAREHOUSE") or str(Path.cwd() / "warehouse")


def max_file_bytes() -> int:
    """The size limit for one input file: $GONGKAI_MAX_FILE_BYTES, else 20 MiB."""
    return int(os.environ.get("GONGKAI_MAX_FILE_BYTES") or DEFAULT_MAX_BYTES)


class GongkaiConfig(ConfigurableResource):
    """Input folder, warehouse folder and the size limit for one input file."""

    input_dir: str
    warehouse_dir: str
    max_file_bytes: int = DEFAULT_MAX_BYTES

    @property
    def marts(self) -> Path:
        return Path(self.warehouse_dir) / "marts"


def layer_scope() -> str:
    """Whose intermediates these are: $GONGKAI_LAYER_SCOPE (one per `gongkai run`; `ui` for the UI)."""
    return os.environ.get("GONGKAI_LAYER_SCOPE") or "shared"


class LayerIOManager(ConfigurableIOManager):
    """Stores each layer's polars frame as Parquet under WAREHOUSE/layers/<scope>/<asset>/<year>.parquet.

    The scope keeps runs apart: every `gongkai run` has its own (removed when it succeeds), so a run
    never reads another run's intermediates; the UI's runs share the scope `ui`.
    """

    base_dir: str
    scope: str = "shared"

    def _path(self, context: OutputContext | InputContext) -> Path:
        key = "__".join(context.asset_key.path)
        part = context.asset_partition_key if context.has_asset_partitions else "all"
        return Path(self.base_dir) / "layers" / self.scope / key / f"{part}.parquet"

    def handle_output(self, context: OutputContext, obj: pl.DataFrame) -> None:
        if obj is None:
            return
        from transforms.marts import test_fault

        path = self._path(context)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        try:
            test_fault("layers")
            obj.write_parquet(tmp, compression="zstd", statistics=True)
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise

    def load_input(self, context: InputContext) -> pl.DataFrame:
        return pl.read_parquet(self._path(context))
