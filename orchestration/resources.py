"""Where the pipeline reads and writes: one config resource and a small Parquet IO manager.

Local folders are read and written as they always were; an fsspec URL (`s3://…`) for the input or
the warehouse goes through orchestration/storage.py (the distributed profile).

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
    """Input folder, warehouse folder and the size limit for one input file.

    With object storage (the distributed profile), `input_url` / `warehouse_url` name the store and
    `input_dir` / `warehouse_dir` are this machine's working folders: the landing is mirrored into
    `input_dir` before a step that needs it runs, and the marts written into `warehouse_dir` are
    published to the store (orchestration/storage.py). Both URLs are empty for local folders.
    """

    input_dir: str
    warehouse_dir: str
    max_file_bytes: int = DEFAULT_MAX_BYTES
    input_url: str = ""
    warehouse_url: str = ""

    def setup_for_execution(self, context) -> None:
        run = getattr(context, "dagster_run", None)
        tags = (run.tags if run is not None else None) or {}
        for tag, mine in (("gongkai/input", self.input_url or self.input_dir),
                          ("gongkai/warehouse", self.warehouse_url or self.warehouse_dir)):
            if tags.get(tag) and tags[tag] != mine:  # a run submitted for other storage than this worker's
                raise RuntimeError(f"this worker's {tag.split('/')[1]} is {mine}, the run was submitted for "
                                   f"{tags[tag]}: give the daemon and the workers the same GONGKAI_INPUT/GONGKAI_WAREHOUSE")
        if self.input_url:
            from orchestration import storage

            storage.mirror_landing(self.input_url, Path(self.input_dir))

    @property
    def marts(self) -> Path:
        return Path(self.warehouse_dir) / "marts"


def location_config() -> dict:
    """GongkaiConfig's folders from the environment; a remote URL gets a local working folder."""
    from orchestration import storage

    cfg = {"input_dir": input_dir(), "warehouse_dir": warehouse_dir()}
    for key, kind, url_key in (("input_dir", "landing", "input_url"), ("warehouse_dir", "warehouse", "warehouse_url")):
        if storage.is_remote(cfg[key]):
            cfg[url_key] = cfg[key]
            cfg[key] = str(storage.local_for(cfg[key], kind))
    return cfg


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

    def _url(self, context: OutputContext | InputContext) -> str:
        key = "__".join(context.asset_key.path)
        part = context.asset_partition_key if context.has_asset_partitions else "all"
        return "/".join([self.base_dir.rstrip("/"), "layers", self.scope, key, f"{part}.parquet"])

    def handle_output(self, context: OutputContext, obj: pl.DataFrame) -> None:
        if obj is None:
            return
        from transforms.marts import test_fault

        from orchestration import storage

        if storage.is_remote(self.base_dir):  # object storage: one PUT of the whole file is atomic
            import io

            test_fault("layers")
            buf = io.BytesIO()
            obj.write_parquet(buf, compression="zstd", statistics=True)
            fs, path = storage.filesystem(self._url(context))
            fs.pipe_file(path, buf.getvalue())
            return
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
        from orchestration import storage

        if storage.is_remote(self.base_dir):
            import io

            fs, path = storage.filesystem(self._url(context))
            with fs.open(path, "rb") as fh:
                return pl.read_parquet(io.BytesIO(fh.read()))
        return pl.read_parquet(self._path(context))
