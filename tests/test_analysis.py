"""Analysis views: hand-made marts with known answers (fast), then the sample corpus's warehouse."""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl
import pytest

from transforms import labels
from transforms.analysis import VIEWS, connect, create_analysis_views, finding_location, write_analysis_marts
from transforms.marts import code_dimensions

A, B, C = "甲县人民政府", "乙县人民政府", "丙县人民政府"


def _write(marts: Path, table: str, year: int | None, df: pl.DataFrame) -> None:
    d = marts / table / (f"report_year={year}" if year is not None else "")
    d.mkdir(parents=True, exist_ok=True)
    df.write_parquet(d / "part-0.parquet")


def _report(rid, agency, year, level="county"):
    return {"report_id": rid, "source_path": f"{rid}.txt", "agency_name": agency, "region_province": "某省",
            "region_city": "某市", "region_county": agency[:2], "region_township": None, "admin_level": level,
            "report_year": year, "template": "2019", "source_script": "simplified", "source_format": "txt",
            "parse_status": "ok", "published_date": None, "title": "t", "sha256": rid * 4}


def _t3(rid, year, values: dict, source="printed"):
    """Total-column cells of table 3; every outcome of the 2019 template, 0 unless given (None = missing)."""
    rows = []
    for code in labels.OUTCOME_CODES:
        if code in labels.OTHER_SPLIT:
            continue
        v = values.get(code, 0)
        rows.append({"report_id": rid, "report_year": year, "outcome": code, "applicant_type": "total", "count": v,
                     "cell_source": "missing" if v is None else source})
    return rows


@pytest.fixture(scope="module")
def toy(tmp_path_factory) -> Path:
    """A: 2019 and 2020 (continuity break 3 vs 2); B: 2020 with a missing withheld cell; C: 2020, no table 3."""
    wh = tmp_path_factory.mktemp("toy")
    m = wh / "marts"
    for t, df in code_dimensions().items():
        _write(m, t, None, df)
    dims = {2019: [_report("a19", A, 2019)], 2020: [_report("a20", A, 2020), _report("b20", B, 2020), _report("c20", C, 2020)]}
    t3 = {2019: _t3("a19", 2019, {"new_received": 10, "granted": 6, "partially_granted": 2, "withheld_third_party": 1,
                                  "total_processed": 9, "carried_over": 1, "carried_forward": 2}),
          2020: _t3("a20", 2020, {"new_received": 15, "granted": 9, "partially_granted": 0, "total_processed": 12,
                                  "carried_over": 3, "carried_forward": 6, "withheld_state_secret": 2,
                                  "withheld_process_info": 1}, source="derived")
          + _t3("b20", 2020, {"new_received": 5, "granted": 5, "total_processed": 5, "withheld_admin_query": None})}
    t4 = [{"report_id": "a20", "report_year": 2020, "case_type": c, "result": r,
           "count": {"total": 4, "corrected": 1}.get(r, 0) if c == "admin_review" else 0, "cell_source": "printed"}
          for c in labels.CASE_TYPE_CODES for r in labels.REVIEW_RESULT_CODES]
    t2 = [{"report_id": "a20", "report_year": 2020, "item": "admin_licensing", "metric": "decisions", "value": 120.0,
           "cell_source": "printed"},
          {"report_id": "a20", "report_year": 2020, "item": "centralized_procurement",
           "metric": "procurement_amount_wan_yuan", "value": 12.5, "cell_source": "printed"}]
    fnd = [{"report_id": "b20", "source_path": "b20.txt", "report_year": 2020, "stage": "typed",
            "check_name": "row_cells_lost", "severity": "error", "message": "table 3 row withheld_admin_query: lost"}]
    for y in (2019, 2020):
        _write(m, "dim_report", y, pl.DataFrame(dims[y], schema_overrides={"report_year": pl.Int32, "published_date": pl.Date}))
        _write(m, "fact_request_handling", y, pl.DataFrame(t3[y], schema_overrides={"report_year": pl.Int32, "count": pl.Int64}))
        _write(m, "fact_review_litigation", y, pl.DataFrame([r for r in t4 if r["report_year"] == y] or None,
                                                            schema={"report_id": pl.String, "report_year": pl.Int32,
                                                                    "case_type": pl.String, "result": pl.String,
                                                                    "count": pl.Int64, "cell_source": pl.String}))
        _write(m, "fact_active_disclosure", y, pl.DataFrame([r for r in t2 if r["report_year"] == y] or None,
                                                            schema={"report_id": pl.String, "report_year": pl.Int32,
                                                                    "item": pl.String, "metric": pl.String,
                                                                    "value": pl.Float64, "cell_source": pl.String}))
        _write(m, "dq_findings", y, pl.DataFrame([r for r in fnd if r["report_year"] == y] or None,
                                                 schema={"report_id": pl.String, "source_path": pl.String,
                                                         "report_year": pl.Int32, "stage": pl.String,
                                                         "check_name": pl.String, "severity": pl.String,
                                                         "message": pl.String}))
    return wh


def _rows(con, sql):
    return con.sql(sql).pl().to_dicts()


def test_report_summary_figures_rates_sources(toy):
    con = connect(toy)
    s = {r["report_id"]: r for r in _rows(con, "SELECT * FROM report_summary")}
    assert set(s) == {"a19", "a20", "b20", "c20"}
    a = s["a20"]
    assert (a["new_received"], a["granted"], a["withheld_total"], a["total_processed"]) == (15, 9, 3, 12)
    assert a["withheld_total_source"] == "derived" and s["a19"]["granted_source"] == "printed"
    assert a["grant_rate"] == pytest.approx(9 / 12) and a["withheld_share"] == pytest.approx(3 / 12)
    assert (a["admin_review_total"], a["admin_review_corrected"], a["review_correction_rate"]) == (4, 1, 0.25)
    assert a["litigation_correction_rate"] is None  # no cases: no rate, not 0
    assert a["licensing_decisions"] == 120
    # a group with one missing part is unknown, never a partial sum
    assert s["b20"]["withheld_total"] is None and s["b20"]["withheld_total_source"] == "missing"
    assert (s["b20"]["findings"], s["b20"]["error_findings"]) == (1, 1)
    assert s["c20"]["new_received"] is None and s["c20"]["findings"] == 0


def test_counts_are_bigint_never_int128(toy):
    con = connect(toy)
    for view in VIEWS:
        types = {str(t) for t in con.sql(f'SELECT * FROM "{view}"').types}
        assert not types & {"HUGEINT", "UHUGEINT", "DECIMAL"}, (view, types)
        df = con.sql(f'SELECT * FROM "{view}"').pl()
        assert pl.Int128 not in df.schema.values(), view


def test_year_over_year_and_continuity(toy):
    con = connect(toy)
    rows = _rows(con, "SELECT * FROM agency_year_over_year")
    assert len(rows) == 1
    r = rows[0]
    assert (r["agency_name"], r["report_year"], r["prev_report_year"]) == (A, 2020, 2019)
    assert (r["new_received_prev"], r["new_received"], r["new_received_change"]) == (10, 15, 5)
    assert r["new_received_pct_change"] == pytest.approx(50.0)
    assert r["partially_granted_pct_change"] == pytest.approx(-100.0)
    assert (r["continuity_carried_over"], r["continuity_prev_carried_forward"], r["continuity_difference"],
            r["continuity_ok"]) == (3, 2, 1, False)


def test_peer_comparison_quartiles_and_rank(toy):
    con = connect(toy)
    p = {r["report_id"]: r for r in _rows(con, "SELECT * FROM peer_comparison WHERE report_year = 2020")}
    assert p["a20"]["peer_reports"] == 3
    assert (p["a20"]["new_received_rank"], p["b20"]["new_received_rank"], p["c20"]["new_received_rank"]) == (1, 2, None)
    assert p["a20"]["new_received_peer_median"] == pytest.approx(10.0)  # median of 15 and 5; C unknown
    assert p["a20"]["new_received_peer_p25"] == pytest.approx(7.5)


def test_region_rollup_sums_and_grouping(toy):
    con = connect(toy)
    r = {(x["grouped_by"], x["report_year"]): x for x in _rows(con, "SELECT * FROM region_rollup")}
    y = r[("year", 2020)]
    assert (y["reports"], y["reports_with_table3"], y["new_received"], y["total_processed"]) == (3, 2, 20, 17)
    assert y["granted_or_partial"] == 14 and y["pooled_grant_rate"] == pytest.approx(14 / 17)
    assert y["withheld_total"] == 3  # B's unknown total is left out, not counted as 0
    assert {g for g, _ in r} == {"year", "year+province", "year+province+level", "year+province+prefecture+level"}


def test_active_disclosure_typed(toy):
    con = connect(toy)
    rows = {r["metric"]: r for r in _rows(con, "SELECT * FROM fact_active_disclosure_typed")}
    assert rows["decisions"]["count"] == 120 and rows["decisions"]["amount_wan_yuan"] is None
    assert rows["procurement_amount_wan_yuan"]["count"] is None
    assert rows["procurement_amount_wan_yuan"]["amount_wan_yuan"] == 12.5


def test_create_analysis_views_on_a_database_file_comments_everything(toy, tmp_path):
    from transforms.analysis import contract_views_sql

    db = duckdb.connect(str(tmp_path / "x.duckdb"))
    for sql in contract_views_sql(toy / "marts").values():
        db.execute(sql)
    made = create_analysis_views(db, toy / "marts")
    assert made == list(VIEWS)
    missing = db.sql("SELECT table_name, column_name FROM duckdb_columns() WHERE comment IS NULL AND NOT internal "
                     "AND schema_name = 'main'").fetchall()
    assert missing == []
    assert db.sql("SELECT count(*) FROM duckdb_views() WHERE NOT internal AND comment IS NULL").fetchall() == [(0,)]
    assert create_analysis_views(db, toy / "marts") == made  # idempotent (CREATE OR REPLACE)


def test_analysis_marts_written_as_parquet(toy):
    out = write_analysis_marts(toy)
    assert set(out) == {"report_summary", "agency_year_over_year", "peer_comparison", "region_rollup"}
    con = connect(toy)
    for name, path in out.items():
        assert pl.read_parquet(path).equals(con.sql(f'SELECT * FROM "{name}"').pl()), name


def test_dimensions_flag_totals_and_groups():
    dims = code_dimensions()
    o = {r["code"]: r for r in dims["dim_request_outcome"].to_dicts()}
    assert o["total_processed"]["is_total"] and not o["granted"]["is_total"]
    assert o["withheld_third_party"]["parent_code"] == "withheld" and o["other_misc"]["parent_code"] == "other"
    assert o["unavailable_unclear"]["parent_code"] == "unavailable" and o["granted"]["parent_code"] is None
    assert dims["dim_applicant_type"].filter(pl.col("is_total"))["code"].to_list() == ["total"]
    assert dims["dim_disclosure_item"]["parent_code"].null_count() == dims["dim_disclosure_item"].height


def test_finding_location():
    assert finding_location("table 3 row granted: row lost 1 of 7 cells") == "table 3 · granted （一）予以公开"
    assert finding_location("table4 admin_review: total = sum of results") == "table 4 · admin_review 行政复议"
    assert finding_location("table 2 not found in the report") == "table 2"
    assert finding_location("section 2 主动公开政府信息情况 not found") is None


def test_sample_warehouse_summary_matches_facts(sample_run):
    wh = sample_run[0]
    db = duckdb.connect(str(wh / "gongkai.duckdb"), read_only=True)
    views = {r[0] for r in db.sql("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
    assert set(VIEWS) <= views
    got = db.sql("SELECT report_id, new_received, total_processed FROM report_summary ORDER BY report_id").fetchall()
    want = db.sql("""SELECT d.report_id,
        max("count") FILTER (WHERE outcome = 'new_received' AND applicant_type = 'total'),
        max("count") FILTER (WHERE outcome = 'total_processed' AND applicant_type = 'total')
        FROM dim_report d LEFT JOIN fact_request_handling f USING (report_id) GROUP BY d.report_id ORDER BY 1""").fetchall()
    assert got == want and len(got) == 7
    for name in ("report_summary", "peer_comparison", "region_rollup", "agency_year_over_year"):
        assert (wh / "analysis" / name / "part-0.parquet").is_file()
