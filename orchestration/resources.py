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


# `gongkai run` options a run's steps must obey wherever they execute. Locally they reach the steps
# through this process's environment; with the distributed profile the steps run on Celery workers
# with their own environment, so the CLI tags the run with them (orchestration/profiles.py) and each
# step reads its run's tags first (`engine_options`, `file_limit`).
OPTION_TAGS = {"workers": "gongkai/workers", "budget_s": "gongkai/report_budget_s",
               "max_file_bytes": "gongkai/max_file_bytes"}


def _run_tags(context) -> dict:
    run = getattr(context, "dagster_run", None) if context is not None else None
    return (run.tags if run is not None else None) or {}


def _tag_value(tags: dict, key: str, kind, low):
    raw = tags.get(OPTION_TAGS[key])
    if raw in (None, ""):
        return None
    try:
        value = kind(raw)
    except ValueError:
        value = None
    if value is None or value < low:
        raise RuntimeError(f"the run's tag {OPTION_TAGS[key]}={raw!r} is not a number ≥ {low}")
    return value


def engine_options(context=None):
    """The batch engine's options for this step: the run's tags, else $GONGKAI_WORKERS / … (EngineOptions.from_env)."""
    from dataclasses import replace

    from transforms.engine import EngineOptions

    options, tags = EngineOptions.from_env(), _run_tags(context)
    changes = {k: v for k, v in (("workers", _tag_value(tags, "workers", int, 1)),
                                 ("budget_s", _tag_value(tags, "budget_s", float, 0))) if v is not None}
    return replace(options, **changes) if changes else options


def options_metadata(options, max_file_bytes: int | None = None) -> dict:
    """The options a layer's step ran with, as asset metadata (the run page shows what each step obeyed)."""
    text = f"workers ≤ {options.workers}, report budget {options.budget_s:g} s" + (
        f", file size limit {max_file_bytes} bytes" if max_file_bytes is not None else "")
    return {"engine options": text}


def file_limit(context, gongkai: "GongkaiConfig") -> int:
    """The size limit for one input file in this step: the run's tag, else the resource's (from the environment)."""
    value = _tag_value(_run_tags(context), "max_file_bytes", int, 1)
    return gongkai.max_file_bytes if value is None else value


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
        if tags.get("gongkai/shards"):
            from orchestration.partitions import SHARDS

            if tags["gongkai/shards"] != str(SHARDS):  # the run's partitions belong to another graph
                raise RuntimeError(f"this worker has GONGKAI_SHARDS={SHARDS}, the run was submitted with "
                                   f"{tags['gongkai/shards']} shards: give the daemon and the workers the same GONGKAI_SHARDS")
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


def layer_writer(asset: str, partition: str | int, schema: dict):
    """A `transforms.layers.LayerWriter` for an asset that writes its layer batch by batch.

    The file is written beside the layers of this run (local warehouse: the same filesystem, so the
    IO manager only renames it into place) or in this machine's scratch folder (object storage:
    the IO manager uploads it); the asset returns `writer.close()` (a Layer) as its output.
    """
    from transforms.layers import LayerWriter

    from orchestration import storage

    base = warehouse_dir()
    root = storage.local_for(base, "warehouse") if storage.is_remote(base) else Path(base)
    return LayerWriter(root / "layers" / layer_scope() / ".spill" / f"{asset}-{partition}-{os.getpid()}.parquet", schema)


def write_layer(asset: str, partition: str | int, schema: dict, fill):
    """Write an asset's layer batch by batch: `fill(writer)` streams into it and returns the
    findings; returns (findings, the closed Layer). A failure removes the half-written file."""
    writer = layer_writer(asset, partition, schema)
    try:
        findings = fill(writer)
        return findings, writer.close()
    except BaseException:
        writer.abort()
        raise


def spill_dir(asset: str, partition: str | int) -> Path:
    """A private working folder beside this run's layers (the marts step's buckets); the caller removes it."""
    from orchestration import storage

    base = warehouse_dir()
    root = storage.local_for(base, "warehouse") if storage.is_remote(base) else Path(base)
    return root / "layers" / layer_scope() / ".spill" / f"{asset}-{partition}-{os.getpid()}"


def _wants_layer(context: InputContext) -> bool:
    """True when the asset's parameter is annotated `Layer` (read lazily) rather than a DataFrame."""
    from transforms.layers import Layer

    try:
        typ = context.dagster_type.typing_type
    except Exception:  # a context built without a type (tests, direct calls): a frame, as always
        return False
    return isinstance(typ, type) and issubclass(typ, Layer)


class LayerIOManager(ConfigurableIOManager):
    """Stores each layer as Parquet under WAREHOUSE/layers/<scope>/<asset>/<year>.parquet.

    An asset's output is a polars frame (written whole, as always) or a `transforms.layers.Layer`
    it wrote batch by batch (`layer_writer`): its file is moved into place (uploaded, for object
    storage), never loaded. An input annotated `Layer` is handed over lazily (a Parquet file read
    batch by batch: the asset never holds the year's texts); any other input is read whole, or only
    the columns its `AssetIn(metadata={"columns": [...]})` lists (a step that needs no text reads none).

    The scope keeps runs apart: every `gongkai run` has its own (removed when it succeeds), so a run
    never reads another run's intermediates; the UI's runs share the scope `ui`.
    """

    base_dir: str
    scope: str = "shared"

    def _part(self, context: OutputContext | InputContext, part=None) -> str:
        from orchestration.partitions import file_part

        if part is None:
            part = context.asset_partition_key if context.has_asset_partitions else "all"
        return file_part(part)  # a year's key as it is; a year × shard key as `2019.shard-2-of-3`

    def _path(self, context: OutputContext | InputContext, part=None) -> Path:
        key = "__".join(context.asset_key.path)
        return Path(self.base_dir) / "layers" / self.scope / key / f"{self._part(context, part)}.parquet"

    def _url(self, context: OutputContext | InputContext, part=None) -> str:
        key = "__".join(context.asset_key.path)
        return "/".join([self.base_dir.rstrip("/"), "layers", self.scope, key, f"{self._part(context, part)}.parquet"])

    def handle_output(self, context: OutputContext, obj) -> None:
        if obj is None:
            return
        from transforms.layers import Layer
        from transforms.marts import test_fault

        from orchestration import storage

        spilled = isinstance(obj, Layer)
        if storage.is_remote(self.base_dir):  # object storage: one PUT of the whole file is atomic
            test_fault("layers")
            fs, path = storage.filesystem(self._url(context))
            if spilled:
                fs.put_file(obj.path, path)
                Path(obj.path).unlink(missing_ok=True)
                return
            import io

            buf = io.BytesIO()
            obj.write_parquet(buf, compression="zstd", statistics=True)
            fs.pipe_file(path, buf.getvalue())
            return
        path = self._path(context)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        try:
            test_fault("layers")
            if spilled:
                import shutil

                shutil.move(obj.path, tmp)  # a rename when the spill sits on the same filesystem
            else:
                obj.write_parquet(tmp, compression="zstd", statistics=True)
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise

    def load_input(self, context: InputContext):
        if context.has_asset_partitions and _several_shards(context):
            return self._load_shards(context)
        return self._load_one(context)

    def _load_shards(self, context: InputContext):
        """Every shard of a year (the marts' inputs with GONGKAI_SHARDS > 1): a `ShardedLayer` over the shard
        files for an input annotated `Layer`, else the shards' frames concatenated, both in shard order."""
        from orchestration import storage
        from orchestration.partitions import split_key

        parts = sorted(context.asset_partition_keys, key=lambda k: split_key(k)[1])
        if not storage.is_remote(self.base_dir):
            missing = [str(p) for p in parts if not self._path(context, p).exists()]
            if missing:
                raise FileNotFoundError(
                    f"{context.asset_key.to_user_string()} has no layer for partition(s) {', '.join(missing)} in the "
                    f"scope {self.scope!r}: the year's marts read every shard of the year; backfill the whole year")
        if _wants_layer(context):
            from orchestration.shards import ShardedLayer

            return ShardedLayer([self._load_one(context, p).path for p in parts])
        return pl.concat([self._load_one(context, p) for p in parts], how="vertical")

    def _load_one(self, context: InputContext, part=None):
        from orchestration import storage

        lazy = _wants_layer(context)
        if storage.is_remote(self.base_dir):
            fs, path = storage.filesystem(self._url(context, part))
            if lazy:  # fetched to this machine's scratch folder, then read batch by batch
                from transforms.layers import Layer

                key = "__".join(context.asset_key.path)
                local = (storage.local_for(self.base_dir, "warehouse") / "layers" / self.scope / ".in" / key
                         / f"{self._part(context, part)}.parquet")
                local.parent.mkdir(parents=True, exist_ok=True)
                tmp = local.with_name(f".{local.name}.part-{os.getpid()}")
                fs.get_file(path, str(tmp))
                os.replace(tmp, local)
                return Layer(local)
            import io

            with fs.open(path, "rb") as fh:
                return pl.read_parquet(io.BytesIO(fh.read()), columns=_columns(context))
        if lazy:
            from transforms.layers import Layer

            return Layer(self._path(context, part))
        return pl.read_parquet(self._path(context, part), columns=_columns(context))


def _several_shards(context: InputContext) -> bool:
    """Whether an input is every shard of a year (a year's marts reading a year × shard layer)."""
    from orchestration.partitions import SHARDED

    return SHARDED and len(list(context.asset_partition_keys)) > 1


def _columns(context: InputContext) -> list[str] | None:
    """The columns an input asks for (`AssetIn(metadata={"columns": [...]})`), None for all of them."""
    meta = getattr(context, "definition_metadata", None) or {}
    cols = meta.get("columns")
    return list(cols) if cols else None
