"""The landing frames: `landing_manifest` (every file, no text) and `raw_reports` (accepted text)."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from transforms.ingest.discover import LandingFile

MANIFEST_SCHEMA: dict[str, pl.DataType] = {
    "source_path": pl.String(),
    "sha256": pl.String(),
    "size_bytes": pl.Int64(),
    "source_format": pl.String(),
    "encoding": pl.String(),
    "report_year": pl.Int32(),
    "status": pl.String(),
    "check_name": pl.String(),
    "message": pl.String(),
}
RAW_REPORTS_SCHEMA: dict[str, pl.DataType] = {
    "report_id": pl.String(),
    "source_path": pl.String(),
    "report_year": pl.Int32(),
    "source_format": pl.String(),
    "encoding": pl.String(),
    "raw_text": pl.String(),
}


def manifest_frame(files: list[LandingFile]) -> pl.DataFrame:
    """The `landing_manifest` frame (docs/architecture.md): one row per LandingFile, no text."""
    cols = list(MANIFEST_SCHEMA)
    return pl.DataFrame([{c: getattr(f, c) for c in cols} for f in files],
                        schema=MANIFEST_SCHEMA, orient="row")


def raw_reports_frame(files: list[LandingFile], input_dir: Path | str | None = None) -> pl.DataFrame:
    """The `raw_reports` frame: accepted files only; report_id = sha256 prefix of the raw bytes
    (identical to `report_id_for(data)`).

    A file the scan decided on its reader's probe (a PDF: `text_complete` False) is read again in
    full from `input_dir` (the folder given to `scan_landing`), which is then required.
    """
    recs = []
    for f in files:
        if f.status != "accepted" or not f.sha256 or f.text is None:
            continue
        text = f.text
        if not f.text_complete:
            if input_dir is None:
                raise ValueError(f"{f.source_path}: the scan kept only a probe of this {f.source_format} "
                                 "file; pass input_dir to read its tables")
            from transforms.ingest.discover import real_path
            from transforms.ingest.readers import read_document

            path = real_path(Path(input_dir), f.source_path)
            text = read_document(path.read_bytes(), path.suffix.lower())[0].text
        recs.append({"report_id": f.sha256[:16], "source_path": f.source_path, "report_year": f.report_year,
                     "source_format": f.source_format, "encoding": f.encoding, "raw_text": text})
    return pl.DataFrame(recs, schema=RAW_REPORTS_SCHEMA, orient="row")
