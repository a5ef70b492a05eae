"""The whole pipeline through Dagster, as a user runs it: `gongkai run` on the bundled sample corpus.

One run (module scope) is shared by the assertions on metadata, accuracy, layout and views; a
second run into the same warehouse must change nothing.
"""

import hashlib
import json
from pathlib import Path

import duckdb
import polars as pl
import pyarrow.parquet as pq
import pytest

from scoring import score_warehouse

from conftest import SAMPLE, gongkai_run

TRUTH = Path(__file__).parent / "fixtures" / "truth"


def mart(warehouse: Path, table: str) -> pl.DataFrame:
    files = sorted((warehouse / "marts" / table).glob("**/*.parquet"))
    return pl.concat([pl.read_parquet(f, hive_partitioning=False) for f in files], how="diagonal_relaxed")


def digests(warehouse: Path) -> dict[str, str]:
    return {str(p.relative_to(warehouse)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted((warehouse / "marts").glob("**/*.parquet"))}


def test_run_prints_a_summary_per_year(sample_run):
    _, out = sample_run
    assert "2019: 4 reports" in out and "2020: 3 reports" in out
    assert "quarantined 0" in out


@pytest.mark.parametrize("truth_file", sorted(TRUTH.glob("*.json")), ids=lambda p: p.stem[:3])
def test_dim_report_matches_truth_metadata(sample_run, truth_file):
    wh, _ = sample_run
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    dim = mart(wh, "dim_report").filter(pl.col("source_path").str.starts_with(truth_file.stem))
    assert dim.height == 1
    r = dim.row(0, named=True)
    region = [r["region_province"], r["region_city"], r["region_county"], r["region_township"]]
    assert r["agency_name"] == truth["agency"]
    assert [x for x in region if x] == truth["region"]
    assert (r["report_year"], r["admin_level"], r["template"], r["source_script"]) == (
        truth["year"], truth["admin_level"], truth["template"], truth["script"])
    if truth.get("published_date"):
        assert str(r["published_date"]) == truth["published_date"]
    assert r["report_id"] == hashlib.sha256((SAMPLE / r["source_path"]).read_bytes()).hexdigest()[:16]


def test_seed_accuracy_is_every_cell(sample_run):
    wh, _ = sample_run
    score = score_warehouse(wh, TRUTH)
    assert score.wrong == 0 and score.invented == 0, score.problems
    assert score.correct == score.cells, score.problems  # the seeds stay at 100 %


def test_cell_provenance_is_recorded(sample_run):
    wh, _ = sample_run
    facts = mart(wh, "fact_request_handling")
    zhongning = mart(wh, "dim_report").filter(pl.col("agency_name") == "中宁县人民政府")["report_id"][0]
    row = facts.filter((pl.col("report_id") == zhongning) & (pl.col("outcome") == "granted")
                       & (pl.col("applicant_type") == "natural_person")).row(0, named=True)
    assert (row["count"], row["cell_source"]) == (3, "derived")
    review = mart(wh, "fact_review_litigation")
    yanchi = mart(wh, "dim_report").filter(pl.col("agency_name") == "盐池县人民政府")["report_id"][0]
    assert set(review.filter(pl.col("report_id") == yanchi)["cell_source"]) == {"narrative"}


def test_marts_are_hive_partitioned_zstd_parquet_with_statistics(sample_run):
    wh, _ = sample_run
    for table in ("dim_report", "fact_request_handling", "fact_active_disclosure", "fact_review_litigation",
                  "report_sections", "dq_findings"):
        for year in (2019, 2020):
            f = wh / "marts" / table / f"report_year={year}" / "part-0.parquet"
            assert f.exists(), f
            meta = pq.ParquetFile(f).metadata
            if meta.num_rows:
                col = meta.row_group(0).column(0)
                assert col.compression == "ZSTD" and col.statistics is not None
    assert (wh / "marts" / "dim_request_outcome" / "part-0.parquet").exists()
    assert not list((wh / "marts").glob("**/.tmp-*"))


def test_contradiction_in_the_source_is_a_finding(sample_run):
    wh, _ = sample_run
    f = mart(wh, "dq_findings").filter(pl.col("check_name") == "arithmetic_contradiction")
    assert any("admin_review" in m and "printed 0 vs 1" in m for m in f["message"])


def test_duckdb_views_answer_questions(sample_run):
    wh, _ = sample_run
    con = duckdb.connect(str(wh / "gongkai.duckdb"), read_only=True)
    try:
        n = con.execute("SELECT count(*) FROM dim_report").fetchone()[0]
        granted = con.execute("""
            SELECT sum(count) FROM fact_request_handling
            WHERE outcome = 'granted' AND applicant_type = 'total'""").fetchone()[0]
        labels = con.execute("SELECT count(*) FROM dim_request_outcome").fetchone()[0]
    finally:
        con.close()
    assert n == 7 and granted == 4 + 0 + 0 + 1 + 32 + 45 and labels == 26


def test_second_run_changes_nothing_even_with_a_reader_attached(sample_run):
    wh, _ = sample_run
    before = digests(wh)
    reader = duckdb.connect(str(wh / "gongkai.duckdb"), read_only=True)  # a BI tool left open
    try:
        res = gongkai_run(SAMPLE, wh)
        assert reader.execute("SELECT count(*) FROM fact_request_handling").fetchone()[0] > 0
    finally:
        reader.close()
    assert res.returncode == 0, res.stderr
    assert digests(wh) == before


def test_one_year_can_be_run_alone(tmp_path):
    res = gongkai_run(SAMPLE, tmp_path, years="2020")
    assert res.returncode == 0, res.stderr
    assert sorted(p.name for p in (tmp_path / "marts" / "dim_report").iterdir()) == ["report_year=2020"]
    con = duckdb.connect(str(tmp_path / "gongkai.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM dim_report").fetchone()[0] == 3
    con.close()
