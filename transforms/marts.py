"""Core layers → the star-schema marts of the data contract, written as atomic hive partitions."""

from __future__ import annotations

import errno
import fcntl
import os
import re
import shutil
import signal
import time
from contextlib import contextmanager
from pathlib import Path

import polars as pl

from transforms import labels
from transforms.findings import finding

FACT_KEYS = {
    "fact_request_handling": ("outcome", "applicant_type", labels.OUTCOME_CODES, labels.APPLICANT_CODES),
    "fact_active_disclosure": ("item", "metric", labels.DISCLOSURE_ITEM_CODES, labels.DISCLOSURE_METRIC_CODES),
    "fact_review_litigation": ("case_type", "result", labels.CASE_TYPE_CODES, labels.REVIEW_RESULT_CODES),
}
CELL_FRAMES = {
    "fact_request_handling": "request_handling_cells",
    "fact_active_disclosure": "active_disclosure_cells",
    "fact_review_litigation": "review_litigation_cells",
}
DIM_REPORT_COLUMNS = [
    "report_id", "source_path", "agency_name", "region_province", "region_city", "region_county",
    "region_township", "admin_level", "report_year", "template", "source_script", "source_format",
    "parse_status", "published_date", "title", "sha256",
]
MART_TABLES = ["dim_report", *FACT_KEYS, "report_sections", "dq_findings"]
NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"
CONTINUITY_FILE = "continuity.parquet"  # cross-year findings, written beside a year's dq_findings
KEEP_FILES = {CONTINUITY_FILE}


# Sub-row groups of the templates: (三)不予公开, (四)无法提供, (五)不予处理, (六)其他处理 (2021 split), 行政诉讼.
_PARENT_PREFIXES = ("withheld", "unavailable", "not_processed", "other", "litigation")
_TOTAL_CODES = {"total", "total_processed"}  # 总计 columns/rows: summing them with their parts double-counts


def code_dimensions() -> dict[str, pl.DataFrame]:
    """The code dimensions: stable English code, Chinese label, template sort order, and for BI tools
    `is_total` (a 总计 row/column) and `parent_code` (the group a sub-row belongs to, else null)."""
    def parent(code, grouped):
        return next((p for p in _PARENT_PREFIXES if grouped and code.startswith(p + "_")), None)

    def dim(pairs, grouped=False):
        codes = [c for c, _ in pairs]
        return pl.DataFrame({"code": codes, "label_zh": [z for _, z in pairs],
                             "sort_order": list(range(1, len(pairs) + 1)),
                             "is_total": [c in _TOTAL_CODES for c in codes], "parent_code": [parent(c, grouped) for c in codes]},
                            schema={"code": pl.String, "label_zh": pl.String, "sort_order": pl.Int32,
                                    "is_total": pl.Boolean, "parent_code": pl.String})
    review = pl.concat([
        dim(labels.REVIEW_CASE_TYPES, grouped=True).with_columns(kind=pl.lit("case_type")),
        dim(labels.REVIEW_RESULTS).with_columns(kind=pl.lit("result")),
    ]).select("kind", "code", "label_zh", "sort_order", "is_total", "parent_code")
    return {
        "dim_applicant_type": dim(labels.APPLICANT_TYPES),
        "dim_request_outcome": dim(labels.REQUEST_OUTCOMES, grouped=True),
        "dim_disclosure_item": dim(labels.DISCLOSURE_ITEMS),
        "dim_disclosure_metric": dim(labels.DISCLOSURE_METRICS),
        "dim_review_litigation": review,
    }


def parse_status(normalised: pl.DataFrame, sections: pl.DataFrame, cells: dict[str, pl.DataFrame],
                 findings: pl.DataFrame) -> pl.DataFrame:
    """ok | partial | quarantined per report: quarantined when its text is not trusted, partial if anything is
    missing, doubtful (a `metadata` finding: no agency, region or date) or in error."""
    missing_cells = pl.concat([df.filter(pl.col("cell_source") == "missing").select("report_id") for df in cells.values()])
    with_tables = pl.concat([df.select("report_id") for df in cells.values()]).unique()
    n_sections = sections.group_by("report_id").len()
    partial = set(missing_cells["report_id"]) | set(
        findings.filter(pl.col("check_name").is_in(["section_missing", "table_missing", "possibly_truncated"])
                        | (pl.col("severity") == "error") | (pl.col("stage") == "metadata"))["report_id"]
    )
    full = set(n_sections.filter(pl.col("len") >= 6)["report_id"])
    has_tables = set(with_tables["report_id"])
    rows = []
    for rid, reason in normalised.select("report_id", "quarantine_reason").iter_rows():
        if reason:
            status = "quarantined"
        elif rid in partial or rid not in full or rid not in has_tables:
            status = "partial"
        else:
            status = "ok"
        rows.append((rid, status))
    return pl.DataFrame(rows, schema={"report_id": pl.String, "parse_status": pl.String}, orient="row")


def build_marts(normalised: pl.DataFrame, sections: pl.DataFrame, cells: dict[str, pl.DataFrame],
                findings: pl.DataFrame) -> dict[str, pl.DataFrame]:
    """All mart tables for one year, sorted deterministically."""
    status = parse_status(normalised, sections, cells, findings)
    dim_report = (
        normalised.join(status, on="report_id", how="left").select(DIM_REPORT_COLUMNS).sort("source_path")
    )
    out = {"dim_report": dim_report}
    for table, (a, b, order_a, order_b) in FACT_KEYS.items():
        df = cells[CELL_FRAMES[table]]
        rank_a = {c: i for i, c in enumerate(order_a)}
        rank_b = {c: i for i, c in enumerate(order_b)}
        out[table] = (
            df.with_columns(_a=pl.col(a).replace_strict(rank_a, default=999), _b=pl.col(b).replace_strict(rank_b, default=999))
            .sort(["report_id", "_a", "_b"]).drop("_a", "_b")
        )
    out["report_sections"] = sections.sort(["report_id", "section_no"])
    same = same_body_and_year(dim_report)
    if same:
        findings = pl.concat([findings, pl.DataFrame(same, schema=findings.schema)], how="vertical")
    out["dq_findings"] = _capped(findings.unique()).sort(["source_path", "stage", "check_name", "message"], nulls_last=True)
    return out


MAX_FINDINGS_PER_CHECK = 50


def _capped(findings: pl.DataFrame) -> pl.DataFrame:
    """At most `MAX_FINDINGS_PER_CHECK` rows of one check for one file and stage (a hostile file repeating
    a heading 100k times made 105k rows), and then one row saying how many more there were."""
    keys = ["source_path", "report_id", "stage", "check_name"]
    counts = findings.group_by(keys).len()
    if counts.is_empty() or counts["len"].max() <= MAX_FINDINGS_PER_CHECK:
        return findings
    kept = (findings.sort([*keys, "message"], nulls_last=True)
            .with_columns(_n=pl.int_range(pl.len()).over(keys))
            .filter(pl.col("_n") < MAX_FINDINGS_PER_CHECK).drop("_n"))
    over = counts.filter(pl.col("len") > MAX_FINDINGS_PER_CHECK)
    first = kept.unique(subset=keys, keep="first").join(over, on=keys, how="inner", nulls_equal=True)
    more = first.with_columns(message=pl.format("… and {} more findings of this check for this file (the first {} are listed)",
                                                pl.col("len") - MAX_FINDINGS_PER_CHECK, pl.lit(MAX_FINDINGS_PER_CHECK))
                              ).drop("len").select(findings.columns)
    return pl.concat([kept, more], how="vertical")


def same_body_and_year(dim_report: pl.DataFrame) -> list[dict]:
    """A finding on each report whose agency and year another file of the year also has: one report
    published twice (a portal page and its PDF attachment, a re-issued copy) or two reports of one
    body, which an analysis must not count twice. Files with the same bytes never get here (the
    landing rejects them as `duplicate`); reports without an agency are not compared."""
    named = dim_report.filter(pl.col("agency_name").is_not_null())
    if named.height < 2:
        return []
    groups = (named.group_by("agency_name", "report_year", maintain_order=True)
              .agg(pl.col("report_id"), pl.col("source_path")).filter(pl.col("report_id").list.len() > 1))
    out = []
    for agency, year, ids, paths in groups.iter_rows():
        for rid, path in zip(ids, paths):
            others = ", ".join(f"'{p}'" for p in paths if p != path)
            out.append(finding(rid, path, year, "marts", "same_agency_and_year", "warning",
                               f"{agency} {year} is also read from {others}: one report published twice (a page and "
                               "its attachment, a re-issued copy) or two reports of one body; count it once"))
    return out


def partition_dir(marts: Path, table: str, year: int | None) -> Path:
    """WAREHOUSE/marts/<table>/report_year=<YYYY> (hive layout); null years use Hive's default name."""
    return marts / table / f"report_year={NULL_PARTITION if year is None else year}"


# ---- publishing ---------------------------------------------------------------------------------
# A year is published whole. Its tables are written into a staging folder, which is renamed to a
# new version `WAREHOUSE/published/report_year=<Y>.<n>/<table>/part-0.parquet`; the year is then
# switched to that version by replacing ONE symlink, `published/report_year=<Y>` → `report_year=<Y>.<n>`.
# The contract paths `marts/<table>/report_year=<Y>/part-0.parquet` are stable relative symlinks
# through that year link, so every reader (DuckDB, polars, pyarrow, a BI tool) sees either the whole
# old year or the whole new one; a kill at any point leaves one of the two.

PUBLISHED = "published"
PART = "part-0.parquet"
KILL_ENV = "GONGKAI_TEST_KILL_AT"        # test hook: SIGKILL this process at the k-th publish boundary
FAULT_ENV = "GONGKAI_TEST_FAIL_WRITE"    # test hook: ENOSPC | EROFS | EACCES [@preflight|@marts|@layers]
_boundaries = 0


def published_dir(marts: Path) -> Path:
    """WAREHOUSE/published: the versions of every year; readers use the links under marts/."""
    return Path(marts).parent / PUBLISHED


def test_fault(where: str) -> None:
    """Raise the OSError named by $GONGKAI_TEST_FAIL_WRITE (a full disk, a read-only mount) at `where`.

    Tests cannot fill a disk or remount one on every machine, so the writers ask this hook first.
    """
    spec = os.environ.get(FAULT_ENV)
    if not spec:
        return
    name, _, only = spec.partition("@")
    if only and only != where:
        return
    code = getattr(errno, name.strip().upper(), errno.EIO)
    raise OSError(code, os.strerror(code), where)


def _boundary() -> None:
    """Test hook (tests/test_kill.py): SIGKILL ourselves at the k-th publish boundary."""
    global _boundaries
    _boundaries += 1
    if (k := os.environ.get(KILL_ENV)) and int(k) == _boundaries:
        os.kill(os.getpid(), signal.SIGKILL)


def _write_parquet(path: Path, df: pl.DataFrame) -> None:
    """Write and fsync one Parquet file (zstd, statistics); deterministic bytes for the same frame."""
    test_fault("marts")
    df.write_parquet(path, compression="zstd", statistics=True)
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def _write_layer(path: Path, layer) -> None:
    """`_write_parquet` of a table streamed to disk (`transforms.layers.Layer`): the same bytes as its frame
    in one chunk (a sorted frame, as `build_marts` gives), never holding it whole."""
    from transforms.layers import write_like_polars

    test_fault("marts")
    write_like_polars(layer, path, path.with_name(f".{path.name}.groups"))
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def _fsync_dir(d: Path) -> None:
    fd = os.open(d, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def write_year(marts: Path, year: int, tables: dict) -> Path:
    """Publish all of a year's mart tables together (see the comment above); returns the version folder.

    A table is a polars frame or a `transforms.layers.Layer` (streamed to disk: written without being
    held whole, with the bytes of its frame).

    Concurrent writers (a UI backfill runs years in parallel) stage privately and publish under a lock.
    On any error the staging folder is removed and the year stays as it was.
    """
    marts = Path(marts)
    store = published_dir(marts)
    store.mkdir(parents=True, exist_ok=True)
    stage = store / f".stage-{year}-{os.getpid()}-{time.monotonic_ns()}"
    try:
        for table, df in tables.items():
            (stage / table).mkdir(parents=True)
            if isinstance(df, pl.DataFrame):
                _write_parquet(stage / table / PART, df)
            else:
                _write_layer(stage / table / PART, df)
            _boundary()
        with _locked(store / ".publish"), _no_interrupts():
            versions = [int(p.name.rsplit(".", 1)[1]) for p in store.glob(f"report_year={year}.*")
                        if p.name.rsplit(".", 1)[1].isdigit()]
            version = store / f"report_year={year}.{max(versions, default=0) + 1}"
            os.rename(stage, version)
            _fsync_dir(store)
            year_link = store / f"report_year={year}"
            for table in tables:  # stable links, made before the switch (they resolve only through it)
                _link(partition_dir(marts, table, year) / PART,
                      Path("..", "..", "..", PUBLISHED, year_link.name, table, PART))
            tmp = store / f".link-{year}-{os.getpid()}"
            tmp.unlink(missing_ok=True)
            os.symlink(version.name, tmp)
            os.replace(tmp, year_link)  # the one switch
            _fsync_dir(store)
            _boundary()
            _collect(store, year, keep=version)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    return version


@contextmanager
def _no_interrupts():
    """Hold Ctrl-C (SIGINT/SIGTERM) back while a year is switched; it is delivered right after."""
    sigs = {signal.SIGINT, signal.SIGTERM}
    old = signal.pthread_sigmask(signal.SIG_BLOCK, sigs)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _link(path: Path, target: Path) -> None:
    """Make `path` a symlink to `target` (replacing an old-layout real file atomically)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_symlink() and Path(os.readlink(path)) == target:
        return
    tmp = path.parent / f".tmp-link-{os.getpid()}"
    tmp.unlink(missing_ok=True)
    os.symlink(target, tmp)
    os.replace(tmp, path)


def _collect(store: Path, year: int, keep: Path) -> None:
    """Remove the year's superseded versions and staging folders left by killed writers."""
    for p in store.glob(f"report_year={year}.*"):
        if p != keep and not p.is_symlink():
            shutil.rmtree(p, ignore_errors=True)
    for p in store.glob(".stage-*"):
        parts = p.name.split("-")
        if len(parts) >= 3 and parts[2].isdigit() and not _pid_alive(int(parts[2])):
            shutil.rmtree(p, ignore_errors=True)
    for p in store.glob(".link-*"):
        if p.name.rsplit("-", 1)[-1].isdigit() and not _pid_alive(int(p.name.rsplit("-", 1)[-1])):
            p.unlink(missing_ok=True)


def year_files(marts: Path, table: str) -> list[Path]:
    """The readable year files of a table (contract paths; a link not yet switched in is skipped)."""
    return [p for p in sorted((Path(marts) / table).glob("report_year=*/*.parquet")) if p.exists()]


def write_partition(marts: Path, table: str, year: int | None, df: pl.DataFrame) -> Path:
    """Replace one table's partition on its own (the null-year findings); years use `write_year`."""
    return _replace_file(partition_dir(marts, table, year), df)


def write_table(marts: Path, table: str, df: pl.DataFrame) -> Path:
    """Replace an unpartitioned table (the code dimensions) atomically."""
    return _replace_file(marts / table, df)


def write_continuity(marts: Path, year: int, df: pl.DataFrame) -> Path:
    """Replace a year's cross-year continuity findings (a second file in its dq_findings partition)."""
    return _replace_file(partition_dir(marts, "dq_findings", year), df, CONTINUITY_FILE)


def _replace_file(d: Path, df: pl.DataFrame, name: str = PART) -> Path:
    """Write `name` in `d` via a temp file, fsync and rename, so a reader never sees half a file.

    The temp name has no .parquet suffix: nothing that globs *.parquet (the DuckDB views, polars,
    the clean-up below) ever sees one, not even one left behind by a killed run.
    """
    d.mkdir(parents=True, exist_ok=True)
    for stale in d.glob(".tmp-*"):
        stale.unlink(missing_ok=True)  # left by a run killed mid-write
    final = d / name
    tmp = d / f".tmp-{os.getpid()}"
    try:
        _write_parquet(tmp, df)
        if pause := os.environ.get("GONGKAI_TEST_PAUSE_BEFORE_RENAME"):
            time.sleep(float(pause))  # test hook: hold the temp file so a kill lands mid-write
        os.replace(tmp, final)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    for other in d.glob("*.parquet"):
        if other != final and other.name not in KEEP_FILES and final.name not in KEEP_FILES:
            other.unlink()
    return final


@contextmanager
def _locked(path: Path):
    """Serialise writers of one file (the DuckDB views, a year's publication) across processes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_suffix(".lock"), "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


# ---- DuckDB views -------------------------------------------------------------------------------
# Written with an older storage format, so DuckDB 1.0 and later (and the BI tools embedding them)
# open the file; duckdb 2.0's default format (69) is unreadable before 2.0.
STORAGE_VERSION = "v1.0.0"


def quote_ident(name: str) -> str:
    """A SQL identifier in double quotes, inner quotes doubled."""
    return '"' + name.replace('"', '""') + '"'


def quote_str(text: str) -> str:
    """A SQL string literal in single quotes, inner quotes doubled."""
    return "'" + text.replace("'", "''") + "'"


def contract_tables() -> list[str]:
    """The tables docs/CONTRACT.md names: the year marts and the code dimensions."""
    return [*MART_TABLES, *code_dimensions()]


def view_statements(marts: Path) -> dict[str, str]:
    """One CREATE VIEW per contract table that has readable files; any other folder is ignored."""
    out = {}
    for name in contract_tables():
        d = marts / name
        if not d.is_dir():
            continue
        if year_files(marts, name):
            glob = str(d / "**" / "*.parquet")
        elif any(p.exists() for p in d.glob("*.parquet")):
            glob = str(d / "*.parquet")
        else:
            continue
        out[name] = (f"CREATE OR REPLACE VIEW {quote_ident(name)} AS SELECT * FROM read_parquet({quote_str(glob)}, "
                     "hive_partitioning = false, union_by_name = true)")
    return out


def _create_views(con, marts: Path, statements: dict[str, str]) -> str | None:
    """The contract views, then the analysis views (transforms/analysis.py) if present; why those failed."""
    for sql in statements.values():
        con.execute(sql)
    try:
        from transforms.analysis import create_analysis_views
    except ImportError:
        return None
    try:
        create_analysis_views(con, marts)
    except Exception as exc:  # the contract views stand on their own; say why the others are missing
        return f"analysis views not created: {type(exc).__name__}: {str(exc).strip().splitlines()[0]}"
    return None


def _views_of(con) -> dict[str, str]:
    return {r[0]: r[1] for r in con.execute("SELECT view_name, sql FROM duckdb_views() WHERE NOT internal").fetchall()}


def _is_lock_conflict(exc: Exception) -> bool:
    msg = str(exc).lower()
    return ("lock" in msg and ("conflicting" in msg or "could not set" in msg)) or "different configuration" in msg


def storage_version_number(db: Path) -> int | None:
    """The storage version number in a DuckDB file's header (64 = DuckDB 1.0/1.1), None if unreadable."""
    try:
        with open(db, "rb") as fh:
            head = fh.read(20)
    except OSError:
        return None
    return int.from_bytes(head[12:20], "little") if len(head) == 20 and head[8:12] == b"DUCK" else None


def refresh_views(warehouse: Path, attempts: int = 8) -> list[str]:
    """Make gongkai.duckdb hold one view per contract table (and the analysis views), over all years.

    The wanted views are built in memory first; when the file already holds exactly those, nothing
    is written. Otherwise a new file is written beside it and renamed over it, so a reader never sees
    a half-built file, a corrupted file is simply replaced, and readers that have the old file open
    keep working. Only a process holding the file open for writing stops this (retried, then
    `ViewsBusy`); the Parquet marts are written either way.

    The views read their Parquet through globs, so new files of a table already viewed need no
    refresh: when this process last left the file with the same statements (and the file is still
    the one it left: same inode, size and mtime), the call returns at once (a run refreshes after
    every asset that writes marts; most of those calls change nothing).
    """
    import duckdb

    warehouse = Path(warehouse).resolve()
    marts = warehouse / "marts"
    db = warehouse / "gongkai.duckdb"
    statements = view_statements(marts)
    key = str(db)
    last = _LAST_REFRESH.get(key)
    if last is not None and last == (statements, _file_signature(db)):
        return sorted(statements)
    _LAST_REFRESH.pop(key, None)
    mem = duckdb.connect()
    try:
        problem = _create_views(mem, marts, statements)
        wanted = _views_of(mem)
    finally:
        mem.close()
    names = _refresh(db, marts, statements, wanted, attempts)
    if problem:
        raise ViewsNotRefreshed(problem + " (the contract views are in place)")
    _LAST_REFRESH[key] = (statements, _file_signature(db))
    return names


# db path -> (statements, file signature) this process last left a views file with, no problem seen.
_LAST_REFRESH: dict[str, tuple[dict[str, str], tuple | None]] = {}


def _file_signature(db: Path) -> tuple | None:
    try:
        st = db.stat()
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


_SQL_NOISE = re.compile(r"[()\s;]+")


def _same_views(have: dict[str, str], wanted: dict[str, str]) -> bool:
    """Whether a file's views are the wanted ones. DuckDB re-prints a view's SQL when it stores it (joins
    gain or lose parentheses), so the texts are compared without parentheses, blanks and semicolons."""
    return have.keys() == wanted.keys() and all(
        _SQL_NOISE.sub("", have[k]) == _SQL_NOISE.sub("", wanted[k]) for k in wanted)


def _refresh(db: Path, marts: Path, statements: dict[str, str], wanted: dict[str, str], attempts: int) -> list[str]:
    import duckdb

    with _locked(db):
        for attempt in range(attempts):
            readable = True
            if db.exists():
                try:
                    con = duckdb.connect(str(db), read_only=True)
                except duckdb.Error as exc:
                    if _is_lock_conflict(exc):
                        time.sleep(min(0.25 * (attempt + 1), 2.0))  # another process holds it for writing
                        continue
                    readable = False  # corrupted or truncated: replaced below
                if readable:
                    try:
                        same = _same_views(_views_of(con), wanted)
                    except duckdb.Error:
                        same = False
                    finally:
                        con.close()
                    if same and storage_version_number(db) == _target_version_number():
                        return sorted(statements)
            _rebuild(db, marts, statements)
            return sorted(statements)
    raise ViewsBusy(f"{db} is held open for writing by another process; the marts are written, "
                    "re-run to refresh the views")


_TARGET: list[int] = []


def _target_version_number() -> int:
    """The header version number a file written with STORAGE_VERSION carries (probed once)."""
    if not _TARGET:
        import tempfile

        import duckdb

        with tempfile.TemporaryDirectory() as d:
            p = Path(d) / "probe.duckdb"
            duckdb.connect(str(p), config={"storage_compatibility_version": STORAGE_VERSION}).close()
            _TARGET.append(storage_version_number(p) or -1)
    return _TARGET[0]


def _rebuild(db: Path, marts: Path, statements: dict[str, str]) -> None:
    """Write the views into a new file and rename it over `db` (atomic)."""
    import duckdb

    test_fault("marts")
    tmp = db.with_name(f".{db.name}.tmp-{os.getpid()}")
    for stale in (tmp, tmp.with_name(tmp.name + ".wal")):
        stale.unlink(missing_ok=True)
    try:
        con = duckdb.connect(str(tmp), config={"storage_compatibility_version": STORAGE_VERSION})
        try:
            _create_views(con, marts, statements)  # an analysis-view problem is reported by the caller
            con.execute("CHECKPOINT")
        finally:
            con.close()
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, db)
        db.with_name(db.name + ".wal").unlink(missing_ok=True)  # a WAL of the replaced file is not ours
    except BaseException:
        tmp.unlink(missing_ok=True)
        tmp.with_name(tmp.name + ".wal").unlink(missing_ok=True)
        raise


def glob_of(sql: str) -> str:
    """The Parquet glob inside a view definition (to see whether an existing view still fits)."""
    m = re.search(r"read_parquet\('((?:[^']|'')+)'", sql)
    return m.group(1).replace("''", "'") if m else sql


class ViewsNotRefreshed(RuntimeError):
    """The DuckDB views could not be refreshed (the marts are written)."""


class ViewsBusy(ViewsNotRefreshed):
    """The DuckDB file stayed locked by another process."""
