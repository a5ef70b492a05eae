"""Object storage for the distributed profile: fsspec/UPath helpers, the landing mirror and manifest publishing.

A location is a local path or any fsspec URL (`s3://bucket/prefix`, `gs://…`, `memory://…`). Local paths
(and `file://` URLs) never come through here: the pipeline writes them exactly as it always has.

Object storage has no rename and no symlink, so a remote warehouse is published in two steps:

1. the year's files are uploaded into a new, never reused version folder
   `WAREHOUSE/published/report_year=<Y>.<version>/<table>/part-0.parquet`;
2. one small JSON object, `WAREHOUSE/_manifests/report_year=<Y>.json`, is written naming that version.

A single object PUT is atomic on S3 and GCS, so a reader that goes through the manifests (`committed_files`,
`pull`, `connect`) sees either the year's old version or its new one, never a mix; a worker killed while
uploading leaves only an unreferenced version folder, removed by the next publish of that year. Cross-year
continuity findings are published the same way (`_manifests/continuity.json`); the code dimensions and the
null-year findings are single files, each written by one PUT.

Credentials and endpoints come from the usual environment of each client (AWS_ACCESS_KEY_ID,
AWS_ENDPOINT_URL, GOOGLE_APPLICATION_CREDENTIALS …) plus `$GONGKAI_STORAGE_OPTIONS`, a JSON object of
fsspec storage options.
"""

from __future__ import annotations

import fcntl
import hashlib
import io
import json
import os
import tempfile
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

OPTIONS_ENV = "GONGKAI_STORAGE_OPTIONS"
SCRATCH_ENV = "GONGKAI_SCRATCH"
MANIFESTS = "_manifests"
PUBLISHED = "published"
PART = "part-0.parquet"
CONTINUITY_FILE = "continuity.parquet"
NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"
KEEP_VERSIONS = 2  # the committed version and the one before it (a reader may still be reading it)


def is_remote(location: str | os.PathLike | None) -> bool:
    """True for an fsspec URL other than a local file (`s3://…`, `gs://…`, `memory://…`)."""
    text = str(location or "")
    if "://" not in text:
        return False
    return text.split("://", 1)[0].lower() not in ("file", "local")


def storage_options() -> dict:
    """fsspec storage options from $GONGKAI_STORAGE_OPTIONS (a JSON object), else none."""
    raw = os.environ.get(OPTIONS_ENV, "").strip()
    return json.loads(raw) if raw else {}


def filesystem(url: str):
    """(fsspec filesystem, path without protocol) for a URL."""
    from fsspec.core import url_to_fs

    return url_to_fs(url, **storage_options())


def upath(url: str):
    """The URL as a UPath (pathlib-like, any fsspec backend)."""
    from upath import UPath

    return UPath(url, **storage_options())


def join(url: str, *parts: str) -> str:
    return "/".join([url.rstrip("/"), *(p.strip("/") for p in parts)])


def scratch_root() -> Path:
    """This machine's working folder for remote locations: $GONGKAI_SCRATCH, else <tmp>/gongkai-scratch."""
    return Path(os.environ.get(SCRATCH_ENV) or Path(tempfile.gettempdir()) / "gongkai-scratch")


def local_for(url: str, kind: str) -> Path:
    """The local working folder of a remote location (`landing` mirror or `warehouse` scratch)."""
    return scratch_root() / f"{kind}-{hashlib.sha256(url.encode()).hexdigest()[:16]}"


@contextmanager
def _flock(path: Path):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _rel(fs, root: str, path: str) -> str:
    root = fs._strip_protocol(root).rstrip("/")
    path = fs._strip_protocol(path)
    return path[len(root):].lstrip("/")


# ---- landing ------------------------------------------------------------------------------------

def list_landing(url: str) -> dict[str, dict]:
    """Every object under the landing URL: relative path → {size, etag/mtime}."""
    fs, root = filesystem(url)
    out = {}
    for path, info in fs.find(root, detail=True).items():
        if info.get("type", "file") != "file":
            continue
        tag = info.get("ETag") or info.get("etag") or info.get("md5Hash") or info.get("mtime") or info.get("LastModified")
        out[_rel(fs, root, path)] = {"size": int(info.get("size") or 0), "tag": str(tag)}
    return out


def mirror_landing(url: str, local: Path | None = None) -> Path:
    """Make a local folder hold exactly the files under the landing URL; return it.

    Files are fetched only when new or changed (size or ETag), removed when gone from the store; the
    index of what was fetched sits beside the folder, so the mirror holds only the landing's own files
    (the scan sees the same files, hidden ones included, as it would on the store). Concurrent steps on
    one machine take turns.
    """
    local = Path(local) if local is not None else local_for(url, "landing")
    index_path = local.with_name(local.name + ".index.json")
    with _flock(local.with_name(local.name + ".lock")):
        fs, root = filesystem(url)
        wanted = list_landing(url)
        try:
            have = json.loads(index_path.read_text()) if index_path.exists() else {}
        except ValueError:
            have = {}
        local.mkdir(parents=True, exist_ok=True)
        for rel, meta in wanted.items():
            dest = local / rel
            if have.get(rel) == meta and dest.is_file() and dest.stat().st_size == meta["size"]:
                continue
            dest.parent.mkdir(parents=True, exist_ok=True)
            tmp = dest.with_name(f".{dest.name}.part-{os.getpid()}")
            fs.get_file(join(root, rel), str(tmp))
            os.replace(tmp, dest)
        for rel in set(have) - set(wanted):
            (local / rel).unlink(missing_ok=True)
        for p in sorted(local.rglob("*"), reverse=True):  # files not in the store (left by a killed fetch)
            rel = p.relative_to(local).as_posix()
            if p.is_file() and rel not in wanted:
                p.unlink()
            elif p.is_dir() and not any(p.iterdir()):
                p.rmdir()
        tmp_index = index_path.with_name(index_path.name + f".tmp-{os.getpid()}")
        tmp_index.write_text(json.dumps(wanted, sort_keys=True))
        os.replace(tmp_index, index_path)
    return local


# ---- publishing ---------------------------------------------------------------------------------

def _version() -> str:
    return f"{time.time_ns():020d}-{uuid.uuid4().hex[:8]}"


def _read_json(fs, path: str) -> dict | None:
    try:
        with fs.open(path, "rb") as fh:
            return json.loads(fh.read())
    except FileNotFoundError:
        return None


def _put_json(fs, path: str, obj: dict) -> None:
    fs.pipe_file(path, json.dumps(obj, sort_keys=True, indent=1).encode())  # one PUT: the commit


def publish_year(local_marts: Path, url: str, year: int, tables: list[str]) -> str:
    """Upload a year's tables (from the local marts just written) and commit its manifest; returns the version."""
    fs, root = filesystem(url)
    version = _version()
    folder = f"{PUBLISHED}/report_year={year}.{version}"
    files = {}
    for table in tables:
        src = Path(local_marts) / table / f"report_year={year}" / PART
        rel = f"{folder}/{table}/{PART}"
        fs.put_file(str(src.resolve()), join(root, rel))
        files[table] = rel
    _put_json(fs, join(root, MANIFESTS, f"report_year={year}.json"),
              {"year": year, "version": version, "tables": files})
    _collect(fs, root, f"report_year={year}.", version)
    return version


def publish_continuity(local_marts: Path, url: str, years: list[int]) -> str:
    """Upload each year's cross-year continuity findings and commit them together."""
    fs, root = filesystem(url)
    version = _version()
    files = {}
    for y in years:
        src = Path(local_marts) / "dq_findings" / f"report_year={y}" / CONTINUITY_FILE
        if src.exists():
            rel = f"{PUBLISHED}/continuity.{version}/report_year={y}.parquet"
            fs.put_file(str(src), join(root, rel))
            files[str(y)] = rel
    _put_json(fs, join(root, MANIFESTS, "continuity.json"), {"version": version, "files": files})
    _collect(fs, root, "continuity.", version)
    return version


def publish_file(local_file: Path, url: str, rel: str) -> None:
    """Upload one single-file table (a code dimension, the null-year findings): one PUT, atomic."""
    fs, root = filesystem(url)
    fs.put_file(str(Path(local_file).resolve()), join(root, rel))


def publish_tree(local_dir: Path, url: str, rel: str) -> None:
    """Upload a folder of side outputs (quality pages, yearbooks, analysis tables); no manifest needed."""
    local_dir = Path(local_dir)
    if not local_dir.is_dir():
        return
    fs, root = filesystem(url)
    for p in sorted(local_dir.rglob("*")):
        if p.is_file() and not p.name.startswith("."):
            fs.put_file(str(p.resolve()), join(root, rel, p.relative_to(local_dir).as_posix()))


def _collect(fs, root: str, prefix: str, current: str) -> None:
    """Remove versions older than the committed one, keeping KEEP_VERSIONS (uncommitted uploads included)."""
    base = join(root, PUBLISHED)
    try:
        names = [p.rstrip("/").rsplit("/", 1)[-1] for p in fs.ls(base, detail=False)]
    except FileNotFoundError:
        return
    versions = sorted(n[len(prefix):] for n in names if n.startswith(prefix))
    older = [v for v in versions if v < current]
    for v in older[: max(0, len(older) - (KEEP_VERSIONS - 1))]:
        fs.rm(join(base, prefix + v), recursive=True)


# ---- reading ------------------------------------------------------------------------------------

def committed_files(url: str) -> dict[str, list[tuple[int | None, str]]]:
    """table → [(year, relative path)] of every committed file (years through their manifests)."""
    fs, root = filesystem(url)
    out: dict[str, list[tuple[int | None, str]]] = {}
    for path in sorted(fs.glob(join(root, MANIFESTS, "report_year=*.json"))):
        m = _read_json(fs, path)
        for table, rel in sorted((m or {}).get("tables", {}).items()):
            out.setdefault(table, []).append((int(m["year"]), rel))
    cont = _read_json(fs, join(root, MANIFESTS, "continuity.json")) or {}
    for y, rel in sorted(cont.get("files", {}).items()):
        out.setdefault("dq_findings", []).append((int(y), rel))
    for path in sorted(fs.glob(join(root, "marts", "*", PART)) + fs.glob(join(root, "marts", "*", "*", PART))):
        rel = _rel(fs, root, path)
        parts = rel.split("/")
        year = None if len(parts) == 3 else (None if parts[2].endswith(NULL_PARTITION) else int(parts[2].split("=")[1]))
        out.setdefault(parts[1], []).append((year, rel))
    return out


def committed_years(url: str) -> list[int]:
    fs, root = filesystem(url)
    return sorted(int(p.rsplit("=", 1)[1][:-5]) for p in fs.glob(join(root, MANIFESTS, "report_year=*.json")))


def pull(url: str, local_warehouse: Path, years: list[int] | None = None) -> Path:
    """Copy the committed marts into a local warehouse in the contract layout (real files); returns its marts."""
    fs, root = filesystem(url)
    marts = Path(local_warehouse) / "marts"
    for table, files in committed_files(url).items():
        for year, rel in files:
            if years is not None and year is not None and year not in years:
                continue
            if rel.startswith("marts/"):
                dest = Path(local_warehouse) / rel
            else:
                name = CONTINUITY_FILE if "/continuity." in rel else PART
                dest = marts / table / f"report_year={NULL_PARTITION if year is None else year}" / name
            dest.parent.mkdir(parents=True, exist_ok=True)
            tmp = dest.with_name(f".tmp-pull-{os.getpid()}")
            fs.get_file(join(root, rel), str(tmp))
            if dest.is_symlink():
                dest.unlink()
            os.replace(tmp, dest)
    return marts


def read_table(url: str, table: str, year: int | None = None):
    """One contract table as a polars frame, from committed files only (all years, or one)."""
    import polars as pl

    fs, root = filesystem(url)
    frames = []
    for y, rel in committed_files(url).get(table, []):
        if year is not None and y != year:
            continue
        with fs.open(join(root, rel), "rb") as fh:
            frames.append(pl.read_parquet(io.BytesIO(fh.read()), hive_partitioning=False))
    return pl.concat(frames, how="vertical_relaxed") if frames else None


def read_table_part(url: str, table: str, year: int | None, continuity: bool = False):
    """The one committed file of a table's year (or of an unpartitioned table), None if there is none.

    For dq_findings, `continuity=True` reads the year's cross-year findings instead of its own file.
    """
    import polars as pl

    fs, root = filesystem(url)
    for y, rel in committed_files(url).get(table, []):
        if y == year and ("/continuity." in rel) == continuity:
            with fs.open(join(root, rel), "rb") as fh:
                return pl.read_parquet(io.BytesIO(fh.read()), hive_partitioning=False)
    return None


def connect(url: str, con=None):
    """A DuckDB connection with one view per contract table over the committed files of a remote warehouse.

    DuckDB reads the store through the fsspec filesystem registered on the connection (no httpfs needed).
    """
    import duckdb

    from transforms.marts import quote_ident, quote_str

    fs, root = filesystem(url)
    con = con or duckdb.connect()
    con.register_filesystem(fs)
    protocol = fs.protocol[0] if isinstance(fs.protocol, (tuple, list)) else fs.protocol
    for table, files in sorted(committed_files(url).items()):
        paths = ", ".join(quote_str(f"{protocol}://{join(root, rel)}") for _, rel in files)
        con.execute(f"CREATE OR REPLACE VIEW {quote_ident(table)} AS SELECT * FROM read_parquet([{paths}], "
                    "hive_partitioning = false, union_by_name = true)")
    return con


def probe(url: str) -> None:
    """Write and remove a small object, so missing credentials or a read-only bucket show before a run."""
    fs, root = filesystem(url)
    path = join(root, f".gongkai-probe-{os.getpid()}-{uuid.uuid4().hex[:6]}")
    fs.pipe_file(path, b"\0" * 1024)
    fs.rm(path)


# ---- hooks of the marts assets (orchestration/marts.py): each is a no-op for a local warehouse ------

def published_year(gongkai, year: int, tables) -> None:
    """After a year's marts were written locally: publish them (and its quality page) to the store."""
    if not gongkai.warehouse_url:
        return
    wh = Path(gongkai.warehouse_dir)
    publish_year(wh / "marts", gongkai.warehouse_url, year, list(tables))
    quality = wh / "quality" / f"report_year={year}.html"
    if quality.exists():
        publish_file(quality, gongkai.warehouse_url, f"quality/{quality.name}")


def published_table(gongkai, table: str, year: int | None = None) -> None:
    """After a single-file table (a code dimension, the null-year findings) was written locally: upload it."""
    if not gongkai.warehouse_url:
        return
    local = Path(gongkai.warehouse_dir) / "marts" / table
    rel = f"marts/{table}"
    if year is None and table == "dq_findings":
        local, rel = local / f"report_year={NULL_PARTITION}", f"{rel}/report_year={NULL_PARTITION}"
    publish_file(local / PART, gongkai.warehouse_url, f"{rel}/{PART}")


def before_all_years(gongkai) -> None:
    """Before a step that reads every year (cross-year continuity): bring the committed marts here."""
    if gongkai.warehouse_url:
        pull(gongkai.warehouse_url, Path(gongkai.warehouse_dir))


def published_all_years(gongkai, years) -> None:
    """After the cross-year step: publish the continuity findings, the analysis tables and the yearbooks."""
    if not gongkai.warehouse_url:
        return
    wh = Path(gongkai.warehouse_dir)
    publish_continuity(wh / "marts", gongkai.warehouse_url, [int(y) for y in years])
    for side in ("analysis", "reports"):
        publish_tree(wh / side, gongkai.warehouse_url, side)
