"""Landing → raw: the manifest of every input file, and each year's decoded reports.

The manifest decides, once, which files are reports and which year each belongs to; a file
it rejects becomes a finding of its year (or of the null year), never a silent drop.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Iterable

import polars as pl

from transforms.findings import finding, findings_frame
from transforms.ingest import DecodeError, ReaderError, manifest_frame, read_document, real_path, report_id_for, scan_landing
from transforms.metadata import detect_report_year
from transforms.normalise import canonical_width, to_simplified

RAW_SCHEMA = {"report_id": pl.String, "sha256": pl.String, "source_path": pl.String, "report_year": pl.Int32,
              "source_format": pl.String, "encoding": pl.String, "raw_text": pl.String}
_HEAD_CHARS = 6000


def guess_year(text: str) -> int | None:
    """The report year read from the head of a decoded file (cheap normalisation first)."""
    return detect_report_year(canonical_width(to_simplified(text[:_HEAD_CHARS])))


def build_manifest(input_dir: str | Path, max_bytes: int, exclude: Iterable[str | Path] = (),
                   options=None, stats: list | None = None) -> pl.DataFrame:
    """Scan the input folder into the landing manifest (every file, accepted or rejected with a reason).

    A duplicate takes the year of the copy that was kept, so its finding lands in that year's partition.
    `exclude` lists folders not to scan (pass the warehouse, in case it sits inside the input folder).
    The per-file work (read, hash, decode, year guess) runs on the batch engine (`options`, default
    `EngineOptions.from_env()`): in bounded batches on its process pool, in-process for a small folder.
    No text is kept (the raw stage reads each file again), so memory does not grow with the corpus.
    """
    from transforms.engine import EngineOptions

    files = scan_landing(Path(input_dir), max_bytes=max_bytes, year_of=guess_year, exclude=exclude,
                         options=options or EngineOptions.from_env(), texts=False, stats=stats)
    df = manifest_frame(files)
    kept = (df.filter((pl.col("status") == "accepted") & pl.col("sha256").is_not_null())
            .group_by("sha256").agg(pl.col("report_year").first().alias("_kept_year")))
    return (df.join(kept, on="sha256", how="left")
            .with_columns(report_year=pl.coalesce("report_year", "_kept_year")).drop("_kept_year")
            .sort("source_path"))


def _rejected_findings(rows: pl.DataFrame) -> list[dict]:
    """Rejected files are errors; accepted files that carry a note (NULs removed, …) are warnings."""
    return [f for r in rows.filter(pl.col("check_name").is_not_null()).iter_rows(named=True)
            for f in _row_findings(r)]


def _row_findings(r: dict) -> list[dict]:
    """`_rejected_findings` of one manifest row (a dict)."""
    if r["check_name"] is None:
        return []
    return [finding(None, r["source_path"], r["report_year"], "landing", r["check_name"],
                    "error" if r["status"] == "rejected" else "warning", r["message"])]


def unassigned_findings(manifest: pl.DataFrame) -> pl.DataFrame:
    """Findings for rejected files that have no year (they live in dq_findings' null partition)."""
    return findings_frame(_rejected_findings(manifest.filter((pl.col("status") == "rejected") & pl.col("report_year").is_null())))


def read_report(input_dir: Path, source_path: str, max_bytes: int) -> tuple[bytes, str, str | None, str]:
    """Read one landed file again: (raw bytes, text, encoding, format).

    The file is opened by its real path (the manifest's `source_path` is a printable escape of the
    name, inverted exactly by `real_path`), through the same reader as the scan. Raises
    DecodeError, ReaderError or OSError.
    """
    path = real_path(input_dir, source_path)
    with open(path, "rb") as fh:
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise DecodeError(f"file grew beyond {max_bytes} bytes since it was scanned")
    reading, _ = read_document(data, path.suffix.lower())
    return data, reading.text, reading.encoding, reading.source_format


def raw_reports_for(input_dir: str | Path, manifest: pl.DataFrame, year: int, max_bytes: int) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Decode the year's accepted files; the year's rejected files (and any read failure) become findings."""
    input_dir = Path(input_dir)
    of_year = manifest.filter(pl.col("report_year") == year)
    found = _rejected_findings(of_year)
    rows = []
    for r in of_year.filter(pl.col("status") == "accepted").sort("source_path").iter_rows(named=True):
        row, bad = _raw_row(input_dir, r, year, max_bytes)
        found += bad
        if row is not None:
            rows.append(row)
    return pl.DataFrame(rows, schema=RAW_SCHEMA), findings_frame(found)


def raw_report_of(input_dir: str | Path, r: dict, max_bytes: int) -> tuple[list[dict], list[dict]]:
    """`raw_reports_for` of one manifest row of its own year, as dict rows: (raw rows, finding rows).

    The findings are not deduplicated nor sorted (the raw stage sorts the year's findings once)."""
    if r["report_year"] is None:
        return [], []  # (the stage is only handed rows of a year)
    found = _row_findings(r)
    if r["status"] != "accepted":
        return [], found
    row, bad = _raw_row(Path(input_dir), r, r["report_year"], max_bytes)
    return ([row] if row is not None else []), found + bad


def _raw_row(input_dir: Path, r: dict, year: int, max_bytes: int) -> tuple[dict | None, list[dict]]:
    """One accepted manifest row → its raw row, or None and the finding that says why not."""
    try:
        data, text, enc, fmt = read_report(input_dir, r["source_path"], max_bytes)
    except (OSError, DecodeError, ReaderError) as exc:
        return None, [finding(None, r["source_path"], year, "raw", "unreadable", "error", f"could not read the file again: {exc}")]
    except (Exception, RecursionError) as exc:  # noqa: BLE001 - one file's reader failing never stops the batch
        return None, [finding(None, r["source_path"], year, "raw", "unreadable", "error",
                              f"could not read the file again ({exc.__class__.__name__}: {str(exc)[:160]})")]
    sha = hashlib.sha256(data).hexdigest()
    if sha != r["sha256"]:
        return None, [finding(None, r["source_path"], year, "raw", "changed_since_scan", "error",
                              "the file changed after the landing scan; re-run the manifest")]
    return ({"report_id": report_id_for(data), "sha256": sha, "source_path": r["source_path"], "report_year": year,
             "source_format": fmt, "encoding": enc, "raw_text": text}, [])
