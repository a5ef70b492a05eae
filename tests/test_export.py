"""`gongkai export`: CSV, Parquet and xlsx give back the marts' numbers."""

from __future__ import annotations

import polars as pl
import pytest

from orchestration.export import main
from transforms.dictionary import CONTRACT_VERSION


@pytest.fixture(scope="module")
def wh(sample_run):
    return sample_run[0]


def _mart(wh, table):
    return pl.read_parquet(wh / "marts" / table / "**" / "*.parquet", hive_partitioning=False)


def test_xlsx_reads_back_to_the_marts(wh, tmp_path):
    import openpyxl

    assert main(["--format", "xlsx", "--warehouse", str(wh), "--out", str(tmp_path)]) == 0
    path = tmp_path / "gongkai.xlsx"
    wb = openpyxl.load_workbook(path, read_only=False)
    assert {"README", "dim_report", "fact_request_handling", "report_summary", "agency_year_over_year",
            "peer_comparison", "region_rollup", "columns"} <= set(wb.sheetnames)
    ws = wb["fact_request_handling"]
    assert ws.freeze_panes == "A2"
    header = [c.value for c in ws[1]]
    assert header[header.index("outcome") + 1] == "outcome_zh"
    assert ws.cell(1, 1).comment is not None  # the column's description
    readme = {r[0]: r[1] for r in wb["README"].iter_rows(min_row=2, values_only=True)}
    assert readme["contract version"] == CONTRACT_VERSION and {"what", "when", "source"} <= set(readme)
    got = pl.read_excel(path, sheet_name="fact_request_handling", engine="openpyxl")
    want = _mart(wh, "fact_request_handling").sort("report_id", "outcome", "applicant_type")
    got = got.select(want.columns).cast(want.schema).sort("report_id", "outcome", "applicant_type")
    assert got.equals(want)
    label = got.join(pl.read_excel(path, sheet_name="fact_request_handling", engine="openpyxl")
                     .select("outcome", "outcome_zh").unique(), on="outcome")
    assert label.filter(pl.col("outcome") == "granted")["outcome_zh"][0] == "（一）予以公开"


def test_csv_and_parquet_equal_the_marts_and_years_filter(wh, tmp_path):
    assert main(["--format", "csv", "--warehouse", str(wh), "--out", str(tmp_path), "--years", "2019"]) == 0
    assert main(["--format", "parquet", "--warehouse", str(wh), "--out", str(tmp_path)]) == 0
    want = _mart(wh, "fact_review_litigation").sort("report_id", "case_type", "result")
    pq = pl.read_parquet(tmp_path / "parquet" / "fact_review_litigation.parquet")
    assert pq.sort("report_id", "case_type", "result").equals(want)
    csv = pl.read_csv(tmp_path / "csv" / "fact_review_litigation.csv", schema_overrides=want.schema)
    assert csv.sort("report_id", "case_type", "result").equals(want.filter(pl.col("report_year") == 2019))
    summary = pl.read_parquet(tmp_path / "parquet" / "report_summary.parquet")
    assert summary.height == _mart(wh, "dim_report").height
    assert (tmp_path / "csv" / "dim_report.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # BOM for spreadsheets


def test_empty_warehouse_is_a_clear_error(tmp_path, capsys):
    assert main(["--format", "csv", "--warehouse", str(tmp_path / "none")]) == 2
    assert "gongkai run" in capsys.readouterr().err
