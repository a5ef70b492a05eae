"""`gongkai export`: the marts and the analysis views as CSV, Excel or Parquet files.

    gongkai export --format csv|xlsx|parquet [--years 2019,2020] [--out DIR] [--warehouse DIR]

Reads WAREHOUSE/marts through an in-memory DuckDB connection (the same views as gongkai.duckdb,
never that file, so it works while a reader holds it open). CSV and Parquet carry exactly the
mart and view columns (CSV in UTF-8 with a BOM, so spreadsheet programs show the Chinese text).
The workbook has one sheet per table with the Chinese label next to each code column, a frozen
header row whose cells carry the column's description, a `columns` sheet (the data dictionary)
and a `README` sheet (what, when, source, contract version).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

import polars as pl

from transforms import dictionary as dd
from transforms.analysis import connect
from transforms.dictionary import qi

FORMATS = ("csv", "xlsx", "parquet")
XLSX_MAX_CELL = 32767  # Excel's limit on one cell's text
XLSX_CHUNK = 32000
# code column -> (dimension, kind filter or None)
CODE_DIMS = {
    "outcome": ("dim_request_outcome", None),
    "applicant_type": ("dim_applicant_type", None),
    "item": ("dim_disclosure_item", None),
    "metric": ("dim_disclosure_metric", None),
    "case_type": ("dim_review_litigation", "case_type"),
    "result": ("dim_review_litigation", "result"),
}


def _years(spec: str | None) -> list[int] | None:
    if spec in (None, "", "all"):
        return None
    return sorted({int(y) for y in spec.split(",") if y.strip()})


def export_tables(warehouse: Path, years: list[int] | None = None) -> dict[str, pl.DataFrame]:
    """Every mart and analysis view present in the warehouse, as polars frames (rows of `years` only)."""
    con = connect(warehouse)
    try:
        have = {r[0] for r in con.execute(
            "SELECT view_name FROM duckdb_views() WHERE NOT internal AND schema_name = 'main'").fetchall()}
        out = {}
        for name in dd.TABLES:
            if name not in have:
                continue
            cols = [r[0] for r in con.execute(
                "SELECT column_name FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = ?", [name]).fetchall()]
            where = ""
            if years is not None and "report_year" in cols:
                where = " WHERE report_year IN (" + ", ".join(str(int(y)) for y in years) + ")"
            out[name] = con.sql(f"SELECT * FROM {qi(name)}{where}").pl()
    finally:
        con.close()
    return out


def with_labels(name: str, df: pl.DataFrame, tables: dict[str, pl.DataFrame]) -> pl.DataFrame:
    """`df` with a `<code>_zh` column (the Chinese label) right after each code column."""
    if name.startswith("dim_"):
        return df
    for col, (dim, kind) in CODE_DIMS.items():
        if col not in df.columns or dim not in tables:
            continue
        d = tables[dim]
        if kind is not None:
            d = d.filter(pl.col("kind") == kind)
        mapping = dict(zip(d["code"].to_list(), d["label_zh"].to_list()))
        at = df.columns.index(col) + 1
        df = df.insert_column(at, df[col].replace_strict(mapping, default=None, return_dtype=pl.String).alias(f"{col}_zh"))
    return df


def _chunk_long_text(df: pl.DataFrame) -> pl.DataFrame:
    """Split text longer than one Excel cell holds over several rows (`part` 1, 2, …): nothing is cut."""
    long = [c for c, t in df.schema.items() if t == pl.String
            and (df[c].str.len_chars().max() or 0) > XLSX_MAX_CELL]
    if not long:
        return df
    rows = []
    for r in df.iter_rows(named=True):
        pieces = {c: [r[c][i:i + XLSX_CHUNK] for i in range(0, len(r[c] or ""), XLSX_CHUNK)] or [r[c]] for c in long}
        n = max(len(p) for p in pieces.values())
        for k in range(n):
            rows.append({**r, **{c: (pieces[c][k] if k < len(pieces[c]) else "") for c in long}, "part": k + 1})
    return pl.DataFrame(rows, schema={**df.schema, "part": pl.Int32})


def _readme(warehouse: Path, tables: dict[str, pl.DataFrame], years: list[int] | None) -> pl.DataFrame:
    try:
        from importlib.metadata import version
        gk = version("gongkai")
    except Exception:  # noqa: BLE001 - not installed as a package
        gk = "unknown"
    present = sorted({int(y) for df in tables.values() if "report_year" in df.columns
                      for y in df["report_year"].drop_nulls().unique().to_list()})
    n_reports = tables["dim_report"].height if "dim_report" in tables else 0
    rows = [
        ("what", "gongkai warehouse export: China's 政府信息公开工作年度报告 (annual reports on government information "
                 "disclosure) as tables. One sheet per mart and analysis view; the `columns` sheet describes every column."),
        ("when", dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")),
        ("source", f"{Path(warehouse).resolve()} ({n_reports} reports; report years {', '.join(map(str, present)) or 'none'}"
                   f"{'; exported years ' + ', '.join(map(str, years)) if years else ''})"),
        ("contract version", dd.CONTRACT_VERSION),
        ("gongkai version", gk),
        ("cell_source", "printed 表内印刷 | blank 空白 | derived 由表内算式推出 | narrative 正文叙述 | missing 缺失: "
                        "a number is never invented; an unknown one is empty"),
        ("labels", "columns ending in _zh are the Chinese labels of the code column on their left"),
        ("long text", f"text longer than {XLSX_MAX_CELL} characters is split over rows numbered by `part`"),
    ]
    rows += [(f"sheet {n}", f"{dd.TABLES[n]} ({df.height} rows)") for n, df in tables.items()]
    return pl.DataFrame(rows, schema={"item": pl.String, "value": pl.String}, orient="row")


def write_xlsx(path: Path, warehouse: Path, tables: dict[str, pl.DataFrame], years: list[int] | None) -> Path:
    """One workbook: README, one sheet per table (labels next to codes, frozen header), columns."""
    import xlsxwriter

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".tmp-{path.name}")
    wb = xlsxwriter.Workbook(str(tmp), {"strings_to_urls": False, "strings_to_formulas": False})
    try:
        _readme(warehouse, tables, years).write_excel(workbook=wb, worksheet="README", autofit=True,
                                                      header_format={"bold": True}, table_style=None)
        for name, df in tables.items():
            sheet = _chunk_long_text(with_labels(name, df, tables))
            sheet.write_excel(workbook=wb, worksheet=name[:31], freeze_panes=(1, 0), autofit=True, autofilter=True,
                              header_format={"bold": True, "bg_color": "#f3f3f3"}, table_style=None,
                              float_precision=6)
            ws = wb.get_worksheet_by_name(name[:31])
            for j, col in enumerate(sheet.columns):
                desc = dd.describe(name, col) or (f"Chinese label 中文名称 of {col[:-3]}" if col.endswith("_zh")
                                                  else "part 分段: piece number of text split over rows" if col == "part"
                                                  else None)
                if desc:
                    ws.write_comment(0, j, desc, {"x_scale": 3, "y_scale": 2})
        dictionary = pl.DataFrame([(t, c.name, c.type, c.description) for t in tables for c in dd.columns(t)],
                                  schema={"table": pl.String, "column": pl.String, "type": pl.String,
                                          "description": pl.String}, orient="row")
        dictionary.write_excel(workbook=wb, worksheet="columns", freeze_panes=(1, 0), autofit=True, table_style=None,
                               header_format={"bold": True})
    finally:
        wb.close()
    tmp.replace(path)
    return path


def export(warehouse: Path, fmt: str, out: Path, years: list[int] | None = None) -> list[Path]:
    """Write the export; returns the files written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    tables = export_tables(warehouse, years)
    if not tables:
        raise FileNotFoundError(f"no marts under {Path(warehouse) / 'marts'}; run `gongkai run` first")
    out = Path(out)
    if fmt == "xlsx":
        return [write_xlsx(out / "gongkai.xlsx", warehouse, tables, years)]
    d = out / fmt
    d.mkdir(parents=True, exist_ok=True)
    written = []
    for name, df in tables.items():
        p = d / f"{name}.{fmt}"
        tmp = p.with_name(f".tmp-{p.name}")
        if fmt == "csv":
            df.write_csv(tmp, include_bom=True)
        else:
            df.write_parquet(tmp, compression="zstd", statistics=True)
        tmp.replace(p)
        written.append(p)
    return written


def main(argv: list[str] | None = None) -> int:
    """`gongkai export …`: 0 when written, 2 when there is nothing to export or the arguments are wrong."""
    ap = argparse.ArgumentParser(prog="gongkai export", description="Export the marts and analysis views.")
    ap.add_argument("--format", required=True, choices=FORMATS)
    ap.add_argument("--years", default="all", help="comma-separated report years, or 'all' (default)")
    ap.add_argument("--warehouse", default="warehouse", help="warehouse folder (default: ./warehouse)")
    ap.add_argument("--out", default=None, help="output folder (default: WAREHOUSE/exports)")
    args = ap.parse_args(argv)
    wh = Path(args.warehouse)
    out = Path(args.out) if args.out else wh / "exports"
    try:
        years = _years(args.years)
        files = export(wh, args.format, out, years)
    except (ValueError, FileNotFoundError) as exc:
        print(f"gongkai export: {exc}", file=sys.stderr)
        return 2
    print(f"gongkai export: {len(files)} file(s) in {out.resolve()}")
    for f in files:
        print(f"  {f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
